"""units (参与单位): units that took part, spoke or reported, written out in full.

- distributive lists: 敖汉旗、松山区、喀喇沁旗、巴林左旗四个旗县区公安局 → 敖汉旗公安局, 松山区公安局, …;
  北京、天津、河北公安机关 → 北京公安机关, …
- a shared place in a list: 青州市公安局、卫生局、应急局 → 青州市卫生局, 青州市应急局
- every other unit the report names, except the organizer, units only named in someone's post,
  and generic groups (各旗县区公安局, 有关单位).
"""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from ..lexicon import read_word_table
from ..org_forms import same_unit
from ..orgs import CLAUSE, org_grammar, shared_head_list
from ..places import GROUP_WORD, find_units, is_place_word, unit_suffix_len
from . import rule
from .people import find_people
from .unit_filters import (
    _ISSUED_DOCUMENT,
    _as_place,
    _attribution_line,
    _cited_guidance,
    _former_post,
    _only_cited,
    _opens_a_clause,
    _org_words,
    _past_leading_verb,
    _plan_sentence,
    _planned_partner,
    _runs_into_a_word,
    anonymised_workplace,
    inspected,
    not_a_participant,
)
from .unit_lists import (
    _BARE_GOVERNMENT,
    _GENERIC_TOWN,
    _JOINED,
    _LEAGUE,
    _has_head,
    _looks_like_place,
    _organ_len,
    _part_of,
    _place_of,
    _similar,
    _word_end,
    distributive_lists,
    second_names,
)
from .unit_parties import place_speakers, signers

_UNIT_LIST = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10}){1,9}(?=(?:等)?(?:[一二三四五六七八九十\d]+个)?(?:单位|部门)?[，。、；]?)"
)
_GENERIC = re.compile(r"^(?:各|有关|相关|全|本|该|我|其他|所有)|部门$")
_BARE = re.compile(
    r"^(?:市|县|区|旗|省|镇|乡)?(?:政府|人民政府|委|市委|县委|区委|[\u4e00-\u9fff]{1,4}(?:局|委|办|厅))$"
)
# 省有关部门, 市直各单位: a generic group written after a level word
_GENERIC_NAME = re.compile(r"[省市县区旗]?(?:直属|所属|直)?(?:有关|相关|各)")
_NOT_UNIT = re.compile(r"(?:记者|本报|新华社|通讯员|编辑)")
_GENERIC_INSIDE = re.compile(r"有关|相关|各级|各地|^(?:辖区|当地|属地|所在地|基层)")  # 辖区派出所: whichever
_HONOUR = re.compile(r"(?:认定|称号|命名|评定|评审|复核|创建)")
_JOINT_WORDS = re.compile(r"会同|联合|配合|协同|协助|携手")


