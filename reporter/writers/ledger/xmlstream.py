"""Stream a large XML part as head, a run of repeated child elements, and tail.

    parts = split(stream, container=b"sheetData", element=b"row")
    parts.head                      # bytes up to and including <sheetData …>
    for raw in parts.elements():    # each <row …>…</row>, byte for byte (text between them included)
        …
    parts.tail                      # </sheetData> … </worksheet>, read after the elements

Used for worksheets (sheetData/row) and comments (commentList/comment). It relies on what every
spreadsheet program writes (no CDATA or XML comments between rows); the text of cells is escaped, so
"<row" cannot occur inside a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

CHUNK = 1 << 20  # bytes read at a time from a part

_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def unescape(text: str) -> str:
    if "&" not in text:
        return text

    def sub(m: re.Match) -> str:
        e = m.group(1)
        if e[0] == "#":
            return chr(int(e[2:], 16) if e[1] in "xX" else int(e[1:]))
        return _NAMED[e]

    return _ENTITY.sub(sub, text)


_EXCEL_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_unescape(text: str) -> str:
    """Decode Excel's _xHHHH_ escapes in cell text (_x005F_ is a literal underscore)."""
    if "_x" not in text:
        return text
    return _EXCEL_UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


class Split:
    def __init__(self, stream: IO[bytes], container: bytes, element: bytes):
        self.stream = stream
        self.element = element
        self.buf = b""
        self.eof = False
        start_re = re.compile(rb"<(\w+:)?" + container + rb"\b[^>]*?(/?)>")
        while True:
            m = start_re.search(self.buf)
            if m:
                break
            if not self._more():
                raise ValueError(f"no <{container.decode()}> element")
        self.prefix = (m.group(1) or b"").decode()
        p = self.prefix.encode()
        self.empty = bool(m.group(2))
        if self.empty:  # <sheetData/>: behave as <sheetData></sheetData>
            self.head = self.buf[: m.start()] + b"<" + p + container + b">"
            self.buf = b"</" + p + container + b">" + self.buf[m.end() :]
        else:
            self.head = self.buf[: m.end()]
            self.buf = self.buf[m.end() :]
        self._open = b"<" + p + element
        self._close = b"</" + p + element + b">"
        self._end = b"</" + p + container
        self.tail = b""
        self.between = b""

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def elements(self) -> Iterator[bytes]:
        """Each element's bytes; whitespace between elements is kept in the element that follows it."""
        pos = 0
        while True:
            start = self._find_open(pos)
            # the container's end tag can only come before the next element (or when there is none)
            end = self.buf.find(self._end, pos, start if start != -1 else len(self.buf))
            if end != -1:
                self.between = self.buf[pos:end]
                self.buf = self.buf[end:]
                break
            if start == -1:
                self.buf = self.buf[pos:]
                pos = 0
                if not self._more():
                    raise ValueError("XML part ends inside its element list")
                continue
            gt = self.buf.find(b">", start)
            if gt == -1:
                self.buf, pos = self.buf[pos:], 0
                if not self._more():
                    raise ValueError("XML part ends inside a start tag")
                continue
            if self.buf[gt - 1 : gt] == b"/":
                stop = gt + 1
            else:
                close = self.buf.find(self._close, gt)
                if close == -1:
                    self.buf, pos = self.buf[pos:], 0
                    if not self._more():
                        raise ValueError("XML part ends inside an element")
                    continue
                stop = close + len(self._close)
            yield self.buf[pos:stop]
            pos = stop
            if pos > CHUNK:
                self.buf, pos = self.buf[pos:], 0
        while self._more():
            pass
        self.tail = self.buf
        self.buf = b""

    def copy_elements(self, dst, transform=None) -> None:
        """Write the whole element run unchanged, in large chunks (the fast path when no element changes);
        `transform`, when given, is applied to runs of whole elements (a change inside single elements)."""
        keep = len(self._end)
        while True:
            end = self.buf.find(self._end)
            if end != -1:
                dst.write(transform(self.buf[:end]) if transform else self.buf[:end])
                self.buf = self.buf[end:]
                break
            if transform is not None:
                cut = self.buf.rfind(self._close)
                if cut != -1:
                    cut += len(self._close)
                    dst.write(transform(self.buf[:cut]))
                    self.buf = self.buf[cut:]
            elif len(self.buf) > keep:
                dst.write(self.buf[:-keep])
                self.buf = self.buf[-keep:]
            if not self._more():
                raise ValueError("XML part ends inside its element list")
        while self._more():
            pass
        self.tail, self.buf, self.between = self.buf, b"", b""

    def _find_open(self, pos: int) -> int:
        while True:
            i = self.buf.find(self._open, pos)
            if i == -1:
                return -1
            nxt = self.buf[i + len(self._open) : i + len(self._open) + 1]
            if nxt in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
                return i
            if nxt == b"" and not self.eof:
                return -1
            pos = i + 1


