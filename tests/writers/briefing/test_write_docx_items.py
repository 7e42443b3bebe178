"""简报 items from the report's own words: furniture removal, cutting at sentence ends, figure phrasing,
requirements in one sentence, the issuing unit, the heading (pure functions, test vectors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.model import Evidence, Found, Metric, Record, Span
from reporter.writers.briefing.item import (
    ITEM_MAX,
    build_item,
    figure_text,
    figure_texts,
    heading_text,
    issuing_unit,
    lead_text,
    number_text,
    pick_figures,
    remove_furniture,
    requirement_sentence,
    task_clean,
)

# ------------------------------------------------------------------------------------ furniture
FURNITURE = [
    ("本报北京1月9日电 （记者张某）全国某办公室今日公布十大案件。", "全国某办公室今日公布十大案件。"),
    ("新华社北京2月20日电\u00a0某某19日主持召开领导小组会议。", "某某19日主持召开领导小组会议。"),
    (
        "某某网8月26日电(记者李某)8月26日早上，某省道发生一起交通事故。",
        "8月26日早上，某省道发生一起交通事故。",
    ),
    ("某山网讯(通讯员王某报道)2008年3月21日06时33分02.6秒，某县发生地震。", "2008年3月21日，某县发生地震。"),
    (
        "本报包头2月13日电\u00a0\u00a0（丁某、\u00a0高某）春节假期过后，某院推出非接触办案方式。",
        "春节假期过后，某院推出非接触办案方式。",
    ),
    ("2007年08月27日 02:35:22 某地发生事故。", "某地发生事故。"),
    ("2014年1月2日14时许，某大厦第30层发生火灾。", "2014年1月2日，某大厦第30层发生火灾。"),
    ("昨日凌晨1时44分，某路发生一起交通事故。", "昨日凌晨，某路发生一起交通事故。"),
    ("1时56分，消防官兵到达现场。", "消防官兵到达现场。"),
    ("某局实行24小时值班，3时间段轮换。", "某局实行24小时值班，3时间段轮换。"),  # not clock times
    (
        "2019年1月4日,某局在某旗召开推进会,部署重点任务。",
        "2019年1月4日，某局在某旗召开推进会，部署重点任务。",
    ),
    ("某局召开会议。", "某局召开会议。"),
]


@pytest.mark.parametrize("line,expected", FURNITURE, ids=[f[1][:10] for f in FURNITURE])
def test_remove_furniture(line, expected):
    assert remove_furniture(line) == expected


# ------------------------------------------------------------------------------------ the lead
def test_headline_lines_without_a_full_stop_are_dropped():
    source = "全国抓获嫌疑人16.3万人，同比上升123.3%\n\u3000\u30003.1%\n\u3000\u3000针对高发势头，某部部署专项行动。"
    assert lead_text(source) == "针对高发势头，某部部署专项行动。"


def test_the_lead_is_cut_after_a_sentence_never_inside_one():
    one = "某局召开推进会，总结交流工作经验。"  # 17
    two = "会议通报了各地进展情况，分析了存在的问题和短板。"  # 24
    three = "会议对下一步工作进行了全面部署，提出了明确要求和时间节点。"
    assert lead_text(one + two + three, limit=45) == one + two
    assert lead_text(one + two + three, limit=20) == one


def test_semicolons_never_end_the_lead():
    text = "截至2月24日，现有确诊病例4万例，其中重症病例9千例；累计治愈病例2万例；现有疑似病例2千例。"
    assert lead_text(text) == text  # one sentence with ；inside stays whole
    cut = "某部召开会议，部署疫情防控工作。某省17个市中，有15个已出现病例；"
    assert lead_text(cut) == "某部召开会议，部署疫情防控工作。"  # the piece the summary cut at ；is left out
    only = "国务院总理某某主持召开常务会议，进一步部署防汛救灾工作，要求全力保障群众安全；"
    assert lead_text(only) == "国务院总理某某主持召开常务会议，进一步部署防汛救灾工作。"


NOTICE_OPENING = "近期本市进入用电高峰，部分线路负荷较大。为保障供电安全，现将有关事项通知如下："


@pytest.mark.parametrize(
    "items",
    [
        ["一、落实巡检责任。各所要每日巡查线路。", "二、做好应急准备。"],
        ["1.落实巡检责任。各所要每日巡查线路。", "2.做好应急准备。"],
        ["（一）落实巡检责任。", "（二）做好应急准备。"],
        ["第一，落实巡检责任。", "第二，做好应急准备。"],
    ],
)
def test_the_lead_of_a_notice_stops_before_its_list(items):
    lead = lead_text("\n".join([NOTICE_OPENING, *items]), limit=200)
    assert lead == "近期本市进入用电高峰，部分线路负荷较大。"  # not …通知如下：一、落实巡检责任。


def test_a_list_heading_without_a_full_stop_also_ends_the_lead():
    text = "今年以来，全县发生事故3起。现将有关情况通报如下：\n一、基本情况\n（一）5月2日，某路段发生事故。"
    assert lead_text(text, limit=200) == "今年以来，全县发生事故3起。"


def test_a_report_that_opens_with_its_list_and_numbers_that_are_no_list_keep_their_text():
    assert lead_text("一、某局召开会议。\n二、部署工作。", limit=200) == "一、某局召开会议。二、部署工作。"
    text = "全县共检查企业1.5万家。\n2024年共整改隐患300处。"
    assert lead_text(text, limit=200) == "全县共检查企业1.5万家。2024年共整改隐患300处。"


def test_the_seed_notice_reads_as_a_clerk_condenses_it(seeds_dir, schema):
    from reporter.jobs.pipeline import process

    item = build_item(process(seeds_dir / "notice.docx", schema))
    assert item.lead.endswith("。") and "如下" not in item.lead and "一、" not in item.lead
    assert item.requirement.startswith("通知要求，") and item.text == item.lead + item.requirement


def test_a_long_first_sentence_is_cut_at_a_comma_and_closed():
    text = (
        "某局在某旗召开全市推进会，"
        + "深入贯彻上级关于专项斗争的系列重要部署，" * 6
        + "全面安排部署重点任务。"
    )
    lead = lead_text(text, limit=80)
    assert len(lead) <= 80 and lead.endswith("部署。") and "；" not in lead
    assert lead.startswith("某局在某旗召开全市推进会，")


def test_opening_quotes_and_their_attribution_are_dropped():
    text = "“手头几件信访积案都要办，能否再派两个人？”这几日，某街道纪工委书记在联席会议上发出求援。后来人手配齐。"
    assert lead_text(text).startswith("这几日，某街道纪工委书记")
    quoted = "“这一年，小区门口天天有民警值守。”在某旗公安局组织的恳谈会上，某老师说。某协会是由爱心人士成立的公益组织。"
    assert lead_text(quoted) == "某协会是由爱心人士成立的公益组织。"


def test_source_note_of_the_reporter_is_dropped():
    text = "社区戒毒人员就业一直是难题，记者日前从某县采访获悉：2019年该县就业率达97.24%。"
    assert lead_text(text) == "社区戒毒人员就业一直是难题，2019年该县就业率达97.24%。"


# ------------------------------------------------------------------------------------- figures
@pytest.mark.parametrize(
    "value,unit,expected",
    [
        (1142, "条", "1142条"),
        (163000, "人", "16.3万人"),
        (5610000000, "元", "56.1亿元"),
        (10585000, "元", "1058.5万元"),
        (3.5, "万元", "3.5万元"),
        (25000, "万元", "2.5亿元"),
        (37380000000, "元", "373.8亿元"),
        (9999, "件", "9999件"),
        (10000, "件", "1万件"),
        (480.3, "吨", "480.3吨"),
    ],
)
def test_number_text_in_wan_and_yi(value, unit, expected):
    assert number_text(value, unit) == expected


@pytest.mark.parametrize(
    "metric,expected",
    [
        (Metric(name="刑事发案同比", value=-7.6, unit="%"), "刑事发案同比下降7.6%"),
        (Metric(name="破获刑事案件同比", value=12.5, unit="%"), "破获刑事案件同比增长12.5%"),
        (Metric(name="信访总量环比", value=-3, unit="%"), "信访总量环比下降3%"),
        (Metric(name="纠纷类警情增幅", value=-24.9, unit="%"), "纠纷类警情下降24.9%"),
        (Metric(name="就业率", value=97.24, unit="%"), "就业率97.24%"),
        (Metric(name="摸排线索", value=1142, unit="条"), "摸排线索1142条"),
        (Metric(name="涉案金额", value=6610000000, unit="元"), "涉案金额66.1亿元"),
    ],
)
def test_figure_text(metric, expected):
    assert figure_text(metric) == expected and " " not in figure_text(metric)


def test_a_change_follows_its_figure_without_the_name_again():
    metrics = [
        Metric(name="受理审查起诉", value=3555, unit="件"),
        Metric(name="受理审查起诉同比", value=10.9, unit="%"),
    ]
    assert figure_texts(metrics) == ["受理审查起诉3555件", "同比增长10.9%"]


def _found(metric: Metric, sentence: str, raw: str) -> Found:
    start = sentence.index(raw)
    return Found(metric, Evidence(Span(100 + start, 100 + start + len(raw)), sentence, 100), "t")


def test_pick_figures_main_ones_not_in_the_lead():
    sentence = "全市共摸排线索1142条，打掉涉恶团伙88个，破获案件820起，刑事发案同比下降7.6%，某某村的群众对专项斗争的满意度测评99.8%。"
    found = [
        _found(
            Metric(name="摸排线索", value=1142, unit="条", indicator="摸排线索"), sentence, "摸排线索1142条"
        ),
        _found(
            Metric(name="打掉涉恶团伙", value=88, unit="个", indicator="打掉涉恶团伙"),
            sentence,
            "打掉涉恶团伙88个",
        ),
        _found(
            Metric(name="破获案件", value=820, unit="起", indicator="破获案件"), sentence, "破获案件820起"
        ),
        _found(Metric(name="刑事发案同比", value=-7.6, unit="%"), sentence, "刑事发案同比下降7.6%"),
        _found(Metric(name="测评", value=99.8, unit="%"), sentence, "测评99.8%"),
    ]
    names = [f.value.name for f in pick_figures(found)]
    assert names == ["摸排线索", "打掉涉恶团伙", "破获案件"]
    assert [f.value.name for f in pick_figures(found, lead="全市共摸排线索1142条。")] == [
        "打掉涉恶团伙",
        "破获案件",
        "刑事发案同比",
    ]
    long_name = _found(
        Metric(name="对高风险企业负责人提前采取有效措施", value=788, unit="名"), sentence, "摸排线索"
    )
    assert pick_figures([long_name]) == []  # a piece of a sentence, not a figure
    piece = _found(Metric(name="点位一个点位设置", value=6, unit="名"), sentence, "摸排线索")
    assert pick_figures([piece]) == []


def test_a_figure_of_one_case_is_not_given_after_the_leads_total():
    lead = "今年以来，全县发生较大事故3起，共造成5人死亡。"
    case = "（一）5月2日，某路段两车相撞，造成2人死亡。"
    found = [
        _found(Metric(name="全县死亡", value=5, unit="人"), lead, "5人死亡"),
        _found(Metric(name="死亡", value=2, unit="人"), case, "2人死亡"),
        _found(Metric(name="出动警力", value=40, unit="人次"), case, "两车"),
    ]
    assert [f.value.name for f in pick_figures(found, lead=lead)] == ["出动警力"]


def test_requirements_of_a_circular_and_no_double_deng():
    tasks = ["立即开展道路隐患大排查", "严厉打击超速超载、酒驾醉驾等违法行为", "严格落实信息报送制度"]
    text = requirement_sentence(tasks, "某某县安全生产委员会办公室")
    assert "等违法行为等" not in text and text.endswith("。")


# -------------------------------------------------------------------------------- requirements
def test_requirements_in_one_sentence():
    series = [
        f"全力推进{w}攻坚战" for w in ("线索核查", "专案打击", "重点整治", "整体协作", "宣传发动", "素质提升")
    ]
    assert requirement_sentence(series) == "会议要求，全力推进线索核查等六个攻坚战。"
    quoted = ["打好“攻坚仗”", "打好“法律仗”", "打好“治理仗”", "进一步创新举措"]
    assert requirement_sentence(quoted) == "会议要求，打好“攻坚仗”“法律仗”“治理仗”，进一步创新举措。"
    plain = ["一是要及时传达贯彻会议精神；", "二是要全面提升队伍攻坚能力。"]
    assert requirement_sentence(plain, "通知") == "通知要求，及时传达贯彻会议精神，全面提升队伍攻坚能力。"
    many = [f"第{i}项要求的具体内容写得比较长一些" for i in range(1, 9)]
    text = requirement_sentence(many)
    assert text.endswith("等。") and len(text) <= 60 and "；" not in text


def test_task_markers_are_taken_off():
    assert task_clean("一是要及时传达贯彻会议精神；") == "及时传达贯彻会议精神"
    assert task_clean("（三）加强队伍建设。") == "加强队伍建设"
    assert task_clean("2. 压实责任") == "压实责任"


# ---------------------------------------------------------------------------------- the unit
@pytest.mark.parametrize(
    "organizer,unit",
    [
        ("赤峰市公安局", "赤峰市公安局"),
        ("中新浙江网", "其他"),
        ("天山网", "其他"),
        ("海南特区报", "其他"),
        ("新华社", "其他"),
        ("市政府", "其他"),
        ("县委", "其他"),
        ("", "其他"),
        ("兰州市人民政府", "兰州市人民政府"),
        ("全国“扫黄打非”办公室", "全国“扫黄打非”办公室"),
    ],
)
def test_issuing_unit_is_never_an_outlet_or_a_bare_government(organizer, unit):
    assert issuing_unit(organizer) == unit


def test_heading():
    assert heading_text("检察更有深度 监督更显力度（第一落点·关注巡回检察②）") == "检察更有深度 监督更显力度"
    assert heading_text("监督在基层  紧盯微腐败") == "监督在基层 紧盯微腐败"
    assert heading_text("2.5亿元（权威发布）", "最高检", "新闻发布会") == "最高检新闻发布会"
    assert heading_text("某局召开推进会", "某局", "推进会") == "某局召开推进会"


# ---------------------------------------------------------------------------------- the item
def _record(fields: dict) -> Record:
    return Record(path=Path("r.txt"), sha256="a" * 64, chars=100, fields=fields)


def _f(value, sentence: str, start: int = 0) -> Found:
    return Found(value, Evidence(Span(start, start + len(sentence)), sentence, start), "t")


def test_an_item_is_short_and_has_no_dump():
    lead = "本报讯（记者某某）2019年1月4日，某市公安局在某旗组织召开全市公安机关推进会，总结交流工作经验。"
    figures = "全市共摸排线索1142条，打掉涉恶团伙88个，抓获犯罪嫌疑人619人，涉案金额66.1亿元。"
    metrics = [
        Metric(name="摸排线索", value=1142, unit="条", indicator="摸排线索"),
        Metric(name="打掉涉恶团伙", value=88, unit="个", indicator="打掉涉恶团伙"),
        Metric(name="抓获犯罪嫌疑人", value=619, unit="人", indicator="抓获犯罪嫌疑人"),
        Metric(name="涉案金额", value=6610000000, unit="元"),
    ] + [Metric(name=f"其他数据{i}", value=i, unit="个") for i in range(20)]
    record = _record(
        {
            "title": (_f("某市公安局召开全市公安机关推进会", lead),),
            "organizer": (_f("某市公安局", lead),),
            "event": (_f("全市公安机关推进会", lead),),
            "summary": (_f(lead[9:], lead),),
            "metrics": tuple(_f(m, figures, 200) for m in metrics),
            "tasks": tuple(
                _f(f"全力推进{w}攻坚战", "要求。", 300) for w in ("线索核查", "专案打击", "重点整治")
            ),
        }
    )
    item = build_item(record)
    assert item.heading == "某市公安局召开全市公安机关推进会" and item.unit == "某市公安局"
    assert item.text.startswith("2019年1月4日，某市公安局在某旗组织召开")
    assert "记者" not in item.text and "工作数据" not in item.text
    assert item.figures == ("摸排线索1142条", "打掉涉恶团伙88个", "抓获犯罪嫌疑人619人")
    assert item.text.endswith("会议要求，全力推进线索核查等三个攻坚战。")
    assert len(item.text) <= ITEM_MAX


def test_item_round_trips_through_json():
    from reporter.writers.briefing.item import Item

    record = _record(
        {
            "title": (_f("某局召开推进会", "某局召开推进会。"),),
            "summary": (_f("某局召开推进会。", "某局召开推进会。"),),
        }
    )
    item = build_item(record, evidence=True)
    assert Item.from_json(item.to_json()) == item


def test_a_notice_that_opens_with_its_announcing_sentence_is_told_by_its_requirements():
    source = "为保障供电安全，现将有关事项通知如下：\n一、落实巡检责任。\n二、做好应急准备。"
    title = "某县供电局关于做好用电高峰期安全工作的通知"
    fields = {
        "title": (_f(title, title),),
        "summary": (_f(source.replace("\n", ""), source),),
        "tasks": tuple(_f(t, source, 30) for t in ("落实巡检责任", "做好应急准备")),
    }
    item = build_item(_record(fields))
    assert item.lead == "" and item.text == "通知要求，落实巡检责任，做好应急准备。"
    no_tasks = build_item(_record({k: v for k, v in fields.items() if k != "tasks"}))
    assert no_tasks.text == "落实巡检责任。做好应急准备。"  # nothing else to say: the items as sentences
