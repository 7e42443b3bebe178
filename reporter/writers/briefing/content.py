"""What a briefing says, worked out from the records (no Word here).

    content = build_content(records, schema)
    content.reports        one Report per distinct report, by date
    content.units          (unit, its reports) in order of first appearance
    content.indicators     one IndicatorRow per normalised indicator and unit of measure, with totals per unit
    content.overview       the 一、总体情况 sentence

Two files with the same extracted content (the same report saved as .txt and .docx) count once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Found, Metric, Record, Value
from ...schema import Schema
from ..render import date_text, quantity_text, value_text

NO_UNIT = "未注明单位"
UNSUMMABLE = ("%", "‰")
MAX_UNITS_NAMED = 5
TASK_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+(?:是|要|、)|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.．、])"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Detail:
    """What a report shows beyond its heading, with the evidence of each value (read from its record)."""

    record: Record
    summary: Found | None
    metrics: tuple[Found, ...]
    tasks: tuple[Found, ...]
    title_found: Found | None
    date_found: Found | None
    unit_found: Found | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One report as the briefing shows it: its heading here, the rest read from its record on demand
    (records may be kept on disk while a run writes: reporter.spool)."""

    records: Sequence[Record] = field(repr=False, compare=False)
    index: int  # of its record in `records`
    no: int  # 1, 2, … in the order the briefing lists them
    title: str
    date: str  # as people write it: 2024年6月1日 ('' when none)
    date_iso: str
    unit: str  # organizer, else source, else 未注明单位
    summary: str | None  # what the briefing shows of it (None: no summary, or not shown)
    metrics: tuple[Value, ...]  # its figures (Metric, or text), without their evidence
    tasks: tuple[str, ...]  # its requirements as extracted

    @property
    def figures_text(self) -> str:
        """破获刑事案件 93 起；抓获违法犯罪嫌疑人 117 人"""
        return "；".join(value_text(v) for v in self.metrics)

    @property
    def record(self) -> Record:
        return self.records[self.index]

    def detail(self) -> Detail:
        """Read the record once and pick the evidence of what the briefing shows of it (a section
        switched off left its summary None and its figures and requirements empty)."""
        record = self.record
        return Detail(
            record=record,
            summary=_first(record, "summary") if self.summary is not None else None,
            metrics=tuple(record.fields.get("metrics", ())) if self.metrics else (),
            tasks=tuple(record.fields.get("tasks", ())) if self.tasks else (),
            title_found=_first(record, "title"),
            date_found=_first(record, "date"),
            unit_found=_unit_found(record),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorRow:
    """A normalised indicator in one unit of measure, summed over the reports, with totals per unit."""

    indicator: str
    measure: str  # 起, 人, 万元 …
    total: int | float
    by_unit: tuple[tuple[str, int | float], ...]  # (unit, total) in order of first appearance

    @property
    def total_text(self) -> str:
        return quantity_text(self.total, self.measure)

    @property
    def by_unit_text(self) -> str:
        return "；".join(f"{unit} {quantity_text(v, self.measure)}" for unit, v in self.by_unit)


@dataclass(slots=True, kw_only=True)
class Content:
    reports: list[Report] = field(default_factory=list)
    units: list[tuple[str, list[Report]]] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    duplicates: int = 0
    span: str = ""
    overview: str = ""
    show_summary: bool = True
    show_metrics: bool = True
    show_tasks: bool = True
    metrics_label: str = "工作数据"
    tasks_label: str = "工作要求"

    @property
    def task_reports(self) -> list[Report]:
        return [r for r in self.reports if r.tasks]


def _first(record: Record, key: str) -> Found | None:
    found = record.fields.get(key, ())
    return found[0] if found else None


def _unit_found(record: Record) -> Found | None:
    return _first(record, "organizer") or _first(record, "source")


def _text(found: Found | None) -> str:
    return value_text(found.value).strip() if found is not None else ""


def _dedup_key(record: Record) -> bytes:
    """A digest of everything extracted (keywords aside): two files with the same content count once."""
    fields = tuple(
        (key, tuple(value_text(f.value) for f in found))
        for key, found in sorted(record.fields.items())
        if key != "keywords"
    )
    if not any(values for _, values in fields):
        return b"sha256:" + record.sha256.encode()  # nothing extracted: only byte-equal files are the same
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=16).digest()


def _date_sort_key(iso: str) -> tuple[int, str]:
    if not iso:
        return (2, "")
    if iso.startswith("--"):
        return (1, iso)
    return (0, iso)


def _span(reports: Sequence[Report]) -> str:
    """2024年6月1日至6月3日 (year given once when both ends share it); '' when no report has a dated year."""
    dated = sorted(r.date_iso for r in reports if r.date_iso and not r.date_iso.startswith("--"))
    if not dated:
        return ""
    first, last = dated[0], dated[-1]
    if first == last:
        return date_text(first)
    end = date_text(last)
    if first[:4] == last[:4]:
        end = end.split("年", 1)[1]
    return f"{date_text(first)}至{end}"


