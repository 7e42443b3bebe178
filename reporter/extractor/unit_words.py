"""Unit names built from jieba's words: a word ending in an organ word (局, 人民检察院, 派出所 …), extended left
over its place and description, cut where another unit's name or a verb begins, and kept unless it is a
common noun or a generic group. places.find_units joins these with the names the organ grammar reads."""

from __future__ import annotations

import re

from .context import Context
from .entities import tag
from .places import (
    _NOT_UNIT_WORDS,
    _SHORT_UNITS,
    GROUP_WORD,
    UNIT_SUFFIXES,
    is_place_word,
    place_run,
    re_cjk,
    unit_suffix_len,
)

# what stands between two units when one acts on the other: 县公安局 联合 县市场监管局, 省厅 指导 市局
_BETWEEN_UNITS = frozenset(
    [
        "部署",
        "指导",
        "督促",
        "会同",
        "联合",
        "组织",
        "协调",
        "要求",
        "责成",
        "委托",
        "约谈",
        "配合",
        "协同",
        "牵头",
        "指派",
        "邀请",
        "通报",
        "会商",
        "对接",
        "协助",
        "支持",
        "和",
        "与",
        "及",
        "同",
        "向",
        "对",
        "由",
        "为",
    ]
)


def _word_freq(word: str) -> int:
    from .entities import _freq

    return _freq(word)


# words a unit's name may start with besides a place
_UNIT_HEADS = re.compile(r"^(?:中共|中国|中央|国家|全国|最高|国务院|省|市|县|区|旗|州|自治区|“)")

# generic groups and non-units
_GENERIC_UNIT = re.compile(
    r"^(?:各|有关|相关|全(?!国)|本|该|我|多|部分|其他|其它|所有|一些|多个|每个|下属|上级|基层|同级|当地|属地|职能)"
)

_SUB_UNITS = (
    "总队",
    "支队",
    "大队",
    "中队",
    "分局",
    "派出所",
    "办公室",
    "处",
    "科",
    "室",
    "中心",
    "所",
    "组",
    "司",
    "队",
    "站",
    "庭",
    "局",
)

_GENERIC_BEFORE = re.compile(r"(?:各|有关|相关|所有|其他|部分|多个|下属|所属)$")

_GENERIC_INSIDE = re.compile(
    r"有关|相关|各级|各类|全省|全市|全县|全区|重点地区|多次|往返|管理部门$|^人民法院$|^人民检察院$|"
    r"^乡镇|^街道|^村级|首个|首家|第一个|一批|一家|一个"
)

_INNER_STOP = re.compile(r".*[由对向从把被将](?=[省市县区国中])")

_NATIONWIDE_GROUP = re.compile(
    r"^(?:全国|全省|全市|全县|全区)(?:各级)?(?:公安机关|检察机关|法院|人民法院|检察院|政法机关|"
    r"纪检监察机关|审判机关|法院系统|公安系统|检察系统)$"
)

_ADMIN_CHARS = frozenset("省市县区旗州乡镇村")

_NATIONAL_HEAD = re.compile(r"^(?:中国|国家|全国|中共|中央|国务院)$")

# a place name written in full before a department word: 江南市, 青山县, 东城区, 新疆维吾尔自治区, 和田地区
_ADMIN_HEADS = frozenset("省市县区旗州盟乡镇")  # 县应急管理局: "the county's", a place all the same

_PLACE_LED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|自治区|地区)$")

_GROUP_WORD_AT_END = re.compile(GROUP_WORD.pattern + "$")


def _separates_units(word: str) -> bool:
    t = tag(word) or "x"
    return word in _BETWEEN_UNITS or t[:1] in "pc" or (t.startswith("v") and _word_freq(word) >= 1000)


