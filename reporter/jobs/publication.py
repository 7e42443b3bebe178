"""One report, one 简报 issue: what a run publishes, around the ledger write (used by pipeline.run).

    pub = Publication.start(outdir, schema, options)   # under the output folder's lock, before extraction
    pub.before_ledger(records)                          # the items are journaled before the ledger is written
    pub.after_ledger(ledger_result)                     # what the ledger took; refused copies recorded
    brief = pub.publish(outdir / "简报.docx")            # the current period's issue, or the next one

A report goes into an issue when the ledger took it (a new row), or when it is in the ledger already but
a run stopped before publishing it. A copy the ledger refused (内容重复, 疑似重复) never enters an issue, and
`--refresh` re-extracts into the ledger without publishing again; `--reissue` publishes on purpose.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError
from ..model import Record
from ..schema import Schema

if TYPE_CHECKING:
    from ..writers.briefing import BriefingResult
    from ..writers.briefing.issues import Journal
    from ..writers.briefing.item import Item
    from .job import Options

REFUSED_KINDS = ("duplicate", "repeat")


def readable(text: str) -> str:
    """A file name that may hold undecodable bytes (surrogate escapes), printable: those become �."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class RefusedCopy:
    """A copy the ledger refused, so it is in no 简报 issue."""

    path: Path
    reason: str  # in Chinese: 与台账第 5 行（序号 3，a.txt）内容完全相同

    @property
    def name(self) -> str:
        return readable(self.path.name)

    def as_dict(self) -> dict[str, str]:
        return {"file": readable(str(self.path)), "reason": readable(self.reason)}


@dataclass(slots=True)
class Publication:
    outdir: Path
    schema: Schema
    options: Any
    journal: Journal
    run: str
    earlier: set[str] = field(default_factory=set)  # journaled by a run that stopped before its verdict
    items: dict[str, Item] = field(default_factory=dict)  # this run's items by SHA-256
    paths: dict[str, str] = field(default_factory=dict)  # record path → SHA-256
    duplicates: int = 0
    refused: list[RefusedCopy] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)  # this run's reports the ledger took

    @classmethod
    def start(
        cls, outdir: Path, schema: Schema, options: Options, briefing_name: str = "简报.docx"
    ) -> Publication:
        """Read the journal (repairing what a killed run left) under the output folder's lock."""
        from ..writers.briefing.issues import Journal, new_run_id, remove_stale

        journal = Journal.read(outdir)
        pub = cls(Path(outdir), schema, options, journal, new_run_id(), earlier=set(journal.uncertain))
        pub.notes.extend(journal.notes)
        for tmp in remove_stale(outdir):
            pub.notes.append(f"删除了上次中断留下的临时文件 {tmp.name}")
        pub._restore_latest(Path(outdir) / briefing_name)
        try:
            if journal.compact():
                pub.notes.append("简报发布记录已精简（只留下以后还用得到的条目）")
        except (OSError, OutputError):
            pass  # a bigger journal costs only time
        return pub

    def _restore_latest(self, out: Path) -> None:
        """简报.docx is the last published issue: copy it back from the archive when a run stopped (or the
        file was open) between the two."""
        from ..writers.atomic import write_atomic
        from ..writers.briefing.issues import ARCHIVE_DIR, file_digest

        last = self.journal.last
        if last is None or file_digest(out) == last.digest:
            return
        archived = self.outdir / ARCHIVE_DIR / last.file

        def copy(tmp: Path) -> None:
            shutil.copyfile(archived, tmp)

        with contextlib.suppress(OSError):
            write_atomic(out, copy)
            self.notes.append(f"{out.name} 已按存档恢复为 {last.label}")

    def seed_state(self, state: Any) -> int:
        """A lost or unreadable state file is rebuilt from the journal, not from nothing: reports published
        in an issue (their rows are in the ledger) count as done, so they are hashed, not extracted again.
        Returns how many were added."""
        if state.files:
            return 0
        from .state import now_text

        when = now_text()
        for sha in self.journal.published:
            state.files[sha] = {"first_done": when, "last_seen": when, "from": "简报发布记录"}
        return len(state.files)

    # --------------------------------------------------------------------------- around the ledger
    def before_ledger(self, records: Iterable[Record], *, leave_out: Collection[str] = ()) -> None:
        """Build this run's items and journal those not yet published (before the ledger is written, so
        a kill after the ledger write still leaves them owed to an issue). Reports whose SHA-256 is in
        `leave_out` are not published (they refresh the row of their earlier version). One pass over the
        records (they may be on disk: reporter.jobs.spool)."""
        from ..writers.briefing.content import build_items

        paths: dict[str, str] = {}

        def chosen() -> Iterator[Record]:
            for r in records:
                if r.sha256 not in leave_out:
                    paths[str(r.path)] = r.sha256
                    yield r

        items, self.duplicates = build_items(chosen(), self.schema, evidence=self.options.evidence)
        self.items = {item.sha256: item for item in items}
        self.paths = paths
        published = self.journal.published
        fresh = [i for i in items if self.options.reissue or i.sha256 not in published]
        self.journal.add_items(self.run, fresh)

    def after_ledger(self, ledger: Any) -> None:
        """Record what the ledger took: new rows; rows already there that a stopped run never published
        (or all, with --reissue); copies it refused are listed and never published."""
        accepted: set[str] = set()
        refused: list[tuple[str, str, str]] = []
        if ledger is None:
            return
        for added in ledger.added:
            sha = self.paths.get(str(added.path))
            if sha:
                accepted.add(sha)
        for skipped in ledger.skipped:
            sha = self.paths.get(str(skipped.path))
            if not sha:
                continue
            if skipped.kind == "repeat" or (
                skipped.kind == "duplicate" and sha not in self.earlier and not self.options.reissue
            ):
                refused.append((sha, str(skipped.path), skipped.reason))
                self.refused.append(RefusedCopy(Path(skipped.path), skipped.reason))
            elif self.options.reissue or sha in self.earlier:
                accepted.add(sha)
        self.journal.verdict(self.run, accepted, [r for r in refused if r[0] not in accepted])
        self.accepted = accepted

    def publish(self, out: Path, *, today: dt.date | None = None) -> BriefingResult | None:
        """The issue holding this run's accepted reports and any owed; None when there is none."""
        from ..writers.briefing import publish

        items = [item for sha, item in self.items.items() if sha in self.accepted]
        if not items and not self.journal.owed():
            return None
        result = publish(
            items,
            self.schema,
            out,
            journal=self.journal,
            run=self.run,
            templates=self.options.templates,
            issue_no=self.options.issue_no,
            evidence=self.options.evidence,
            today=today,
            period=self.options.default_period,
            duplicates=self.duplicates,
            reissue=self.options.reissue,
        )
        return result if result.written else None


def published_reports(outdir: Path) -> set[str]:
    """SHA-256 of every report in a published issue of `outdir` (for rebuilding a lost state file)."""
    from ..writers.briefing.issues import Journal

    return Journal.read(outdir).published
