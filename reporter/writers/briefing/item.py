"""One report as a 简报 item: a heading and one short paragraph in the report's own words (pure functions).

    item = build_item(record)        Item(heading=…, lead=…, figures=…, requirement=…, unit=…, …)
    item.text                         the paragraph: lead + figures + requirement, at most about 200 characters

What goes in, in this order, each part only when the report has it:
- the lead: the report's opening sentences (the extracted summary, read with its line breaks) with the
  newspaper furniture taken out — datelines (本报北京1月9日电, 新华社…电, 天山网讯), bylines ((记者X),
  （通讯员X报道）), time stamps and clock times (02:35:22, 14时许, 06时33分02.6秒), headline lines that end
  without a full stop, a quotation the report opens with — and cut after a sentence, never inside one and
  never at ；;
- two or three main figures as a clerk writes them: 摸排线索1142条, 挽回经济损失56.1亿元, 刑事发案同比下降7.6%
  (figures the lead already gives are not repeated);
- the requirements in one sentence: 会议要求，全力推进线索核查等六个攻坚战。
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...model import Found, Metric, Record
from ..render import date_text, value_text

ITEM_MAX = 200  # characters of the paragraph, about seven lines of the page
LEAD_MAX = 110  # the lead's share when figures or requirements follow
FIGURES_MAX = 3
FIGURE_NAME_MAX = 12  # longer names are pieces of sentences, not figures a clerk would quote
REQUIREMENT_MAX = 60
OTHER_UNIT = "其他"
CN_DIGITS = "零一二三四五六七八九十"

_ENDS = "。！？!?…"
_CLOSERS = "”’」』）)"
# a sentence ends at 。！？ (with the closing quotes after it); ；and ， never end one
_SENTENCE = re.compile(rf"[^{_ENDS}]*(?:[{_ENDS}]+[{_CLOSERS}]*|$)")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")

# --------------------------------------------------------------------------------- furniture
_PLACE = r"[\u4e00-\u9fff]{0,8}"
_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_DATELINE = re.compile(
    rf"^(?:(?:本报|新华社|中新社|新华网|人民网|央视网|中新网|[\u4e00-\u9fff]{{1,8}}(?:网|社|报|台))"
    rf"{_PLACE}(?:{_MD}|\d{{1,2}}日)?(?:专)?电|[\u4e00-\u9fff]{{1,8}}(?:网|报)讯|本报讯|据[\u4e00-\u9fff]{{2,10}}报道)"
)
_BYLINE = re.compile(
    r"^\s*[（(](?:(?:记者|通讯员|实习生|特约记者|见习记者)[^（）()]{0,30}|[\u4e00-\u9fff]{2,4}"
    r"(?:[、，,\s]+[\u4e00-\u9fff]{2,4}){0,4})[）)]"
)
_STAMP = re.compile(r"^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s*")
_HMS = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# 14时许, 06时33分02.6秒, 凌晨1时44分: after a day or a part of the day, not in 24小时 or 3时间
_CLOCK = re.compile(
    r"(?:(?<=[日晨午晚上早夜，。])|^)(\d{1,2})时(?:\d{1,2}分(?:\d{1,2}(?:\.\d+)?秒)?)?(?:左右|许)?(?![间段期代])"
)
_ASCII_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff\d%”])([,;:])(?=[\u4e00-\u9fff“])")
_FULL = {",": "，", ";": "；", ":": "："}
_ATTRIBUTION = re.compile(r"^[^。！？]{0,60}(?:说|表示|介绍|告诉记者)。$")
_SOURCE_NOTE = re.compile(
    r"(?:^据悉，)?(?:记者|笔者)(?:近日|日前|今天|今日|昨日|\d{1,2}日)?从(?P<who>[^，。：:]{2,24}?)(?:采访)?获悉[：:，,]"
)
_OPENING_QUOTE = re.compile(r"^(?:“[^“”]{1,80}”[，,]?)+(?:…+)?(?=\S)")
_COLUMN_TAG = re.compile(r"[（(][^（）()]{2,20}[）)]\s*$")


def remove_furniture(line: str) -> str:
    """A line of the report without its newspaper furniture: time stamp, dateline, byline, clock times.

    >>> remove_furniture("本报北京3月2日电 （记者周明远）全国禁毒办今日通报2024年度十大毒品案件。")
    '全国禁毒办今日通报2024年度十大毒品案件。'
    """
    text = _SPACES.sub(" ", line).strip()
    text = _STAMP.sub("", text)
    for _ in range(2):  # 天山网讯(通讯员王金虎报道): dateline, then byline
        before = text
        text = _DATELINE.sub("", text).lstrip(" ")
        text = _BYLINE.sub("", text).lstrip(" ")
        if text == before:
            break
    text = _CLOCK.sub("", text)
    text = _HMS.sub("", text)
    text = _ASCII_PUNCT.sub(lambda m: _FULL[m[1]], text)
    text = re.sub(r"^[，、]|(?<=[。！？])[，、]", "", text)
    return text.strip()


def _sentence_clean(sentence: str) -> str:
    """记者近日从某省公安厅获悉：… → …"""
    m = _SOURCE_NOTE.search(sentence)
    if m is None:
        return sentence
    return sentence[: m.start()] + sentence[m.end() :]


def sentences(text: str) -> list[str]:
    """Sentences ending at 。！？ (closing quotes kept with them); a last piece without a full stop too."""
    return [s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s]


def _is_headline(line: str) -> bool:
    """A line with no full stop anywhere: a headline, subtitle, caption or stamp, not a sentence."""
    return not any(ch in _ENDS for ch in line)


# the first item of an enumerated list: 一、 （一） (1) 1. 1、 第一，— not 1.5万 or 2024年
LIST_ITEM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[.．](?!\d)|、)"
    r"|第[一二三四五六七八九十]{1,3}[，、,])"
)
_LEAD_IN = "：:"  # 现将有关事项通知如下：— says what follows, and what follows is not in the lead


def _before_list(lines: list[str]) -> list[str]:
    """The lines before the report's first enumerated list (一、… 二、…, 1.… 2.…): a notice's items are
    told by the requirement sentence, not run into the lead. A report that opens with its list keeps it."""
    seen = False  # a sentence before the list
    for i, line in enumerate(lines):
        if LIST_ITEM.match(line):
            return lines[:i] if seen else lines
        seen = seen or (bool(line) and (not _is_headline(line) or line[-1] in _LEAD_IN))
    return lines


def lead_text(source: str, limit: int = LEAD_MAX, *, before_list: bool = True) -> str:
    """The opening sentences of `source` (lines as in the report), furniture out, at most `limit`
    characters cut after a sentence; a first sentence longer than the limit is cut at its last comma
    before it and closed with 。 (never at ；). The lead stops before an enumerated list (unless not
    `before_list`) and leaves out the sentence that announces it (现将有关事项通知如下：): a notice that
    opens with that sentence alone has no lead ('')."""
    raw = [line.strip() for line in source.splitlines()]
    lines = [remove_furniture(line) for line in raw]
    cut = before_list and len(_before_list(lines)) < len(lines)
    if cut:
        lines = _before_list(lines)
    elif not before_list:  # the list is the lead: its items as sentences, without 一、 1.
        lines = [LIST_ITEM.sub("", line) for line in lines]
    raw = raw[: len(lines)]
    body = [line for line in lines if line and not _is_headline(line)]
    if not body:  # no full stop anywhere: the lines that had a dateline, else all
        body = [
            ln for ln, r in zip(lines, raw, strict=True) if ln and len(ln) < len(_SPACES.sub(" ", r))
        ] or [ln for ln in lines if ln]
    text = "".join(body)
    text = _OPENING_QUOTE.sub("", text, count=1) if len(text) > 40 else text
    out = ""
    parts = [_sentence_clean(s) for s in sentences(text)]
    quoted = [s.startswith("“") and (s.endswith("”") or s.rstrip(_ENDS).endswith("”")) for s in parts]
    if not all(quoted):
        parts = [
            s for s, q in zip(parts, quoted, strict=True) if not q and not _ATTRIBUTION.match(s)
        ] or parts
    for sentence in parts:
        if sentence[-1] not in _ENDS + _CLOSERS:
            if out and sentence[-1] in "；;":
                break  # the lead stops before a sentence the summary cut at ；
            if sentence[-1] in _LEAD_IN and (out or cut):
                break  # 现将有关事项通知如下：— the list it announces is not in the lead (always the last piece)
            sentence = _close(sentence)
        if len(out) + len(sentence) <= limit:
            out += sentence
            continue
        if not out:
            out = cut_sentence(sentence, limit)
        break
    return out


def _close(piece: str) -> str:
    """A piece that stops without a full stop (at ；or a line end): cut after its last comma when it
    stops at ；, and closed with 。"""
    piece = piece.rstrip()
    if piece[-1:] in "；;":
        at = piece.rfind("，")
        piece = piece[:at] if at >= 15 else piece[:-1]
    return piece.rstrip("，,；;：:、") + "。"


def cut_sentence(sentence: str, limit: int) -> str:
    """A sentence too long for `limit`, cut after its last comma that fits (never at ；) and closed with 。."""
    if len(sentence) <= limit:
        return sentence
    head = sentence[: limit - 1]
    at = max(head.rfind("，"), head.rfind(","))
    if at < limit // 3:
        at = len(head)
    return head[:at].rstrip("，,；;：:、") + "。"


# ------------------------------------------------------------------------------------ figures
def number_text(value: float, unit: str = "") -> str:
    """A value as a clerk writes it: 1142, 16.3万, 56.1亿; a unit that starts with 万 or 亿 is kept with it.

    >>> number_text(5610000000, "元"), number_text(163000, "人"), number_text(3.5, "万元")
    ('56.1亿元', '16.3万人', '3.5万元')
    """
    scale = {"万": 1e4, "亿": 1e8}.get(unit[:1], 1.0)
    rest = unit[1:] if scale > 1 else unit
    absolute = abs(value) * scale
    if absolute >= 1e8:
        shown, word = value * scale / 1e8, "亿"
    elif absolute >= 1e4:
        shown, word = value * scale / 1e4, "万"
    else:
        shown, word = value * scale, ""
    return f"{_plain(shown)}{word}{rest}"


def _plain(value: float) -> str:
    rounded = round(value, 2)
    if float(rounded).is_integer():
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


_CHANGE = re.compile(r"^(?P<name>.*?)(?P<base>同比|环比|增幅|降幅|增长率)$")


def figure_text(metric: Metric) -> str:
    """摸排线索1142条; 挽回经济损失56.1亿元; 刑事发案同比下降7.6%; 就业率97.24% (no space, no raw 1e9)."""
    name = _SPACES.sub("", metric.name)
    m = _CHANGE.match(name)
    if m and metric.unit in ("%", "‰", "个百分点", "倍", "成"):
        base = m["base"] if m["base"] in ("同比", "环比") else ""
        verb = "增长" if metric.value >= 0 else "下降"
        return f"{m['name']}{base}{verb}{_plain(abs(metric.value))}{metric.unit}"
    if metric.unit in ("%", "‰"):
        return f"{name}{_plain(metric.value)}{metric.unit}"
    return f"{name}{number_text(metric.value, metric.unit)}"


def figure_texts(metrics: Sequence[Metric]) -> list[str]:
    """The figures in a row, a change written after its own figure without the name again:
    受理审查起诉3555件，同比增长10.9%."""
    out: list[str] = []
    previous = ""
    for metric in metrics:
        text = figure_text(metric)
        m = _CHANGE.match(_SPACES.sub("", metric.name))
        if m and previous and m["name"] == previous and text.startswith(previous):
            text = text[len(previous) :]
        out.append(text)
        previous = _SPACES.sub("", metric.name)
    return out


def _usable(metric: Metric) -> bool:
    name = _SPACES.sub("", metric.name)
    if metric.unit in ("%", "‰") and not (_CHANGE.match(name) or name.endswith(("率", "比例", "比重"))):
        return False  # 西安市最近测评 99.8%: a share of what, the sentence alone says
    if re.search(r"一个|^(?:该|其中|占|共|达)", name):
        return False  # 社区民警点位一个点位设置 6 名: a piece of a sentence
    return 2 <= len(name) <= FIGURE_NAME_MAX and not re.search(r"[，。；、“”：:（(]", name)


def _raw(found: Found) -> str:
    """The words a value was read from (摸排线索1142条), as the report writes them."""
    ev = found.evidence
    a, b = ev.span.start - ev.sentence_start, ev.span.end - ev.sentence_start
    return ev.sentence[a:b] if ev.sentence_start >= 0 and 0 <= a < b <= len(ev.sentence) else ""


def _name(found: Found) -> str:
    value = found.value
    return _SPACES.sub("", value.name) if isinstance(value, Metric) else ""


def _base(found: Found) -> str:
    """The figure a change is of: 刑事发案 for 刑事发案同比; '' for a figure that is not a change."""
    m = _CHANGE.match(_name(found))
    return m["name"] if m else ""


def _part_of(metric: Metric, found: Found, name: str, value: float) -> bool:
    """Whether `metric` is a part of the lead's figure `name` = `value`: the same name (one ending
    with the other: 死亡, 我县死亡) and no more than it."""
    own = _name(found)
    return bool(name and own) and (name.endswith(own) or own.endswith(name)) and 0 <= metric.value <= value


def pick_figures(metrics: Sequence[Found], lead: str = "", limit: int = FIGURES_MAX) -> list[Found]:
    """The main figures: not already in the lead, names a clerk would quote, one per name, the ones with a
    standard indicator first, in the report's order, each change right after its own figure; at most
    `limit`."""
    seen: set[str] = set()
    said: list[tuple[str, float]] = []  # name and value of the figures the lead gives (我县死亡, 5)
    good: list[tuple[int, int, Found]] = []
    for i, found in enumerate(metrics):
        metric = found.value
        if not isinstance(metric, Metric):
            continue
        raw = _raw(found)
        if lead and ((raw and raw in lead) or figure_text(metric) in lead):
            said.append((_name(found), metric.value))
            continue  # the lead says it already
        if not _usable(metric) or metric.key in seen:
            continue
        if any(_part_of(metric, found, name, value) for name, value in said):
            continue  # 死亡2人 of one case after the lead's 5人死亡 in all: a part, read as the whole
        seen.add(metric.key)
        good.append((0 if metric.indicator else 1, i, found))
    good.sort(key=lambda t: (t[0], t[1]))
    chosen = good[:limit]
    names = {_name(f) for _, _, f in chosen}
    # a change of a figure chosen goes with it, in place of the last other figure (…3555件，同比增长10.9%)
    for rank, i, found in good[limit:]:
        base = _base(found)
        if base and base in names and limit > 1:
            spare = [t for t in chosen if _name(t[2]) != base]
            if len(chosen) >= limit and spare:
                chosen.remove(spare[-1])
            chosen.append((rank, i, found))
            break
    chosen.sort(key=lambda t: t[1])
    picked = [f for _, _, f in chosen]
    shown = {_name(f) for f in picked}
    out: list[Found] = []
    for found in picked:
        if _base(found) in shown:
            continue  # placed after its figure below
        out.append(found)
        out.extend(g for g in picked if _base(g) and _base(g) == _name(found))
    return out


# ------------------------------------------------------------------------------- requirements
_TASK_MARK = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+(?:是要|是|要|、)|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.．、])\s*"
)


def task_clean(text: str) -> str:
    """A requirement without its marker (一是, （一）, 1.) or its end punctuation."""
    return _TASK_MARK.sub("", text).strip().rstrip("。；;，,！!")


def cn_count(n: int) -> str:
    """2 → 两, 6 → 六, 12 → 十二."""
    if n == 2:
        return "两"
    if n <= 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _series(tasks: list[str]) -> tuple[str, int] | None:
    """全力推进线索核查攻坚战 ×6 → ('全力推进线索核查等六个攻坚战', 6): a run of requirements from the
    start that share their first and last words."""
    if len(tasks) < 3:
        return None
    first = tasks[0]
    best = None
    for n in range(len(tasks), 2, -1):
        run = tasks[:n]
        pre = min(_common_prefix(first, t) for t in run)
        suf = min(_common_prefix(first[::-1], t[::-1]) for t in run)
        if pre >= 2 and suf >= 2 and pre + suf < min(len(t) for t in run):
            if "“" in first[:pre] and first[:pre].count("“") != first[:pre].count("”"):
                pre = first.rindex("“", 0, pre)  # 打好“攻坚仗”“法律仗”“治理仗”
                best = (first[:pre] + "".join(t[pre:] for t in run), n)
            else:
                best = (f"{first[: len(first) - suf]}等{cn_count(n)}个{first[len(first) - suf :]}", n)
            break
    return best


def requirement_sentence(tasks: Sequence[str], who: str = "会议", limit: int = REQUIREMENT_MAX) -> str:
    """The requirements in one sentence: 会议要求，全力推进线索核查等六个攻坚战，及时传达贯彻会议精神。"""
    items = [t for t in (task_clean(t) for t in tasks) if t]
    if not items:
        return ""
    parts: list[str] = []
    series = _series(items)
    rest = items
    if series:
        parts.append(series[0])
        rest = items[series[1] :]
    head = f"{who}要求，" if who else "要求："
    for task in rest:
        if len(head) + len("，".join([*parts, task])) + 2 > limit:
            break
        parts.append(task)
    if not parts:
        parts.append(cut_sentence(items[0] + "。", limit - len(head))[:-1])
    more = len(items) - (series[1] if series else 0) - (len(parts) - (1 if series else 0))
    text = "，".join(parts)
    if more > 0 and "等" not in parts[-1]:  # never 酒驾醉驾等违法行为等
        text += "等"
    return f"{head}{text}。"


# ---------------------------------------------------------------------------------- the unit
_OUTLET = re.compile(
    r"(?:网|报|报社|日报|晚报|晨报|新闻|电视台|广播电台|融媒体中心|通讯社|杂志社|客户端)$|^(?:新华社|中新社|人民网|新华网|央视)"
)
_BARE = re.compile(r"^(?:本|该|全|我)?[省市县区州旗镇乡]?(?:委|政府|人民政府|党委|委员会)?$")


def issuing_unit(organizer: str) -> str:
    """The unit a report is grouped under: its organizer, unless that is a news outlet or website, or a
    bare 市政府 / 县委 that names no place; else 其他."""
    unit = _SPACES.sub("", organizer or "")
    if len(unit) < 2 or _OUTLET.search(unit) or _BARE.match(unit):
        return OTHER_UNIT
    return unit


# ------------------------------------------------------------------------------------ heading
_WORDY = re.compile(r"[\u4e00-\u9fff]")


def heading_text(title: str, organizer: str = "", event: str = "") -> str:
    """The item's heading: the title (column tags such as （权威发布） taken off, spaces made single), or
    主办单位 + event when the title says too little (2.5亿元)."""
    text = _SPACES.sub(" ", title or "").strip()
    while (m := _COLUMN_TAG.search(text)) and m.start() >= 2:
        text = text[: m.start()].rstrip()
    unit = issuing_unit(organizer)
    if len(_WORDY.findall(text)) < 6 and event:
        who = unit if unit != OTHER_UNIT else ""
        return f"{who}{event}" if not event.startswith(who) else event
    return text


# --------------------------------------------------------------------------------------- item
Segment = tuple[str, str]  # text, and the evidence note for it ('' = none)


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One report as the briefing shows it. Plain data (kept in the archive's journal as JSON), so an
    issue can be written again later without the report's record."""

    sha256: str
    file: str
    heading: str
    lead: str
    figures: tuple[str, ...] = ()
    requirement: str = ""
    unit: str = OTHER_UNIT
    theme_text: str = ""  # title, event and keywords, for grouping by theme
    date_iso: str = ""
    source: str = ""
    keywords: str = ""
    metrics: tuple[tuple[str, str, float, str], ...] = ()  # name, indicator, value, unit of every figure
    tasks: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)  # part → evidence note (with --evidence)

    @property
    def date(self) -> str:
        return date_text(self.date_iso) if self.date_iso else ""

    @property
    def figures_sentence(self) -> str:
        return "，".join(self.figures) + "。" if self.figures else ""

    @property
    def text(self) -> str:
        return self.lead + self.figures_sentence + self.requirement

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            out[name] = list(map(list, value)) if name == "metrics" else value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Item:
        values = {k: data[k] for k in cls.__slots__ if k in data}
        for key in ("figures", "tasks"):
            values[key] = tuple(values.get(key, ()))
        values["metrics"] = tuple(tuple(m) for m in values.get("metrics", ()))
        values["notes"] = dict(values.get("notes", {}))
        return cls(**values)


