"""Adding reports to a ledger by editing its package directly.

Every part of the existing file is copied as it is, except what must change:

- 台账, 工作数据, 处理异常: rows are streamed through unchanged; new rows are written after the last row
  that holds anything; with --refresh, single cells of existing rows are replaced in place. The
  autoFilter range and the <dimension> grow with the rows; hyperlinks (文件) and comments are added.
- the comments and VML parts of 台账: streamed, new comments appended.
- 统计汇总 and its chart: rebuilt from what 工作数据 holds.
- styles.xml, workbook.xml, [Content_Types].xml and relationship parts: only when something is added.

So people's edited cells, 备注, added columns and rows, formulas, formats and sheets survive exactly,
and the cost of a run grows with the size of the ledger only through streaming copies.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ...errors import OutputError
from ...fingerprint import decode as decode_fingerprint
from ...fingerprint import similarity
from ...model import Failure, Metric, Record
from ...schema import Schema
from . import notes
from . import styles as st
from .cells import (
    CellXML,
    clean_text,
    col_letter,
    column_widths,
    digest,
    excel_serial,
    row_height,
    split_ref,
    wrapped_lines,
)
from .config import (
    FINGERPRINT_HEADER,
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEM_COLUMNS,
    PROBLEMS_SHEET,
    SHA_HEADER,
    SUMMARY_SHEET,
    TOOL_HEADER,
    Column,
    LedgerConfig,
)
from .package import (
    CT_CHART,
    CT_COMMENTS,
    CT_DRAWING,
    CT_NS,
    CT_VML,
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    T_CHART,
    T_COMMENTS,
    T_DRAWING,
    T_HYPERLINK,
    T_SHARED_STRINGS,
    T_STYLES,
    T_VML,
    Package,
    PackageWriter,
    RelIds,
    relative,
    rels_name,
    resolve,
)
from .result import Added, Difference, LedgerResult, Skipped
from .rows import (
    Cell,
    Fit,
    cell_date_text,
    ledger_cells,
    metric_rows,
    norm_title,
    parse_digests,
    title_key,
)
from .scan import RowValues, SharedText, SheetScan, canonical, read_cells, scan_sheet, seq_number
from .summary import MetricsColumns, Totals
from .summary import build as build_summary
from .xmlstream import (
    _CELL,
    RowReader,
    SharedRef,
    cell_value,
    raw_number,
    row_is_empty,
    row_number,
    row_values,
    split,
)

REPEAT_SIMILARITY = 0.9
LEDGER_HEADER_ROW = 3
BIG_PART_LEVEL = 1  # zlib level for the large streamed parts: several times faster than 6, ~15% bigger
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


# ------------------------------------------------------------------------------------ the plan
@dataclass(frozen=True, slots=True)
class Incoming:
    """What planning needs of a record, taken in the one pass that reads it (records may be on disk)."""

    index: int  # in LedgerUpdate.records
    path: Path
    sha256: str
    title: str  # as the 台账 shows it ('' when the schema has no title)
    date: str
    fingerprint: bytes | tuple[int, ...]
    metrics: int  # its rows on 工作数据


@dataclass
class NewReport:
    item: Incoming  # its record is read again when its rows are written (records may be on disk)
    seq: int
    row: int


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
        return max(
            self.first_new_row - 1 + self.new_rows,
            self.scan.last_filled,
            self.scan.header.row if self.scan.header else 0,
            len(self.prelude),
        )


@dataclass
class Context:
    out: Path
    schema: Schema
    config: LedgerConfig
    now: dt.datetime
    fresh: bool
    refresh: bool
    styles: dict[str, int]
    lcols: list[Column]
    mcols: list[Column]


def date_order(item: Incoming) -> tuple[int, str]:
    """Dated reports first, oldest first (2024-06 before 2024-06-03); then those whose date has no year
    or no date at all, in the order given."""
    date = item.date.strip()
    return (0, date) if date[:4].isdigit() else (1, "")


def _col_map(cols: list[Column], scan: SheetScan, fresh: bool) -> tuple[dict[str, int], list[str]]:
    """Column key → index: from the sheet's header row, or the standard order for a new sheet."""
    if scan.header is None:
        return {c.key: i for i, c in enumerate(cols, 1)}, []
    found, missing = {}, []
    for c in cols:
        idx = scan.header.columns.get(c.header)
        if idx is None:
            missing.append(c.header)
        else:
            found[c.key] = idx
    return found, missing


# ---------------------------------------------------------------------------------- writing rows
def _row_cells(
    x: CellXML, row: int, cells: dict[str, Cell], columns: dict[str, int], styles: dict[str, int]
) -> list[str]:
    out = []
    for key, col in sorted(columns.items(), key=lambda kv: kv[1]):
        cell = cells.get(key)
        if cell is None:
            continue
        ref = f"{col_letter(col)}{row}"
        out.append(_cell_xml(x, ref, cell, styles[cell.style]))
    return out


def _cell_xml(x: CellXML, ref: str, cell: Cell, style: int) -> str:
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
        prefix = re.match(rb"\s*<(\w+:)?row", raw).group(1) or b""
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
    close, rest = tail[: m.end()], tail[m.end() :]
    root_tag = _ROOT.search(head).group(0)
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
            new = f"{first}:{col_letter(end_col)}{edit.last_row}"
            if new != af.get("ref"):
                af.set("ref", new)
                changed = True
        except ValueError:
            pass
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