def find_word_units(ctx: Context) -> list[tuple[int, int]]:
    """Spans of unit names: a word ending in an organ word, extended left over its place and description,
    cut where another unit's name or a verb between them begins, and kept unless it is generic."""
    from .entities import unit_start

    words = ctx.words
    out: list[tuple[int, int]] = []
    for i in _unit_word_candidates(ctx):
        word, ws, we = words[i]
        if word[-1:] not in _UNIT_LAST_CHARS and word not in _SHORT_UNITS:
            continue  # (cheap) ends in no unit suffix: _unit_word would refuse it
        if we > ctx.content_end or not re_cjk(word):
            continue
        whole = word in _SHORT_UNITS
        t = tag(word)
        if not _unit_word(ctx, i, whole, t):
            continue
        left = unit_start(ctx, ws) if ws > 0 else ws
        if not whole and _common_noun(ctx, i, left, t):
            continue  # a common noun that happens to end like a unit (场所), unless a place leads it
        s = _name_start(ctx, i, left)
        if s is None:
            continue
        if not _kept(ctx, i, s, whole, t):
            continue
        out.append((s, we))
    return _merge_spans(out)


# the last characters of the unit suffixes: a word ending otherwise has no unit suffix
_UNIT_LAST_CHARS = frozenset(suffix[-1] for suffix in UNIT_SUFFIXES)
_UNIT_LAST = re.compile(
    "[" + "".join(map(re.escape, sorted(_UNIT_LAST_CHARS | {u[-1] for u in _SHORT_UNITS}))) + "]"
)


def _unit_word_candidates(ctx: Context) -> list[int]:
    """Indexes of the words that end in the last character of a unit suffix or short unit name, in order:
    found by a regex over the text (the words cover it end to end), not by a look at every word."""
    import bisect

    ends = ctx.word_ends
    out = []
    for m in _UNIT_LAST.finditer(ctx.norm, 0, ends[-1] if ends else 0):
        i = bisect.bisect_left(ends, m.end())
        if i < len(ends) and ends[i] == m.end():
            out.append(i)
    return out


def _unit_word(ctx: Context, i: int, whole: bool, t: str | None) -> bool:
    """The word at i can end a unit's name: an organ word (not 部署, 场所-like), or a short unit name."""
    words = ctx.words
    word, ws, _we = words[i]
    if not whole and not unit_suffix_len(word):
        return False
    if len(word) == 1:
        prev_tag = tag(words[i - 1][0]) if i else None
        if prev_tag not in ("n", "nt", "j", "vn", "nz") or words[i - 1][2] != ws:
            return False  # a lone 处/所/局 token: a unit only right after a noun (国务院联席 + 办)
    if word in _NOT_UNIT_WORDS or word in _BETWEEN_UNITS:
        return False  # 部署 ends like 海关总署 but is what one unit does to another
    return whole or t is None or t in ("n", "nt", "j", "ns", "nz") or word in UNIT_SUFFIXES


def _common_noun(ctx: Context, i: int, left: int, t: str | None) -> bool:
    """A common noun ending like a unit (场所) with no place leading it (江南市 + 教育局, 县 + 应急管理局)."""
    words = ctx.words
    word, ws, _we = words[i]
    suffix = unit_suffix_len(word)
    head = word[: len(word) - suffix]
    after_unit = (
        i > 0
        and words[i - 1][2] == ws
        and unit_suffix_len(words[i - 1][0]) > 0
        and words[i - 1][0] not in _NOT_UNIT_WORDS
    )  # 中国版权协会 + 监测中心: a part of the unit before
    led = left < ws and (_PLACE_LED.match(ctx.norm, left, ws) or ctx.norm[left] in _ADMIN_HEADS)
    return (
        len(word) > suffix
        and t == "n"
        and word not in UNIT_SUFFIXES
        and not is_place_word(head)
        and head not in _ADMIN_CHARS
        and not after_unit
        and not led
    )