def split(stream: IO[bytes], *, container: bytes, element: bytes) -> Split:
    return Split(stream, container, element)


# ----------------------------------------------------------------------------------- row parsing
_ROW_START = re.compile(rb"<(?:\w+:)?row\b([^>]*?)/?>")
_R_ATTR = re.compile(rb"\sr\s*=\s*[\"'](\d+)[\"']")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_CELL_R = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?\d+[\"']")
_CELL_T = re.compile(rb"\st\s*=\s*[\"'](\w+)[\"']")
_CELL_S = re.compile(rb"\ss\s*=\s*[\"'](\d+)[\"']")
_V = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>(.*?)</(?:\w+:)?v>", re.S)
_F = re.compile(rb"<(?:\w+:)?f\b")
_RPH = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_T = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)


def row_number(raw: bytes, previous: int) -> int:
    m = _ROW_START.search(raw)
    if m:
        r = _R_ATTR.search(b" " + m.group(1))
        if r:
            return int(r.group(1))
    return previous + 1


class SharedRef(int):
    """A cell value that is index N into xl/sharedStrings.xml (resolved later, in one pass)."""


def letters_index(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def parse_cells(
    raw: bytes, wanted: set[int] | None = None
) -> dict[int, tuple[str | float | SharedRef | None, str, bool]]:
    """{column: (value, type, has_formula)} of a row's cells (only `wanted` columns when given).

    Values: text for strings, a float for numbers, SharedRef for shared strings, None for empty cells.
    """
    out: dict[int, tuple[str | float | SharedRef | None, str, bool]] = {}
    col = 0
    for m in _CELL.finditer(raw):
        head = b" " + m.group(1)
        r = _CELL_R.search(head)
        col = letters_index(r.group(1)) if r else col + 1
        if wanted is not None and col not in wanted:
            continue
        inner = m.group(2) or b""
        t = _CELL_T.search(head)
        kind = t.group(1).decode() if t else "n"
        formula = bool(_F.search(inner))
        value: str | float | SharedRef | None = None
        if kind == "inlineStr":
            inner = _RPH.sub(b"", inner)
            value = excel_unescape(
                unescape(b"".join(x.group(1) or b"" for x in _T.finditer(inner)).decode("utf-8"))
            )
        else:
            v = _V.search(inner)
            if v is not None:
                text = unescape(v.group(1).decode("utf-8"))
                if kind == "s":
                    try:
                        value = SharedRef(int(text))
                    except ValueError:
                        value = None
                elif kind in ("str", "e"):
                    value = excel_unescape(text)
                elif kind == "n":
                    try:
                        value = float(text)
                    except ValueError:
                        value = text
                else:
                    value = text
        out[col] = (value, kind, formula)
    return out


def cell_style(raw_cell_attrs: bytes) -> int | None:
    m = _CELL_S.search(b" " + raw_cell_attrs)
    return int(m.group(1)) if m else None


def row_is_empty(raw: bytes) -> bool:
    """No cell holds a value or formula (a row of formatting only)."""
    return not has_values(raw)


def shared_strings(stream: IO[bytes], wanted: set[int]) -> dict[int, str]:
    """The texts of the wanted indexes of xl/sharedStrings.xml (rich text runs joined, phonetic runs dropped)."""
    if not wanted:
        return {}
    out: dict[int, str] = {}
    parts = split(stream, container=b"sst", element=b"si")
    last = max(wanted)
    for i, raw in enumerate(parts.elements()):
        if i in wanted:
            inner = _RPH.sub(b"", raw)
            out[i] = excel_unescape(
                unescape(b"".join(x.group(1) or b"" for x in _T.finditer(inner)).decode("utf-8"))
            )
        if i >= last:
            break
    return out


# ---------------------------------------------------------------------- fast paths for big sheets
_FILLED = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>/]")
_FAST_CELL = re.compile(rb"<(?:\w+:)?c\s+r=\"([A-Z]{1,3})\d+\"([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ANY_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")


