"""The Excel ledger (台账): one row per report, columns from the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model import Failure, Record
from ..schema import Schema
from .atomic import write_atomic
from .render import display_width, field_text

LEDGER_SHEET = "台账"
MAX_CELL = 32767


def safe_cell_text(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 12] + "…（已截断）"
    return text


def write_ledger(records: Sequence[Record], schema: Schema, out: Path,
                 failures: Sequence[Failure] = (), templates: Path | str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = LEDGER_SHEET
    specs = [s for s in schema.fields if s.ledger]
    headers = ["序号", *[s.header for s in specs], "文件"]
    ws.append(headers)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[1]:
        cell.font = Font(name="宋体", bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    widths = [display_width(h) for h in headers]
    for n, record in enumerate(records, 1):
        row = [n, *[field_text(record, s) for s in specs], record.path.name]
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=n + 1, column=col, value=safe_cell_text(value) if isinstance(value, str) else value)
            if cell.data_type == "f":
                cell.data_type = "s"
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(value, str):
                longest = max((display_width(line) for line in value.split("\n")), default=0)
                widths[col - 1] = max(widths[col - 1], longest)
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, 1):
        spec_width = specs[i - 2].width if 1 < i < len(headers) else None
        ws.column_dimensions[get_column_letter(i)].width = (spec_width * 2 + 2) if spec_width else min(width + 2, 60)
    ws.freeze_panes = "B2"
    if failures:
        err = wb.create_sheet("处理异常")
        err.append(["文件", "原因"])
        for f in failures:
            err.append([str(f.path), safe_cell_text(f.reason)])
    write_atomic(out, lambda tmp: wb.save(tmp))
    return out
