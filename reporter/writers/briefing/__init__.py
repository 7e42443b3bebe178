"""The Word briefing (简报): GB/T 9704-2012 layout, from a template people can edit.

    result = write_briefing(records, schema, Path("output/简报.docx"))
    result.path, result.issue.label, result.archive      output/简报.docx, 2024年第3期, output/简报存档/2024年第3期.docx

- Each report becomes one edited item (item.py): a heading and a short paragraph in its own words.
- The template is templates/briefing.docx (or the user's, found like every template) with docxtpl
  placeholders, and its settings templates/briefing.toml. check_briefing_template() checks both before a
  batch starts.
- OUTDIR/简报.docx is the latest issue and OUTDIR/简报存档/<year>年第N期.docx keeps every issue. The 期号
  goes on across runs; reports of the same period (期号周期) go into the same issue, which is written again
  with them. What each issue holds is journaled (issues.py), so no report is published twice or lost.
- evidence=True attaches each value's source sentence to the briefing as a Word comment.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import OutputError, output_error
from ...model import Record
from ...schema import Schema
from ..atomic import _fsync, write_atomic
from .issues import (
    ARCHIVE_DIR,
    RUN_PERIOD,
    Issue,
    IssueEntry,
    Journal,
    archive_path,
    digest,
    keep_old,
    new_run_id,
    next_issue,
    period_key,
    save_state,
)
from .item import Item

__all__ = [
    "ARCHIVE_DIR",
    "BriefingResult",
    "Issue",
    "check_briefing_template",
    "publish",
    "write_briefing",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingResult:
    path: Path | None  # None: no new report, nothing written
    issue: Issue | None = None
    archive: Path | None = None
    reports: int = 0  # distinct reports in the issue
    added: int = 0  # of them, new in this write (the rest were already in this period's issue)
    duplicates: int = 0  # records left out as repeats of another
    rewritten: bool = False  # the period's issue written again with more reports

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
    period: str = RUN_PERIOD,
) -> BriefingResult:
    """Write the records' reports as an issue at `out` (kept in the archive beside it); reports already
    published from this folder are not published again."""
    from .content import build_items

    items, duplicates = build_items(records, schema, evidence=evidence)
    folder = Path(out).parent
    journal = Journal.read(folder)
    run = new_run_id()
    fresh = [i for i in items if i.sha256 not in journal.published]
    journal.add_items(run, [i for i in fresh if i.sha256 not in journal.items])
    return publish(
        fresh,
        schema,
        Path(out),
        journal=journal,
        run=run,
        templates=templates,
        issue_no=issue_no,
        evidence=evidence,
        today=today,
        period=period,
        duplicates=duplicates,
    )


def publish(
    items: Sequence[Item],
    schema: Schema,
    out: Path,
    *,
    journal: Journal,
    run: str,
    templates: Path | str | None = None,
    issue_no: int | None = None,
    evidence: bool = False,
    today: dt.date | None = None,
    period: str = RUN_PERIOD,
    duplicates: int = 0,
    reissue: bool = False,
) -> BriefingResult:
    """Publish `items` (and any the journal owes) in the current period's issue, or the next one.

    The issue's file goes to a temporary file in the archive, its line into the journal (flushed), then the
    file is renamed into place and copied to `out`: see issues.py for why a kill cannot publish twice."""
    from .content import compose
    from .template import check_template, render

    template = check_template(templates)
    settings = template.settings
    today = today or dt.date.today()
    done = set() if reissue else journal.published
    new: dict[str, Item] = {}
    for item in [*journal.owed(), *items]:
        if item.sha256 not in done:
            new.setdefault(item.sha256, item)
    if not new:
        return BriefingResult(path=None, duplicates=duplicates)
    folder = Path(out).parent
    key = period_key(settings.period or period, today, run)
    last = journal.last
    rewrite = (issue_no is None and last is not None and last.period == key and last.year == today.year) or (
        issue_no is not None and last is not None and last.no == issue_no and last.period == key
    )
    members: list[Item] = []
    if rewrite and last is not None:
        issue = Issue(last.year, last.no, today)
        members = [journal.items[s] for s in last.reports if s in journal.items and s not in new]
    else:
        issue = next_issue(folder, today, issue_no, journal)
    members += new.values()
    content = compose(members, settings, schema, duplicates=duplicates)
    data = render(template, content, issue, evidence=evidence)
    archive = archive_path(folder, issue)
    archive.parent.mkdir(parents=True, exist_ok=True)
    if issue_no is not None and not rewrite:
        keep_old(archive)  # a number re-issued on purpose: the earlier file is kept
    missing = [m for m in members if m.sha256 not in journal.items]
    journal.add_items(run, missing)
    tmp = archive.with_name(f".~{archive.stem}-{uuid.uuid4().hex[:8]}.docx")
    try:
        try:
            tmp.write_bytes(data)
        except OSError as exc:
            raise output_error(exc, archive.parent, "写入简报存档") from None
        _fsync(tmp)
        journal.commit(
            IssueEntry(
                label=issue.label,
                year=issue.year,
                no=issue.no,
                date=issue.date.isoformat(),
                period=key,
                reports=[m.sha256 for m in members],
                file=archive.name,
                digest=digest(data),
            )
        )
        try:
            os.replace(tmp, archive)
        except OSError as exc:
            raise output_error(exc, archive, "放入简报存档") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()

    def write_latest(path: Path) -> None:
        path.write_bytes(data)

    write_atomic(Path(out), write_latest)
    with contextlib.suppress(OSError, OutputError):  # a cache: the journal is what counts
        save_state(folder, issue, reports=len(members), file=archive)
    return BriefingResult(
        path=Path(out),
        issue=issue,
        archive=archive,
        reports=len(members),
        added=len(new),
        duplicates=duplicates,
        rewritten=rewrite,
    )
