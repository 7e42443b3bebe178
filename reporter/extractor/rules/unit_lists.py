"""The patterns of a units list (北京、天津、河北公安机关: places sharing a kind of unit) and a loose name match."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import read_word_table

# the kinds of unit a list of places shares: 北京、天津、河北公安机关
_ITEM = r"(?:(?![等的及与向对由从在为相有])[\u4e00-\u9fff]){2,6}?"


@lru_cache(maxsize=8)
def _distributive_pattern(path: str | None) -> re.Pattern[str]:
    """敖汉旗、松山区…四个旗县区 + a kind of unit (公安局, 首席法律咨询专家工作站): the organ words are
    templates/org_words.txt (机关), a few words of description may stand before them."""
    organs = read_word_table(path).get("机关", ()) or ("公安局", "人民法院", "人民检察院")
    # 局, 委, 中心, 部门 alone would read any clause as a unit (永川城市副中心)
    organs = tuple(o for o in organs if len(o) >= 2 and o not in ("中心", "部门"))
    kind = "|".join(map(re.escape, sorted(organs, key=len, reverse=True)))
    return re.compile(
        rf"(?P<items>{_ITEM}(?:[、和及]{_ITEM})+)(?:等)?(?:地|地区|省|市)?(?:[一二三四五六七八九十两\d]+[个级])?"
        rf"(?:旗县区|县市区|县区|区县|市县|省区市|省市区|地市|市州|乡镇|街道|省市|地区)?"
        rf"(?P<type>(?:(?![，。、；和及等的个级一二三四五六七八九十两多几]|相关|有关|向|对|由|从|在|为|与)"
        rf"[\u4e00-\u9fff]){{0,8}}?(?:{kind}))"
    )


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or (a in b and len(a) >= 0.8 * len(b)) or (b in a and len(b) >= 0.8 * len(a))
