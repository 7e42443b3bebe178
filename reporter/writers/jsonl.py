"""Records as JSON: the shape of spec/fields.md plus file facts, review flags and evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Metric, Person, Record
from ..schema import Schema


def _plain(value: Any) -> Any:
    if isinstance(value, Person):
        return {"name": value.name, "title": value.title}
    if isinstance(value, Metric):
        out: dict[str, Any] = {"name": value.name, "value": value.value, "unit": value.unit}
        if value.indicator and value.indicator != value.name:
            out["indicator"] = value.indicator
        return out
    return value


def record_to_dict(record: Record, schema: Schema, *, evidence: bool = True) -> dict[str, Any]:
    """One record as a dict: file, sha256, chars, every schema field, review, evidence."""
    out: dict[str, Any] = {"file": str(record.path), "sha256": record.sha256, "chars": record.chars}
    for spec in schema.fields:
        values = [_plain(v) for v in record.values(spec.key)]
        out[spec.key] = values if spec.is_list else (values[0] if values else None)
    out["review"] = [{"field": r.field, "reason": r.reason} for r in record.review]
    if record.warnings:
        out["warnings"] = list(record.warnings)
    if evidence:
        out["evidence"] = {
            key: [
                {
                    "start": f.evidence.span.start,
                    "end": f.evidence.span.end,
                    "sentence": f.evidence.sentence,
                    "rule": f.rule,
                }
                for f in found
            ]
            for key, found in record.fields.items()
            if found
        }
    return out


def dumps(record: Record, schema: Schema, *, indent: int | None = None, evidence: bool = True) -> str:
    return json.dumps(record_to_dict(record, schema, evidence=evidence), ensure_ascii=False, indent=indent)


def write_jsonl(records: Iterable[Record], schema: Schema, out: Path) -> Path:
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.write(dumps(record, schema) + "\n")
    return out