# ------------------------------------------------------------------------------------ the writer
class LedgerUpdate:
    def __init__(self, base: Package, ctx: Context, records: Sequence[Record], failures: Sequence[Failure]):
        self.base, self.ctx = base, ctx
        self.records, self.failures = records, failures
        self.result_added: list[Added] = []
        self.skipped: list[Skipped] = []
        self.differences: list[Difference] = []
        self.warnings: list[str] = []
        self.totals = Totals()
        self.problem_rows: list[dict[str, Cell]] = []
        self.metric_patches: dict[int, dict[int, str]] = {}
        self.metric_refresh_new: list[dict[str, Cell]] = []
        self.ledger_patches: dict[int, dict[int, str]] = {}
        self.ledger_last_row: int | None = None
        self.deleted: frozenset[str] = frozenset()  # rows a person deleted: never added again
        self.readd: frozenset[str] = frozenset()  # rows lost to an overwrite, being put back
        self.present: set[str] = set()

    # ---------------------------------------------------------------------------------- reading
    def read(self) -> None:
        base, ctx = self.base, self.ctx
        sheets = base.sheets()
        for name in (LEDGER_SHEET, METRICS_SHEET, SUMMARY_SHEET, PROBLEMS_SHEET):
            if name not in sheets:
                raise OutputError(
                    f"{ctx.out}：台账文件里没有工作表“{name}”（改了名或删掉了？）；请恢复它，"
                    "或换一个输出文件名新建台账",
                    path=ctx.out,
                    reason=f"台账缺少工作表“{name}”",
                )
        self.parts = sheets
        wb_part = base.workbook_part()
        self.wb_part = wb_part
        wb_rels, _ = base.rels(wb_part)
        self.styles_part = next((resolve(wb_part, r.target) for r in wb_rels if r.type == T_STYLES), None)
        sst_part = next((resolve(wb_part, r.target) for r in wb_rels if r.type == T_SHARED_STRINGS), None)
        if self.styles_part is None or not base.has(self.styles_part):
            raise OutputError(
                f"{ctx.out}：台账文件缺少样式部分（xl/styles.xml），文件可能已损坏；请换一个输出文件名",
                path=ctx.out,
                reason="台账文件已损坏",
            )
        self.new_styles, ids = st.ensure_styles(base.read(self.styles_part), st.style_specs(ctx.config))
        ctx.styles.update(ids)

        shared = self.shared = SharedText(base, sst_part if sst_part and base.has(sst_part) else None)
        headers = (
            {c.header for c in ctx.lcols}
            | {c.header for c in ctx.mcols}
            | {c.header for c in PROBLEM_COLUMNS}
        )
        self.incoming: list[Incoming] = []
        with_date = "date" in ctx.schema
        for index, record in enumerate(self.records):  # the one pass before writing: records may be on disk
            self.incoming.append(
                Incoming(
                    index=index,
                    path=record.path,
                    sha256=record.sha256,
                    title=self._title_text(record),
                    date=str(record.value("date") or "") if with_date else "",
                    fingerprint=record.fingerprint,
                    metrics=sum(1 for f in record.fields.get("metrics", ()) if isinstance(f.value, Metric)),
                )
            )
        titles = {item.title for item in self.incoming} - {""}
        shas = {item.sha256 for item in self.incoming}
        found = shared.find(headers | titles | shas)
        self.sha_by_index = {i: t for t, i in found.items() if t in shas}
        self.title_by_index = {i: norm_title(t) for t, i in found.items() if t in titles}
        self.incoming_shas = shas
        self.incoming_titles = {norm_title(t) for t in titles}

        self.present_raw: list[object] = []
        self.lscan = self._scan_ledger()
        self.mscan = self._scan_metrics()
        self.pscan = self._scan_problems()
        refs: set[int] = set()
        for scan in (self.lscan, self.mscan, self.pscan):
            for row in scan.rows:
                refs.update(int(v) for v in row.values.values() if isinstance(v, SharedRef))
        refs.update(int(v) for key in self._metric_raw for v in key[:3] if isinstance(v, SharedRef))
        refs.update(int(v) for v in self.present_raw if isinstance(v, SharedRef))
        shared.resolve(refs)
        self.present = {t.strip() for t in (shared.text(v) for v in self.present_raw) if t.strip()}  # type: ignore[arg-type]
        del self.present_raw
        for (ind, unit, org, date), (total, count) in self._metric_raw.items():
            self.totals.add(
                canonical(shared, ind), canonical(shared, unit), canonical(shared, org), date, total, count
            )

    def _title_text(self, record: Record) -> str:
        if "title" not in self.ctx.schema:
            return ""
        return clean_text(str(record.value("title") or ""))

    def _scan_ledger(self) -> SheetScan:
        ctx = self.ctx
        col_of: dict[str, int] = {}
        first: dict[bytes, str] = {}
        second: dict[bytes, str] = {}

        def keep(r: int, raw: bytes, scan: SheetScan):
            if not col_of:
                col_of.update(_col_map(ctx.lcols, scan, False)[0])
                first.update(_letters(col_of, ("seq", "sha256", "title")))
                second.update(_letters(col_of, ("date", "fingerprint", "file")))
            v = row_values(raw, first, r)
            seq = seq_number(v.get("seq"))
            if seq is not None:
                scan.max_seq = max(scan.max_seq, seq)
            sha = v.get("sha256")
            if sha is not None:
                self.present_raw.append(sha)
            if isinstance(sha, SharedRef):
                sha = self.sha_by_index.get(int(sha))
            if isinstance(sha, str) and sha.strip() in self.incoming_shas:
                values, styles = read_cells(raw, r, col_of)
                values["sha256"] = sha.strip()
                return RowValues(row=r, values=values, styles=styles)
            title = v.get("title")
            if isinstance(title, SharedRef):
                title = self.title_by_index.get(int(title))
            elif isinstance(title, str):
                title = norm_title(title)
            if isinstance(title, str) and title in self.incoming_titles:
                values = row_values(raw, second, r)
                values["seq"] = v.get("seq")
                values["title"] = title
                return RowValues(row=r, values=values)
            return None

        part = self.parts[LEDGER_SHEET]
        return scan_sheet(
            self.base,
            part,
            marker=SHA_HEADER,
            shared=self.shared,
            fresh=ctx.fresh,
            label=str(ctx.out),
            sheet=LEDGER_SHEET,
            keep=keep,
        )

    def _scan_metrics(self) -> SheetScan:
        """Totals of 工作数据 for 统计汇总 (cells grouped undecoded: the distinct ones are decoded after),
        and with --refresh the rows of the reports being refreshed."""
        ctx = self.ctx
        col_of: dict[str, int] = {}
        wanted: dict[bytes, str] = {}
        by_raw: dict[tuple, list] = defaultdict(lambda: [0.0, 0])
        decoded: dict[tuple, list] = defaultdict(lambda: [0.0, 0])
        self._metric_raw = decoded
        sha_col: dict[bytes, str] = {}
        reader: list[RowReader] = []

        def keep(r: int, raw: bytes, scan: SheetScan):
            if not col_of:
                col_of.update(_col_map(ctx.mcols, scan, False)[0])
                wanted.update(_letters(col_of, ("indicator", "unit", "organizer", "date", "value")))
                sha_col.update(_letters(col_of, ("sha256",)))
                reader.append(RowReader(wanted))
            cells = reader[0](raw)
            if cells is None:  # unusual cell markup: decode this row now
                v = row_values(raw, wanted, None)
                date, value = v.get("date"), v.get("value")
                entry = decoded[
                    (
                        v.get("indicator"),
                        v.get("unit"),
                        v.get("organizer"),
                        date if isinstance(date, float) else None,
                    )
                ]
                entry[0] += value if isinstance(value, float) else 0.0
                entry[1] += 1
            else:
                entry = by_raw[
                    (
                        cells.get("indicator"),
                        cells.get("unit"),
                        cells.get("organizer"),
                        raw_number(cells.get("date")),
                    )
                ]
                entry[0] += raw_number(cells.get("value")) or 0.0
                entry[1] += 1
            if self.ctx.refresh:
                sha = row_values(raw, sha_col, r).get("sha256")
                if isinstance(sha, SharedRef):
                    sha = self.sha_by_index.get(int(sha))
                if isinstance(sha, str) and sha.strip() in self.incoming_shas:
                    values, styles = read_cells(raw, r, col_of)
                    values["sha256"] = sha.strip()
                    return RowValues(row=r, values=values, styles=styles)
            return None

        scan = scan_sheet(
            self.base,
            self.parts[METRICS_SHEET],
            marker=SHA_HEADER,
            shared=self.shared,
            fresh=ctx.fresh,
            label=str(ctx.out),
            sheet=METRICS_SHEET,
            keep=keep,
        )
        for (ind, unit, org, date), (total, count) in by_raw.items():
            entry = decoded[(cell_value(ind), cell_value(unit), cell_value(org), date)]
            entry[0] += total
            entry[1] += count
        return scan

    def _scan_problems(self) -> SheetScan:
        col_of: dict[str, int] = {}
        wanted: dict[bytes, str] = {}

        def keep(r: int, raw: bytes, scan: SheetScan):
            if not col_of:
                col_of.update(_col_map(PROBLEM_COLUMNS, scan, False)[0])
                wanted.update(_letters(col_of, ("file", "kind", "reason")))
            return RowValues(row=r, values=row_values(raw, wanted, r))

        return scan_sheet(
            self.base,
            self.parts[PROBLEMS_SHEET],
            marker=PROBLEM_COLUMNS[1].header,
            shared=self.shared,
            fresh=self.ctx.fresh,
            label=str(self.ctx.out),
            sheet=PROBLEMS_SHEET,
            keep=keep,
        )

    # --------------------------------------------------------------------------------- planning
    def plan(self) -> None:
        ctx, shared = self.ctx, self.shared
        self.lcol, missing = _col_map(ctx.lcols, self.lscan, ctx.fresh)
        for header in missing:
            if header in (FINGERPRINT_HEADER, TOOL_HEADER):
                self.warnings.append(
                    f"台账里没有隐藏列“{header}”，新行的这一项没有写入（疑似重复、--refresh 会受影响）"
                )
            else:
                self.warnings.append(f"台账里没有“{header}”列（表头改过或删掉了？），新行的这一项没有写入")
        self.mcol, mmissing = _col_map(ctx.mcols, self.mscan, ctx.fresh)
        for header in mmissing:
            self.warnings.append(f"“{METRICS_SHEET}”表里没有“{header}”列，新行的这一项没有写入")
        self.pcol, _ = _col_map(PROBLEM_COLUMNS, self.pscan, ctx.fresh)
        with self.base.open(self.parts[LEDGER_SHEET]) as src:
            widths, default = column_widths(split(src, container=b"sheetData", element=b"row").head)
        self.fit = Fit(
            {k: widths.get(i, default) for k, i in self.lcol.items()},
            ctx.config.fonts.body_size,
            ctx.config.max_lines,
        )

        lheader = self.lscan.header.row if self.lscan.header else LEDGER_HEADER_ROW
        self.ledger_first_new = max(self.lscan.last_filled, lheader) + 1
        mheader = self.mscan.header.row if self.mscan.header else 1
        self.metric_next_row = max(self.mscan.last_filled, mheader) + 1
        pheader = self.pscan.header.row if self.pscan.header else 1
        self.problem_first_new = max(self.pscan.last_filled, pheader) + 1

        # what the ledger already holds
        existing: dict[str, object] = {}
        candidates: dict[str, list[tuple[int, int | None, tuple[int, ...], str]]] = defaultdict(list)
        for rv in self.lscan.rows:
            v = rv.values
            seq = seq_number(v.get("seq"))
            sha = v.get("sha256")
            if isinstance(sha, str) and sha not in existing:
                existing[sha] = rv
            title = v.get("title")
            title = norm_title(shared.text(title)) if title is not None else ""
            if title:
                date = cell_date_text(canonical(shared, v.get("date")) if v.get("date") is not None else None)
                fp = decode_fingerprint(canonical(shared, v.get("fingerprint")))
                candidates[title_key(title, date)].append(
                    (rv.row, int(seq) if seq is not None else None, fp, canonical(shared, v.get("file")))
                )
        self.existing_problems = {
            tuple(canonical(shared, rv.values.get(k)).strip() for k in ("file", "kind", "reason"))
            for rv in self.pscan.rows
        }

        seq = int(self.lscan.max_seq) + 1
        row = self.ledger_first_new
        batch: dict[str, tuple[int, int, Path]] = {}
        self.new_reports: list[NewReport] = []
        refreshed: set[str] = set()
        for record in sorted(self.incoming, key=date_order):  # new rows in date order
            title, date = record.title, record.date
            if record.sha256 in batch:
                r0, s0, p0 = batch[record.sha256]
                same = Path(p0).resolve() == Path(record.path).resolve()
                self._skip(
                    record,
                    "already" if same else "duplicate",
                    r0,
                    s0,
                    f"与台账第 {r0} 行（序号 {s0}，{p0.name}）内容完全相同",
                )
                continue
            if record.sha256 in existing:
                rv = existing[record.sha256]
                s0 = seq_number(rv.values.get("seq"))
                s0 = int(s0) if s0 is not None else None
                file_text = canonical(shared, rv.values.get("file"))
                if ctx.refresh and record.sha256 not in refreshed:
                    refreshed.add(record.sha256)
                    self._refresh(self.records[record.index], rv, s0)
                if file_text == record.path.name:
                    self._skip(record, "already", rv.row, s0, f"已在台账第 {rv.row} 行（序号 {s0}）")
                else:
                    self._skip(
                        record,
                        "duplicate",
                        rv.row,
                        s0,
                        f"与台账第 {rv.row} 行（序号 {s0}，{file_text}）内容完全相同",
                    )
                continue
            if record.sha256 in self.deleted:
                self.skipped.append(
                    Skipped(
                        path=record.path,
                        kind="deleted",
                        row=0,
                        seq=None,
                        reason="这份报告的行已被人工从台账删除，不再加入（如要恢复，请手工补录）",
                    )
                )
                continue
            if title and record.fingerprint:
                best = None
                for r0, s0, fp, file_text in candidates.get(title_key(title, date), ()):
                    sim = similarity(record.fingerprint, fp) if fp else 0.0
                    if sim >= REPEAT_SIMILARITY and (best is None or sim > best[0]):
                        best = (sim, r0, s0, file_text)
                if best is not None:
                    sim, r0, s0, file_text = best
                    self._skip(
                        record,
                        "repeat",
                        r0,
                        s0,
                        f"与台账第 {r0} 行（序号 {s0}，{file_text}）标题、日期相同，正文 {sim:.0%} 相同",
                        similarity=sim,
                    )
                    continue
            self.new_reports.append(NewReport(item=record, seq=seq, row=row))
            self.result_added.append(Added(path=record.path, seq=seq, row=row))
            batch[record.sha256] = (row, seq, record.path)
            if title:
                candidates[title_key(title, date)].append((row, seq, record.fingerprint, record.path.name))
            seq += 1
            row += 1
        for failure in self.failures:
            self._problem(failure.path, "失败", failure.reason, failure.message, None)

    def _skip(
        self,
        record: Incoming,
        kind: str,
        row: int,
        seq: int | None,
        reason: str,
        similarity: float | None = None,
    ) -> None:
        self.skipped.append(
            Skipped(
                path=record.path,
                kind=kind,
                row=row,
                seq=seq,
                reason=reason,  # type: ignore[arg-type]
                similarity=similarity,
            )
        )
        if kind == "repeat":
            self._problem(
                record.path,
                "疑似重复",
                reason,
                "同一篇报告被其他单位转发或重发，未加入台账；如确是不同的报告，请在台账中手工补录",
                seq,
            )
        elif kind == "duplicate":
            self._problem(
                record.path, "内容重复", reason, "文件内容与台账中已有的报告完全相同，未重复加入", seq
            )

    def _problem(self, path: Path, kind: str, reason: str, detail: str, seq: int | None) -> None:
        file_text = clean_text(str(Path(path).resolve()))
        key = (file_text, kind, clean_text(reason))
        if key in self.existing_problems:
            return
        self.existing_problems.add(key)
        cells = {
            "file": Cell(file_text, st.TEXT),
            "kind": Cell(kind, st.CENTER),
            "reason": Cell(clean_text(reason), st.TEXT),
            "detail": Cell(clean_text(detail), st.TEXT),
            "seq": Cell(seq, st.CENTER) if seq is not None else Cell("", st.CENTER),
            "time": Cell(round(excel_serial(self.ctx.now), 8), st.TIME),
        }
        self.problem_rows.append(cells)

    # ---------------------------------------------------------------------------------- refresh
    def _compare(
        self,
        *,
        sheet: str,
        row: int,
        seq: int | None,
        file: str,
        cols: list[Column],
        colmap: dict[str, int],
        current: dict,
        cur_styles: dict,
        stored: dict[str, str],
        new: dict[str, Cell],
        x: CellXML,
        clear: bool = False,
    ) -> tuple[dict[int, str], dict[str, str], dict]:
        """Cells to replace in one row: (col → XML, new checksums, final values)."""
        shared, ctx = self.shared, self.ctx
        tool_ids = {ctx.styles[n] for n in TOOL_STYLES}
        changes: dict[int, str] = {}
        digests = dict(stored)
        final = {}
        for col in cols:
            if col.kind not in ("field", "review", "metric") or col.key not in colmap:
                continue
            cur_value = current.get(col.key)
            cur = canonical(shared, cur_value)
            cell = Cell("", st.TEXT) if clear else new.get(col.key)
            final[col.key] = cur_value
            if cell is None:
                continue
            if cur == cell.text:
                continue
            is_date = (col.spec is not None and col.spec.kind == "date") or (
                sheet == METRICS_SHEET and col.key == "date"
            )
            show_old = cell_date_text(cur) if is_date and isinstance(cur_value, float) else cur
            show_new = cell_date_text(cell.text) if is_date and cell.is_number else cell.text
            edited = stored.get(col.key) != digest(cur)
            self.differences.append(
                Difference(
                    sheet=sheet,
                    row=row,
                    seq=seq,
                    file=file,
                    column=col.header,
                    old=show_old,
                    new=show_new,
                    kept=edited,
                )
            )
            if edited:
                continue
            style = cur_styles.get(col.key)
            style_id = ctx.styles[cell.style] if style is None or style in tool_ids else style
            ref = f"{col_letter(colmap[col.key])}{row}"
            changes[colmap[col.key]] = _cell_xml(x, ref, cell, style_id)
            digests[col.key] = digest(cell.text)
            final[col.key] = cell.value if cell.text else None
            if sheet == LEDGER_SHEET and ctx.config.comments:
                if cell.comment:
                    self._refresh_comments[ref] = cell.comment
                elif cur:
                    self._refresh_comments[ref] = "（重新抽取后此项为空，原来的出处已不适用）"
        return changes, digests, final

    def _refresh(self, record: Record, rv, seq: int | None) -> None:
        ctx, shared = self.ctx, self.shared
        x = CellXML(self.lscan.prefix)
        new = ledger_cells(
            record,
            ctx.lcols,
            ctx.schema,
            seq=seq or 0,
            now=ctx.now,
            ledger=ctx.out,
            comments=ctx.config.comments,
            fit=self.fit,
            money=ctx.config.money_unit,
        )
        stored = parse_digests(canonical(shared, rv.values.get("tool")))
        file_text = canonical(shared, rv.values.get("file"))
        if not hasattr(self, "_refresh_comments"):
            self._refresh_comments = {}
        changes, digests, _ = self._compare(
            sheet=LEDGER_SHEET,
            row=rv.row,
            seq=seq,
            file=file_text,
            cols=ctx.lcols,
            colmap=self.lcol,
            current=rv.values,
            cur_styles=rv.styles,
            stored=stored,
            new=new,
            x=x,
        )
        if changes and "tool" in self.lcol:
            tool = ";".join(f"{k}={v}" for k, v in digests.items())
            col = self.lcol["tool"]
            changes[col] = x.text(f"{col_letter(col)}{rv.row}", ctx.styles[st.TEXT], tool)
        fp_col = self.lcol.get("fingerprint")
        if fp_col and canonical(shared, rv.values.get("fingerprint")) != new["fingerprint"].text:
            changes[fp_col] = _cell_xml(
                x, f"{col_letter(fp_col)}{rv.row}", new["fingerprint"], ctx.styles[st.TEXT]
            )
        if changes:
            self.ledger_patches[rv.row] = changes

        # 工作数据: pair the report's existing rows with the re-extracted metrics in order
        mx = CellXML(self.mscan.prefix)
        old_rows = sorted(
            (r for r in self.mscan.rows if r.values.get("sha256") == record.sha256), key=lambda r: r.row
        )
        new_rows = metric_rows(record, ctx.mcols, ctx.schema, seq=seq or 0, ledger_cells_=new)
        for i in range(max(len(old_rows), len(new_rows))):
            if i >= len(old_rows):
                self.metric_refresh_new.append(new_rows[i])
                continue
            old = old_rows[i]
            stored = parse_digests(canonical(shared, old.values.get("tool")))
            cells = new_rows[i] if i < len(new_rows) else {}
            changes, digests, final = self._compare(
                sheet=METRICS_SHEET,
                row=old.row,
                seq=seq,
                file=file_text,
                cols=ctx.mcols,
                colmap=self.mcol,
                current=old.values,
                cur_styles=old.styles,
                stored=stored,
                new=cells,
                x=mx,
                clear=i >= len(new_rows),
            )
            if not changes:
                continue
            if "tool" in self.mcol:
                col = self.mcol["tool"]
                changes[col] = mx.text(
                    f"{col_letter(col)}{old.row}",
                    ctx.styles[st.TEXT],
                    ";".join(f"{k}={v}" for k, v in digests.items()),
                )
            self.metric_patches[old.row] = changes
            self._retotal(old.values, -1)
            self._retotal(final, +1)

    def _retotal(self, values: dict, sign: int) -> None:
        shared = self.shared

        def text(v) -> str:
            return shared.text(v) if v is not None else ""

        date = values.get("date")
        value = values.get("value")
        number = value if isinstance(value, (int, float)) and not isinstance(value, SharedRef) else None
        self.totals.add(
            text(values.get("indicator")),
            text(values.get("unit")),
            text(values.get("organizer")),
            date if isinstance(date, float) else None,
            sign * (number or 0.0),
            sign,
        )

    # ----------------------------------------------------------------------------------- writing
    def write(self, tmp: Path) -> LedgerResult:
        base, ctx = self.base, self.ctx
        if not hasattr(self, "_refresh_comments"):
            self._refresh_comments = {}
        ledger_part = self.parts[LEDGER_SHEET]
        metrics_part, problems_part = self.parts[METRICS_SHEET], self.parts[PROBLEMS_SHEET]
        summary_part = self.parts[SUMMARY_SHEET]
        names = set(base.infos)

        # relationships of 台账: comments, VML, hyperlinks
        lrels, ids = base.rels(ledger_part, skip_type=T_HYPERLINK)
        self.lrel_ids = RelIds(ids)
        self.new_ledger_rels: list[tuple[str, str, str, bool]] = []
        content_overrides: dict[str, str] = {}
        content_defaults: dict[str, str] = {}
        comments_part = next((resolve(ledger_part, r.target) for r in lrels if r.type == T_COMMENTS), None)
        vml_part = next((resolve(ledger_part, r.target) for r in lrels if r.type == T_VML), None)
        comments_part = comments_part if comments_part in names else None
        vml_part = vml_part if vml_part in names else None
        want_notes = ctx.config.comments and bool(self.new_reports or self._refresh_comments)
        new_comments = new_vml = False
        legacy_rid = None
        if want_notes and comments_part is None:
            comments_part = _unique(names, "xl/comments/comment{}.xml")
            rid = self.lrel_ids.new()
            self.new_ledger_rels.append((rid, T_COMMENTS, relative(ledger_part, comments_part), False))
            content_overrides["/" + comments_part] = CT_COMMENTS
            new_comments = True
        if want_notes and vml_part is None:
            vml_part = _unique(names, "xl/drawings/vmlDrawing{}.vml")
            legacy_rid = self.lrel_ids.new()
            self.new_ledger_rels.append((legacy_rid, T_VML, relative(ledger_part, vml_part), False))
            content_defaults["vml"] = CT_VML
            new_vml = True
        self.comment_prefix, self.author = ("", 0)
        if comments_part and not new_comments:
            self.comment_prefix, self.author = notes.comments_prefix_and_author(base, comments_part)
        replace_notes: dict[str, str] = {}
        first_notes: dict[str, str] = {}
        if self._refresh_comments:
            have = (
                notes.comment_refs(base, comments_part, {split_ref(r)[0] for r in self._refresh_comments})
                if comments_part and not new_comments
                else set()
            )
            for ref, text in self._refresh_comments.items():
                (replace_notes if ref in have else first_notes)[ref] = text

        # summary sheet: its drawing and chart parts
        srels, _ = base.rels(summary_part)
        drawing_part = next((resolve(summary_part, r.target) for r in srels if r.type == T_DRAWING), None)
        chart_part = None
        if drawing_part and drawing_part in names:
            drels, _ = base.rels(drawing_part)
            chart_part = next((resolve(drawing_part, r.target) for r in drels if r.type == T_CHART), None)
        else:
            drawing_part = _unique(names, "xl/drawings/drawing{}.xml")
        if not chart_part or chart_part not in names:
            chart_part = _unique(names, "xl/charts/chart{}.xml")
        content_overrides["/" + drawing_part] = CT_DRAWING
        content_overrides["/" + chart_part] = CT_CHART

        rewritten = {
            ledger_part,
            metrics_part,
            problems_part,
            summary_part,
            rels_name(ledger_part),
            rels_name(summary_part),
            drawing_part,
            rels_name(drawing_part),
            chart_part,
            self.wb_part,
            "[Content_Types].xml",
        }
        if comments_part:
            rewritten.add(comments_part)
        if vml_part:
            rewritten.add(vml_part)
        if self.new_styles is not None:
            rewritten.add(self.styles_part)

        writer = PackageWriter(tmp)
        try:
            for name in base.infos:
                if name not in rewritten:
                    writer.copy(base, name)
            with (
                tempfile.TemporaryFile() as note_spool,
                tempfile.TemporaryFile() as ref_spool,
                tempfile.TemporaryFile() as metric_spool,
            ):
                for ref, text in first_notes.items():
                    note_spool.write(
                        notes.comment(ref, self.author, text, self.comment_prefix).encode("utf-8")
                    )
                    ref_spool.write(ref.encode() + b"\n")
                self.filter_refs: dict[str, str] = {}
                self._write_ledger(writer, ledger_part, note_spool, ref_spool, metric_spool, legacy_rid)
                self._write_metrics(writer, metrics_part, metric_spool)
                self._write_problems(writer, problems_part)
                # comments and their VML shapes
                note_count = 0
                if comments_part:
                    note_spool.seek(0)
                    with writer.stream(comments_part, base.infos.get(comments_part), BIG_PART_LEVEL) as dst:
                        if new_comments:
                            notes.write_new_comments(dst, _read_chunks(note_spool))
                        else:
                            with base.open(comments_part) as src:
                                notes.rewrite_comments(
                                    src, dst, replace=replace_notes, add=_read_chunks(note_spool)
                                )
                if vml_part:
                    ref_spool.seek(0)
                    note_count = sum(1 for _ in ref_spool)
                    ref_spool.seek(0)
                    vml_parts = [n for n in base.infos if n.endswith(".vml")]
                    blocks = notes.blocks_for(note_count, notes.idmap_blocks(base, vml_parts))
                    refs = (line.decode().strip() for line in ref_spool)
                    with writer.stream(vml_part, base.infos.get(vml_part), BIG_PART_LEVEL) as dst:
                        if new_vml:
                            notes.write_new_vml(dst, refs, blocks)
                        else:
                            with base.open(vml_part) as src:
                                notes.rewrite_vml(src, dst, refs, blocks)
            self._write_ledger_rels(writer, ledger_part)
            self._write_summary(writer, summary_part, drawing_part, chart_part)
            if self.new_styles is not None:
                writer.write(self.styles_part, self.new_styles, base.infos[self.styles_part])
            writer.write(self.wb_part, self._workbook_xml(), base.infos[self.wb_part])
            writer.write(
                "[Content_Types].xml",
                self._content_types(content_overrides, content_defaults),
                base.infos.get("[Content_Types].xml"),
            )
        finally:
            writer.close()
        return LedgerResult(
            path=ctx.out,
            created=ctx.fresh,
            added=tuple(self.result_added),
            skipped=tuple(self.skipped),
            differences=tuple(self.differences),
            problems_added=len(self.problem_rows),
            warnings=tuple(self.warnings),
        )

    # 台账 ----------------------------------------------------------------------------------------
    def _write_ledger(
        self,
        writer: PackageWriter,
        part: str,
        note_spool: IO[bytes],
        ref_spool: IO[bytes],
        metric_spool: IO[bytes],
        legacy_rid: str | None,
    ) -> SheetEdit:
        ctx = self.ctx
        scan = self.lscan
        x = CellXML(scan.prefix)
        mx = CellXML(self.mscan.prefix)
        last_col = max(self.lcol.values(), default=1)
        if scan.header:
            last_col = max(last_col, scan.header.last_col)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.lcol,
            last_col=last_col,
            first_new_row=self.ledger_first_new,
            patches=self.ledger_patches,
            new_rows=len(self.new_reports),
            legacy_rid=legacy_rid,
            font_size=ctx.config.fonts.body_size,
        )
        medit = self._metrics_edit = SheetEdit(
            part=self.parts[METRICS_SHEET],
            scan=self.mscan,
            columns=self.mcol,
            last_col=1,
            first_new_row=self.metric_next_row,
            font_size=ctx.config.fonts.body_size,
        )
        with self.base.open(medit.part) as src:
            medit.widths, medit.default_width = column_widths(
                split(src, container=b"sheetData", element=b"row").head
            )
        if scan.header is None:
            with self.base.open(part) as src:
                widths, default = column_widths(split(src, container=b"sheetData", element=b"row").head)
            edit.prelude = self._ledger_prelude(x, widths, default)
        self.hyperlink_rels: list[tuple[str, str]] = []
        comments = ctx.config.comments
        author, cprefix = self.author, self.comment_prefix
        styles = ctx.styles
        # 工作数据 rows of --refresh come first, then those of the new reports
        metric_row = self.metric_next_row
        for cells in self.metric_refresh_new:
            metric_spool.write(
                mx.row(
                    metric_row,
                    _row_cells(mx, metric_row, cells, self.mcol, styles),
                    medit.height(cells, self.mcol),
                ).encode("utf-8")
            )
            self._totals_add(cells)
            metric_row += 1
        file_col = self.lcol.get("file")

        def rows() -> Iterator[str]:
            nonlocal metric_row
            for report in self.new_reports:
                record = self.records[report.item.index]
                cells = ledger_cells(
                    record,
                    ctx.lcols,
                    ctx.schema,
                    seq=report.seq,
                    now=ctx.now,
                    ledger=ctx.out,
                    comments=comments,
                    fit=self.fit,
                    money=ctx.config.money_unit,
                )
                if comments:
                    for key, cell in cells.items():
                        if cell.comment and key in self.lcol:
                            ref = f"{col_letter(self.lcol[key])}{report.row}"
                            note_spool.write(
                                notes.comment(ref, author, cell.comment, cprefix).encode("utf-8")
                            )
                            ref_spool.write(ref.encode() + b"\n")
                if file_col and cells["file"].link:
                    rid = self.lrel_ids.new()
                    edit.hyperlinks.append((f"{col_letter(file_col)}{report.row}", rid))
                    self.hyperlink_rels.append((rid, cells["file"].link))
                for mcells in metric_rows(record, ctx.mcols, ctx.schema, seq=report.seq, ledger_cells_=cells):
                    metric_spool.write(
                        mx.row(
                            metric_row,
                            _row_cells(mx, metric_row, mcells, self.mcol, styles),
                            medit.height(mcells, self.mcol),
                        ).encode("utf-8")
                    )
                    self._totals_add(mcells)
                    metric_row += 1
                yield x.row(
                    report.row,
                    _row_cells(x, report.row, cells, self.lcol, styles),
                    edit.height(cells, self.lcol),
                )

        self._rewrite_sheet(writer, part, edit, rows())
        self.ledger_last_row = edit.last_row
        return edit

    def _ledger_prelude(self, x: CellXML, widths: dict[int, float], default: float) -> list[str]:
        ctx, s = self.ctx, self.ctx.styles
        cfg = ctx.config
        visible = [c for c in ctx.lcols if c.printed] or [c for c in ctx.lcols if not c.hidden]
        half = max(2, len(visible) // 2)
        unit = cfg.unit or "＿" * 12
        title = x.row(
            1,
            [x.text("A1", s[st.TITLE], cfg.title)]
            + [x.blank(f"{col_letter(i)}1", s[st.TITLE]) for i in range(2, len(visible) + 1)],
            ' ht="36" customHeight="1"',
        )
        info = x.row(
            2,
            [
                x.text("A2", s[st.INFO], f"{cfg.unit_label}：{unit}"),
                x.text(
                    f"{col_letter(half + 1)}2",
                    s[st.INFO_RIGHT],
                    f"{cfg.date_label}：{ctx.now.date().isoformat()}",
                ),
            ],
            ' ht="22" customHeight="1"',
        )
        lines = max(
            wrapped_lines(c.header, widths.get(i, default), cfg.fonts.header_size)
            for i, c in enumerate(ctx.lcols, 1)
            if not c.hidden
        )
        header = x.row(
            LEDGER_HEADER_ROW,
            [
                x.text(f"{col_letter(i)}{LEDGER_HEADER_ROW}", s[st.HEADER], c.header)
                for i, c in enumerate(ctx.lcols, 1)
            ],
            f' ht="{max(24.0, row_height(lines, cfg.fonts.header_size))}"',
        )
        return [title, info, header]

    def _totals_add(self, cells: dict[str, Cell]) -> None:
        def text(key: str) -> str:
            c = cells.get(key)
            return c.text if c is not None else ""

        date = cells.get("date")
        value = cells.get("value")
        self.totals.add(
            text("indicator"),
            text("unit"),
            text("organizer"),
            float(date.value) if date is not None and date.is_number else None,
            float(value.value) if value is not None and value.is_number else 0.0,
            1,
        )

    # 工作数据 / 处理异常 ----------------------------------------------------------------------------
    def _write_metrics(self, writer: PackageWriter, part: str, spool: IO[bytes]) -> None:
        scan = self.mscan
        x = CellXML(scan.prefix)
        total = len(self.metric_refresh_new) + sum(r.item.metrics for r in self.new_reports)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.mcol,
            last_col=max([*self.mcol.values(), scan.header.last_col if scan.header else 1]),
            first_new_row=self.metric_next_row,
            patches=self.metric_patches,
            new_rows=total,
        )
        if scan.header is None:
            edit.prelude = [
                x.row(
                    1,
                    [
                        x.text(f"{col_letter(i)}1", self.ctx.styles[st.HEADER], c.header)
                        for i, c in enumerate(self.ctx.mcols, 1)
                    ],
                    ' ht="24" customHeight="1"',
                )
            ]
        spool.seek(0)
        self._rewrite_sheet(writer, part, edit, _read_chunks(spool))

    def _write_problems(self, writer: PackageWriter, part: str) -> None:
        scan = self.pscan
        x = CellXML(scan.prefix)
        edit = SheetEdit(
            part=part,
            scan=scan,
            columns=self.pcol,
            last_col=max([*self.pcol.values(), scan.header.last_col if scan.header else 1]),
            first_new_row=self.problem_first_new,
            new_rows=len(self.problem_rows),
        )
        if scan.header is None:
            edit.prelude = [
                x.row(
                    1,
                    [
                        x.text(f"{col_letter(i)}1", self.ctx.styles[st.HEADER], c.header)
                        for i, c in enumerate(PROBLEM_COLUMNS, 1)
                    ],
                    ' ht="24" customHeight="1"',
                )
            ]
        edit.font_size = self.ctx.config.fonts.body_size
        rows = (
            x.row(
                edit.first_new_row + i,
                _row_cells(x, edit.first_new_row + i, cells, self.pcol, self.ctx.styles),
                edit.height(cells, self.pcol),
            )
            for i, cells in enumerate(self.problem_rows)
        )
        self._rewrite_sheet(writer, part, edit, rows)

    def _rewrite_sheet(
        self, writer: PackageWriter, part: str, edit: SheetEdit, new_rows: Iterable[str | bytes]
    ) -> None:
        """Stream a worksheet: rows copied (or patched), new rows after the last filled row, tail updated."""
        base = self.base
        emit_from = 1 if edit.prelude else edit.first_new_row
        last_new = edit.first_new_row + edit.new_rows - 1
        with base.open(part) as src, writer.stream(part, base.infos[part], BIG_PART_LEVEL) as dst:
            parts = split(src, container=b"sheetData", element=b"row")
            edit.widths, edit.default_width = column_widths(parts.head)
            head = ensure_r_namespace(parts.head)
            head = set_dimension(head, max(edit.last_row, len(edit.prelude)), edit.last_col)
            dst.write(head)
            emitted = False

            def emit() -> None:
                for row in edit.prelude:
                    dst.write(row.encode("utf-8"))
                batch: list[str] = []
                for row in new_rows:
                    if isinstance(row, bytes):
                        dst.write(row)
                        continue
                    batch.append(row)
                    if len(batch) >= 500:
                        dst.write("".join(batch).encode("utf-8"))
                        batch = []
                dst.write("".join(batch).encode("utf-8"))

            previous = 0
            if not edit.patches and not edit.prelude and edit.scan.max_row < edit.first_new_row:
                parts.copy_elements(dst)  # nothing changes in the old rows: copy them in chunks
            for raw in [] if parts.tail else parts.elements():
                r = row_number(raw, previous)
                previous = r
                if not emitted and r >= emit_from:
                    emit()
                    emitted = True
                if emit_from <= r <= max(last_new, len(edit.prelude)) and row_is_empty(raw):
                    continue  # an empty (formatting-only) row where new rows go
                if r in edit.patches:
                    dst.write(patch_row(raw, r, edit.patches[r]))
                else:
                    dst.write(raw)
            if not emitted:
                emit()
            dst.write(parts.between)
            tail = edit_tail(head, parts.tail, edit)
            dst.write(tail)
            self.filter_refs[part] = _filter_ref(tail)

    # relationships, summary, workbook, content types ----------------------------------------------
    def _write_ledger_rels(self, writer: PackageWriter, part: str) -> None:
        name = rels_name(part)
        new = [(rid, T_HYPERLINK, target, True) for rid, target in self.hyperlink_rels] + self.new_ledger_rels
        entries = "".join(
            f'<Relationship Id="{rid}" Type="{typ}" Target="{_attr(target)}"'
            + (' TargetMode="External"' if external else "")
            + "/>"
            for rid, typ, target, external in new
        )
        if self.base.has(name):
            if not new:
                writer.copy(self.base, name)
                return
            data = self.base.read(name)
            end = data.rfind(b"</")
            if re.search(rb"<(?:\w+:)?Relationships\b[^>]*/>\s*$", data):  # <Relationships/>
                m = re.search(rb"<(?:\w+:)?Relationships\b[^>]*/>", data)
                data = (
                    data[: m.start()]
                    + f'<Relationships xmlns="{PKG_REL_NS}">'.encode()
                    + entries.encode("utf-8")
                    + b"</Relationships>"
                    + data[m.end() :]
                )
            else:
                data = data[:end] + entries.encode("utf-8") + data[end:]
            writer.write(name, data, self.base.infos[name])
        elif new:
            writer.write(name, _rels_xml(entries))

    def _write_summary(self, writer: PackageWriter, part: str, drawing: str, chart: str) -> None:
        ctx = self.ctx
        letters = {
            k: col_letter(self.mcol[k]) if k in self.mcol else "ZZ"
            for k in ("indicator", "unit", "value", "date", "organizer")
        }
        parts = build_summary(
            self.totals,
            MetricsColumns(**letters),
            ctx.styles,
            metrics_sheet=METRICS_SHEET,
            canonical=set(ctx.schema.indicators),
            title=f"{ctx.config.title} · 统计汇总",
            footer=ctx.config.footer,
            header_size=ctx.config.fonts.header_size,
            money=ctx.config.money_unit,
        )
        infos = self.base.infos
        writer.write(part, parts.sheet, infos.get(part))
        writer.write(
            rels_name(part),
            _rels_xml(
                f'<Relationship Id="rId1" Type="{T_DRAWING}" Target="{_attr(relative(part, drawing))}"/>'
            ),
        )
        writer.write(drawing, parts.drawing, infos.get(drawing))
        writer.write(
            rels_name(drawing),
            _rels_xml(
                f'<Relationship Id="rId1" Type="{T_CHART}" Target="{_attr(relative(drawing, chart))}"/>'
            ),
        )
        writer.write(chart, parts.chart, infos.get(chart))

    def _workbook_xml(self) -> bytes:
        """workbook.xml with the filter ranges of the grown sheets and recalculation on open."""
        from lxml import etree

        data = self.base.read(self.wb_part)
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        ns = etree.QName(root).namespace or MAIN_NS
        changed = False
        names = root.find(f"{{{ns}}}definedNames")
        order = list(self.parts)
        if names is not None:
            for dn in names.findall(f"{{{ns}}}definedName"):
                if dn.get("name") != "_xlnm._FilterDatabase" or dn.get("localSheetId") is None:
                    continue
                try:
                    sheet = order[int(dn.get("localSheetId"))]
                except (ValueError, IndexError):
                    continue
                ref = self.filter_refs.get(self.parts[sheet])
                if ref:
                    first, _, end = ref.partition(":")
                    r1, c1 = split_ref(first)
                    r2, c2 = split_ref(end or first)
                    text = f"'{sheet}'!${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"
                    if dn.text != text:
                        dn.text = text
                        changed = True
        if names is not None and self._grow_print_area(names, ns, order):
            changed = True
        if self._problems_visibility(root, ns):
            changed = True
        calc = root.find(f"{{{ns}}}calcPr")
        if calc is None:
            calc = etree.SubElement(root, f"{{{ns}}}calcPr")
            for tag in (
                "oleSize",
                "customWorkbookViews",
                "pivotCaches",
                "smartTagPr",
                "smartTagTypes",
                "webPublishing",
                "fileRecoveryPr",
                "webPublishObjects",
                "extLst",
            ):
                later = root.find(f"{{{ns}}}{tag}")  # calcPr comes before these
                if later is not None:
                    later.addprevious(calc)
                    break
            changed = True
        if calc.get("fullCalcOnLoad") != "1":
            calc.set("fullCalcOnLoad", "1")
            changed = True
        if not changed:
            return data
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _problems_visibility(self, root, ns: str) -> bool:
        """处理异常 is hidden while it has no rows (so it prints no blank page), shown once it has."""
        sheets = root.find(f"{{{ns}}}sheets")
        if sheets is None:
            return False
        header = self.pscan.header.row if self.pscan.header else 1
        empty = not self.problem_rows and self.pscan.last_filled <= header
        for sheet in sheets.findall(f"{{{ns}}}sheet"):
            if sheet.get("name") != PROBLEMS_SHEET:
                continue
            if empty and sheet.get("state") in (None, "visible"):
                sheet.set("state", "hidden")
                return True
            if not empty and sheet.get("state") == "hidden":
                sheet.set("state", "visible")
                return True
        return False

    def _grow_print_area(self, names, ns: str, order: list[str]) -> bool:
        """The 台账's print area (one block of columns from row 1) reaches down to its last row."""
        changed = False
        for dn in names.findall(f"{{{ns}}}definedName"):
            if dn.get("name") != "_xlnm.Print_Area" or dn.get("localSheetId") is None:
                continue
            try:
                sheet = order[int(dn.get("localSheetId"))]
            except (ValueError, IndexError):
                continue
            m = _PRINT_AREA.fullmatch((dn.text or "").strip())
            if sheet != LEDGER_SHEET or m is None or self.ledger_last_row is None:
                continue
            text = f"{m.group(1)}!$A$1:${m.group(2)}${max(self.ledger_last_row, LEDGER_HEADER_ROW)}"
            if dn.text != text:
                dn.text = text
                changed = True
        return changed

    def _content_types(self, overrides: dict[str, str], defaults: dict[str, str]) -> bytes:
        from lxml import etree

        data = self.base.read("[Content_Types].xml")
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        changed = False
        have_default = {el.get("Extension", "").lower() for el in root.findall(f"{{{CT_NS}}}Default")}
        have_override = {el.get("PartName") for el in root.findall(f"{{{CT_NS}}}Override")}
        for ext, ctype in defaults.items():
            if ext not in have_default:
                el = etree.Element(f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
                first_override = root.find(f"{{{CT_NS}}}Override")
                if first_override is not None:
                    first_override.addprevious(el)
                else:
                    root.append(el)
                changed = True
        for name, ctype in overrides.items():
            if name not in have_override:
                etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=name, ContentType=ctype)
                changed = True
        if not changed:
            return data
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _letters(col_of: dict[str, int], keys: Iterable[str]) -> dict[bytes, str]:
    return {col_letter(col_of[k]).encode(): k for k in keys if k in col_of}


def _unique(names: set[str], pattern: str) -> str:
    n = 1
    while pattern.format(n) in names:
        n += 1
    name = pattern.format(n)
    names.add(name)
    return name


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _rels_xml(entries: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f"{entries}</Relationships>"
    ).encode()


def _read_chunks(stream: IO[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk


_PRINT_AREA = re.compile(r"('[^']+'|[^!]+)!\$A\$1:\$([A-Z]{1,3})\$\d+")
_AF = re.compile(rb"<(?:\w+:)?autoFilter\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")


def _filter_ref(tail: bytes) -> str | None:
    m = _AF.search(tail)
    return m.group(1).decode() if m else None
