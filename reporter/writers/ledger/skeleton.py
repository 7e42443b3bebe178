"""A new, empty ledger workbook: sheets, column widths, frozen panes, filters, print setup, named styles.

Built with openpyxl (it has no rows); the rows — title, header and data — are then added by the same
code that adds rows to an existing ledger (update.py), so a new ledger and a grown one are written
the same way.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from ...model import Record
from ...schema import Schema
from ..render import display_width, field_text
from .cells import col_letter
from .config import (
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEM_COLUMNS,
    PROBLEMS_SHEET,
    SUMMARY_SHEET,
    Column,
    LedgerConfig,
    ledger_columns,
    metric_columns,
)
from .styles import named_styles

LEDGER_HEADER_ROW = 3
WIDTH_SAMPLE = 500


def _natural_width(col: Column, records: Sequence[Record], config: LedgerConfig) -> float:
    """Excel width a 台账 column would like: its widest line over the sample records (a CJK character
    counts double), capped."""
    if col.width:
        return col.width
    cap = config.max_width
    if col.spec is not None and col.spec.width:
        cap = min(cap, col.spec.width)
    widest = display_width(col.header) + 2  # the header, with room for the filter button
    if col.spec is not None and col.spec.kind == "date":
        return 12.0
    for record in records:
        if col.kind == "field" and col.spec is not None:
            text = field_text(record, col.spec)
        elif col.kind == "file":
            text = record.path.name
        elif col.kind == "review":
            text = "、".join(dict.fromkeys(r.field for r in record.review))
        else:
            text = ""
        for line in text.split("\n"):
            widest = max(widest, display_width(line))
    if not records and col.spec is not None and col.spec.width:
        widest = col.spec.width * 2
    return round(min(widest, cap * 2) + 1.5, 1)


def ledger_widths(cols: list[Column], records: Sequence[Record], config: LedgerConfig) -> list[float]:
    """Widths of the 台账 columns: natural widths; the wrapping printed columns narrowed in proportion so
    that the printed ones add up to at most config.print_width (one A4 landscape page at ≥ 9 pt), or,
    when no column is printed, the visible ones to config.page_width."""
    sample = list(records[:WIDTH_SAMPLE])  # read once: records may be on disk (reporter.jobs.spool)
    return fit_widths(cols, [_natural_width(c, sample, config) for c in cols], config)


def fit_widths(cols: list[Column], natural: list[float], config: LedgerConfig) -> list[float]:
    """The given widths, the wrapping printed columns narrowed in proportion to fit the print width."""
    any_printed = any(c.printed for c in cols)
    budget = config.print_width if any_printed else config.page_width
    counted = [(c.printed if any_printed else not c.hidden) for c in cols]
    fixed = [
        c.kind in ("seq", "time") or (c.spec is not None and c.spec.kind == "date") or not n
        for c, n in zip(cols, counted, strict=True)
    ]
    low = [max(6.0, min(display_width(c.header) + 2, 10.0)) for c in cols]
    total = sum(w for w, n in zip(natural, counted, strict=True) if n)
    if total <= budget:
        return natural
    room = (
        budget
        - sum(w for w, f, n in zip(natural, fixed, counted, strict=True) if f and n)
        - sum(lo for lo, f in zip(low, fixed, strict=True) if not f)
    )
    spare = sum(w - lo for w, lo, f in zip(natural, low, fixed, strict=True) if not f)
    k = max(0.0, min(1.0, room / spare)) if spare > 0 else 0.0
    return [
        w if f else math.floor((lo + (w - lo) * k) * 10) / 10
        for w, lo, f in zip(natural, low, fixed, strict=True)
    ]


def _print_setup(ws, config: LedgerConfig, title_rows: str) -> None:
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.print_title_rows = title_rows
    if config.footer:  # 第 N 页 共 M 页; 台账's signature block is a row below its last row (order.py)
        ws.oddFooter.center.text = config.footer
        ws.oddFooter.center.size = 10


def _columns(ws, cols: list[Column], widths: list[float]) -> None:
    for i, (col, width) in enumerate(zip(cols, widths, strict=True), 1):
        dim = ws.column_dimensions[col_letter(i)]
        dim.width = width
        if col.hidden:
            dim.hidden = True


def build_skeleton(schema: Schema, config: LedgerConfig, records: Sequence[Record]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for style in named_styles(config):
        wb.add_named_style(style)
    wb.properties.title = config.title
    wb.properties.creator = "reporter"

    ws = wb.active
    ws.title = LEDGER_SHEET
    cols = ledger_columns(schema, config)
    _columns(ws, cols, ledger_widths(cols, records, config))
    printed = sum(1 for c in cols if c.printed) or sum(1 for c in cols if not c.hidden)
    last = col_letter(printed)
    ws.merge_cells(f"A1:{last}1")
    half = max(2, printed // 2)
    ws.merge_cells(f"A2:{col_letter(half)}2")
    ws.merge_cells(f"{col_letter(half + 1)}2:{last}2")
    ws.freeze_panes = f"B{LEDGER_HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{LEDGER_HEADER_ROW}:{col_letter(len(cols))}{LEDGER_HEADER_ROW}"
    _print_setup(ws, config, f"1:{LEDGER_HEADER_ROW}")
    ws.print_area = f"A1:{last}{LEDGER_HEADER_ROW}"  # grown with the rows (update.py)

    for title, cols in ((METRICS_SHEET, metric_columns(schema, config)), (PROBLEMS_SHEET, PROBLEM_COLUMNS)):
        sheet = wb.create_sheet(title)
        _columns(sheet, cols, [c.width for c in cols])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{col_letter(len(cols))}1"
        _print_setup(sheet, config, "1:1")
    wb.create_sheet(SUMMARY_SHEET, index=2)  # rebuilt by summary.py on every run
    buf = io.BytesIO()
    wb.save(buf)
    return _default_font(buf.getvalue(), config)


def _default_font(data: bytes, config: LedgerConfig) -> bytes:
    """The workbook's default style (常规) in a CJK font: openpyxl writes Calibri, which LibreOffice and
    Excel also use to measure column widths and to show any cell a person adds."""
    import re
    import zipfile

    from .styles import GB2312_CHARSET

    font = (
        f'<font><sz val="11"/><name val="{config.default_font}"/><family val="3"/>'
        f'<charset val="{GB2312_CHARSET}"/><scheme val="none"/></font>'
    ).encode()

    def first_font(m: re.Match[bytes]) -> bytes:
        return m.group(1) + font

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/styles.xml":
                body = re.sub(rb"(<fonts\b[^>]*>)\s*<font>.*?</font>", first_font, body, count=1, flags=re.S)
            dst.writestr(info, body)
    return out.getvalue()
