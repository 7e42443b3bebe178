"""Readable views of a record for the terminal: `extract --format table` and `extract --explain`."""

from __future__ import annotations

from .model import Record
from .schema import Schema
from .writers.render import value_text


def table_record(record: Record, schema: Schema) -> str:
    lines = [f"== {record.path}"]
    width = max(len(s.header) for s in schema.fields)
    for spec in schema.fields:
        values = [value_text(v) for v in record.values(spec.key)]
        mark = " ⚑" if record.flagged(spec.key) else ""
        if not values:
            lines.append(f"{spec.header:　<{width}}  —")
        elif not spec.is_list:
            lines.append(f"{spec.header:　<{width}}  {values[0]}{mark}")
        else:
            lines.append(f"{spec.header:　<{width}}  {values[0]}{mark}")
            lines.extend(f"{'':　<{width}}  {v}" for v in values[1:])
    for review in record.review:
        lines.append(f"待核：{schema.header(review.field)}（{review.reason}）")
    return "\n".join(lines)


def explain_record(record: Record, schema: Schema) -> str:
    """Each value with the rule that found it and its sentence, the value marked 【…】."""
    lines = [f"== {record.path}"]
    for spec in schema.fields:
        found = record.fields.get(spec.key, ())
        if not found:
            lines.append(f"{spec.key}（{spec.header}）：—")
            continue
        for f in found:
            ev = f.evidence
            lines.append(
                f"{spec.key}（{spec.header}）：{value_text(f.value)}\n"
                f"    规则 {f.rule}  位置 {ev.span.start}-{ev.span.end}\n    {ev.marked()}"
            )
    for review in record.review:
        lines.append(f"待核：{schema.header(review.field)}（{review.reason}）")
    return "\n".join(lines)
