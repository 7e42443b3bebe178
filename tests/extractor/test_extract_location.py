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

VECTORS = [
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
