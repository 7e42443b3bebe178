"""Organisation names by their grammar: a head (a place, a level word, a national head) + an organ suffix.

How reports write a unit's name (the word lists are templates/org_words.txt):

- place chain + description + organ suffix: 赤峰市公安局, 黑龙江省绥化市青冈县委组织部, 营口法院,
  鸡西市某某新能源科技有限公司 — the place from the division table (gazetteer.py);
- a level word for "our own" place + organ: 县水利局, 市效能办, 省财政厅, 镇纪委 (at a clause's start or after
  、/和/与/及/由/从/向/对/在);
- a national head + organ: 国家林草局, 中国海警局, 中央纪委国家监委, 最高人民检察院;
- then any number of sub-units: 市公安局 + 交通管理支队, 县人民法院 + 某某人民法庭, 省财政厅 + 某某科.

A name followed by a media word (江苏政府采购网, 县融媒体中心) is a newspaper or website, not a unit. The
description between head and suffix is at most a few characters and holds no clause words (的, 在, 召开,
联合 …), so 鸡西市聚焦产业升级…局 is not read as one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .context import Context
from .gazetteer import PlaceMatch, gazetteer
from .lexicon import load_lexicon, read_word_table

# words that end a description: a clause goes on here, not a unit's name
_CLAUSE_WORDS = (
    "的|了|在|是|对|把|被|将|向|从|为|及|并|等|由|到|于|以|或|又|也|都|就|还|其|该|此|这|那|"
    "召开|举行|举办|开展|部署|联合|会同|协同|配合|组织召开|推进|推动|要求|指导|督促|持续|全面|深入|"
    "聚焦|通过|围绕|结合|积极|探索|建立|成立|印发|发布|实施|推行|打造|构建|获悉|介绍|表示|指出|强调|推广|"
    "加强|创新|坚持|深化|落实|完善|提升|做好|抓好|已|正|再|各|全省|全市|全县|全区|全国|全旗|首个|一个|多个|多家|几家|一批|首家|某|多部门|时期|"
    "增设|设立|新设|依托|依靠|设置|"
    # a visit's words: 某市人民政府副市长某某一行到某局 is a clause, not one name
    "一行|带队|率队|陪同"
    "|"
    "公开审理|开庭审理|判处|宣判"  # 某法院公开审理某县原县委…: a trial, not one name (hx2)
)
# the clause words of two or more characters (a word-built name holding one is a clause)
CLAUSE = re.compile("|".join(w for w in _CLAUSE_WORDS.split("|") if len(w) >= 2))
_LEVEL = "省市县区旗州盟镇乡"
_NUMERAL = re.compile(r"[一二三四五六七八九十百千万\d]")
# two-character words after which a unit's name begins: 中共, 根据, 会同 (县公安局会同县市场监管局)
_LEFT_WORDS = frozenset(
    ["中共", "根据", "按照", "会同", "联合", "协同", "配合", "督促", "指导", "邀请", "组织"]
)
_LEFT_OK = frozenset('、，。；：！？,.;:!?\n （(“”"和与及由从向对在据经赴到同跟会')


@dataclass(frozen=True)
class OrgGrammar:
    organ: re.Pattern[str]  # description + organ suffix right after a head
    sub: re.Pattern[str]  # description + sub-unit suffix right after a unit
    national: tuple[str, ...]
    media: re.Pattern[str]
    media_words: tuple[str, ...]
    generic: tuple[str, ...]
    not_units: frozenset[str]
    terms: tuple[str, ...] = ()  # 政府采购: a set phrase across a name's end (templates/org_words.txt 术语)
    # 公安部, 住建部: a central organ's whole name (templates/org_words.txt 部委)
    ministries: tuple[str, ...] = ()
    # 大学, 有限公司: names of their own that take no shared place (templates/org_words.txt 专名)
    proper: tuple[str, ...] = ()
    # 公安局, 妇联, 海关: every organ word of templates/org_words.txt (机关), longest first
    organs: tuple[str, ...] = ()


def _long(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if len(w) >= 3)  # 融媒体中心, 电视台: a name ending so is a medium


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=8)
def grammar(path: str | None) -> OrgGrammar:
    table = read_word_table(path)
    organs = table.get("机关", ()) or ("局", "委", "办", "院", "厅")
    subs = table.get("下属", ()) or ("支队", "大队")
    desc = rf"(?:(?!{_CLAUSE_WORDS})[\u4e00-\u9fff])"
    return OrgGrammar(
        organ=re.compile(rf"(?:“[^”\n]{{1,12}}”|{desc}){{0,10}}?(?P<suffix>{_alt(organs)})"),
        sub=re.compile(
            rf"(?:“[^”\n]{{1,12}}”|{desc}){{0,8}}?(?P<suffix>{_alt(subs)})"
            rf"(?![\u4e00-\u9fff]{{0,2}}(?:长|主任|书记)|[队成]?员)"
        ),
        national=table.get("国家级", ()),
        media=re.compile(
            rf"[\u4e00-\u9fff]{{0,4}}?(?:{_alt(table.get('媒体', ('网', '报')))})(?![格络点民])"
        ),
        media_words=table.get("媒体", ("网", "报")),
        generic=table.get("泛指", ()),
        not_units=frozenset(table.get("不是", ())),
        terms=table.get("术语", ()),
        ministries=table.get("部委", ()),
        proper=table.get("专名", ()),
        organs=tuple(o for o in organs if len(o) >= 2),
    )


def org_grammar(ctx: Context) -> OrgGrammar:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "org_words", None)
    return grammar(str(path) if path else None)


def trusted_short(ctx: Context):
    """Whether a city's short form read alone is a place here (鸡西 yes; 保定 as the verb, no)."""
    from .entities import tag

    def ok(m: PlaceMatch) -> bool:
        t = tag(ctx.norm[m.start : m.end])
        return t is None or t.startswith("n")

    return ok


