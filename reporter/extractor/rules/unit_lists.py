"""The patterns of a units list (北京、天津、河北公安机关: places sharing a kind of unit) and a loose name match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..lexicon import read_word_table

# the kinds of unit a list of places shares: 北京、天津、河北公安机关
_ITEM = r"(?:(?![等的及与向对由从在为相有])[\u4e00-\u9fff]){2,6}?"


@lru_cache(maxsize=8)
def _distributive_pattern(path: str | None) -> re.Pattern[str]:
    """敖汉旗、松山区…四个旗县区 + a kind of unit (公安局, 首席法律咨询专家工作站): the organ words are
    templates/org_words.txt (机关), a few words of description may stand before them."""
    kind = _kind_alternation(path)
    return re.compile(
        rf"(?P<items>{_ITEM}(?:[、和及]{_ITEM})+)(?:等)?(?:地|地区|省|市)?(?:[一二三四五六七八九十两\d]+[个级])?"
        rf"(?:旗县区|县市区|县区|区县|市县|省区市|省市区|地市|市州|乡镇|街道|省市|地区)?"
        rf"(?P<type>(?:(?![，。、；和及等的个级一二三四五六七八九十两多几]|相关|有关|向|对|由|从|在|为|与)"
        rf"[\u4e00-\u9fff]){{0,8}}?(?:{kind}))"
    )


def _organs(path: str | None) -> tuple[str, ...]:
    organs = read_word_table(path).get("机关", ()) or ("公安局", "人民法院", "人民检察院")
    # 局, 委, 中心, 部门 alone would read any clause as a unit (永川城市副中心)
    return tuple(o for o in organs if len(o) >= 2 and o not in ("中心", "部门"))


def _kind_alternation(path: str | None) -> str:
    return "|".join(map(re.escape, sorted(_organs(path), key=len, reverse=True)))


@lru_cache(maxsize=8)
def _distributive_runs(path: str | None) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """What a distributive list is written with (Chinese characters, 、, digits and the organ words'
    own characters), as runs of text; and its organ words (None: no organ words, any kind goes)."""
    extra = "".join(sorted({ch for o in _organs(path) for ch in o if not "\u4e00" <= ch <= "\u9fff"}))
    kind = _kind_alternation(path)
    return re.compile(rf"[\u4e00-\u9fff、\d{re.escape(extra)}]+"), re.compile(kind) if kind else None


_LIST_SEPARATOR = re.compile(r"[、和及]")


def distributive_lists(text: str, end: int, path: str | None) -> Iterator[re.Match[str]]:
    """The matches of _distributive_pattern(path) in text[:end], in order. A list never leaves a run of
    the characters it is written with, and holds a separator and an organ word: only such runs are searched
    (the same matches, several times faster than searching the whole text)."""
    pattern = _distributive_pattern(path)
    runs, kind = _distributive_runs(path)
    for run in runs.finditer(text, 0, end):
        a, b = run.span()
        if _LIST_SEPARATOR.search(text, a, b) and (kind is None or kind.search(text, a, b)):
            yield from pattern.finditer(text, a, b)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or (a in b and len(a) >= 0.8 * len(b)) or (b in a and len(b) >= 0.8 * len(a))
