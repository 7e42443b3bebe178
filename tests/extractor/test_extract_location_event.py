"""location and event: vectors for the strategies added in round 2 of issue 12.

Every text is written for these tests, in the style of a government-site page (publication line, 上一条 footer),
a newspaper local-work item (dateline, kicker line) and a county office's work update.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, run_vector

# a site page: the headline writes the township short, the lead writes it with its province
SITE_PAGE = (
    "绍兴市平水镇推行村级工程公开比选\n"
    "2023年09月27日 来源：平水镇人民政府\n"
    "浙江绍兴平水镇在村级小型工程建设中全面推行公开比选，工程信息一律上网公示。\n"
    "上一条：平水镇召开安全生产工作会议\n下一条：平水镇开展防汛演练\n"
)

# a headline that begins with a place and its people's congress (a post), not a scene
DISCIPLINE = (
    "湖南省人大常委会原副主任张某某接受审查调查\n"
    "\n"
    "　　本报长沙5月6日电  据中央纪委国家监委网站消息：湖南省人大常委会原副主任张某某涉嫌严重违纪违法，"
    "目前正接受纪律审查和监察调查。\n"
)

# a purpose clause and a 在…的同时 clause, then the place acts through a preposition phrase (某市将对…开展…)
PREPOSITION_FRAME = (
    "餐饮场所燃气安全排查全面展开\n"
    "2023年10月08日 来源：广元市应急管理局\n"
    "为切实守住安全底线，在做好日常巡查的同时，广元市将对辖区内所有餐饮场所的燃气管道实行逐户登记。\n"
)

# a newspaper lead whose place acts through 将 (disposal): 某区将全区划分为…
DISPOSAL_FRAME = (
    "湖南株洲：小网格撬动基层大治理\n"
    "\n"
    "　　本报长沙3月11日电  （记者李四）近年来，湖南省株洲市荷塘区将全区划分为860个网格，配备专兼职网格员2100余名。\n"
)

# headlines that begin with a named meeting: on a site page, and in a kicker line above a newspaper headline
SITE_MEETING = (
    "全市安全生产工作会议召开\n"
    "发布日期：2024-03-06 阅读次数：812\n"
    "3月5日上午，会议总结了2023年全市安全生产工作，部署今年重点任务。\n"
    "上一条：市应急管理局开展防汛演练\n"
)
KICKER_MEETING = (
    "青山县乡镇党委书记抓党建述职评议会聚焦问题——\n"
    "让短板晒在阳光下\n"
    "\n"
    "　　1月20日上午，12名乡镇党委书记逐一上台述职，县委组织部现场点评。\n"
)
UNIT_BRIEFING = (
    "县市场监管局新闻发布会通报一季度食品抽检情况\n"
    "4月8日，县市场监管局通报一季度食品安全抽检情况，共抽检食品320批次。\n"
)
STANDING_MEETING_HEADLINE = "市政府常务会议研究部署防汛工作\n3月5日，会议听取了全市防汛准备情况汇报。\n"
FORMAL_NOTICE_ON_MEETINGS = (
    "关于严格控制会议活动的通知\n各乡镇、县直各单位：\n为减轻基层负担，现就控制会议活动有关事项通知如下。\n"
    "一、从严控制会议数量\n可以合并的会议一律合并。\n青山县人民政府办公室\n2024年3月1日\n"
)

# a work summary: a meeting held inside one numbered measure is not what the report is about
SUMMARY_ITEM_MEETING = (
    "青山县推进农村人居环境整治\n"
    "今年以来，青山县扎实推进农村人居环境整治，村容村貌明显改善。\n"
    "一是完善工作机制。县政府制定了实施方案。\n"
    "二是加强业务指导。今年5月，县农业农村局召开全县农村人居环境整治现场推进会，推广先进经验。\n"
)

# a newspaper item: the city written by one character (在沪签署)
CITY_SHORT = (
    "苏浙两省签署生态环境联防联治协议\n"
    "　　本报讯  两省生态环境厅昨日在沪签署生态环境联防联治协议，建立跨界河湖联合巡查机制。\n"
)
CITY_SHORT_NO_FRAME = "老党员的坚守\n　　本报讯  他在京工作四十年，退休后回到家乡义务宣讲。\n"

# a city's site page: the meeting was held 在我市; the district of the headline only reported there
OUR_CITY = (
    "城厢区：获评省级食品安全示范区\n"
    "昨天上午，全省食品安全工作会议在我市召开，城厢区作为先进典型作交流发言。\n"
)

# a unit's own meeting: where it met is not said, and the unit's city is not the place of it
UNIT_STUDY = (
    "彭州市税务局举办青年干部读书分享会\n"
    "近日，彭州市税务局青年理论学习小组开展读书分享活动。\n"
    "座谈会上，局长勉励青年干部多读书、读好书。\n"
)

# a newspaper item whose headline place the body writes out with a district inside it: the fuller writing
# of the same place (某省某市), not the district
HEADLINE_PLACE_DEEPER_IN_BODY = (
    "四川绵阳多部门联动守护老人养老钱\n"
    "\n"
    "《人民日报》（2026年02月03日第 10 版）\n"
    "\n"
    "本报成都2月2日电  （记者王五）春节前，一批以养老项目为名的集资线索引起关注。\n"
    "\n"
    "经核查，四川省绵阳市涪城区市场监管局联合公安部门对相关门店依法查处。\n"
)

VECTORS = [
    FieldVector("location-acting-place-as-the-lead-writes-it", "location", SITE_PAGE, exact="浙江绍兴平水镇"),
    FieldVector(
        "location-a-headline-place-before-a-post-is-no-scene",
        "location",
        DISCIPLINE,
        must_not_include=("湖南省", "湖南"),
    ),
    FieldVector("location-place-acting-through-a-preposition", "location", PREPOSITION_FRAME, exact="广元市"),
    FieldVector(
        "location-place-acting-through-jiang", "location", DISPOSAL_FRAME, exact="湖南省株洲市荷塘区"
    ),
    FieldVector("event-title-named-meeting-held", "event", SITE_MEETING, exact="全市安全生产工作会议"),
    FieldVector(
        "event-title-named-in-the-kicker", "event", KICKER_MEETING, exact="青山县乡镇党委书记抓党建述职评议会"
    ),
    FieldVector("event-a-units-press-briefing-is-generic", "event", UNIT_BRIEFING, empty=True),
    FieldVector("event-title-standing-meeting", "event", STANDING_MEETING_HEADLINE, exact="市政府常务会议"),
    FieldVector("event-a-notice-about-meetings-is-no-event", "event", FORMAL_NOTICE_ON_MEETINGS, empty=True),
    FieldVector(
        "event-a-meeting-inside-a-list-item-is-not-the-event", "event", SUMMARY_ITEM_MEETING, empty=True
    ),
    FieldVector("location-city-by-one-character", "location", CITY_SHORT, exact="沪"),
    FieldVector(
        "location-one-character-city-without-a-frame",
        "location",
        CITY_SHORT_NO_FRAME,
        must_not_include=("京",),
    ),
    FieldVector("location-our-city-is-not-the-headline-district", "location", OUR_CITY, empty=True),
    FieldVector("location-a-units-own-meeting-has-no-place", "location", UNIT_STUDY, empty=True),
    FieldVector(
        "location-headline-place-written-fuller-not-deeper",
        "location",
        HEADLINE_PLACE_DEEPER_IN_BODY,
        exact="四川省绵阳市",
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_location_vectors(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- round 3 (held-out patterns): texts written for the project ----

# an accident headline shortens the scene; the lead writes it in full, with the cause before 发生
SCENE_IN_FULL = (
    "石门区一物流仓库发生火灾\n"
    "5月6日凌晨2时许，石门区北环大道一物流公司冷链仓库因电线老化发生火灾，过火面积约300平方米。\n"
    "事故发生后，区消防救援大队迅速到场处置，火势于4时许被扑灭，未造成人员伤亡。\n"
)
ROAD_SCENE = (
    "青岭高速发生货车侧翻事故\n"
    "11月3日9时许，青岭高速公路往东川方向46公里处因路面结冰发生一起货车侧翻事故，造成1人受伤。\n"
    "交警部门迅速赶到现场疏导交通。\n"
)

# a town the division table does not know, acting on its own in the headline and the lead
TOWN_ALONE = (
    "首页 > 乡镇动态\n"
    "2024年11月20日 来源：柏溪镇\n"
    "【基层动态】柏溪镇：多管齐下抓好冬季消防安全\n"
    "11月以来，柏溪镇聚焦冬季火灾高发期，组织镇村干部开展消防安全大排查。\n"
    "一是排查隐患。共排查沿街商铺320家，整改隐患46处。\n"
)
# the headline's county acts through one of its organs in the lead: the organ's work, no place
COUNTY_THROUGH_ORGAN = (
    "青禾县多举措优化营商环境\n"
    "2023年06月12日 来源：青禾县发展和改革局\n"
    "今年以来，青禾县发展和改革局从简化审批入手，多举措优化营商环境。\n"
    "下一步，青禾县将持续深化改革。\n"
)
# a town's own meeting: where it met is not said
TOWN_MEETING = (
    "柏溪镇召开安全生产工作会议\n3月5日上午，柏溪镇召开安全生产工作会议，镇党委书记出席会议并讲话。\n"
)
# a shop named with a suffix character is no place (积分超市)
SHOP_NOT_PLACE = "积分超市激活乡村治理\n近日，积分超市在各村陆续开张，村民用积分兑换生活用品。\n"

# an organ's drill at a named venue, and a campaign in an area of the town
VENUE_DRILL = (
    "石泉县应急管理局开展森林火灾应急演练\n"
    "11月8日上午，石泉县应急管理局在县城东山公园组织开展森林火灾应急演练，80余人参加。\n"
)
AREA_CAMPAIGN = "城管局开展夜市秩序整治\n7月1日起，石泉县城市管理局在城区开展为期两周的夜市秩序整治。\n"
ABSTRACT_AT = (
    "石泉县应急管理局开展安全宣传\n6月以来，石泉县应急管理局在全县开展安全生产月宣传，发放资料3000份。\n"
)
# a leader's visit to a county the division table does not know
VISIT_UNKNOWN_COUNTY = (
    "李某某在青禾县调研乡村振兴工作\n"
    "5月12日，市委副书记李某某到青禾县调研乡村振兴工作，先后来到两个村实地查看。\n"
)

# the headline shortens the meeting; the lead writes it with its year and period (and an ASCII full stop)
MEETING_IN_FULL = (
    "县检察院召开上半年工作总结会\n"
    "发布时间:2023-07-10  来源:石泉县人民检察院\n"
    "7月8日上午,石泉县人民检察院召开2023年上半年检察工作总结暨下半年工作部署会.检察长出席会议并讲话.\n"
)

# a campaign carried out, named in full in the lead with its period words; a drill with its year
CAMPAIGN_CARRIED = (
    "市场监管局开展夜市食品安全专项整治\n"
    "7月3日起，石泉县市场监督管理局开展为期一个月的夏季夜市食品安全专项整治行动，检查摊点210个。\n"
)
DRILL_CARRIED = (
    "石泉县应急管理局开展地震应急演练\n"
    "5月12日上午，石泉县应急管理局组织开展2024年地震应急演练，120余人参加。\n"
)
# a plan issued for a campaign; a count of campaigns is no name; a measure still to come is no event
CAMPAIGN_PLAN = (
    "关于印发《全县道路交通安全百日攻坚行动实施方案》的通知\n"
    "各乡镇人民政府，县直有关单位：\n"
    "现将《全县道路交通安全百日攻坚行动实施方案》印发给你们，请认真贯彻落实。\n"
)
COUNTED_CAMPAIGNS = (
    "石泉县人社局推进就业服务提质\n"
    "今年以来，石泉县人力资源和社会保障局实施三大工程，开展12项专项行动，新增就业岗位3000个。\n"
)
FUTURE_MEASURE = (
    "石泉县应急管理局开展危化品企业执法检查\n"
    "3月以来，石泉县应急管理局对全县危化品企业开展执法检查，发现隐患40项。\n"
    "下一步将：\n"
    "①持续开展“回头看”，确保整改到位；\n"
    "②加大执法处罚力度。\n"
)

# a named action as the means of another campaign; the campaign's headline name carries its county
MEANS_OF_CAMPAIGN = (
    "石泉县禁毒人民战争取得新成效\n"
    "本报讯 今年以来，石泉县公安局以“清源”行动为抓手，深入推进禁毒人民战争专项斗争，破获毒品案件31起。\n"
)
MEANS_ALONE = (
    "石泉县推进网格治理\n今年以来，石泉县以“网格连心”专项行动为抓手，推动干部下沉一线，化解矛盾纠纷420件。\n"
)
ACTOR_BEFORE_CAMPAIGN = (
    "石泉县检察机关“护企安商”专项行动见实效\n"
    "本报讯 11月5日，石泉县人民检察院召开新闻发布会，通报“护企安商”专项行动开展情况。\n"
)
PAST_CAMPAIGN = (
    "全省公安机关去年破获电信诈骗案件3000余起\n"
    "本报讯 记者从省公安厅获悉：2023年，全省公安机关共破获电信网络诈骗案件3000余起。\n"
    "据介绍，省公安厅去年部署开展“断卡”专项行动，重点打击涉卡犯罪。\n"
)

# a quoted name of a working method put into force: the quoted name alone
METHOD_IN_FORCE = (
    "石泉县“院坝说事”让群众说了算\n今年4月起，石泉县在全县推行“院坝说事”制度，收集群众意见1200条。\n"
)

# a district of the division table holding its own meeting: the venue is not said
KNOWN_DISTRICT_MEETING = (
    "朝阳区召开2025年一季度经济运行分析会\n"
    "4月8日，朝阳区召开2025年一季度经济运行分析会，区委书记出席并讲话。\n"
)

BARE_COMMUNITY = "石泉县司法局开展普法宣传\n3月15日，石泉县司法局在社区开展普法宣传，发放资料500份。\n"

# a newspaper item: the town opens the lead right after the dateline and byline
TOWN_AFTER_BYLINE = (
    "柏溪镇“夜间课堂”点亮农民致富路\n"
    "\n"
    "本报讯（记者 王五）柏溪镇开办“夜间课堂”两年来，培训农民3200人次，带动新增农家乐46家。\n"
)

VECTORS_3 = [
    FieldVector("location-acting-by-suffix-after-byline", "location", TOWN_AFTER_BYLINE, exact="柏溪镇"),
    FieldVector(
        "location-at-venue-a-bare-community-is-no-venue",
        "location",
        BARE_COMMUNITY,
        must_not_include=("社区",),
    ),
    FieldVector("location-acting-place-own-meeting", "location", KNOWN_DISTRICT_MEETING, empty=True),
    FieldVector("event-launched-quoted-method-before-zhidu", "event", METHOD_IN_FORCE, exact="“院坝说事”"),
    FieldVector(
        "event-launched-means-of-another-campaign",
        "event",
        MEANS_OF_CAMPAIGN,
        must_not_include=("“清源”行动",),
    ),
    FieldVector("event-launched-means-alone-is-the-event", "event", MEANS_ALONE, exact="“网格连心”专项行动"),
    FieldVector(
        "event-campaign-without-its-actor", "event", ACTOR_BEFORE_CAMPAIGN, exact="“护企安商”专项行动"
    ),
    FieldVector("event-launched-last-year-is-background", "event", PAST_CAMPAIGN, empty=True),
    FieldVector(
        "event-carried-out-campaign-in-full", "event", CAMPAIGN_CARRIED, exact="夏季夜市食品安全专项整治行动"
    ),
    FieldVector("event-carried-out-drill-with-year", "event", DRILL_CARRIED, exact="2024年地震应急演练"),
    FieldVector(
        "event-carried-out-plan-for-a-campaign", "event", CAMPAIGN_PLAN, exact="全县道路交通安全百日攻坚行动"
    ),
    FieldVector(
        "event-carried-out-a-count-is-no-name", "event", COUNTED_CAMPAIGNS, must_not_include=("12项专项行动",)
    ),
    FieldVector(
        "event-launched-a-list-item-is-no-event", "event", FUTURE_MEASURE, must_not_include=("“回头看”",)
    ),
    FieldVector(
        "event-held-lead-writes-the-meeting-in-full",
        "event",
        MEETING_IN_FULL,
        exact="2023年上半年检察工作总结暨下半年工作部署会",
    ),
    FieldVector("location-at-venue-organ-drill", "location", VENUE_DRILL, exact="县城东山公园"),
    FieldVector("location-at-venue-area", "location", AREA_CAMPAIGN, exact="城区"),
    FieldVector("location-at-venue-not-a-whole-scope", "location", ABSTRACT_AT, must_not_include=("全县",)),
    FieldVector("location-at-suffix-place-visit", "location", VISIT_UNKNOWN_COUNTY, exact="青禾县"),
    FieldVector("location-acting-by-suffix-town-alone", "location", TOWN_ALONE, exact="柏溪镇"),
    FieldVector(
        "location-acting-by-suffix-not-through-an-organ",
        "location",
        COUNTY_THROUGH_ORGAN,
        must_not_include=("青禾县",),
    ),
    FieldVector("location-acting-by-suffix-own-meeting", "location", TOWN_MEETING, empty=True),
    FieldVector("location-acting-by-suffix-common-noun", "location", SHOP_NOT_PLACE, empty=True),
    FieldVector(
        "location-happened-lead-writes-the-scene-in-full",
        "location",
        SCENE_IN_FULL,
        exact="石门区北环大道一物流公司冷链仓库",
    ),
    FieldVector(
        "location-happened-cause-is-not-the-place",
        "location",
        ROAD_SCENE,
        exact="青岭高速公路往东川方向46公里处",
    ),
]


@pytest.mark.parametrize("vector", VECTORS_3, ids=lambda v: v.id)
def test_location_event_round3(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)
