"""location and event: vectors for the strategies added in round 2 of issue 12 (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, check_vector, extract_text

# a government-site page: the headline writes the township short, the lead with its province
SITE_PAGE = (
    "绍兴市平水镇四项举措推进阳光政府采购\n"
    "2023年09月27日 来源：平水镇人民政府\n"
    "浙江绍兴平水镇在实施政府采购工作中，严格按照有关规定，以公开招标为主要方式，积极推行阳光采购。\n"
    "一、强化思想教育\n通过培训宣传，普及政府采购相关法规。\n"
    "上一条：平水镇召开安全生产工作会议\n下一条：平水镇开展防汛演练\n"
)

# a newspaper item on a disciplinary decision: the headline begins with a place and a post, not a scene
DISCIPLINE = (
    "湖南省政协原副主席张某某严重违纪违法被开除党籍\n"
    "\n"
    "　　本报北京5月6日电  经中共中央批准，中央纪委国家监委对湖南省政协原副主席张某某严重违纪违法问题"
    "进行了立案审查调查。\n"
)

# a government-site page whose lead opens with a purpose clause and a 在…的同时 clause, then the place acts
# through a preposition phrase (某市将对…实行…)
PREPOSITION_FRAME = (
    "柳江河段采砂权实行招投标\n"
    "2023年10月08日 来源：柳州市水利局\n"
    "为保护母亲河柳江，在进一步加大打击非法采砂力度的同时，柳州市将对辖区内柳江河段的河道采砂权分标段实行招投标，"
    "引进专业公司规范管理。\n"
)

# headlines that begin with a named meeting: on a site page, and in a kicker line above a newspaper headline
SITE_MEETING = (
    "全市安全生产工作会议召开\n"
    "发布日期：2024-03-06 阅读次数：812\n"
    "3月5日上午，会议总结了2023年全市安全生产工作，部署今年重点任务。\n"
    "上一条：市应急管理局开展防汛演练\n"
)
KICKER_MEETING = (
    "青山县基层党建述职评议会敢于较真——\n"
    "让问题晒在阳光下\n"
    "\n"
    "　　1月20日上午，一部暗访片拉开了评议的序幕。12名乡镇党委书记逐一上台述职。\n"
)
UNIT_BRIEFING = (
    "县市场监管局新闻发布会通报一季度食品抽检情况\n"
    "4月8日，县市场监管局通报一季度食品安全抽检情况，共抽检食品320批次。\n"
)

# a newspaper item: the city written by one character (在沪签署)
CITY_SHORT = (
    "苏浙两省签署生态环境联防联治协议\n"
    "　　本报讯  两省生态环境厅昨日在沪签署生态环境联防联治协议，建立跨界河湖联合巡查机制。\n"
)
CITY_SHORT_NO_FRAME = "老党员的坚守\n　　本报讯  他在京工作四十年，退休后回到家乡义务宣讲。\n"

# a city's site page: the meeting was held 在我市, the headline's district only won an award there
OUR_CITY = (
    "城厢区：荣获“全国食品安全示范区”称号\n"
    "昨天上午，国家市场监管总局在我市召开全国食品安全示范创建工作会议，会上对获得称号的12个区县进行了表彰。\n"
)

# a unit's own study meeting: where it met is not said, and the unit's city is not the place of it
UNIT_STUDY = (
    "彭州市司法局组织学习宪法精神\n"
    "近日，彭州市司法局党组书记、局长为全局党员干部作了一场专题报告。\n"
    "专题报告会上，局长指出，要做尊法学法守法用法的表率。\n"
)

# a work summary: a meeting held inside one numbered measure is not what the report is about
SUMMARY_ITEM_MEETING = (
    "青山县扎实推进工程建设领域信息公开\n"
    "今年以来，青山县扎实推进工程建设领域项目信息公开工作，取得阶段性成效。\n"
    "一是健全工作机制。县政府制定了实施方案，明确责任分工。\n"
    "二是培训业务骨干。今年6月，县住建局召开全县工程建设领域信息公开工作推进会，以会代训。\n"
)

# a newspaper item whose lead's place acts through 将 (disposal): 某区将全区划分为…
DISPOSAL_FRAME = (
    "湖南株洲：小网格撬动基层大治理\n"
    "\n"
    "　　本报长沙3月11日电  （记者李四）近年来，湖南省株洲市荷塘区将全区划分为860个网格，配备专兼职网格员2100余名。\n"
)

# a newspaper item whose headline place the body writes out with a district inside it: the fuller writing
# of the same place (某省某市), not the district
HEADLINE_PLACE_DEEPER_IN_BODY = (
    "四川绵阳多部门协同化解欠薪纠纷\n"
    "\n"
    "《人民日报》（2026年02月03日第 10 版）\n"
    "\n"
    "本报成都2月2日电  （记者王五）“工程干完三个月了，工钱还没拿到……”1月30日晚，网友在政务平台留言反映欠薪问题。\n"
    "\n"
    "2月1日上午，他便接到了四川省绵阳市涪城区住建局的回访电话。当日下午，问题得到解决。\n"
)

STANDING_MEETING_HEADLINE = "市政府常务会议研究部署防汛工作\n3月5日，会议听取了全市防汛准备情况汇报。\n"

FORMAL_NOTICE_ON_MEETINGS = (
    "关于进一步规范会议管理的通知\n各乡镇、县直各单位：\n为转变会风，现就有关要求通知如下。\n"
    "一、压缩会议数量\n能合并召开的合并召开。\n青山县人民政府办公室\n2024年3月1日\n"
)

VECTORS = [
    FieldVector("event-a-notice-about-meetings-is-no-event", "event", FORMAL_NOTICE_ON_MEETINGS, empty=True),
    FieldVector("event-title-standing-meeting", "event", STANDING_MEETING_HEADLINE, exact="市政府常务会议"),
    FieldVector(
        "location-headline-place-written-fuller-not-deeper",
        "location",
        HEADLINE_PLACE_DEEPER_IN_BODY,
        exact="四川省绵阳市",
    ),
    FieldVector(
        "location-place-acting-through-jiang", "location", DISPOSAL_FRAME, exact="湖南省株洲市荷塘区"
    ),
    FieldVector(
        "event-a-meeting-inside-a-list-item-is-not-the-event", "event", SUMMARY_ITEM_MEETING, empty=True
    ),
    FieldVector("location-a-units-own-meeting-has-no-place", "location", UNIT_STUDY, empty=True),
    FieldVector("location-our-city-is-not-the-headline-district", "location", OUR_CITY, empty=True),
    FieldVector("location-city-by-one-character", "location", CITY_SHORT, exact="沪"),
    FieldVector(
        "location-one-character-city-without-a-frame",
        "location",
        CITY_SHORT_NO_FRAME,
        must_not_include=("京",),
    ),
    FieldVector("event-title-named-meeting-held", "event", SITE_MEETING, exact="全市安全生产工作会议"),
    FieldVector("event-title-named-in-the-kicker", "event", KICKER_MEETING, exact="青山县基层党建述职评议会"),
    FieldVector("event-a-units-press-briefing-is-generic", "event", UNIT_BRIEFING, empty=True),
    FieldVector("location-place-acting-through-a-preposition", "location", PREPOSITION_FRAME, exact="柳州市"),
    FieldVector("location-acting-place-as-the-lead-writes-it", "location", SITE_PAGE, exact="浙江绍兴平水镇"),
    FieldVector(
        "location-a-headline-place-before-a-post-is-no-scene",
        "location",
        DISCIPLINE,
        must_not_include=("湖南省", "湖南"),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_location_vectors(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))
