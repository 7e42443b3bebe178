"""Places and units as reports write them: runs of place words, unit names ending in a unit suffix."""

from __future__ import annotations

import re
from functools import lru_cache

from .context import Context
from .entities import tag

PROVINCES = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
]
PLACE_SUFFIX = re.compile(
    r"(?:省|市|县|区|旗|州|盟|镇|乡|村|街道|地区|自治州|自治区|自治县|新区|经开区|开发区|高新区|片区|社区|"
    r"嘎查|苏木|林区|垦区|农场)$"
)
# words that end a unit's name (longest first when matched)
UNIT_SUFFIXES = sorted(
    set(
        [
            "公安局",
            "公安分局",
            "分局",
            "公安厅",
            "公安部",
            "公安机关",
            "检察院",
            "人民检察院",
            "检察机关",
            "检察厅",
            "法院",
            "人民法院",
            "中级人民法院",
            "高级人民法院",
            "海事法院",
            "法院系统",
            "纪委监委",
            "纪委",
            "监委",
            "政法委",
            "政法委员会",
            "组织部",
            "宣传部",
            "统战部",
            "委员会",
            "领导小组",
            "办公室",
            "指挥部",
            "专案组",
            "督导组",
            "总队",
            "支队",
            "大队",
            "中队",
            "派出所",
            "服务队",
            "协会",
            "中心",
            "研究所",
            "研究院",
            "学院",
            "法学院",
            "大学",
            "政府",
            "人民政府",
            "行署",
            "地委",
            "市委",
            "县委",
            "区委",
            "旗委",
            "州委",
            "省委",
            "党委",
            "党工委",
            "党组",
            "管委会",
            "联防联控机制",
            "机制",
            "局",
            "厅",
            "部",
            "委",
            "办",
            "署",
            "司",
            "处",
            "所",
            "站",
            "院",
            "社",
            "集团",
            "公司",
            "银行",
            "监狱",
            "看守所",
            "戒毒所",
            "总局",
            "分行",
            "执法部门",
            "部门",
        ]
    ),
    key=len,
    reverse=True,
)
_UNIT_RE = re.compile("(?:" + "|".join(map(re.escape, UNIT_SUFFIXES)) + ")$")


_PROVINCE_FORMS = frozenset(PROVINCES) | frozenset(p + s for p in PROVINCES for s in ("省", "市", "自治区"))


def is_place_word(word: str) -> bool:
    if word in _PROVINCE_FORMS:
        return True
    t = tag(word)
    if t == "ns":
        return True
    return bool(PLACE_SUFFIX.search(word)) and len(word) >= 2 and (t is None or t.startswith("n"))


def place_run(ctx: Context, start: int, end: int | None = None) -> tuple[int, int] | None:
    """The longest run of place words starting exactly at `start` (某省某市经开区某镇某家片区)."""
    import bisect

    words = ctx.words
    starts = ctx.word_starts
    i = bisect.bisect_left(starts, start)
    if i >= len(words) or words[i][1] != start:
        return None
    last = None
    j = i
    while j < len(words):
        word, _ws, we = words[j]
        if end is not None and we > end:
            break
        if is_place_word(word):
            last = we
            j += 1
            continue
        # a place name jieba splits: a name part followed by a suffix word (某某 + 镇, 某家 + 某某 + 片区)
        k = j
        while k < len(words) and k - j < 3 and re_cjk(words[k][0]) and not is_place_word(words[k][0]):
            k += 1
        if (
            last is not None
            and k < len(words)
            and k > j
            and PLACE_SUFFIX.search(words[k][0])
            and all((tag(w[0]) or "n")[:1] in "nj" for w in words[j:k])
        ):
            last = words[k][2]
            j = k + 1
            continue
        break
    if last is None or last - start < 2:
        return None
    return start, last


_ALL_CJK = re.compile(r"[\u4e00-\u9fff]+")


def re_cjk(word: str) -> bool:
    return _ALL_CJK.fullmatch(word) is not None


def _word_freq(word: str) -> int:
    from .entities import _freq

    return _freq(word)


def is_unit_name(text: str) -> bool:
    return (bool(_UNIT_RE.search(text)) and len(text) >= 2) or text in _SHORT_UNITS or tag(text) == "nt"


@lru_cache(maxsize=16384)  # a pure function of the word, asked for the same words many times per report
def unit_suffix_len(text: str) -> int:
    m = _UNIT_RE.search(text)
    return len(m.group()) if m else 0


