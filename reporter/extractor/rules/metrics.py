"""(first pass: filled in by the extractor work)"""

from __future__ import annotations

from ...model import Found
from ..context import Context
from . import rule


@rule("metrics")
def metrics(ctx: Context) -> list[Found]:
    return []
