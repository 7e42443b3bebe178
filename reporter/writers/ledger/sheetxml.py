"""Editing worksheet XML as bytes: one row's cells patched in place, the head (dimension, r namespace)
and the tail (autoFilter, hyperlinks, legacyDrawing) of a sheet, and small helpers for the package's
relationship parts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from . import styles as st
from .cells import (
    CellXML,
    col_letter,
    row_height,
    split_ref,
    wrapped_lines,
)
from .package import (
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
)
from .rows import (
    Cell,
)
from .scan import SheetScan
from .xmlstream import (
    _CELL,
)

LEDGER_HEADER_ROW = 3
BIG_PART_LEVEL = 1  # zlib level for the large streamed parts: several times faster than 6, ~15% bigger

_ORDER = [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
]


@dataclass
class SheetEdit:
    """What changes in one worksheet part."""

    part: str
    scan: SheetScan
    columns: dict[str, int]  # column key → index
    last_col: int
    first_new_row: int
    prelude: list[str] = field(default_factory=list)  # title/header rows of a new sheet (XML)
    patches: dict[int, dict[int, str]] = field(default_factory=dict)  # row → {col: cell XML}
    new_rows: int = 0
    hyperlinks: list[tuple[str, str]] = field(default_factory=list)  # (ref, relationship id)
    legacy_rid: str | None = None
    widths: dict[int, float] = field(default_factory=dict)  # from the sheet's <cols>
    default_width: float = 8.43
    font_size: float = 10
    rows_end: int | None = None  # the last row when the rows were laid out anew (order.py)
    filter_last_row: int | None = None  # the autoFilter ends here (above the signature block)
    moves: dict[int, int] = field(default_factory=dict)  # old row → new row: hyperlinks follow
    follow: Callable[[int, bytes], bytes] | None = None  # applied to every old row (序号 following 台账)
    chunk_follow: Callable[[bytes], bytes] | None = None  # the same on runs of whole rows (the fast path)

    def height(self, cells: dict[str, Cell], columns: dict[str, int]) -> str:
        """The ht attribute for a new row: enough lines for its longest wrapped text."""
        lines = 1
        for key, cell in cells.items():
            if (
                key in columns
                and not cell.is_number
                and cell.value
                and key not in ("sha256", "fingerprint", "tool")
            ):
                width = self.widths.get(columns[key], self.default_width)
                lines = max(lines, wrapped_lines(cell.value, width, self.font_size))  # type: ignore[arg-type]
        return f' ht="{row_height(lines, self.font_size)}"'

    @property
    def last_row(self) -> int:
        if self.rows_end is not None:
            return max(self.rows_end, self.scan.header.row if self.scan.header else 0, len(self.prelude))
        return max(
            self.first_new_row - 1 + self.new_rows,
            self.scan.last_filled,
            self.scan.header.row if self.scan.header else 0,
            len(self.prelude),
        )


# ---------------------------------------------------------------------------------- writing rows
def row_cells(
    x: CellXML, row: int, cells: dict[str, Cell], columns: dict[str, int], styles: dict[str, int]
) -> list[str]:
    out = []
    for key, col in sorted(columns.items(), key=lambda kv: kv[1]):
        cell = cells.get(key)
        if cell is None:
            continue
        ref = f"{col_letter(col)}{row}"
        out.append(cell_xml(x, ref, cell, styles[cell.style]))
    return out


def cell_xml(x: CellXML, ref: str, cell: Cell, style: int) -> str:
    if cell.is_number:
        return x.number(ref, style, cell.value)  # type: ignore[arg-type]
    if cell.value == "":
        return x.blank(ref, style)
    return x.text(ref, style, cell.value)  # type: ignore[arg-type]


def patch_row(raw: bytes, row: int, changes: dict[int, str]) -> bytes:
    """Replace or insert single cells of a row (cells stay in column order); the rest stays byte for byte."""
    from .xmlstream import letters_index

    pending = sorted(changes.items())
    out: list[bytes] = []
    pos = 0
    col = 0
    start_tag_end = raw.find(b">") + 1
    self_closing = raw[start_tag_end - 2 : start_tag_end] == b"/>"
    if self_closing:
        start = re.match(rb"\s*<(\w+:)?row", raw)
        prefix = (start.group(1) if start else None) or b""
        raw = raw[: start_tag_end - 2] + b"></" + prefix + b"row>"
        start_tag_end -= 1
    for m in _CELL.finditer(raw, start_tag_end):
        r = re.search(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{1,3})", b" " + m.group(1))
        col = letters_index(r.group(1)) if r else col + 1
        while pending and pending[0][0] < col:
            out.append(raw[pos : m.start()])
            pos = m.start()
            out.append(pending.pop(0)[1].encode("utf-8"))
        if pending and pending[0][0] == col:
            out.append(raw[pos : m.start()])
            out.append(pending.pop(0)[1].encode("utf-8"))
            pos = m.end()
    close = raw.rfind(b"</")
    out.append(raw[pos:close])
    out.extend(p[1].encode("utf-8") for p in pending)
    out.append(raw[close:])
    return b"".join(out)


# ------------------------------------------------------------------------------ head and tail XML
_ROOT = re.compile(rb"<(\w+:)?worksheet\b[^>]*>")
_DIMENSION = re.compile(rb"(<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"'])([^\"']*)([\"'])")


def ensure_r_namespace(head: bytes) -> bytes:
    m = _ROOT.search(head)
    if m is None:
        raise ValueError("no <worksheet> element")
    if REL_NS.encode() in m.group(0):
        return head
    tag = m.group(0)
    new = tag[:-1] + f' xmlns:r="{REL_NS}">'.encode()
    if tag.endswith(b"/>"):
        raise ValueError("empty worksheet")
    return head[: m.start()] + new + head[m.end() :]


def set_dimension(head: bytes, last_row: int, last_col: int) -> bytes:
    m = _DIMENSION.search(head)
    if not m:
        return head
    ref = m.group(2).decode()
    first, _, end = ref.partition(":")
    try:
        end_row, end_col = split_ref(end or first)
    except ValueError:
        return head
    new = f"{first}:{col_letter(max(end_col, last_col))}{max(end_row, last_row)}"
    return head[: m.start(2)] + new.encode() + head[m.end(2) :]


def _local(el) -> str:
    from lxml import etree

    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _insert_ordered(root, el) -> None:
    name = _local(el)
    idx = _ORDER.index(name)
    for i, child in enumerate(root):
        local = _local(child)
        pos = _ORDER.index(local) if local in _ORDER else _ORDER.index("oleObjects")
        if pos > idx:
            root.insert(i, el)
            return
    root.append(el)


def edit_tail(head: bytes, tail: bytes, edit: SheetEdit) -> bytes:
    """The part after </sheetData>: autoFilter range, hyperlinks, legacyDrawing."""
    from lxml import etree

    if edit.scan.header is None and not edit.prelude:
        return tail
    m = re.match(rb"\s*</(?:\w+:)?sheetData\s*>", tail)
    root_match = _ROOT.search(head)
    if m is None or root_match is None:
        return tail
    close, rest = tail[: m.end()], tail[m.end() :]
    root_tag = root_match.group(0)
    root = etree.fromstring(
        root_tag + rest, etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)
    )
    ns = root.nsmap.get(None) or MAIN_NS
    if etree.QName(root).namespace:
        ns = etree.QName(root).namespace
    changed = False
    af = root.find(f"{{{ns}}}autoFilter")
    if af is not None and af.get("ref"):
        first, _, end = af.get("ref").partition(":")
        try:
            _, end_col = split_ref(end or first)
            last = edit.filter_last_row if edit.filter_last_row is not None else edit.last_row
            new = f"{first}:{col_letter(end_col)}{last}"
            if new != af.get("ref"):
                af.set("ref", new)
                changed = True
        except ValueError:
            pass
    if edit.moves:
        from .reorder import move_ref

        for link in root.iter(f"{{{ns}}}hyperlink"):
            ref = link.get("ref") or ""
            moved = ":".join(move_ref(part, edit.moves) for part in ref.split(":"))
            if moved != ref:
                link.set("ref", moved)
                changed = True
    if edit.hyperlinks:
        links = root.find(f"{{{ns}}}hyperlinks")
        if links is None:
            links = etree.Element(f"{{{ns}}}hyperlinks")
            _insert_ordered(root, links)
        for ref, rid in edit.hyperlinks:
            etree.SubElement(links, f"{{{ns}}}hyperlink", {"ref": ref, f"{{{REL_NS}}}id": rid})
        changed = True
    if edit.legacy_rid:
        legacy = root.find(f"{{{ns}}}legacyDrawing")
        if legacy is None:
            _insert_ordered(
                root, etree.Element(f"{{{ns}}}legacyDrawing", {f"{{{REL_NS}}}id": edit.legacy_rid})
            )
            changed = True
    if not changed:
        return tail
    text = etree.tostring(root, encoding="utf-8")
    inner = text[text.index(b">") + 1 : text.rindex(b"</")]
    end_tag = rest[rest.rindex(b"</") :]
    return close + inner + end_tag


def unique_name(names: set[str], pattern: str) -> str:
    n = 1
    while pattern.format(n) in names:
        n += 1
    name = pattern.format(n)
    names.add(name)
    return name


def xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def rels_xml(entries: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f"{entries}</Relationships>"
    ).encode()


PRINT_AREA = re.compile(r"('[^']+'|[^!]+)!\$A\$1:\$([A-Z]{1,3})\$\d+")


AUTOFILTER = re.compile(rb"<(?:\w+:)?autoFilter\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")


def filter_ref(tail: bytes) -> str | None:
    m = AUTOFILTER.search(tail)
    return m.group(1).decode() if m else None


TOOL_STYLES = {
    st.TEXT,
    st.CENTER,
    st.DATE,
    st.TIME,
    st.NUMBER,
    st.COUNT,
    st.REVIEW,
    st.REVIEW_DATE,
    st.LINK,
}


def letters_of(col_of: dict[str, int], keys: Iterable[str]) -> dict[bytes, str]:
    return {col_letter(col_of[k]).encode(): k for k in keys if k in col_of}


def read_chunks(stream: IO[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