def place_chains(ctx: Context):
    """Every chain of administrative divisions in the report (cached per document)."""
    cached = ctx.__dict__.get("_place_chains")
    if cached is None:
        cached = gazetteer().find(
            ctx.norm, 0, ctx.content_end, trusted=trusted_short(ctx), starts=ctx.word_starts
        )
        ctx.__dict__["_place_chains"] = cached
    return cached


def _ends_a_word(ctx: Context | None, m: re.Match[str]) -> bool:
    """The suffix closes a word where jieba cuts (部 of 部署, 处 of 设身处地, 署 of 签署 do not), and is not
    the end of a verb or a direction word (南部)."""
    if ctx is None:
        return True
    import bisect

    from .entities import tag

    end, start = m.end(), m.start("suffix")
    ends, starts = ctx.word_ends, ctx.word_starts
    i = bisect.bisect_left(ends, end)
    if i >= len(ends) or ends[i] != end:
        # jieba joined the organ word with a preposition after it (扫黑办 | 办对, 某局 | 局在): still its end
        return (
            i < len(ends)
            and ends[i] == end + 1
            and starts[i] >= start
            and ctx.norm[end : end + 1] in _AFTER_NAME
        )
    word_start = starts[i]
    if word_start >= start:
        return True
    t = tag(ctx.words[i][0]) or "n"
    return t[:1] in "nj"


_AFTER_NAME = "对在于向与和将为已把被从"


def term_across(ctx: Context, pos: int) -> bool:
    """A set phrase of templates/org_words.txt (术语) runs across pos: the name before pos ends with its first
    part and the text goes on with the rest (陕西省政府 + 采购工作座谈会 is 政府采购, not a unit)."""
    norm = ctx.norm
    for k, heads in _term_splits(org_grammar(ctx).terms):
        rests = heads.get(norm[max(0, pos - k) : pos])
        if rests is not None and norm.startswith(rests, pos):
            return True
    return False


@lru_cache(maxsize=8)
def _term_splits(terms: tuple[str, ...]) -> tuple[tuple[int, dict[str, tuple[str, ...]]], ...]:
    """Each set phrase cut in two at every place (政 + 府采购, 政府 + 采购 …), by the length k of the first
    part: {first part: the second parts}, so term_across looks up the k characters before pos instead
    of comparing every phrase."""
    by_k: dict[int, dict[str, list[str]]] = {}
    for term in terms:
        for k in range(1, len(term)):
            by_k.setdefault(k, {}).setdefault(term[:k], []).append(term[k:])
    return tuple(
        (k, {head: tuple(rests) for head, rests in heads.items()}) for k, heads in sorted(by_k.items())
    )


