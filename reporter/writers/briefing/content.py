"""What a briefing says, worked out from its items (no Word here).

    items = build_items(records, schema)           one Item per distinct report (item.py)
    content = compose(items, settings, schema)
    content.items          the items, by date
    content.groups         (unit or theme, its items by date): groups by the date of their first item, 其他 last
    content.indicators     one IndicatorRow per indicator and unit of measure, with totals per unit (数据表)
    content.overview       the one sentence before the items

Two files with the same extracted content (the same report saved as .txt and .docx) count once. Items are
plain data, so an issue is written again from the items kept in the archive's journal (issues.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...model import Record
from ...schema import Schema
from ..render import date_text, value_text
from .item import OTHER_UNIT, Item, build_item, number_text
from .settings import BriefingSettings

NO_UNIT = OTHER_UNIT
UNSUMMABLE = ("%", "‰")
TASK_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+(?:是|要|、)|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.．、])"
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
        return number_text(self.total, self.measure)

    @property
    def by_unit_text(self) -> str:
        return "；".join(f"{unit}{number_text(v, self.measure)}" for unit, v in self.by_unit)


@dataclass(slots=True, kw_only=True)
class Content:
    items: list[Item] = field(default_factory=list)
    groups: list[tuple[str, list[Item]]] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    duplicates: int = 0
    span: str = ""
    overview: str = ""
    grouping: str = "单位"
    metrics_label: str = "工作数据"
    tasks_label: str = "工作要求"

    @property
    def units(self) -> list[str]:
        """The distinct issuing units (其他 aside)."""
        seen = dict.fromkeys(i.unit for i in self.items if i.unit != OTHER_UNIT)
        return list(seen)


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


def build_items(
    records: Iterable[Record], schema: Schema, *, evidence: bool = False
) -> tuple[list[Item], int]:
    """One item per distinct report (in the records' order) and the number of repeats left out."""

    def shown(key: str) -> bool:
        return key in schema and schema[key].briefing

    flags = {"summary": shown("summary"), "figures": shown("metrics"), "tasks": shown("tasks")}
    seen: set[bytes] = set()
    shas: set[str] = set()
    items: list[Item] = []
    duplicates = 0
    for record in records:
        key = _dedup_key(record)
        if key in seen or record.sha256 in shas:
            duplicates += 1
            continue
        seen.add(key)
        shas.add(record.sha256)
        items.append(build_item(record, evidence=evidence, **flags))
    return items, duplicates


def date_sort_key(iso: str) -> tuple[int, str]:
    if not iso:
        return (2, "")
    if iso.startswith("--"):
        return (1, iso)
    return (0, iso)


def _span(items: Sequence[Item]) -> str:
    """2024年6月1日至6月3日 (year given once when both ends share it); '' when no report has a dated year."""
    dated = sorted(i.date_iso for i in items if i.date_iso and not i.date_iso.startswith("--"))
    if not dated:
        return ""
    first, last = dated[0], dated[-1]
    if first == last:
        return date_text(first)
    end = date_text(last)
    if first[:4] == last[:4]:
        end = end.split("年", 1)[1]
    return f"{date_text(first)}至{end}"


def theme_of(item: Item, themes: dict[str, tuple[str, ...]]) -> str:
    """The first theme one of whose words the item's heading, event or keywords hold; else 其他."""
    for name, words in themes.items():
        if any(w in item.theme_text for w in words):
            return name
    return OTHER_UNIT


def group_items(items: Sequence[Item], settings: BriefingSettings) -> list[tuple[str, list[Item]]]:
    """(group, items by date) with groups in the order of their first item's date, 其他 last."""
    ordered = sorted(items, key=lambda i: date_sort_key(i.date_iso))
    groups: dict[str, list[Item]] = {}
    for item in ordered:
        name = theme_of(item, settings.themes) if settings.grouping == "主题" else item.unit
        groups.setdefault(name, []).append(item)
    other = groups.pop(OTHER_UNIT, None)
    out = list(groups.items())
    if other:
        out.append((OTHER_UNIT, other))
    return out


def _round(value: float) -> int | float:
    """Sums of decimals without float noise: 0.1 + 0.2 → 0.3."""
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


def _indicators(items: Sequence[Item], schema: Schema) -> list[IndicatorRow]:
    totals: dict[tuple[str, str], dict[str, int | float]] = {}
    for item in items:
        for _name, indicator, value, measure in item.metrics:
            if indicator and measure not in UNSUMMABLE:
                per_unit = totals.setdefault((indicator, measure), {})
                per_unit[item.unit] = per_unit.get(item.unit, 0) + value
    order = {name: i for i, name in enumerate(schema.indicators)}
    rows = []
    for (indicator, measure), per_unit in sorted(
        totals.items(), key=lambda kv: (order.get(kv[0][0], len(order)), kv[0])
    ):
        rows.append(
            IndicatorRow(
                indicator=indicator,
                measure=measure,
                total=_round(sum(per_unit.values())),
                by_unit=tuple((u, _round(v)) for u, v in per_unit.items()),
            )
        )
    return rows


def _overview(content: Content) -> str:
    n = len(content.items)
    units = len(content.units)
    text = f"本期收录报告{n}份"
    if units:
        text += f"，涉及{units}个单位"
    if content.span:
        text += f"，时间为{content.span}"
    text += "。"
    if content.duplicates:
        text += f"另有{content.duplicates}份与上述报告内容相同，未重复收录。"
    return text


def compose(
    items: Sequence[Item], settings: BriefingSettings, schema: Schema, *, duplicates: int = 0
) -> Content:
    """The issue's content from its items (new ones, or those kept in the journal)."""
    content = Content(
        items=sorted(items, key=lambda i: date_sort_key(i.date_iso)),
        duplicates=duplicates,
        grouping=settings.grouping,
        metrics_label=schema.header("metrics") if "metrics" in schema else "工作数据",
        tasks_label=schema.header("tasks") if "tasks" in schema else "工作要求",
    )
    content.groups = group_items(content.items, settings)
    content.indicators = _indicators(content.items, schema)
    content.span = _span(content.items)
    content.overview = _overview(content)
    return content


def build_content(
    records: Sequence[Record],
    schema: Schema,
    settings: BriefingSettings | None = None,
    *,
    evidence: bool = False,
) -> Content:
    """Items of the records, composed into an issue."""
    items, duplicates = build_items(records, schema, evidence=evidence)
    return compose(items, settings or BriefingSettings(), schema, duplicates=duplicates)


def task_text(text: str, n: int) -> str:
    """A requirement as a line of the briefing: numbered 1. … unless it has its own marker (一是…); ends with 。"""
    text = text.strip()
    if text and text[-1] not in "。；！？…;!?":
        text += "。"
    return text if TASK_MARKER.match(text) else f"{n}. {text}"
