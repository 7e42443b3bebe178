"""Field rules: one small module per field group, each rule registered with @rule("key").

Rules run in RULE_ORDER (later rules may read what earlier ones found, e.g. units leave out the
organizer); the record lists fields in the schema's order.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Found
from ..context import Context

Rule = Callable[[Context], list[Found]]
RULES: dict[str, Rule] = {}

# dependency order: header facts first, then the meeting frame, people before host, metrics before tasks
RULE_ORDER = (
    "title",
    "date",
    "source",
    "organizer",
    "event",
    "location",
    "people",
    "host",
    "units",
    "metrics",
    "tasks",
    "keywords",
    "summary",
)


def rule(key: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        if key in RULES:
            raise ValueError(f"two rules for field {key!r}")
        RULES[key] = fn
        return fn

    return register


from . import header, host, location, meeting, metrics, people, summary, tasks, units  # noqa: E402,F401  (registration)
