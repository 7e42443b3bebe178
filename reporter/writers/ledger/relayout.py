"""`reporter ledger --relayout`: an existing 台账 rewritten with the columns of ledger.toml — the printed
columns first in their order, the others to the right, the program's hidden columns last — and the
print area, widths and footer of a new ledger; every cell a person wrote, their own columns and rows,
comments, links, formats and row heights are kept (a row only grows where narrower columns need it).

The 台账 sheet is rearranged with openpyxl (a one-off, not the per-run path), then the result goes through
the ordinary update (update.py), which rebuilds 统计汇总, puts the signature block below the last row and
replaces the file atomically. A workbook holding what openpyxl would drop (pictures, charts of their own,
pivot tables …) is refused with a message, not changed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import OutputError
from ...schema import Schema
from .cells import col_index, col_letter, row_height, wrapped_lines
from .config import LEDGER_SHEET, SHA_HEADER, Column, LedgerConfig, ledger_columns, load_config
from .result import LedgerResult

HEADER_SEARCH_ROWS = 50
MAX_ROW_HEIGHT = 409
# parts openpyxl does not carry over: refused rather than lost
_LOSSY = (
    "xl/media/",
    "xl/pivotTables/",
    "xl/pivotCache/",
    "xl/slicers/",
    "xl/slicerCaches/",
    "xl/embeddings/",
    "xl/activeX/",
    "xl/ctrlProps/",
    "xl/timelines/",
    "xl/threadedComments/",
    "xl/vbaProject",
)


@dataclass(frozen=True, slots=True)
class Placed:
    """One column of the new 台账: where it comes from (None: a new, empty column) and what it is."""

    old: int | None
    header: str
    column: Column | None  # the template's column (None: a column of the person's own)
    printed: bool


def printed_headers(schema: Schema, config: LedgerConfig) -> list[str]:
    return [c.header for c in ledger_columns(schema, config) if c.printed]


def layout_differs(headers: dict[str, int], schema: Schema, config: LedgerConfig) -> bool:
    """Are the ledger's first columns other than the printed columns of ledger.toml (header → column)?"""
    wanted = printed_headers(schema, config)
    at = {col: text for text, col in headers.items()}
    return bool(wanted) and [at.get(i) for i in range(1, len(wanted) + 1)] != wanted


def plan_columns(old: dict[int, str], template: list[Column], wanted: tuple[str, ...]) -> list[Placed]:
    """The new column order: the printed columns (ledger.toml's order; a person's own column may be named
    there by its header), then the other old columns in their order (program columns and the person's
    own), then template columns the old ledger lacks, then the hidden program columns."""
    by_header = {text: col for col, text in sorted(old.items(), reverse=True)}  # first occurrence wins
    placed: list[Placed] = []
    used: set[int] = set()
    for c in (c for c in template if c.printed):
        placed.append(Placed(by_header.get(c.header), c.header, c, True))
    for name in wanted:  # a person's column named in [print] columns
        col = by_header.get(name)
        if col is not None and all(p.header != name for p in placed):
            placed.append(Placed(col, name, None, True))
    used = {p.old for p in placed if p.old is not None}
    template_of = {c.header: c for c in template}
    hidden = [c for c in template if c.hidden]
    for col in sorted(old):
        text = old[col]
        if col in used or (text in template_of and template_of[text].hidden):
            continue
        placed.append(Placed(col, text, template_of.get(text), False))
        used.add(col)
    have = {p.header for p in placed}
    placed += [Placed(None, c.header, c, False) for c in template if not c.hidden and c.header not in have]
    placed += [Placed(by_header.get(c.header), c.header, c, False) for c in hidden]
    return placed


