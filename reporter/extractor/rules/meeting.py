"""organizer, event, location: the frame of the reported meeting or work (host: host.py).

Sentence patterns of reports, tried in order:

- "（日期，）ORG（在LOC）（组织）召开/举行/举办 EVENT"        → organizer, location, event
- "EVENT 在 LOC 举行/召开"                                  → event, location (a unit as venue is also the organizer)
- "X在 EVENT 上强调/讲话"                                   → event
- "ORG 会议"-named meetings (国务院常务会议)                 → organizer = the body named in the event
- "记者从 ORG 获悉"、"据 ORG 通报"                           → organizer
- "开展（的）… 专项行动/专项斗争/攻坚战"                      → event (a named campaign)
- "LOC 发生 …" (accidents, disasters)                      → location
- a title or kicker that begins with a place (河南登封建立…) → location, written out as fully as the text does
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Found
from ..context import Context
from ..entities import unit_start
from ..lexicon import load_lexicon, read_word_table
from ..places import find_units, is_unit_name
from . import rule
from .acting import is_noise, lead_actor, place_name
from .festival import step_festival
from .organizer_doc import _informant, _issuer
from .organizer_weak import (
    _accident_news,
    _chair_unit,
    _full_issuer,
    _hosted_by,
    _most_named_unit,
    _notice_issuer,
    _own_place_by_pronoun,
    _place_chair,
    _spokesman_unit,
    _step_full_organizer,
    _suffix_place_acting,
)
from .uncertain import UNCERTAIN

_QUOTED = r"“[^”\n]{1,40}”"
_NP = rf"(?:{_QUOTED}|[^，。；：！？\n“”、])"


@dataclass(frozen=True)
class _Patterns:
    """The meeting frame's sentence patterns, built from templates/meeting_words.txt (会议, 行动, 召开)."""

    held: re.Pattern[str]  # 召开 EVENT: the event right after a holding verb
    held_at: re.Pattern[str]  # EVENT 在 LOC 举行
    held_at_tail: re.Pattern[
        str
    ]  # the end of held_at (a meeting word … 在 LOC 举行): a line without it has none
    speech_at: re.Pattern[str]  # 在 EVENT 上强调
    title_led: re.Pattern[str]  # a headline that begins with EVENT
    campaign: re.Pattern[str]  # … 专项行动
    campaign_word: re.Pattern[str]  # 专项行动: a line without a campaign word holds no campaign
    generic: re.Pattern[str]  # 一次会议, 新闻发布会: not a named event
    standing: re.Pattern[str]  # 省长办公会, 县委常委会: a body's standing meeting, named however short


# a meeting held by video or telephone: 以视频形式召开, 以电视电话会议形式举行 (no venue)
_FORM = r"以[^，。；：！？\n]{2,10}?形式"


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


@lru_cache(maxsize=8)
def _build(path: str | None) -> _Patterns:
    table = read_word_table(path)
    meeting = _alt((*table.get("会议", ("会议", "座谈会", "推进会")), *table.get("例会", ()), "活动"))
    hold = _alt(table.get("召开", ("召开", "举行", "举办")))
    campaign = _alt(table.get("行动", ("专项行动", "专项斗争")))
    return _Patterns(
        held=re.compile(
            rf"(?P<verb>{hold})(?:了)?(?P<event>{_NP}{{2,60}}?{meeting})(?=[，。；、\s（(.,]|$|上|期间|并)"
        ),
        held_at=re.compile(
            rf"(?P<event>{_NP}{{2,40}}?{meeting})(?:于\S{{1,12}}?)?(?:在(?P<loc>[^，。；：！？\n]{{2,40}}?)|{_FORM})"
            r"(?:隆重)?(?:举行|召开|举办|开幕)"
        ),
        held_at_tail=re.compile(
            rf"{meeting}(?:于\S{{1,12}}?)?(?:在[^，。；：！？\n]{{2,40}}?|{_FORM})(?:隆重)?(?:举行|召开|举办|开幕)"
        ),
        speech_at=re.compile(rf"在(?P<event>{_NP}{{2,50}}?{meeting})上(?:强调|讲话|表示|指出|发表|作)"),
        campaign=re.compile(rf"(?P<event>{_NP}{{2,30}}?{campaign})"),
        title_led=re.compile(rf"\s*(?P<event>{_NP}{{4,40}}?{meeting})(?!{meeting})"),
        campaign_word=re.compile(campaign),
        generic=re.compile(
            rf"^(?:一场|一次|本次|这次|此次|该|全体|专题|新闻|事故现场|工作|有关|相关|各类|系列|两场|多场)*{meeting}$"
        ),
        standing=re.compile(rf"^[\u4e00-\u9fff]{{2,8}}{_alt(table.get('例会', ('办公会', '常委会')))}$"),
    )


