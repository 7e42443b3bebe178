"""Writing the new package: every part copied as it is except the sheets that grow (rows streamed through,
new rows after the last), the comments and VML of 台账, and the parts listed in parts.py."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from . import notes
from . import styles as st
from .cells import (
    CellXML,
    col_letter,
    column_widths,
    row_height,
    split_ref,
    wrapped_lines,
)
from .config import (
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEM_COLUMNS,
    PROBLEMS_SHEET,
    SUMMARY_SHEET,
)
from .ordering import OrderingMixin
from .package import (
    CT_CHART,
    CT_COMMENTS,
    CT_DRAWING,
    CT_VML,
    T_CHART,
    T_COMMENTS,
    T_DRAWING,
    T_HYPERLINK,
    T_VML,
    PackageWriter,
    RelIds,
    relative,
    rels_name,
    resolve,
)
from .parts import PartsWriter
from .reorder import move_ref, plain_renumber
from .result import LedgerResult
from .rows import (
    Cell,
    ledger_cells,
    metric_rows,
)
from .sheetxml import (
    BIG_PART_LEVEL,
    LEDGER_HEADER_ROW,
    SheetEdit,
    edit_tail,
    ensure_r_namespace,
    filter_ref,
    patch_row,
    read_chunks,
    row_cells,
    set_dimension,
    unique_name,
)
from .xmlstream import (
    row_is_empty,
    row_number,
    split,
)


class SheetWriter(PartsWriter, OrderingMixin):
    # ----------------------------------------------------------------------------------- writing
    def write(self, tmp: Path) -> LedgerResult:
        base, ctx = self.base, self.ctx
        if not hasattr(self, "_refresh_comments"):
            self._refresh_comments = {}
        ledger_part = self.parts[LEDGER_SHEET]
        metrics_part, problems_part = self.parts[METRICS_SHEET], self.parts[PROBLEMS_SHEET]
        summary_part = self.parts[SUMMARY_SHEET]
        names = set(base.infos)

        # relationships of 台账: comments, VML, hyperlinks
        lrels, ids = base.rels(ledger_part, skip_type=T_HYPERLINK)
        self.lrel_ids = RelIds(ids)
        self.new_ledger_rels: list[tuple[str, str, str, bool]] = []
        content_overrides: dict[str, str] = {}
        content_defaults: dict[str, str] = {}
        comments_part = next((resolve(ledger_part, r.target) for r in lrels if r.type == T_COMMENTS), None)
        vml_part = next((resolve(ledger_part, r.target) for r in lrels if r.type == T_VML), None)
        comments_part = comments_part if comments_part in names else None
        vml_part = vml_part if vml_part in names else None
        want_notes = ctx.config.comments and bool(self.new_reports or self._refresh_comments)
        new_comments = new_vml = False
        legacy_rid = None
        if want_notes and comments_part is None:
            comments_part = unique_name(names, "xl/comments/comment{}.xml")
            rid = self.lrel_ids.new()
            self.new_ledger_rels.append((rid, T_COMMENTS, relative(ledger_part, comments_part), False))
            content_overrides["/" + comments_part] = CT_COMMENTS
            new_comments = True
        if want_notes and vml_part is None:
            vml_part = unique_name(names, "xl/drawings/vmlDrawing{}.vml")
            legacy_rid = self.lrel_ids.new()
            self.new_ledger_rels.append((legacy_rid, T_VML, relative(ledger_part, vml_part), False))
            content_defaults["vml"] = CT_VML
            new_vml = True
        self.comment_prefix, self.author = ("", 0)
        if comments_part and not new_comments:
            self.comment_prefix, self.author = notes.comments_prefix_and_author(base, comments_part)
        replace_notes, first_notes = self._refresh_notes(comments_part, new_comments)
        moves = self.layout.moves

        # summary sheet: its drawing and chart parts
        srels, _ = base.rels(summary_part)
        drawing_part = next((resolve(summary_part, r.target) for r in srels if r.type == T_DRAWING), None)
        chart_part = None
        if drawing_part and drawing_part in names:
            drels, _ = base.rels(drawing_part)
            chart_part = next((resolve(drawing_part, r.target) for r in drels if r.type == T_CHART), None)
        else:
            drawing_part = unique_name(names, "xl/drawings/drawing{}.xml")
        if not chart_part or chart_part not in names:
            chart_part = unique_name(names, "xl/charts/chart{}.xml")
        content_overrides["/" + drawing_part] = CT_DRAWING
        content_overrides["/" + chart_part] = CT_CHART

        rewritten = {
            ledger_part,
            metrics_part,
            problems_part,
            summary_part,
            rels_name(ledger_part),
            rels_name(summary_part),
            drawing_part,
            rels_name(drawing_part),
            chart_part,
            self.wb_part,
            "[Content_Types].xml",
        }
        if comments_part:
            rewritten.add(comments_part)
        if vml_part:
            rewritten.add(vml_part)
        if self.new_styles is not None and self.styles_part is not None:
            rewritten.add(self.styles_part)

        writer = PackageWriter(tmp)
        try:
            for name in base.infos:
                if name not in rewritten:
                    writer.copy(base, name)
            with (
                tempfile.TemporaryFile() as note_spool,
                tempfile.TemporaryFile() as ref_spool,
                tempfile.TemporaryFile() as metric_spool,
            ):
                for ref, text in first_notes.items():
                    note_spool.write(
                        notes.comment(ref, self.author, text, self.comment_prefix).encode("utf-8")
                    )
                    ref_spool.write(ref.encode() + b"\n")
                self.filter_refs: dict[str, str] = {}
                self._write_ledger(writer, ledger_part, note_spool, ref_spool, metric_spool, legacy_rid)
                self._write_metrics(writer, metrics_part, metric_spool)
                self._write_problems(writer, problems_part)
                # comments and their VML shapes
                note_count = 0
                if comments_part:
                    note_spool.seek(0)
                    with writer.stream(comments_part, base.infos.get(comments_part), BIG_PART_LEVEL) as dst:
                        if new_comments:
                            notes.write_new_comments(dst, read_chunks(note_spool))
                        else:
                            with base.open(comments_part) as src:
                                notes.rewrite_comments(
                                    src,
                                    dst,
                                    replace=replace_notes,
                                    add=read_chunks(note_spool),
                                    moves=moves,
                                )
                if vml_part:
                    ref_spool.seek(0)
                    note_count = sum(1 for _ in ref_spool)
                    ref_spool.seek(0)
                    vml_parts = [n for n in base.infos if n.endswith(".vml")]
                    blocks = notes.blocks_for(note_count, notes.idmap_blocks(base, vml_parts))
                    refs = (line.decode().strip() for line in ref_spool)
                    with writer.stream(vml_part, base.infos.get(vml_part), BIG_PART_LEVEL) as dst:
                        if new_vml:
                            notes.write_new_vml(dst, refs, blocks)
                        else:
                            with base.open(vml_part) as src:
                                notes.rewrite_vml(src, dst, refs, blocks, moves=moves)
            self._write_ledger_rels(writer, ledger_part)
            self._write_summary(writer, summary_part, drawing_part, chart_part)
            if self.new_styles is not None and self.styles_part is not None:
                writer.write(self.styles_part, self.new_styles, base.infos[self.styles_part])
            writer.write(self.wb_part, self._workbook_xml(), base.infos[self.wb_part])
            writer.write(
                "[Content_Types].xml",
                self._content_types(content_overrides, content_defaults),
                base.infos.get("[Content_Types].xml"),
            )
        finally:
            writer.close()
        return LedgerResult(
            path=ctx.out,
            created=ctx.fresh,
            added=tuple(self.result_added),
            skipped=tuple(self.skipped),
            differences=tuple(self.differences),
            problems_added=len(self.problem_rows),
            warnings=tuple(self.warnings),
        )

    def _refresh_notes(
        self, comments_part: str | None, new_comments: bool
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Comments of --refresh: (those replacing a comment the cell has, those it gets first), the latter
        at the cells' new places when rows moved."""
        replace_notes: dict[str, str] = {}
        first_notes: dict[str, str] = {}
        if self._refresh_comments:
            have = (
                notes.comment_refs(
                    self.base, comments_part, {split_ref(r)[0] for r in self._refresh_comments}
                )
                if comments_part and not new_comments
                else set()
            )
            for ref, text in self._refresh_comments.items():
                (replace_notes if ref in have else first_notes)[ref] = text
        moves = self.layout.moves
        if moves:
            first_notes = {move_ref(ref, moves): text for ref, text in first_notes.items()}
        return replace_notes, first_notes

    # 台账 ----------------------------------------------------------------------------------------
    def _write_ledger(
        self,
        writer: PackageWriter,
        part: str,
        note_spool: IO[bytes],
        ref_spool: IO[bytes],
        metric_spool: IO[bytes],
        legacy_rid: str | None,
    ) -> SheetEdit:
        ctx = self.ctx
        scan = self.lscan
        x = CellXML(scan.prefix)
        mx = CellXML(self.mscan.prefix)
        last_col = max(self.lcol.values(), default=1)
        if scan.header:
            last_col = max(last_col, scan.header.last_col)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.lcol,
            last_col=last_col,
            first_new_row=self.ledger_first_new,
            patches=self.ledger_patches,
            new_rows=len(self.new_reports),
            legacy_rid=legacy_rid,
            font_size=ctx.config.fonts.body_size,
        )
        medit = self._metrics_edit = SheetEdit(
            part=self.parts[METRICS_SHEET],
            scan=self.mscan,
            columns=self.mcol,
            last_col=1,
            first_new_row=self.metric_next_row,
            font_size=ctx.config.fonts.body_size,
        )
        with self.base.open(medit.part) as src:
            medit.widths, medit.default_width = column_widths(
                split(src, container=b"sheetData", element=b"row").head
            )
        if scan.header is None:
            with self.base.open(part) as src:
                widths, default = column_widths(split(src, container=b"sheetData", element=b"row").head)
            edit.prelude = self._ledger_prelude(x, widths, default)
        self.hyperlink_rels: list[tuple[str, str]] = []
        comments = ctx.config.comments
        author, cprefix = self.author, self.comment_prefix
        styles = ctx.styles
        # 工作数据 rows of --refresh come first, then those of the new reports
        metric_row = self.metric_next_row
        for cells in self.metric_refresh_new:
            metric_spool.write(
                mx.row(
                    metric_row,
                    row_cells(mx, metric_row, cells, self.mcol, styles),
                    medit.height(cells, self.mcol),
                ).encode("utf-8")
            )
            self._totals_add(cells)
            metric_row += 1
        file_col = self.lcol.get("file")

        def rows() -> Iterator[str]:
            nonlocal metric_row
            for report in self.new_reports:
                record = self.records[report.item.index]
                cells = ledger_cells(
                    record,
                    ctx.lcols,
                    ctx.schema,
                    seq=report.seq,
                    now=ctx.now,
                    ledger=ctx.out,
                    comments=comments,
                    fit=self.fit,
                    money=ctx.config.money_unit,
                    comment_limit=ctx.config.comments_per_row,
                )
                if comments:
                    for key, cell in cells.items():
                        if cell.comment and key in self.lcol:
                            ref = f"{col_letter(self.lcol[key])}{report.row}"
                            note_spool.write(
                                notes.comment(ref, author, cell.comment, cprefix).encode("utf-8")
                            )
                            ref_spool.write(ref.encode() + b"\n")
                if file_col and cells["file"].link:
                    rid = self.lrel_ids.new()
                    edit.hyperlinks.append((f"{col_letter(file_col)}{report.row}", rid))
                    self.hyperlink_rels.append((rid, cells["file"].link))
                for mcells in metric_rows(record, ctx.mcols, ctx.schema, seq=report.seq, ledger_cells_=cells):
                    metric_spool.write(
                        mx.row(
                            metric_row,
                            row_cells(mx, metric_row, mcells, self.mcol, styles),
                            medit.height(mcells, self.mcol),
                        ).encode("utf-8")
                    )
                    self._totals_add(mcells)
                    metric_row += 1
                yield x.row(
                    report.row,
                    row_cells(x, report.row, cells, self.lcol, styles),
                    edit.height(cells, self.lcol),
                )

        self._write_ledger_rows(writer, part, edit, rows(), x)
        self.ledger_last_row = edit.last_row
        return edit

    def _ledger_prelude(self, x: CellXML, widths: dict[int, float], default: float) -> list[str]:
        ctx, s = self.ctx, self.ctx.styles
        cfg = ctx.config
        visible = [c for c in ctx.lcols if c.printed] or [c for c in ctx.lcols if not c.hidden]
        half = max(2, len(visible) // 2)
        unit = cfg.unit or "＿" * 12
        title = x.row(
            1,
            [x.text("A1", s[st.TITLE], cfg.title)]
            + [x.blank(f"{col_letter(i)}1", s[st.TITLE]) for i in range(2, len(visible) + 1)],
            ' ht="36" customHeight="1"',
        )
        info = x.row(
            2,
            [
                x.text("A2", s[st.INFO], f"{cfg.unit_label}：{unit}"),
                x.text(
                    f"{col_letter(half + 1)}2",
                    s[st.INFO_RIGHT],
                    f"{cfg.date_label}：{ctx.now.date().isoformat()}",
                ),
            ],
            ' ht="22" customHeight="1"',
        )
        lines = max(
            wrapped_lines(c.header, widths.get(i, default), cfg.fonts.header_size)
            for i, c in enumerate(ctx.lcols, 1)
            if not c.hidden
        )
        header = x.row(
            LEDGER_HEADER_ROW,
            [
                x.text(f"{col_letter(i)}{LEDGER_HEADER_ROW}", s[st.HEADER], c.header)
                for i, c in enumerate(ctx.lcols, 1)
            ],
            f' ht="{max(24.0, row_height(lines, cfg.fonts.header_size))}"',
        )
        return [title, info, header]

    def _totals_add(self, cells: dict[str, Cell]) -> None:
        def text(key: str) -> str:
            c = cells.get(key)
            return c.text if c is not None else ""

        date = cells.get("date")
        value = cells.get("value")
        self.totals.add(
            text("indicator"),
            text("unit"),
            text("organizer"),
            float(date.value) if date is not None and date.is_number else None,
            float(value.value) if value is not None and value.is_number else 0.0,
            1,
        )

    # 工作数据 / 处理异常 ----------------------------------------------------------------------------
    def _write_metrics(self, writer: PackageWriter, part: str, spool: IO[bytes]) -> None:
        scan = self.mscan
        x = CellXML(scan.prefix)
        total = len(self.metric_refresh_new) + sum(r.item.metrics for r in self.new_reports)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.mcol,
            last_col=max([*self.mcol.values(), scan.header.last_col if scan.header else 1]),
            first_new_row=self.metric_next_row,
            patches=self.metric_patches,
            new_rows=total,
            follow=self._seq_follower(self.mcol.get("seq"), scan.prefix),
        )
        seq_col = self.mcol.get("seq")
        if edit.follow is not None and self.metrics_plain and seq_col and not scan.prefix:
            edit.follow, edit.chunk_follow = None, plain_renumber(col_letter(seq_col), self.seq_map)
        if scan.header is None:
            edit.prelude = [
                x.row(
                    1,
                    [
                        x.text(f"{col_letter(i)}1", self.ctx.styles[st.HEADER], c.header)
                        for i, c in enumerate(self.ctx.mcols, 1)
                    ],
                    ' ht="24" customHeight="1"',
                )
            ]
        spool.seek(0)
        self._rewrite_sheet(writer, part, edit, read_chunks(spool))

    def _write_problems(self, writer: PackageWriter, part: str) -> None:
        scan = self.pscan
        x = CellXML(scan.prefix)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.pcol,
            last_col=max([*self.pcol.values(), scan.header.last_col if scan.header else 1]),
            first_new_row=self.problem_first_new,
            new_rows=len(self.problem_rows),
            follow=self._seq_follower(self.pcol.get("seq"), scan.prefix),
        )
        if scan.header is None:
            edit.prelude = [
                x.row(
                    1,
                    [
                        x.text(f"{col_letter(i)}1", self.ctx.styles[st.HEADER], c.header)
                        for i, c in enumerate(PROBLEM_COLUMNS, 1)
                    ],
                    ' ht="24" customHeight="1"',
                )
            ]
        edit.font_size = self.ctx.config.fonts.body_size
        rows = (
            x.row(
                edit.first_new_row + i,
                row_cells(x, edit.first_new_row + i, cells, self.pcol, self.ctx.styles),
                edit.height(cells, self.pcol),
            )
            for i, cells in enumerate(self.problem_rows)
        )
        self._rewrite_sheet(writer, part, edit, rows)

    def _rewrite_sheet(
        self, writer: PackageWriter, part: str, edit: SheetEdit, new_rows: Iterable[str | bytes]
    ) -> None:
        """Stream a worksheet: rows copied (or patched), new rows after the last filled row, tail updated."""
        base = self.base
        emit_from = 1 if edit.prelude else edit.first_new_row
        last_new = edit.first_new_row + edit.new_rows - 1
        with base.open(part) as src, writer.stream(part, base.infos[part], BIG_PART_LEVEL) as dst:
            parts = split(src, container=b"sheetData", element=b"row")
            edit.widths, edit.default_width = column_widths(parts.head)
            head = ensure_r_namespace(parts.head)
            head = set_dimension(head, max(edit.last_row, len(edit.prelude)), edit.last_col)
            dst.write(head)
            emitted = False

            def emit() -> None:
                for line in edit.prelude:
                    dst.write(line.encode("utf-8"))
                batch: list[str] = []
                for new in new_rows:
                    if isinstance(new, bytes):
                        dst.write(new)
                        continue
                    batch.append(new)
                    if len(batch) >= 500:
                        dst.write("".join(batch).encode("utf-8"))
                        batch = []
                dst.write("".join(batch).encode("utf-8"))

            previous = 0
            out: list[bytes] = []
            if (
                not edit.patches
                and not edit.prelude
                and edit.follow is None
                and edit.scan.max_row < edit.first_new_row
            ):
                parts.copy_elements(dst, edit.chunk_follow)  # the old rows copied in chunks
            for raw in [] if parts.tail else parts.elements():
                r = row_number(raw, previous)
                previous = r
                if len(out) >= 500:
                    dst.write(b"".join(out))
                    out.clear()
                if not emitted and r >= emit_from:
                    dst.write(b"".join(out))
                    out.clear()
                    emit()
                    emitted = True
                if emit_from <= r <= max(last_new, len(edit.prelude)) and row_is_empty(raw):
                    continue  # an empty (formatting-only) row where new rows go
                if edit.follow is not None and edit.scan.header and r > edit.scan.header.row:
                    raw = edit.follow(r, raw)
                out.append(patch_row(raw, r, edit.patches[r]) if r in edit.patches else raw)
            dst.write(b"".join(out))
            if not emitted:
                emit()
            dst.write(parts.between)
            tail = edit_tail(head, parts.tail, edit)
            dst.write(tail)
            ref = filter_ref(tail)
            if ref is not None:
                self.filter_refs[part] = ref

    # relationships, summary, workbook, content types ----------------------------------------------
