"""Writers: records → JSON Lines, the Excel ledger, the Word briefing.

openpyxl and python-docx are imported when a ledger or briefing is written, not before.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Failure, Record
from ..schema import Schema
from .jsonl import dumps, record_to_dict, write_jsonl
from .render import display_width, value_text

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    from .ledger.result import LedgerResult

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    from .briefing import BriefingResult

__all__ = [
    "check_briefing_template",
    "display_width",
    "dumps",
    "record_to_dict",
    "value_text",
    "write_briefing",
    "write_jsonl",
    "write_ledger",
]


def write_ledger(
    records: Sequence[Record],
    schema: Schema,
    out: Path,
    *,
    failures: Sequence[Failure] = (),
    templates: Path | str | None = None,
    refresh: bool = False,
    now: dt.datetime | None = None,
    replaces: dict[str, tuple[str, bool]] | None = None,
) -> LedgerResult:
    """Write the Excel ledger at `out`, or add the new reports to it (see reporter/writers/ledger/).

    `now` is the 处理时间 written (default: the current time). `replaces` (new SHA-256 → (old SHA-256,
    grown)): reports whose file changed in place, which refresh the row of their old version (issue 19)."""
    from .ledger import write_ledger as impl

    return impl(
        records,
        schema,
        out,
        failures=failures,
        templates=templates,
        refresh=refresh,
        now=now,
        replaces=replaces,
    )


def write_briefing(
    records: Sequence[Record],
    schema: Schema,
    out: Path,
    *,
    templates: Path | str | None = None,
    issue_no: int | None = None,
    evidence: bool = False,
    today: datetime.date | None = None,
) -> BriefingResult:
    """Write one issue of the Word briefing at `out` (and 简报存档/<year>年第N期.docx beside it).

    No records: nothing is written (result.path is None). See reporter/writers/briefing/.
    """
    from .briefing import write_briefing as impl

    return impl(records, schema, out, templates=templates, issue_no=issue_no, evidence=evidence, today=today)


def check_briefing_template(templates: Path | str | None = None) -> Path:
    """Check the briefing template (and briefing.toml) in effect before a batch runs; TemplateError if broken."""
    from .briefing import check_briefing_template as impl

    return impl(templates)