def has_values(raw: bytes) -> bool:
    """A row holds a value or a formula somewhere (not only formatting)."""
    return _FILLED.search(raw) is not None


def _value(attrs: bytes, inner: bytes | None) -> str | float | SharedRef | None:
    if not inner:
        return None
    kind = b"n"
    if b"t=" in attrs:
        t = _CELL_T.search(b" " + attrs)
        if t:
            kind = t.group(1)
    if kind == b"inlineStr":
        inner = _RPH.sub(b"", inner) if b"rPh" in inner else inner
        return excel_unescape(
            unescape(b"".join(x.group(1) or b"" for x in _T.finditer(inner)).decode("utf-8"))
        )
    v = _V.search(inner)
    if v is None:
        return None
    text = v.group(1)
    if kind == b"n":
        try:
            return float(text)
        except ValueError:
            return unescape(text.decode("utf-8"))
    if kind == b"s":
        try:
            return SharedRef(int(text))
        except ValueError:
            return None
    text = unescape(text.decode("utf-8"))
    return excel_unescape(text) if kind in (b"str", b"e") else text


def row_values(
    raw: bytes, wanted: dict[bytes, str], row: int | None = None
) -> dict[str, str | float | SharedRef | None]:
    """Values of the wanted columns (column letters → key) of one row.

    Cells written as <c r="B12" …> (Excel, WPS, LibreOffice, openpyxl and this program all do) are found
    directly by their reference; a row with other cells is read with parse_cells.
    """
    out: dict[str, str | float | SharedRef | None] = {}
    if row is not None and b"<c>" not in raw and raw.count(b"<c ") == raw.count(b'<c r="'):
        number = str(row).encode()
        for letters, key in wanted.items():
            i = raw.find(b'<c r="' + letters + number + b'"')
            if i != -1:
                m = _FAST_CELL.match(raw, i)
                if m:
                    out[key] = _value(m.group(2), m.group(3))
        return out
    count = 0
    for m in _FAST_CELL.finditer(raw):
        count += 1
        found = wanted.get(m.group(1))
        if found is not None:
            out[found] = _value(m.group(2), m.group(3))
    if count and count == len(_ANY_CELL.findall(raw)):
        return out
    if not count and not _ANY_CELL.search(raw):
        return out
    cells = parse_cells(raw)
    return {key: cells[letters_index(col)][0] for col, key in wanted.items() if letters_index(col) in cells}


RawCell = tuple[bytes, bytes]  # (attributes, inner XML) of one cell, undecoded


_ODD_CELL = re.compile(rb'<c(?! r=")[\s>/]|<\w+:c[\s>/]')


class RowReader:
    """Reads the wanted columns of many rows with one regex pass per row, without decoding them."""

    def __init__(self, wanted: dict[bytes, str]):
        self.wanted = wanted
        letters = b"|".join(re.escape(k) for k in sorted(wanted, key=len, reverse=True)) or b"(?!)"
        self.cell = re.compile(rb'<c r="(' + letters + rb')\d+"([^>]*?)(?:/>|>(.*?)</c>)', re.DOTALL)

    def __call__(self, raw: bytes) -> dict[str, RawCell] | None:
        """The wanted cells of a row (attributes, inner XML); None when some cell is written unusually
        (no r="…" first, or a namespace prefix): then use row_values."""
        if _ODD_CELL.search(raw):
            return None
        wanted = self.wanted
        return {wanted[m.group(1)]: (m.group(2), m.group(3) or b"") for m in self.cell.finditer(raw)}


def cell_value(cell: RawCell | None) -> str | float | SharedRef | None:
    return None if cell is None else _value(cell[0], cell[1])


def raw_number(cell: RawCell | None) -> float | None:
    """A numeric cell's value without decoding anything else."""
    if cell is None or (b't="' in cell[0] and b't="n"' not in cell[0]):
        return None
    v = _V.search(cell[1])
    if v is None:
        return None
    try:
        return float(v.group(1))
    except ValueError:
        return None
