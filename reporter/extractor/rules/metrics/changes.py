"""同比/环比: rises and falls are their own entries, signed, named after what rose or fell."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....model import Metric
from ...context import Context
from ...numbers import parse_number
from .grammar import (
    _CHANGE_RE,
    _CHANGE_VALUE,
    _NEGATIVE,
    _clean_name,
    _cut_markers,
    _drop_acting_head,
    _strip_time,
)
from .tokens import Clause, Token, _heading_line
from .words import MetricWords

# every match of _CHANGE_RE holds one of these (its dir, base2 + dir2 or rate part): a quick test first
_CHANGE_WORD = re.compile(
    r"上升|增长|增加|提高|上涨|提升|攀升|下降|减少|降低|回落|下滑|下跌|比增|比降|比减|降幅|增幅|涨幅|增速|下降率"
)


@dataclass
class Change:
    """同比下降5.3% / 同比分别上升12.5%、40.2% / 较去年同期减少96起 / 降幅为8.4%."""

    start: int
    comparison: str  # 同比, 较上年 …; '' when the text gives none
    sign: int
    values: list[tuple[int, int, int | float, str]]  # (start, end, value, unit)
    rate: bool = False  # 降幅为11.2%: the change of the thing before


def _find_changes(norm: str, toks: list[Token], s: int, e: int) -> list[Change]:
    """Rises and falls in a sentence; the numbers they hold are not metrics of their own."""
    out: list[Change] = []
    by_start = {t.start: t for t in toks}
    if not _CHANGE_WORD.search(norm, s, e):
        return out  # no word of a change in the sentence: _CHANGE_RE (slow to try everywhere) finds nothing
    for m in _CHANGE_RE.finditer(norm, s, e):
        values: list[tuple[int, int, int | float, str]] = []
        p = m.end()
        while True:
            v = _CHANGE_VALUE.match(norm, p)
            if not v:
                break
            value = parse_number(v["num"])
            if value is not None:
                values.append((v.start(), v.end("unit"), value, v["unit"]))
            p = v.end()
            if p < e and norm[p] in "、和及，" and _CHANGE_VALUE.match(norm, p + 1):
                p += 1
                continue
            break
        tok = by_start.get(m.end())
        if (
            not values
            and m["base"]
            and tok is not None
            and tok.kind == "cand"
            and not tok.reject
            and not tok.accepted
        ):
            values.append((tok.start, tok.end, tok.value, tok.unit))  # 较去年同期减少213起
        if not values:
            continue
        rate = bool(m["rate"])
        sign = -1 if (m["dir"] or m["dir2"] or m["rate"] or "") in _NEGATIVE else 1
        out.append(Change(m.start(), m["base"] or ("同比" if m["base2"] else ""), sign, values, rate))
        for start, *_ in values:
            if start in by_start:
                by_start[start].kind = "change"
    return out


def _resolve_changes(
    ctx: Context, words: MetricWords, toks: list[Token], clauses: list[Clause], changes: list[Change], s: int
) -> list[tuple[Token, Metric]]:
    out: list[tuple[Token, Metric]] = []
    comparison, last_at = "", -1
    last_bases: list[str] = []
    for ch in changes:
        clause = next((c for c in clauses if c.start <= ch.start < c.end), None)
        if clause is not None and any(w in ctx.norm[clause.start : clause.end] for w in words.plans):
            continue  # 力争破案率提升5个百分点: a target
        # 信访总量同比下降15.3%，越级访下降22.1%: the comparison carries on through the sentence
        comparison = ch.comparison or comparison
        c = comparison
        suffix = (
            "环比" if c.startswith("环比") or "上月" in c or "上周" in c else "同比"
        )  # the spec names every rise or fall so
        if ch.rate and last_bases and not _named_between(toks, last_at, ch.start):
            bases = last_bases[-1:] * len(ch.values)
        else:
            bases = _change_bases(ctx, words, toks, clauses, ch.start, len(ch.values), s)
            if not bases and last_bases and not _named_between(toks, last_at, ch.start):
                bases = last_bases[-1:] * len(ch.values)  # 较去年同期减少12人，下降15.4%: the same thing
        for base, (start, end, value, unit) in zip(bases, ch.values, strict=False):
            if not base:
                continue
            signed = _tidy_sign(value, ch.sign)
            t = Token(
                start,
                end,
                signed,
                unit,
                False,
                False,
                "change",
                accepted=True,
                rule="metrics.change",
                heading=_heading_line(ctx, start),
            )
            out.append((t, Metric(name=base + suffix, value=signed, unit=unit)))
        if bases:
            last_bases, last_at = bases, ch.values[-1][1]
    return out


def _named_between(toks: list[Token], a: int, b: int) -> bool:
    return any(a <= t.start < b and t.accepted and t.name for t in toks)


def _tidy_sign(value: float, sign: int) -> float:
    return value * sign


def _change_bases(
    ctx: Context, words: MetricWords, toks: list[Token], clauses: list[Clause], at: int, count: int, s: int
) -> list[str]:
    """What rose or fell: the words before 同比, or else the metrics just before it, in order."""
    norm = ctx.norm
    clause = next((c for c in clauses if c.start <= at < c.end), None)
    start = clause.start if clause else s
    earlier = [t for t in toks if t.end <= at and t.kind in ("cand", "change")]
    if earlier and earlier[-1].end > start:
        start = earlier[-1].end
    text = _strip_time(words, _cut_markers(words, _strip_time(words, norm[start:at].strip())))
    text = re.sub(r"(?:连续\S{1,2}年|已经|已|均|都|也|则|仍)$", "", text)
    # 较上年同期办理数量增长…: what it is compared with is not part of the name
    text = re.sub(r"^(?:较|比|与)(?:\d{4}年|上年|去年|上月|前一年)(?:同期)?(?:相比)?", "", text)
    text = _clean_name(words, text)
    if clause is not None and start == clause.start:
        text = _drop_acting_head(text)  # 区公安分局110接警量同比下降…: the organ at the clause head acted
    if not text:
        named = [t for t in earlier if t.kind == "cand" and t.accepted and t.name]
        if len(named) < count:
            return []
        return [t.name for t in named[-count:]]
    if count == 1:
        return [text]
    parts = [p for p in text.split("、") if p]
    if len(parts) == count - 1:
        last = re.split(r"和|及|与", parts[-1], maxsplit=1)
        parts = parts[:-1] + last  # 立案数、涉案金额和涉及人员
    if len(parts) == count and all(len(p.rsplit("的", 1)[-1]) >= 2 for p in parts):
        return [_clean_name(words, p) for p in parts]
    return [text] * count  # 国道的客、货车通行量同比分别增长…: one shared name


# ------------------------------------------------------------------------------------------ tidy up
