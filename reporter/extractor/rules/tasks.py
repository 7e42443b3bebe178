"""tasks (工作要求): the items of a list of requirements, deployments or measures.

One item per entry of the list, as its leading clause (up to the first comma or full stop), without
the marker and without a leading 要. The lists a report writes:

- inline markers inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…, 其一，…其二，…,
  首先，…其次，…（再次，…）最后，…
- numbered lines or headings: 一、 （一） 1. 1、 （1） 1） ① (Word auto-numbering is already in the text);
- a parallel series of sentences opening with 要 (要全力推进…。要全力推进…。要…).

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

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...model import Found, Span
from ..context import Context
from ..lexicon import load_lexicon
from . import rule

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "[一二三四五六七八九十]{1,3}"

# where a leading clause stops
_CLAUSE_END = re.compile(r"[，。；：！？\n…]|——")
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("‘", "’"))
# what may stand right before an inline marker (一是, 一要, 第一，)
_INLINE_BEFORE = "。；：，！？、\n “”‘’（）"
_LEAD_VERB = re.compile(r"(?:要求|强调|指出|提出|明确)[，：]?$")
# 要 as a modal verb (not 要求, 要点, 要素, 要案, 要闻, 要是 …)
_YAO_MODAL = "要(?![求点素案害闻件务员职地塞是不么])"
# a sentence opening a 要-series: 要… or a short speech lead-in and then 要 (县长强调，要…)
_YAO_SENTENCE = re.compile(
    r"(?:在[^，。；：！？\n]{2,20}?方面，)?"  # the topic of the item (在推行绿色祭扫方面，…)
    r"(?:[^，。；：！？\n]{1,24}?(?:强调|指出|要求|提出|表示|认为|希望|明确|号召)[，：])?"
    # the ones who must act may stand before 要 (各级各部门要…, 民政部门要…), never a word ending in 要 (需要, 主要)
    r"(?:[^，。；：！？\n“”要]{1,16}?(?<![重主需只想纪摘提简概首必次扼紧险不就也还是]))?" + _YAO_MODAL
)
# a speech verb that announces what follows as requirements (会议强调，… / 通知要求，…)
_SPEECH = re.compile(r"(?:强调|指出|要求|提出|表示|明确|号召)[，：]")
# …and the words that say a new paragraph goes on with the same list (通知还要求，… / 在…方面，…要)
_GOES_ON = re.compile(r"(?:还|同时|此外，?|另外，?)(?:强调|指出|要求|提出|明确)[，：]")
_TOPIC = re.compile(r"在[^，。；：！？\n]{2,20}?方面，")
# directive words in a section's text: the section lays down what must be done
_DIRECTIVE = re.compile(
    r"(?<![重主需只想纪摘提简概首必次扼紧险])" + _YAO_MODAL + r"|必须|务必|须|应当|确保|严禁|不得|切实"
)
# an announced number of items: 三点要求, 五项措施, 从五个方面, 做到“三个注重”, 坚持“五个到位”
_COUNT_NUM = r"(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})"
_COUNT = re.compile(
    _COUNT_NUM
    + r"(?:(?:点|项|条)(?:具体|重点|主要|工作)?(?P<noun>要求|意见|措施|举措|任务|部署|建议|工作|重点|方面)?"
    r"(?P<stop>[：，。]?)|个?方面)"
    r"|[“\"]" + _COUNT_NUM.replace("n>", "q>") + r"个[^”\"，。]{1,6}[”\"]"
    r"|" + _COUNT_NUM.replace("n>", "r>") + r"个[“\"][^”\"，。]{1,6}[”\"]"
)
_STRONG_NOUNS = {"要求", "意见", "措施", "举措", "任务", "部署"}

MAX_GAP_INLINE = 1500  # characters between two items of an inline list
MAX_GAP_HEADING = 6000  # …of a list of numbered headings (a section can be long)
LEAD_CHARS = 120  # how far back a lead-in is read
SECTION_CHARS = 600  # how much of a numbered section is read for directive words
OUTLINE_CHARS = 12  # the longest outline heading (一、指导思想, 二、存在的主要问题)


def cn_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; None when it is not a numeral up to 99.

    >>> cn_number("三"), cn_number("十一"), cn_number("二十"), cn_number("1")
    (3, 11, 20, 1)
    """
    if text and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return value


