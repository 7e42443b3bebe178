"""期号 and publication: which reports each issue holds, recorded once, whatever stops a run.

    OUTDIR/简报存档/2024年第3期.docx          every issue, kept
    OUTDIR/简报存档/.发布记录.jsonl           the journal: what each issue holds (append-only, one JSON a line)
    OUTDIR/.reporter/briefing.json           the last issue (a cache for people and old versions)

The journal holds three kinds of line:

    {"kind": "item", "run": R, "item": {...}}         a report a run is about to publish (its 简报 item)
    {"kind": "verdict", "run": R, "accepted": [...], "refused": [...]}   what the ledger took of run R
    {"kind": "issue", "label": "2024年第3期", "reports": [sha…], "digest": …, "period": …}

Publishing an issue (publish()): the issue's .docx is written to a temporary file in the archive, then the
issue line (with the file's SHA-256) is appended and flushed to disk, then the temporary file is renamed
into place, then 简报.docx is copied from it. An issue line counts only when the archived file has its
digest, so a kill at any point leaves each report either in exactly one issue or owed one: the next run
finds owed reports (items accepted by the ledger but in no issue) and publishes them. Items are plain text
(item.py), so the current issue is written again with its earlier reports when new ones of the same period
come in (期号周期: 每次运行, 每天, 每周, 每月) — the same 期号, the same file, no（旧1）copies.

A lost journal is never rebuilt from nothing: reports the ledger already holds are not published again
(the ledger is the truth about what exists; the journal about what was published).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import OutputError, output_error
from ...folders import ARCHIVE_DIR, STATE_DIR
from ..atomic import write_atomic
from .item import Item

STATE_NAME = "briefing.json"
JOURNAL_NAME = ".发布记录.jsonl"
HISTORY = 200
RUN_PERIOD = "每次运行"
COMPACT_MIN = 2000  # items held before the journal is compacted
APPEND_BATCH = 200  # journal lines encoded and written at a time


@dataclass(frozen=True, slots=True)
class Issue:
    year: int
    no: int
    date: dt.date

    @property
    def label(self) -> str:
        """2024年第3期"""
        return f"{self.year}年第{self.no}期"

    @property
    def date_text(self) -> str:
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"


def state_path(folder: Path) -> Path:
    return folder / STATE_DIR / STATE_NAME


def archive_path(folder: Path, issue: Issue) -> Path:
    return folder / ARCHIVE_DIR / f"{issue.label}.docx"


def journal_path(folder: Path) -> Path:
    return folder / ARCHIVE_DIR / JOURNAL_NAME


def period_key(period: str, day: dt.date, run_id: str) -> str:
    """The period an issue covers: day:2024-06-30, week:2024-W26, month:2024-06, or run:<id>."""
    if period == "每天":
        return f"day:{day.isoformat()}"
    if period == "每周":
        year, week, _ = day.isocalendar()
        return f"week:{year}-W{week:02d}"
    if period == "每月":
        return f"month:{day.year}-{day.month:02d}"
    return f"run:{run_id}"


def load_state(folder: Path) -> dict | None:
    """The saved state, or None when there is none or it cannot be read (the archive is asked instead)."""
    try:
        data = json.loads(state_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("year"), int)
        or not isinstance(data.get("last"), int)
    ):
        return None
    return data


def archived_last(folder: Path, year: int) -> int:
    """The highest issue number of `year` in the archive folder (0 when none)."""
    pattern = re.compile(rf"^{year}年第(\d+)期(?:（旧\d+）)?\.docx$")
    try:
        names = [p.name for p in (folder / ARCHIVE_DIR).iterdir()]
    except OSError:
        return 0
    return max((int(m[1]) for m in map(pattern.match, names) if m), default=0)


def keep_old(path: Path) -> Path | None:
    """Rename an existing archived issue out of the way (2024年第3期（旧1）.docx) — only when a person
    re-issues a number on purpose (--issue-no); the new name, or None."""
    if not path.exists():
        return None
    k = 1
    while (old := path.with_name(f"{path.stem}（旧{k}）{path.suffix}")).exists():
        k += 1
    path.rename(old)
    return old


def save_state(folder: Path, issue: Issue, *, reports: int, file: Path) -> Path:
    state = load_state(folder) or {}
    history = [h for h in state.get("issues", []) if isinstance(h, dict)]
    try:
        shown = str(file.relative_to(folder))
    except ValueError:
        shown = str(file)
    history = [h for h in history if h.get("期号") != issue.label][-(HISTORY - 1) :]
    history.append({"期号": issue.label, "日期": issue.date.isoformat(), "报告数": reports, "文件": shown})
    data = {"version": 1, "year": issue.year, "last": issue.no, "issues": history}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    return write_atomic(state_path(folder), write)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


# -------------------------------------------------------------------------------------- journal
@dataclass(slots=True)
class IssueEntry:
    label: str
    year: int
    no: int
    date: str
    period: str
    reports: list[str]
    file: str
    digest: str

    @property
    def issue(self) -> Issue:
        return Issue(self.year, self.no, dt.date.fromisoformat(self.date))


@dataclass(slots=True)
class Refusal:
    """A copy the ledger refused, so it is in no issue: which file, why."""

    file: str
    reason: str


@dataclass(slots=True)
class Journal:
    """What the archive's journal says (read()), and appending to it."""

    folder: Path
    items: dict[str, Item] = field(default_factory=dict)  # sha → its item (the latest)
    issues: list[IssueEntry] = field(default_factory=list)  # committed issue lines, in order
    accepted: set[str] = field(default_factory=set)  # reports the ledger took
    uncertain: set[str] = field(default_factory=set)  # items of a run that stopped before its verdict
    notes: list[str] = field(default_factory=list)  # what reading it repaired, for the log
    runs: dict[str, str] = field(default_factory=dict)  # sha → the run that journaled its item
    earlier_published: set[str] = field(default_factory=set)  # of issue lines a later one replaced

    @property
    def path(self) -> Path:
        return journal_path(self.folder)

    @property
    def published(self) -> set[str]:
        """Reports in any committed issue (also one whose number was re-issued with --issue-no)."""
        return self.earlier_published | {sha for entry in self.issues for sha in entry.reports}

    @property
    def last(self) -> IssueEntry | None:
        return self.issues[-1] if self.issues else None

    def owed(self) -> list[Item]:
        """Items the ledger accepted that are in no issue yet (a run stopped between the two)."""
        done = self.published
        return [item for sha, item in self.items.items() if sha in self.accepted and sha not in done]

    def last_no(self, year: int) -> int:
        return max((e.no for e in self.issues if e.year == year), default=0)

    # ------------------------------------------------------------------------------ reading
    @classmethod
    def read(cls, folder: Path) -> Journal:
        """The journal of `folder`; an issue line whose archived file does not have its digest (a run killed
        between the two) does not count, and is marked void so that it never will."""
        journal = cls(Path(folder))
        lines = _read_lines(journal.path)
        verdicts: set[str] = set()
        item_runs: dict[str, str] = {}
        void: set[tuple[str, str]] = set()
        issues: list[IssueEntry] = []
        for data in lines:
            kind = data.get("kind")
            if kind == "item":
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    item = Item.from_json(data["item"])
                    journal.items[item.sha256] = item
                    item_runs[item.sha256] = str(data.get("run", ""))
            elif kind == "verdict":
                verdicts.add(str(data.get("run", "")))
                journal.accepted.update(str(s) for s in data.get("accepted", ()))
            elif kind == "issue":
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    issues.append(_entry(data))
            elif kind == "void":
                void.add((str(data.get("label")), str(data.get("digest"))))
            elif kind == "published":
                journal.earlier_published.update(str(x) for x in data.get("reports", ()))
        issues = [e for e in issues if (e.label, e.digest) not in void]
        if issues:
            last = issues[-1]
            on_disk = file_digest(journal.folder / ARCHIVE_DIR / last.file)
            if on_disk != last.digest:
                issues.pop()
                journal.notes.append(f"{last.label} 上次没有写完，其中的报告本次重新发布")
                with contextlib.suppress(OutputError):
                    journal._append({"kind": "void", "label": last.label, "digest": last.digest})
        # each label's last committed line holds all its reports (a rewrite adds to it)
        latest: dict[str, IssueEntry] = {}
        for entry in issues:
            latest.pop(entry.label, None)
            latest[entry.label] = entry
        journal.issues = list(latest.values())
        kept = {id(e) for e in journal.issues}
        journal.earlier_published.update(s for e in issues if id(e) not in kept for s in e.reports)
        journal.uncertain = {sha for sha, run in item_runs.items() if run not in verdicts}
        journal.runs = item_runs
        return journal

    def compact(self, minimum: int = COMPACT_MIN) -> bool:
        """Rewrite the journal (atomically) with only what later runs need: every issue line, the items of
        the last issue and of reports owed or uncertain, and the ledger's word on the owed ones. Only when
        the items kept would be under half of those held, and at least `minimum` are held. Call under the
        output folder's lock."""
        last = self.last
        published = self.published
        keep = set(last.reports if last else ()) | (self.uncertain - published)
        keep |= self.accepted - published
        keep &= set(self.items)
        if len(self.items) < minimum or len(keep) * 2 > len(self.items):
            return False
        lines: list[dict[str, Any]] = [_issue_line(entry) for entry in self.issues]
        shown = {sha for entry in self.issues for sha in entry.reports}
        if self.earlier_published - shown:
            lines.append({"kind": "published", "reports": sorted(self.earlier_published - shown)})
        owed = sorted(sha for sha in self.accepted if sha not in published)
        if owed:
            lines.append({"kind": "verdict", "run": "compacted", "accepted": owed, "refused": []})
        for sha in sorted(keep):
            run = self.runs.get(sha, "compacted") if sha in self.uncertain else "compacted"
            lines.append({"kind": "item", "run": run, "item": self.items[sha].to_json()})

        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8") as fh:
                for line in lines:
                    fh.write(json.dumps(line) + "\n")

        write_atomic(self.path, write)
        self.items = {sha: self.items[sha] for sha in keep}
        self.accepted = set(owed) | (self.accepted & published & keep)
        return True

    # ----------------------------------------------------------------------------- appending
    def _append(self, *records: dict[str, Any]) -> None:
        """Append lines and flush them to disk before anything that depends on them happens."""
        self._append_lines(records)

    def _append_lines(self, records: Iterable[dict[str, Any]]) -> None:
        """Append one line per record (made as it is written: ten thousand items are tens of MB of JSON),
        flushed to disk before anything that depends on them happens."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a+b") as fh:
                if fh.tell() > 0:  # a line cut short by a kill: start on a line of our own
                    fh.seek(-1, os.SEEK_END)
                    if fh.read(1) != b"\n":
                        fh.write(b"\n")
                batch: list[str] = []
                for r in records:
                    # ASCII escapes: a file name with undecodable bytes (surrogates) is kept, and read back the same
                    batch.append(json.dumps(r) + "\n")
                    if len(batch) >= APPEND_BATCH:
                        fh.write("".join(batch).encode("utf-8"))
                        batch.clear()
                fh.write("".join(batch).encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise output_error(exc, self.path, "写入简报发布记录") from None

    def add_items(self, run: str, items: Sequence[Item]) -> None:
        """Record the items a run is about to give the ledger (before the ledger is written)."""
        if not items:
            return
        self._append_lines({"kind": "item", "run": run, "item": item.to_json()} for item in items)
        for item in items:
            self.items[item.sha256] = item
            self.uncertain.add(item.sha256)

    def verdict(
        self, run: str, accepted: Iterable[str], refused: Sequence[tuple[str, str, str]] = ()
    ) -> None:
        """Record what the ledger took of a run's reports (refused: sha, file, reason)."""
        accepted = sorted(set(accepted))
        self._append(
            {
                "kind": "verdict",
                "run": run,
                "accepted": accepted,
                "refused": [{"sha256": s, "file": f, "reason": r} for s, f, r in refused],
            }
        )
        self.accepted.update(accepted)
        self.uncertain.difference_update(s for s, *_ in refused)
        self.uncertain.difference_update(accepted)

    def commit(self, entry: IssueEntry) -> None:
        self._append(_issue_line(entry))
        for old in self.issues:
            if old.label == entry.label:
                self.earlier_published.update(old.reports)
        self.issues = [e for e in self.issues if e.label != entry.label] + [entry]


