"""The Word briefing (简报): GB/T 9704-2012 layout, from a template people can edit.

    result = write_briefing(records, schema, Path("output/简报.docx"))
    result.path, result.issue.label, result.archive      output/简报.docx, 2024年第3期, output/简报存档/2024年第3期.docx

- The template is templates/briefing.docx (or the user's, found like every template) with docxtpl
  placeholders, and its settings templates/briefing.toml. check_briefing_template() checks both before a
  batch starts.
- Each call writes one issue covering the records given: OUTDIR/简报.docx is the latest issue and
  OUTDIR/简报存档/<year>年第N期.docx keeps every issue. No records, no issue. The 期号 goes on across runs
  (issues.py). Files are written atomically; the state is saved last, so a failed write uses no number.
- evidence=True attaches each value's source sentence to the briefing as a Word comment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...model import Record
from ...schema import Schema
from ..atomic import write_atomic
from .issues import ARCHIVE_DIR, Issue, archive_path, keep_old, next_issue, save_state

__all__ = ["ARCHIVE_DIR", "BriefingResult", "Issue", "check_briefing_template", "write_briefing"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingResult:
    path: Path | None  # None: no records, nothing written
    issue: Issue | None = None
    archive: Path | None = None
    reports: int = 0  # distinct reports in the issue
    duplicates: int = 0  # records left out as repeats of another

    @property
    def written(self) -> bool:
        return self.path is not None

    @property
    def issue_no(self) -> int | None:
        return self.issue.no if self.issue else None


def check_briefing_template(templates: Path | str | None = None) -> Path:
    """Check the briefing template and settings in effect; TemplateError (in Chinese) names the file and the
    placeholder. Call it before reading a batch: a broken template then costs nothing."""
    from .template import check_template

    return check_template(templates).path


def write_briefing(
    records: Sequence[Record],
    schema: Schema,
    out: Path,
    *,
    templates: Path | str | None = None,
    issue_no: int | None = None,
    evidence: bool = False,
    today: dt.date | None = None,
) -> BriefingResult:
    """Write one issue of the briefing covering `records` at `out`, and keep it in the archive beside it."""
    from .content import build_content
    from .template import check_template, render

    template = check_template(templates)
    if not records:
        return BriefingResult(path=None)
    out = Path(out)
    folder = out.parent
    content = build_content(records, schema)
    issue = next_issue(folder, today or dt.date.today(), issue_no)
    data = render(template, content, issue, evidence=evidence)
    archive = archive_path(folder, issue)
    folder.mkdir(parents=True, exist_ok=True)
    archive.parent.mkdir(parents=True, exist_ok=True)
    keep_old(archive)
    write_atomic(archive, lambda tmp: tmp.write_bytes(data))
    write_atomic(out, lambda tmp: tmp.write_bytes(data))
    save_state(folder, issue, reports=len(content.reports), file=archive)
    return BriefingResult(
        path=out, issue=issue, archive=archive, reports=len(content.reports), duplicates=content.duplicates
    )
