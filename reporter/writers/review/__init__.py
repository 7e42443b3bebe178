"""The 核对页 (issue 17): one HTML page beside the ledger where a clerk checks every value against its source.

    update_review(outdir, records, ledger_result, schema)   # run() and watch: keep the records, write the page
    write_review(outdir, schema)                            # `reporter review`: rebuild the page from the store

The records with their spans are kept under OUTDIR/.reporter/records/ (store.py), so the page covers every
report of the ledger, newest first, not only a run's; page.py turns them into OUTDIR/核对.html (its name
and title in templates/review.toml, its look in templates/review.html).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ...errors import ReporterError
from ...folders import command_arg
from ...model import Record
from ...schema import Schema
from ..atomic import write_atomic
from .page import GENERATOR, load_page_config, load_template, page_chunks, page_data
from .store import Store, ledger_seqs, records_dir

__all__ = ["has_review_data", "is_review_page", "page_name", "update_review", "write_review"]

LEDGER_NAME = "台账.xlsx"


def page_name(templates: Path | str | None = None) -> str:
    """The page's file name in the output folder (templates/review.toml), 核对.html by default."""
    try:
        return load_page_config(templates).file
    except ReporterError:
        return "核对.html"


def has_review_data(outdir: Path) -> bool:
    """Whether an output folder has a ledger or kept records to build the page from."""
    outdir = Path(outdir)
    return (outdir / LEDGER_NAME).is_file() or (records_dir(outdir) / "index.json").is_file()


def is_review_page(path: Path) -> bool:
    """Whether a file is a 核对页 this program wrote (so a run does not read it back as a report)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


def write_review(
    outdir: Path,
    schema: Schema,
    *,
    templates: Path | str | None = None,
    store: Store | None = None,
    ledger_name: str = LEDGER_NAME,
    now: dt.datetime | None = None,
) -> Path:
    """Write OUTDIR/<page> from the stored records (replaced atomically). TemplateError / OutputError."""
    outdir = Path(outdir)
    config = load_page_config(templates)
    _, template = load_template(templates)
    store = store or Store.load(outdir)
    data = page_data(
        store.reports(),
        schema,
        config,
        ledger_name=ledger_name,
        ledger_exists=(outdir / ledger_name).exists(),
        total=len(store.entries),
        now=now,
        lazy=True,
    )
    target = outdir / config.file

    def put_page(tmp: Path) -> None:  # written as it is made: the page is 10 MB or so for 2,000 reports
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in page_chunks(template, data):
                fh.write(chunk)

    return write_atomic(target, put_page)


def update_review(
    outdir: Path,
    records: Sequence[Record],
    ledger: Any,
    schema: Schema,
    *,
    templates: Path | str | None = None,
    log: Callable[[str], None] | None = None,
) -> Path | None:
    """After a run wrote the ledger (`ledger` is its LedgerResult, None when nothing was written): keep the
    run's reports that the ledger holds, then rewrite the page. Never fails the run: a problem goes to
    `log` and None is returned (the ledger and briefing are what the run is for)."""
    outdir = Path(outdir)
    say = log or (lambda _line: None)
    try:
        target = outdir / page_name(templates)
        if ledger is None and target.exists() and records_dir(outdir).is_dir():
            return target  # nothing new: the page stays as it is
        store = Store.load(outdir)
        if store.note:
            say(store.note)
        if ledger is not None and getattr(ledger, "created", False):
            store.clear()  # a new ledger: the reports of the old one are not in it
        seqs = ledger_seqs(ledger) if ledger is not None else {}
        if seqs:
            when = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            for record in records:
                seq, own = seqs.get(record.path, (None, False))
                if seq is not None and (own or record.sha256 not in store.entries):
                    store.put(record, seq, when)  # (a duplicate does not replace the row's own file)
        store.save()
        return write_review(outdir, schema, templates=templates, store=store)
    except (ReporterError, OSError) as exc:
        with contextlib.suppress(Exception):
            say(
                f"核对页无法写出（{exc}）；台账和简报不受影响，可稍后用 reporter review {command_arg(outdir)} 重新生成"
            )
        return None
