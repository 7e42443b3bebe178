"""Sheet 统计汇总: totals of each indicator, by organizer and by month, as live SUMIFS formulas over
工作数据 (so they stay right after people edit 工作数据), with the values also cached for viewers that
do not calculate; and a native bar chart of the main indicators.

The sheet is the program's own: it is rebuilt on every run from what 工作数据 holds then.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from . import styles as st
from .cells import (
    CellXML,
    col_letter,
    excel_serial,
    number_text,
    row_height,
    serial_date,
    wrapped_lines,
    xml_escape,
)
from .config import SUMMARY_SHEET

NO_SUM_UNITS = ("%", "‰", "％")
MONEY_UNITS = ("元", "万元", "亿元", "千元")
MAIN_MAX = 10
CHART_ROWS = 20  # rows the chart covers, beside the first block
BLANK_LABEL = "（未填写）"


@dataclass
class Totals:
    """Sums of 工作数据 by (indicator, unit), by (organizer, indicator, unit) and by (month, indicator, unit)."""

    total: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    count: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    by_org: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    by_month: dict[tuple[dt.date, str, str], float] = field(default_factory=lambda: defaultdict(float))

    def add(
        self, indicator: str, unit: str, organizer: str, date: float | None, value: float, count: int = 1
    ) -> None:
        """Add `count` rows of 工作数据 summing to `value` (negative to take rows away)."""
        indicator, unit, organizer = indicator.strip(), unit.strip(), organizer.strip()
        if not indicator or unit in NO_SUM_UNITS:
            return
        key = (indicator, unit)
        self.count[key] += count
        self.total[key] += value
        self.by_org[(organizer, indicator, unit)] += value
        if date is not None and 1 <= date < 2958466:
            self.by_month[(serial_date(date).replace(day=1), indicator, unit)] += value


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
    sheet: bytes
    drawing: bytes
    chart: bytes


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
) -> SummaryParts:
    x = CellXML("")
    s = styles
    keys = [k for k, n in totals.count.items() if n > 0]
    # main indicators: the schema's (normalised) ones first, then by how often they occur; one unit each
    keys.sort(key=lambda k: (k[0] not in canonical, -totals.count[k], k))
    main: list[tuple[str, str]] = []
    for k in keys:
        if k[0] not in {m[0] for m in main} and len(main) < MAIN_MAX:
            main.append(k)
    block1 = main + [k for k in keys if k not in main]
    vals = _rng(metrics_sheet, cols.value)
    ind = _rng(metrics_sheet, cols.indicator)
    unit = _rng(metrics_sheet, cols.unit)
    org = _rng(metrics_sheet, cols.organizer)
    day = _rng(metrics_sheet, cols.date)

    rows: list[str] = []
    merges: list[str] = []
    width = max(4, 1 + len(main))
    last = col_letter(width)
    rows.append(x.row(1, [x.text("A1", s[st.TITLE], title)], ' ht="30" customHeight="1"'))
    merges.append(f"A1:{last}1")
    note = (
        f"以下数字是对“{metrics_sheet}”表的公式（SUMIFS），改动“{metrics_sheet}”后自动更新；"
        "单位不同的分开合计，百分比不合计。本表由程序每次运行时重新生成，请不要在本表手工修改。"
    )
    rows.append(x.row(2, [x.text("A2", s[st.INFO], note)]))
    merges.append(f"A2:{last}2")

    r = 4
    rows.append(x.row(r, [x.text(f"A{r}", s[st.BLOCK], "一、各项指标合计")]))
    r += 1
    rows.append(
        x.row(
            r, [x.text(f"{c}{r}", s[st.HEADER], h) for c, h in zip("ABCD", ("指标", "单位", "合计", "条数"))]
        )
    )
    first_data = r + 1
    # the chart: the main indicators counted in things (money would dwarf them), at the top of block 1
    charted = [k for k in main if k[1] not in MONEY_UNITS] or main
    block1 = charted + [k for k in block1 if k not in charted]
    chart_last = first_data + max(len(charted), 1) - 1
    chart_labels = [k[0] for k in charted] or ["（暂无工作数据）"]
    chart_values = [totals.total[k] for k in charted] or [0]
    if not block1:
        r += 1
        rows.append(
            x.row(
                r,
                [
                    x.text(f"A{r}", s[st.TEXT], "（暂无工作数据）"),
                    x.blank(f"B{r}", s[st.TEXT]),
                    x.number(f"C{r}", s[st.NUMBER], 0),
                    x.number(f"D{r}", s[st.NUMBER], 0),
                ],
            )
        )
    for k in block1:
        r += 1
        crit = f"{ind},{_criterion(k[0])},{unit},{_criterion(k[1])}"
        rows.append(
            x.row(
                r,
                [
                    x.text(f"A{r}", s[st.TEXT], k[0]),
                    x.text(f"B{r}", s[st.CENTER], k[1]),
                    _formula(x, f"C{r}", s[st.NUMBER], f"SUMIFS({vals},{crit})", totals.total[k]),
                    _formula(x, f"D{r}", s[st.NUMBER], f"COUNTIFS({crit})", totals.count[k]),
                ],
            )
        )

    r = max(r, 3 + CHART_ROWS) + 2
    org_total: dict[str, float] = defaultdict(float)  # every indicator of the unit, for the order
    for (o, _, _), v in totals.by_org.items():
        org_total[o] += v
    sections = [
        (
            "二、按主办单位合计（主要指标）",
            "主办单位",
            sorted({o for (o, i, u) in totals.by_org if (i, u) in main}, key=lambda o: (-org_total[o], o)),
        ),
        (
            "三、按月份合计（主要指标）",
            "月份",
            sorted({m for (m, i, u) in totals.by_month if (i, u) in main}),
        ),
    ]
    for heading, label, items in sections:
        rows.append(x.row(r, [x.text(f"A{r}", s[st.BLOCK], heading)]))
        r += 1
        header = [x.text(f"A{r}", s[st.HEADER], label)]
        for j, k in enumerate(main, 2):
            header.append(x.text(f"{col_letter(j)}{r}", s[st.HEADER], f"{k[0]}（{k[1]}）" if k[1] else k[0]))
        lines = max([wrapped_lines(f"{k[0]}（{k[1]}）", 14, header_size) for k in main] or [1])
        rows.append(x.row(r, header, f' ht="{row_height(lines, header_size)}" customHeight="1"'))
        if not items:
            r += 1
            rows.append(x.row(r, [x.text(f"A{r}", s[st.TEXT], "（暂无）")]))
        for item in items:
            r += 1
            cells = []
            if label == "月份":
                cells.append(x.number(f"A{r}", s[st.MONTH], int(excel_serial(item))))
                cond = f'{day},">="&$A{r},{day},"<"&EDATE($A{r},1)'
            else:
                cells.append(x.text(f"A{r}", s[st.TEXT], item or BLANK_LABEL))
                cond = f"{org},{_criterion(item)}"
            for j, k in enumerate(main, 2):
                cached = (totals.by_month if label == "月份" else totals.by_org).get((item, *k), 0.0)
                cells.append(
                    _formula(
                        x,
                        f"{col_letter(j)}{r}",
                        s[st.NUMBER],
                        f"SUMIFS({vals},{cond},{ind},{_criterion(k[0])},{unit},{_criterion(k[1])})",
                        cached,
                    )
                )
            rows.append(x.row(r, cells))
        r += 2

    widths = [24, 10, 12, 10] + [14] * max(0, width - 4)
    if main:
        widths[1 : len(main) + 1] = [max(w, 14) for w in widths[1 : len(main) + 1]]
    cols_xml = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1)
    )
    merge_xml = (
        f'<mergeCells count="{len(merges)}">'
        + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
        + "</mergeCells>"
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{col_letter(len(widths))}{max(r, 1)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols_xml}</cols><sheetData>{''.join(rows)}</sheetData>{merge_xml}"
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter><oddFooter>{xml_escape('&C' + footer) if footer else ''}</oddFooter></headerFooter>"
        '<drawing r:id="rId1"/></worksheet>'
    )
    return SummaryParts(
        sheet=sheet.encode("utf-8"),
        drawing=_drawing(4 + 1, CHART_ROWS).encode("utf-8"),
        chart=_chart(first_data, chart_last, chart_labels, chart_values).encode("utf-8"),
    )


def _formula(x: CellXML, ref: str, style: int, formula: str, cached: float) -> str:
    value = number_text(round(cached, 10))
    return f'<c r="{ref}" s="{style}"><f>{xml_escape(formula)}</f><v>{value}</v></c>'


def _drawing(first_col: int, rows: int) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<xdr:twoCellAnchor editAs="oneCell">'
        f"<xdr:from><xdr:col>{first_col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{first_col + 8}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{3 + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="主要指标图"/><xdr:cNvGraphicFramePr/>'
        '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    )


def _chart(first: int, last: int, labels: list[str], values: list[float]) -> str:
    sheet = SUMMARY_SHEET
    font = '<a:latin typeface="宋体"/><a:ea typeface="宋体"/>'
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
        f'{font}</a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1">{font}</a:rPr><a:t>主要指标合计</a:t></a:r>'
        '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>\'{sheet}\'!$C${first - 1}</c:f>'
        '<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>合计</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
        '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f"<c:cat><c:strRef><c:f>'{sheet}'!$A${first}:$A${last}</c:f><c:strCache><c:ptCount val=\"{len(labels)}\"/>"
        f"{pts_s}</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>'{sheet}'!$C${first}:$C${last}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="{len(values)}"/>{pts_n}</c:numCache></c:numRef></c:val></c:ser>'
        '<c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>'
        '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">{font}</a:defRPr></a:pPr>'
        '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>'
    )
