"""Where every row of 台账 goes on an update: the program's rows in date order, new rows slotted in among
the old ones, a person's own rows kept after the program row they followed, 序号 numbered in the printed
order, and the signature block (填报人、审核人、填报日期) after the last row.

Decided on plain values (nothing read or written here): update.py gathers what each old row holds and
carries the decisions out while it streams the sheet (reorder.py renumbers the rows' XML).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .plan import NewReport, date_order


@dataclass(frozen=True, slots=True)
class OldRow:
    """What the layout needs of one existing 台账 row below the header."""

    row: int
    program: bool  # it holds a report (a SHA-256 in the hidden column)
    date: str  # the program row's date as the schema writes it (YYYY-MM-DD, 2024-06, 1月20日 …) or ''
    seq: float | None  # its 序号 when that is a number
    seq_text: bool  # its 序号 holds text a person typed (补1, 3-1 …): kept as it is, not counted
    signature: bool = False  # the signature block's row
    empty: bool = False  # a row with no value (formatting only)


@dataclass(frozen=True, slots=True)
class Slot:
    """One row of the new sheet: an old row (moved or not), a new report, or a new signature row."""

    row: int  # its row number in the new sheet
    old: int | None = None  # the old row it comes from
    new: NewReport | None = None
    signature: bool = False


@dataclass
class Layout:
    slots: list[Slot] = field(default_factory=list)
    moves: dict[int, int] = field(default_factory=dict)  # old row → new row (only rows that move)
    seqs: dict[int, int] = field(default_factory=dict)  # old row → its new 序号 (only where it changes)
    last_data_row: int = 0  # the last row above the signature block
    last_row: int = 0
    dropped: set[int] = field(default_factory=set)  # empty rows made room for new ones
    sorted: bool = True  # False when the old rows could not be moved (then new rows follow them)

    @property
    def renumbered(self) -> bool:
        return bool(self.moves or self.seqs)


def date_key(date: str) -> tuple[int, str]:
    """Dated first, oldest first; a date without a year or none at all after them (as for new reports)."""
    date = date.strip()
    return (0, date) if date[:4].isdigit() else (1, "")


def plan_layout(
    old: Sequence[OldRow],
    new: Sequence[NewReport],
    *,
    first_row: int,
    sort: bool = True,
    signature: bool = True,
) -> Layout:
    """The new sheet below the header (`first_row` is the first row after it).

    Blocks: the rows before the first program row stay on top; each program row takes the person's rows
    that follow it with it. With `sort`, the program blocks and the new reports are ordered by date (old
    before new on the same date, otherwise as they were); without it (rows that cannot move, see
    reorder.py) the old rows stay where they are and the new ones follow. 序号: every program row, new
    row and hand row whose 序号 is a number is numbered on in the printed order, from the smallest number
    the ledger had (1 for a new one); a 序号 a person wrote as text is kept and skipped."""
    sig_rows = [o for o in old if o.signature]
    body = [o for o in old if not o.signature]
    while body and body[-1].empty:  # empty rows after the last one: where new rows go
        body.pop()
    layout = Layout(sorted=sort)
    kept = {o.row for o in body}
    layout.dropped = {o.row for o in old if not o.signature and o.row not in kept}
    head: list[OldRow] = []
    blocks: list[list[OldRow]] = []
    for o in body:
        if o.program:
            blocks.append([o])
        elif blocks:
            blocks[-1].append(o)
        else:
            head.append(o)
    items: list[tuple[tuple[int, str], int, int, list[OldRow] | NewReport]] = []
    for i, block in enumerate(blocks):
        items.append((date_key(block[0].date) if sort else (0, ""), 0, i, block))
    for i, report in enumerate(sorted(new, key=lambda r: date_order(r.item)) if sort else new):
        items.append((date_key(report.item.date) if sort else (1, ""), 1, i, report))
    if sort:
        items.sort(key=lambda t: (t[0], t[1], t[2]))
    else:
        items.sort(key=lambda t: (t[1], t[2]))

    numbers = [o.seq for o in old if not o.signature and o.seq is not None and o.seq == int(o.seq)]
    start = max(1, int(min(numbers))) if numbers else 1
    if not sort:  # the old numbers stay; new rows number on from the largest
        start = int(max(numbers)) + 1 if numbers else 1
    row, seq = first_row, start

    def place_old(o: OldRow) -> None:
        nonlocal row, seq
        layout.slots.append(Slot(row=row, old=o.row))
        if o.row != row:
            layout.moves[o.row] = row
        if sort and not o.seq_text and (o.program or o.seq is not None):
            if o.seq != seq:
                layout.seqs[o.row] = seq
            seq += 1
        row += 1

    for o in head:
        place_old(o)
    for _key, _src, _i, item in items:
        if isinstance(item, NewReport):
            item.row, item.seq = row, seq
            layout.slots.append(Slot(row=row, new=item))
            row, seq = row + 1, seq + 1
        else:
            for o in item:
                place_old(o)
    layout.last_data_row = row - 1
    for o in sig_rows:  # the block (with whatever a person wrote in it) moves below the last row
        layout.slots.append(Slot(row=row, old=o.row, signature=True))
        if o.row != row:
            layout.moves[o.row] = row
        row += 1
    if not sig_rows and signature:
        layout.slots.append(Slot(row=row, signature=True))
        row += 1
    layout.last_row = row - 1
    return layout