def _first(record: Record, key: str) -> Found | None:
    found = record.fields.get(key, ())
    return found[0] if found else None


def _text(found: Found | None) -> str:
    return value_text(found.value).strip() if found is not None else ""


def _who(record: Record, title: str, unit: str) -> str:
    """Whose requirements: 会议 (a meeting), 通知 / 通报 (a notice, a circular), else the unit."""
    event = _text(_first(record, "event"))
    for kind in ("通知", "通报"):
        if kind in title:
            return kind
    if "会" in event or re.search(r"会议|会上|[^机社协学]会$", title):
        return "会议"
    return unit if unit != OTHER_UNIT else ""


def _note(label: str, shown: str, found: Found | None, record: Record) -> str:
    if found is None:
        return ""
    return f"{label}：{shown}\n原文：{found.evidence.marked()}\n文件：{record.path.name}"


def build_item(
    record: Record,
    *,
    summary: bool = True,
    figures: bool = True,
    tasks: bool = True,
    evidence: bool = False,
    limit: int = ITEM_MAX,
) -> Item:
    """The 简报 item of one report (switch parts off as schema.toml's briefing flags say)."""
    title_found = _first(record, "title")
    organizer = _text(_first(record, "organizer"))
    event = _text(_first(record, "event"))
    heading = heading_text(_text(title_found) or record.path.stem, organizer, event)
    metric_found = list(record.fields.get("metrics", ())) if figures else []
    task_found = list(record.fields.get("tasks", ())) if tasks else []
    summary_found = _first(record, "summary") if summary else None
    requirement = (
        requirement_sentence([_text(f) for f in task_found], _who(record, heading, issuing_unit(organizer)))
        if task_found
        else ""
    )
    lead = ""
    picked: list[Found] = []
    if summary_found is not None:
        ev = summary_found.evidence
        source = ev.sentence if ev.sentence and ev.sentence_start >= 0 else _text(summary_found)
        picked = pick_figures(metric_found, lead_text(source, LEAD_MAX))
        room = limit - len(requirement) - sum(len(t) + 1 for t in figure_texts([f.value for f in picked]))  # type: ignore[misc]
        lead = lead_text(source, max(min(LEAD_MAX if picked or requirement else limit, room), 40))
        if not lead and not requirement:  # a notice that opens with its list and says no requirement
            lead = lead_text(source, max(min(LEAD_MAX if picked else limit, room), 40), before_list=False)
    else:
        picked = pick_figures(metric_found)
    shown = figure_texts([f.value for f in picked])  # type: ignore[misc]
    while shown and len(lead) + len("，".join(shown)) + 1 + len(requirement) > limit:
        shown.pop()
        picked.pop()
    if len(lead) + len(requirement) > limit:
        requirement = ""
    notes: dict[str, str] = {}
    if evidence:
        notes["heading"] = _note("标题", heading, title_found, record)
        notes["lead"] = _note("摘要", lead, summary_found, record)
        for i, (text, found) in enumerate(zip(shown, picked, strict=True)):
            notes[f"figure{i}"] = _note("数据", text, found, record)
        notes["requirement"] = _note("要求", requirement, task_found[0] if task_found else None, record)
        notes = {k: v for k, v in notes.items() if v}
    metrics = tuple(
        (m.name, m.indicator, m.value, m.unit)
        for m in (f.value for f in record.fields.get("metrics", ()) if figures)
        if isinstance(m, Metric)
    )
    keywords = "、".join(value_text(v) for v in record.values("keywords"))
    return Item(
        sha256=record.sha256,
        file=record.path.name,
        heading=heading,
        lead=lead,
        figures=tuple(shown),
        requirement=requirement,
        unit=issuing_unit(organizer),
        theme_text=" ".join(x for x in (heading, event, keywords) if x),
        date_iso=_text(_first(record, "date")),
        source=_text(_first(record, "source")),
        keywords=keywords,
        metrics=metrics,
        tasks=tuple(_text(f) for f in task_found),
        notes=notes,
    )
