"""Lists without numbers: a parallel series of 要-sentences, a semicolon series after a colon, and
paragraphs opening with a short measure."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ....model import Span
from ...context import Context
from .lists import (
    _CN,
    _GOES_ON,
    _SPEECH,
    _TOPIC,
    _YAO_MODAL,
    _YAO_SENTENCE,
    LEAD_CHARS,
    Item,
    Run,
    leading_clause,
)


# ---------------------------------------------------------------------------------------- 要-series
def yao_series(ctx: Context) -> list[Run]:
    """Runs of ≥ 3 consecutive sentences opening with 要 (要…。要…；要…), or 2 announced by a speech verb.

    A run may go on into the next paragraph when that paragraph holds at least two such sentences or
    says it goes on (通知还要求，各部门要… / 在…方面，…要…): a paragraph that continues a parallel series is
    parallel too; a single 要-sentence closing a speech in a paragraph of its own is not part of it.
    One sentence of detail between two 要-sentences of a paragraph does not end the series.
    """
    runs: list[Run] = []
    flags = _yao_flags(ctx, runs)
    per_line: dict[int, int] = {}
    for _, yao, line, _ in flags:
        if yao is not None:
            per_line[line] = per_line.get(line, 0) + 1
    current: list[tuple[Span, int]] = []
    prev_line = None
    gap = False
    for sent, yao, line, lead in flags:
        if yao is None:
            if current and line == prev_line and not gap:
                gap = True
                continue
            _close_series(ctx, runs, current)
            current, gap = [], False
            prev_line = line
            continue
        if current and line != prev_line and (gap or (per_line.get(line, 0) < 2 and not lead)):
            _close_series(ctx, runs, current)
            current = []
        current.append((sent, yao))
        gap = False
        prev_line = line
    _close_series(ctx, runs, current)
    return runs


def _yao_flags(ctx: Context, runs: list[Run]) -> list[tuple[Span, int | None, int, bool]]:
    """(sentence, where its 要 is or None, its paragraph, announced by a speech verb) for every sentence;
    the 要…，要…，要… series inside one sentence go to runs directly."""
    norm = ctx.norm
    line_starts = [ln.start for ln in ctx.lines]
    flags: list[tuple[Span, int | None, int, bool]] = []
    for sent in ctx.sentences:
        line = bisect.bisect_right(line_starts, sent.start) - 1
        clauses = _yao_clauses(norm, sent)
        if clauses:
            runs.append(clauses)
            flags.append((sent, None, line, False))
            continue
        m = _YAO_SENTENCE.match(norm, sent.start, sent.end)
        yao = m.end() - 1 if m else None
        if _INLINE_MARK.search(norm, sent.start, sent.end):
            yao = None  # 要做到“三个坚持”：一是…；二是…: the numbered list is the list
        elif yao is None and _continues_after_semicolon(norm, flags, line):
            yao = sent.start  # 要A；B；C: the items after the semicolons share the one 要
        lead = yao is not None and bool(
            _TOPIC.match(norm, sent.start) or _GOES_ON.search(norm, sent.start, yao)
        )
        flags.append((sent, yao, line, lead))
    return flags


_INLINE_MARK = re.compile(rf"{_CN}[是要](?![求点素案害闻件务员职地塞不么])|第{_CN}[，、：]|首先[，、：]")


def _continues_after_semicolon(norm: str, flags: list[tuple[Span, int | None, int, bool]], line: int) -> bool:
    """A sentence after a ； that ends a 要-sentence (or its continuation) of the same paragraph."""
    if not flags:
        return False
    prev, yao, prev_line, _ = flags[-1]
    return yao is not None and prev_line == line and norm[prev.end - 1] in "；;"


_CLAUSE = re.compile(r"[^，]+")
_YAO_AT = re.compile(_YAO_MODAL)
# who must act, before the first 要 of a comma series (各乡镇各部门要…); never a word ending in 要 (需要, 主要)
_ACTORS_YAO = re.compile(
    r"[^，。；：“”要]{1,16}?(?<![重主需只想纪摘提简概首必次扼紧险不就也还是])" + _YAO_MODAL
)


def _yao_clauses(norm: str, sent: Span) -> Run | None:
    """≥ 3 consecutive comma clauses of one sentence opening with 要 (他说，要…，要…，要…)."""
    if norm.find("要", sent.start, sent.end) < 0:
        return None  # no 要 in the sentence: no clause opens with it
    best: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(norm, sent.start, sent.end):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" "))
        actors = _ACTORS_YAO.match(norm, start, m.end()) if not current else None
        if actors is not None:
            start = actors.end() - 1  # 各部门要A，要B，要C: the ones who must act stand before the first 要
        if _YAO_AT.match(norm[start : start + 2]):
            current.append((start, m.end()))
            if len(current) > len(best):
                best = list(current)
        else:
            current = []
    if len(best) < 3:
        return None
    run = Run("series", "要")
    for start, end in best:
        s, e = leading_clause(norm, start, end)
        run.items.append(Item(s, e, start))
    run.region_end = sent.end
    return run


def _announced(norm: str, start: int, yao: int) -> bool:
    """A speech verb before the first 要 of a series, in its sentence or in the sentence before it in the
    same paragraph (某某强调，学习好…是重大任务。要…。要…。)."""
    line_start = norm.rfind("\n", 0, start) + 1
    return _SPEECH.search(norm, max(line_start, start - LEAD_CHARS), yao) is not None


def _close_series(ctx: Context, runs: list[Run], sentences: list[tuple[Span, int]]) -> None:
    # three 要-sentences make a series; two when a speech verb announces them (他强调，要…。要…。)
    announced = bool(sentences) and _announced(ctx.norm, sentences[0][0].start, sentences[0][1])
    if len(sentences) < (2 if announced else 3):
        return
    run = Run("series", "要")
    for sent, yao in sentences:
        s, e = leading_clause(ctx.norm, yao, sent.end)
        colon = ctx.norm.find("：", yao, sent.end)
        if colon >= 0 and sent.end - colon > 4:
            # 要以“三个更加”为目标：更加突出…； / 要坚持…，做到“三个注重”：注重…；: the 要-clause announces,
            # the item follows the colon
            s, e = leading_clause(ctx.norm, colon + 1, sent.end)
        run.items.append(Item(s, e, sent.start))
    run.region_end = sentences[-1][0].end
    runs.append(run)


# ---------------------------------------------------------------------------------------- lead sentences
_LEAD_SENTENCE = re.compile(r"[^，。；：！？,;:!?\n\d“”]{4,16}[。！]")
MIN_LEAD_SENTENCES = 3


def lead_sentence_series(ctx: Context) -> list[Run]:
    """Paragraphs that each open with a short sentence of their own, a measure stated as a heading
    (严把预算编制关。凡是…… / 深化规划对接。在……): three or more in a row make a series.

    A heading line of its own (a short line without a full stop) between them does not end the series.
    """
    norm = ctx.norm
    runs: list[Run] = []
    current: list[tuple[int, int]] = []
    for line in ctx.lines:
        start = line.start
        while start < line.end and norm[start] in " \t\u3000":
            start += 1
        text = norm[start : line.end].rstrip()
        m = _LEAD_SENTENCE.match(norm, start, line.end)
        if m is not None and len(text) > (m.end() - start) + 10:
            current.append((start, m.end() - 1))
            continue
        if text and len(text) <= 30 and not re.search(r"[。！？；]", text) and current:
            continue  # a heading above the next group
        _close_leads(ctx, runs, current)
        current = []
    _close_leads(ctx, runs, current)
    return runs


def _close_leads(ctx: Context, runs: list[Run], leads: list[tuple[int, int]]) -> None:
    if len(leads) < MIN_LEAD_SENTENCES:
        return
    run = Run("series", "lead")
    for s, e in leads:
        run.items.append(Item(s, e, s))
    run.region_end = leads[-1][1]
    runs.append(run)


# ---------------------------------------------------------------------------------------- colon series
# a lead-in, a colon, then three or more short clauses parted by semicolons, closing the sentence:
# 下一步，将重点抓好以下工作：完善…；健全…；推动…。 The items carry no figures (a list of results,
# 共检查…家；立案…起, is not a list of measures).
_COLON_SERIES = re.compile(r"：(?P<items>[^：。！？\n]{8,}?)[。！]")
_FIGURE_IN_ITEM = re.compile(r"\d|[一二三四五六七八九十百千万]+(?:[个名人件起家次项条]|万|亿)")
MIN_COLON_ITEMS = 3
MAX_ITEM_CHARS = 40


def colon_series(ctx: Context, lead_is_requirement: Callable[[str], bool]) -> list[Run]:
    """Semicolon series after a colon whose lead-in announces requirements or measures (lead_is_requirement
    judges the words before the colon: 下一步, 要求, 措施 … or a modal 要/将 with a directive)."""
    norm = ctx.norm
    runs: list[Run] = []
    for line in ctx.lines:
        for m in _COLON_SERIES.finditer(norm, line.start, min(line.end, ctx.content_end)):
            parts = _semicolon_parts(norm, m.start("items"), m.end("items"))
            if len(parts) < MIN_COLON_ITEMS:
                continue
            if any(e - s > MAX_ITEM_CHARS or _FIGURE_IN_ITEM.search(norm, s, e) for s, e in parts):
                continue
            if _INLINE_MARK.search(norm, m.start("items"), m.end("items")):
                continue  # a numbered list (一是…；二是…) is read as such
            lead_start = max(line.start, norm.rfind("。", line.start, m.start()) + 1)
            if not lead_is_requirement(norm[lead_start : m.start()]):
                continue
            run = Run("series", "：")
            for s, e in parts:
                a, b = leading_clause(norm, s, e)
                run.items.append(Item(a, b, s))
            run.region_end = m.end()
            runs.append(run)
    return runs


def _semicolon_parts(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    pos = start
    for m in re.finditer(r"[；;]", norm[start:end]):
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    return [(s, e) for s, e in parts if e - s >= 2]
