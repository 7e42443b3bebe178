"""A place the division table does not know, read by its suffix where a place acts (hunits2).

The gazetteer lists provinces, cities and counties, not every town, and no name written after it was made:
常平镇、溪口镇、某某街道 or a county it lacks. Where the lead's actor stands (the subject of 召开/开展/启动, a
headline's kicker) a two-character name + 省/市/县/区/镇/乡/街道 is read as a place acting as a whole when:

- the name is written at least twice in the report (headline and lead, lead and body): a place the report
  is about, not a word that happens to end in 区 or 市;
- it ends where jieba ends a word (农贸市 + 场 is not a place) and the name is no common noun (开发区,
  示范区: a kind of area; 全市, 各县: a level, not a name).
"""

from __future__ import annotations

import bisect
import re

from .context import Context

SUFFIX_PLACE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2})(?P<suffix>街道|镇|乡|县|区|市|省)")
# characters that open a level, a group or a pronoun, not a name (全县, 各镇, 本区, 我市, 该镇), and
# prepositions and particles a name does not hold (会议在市…: 议在市 is no place)
_NOT_A_NAME = re.compile(
    r"[全各本该我其此这那每某一二三四五六七八九十两多省市县区镇乡村街在对向从把被由的了是]"
)
# common nouns that end like a place: a kind of area, not a named one
_AREA_WORDS = re.compile(
    r"(?:开发|示范|保护|风景|试验|实验|功能|自贸|城区|新区|园区|工业|产业|经济|高新|服务)$"
)


# a level word that begins a common word here (市场, 县城, 区域): no place's name ends before it
_LEVEL_WORDS = frozenset(
    ("市场", "市民", "县城", "县域", "区域", "区划", "省份", "市级", "县级", "区级", "省级", "镇村", "乡村")
)


def suffix_place_at(ctx: Context, pos: int, word_end: bool = True, once: bool = False) -> int | None:
    """The end of an unknown place's name written at pos (常平镇 of 常平镇启动…), or None; with
    word_end=False the suffix may be glued to the word after it (江右 | 省公安厅: a unit's head); with once=True
    the name need not be written twice (the caller has other evidence that it is a place)."""
    m = SUFFIX_PLACE.match(ctx.norm, pos)
    if m is None or _NOT_A_NAME.search(m["name"]) or _AREA_WORDS.search(m["name"]):
        return None
    if ctx.norm[m.end() - 1 : m.end() + 1] in _LEVEL_WORDS:
        return None  # 农贸市 + 场: the level word begins a common word
    end = m.end()
    i = bisect.bisect_left(ctx.word_ends, end)
    if word_end and i < len(ctx.words) and ctx.words[i][1] < m.start("suffix") and ctx.word_ends[i] != end:
        return (
            None  # 超市 + …: the suffix closes no name, it is inside a longer word (镇 | 多措 is jieba's cut)
        )
    if not once and _count(ctx, m.group()) < 2:
        return None
    return end


def _count(ctx: Context, name: str) -> int:
    """How often the report writes name (counted once per name and document)."""
    counts: dict[str, int] = ctx.__dict__.setdefault("_suffix_place_counts", {})
    if name not in counts:
        counts[name] = ctx.norm.count(name)
    return counts[name]


def suffix_place_before(ctx: Context, pos: int) -> int | None:
    """The start of an unknown place's name that ends at pos (常平镇 of 常平镇召开…), or None."""
    for length in (5, 4, 3):  # 某某街道 + 2-character names + 镇/县
        start = pos - length
        if start >= 0 and suffix_place_at(ctx, start) == pos:
            return start
    return None
