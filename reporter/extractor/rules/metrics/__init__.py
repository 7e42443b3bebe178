"""metrics (工作数据): the counted results of the reported work, as reports write them.

A metric is a number with its 量词 (820起, 16.3万人, 56.1亿元, 7.6%) and the counted thing with its
result verb as written beside it (破获案件, 抓获犯罪嫌疑人). Reports put the thing on either side:

    名称在前  共破获案件315起 / 扣押挖掘机3台、货车5台 / 受理审查起诉210件296人 / 就业率达95.1%
    数字在前  对23人采取刑事强制措施 / 培训了150多名网格员 / 4人已被批捕 / 将3名被困群众救出
    从…到…    警情总量从2021年的5.2万起降到2024年的3.9万起

Rises and falls are their own entries, signed: 刑事发案4120起同比下降5.3% → 刑事发案同比 -5.3 %;
同比分别上升12.5%、40.2% goes to the metrics before it, in order. 万/亿 are resolved on the number
span only; approximation words (余, 多, 近, 约, 超过) are dropped. Not metrics: dates, durations
(为期三年), ordinals (第一批), anniversaries (70周年), ages, numbers inside names (“8·20”, 6号行动),
ranges and norms (3至6名, 不少于2次, 每百户), the indefinite 一 (一起事故, 一名民警), counts of
agenda items (三点要求, 三个乡镇做了交流发言) and background counts without a result verb
(298栋楼宇, 共有7乡1镇). The word lists live in templates/metric_words.txt, so users can extend them.
"""

from __future__ import annotations

import re

from ....model import Found, Metric, Span
from ...context import Context
from .. import rule
from .changes import _find_changes, _resolve_changes
from .distribution import distribute
from .grammar import _CN_DIGITS, _shorten
from .naming import _name_token
from .plans import cited_accident
from .tidy import _dedupe, _disambiguate_places, _special, _topic
from .tokens import Clause, Token, _clauses, _heading_line, _tokens
from .words import MetricWords, metric_words, read_metric_words

__all__ = ["MetricWords", "metric_words", "metrics", "read_metric_words"]


@rule("metrics")
def metrics(ctx: Context) -> list[Found]:
    """Every counted result of the report, with its name, value and unit, in text order."""
    words = metric_words(ctx)
    picked: list[tuple[Token, Metric]] = []
    for si, sent in enumerate(ctx.sentences):
        if cited_accident(ctx, si):
            continue  # 某地发生事故，造成31人死亡，教训深刻: a lesson cited, not this report's figures
        for piece in _bounded(ctx.norm, sent):
            if _NUMERAL.search(ctx.norm, piece.start, piece.end):  # (cheap) no numeral, no figure
                picked.extend(_sentence_metrics(ctx, words, piece, si))
    picked = _disambiguate_places(picked)
    picked = _dedupe(picked)
    out = []
    for tok, metric in picked:
        indicator = ctx.schema.indicator_for(metric.name)
        if indicator:  # also when the written name is the indicator itself, so ledgers can total it
            metric = Metric(name=metric.name, value=metric.value, unit=metric.unit, indicator=indicator)
        out.append(ctx.hit(metric, tok.start, tok.end, tok.rule))
    return out


# every figure holds a numeral: the numbers of words.token_re, of 同比 changes and of the idioms (2死4伤)
_NUMERAL = re.compile(rf"[\d{_CN_DIGITS}]")

MAX_SENTENCE = 1200  # characters; real sentences are far shorter, a run-on "sentence" is cut at commas


def _bounded(norm: str, sent: Span) -> list[Span]:
    """The sentence, or for a run-on text without full stops, pieces of it cut at commas, so the
    work per sentence stays bounded however long the text is."""
    if sent.end - sent.start <= MAX_SENTENCE:
        return [sent]
    pieces = []
    start = sent.start
    while sent.end - start > MAX_SENTENCE:
        cut = max(norm.rfind(c, start + MAX_SENTENCE // 2, start + MAX_SENTENCE) for c in "，,、%")
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, sent.end))
    return pieces


def _sentence_metrics(ctx: Context, words: MetricWords, sent: Span, si: int) -> list[tuple[Token, Metric]]:
    norm = ctx.norm
    s, e = sent.start, sent.end
    heading = _heading_line(ctx, s)
    toks = _tokens(ctx, words, s, e)
    clauses = _clauses(norm, s, e)
    for t in toks:
        t.heading, t.sentence = heading, si
        t.clause = next((ci for ci, c in enumerate(clauses) if c.start <= t.start < c.end), -1)
    distribute(ctx, words, toks, clauses, [])
    changes = _find_changes(norm, toks, s, e)
    results: list[tuple[Token, Metric]] = list(_special(ctx, s, e, heading, si))
    for i, tok in enumerate(toks):
        if tok.kind != "cand" or tok.reject:
            continue
        if heading and tok.approx:
            tok.reject = "标题中的约数"  # headlines round the body's figures
            continue
        clause = clauses[tok.clause] if tok.clause >= 0 else Clause(s, e)
        if not tok.accepted:
            _name_token(ctx, words, toks, i, clause, clauses)
        if tok.accepted and tok.name and not _garbled(tok.name):
            tok.name = tok.name if tok.doers else _shorten(words, tok.name, tok.verb)
            results.append((tok, Metric(name=tok.name, value=tok.value, unit=tok.unit)))
            for other in tok.also:  # 甲、乙均达95%: the same figure for each thing listed
                name = _shorten(words, other, tok.verb)
                results.append((tok, Metric(name=name, value=tok.value, unit=tok.unit)))
    results.extend(_resolve_changes(ctx, words, toks, clauses, changes, s))
    results.sort(key=lambda r: r[0].start)
    topic = _topic(ctx, words, results, clauses)
    for tok, _ in results:
        tok.topic = topic
    return results


# symbols of forms, specifications and tables (★, ≥, 【】) and brackets left open: the "name" is a piece of a
# layout, not the counted thing of a sentence
_LAYOUT = re.compile(r"[★☆≥≤<>＜＞【】|｜]")


def _garbled(name: str) -> bool:
    """A name no clerk would write: layout symbols, or a bracket opened and not closed (亡1827人 names 亡)."""
    if _LAYOUT.search(name):
        return True
    return name.count("（") + name.count("(") != name.count("）") + name.count(")")
