"""Tidying the picked figures: places that tell equal names apart, one entry per figure said twice."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ....model import Metric
from ...context import Context
from ...numbers import parse_number
from ...scan import matches_from
from .grammar import _DEATH_INJURY, _PLACE, _QUAKE, _strip_time, _unit_class
from .tokens import Clause, Token
from .words import MetricWords


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.6


def _disambiguate_places(picked: list[tuple[Token, Metric]]) -> list[tuple[Token, Metric]]:
    """One name in several sentences about different places (倒塌房屋 87户 / 普鲁村 57户 / 策勒县 30户):
    prefix the place each sentence is about, so the ledger rows can be told apart."""
    groups: dict[str, list[int]] = {}
    for i, (_, m) in enumerate(picked):
        groups.setdefault(m.name, []).append(i)
    out = list(picked)
    for idx in groups.values():
        topics = {picked[i][0].topic for i in idx}
        if len(idx) < 2 or len(topics) < 2:
            continue
        for i in idx:
            tok, m = picked[i]
            if tok.topic and not m.name.startswith(tok.topic):
                out[i] = (tok, Metric(name=tok.topic + m.name, value=m.value, unit=m.unit))
    return out


def _dedupe(picked: list[tuple[Token, Metric]]) -> list[tuple[Token, Metric]]:
    """The same figure said twice (headline and body, 16.3万人 and 16.3万名): keep the body's.

    A headline figure that the body states too is the body's figure, whatever words the headline uses.
    """
    order = sorted(range(len(picked)), key=lambda i: (picked[i][0].heading, picked[i][0].start))
    kept: list[int] = []
    for i in order:
        tok, m = picked[i]
        dup = False
        for j in kept:
            t2, m2 = picked[j]
            if m2.value != m.value or _unit_class(m2.unit) != _unit_class(m.unit):
                continue
            if tok.heading and not t2.heading and tok.rule != "metrics.change":
                dup = True  # a headline figure the body states too
                break
            if t2.topic == tok.topic and _similar(m.name, m2.name):
                dup = True
                break
        if not dup:
            kept.append(i)
    return [picked[i] for i in sorted(kept, key=lambda i: picked[i][0].start)]


def _topic(
    ctx: Context, words: MetricWords, results: list[tuple[Token, Metric]], clauses: list[Clause]
) -> str:
    """The place a sentence of figures is about: 青山县 in 青山县山区三乡受灾1200户…，倒塌房屋18户…"""
    if not results:
        return ""
    first = results[0][0]
    clause = next((c for c in clauses if c.start <= first.start < c.end), None)
    if clause is None:
        return ""
    text = _strip_time(words, ctx.norm[clause.start : first.start])
    m = _PLACE.match(text)
    return m.group() if m else ""


_DIGIT = re.compile(r"\d")  # where 2死4伤 and 7.3级地震 begin (scan.matches_from)


def _special(ctx: Context, s: int, e: int, heading: bool, si: int) -> list[tuple[Token, Metric]]:
    """Fixed idioms of incident reports: 2死4伤 (2 dead, 4 injured), 7.3级地震."""
    out = []
    for m in matches_from(_DEATH_INJURY, _DIGIT, ctx.norm, s, e):
        for group, name in (("d", "死亡"), ("i", "受伤")):
            if m[group]:
                t = Token(
                    m.start(group),
                    m.end(group) + 1,
                    int(m[group]),
                    "人",
                    False,
                    False,
                    "cand",
                    accepted=True,
                    rule="metrics.casualties",
                    heading=heading,
                    sentence=si,
                )
                out.append((t, Metric(name=name, value=int(m[group]), unit="人")))
    for m in matches_from(_QUAKE, _DIGIT, ctx.norm, s, e):
        value = parse_number(m["num"])
        if value is not None:
            t = Token(
                m.start(),
                m.end("num") + 1,
                value,
                "级",
                False,
                False,
                "cand",
                accepted=True,
                rule="metrics.earthquake",
                heading=heading,
                sentence=si,
            )
            out.append((t, Metric(name="地震", value=value, unit="级")))
    return out
