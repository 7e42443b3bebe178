"""Sheet 统计汇总: totals of each indicator as a clerk adds them up, as live SUMIFS formulas over 工作数据
(so they stay right after people edit 工作数据), with the values also cached for viewers that do not
calculate; and a bar chart of the main indicators of one counting unit.

A clerk's rules:
- counting units are normalised per indicator: people counted in 名 or 位 are 人 (人次 stays apart);
- figures of different years are never added up: one column per year (and one for reports whose date
  has no year), by indicator and by organizer;
- a blank cell, not 0, where nothing was reported; percentages are not summed;
- the printed page: headings kept with their table, the long list with its header repeated on every page.

The sheet is the program's own: it is rebuilt on every run from what 工作数据 holds then.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

from . import styles as st
from .cells import CellXML, col_letter, excel_serial, number_text, row_height, serial_date, xml_escape
from .config import SUMMARY_SHEET

NO_SUM_UNITS = ("%", "‰", "％")
MONEY_UNITS = ("元", "万元", "亿元", "千元")
# people: 名 and 位 are counted as 人; 人次 (attendances) is a unit of its own
UNIT_ALIASES = {"名": "人", "位": "人"}
MAIN_MAX = 10
CHART_ROWS = 16  # rows the chart takes below the first table
PAGE_ROWS = 34  # rows of one printed page (A4 landscape), for keeping headings with their table
BLANK_LABEL = "（未填写）"
NO_YEAR = 0  # the year of a row whose date has none
ROWS_IN_MEMORY = 2**20  # bytes of the sheet's rows kept in memory before they go to a temporary file
ROWS_CHUNK = 2**20


def norm_unit(unit: str) -> str:
    unit = unit.strip()
    return UNIT_ALIASES.get(unit, unit)


def unit_forms(unit: str) -> list[str]:
    """The units written in 工作数据 that count as `unit`: 人 → 人, 名, 位."""
    return [unit, *(a for a, u in UNIT_ALIASES.items() if u == unit)]


Key = tuple[str, str]  # (indicator, normalised unit)


@dataclass
class Totals:
    """Sums and row counts of 工作数据 by (indicator, unit) and year, by organizer and by month."""

    total: dict[tuple[str, str, int], float] = field(default_factory=lambda: defaultdict(float))
    count: dict[tuple[str, str, int], int] = field(default_factory=lambda: defaultdict(int))
    by_org: dict[tuple[str, str, str, int], float] = field(default_factory=lambda: defaultdict(float))
    org_count: dict[tuple[str, str, str, int], int] = field(default_factory=lambda: defaultdict(int))
    by_month: dict[tuple[dt.date, str, str], float] = field(default_factory=lambda: defaultdict(float))
    month_count: dict[tuple[dt.date, str, str], int] = field(default_factory=lambda: defaultdict(int))
    key_count: dict[Key, int] = field(default_factory=lambda: defaultdict(int))  # count summed over years

    def add(
        self, indicator: str, unit: str, organizer: str, date: float | None, value: float, count: int = 1
    ) -> None:
        """Add `count` rows of 工作数据 summing to `value` (negative to take rows away)."""
        indicator, unit, organizer = indicator.strip(), norm_unit(unit), organizer.strip()
        if not indicator or unit in NO_SUM_UNITS:
            return
        dated = date is not None and 1 <= date < 2958466
        day = serial_date(date) if dated and date is not None else None
        year = day.year if day else NO_YEAR
        self.total[(indicator, unit, year)] += value
        self.count[(indicator, unit, year)] += count
        self.key_count[(indicator, unit)] += count
        self.by_org[(organizer, indicator, unit, year)] += value
        self.org_count[(organizer, indicator, unit, year)] += count
        if day is not None:
            self.by_month[(day.replace(day=1), indicator, unit)] += value
            self.month_count[(day.replace(day=1), indicator, unit)] += count

    def keys(self) -> list[Key]:
        rows: dict[Key, int] = defaultdict(int)
        for (i, u, _), n in self.count.items():
            rows[(i, u)] += n
        return [k for k, n in rows.items() if n > 0]

    def rows(self, key: Key) -> int:
        """The rows of an indicator and unit over all years (kept as they are added: one look-up, not a
        pass over every count, for each of the table's rows)."""
        return self.key_count.get(key, 0)

    def years(self) -> list[int]:
        return sorted({y for (_, _, y), n in self.count.items() if n > 0}, key=lambda y: (y == NO_YEAR, y))


@dataclass(frozen=True)
class MetricsColumns:
    """Column letters of 工作数据 the formulas refer to."""

    indicator: str
    unit: str
    value: str
    date: str
    organizer: str


def _criterion(text: str) -> str:
    """An exact-match SUMIFS criterion as a formula string literal ("=…" with wildcards escaped)."""
    text = " ".join(text.split())
    text = text.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    if len(text) > 240:
        text = text[:240] + "*"
    return '"=' + text.replace('"', '""') + '"'


def _rng(sheet: str, col: str) -> str:
    return f"'{sheet}'!${col}:${col}"


@dataclass
class SummaryParts:
    """The sheet as its head, its rows (spooled: tens of MB of formulas for ten thousand reports) and its
    tail; write_sheet streams it. close() drops the spool."""

    head: bytes
    rows: IO[bytes]
    tail: bytes
    drawing: bytes
    chart: bytes

    def write_sheet(self, dst: IO[bytes]) -> None:
        dst.write(self.head)
        self.rows.seek(0)
        shutil.copyfileobj(self.rows, dst, ROWS_CHUNK)
        dst.write(self.tail)

    @property
    def sheet(self) -> bytes:
        """The whole sheet in memory (for tests and small sheets)."""
        self.rows.seek(0)
        return self.head + self.rows.read() + self.tail

    def close(self) -> None:
        self.rows.close()


@dataclass
class _Formulas:
    """SUMIFS/COUNTIFS text over 工作数据 for an indicator, its unit forms, and a year or organizer."""

    cols: MetricsColumns
    sheet: str

    def rng(self, key: str) -> str:
        return _rng(self.sheet, getattr(self.cols, key))

    def criteria(self, key: Key, unit: str, extra: str) -> str:
        return f"{self.rng('indicator')},{_criterion(key[0])},{self.rng('unit')},{_criterion(unit)}{extra}"

    def sums(self, key: Key, extra: str = "", func: str = "SUMIFS") -> str:
        values = f"{self.rng('value')}," if func == "SUMIFS" else ""
        return "+".join(f"{func}({values}{self.criteria(key, u, extra)})" for u in unit_forms(key[1]))

    def year(self, year: int) -> str:
        day = self.rng("date")
        if year == NO_YEAR:
            return ""
        return f',{day},">="&DATE({year},1,1),{day},"<"&DATE({year + 1},1,1)'

    def cell(self, key: Key, extra: str, year: int, scale: float) -> str:
        """The total, blank when no row counts; for NO_YEAR: all rows minus those with a date."""
        if year == NO_YEAR:
            dated = f',{self.rng("date")},">0"'
            count = f"({self.sums(key, extra, 'COUNTIFS')})-({self.sums(key, extra + dated, 'COUNTIFS')})"
            total = f"({self.sums(key, extra)})-({self.sums(key, extra + dated)})"
        else:
            count = self.sums(key, extra + self.year(year), "COUNTIFS")
            total = self.sums(key, extra + self.year(year))
        if scale != 1:
            total = f"({total})/{number_text(scale)}"
        return f'IF(({count})=0,"",{total})'


class _Rows:
    """The rows' XML as it is built, UTF-8 in a spool (in memory while small, then a temporary file): a
    list of the row strings, joined and encoded at the end, held the sheet three times over."""

    def __init__(self) -> None:
        self.spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=ROWS_IN_MEMORY)  # noqa: SIM115 (handed to SummaryParts)

    def append(self, row: str) -> None:
        self.spool.write(row.encode("utf-8"))


