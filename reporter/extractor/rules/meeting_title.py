"""event from the headline: a headline (or its kicker line) that begins with a named meeting or forum."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...model import Found
from ..context import Context
from .acting import is_noise
from .meeting import _NP, _REQUIRED, _first, _in_list_item, _named, _patterns


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


# ---- round 3: a campaign carried out (开展…专项整治) or laid down in a plan (印发《…行动实施方案》) ----

# what ends a campaign's name beside the 行动 words of templates/meeting_words.txt: a drill, an inspection,
# an assessment or a contest of skills an organ carries out (开展2015年某某分类监管考核, 组织开展实战大比武)
_EXERCISE = ("应急演练", "演练", "演习", "明察暗访", "考核", "大比武", "比武", "大练兵")


def _carried_patterns(ctx: Context) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cached = ctx.__dict__.get("_carried_patterns")
    if cached is None:
        cached = _carried_build(str(getattr(ctx.lexicon, "meeting_words", "") or "") or None)
        ctx.__dict__["_carried_patterns"] = cached
    return cached


@lru_cache(maxsize=8)
def _carried_build(path: str | None) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from ..lexicon import read_word_table
    from .meeting import _alt

    words = read_word_table(path).get("行动", ("专项行动", "专项斗争"))
    end = f"{_alt((*words, *_EXERCISE))}(?:行动)?"
    return (
        re.compile(
            r"(?:组织|部署|集中|全面|深入)?开展(?:了)?(?:为期[^，。；]{1,8}?的)?"
            rf"(?P<event>{_NP}{{2,40}}?{end})(?=[，。；、\s（(]|$|的|以来|中|期间|见闻|工作)"
        ),
        re.compile(rf"《(?P<event>[^》\n]{{4,40}}?{end})(?:实施方案|工作方案|方案)》"),
        re.compile(f"{end}$"),
    )


# 开展14项专项行动, 三轮集中整治: a count of campaigns, not a campaign's name
_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百两]+)(?:项|个|次|场|轮|批|大)")

# a clause about what is to come or was done before: 要开展, 将开展, 下一步, 去年开展
_NOT_NOW = re.compile(r"将|拟|计划|下一步|去年|此前|曾")


def carried_out_event(ctx: Context) -> tuple[str, int, int, str] | None:
    """The campaign a headline or lead says a unit carries out (某局开展某某专项整治行动, 组织开展2021年防汛
    应急演练) or a plan it issues is for: the headline's name, or the lead's fuller writing of it."""
    carried, plan, _ = _carried_patterns(ctx)
    best = None
    for m in sorted(_first(ctx, carried, lines=8) + _first(ctx, plan, lines=8), key=lambda m: m.start()):
        clause = max(ctx.norm.rfind(c, 0, m.start()) for c in "，。；！？\n") + 1
        if _in_list_item(ctx, m.start()) or _REQUIRED.match(ctx.norm, clause, m.start()):
            continue
        if _NOT_NOW.search(ctx.norm, clause, m.start()):
            continue
        event = m["event"]
        if len(event) < 6 or _COUNTED.match(event) or not _named(ctx, event):
            continue
        if best is None or (
            len(event) > len(best[0])
            and (fuller_writing(best[0], event) or fuller_writing(best[0], event.removesuffix("行动")))
        ):
            best = (
                ctx.text[m.start("event") : m.end("event")],
                m.start("event"),
                m.end("event"),
                "event.carried_out",
            )
    return best


def fuller_writing(short: str, full: str) -> bool:
    """The same meeting written more fully (上半年工作总结会 → 2024年上半年某某工作总结暨下半年工作部署会)."""
    if full.endswith(short[-4:]) and short[-6:] in full:
        return True
    it = iter(full)
    return len(short) >= 5 and all(ch in it for ch in short) and full[-1] == short[-1]


# 以“某某”行动为抓手，推进某某专项斗争: the named action is a means of another campaign
_MEANS = re.compile(r"为(?:抓手|载体|牵引|突破口|契机|依托|切入点|主线)")


def not_the_event(ctx: Context, m: re.Match[str]) -> bool:
    """A named action written as a means of another campaign (以…为抓手，推进…专项斗争) or in a clause about
    the past or what is to come."""
    if ctx.norm.startswith("以", m.start()) and _MEANS.match(ctx.norm, m.end()):
        # …，深入推进某某专项斗争: the sentence goes on to the campaign the action serves
        stop = min((ctx.norm.find(c, m.end()) % (len(ctx.norm) + 1) for c in "。；！？\n"), default=m.end())
        if _patterns(ctx).campaign.search(ctx.norm, m.end(), stop):
            return True
    return not_now(ctx, m.start())


def not_now(ctx: Context, pos: int) -> bool:
    """Whether the clause before pos speaks of the past or of what is to come (去年, 将, 下一步)."""
    clause = max(ctx.norm.rfind(c, 0, pos) for c in "，。；！？\n") + 1
    return bool(_NOT_NOW.search(ctx.norm, clause, pos))


# the place or organ that carries a campaign out, written before its name in a headline (某县扫黑除恶专项斗争,
# 某市检察机关“某某”专项行动)
_ACTOR_PREFIX = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|旗|镇|乡)(?:[\u4e00-\u9fff]{0,6}?(?:机关|局|院|委|厅|部门))?"
)


def without_actor(ctx: Context, found: Found) -> Found:
    """A campaign's name with its actor in front, when the report also writes the name without it: the
    name alone (the actor is the organizer's business)."""
    value = str(found.value)
    m = _ACTOR_PREFIX.match(value)
    rest = value[m.end() :] if m else ""
    if m is None or len(rest) < 6 or not _carried_patterns(ctx)[2].search(rest):
        return found
    span = found.evidence.span
    for hit in re.finditer(re.escape(rest), ctx.norm[: ctx.content_end]):
        if ctx.norm[max(0, hit.start() - m.end()) : hit.start()] != value[: m.end()]:
            return ctx.hit(
                ctx.text[span.start + m.end() : span.end], span.start + m.end(), span.end, found.rule
            )
    return found


def with_season(ctx: Context, lo: int, start: int) -> int:
    """Where a campaign's name starts when a season or period of the year opens it (夏季…专项行动, 冬春…专项
    整治, 暑期…专项整治): the walk back over the name's noun phrase stops at time words, but such a word
    written right before the name, not cut off by a verb or a comma, is part of it. lo: how far back to look."""
    from ..lexicon import load_lexicon

    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    season = _season_pattern(str(getattr(lexicon, "meeting_words", "") or "") or None)
    m = season.search(ctx.norm, lo, start)
    return m.start() if m else start


@lru_cache(maxsize=8)
def _season_pattern(path: str | None) -> re.Pattern[str]:
    from ..lexicon import read_word_table
    from .meeting import _alt

    # the 时令 words of templates/meeting_words.txt, ending where the rest of the name begins
    return re.compile(_alt(read_word_table(path).get("时令", ("春季", "夏季", "秋季", "冬季"))) + "$")