# ---------------------------------------------------------------------------------------- markers
@dataclass(frozen=True, slots=True)
class Marker:
    family: str  # 是 / 要 / 第 (inline) or 、 / （） / 1. / （1） / ① (headings)
    number: int
    start: int  # where the marker begins
    end: int  # where the item's text begins


# family → (pattern, inline?) ; heading markers stand at a line start or right after ：；。！？
_MARKERS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("是", re.compile(rf"(?P<num>{_CN})是"), True),
    ("要", re.compile(rf"(?P<num>{_CN})要(?![求点素案害闻件务员职地塞是不么])"), True),
    ("第", re.compile(rf"第(?P<num>{_CN})[，、：]"), True),
    ("其", re.compile(rf"其(?P<num>{_CN})(?:是|[，、：])"), True),
    ("首先", re.compile(r"(?P<word>首先|其次|再次|最后)[，、：]"), True),
    ("、", re.compile(rf"(?P<num>{_CN})、(?![一二三四五六七八九十])"), False),
    ("（）", re.compile(rf"（(?P<num>{_CN})）"), False),
    ("1.", re.compile(r"(?P<num>\d{1,2})[.、](?![\d.])"), False),
    ("（1）", re.compile(r"（(?P<num>\d{1,2})）|(?P<num2>\d{1,2})）"), False),
    ("①", re.compile(f"(?P<num>[{_CIRCLED}])"), False),
)


# 首先，… 其次，… 再次，… 最后，…: 最后 (0 here) closes a run that has at least 首先 and 其次
_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
_INLINE_FAMILIES = ("是", "要", "第", "其", "首先")


def _at_line_start(norm: str, pos: int) -> bool:
    line_start = norm.rfind("\n", 0, pos) + 1
    return norm[line_start:pos].strip(" \t") == ""


def _inline_boundary(norm: str, pos: int) -> bool:
    if pos == 0 or norm[pos - 1] in _INLINE_BEFORE:
        return True
    return bool(_LEAD_VERB.search(norm, max(0, pos - 2), pos))


def _heading_boundary(norm: str, pos: int) -> bool:
    return _at_line_start(norm, pos) or (pos > 0 and norm[pos - 1] in "：；。！？")


def find_markers(norm: str, end: int) -> list[Marker]:
    """Every list marker in norm[:end] standing where a list item can begin."""
    out = []
    for family, pattern, inline in _MARKERS:
        for m in pattern.finditer(norm, 0, end):
            groups = m.groupdict()
            if groups.get("word"):
                number = _ORDINAL_WORDS[groups["word"]]
            else:
                number = cn_number(groups.get("num") or groups.get("num2") or "")
            if number is None:
                continue
            if inline:
                # 学员们一是要…: 一是要 opens an item wherever it stands
                ok = _inline_boundary(norm, m.start()) or (family == "是" and norm.startswith("要", m.end()))
            else:
                ok = _heading_boundary(norm, m.start())
            if not ok:
                continue
            out.append(Marker(family, number, m.start(), m.end()))
    return out


# ---------------------------------------------------------------------------------------- lists
@dataclass
class Item:
    start: int  # the leading clause, as a span of the text
    end: int
    marker: int  # where the marker (or the sentence) begins


@dataclass
class Run:
    kind: str  # "inline" | "heading" | "series"
    family: str
    markers: list[Marker] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    region_end: int = 0  # where the list's own text ends (for nesting)

    @property
    def start(self) -> int:
        return self.items[0].marker if self.items else self.markers[0].start


def build_runs(markers: list[Marker]) -> list[Run]:
    """Runs of markers of one family numbered 1, 2, 3 … (a 1 starts a new run)."""
    by_family: dict[str, list[Marker]] = {}
    for mk in sorted(markers, key=lambda m: m.start):
        by_family.setdefault(mk.family, []).append(mk)
    runs = []
    for family, marks in by_family.items():
        inline = family in _INLINE_FAMILIES
        gap = MAX_GAP_INLINE if inline else MAX_GAP_HEADING
        current: Run | None = None
        for mk in marks:
            if mk.number == 0:  # 最后: the last item of a 首先/其次 run
                if (
                    current is not None
                    and len(current.markers) >= 2
                    and current.markers[-1].number >= 2
                    and mk.start - current.markers[-1].start <= gap
                ):
                    current.markers.append(
                        Marker(mk.family, current.markers[-1].number + 1, mk.start, mk.end)
                    )
                current = None
            elif mk.number == 1:
                current = Run("inline" if inline else "heading", family, [mk])
                runs.append(current)
            elif (
                current is not None
                and mk.number == current.markers[-1].number + 1
                and mk.start - current.markers[-1].start <= gap
            ):
                current.markers.append(mk)
    return [r for r in runs if len(r.markers) >= 2]