def media_after(ctx: Context, pos: int) -> bool:
    """A media word follows pos as a word of its own (江苏政府 + 采购 + 网, 县 + 融媒体中心), not as the end
    of another word (通报, 汇报); or a set phrase runs across pos (政府 + 采购工作, term_across)."""
    import bisect

    from .entities import tag

    if term_across(ctx, pos):
        return True
    g = org_grammar(ctx)
    m = g.media.match(ctx.norm, pos, ctx.content_end)
    if not m:
        return False
    i = bisect.bisect_left(ctx.word_ends, m.end())
    if i >= len(ctx.words) or ctx.word_ends[i] != m.end():
        return False
    word = ctx.words[i][0]
    if word in g.not_units:
        return False  # 某局 + 汇报了: a verb ending like a medium (templates/org_words.txt 不是)
    return word in g.media_words or (tag(word) in (None, "nz") and word.endswith(g.media_words))


def _extend(g: OrgGrammar, text: str, end: int, limit: int, ctx: Context | None = None) -> int:
    """Sub-units written after a unit: 市公安局 + 交通管理支队 + 某某大队."""
    while True:
        m = g.sub.match(text, end, limit)
        if not m or m.end() == end or not _ends_a_word(ctx, m):
            return end
        end = m.end()


def _organ_after(g: OrgGrammar, ctx: Context, head_end: int, limit: int) -> int | None:
    m = g.organ.match(ctx.norm, head_end, limit)
    if not m or not _ends_a_word(ctx, m):
        return None
    desc = ctx.norm[head_end : m.start("suffix")]
    if m.end() - m.start("suffix") == 1 and _NUMERAL.search(desc):
        return None  # a one-character organ word closes a department name (县住建局), not a slogan (一窗通办)
    end = m.end()
    if tail := _COMPANY_TAIL.match(ctx.norm, end, limit):
        end = (
            tail.end()
        )  # 某某农村商业银行 + 股份有限公司, 某某集团 + 有限公司: the company's registered name
    return _extend(g, ctx.norm, end, limit, ctx)


_COMPANY_TAIL = re.compile(r"(?:股份|控股)?有限(?:责任)?公司")


def find_orgs(ctx: Context) -> list[tuple[int, int]]:
    """Spans of organisation names the grammar reads in the report (cached per document)."""
    cached = ctx.__dict__.get("_orgs")
    if cached is not None:
        return cached
    g = org_grammar(ctx)
    text, limit = ctx.norm, ctx.content_end
    heads: list[tuple[int, int]] = []
    for chain in place_chains(ctx):
        heads.append((chain.start, chain.end))
        if chain.township_end:
            heads.append((chain.start, chain.township_end))
    for m in _LEVEL_WORD.finditer(text, 0, limit):
        s = m.start()
        if s == 0 or text[s - 1] in _LEFT_OK or (s >= 2 and text[s - 2 : s] in _LEFT_WORDS):
            heads.append((s, m.end()))
    heads.extend(_suffix_heads(ctx, heads))  # hunits2: a place the division table lacks (江右省 + 公安厅)
    national = _national_pattern(g.national)
    if national is not None:
        for m in national.finditer(text, 0, limit):
            heads.append((m.start(), m.end()))
    word_end = dict(zip(ctx.word_starts, ctx.word_ends, strict=True))
    found: list[tuple[int, int]] = _ministries(ctx, g) + _stations(ctx)
    for s, head_end in sorted(heads):
        if s >= 2 and text[s - 2 : s] == "中共":
            s -= 2
        if head_end - s == 1 and (
            text[head_end : head_end + 1] in "直级属"
            or _levels_only(ctx, head_end, word_end)
            or _level_starts_a_word(ctx, s, word_end, g.organs)
        ):
            continue  # 市县两级, 县直部门, 市级: a level of government, not one unit (县市场监管局 is one)
        e = _organ_after(g, ctx, head_end, limit)
        if e is None or e - s < 3:
            continue
        if term_across(ctx, e):
            # 省政府 + 采购中心: the set phrase runs on into an organ word, the whole is one unit's name
            e = _organ_after(g, ctx, e, limit) or e
        if media_after(ctx, e) or text[s:e].endswith((*g.not_units, *_long(g.media_words))):
            continue  # 江苏政府采购网: a website
        if _inside_a_name(ctx, s) and text[s:e].endswith(g.proper):
            continue  # 某某装备 + 苏州有限公司: the place is inside a longer company name whose start is unknown
        if text.endswith(g.generic, 0, s):  # (one of them right before s)
            continue  # 各县区公安局: a group
        if text[s : s + 1] == "全" and (
            text[e - 2 : e] in ("机关", "系统", "部门")
            or (head_end - s == 2 and _bare_organ(g, text, head_end, e))
        ):
            continue  # 全国公安机关, 全国法院: every unit of a kind (全国扫黑办 is one office)
        found.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found, key=lambda x: (x[0], -x[1])):
        if merged and s < merged[-1][1]:
            continue  # inside the name found before (黑龙江省 | 绥化市公安局)
        merged.append((s, e))
    ctx.__dict__["_orgs"] = merged
    return merged


