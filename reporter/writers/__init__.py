"""Writers: records → JSON Lines, the Excel ledger, the Word briefing.

openpyxl and python-docx are imported when a ledger or briefing is written, not before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model import Failure, Record
from ..schema import Schema
from .jsonl import dumps, record_to_dict, write_jsonl
from .render import display_width, value_text

__all__ = ["dumps", "record_to_dict", "write_jsonl", "display_width", "value_text", "write_ledger",
           "write_briefing"]


def write_ledger(records: Sequence[Record], schema: Schema, out: Path, *, failures: Sequence[Failure] = (),
                 templates: Path | str | None = None) -> Path:
    """Write (or update) the Excel ledger at `out`."""
    from .xlsx import write_ledger as impl

    return impl(records, schema, out, failures=failures, templates=templates)


def write_briefing(records: Sequence[Record], schema: Schema, out: Path, *,
                   templates: Path | str | None = None) -> Path:
    """Write the Word briefing at `out`."""
    from .docx import write_briefing as impl

    return impl(records, schema, out, templates=templates)
