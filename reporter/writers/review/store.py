"""The records behind the 核对页, kept in the output folder's state so the page can be rebuilt at any time.

    OUTDIR/.reporter/records/index.json          SHA-256 → 序号 in the ledger, file, time written
    OUTDIR/.reporter/records/ab/ab12…ef.json.gz  one report: its text, every value with its span, 待核

A report is kept once the ledger holding it was written (run() passes the LedgerResult): a new row gives
its 序号; a report already in the ledger (same content) keeps the 序号 of that row. A report the ledger
left out (a likely repeat) is not kept. A new ledger (the old one deleted) starts the store afresh.

Offsets are Python string indices (code points) into the text, as in the Record; the page converts them.
Values are stored as the ledger shows them (reporter.writers.render.value_text).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...folders import STATE_DIR, now_text
from ...model import Record
from ..atomic import write_atomic
from ..render import value_text

RECORDS_DIR = "records"
INDEX_FILE = "index.json"
STORE_VERSION = 1
_SHA = re.compile(r"[0-9a-f]{64}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def records_dir(outdir: Path) -> Path:
    return Path(outdir) / STATE_DIR / RECORDS_DIR


def clean(text: str) -> str:
    """Text safe to encode as UTF-8: a lone surrogate (from a broken file) becomes U+FFFD, one character
    for one, so no offset moves."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Entry:
    """One report of the ledger as the index knows it."""

    sha256: str
    seq: int
    file: str
    time: str


def record_data(record: Record) -> dict[str, Any]:
    """A record as stored: compact lists, every value with [text, start, end, sentence start, sentence end, rule]."""
    fields: dict[str, list[list[Any]]] = {}
    for key, found in record.fields.items():
        items = []
        for f in found:
            ev = f.evidence
            s0 = ev.sentence_start
            s1 = s0 + len(ev.sentence) if s0 >= 0 else -1
            items.append([clean(value_text(f.value)), ev.span.start, ev.span.end, s0, s1, f.rule])
        if items:
            fields[key] = items
    return {
        "v": STORE_VERSION,
        "file": clean(str(Path(os.path.abspath(record.path)))),
        "sha256": record.sha256,
        "reader": record.reader,
        "encoding": record.encoding,
        "warnings": [clean(w) for w in record.warnings],
        "review": [[r.field, clean(r.reason)] for r in record.review],
        "fields": fields,
        "text": clean(record.text),
    }


class Store:
    """The records of one output folder's ledger."""

    def __init__(self, outdir: Path):
        self.dir = records_dir(outdir)
        self.entries: dict[str, Entry] = {}
        self.note = ""  # why an unreadable index was not used
        self._dirs: set[Path] = set()

    @property
    def index_path(self) -> Path:
        return self.dir / INDEX_FILE

    def record_path(self, sha256: str) -> Path:
        return self.dir / sha256[:2] / f"{sha256}.json.gz"

    @classmethod
    def load(cls, outdir: Path) -> Store:
        store = cls(outdir)
        try:
            data = json.loads(store.index_path.read_text(encoding="utf-8"))
            if data.get("version") != STORE_VERSION:
                raise ValueError("unknown version")
            for sha, e in data["reports"].items():
                if _SHA.fullmatch(sha) and isinstance(e, dict) and isinstance(e.get("seq"), int):
                    store.entries[sha] = Entry(sha, e["seq"], str(e.get("file", "")), str(e.get("time", "")))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            store.note = f"核对页的索引 {store.index_path} 无法读取（{exc}），已重新建立"
        return store

    def clear(self) -> None:
        """Forget every report (a new ledger was started)."""
        self.entries.clear()
        if self.dir.is_dir():
            for child in self.dir.iterdir():
                with contextlib.suppress(OSError):
                    shutil.rmtree(child) if child.is_dir() else child.unlink()

    def put(self, record: Record, seq: int, when: str | None = None) -> None:
        """Keep one report under its 序号 (its file replaced atomically)."""
        if not _SHA.fullmatch(record.sha256):
            return
        data = json.dumps(record_data(record), ensure_ascii=False, separators=(",", ":"))
        path = self.record_path(record.sha256)
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        blob = gzip.compress(data.encode("utf-8"), compresslevel=6, mtime=0)
        # replaced whole, without fsync (≈ 10 ms a file): a file cut short by a power cut reads as missing,
        # and the page says to --refresh that report; the index is written safely once per run (save)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(blob)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        self.entries[record.sha256] = Entry(
            record.sha256, seq, str(Path(os.path.abspath(record.path))), when or now_text()
        )

    def save(self) -> Path:
        data = {
            "version": STORE_VERSION,
            "reports": {
                e.sha256: {"seq": e.seq, "file": clean(e.file), "time": e.time} for e in self.entries.values()
            },
        }
        text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True)
        self.dir.mkdir(parents=True, exist_ok=True)

        def put_text(tmp: Path) -> None:
            tmp.write_text(text, encoding="utf-8")

        return write_atomic(self.index_path, put_text)

    def newest_first(self) -> list[Entry]:
        return sorted(self.entries.values(), key=lambda e: (-e.seq, e.time, e.sha256))

    def read(self, sha256: str) -> dict[str, Any] | None:
        """The stored report, or None when its file is missing or unreadable."""
        try:
            data = json.loads(gzip.decompress(self.record_path(sha256).read_bytes()).decode("utf-8"))
        except (OSError, ValueError, EOFError):
            return None
        if (
            not isinstance(data, dict)
            or data.get("v") != STORE_VERSION
            or not isinstance(data.get("text"), str)
        ):
            return None
        return data

    def reports(self) -> Iterator[tuple[Entry, dict[str, Any] | None]]:
        """Newest first, each read when it is asked for."""
        for entry in self.newest_first():
            yield entry, self.read(entry.sha256)


def ledger_seqs(ledger: Any) -> dict[Path, tuple[int, bool]]:
    """Path → (序号, whether it is that row's own file) for the run's reports the ledger holds: added now,
    already there (same file, same content), or a duplicate (another file with the content of a row)."""
    by_path: dict[Path, tuple[int, bool]] = {a.path: (a.seq, True) for a in getattr(ledger, "added", ())}
    for s in getattr(ledger, "skipped", ()):
        if s.kind in ("already", "duplicate") and s.seq is not None:
            by_path.setdefault(s.path, (s.seq, s.kind == "already"))
    return by_path
