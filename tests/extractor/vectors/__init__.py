"""Strategy vectors, one module per field: every named extractor strategy with a report text written
for the project, the value(s) that strategy must produce and near misses it must avoid."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

from . import date, digest, event, location, metrics, organizer, people, source, tasks, title, units

MODULES = (title, date, source, organizer, event, location, people, units, metrics, tasks, digest)

ALL: tuple[Vector, ...] = tuple(v for module in MODULES for v in module.VECTORS)