class _Sheet:
    """Rows of the sheet being built, with the page they fall on (for keeping headings with tables)."""

    def __init__(self, styles: dict[str, int]):
        self.x = CellXML("")
        self.s = styles
        self.rows = _Rows()
        self.merges: list[str] = []
        self.breaks: list[int] = []
        self.r = 0
        self.on_page = 0

    def add(self, cells: list[str], extra: str = "", weight: int = 1) -> int:
        self.r += 1
        self.on_page += weight
        self.rows.append(self.x.row(self.r, cells, extra))
        return self.r

    def skip(self, n: int = 1) -> None:
        self.r += n
        self.on_page += n

    def keep(self, rows: int) -> None:
        """Start a new page unless `rows` more fit on this one."""
        if self.on_page + rows > PAGE_ROWS and self.on_page > 0:
            self.breaks.append(self.r)
            self.on_page = 0

    def text(self, col: int, style: str, text: str) -> str:
        return self.x.text(f"{col_letter(col)}{self.r + 1}", self.s[style], text)

    def value(self, col: int, formula: str, cached: float | None, integral: bool) -> str:
        ref = f"{col_letter(col)}{self.r + 1}"
        style = self.s[st.COUNT if integral else st.NUMBER]
        if cached is None:
            return f'<c r="{ref}" s="{style}" t="str"><f>{xml_escape(formula)}</f><v></v></c>'
        return f'<c r="{ref}" s="{style}"><f>{xml_escape(formula)}</f><v>{number_text(round(cached, 10))}</v></c>'