def _name_start(ctx: Context, i: int, left: int) -> int | None:
    """Where the unit's name begins: after another unit and a verb between them (国家版权局 | 部署 | 中国版权
    协会监测中心), at a national head, after a preposition jieba glued on (对康氏); None when too short."""
    words = ctx.words
    word, ws, we = words[i]
    whole = word in _SHORT_UNITS
    s = left
    if len(ctx.norm[s:we]) < 3 and not whole:
        return None
    own_part = word in _SUB_UNITS or any(word.endswith(x) for x in _SUB_UNITS)
    between = words[max(0, i - 10) : i]
    for k, (w2, a2, b2) in enumerate(between):
        if (
            s <= a2
            and b2 <= ws
            and unit_suffix_len(w2)
            and not is_place_word(w2)
            and w2 not in _NOT_UNIT_WORDS
        ):
            for j, (w, a3, b3) in enumerate(between[k + 1 :]):
                if b3 > ws:
                    break
                if w in _BETWEEN_UNITS or (not own_part and _separates_units(w)):
                    s = b3
                elif j and _NATIONAL_HEAD.match(w) and s < a3:
                    s = a3  # (not right after the unit: 中央纪委国家监委 is one name)
    if s > left or not own_part:
        for w2, a2, _b2 in words[max(0, i - 10) : i + 1]:
            if s <= a2 < we and w2[:1] in "由对向从把被将在" and len(w2) > 1 and tag(w2) is None:
                s = a2 + 1  # jieba glued a preposition to the next word (对康氏, 由市)
        if len(ctx.norm[s:we]) < 3 and not whole:
            return None
    cut = _INNER_STOP.search(ctx.norm[s:we])
    if cut and we - (s + cut.end()) >= 3:
        s = s + cut.end()  # 天津由市处非办 → 市处非办 (jieba glued 由 to the next word)
    for w, a, b in words[max(0, i - 10) : i]:
        if s <= a and w in _PREPOSITIONS and we - b >= 3:
            s = b  # 会议 | 在 | 市行政中心: a preposition word between, the name begins after it
    return s


_PREPOSITIONS = frozenset("在于对向从将把被由")


def _kept(ctx: Context, i: int, s: int, whole: bool, t: str | None) -> bool:
    """The name is a unit that took part: not a group (各…, 有关…, …等部门), not a venue (在…召开), not a bare
    government word, led by a place or a known head, not qualifying a group (成员单位)."""
    words = ctx.words
    we = words[i][2]
    name = ctx.norm[s:we]
    if _GENERIC_UNIT.match(name) or _NATIONWIDE_GROUP.match(name) or _GENERIC_INSIDE.search(name):
        return False
    if _GROUP_WORD_AT_END.search(name) or _GENERIC_BEFORE.search(ctx.norm[max(0, s - 2) : s]):
        return False  # 县卫健委等部门 (found on its own), 各市场监管所, 有关派出所
    if ctx.norm[max(0, s - 1) : s] == "在" and _HELD_AFTER.match(ctx.norm[we : we + 2]):
        return False  # 在县行政中心召开: a venue
    if not _LEADERSHIP_CHARS.sub("", name):
        return False  # 市委政府, 党委政府: no place named
    first_word = next((w for w, a, _b in words[max(0, i - 8) : i + 1] if a == s), "")
    led = _UNIT_HEADS.match(name) or place_run(ctx, s) or t == "nt" or tag(first_word) in ("ns", "nt")
    if not whole and not (led or "“" in name):
        return False
    # 领导小组成员单位, 市公安局党委成员: the unit only qualifies a group (of units or people)
    return not _QUALIFIES_A_GROUP.match(ctx.norm[we : we + 4])


_HELD_AFTER = re.compile(r"(?:召开|举行|举办|隆重)")
_LEADERSHIP_CHARS = re.compile(r"[省市县区旗州委政府党人民]")
_QUALIFIES_A_GROUP = re.compile(r"(?:成员|各成员|下属|所属|等单位)")


def _merge_spans(out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping spans (公安局 + 经侦总队 → 公安局经侦总队)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s < merged[-1][1] and (s >= merged[-1][0]):
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    return merged