def _patterns(ctx: Context) -> _Patterns:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "meeting_words", None)
    return _build(str(path) if path else None)


_AT_PLACE = re.compile(
    r"在(?P<loc>[^，。；：！？\n在的]{2,25}?)(?:隆重|正式)?(?:召开|举行|举办|开幕|揭牌成立|挂牌成立|成立|揭牌|启动)"
)
_LEAD_IN = re.compile(r"^(?:一场|一次|本次|这次|此次|了)")
# the body that holds it, written before the meeting's name: 由某局主办的, 由某委牵头组织的
_HELD_BY_LEAD = re.compile(r"^由[^，。；：！？\n]{2,30}?(?:主办|承办|举办|牵头|组织)的")
_HAPPENED = re.compile(
    r"(?P<loc>(?:[（(][^）)\n]{0,30}[）)]|[^，。；：！？\n]){2,60}?)(?:突然)?发生(?:了)?(?:一起|1起|一场|特大|重大|较大|严重)?"
)
_HAPPENED_TAIL = re.compile("发生")  # in every match of _HAPPENED (for _first's tail)


def _text_lines(ctx: Context) -> list:
    """The lines of the report that are not page furniture (computed once per document)."""
    cached = ctx.__dict__.get("_meeting_text_lines")
    if cached is None:
        cached = ctx.__dict__["_meeting_text_lines"] = [ln for ln in ctx.lines if not is_noise(ctx, ln.start)]
    return cached


def _first(ctx: Context, pattern: re.Pattern[str], lines: int = 6, tail: re.Pattern[str] | None = None):
    """Matches of a pattern in the title group and the first lines of the report, in order. A page's
    furniture (publication, byline, 来源 and 上一条/下一条 lines, navigation) is neither searched nor counted.

    With `tail` (a pattern that every match of `pattern` holds, and neither of them crossing a line end nor
    looking around), only the lines holding `tail` are searched: the same matches, found much faster."""
    text_lines = _text_lines(ctx)[:lines]
    end = min(text_lines[-1].end if text_lines else 0, ctx.content_end, HEAD_CHARS)
    norm = ctx.norm
    if tail is None:
        found = pattern.finditer(norm, 0, end)
    else:
        found = (
            m
            for a, b in _line_ranges(norm, end)
            if tail.search(norm, a, b)
            for m in pattern.finditer(norm, a, b)
        )
    return [m for m in found if not is_noise(ctx, m.start())]


