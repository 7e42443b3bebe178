"""location: the organizer's work done at a named place or facility (round 4 of issue 12, explace).

"某县人民法院在某镇司法所巡回审理…", "某街道在某小区组织…": the organizer, a time, 在, the place's words closing
on a division, an area or a facility word, then a verb. A scope (在全县), a circumstance (在检查中) or a bare
kind of place (在社区, 在现场) names none.
"""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from .acting import is_noise
from .meeting import HEAD_CHARS

# what may stand between the organizer and 在: a time
_TIME_BETWEEN = re.compile(
    r"(?:近日|日前|近期|今天|昨天|今日|昨日|于?(?:\d{1,2}月)?\d{1,2}日|[上下]午|晚上?|先后|再次|专门)*"
)
# the place: a name ending in a division, an area or a facility word (某镇, 某社区, 某司法所, 某中心, 某广场)
_ORG_AT = re.compile(r"在(?![全本我该各此其辖当这])(?P<loc>[^，。；：！？\n在的]{2,16})")
_PLACE_END = re.compile(
    r"(?:[省市县区镇乡村]|街道|社区|小区|广场|公园|景区|园区|码头|车站|学校|[小中大]学|医院|中心|大厦|基地|现场|"
    r"[所院馆堂室场站厅])$"
)


def organizer_at(ctx: Context) -> Found | None:
    """ "ORG（近日）在LOC + verb" in the headline or lead, ORG the organizer and LOC a named place or
    facility (某县人民法院在某镇司法所巡回审理, 某街道在某小区组织…) → location.organizer_at."""
    found = ctx.found.get("organizer") or []
    if not found:
        return None
    name = ctx.norm[found[0].evidence.span.start : found[0].evidence.span.end]
    text_lines = [ln for ln in ctx.lines if not is_noise(ctx, ln.start)][:8]
    end = min(text_lines[-1].end if text_lines else 0, HEAD_CHARS)
    for hit in re.finditer(re.escape(name), ctx.norm[:end]):
        t = _TIME_BETWEEN.match(ctx.norm, hit.end())
        m = _ORG_AT.match(ctx.norm, t.end() if t else hit.end())
        if m is None or is_noise(ctx, m.start()):
            continue
        stop = _place_then_verb(ctx, m.start("loc"), m.end("loc"))
        if stop is not None:
            s = m.start("loc")
            return ctx.hit(ctx.text[s:stop], s, stop, "location.organizer_at")
    return None


def _place_then_verb(ctx: Context, start: int, limit: int) -> int | None:
    """The end of the words from start that close on a place or facility word and are followed by a verb
    (某镇司法所 | 巡回审理); none of the words before is a verb (在某镇开展…的村 is no place)."""
    import bisect

    from ..entities import tag

    i = bisect.bisect_left(ctx.word_starts, start)
    if i >= len(ctx.words) or ctx.words[i][1] != start:
        return None
    best = None
    for j in range(i, len(ctx.words)):
        word, _ws, we = ctx.words[j]
        if we > limit or (len(word) >= 2 and (tag(word) or "").startswith("v")):
            break
        nxt = ctx.words[j + 1][0] if j + 1 < len(ctx.words) else ""
        if _PLACE_END.search(ctx.norm, start, we) and len(nxt) >= 2 and (tag(nxt) or "").startswith("v"):
            best = we
    from .location import _BARE_VENUE

    if (
        best is None
        or _BARE_VENUE.fullmatch(ctx.norm, start, best)
        or _BARE_KIND.fullmatch(ctx.norm, start, best)
    ):
        return None  # 在社区开展, 在现场查看: some community, the scene of the work, no named place
    return best


_BARE_KIND = re.compile(
    r"(?:现场|学校|医院|中心|乡镇|村组|城区|县城|市区|辖区|基层|农村|城乡|两地|当地|各地)"
)
