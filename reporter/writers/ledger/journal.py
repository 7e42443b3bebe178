"""The ledger's own record of what it wrote, and the reconciling of the ledger with it at each run.

The ledger is the truth about what is in it: a report counts as done when its row (its SHA-256) is in
the 台账, or when a person removed that row on purpose. Beside the ledger a small hidden file
(`.台账.xlsx.reporter.json`) records, for every run, the SHA-256 of the rows it added, and the size,
time and SHA-256 of the file as the program left it. At the start of a run:

- rows the program added that are gone, **all the rows of the latest runs together**, while the file
  was saved since by another program: the user saved an older copy over the ledger (it was open in
  LibreOffice/Excel while a run added rows). These reports are added again, and the run says so.
- any other row the program added that is gone: a person deleted it. It stays deleted, also under
  `--refresh`; the record remembers it. A row already put back once that is gone again was deleted.

`decide` is the rule on plain sets; `reconcile_ledger` applies it to a ledger on disk (the run
machinery calls it before choosing the files to process, to re-queue the reports to put back).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

JOURNAL_VERSION = 1


def journal_path(ledger: Path) -> Path:
    return ledger.with_name(f".{ledger.name}.reporter.json")


@dataclass(frozen=True, slots=True)
class FileId:
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> FileId:
        st = path.stat()
        return cls(st.st_size, st.st_mtime_ns, _sha256(path))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Journal:
    runs: list[list[str]] = field(default_factory=list)  # SHA-256 of the rows each run added, in order
    deleted: set[str] = field(default_factory=set)  # rows a person deleted: not added again
    readded: set[str] = field(default_factory=set)  # rows put back once after an overwrite
    file: FileId | None = None  # the ledger as the program last left it

    @property
    def written(self) -> set[str]:
        return {s for run in self.runs for s in run}

    @classmethod
    def load(cls, ledger: Path) -> Journal | None:
        """The record beside `ledger`, or None (none yet, unreadable, or of a ledger since replaced)."""
        try:
            data = json.loads(journal_path(ledger).read_text(encoding="utf-8"))
            f = data.get("file")
            return cls(
                runs=[[str(s) for s in run] for run in data.get("runs", [])],
                deleted={str(s) for s in data.get("deleted", [])},
                readded={str(s) for s in data.get("readded", [])},
                file=FileId(int(f["size"]), int(f["mtime_ns"]), str(f["sha256"])) if f else None,
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save(self, ledger: Path) -> None:
        """Written after the ledger was replaced: write to a temporary file, then rename (a kill leaves
        the old record or the new one). Failing to write it never fails the run."""
        path = journal_path(ledger)
        data = {
            "version": JOURNAL_VERSION,
            "note": "台账的程序记录：每次运行加入了哪些行（SHA-256）。请不要修改或删除。",
            "file": None
            if self.file is None
            else {"size": self.file.size, "mtime_ns": self.file.mtime_ns, "sha256": self.file.sha256},
            "runs": self.runs,
            "deleted": sorted(self.deleted),
            "readded": sorted(self.readded),
        }
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()

    def changed_since(self, ledger: Path) -> bool:
        """Whether the ledger was saved by someone else since the program wrote it."""
        if self.file is None:
            return False
        try:
            st = ledger.stat()
            if (st.st_size, st.st_mtime_ns) == (self.file.size, self.file.mtime_ns):
                return False
            return _sha256(ledger) != self.file.sha256
        except OSError:
            return False


@dataclass(frozen=True, slots=True)
class Reconciliation:
    readd: frozenset[str] = frozenset()  # reports to put back (their rows vanished with an overwrite)
    newly_deleted: frozenset[str] = frozenset()  # rows found deleted by a person in this run
    deleted: frozenset[str] = frozenset()  # every row known deleted by a person (never added again)

    def message(self, restored: int) -> str:
        return f"台账在其他程序中被覆盖，已补回 {restored} 行" if restored else ""


def decide(
    runs: Sequence[Iterable[str]], present: set[str], deleted: set[str], readded: set[str], changed: bool
) -> tuple[set[str], set[str]]:
    """(rows to add again, rows deleted by a person) from what each run added and what the ledger holds.

    Rows vanished together with a save by another program are the whole of the latest runs; any other
    missing row was deleted by a person (and so is a row that was already put back once)."""
    runs = [list(run) for run in runs if run]
    missing = {s for run in runs for s in run} - present - deleted
    if not missing:
        return set(), set()
    readd: set[str] = set()
    if changed:
        for run in reversed(runs):
            if not all(s in missing for s in run):
                break
            readd |= {s for s in run if s not in readded}
    return readd, missing - readd


def reconcile(journal: Journal | None, ledger: Path, present: set[str]) -> Reconciliation:
    if journal is None:
        return Reconciliation()
    readd, gone = decide(
        journal.runs, present, journal.deleted, journal.readded, journal.changed_since(ledger)
    )
    return Reconciliation(
        readd=frozenset(readd),
        newly_deleted=frozenset(gone),
        deleted=frozenset(journal.deleted | gone),
    )


def reconcile_ledger(ledger: Path) -> Reconciliation:
    """What the run machinery needs before choosing the files to process: the reports whose rows
    vanished when another program saved over the ledger (`readd`: process them again), and those a
    person deleted (`deleted`: leave them out, also with --refresh). Reads the ledger; changes nothing."""
    ledger = Path(ledger)
    journal = Journal.load(ledger)
    if journal is None or not ledger.is_file():
        return Reconciliation()
    try:
        present = ledger_shas(ledger)
    except Exception:  # an unreadable ledger is reported by the writer itself
        return Reconciliation()
    return reconcile(journal, ledger, present)


def ledger_shas(ledger: Path) -> set[str]:
    """The SHA-256 column of the 台账 sheet."""
    from .config import LEDGER_SHEET, SHA_HEADER, SIGNATURE_MARK
    from .package import T_SHARED_STRINGS, Package, resolve
    from .scan import SharedText, scan_sheet
    from .xmlstream import SharedRef, row_values

    pkg = Package(ledger, label=ledger)
    try:
        wb_part = pkg.workbook_part()
        rels, _ = pkg.rels(wb_part)
        sst = next((resolve(wb_part, r.target) for r in rels if r.type == T_SHARED_STRINGS), None)
        shared = SharedText(pkg, sst if sst and pkg.has(sst) else None)
        shared.find({SHA_HEADER, SIGNATURE_MARK})
        values: list[object] = []
        wanted: dict[bytes, str] = {}

        def keep(r: int, raw: bytes, scan) -> None:
            if not wanted and scan.header is not None:
                col = scan.header.columns.get(SHA_HEADER)
                if col is not None:
                    from .cells import col_letter

                    wanted[col_letter(col).encode()] = "sha256"
            if wanted:
                values.append(row_values(raw, wanted, r).get("sha256"))
            return None

        part = pkg.sheets().get(LEDGER_SHEET)
        if part is None:
            return set()
        scan_sheet(
            pkg,
            part,
            marker=SHA_HEADER,
            shared=shared,
            fresh=True,
            label=str(ledger),
            sheet=LEDGER_SHEET,
            keep=keep,
        )
        shared.resolve({int(v) for v in values if isinstance(v, SharedRef)})
        out = set()
        for v in values:
            text = shared.text(v) if v is not None else ""  # type: ignore[arg-type]
            if text.strip() and text.strip() != SIGNATURE_MARK:  # the signature block is no report
                out.add(text.strip())
        return out
    finally:
        pkg.close()
