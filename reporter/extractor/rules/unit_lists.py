"""The patterns of a units list (北京、天津、河北公安机关: places sharing a kind of unit) and a loose name match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..context import Context
from ..lexicon import read_word_table
from ..places import is_place_word

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


def _organ_len(ctx: Context, name: str) -> int:
    """How long the organ word closing a unit's name is: the built-in suffixes (places.py) or an organ word of
    templates/org_words.txt (海关, 妇联, 边检站); 0 when the name ends in none."""
    from ..orgs import org_grammar
    from ..places import unit_suffix_len

    organs = org_grammar(ctx).organs
    # (the first organ word it ends in; most names end in none of them: one endswith for all first)
    own = next((len(o) for o in organs if name.endswith(o)), 0) if name.endswith(organs) else 0
    return max(unit_suffix_len(name), own)


def second_names(ctx: Context) -> frozenset[str]:
    """One body with two names (一个机构两块牌子), the second in brackets right after the first:
    某县市场监督管理局（县知识产权局）, 某市应急管理局（市安委会办公室）. The bracketed name is the same body as
    the name before it, never a unit of its own."""
    from ..places import find_units

    text = ctx.norm
    spans = find_units(ctx)
    ends = {e for _s, e in spans}
    return frozenset(
        text[s:e] for s, e in spans if text[s - 1 : s] in "（(" and s - 1 in ends and text[e : e + 1] in "）)"
    )


def _part_of(unit: str, organizer: str) -> bool:
    """The organizer itself written shorter (蔡甸区检察院 for 武汉市蔡甸区人民检察院) or its parent unit."""
    if not organizer or not unit:
        return False
    if organizer.startswith(unit) and len(unit) >= 3:
        return True  # 天津市公安局 for 天津市公安局经侦总队
    if organizer.endswith(unit) and len(unit) >= 4:
        return True
    it = iter(organizer)
    if len(unit) >= 3 and unit[:2] == organizer[:2] and all(ch in it for ch in unit):
        return True  # 最高法 for 最高人民法院, 住建部 for 住房和城乡建设部: the common short form
    level = organizer.find(unit[0]) if unit[0] in "省市县区旗" else -1
    if level >= 0 and len(unit) >= 3 and unit[-1] == organizer[-1]:
        it = iter(organizer[level + 1 :])
        if all(ch in it for ch in unit[1:]):
            return True  # 县法院 for 宁海县人民法院: the level word and the organ written short
    it = iter(organizer)
    return len(unit) >= 4 and unit[-1] == organizer[-1] and all(ch in it for ch in unit)


def _looks_like_place(item: str) -> bool:
    return bool(re.search(r"[省市县区旗州盟]$", item)) or is_place_word(item)


def _place_of(unit: str) -> str:
    """The place a unit's name starts with: 杭州市公安局 → 杭州市; 和田地委 → 和田."""
    m = re.match(r"^[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗|州|盟)", unit)
    if m:
        return m.group()
    for k in range(len(unit) - 1, 1, -1):
        if is_place_word(unit[:k]):
            return unit[:k]
    return ""


_BARE_GOVERNMENT = re.compile(
    r"^(?:市|县|区|旗|省|镇|乡)(?:政府|人民政府|委|党委|市委|县委|区委|委员会|政府办|政府办公室)$"
)


_NATIONAL = re.compile(r"(?:国家|中国|中华|中央|中共|最高|国务院|全国)")


def _has_head(ctx: Context, s: int, e: int) -> bool:
    """A name that says whose it is: a national head (国家林草局) or a place (营口市公安局)."""
    from ..gazetteer import gazetteer
    from ..orgs import trusted_short

    if _NATIONAL.match(ctx.norm, s):
        return True
    chain = gazetteer().chain_at(ctx.norm, s, e, trusted=trusted_short(ctx))
    return chain is not None and chain.end < e


_LEAGUE = re.compile(r"^团[省市县区旗]委$")


_JOINED = "对在于向与和将为已把被从等"


def _word_end(ctx: Context, pos: int) -> bool:
    import bisect

    i = bisect.bisect_left(ctx.word_ends, pos)
    return i < len(ctx.word_ends) and ctx.word_ends[i] == pos


# 各街镇, 有关乡镇: every township, or some, not one
_GENERIC_TOWN = re.compile(r"各|^(?:有关|相关|全|部分)|(?:街镇|乡镇|镇街)$")  # 各街镇: every township
