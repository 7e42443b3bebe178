"""Structural dumps of .xlsx files for golden comparisons (never compare bytes: zip times differ).

dump_xlsx(path) → {"sheets": [...], "台账": {"freeze_panes": …, "merged": […], "widths": {…}, "rows": […], …}}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def _plain(value: Any, replace: Mapping[str, str]) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        for old, new in replace.items():
            value = value.replace(old, new)
    return value


def _color(c) -> str | None:
    if c is None or c.rgb is None or not isinstance(c.rgb, str):
        return None
    return c.rgb[-6:]


def dump_xlsx(path: Path, *, replace: Mapping[str, str] | None = None) -> dict:
    """Sheet titles, freeze panes, merged ranges, column widths (and hidden columns), header bold, cell values,
    comments, hyperlinks, shaded cells, fonts of the first rows, print settings, defined print titles."""
    from openpyxl import load_workbook

    replace = dict(replace or {})
    wb = load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        rows = [[_plain(v, replace) for v in row] for row in ws.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        comments, links, fills = {}, {}, {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    comments[cell.coordinate] = _plain(cell.comment.text, replace)
                if cell.hyperlink is not None:
                    links[cell.coordinate] = _plain(cell.hyperlink.target, replace)
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    fills[cell.coordinate] = _color(cell.fill.fgColor)
        ps = ws.page_setup
        out[ws.title] = {
            "freeze_panes": ws.freeze_panes,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: round(d.width, 1) for k, d in sorted(ws.column_dimensions.items()) if d.width},
            "hidden_columns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "auto_filter": ws.auto_filter.ref,
            "header_bold": [[bool(c.font.b) for c in row] for row in ws.iter_rows(max_row=3)],
            "fonts": {
                f"A{r}": [ws[f"A{r}"].font.name, ws[f"A{r}"].font.sz, ws[f"A{r}"].font.charset]
                for r in range(1, min(ws.max_row, 4) + 1)
            },
            "number_formats": sorted(
                {
                    c.number_format
                    for row in ws.iter_rows()
                    for c in row
                    if c.value is not None and not isinstance(c.value, str)
                }
            ),
            "rows": rows,
            "comments": comments,
            "hyperlinks": links,
            "fills": fills,
            "print": {
                "orientation": ps.orientation,
                "paper": ps.paperSize,
                "fit_width": ps.fitToWidth,
                "fit_height": ps.fitToHeight,
                "fit_to_page": bool(
                    ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage
                ),
                "title_rows": ws.print_title_rows,
                "footer": ws.oddFooter.center.text,
            },
        }
    return out
