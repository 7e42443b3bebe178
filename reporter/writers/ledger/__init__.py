"""The Excel ledger (台账): written new, or grown in place without touching what people changed.

    result = write_ledger(records, schema, Path("output/台账.xlsx"), failures=failures)
    result.added, result.skipped, result.differences

Sheets: 台账 (one row per report), 工作数据 (one row per metric), 统计汇总 (live SUMIFS totals and a
chart), 处理异常 (failed files, duplicates, likely repeats). See update.py for how an existing ledger
is updated, skeleton.py for a new one.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ...errors import OutputError
from ...model import Failure, Record
from ...schema import Schema
from ..atomic import atomic_path
from .journal import Reconciliation, reconcile_ledger
from .result import Added, Difference, LedgerResult, LedgerSkip

__all__ = [
    "Added",
    "Difference",
    "LedgerResult",
    "LedgerSkip",
    "Reconciliation",
    "check_writable",
    "reconcile_ledger",
    "relayout_ledger",
    "write_ledger",
]


def relayout_ledger(
    out: Path, schema: Schema, *, templates: Path | str | None = None, now=None
) -> LedgerResult | None:
    """`reporter ledger --relayout`: the ledger rewritten with ledger.toml's columns (relayout.py); None
    when it has them already."""
    from .relayout import relayout_ledger as relayout

    return relayout(out, schema, templates=templates, now=now)


def check_writable(out: Path) -> None:
    """A ledger marked read-only (chmod 444, 属性“只读”) is respected: it is not replaced."""
    import stat

    try:
        mode = out.stat().st_mode
    except OSError:
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(
            f"{out}：台账文件设为只读，程序不会改动它；如要追加新报告，请先取消只读"
            "（Windows：右键→属性→去掉“只读”；Linux/macOS：chmod u+w），再运行一次",
            path=out,
            reason="台账文件只读",
        )


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
    base: bytes | None = None,
) -> LedgerResult:
    """Write the ledger at `out`, or add to it if it exists.

    Reports already in it (same SHA-256) are not added again; with refresh=True their cells are
    re-filled where the program's old value is still there (a person's edit is kept). The file is
    replaced atomically: a crash leaves the old ledger or the new one. `base`: the content to start from
    instead of the file's own (the ledger rearranged by relayout.py).
    """
    from .config import ledger_columns, load_config, metric_columns
    from .journal import FileId, Journal, reconcile
    from .package import Package
    from .skeleton import build_skeleton
    from .update import LedgerContext, LedgerUpdate

    out = Path(out)
    config = load_config(templates)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    if out.is_dir():
        raise OutputError(
            f"{out}：这是一个文件夹，不能作为台账文件；请给出 .xlsx 文件名",
            path=out,
            reason="输出路径是文件夹",
        )
    fresh = not out.exists()
    if not fresh:
        check_writable(out)
    if fresh:
        source: Path | io.BytesIO = io.BytesIO(build_skeleton(schema, config, records))
    else:
        source = io.BytesIO(base) if base is not None else out
    package = Package(source, label=out)
    try:
        ctx = LedgerContext(
            out=out,
            schema=schema,
            config=config,
            now=now,
            fresh=fresh,
            refresh=refresh,
            styles={},
            lcols=ledger_columns(schema, config),
            mcols=metric_columns(schema, config),
            replaces=dict(replaces or {}),
        )
        update = LedgerUpdate(package, ctx, records, failures)
        update.read()
        journal = (None if fresh else Journal.load(out)) or Journal()
        rec = reconcile(journal, out, update.present)
        update.deleted, update.readd = rec.deleted, rec.readd
        update.plan()
        with atomic_path(out) as tmp:
            try:
                result = update.write(tmp)
            finally:
                package.close()  # Windows cannot replace a file that is still open
    finally:
        package.close()
    added = [r.item.sha256 for r in update.new_reports]
    restored = sum(1 for sha in added if sha in rec.readd)
    if fresh and not journal.runs and update.present:
        journal.runs.append(sorted(update.present))
    if added:
        journal.runs.append(added)
    journal.deleted |= rec.newly_deleted
    journal.readded |= {sha for sha in added if sha in rec.readd}
    try:
        journal.file = FileId.of(out)
    except OSError:
        journal.file = None
    journal.save(out)
    if restored:
        result = replace(result, warnings=(rec.message(restored), *result.warnings))
    return result
