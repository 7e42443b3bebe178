"""Reading an existing ledger: its sheets, styles and shared strings; the rows of the reports coming in
(by SHA-256 and by title), the totals of 工作数据, the rows of 处理异常."""

from __future__ import annotations

from collections import defaultdict

from ...errors import OutputError
from ...model import Metric, Record
from . import styles as st
from .cells import (
    clean_text,
)
from .config import (
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEM_COLUMNS,
    PROBLEMS_SHEET,
    SHA_HEADER,
    SIGNATURE_MARK,
    SUMMARY_SHEET,
    Column,
)
from .package import (
    T_SHARED_STRINGS,
    T_STYLES,
    resolve,
)
from .plan import Incoming
from .reorder import formulas_movable, plain_number
from .rows import (
    norm_title,
)
from .scan import RowValues, SharedText, SheetScan, canonical, read_cells, scan_sheet, seq_number
from .sheetxml import (
    letters_of,
)
from .workspace import UpdateState
from .xmlstream import (
    _F,
    RowReader,
    SharedRef,
    cell_value,
    raw_number,
    row_values,
)


def col_map(cols: list[Column], scan: SheetScan, fresh: bool) -> tuple[dict[str, int], list[str]]:
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


# ------------------------------------------------------------------------------------ the writer


class LedgerReader(UpdateState):
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
            {SIGNATURE_MARK}
            | {c.header for c in ctx.lcols}
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
        shas |= {old for old, _ in self.ctx.replaces.values()}  # rows that a changed file may refresh
        found = shared.find(headers | titles | shas)
        self.shared_mark = found.get(SIGNATURE_MARK, -1)
        self.sha_by_index = {i: t for t, i in found.items() if t in shas}
        self.title_by_index = {i: norm_title(t) for t, i in found.items() if t in titles}
        self.incoming_shas = shas
        self.incoming_titles = {norm_title(t) for t in titles}

        self.present_raw = []
        self.lscan = self._scan_ledger()
        self.mscan = self._scan_metrics()
        self.pscan = self._scan_problems()
        refs: set[int] = set()
        for scan in (self.lscan, self.mscan, self.pscan):
            for row in scan.rows:
                refs.update(int(v) for v in row.values.values() if isinstance(v, SharedRef))
        refs.update(int(v) for key in self._metric_raw for v in key[:3] if isinstance(v, SharedRef))
        refs.update(int(v) for v in self.present_raw if isinstance(v, SharedRef))
        refs.update(int(v) for info in self.row_info for v in info[4:6] if isinstance(v, SharedRef))
        shared.resolve(refs)
        self.present = {t.strip() for t in (shared.text(v) for v in self.present_raw) if t.strip()}
        del self.present_raw
        for (ind, unit, org, date), (total, count) in self._metric_raw.items():
            self.totals.add(
                canonical(shared, ind), canonical(shared, unit), canonical(shared, org), date, total, count
            )

    def _incoming_row(self, raw: bytes, r: int, col_of: dict[str, int], sha: object) -> RowValues | None:
        """The row's cells when its SHA-256 (text or shared string) is one of the reports being written,
        else None."""
        if isinstance(sha, SharedRef):
            sha = self.sha_by_index.get(int(sha))
        if isinstance(sha, str) and sha.strip() in self.incoming_shas:
            values, styles = read_cells(raw, r, col_of)
            values["sha256"] = sha.strip()
            return RowValues(row=r, values=values, styles=styles)
        return None

    def _title_text(self, record: Record) -> str:
        if "title" not in self.ctx.schema:
            return ""
        return clean_text(str(record.value("title") or ""))

    def _scan_ledger(self) -> SheetScan:
        ctx = self.ctx
        col_of: dict[str, int] = {}
        first: dict[bytes, str] = {}
        second: dict[bytes, str] = {}
        mark = self.shared_mark
        header_row = [0]
        self.row_info = []  # (row, program, signature, movable, date, seq, empty) of every row below the header

        def keep(r: int, raw: bytes, scan: SheetScan):
            if not col_of:
                col_of.update(col_map(ctx.lcols, scan, False)[0])
                first.update(letters_of(col_of, ("seq", "sha256", "title", "date")))
                second.update(letters_of(col_of, ("date", "fingerprint", "file")))
                header_row[0] = scan.header.row if scan.header else 0
            v = row_values(raw, first, r)
            seq = seq_number(v.get("seq"))
            if seq is not None:
                scan.max_seq = max(scan.max_seq, seq)
            sha = v.get("sha256")
            signature = sha == SIGNATURE_MARK or (isinstance(sha, SharedRef) and int(sha) == mark)
            formula = b"<f" in raw or (b":f" in raw and _F.search(raw) is not None)
            movable = not formula or formulas_movable(raw, r, header_row[0])
            program = not signature and (
                isinstance(sha, SharedRef) or (isinstance(sha, str) and bool(sha.strip()))
            )
            self.row_info.append((r, program, signature, movable, v.get("date"), v.get("seq"), False))
            if signature:
                return None
            if sha is not None:
                self.present_raw.append(sha)
            incoming = self._incoming_row(raw, r, col_of, sha)
            if incoming is not None:
                return incoming
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
            on_empty=lambda r: self.row_info.append((r, False, False, True, None, None, True)),
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
        self.metrics_plain = True  # every 序号 of 工作数据 is written the usual way (ordering.py)

        def keep(r: int, raw: bytes, scan: SheetScan):
            if not col_of:
                col_of.update(col_map(ctx.mcols, scan, False)[0])
                wanted.update(letters_of(col_of, ("indicator", "unit", "organizer", "date", "value", "seq")))
                sha_col.update(letters_of(col_of, ("sha256",)))
                reader.append(RowReader(wanted))
            cells = reader[0](raw)
            if self.metrics_plain and not plain_number(cells, "seq"):
                self.metrics_plain = False  # 序号 that follows 台账 is then changed row by row
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
            if self.ctx.refresh or self.ctx.replaces:
                return self._incoming_row(raw, r, col_of, row_values(raw, sha_col, r).get("sha256"))
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
                col_of.update(col_map(PROBLEM_COLUMNS, scan, False)[0])
                wanted.update(letters_of(col_of, ("file", "kind", "reason")))
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