# basic-level bodies named after the place they serve (七宝派出所, 城关司法所, 桐林社区居委会, 东湖人民法庭)
_STATION = re.compile(r"派出所|司法所|人民法庭|法庭|办事处|村委会|居委会|村民委员会|居民委员会")
_STATION_LEFT = frozenset("、，。；：！？\n （(“和与及由在对向从经")


def _stations(ctx: Context) -> list[tuple[int, int]]:
    """A basic-level body named by its place: one place-like word (tagged a place, a proper noun, or no word
    of the dictionary) right before 派出所/司法所/法庭/办事处/村委会, after punctuation or a preposition.
    Bodies named by their work (刑侦大队, 治安中队) are sub-units and need their parent."""
    import bisect

    from .entities import tag

    text, out = ctx.norm, []
    for m in _STATION.finditer(text, 0, ctx.content_end):
        i = bisect.bisect_left(ctx.word_ends, m.start())
        if i >= len(ctx.words) or ctx.word_ends[i] != m.start():
            continue
        word, ws, _we = ctx.words[i]
        if not 2 <= len(word) <= 4 or tag(word) not in (None, "ns", "nz") or not _CJK_WORD.fullmatch(word):
            continue
        if ws > 0 and text[ws - 1] not in _STATION_LEFT:
            continue  # inside a longer name (县公安局 + 城关派出所 is read as a sub-unit)
        out.append((ws, m.end()))
    return out


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
_LEVEL_WORD = re.compile(rf"自治区|自治州|[{_LEVEL}]")


@lru_cache(maxsize=8)
def _national_pattern(national: tuple[str, ...]) -> re.Pattern[str] | None:
    """The national heads (国家, 中央 …, templates/org_words.txt 国家级) as one pattern, compiled once."""
    return re.compile("|".join(map(re.escape, national))) if national else None


