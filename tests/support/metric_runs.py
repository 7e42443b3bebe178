"""The metrics tests' way in: a text written as a 工作动态 report, read and extracted for real, and its
metrics as (name, value, unit) triples."""

from __future__ import annotations

from pathlib import Path

from reporter.extractor import extract
from reporter.model import Record
from reporter.readers import read
from reporter.schema import load_schema

M = tuple[str, float, str]  # (name, value, unit)


def run(text: str, folder: Path, templates: Path | None = None) -> Record:
    path = folder / "report.txt"
    path.write_text("工作动态\n" + text + "\n", encoding="utf-8")
    return extract(read(path), load_schema(), templates=templates)


def triples(record: Record) -> list[M]:
    return [(m.name, m.value, m.unit) for m in record.values("metrics")]