def _label(key: Key, scale: float) -> str:
    unit = "万元" if scale != 1 else key[1]
    return unit


def _main(totals: Totals, canonical: set[str]) -> tuple[list[Key], list[Key]]:
    """(main indicators — the schema's ones first, then the most reported; all of them, main first)."""
    keys = totals.keys()
    keys.sort(key=lambda k: (k[0] not in canonical, -totals.rows(k), k))
    main: list[Key] = []
    for k in keys:
        if k[0] not in {m[0] for m in main} and len(main) < MAIN_MAX:
            main.append(k)
    return main, main + [k for k in keys if k not in main]


def build(
    totals: Totals,
    cols: MetricsColumns,
    styles: dict[str, int],
    *,
    metrics_sheet: str,
    canonical: set[str],
    title: str,
    footer: str,
    header_size: float = 11,
    money: str = "",
) -> SummaryParts:
    f = _Formulas(cols, metrics_sheet)
    sh = _Sheet(styles)
    main, every = _main(totals, canonical)
    years = totals.years()

    def scale(key: Key) -> float:
        return 10000.0 if money == "万元" and key[1] == "元" else 1.0

    width = max(4, 2 + len(years) + 1, 2 + len(main))
    last = col_letter(width)
    sh.add([sh.text(1, st.TITLE, title)], ' ht="30" customHeight="1"', weight=2)
    sh.merges.append(f"A1:{last}1")
    note = (
        f"本表的数字由“{metrics_sheet}”表自动算出，改了“{metrics_sheet}”表，打开本表时随之更新。"
        "同一项指标按计量单位分开统计（“名”“位”按“人”计，“人次”单列），百分比不合计；"
        "不同年份分列，不相加；“年份不明”是报告里没写年份的数据。空白表示没有报告这项数据。"
        "本表每次运行程序时重新生成，请不要在本表里修改。"
    )
    sh.add([sh.text(1, st.NOTE, note)], f' ht="{row_height(3, 10)}" customHeight="1"', weight=3)
    sh.merges.append(f"A2:{last}2")
    sh.skip()

    # 一、主要指标，按年份 ------------------------------------------------------------------------
    first_data = _year_table(sh, f, totals, "一、主要指标（按年份）", main, years, scale, header_size)
    chart_keys, chart_year = _chart_choice(totals, main, years)
    chart_at = sh.r + 1
    if chart_keys:
        sh.skip()
        sh.keep(CHART_ROWS)
        chart_at = sh.r + 1
        sh.skip(CHART_ROWS)
    sh.skip()

    # 二、按主办单位 -----------------------------------------------------------------------------
    _org_table(sh, f, totals, main, scale, header_size)
    sh.skip()

    # 三、按月份 ---------------------------------------------------------------------------------
    _month_table(sh, f, totals, main, scale, header_size)
    sh.skip()

    # 四、全部指标（原始清单，表头每页重复）------------------------------------------------------------
    _year_table(sh, f, totals, "四、全部指标", every, years, scale, header_size, repeat=True)

    chart_xml = ""
    if chart_keys:
        rows = [first_data + main.index(k) for k in chart_keys]
        col = col_letter(3 + years.index(chart_year))
        unit = _label(chart_keys[0], scale(chart_keys[0]))
        name = (
            f"{chart_year}年主要指标（单位：{unit}）"
            if chart_year != NO_YEAR
            else f"主要指标（单位：{unit}）"
        )
        chart_xml = _chart(
            rows,
            col,
            [k[0] for k in chart_keys],
            [totals.total.get((*k, chart_year), 0.0) / scale(k) for k in chart_keys],
            name,
        )
    head, tail = _sheet_xml(sh, width, years, footer)
    return SummaryParts(
        head=head.encode("utf-8"),
        rows=sh.rows.spool,
        tail=tail.encode("utf-8"),
        drawing=_drawing(chart_at - 1, CHART_ROWS, bool(chart_keys)).encode("utf-8"),
        chart=(chart_xml or _chart([], "C", [], [], "")).encode("utf-8"),
    )


def _header(sh: _Sheet, labels: Sequence[str], header_size: float) -> str:
    return sh.x.row(
        sh.r + 1,
        [sh.text(i, st.HEADER, h) for i, h in enumerate(labels, 1)],
        f' ht="{row_height(2 if any(len(h) > 7 for h in labels) else 1, header_size)}" customHeight="1"',
    )