def leading_clause(norm: str, start: int, limit: int) -> tuple[int, int]:
    """The clause from start up to its first comma or full stop (not past limit), without a leading 要."""
    while start < limit and norm[start] in " \t，、：":
        start += 1
    if start < limit and norm[start] == "要" and re.match(_YAO_MODAL, norm[start : start + 2]):
        start += 1
    pos = start
    while True:
        m = _CLAUSE_END.search(norm, pos, limit)
        end = m.start() if m else limit
        # a comma inside quotes or brackets (坚持“早发现，早报告”) does not end the clause
        closer = next((c for o, c in _PAIRS if norm.count(o, start, end) > norm.count(c, start, end)), None)
        close_at = norm.find(closer, end, min(limit, end + 40)) if closer and m else -1
        if close_at < 0:
            break
        pos = close_at + 1
    while end > start and norm[end - 1] in " \t":
        end -= 1
    return start, end


def _fill_items(ctx: Context, run: Run) -> None:
    norm = ctx.norm
    limit_all = ctx.content_end
    for i, mk in enumerate(run.markers):
        nxt = run.markers[i + 1].start if i + 1 < len(run.markers) else limit_all
        s, e = leading_clause(norm, mk.end, nxt)
        run.items.append(Item(s, e, mk.start))
    if run.kind == "inline":
        last = run.markers[-1]
        m = re.compile(r"[。！？\n]").search(norm, last.end, limit_all)
        run.region_end = m.end() if m else limit_all
    else:
        run.region_end = limit_all


def _close_heading_regions(runs: list[Run]) -> None:
    """A list of headings ends where the list around it goes on, or where a sibling list starts.

    (一)(二) under 二、 end at 三、; the (一)(二) under 三、 are a list of their own.
    """
    for run in runs:
        if run.kind != "heading":
            continue
        last = run.markers[-1].start
        for other in runs:
            if other is run or other.kind != "heading":
                continue
            if other.family == run.family and other.start > last:
                run.region_end = min(run.region_end, other.start)
            elif other.start < run.start:
                for mk in other.markers:
                    if mk.start > last:
                        run.region_end = min(run.region_end, mk.start)
                        break


def bullet_runs(ctx: Context) -> list[Run]:
    """Word bulleted lists: consecutive list items without a number label, at one level."""
    runs: list[Run] = []
    group: list = []
    for block in [*ctx.body_blocks, None]:
        if (
            block is not None
            and block.kind == "list_item"
            and not block.label
            and block.span.start < ctx.content_end
            and (not group or block.level == group[-1].level)
        ):
            group.append(block)
            continue
        if len(group) >= 2:
            run = Run(
                "heading", "•", [Marker("•", i + 1, b.span.start, b.span.start) for i, b in enumerate(group)]
            )
            _fill_items(ctx, run)
            run.region_end = group[-1].span.end
            runs.append(run)
        group = [block] if block is not None and block.kind == "list_item" and not block.label else []
    return runs


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


def _yao_clauses(norm: str, sent: Span) -> Run | None:
    """≥ 3 consecutive comma clauses of one sentence opening with 要 (他说，要…，要…，要…)."""
    best: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(norm, sent.start, sent.end):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" "))
        if re.match(_YAO_MODAL, norm[start : start + 2]):
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
    if norm[i:pos].strip(" \t“”") == "":
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
    for m in _COUNT.finditer(text):
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
    for m in _COUNT.finditer(ctx.norm, 0, ctx.content_end):
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
            name = "tasks.lead_sentences" if run.family == "lead" else "tasks.yao_series"
        else:
            name = _RULE_NAMES.get(run.family, "tasks.bullets")
        for it in run.items:
            value = ctx.text[it.start : it.end].strip()
            out.append(ctx.hit(value, it.start, it.end, name))
    out.sort(key=lambda f: f.evidence.span.start)
    return out
