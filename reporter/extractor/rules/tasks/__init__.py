"""tasks (工作要求): the items of a list of requirements, deployments or measures.

One item per entry of the list, as its leading clause (up to the first comma or full stop), without
the marker and without a leading 要. The lists a report writes:

- inline markers inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…, 其一，…其二，…,
  首先，…其次，…（再次，…）最后，…
- numbered lines or headings: 一、 （一） 1. 1、 （1） 1） ① (Word auto-numbering is already in the text);
- a parallel series of sentences opening with 要 (要全力推进…。各部门要…。通知还要求，…要…), two when a
  speech verb announces them, and the items after the semicolons of one 要-sentence (要A，…；B，…；C，…)
  (series.py);
- paragraphs that each open with a short sentence of their own (严把预算编制关。……), three or more in a row;
- three or more short clauses parted by semicolons after a colon whose lead-in announces requirements
  (下一步，将…：完善…；健全…；推动…。), without figures in them (series.py colon_series).

What makes a run of markers a list: the numbers start at 一/1 and go up by one, with at least two items.
What keeps a list out:
- the lead-in (the words just before the first item) names something that is not a requirement
  (议程, 存在问题, 取得成效, 附件 …: templates/task_words.txt, category 非要求);
- numbered headings that are a report's outline (一、总体情况 二、主要做法 三、存在问题): more than half of
  them end with an outline noun (category 提纲). The outline itself is not tasks; the lists under its
  headings are judged on their own (二、主要做法 →（一）强化组织领导…);
- numbered headings with neither a requirement lead-in (category 要求) nor directive words in at least
  half of their sections (要, 必须, 确保 …): a list of names or cases, not of requirements.
Nesting: when a list is taken, the lists inside its items are its details and are not repeated.

When the text announces how many items follow (提出三点要求, 从五个方面, 做到“三个注重”) and the list found
has another number, the field goes on the review list: 宣布 3 项，找到 2 项.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ....model import Found
from ...context import Context
from ...lexicon import load_lexicon
from ...scan import matches_from
from .. import rule
from .lists import (
    _COUNT,
    _DIRECTIVE,
    _STRONG_NOUNS,
    COUNT_FIRST,
    LEAD_CHARS,
    OUTLINE_CHARS,
    SECTION_CHARS,
    Run,
    _close_heading_regions,
    _fill_items,
    build_runs,
    bullet_runs,
    cn_number,
    find_markers,
)
from .series import colon_series, lead_sentence_series, yao_series

__all__ = ["announced_count", "cn_number", "tasks"]


# ---------------------------------------------------------------------------------------- judging
@lru_cache(maxsize=8)
def _word_table(path: str | None) -> dict[str, tuple[str, ...]]:
    """task_words.txt → {category: words, longest first}."""
    table: dict[str, list[str]] = {}
    if path is not None:
        for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) >= 2:
                table.setdefault(parts[1], []).append(parts[0])
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in table.items()}


def _words(ctx: Context) -> dict[str, tuple[str, ...]]:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "task_words", None)
    return _word_table(str(path) if path else None)


def lead_in(norm: str, pos: int) -> tuple[int, int]:
    """The words just before a list: the sentence up to pos, or the sentence before when pos opens one."""
    floor = max(0, pos - LEAD_CHARS)
    stops = "。！？\n"
    i = pos
    while i > floor and norm[i - 1] not in stops:
        i -= 1
    # the glyph a reader writes before a Word bullet item (• ◦ ▪ ■ ●) is not words of a lead-in
    if norm[i:pos].strip(" \t“”•◦▪■●○◆◇▶►-") == "":
        j = i - 1
        while j > floor and norm[j - 1] in stops + " \t":
            j -= 1
        k = j
        while k > floor and norm[k - 1] not in stops:
            k -= 1
        return k, j
    return i, pos


def lead_kind(text: str, words: dict[str, tuple[str, ...]]) -> str | None:
    """要求 / 非要求 by the cue nearest to the list's start; None without a cue."""
    best, kind = -1, None
    for category in ("要求", "非要求"):
        for word in words.get(category, ()):
            at = text.rfind(word)
            if at >= 0 and at + len(word) > best:
                best, kind = at + len(word), category
    return kind


def _is_outline(ctx: Context, run: Run, words: dict[str, tuple[str, ...]]) -> bool:
    endings = words.get("提纲", ())
    heads = [ctx.norm[it.start : it.end] for it in run.items]
    # a heading naming a category (一、总体情况) or a topic (一、关于防汛工作) is not a requirement
    # an outline heading is short (二、主要措施); a long one names a measure (一、南山片区临时交通管理措施)
    outline = sum(
        1
        for h in heads
        if (endings and h.endswith(endings) and len(h) <= OUTLINE_CHARS) or h.startswith("关于")
    )
    return outline * 2 > len(heads)


def _directive_sections(ctx: Context, run: Run) -> int:
    count = 0
    for i, mk in enumerate(run.markers):
        nxt = run.markers[i + 1].start if i + 1 < len(run.markers) else run.region_end
        if _DIRECTIVE.search(ctx.norm, mk.end, min(nxt, mk.end + SECTION_CHARS)):
            count += 1
    return count