def _year_label(year: int) -> str:
    return "年份不明" if year == NO_YEAR else f"{year}年"


def _year_table(
    sh: _Sheet,
    f: _Formulas,
    totals: Totals,
    heading: str,
    keys: list[Key],
    years: list[int],
    scale,
    header_size: float,
    *,
    repeat: bool = False,
) -> int:
    labels = ["指标", "单位", *(_year_label(y) for y in years), "条数"]
    sh.keep(2 + min(3, max(1, len(keys))))
    sh.add([sh.text(1, st.BLOCK, heading)])
    header = _header(sh, labels, header_size)
    sh.r += 1
    sh.on_page += 1
    sh.rows.append(header)
    first = sh.r + 1
    if not keys:
        sh.add([sh.text(1, st.TEXT, "（暂无工作数据）")])
    for k in keys:
        if repeat and sh.on_page >= PAGE_ROWS:  # a new page: its header again
            sh.breaks.append(sh.r)
            sh.on_page = 0
            sh.rows.append(_header(sh, labels, header_size))
            sh.r += 1
            sh.on_page += 1
        k_scale = scale(k)
        cells = [sh.text(1, st.TEXT, k[0]), sh.text(2, st.CENTER, _label(k, k_scale))]
        for j, y in enumerate(years, 3):
            n = totals.count.get((*k, y), 0)
            cached = totals.total.get((*k, y), 0.0) / k_scale if n else None
            integral = cached is None or float(cached).is_integer()
            cells.append(sh.value(j, f.cell(k, "", y, k_scale), cached, integral))
        n_all = totals.rows(k)
        cells.append(sh.value(3 + len(years), f"({f.sums(k, '', 'COUNTIFS')})", n_all, True))
        sh.add(cells)
    return first


def _org_table(sh: _Sheet, f: _Formulas, totals: Totals, main: list[Key], scale, header_size: float) -> None:
    pairs = sorted(
        {(o, y) for (o, i, u, y), n in totals.org_count.items() if n > 0 and (i, u) in main},
        key=lambda p: (p[1] == NO_YEAR, p[1], p[0]),
    )
    labels = ["主办单位", "年份", *(f"{k[0]}（{_label(k, scale(k))}）" if k[1] else k[0] for k in main)]
    sh.keep(2 + min(3, max(1, len(pairs))))
    sh.add([sh.text(1, st.BLOCK, "二、按主办单位（主要指标，分年份）")])
    sh.rows.append(_header(sh, labels, header_size))
    sh.r += 1
    sh.on_page += 1
    if not pairs:
        sh.add([sh.text(1, st.TEXT, "（暂无）")])
    for org, year in pairs:
        extra = f",{f.rng('organizer')},{_criterion(org)}"
        cells = [sh.text(1, st.TEXT, org or BLANK_LABEL), sh.text(2, st.CENTER, _year_label(year))]
        for j, k in enumerate(main, 3):
            n = totals.org_count.get((org, *k, year), 0)
            cached = totals.by_org.get((org, *k, year), 0.0) / scale(k) if n else None
            integral = cached is None or float(cached).is_integer()
            cells.append(sh.value(j, f.cell(k, extra, year, scale(k)), cached, integral))
        sh.add(cells)


def _month_table(
    sh: _Sheet, f: _Formulas, totals: Totals, main: list[Key], scale, header_size: float
) -> None:
    months = sorted({m for (m, i, u), n in totals.month_count.items() if n > 0 and (i, u) in main})
    labels = ["月份", *(f"{k[0]}（{_label(k, scale(k))}）" if k[1] else k[0] for k in main)]
    sh.keep(2 + min(3, max(1, len(months))))
    sh.add([sh.text(1, st.BLOCK, "三、按月份（主要指标）")])
    sh.rows.append(_header(sh, labels, header_size))
    sh.r += 1
    sh.on_page += 1
    if not months:
        sh.add([sh.text(1, st.TEXT, "（暂无）")])
    day = f.rng("date")
    for month in months:
        row = sh.r + 1
        cells = [sh.x.number(f"A{row}", sh.s[st.MONTH], int(excel_serial(month)))]
        extra = f',{day},">="&$A{row},{day},"<"&EDATE($A{row},1)'
        for j, k in enumerate(main, 2):
            n = totals.month_count.get((month, *k), 0)
            cached = totals.by_month.get((month, *k), 0.0) / scale(k) if n else None
            count = f.sums(k, extra, "COUNTIFS")
            total = f.sums(k, extra)
            if scale(k) != 1:
                total = f"({total})/{number_text(scale(k))}"
            integral = cached is None or float(cached).is_integer()
            cells.append(sh.value(j, f'IF(({count})=0,"",{total})', cached, integral))
        sh.add(cells)


