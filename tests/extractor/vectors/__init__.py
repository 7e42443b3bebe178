"""Strategy vectors, one module per field: every named extractor strategy with a report text written
for the project, the value(s) that strategy must produce and near misses it must avoid."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

from . import date, event, location, organizer, source, title

ALL: tuple[Vector, ...] = (
    *title.VECTORS,
    *date.VECTORS,
    *source.VECTORS,
    *organizer.VECTORS,
    *event.VECTORS,
    *location.VECTORS,
)