# words a unit's name may start with besides a place
_UNIT_HEADS = re.compile(r"^(?:中共|中国|中央|国家|全国|最高|国务院|省|市|县|区|旗|州|自治区|“)")
# generic groups and non-units
_GENERIC_UNIT = re.compile(
    r"^(?:各|有关|相关|全(?!国)|本|该|我|多|部分|其他|其它|所有|一些|多个|每个|下属|上级|基层|同级|当地|属地|职能)"
)
_NOT_UNIT_WORDS = frozenset(
    [
        "格局",
        "布局",
        "结局",
        "干部",
        "内部",
        "外部",
        "全部",
        "局部",
        "部分",
        "好处",
        "到处",
        "住处",
        "场所",
        "处所",
        "厕所",
        "所有",
        "法院院长",
        "公安部门",
        "有关部门",
        "职能部门",
        "相关部门",
        "主管部门",
        "监管部门",
        "执法部门",
    ]
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
_SHORT_UNITS = frozenset(
    [
        "最高检",
        "最高法",
        "中纪委",
        "国务院",
        "公安部",
        "教育部",
        "司法部",
        "民政部",
        "中宣部",
        "工信部",
        "全国人大",
        "全国政协",
        "国家监委",
        "中央网信办",
        "银保监会",
        "证监会",
    ]
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
_NATIONAL_HEAD = re.compile(r"^(?:中国|国家|全国|中共|中央|国务院)$")


# a place name written in full before a department word: 江南市, 青山县, 东城区, 新疆维吾尔自治区, 和田地区
_ADMIN_HEADS = frozenset("省市县区旗州盟乡镇")  # 县应急管理局: "the county's", a place all the same
_PLACE_LED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|自治区|地区)$")


# the group word closing a list of units: 县公安局、县卫健委等部门, 等相关单位
GROUP_WORD = re.compile(r"等[\u4e00-\u9fff]{0,3}?(?:部门|单位|机构)")
_GROUP_WORD_AT_END = re.compile(GROUP_WORD.pattern + "$")


def _separates_units(word: str) -> bool:
    t = tag(word) or "x"
    return word in _BETWEEN_UNITS or t[:1] in "pc" or (t.startswith("v") and _word_freq(word) >= 1000)


def find_units(ctx: Context, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of unit names written in text[start:end] (赤峰市公安局, 全国“扫黄打非”办公室, 七宝派出所)."""
    end = ctx.content_end if end is None else end
    cached = ctx.__dict__.get("_all_units")
    if cached is None:
        cached = _with_grammar(ctx, _find_units(ctx))
        ctx.__dict__["_all_units"] = cached
    return [(s, e) for s, e in cached if s >= start and e <= end]


def _with_grammar(ctx: Context, by_words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names the organ grammar reads (orgs.py), and the word-built names that do not overlap them.

    Where both read a name, the grammar's span wins: it does not depend on where jieba cut the words.
    A word-built name followed by a media word (江苏政府 + 采购网) is a website, and is dropped.
    """
    from .orgs import find_orgs, media_after, org_grammar

    grammar = [span for span in find_orgs(ctx) if not _in_book_title(ctx, span[0])]
    not_units = tuple(org_grammar(ctx).not_units)
    out = set(grammar)
    for s, e in by_words:
        if media_after(ctx, e) or not _known_name(ctx.norm[s:e]) or _in_book_title(ctx, s):
            continue
        if ctx.norm[s:e].endswith(not_units) or _verb_inside(ctx, s, e) or "时期" in ctx.norm[s:e]:
            continue  # 党和政府, 市场布局 (templates/org_words.txt 不是); 某法庭依托人民法院: a clause
        overlapping = [(gs, ge) for gs, ge in grammar if s < ge and gs < e]
        if overlapping and not all(s <= gs and ge <= e and (gs, ge) != (s, e) for gs, ge in overlapping):
            continue
        out.difference_update(overlapping)  # a longer known name holds them (中央纪委 + 国家监委)
        out.add((s, e))
    return sorted(out)


def _verb_inside(ctx: Context, s: int, e: int) -> bool:
    """A word of a clause (依托, 召开, 的 … as orgs.py lists them) inside a word-built name: not one name."""
    from .orgs import CLAUSE

    return CLAUSE.search(ctx.norm, s + 2, e) is not None


def _in_book_title(ctx: Context, pos: int) -> bool:
    """Inside 《…》: the title of a law or a document (《中华人民共和国政府采购法》), not a unit."""
    line_start = ctx.norm.rfind("\n", 0, pos) + 1
    before = ctx.norm[line_start:pos]
    return before.rfind("《") > before.rfind("》")


# a word-built name without a place before it is kept only when it is a known unit: a name jieba knows
# as an organisation (nt), a short form (公安部), or a national body (中国…, 国家…); common nouns ending like
# a unit (区域中心, 协作机制, 相关部门, 村干部) are not
_NATIONAL_NAME = re.compile(r"^(?:中国|中华|国家|中央|中共|最高|国务院)")


_WEAK_SUFFIXES = frozenset(["中心", "部门", "机制", "机关"])
_LEVEL_GOVERNMENT = re.compile(r"[省市县区旗州盟](?:人民)?政府$")
# a place written with its level word, not in the division table (an old or a small place: 富阳市)
_WRITTEN_PLACE = re.compile(r"[^局委院办厅部所队会同和与及、]{2,6}?(?:省|市|县|区|旗|州|盟|自治区|地区)")
# words that join two units into one clause (县公安局 会同 县市场监管局), never one name
_JOINING = re.compile(r"会同|联合|协同|配合|、")


def _known_name(name: str) -> bool:
    if _JOINING.search(name):
        return False
    if name in _SHORT_UNITS or tag(name) == "nt" or _NATIONAL_NAME.match(name):
        return True
    if name.endswith("政府"):
        return bool(_LEVEL_GOVERNMENT.search(name)) and not name.startswith(("党和", "中华人民共和国"))
    suffix = name[len(name) - unit_suffix_len(name) :]
    if suffix in _WEAK_SUFFIXES or suffix in _NOT_UNIT_WORDS or name.endswith(("布局", "格局", "干部")):
        return False
    # a name closed by a specific organ word (人民检察院, 派出所, 专案组, 服务队, 法学院), or led by a place
    # written with its level word (江南市 + 教育局)
    return len(suffix) >= 2 or bool(_WRITTEN_PLACE.match(name) and len(name) > 4)


def _find_units(ctx: Context) -> list[tuple[int, int]]:
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
