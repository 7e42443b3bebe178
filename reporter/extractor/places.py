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


def is_unit_name(text: str) -> bool:
    return (bool(_UNIT_RE.search(text)) and len(text) >= 2) or text in _SHORT_UNITS or tag(text) == "nt"


@lru_cache(maxsize=16384)  # a pure function of the word, asked for the same words many times per report
def unit_suffix_len(text: str) -> int:
    m = _UNIT_RE.search(text)
    return len(m.group()) if m else 0


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


# the group word closing a list of units: 县公安局、县卫健委等部门, 等相关单位
GROUP_WORD = re.compile(r"等[\u4e00-\u9fff]{0,3}?(?:部门|单位|机构)")


def find_units(ctx: Context, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of unit names written in text[start:end] (赤峰市公安局, 全国“扫黄打非”办公室, 七宝派出所)."""
    end = ctx.content_end if end is None else end
    cached = ctx.__dict__.get("_all_units")
    if cached is None:
        from .unit_words import find_word_units

        cached = _with_grammar(ctx, find_word_units(ctx))
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