def _issue_line(entry: IssueEntry) -> dict[str, Any]:
    return {
        "kind": "issue",
        "label": entry.label,
        "year": entry.year,
        "no": entry.no,
        "date": entry.date,
        "period": entry.period,
        "reports": entry.reports,
        "file": entry.file,
        "digest": entry.digest,
        "time": dt.datetime.now().isoformat(timespec="seconds"),
    }


def _entry(data: dict[str, Any]) -> IssueEntry:
    return IssueEntry(
        label=str(data["label"]),
        year=int(data["year"]),
        no=int(data["no"]),
        date=str(data["date"]),
        period=str(data.get("period", "")),
        reports=[str(s) for s in data["reports"]],
        file=str(data["file"]),
        digest=str(data["digest"]),
    )


def _read_lines(path: Path) -> list[dict[str, Any]]:
    """The journal's lines; a line cut short by a kill (the last one) or otherwise unreadable is skipped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise output_error(exc, path, "读取简报发布记录") from None
    out = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict):
            out.append(data)
    return out


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def next_issue(
    folder: Path, today: dt.date, issue_no: int | None = None, journal: Journal | None = None
) -> Issue:
    """The next 期号 of the year: one after the highest the journal, briefing.json or the archive knows
    (so a lost state file or journal never reuses a number)."""
    if issue_no is not None:
        if issue_no < 1:
            raise ValueError("issue_no must be ≥ 1")
        return Issue(today.year, issue_no, today)
    state = load_state(folder)
    last = archived_last(folder, today.year)
    if state is not None and state["year"] == today.year:
        last = max(last, state["last"])
    if journal is not None:
        last = max(last, journal.last_no(today.year))
    return Issue(today.year, last + 1, today)


def remove_stale(folder: Path) -> list[Path]:
    """Temporary issue files a killed run left in the archive (call under the output folder's lock)."""
    removed = []
    for tmp in (Path(folder) / ARCHIVE_DIR).glob(".~*.docx"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed
