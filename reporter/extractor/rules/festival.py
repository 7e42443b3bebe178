"""event and location of a festival, a fair or a contest: how reports write that one opened.

Local news writes a festival, an expo or a games as a named thing that opens at a place, often with the body
that holds it in a 由…主办的 phrase before the name:

- "（由某县人民政府主办的）2025某某开采节在某乡某茶园开幕"        → event, location
- "第三届某某文化旅游节暨农产品展销会在某广场隆重举行"            → event, location
- "某县举办首届某某马拉松" / "举行2025年某某技能大赛"              → event
- "为期四天的某某博览会在某会展中心闭幕"                          → event, location (a closing is told the same way)

The words that end such names are the 节会 words of templates/meeting_words.txt. A name ending in 节 alone
is taken only in these frames and when it is five characters or more, and never a day of the calendar
(春节, 中秋节): those are times, not events.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..context import Context
from ..lexicon import load_lexicon, read_word_table

# the body that holds it, written before the name: 由某县人民政府主办的, 由某局承办的
_HELD_BY = r"(?:由[^，。；：！？\n]{2,30}?(?:主办|承办|举办|指导|联合主办|共同主办)的)?"
_OPENS = r"(?:隆重|正式|盛大|顺利|圆满)?(?:开幕|启幕|开园|开赛|开节|开跑|举行|举办|拉开帷幕|揭幕|闭幕|落幕)"
# in every match of the opened pattern, which neither crosses a line end nor looks around (for _first's tail)
_OPENS_TAIL = re.compile(_OPENS)
# a time or a duration written at the head of the clause, before the name (为期四天的)
_TIME_HEAD = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|[上下]午|晚上?|近日|日前|昨天|今天|昨日|今日|当天|近期|\d{1,2}时|"
    r"为期[^，。；]{1,8}?的|本届|此次|这次)+"
)
# days of the calendar, which end in 节 and are no festival of a place
_CALENDAR_DAYS = (
    "春节",
    "中秋节",
    "端午节",
    "元宵节",
    "清明节",
    "国庆节",
    "劳动节",
    "儿童节",
    "重阳节",
    "七夕节",
)
# common words that end in 节 and name no festival (环节, 季节, 时节)
_NOT_FESTIVAL = ("环节", "细节", "季节", "章节", "情节", "礼节", "关节", "时节", "小节", "调节")


@lru_cache(maxsize=8)
def _build(path: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    from .meeting import _NP, _alt

    words = read_word_table(path).get("节会", ("节", "博览会", "运动会"))
    fest = _alt(words)
    opened = re.compile(
        rf"{_HELD_BY}(?P<event>{_NP}{{2,40}}?{fest})(?:于\S{{1,12}}?)?"
        rf"(?:在(?P<loc>[^，。；：！？\n]{{2,40}}?))?{_OPENS}"
    )
    holds = re.compile(rf"(?:举办|举行|启动)(?:了)?(?P<event>{_NP}{{2,40}}?{fest})(?=[，。；、\s（(]|$)")
    return opened, holds


def _patterns(ctx: Context) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "meeting_words", None)
    return _build(str(path) if path else None)


def _a_name(event: str) -> bool:
    """A festival's or fair's own name: long enough, not a day of the calendar, not a kind alone."""
    if len(event) < 5 or event.endswith(_CALENDAR_DAYS + _NOT_FESTIVAL) or "期间" in event:
        return False
    return not re.match(r"^(?:一场|一次|本次|这次|此次|该|各类|系列)", event)


def festival_frame(
    ctx: Context,
) -> tuple[tuple[str, int, int, str], tuple[str, int, int, str] | None] | None:
    """The festival the headline or lead says opened (event.opened), with where it opened
    (location.opened_at) when the sentence says so."""
    from .meeting import _first

    opened, holds = _patterns(ctx)
    found = sorted(
        _first(ctx, opened, lines=8, tail=_OPENS_TAIL) + _first(ctx, holds, lines=8), key=lambda m: m.start()
    )
    for m in found:
        event = m["event"]
        head = _TIME_HEAD.match(event)
        start = m.start("event") + (head.end() if head else 0)
        event = ctx.norm[start : m.end("event")]
        if not _a_name(event):
            continue
        where = None
        if m.re is opened and m["loc"]:
            where = (
                ctx.text[m.start("loc") : m.end("loc")],
                m.start("loc"),
                m.end("loc"),
                "location.opened_at",
            )
        return (ctx.text[start : m.end("event")], start, m.end("event"), "event.opened"), where
    return None


def step_festival(ctx: Context, frame: dict[str, tuple[str, int, int, str]]) -> None:
    """ "（由ORG主办的）某某节在LOC开幕" → event.opened, location.opened_at: a step of the meeting frame."""
    found = None if "event" in frame else festival_frame(ctx)
    if found:
        frame["event"] = found[0]
        if found[1]:
            frame.setdefault("location", found[1])
