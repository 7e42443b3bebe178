"""--refresh: the program's own values re-filled in place; a cell a person edited (its checksum no longer
matches) is kept, and every difference is listed."""

from __future__ import annotations

from ...model import Record
from . import styles as st
from .cells import (
    CellXML,
    col_letter,
    digest,
)
from .config import (
    LEDGER_SHEET,
    METRICS_SHEET,
    Column,
)
from .result import Difference
from .rows import (
    Cell,
    cell_date_text,
    ledger_cells,
    metric_rows,
    parse_digests,
)
from .scan import canonical
from .sheetxml import (
    TOOL_STYLES,
    cell_xml,
)
from .workspace import UpdateState
from .xmlstream import (
    SharedRef,
)


class RefreshMixin(UpdateState):
    # ---------------------------------------------------------------------------------- refresh
    def _compare(
        self,
        *,
        sheet: str,
        row: int,
        seq: int | None,
        file: str,
        cols: list[Column],
        colmap: dict[str, int],
        current: dict,
        cur_styles: dict,
        stored: dict[str, str],
        new: dict[str, Cell],
        x: CellXML,
        clear: bool = False,
    ) -> tuple[dict[int, str], dict[str, str], dict]:
        """Cells to replace in one row: (col → XML, new checksums, final values)."""
        shared, ctx = self.shared, self.ctx
        tool_ids = {ctx.styles[n] for n in TOOL_STYLES}
        changes: dict[int, str] = {}
        digests = dict(stored)
        final = {}
        for col in cols:
            if col.kind not in ("field", "review", "metric") or col.key not in colmap:
                continue
            cur_value = current.get(col.key)
            cur = canonical(shared, cur_value)
            cell = Cell("", st.TEXT) if clear else new.get(col.key)
            final[col.key] = cur_value
            if cell is None:
                continue
            if cur == cell.text:
                continue
            is_date = (col.spec is not None and col.spec.kind == "date") or (
                sheet == METRICS_SHEET and col.key == "date"
            )
            show_old = cell_date_text(cur) if is_date and isinstance(cur_value, float) else cur
            show_new = cell_date_text(cell.text) if is_date and cell.is_number else cell.text
            edited = stored.get(col.key) != digest(cur)
            self.differences.append(
                Difference(
                    sheet=sheet,
                    row=row,
                    seq=seq,
                    file=file,
                    column=col.header,
                    old=show_old,
                    new=show_new,
                    kept=edited,
                )
            )
            if edited:
                continue
            style = cur_styles.get(col.key)
            style_id = ctx.styles[cell.style] if style is None or style in tool_ids else style
            ref = f"{col_letter(colmap[col.key])}{row}"
            changes[colmap[col.key]] = cell_xml(x, ref, cell, style_id)
            digests[col.key] = digest(cell.text)
            final[col.key] = cell.value if cell.text else None
            if sheet == LEDGER_SHEET and ctx.config.comments:
                if cell.comment:
                    self._refresh_comments[ref] = cell.comment
                elif cur and not cell.text:
                    self._refresh_comments[ref] = "（重新抽取后此项为空，原来的出处已不适用）"
        return changes, digests, final

    def _refresh(self, record: Record, rv, seq: int | None, old_sha: str | None = None) -> None:
        """Re-fill a row from a re-extracted record (a person's edits kept); with `old_sha`, the row of the
        report's earlier version (a file changed in place) takes the new version's SHA-256 too."""
        ctx, shared = self.ctx, self.shared
        x = CellXML(self.lscan.prefix)
        new = ledger_cells(
            record,
            ctx.lcols,
            ctx.schema,
            seq=seq or 0,
            now=ctx.now,
            ledger=ctx.out,
            comments=ctx.config.comments,
            fit=self.fit,
            money=ctx.config.money_unit,
            comment_limit=ctx.config.comments_per_row,
        )
        stored = parse_digests(canonical(shared, rv.values.get("tool")))
        file_text = canonical(shared, rv.values.get("file"))
        if not hasattr(self, "_refresh_comments"):
            self._refresh_comments = {}
        changes, digests, _ = self._compare(
            sheet=LEDGER_SHEET,
            row=rv.row,
            seq=seq,
            file=file_text,
            cols=ctx.lcols,
            colmap=self.lcol,
            current=rv.values,
            cur_styles=rv.styles,
            stored=stored,
            new=new,
            x=x,
        )
        if changes and "tool" in self.lcol:
            tool = ";".join(f"{k}={v}" for k, v in digests.items())
            col = self.lcol["tool"]
            changes[col] = x.text(f"{col_letter(col)}{rv.row}", ctx.styles[st.TEXT], tool)
        fp_col = self.lcol.get("fingerprint")
        if fp_col and canonical(shared, rv.values.get("fingerprint")) != new["fingerprint"].text:
            changes[fp_col] = cell_xml(
                x, f"{col_letter(fp_col)}{rv.row}", new["fingerprint"], ctx.styles[st.TEXT]
            )
        sha_col = self.lcol.get("sha256")
        if old_sha and sha_col:  # the row now holds the new version
            changes[sha_col] = cell_xml(
                x, f"{col_letter(sha_col)}{rv.row}", new["sha256"], ctx.styles[st.TEXT]
            )
        if changes:
            self.ledger_patches[rv.row] = changes

        # 工作数据: pair the report's existing rows with the re-extracted metrics in order
        mx = CellXML(self.mscan.prefix)
        sha = old_sha or record.sha256
        old_rows = sorted((r for r in self.mscan.rows if r.values.get("sha256") == sha), key=lambda r: r.row)
        new_rows = metric_rows(record, ctx.mcols, ctx.schema, seq=seq or 0, ledger_cells_=new)
        for i in range(max(len(old_rows), len(new_rows))):
            if i >= len(old_rows):
                self.metric_refresh_new.append(new_rows[i])
                continue
            old = old_rows[i]
            stored = parse_digests(canonical(shared, old.values.get("tool")))
            cells = new_rows[i] if i < len(new_rows) else {}
            changes, digests, final = self._compare(
                sheet=METRICS_SHEET,
                row=old.row,
                seq=seq,
                file=file_text,
                cols=ctx.mcols,
                colmap=self.mcol,
                current=old.values,
                cur_styles=old.styles,
                stored=stored,
                new=cells,
                x=mx,
                clear=i >= len(new_rows),
            )
            msha = self.mcol.get("sha256")
            if old_sha and msha and i < len(new_rows):
                changes[msha] = mx.text(f"{col_letter(msha)}{old.row}", ctx.styles[st.TEXT], record.sha256)
            if not changes:
                continue
            if "tool" in self.mcol:
                col = self.mcol["tool"]
                changes[col] = mx.text(
                    f"{col_letter(col)}{old.row}",
                    ctx.styles[st.TEXT],
                    ";".join(f"{k}={v}" for k, v in digests.items()),
                )
            self.metric_patches[old.row] = changes
            self._retotal(old.values, -1)
            self._retotal(final, +1)

    def _retotal(self, values: dict, sign: int) -> None:
        shared = self.shared

        def text(v) -> str:
            return shared.text(v) if v is not None else ""

        date = values.get("date")
        value = values.get("value")
        number = value if isinstance(value, (int, float)) and not isinstance(value, SharedRef) else None
        self.totals.add(
            text(values.get("indicator")),
            text(values.get("unit")),
            text(values.get("organizer")),
            date if isinstance(date, float) else None,
            sign * (number or 0.0),
            sign,
        )
