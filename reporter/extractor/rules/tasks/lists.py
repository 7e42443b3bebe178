"""List markers (一是, 一、, （一）, 1. …), runs of them numbered 1, 2, 3 …, and an item's leading clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...context import Context
from ...scan import matches_from

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


# the one character each numbered family's marker begins with (the others begin with a plain character,
# which the regex engine finds fast by itself): find_markers tries the pattern only there (scan.py)
_MARKER_FIRST = {
    "是": re.compile("[一二三四五六七八九十]"),
    "要": re.compile("[一二三四五六七八九十]"),
    "、": re.compile("[一二三四五六七八九十]"),
    "1.": re.compile(r"\d"),
    "（1）": re.compile(r"[（\d]"),
}
# an announced count begins with a numeral or an opening quote (_COUNT)
COUNT_FIRST = re.compile(r"[\d一二两三四五六七八九十“\"]")

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
        first = _MARKER_FIRST.get(family)
        for m in matches_from(pattern, first, norm, 0, end) if first else pattern.finditer(norm, 0, end):
            groups = m.groupdict()
            number: int | None
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
    runs = [r for r in runs if len(r.markers) >= 2]
    _mixed_inline_tails(runs, marks_by_start=sorted(markers, key=lambda m: m.start))
    return runs


def _mixed_inline_tails(runs: list[Run], marks_by_start: list[Marker]) -> None:
    """An inline list may change its marker for its next items (一要…；二要…；第三，要…): an inline
    marker of another family numbered next, in the same paragraph and close after, goes on the list."""
    for run in runs:
        if run.kind != "inline":
            continue
        for mk in marks_by_start:
            last = run.markers[-1]
            if mk.start <= last.start or mk.family == run.family or mk.family not in _INLINE_FAMILIES:
                continue
            if mk.number == last.number + 1 and mk.start - last.start <= MAX_GAP_INLINE // 3:
                run.markers.append(mk)
            elif mk.start > last.start:
                break


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