def _suffix_heads(ctx: Context, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Heads of unit names whose place the division table lacks, read by the place's suffix where a name
    may begin (记者从江右省公安厅获悉), and named twice in the report (suffix_place.py)."""
    from .suffix_place import SUFFIX_PLACE, suffix_place_at

    text, out = ctx.norm, []
    starts = {s for s, _e in known}
    for m in SUFFIX_PLACE.finditer(text, 0, ctx.content_end):
        s = m.start()
        if s in starts or not (s == 0 or text[s - 1] in _LEFT_OK or text[max(0, s - 2) : s] in _LEFT_WORDS):
            continue
        end = suffix_place_at(ctx, s, word_end=False)
        if end is None:
            end = _head_written_once(ctx, s, m.end())
        if end is None:
            continue
        organ_end = _organ_after(org_grammar(ctx), ctx, end, ctx.content_end)
        if organ_end is not None and not re.search(r"[与和及同、]", text[end:organ_end]):
            out.append((s, end))  # 青山县与某大学: two names, the place is no unit's head
    return out


def _head_written_once(ctx: Context, s: int, end: int) -> int | None:
    """A place written once, at the head of a clause, that heads an organ's full name: its own government
    (由某某镇人民政府主办), or a long organ word after a description (某某市某某港区管委会联合…)."""
    from .suffix_place import suffix_place_at

    if _OWN_GOVERNMENT.match(ctx.norm, end):
        return suffix_place_at(ctx, s, word_end=False, once=True)
    if ctx.norm[s - 1 : s] not in ("", "，", "。", "\n", "：") and s:
        return None
    if ctx.norm[s : s + 2] in _LEFT_WORDS or _verb_at(ctx, s):
        return None  # 会同 | 区公安分局: a verb before a level word, no place
    m = org_grammar(ctx).organ.match(ctx.norm, end, ctx.content_end)
    if m is None or len(m["suffix"]) < 3 or not _ends_a_word(ctx, m):
        return None
    return suffix_place_at(ctx, s, word_end=False, once=True)


def _verb_at(ctx: Context, pos: int) -> bool:
    """The word that starts at pos is a verb, a preposition, a conjunction or an adverb by jieba's tag."""
    import bisect

    from .entities import tag

    i = bisect.bisect_left(ctx.word_starts, pos)
    if i >= len(ctx.words) or ctx.words[i][1] != pos:
        return False
    return (tag(ctx.words[i][0]) or "n")[:1] in "vpcd"


_OWN_GOVERNMENT = re.compile(r"(?:人民政府|党委|党工委|人大|政府)(?![\u4e00-\u9fff]{0,2}(?:采购|工作))")


def _bare_organ(g: OrgGrammar, text: str, start: int, end: int) -> bool:
    """text[start:end] is an organ word with no description before it (法院, 检察院; not 扫黑办)."""
    m = g.organ.fullmatch(text, start, end)
    return m is None or m.start("suffix") == start


def _inside_a_name(ctx: Context, s: int) -> bool:
    """The name would begin right after a noun or other word that does not end a clause (装备 | 苏州有限公司),
    not after punctuation, a verb or a preposition (依托 | 某某学院)."""
    import bisect

    from .entities import tag

    text = ctx.norm
    if s == 0 or not "\u4e00" <= text[s - 1] <= "\u9fff" or text[s - 1] in _LEFT_OK:
        return False
    i = bisect.bisect_left(ctx.word_ends, s)
    if i >= len(ctx.words) or ctx.word_ends[i] != s:
        return False  # the place does not begin a word: the grammar has read it so already
    return (tag(ctx.words[i][0]) or "n")[:1] not in "vpcdu"


def _ministries(ctx: Context, g: OrgGrammar) -> list[tuple[int, int]]:
    """A central organ named without a place (公安部, 住建部, 审计署), where a name may begin (not inside
    市公安局), with the department or centre written after it (住建部 + 信息中心, 公安部 + 刑侦局)."""
    if not g.ministries:
        return []
    text, limit = ctx.norm, ctx.content_end
    out = []
    for m in _ministry_pattern(g.ministries).finditer(text, 0, limit):
        s, e = m.span()
        if (
            s
            and text[s - 1] not in _LEFT_OK
            and text[max(0, s - 2) : s] not in _LEFT_WORDS
            and not any(text.endswith(n, 0, s) for n in g.national)
        ):
            continue  # 某某部 inside a longer word
        after = _organ_after(g, ctx, e, limit)
        if after is not None and after - e <= 6 and not _CLAUSE_START.match(text, e):
            e = after  # 住建部信息中心
        else:
            e = _extend(g, text, e, limit, ctx)
        out.append((s, e))
    return out


# a ministry's name followed by words that begin a clause, not a department (公安部部署, 公安部统计)
_CLAUSE_START = re.compile(r"部署|统计|要求|通报|发布|印发|会同|联合|召开|组织|指导|牵头")


@lru_cache(maxsize=8)
def _ministry_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"(?:{_alt(names)})(?!长|门|署|队)")


