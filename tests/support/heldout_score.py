"""Field-by-field precision, recall and F1 of extracted records against hand-made labels.

Matching follows the notes in the field schema (spec/fields.md, development-set README): dates must be
equal; other text is compared after dropping spaces and punctuation, with a small tolerance (one text
inside the other when it is most of it, or a close character-sequence ratio); people are paired by
name, and then their posts compared; metrics by value and unit, then a similar name; tasks by a similar
leading clause. Each gold item is paired with at most one extracted item, in order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

SCALAR_FIELDS = ("title", "date", "organizer", "event", "location", "host", "source")
LIST_FIELDS = ("people", "people.title", "units", "metrics", "tasks")
_DROP = re.compile(r"[\s\u3000“”‘’\"'《》〈〉「」『』（）()【】\[\]，,。.、；;：:！!？?·—\-_/]+")


def plain(value: Any) -> str:
    if value is None:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(value))).lower()


def alike(a: Any, b: Any, threshold: float) -> bool:
    x, y = plain(a), plain(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if short in long_ and len(short) >= threshold * len(long_):
        return True
    return SequenceMatcher(None, x, y).ratio() >= threshold


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(gold: list, got: list, same: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    free = list(range(len(got)))
    out = []
    for g in gold:
        for i in free:
            if same(g, got[i]):
                free.remove(i)
                out.append((g, got[i]))
                break
    return out


def _metric_same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    try:
        gv, pv = float(g["value"]), float(p.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return False
    close = abs(gv - pv) <= 1e-6 * max(1.0, abs(gv))
    return close and plain(g.get("unit")) == plain(p.get("unit")) and alike(g.get("name"), p.get("name"), 0.5)


def _dicts(value: Any) -> list[dict]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def score_record(gold: Mapping[str, Any], got: Mapping[str, Any], counts: dict[str, Count]) -> None:
    for key in SCALAR_FIELDS:
        g, p = gold.get(key), got.get(key)
        hit = bool(g and p and (g == p if key == "date" else alike(g, p, 0.8)))
        counts[key].add(int(hit), int(bool(p) and not hit), int(bool(g) and not hit))

    def tally(key: str, gold_items: list, got_items: list, same: Callable[[Any, Any], bool]) -> list:
        paired = _pairs(gold_items, got_items, same)
        counts[key].add(len(paired), len(got_items) - len(paired), len(gold_items) - len(paired))
        return paired

    people = tally(
        "people",
        _dicts(gold.get("people")),
        _dicts(got.get("people")),
        lambda g, p: plain(g.get("name")) == plain(p.get("name")),
    )
    titled = [(g, p) for g, p in people if g.get("title")]
    good = sum(alike(g["title"], p.get("title"), 0.7) for g, p in titled)
    counts["people.title"].add(good, len(titled) - good, len(titled) - good)
    units = [u for u in gold.get("units") or [] if isinstance(u, str)]
    tally(
        "units",
        units,
        [u for u in got.get("units") or [] if isinstance(u, str)],
        lambda g, p: alike(g, p, 0.8),
    )
    tally("metrics", _dicts(gold.get("metrics")), _dicts(got.get("metrics")), _metric_same)
    tasks = [t for t in gold.get("tasks") or [] if isinstance(t, str)]
    tally(
        "tasks",
        tasks,
        [t for t in got.get("tasks") or [] if isinstance(t, str)],
        lambda g, p: alike(g, p, 0.6),
    )


def score(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, Count]:
    """(gold, extracted) records → a Count per field, and "overall" over all fields."""
    counts = {key: Count() for key in (*SCALAR_FIELDS, *LIST_FIELDS)}
    for gold, got in pairs:
        score_record(gold, got, counts)
    overall = Count()
    for c in counts.values():
        overall.add(c.tp, c.fp, c.fn)
    counts["overall"] = overall
    return counts