def _chart_choice(totals: Totals, main: list[Key], years: list[int]) -> tuple[list[Key], int]:
    """The main indicators of the unit most of them share, for the latest year they were reported in;
    none when fewer than two indicators share a unit (a chart never mixes units)."""
    by_unit: dict[str, list[Key]] = defaultdict(list)
    for k in main:
        if k[1] not in MONEY_UNITS:
            by_unit[k[1]].append(k)
    if not by_unit:
        return [], NO_YEAR
    _, keys = max(by_unit.items(), key=lambda kv: (len(kv[1]), -main.index(kv[1][0])))

    def reported(y: int) -> list[Key]:
        return [k for k in keys if totals.count.get((*k, y), 0)]

    # the year with the most of them reported (the latest of equals); a chart never mixes years
    year = max((y for y in years if y != NO_YEAR), key=lambda y: (len(reported(y)), y), default=NO_YEAR)
    keys = reported(year)
    if len(keys) < 2:
        return [], NO_YEAR
    return keys, year


def _sheet_xml(sh: _Sheet, width: int, years: list[int], footer: str) -> tuple[str, str]:
    """The sheet's XML before its rows and after them."""
    widths = [24, 10] + [12] * max(0, width - 2)
    cols_xml = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1)
    )
    merge_xml = (
        f'<mergeCells count="{len(sh.merges)}">'
        + "".join(f'<mergeCell ref="{m}"/>' for m in sh.merges)
        + "</mergeCells>"
    )
    breaks = sorted(set(b for b in sh.breaks if b > 0))
    breaks_xml = (
        f'<rowBreaks count="{len(breaks)}" manualBreakCount="{len(breaks)}">'
        + "".join(f'<brk id="{b}" max="16383" man="1"/>' for b in breaks)
        + "</rowBreaks>"
        if breaks
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{col_letter(len(widths))}{max(sh.r, 1)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols_xml}</cols><sheetData>"
    ), (
        f"</sheetData>{merge_xml}"
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter><oddFooter>{xml_escape('&C' + footer) if footer else ''}</oddFooter></headerFooter>"
        f'{breaks_xml}<drawing r:id="rId1"/></worksheet>'
    )


def _drawing(first_row: int, rows: int, chart: bool) -> str:
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    )
    if not chart:
        return head + "</xdr:wsDr>"
    return (
        head + '<xdr:twoCellAnchor editAs="oneCell">'
        f"<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{first_row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{first_row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="主要指标图"/><xdr:cNvGraphicFramePr/>'
        '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    )


def _chart(rows: list[int], col: str, labels: list[str], values: list[float], name: str) -> str:
    sheet = SUMMARY_SHEET
    font = '<a:latin typeface="宋体"/><a:ea typeface="宋体"/>'
    refs = "(" + ",".join(f"'{sheet}'!$A${r}" for r in rows) + ")" if rows else f"'{sheet}'!$A$1"
    vrefs = "(" + ",".join(f"'{sheet}'!${col}${r}" for r in rows) + ")" if rows else f"'{sheet}'!$C$1"
    if len(rows) > 1 and rows == list(range(rows[0], rows[0] + len(rows))):
        refs = f"'{sheet}'!$A${rows[0]}:$A${rows[-1]}"
        vrefs = f"'{sheet}'!${col}${rows[0]}:${col}${rows[-1]}"
    pts_s = "".join(f'<c:pt idx="{i}"><c:v>{xml_escape(t)}</c:v></c:pt>' for i, t in enumerate(labels))
    pts_n = "".join(
        f'<c:pt idx="{i}"><c:v>{number_text(round(v, 10))}</c:v></c:pt>' for i, v in enumerate(values)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<c:roundedCorners val="0"/><c:chart>'
        '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1">'
        f'{font}</a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1">{font}</a:rPr><a:t>{xml_escape(name)}</a:t></a:r>'
        '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>合计</c:v></c:tx>'
        '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
        '<c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f'<c:cat><c:strRef><c:f>{xml_escape(refs)}</c:f><c:strCache><c:ptCount val="{len(labels)}"/>'
        f"{pts_s}</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{xml_escape(vrefs)}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="{len(values)}"/>{pts_n}</c:numCache></c:numRef></c:val></c:ser>'
        '<c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>'
        '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">{font}</a:defRPr></a:pPr>'
        '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>'
    )