def judge(ctx: Context, run: Run, words: dict[str, tuple[str, ...]]) -> bool:
    """Is this list a list of requirements, deployments or measures?"""
    if any(it.end - it.start < 2 for it in run.items):
        return False
    if run.kind == "series":
        # a run of lead sentences under 取得成效/存在问题 describes, it does not require
        a, b = lead_in(ctx.norm, run.start)
        return run.family != "lead" or lead_kind(ctx.norm[a:b], words) != "非要求"
    a, b = lead_in(ctx.norm, run.start)
    kind = lead_kind(ctx.norm[a:b], words)
    if kind == "非要求":
        return False
    if kind == "要求":
        return run.kind == "inline" or not _is_outline(ctx, run, words)
    # no cue: the list must read as directives, in its lead-in (要…：一是…) or in its items
    if run.kind == "inline" and _DIRECTIVE.search(ctx.norm, a, b):
        return True
    if run.kind == "heading" and _is_outline(ctx, run, words):
        return False
    return _directive_sections(ctx, run) * 2 >= len(run.items)


# ---------------------------------------------------------------------------------------- counts
def announced_count(text: str) -> tuple[int, int, int] | None:
    """The last announced number of items in text, with its span: 提出三点要求 → (3, start, end)."""
    last = None
    for m in matches_from(_COUNT, COUNT_FIRST, text):
        num = m.group("n") or m.group("q") or m.group("r")
        if m.group("n") and not (m.group("noun") or m.group("stop") or "方面" in m.group()):
            continue
        value = cn_number(num)
        if value is not None and value >= 2:
            last = (value, m.start(), m.end())
    return last


def _check_counts(ctx: Context, taken: list[Run], judged: list[Run]) -> None:
    covered = [(lead_in(ctx.norm, run.start)[0], run.start) for run in judged]
    for run in taken:
        a, b = lead_in(ctx.norm, run.start)
        count = announced_count(ctx.norm[a:b])
        if count is not None and count[0] != len(run.items):
            ctx.flag("tasks", f"宣布 {count[0]} 项，找到 {len(run.items)} 项")
    # an announcement of requirements that no list follows
    for m in matches_from(_COUNT, COUNT_FIRST, ctx.norm, 0, ctx.content_end):
        if not (m.group("noun") in _STRONG_NOUNS or "方面" in m.group() or m.group("q") or m.group("r")):
            continue
        after = ctx.norm[m.end() - 1 : m.end() + 12]
        if not re.match(r"[^。！？\n]{0,11}?(?:[：:]|如下)", after):
            continue
        if any(a <= m.start() < b for a, b in covered):
            continue
        num = m.group("n") or m.group("q") or m.group("r")
        value = cn_number(num)
        if value is not None and value >= 2:
            ctx.flag("tasks", f"宣布 {value} 项，找到 0 项")


# ---------------------------------------------------------------------------------------- the rule
_RULE_NAMES = {
    "是": "tasks.yishi",
    "要": "tasks.yiyao",
    "第": "tasks.diyi",
    "其": "tasks.qiyi",
    "首先": "tasks.shouxian",
    "、": "tasks.numbered",
    "（）": "tasks.numbered",
    "1.": "tasks.numbered",
    "（1）": "tasks.numbered",
    "①": "tasks.numbered",
}


_SERIES_NAMES = {"lead": "tasks.lead_sentences", "：": "tasks.colon_series"}


def _requirement_lead(lead: str, words: dict[str, tuple[str, ...]]) -> bool:
    """Words before a colon that announce requirements or measures: a 要求 cue (下一步, 措施, 重点 …) nearest
    the colon, or a modal (要/将/须) before it."""
    kind = lead_kind(lead, words)
    if kind is not None:
        return kind == "要求"
    return bool(_DIRECTIVE.search(lead) or re.search(r"将[^，。；]{0,12}$", lead))


@rule("tasks")
def tasks(ctx: Context) -> list[Found]:
    """The items of the lists of requirements the report lays down (see the module docstring)."""
    words = _words(ctx)
    runs = build_runs(find_markers(ctx.norm, ctx.content_end))
    for run in runs:
        _fill_items(ctx, run)
    _close_heading_regions(runs)
    runs.extend(bullet_runs(ctx))
    runs.extend(yao_series(ctx))
    runs.extend(lead_sentence_series(ctx))
    runs.extend(colon_series(ctx, lambda lead: _requirement_lead(lead, words)))
    # outer lists first; a numbered list before a 要-series starting at the same place
    runs.sort(key=lambda r: (r.start, r.kind == "series", -r.region_end))
    taken: list[Run] = []
    judged: list[Run] = []
    for run in runs:
        if any(t.start <= run.start < t.region_end for t in taken):
            continue  # a detail inside an item of a list already taken
        judged.append(run)
        if judge(ctx, run, words):
            taken.append(run)
    _check_counts(ctx, taken, judged)
    out = []
    for run in taken:
        if run.kind == "series":
            name = _SERIES_NAMES.get(run.family, "tasks.yao_series")
        else:
            name = _RULE_NAMES.get(run.family, "tasks.bullets")
        for it in run.items:
            value = ctx.text[it.start : it.end].strip()
            out.append(ctx.hit(value, it.start, it.end, name))
    out.sort(key=lambda f: f.evidence.span.start)
    return out
