"""Adding reports to a ledger by editing its package directly.

Every part of the existing file is copied as it is, except what must change:

- 台账, 工作数据, 处理异常: rows are streamed through unchanged; new rows are written after the last row
  that holds anything; with --refresh, single cells of existing rows are replaced in place. The
  autoFilter range and the <dimension> grow with the rows; hyperlinks (文件) and comments are added.
- the comments and VML parts of 台账: streamed, new comments appended.
- 统计汇总 and its chart: rebuilt from what 工作数据 holds.
- styles.xml, workbook.xml, [Content_Types].xml and relationship parts: only when something is added.

So people's edited cells, 备注, added columns and rows, formulas, formats and sheets survive exactly,
and the cost of a run grows with the size of the ledger only through streaming copies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ...fingerprint import decode as decode_fingerprint
from ...model import Failure, Record
from . import styles as st
from .cells import (
    clean_text,
    column_widths,
    excel_serial,
)
from .config import (
    FINGERPRINT_HEADER,
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEM_COLUMNS,
    TOOL_HEADER,
)
from .package import (
    Package,
)
from .plan import Candidate, Existing, Incoming, NewReport, Refresh, Skip, SkipKind, plan_reports
from .reading import LedgerReader, col_map
from .refresh import RefreshMixin
from .relayout import layout_differs
from .result import Added, Difference, LedgerSkip
from .rows import (
    Cell,
    Fit,
    cell_date_text,
    norm_title,
    title_key,
)
from .scan import RowValues, canonical, seq_number
from .sheetxml import LEDGER_HEADER_ROW
from .summary import Totals
from .workspace import LedgerContext
from .writing import SheetWriter
from .xmlstream import (
    split,
)


class LedgerUpdate(LedgerReader, RefreshMixin, SheetWriter):
    """read() → plan() → write(tmp): see the module's docstring."""

    def __init__(
        self, base: Package, ctx: LedgerContext, records: Sequence[Record], failures: Sequence[Failure]
    ):
        self.base, self.ctx = base, ctx
        self.records, self.failures = records, failures
        self.result_added: list[Added] = []
        self.skipped: list[LedgerSkip] = []
        self.differences: list[Difference] = []
        self.warnings: list[str] = []
        self.totals = Totals()
        self.problem_rows: list[dict[str, Cell]] = []
        self.metric_patches: dict[int, dict[int, str]] = {}
        self.metric_refresh_new: list[dict[str, Cell]] = []
        self.ledger_patches: dict[int, dict[int, str]] = {}
        self.ledger_last_row: int | None = None
        self.new_reports: list[NewReport] = []
        self.deleted: frozenset[str] = frozenset()  # rows a person deleted: never added again
        self.readd: frozenset[str] = frozenset()  # rows lost to an overwrite, being put back
        self.present: set[str] = set()

    # --------------------------------------------------------------------------------- planning
    def plan(self) -> None:
        ctx, shared = self.ctx, self.shared
        self.lcol, missing = col_map(ctx.lcols, self.lscan, ctx.fresh)
        for header in missing:
            if header in (FINGERPRINT_HEADER, TOOL_HEADER):
                self.warnings.append(
                    f"台账里没有隐藏列“{header}”，新行的这一项没有写入（疑似重复、--refresh 会受影响）"
                )
            else:
                self.warnings.append(f"台账里没有“{header}”列（表头改过或删掉了？），新行的这一项没有写入")
        if self.lscan.header is not None and layout_differs(
            self.lscan.header.columns, ctx.schema, ctx.config
        ):
            self.warnings.append(
                f"{ctx.out}：这个台账的列顺序和 ledger.toml 的打印列不一致（可能是旧版程序建的），打印出来字会很小；"
                f'运行 reporter ledger --relayout -o "{ctx.out}" 可以换成新的列顺序和打印区域，人工修改都会保留'
            )
        self.mcol, mmissing = col_map(ctx.mcols, self.mscan, ctx.fresh)
        for header in mmissing:
            self.warnings.append(f"“{METRICS_SHEET}”表里没有“{header}”列，新行的这一项没有写入")
        self.pcol, _ = col_map(PROBLEM_COLUMNS, self.pscan, ctx.fresh)
        with self.base.open(self.parts[LEDGER_SHEET]) as src:
            widths, default = column_widths(split(src, container=b"sheetData", element=b"row").head)
        self.fit = Fit(
            {k: widths.get(i, default) for k, i in self.lcol.items()},
            ctx.config.fonts.body_size,
            ctx.config.max_lines,
        )

        lheader = self.lscan.header.row if self.lscan.header else LEDGER_HEADER_ROW
        self.ledger_first_new = max(self.lscan.last_filled, lheader) + 1
        mheader = self.mscan.header.row if self.mscan.header else 1
        self.metric_next_row = max(self.mscan.last_filled, mheader) + 1
        pheader = self.pscan.header.row if self.pscan.header else 1
        self.problem_first_new = max(self.pscan.last_filled, pheader) + 1

        # what the ledger already holds
        existing: dict[str, Existing] = {}
        candidates: dict[str, list[Candidate]] = defaultdict(list)
        for rv in self.lscan.rows:
            v = rv.values
            seq = seq_number(v.get("seq"))
            s0 = int(seq) if seq is not None else None
            sha = v.get("sha256")
            if isinstance(sha, str) and sha not in existing:
                existing[sha] = Existing(rv.row, s0, canonical(shared, v.get("file")), rv)
            title = v.get("title")
            title = norm_title(shared.text(title)) if title is not None else ""
            if title:
                date = cell_date_text(canonical(shared, v.get("date")) if v.get("date") is not None else None)
                fp = decode_fingerprint(canonical(shared, v.get("fingerprint")))
                candidates[title_key(title, date)].append(
                    Candidate(rv.row, s0, fp, canonical(shared, v.get("file")))
                )
        self.existing_problems = {
            tuple(canonical(shared, rv.values.get(k)).strip() for k in ("file", "kind", "reason"))
            for rv in self.pscan.rows
        }
        incoming = [item for item in self.incoming if not self._replace(item, existing)]
        plan = plan_reports(
            incoming,
            existing,
            candidates,
            first_row=self.ledger_first_new,
            first_seq=int(self.lscan.max_seq) + 1,
            refresh=ctx.refresh,
            deleted=self.deleted,
        )
        self._plan_layout(plan.new)  # rows in date order, 序号 following, the signature block last
        for step in plan.steps:
            if isinstance(step, Refresh):
                scanned = step.existing.key
                assert isinstance(scanned, RowValues)
                self._refresh(self.records[step.item.index], scanned, step.existing.seq)
            elif isinstance(step, Skip):
                step = self._moved_skip(step)
                self._skip(step.item, step.kind, step.row, step.seq, step.reason, step.similarity)
            else:
                self.result_added.append(Added(path=step.item.path, seq=step.seq, row=step.row))
        for (
            cells
        ) in self.metric_refresh_new:  # new 工作数据 rows of a refreshed report: its 序号 as it is now
            cell = cells.get("seq")
            if cell is not None and isinstance(cell.value, int | float) and int(cell.value) in self.seq_map:
                cells["seq"] = replace(cell, value=self.seq_map[int(cell.value)])
        moves, seqs = self.layout.moves, self.seq_map
        self.differences = [  # --refresh of rows that moved: named where they are now
            replace(d, row=moves.get(d.row, d.row), seq=seqs.get(d.seq, d.seq) if d.seq is not None else None)
            if d.sheet == LEDGER_SHEET
            else replace(d, seq=seqs.get(d.seq, d.seq) if d.seq is not None else None)
            for d in self.differences
        ]
        if self.sort_blocked:
            self.warnings.append(f"{self.ctx.out}：{self.sort_blocked}")
        for failure in self.failures:
            self._problem(failure.path, "失败", failure.reason, failure.message, None)

    def _replace(self, item: Incoming, existing: dict[str, Existing]) -> bool:
        """A report whose file grew after it was processed (a copy that paused), or was corrected in place
        and is still the same report (title and date), refreshes the row of its old version (the program's
        values only; a person's edits kept) instead of becoming a repeat of it (issue 19)."""
        wanted = self.ctx.replaces.get(item.sha256)
        if wanted is None or item.sha256 in existing:
            return False
        old_sha, grown = wanted
        ex = existing.get(old_sha)
        if ex is None or not isinstance(ex.key, RowValues):
            return False
        v, shared = ex.key.values, self.shared
        if not grown:
            title = norm_title(shared.text(v["title"])) if v.get("title") is not None else ""
            date = cell_date_text(canonical(shared, v.get("date")) if v.get("date") is not None else None)
            if not title or title_key(title, date) != title_key(item.title, item.date):
                return False
        self._refresh(self.records[item.index], ex.key, ex.seq, old_sha=old_sha)
        return True

    def _skip(
        self,
        record: Incoming,
        kind: SkipKind,
        row: int,
        seq: int | None,
        reason: str,
        similarity: float | None = None,
    ) -> None:
        self.skipped.append(
            LedgerSkip(
                path=record.path,
                kind=kind,
                row=row,
                seq=seq,
                reason=reason,
                similarity=similarity,
            )
        )
        if kind == "repeat":
            self._problem(
                record.path,
                "疑似重复",
                reason,
                "同一篇报告被其他单位转发或重发，未加入台账；如确是不同的报告，请在台账中手工补录",
                seq,
            )
        elif kind == "duplicate":
            self._problem(
                record.path, "内容重复", reason, "文件内容与台账中已有的报告完全相同，未重复加入", seq
            )

    def _problem(self, path: Path, kind: str, reason: str, detail: str, seq: int | None) -> None:
        file_text = clean_text(str(Path(path).resolve()))
        key = (file_text, kind, clean_text(reason))
        if key in self.existing_problems:
            return
        self.existing_problems.add(key)
        cells = {
            "file": Cell(file_text, st.TEXT),
            "kind": Cell(kind, st.CENTER),
            "reason": Cell(clean_text(reason), st.TEXT),
            "detail": Cell(clean_text(detail), st.TEXT),
            "seq": Cell(seq, st.CENTER) if seq is not None else Cell("", st.CENTER),
            "time": Cell(round(excel_serial(self.ctx.now), 8), st.TIME),
        }
        self.problem_rows.append(cells)
