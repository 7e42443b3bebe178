"""(first pass: filled in by the extractor work)"""

from __future__ import annotations

from ...model import Found
from ..context import Context
from . import rule


@rule("organizer")
def organizer(ctx: Context) -> list[Found]:
    return []


@rule("event")
def event(ctx: Context) -> list[Found]:
    return []


@rule("location")
def location(ctx: Context) -> list[Found]:
    return []


@rule("host")
def host(ctx: Context) -> list[Found]:
    return []
