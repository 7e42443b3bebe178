"""title, location and event: variants of three writing patterns.

- a 公文 title whose issuing organ opens its first line (某县某局关于开展… / …工作的通知): the long first line
  breaks before the title ends, and the two lines are one title;
- a headline that opens with its place (province + county) and then its topic, the topic opening with a
  common noun that ends like a place (农村, 山区, 城区 …): that noun is not part of the place;
- a campaign whose name opens with a season or period of the year (夏季…, 冬春…, 暑期…): the season word is
  part of the name.

Every text is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vectors import FieldVector, run_vector

# ---- title: a 公文 title broken after its long first line, the organ's name opening it

ORGAN_LED_NOTICE = (
    "青山县应急管理局关于开展汛前地质灾害隐患\n"
    "排查整治工作的通知\n"
    "各乡镇人民政府，县直有关单位：\n"
    "为切实做好汛前地质灾害防范工作，现将有关事项通知如下。\n"
)

JOINT_ISSUERS_OPINION = (
    "中共河西区委办公室 河西区人民政府办公室关于进一步加强\n"
    "基层网格员队伍建设的实施意见\n"
    "各街道党工委、办事处：\n"
    "为提升基层治理水平，经区委、区政府同意，提出如下意见。\n"
)

QUARTER_BULLETIN = (
    "东川市市场监督管理局关于2024年第二季度食品安全\n"
    "监督抽检情况的通报\n"
    "各县（区）市场监督管理局：\n"
    "第二季度共抽检食品样品860批次，合格率98.6%。\n"
)

# a whole title on one line: the addressee under it stays out of it
WHOLE_TITLE = (
    "青山县教育局关于做好暑期学生安全工作的通知\n"
    "各中小学校：\n"
    "暑假将至，为保障学生假期安全，现就有关事项通知如下。\n"
)

# ---- location: a headline's place, then a topic opening with a common noun ending like a place

MOUNTAIN_WATER = "四川青川山区群众喝上安全水\n记者获悉，今年以来当地新建集中供水工程46处，惠及群众2.3万人。\n"
RURAL_TOURISM = "江西婺源乡村旅游接待游客突破300万人次\n记者获悉，今年上半年当地乡村旅游持续升温。\n"
URBAN_ROADS = "云南腾冲城区道路改造全面完工\n记者获悉，此次改造涉及道路12条，总长度26公里。\n"
# a place whose own name ends in 区 is kept whole
# a noun like 山区 after a name the division table does not hold (a mountain range) closes a named area
NAMED_MOUNTAIN_AREA = "河北太行山区群众喝上安全水\n记者获悉，今年以来当地新建集中供水工程46处。\n"
REAL_DISTRICT = "山西太原小店区推行“一网通办”\n记者获悉，目前已有320项政务服务事项实现网上办理。\n"

# ---- event: a season word opening a campaign's name

WINTER_FIRE = (
    "县消防救援大队通报火灾形势\n"
    "今年以来，县消防救援大队深入推进冬春火灾防控专项行动，火灾起数明显下降。"
    "冬春火灾防控专项行动开展以来，共检查单位320家，整改隐患510处。\n"
)

AUTUMN_FARM_SUPPLIES = (
    "县市场监管局通报农资市场检查情况\n"
    "近期，县市场监管局持续推进秋季农资打假专项治理，规范农资经营秩序。"
    "秋季农资打假专项治理开展以来，共检查农资经营户126家。\n"
)

SUMMER_TRAINING = (
    "区教育局规范校外培训\n"
    "7月以来，区教育局联合多部门深入推进暑期校外培训机构专项整治，查处违规培训机构9家。"
    "暑期校外培训机构专项整治期间，共出动检查人员210人次。\n"
)

# the season is when the work was done, not the campaign's name: 在夏季开展…
SEASON_AS_TIME = (
    "县交警大队通报道路交通安全形势\n"
    "今年以来，县交警大队在夏季开展道路交通安全专项整治，事故起数同比下降。"
    "道路交通安全专项整治开展以来，共查处交通违法行为1260起。\n"
)

VECTORS = [
    FieldVector(
        "title-joined-lines-organ-led-notice",
        "title",
        ORGAN_LED_NOTICE,
        exact="青山县应急管理局关于开展汛前地质灾害隐患排查整治工作的通知",
        must_not_include=("青山县应急管理局关于开展汛前地质灾害隐患",),
    ),
    FieldVector(
        "title-joined-lines-joint-issuers",
        "title",
        JOINT_ISSUERS_OPINION,
        exact="中共河西区委办公室 河西区人民政府办公室关于进一步加强基层网格员队伍建设的实施意见",
        must_not_include=("中共河西区委办公室 河西区人民政府办公室关于进一步加强",),
    ),
    FieldVector(
        "title-joined-lines-bulletin",
        "title",
        QUARTER_BULLETIN,
        exact="东川市市场监督管理局关于2024年第二季度食品安全监督抽检情况的通报",
    ),
    FieldVector(
        "title-whole-line-keeps-the-addressee-out",
        "title",
        WHOLE_TITLE,
        exact="青山县教育局关于做好暑期学生安全工作的通知",
        must_not_include=("青山县教育局关于做好暑期学生安全工作的通知各中小学校：",),
    ),
    FieldVector(
        "location-title-place-before-mountain-area",
        "location",
        MOUNTAIN_WATER,
        exact="四川青川",
        must_not_include=("四川青川山区",),
    ),
    FieldVector(
        "location-title-place-before-rural",
        "location",
        RURAL_TOURISM,
        exact="江西婺源",
        must_not_include=("江西婺源乡村",),
    ),
    FieldVector(
        "location-title-place-before-urban-area",
        "location",
        URBAN_ROADS,
        exact="云南腾冲",
        must_not_include=("云南腾冲城区",),
    ),
    FieldVector(
        "location-title-place-district-name-kept",
        "location",
        REAL_DISTRICT,
        exact="山西太原小店区",
        must_not_include=("山西太原",),
    ),
    FieldVector(
        "location-title-place-named-area-kept",
        "location",
        NAMED_MOUNTAIN_AREA,
        exact="河北太行山区",
        must_not_include=("河北太行",),
    ),
    FieldVector("event-campaign-winter-spring", "event", WINTER_FIRE, exact="冬春火灾防控专项行动"),
    FieldVector(
        "event-campaign-autumn",
        "event",
        AUTUMN_FARM_SUPPLIES,
        exact="秋季农资打假专项治理",
        must_not_include=("农资打假专项治理",),
    ),
    FieldVector(
        "event-campaign-summer-holiday",
        "event",
        SUMMER_TRAINING,
        exact="暑期校外培训机构专项整治",
        must_not_include=("校外培训机构专项整治",),
    ),
    FieldVector(
        "event-campaign-season-as-time-is-not-the-name",
        "event",
        SEASON_AS_TIME,
        exact="道路交通安全专项整治",
        must_not_include=("夏季开展道路交通安全专项整治",),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_title_place_campaign(vector: FieldVector, tmp_path: Path) -> None:
    run_vector(vector, tmp_path)
