"""Moving 台账 rows as bytes (order.py decides where they go): a row's number and its cells' references
rewritten, references to the row itself in its formulas following it (as Excel's sort does), 序号 set
in place, and the references of comments, their VML shapes and hyperlinks mapped to the new rows.

Rows whose move would break something are left in place instead (`movable`): a formula that refers to
another row, shared or array formulas, merged cells in the rows, or a formula elsewhere in the workbook
that refers to 台账.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cells import CellXML, col_letter
from .xmlstream import _CELL, _ROW_START

_ROW_R = re.compile(rb"(\sr\s*=\s*[\"'])(\d+)([\"'])")
_CELL_REF_ANY = re.compile(rb"(\sr\s*=\s*[\"']\$?[A-Za-z]{1,3}\$?)\d+([\"'])")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
# an A1 reference in a formula (not part of a name, a function or a sheet-qualified reference)
_A1 = re.compile(rb"(?<![A-Za-z0-9_.!$'\"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])")
_STRING = re.compile(rb'"[^"]*"|&quot;.*?&quot;')


def renumber_row(raw: bytes, new: int) -> bytes:
    """The row's r= and every cell's r= set to `new`; in its formulas, references to its own old row follow."""
    m = _ROW_START.search(raw)
    if m is None:
        return raw
    old_m = _ROW_R.search(raw, m.start(), m.end())
    if old_m is None:
        return raw
    old = old_m.group(2)
    newb = str(new).encode()
    out = raw[: old_m.start(2)] + newb + raw[old_m.end(2) :]
    if out.count(b"<c ") == out.count(b'<c r="') and b"<c>" not in out:  # the usual markup: no regex
        pieces = out.split(b'<c r="')
        for i in range(1, len(pieces)):
            piece = pieces[i]
            end = piece.find(b'"')
            pieces[i] = piece[:end].rstrip(b"0123456789") + newb + piece[end:]
        out = b'<c r="'.join(pieces)
    else:  # every cell of a row is in that row
        out = _CELL_REF_ANY.sub(lambda c: c.group(1) + newb + c.group(2), out)
    if b"<f" in out or b":f" in out:
        out = _FORMULA.sub(lambda f: _same_row(f, old, newb), out)
    return out


def _same_row(m: re.Match[bytes], old: bytes, new: bytes) -> bytes:
    body = m.group(2)
    if not body:
        return m.group(0)
    parts: list[bytes] = []
    pos = 0
    for s in _STRING.finditer(body):  # text in quotes is not a reference
        parts.append(_A1.sub(lambda a: _ref(a, old, new), body[pos : s.start()]))
        parts.append(s.group(0))
        pos = s.end()
    parts.append(_A1.sub(lambda a: _ref(a, old, new), body[pos:]))
    start = m.start(2) - m.start(0)
    whole = m.group(0)
    return whole[:start] + b"".join(parts) + whole[start + len(body) :]


def _ref(a: re.Match[bytes], old: bytes, new: bytes) -> bytes:
    if a.group(3) or a.group(4) != old:  # $5 (an absolute row) or another row: unchanged
        return a.group(0)
    return a.group(1) + a.group(2) + a.group(3) + new


_PLAIN_ATTRS = re.compile(rb'(?: s="\d+")?(?: t="n")?')
_PLAIN_INNER = re.compile(rb"<v>\d+</v>")


def plain_number(cells: dict[str, tuple[bytes, bytes]] | None, key: str) -> bool:
    """Is the cell `key` of a row read by RowReader written the usual way (or not a number at all), so
    that plain_renumber() finds it? False for a row RowReader could not read."""
    if cells is None:
        return False
    cell = cells.get(key)
    if cell is None:
        return True
    attrs, inner = cell
    if b't="' in attrs and b't="n"' not in attrs:
        return True  # text: never renumbered
    return _PLAIN_ATTRS.fullmatch(attrs) is not None and (
        not inner or _PLAIN_INNER.fullmatch(inner) is not None
    )


def plain_renumber(letter: str, mapping: dict[int, int]):
    """A function that changes, in a run of whole rows, every usual number cell of one column through
    `mapping` (工作数据's 序号 following 台账) — one regex pass, no row split."""
    pattern = re.compile(rb'(<c r="' + letter.encode() + rb'\d+"(?: s="\d+")?(?: t="n")?><v>)(\d+)(</v>)')

    def sub(m: re.Match[bytes]) -> bytes:
        new = mapping.get(int(m.group(2)))
        return m.group(0) if new is None else m.group(1) + str(new).encode() + m.group(3)

    return lambda chunk: pattern.sub(sub, chunk)


def formulas_movable(raw: bytes, row: int, header_row: int) -> bool:
    """Can this row move? Its formulas may only refer to itself (or, absolutely, to the rows above the
    data, such as the title); shared and array formulas cannot be moved row by row."""
    for f in _FORMULA.finditer(raw):
        attrs, body = f.group(1), f.group(2) or b""
        if re.search(rb"\bt\s*=\s*[\"'](shared|array|dataTable)", attrs):
            return False
        text = _STRING.sub(b"", body)
        if b"!" in text or b"[" in text:  # another sheet or a structured reference: leave it to the person
            return False
        for a in _A1.finditer(text):
            r = int(a.group(4))
            if r != row and not (a.group(3) and r <= header_row):
                return False
        if re.search(rb"(?<![A-Za-z])\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z(])", text):
            return False  # whole columns (A:A) take in every row
    return True


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")


def merged_rows(tail: bytes) -> list[tuple[int, int]]:
    """The row spans of the merged cells of a sheet (from the part after </sheetData>)."""
    out = []
    for m in _MERGE.finditer(tail):
        rows = [int(x) for x in re.findall(rb"(\d+)", m.group(1))]
        if rows:
            out.append((min(rows), max(rows)))
    return out


_QUALIFIED = re.compile(
    rb"(?:'([^']+)'|([^\s'!=(),;:&+\-*/<>]+))!\$?[A-Za-z]{1,3}\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?"
)


def pins_rows(text: bytes, sheet: str, header_row: int) -> bool:
    """Does a formula text refer to single rows of `sheet`'s data (a cell, or a range that starts below the
    first data row)? A range from the top (D4:D100, D:D) counts the same whatever the order of its rows."""
    name = sheet.encode("utf-8")
    if name not in text:
        return False
    for m in _QUALIFIED.finditer(text):
        if (m.group(1) or m.group(2)) != name:
            continue
        first = int(m.group(3))
        if m.group(4) is None:
            if first > header_row:
                return True
        elif first > header_row + 1:
            return True
    return False


def refers_to(xml: bytes, sheet: str, header_row: int) -> bool:
    """Does a sheet's XML hold a formula that refers to single data rows of `sheet` (see pins_rows)?"""
    if sheet.encode("utf-8") not in xml:
        return False
    return any(pins_rows(f.group(2) or b"", sheet, header_row) for f in _FORMULA.finditer(xml))


def find_cell(raw: bytes, col: int, row: int) -> re.Match[bytes] | None:
    """The cell of a row at a column, found by its reference (None when the row's cells have none)."""
    ref = f"{col_letter(col)}{row}".encode()
    for quote in (b'"', b"'"):
        i = raw.find(b" r=" + quote + ref + quote)
        if i != -1:
            start = raw.rfind(b"<", 0, i)
            return _CELL.match(raw, start) if start != -1 else None
    return None


_T_ATTR = re.compile(rb"\st\s*=\s*[\"'](\w+)[\"']")
_S_ATTR = re.compile(rb"\ss\s*=\s*[\"'](\d+)[\"']")
_V_TEXT = re.compile(rb"<(?:\w+:)?v>([^<]*)</")


def _number_in(m: re.Match[bytes]) -> float | None:
    t = _T_ATTR.search(b" " + m.group(1))
    inner = m.group(2) or b""
    if (t is not None and t.group(1) != b"n") or b"<f" in inner or b":f" in inner:
        return None
    v = _V_TEXT.search(inner)
    try:
        return float(v.group(1)) if v else None
    except ValueError:
        return None


def cell_number(raw: bytes, col: int, row: int) -> float | None:
    """The number in one cell of a row (None for text, a formula, an empty or a missing cell)."""
    m = find_cell(raw, col, row)
    if m is not None:
        return _number_in(m)
    if b" r=" in raw[raw.find(b">") + 1 :]:
        return None  # the row's cells have references and this one is not there
    from .xmlstream import parse_cells

    value = parse_cells(raw, {col}).get(col, (None, "", False))
    return value[0] if isinstance(value[0], float) and not value[2] else None


def follow_number(raw: bytes, col: int, row: int, mapping: dict[int, int], x: CellXML, style: int) -> bytes:
    """A whole number in one cell replaced by what `mapping` makes of it (序号 following 台账)."""
    m = find_cell(raw, col, row)
    value = _number_in(m) if m is not None else cell_number(raw, col, row)
    if value is None or value != int(value) or int(value) not in mapping:
        return raw
    if m is None:
        return set_number(raw, col, mapping[int(value)], x, style, row)
    s = _S_ATTR.search(b" " + m.group(1))
    cell = x.number(f"{col_letter(col)}{row}", int(s.group(1)) if s else style, mapping[int(value)])
    return raw[: m.start()] + cell.encode() + raw[m.end() :]


def set_number(raw: bytes, col: int, value: int, x: CellXML, style: int, row: int) -> bytes:
    """The number of one cell of a row set to `value` (its style kept); the cell is added when missing."""
    from .sheetxml import patch_row

    ref = f"{col_letter(col)}{row}"
    m = find_cell(raw, col, row)
    if m is not None:
        s = re.search(rb"\ss\s*=\s*[\"'](\d+)[\"']", m.group(1))
        keep = int(s.group(1)) if s else style
        return raw[: m.start()] + x.number(ref, keep, value).encode() + raw[m.end() :]
    return patch_row(raw, row, {col: x.number(ref, style, value)})


_COMMENT_REF = re.compile(rb"(<(?:\w+:)?comment\b[^>]*?\bref\s*=\s*[\"'][A-Za-z]{1,3})(\d+)([\"'])")


def move_comment(raw: bytes, moves: dict[int, int]) -> bytes:
    """One <comment> element with its ref moved to the row's new number."""
    m = _COMMENT_REF.search(raw)
    if m is None:
        return raw
    new = moves.get(int(m.group(2)))
    if new is None:
        return raw
    return raw[: m.start(2)] + str(new).encode() + raw[m.end(2) :]


_VML_ROW = re.compile(rb"(<x:Row>\s*)(\d+)(\s*</x:Row>)")
_VML_ANCHOR = re.compile(rb"(<x:Anchor>)([^<]*)(</x:Anchor>)")


def move_shape(raw: bytes, moves: dict[int, int]) -> bytes:
    """One VML <v:shape> of a comment: its row (0-based) and anchor moved with the comment's cell."""
    m = _VML_ROW.search(raw)
    if m is None:
        return raw
    old = int(m.group(2)) + 1
    new = moves.get(old)
    if new is None:
        return raw
    shift = new - old
    out = raw[: m.start(2)] + str(new - 1).encode() + raw[m.end(2) :]
    a = _VML_ANCHOR.search(out)
    if a is not None:
        nums = [n.strip() for n in a.group(2).decode("ascii", "replace").split(",")]
        if len(nums) == 8 and all(n.lstrip("-").isdigit() for n in nums):
            nums[2] = str(max(0, int(nums[2]) + shift))
            nums[6] = str(max(0, int(nums[6]) + shift))
            out = out[: a.start(2)] + ", ".join(nums).encode() + out[a.end(2) :]
    return out


def move_ref(ref: str, moves: dict[int, int]) -> str:
    """A1 → A(new row) for a cell in a moved row."""
    m = re.fullmatch(r"(\$?[A-Za-z]{1,3}\$?)(\d+)", ref)
    if m is None:
        return ref
    new = moves.get(int(m.group(2)))
    return f"{m.group(1)}{new}" if new is not None else ref


def signature_row(
    x: CellXML, row: int, labels: Iterable[str], printed: int, marker_col: int | None, styles: dict[str, int]
) -> str:
    """The signature block: 填报人：＿＿＿ 审核人：＿＿＿ 填报日期：＿＿＿ spread over the printed columns, one
    label per cell (the text runs on into the empty cells to its right), and the hidden marker that finds it
    again on the next run."""
    from . import styles as st
    from .config import SIGNATURE_MARK

    labels = list(labels)
    cells: dict[int, str] = {}
    if labels:
        step = max(1, printed // len(labels))
        for i, label in enumerate(labels):
            col = min(printed, 2 + i * step) if printed > len(labels) + 1 else i + 1
            while col in cells:
                col += 1
            cells[col] = x.text(f"{col_letter(col)}{row}", styles[st.SIGN], f"{label}：{'＿' * 8}")
    if marker_col is not None:
        cells[marker_col] = x.text(f"{col_letter(marker_col)}{row}", styles[st.SIGN], SIGNATURE_MARK)
    return x.row(row, [cells[c] for c in sorted(cells)], ' ht="42" customHeight="1"')