def _refuse_lossy(out: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(out) as zf:
            names = zf.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise OutputError(
            f"{out}：不是能打开的 Excel 文件（{exc}）", path=out, reason="台账文件已损坏"
        ) from None
    lossy = sorted({n.split("/")[1] for n in names if n.startswith(_LOSSY)})
    charts = [n for n in names if n.startswith("xl/charts/chart")]
    if lossy or len(charts) > 1:
        what = "、".join(lossy) if lossy else "自己加的图表"
        raise OutputError(
            f"{out}：台账里有重排列时无法保留的内容（{what}）；为了不丢失它们，没有改动台账。"
            "可以在 Excel/WPS 里按 ledger.toml 的顺序手工移动列，或换一个输出文件名新建台账",
            path=out,
            reason="台账里有无法保留的内容",
        )


def relayout_ledger(
    out: Path, schema: Schema, *, templates: Path | str | None = None, now: dt.datetime | None = None
) -> LedgerResult | None:
    """Rewrite the ledger at `out` with ledger.toml's columns (see the module's docstring); None when its
    printed columns are those of ledger.toml already (the file is left as it is)."""
    from openpyxl import load_workbook

    from . import check_writable, write_ledger

    out = Path(out)
    if not out.is_file():
        raise OutputError(f"{out}：没有这个台账文件，无法重排列", path=out, reason="台账文件不存在")
    check_writable(out)
    _refuse_lossy(out)
    config = load_config(templates)
    wb = load_workbook(out, rich_text=True)
    if LEDGER_SHEET not in wb.sheetnames:
        raise OutputError(f"{out}：台账文件里没有工作表“{LEDGER_SHEET}”", path=out, reason="台账缺少工作表")
    ws = wb[LEDGER_SHEET]
    header = next(
        (
            r
            for r in range(1, min(ws.max_row, HEADER_SEARCH_ROWS) + 1)
            if any(c.value == SHA_HEADER for c in ws[r])
        ),
        None,
    )
    if header is None:
        raise OutputError(
            f"{out}：工作表“{LEDGER_SHEET}”里找不到表头“{SHA_HEADER}”，看起来不是本程序生成的台账",
            path=out,
            reason="台账缺少程序用的表头",
        )
    old = {c.column: str(c.value).strip() for c in ws[header] if c.value is not None and str(c.value).strip()}
    if not layout_differs({text: col for col, text in sorted(old.items(), reverse=True)}, schema, config):
        wb.close()
        return None  # already in ledger.toml's order: nothing to do
    for col in range(1, ws.max_column + 1):  # columns with values but no header are kept too
        old.setdefault(col, "")
    placed = plan_columns(old, ledger_columns(schema, config), config.print_columns)
    _Rearrange(ws, header, placed, config, out).apply()
    buf = io.BytesIO()
    wb.save(buf)
    return write_ledger([], schema, out, templates=templates, now=now, base=buf.getvalue())


class _Rearrange:
    """The 台账 sheet's cells, widths, merges, filters, validations and formulas moved to the new columns."""

    def __init__(self, ws, header: int, placed: list[Placed], config: LedgerConfig, out: Path):
        self.ws, self.header, self.placed, self.config, self.out = ws, header, placed, config, out
        self.colmap = {p.old: i for i, p in enumerate(placed, 1) if p.old is not None}
        self.printed = sum(1 for p in placed if p.printed)

    def apply(self) -> None:
        ws = self.ws
        self._check_merges()
        widths, hidden = self._old_widths()
        self._move_cells()
        self._new_headers()
        self._columns(widths, hidden)
        self._title_rows()
        self._ranges()
        self._formulas()
        self._heights()
        last = col_letter(self.printed)
        data_end = max(ws.max_row, self.header)
        ws.auto_filter.ref = f"A{self.header}:{col_letter(len(self.placed))}{data_end}"
        ws.print_area = f"A1:{last}{data_end}"
        ws.print_title_rows = f"1:{self.header}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        footer = ws.oddFooter
        if any(label in (footer.left.text or "") for label in ("填报人", *self.config.signature)):
            footer.left.text = None  # the program's old signature line: the block below the table replaces it
            if footer.right.text == self.config.footer:
                footer.right.text = None
            footer.center.text, footer.center.size = self.config.footer or None, 10

    def _check_merges(self) -> None:
        for rng in self.ws.merged_cells.ranges:
            if rng.max_row >= self.header:
                raise OutputError(
                    f"{self.out}：台账的表格里有合并单元格（{rng.coord}），重排列会把它们拆乱；"
                    "请先取消合并，再运行 --relayout",
                    path=self.out,
                    reason="台账里有合并单元格",
                )

    def _old_widths(self) -> tuple[dict[int, float | None], dict[int, bool]]:
        widths: dict[int, float | None] = {}
        hidden: dict[int, bool] = {}
        for dim in self.ws.column_dimensions.values():
            lo, hi = dim.min or col_index(dim.index), dim.max or col_index(dim.index)
            for c in range(lo, hi + 1):
                widths[c] = dim.width if dim.customWidth or dim.width else None
                hidden[c] = bool(dim.hidden)
        return widths, hidden

    def _move_cells(self) -> None:
        ws, header = self.ws, self.header
        moved = {}
        for (r, c), cell in list(ws._cells.items()):
            new = c if r < header else self.colmap.get(c, c)
            cell.column = new
            moved[(r, new)] = cell
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
        ws._cells = moved

    def _new_headers(self) -> None:
        from copy import copy

        ws = self.ws
        model = ws.cell(self.header, 1)
        for i, p in enumerate(self.placed, 1):
            if p.old is None:
                cell = ws.cell(self.header, i, p.header)
                cell._style = copy(model._style)

    def _columns(self, widths: dict[int, float | None], hidden: dict[int, bool]) -> None:
        from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder

        from .skeleton import _natural_width, fit_widths

        cols: list[Column] = []
        natural: list[float] = []
        for i, p in enumerate(self.placed, 1):
            base = p.column or Column(key=f"own{i}", header=p.header, kind="note", width=0)
            cols.append(Column(**{**_fields(base), "printed": p.printed}))
            w = widths.get(p.old) if p.old is not None else None
            if p.printed and p.column is not None and p.column.kind in ("field", "review"):
                w = self._content_width(i, base)  # as a new ledger sizes it, then fitted to the page
            natural.append(w if w else _natural_width(base, [], self.config))
        fitted = fit_widths(cols, natural, self.config)
        holder = DimensionHolder(worksheet=self.ws)
        for i, (p, width) in enumerate(zip(self.placed, fitted, strict=True), 1):
            letter = col_letter(i)
            hide = (p.column is not None and p.column.hidden) or (
                not p.printed and p.old is not None and hidden.get(p.old, False)
            )
            holder[letter] = ColumnDimension(
                self.ws, index=letter, width=width, hidden=hide, customWidth=True
            )
        self.ws.column_dimensions = holder
        self.widths = dict(enumerate(fitted, 1))

    def _content_width(self, col: int, column: Column) -> float:
        """The width a new ledger would give a printed column: its widest line (a CJK character counts
        double) over the first rows, capped as in skeleton.py."""
        from ..render import display_width

        if column.spec is not None and column.spec.kind == "date":
            return 12.0
        cap = self.config.max_width
        if column.spec is not None and column.spec.width:
            cap = min(cap, column.spec.width)
        widest = display_width(column.header) + 2
        for r in range(self.header + 1, min(self.ws.max_row, self.header + 500) + 1):
            cell = self.ws._cells.get((r, col))
            if cell is not None and isinstance(cell.value, str) and not cell.value.startswith("="):
                widest = max([widest, *(display_width(line) for line in cell.value.split("\n"))])
        return round(min(widest, cap * 2) + 1.5, 1)

    def _title_rows(self) -> None:
        """The title across the printed columns, 填报单位 on the left half of row 2, 填报日期 on the right."""
        ws, last = self.ws, self.printed
        for rng in list(ws.merged_cells.ranges):
            ws.unmerge_cells(rng.coord)
        if self.header < 3:
            return
        half = max(2, last // 2)
        right = [c for c in ws[2] if c.value is not None and c.column > 1]
        if right and right[0].column != half + 1:
            cell = right[0]
            target = ws.cell(2, half + 1)
            target.value, target._style = cell.value, cell._style
            cell.value = None
        ws.merge_cells(f"A1:{col_letter(last)}1")
        ws.merge_cells(f"A2:{col_letter(half)}2")
        ws.merge_cells(f"{col_letter(half + 1)}2:{col_letter(last)}2")

    def _ranges(self) -> None:
        """Data validations and conditional formats of single columns follow their column."""
        from openpyxl.formatting.formatting import ConditionalFormattingList

        ws = self.ws
        for dv in ws.data_validations.dataValidation:
            dv.sqref = self._sqref(str(dv.sqref))
        old = ws.conditional_formatting
        new = ConditionalFormattingList()
        for cf in old:
            for rule in cf.rules:
                new.add(self._sqref(str(cf.sqref)), rule)
        ws.conditional_formatting = new

    def _sqref(self, sqref: str) -> str:
        out = []
        for part in sqref.split():
            m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d*)(?::\$?([A-Z]{1,3})\$?(\d*))?", part)
            if m is None or (m.group(3) and m.group(3) != m.group(1)):
                raise OutputError(
                    f"{self.out}：台账里有跨几列的数据验证或条件格式（{part}），重排列无法跟着移动；"
                    "请先删除它，再运行 --relayout",
                    path=self.out,
                    reason="台账里有跨列的设置",
                )
            col = col_letter(self.colmap.get(col_index(m.group(1)), col_index(m.group(1))))
            end = f":{col}{m.group(4)}" if m.group(3) else ""
            out.append(f"{col}{m.group(2)}{end}")
        return " ".join(out)

    def _formulas(self) -> None:
        """References to 台账's columns in formulas — on 台账 itself and on every other sheet — follow them."""
        for ws in self.ws.parent.worksheets:
            own = ws is self.ws
            for row in ws.iter_rows(min_row=self.header + 1 if own else 1):
                for cell in row:
                    if cell.data_type == "f" and isinstance(cell.value, str):
                        cell.value = remap_formula(cell.value, self.colmap, LEDGER_SHEET, own)

    def _heights(self) -> None:
        """A row grows where its text needs more lines in the narrower printed columns (never shrinks)."""
        ws = self.ws
        size = self.config.fonts.body_size
        for r in range(self.header + 1, ws.max_row + 1):
            lines = 1
            for c in range(1, self.printed + 1):
                value = ws._cells.get((r, c))
                text = value.value if value is not None else None
                if isinstance(text, str) and not text.startswith("="):
                    lines = max(lines, wrapped_lines(text, self.widths.get(c, 8.43), size))
            need = min(MAX_ROW_HEIGHT, row_height(lines, size))
            dim = ws.row_dimensions[r]
            if dim.height is None or dim.height < need:
                dim.height = need


def _fields(c: Column) -> dict:
    return {
        "key": c.key,
        "header": c.header,
        "kind": c.kind,
        "width": c.width,
        "hidden": c.hidden,
        "spec": c.spec,
    }


_STR = re.compile(r'"[^"]*"')
_REF = re.compile(
    r"(?P<sheet>(?:'[^']+'|[A-Za-z0-9_\u4e00-\u9fff.]+)!)?"
    r"(?<![A-Za-z0-9_.])(?P<c1>\$?[A-Z]{1,3})(?P<r1>\$?\d+)?(?::(?P<c2>\$?[A-Z]{1,3})(?P<r2>\$?\d+)?)?"
    r"(?![A-Za-z0-9_(])"
)


def remap_formula(text: str, colmap: dict[int, int], sheet: str, own: bool) -> str:
    """Column letters of references to `sheet` (and, when the formula is on that sheet, of unqualified
    references) replaced by their new columns; text in quotes and other sheets' references untouched."""

    def col(letters: str) -> str:
        dollar = "$" if letters.startswith("$") else ""
        n = col_index(letters.lstrip("$"))
        return dollar + col_letter(colmap.get(n, n))

    def sub(m: re.Match[str]) -> str:
        qualifier = m.group("sheet")
        name = qualifier[:-1].strip("'") if qualifier else None
        if (name is None and not own) or (name is not None and name != sheet):
            return m.group(0)
        if m.group("r1") is None and m.group("c2") is None:
            return m.group(0)  # a name such as TRUE or a function, not a reference
        if m.group("r1") is None and m.group("r2") is not None:
            return m.group(0)
        out = (qualifier or "") + col(m.group("c1")) + (m.group("r1") or "")
        if m.group("c2"):
            out += ":" + col(m.group("c2")) + (m.group("r2") or "")
        return out

    parts, pos = [], 0
    for s in _STR.finditer(text):
        parts.append(_REF.sub(sub, text[pos : s.start()]))
        parts.append(s.group(0))
        pos = s.end()
    parts.append(_REF.sub(sub, text[pos:]))
    return "".join(parts)
