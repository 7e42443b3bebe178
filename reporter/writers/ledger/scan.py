"""Reading an existing ledger back: where its columns are, which reports it holds, what people changed.

Values in a ledger saved by Excel, WPS or LibreOffice are mostly shared strings (an index into
xl/sharedStrings.xml). Two passes over the shared strings keep this cheap for 100,000 rows:
`SharedText.find` first finds the indexes of the few texts a run looks for (headers, incoming SHA-256
values and titles); rows are then matched by index, and `SharedText.resolve` reads only the texts of
the rows that matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import OutputError
from .cells import number_text
from .package import Package
from .xmlstream import SharedRef, parse_cells, row_is_empty, row_number, shared_strings, split

HEADER_SEARCH_ROWS = 50
Value = str | float | SharedRef | None


class SharedText:
    """Shared strings of a package, looked up lazily."""

    def __init__(self, package: Package, part: str | None):
        self.package, self.part = package, part
        self.known: dict[int, str] = {}

    def find(self, texts: set[str]) -> dict[str, int]:
        """Index of each of `texts` present in the shared strings (first occurrence)."""
        if not self.part or not texts:
            return {}
        found: dict[str, int] = {}
        with self.package.open(self.part) as stream:
            from .xmlstream import _RPH, _T, excel_unescape, unescape

            for i, raw in enumerate(split(stream, container=b"sst", element=b"si").elements()):
                inner = _RPH.sub(b"", raw)
                text = excel_unescape(
                    unescape(b"".join(x.group(1) or b"" for x in _T.finditer(inner)).decode("utf-8"))
                )
                if text in texts and text not in found:
                    found[text] = i
                    self.known[i] = text
        return found

    def resolve(self, refs: set[int]) -> None:
        missing = {r for r in refs if r not in self.known}
        if missing and self.part:
            with self.package.open(self.part) as stream:
                self.known.update(shared_strings(stream, missing))

    def text(self, value: Value) -> str:
        """A scanned value as text ('' for empty; shared strings must have been resolved or found)."""
        if value is None:
            return ""
        if isinstance(value, SharedRef):
            return self.known.get(int(value), "")
        if isinstance(value, float):
            return number_text(value)
        return value


def number_of(value: Value) -> float | None:
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


@dataclass
class HeaderInfo:
    row: int
    columns: dict[str, int]  # header text → column index (first occurrence)
    last_col: int


@dataclass
class RowValues:
    """The cells of one existing row that a run needs (values may be shared-string refs until resolved)."""

    row: int
    values: dict[str, Value]  # column key → value
    styles: dict[str, int | None] = field(default_factory=dict)


@dataclass
class SheetScan:
    part: str
    prefix: str = ""
    header: HeaderInfo | None = None
    max_row: int = 0  # last <row> element
    last_filled: int = 0  # last row with any value or formula
    max_seq: float = 0
    rows: list[RowValues] = field(default_factory=list)  # rows kept by the scan's filter
    all_rows: int = 0
    tail: bytes = b""  # the part after </sheetData> (merged cells, hyperlinks …)

    def col(self, header: str) -> int | None:
        return self.header.columns.get(header) if self.header else None


def _row_texts(raw: bytes, shared: SharedText) -> dict[int, str]:
    return {col: shared.text(v[0]).strip() for col, v in parse_cells(raw).items() if v[0] is not None}


def scan_sheet(
    package: Package,
    part: str,
    *,
    marker: str,
    shared: SharedText,
    fresh: bool,
    label: str,
    sheet: str,
    keep,
    on_empty=None,
) -> SheetScan:
    """Find the header row (the row holding `marker`) and pass every later row to keep(row, raw, scan).

    keep returns a RowValues to remember or None. Shared strings of headers must have been found before.
    """
    scan = SheetScan(part=part)
    with package.open(part) as stream:
        parts = split(stream, container=b"sheetData", element=b"row")
        scan.prefix = parts.prefix
        previous = 0
        for raw in parts.elements():
            r = row_number(raw, previous)
            previous = r
            scan.max_row = max(scan.max_row, r)
            filled = not row_is_empty(raw)
            if filled:
                scan.last_filled = max(scan.last_filled, r)
            if scan.header is None:
                if r <= HEADER_SEARCH_ROWS and filled:
                    texts = _row_texts(raw, shared)
                    if marker in texts.values():
                        cols: dict[str, int] = {}
                        for col in sorted(texts):
                            cols.setdefault(texts[col], col)
                        scan.header = HeaderInfo(row=r, columns=cols, last_col=max(texts))
                continue
            scan.all_rows += 1
            if not filled:
                if on_empty is not None:
                    on_empty(r)
                continue
            kept = keep(r, raw, scan)
            if kept is not None:
                scan.rows.append(kept)
        scan.tail = parts.tail
    if scan.header is None and not fresh and scan.last_filled:
        raise OutputError(
            f"{label}：工作表“{sheet}”里找不到表头“{marker}”，看起来不是本程序生成的台账；"
            "请换一个输出文件名，或恢复被删除的表头后重新运行",
            path=label,
            reason=f"工作表“{sheet}”缺少程序用的表头",
        )
    return scan


def read_cells(
    raw: bytes, row: int, columns: dict[str, int]
) -> tuple[dict[str, Value], dict[str, int | None]]:
    """Values (and cell styles) of the given columns of one row: key → value."""
    from .xmlstream import _CELL, cell_style

    values: dict[str, Value] = {}
    styles: dict[str, int | None] = {}
    wanted = {col: key for key, col in columns.items()}
    for m in _CELL.finditer(raw):
        parsed = parse_cells(m.group(0))
        if not parsed:
            continue
        col, (value, _kind, _f) = parsed.popitem()
        key = wanted.get(col)
        if key is None:
            # a cell without r= gets column 1 from parse_cells on its own; fall back to the slow path
            if b" r=" not in m.group(0)[:40]:
                return _read_cells_slow(raw, columns)
            continue
        values[key] = value
        styles[key] = cell_style(m.group(1))
    return values, styles


def _read_cells_slow(raw: bytes, columns: dict[str, int]):
    from .xmlstream import _CELL, cell_style

    cells = parse_cells(raw)
    values = {key: cells[col][0] for key, col in columns.items() if col in cells}
    styles: dict[str, int | None] = {}
    for col, m in enumerate(_CELL.finditer(raw), 1):
        for key, c in columns.items():
            if c == col:
                styles[key] = cell_style(m.group(1))
    return values, styles


def seq_number(value: Value) -> float | None:
    n = number_of(value)
    return n if n is not None and n == n and abs(n) < 1e9 else None


def canonical(shared: SharedText, value: Value) -> str:
    """A scanned value as the text Cell.text would give: numbers via number_text, strings as they are."""
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, SharedRef):
        return shared.text(value)
    return value