class _Units:
    """The units found so far, each once, never the organizer or a part of it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.organizer = ctx.value("organizer") or ""
        # hunits2: the units the organizer belongs to (某县人民检察院 of 某县人民检察院政治部), named short too
        self.parents = [
            self.organizer[:k] for k in range(3, len(self.organizer)) if unit_suffix_len(self.organizer[:k])
        ]
        self.second_names = second_names(ctx)  # 某局（某办公室）: one body's second name
        self.media = tuple(w for w in org_grammar(ctx).media_words if len(w) >= 2)  # 某某日报, 某某网站
        self.out: list[Found] = []
        self.seen: set[str] = set()
        self.taken: list[tuple[int, int]] = []  # spans already read as a list's items
        self.listed: list[
            tuple[int, int]
        ] = []  # spans read as a participants' list (spoke, attended, partners)

    def add(self, value: str, s: int, e: int, rule_name: str) -> None:
        if (
            value in self.seen
            or _similar(value, self.organizer)
            or _NOT_UNIT.search(value)
            or _part_of(value, self.organizer)
            or same_unit(self.ctx, value, self.organizer)  # 县安委办 of 某县安全生产委员会办公室
            or same_unit(self.ctx, self.organizer, value)  # the organizer written short, here in full
            or value in self.second_names
            or any(_part_of(value, p) or same_unit(self.ctx, value, p) for p in self.parents)
            or _GENERIC_INSIDE.search(value)  # 国家有关部门, 省直各单位: a kind of body, not one
            or value.endswith(self.media)  # 某市政府门户网站: a website, not a unit
        ):
            return
        self.seen.add(value)
        self.out.append(self.ctx.hit(value, s, e, rule_name))

    def is_taken(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.taken)


@rule("units")
def units(ctx: Context) -> list[Found]:
    """Units that took part, spoke or reported (see the module docstring)."""
    found = _Units(ctx)
    _distributive(ctx, found)
    _shared_kind(ctx, found)
    _spoke_list(ctx, found)
    _attendees(ctx, found)
    _attend_list(ctx, found)
    _partners(ctx, found)
    place_speakers(ctx, found)
    signers(ctx, found)
    _named(ctx, found)
    _list_siblings(ctx, found)
    values = [str(f.value) for f in found.out]
    return [f for i, f in enumerate(found.out) if not _written_longer(ctx, found.out, values, i)]


def _written_longer(ctx: Context, out: list[Found], values: list[str], i: int) -> bool:
    """One unit once: 省公安厅交通管理总队 is 某省公安厅交通管理总队 written shorter, 城市工业园区 is
    宝山城市工业园区; but 青山县 that spoke beside 青山县某局 is a place and its bureau (two units), and
    宝山工业园区 beside 宝山城市工业园区 are two zones, and 市人民医院 listed beside 市第二人民医院 in one
    sentence are two bodies (nobody writes a name short in the sentence that names it in full)."""
    value, rule_name = values[i], out[i].rule
    sentence = ctx.sentence_at(out[i].evidence.span.start)
    place = _looks_like_place(value)
    for j, v in enumerate(values):
        if j == i or len(v) <= len(value) or not _part_of(value, v):
            continue
        if value not in v and sentence.start <= out[j].evidence.span.start < sentence.end:
            continue  # two items of one list
        if place and value not in v and not v.startswith(value[:-1]):
            continue  # two zones whose names share their characters
        if place and rule_name == "units.spoke_list" and v.startswith(value):
            continue  # the place that spoke and its bureau
        return True
    # 教育厅 beside 省教育厅 (省监察厅、审计厅、教育厅 read twice): the organ with its level word is the one
    return any(len(v) == len(value) + 1 and v[0] in _LEVEL_WORDS and v.endswith(value) for v in values)


_LEVEL_WORDS = "省市县区旗镇乡"


def _list_items(text: str) -> list[str]:
    """某市、某县和某区 → the places; 和/及 split only between two places (呼和浩特市 stays whole)."""
    items: list[str] = []
    for piece in text.split("、"):
        cut = next(
            (
                m.start()
                for m in re.finditer(r"[和及]", piece)
                if all(len(p) >= 2 and _looks_like_place(p) for p in (piece[: m.start()], piece[m.end() :]))
            ),
            None,
        )
        items.extend([piece[:cut], piece[cut + 1 :]] if cut is not None else [piece])
    return items


def _distributive(ctx: Context, found: _Units) -> None:
    """敖汉旗、松山区…四个旗县区公安局 → 敖汉旗公安局, 松山区公安局, … (units.distributive)."""
    for m in distributive_lists(ctx.norm, ctx.content_end, _org_words(ctx)):
        items = _list_items(m["items"])
        if len(items) < 2 or _JOINT_WORDS.search(m["type"]):
            continue  # 住房和城乡建设局 is one name; 某局会同某局: two units, not a kind shared by a list
        # the first item starts after the clause's own words: keep its last part that is a place
        first = items[0]
        head = _longer_first_place(ctx, m.start("items"), m.start("items") + len(first)) or next(
            (first[k:] for k in range(len(first) - 1) if is_place_word(first[k:])), ""
        )
        places = sum(1 for i in items[1:] if _looks_like_place(i))
        if first.endswith(org_grammar(ctx).organs):
            continue  # 舟山海关、舟山边检站: the first item is a unit of its own (海关), not a place (山海关)
        if not head or places * 2 < len(items) - 1 or any(len(i) > 6 for i in items[1:]):
            continue
        items[0] = head
        kind = m["type"]
        gap = ctx.norm[m.end("items") : m.start("type")]
        if gap in ("省", "市") and not items[-1].endswith(gap):
            items[-1] += gap  # 南昌市、九江市纪委监委: the last place's level word stands before the kind
        pos = m.start("items") + len(first) - len(head)
        list_start = pos
        for item in items:
            # 海曙区、江北区、鄞州区应急管理局: the level word read into the kind is not written twice
            own = kind[1:] if kind[:1] in "省市县区旗" and item.endswith(kind[:1]) else kind
            found.add(ctx.text[pos : pos + len(item)] + own, pos, m.end(), "units.distributive")
            pos += len(item) + 1
        found.taken.append((list_start, m.end()))


def _longer_first_place(ctx: Context, start: int, end: int) -> str:
    """The list's first place when it is longer than a list item may be (宁夏回族自治区、某市和某区三级…):
    a known division ending where the first item ends and starting before it."""
    from ..orgs import place_chains

    chain = next((c for c in place_chains(ctx) if c.start < start and c.end == end), None)
    return ctx.norm[chain.start : end] if chain else ""


# departments listed under one head and one kind word: 县民政、人社、公安等部门 → 县民政部门, 县人社部门 …
_SHARED_KIND = re.compile(
    r"(?P<head>[\u4e00-\u9fff]{0,8}?[省市县区旗])(?P<items>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+)"
    r"等(?:[一二三四五六七八九十两\d]+[余多]?个)?(?P<kind>部门|单位)"
)
_SHARED_KIND_END = re.compile(
    r"等(?:[一二三四五六七八九十两\d]+[余多]?个)?(?:部门|单位)"
)  # (a quick test first)


def _shared_kind(ctx: Context, found: _Units) -> None:
    """县民政、人社、公安等部门 → 县民政部门, …; 某市人社、住建等20余个部门 → 某市人社部门, 某市住建部门
    (units.shared_kind)."""
    if not _SHARED_KIND_END.search(ctx.norm, 0, ctx.content_end):
        return  # no 等部门 / 等单位: no such list (the full pattern is slow to try at every character)
    for m in _SHARED_KIND.finditer(ctx.norm, 0, ctx.content_end):
        head = _kind_head(ctx, m.start("head"), m.end("head"))
        if not head:
            continue
        if any(_LEVEL_HEAD.match(i) or (unit_suffix_len(i) and len(i) >= 3) for i in m["items"].split("、")):
            continue  # 县发改委、县教育局等部门: full names, read one by one
        pos = m.start("items")
        for item in m["items"].split("、"):
            found.add(head + item + m["kind"], pos, pos + len(item), "units.shared_kind")
            pos += len(item) + 1
        found.taken.append((m.end("head") - len(head), m.end()))


def _kind_head(ctx: Context, start: int, end: int) -> str:
    """The head a list of departments shares: a place written out (某市) or a level word that is a word of
    its own (县 | 民政; not 市场), ending at end."""
    import bisect

    from ..gazetteer import gazetteer

    for k in range(start, end - 1):
        chain = gazetteer().chain_at(ctx.norm, k, end)
        j = bisect.bisect_left(ctx.word_starts, k)
        at_word = j < len(ctx.word_starts) and ctx.word_starts[j] == k
        if chain is not None and chain.end == end and at_word:
            return ctx.norm[k:end]
    i = bisect.bisect_left(ctx.word_starts, end - 1)
    if i < len(ctx.words) and ctx.words[i][1:] == (end - 1, end):
        return ctx.norm[end - 1 : end]
    return ""


def _named(ctx: Context, found: _Units) -> None:
    """Every unit named in the body (units.named), a shared head's list (units.shared_head) and a bare
    organ after a placed one (units.shared_place); not units in posts, attribution lines or citations."""
    text = ctx.norm
    titles = [h.title_span for h in find_people(ctx)]
    title = ctx.found.get("title") or []
    body_from = title[0].evidence.span.start if title else 0
    spans = find_units(ctx, body_from)  # a briefing's masthead (县委办公室编) is not a participant
    for i, (s, e) in enumerate(spans):
        if found.is_taken(s) or any(t.start <= s < t.end for t in titles):
            continue  # 市公安局 in 市公安局党委委员、副局长贾建忠
        s = _past_leading_verb(ctx, s, e)  # 依托 + 某大学, 入选 + 某厅: a verb read into a word-built name
        if e - s < 3:
            continue
        if (
            _attribution_line(ctx, s)
            or not_a_participant(ctx, s, e)
            or inspected(ctx, s)
            or _only_cited(ctx, s, e)
            or _cited_guidance(ctx, s, e)
            or _planned_partner(ctx, s)
            or _ISSUED_DOCUMENT.match(ctx.norm, e)
        ):
            continue
        if _former_post(ctx, s, e) or _runs_into_a_word(ctx, s, e) or _GENERIC_NAME.match(text, s, e):
            continue
        if anonymised_workplace(ctx, e):
            continue  # 某局下属单位负责人张某违规…: a case's workplace
        if _HONOUR.match(text, e):
            continue  # 通过省级某中心认定, 获评某单位称号: an honour's name, not a body that took part
        if _as_place(ctx, s, e) or _plan_sentence(ctx, s) or text[s:e].endswith("系统"):
            continue  # 在某中心大厅; 下一步，某局将…; 某省法院系统 (a whole system, not one body)
        for a, b, full in shared_head_list(ctx, s, e):
            if b - a < 2 or text[b : b + 3].startswith(("直属", "所属", "下属")):
                continue  # 委直属各单位: one character is the organizer's short name, not a sibling
            found.add(full, a, b, "units.shared_head")  # 省监察厅、审计厅 → 省审计厅
            found.taken.append((a, b))
        name = ctx.text[s:e]
        if _BARE.match(text[s:e]) and not _has_head(ctx, s, e):
            # 卫生局 after 杭州市公安局、: the list's place applies
            prev = spans[i - 1] if i else None
            if (
                prev
                and text[prev[1] : s] in ("、", "和", "及", "与")
                and (place := _place_of(text[prev[0] : prev[1]]))
                and (text[s] not in "省市县区旗州盟" or text[s] == place[-1])  # 县某局 has a head of its own
                and text[prev[1] - 2 : prev[1]]
                != text[e - 2 : e]  # 东城分局、西湖分局: two names of one kind
            ):
                suffix = text[s:e]
                if suffix.startswith(place[-1]) and len(place) > 1 and place[-1] in "省市县区旗州盟":
                    suffix = suffix[1:]
                found.add(place + suffix, prev[0], e, "units.shared_place")
                continue
            if not _county_department(name):
                continue  # 卫生局 alone; 县政府, 市委: the report's own leadership, not a participant
        found.add(name, s, e, "units.named")


def _list_siblings(ctx: Context, found: _Units) -> None:
    """A list of parallel units (城南派出所、城北派出所、交警大队四个单位): when one item is a unit, the
    others ending in a unit word are too (units.list_sibling)."""
    text = ctx.norm
    for m in _UNIT_LIST.finditer(text, 0, ctx.content_end):
        spans = []
        pos = m.start()
        for piece in re.split(r"(、|会同|联合|和|及|与)", m.group()):
            if piece and not re.fullmatch(r"、|会同|联合|和|及|与", piece):
                spans.append((pos, pos + len(piece)))
            pos += len(piece)
        # one item is a unit found already (the last one may run into the clause: 某派出所配合)
        known = [str(f.value) for f in found.out]
        if not any(
            ctx.text[a:b] == v
            or (b == m.end() and ctx.text[a:b].startswith(v) and CLAUSE.match(ctx.norm, a + len(v)))
            for v in known
            for a, b in spans
        ):
            continue
        if text[m.start()] in _OBJECT_MARK:
            continue  # hunits2: 对某中心、某中心等窗口单位开展暗访: the units checked, not taking part
        for a, b in spans:
            if any(x <= a < y for x, y in found.listed) or found.is_taken(a):
                continue  # read already as a participants' list or a shared head's item
            if a == m.start() and (lead := [c.end() for c in _SIBLING_LEAD.finditer(text, a, b)]):
                a = lead[-1]  # 参加会议的有某局、…: the first item starts after the clause's words
            elif a == m.start() and _opens_a_clause(ctx, a):
                continue  # 并通报某局、某局: the first item is a clause, not a name
            item = text[a:b]
            grouped = GROUP_WORD.search(item)
            if grouped:
                item = item[: grouped.start()]  # 县卫健委等部门: the unit, not the group word after it
            elif etc := re.search(r"(?<![高平对均同])等", item):
                item = item[: etc.start()]  # 某大学等科研院所: the unit, not the kind after 等
            # the last item runs into the sentence: keep it up to its unit word (刑侦大队|四个单位作了…)
            # …where a word ends, or before a preposition or adverb jieba joined to it (救灾司|已对)
            ends = [
                k
                for k in range(2, len(item) + 1)
                if _organ_len(ctx, item[:k]) and (_word_end(ctx, a + k) or text[a + k : a + k + 1] in _JOINED)
            ]
            # …派出所配合侦办: the name ends where a clause word begins (配合), not at a later 办
            cut = next((k for k in ends if CLAUSE.match(item, k)), max(ends, default=0))
            if not cut and (town := _TOWNSHIP.match(item)) and not _GENERIC_TOWN.search(town.group()):
                # 县水利局、县卫健局和城关镇共计150余人参加: a township in a list of bodies takes part too
                found.add(ctx.text[a : a + town.end()], a, a + town.end(), "units.list_sibling")
                continue
            if (
                cut
                and not _GENERIC.search(item[:cut])
                and (not _BARE.match(item[:cut]) or _county_department(item[:cut]))
            ):
                found.add(ctx.text[a : a + cut], a, a + cut, "units.list_sibling")


_OBJECT_MARK = "对"
_TOWNSHIP = re.compile(r"(?:[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?=共计|共|等|$)")


def _county_department(name: str) -> bool:
    """县水利局, 市卫健委, 镇纪委: a department of the report's own place, named without the place; 团市委,
    团县委 (the Youth League's committee, 团 before the level word) too."""
    if _LEAGUE.match(name):
        return True
    return (
        name[:1] in "省市县区旗镇乡"
        and (len(name) >= 4 or name[:1] in "镇乡")
        and not _BARE_GOVERNMENT.match(name)
        and name[:2] not in ("镇街", "乡镇", "街镇")  # 镇街纪委: every township's, a kind of body
    )


# ---- frames that say who took part (hx2)
_CLAUSE_END = "，。；：！？\n"
_LEVEL_HEAD = re.compile(r"^[省市县区旗州盟镇乡]")
# the list before 等N个单位 + 发言/交流/汇报: 甲镇、乙街道、区某局等8个单位在会上作交流发言
_SPOKE = re.compile(
    r"(?P<items>[^，。；：！？\n“”《》]{2,120}?)(?P<etc>(?:等?[一二三四五六七八九十两\d]+[个家]|等)(?:成员)?(?:单位|部门|乡镇|镇街|街镇))?"
    r"(?:主要|有关|相关)?(?:负责同志|负责人)?"
    r"(?:在会上|在大会上|在会议上)?(?:分别|先后|依次)?(?:作了?|做了?|进行了?)?"
    r"(?:典型|经验|表态|大会)?(?:交流发言|发言|汇报|交流)"
    r"|(?P<items2>[^，。；：！？\n“”《》]{2,120}?)等(?:[一二三四五六七八九十两\d]+[个家])?(?:成员)?(?:单位|部门)"
    r"(?:[一二三四五六七八九十百千\d]+[余多]?(?:人|名)(?:次)?)?"
    r"(?:主要|有关|相关)?(?:负责同志|负责人)?(?:派员)?(?:参加|出席|参会|参与)"
)
_SPOKE_ANCHOR = re.compile(r"发言|汇报|交流|参加|出席|参会")
_SPOKE_ACT = re.compile(
    r"(?:在会上|在大会上|在会议上)?(?:分别|先后|依次)?(?:作了?|做了?)[^，。]{0,4}?发言|汇报了"
)
_SIBLING_LEAD = re.compile(r"的有|还有|包括|听取了?|邀请了?")
_FIRST_ITEM_CUT = re.compile(r"[了在对向由将把从为是]|听取|组织|邀请|安排|请")
_LEAD_WORDS = re.compile(r"^(?:会上|会议上|会议中|随后|其中|同时|此外|另外|由|有|请|邀请)")


def _list_pieces(text: str, start: int) -> list[tuple[int, int]]:
    """某镇、某街道和区某局 → the spans of its items (、 always splits; 和/及 split between names)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for piece in re.split(r"(、|以及)", text):
        if piece and piece not in ("、", "以及"):
            cut = next(
                (m.start() for m in re.finditer(r"[和及与]", piece) if 2 <= m.start() <= len(piece) - 3), None
            )
            if cut is not None and (_LEVEL_HEAD.match(piece[cut + 1 :]) or unit_suffix_len(piece[:cut])):
                spans += [(pos, pos + cut), (pos + cut + 1, pos + len(piece))]
            else:
                spans.append((pos, pos + len(piece)))
        pos += len(piece)
    return spans


def _add_items(ctx: Context, found: _Units, spans: list[tuple[int, int]], rule_name: str, bare: bool) -> None:
    """The items of a participants' list; a level word on the first item applies to bare departments after it
    (区政法委、发改委 → 区发改委); ``bare``: items with no unit word (a township's short name) count too."""
    text = ctx.norm
    head = ""
    not_units = read_word_table(_org_words(ctx)).get("不是", ())
    for n, (a, b) in enumerate(spans):
        item = text[a:b].strip()
        if n == 0:
            lead = _LEAD_WORDS.match(item)
            item = item[lead.end() :] if lead else item
            # 听取了某局、某局的汇报: the first item starts after the clause's own words
            clause = [m.end() for m in _FIRST_ITEM_CUT.finditer(item)]
            if clause:
                a += len(text[a:b].strip()) - len(item) + clause[-1]
                item = item[clause[-1] :]
        if "的" in item:
            if n < len(spans) - 1:
                continue
            item = item[: item.index("的")]  # 某局的工作汇报: the list ends at 的
        if (
            not 2 <= len(item) <= 20
            or _GENERIC.search(item)
            or not re.fullmatch(r"[\u4e00-\u9fff（）()]+", item)
        ):
            continue
        suffix = _organ_len(ctx, item)
        if n == 0 and (m := _LEVEL_HEAD.match(item)) and suffix:
            head = m.group()
        if (
            (not suffix and not bare and not _looks_like_place(item))
            or item.endswith(not_units)
            or _BARE_GOVERNMENT.match(item)  # 市委、市政府: the report's own leadership
        ):
            continue
        if (
            head
            and n
            and suffix
            and not _LEVEL_HEAD.match(item)
            and not _looks_like_place(item[:-suffix] or "x")
            and _BARE.match(item)  # a department's short name (发改委), not a name of its own (某某大学)
            and not _LEAGUE.match(item)  # 团县委: the level word is inside it already
        ):
            item = head + item  # 区政法委、发改委: the level word is shared
        found.add(item, a, b, rule_name)
    if spans:
        found.taken.append((spans[0][0], spans[-1][1]))
        found.listed.append((spans[0][0], spans[-1][1]))


def _spoke_list(ctx: Context, found: _Units) -> None:
    """甲镇、乙街道、区某局等N个单位作交流发言: every item spoke, with or without a unit word (units.spoke_list)."""
    text = ctx.norm
    for anchor in _SPOKE_ANCHOR.finditer(text, 0, ctx.content_end):
        # read back from the verb to the clause's start (one anchored match, not a scan of every position)
        clause_start = max(text.rfind(c, 0, anchor.start()) for c in "，。；：！？\n“”《》") + 1
        m = _SPOKE.fullmatch(text, clause_start, anchor.end())
        if m is None:
            continue
        if m["items2"]:  # 甲局、乙局等单位派员参加: every item took part
            _add_items(
                ctx, found, _list_pieces(m["items2"], m.start("items2")), "units.spoke_list", bare=False
            )
            continue
        if found.is_taken(m.start("items")):
            continue
        spans = _list_pieces(m["items"], m.start("items"))
        if not m["etc"] and ("等" in m["items"] or not _SPOKE_ACT.match(ctx.norm, m.end("items"))):
            continue  # 某某布局等方面的交流, 某某情况的汇报: topics, not speakers
        if m["etc"] or len(spans) > 1:  # 甲分局、乙分局作了交流发言: with no 等N个单位, named units only
            _add_items(ctx, found, spans, "units.spoke_list", bare=bool(m["etc"]))


# 某局有关负责同志、某中心班子成员参加会议: the bodies whose people attended
_ATTEND_VERB = re.compile(r"(?:参加|出席|列席|参会|与会)")
_DELEGATE = re.compile(
    r"(?:有关|相关|主要|分管)?(?:负责同志|负责人|班子成员|领导班子成员|主要领导|分管领导|代表)(?:等[^、，]{0,12})?$"
)


def _attendees(ctx: Context, found: _Units) -> None:
    """某局有关负责同志、某中心班子成员参加会议 → 某局, 某中心 (units.attendees)."""
    text = ctx.norm
    for sent in re.finditer(r"[^。！？\n]+", text[: ctx.content_end]):
        verb = _ATTEND_VERB.search(sent.group())
        if not verb:
            continue
        start = sent.start()
        subject = sent.group()[: verb.start()]
        cut = max(subject.rfind("，"), subject.rfind("；"))
        if re.match(r"(?:来自|及|和)?(?:各|全[省市县区])", subject[cut + 1 :]):
            continue  # 各设区市、某局负责人、某中心负责人参加: 各 runs over the whole list, a kind of body
        for piece in re.finditer(r"[^、，；]+", subject[cut + 1 :]):
            d = _DELEGATE.search(piece.group())
            if not d:
                continue
            a = start + cut + 1 + piece.start()
            name = re.sub(r"^(?:及|和|以及|来自|邀请)", "", piece.group()[: d.start()])
            a += len(piece.group()[: d.start()]) - len(name)
            core = re.sub(r"（[^）]{1,3}）$", "", name)
            if _organ_len(ctx, core) and not _GENERIC.search(core) and len(core) >= 3 and "各" not in name:
                found.add(ctx.text[a : a + len(name)], a, a + len(name), "units.attendees")


# 会同/联合/协助 + a list of bodies and places + the joint action; not a plan (下一步将会同…)
_PARTNER = re.compile(
    r"(?:会同|联合|协同|协助|携手)(?P<items>[\u4e00-\u9fff、]{2,60}?)"
    r"(?=等|共同|一起|一道|，|。|；|开展|组成|组建|成立|召开|推行|推出|实施|启动|设立|探索|举行|举办|举办|走访|深入|出台|印发|进行|持续|完善|建立|查处|打击|对)"
)
_WEAK_KIND = ("机制", "机关", "部门", "单位")
_PLAN = re.compile(r"将|拟|计划|下一步|下步|要|积极|配合")


def _partners(ctx: Context, found: _Units) -> None:
    """某法庭联合某局、某协会走访…; 多次协助甲区、乙区开展执法 → the partners (units.partners)."""
    text = ctx.norm
    for m in _PARTNER.finditer(text, 0, ctx.content_end):
        if not _word_end(ctx, m.start() + 2):
            continue  # 协同发展, 联合国: the marker is part of another word
        clause_start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_END) + 1
        if _PLAN.search(text, clause_start, m.start()) or m["items"].endswith("组"):
            continue
        spans = _list_pieces(m["items"], m.start("items"))
        items = [text[a:b] for a, b in spans]
        not_units = read_word_table(_org_words(ctx)).get("不是", ())
        if not all(
            _looks_like_place(i)
            or (
                _organ_len(ctx, i)
                and len(i) >= 3
                and not i.endswith(tuple(not_units))
                and not i.endswith(_WEAK_KIND)  # 联合执法机制: a kind of arrangement, not a body
            )
            for i in items
        ):
            continue  # 联合执法, 联合挂牌督办, 会同有关方面: not a list of bodies
        if any(CLAUSE.search(i, 2) for i in items):
            continue  # the last item runs into the joint action (某处牵头组建专班): not a name
        _add_items(ctx, found, spans, "units.partners", bare=True)


# 参加会议的有某局、某中心有关负责同志: the list after the frame names who attended
_ATTEND_LIST = re.compile(
    r"(?:参加|出席|列席)(?:会议|活动|仪式|座谈会|培训|调研)?的(?:单位|人员)?(?:还)?(?:有|包括)[：:]?"
    r"(?P<items>[^。；！？\n]{2,200})"
)


def _attend_list(ctx: Context, found: _Units) -> None:
    """参加会议的有某局、某中心有关负责同志 → 某局, 某中心 (units.attend_list)."""
    text = ctx.norm
    for m in _ATTEND_LIST.finditer(text, 0, ctx.content_end):
        spans = []
        for piece in re.finditer(r"[^、，,及和]+", m["items"]):
            a = m.start("items") + piece.start()
            name = piece.group()
            d = _DELEGATE.search(name)
            name = name[: d.start()] if d else name
            if name:
                spans.append((a, a + len(name)))
        _add_items(ctx, found, spans, "units.attend_list", bare=False)
