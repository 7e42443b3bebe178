"""location: vectors for the strategies added in round 2 of issue 12 (texts written for these tests)."""

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

VECTORS = [
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