def _line_ranges(text: str, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of text[:end], without its line end."""
    out, start = [], 0
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        out.append((start, stop))
        start = stop + 1
    return out


HEAD_CHARS = 4000  # the frame of a report is in its head; a huge first paragraph is not searched whole


def _clean_event(text: str) -> str:
    text = _LEAD_IN.sub("", text.strip())
    return _HELD_BY_LEAD.sub("", text)


def _named(ctx: Context, event: str) -> bool:
    """A named meeting or campaign, not a generic one (新闻发布会, 事故现场会, 丰富多彩的文化活动)."""
    if event.endswith("活动") and "“" not in event:
        return False
    pats = _patterns(ctx)
    if pats.generic.match(event):
        return False
    return len(event) >= 7 or "“" in event or bool(pats.standing.match(event))


# a unit's other name written in brackets right after it: 局（公司）, 委员会（办公室）, 党委（党组）
_ALIAS_BEFORE = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]$")


def _org_before(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The unit or place written just before pos (the subject of the verb at pos): a unit's name read by
    the organ grammar, or a chain of places of the division table (房县召开…), ending right there."""
    from ..orgs import place_chains

    units = find_units(ctx)
    unit = next(((s, e) for s, e in units if e == pos), None)
    alias = _ALIAS_BEFORE.search(ctx.norm, max(0, pos - 8), pos)
    if unit is None and alias:
        # a unit with its other name in brackets (某烟草专卖局（公司）, 某委（某办）): the whole as written
        unit = next(((s, pos) for s, e in units if e == alias.start()), None)
    if unit:
        # joint holders: 某部和某总局召开 → both, as written
        before = next(((s, e) for s, e in units if e == unit[0] - 1), None)
        if before and ctx.norm[unit[0] - 1] in "和与":
            return before[0], unit[1]
        return unit
    chain = next((c for c in place_chains(ctx) if (c.township_end or c.end) == pos), None)
    if chain:
        return chain.start, pos
    # hunits2: a place the division table lacks, read by its suffix (常平镇召开…: suffix_place.py)
    from ..suffix_place import suffix_place_before
    from .header import _body_start

    start = suffix_place_before(ctx, pos)
    # in the body only: a headline's place often stands for its unit that holds the meeting in the lead
    if start is not None and start >= _body_start(ctx) and ctx.norm[start - 1 : start] in _SUBJECT_LEFT:
        return start, pos
    return None


_SUBJECT_LEFT = "，。；：！？\n 　）)”"


Frame = dict[str, tuple[str, int, int, str]]  # field → (value, start, end, rule name)


def _frame(ctx: Context) -> Frame:
    """The meeting frame: each step fills the fields it reads that earlier steps left empty."""
    cached = ctx.__dict__.get("_meeting_frame")
    if cached is not None:
        return cached
    frame: Frame = {}
    for step in _FRAME_STEPS:
        step(ctx, frame)
    ctx.__dict__["_meeting_frame"] = frame
    return frame


def _hit(ctx: Context, m: re.Match[str], group: str, rule_name: str) -> tuple[str, int, int, str]:
    return (ctx.text[m.start(group) : m.end(group)], m.start(group), m.end(group), rule_name)


def _step_held(ctx: Context, frame: Frame) -> None:
    """ "（ORG）（在LOC）召开 EVENT" → event.held, location.held_at, organizer.subject_of_meeting."""
    from .meeting_title import fuller_writing

    text = ctx.norm
    for m in _first(ctx, _patterns(ctx).held, lines=8):
        if _in_list_item(ctx, m.start()):
            continue  # 三是…召开了…会议: one measure of a work summary, not the report's event
        event = _clean_event(m["event"])
        estart = m.end("event") - len(event)
        if _named(ctx, event):
            current = frame.get("event")
            # the same meeting written out more fully later (…工作新闻发布会 → 某某疫情防控工作新闻发布会)
            if current is None or (len(event) > len(current[0]) and fuller_writing(current[0], event)):
                frame["event"] = (ctx.text[estart : m.end("event")], estart, m.end("event"), "event.held")
        # who held it, and where: "ORG在LOC（组织）召开"
        vstart = m.start("verb")
        before = text[max(0, vstart - 40) : vstart]
        at = re.search(r"在(?P<loc>[^，。；：！？\n在]{2,25})$", before)
        subject_end = vstart
        if at:
            lstart = vstart - len(before) + at.start("loc")
            frame.setdefault("location", (ctx.text[lstart:vstart], lstart, vstart, "location.held_at"))
            subject_end = lstart - 1
        org = _org_before(ctx, subject_end)
        if org and "organizer" not in frame:
            # 县公安局 in the body is the 青山县公安局 of the title (a place is not widened)
            if is_unit_name(ctx.norm[org[0] : org[1]]):
                org = _fuller_unit(ctx, ctx.norm[org[0] : org[1]], org[1]) or org
            elif chair := _place_chair(ctx, ctx.norm[org[0] : org[1]]):
                frame["organizer"] = chair
                continue
            frame["organizer"] = (ctx.text[org[0] : org[1]], org[0], org[1], "organizer.subject_of_meeting")
        elif org and _organ_of_place(ctx, frame.get("organizer"), org):
            # the headline's place (某市召开…) is its organ in the lead (某市某局召开…): the organ held it
            frame["organizer"] = (ctx.text[org[0] : org[1]], org[0], org[1], "organizer.subject_of_meeting")


def _organ_of_place(ctx: Context, current: tuple[str, int, int, str] | None, org: tuple[int, int]) -> bool:
    """Is org an organ of the place that held the meeting so far (柳州市 → 柳州市禁毒委员会)?"""
    if current is None or current[3] != "organizer.subject_of_meeting":
        return False
    place, name = ctx.norm[current[1] : current[2]], ctx.norm[org[0] : org[1]]
    return (
        not is_unit_name(place) and is_unit_name(name) and name.startswith(place) and len(name) > len(place)
    )


# a line that is one item of a numbered list: 一是/二是, （一）, 一、, 1.
_LIST_ITEM = re.compile(
    r"\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])"
)


def _in_list_item(ctx: Context, pos: int) -> bool:
    line = next((ln for ln in ctx.lines if ln.start <= pos < ln.end), None)
    return line is not None and line.start < pos and bool(_LIST_ITEM.match(ctx.norm, line.start, line.end))


def _step_at_place(ctx: Context, frame: Frame) -> None:
    """ "在LOC召开/举行/成立" → location.at_place."""
    if "location" not in frame:
        for m in _first(ctx, _AT_PLACE, lines=8):
            frame["location"] = _hit(ctx, m, "loc", "location.at_place")
            break


def _step_held_at(ctx: Context, frame: Frame) -> None:
    """ "EVENT 在 LOC 举行" → event.held_at, location.held_at; a unit as venue is the organizer."""
    if "event" in frame:
        return
    pats = _patterns(ctx)
    for m in _first(ctx, pats.held_at, lines=8, tail=pats.held_at_tail):
        event = _clean_event(m["event"])
        estart = m.end("event") - len(event)
        if _named(ctx, event):
            frame["event"] = (ctx.text[estart : m.end("event")], estart, m.end("event"), "event.held_at")
            if m["loc"] is None:
                break  # 以视频形式召开: held, at no one place
            frame.setdefault("location", _hit(ctx, m, "loc", "location.held_at"))
            if is_unit_name(m["loc"]) and not _FACILITY.search(m["loc"]):
                frame.setdefault("organizer", _hit(ctx, m, "loc", "organizer.venue"))
            break


# a venue that is a building or a facility (某镇文化服务中心, 市行政中心, 某馆, 某礼堂), not an organ that holds
# its own meeting at home (某区公安分局): the place of the event, not its holder
_FACILITY = re.compile(r"(?:中心|[馆堂室厅场园楼厦店])$")


def _step_speech_at(ctx: Context, frame: Frame) -> None:
    """ "在 EVENT 上强调/讲话" → event.speech_at."""
    if "event" in frame:
        return
    for m in _first(ctx, _patterns(ctx).speech_at, lines=8):
        event = _clean_event(m["event"])
        estart = m.end("event") - len(event)
        if _named(ctx, event):
            frame["event"] = (ctx.text[estart : m.end("event")], estart, m.end("event"), "event.speech_at")
            break


def _step_title_event(ctx: Context, frame: Frame) -> None:
    """A headline (or its kicker) that begins with a named meeting → event.title_named (meeting_title.py)."""
    from .meeting_title import title_event

    if "event" not in frame:
        found = title_event(ctx)
        if found:
            frame["event"] = found


# a named activity launched: 开展“某某”活动, 开办“某某讲堂”, 推行某某“零跑腿”改革 — a quoted name, with the
# words that qualify it and the activity word after it
_LAUNCHED = re.compile(
    r"(?:开展|举办|开办|启动|推行|组织开展|部署开展|实施|推出|以)(?:了)?"
    r"(?P<event>[^，。；：！？\n“”、]{0,10}?“[^”\n]{2,30}”(?:[\u4e00-\u9fff]{0,6}?"
    r"(?:专项行动|主题活动|活动|行动|讲堂|改革|演习|演练|竞赛|大赛|服务)|(?=[，。；\s]|$|制度|机制|模式|管理模式)))"
    r"(?=[，。；、\s（(]|$|以来|中|上|期间|为|制度|机制|模式|管理模式)"
)


# the head words after a quoted name that make a name of their own (“一站式”通关服务, not “零跑腿”改革)
_OWN_HEAD = re.compile(r"[\u4e00-\u9fff]{2,4}服务")


# a clause that lays down a requirement (要…, 必须…, 应当…) speaks of what is to be done
_REQUIRED = re.compile(r"(?:[^，。；！？\n]{0,8}?)(?:(?<![主重只纪提])要|必须|应当|需要|务必)")


def _step_carried_out(ctx: Context, frame: Frame) -> None:
    """ "开展…专项整治/明察暗访/应急演练", "印发《…行动实施方案》" → event.carried_out (meeting_title.py)."""
    from .meeting_title import carried_out_event

    if "event" not in frame:
        found = carried_out_event(ctx)
        if found:
            frame["event"] = found


def _step_launched(ctx: Context, frame: Frame) -> None:
    """ "开展/举办/推行 …“名称”…活动" in the headline or lead → event.launched."""
    from .meeting_title import not_the_event

    if "event" in frame:
        return
    found = [m for m in _first(ctx, _LAUNCHED, lines=6) if _reported_launch(ctx, m, not_the_event)]
    for k, m in enumerate(found):
        # the headline writes the name short (推行“某某”), the lead in full (推行“某某”改革): the fuller one
        m = next(
            (f for f in found[k + 1 :] if m["event"] in f["event"] and len(f["event"]) > len(m["event"])), m
        )
        frame["event"] = _hit(ctx, m, "event", "event.launched")
        quote = ctx.norm.find("“", m.start("event"), m.end("event"))
        if _OWN_HEAD.fullmatch(ctx.norm, ctx.norm.find("”", quote) + 1, m.end("event")):
            # 推行进出口货物“一站式”通关服务: the name has its own head words (通关服务); what stands
            # before the quote is the object it serves
            frame["event"] = (ctx.text[quote : m.end("event")], quote, m.end("event"), "event.launched")
        return


def _reported_launch(ctx: Context, m: re.Match[str], not_the_event) -> bool:
    """Not ①持续开展“回头看” (a list item), 以“某某”行动为抓手 or 去年开展 (a means, the past), nor 要以实施
    “某某”行动为牵引 (a requirement for what is to come)."""
    if _in_list_item(ctx, m.start()) or not_the_event(ctx, m):
        return False
    clause = max(ctx.norm.rfind(c, 0, m.start()) for c in "，。；！？\n") + 1
    return not _REQUIRED.match(ctx.norm, clause, m.start())


def _step_campaign(ctx: Context, frame: Frame) -> None:
    if "event" not in frame:
        campaign = _campaign(ctx)
        if campaign:
            frame["event"] = campaign


def _step_named_in_event(ctx: Context, frame: Frame) -> None:
    """A meeting named after its body (国务院常务会议) → organizer.named_in_event."""
    if "organizer" in frame or "event" not in frame:
        return
    name, s, e, _ = frame["event"]
    m = re.match(r"(?P<org>.{2,30}?)(?:全体会议|常务会议|会议)$", name)
    if m and is_unit_name(m["org"]):
        frame["organizer"] = (m["org"], s, s + len(m["org"]), "organizer.named_in_event")
        return
    # 学习贯彻某某精神 + 中央宣讲团 + 报告会: the body named right before the meeting word held it
    word = _BODY_MEETING.search(name)
    if word is not None and ctx.norm[s:e] == name:
        at = s + word.start()
        org = next(((us, ue) for us, ue in find_units(ctx, s, at) if ue == at), None)
        if org is not None:
            frame["organizer"] = (ctx.text[org[0] : org[1]], org[0], org[1], "organizer.named_in_event")


_BODY_MEETING = re.compile(r"(?:报告会|座谈会|宣讲会|联席会议|全体会议|常务会议|会议)$")


def _step_organizer(ctx: Context, frame: Frame) -> None:
    """Weaker sources of the organizer, tried in order until one gives a unit."""
    if _accident_news(ctx):
        return  # hunits2: news of an accident has no acting unit (a unit that responds is not its organizer)
    for source in (
        _informant,
        _issuer,
        _hosted_by,
        _visiting_unit,
        _lead_subject,
        _suffix_place_acting,
        _own_place_by_pronoun,
        _most_named_unit,
        _spokesman_unit,
        _chair_unit,
        _notice_issuer,
    ):
        if "organizer" in frame:
            return
        found = source(ctx)
        if found and not _GENERIC_INSIDE.search(found[0]):  # 国家有关部门: a kind of unit, not one
            frame["organizer"] = found


_FRAME_STEPS = (
    _step_held,
    _step_at_place,
    _step_held_at,
    step_festival,
    _step_speech_at,
    _step_title_event,
    _step_carried_out,
    _step_launched,
    _step_campaign,
    _step_named_in_event,
    _step_organizer,
    _step_full_organizer,
)


def _visiting_unit(ctx: Context):
    """The unit whose leaders visit in the lead (visit.py: 某市人民政府副市长某某带队到某委调研) →
    organizer.visiting_unit, written as fully as the report writes it."""
    from .visit import lead_visit

    visit = lead_visit(ctx)
    if visit is None:
        return None
    s, e = visit.unit
    s, e = _fuller_unit(ctx, ctx.norm[s:e], e) or (s, e)
    return (ctx.text[s:e], s, e, "organizer.visiting_unit")


def _visited(ctx: Context) -> Found | None:
    """The place or unit visited in the lead's visit frame (到某委调研, 赴某市考察) → location.visited."""
    from .visit import lead_visit

    visit = lead_visit(ctx)
    if visit is None or visit.place is None:
        return None
    s, e = visit.place
    return ctx.hit(ctx.text[s:e], s, e, "location.visited")


def _lead_subject(ctx: Context):
    """The unit or place that acts in the headline or the lead (acting.py): 市效能办开展…, 房县召开…,
    近年来，某省某市某县积极探索… → the unit, or the place's own name (某县)."""
    from .header import _body_start

    actor = lead_actor(ctx, _body_start(ctx))
    if actor is None:
        return None
    if actor.kind in ("unit", "place_unit"):
        s, e = _fuller_unit(ctx, ctx.norm[actor.start : actor.end], actor.end) or (actor.start, actor.end)
        return (ctx.text[s:e], s, e, f"organizer.lead_{actor.kind}")
    if actor.kind == "suffix_place":
        return (ctx.text[actor.start : actor.end], actor.start, actor.end, "organizer.lead_suffix_place")
    s, e, name = place_name(ctx, actor)
    chair = _place_chair(ctx, ctx.norm[actor.start : actor.end])
    if chair:
        return chair
    return (name if ctx.norm[s:e] != name else ctx.text[s:e], s, e, "organizer.lead_place")


def _fuller_unit(ctx: Context, short: str, after: int) -> tuple[int, int] | None:
    """The fullest writing of a unit elsewhere in the text (武汉蔡甸区检察院 → 武汉市蔡甸区人民检察院): a
    unit name of the report that ends like it and holds its characters in order."""
    best = None
    for s, e in find_units(ctx):
        text = ctx.norm[s:e]
        if len(text) <= len(short) or text[-2:] != short[-2:]:
            continue
        it = iter(text)
        if all(ch in it for ch in short) and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return best


def _campaign(ctx: Context):
    """A named campaign the report is about: written in the title or lead, or repeated in the body."""
    from .meeting_title import not_now, with_season

    counts: dict[str, list[tuple[int, int]]] = {}
    pats, norm = _patterns(ctx), ctx.norm
    # a campaign's name does not cross a line end: only the lines with a campaign word are searched
    lines = [(a, b) for a, b in _line_ranges(norm, ctx.content_end) if pats.campaign_word.search(norm, a, b)]
    for m in (m for a, b in lines for m in pats.campaign.finditer(norm, a, b)):
        start = unit_start(ctx, m.end("event"))
        # take the campaign's own words: from the left edge of the noun phrase
        start = with_season(ctx, m.start("event"), max(start, m.start("event")))
        name = ctx.norm[start : m.end("event")]
        name = re.sub(
            r"^(?:开展|推进|深化|深入推进|持续开展|组织开展|全面推进|在|的|全省|全市|全县|全区|全国)+",
            "",
            name,
        )
        if len(name) < 6 or re.match(r"(?:\d+|[一二三四五六七八九十百两]+)(?:项|个|次|场|轮|批|大)", name):
            continue  # 12项专项行动: a count of campaigns, not a name
        if not_now(ctx, m.end("event") - len(name)):
            continue  # 去年部署开展…专项行动: background of the report, not its event
        counts.setdefault(name, []).append((m.end("event") - len(name), m.end("event")))
    if not counts:
        return None
    lead_end = ctx.lines[min(len(ctx.lines), 4) - 1].end if ctx.lines else 0
    best = max(counts, key=lambda n: (len(counts[n]) + (2 if counts[n][0][0] < lead_end else 0), len(n)))
    spans = counts[best]
    if len(spans) < 2 and spans[0][0] >= lead_end:
        return None
    s, e = spans[0]
    return (ctx.text[s:e], s, e, "event.campaign")


# words that make a name a kind of unit rather than one unit (有关部门, 相关单位, 各级机关)
_GENERIC_INSIDE = re.compile(r"有关|相关|各级|各地|等(?:部门|单位)")


@rule("organizer")
def organizer(ctx: Context) -> list[Found]:
    """The unit that held the event or whose work the report is about."""
    # ---- h12a: a formal document's issuing organ, read from its layout, comes first ----
    from .header import organizer_from_document_layout

    issued = organizer_from_document_layout(ctx)
    if issued is not None:
        return [_full_issuer(ctx, issued)]
    # ---- end h12a ----
    return _from_frame(ctx, "organizer")


def _from_frame(ctx: Context, key: str) -> list[Found]:
    """The frame's value for a field, flagged for review when its rule reads weaker evidence."""
    frame = _frame(ctx)
    if key not in frame:
        return []
    value, s, e, name = frame[key]
    if name in UNCERTAIN:
        ctx.flag(key, UNCERTAIN[name])
    return [ctx.hit(value, s, e, name)]


@rule("event")
def event(ctx: Context) -> list[Found]:
    """The named meeting or campaign the report is about."""
    from .meeting_title import without_actor

    return [without_actor(ctx, f) for f in _from_frame(ctx, "event")]
