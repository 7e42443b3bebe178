"""organizer, event, location: vectors for the frames of round 4 of issue 12 (explace), part 2.

Every text is written for these tests, in the style of a county newspaper's local news, a site page
(publication line, 标题_网站名) and an office's work update; several variants of each frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, extract_text, run_vector

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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


# ---- the organizer's place is the location only when the headline is about that place's work ----
CASE_STORY = (
    "原局长受贿获刑十年\n"
    "  本报合肥12月30日电  今天，安徽省怀远县人民法院以受贿罪判处某县原局长有期徒刑十年。\n"
)
BUREAU_PAGE_SITE_NAME = (
    "市场监管局开展加油站计量专项检查_余江县人民政府\n"
    "发布日期：2024-07-22  信息来源：县市场监督管理局\n"
    "7月中旬，余江县市场监督管理局对全县加油站开展计量专项检查，检查加油站32座。\n"
)
PLACE_IN_KICKER = (
    "河北保定市检察院多举措优化检察服务\n"
    "非接触式办案 方便当事人\n"
    "\n"
    "　　本报保定2月13日电  春节假期过后，河北保定市人民检察院推行网上阅卷，方便律师办案。\n"
)

ORG_PLACE_VECTORS = [
    FieldVector("location-organizer-place-not-in-headline", "location", CASE_STORY, empty=True),
    FieldVector(
        "location-organizer-place-site-name-does-not-count", "location", BUREAU_PAGE_SITE_NAME, empty=True
    ),
    FieldVector("location-organizer-place-in-kicker", "location", PLACE_IN_KICKER, exact="河北保定市"),
]


@pytest.mark.parametrize("vector", ORG_PLACE_VECTORS, ids=lambda v: v.id)
def test_organizer_place_needs_the_headline(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


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
    run_vector(vector, tmp_path)


# ---- a delegation visits a city: the place ends at the city, not at 乡 of 乡村 ----
DELEGATION_VISIT = (
    "我县党政代表团赴浙江考察学习\n"
    "5月8日至10日，县委书记王强率宁海县党政代表团赴浙江省湖州市考察学习乡村振兴工作，先后走访了多个村。\n"
)
TOWNSHIP_AFTER_COUNTY = "宁海县推进乡村振兴\n5月8日，宁海县胡陈乡召开乡村振兴工作推进会，部署全年工作。\n"

DELEGATION_VECTORS = [
    FieldVector("location-visit-city-not-xiangcun", "location", DELEGATION_VISIT, exact="浙江省湖州市"),
    FieldVector("organizer-delegation-visits", "organizer", DELEGATION_VISIT, exact="宁海县党政代表团"),
    FieldVector(
        "organizer-township-after-county", "organizer", TOWNSHIP_AFTER_COUNTY, must_include=("宁海县胡陈乡",)
    ),
]


@pytest.mark.parametrize("vector", DELEGATION_VECTORS, ids=lambda v: v.id)
def test_delegation_and_township(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)
