"""metrics (工作数据): vectors through the real reader and extractor, and the traps that are not metrics.

Every text here is written for these tests in the style of county and newspaper reports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.extractor import extract
from reporter.extractor.numbers import parse_number
from reporter.extractor.rules.metrics import read_metric_words
from reporter.model import Metric
from reporter.readers import read
from reporter.schema import load_schema
from reporter.templates import default_dir
from reporter.writers.jsonl import record_to_dict
from tests.support.metric_runs import M, run, triples


@dataclass(frozen=True)
class Vector:
    id: str
    text: str
    must_include: tuple[M, ...] = ()
    must_not_include: tuple[M | float, ...] = ()  # a bare number: no metric may have this value
    empty: bool = False


VECTORS = [
    Vector(
        "shared-verb-over-a-list-of-counts",
        "五年来全县建成30处示范基地和80家加工企业。",
        (("建成示范基地", 30, "处"), ("建成加工企业", 80, "家")),
    ),
    Vector(
        "open-verbs-and-coordinated-predicates",
        "某公司收集了多达15万条人脸信息。团伙非法获取简历信息3.7万余条并出售牟利。"
        "全县精心打造赏花、美食等12条精品线路，有机认证面积达12.6万亩。",
        (
            ("收集人脸信息", 150000, "条"),
            ("团伙非法获取简历信息", 37000, "条"),
            ("有机认证面积", 126000, "亩"),
        ),
    ),
    Vector(
        "previous-sentence-names-the-count",
        "近年来，全县受理的行政复议案件逐年增加。2024年共有640件。",
        (("受理的行政复议案件", 640, "件"),),
    ),
    Vector(
        "what-a-place-has-is-background",
        "该乡有4个村共5200人，东山村有800人。景区内经营户就有40家。",
        (("景区内经营户", 40, "家"),),
        (5200, 800),
    ),
    Vector(
        "agenda-topics-and-plain-growth",
        "会议研究了3个议题。全县地区生产总值完成186.5亿元，增长6.2%。",
        (("地区生产总值", 18650000000, "元"), ("地区生产总值同比", 6.2, "%")),
        (3,),
    ),
    Vector(
        "target-year-is-not-a-result",
        "今年以来检查企业120家。到2030年，全市燃气报警器安装率达到100%。",
        (("检查企业", 120, "家"),),
        (100,),
    ),
    Vector(
        "event-clause-before-the-name-dropped",
        "机场改扩建后通航城市达到24个，针对群众反映的突出问题立案110件。",
        (("通航城市", 24, "个"), ("立案", 110, "件")),
    ),
    Vector(
        "bare-verb-keeps-its-subject-and-jishi-stays",
        "市级成员单位共受理2510件次，及时办结率99.9%。",
        (("市级成员单位受理", 2510, "件次"), ("及时办结率", 99.9, "%")),
    ),
    Vector(
        "level-reached-after-zengzhi",
        "机场扩建后，通航城市增至18个。",
        (("通航城市", 18, "个"),),
    ),
    Vector(
        "verb-after-the-number-by-part-of-speech",
        "新建的1748个停车位全部投用，带动4500人次就业。",
        (("带动就业", 4500, "人次"),),
    ),
    # ---- second design: strategies from the grammar of the clause ----
    Vector(
        "counted-noun",
        "目前，全镇分布着农家乐经营主体120余家、从业人员800余人，民宿床位达到1500张。",
        (("农家乐经营主体", 120, "家"), ("从业人员", 800, "人"), ("民宿床位", 1500, "张")),
    ),
    Vector(
        "counted-noun-not-a-locative-or-pronoun",
        "收入在5万元以下的村，其中12个已经整改。",
        (),
        (50000,),
    ),
    Vector(
        "open-verb-by-part-of-speech",
        "该县今年打造12个示范食堂，编写了3000余份宣传册。",
        (("打造示范食堂", 12, "个"), ("编写宣传册", 3000, "份")),
    ),
    Vector(
        "fenbie-distribution",
        "全县治安案件、刑事案件分别为320起和56起，城镇、农村居民人均收入分别达4.2万元和2.1万元，"
        "较上年分别增加3100元、2600元。",
        (
            ("治安案件", 320, "起"),
            ("刑事案件", 56, "起"),
            ("城镇居民人均收入", 42000, "元"),
            ("农村居民人均收入", 21000, "元"),
            ("城镇居民人均收入增加", 3100, "元"),
            ("农村居民人均收入增加", 2600, "元"),
        ),
    ),
    Vector(
        "times-of",
        "今年受理的调解案件数量是上年同期的2.5倍。",
        (("受理的调解案件数量", 2.5, "倍"),),
    ),
    Vector(
        "short-change-bizeng",
        "全市渔业产值48亿元，比增6.5%；外贸出口额12亿元，比降3.2%。",
        (("渔业产值", 4800000000, "元"), ("渔业产值同比", 6.5, "%"), ("外贸出口额同比", -3.2, "%")),
    ),
    Vector(
        "change-against-a-year",
        "全年接报各类警情2.4万起，比2024年增长3.6%。",
        (("接报各类警情", 24000, "起"), ("接报各类警情同比", 3.6, "%")),
    ),
    # ---- the thing first, with its result verb; time words, 共/累计 and subjects dropped ----
    Vector(
        "name-first",
        "全年，全县公安机关共破获刑事案件93起，抓获犯罪嫌疑人117人，打掉涉恶团伙3个。",
        (("破获刑事案件", 93, "起"), ("抓获犯罪嫌疑人", 117, "人"), ("打掉涉恶团伙", 3, "个")),
    ),
    Vector(
        "time-words-dropped",
        "年内累计摸排线索1356条，今年以来查处非法营运车辆86辆。",
        (("摸排线索", 1356, "条"), ("查处非法营运车辆", 86, "辆")),
    ),
    Vector(
        "subject-before-verb",
        "市场监管局出动执法人员320人次，检查餐饮单位1540户，立案查处食品安全违法案件37件。",
        (("出动执法人员", 320, "人次"), ("检查餐饮单位", 1540, "户"), ("立案查处食品安全违法案件", 37, "件")),
    ),
    Vector(
        "approximations-dropped",
        "此次行动抓获违法犯罪人员1000余人，收缴赌资近20万元，查扣车辆30多辆。",
        (("抓获违法犯罪人员", 1000, "人"), ("收缴赌资", 200000, "元")),
        (1001,),
    ),
    Vector(
        "money-in-yuan",
        "为群众挽回经济损失236.8万元，冻结涉案资金1.2亿元，罚没款28.6万元。",
        (("挽回经济损失", 2368000, "元"), ("冻结涉案资金", 120000000, "元"), ("罚没款", 286000, "元")),
    ),
    Vector(
        "wan-people",
        "全年累计接待群众来访1.5万人次，办结率98.6%。",
        (("接待群众来访", 15000, "人次"), ("办结率", 98.6, "%")),
    ),
    Vector(
        "chinese-numerals",
        "专案组共抓获犯罪嫌疑人十二名，捣毁窝点三处。",
        (("抓获犯罪嫌疑人", 12, "名"), ("捣毁窝点", 3, "处")),
    ),
    Vector(
        "verb-shared-by-a-list",
        "现场扣押挖掘机3台、运输车辆5台、油罐车1台。",
        (("扣押挖掘机", 3, "台"), ("扣押运输车辆", 5, "台"), ("扣押油罐车", 1, "台")),
    ),
    Vector(
        "list-with-shared-predicate",
        "消防部门迅速调派消防车8辆、指战员40余名赶赴现场。",
        (("调派消防车", 8, "辆"), ("调派指战员", 40, "名")),
    ),
    Vector(
        "accident-count-and-changes",
        "全年全县共发生道路交通事故56起，死亡12人，受伤43人，同比分别下降8.2%、14.3%和10.4%。",
        (
            ("发生道路交通事故", 56, "起"),
            ("死亡", 12, "人"),
            ("受伤", 43, "人"),
            ("发生道路交通事故同比", -8.2, "%"),
            ("死亡同比", -14.3, "%"),
            ("受伤同比", -10.4, "%"),
        ),
    ),
    Vector(
        "two-units-one-thing",
        "全年受理审查起诉案件215件308人。",
        (("受理审查起诉案件", 215, "件"), ("受理审查起诉案件", 308, "人")),
    ),
    Vector(
        "parts-with-qizhong",
        "共查处治安案件320起，其中赌博案件45起、吸毒案件18起。",
        (("查处治安案件", 320, "起"), ("赌博案件", 45, "起"), ("吸毒案件", 18, "起")),
    ),
    Vector(
        "continuation-clause",
        "共打掉涉黑组织12个，恶势力犯罪集团35个。",
        (("打掉涉黑组织", 12, "个"), ("恶势力犯罪集团", 35, "个")),
    ),
    Vector(
        "object-carried-to-next-verb",
        "全市累计排查矛盾纠纷2356件，化解2298件，化解率97.5%。",
        (("排查矛盾纠纷", 2356, "件"), ("化解矛盾纠纷", 2298, "件"), ("化解率", 97.5, "%")),
    ),
    Vector(
        "statistic-with-da",
        "全县社区矫正对象再犯罪率为0.2%，群众安全感达到98.1%。",
        (("社区矫正对象再犯罪率", 0.2, "%"), ("群众安全感", 98.1, "%")),
    ),
    Vector(
        "value-of-the-thing-before",
        "查获假冒卷烟600余条（价值15万余元）。",
        (("查获假冒卷烟", 600, "条"), ("查获假冒卷烟价值", 150000, "元")),
    ),
    Vector(
        "casualties",
        "事故造成3人死亡、2人受伤，直接经济损失约450万元。",
        (("死亡", 3, "人"), ("受伤", 2, "人"), ("直接经济损失", 4500000, "元")),
    ),
    Vector("dead-and-injured-idiom", "两车相撞造成1死3伤。", (("死亡", 1, "人"), ("受伤", 3, "人"))),
    Vector(
        "earthquake",
        "当地发生6.1级地震，造成受灾人口1200户4300人。",
        (("地震", 6.1, "级"), ("受灾人口", 1200, "户"), ("受灾人口", 4300, "人")),
    ),
    # ---- the number first, the thing after it -----------------------------------------------
    Vector(
        "number-first-dui",
        "目前，公安机关已对17名涉案人员采取刑事强制措施。",
        (("采取刑事强制措施涉案人员", 17, "名"),),
    ),
    Vector(
        "number-first-subject",
        "截至发稿时，已有5人投案自首，9人被批准逮捕。",
        (("投案自首", 5, "人"), ("被批准逮捕", 9, "人")),
    ),
    Vector("number-first-jiang", "消防救援人员将3名被困群众救出并送医。", (("救出被困群众", 3, "名"),)),
    Vector(
        "number-first-verb-before",
        "该所共设置了31个便民服务点，培训了200多名网格员。",
        (("设置便民服务点", 31, "个"), ("培训网格员", 200, "名")),
    ),
    Vector("number-first-dui-jinxing", "对25起重大案件进行挂牌督办。", (("挂牌督办重大案件", 25, "起"),)),
    Vector(
        "colon-labels",
        "1.刑事立案：320起，同比下降5.2%；2.破获刑事案件：156起。",
        (("刑事立案", 320, "起"), ("刑事立案同比", -5.2, "%"), ("破获刑事案件", 156, "起")),
    ),
    Vector(
        "half-width-punctuation",
        "今年以来,我局共侦破电信诈骗案件45起,抓获犯罪嫌疑人62名,止付冻结资金386.5万元。",
        (("侦破电信诈骗案件", 45, "起"), ("抓获犯罪嫌疑人", 62, "名"), ("止付冻结资金", 3865000, "元")),
    ),
    Vector(
        "noun-compound-with-verb",
        "此次强降雨造成受灾群众2360人，农作物受灾面积1.2万亩。",
        (("受灾群众", 2360, "人"), ("农作物受灾面积", 12000, "亩")),
    ),
    Vector(
        "statistic-completed",
        "2023年，全县地区生产总值完成186.5亿元，同比增长6.2%。",
        (("地区生产总值", 18650000000, "元"), ("地区生产总值同比", 6.2, "%")),
    ),
    # ---- rises and falls ---------------------------------------------------------------------
    Vector(
        "tongbi-after-metric",
        "全年刑事发案5210起，同比下降6.4%。",
        (("刑事发案", 5210, "起"), ("刑事发案同比", -6.4, "%")),
    ),
    Vector(
        "tongbi-respectively",
        "共破获案件300起、抓获嫌疑人410人，同比分别上升12.5%、20.1%。",
        (("破获案件同比", 12.5, "%"), ("抓获嫌疑人同比", 20.1, "%")),
    ),
    Vector(
        "tongbi-named-list",
        "截至9月底，立案数、涉案金额同比分别下降10.2%和8.5%。",
        (("立案数同比", -10.2, "%"), ("涉案金额同比", -8.5, "%")),
    ),
    Vector(
        "huanbi",
        "全市刑事警情环比下降8.3%，电信网络诈骗发案数同比下降21.4%。",
        (("刑事警情环比", -8.3, "%"), ("电信网络诈骗发案数同比", -21.4, "%")),
    ),
    Vector(
        "percentage-points",
        "该院结案率95.6%，同比提高2.3个百分点。",
        (("该院结案率", 95.6, "%"), ("该院结案率同比", 2.3, "个百分点")),
    ),
    Vector(
        "count-change-and-rate",
        "全年刑事案件立案数较去年同期减少213起，降幅为11.2%。",
        (("刑事案件立案数同比", -213, "起"), ("刑事案件立案数同比", -11.2, "%")),
    ),
    Vector(
        "comparison-carries-on",
        "全县信访总量同比下降15.3%，越级访下降22.1%。",
        (("信访总量同比", -15.3, "%"), ("越级访同比", -22.1, "%")),
    ),
    Vector(
        "from-to",
        "全区110接警总量从2018年的12.3万起降到2020年的9.8万起。",
        (("110接警总量", 123000, "起"), ("110接警总量", 98000, "起")),
        (2018, 2020),
    ),
    # ---- what is not a metric ----------------------------------------------------------------
    Vector("dates", "2024年3月15日上午9时30分，县公安局在三楼会议室召开会议。", empty=True),
    Vector("durations", "开展为期三年的专项斗争，本次集中整治为期3个月，历时两个星期。", empty=True),
    Vector("ordinals", "这是全市首个农村“村霸型”涉黑团伙，第一批12名民警参加第二、三轮督导。", empty=True),
    Vector("meeting-ordinal", "会议传达学习了市委十四届五次全会精神。", empty=True),
    Vector("anniversary", "为新中国成立70周年营造安全稳定的政治环境。", empty=True),
    Vector("agenda-units", "东山区、西河县、南岭县三个县区公安局做了交流发言。", empty=True),
    Vector("agenda-points", "局长就做好下步工作提出了三点要求，从四个方面作出部署。", empty=True),
    Vector("agenda-items", "今年村里完成了道路硬化、危房改造两件大事。", empty=True),
    Vector(
        "numbers-inside-names",
        "扫黑除恶专项斗争6号行动中，“8·20”专案组开通12345热线和96110专线。",
        empty=True,
    ),
    Vector(
        "phone-document-law",
        "举报电话0476-8888888，依据〔2024〕15号文件和《刑法》第二百九十三条处理。",
        empty=True,
    ),
    Vector("ages", "52岁的张大爷和70多岁的李奶奶在家门口做起了生意。", empty=True),
    Vector("quoted-slogans", "坚决做到“两个维护”，落实“三个清单”，坚持“三个不放过”原则。", empty=True),
    Vector("ranges-and-norms", "每个工作站有2至5名干部，每月走访不少于3次，3—4个村一组。", empty=True),
    Vector("indefinite-yi", "国道发生一起交通事故，一名民警第一时间赶到现场。", empty=True),
    Vector(
        "background-counts",
        "全县共有12个乡镇、186个行政村，总人口35.6万人，现有干部职工126名。",
        (("总人口", 356000, "人"),),  # a statistic of the place, stated as a fact
        (12, 186, 126),  # what the place has (共有, 现有) is background
    ),
    Vector("plans-and-targets", "该项目预计年产值5亿元，力争年内破案率提升5个百分点。", empty=True),
    Vector("participants", "县直12个部门负责同志出席会议，深入3个乡镇开展调研。", empty=True),
    Vector("several-hundred", "涉案微信号达数百万个。", empty=True),
    Vector("money-as-a-statistic", "公司员工月工资3000元。", (("公司员工月工资", 3000, "元"),)),
    Vector("time-of-day-colon", "会议于9:30开始，10:45结束。", empty=True),
    Vector(
        "mixed", "会议强调，要坚决做到“两个维护”，全年共破获案件820起。", (("破获案件", 820, "起"),), (2,)
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_vectors(vector: Vector, tmp_path: Path):
    record = run(vector.text, tmp_path)
    got = triples(record)
    if vector.empty:
        assert got == [], f"{vector.id}: expected no metrics, got {got}"
    for want in vector.must_include:
        assert want in got, f"{vector.id}: {want} not in {got}"
    for bad in vector.must_not_include:
        if isinstance(bad, tuple):
            assert bad not in got, f"{vector.id}: {bad} should not be in {got}"
        else:
            assert all(v != bad for _, v, _ in got), f"{vector.id}: value {bad} should not be in {got}"


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.must_include], ids=lambda v: v.id)
def test_evidence_slices_back_to_the_number(vector: Vector, tmp_path: Path):
    record = run(vector.text, tmp_path)
    path_text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    for found in record.fields["metrics"]:
        metric = found.value
        assert isinstance(metric, Metric)
        span = found.evidence.span
        written = path_text[span.start : span.end]
        number = written
        for unit in (metric.unit, "死", "伤"):
            if unit and number.endswith(unit):
                number = number[: -len(unit)]
                break
        number = number.rstrip("余多")
        assert parse_number(number) == abs(metric.value), (written, metric)
        assert written in found.evidence.sentence


def test_gbk_county_post(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    text = "青山县公安局开展夏季治安整治\n行动中,全县共破获刑事案件93起,同比上升12.5%;收缴管制刀具41把。\n来源:青山县公安局\n"
    path.write_bytes(text.encode("gb18030"))
    got = triples(extract(read(path), load_schema()))
    assert got == [("破获刑事案件", 93, "起"), ("破获刑事案件同比", 12.5, "%"), ("收缴管制刀具", 41, "把")]


def test_headline_figure_is_the_body_figure(tmp_path: Path):
    text = "共破获电信网络诈骗案件120起，抓获犯罪嫌疑人86人。"
    path = tmp_path / "r.txt"
    path.write_text("青山县破获电诈案件120起\n" + text + "\n", encoding="utf-8")
    got = triples(extract(read(path), load_schema()))
    assert [t for t in got if t[1] == 120] == [("破获电信网络诈骗案件", 120, "起")]


def test_restated_figure_once(tmp_path: Path):
    got = triples(run("全年抓获犯罪嫌疑人1.6万人。经查，抓获犯罪嫌疑人1.6万名，均已依法处理。", tmp_path))
    assert [t for t in got if t[1] == 16000] == [("抓获犯罪嫌疑人", 16000, "人")]


def test_places_tell_repeated_names_apart(tmp_path: Path):
    text = (
        "地震造成倒塌房屋87间，直接经济损失1200万元。\n甲村倒塌房屋57间，直接经济损失650万元。\n"
        "乙县倒塌房屋30间，直接经济损失550万元。"
    )
    got = triples(run(text, tmp_path))
    assert (
        ("倒塌房屋", 87, "间") in got
        and ("甲村倒塌房屋", 57, "间") in got
        and ("乙县倒塌房屋", 30, "间") in got
    )
    assert ("乙县直接经济损失", 5500000, "元") in got


def test_indicator_from_schema_aliases(tmp_path: Path):
    record = run("全年抓获违法犯罪嫌疑人117人，侦破刑事案件93起。", tmp_path)
    by_name = {m.name: m for m in record.values("metrics")}
    assert by_name["抓获违法犯罪嫌疑人"].indicator == "抓获犯罪嫌疑人"
    assert by_name["侦破刑事案件"].indicator == "破获案件"
    out = record_to_dict(record, load_schema())
    assert {"name": "抓获违法犯罪嫌疑人", "value": 117, "unit": "人", "indicator": "抓获犯罪嫌疑人"} in out[
        "metrics"
    ]
    json.dumps(out, ensure_ascii=False)


def test_changes_and_metrics_keep_text_order(tmp_path: Path):
    names = [t[0] for t in triples(run("全年刑事发案5210起，同比下降6.4%，破获案件820起。", tmp_path))]
    assert names == ["刑事发案", "刑事发案同比", "破获案件"]


def test_user_word_list_extends_the_defaults(tmp_path: Path):
    text = "今年以来，共救助受伤野生鸟类36羽，放归26羽。"
    assert triples(run(text, tmp_path)) == []
    mine = tmp_path / "mine"
    mine.mkdir()
    default = (default_dir() / "metric_words.txt").read_text(encoding="utf-8")
    (mine / "metric_words.txt").write_text(default.replace("[量词]\n", "[量词]\n羽\n", 1), encoding="utf-8")
    (mine / "metric_words.txt").touch()
    got = triples(run(text, tmp_path, templates=mine))
    assert ("救助受伤野生鸟类", 36, "羽") in got


def test_word_list_sections_parse(tmp_path: Path):
    path = tmp_path / "metric_words.txt"
    path.write_text(
        "# 注释\n[量词]\n起\n部  门委  # 3部门 不是 3部\n[结果动词]\n破获\n[未知节]\n忽略\n", encoding="utf-8"
    )
    words = read_metric_words(path)
    assert words.units == ("起", "部") and words.unit_stops == {"部": "门委"}
    assert words.verbs == ("破获",) and words.agenda == ()
    assert words.first_verb("全县破获案件").group() == "破获"


def test_default_word_list_is_packaged_and_sane():
    words = read_metric_words(default_dir() / "metric_words.txt")
    assert {
        "起",
        "人",
        "名",
        "个",
        "条",
        "件",
        "家",
        "次",
        "户",
        "辆",
        "吨",
        "元",
        "人次",
        "个百分点",
    } <= set(words.units)
    assert {
        "破获",
        "抓获",
        "查处",
        "打掉",
        "摸排",
        "检查",
        "排查",
        "整改",
        "追缴",
        "挽回",
        "发放",
        "受理",
        "办结",
    } <= set(words.verbs)
    assert "周年" in words.not_units and "岁" in words.not_units and "为期" in words.not_before
    # 联网 inside 互联网 is no verb
    assert (
        words.first_verb("通过互联网办案") is not None
        and words.first_verb("通过互联网办案").group() == "办案"
    )
