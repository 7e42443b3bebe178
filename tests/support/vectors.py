"""Field vectors: a report text written for the tests, and what a field must and must not hold.

The texts are written for this project in the style of county reports; none is copied from the
development set. `run_vector` runs the real reader and extractor on the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporter.extractor import extract
from reporter.model import Metric, Person, Record
from reporter.readers import read
from reporter.schema import load_schema


@dataclass(frozen=True)
class FieldVector:
    id: str
    field: str
    text: str
    must_include: tuple[Any, ...] = ()
    must_not_include: tuple[Any, ...] = ()
    exact: Any = field(default=None)  # a scalar field's exact expected value (None: not checked)
    empty: bool = False  # the field must be empty
    ref_date: dt.date | None = None


def extract_text(
    text: str, folder: Path, name: str = "report.txt", ref_date: dt.date | None = None
) -> Record:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return extract(read(path), load_schema(), ref_date=ref_date)


def as_text(value: Any) -> str:
    if isinstance(value, Person):
        return f"{value.name}|{value.title}"
    if isinstance(value, Metric):
        return f"{value.name}|{value.value}|{value.unit}"
    return str(value)


def check_vector(vector: FieldVector, record: Record) -> None:
    values = [as_text(v) for v in record.values(vector.field)]
    if vector.empty:
        assert values == [], f"{vector.id}: expected no {vector.field}, got {values}"
    if vector.exact is not None:
        assert values[:1] == [vector.exact], (
            f"{vector.id}: {vector.field} = {values[:1]}, expected {vector.exact!r}"
        )
    for want in vector.must_include:
        assert any(want == v or (("|" not in str(want)) and want == v.split("|")[0]) for v in values), (
            f"{vector.id}: {want!r} not in {vector.field} {values}"
        )
    for bad in vector.must_not_include:
        assert not any(bad == v or bad == v.split("|")[0] for v in values), (
            f"{vector.id}: {bad!r} should not be in {vector.field} {values}"
        )
    # every value is grounded: its evidence span lies inside the text and inside its sentence
    for found in record.fields.get(vector.field, ()):
        ev = found.evidence
        assert 0 <= ev.span.start < ev.span.end <= record.chars
        assert ev.sentence_start <= ev.span.start
        assert found.rule.startswith(vector.field.split(".")[0]) or found.rule


def run_vector(vector: FieldVector, folder: Path) -> None:
    """Write the vector's text as a report in folder, extract it for real, and check the field."""
    check_vector(vector, extract_text(vector.text, folder, ref_date=vector.ref_date))
