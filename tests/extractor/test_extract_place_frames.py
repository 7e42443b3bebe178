"""organizer, event, location, host: vectors for the frames of round 4 of issue 12 (explace).

Every text is written for these tests, in the style of a county newspaper's local news, a township's site page
(publication line, 上一条 footer) and an office's work update; several variants of each frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, run_vector

# ---- a festival, a fair or a games that opens at a place, held by a body written in 由…主办的 ----
FESTIVAL_HELD_BY = (
    "石泉县茶旅融合带火乡村游\n"
    "\n"
    "本报讯（记者 王五）5月3日，由石泉县人民政府主办的2025石泉春茶采摘节在石泉县青坪乡茶山开幕，"
    "吸引游客2000余人。\n"
)
FAIR_OPENED = (
    "第三届柏溪农产品展销会开幕\n"
    "发布时间：2024-10-12 来源：柏溪镇\n"
    "10月11日上午，第三届柏溪农产品展销会在镇文化广场隆重开幕，全镇48家合作社参展。\n"
)
GAMES_HELD = (
    "青禾县举办首届全民健身运动会\n"
    "8月8日，青禾县举办首届全民健身运动会，来自全县12个乡镇的800余名运动员参赛。\n"
)
# a day of the calendar ends in 节 and is no festival
CALENDAR_DAY = (
    "石泉县开展春节前安全检查\n"
    "1月20日，石泉县应急管理局开展春节前安全生产大检查，检查企业36家。\n"
    "春节期间，全县各景区在做好防护的前提下举办春节\n"
)
# a festival with no 在…: the event, and no place from the festival frame
FESTIVAL_NO_PLACE = (
    "第十届南岭杨梅文化节开幕\n"
    "6月10日，由南岭镇人民政府主办的第十届南岭杨梅文化节正式开幕，现场签约农产品订单1200万元。\n"
)

# ---- a venue that is a facility is where it took place, not who held it ----
VENUE_FACILITY = (
    "芦溪镇举办2025年度网格员业务培训班_芦溪镇人民政府\n"
    "【发布时间：2025-05-10】【来源：芦溪镇综合办】\n"
    "五月八日，芦溪镇2025年度网格员业务培训班在镇党群服务中心举办，全镇80余名网格员参加培训。\n"
    "上一条：芦溪镇开展防汛演练\n"
)
VENUE_COUNTY_HALL = (
    "全县村级财务人员培训会召开\n4月2日，全县村级财务人员培训会在县会展中心召开，县财政局局长出席并讲话。\n"
)
# an organ holding its meeting at its own seat: the organ is the holder too
VENUE_ORGAN = (
    "2024年“平安指数”发布会举行\n"
    "本报讯 1月4日，2024年“平安指数”发布会在柏岭市公安局江口分局举行，发布了全区2024年治安形势。\n"
)

VECTORS = [
    FieldVector("event-opened-festival-held-by", "event", FESTIVAL_HELD_BY, exact="2025石泉春茶采摘节"),
    FieldVector("location-festival-opened-at", "location", FESTIVAL_HELD_BY, exact="石泉县青坪乡茶山"),
    FieldVector("organizer-festival-held-by", "organizer", FESTIVAL_HELD_BY, exact="石泉县人民政府"),
    FieldVector("event-opened-fair", "event", FAIR_OPENED, exact="第三届柏溪农产品展销会"),
    FieldVector("location-fair-opened-at", "location", FAIR_OPENED, exact="镇文化广场"),
    FieldVector("event-opened-games-held", "event", GAMES_HELD, exact="首届全民健身运动会"),
    FieldVector("event-a-calendar-day-is-no-festival", "event", CALENDAR_DAY, must_not_include=("举办春节",)),
    FieldVector("event-festival-without-place", "event", FESTIVAL_NO_PLACE, exact="第十届南岭杨梅文化节"),
    FieldVector("organizer-festival-without-place", "organizer", FESTIVAL_NO_PLACE, exact="南岭镇人民政府"),
    FieldVector("organizer-a-facility-is-no-holder", "organizer", VENUE_FACILITY, exact="芦溪镇"),
    FieldVector("location-a-facility-is-the-venue", "location", VENUE_FACILITY, exact="镇党群服务中心"),
    FieldVector(
        "organizer-a-county-hall-is-no-holder",
        "organizer",
        VENUE_COUNTY_HALL,
        must_not_include=("县会展中心",),
    ),
    FieldVector("location-a-county-hall-is-the-venue", "location", VENUE_COUNTY_HALL, exact="县会展中心"),
    FieldVector("organizer-venue-an-organ-at-home", "organizer", VENUE_ORGAN, exact="柏岭市公安局江口分局"),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_place_frames(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- a chair whose name ends in a character that is also a conjunction (和, 与, 及) ----
HOST_ENDS_IN_HE = (
    "柏岭区召开防汛工作部署会\n"
    "4月2日，柏岭区召开防汛工作部署会。区委常委沈一鸣出席会议并讲话，副区长郑永和主持会议。\n"
)
HOST_ENDS_IN_YU = "县应急管理局召开安全生产例会\n5月6日，县应急管理局召开安全生产例会，局长林书与主持会议。\n"
HOST_AFTER_MEETING = "镇党委召开理论学习会\n会议由镇党委书记高立及主持，全体班子成员参加。\n"
# a real conjunction between two names: the first is no chair by itself
TWO_CHAIRS = (
    "县人大常委会召开主任会议\n6月3日，县人大常委会召开主任会议，副主任王强和副主任李敏共同主持会议。\n"
)

# the people finder reads the last character as the conjunction and drops a two-character name
HOST_TWO_CHARACTERS = (
    "省公安厅召开全省公安机关夏季治安打击整治行动推进会\n"
    "6月20日，省公安厅在长沙召开推进会。副省长、省公安厅厅长王和主持会议并讲话。\n"
)
HOST_TWO_CHARACTERS_YU = "县政府召开常务会议\n5月8日，县政府召开常务会议，县长刘与主持会议。\n"

HOST_VECTORS = [
    FieldVector("host-name-ends-in-conjunction-two-characters", "host", HOST_TWO_CHARACTERS, exact="王和"),
    FieldVector("host-name-ends-in-conjunction-yu", "host", HOST_TWO_CHARACTERS_YU, exact="刘与"),
    FieldVector("host-chaired-name-ends-in-he", "host", HOST_ENDS_IN_HE, exact="郑永和"),
    FieldVector("host-chaired-name-ends-in-yu", "host", HOST_ENDS_IN_YU, exact="林书与"),
    FieldVector("host-chaired-by-name-ends-in-ji", "host", HOST_AFTER_MEETING, exact="高立及"),
    FieldVector("host-a-conjunction-between-two-chairs", "host", TWO_CHAIRS, must_not_include=("王强和",)),
]


@pytest.mark.parametrize("vector", HOST_VECTORS, ids=lambda v: v.id)
def test_host_name_ends_in_a_conjunction(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- a body written once at the head of the lead, acting with partners on a named service ----
SERVICE_WITH_PARTNERS = (
    "临港区“一站式”通关跑出加速度\n"
    "《东川日报》（2025年6月3日 第 2 版）\n"
    "\n"
    "本报讯（记者 李四）今年以来，青州市临港经济区管委会联合青州海关、港区边检站推行出口货物“一站式”"
    "通关服务，通关时长压缩一半。\n"
)
SERVICE_TOWN = (
    "柏溪镇推出“帮代办”服务\n"
    "发布时间：2025-03-02 来源：柏溪镇\n"
    "今年以来，柏溪镇便民服务中心联合镇司法所推出老年人“帮代办”服务，累计代办事项320件。\n"
)
# a reform named with the object it changes: the object stays in the name
REFORM_WITH_OBJECT = (
    "石泉县推行养老补贴申领“零跑腿”改革\n今年以来，石泉县推行养老补贴申领“零跑腿”改革，惠及老人1.2万人。\n"
)

SERVICE_VECTORS = [
    FieldVector(
        "organizer-lead-unit-written-once", "organizer", SERVICE_WITH_PARTNERS, exact="青州市临港经济区管委会"
    ),
    FieldVector("event-launched-named-service", "event", SERVICE_WITH_PARTNERS, exact="“一站式”通关服务"),
    FieldVector("event-launched-service-of-a-town", "event", SERVICE_TOWN, exact="老年人“帮代办”服务"),
    FieldVector(
        "event-launched-reform-keeps-its-object",
        "event",
        REFORM_WITH_OBJECT,
        exact="养老补贴申领“零跑腿”改革",
    ),
]


@pytest.mark.parametrize("vector", SERVICE_VECTORS, ids=lambda v: v.id)
def test_service_frames(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- a headline place glued into a longer word (甘肃省政府 | 采购…) does not act ----
GLUED_PLACE_MEETING = (
    "甘肃省政府采购监管推进会日前召开\n"
    "9月27日，全省政府采购监管推进会在兰州召开。省财政厅有关负责同志传达了会议精神。\n"
)
GLUED_PLACE_MEETING_2 = (
    "江苏省政府采购工作会议召开\n3月2日，全省政府采购工作会议在南京召开，总结去年工作，部署今年任务。\n"
)
# a verb before a level word heads no unit (会同 | 区公安分局), even at a clause's start
JOINT_VERB_AT_CLAUSE_START = (
    "江口区检察院推进未成年人保护\n"
    "今年以来，江口区人民检察院全面履行未成年人检察职能。\n"
    "落实强制报告制度。会同区公安分局、区卫健局建立强制报告联动机制。\n"
)

GLUED_VECTORS = [
    FieldVector(
        "organizer-glued-headline-place-does-not-act",
        "organizer",
        GLUED_PLACE_MEETING,
        must_not_include=("甘肃省",),
    ),
    FieldVector("location-glued-headline-meeting-at-city", "location", GLUED_PLACE_MEETING, exact="兰州"),
    FieldVector(
        "organizer-glued-headline-place-2", "organizer", GLUED_PLACE_MEETING_2, must_not_include=("江苏省",)
    ),
    FieldVector(
        "units-verb-before-level-word-heads-no-unit",
        "units",
        JOINT_VERB_AT_CLAUSE_START,
        must_not_include=("会同区公安分局",),
    ),
]


@pytest.mark.parametrize("vector", GLUED_VECTORS, ids=lambda v: v.id)
def test_glued_and_verb_heads(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- a place the division table lacks, acting alone in the headline and in a later clause of the lead ----
DISTRICT_METHOD = (
    "【基层治理】\n"
    "青岚区“周末议事”把矛盾化解在村口\n"
    "\n"
    "“有事好商量。”6月8日上午，青岚区石桥街道党工委书记带着干部来到村口议事亭。\n"
    "\n"
    "今年3月起，青岚区在全区推行“周末议事”制度，累计议事1200余次。\n"
)
TOWN_SCHEME = (
    "柏溪镇“积分银行”激活乡风文明\n"
    "发布时间：2025-04-02 来源：县融媒体中心\n"
    "一大早，村民排队用积分兑换生活用品。\n"
    "去年以来，柏溪镇在各村推行“积分银行”，参与农户3200户。\n"
)
# the headline's place acts through its organ in the lead: the organ, not the place
TOWN_THROUGH_ORGAN = (
    "柏溪镇强化夏季防溺水\n"
    "6月以来，柏溪镇派出所联合学校开展防溺水宣传，发放资料2000份。\n"
    "柏溪镇还在危险水域设置警示牌46块。\n"
)

SUFFIX_ACTOR_VECTORS = [
    FieldVector("organizer-acting-by-suffix-district", "organizer", DISTRICT_METHOD, exact="青岚区"),
    FieldVector("organizer-acting-by-suffix-town", "organizer", TOWN_SCHEME, exact="柏溪镇"),
    FieldVector(
        "organizer-acting-by-suffix-not-through-an-organ",
        "organizer",
        TOWN_THROUGH_ORGAN,
        must_not_include=("柏溪镇",),
    ),
]


@pytest.mark.parametrize("vector", SUFFIX_ACTOR_VECTORS, ids=lambda v: v.id)
def test_suffix_place_actor(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- a meeting held at a centre: the centre is the venue; no unit is read across 在 ----
MEETING_AT_CENTRE = (
    "全市应急管理工作会议在市行政中心召开\n"
    "3月6日，全市应急管理工作会议在市行政中心召开。会议由市应急管理局局长黄启明主持。\n"
)
MEETING_AT_COMMAND_CENTRE = (
    "全县防汛调度会议在县应急指挥中心召开\n"
    "7月2日，全县防汛调度会议在县应急指挥中心召开，县水利局局长出席并讲话。\n"
)
# an organ with partners putting a service out (联合…推出): the organ acts, not the headline's county
ORGAN_WITH_PARTNERS_PUTS_OUT = (
    "青溪县推出电动自行车“一站式”上牌服务\n"
    "今年以来，青溪县公安局联合县交通运输局、县城管局推出电动自行车“一站式”上牌服务，办理业务1.2万件。\n"
)

CENTRE_VECTORS = [
    FieldVector(
        "organizer-a-centre-venue-is-no-holder", "organizer", MEETING_AT_CENTRE, exact="市应急管理局"
    ),
    FieldVector("units-no-unit-across-zai", "units", MEETING_AT_CENTRE, must_not_include=("议在市行政中心",)),
    FieldVector("location-a-centre-is-the-venue", "location", MEETING_AT_CENTRE, exact="市行政中心"),
    FieldVector(
        "organizer-a-command-centre-is-no-holder",
        "organizer",
        MEETING_AT_COMMAND_CENTRE,
        must_not_include=("县应急指挥中心",),
    ),
    FieldVector(
        "organizer-organ-with-partners-puts-out",
        "organizer",
        ORGAN_WITH_PARTNERS_PUTS_OUT,
        exact="青溪县公安局",
    ),
]


@pytest.mark.parametrize("vector", CENTRE_VECTORS, ids=lambda v: v.id)
def test_centre_venue_and_partners(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- the headline's county, its organ acting in the lead across 在全县范围内 ----
ORGAN_ACROSS_THE_COUNTY = (
    "长丰县开展危险化学品安全专项整治\n"
    "《皖江日报》（2025年4月2日 第 5 版）\n"
    "本报讯 3月以来，长丰县应急管理局在全县范围内开展危险化学品安全专项整治，检查企业86家。\n"
)
ORGAN_ACROSS_THE_CITY = (
    "桐乡市推进燃气安全排查\n"
    "今年以来，桐乡市住房和城乡建设局在全市范围内开展燃气安全隐患排查，整改隐患120处。\n"
)
# two holders written in one 由…共同主办 phrase: both, as written
JOINT_HOLDERS = (
    "湖北宜昌：春茶开采\n"
    "本报宜昌3月18日电 3月17日，由宜昌市农业农村局、夷陵区人民政府共同主办的2025年宜昌春茶开采节在邓村乡开幕。\n"
)

ACROSS_VECTORS = [
    FieldVector(
        "organizer-organ-acts-across-the-county",
        "organizer",
        ORGAN_ACROSS_THE_COUNTY,
        exact="长丰县应急管理局",
    ),
    FieldVector(
        "organizer-organ-acts-across-the-city",
        "organizer",
        ORGAN_ACROSS_THE_CITY,
        exact="桐乡市住房和城乡建设局",
    ),
    FieldVector(
        "organizer-hosted-by-joint-holders",
        "organizer",
        JOINT_HOLDERS,
        exact="宜昌市农业农村局、夷陵区人民政府",
    ),
    FieldVector("event-opened-with-joint-holders", "event", JOINT_HOLDERS, exact="2025年宜昌春茶开采节"),
]


@pytest.mark.parametrize("vector", ACROSS_VECTORS, ids=lambda v: v.id)
def test_across_and_joint(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


# ---- an assessment or a skills contest an organ carries out is a named activity ----
ASSESSMENT = (
    "我院在省局年度考核中获评优秀\n"
    "近日，省局组织开展了2024年检验检测机构能力分类考核工作，我院被评为优秀等次。\n"
)
SKILLS_CONTEST = (
    "市公安局开展全警实战大比武\n"
    "10月15日至17日，青州市公安局组织开展2025年全警实战技能大比武，全市420名民警参赛。\n"
)
ASSESSMENT_TO_COME = (
    "县应急管理局部署下半年工作\n"
    "7月3日，县应急管理局召开会议，要求各股室做好准备，将于年底开展安全生产目标责任考核。\n"
)

ASSESSMENT_VECTORS = [
    FieldVector("event-carried-out-assessment", "event", ASSESSMENT, exact="2024年检验检测机构能力分类考核"),
    FieldVector(
        "event-carried-out-skills-contest", "event", SKILLS_CONTEST, exact="2025年全警实战技能大比武"
    ),
    FieldVector(
        "event-an-assessment-to-come-is-no-event",
        "event",
        ASSESSMENT_TO_COME,
        must_not_include=("安全生产目标责任考核",),
    ),
]


@pytest.mark.parametrize("vector", ASSESSMENT_VECTORS, ids=lambda v: v.id)
def test_assessment_events(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)
