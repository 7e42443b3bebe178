"""The visit frame: a unit's leaders go to a place or a unit to look at its work (调研, 考察, 视察, 督导).

Government sites write such news in one of two shapes, in the headline or the lead's first sentence:

- "（日期，）UNIT + 职务 + 姓名（一行/带队/率…等）（到/来/赴/深入）PLACE 调研/考察…" — the unit whose leaders
  visit leads the clause, its people follow, and the visit verb closes it (某市人民政府副市长某某带队到市某委
  调研, 某总社副主任某某率某部副部长某某等调研指导…);
- "… UNIT 赴 PLACE 考察" — a delegation written as a unit right before the going verb (某区党政代表团赴某市考察).

The organizer is the visiting unit (organizer.visiting_unit); the location is the place or unit visited, when it is
written as a name (location.visited) — 我局/我社/基层 name no place and leave the location to the other rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..context import Context
from ..places import find_units
from .acting import is_noise

# the people of a visiting unit: posts and names, joined by 、 and written with 一行/带队/率…等
_PEOPLE = re.compile(r"[^，。；：！？\n]{0,80}?")
# what marks the words between the unit and the verb as its visiting people
_PEOPLE_MARK = re.compile(
    r"一行|带队|率队|率领|率|代表团|调研组|督导组|检查组|考察组|工作组|领导|主任|书记|[市县区省局处部厅]长"
)
_GOING = r"(?:到|来到|来|赴|前往|莅临|深入)"
_VISIT_VERB = r"(?:调研|考察|视察|督导|督查|检查指导|走访)"
_VISIT = re.compile(rf"(?:(?P<go>{_GOING})(?P<place>[^，。；：！？\n]{{2,30}}?))?{_VISIT_VERB}")
# a place that names nothing: 我局, 本县, 基层, 一线, 现场
_NO_PLACE = re.compile(r"^(?:我|本|该|基层|一线|现场|当地|各)")
_DATED = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
_LEAD = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午|晚|近日|日前)?[，,]?")


@dataclass(frozen=True)
class Visit:
    unit: tuple[int, int]
    place: tuple[int, int] | None
    rule: str


def _visit_in(ctx: Context, start: int, end: int) -> Visit | None:
    """A visit frame in one sentence or headline line between start and end."""
    units = find_units(ctx, start, end)
    lead = _LEAD.match(ctx.norm, start, end)
    first = lead.end() if lead else start
    for m in _VISIT.finditer(ctx.norm, first, end):
        go = m.start("go") if m["go"] else m.start()
        # UNIT 赴 PLACE 考察: the unit written right before the going verb
        before = next((u for u in units if u[1] == go and m["go"]), None)
        if before:
            return Visit(before, _place(ctx, m), "visiting_unit")
        # UNIT + its people + (到) PLACE 调研: the unit leads the clause
        head = next((u for u in units if u[0] == first), None)
        if head is None:
            return None
        between = ctx.norm[head[1] : go]
        if len(between) > 80 or re.search(r"[，。；：！？\n]", between) or not _PEOPLE_MARK.search(between):
            return None
        return Visit(head, _place(ctx, m), "visiting_unit")
    return None


def _place(ctx: Context, m: re.Match[str]) -> tuple[int, int] | None:
    """The visited place or unit as written, when it names one (not 我局, 基层)."""
    if not m["go"]:
        return None
    from ..orgs import place_chains

    s = m.start("place")
    if _NO_PLACE.match(m["place"]):
        return None
    unit = next(((us, ue) for us, ue in find_units(ctx, s, m.end("place")) if us == s), None)
    if unit:
        return unit
    chain = next((c for c in place_chains(ctx) if c.start == s), None)
    if chain:
        return s, chain.township_end or chain.end
    return None


def lead_visit(ctx: Context) -> Visit | None:
    """The visit frame of the lead's first three sentences, else of the headline (cached per document)."""
    if "_lead_visit" in ctx.__dict__:
        return ctx.__dict__["_lead_visit"]
    body = ctx.body_start
    body_sentences = [s for s in ctx.sentences if s.start >= body and not is_noise(ctx, s.start)]
    spans = [(s.start, s.end) for s in body_sentences[:3]]
    # a page that opens with picture captions: the lead is the first sentence that opens with its date
    dated = next((s for s in body_sentences[3:8] if _DATED.match(ctx.norm, s.start, s.end)), None)
    if dated:
        spans.append((dated.start, dated.end))
    spans += [(ln.start, ln.end) for ln in ctx.lines[:3] if ln.end <= body and not is_noise(ctx, ln.start)]
    visit = None
    for start, end in spans:
        visit = _visit_in(ctx, start, end)
        if visit:
            break
    ctx.__dict__["_lead_visit"] = visit
    return visit
