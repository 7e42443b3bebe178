"""What the parts of a ledger update share: the run's settings (LedgerContext) and the state gathered while
reading and planning (UpdateState, declared once so each part of the update can be type-checked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...model import Failure, Record
from ...schema import Schema
from .cells import CellXML
from .config import Column, LedgerConfig
from .order import Layout
from .package import Package, RelIds
from .plan import Incoming, NewReport
from .result import Added, Difference, LedgerSkip
from .rows import Cell, Fit
from .scan import SharedText, SheetScan, Value
from .sheetxml import SheetEdit
from .summary import Totals
from .xmlstream import SharedRef


@dataclass
class LedgerContext:
    out: Path
    schema: Schema
    config: LedgerConfig
    now: dt.datetime
    fresh: bool
    refresh: bool
    styles: dict[str, int]
    lcols: list[Column]
    mcols: list[Column]
    # a file that changed in place (issue 19, watch): new SHA-256 → (old SHA-256, grown) refreshes its old row
    replaces: dict[str, tuple[str, bool]] = field(default_factory=dict)


class UpdateState:
    """Attributes of LedgerUpdate, set by __init__, read() and plan() (see update.py)."""

    base: Package
    ctx: LedgerContext
    records: Sequence[Record]
    failures: Sequence[Failure]
    # results
    result_added: list[Added]
    skipped: list[LedgerSkip]
    differences: list[Difference]
    warnings: list[str]
    # read
    parts: dict[str, str]  # sheet name → part
    wb_part: str
    styles_part: str | None
    new_styles: bytes | None
    shared: SharedText
    incoming: list[Incoming]
    sha_by_index: dict[int, str]
    title_by_index: dict[int, str]
    incoming_shas: set[str]
    incoming_titles: set[str]
    lscan: SheetScan
    mscan: SheetScan
    pscan: SheetScan
    present: set[str]
    present_raw: list[str | float | SharedRef | None]
    # (row, program, signature, movable, date, 序号, empty) of every 台账 row below the header (order.py)
    row_info: list[tuple[int, bool, bool, bool, Value, Value, bool]]
    metrics_plain: bool  # every 序号 of 工作数据 written the usual way: renumbered in chunks
    shared_mark: int  # the shared-string index of the signature block's marker (-1: none)
    _metric_raw: dict[tuple, list]
    totals: Totals
    # planned
    lcol: dict[str, int]
    mcol: dict[str, int]
    pcol: dict[str, int]
    fit: Fit
    deleted: frozenset[str]
    readd: frozenset[str]
    ledger_first_new: int
    metric_next_row: int
    problem_first_new: int
    existing_problems: set[tuple[str, ...]]
    new_reports: list[NewReport]
    layout: Layout
    sort_blocked: str  # why the rows were not sorted by date this time ('' when they were)
    seq_map: dict[int, int]  # old 序号 → new 序号 of program rows (工作数据 and 处理异常 follow)
    row_moves: dict[int, int]  # rows named in messages (old rows, this batch's provisional rows) → new row
    seq_of_row: dict[int, int]  # the same rows → their 序号 after the layout
    problem_rows: list[dict[str, Cell]]
    ledger_patches: dict[int, dict[int, str]]
    metric_patches: dict[int, dict[int, str]]
    metric_refresh_new: list[dict[str, Cell]]
    _refresh_comments: dict[str, str]
    # written
    ledger_last_row: int | None
    lrel_ids: RelIds
    new_ledger_rels: list[tuple[str, str, str, bool]]
    comment_prefix: str
    author: int
    filter_refs: dict[str, str]
    hyperlink_rels: list[tuple[str, str]]
    _metrics_edit: SheetEdit
    _cellxml: CellXML
