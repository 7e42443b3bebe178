"""organizer, event, location, host: vectors for the frames of round 4 of issue 12 (explace).

Every text is written for these tests, in the style of a county newspaper's local news, a township's site page
(publication line, 上一条 footer) and an office's work update; several variants of each frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, check_vector, extract_text

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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a headline place glued into a longer word (陕西省政府 | 采购…) does not act ----
GLUED_PLACE_MEETING = (
    "陕西省政府采购工作座谈会日前召开\n"
    "9月27日，全省政府采购工作座谈会在西安召开。省财政厅有关负责同志传达了会议精神。\n"
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
        must_not_include=("陕西省",),
    ),
    FieldVector("location-glued-headline-meeting-at-city", "location", GLUED_PLACE_MEETING, exact="西安"),
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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


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
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- the organizer does its work at a named place or facility ----
COURT_ON_CIRCUIT = (
    "县人民法院巡回审理赡养纠纷案\n"
    "5月9日，青禾县人民法院在石桥镇司法所巡回审理一起赡养纠纷案件，邀请村民200余人旁听。\n"
)
BUREAU_AT_SCHOOL = (
    "县司法局开展“法治进校园”宣讲\n"
    "3月20日，石泉县司法局在城关镇第二小学举办“法治进校园”专题讲座，600余名师生聆听。\n"
)
BUREAU_IN_A_CIRCUMSTANCE = (
    "县市场监管局查处一起销售过期食品案\n"
    "近日，石泉县市场监督管理局在日常检查中发现一家超市销售过期食品，依法立案查处。\n"
)
BUREAU_ACROSS_THE_COUNTY = (
    "石泉县公安局开展夏季治安巡逻\n7月1日起，石泉县公安局在全县开展夏季治安巡逻防控，出动警力1200人次。\n"
)

ORG_AT_VECTORS = [
    FieldVector("location-organizer-at-a-named-facility", "location", COURT_ON_CIRCUIT, exact="石桥镇司法所"),
    FieldVector("organizer-acts-after-zai-place", "organizer", COURT_ON_CIRCUIT, exact="青禾县人民法院"),
    FieldVector("location-organizer-at-a-school", "location", BUREAU_AT_SCHOOL, exact="城关镇第二小学"),
    FieldVector(
        "location-organizer-in-a-circumstance-is-no-place",
        "location",
        BUREAU_IN_A_CIRCUMSTANCE,
        must_not_include=("日常检查中",),
    ),
    FieldVector(
        "location-organizer-across-the-county-is-no-place",
        "location",
        BUREAU_ACROSS_THE_COUNTY,
        must_not_include=("全县",),
    ),
]


@pytest.mark.parametrize("vector", ORG_AT_VECTORS, ids=lambda v: v.id)
def test_organizer_at(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a leader visits the city's zone, named by its kind ----
VISIT_ZONE = (
    "市委书记张明到高新区调研\n4月16日，市委书记张明到高新区调研科技创新工作，先后深入3家企业实地察看。\n"
)
VISIT_NAMED_ZONE = (
    "副市长到青禾经开区督导安全生产\n5月6日，副市长李红到青禾经开区督导安全生产工作，检查企业4家。\n"
)

VISIT_VECTORS = [
    FieldVector("location-visit-to-a-zone", "location", VISIT_ZONE, exact="高新区"),
    FieldVector("location-visit-to-a-named-zone", "location", VISIT_NAMED_ZONE, exact="青禾经开区"),
]


@pytest.mark.parametrize("vector", VISIT_VECTORS, ids=lambda v: v.id)
def test_visit_zone(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a meeting held by video: the lead's full name, and no venue ----
VIDEO_MEETING = (
    "全省公安机关电视电话会议召开\n"
    "6月3日，全省公安机关打击治理电信网络诈骗犯罪工作电视电话会议以视频形式召开。副省长出席会议并讲话。\n"
)
VIDEO_MEETING_2 = (
    "全市防汛工作会议召开\n7月5日，全市2025年防汛抗旱工作视频会议以视频会议形式召开，市长出席并讲话。\n"
)

VIDEO_VECTORS = [
    FieldVector(
        "event-held-by-video-full-name",
        "event",
        VIDEO_MEETING,
        exact="全省公安机关打击治理电信网络诈骗犯罪工作电视电话会议",
    ),
    FieldVector("location-held-by-video-no-venue", "location", VIDEO_MEETING, empty=True),
    FieldVector("event-held-by-video-2", "event", VIDEO_MEETING_2, exact="全市2025年防汛抗旱工作视频会议"),
]


@pytest.mark.parametrize("vector", VIDEO_VECTORS, ids=lambda v: v.id)
def test_video_meeting(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a quoted working model put into force (推行“某某”管理模式): the quoted name ----
MODEL_IN_FORCE = (
    "柳江镇：“红色物业”让老旧小区焕新颜\n"
    "柳江镇紧扣群众所需，在全镇推行“红色物业”管理模式，已覆盖老旧小区18个。\n"
)
MODEL_IN_FORCE_2 = "石泉县推广“田长制”\n今年以来，石泉县在全县推行“田长+网格”模式，落实田长1200名。\n"
# an organ acting on a target (针对…启动…): the organ acts
ORGAN_ON_A_TARGET = (
    "省防指启动防汛四级应急响应\n"
    "本报讯 7月12日，江右省防汛抗旱指挥部针对北部三市启动防汛四级应急响应，派出工作组赴一线指导。\n"
)

MODEL_VECTORS = [
    FieldVector("event-launched-quoted-model", "event", MODEL_IN_FORCE, exact="“红色物业”"),
    FieldVector("event-launched-quoted-model-2", "event", MODEL_IN_FORCE_2, exact="“田长+网格”"),
    FieldVector("organizer-acts-on-a-target", "organizer", ORGAN_ON_A_TARGET, exact="江右省防汛抗旱指挥部"),
]


@pytest.mark.parametrize("vector", MODEL_VECTORS, ids=lambda v: v.id)
def test_model_and_target(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- the organizer's place is the location only when the headline is about that place's work ----
CASE_STORY = (
    "原局长受贿获刑十年\n"
    "  本报合肥12月30日电  今天，安徽省蒙城县人民法院以受贿罪判处某县原局长有期徒刑十年。\n"
)
BUREAU_PAGE_SITE_NAME = (
    "市场监管局开展加油站计量专项检查_余江县人民政府\n"
    "发布日期：2024-07-22  信息来源：县市场监督管理局\n"
    "7月中旬，余江县市场监督管理局对全县加油站开展计量专项检查，检查加油站32座。\n"
)
PLACE_IN_KICKER = (
    "内蒙古包头市检察院多举措应对疫情\n"
    "非接触式办案 方便当事人\n"
    "\n"
    "　　本报包头2月13日电  春节假期过后，内蒙古包头市人民检察院推行网上阅卷，方便律师办案。\n"
)

ORG_PLACE_VECTORS = [
    FieldVector("location-organizer-place-not-in-headline", "location", CASE_STORY, empty=True),
    FieldVector(
        "location-organizer-place-site-name-does-not-count", "location", BUREAU_PAGE_SITE_NAME, empty=True
    ),
    FieldVector("location-organizer-place-in-kicker", "location", PLACE_IN_KICKER, exact="内蒙古包头市"),
]


@pytest.mark.parametrize("vector", ORG_PLACE_VECTORS, ids=lambda v: v.id)
def test_organizer_place_needs_the_headline(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a fair told at its closing, with its duration before the name; a job fair held by an organ ----
FAIR_CLOSED = (
    "第十二届青州茶博会闭幕\n"
    "本报讯 5月12日，为期四天的第十二届中国（青州）茶业博览会在青州国际会展中心闭幕，现场交易额达3.6亿元。\n"
)
JOB_FAIR = (
    "县人社局举办春风行动专场招聘会\n"
    "2月10日，县人力资源和社会保障局在县体育馆举办2025年“春风行动”专场招聘会，86家企业参会。\n"
)
# a fair written only as what a city hosts year by year: no event of the report
FAIR_AS_BACKGROUND = (
    "青州市文旅融合见成效\n近年来，青州市依托山水资源，连续三年承办国际马拉松赛事，带动旅游收入超10亿元。\n"
)

FAIR_VECTORS = [
    FieldVector(
        "event-closed-fair-without-duration", "event", FAIR_CLOSED, exact="第十二届中国（青州）茶业博览会"
    ),
    FieldVector("location-closed-fair-venue", "location", FAIR_CLOSED, exact="青州国际会展中心"),
    FieldVector("location-job-fair-venue", "location", JOB_FAIR, exact="县体育馆"),
    FieldVector("event-fair-as-background-is-no-event", "event", FAIR_AS_BACKGROUND, empty=True),
]


@pytest.mark.parametrize("vector", FAIR_VECTORS, ids=lambda v: v.id)
def test_fair_frames(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


def test_job_fair_is_named(tmp_path: Path) -> None:
    record = extract_text(JOB_FAIR, tmp_path)
    values = [str(v) for v in record.values("event")]
    assert values and values[0].endswith("专场招聘会") and "春风行动" in values[0]


# ---- the headline writes a launched name short, the lead in full ----
LAUNCH_SHORT_THEN_FULL = (
    "江西赣州推行“一件事一次办”\n"
    "\n"
    "本报南昌9月17日电  今年以来，赣州市推行“一件事一次办”改革，将企业开办等35个事项整合办理。\n"
)
LAUNCH_SHORT_THEN_FULL_2 = "石泉县开展“敲门行动”\n今年以来，石泉县开展“敲门行动”专项活动，走访群众1.2万户。\n"

LAUNCH_VECTORS = [
    FieldVector(
        "event-launched-lead-writes-it-in-full", "event", LAUNCH_SHORT_THEN_FULL, exact="“一件事一次办”改革"
    ),
    FieldVector(
        "event-launched-lead-writes-it-in-full-2",
        "event",
        LAUNCH_SHORT_THEN_FULL_2,
        exact="“敲门行动”专项活动",
    ),
]


@pytest.mark.parametrize("vector", LAUNCH_VECTORS, ids=lambda v: v.id)
def test_launched_in_full(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


# ---- a site page whose own place acts by a pronoun (我县召开…): the site's place ----
OUR_COUNTY_MEETS = (
    "我县召开2025年安全生产工作会议_石泉县人民政府\n"
    "发布时间：2025-02-18 来源：县应急管理局\n"
    "2月17日，我县召开2025年安全生产工作会议，县委副书记、县长刘建国出席会议并讲话。\n"
)
OUR_CITY_LAUNCHES = (
    "我市启动“护苗”专项行动_青州市人民政府\n"
    "发布时间：2025-03-02\n"
    "3月1日，我市启动2025年“护苗”专项行动，持续净化未成年人成长环境。\n"
)
OUR_CITY_ORGAN = (
    "我市开展“清朗”网络环境专项整治_青州市人民政府\n"
    "3月以来，我市网信办联合市公安局开展“清朗”网络环境专项整治行动，清理违法违规信息3200条。\n"
)

PRONOUN_VECTORS = [
    FieldVector("organizer-own-place-by-pronoun-county", "organizer", OUR_COUNTY_MEETS, exact="石泉县"),
    FieldVector("organizer-own-place-by-pronoun-city", "organizer", OUR_CITY_LAUNCHES, exact="青州市"),
    FieldVector("location-own-place-meeting-no-venue", "location", OUR_COUNTY_MEETS, empty=True),
]


@pytest.mark.parametrize("vector", PRONOUN_VECTORS, ids=lambda v: v.id)
def test_own_place_by_pronoun(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


def test_own_place_organ_acting_is_not_the_place(tmp_path: Path) -> None:
    record = extract_text(OUR_CITY_ORGAN, tmp_path)
    assert [str(v) for v in record.values("organizer")] != ["青州市"] or record.fields["organizer"][
        0
    ].rule != ("organizer.own_place_by_pronoun")


OUR_TOWN_HOLDS = (
    "我镇举办2025年度网格员培训班_柏溪镇人民政府\n"
    "发布时间：2025-05-10\n"
    "5月8日，我镇举办2025年度网格员培训班，全镇80余名网格员参加。\n"
)


def test_own_place_holding_is_the_place(tmp_path: Path) -> None:
    record = extract_text(OUR_TOWN_HOLDS, tmp_path)
    assert [str(v) for v in record.values("organizer")] == ["柏溪镇"]


# ---- a zone's own committee acts: the zone the headline begins with is the place ----
ZONE_COMMITTEE = (
    "临港新区“拿地即开工”跑出加速度\n"
    "《东川日报》（2025年5月6日 第 3 版）\n"
    "本报讯 今年以来，青州市临港新区管委会推行“拿地即开工”审批服务，12个项目实现拿地当天开工。\n"
)
ZONE_COMMITTEE_2 = (
    "柏溪高新区推出企业服务“直通车”\n"
    "今年以来，石泉县柏溪高新区管委会推出企业服务“直通车”，解决企业诉求210件。\n"
)
COUNTY_ORGAN_WORK = (
    "丰宁县多举措推进农村饮水安全\n今年以来，丰宁县水利局从水源保护入手，多举措推进农村饮水安全巩固提升。\n"
)

ZONE_VECTORS = [
    FieldVector("location-zone-of-its-committee", "location", ZONE_COMMITTEE, exact="临港新区"),
    FieldVector("location-zone-of-its-committee-2", "location", ZONE_COMMITTEE_2, exact="柏溪高新区"),
    FieldVector(
        "location-county-organ-work-no-zone", "location", COUNTY_ORGAN_WORK, must_not_include=("丰宁县",)
    ),
]


@pytest.mark.parametrize("vector", ZONE_VECTORS, ids=lambda v: v.id)
def test_zone_of_its_committee(vector: FieldVector, tmp_path: Path) -> None:
    check_vector(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))