def _indicators(totals: dict[tuple[str, str], dict[str, int | float]], schema: Schema) -> list[IndicatorRow]:
    order = {name: i for i, name in enumerate(schema.indicators)}
    rows = []
    for (indicator, measure), per_unit in sorted(
        totals.items(), key=lambda kv: (order.get(kv[0][0], len(order)), kv[0])
    ):
        total = sum(per_unit.values())
        rows.append(
            IndicatorRow(
                indicator=indicator,
                measure=measure,
                total=_round(total),
                by_unit=tuple((u, _round(v)) for u, v in per_unit.items()),
            )
        )
    return rows


def _summable(metrics: Sequence[Found]) -> tuple[tuple[str, str, int | float], ...]:
    """(indicator, unit of measure, value) of the figures that add up across reports."""
    return tuple(
        (m.indicator, m.unit, m.value)
        for m in (f.value for f in metrics)
        if isinstance(m, Metric) and m.indicator and m.unit not in UNSUMMABLE
    )


def _round(value: float) -> int | float:
    """Sums of decimals without float noise: 0.1 + 0.2 → 0.3."""
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


def _overview(content: Content, tasks: int, figures: int) -> str:
    n = len(content.reports)
    names = [unit for unit, _ in content.units if unit != NO_UNIT]
    text = f"本期汇总报告{n}份"
    if names:
        listed = "、".join(names[:MAX_UNITS_NAMED])
        text += (
            f"，涉及{listed}等{len(names)}个单位"
            if len(names) > MAX_UNITS_NAMED
            else f"，涉及{listed}" + (f"共{len(names)}个单位" if len(names) > 1 else "")
        )
    if content.span:
        text += f"，时间为{content.span}"
    text += "。"
    undated = sum(1 for r in content.reports if not r.date_iso or r.date_iso.startswith("--"))
    if undated:
        text += f"其中{undated}份报告未注明年份或日期。" if undated < n else "报告均未注明完整日期。"
    parts = []
    if content.show_metrics:
        parts.append(f"{content.metrics_label}{figures}项")
    if content.show_tasks:
        parts.append(f"{content.tasks_label}{tasks}条")
    if parts:
        text += "共整理" + "、".join(parts) + "。"
    if content.duplicates:
        text += f"另有{content.duplicates}份与上述报告内容相同，未重复计入。"
    return text


def build_content(records: Sequence[Record], schema: Schema) -> Content:
    """One pass over the records (they may be on disk): each report's heading, the totals, the overview."""

    def shown(key: str) -> bool:
        return key in schema and schema[key].briefing

    content = Content(
        show_summary=shown("summary"),
        show_metrics=shown("metrics"),
        show_tasks=shown("tasks"),
        metrics_label=schema.header("metrics"),
        tasks_label=schema.header("tasks"),
    )
    seen: set[bytes] = set()
    drafts = []
    for index, record in enumerate(records):
        key = _dedup_key(record)
        if key in seen:
            content.duplicates += 1
            continue
        seen.add(key)
        date_iso = _text(_first(record, "date"))
        unit = _text(_unit_found(record)) or NO_UNIT
        metrics = record.fields.get("metrics", ()) if content.show_metrics else ()
        summary = _first(record, "summary") if content.show_summary else None
        tasks = record.fields.get("tasks", ()) if content.show_tasks else ()
        drafts.append(
            dict(
                sums=_summable(metrics),
                records=records,
                index=index,
                title=_text(_first(record, "title")) or record.path.stem,
                date=date_text(date_iso) if date_iso else "",
                date_iso=date_iso,
                unit=unit,
                summary=value_text(summary.value) if summary is not None else None,
                metrics=tuple(f.value for f in metrics),
                tasks=tuple(value_text(f.value) for f in tasks),
            )
        )
    drafts.sort(key=lambda d: _date_sort_key(d["date_iso"]))
    totals: dict[
        tuple[str, str], dict[str, int | float]
    ] = {}  # per unit in the order the briefing lists them
    for d in drafts:
        for indicator, measure, value in d.pop("sums"):
            per_unit = totals.setdefault((indicator, measure), {})
            per_unit[d["unit"]] = per_unit.get(d["unit"], 0) + value
    content.reports = [Report(no=i, **d) for i, d in enumerate(drafts, 1)]
    by_unit: dict[str, list[Report]] = {}
    for report in content.reports:
        by_unit.setdefault(report.unit, []).append(report)
    content.units = list(by_unit.items())
    content.indicators = _indicators(totals, schema) if content.show_metrics else []
    content.span = _span(content.reports)
    content.overview = _overview(
        content,
        tasks=sum(len(r.tasks) for r in content.reports),
        figures=sum(len(r.metrics) for r in content.reports),
    )
    return content


def task_text(text: str, n: int) -> str:
    """A requirement as a line of the briefing: numbered 1. … unless it has its own marker (一是…); ends with 。"""
    text = text.strip()
    if text and text[-1] not in "。；！？…;!?":
        text += "。"
    return text if TASK_MARKER.match(text) else f"{n}. {text}"