def _level_starts_a_word(
    ctx: Context, pos: int, word_end: dict[int, int], organs: tuple[str, ...] = ()
) -> bool:
    """The level word begins a longer common word (市场, 区里, 县城), not a unit's name (市委, 县政府, and
    市妇联, 县红十字会: jieba's one word for a level word and an organ word of templates/org_words.txt)."""
    end = word_end.get(pos, pos + 1)
    word = ctx.norm[pos:end]
    if len(word) == 1 or unit_suffix(word) or (len(word) >= 3 and word.endswith(organs)):
        return False
    from .entities import tag

    t = tag(word)
    return t is not None and t != "ns"  # 市场 (a dictionary word), not 市住 + 建委 (jieba's odd cut)


def unit_suffix(word: str) -> bool:
    from .places import unit_suffix_len

    return unit_suffix_len(word) > 0


def _levels_only(ctx: Context, pos: int, word_end: dict[int, int]) -> bool:
    """The word at pos is made of level words only (县 | 市区, 市 | 县): levels of government."""
    text = ctx.norm
    if text[pos : pos + 1] not in _LEVEL:
        return False
    end = word_end.get(pos, pos + 1)
    return all(c in _LEVEL for c in text[pos:end])


def shared_head_list(ctx: Context, s: int, e: int) -> list[tuple[int, int, str]]:
    """A list after a unit that shares its head: 省监察厅、审计厅、教育厅 → 省审计厅, 省教育厅.

    Returns (start, end, full name) for each later item that is a bare organ (description + suffix).
    """
    g = org_grammar(ctx)
    text, limit = ctx.norm, ctx.content_end
    name = text[s:e]
    head = _head_of(name)
    if not head:
        return []
    out = []
    pos = e
    parent = _parent_of(g, ctx, s, s + len(head), e)
    while pos < limit and text[pos] == "、":
        m = g.organ.match(text, pos + 1, limit)
        if parent and (sub := g.sub.match(text, pos + 1, limit)) and (not m or sub.end() <= m.end()):
            # 市公安局刑侦支队、治安支队: a sub-unit of the same parent unit
            if sub.end() - pos - 1 > 8 or not _ends_a_word(ctx, sub):
                break
            out.append((pos + 1, sub.end(), parent + text[pos + 1 : sub.end()]))
            pos = sub.end()
            continue
        if not m or m.end() - pos - 1 > 8:
            break
        item_end = _extend(g, text, m.end(), limit, ctx)
        item = text[pos + 1 : item_end]
        if (
            text[pos + 1 : m.end()].endswith(g.proper)  # 清华大学: a name of its own
            or re.search(r"[省市县区]委", item) is not None  # 团县委: a level of its own inside
            or item[:1] in _LEVEL
            or gazetteer().chain_at(text, pos + 1, item_end) is not None
            or _place_word_at(
                ctx, pos + 1
            )  # 东城 + 商会: a place's short form the table reads only in context
            or any(item.startswith(n) for n in g.national)
        ):
            break  # the item names its own place: it is a unit of its own
        out.append((pos + 1, item_end, head + item))
        pos = item_end
    return out


def _place_word_at(ctx: Context, pos: int) -> bool:
    """jieba reads a place name (tagged ns) at pos: 区工商联、东城商会 — the item names its own place."""
    import bisect

    from .entities import tag

    i = bisect.bisect_left(ctx.word_starts, pos)
    return i < len(ctx.words) and ctx.word_starts[i] == pos and tag(ctx.words[i][0]) == "ns"


def _parent_of(g: OrgGrammar, ctx: Context, s: int, head_end: int, e: int) -> str:
    """The parent unit of a name written as unit + sub-unit (县公安局 of 县公安局城关派出所), or ''."""
    m = g.organ.match(ctx.norm, head_end, e)
    if m is None or m.end() >= e or not g.sub.fullmatch(ctx.norm, m.end(), e):
        return ""
    return ctx.norm[s : m.end()]


def _head_of(name: str) -> str:
    """The place part of a unit's name: 省监察厅 → 省; 江南市公安局 → 江南市."""
    chain = gazetteer().chain_at(name, 0)
    if chain:
        return name[: chain.end]
    return name[0] if name[:1] in _LEVEL else ""
