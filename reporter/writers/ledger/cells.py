"""Cell values as SpreadsheetML: safe text, numbers, dates, and the XML of one cell or row.

Every text from a document is written as an inline string (`t="inlineStr"`), never as a formula, so
"=1+1", "+86 …", "-3%", "@所有人" and text starting with a control character show exactly as written.
Characters XML 1.0 forbids are removed; text longer than Excel's 32,767-character limit is cut with
a marker; "_x0041_"-like runs, which Excel would decode as an escaped character, are escaped.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib

MAX_CELL = 32767
CUT_MARK = "…（超出 Excel 单元格上限，已截断）"
MAX_COMMENT = 2000

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_EPOCH = dt.datetime(1899, 12, 30)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def utf16_len(text: str) -> int:
    """Length as Excel counts it (UTF-16 code units: characters beyond U+FFFF count twice)."""
    return len(text.encode("utf-16-le")) // 2


def clean_text(text: str, limit: int = MAX_CELL) -> str:
    """Text as it may stand in a cell: illegal characters removed, cut to `limit` with a marker."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if len(text) * 2 > limit and utf16_len(text) > limit:
        keep = limit - len(CUT_MARK)
        while utf16_len(text[:keep]) > limit - len(CUT_MARK):
            keep -= 1
        text = text[:keep] + CUT_MARK
    return text


_NEEDS_ESCAPE = re.compile(r"[&<>\"\r]|_x")


def xml_escape(text: str) -> str:
    """Escape for element content and attribute values (text already cleaned)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    text = text.replace("\r", "&#13;")
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text)


def _letters(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_LETTERS = [""] + [_letters(i) for i in range(1, 703)]


def col_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    return _LETTERS[index] if index < len(_LETTERS) else _letters(index)


def col_index(letters: str) -> int:
    """A → 1, AA → 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def split_ref(ref: str) -> tuple[int, int]:
    """'B12' → (12, 2)."""
    m = _REF.fullmatch(ref)
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), col_index(m.group(1))


def excel_serial(value: dt.date | dt.datetime) -> float:
    """The number Excel stores for a date (days since 1899-12-30; 1900 leap-year bug irrelevant after March 1900)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    delta = value.replace(tzinfo=None) - _EPOCH
    return delta.days + delta.seconds / 86400


def serial_date(serial: float) -> dt.date:
    return (_EPOCH + dt.timedelta(days=int(serial))).date()


def iso_date(text: str) -> dt.date | None:
    """A full schema date (YYYY-MM-DD) as a date; None for partial dates (YYYY-MM, --MM-DD) and others."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def number_text(value: float | int) -> str:
    """How a number is written in <v> and compared later: integers without '.0', others shortest repr."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def digest(text: str) -> str:
    """A short checksum of what the program wrote in a cell, to tell later whether a person changed it."""
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


# ------------------------------------------------------------------------------------ cell XML
class CellXML:
    """Builds cell and row XML with the sheet's namespace prefix ('' or e.g. 'x:')."""

    def __init__(self, prefix: str = ""):
        p = self.p = prefix
        self._c, self._row, self._row_end = f'<{p}c r="', f'<{p}row r="', f"</{p}row>"
        self._is = f'" t="inlineStr"><{p}is><{p}t xml:space="preserve">'
        self._is_end = f"</{p}t></{p}is></{p}c>"
        self._v, self._v_end = f'"><{p}v>', f"</{p}v></{p}c>"
        self._f, self._f_end = f'"><{p}f>', f"</{p}f></{p}c>"

    def text(self, ref: str, style: int, text: str) -> str:
        return f'{self._c}{ref}" s="{style}{self._is}{xml_escape(text)}{self._is_end}'

    def number(self, ref: str, style: int, value: float | int) -> str:
        return f'{self._c}{ref}" s="{style}{self._v}{number_text(value)}{self._v_end}'

    def formula(self, ref: str, style: int, formula: str) -> str:
        """Only for formulas the program builds itself (统计汇总), never for document text."""
        return f'{self._c}{ref}" s="{style}{self._f}{xml_escape(formula)}{self._f_end}'

    def blank(self, ref: str, style: int) -> str:
        return f'{self._c}{ref}" s="{style}"/>'

    def row(self, number: int, cells: list[str], extra: str = "") -> str:
        return f'{self._row}{number}"{extra}>{"".join(cells)}{self._row_end}'


# ------------------------------------------------------------------------------------ row heights
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_NUM_ATTR = {
    name: re.compile(rb"\b" + name + rb"\s*=\s*[\"']([\d.]+)[\"']") for name in (b"min", b"max", b"width")
}
_DEFAULT_WIDTH = re.compile(rb"<(?:\w+:)?sheetFormatPr\b[^>]*?\bdefaultColWidth\s*=\s*[\"']([\d.]+)[\"']")


def column_widths(head: bytes) -> tuple[dict[int, float], float]:
    """Column widths from a worksheet's <cols> (column → width) and the default width."""
    widths: dict[int, float] = {}
    for m in _COL.finditer(head):
        attrs = m.group(1)
        lo, hi, w = (_NUM_ATTR[n].search(attrs) for n in (b"min", b"max", b"width"))
        if lo and hi and w:
            for col in range(int(float(lo.group(1))), min(int(float(hi.group(1))), 16384) + 1):
                widths[col] = float(w.group(1))
    d = _DEFAULT_WIDTH.search(head)
    return widths, float(d.group(1)) if d else 8.43


# East Asian wide and full-width characters (what unicodedata.east_asian_width calls W and F), as ranges
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def text_width(text: str) -> int:
    """Display width with CJK characters counted double (a fast equivalent of render.display_width)."""
    return len(text) + len(_WIDE.findall(text))


def wrapped_lines(text: str, width: float, font_size: float) -> int:
    """Lines a wrapped cell needs: Excel width units are ~7 px; half a CJK character ~ size×96/72/2 px."""
    per_line = max(1, int((width * 7.0 - 1) / (font_size * 96 / 72 / 2)))
    if "\n" not in text:
        return max(1, -(-text_width(text) // per_line))
    return sum(max(1, -(-text_width(line) // per_line)) for line in text.split("\n"))


def row_height(lines: int, font_size: float) -> float:
    """Row height in points for a number of text lines (宋体/仿宋 need ~1.4 × their size per line)."""
    return round(min(409.0, max(1, lines) * font_size * 1.4 + 4), 1)
