"""metrics: forms that county, newspaper and website reports use for counts (round 2 of issue 12).

Every text here is written for these tests in the style of a 公安/应急/市场监管 work update, a newspaper
local-work item and a government-site news page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.metric_runs import M, run, triples

# (id, text, must include, must not include)
CASES: list[tuple[str, str, tuple[M, ...], tuple[M, ...]]] = [
    (
        "verbs-jieba-tags-as-nouns",  # 印制/制发/获批/储存 … before the count (verb + number + thing)
        "县市场监管局印制500余份宣传手册，制发执法建议书36份。全县共有12个项目获批省级专项资金。"
        "县档案馆累计储存了多达4.2万份民生档案。",
        (("印制宣传手册", 500, "份"), ("制发执法建议书", 36, "份"), ("储存民生档案", 42000, "份")),
        (),
    ),
    (
        "second-measure-word-in-brackets",  # 台（套）, 件（次）: both stay in the unit
        "今年以来，全市应急管理部门更新救援装备1200台（套），办理群众诉求3.5万件（次）。",
        (("更新救援装备", 1200, "台（套）"), ("办理群众诉求", 35000, "件（次）")),
        (("更新救援装备", 1200, "台"),),
    ),
    (
        "each-of-a-list-with-jun",  # 甲、乙均达N: one value for every thing listed before 均
        "全市政务服务事项网上可办率、一次办结率均达98%以上，群众满意度持续提升。",
        (("政务服务事项网上可办率", 98, "%"), ("一次办结率", 98, "%")),
        (),
    ),
    (
        "one-thing-measured-two-ways",  # 24万亩、20亿株: the second figure after 、 is the same thing
        "今年以来全县完成造林1.2万亩、80万株。",
        (("完成造林", 12000, "亩"), ("完成造林", 800000, "株")),
        (),
    ),
    (
        "a-rise-by-a-multiple",  # 较…提升3倍: the thing and its verb, not what it is compared with
        "推行一窗受理后，全县不动产登记办件效率较改革前提高2倍。",
        (("不动产登记办件效率提高", 2, "倍"),),
        (),
    ),
    (
        "doers-named-by-what-they-did",  # N个X完成Y: the count is of X, named 完成Y的X
        "全市146个社区服务站完成适老化改造。县应急管理局组织开展汛前检查，32家企业完成隐患整改。",
        (("完成适老化改造的社区服务站", 146, "个"), ("完成隐患整改的企业", 32, "家")),
        (("社区服务站完成适老化改造", 146, "个"),),
    ),
    (
        "verb-before-a-whole-area-count",  # 检查全县126家…: 全县 between the verb and the number
        "节前，县市场监管局检查全县126家餐饮单位，下达责任改正通知书14份。",
        (("检查餐饮单位", 126, "家"),),
        (),
    ),
    (
        "those-listed-took-part",  # 甲、乙等N人参加了会议: the count of those listed, named by what they did
        "县委常委，各乡镇、县直各单位主要负责人等200余人参加了会议。",
        (("参加会议", 200, "人"),),
        (),
    ),
    (
        "threshold-with-yishang-de",  # 50万元以上的项目: a threshold of a rule, not a result
        "县公共资源交易中心规定，政府采购30万元以上的项目一律进场交易。今年以来共完成交易项目126个。",
        (("完成交易项目", 126, "个"),),
        (),
    ),
    (
        "people-who-took-part-are-counted",  # N名…参加: people taking part count; N个乡镇开展 does not
        "本次培训由县妇联组织，15名社区干部、4名巾帼志愿者参加。会后，3个乡镇开展了交流。",
        (("参加的巾帼志愿者", 4, "名"),),
        (("开展交流的乡镇", 3, "个"), ("乡镇开展交流", 3, "个")),
    ),
    (
        "share-of-the-figure-before",  # 某类186起、占全部案件的37.2%: the share of the figure before it
        "全年共查处违法案件500起。其中食品类案件186起，同比增长8.2%，占全部案件的37.2%。",
        (("食品类案件占全部案件", 37.2, "%"),),
        (("占全部案件", 37.2, "%"),),
    ),
    (
        "grouping-is-no-result",  # 分成3个小组 / 围绕3个问题: an arrangement or a topic, not work done
        "巡察组分成4个小组，围绕5个突出问题开展督查，深入12个乡镇走访，发现问题线索27条。",
        (("发现问题线索", 27, "条"),),
        (),
    ),
    (
        "market-inspection-measure-words",  # 盒/瓶/袋/斤/幅: goods seized, produce, posters (查扣 a verb)
        "执法人员现场查扣过期药品120盒、假冒白酒36瓶、劣质化肥80袋，收缴病死猪肉300斤。"
        "全镇张贴宣传标语200幅。",
        (
            ("查扣过期药品", 120, "盒"),
            ("查扣假冒白酒", 36, "瓶"),
            ("查扣劣质化肥", 80, "袋"),
            ("收缴病死猪肉", 300, "斤"),
            ("宣传标语", 200, "幅"),
        ),
        (),
    ),
    (
        "names-keep-their-first-character",  # 5年来新增… / …，就业困难人员… / 尚有…: clean name edges
        "3年来全县新增就业4200人，680名就业困难人员实现就业。全县尚有隔离观察人员35人。",
        (("新增就业", 4200, "人"), ("就业困难人员实现就业", 680, "名"), ("隔离观察人员", 35, "人")),
        (),
    ),
    (
        "comparison-and-example-words-left-out",  # 较2023年同期…增长 / 比如…: not part of the name
        "全年新办理公证事项1.2万件，较2023年同期办理数量增长12.5%。比如市公证处办理的涉外公证数量是上年的2.1倍。",
        (("办理数量同比", 12.5, "%"), ("市公证处办理的涉外公证数量", 2.1, "倍")),
        (),
    ),
    (
        "casualties-each-with-its-own-verb",  # 3人死亡、2人失联: 死亡 serves the first count only
        "截至30日8时，强降雨造成3人死亡、2人失联，另有1人死亡、4人下落不明，紧急转移群众1.6万人。",
        (("死亡", 3, "人"), ("失联", 2, "人"), ("转移群众", 16000, "人")),
        (("死亡失联", 2, "人"), ("死亡下落不明", 4, "人")),
    ),
    (
        "dimensions-are-not-results",  # 从8个维度构建…: a count of aspects, like 方面
        "该局从8个维度构建安全生产责任体系，从3个层面推进执法规范化。",
        (),
        (("维度构建安全生产责任体系", 8, "个"),),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_forms(case: tuple[str, str, tuple[M, ...], tuple[M, ...]], tmp_path: Path) -> None:
    _, text, must, must_not = case
    got = triples(run(text, tmp_path))
    for want in must:
        assert want in got, f"{want} not in {got}"
    for bad in must_not:
        assert bad not in got, f"{bad} should not be in {got}"
    if case[0] == "dimensions-are-not-results":
        assert all(v not in (8, 3) for _, v, _ in got), got
    if case[0] == "grouping-is-no-result":
        assert all(v not in (4, 5, 12) for _, v, _ in got), got
    if case[0] == "threshold-with-yishang-de":
        assert all(v != 300000 for _, v, _ in got), got
