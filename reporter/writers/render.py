"""Values as people read them in the ledger and the briefing (shared by the Excel and Word writers)."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..model import Metric, Person, Record
from ..schema import FieldSpec


def format_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6g}"


def person_text(p: Person) -> str:
    """于海（市政府副市长、市公安局局长）"""
    return f"{p.name}（{p.title}）" if p.title else p.name


def metric_text(m: Metric) -> str:
    """摸排线索 1142 条; 刑事发案同比 -7.6%"""
    value = format_number(m.value)
    unit = m.unit
    if unit in ("%", "‰"):
        return f"{m.name} {value}{unit}"
    return f"{m.name} {value} {unit}".rstrip()


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Person):
        return person_text(value)
    if isinstance(value, Metric):
        return metric_text(value)
    return str(value)


def field_text(record: Record, spec: FieldSpec, sep: str = "\n") -> str:
    """A field as one cell's text: list items one per line."""
    values = record.values(spec.key)
    if not values:
        return ""
    if spec.kind == "list[str]" and spec.key == "keywords":
        return "、".join(value_text(v) for v in values)
    return sep.join(value_text(v) for v in values)


def display_width(text: str) -> int:
    """Columns a string needs: East Asian wide and full-width characters count as 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def date_text(iso: str) -> str:
    """A schema date as people write it: 2024-06-01 → 2024年6月1日, 2024-06 → 2024年6月, --06-01 → 6月1日."""
    parts = iso.split("-")
    try:
        if iso.startswith("--") and len(parts) == 4:
            return f"{int(parts[2])}月{int(parts[3])}日"
        if len(parts) == 3:
            return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
        if len(parts) == 2:
            return f"{int(parts[0])}年{int(parts[1])}月"
    except ValueError:
        pass
    return iso


def quantity_text(value: int | float, unit: str) -> str:
    """A figure with its unit, written close as in a table: 93起, 12.5%, 336.8万元."""
    return f"{format_number(value)}{unit}"
