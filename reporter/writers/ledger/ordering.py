"""台账 rows in date order on every update, and the signature block below the last row (order.py decides,
reorder.py moves the bytes): the layout is planned after the reports are sorted into new, known and
skipped, and the 台账 sheet is then streamed in its new order — rows that keep their place are copied
as they are, moved rows are renumbered, 序号 set where the order changed it. 工作数据 and 处理异常 follow
the new 序号.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import styles as st
from .cells import CellXML, col_letter, split_ref
from .config import LEDGER_SHEET, METRICS_SHEET, PROBLEMS_SHEET, SUMMARY_SHEET
from .order import OldRow, Slot, plan_layout
from .package import PackageWriter
from .plan import NewReport, Skip
from .reorder import follow_number, merged_rows, pins_rows, refers_to, renumber_row, set_number, signature_row
from .rows import cell_date_text
from .scan import canonical, seq_number
from .sheetxml import (
    BIG_PART_LEVEL,
    LEDGER_HEADER_ROW,
    SheetEdit,
    edit_tail,
    ensure_r_namespace,
    filter_ref,
    patch_row,
    set_dimension,
)
from .workspace import UpdateState
from .xmlstream import SharedRef, row_is_empty, row_number, split

_PLACE = re.compile(r"第 (\d+) 行（序号 (\d+)")


class OrderingMixin(UpdateState):
    # ---------------------------------------------------------------------------------- planning
    def _plan_layout(self, new: list[NewReport]) -> None:
        """Where each row goes. Sorted only when reports are added (a run that adds nothing leaves a
        person's own order alone) and when every row can move (see reorder.py); otherwise new rows follow
        the old ones. The signature block always ends up right below the last row."""
        header = self.lscan.header.row if self.lscan.header else LEDGER_HEADER_ROW
        shared = self.shared
        old: list[OldRow] = []
        movable = True
        for r, program, signature, ok, date, seq, empty in self.row_info:
            movable = movable and ok
            number = seq_number(seq)
            text = canonical(shared, seq).strip() if number is None and seq is not None else ""
            day = ""
            if program and date is not None:
                day = cell_date_text(canonical(shared, date)) if not isinstance(date, float) else ""
                if isinstance(date, float):
                    day = cell_date_text(str(date))
            old.append(OldRow(r, program, day, number, bool(text), signature, empty))
        self.sort_blocked = ""
        if new and old and not (movable and self._workbook_movable(header)):
            self.sort_blocked = (
                "台账里有引用其他行的公式、合并单元格或别的工作表引用台账的公式，为了不改坏它们，"
                "这次新行接在最后，没有按日期重排"
            )
        sort = bool(new) and not self.sort_blocked
        provisional = {n.row: n.seq for n in new}  # rows and 序号 of this batch before the layout
        self.layout = plan_layout(
            old, new, first_row=header + 1, sort=sort, signature=bool(self.ctx.config.signature)
        )
        self.new_reports = [s.new for s in self.layout.slots if s.new is not None]
        # where the rows and 序号 named in messages went (this batch's rows come after every old row)
        self.row_moves = dict(self.layout.moves)
        self.seq_of_row = {o.row: int(o.seq) for o in old if o.seq is not None and o.seq == int(o.seq)}
        self.seq_of_row.update(self.layout.seqs)
        for (row, _seq), report in zip(provisional.items(), new, strict=True):
            self.row_moves[row] = report.row
            self.seq_of_row[row] = report.seq
        counts: dict[int, int] = {}
        for o in old:
            if o.program and o.seq is not None:
                counts[int(o.seq)] = counts.get(int(o.seq), 0) + 1
        self.seq_map = {
            int(o.seq): self.layout.seqs[o.row]
            for o in old
            if o.program and o.seq is not None and o.row in self.layout.seqs and counts[int(o.seq)] == 1
        }

    def _workbook_movable(self, header: int) -> bool:
        if any(hi > header for _lo, hi in merged_rows(self.lscan.tail)):
            return False
        if re.search(rb"<(?:\w+:)?tableParts?\b", self.lscan.tail):
            return False
        own = {self.parts[n] for n in (LEDGER_SHEET, METRICS_SHEET, PROBLEMS_SHEET, SUMMARY_SHEET)}
        for part in self.parts.values():
            if part in own or not self.base.has(part):
                continue
            if refers_to(self.base.read(part), LEDGER_SHEET, header):
                return False
        wb = self.base.read(self.wb_part)
        for m in re.finditer(rb"<(?:\w+:)?definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>", wb, re.S):
            if b"_xlnm." not in m.group(1) and pins_rows(m.group(2), LEDGER_SHEET, header):
                return False
        return True

    def _moved_skip(self, step: Skip) -> Skip:
        """A skip's row and 序号 (and the reason naming them) as they are after the layout."""
        if step.row <= 0:
            return step
        row = self.row_moves.get(step.row, step.row)
        seq = self.seq_of_row.get(step.row, step.seq) if step.seq is not None else None
        if row == step.row and seq == step.seq:
            return step
        reason = _PLACE.sub(lambda m: f"第 {row} 行（序号 {seq}", step.reason, count=1)
        return replace(step, row=row, seq=seq, reason=reason)

    # ---------------------------------------------------------------------------------- writing
    def _seq_follower(self, column: int | None, prefix: str):
        """A row transform for 工作数据 / 处理异常: the report's 序号 changed by the layout."""
        if column is None or not self.seq_map:
            return None
        x = CellXML(prefix)
        mapping = self.seq_map
        style = self.ctx.styles[st.CENTER]

        letter = col_letter(column).encode()
        plain = re.compile(
            rb'<(?:\w+:)?c r="' + letter + rb'\d+"(?: s="\d+")?(?: t="n")?><(?:\w+:)?v>(\d+)</'
        )

        def follow(r: int, raw: bytes) -> bytes:
            m = plain.search(raw)  # the usual cell, as the program, Excel or LibreOffice write it
            if m is None:
                return follow_number(raw, column, r, mapping, x, style)
            new = mapping.get(int(m.group(1)))
            if new is None:
                return raw
            return raw[: m.start(1)] + str(new).encode() + raw[m.end(1) :]

        return follow

    def _write_ledger_rows(
        self, writer: PackageWriter, part: str, edit: SheetEdit, new_rows: Iterable[str], x: CellXML
    ) -> None:
        """Stream 台账 in the layout's order (see the module's docstring)."""
        layout, base = self.layout, self.base
        header = edit.scan.header.row if edit.scan.header else LEDGER_HEADER_ROW
        edit.rows_end = layout.last_row
        edit.filter_last_row = max(layout.last_data_row, header)
        edit.moves = layout.moves
        seq_col = self.lcol.get("seq")
        center = self.ctx.styles[st.CENTER]
        fresh_rows = iter(new_rows)
        trailing: list[bytes] = []
        printed = sum(1 for c in self.ctx.lcols if c.printed) or len(self.lcol)
        marker = self.lcol.get("sha256")

        def signature(row: int) -> bytes:
            config, styles = self.ctx.config, self.ctx.styles
            return signature_row(x, row, config.signature, printed, marker, styles).encode("utf-8")

        with base.open(part) as src, writer.stream(part, base.infos[part], BIG_PART_LEVEL) as dst:
            parts = split(src, container=b"sheetData", element=b"row")
            edit.widths, edit.default_width = column_widths_of(parts.head)
            head = ensure_r_namespace(parts.head)
            head = set_dimension(head, max(edit.last_row, len(edit.prelude)), edit.last_col)
            dst.write(head)
            for line in edit.prelude:
                dst.write(line.encode("utf-8"))
            out = _SlotWriter(dst, layout.slots, fresh_rows, signature)
            if not layout.renumbered and not layout.dropped and not edit.patches and not edit.prelude:
                parts.copy_elements(dst)  # no old row changes: copied in chunks, new rows after them
                out.skip_old()
            previous = 0
            for raw in [] if parts.tail else parts.elements():
                r = row_number(raw, previous)
                previous = r
                if r <= header:
                    if edit.prelude:  # a new sheet: its title and header are written above
                        if not row_is_empty(raw):
                            raise ValueError(f"台账的第 {r} 行不是空的，不能写入新的表头")
                        continue
                    dst.write(patch_row(raw, r, edit.patches[r]) if r in edit.patches else raw)
                    continue
                if r in layout.dropped:
                    if r > layout.last_row:
                        trailing.append(raw)  # formatting-only rows below the table stay where they are
                    continue
                if r in edit.patches:
                    raw = patch_row(raw, r, edit.patches[r])
                if r in layout.seqs and seq_col is not None:
                    raw = set_number(raw, seq_col, layout.seqs[r], x, center, r)
                if r in layout.moves:
                    raw = renumber_row(raw, layout.moves[r])
                out.add(r, raw)
            out.finish()
            for raw in trailing:
                dst.write(raw)
            dst.write(parts.between)
            tail = edit_tail(head, parts.tail, edit)
            dst.write(tail)
            ref = filter_ref(tail)
            if ref is not None:
                self.filter_refs[part] = ref


class _SlotWriter:
    """Writes the slots of a layout in order as the old rows come in: a row that moves down waits in memory
    until its place comes; rows that keep their place go straight through."""

    def __init__(self, dst, slots: list[Slot], fresh: Iterator[str], signature: Callable[[int], bytes]):
        self.dst, self.slots, self.fresh, self.signature = dst, slots, fresh, signature
        self.waiting: dict[int, bytes] = {}
        self.next = 0
        self.batch: list[bytes] = []

    def skip_old(self) -> None:
        """The old rows were copied as they are (none of them moves): only the new slots remain."""
        self.slots = [s for s in self.slots if s.old is None]

    def add(self, row: int, raw: bytes) -> None:
        self.waiting[row] = raw
        self._drain()

    def _drain(self) -> None:
        slots, batch = self.slots, self.batch
        while self.next < len(slots):
            slot = slots[self.next]
            if slot.old is not None:
                raw = self.waiting.pop(slot.old, None)
                if raw is None:
                    return  # its old row has not come yet
                batch.append(raw)
            elif slot.new is not None:
                batch.append(next(self.fresh).encode("utf-8"))
            else:
                batch.append(self.signature(slot.row))
            self.next += 1
            if len(batch) >= 500:
                self.dst.write(b"".join(batch))
                batch.clear()

    def finish(self) -> None:
        self._drain()
        if self.next < len(self.slots):  # an old row the layout placed was not in the sheet: do not write
            raise ValueError(f"台账第 {self.slots[self.next].old} 行没有读到，台账没有改动")
        self.dst.write(b"".join(self.batch))
        self.batch.clear()


def column_widths_of(head: bytes) -> tuple[dict[int, float], float]:
    from .cells import column_widths

    return column_widths(head)


def moved_refs(refs: Iterator[str], moves: dict[int, int]) -> Iterator[str]:
    for ref in refs:
        row, col = split_ref(ref)
        yield f"{col_letter(col)}{moves.get(row, row)}"


__all__ = ["OrderingMixin", "SharedRef", "moved_refs"]
