"""The held-out set: reports written for the project that no rule was fitted to first (tests/data/heldout).

Every document is extracted and scored field by field against its hand-made label with the matching
rules of the field schema (tests/support/heldout_score.py). Each field has a floor a little below what the
extractor reaches today: a rule change that makes a field fall through its floor fails here, whatever the
development set says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.extractor import extract
from reporter.readers import read
from reporter.schema import load_schema
from reporter.writers.jsonl import record_to_dict
from tests.support.heldout_score import Count, score

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"

# F1 floors per field: the value measured on all 109 documents (batches N…J) after this round's rules were
# merged, rounded down to 0.01. Batch J (J01–J18) was written blind and scored before the merge (0.899 alone).
# A change that lowers a field below its floor has to say why in the README of the held-out set.
FLOORS = {
    "title": 0.99,
    "date": 0.98,
    "organizer": 0.89,
    "event": 0.94,
    "location": 0.80,
    "host": 0.99,
    "source": 0.99,
    "people": 0.98,
    "people.title": 0.99,
    "units": 0.88,  # 0.892 → 0.888 when a story paragraph opening 记者看到… stopped hiding its people (J11)
    "metrics": 0.94,
    "tasks": 0.99,
    "overall": 0.95,
}


@pytest.fixture(scope="module")
def counts() -> dict[str, Count]:
    schema = load_schema()
    pairs = []
    for doc in sorted((HELDOUT / "docs").glob("*.txt")):
        gold = json.loads((HELDOUT / "labels" / f"{doc.stem}.json").read_text(encoding="utf-8"))
        got = record_to_dict(extract(read(doc), schema), schema, evidence=False)
        pairs.append((gold, got))
    assert len(pairs) >= 109
    return score(pairs)


def test_every_document_has_a_label():
    docs = {p.stem for p in (HELDOUT / "docs").glob("*.txt")}
    labels = {p.stem for p in (HELDOUT / "labels").glob("*.json")}
    assert docs == labels


@pytest.mark.parametrize("field", list(FLOORS))
def test_field_floor(counts, field):
    c = counts[field]
    assert c.f1 >= FLOORS[field], f"{field}: F1 {c.f1:.3f} (tp {c.tp} fp {c.fp} fn {c.fn}) < {FLOORS[field]}"


def test_the_scorer_follows_the_matching_rules():
    """Dates exact; text after punctuation and spaces, with tolerance; metrics by value and unit first."""
    gold = {
        "title": "某县召开“平安建设”推进会",
        "date": "2024-05-06",
        "metrics": [{"name": "破获案件", "value": 12, "unit": "起"}],
        "tasks": ["压实安全责任"],
        "people": [{"name": "王明", "title": "县委书记"}],
    }
    got = {
        "title": "某县召开平安建设推进会",
        "date": "2024-05-07",
        "metrics": [
            {"name": "破获各类案件", "value": 12, "unit": "起"},
            {"name": "破获案件", "value": 12, "unit": "件"},
        ],
        "tasks": ["压实安全责任，"],
        "people": [{"name": "王明", "title": "县长"}],
    }
    c = score([(gold, got)])
    assert (c["title"].tp, c["date"].tp, c["date"].fp, c["date"].fn) == (1, 0, 1, 1)
    assert (c["metrics"].tp, c["metrics"].fp) == (1, 1)
    assert c["tasks"].tp == 1 and c["people"].tp == 1 and c["people.title"].tp == 0
