"""分别 distributions: A、B、C分别为1、2、3个 gives three metrics, each value to its name, in order.

Reports list the things first and the values after 分别 (respectively):

    甲、乙、丙三类案件分别为12起、8起和5起        → 甲 12 起, 乙 8 起, 丙三类案件 … (names split at 、/和)
    城镇、农村居民人均收入分别达3.4万元和2.3万元   → 城镇居民人均收入, 农村居民人均收入 (the shared head)
    较上年分别增加6853元、7146元                 → the names of the distribution before, with the verb

Only when the names and the values are as many does the strategy decide; otherwise the token is left to
the other strategies (a single name with several values, 分别 with nothing listed before it).

均 gives one value to every thing listed before it (甲、乙两项指标均达95% → 甲 95 %, 乙 95 %).
"""

from __future__ import annotations

import re

from ...context import Context
from .grammar import _clean_name, _cut_markers, _strip_time
from .tokens import Clause, Token
from .words import MetricWords

RULE = "metrics.fenbie_distribution"
# 分别 with its copula or verb: 分别为 / 分别达到 / 分别增加 …
_FENBIE = re.compile(r"分别(?P<verb>为|是|达到|达|有|占|增加|增长|减少|新增|完成|实现|超过|突破)?(?:了)?$")
_LIST_SEP = re.compile(r"^(?:、|和|及|与|，|以及)$")
_PART_SEP = re.compile(r"、|和|及|与|以及")
_CHANGE_VERBS = ("增加", "增长", "减少", "新增")
EACH_RULE = "metrics.each_of_list"
# 均 with its copula: 均达 / 均达到 / 均为 / 均超过 (each of the things listed has the value)
_EACH = re.compile(r"(?:已|也)?均(?:已)?(?:为|是|达到|达|超过|超|保持在|在)$")


def _values(toks: list[Token], first: int, clause_end: int, norm: str) -> list[Token]:
    """The run of candidate tokens from toks[first] joined by 、/和/及 within the clause."""
    run = [toks[first]]
    for t in toks[first + 1 :]:
        if t.kind != "cand" or t.reject or t.start >= clause_end:
            break
        if not _LIST_SEP.match(norm[run[-1].end : t.start].strip()):
            break
        run.append(t)
    return run


def _names(words: MetricWords, text: str, count: int) -> list[str]:
    """count names from the words before 分别 (城镇、农村居民人均收入 → two names with a shared head)."""
    text = _clean_name(words, _strip_time(words, _cut_markers(words, _strip_time(words, text))))
    parts = [p for p in _PART_SEP.split(text) if p]
    if len(parts) != count or count < 2:
        return []
    last = parts[-1]
    parts = [p.rsplit("的", 1)[-1] or p for p in parts[:-1]] + [last]  # 两个片区的城镇、农村…: 城镇
    short = [p for p in parts[:-1] if len(p) <= 3]
    if len(short) == len(parts) - 1 and len(last) >= len(parts[0]) + 2:
        head = last[len(parts[0]) :]  # 城镇、农村居民人均收入: 城镇 takes 居民人均收入
        return [p + head for p in parts[:-1]] + [last]
    tail = _STAT_TAIL.search(last)
    if (
        tail is not None
        and len(last) > len(tail.group()) + 1
        and not any(_STAT_TAIL.search(p) for p in parts[:-1])
    ):
        # 甲样品、乙样品铅含量分别为…: the statistic written once at the end is each item's
        return [p + tail.group() for p in parts[:-1]] + [last]
    return parts


_STAT_TAIL = re.compile(
    r"[\u4e00-\u9fff]?(?:含量|浓度|指数|比例|比重|总量|数量|人数|金额|面积|产值|收入|率)$"
)


def _each(words: MetricWords, norm: str, tok: Token, clause: Clause) -> bool:
    """甲、乙均达95%: the one value of every name listed before 均 (the first name on the token, the
    others in tok.also); only when the clause holds no other figure and the list has 2–4 names."""
    before = norm[clause.start : tok.start]
    m = _EACH.search(before)
    if m is None or not _PART_SEP.search(before[: m.start()]):
        return False
    text = _clean_name(words, _strip_time(words, _cut_markers(words, before[: m.start()])))
    parts = [p for p in _PART_SEP.split(text) if p]
    if not 2 <= len(parts) <= 4 or any(not 2 <= len(p) <= 16 or re.search(r"\d", p) for p in parts):
        return False
    tok.name, tok.also, tok.accepted, tok.rule = parts[0], tuple(parts[1:]), True, EACH_RULE
    return True


# 分别 + a result verb and its thing: 甲、乙、丙分别查处案件12件、8件和5件
_FENBIE_ACT = re.compile(r"分别(?P<act>[\u4e00-\u9fff“”]{2,14}?)(?:了)?$")


def _acted(
    words: MetricWords, norm: str, toks: list[Token], i: int, clause: Clause, act: re.Match
) -> list[str]:
    """甲、乙分别查处案件12件、8件: each value is the act of one listed thing; with no list as long as the values
    (三地分别…) each value is named by the act alone. Returns the names given."""
    run = _values(toks, i, clause.end, norm)
    if len(run) < 2:
        return []
    thing = _clean_name(words, act.group("act"))
    names = _names(words, norm[clause.start : clause.start + act.start()], len(run))
    names = [n + thing for n in names] if names else [thing] * len(run)
    verb = words.verb_re.match(thing)
    for t, name in zip(run, names, strict=True):
        t.name, t.verb, t.accepted, t.rule = name, verb.group() if verb else "", True, RULE
    return names


def distribute(
    ctx: Context, words: MetricWords, toks: list[Token], clauses: list[Clause], previous: list[str]
) -> list[str]:
    """Name the tokens of every 分别 list in the sentence; returns the names used (for the next list)."""
    norm = ctx.norm
    for i, tok in enumerate(toks):
        if tok.kind != "cand" or tok.reject or tok.accepted or tok.clause < 0:
            continue
        clause = clauses[tok.clause]
        before = norm[clause.start : tok.start]
        m = _FENBIE.search(before)
        act = _FENBIE_ACT.search(before) if m is None else None
        if act is not None and words.verb_re.match(act.group("act")):
            previous = _acted(words, norm, toks, i, clause, act) or previous
            continue
        if m is None:
            _each(words, norm, tok, clause)
            continue
        run = _values(toks, i, clause.end, norm)
        names = _names(words, before[: m.start()], len(run))
        verb = m.group("verb") or ""
        if not names and previous and len(previous) == len(run) and verb in _CHANGE_VERBS:
            names = [p + verb for p in previous]  # 较上年分别增加…: the things of the list before
        if not names:
            continue
        for t, name in zip(run, names, strict=True):
            t.name, t.accepted, t.rule = name, True, RULE
        previous = names
    return previous
