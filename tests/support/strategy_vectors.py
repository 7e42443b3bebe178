"""Strategy vectors: one invented report text per named extractor strategy, and what it must produce.

Every strategy of the extractor puts its name into `Found.rule` as "<field>.<strategy>". A vector names
one strategy, gives a short report text written for the project, the value(s) that very strategy must
produce and, where useful, near-miss values that must not appear in the field at all.
`strategy_names()` scans the extractor's source for the names, so a new strategy without a vector
is noticed by the completeness test.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reporter.extractor import extract
from reporter.model import Found, Metric, Person, Record
from reporter.readers import read
from reporter.schema import load_schema

FIELDS = (
    "title",
    "date",
    "organizer",
    "event",
    "location",
    "host",
    "people",
    "units",
    "metrics",
    "tasks",
    "source",
    "keywords",
    "summary",
)
NAME = re.compile(r"[\"']((?:" + "|".join(FIELDS) + r")\.[a-z_]+)[\"']")
EXTRACTOR = Path(__file__).resolve().parents[2] / "reporter" / "extractor"


def strategy_names(root: Path = EXTRACTOR) -> set[str]:
    """Every string literal "<field>.<strategy>" in the extractor's Python source."""
    names: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        names.update(NAME.findall(path.read_text(encoding="utf-8")))
    return names


@dataclass(frozen=True)
class Vector:
    """One strategy's test vector.

    want: values the strategy must produce — a str for title/date/organizer/event/location/host/
    units/tasks/source/keywords/summary, (name, title) for people, (name, value, unit) for metrics.
    must_not: values that must not appear in the field at all (a str, or a tuple as in want).
    """

    rule: str
    text: str
    want: tuple[Any, ...]
    must_not: tuple[Any, ...] = ()
    ref_date: dt.date | None = None
    xfail: str = ""  # a reason: the strategy fails on a sentence in its own frame (a known bug)
    docx: bool = False  # a Word file: the first line a Title paragraph, lines opening "- " bullets

    @property
    def field(self) -> str:
        return self.rule.split(".")[0]


_PUNCT = re.compile(r"[\s\u3000“”‘’\"'《》〈〉「」『』（）()【】\[\]，,。.、；;：:！!？?·—\-_/]+")


def norm(text: object) -> str:
    """Strings compare as the scorer compares them: NFKC, no spaces or punctuation, lower case."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def matches(value: object, want: Any) -> bool:
    """Does one extracted value match a wanted (or unwanted) value?"""
    if isinstance(value, Person):
        if isinstance(want, tuple):
            return norm(value.name) == norm(want[0]) and norm(value.title) == norm(want[1])
        return norm(value.name) == norm(want)
    if isinstance(value, Metric):
        if isinstance(want, tuple):
            name, number, unit = want
            return norm(value.name) == norm(name) and value.value == number and value.unit == unit
        return norm(value.name) == norm(want)
    if isinstance(value, str) and re.fullmatch(r"[\d-]+", value):  # a date: exact
        return value == want
    return norm(value) == norm(want)


def show(found: Found) -> str:
    value = found.value
    if isinstance(value, Person):
        text = f"{value.name}·{value.title}"
    elif isinstance(value, Metric):
        text = f"{value.name} {value.value} {value.unit}"
    else:
        text = str(value)
    return f"{text} [{found.rule}]"


def check(vector: Vector, record: Record) -> list[str]:
    """The problems of one vector on its record ([] when it passes)."""
    found = record.fields.get(vector.field, ())
    problems = []
    for want in vector.want:
        if not any(item.rule == vector.rule and matches(item.value, want) for item in found):
            problems.append(f"{want!r} not produced by {vector.rule}")
    for bad in vector.must_not:
        if any(matches(item.value, bad) for item in found):
            problems.append(f"{bad!r} must not be in {vector.field}")
    if problems:
        problems.append(f"{vector.field} holds: " + "; ".join(show(item) for item in found) or "nothing")
    return problems


def run(vector: Vector, folder: Path) -> Record:
    """The real reader and extractor on the vector's text, written to a file in folder."""
    if vector.docx:
        import docx

        document = docx.Document()
        first, *rest = vector.text.rstrip("\n").split("\n")
        document.add_heading(first, 0)
        for line in rest:  # "- " opens a Word bullet (List Bullet style, no number label)
            if line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
        path = folder / "report.docx"
        document.save(str(path))
    else:
        path = folder / "report.txt"
        path.write_text(vector.text, encoding="utf-8")
    return extract(read(path), load_schema(), ref_date=vector.ref_date)
