"""event from the headline: a headline (or its kicker line) that begins with a named meeting or forum."""

from __future__ import annotations

import bisect
import re

from ..context import Context
from .acting import is_noise
from .meeting import _named, _patterns


def title_event(ctx: Context) -> tuple[str, int, int, str] | None:
    """A headline (or its kicker line) that begins with a named meeting or forum that then acts or happens
    (某某工作会议召开, 某某评议会敢于较真, 某某大讲堂开讲) → event.title_named."""
    title = ctx.found.get("title") or []
    if not title:
        return None
    headline = title[0].evidence.span
    # the headline and the kicker lines above it (a page's furniture is not a kicker)
    lines = [ln for ln in ctx.lines[:3] if ln.start <= headline.start and not is_noise(ctx, ln.start)]
    for line in lines:
        found = _title_event(
            ctx, line.start, max(line.end, headline.end) if line.start == headline.start else line.end
        )
        if found:
            return found
    return None


def _title_event(ctx: Context, start: int, end: int) -> tuple[str, int, int, str] | None:
    """The meeting a line begins with, when the next words hold it or say what it did."""
    from ..entities import tag

    m = _patterns(ctx).title_led.match(ctx.norm, start, end)
    if m is None or re.search(r"\s", m["event"]) or m["event"].startswith("关于"):
        return None  # 关于…的通知: a document's title, not a meeting that acts
    event = m["event"]
    i = bisect.bisect_left(ctx.word_starts, m.end())
    nxt = ctx.words[i][0] if i < len(ctx.words) and ctx.words[i][1] == m.end() else ""
    verbal = ("v", "vd", "vi")
    # the next word is a verb, or begins with one (研究部署, which the dictionary keeps as one noun);
    # a verbal noun alone makes a compound (会议管理, 会议服务), not a predicate
    acts = bool(_TITLE_EVENT_VERB.match(ctx.norm, m.end(), end)) or (
        len(nxt) >= 2
        and ((tag(nxt) or "") in verbal or (len(nxt) > 2 and (tag(nxt[:2]) or "") in (*verbal, "vn")))
    )
    if not acts or not _named(ctx, event) or _unit_and_generic(ctx, event):
        return None
    return (ctx.text[m.start("event") : m.end()], m.start("event"), m.end(), "event.title_named")


# what a headline's meeting does: it is held, opens, closes, starts its classes
_TITLE_EVENT_VERB = re.compile(
    r"(?:隆重|顺利|正式|圆满)?(?:召开|举行|举办|开幕|闭幕|结业|开班|开讲|启动|落幕|在)"
)


def _unit_and_generic(ctx: Context, event: str) -> bool:
    """某局新闻发布会, 某局工作会议 written after a unit: a generic meeting of a named body (a body's standing
    meeting, 市政府常务会议, is named by its body)."""
    pats = _patterns(ctx)
    if pats.standing.match(event):
        return False
    return any(
        pats.generic.match(event[k:]) and re.search(r"[局委办院府厅部会司处队所组]$", event[:k])
        for k in range(2, len(event) - 1)
    )
