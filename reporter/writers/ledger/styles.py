"""The ledger's cell styles, defined once and kept as named styles (台账正文, 台账表头, …).

A new ledger gets them through openpyxl (`named_styles`). When rows are added to an existing ledger,
`ensure_styles` finds each named style in xl/styles.xml by name and the cell format (cellXfs entry) that
uses it unchanged, adding what is missing; so a style a person changed in Excel (Modify Style) is what
new rows get, and nothing else in styles.xml is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .config import LedgerConfig

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
GB2312_CHARSET = 134
_ORDER = [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
]


@dataclass(frozen=True, slots=True)
class StyleSpec:
    name: str
    font: str
    size: float
    bold: bool = False
    color: str | None = None  # RRGGBB
    underline: bool = False
    fill: str | None = None  # RRGGBB
    border: bool = False
    horizontal: str = "left"
    vertical: str = "top"
    wrap: bool = True
    numfmt: str = "General"


# style keys used by the writer → the named style's name
(
    TITLE,
    INFO,
    INFO_RIGHT,
    HEADER,
    TEXT,
    CENTER,
    DATE,
    TIME,
    NUMBER,
    REVIEW,
    REVIEW_DATE,
    LINK,
    BLOCK,
    MONTH,
    COUNT,
    NOTE,
    SIGN,
) = (
    "台账标题",
    "台账填报",
    "台账填报日期",
    "台账表头",
    "台账正文",
    "台账居中",
    "台账日期",
    "台账时间",
    "台账数值",
    "台账待核",
    "台账待核日期",
    "台账链接",
    "台账小标题",
    "台账月份",
    "台账整数",  # whole numbers with thousands separators: 6,610,000,000
    "台账说明",  # a wrapped note across a table (统计汇总)
    "台账签字",  # the signature block below the last row of 台账
)


def style_specs(config: LedgerConfig) -> list[StyleSpec]:
    f = config.fonts
    body: dict[str, Any] = dict(font=f.body, size=f.body_size, border=True)
    return [
        StyleSpec(
            TITLE, f.title, f.title_size, bold=True, horizontal="center", vertical="center", wrap=False
        ),
        StyleSpec(INFO, f.body, f.header_size, horizontal="left", vertical="center", wrap=False),
        StyleSpec(INFO_RIGHT, f.body, f.header_size, horizontal="right", vertical="center", wrap=False),
        StyleSpec(
            HEADER,
            f.header,
            f.header_size,
            bold=True,
            fill=config.header_fill,
            border=True,
            horizontal="center",
            vertical="center",
        ),
        StyleSpec(TEXT, **body),
        StyleSpec(CENTER, **body, horizontal="center"),
        StyleSpec(DATE, **body, horizontal="center", numfmt="yyyy-mm-dd"),
        StyleSpec(TIME, **body, horizontal="center", numfmt="yyyy-mm-dd hh:mm"),
        StyleSpec(NUMBER, **body, horizontal="right", numfmt="General"),
        StyleSpec(REVIEW, **body, fill=config.review_fill),
        StyleSpec(REVIEW_DATE, **body, fill=config.review_fill, horizontal="center", numfmt="yyyy-mm-dd"),
        StyleSpec(LINK, **body, color="0563C1", underline=True),
        StyleSpec(
            BLOCK, f.header, f.header_size + 1, bold=True, horizontal="left", vertical="center", wrap=False
        ),
        StyleSpec(MONTH, **body, horizontal="center", numfmt="yyyy-mm"),
        StyleSpec(COUNT, **body, horizontal="right", numfmt="#,##0"),
        StyleSpec(NOTE, f.body, f.body_size, horizontal="left", vertical="top", wrap=True),
        StyleSpec(SIGN, f.body, f.header_size, horizontal="left", vertical="bottom", wrap=False),
    ]


# ----------------------------------------------------------------------------- openpyxl (new ledger)
def named_styles(config: LedgerConfig) -> list:
    """The specs as openpyxl NamedStyle objects, for a new workbook."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    out = []
    for spec in style_specs(config):
        ns = NamedStyle(name=spec.name)
        ns.font = Font(
            name=spec.font,
            sz=spec.size,
            b=spec.bold,
            u="single" if spec.underline else None,
            color=f"FF{spec.color}" if spec.color else None,
            charset=GB2312_CHARSET,
            family=3,
        )
        if spec.fill:
            ns.fill = PatternFill("solid", fgColor=f"FF{spec.fill}")
        if spec.border:
            thin = Side(style="thin", color="FF000000")
            ns.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ns.alignment = Alignment(horizontal=spec.horizontal, vertical=spec.vertical, wrap_text=spec.wrap)
        ns.number_format = spec.numfmt
        out.append(ns)
    return out


# ---------------------------------------------------------------------------- styles.xml (update)
def _q(tag: str) -> str:
    return f"{{{MAIN_NS}}}{tag}"


def _container(root, tag: str):
    from lxml import etree

    el = root.find(_q(tag))
    if el is None:
        el = etree.Element(_q(tag))
        el.set("count", "0")
        later = _ORDER[_ORDER.index(tag) + 1 :]
        for i, child in enumerate(root):
            if etree.QName(child).localname in later:
                root.insert(i, el)
                break
        else:
            root.append(el)
    return el


def _append(container, element) -> int:
    container.append(element)
    n = len(container.findall(element.tag))
    container.set("count", str(n))
    return n - 1


def _font_el(spec: StyleSpec):
    from lxml import etree

    font = etree.Element(_q("font"))
    if spec.bold:
        etree.SubElement(font, _q("b"))
    if spec.underline:
        etree.SubElement(font, _q("u"))
    etree.SubElement(font, _q("sz")).set("val", f"{spec.size:g}")
    if spec.color:
        etree.SubElement(font, _q("color")).set("rgb", f"FF{spec.color}")
    etree.SubElement(font, _q("name")).set("val", spec.font)
    etree.SubElement(font, _q("family")).set("val", "3")
    etree.SubElement(font, _q("charset")).set("val", str(GB2312_CHARSET))
    return font


def _fill_el(color: str):
    from lxml import etree

    fill = etree.Element(_q("fill"))
    pattern = etree.SubElement(fill, _q("patternFill"), patternType="solid")
    etree.SubElement(pattern, _q("fgColor")).set("rgb", f"FF{color}")
    etree.SubElement(pattern, _q("bgColor")).set("indexed", "64")
    return fill


def _border_el():
    from lxml import etree

    border = etree.Element(_q("border"))
    for side in ("left", "right", "top", "bottom"):
        etree.SubElement(etree.SubElement(border, _q(side), style="thin"), _q("color")).set("rgb", "FF000000")
    etree.SubElement(border, _q("diagonal"))
    return border


def _numfmt_id(root, code: str) -> int:
    from lxml import etree

    if code == "General":
        return 0
    numfmts = _container(root, "numFmts")
    used = [164]
    for el in numfmts.findall(_q("numFmt")):
        if el.get("formatCode") == code:
            return int(el.get("numFmtId"))
        used.append(int(el.get("numFmtId", "0")) + 1)
    new_id = max(used)
    el = etree.Element(_q("numFmt"), numFmtId=str(new_id), formatCode=code)
    _append(numfmts, el)
    return new_id


_XF_KEYS = ("numFmtId", "fontId", "fillId", "borderId")


def _alignment(xf) -> dict:
    el = xf.find(_q("alignment"))
    return dict(el.attrib) if el is not None else {}


def _add_named_style(root, spec: StyleSpec) -> int:
    """Add fonts/fills/borders/numFmt + a cellStyleXfs entry + a cellStyle; return the xfId."""
    from lxml import etree

    font_id = _append(_container(root, "fonts"), _font_el(spec))
    fill_id = _append(_container(root, "fills"), _fill_el(spec.fill)) if spec.fill else 0
    border_id = _append(_container(root, "borders"), _border_el()) if spec.border else 0
    numfmt_id = _numfmt_id(root, spec.numfmt)
    xf = etree.Element(
        _q("xf"),
        numFmtId=str(numfmt_id),
        fontId=str(font_id),
        fillId=str(fill_id),
        borderId=str(border_id),
        applyNumberFormat="1",
        applyFont="1",
        applyFill="1",
        applyBorder="1",
        applyAlignment="1",
    )
    etree.SubElement(
        xf,
        _q("alignment"),
        horizontal=spec.horizontal,
        vertical=spec.vertical,
        **({"wrapText": "1"} if spec.wrap else {}),
    )
    xf_id = _append(_container(root, "cellStyleXfs"), xf)
    _append(_container(root, "cellStyles"), etree.Element(_q("cellStyle"), name=spec.name, xfId=str(xf_id)))
    return xf_id


def ensure_styles(styles_xml: bytes, specs: list[StyleSpec]) -> tuple[bytes | None, dict[str, int]]:
    """(new styles.xml or None when unchanged, named style → cellXfs index that applies it unchanged)."""
    import copy

    from lxml import etree

    root = etree.fromstring(styles_xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    changed = False
    style_xfs = _container(root, "cellStyleXfs").findall(_q("xf"))
    named = {el.get("name"): int(el.get("xfId", "0")) for el in _container(root, "cellStyles")}
    cell_xfs_el = _container(root, "cellXfs")
    out: dict[str, int] = {}
    for spec in specs:
        xf_id = named.get(spec.name)
        if xf_id is None or xf_id >= len(style_xfs):
            xf_id = _add_named_style(root, spec)
            style_xfs = _container(root, "cellStyleXfs").findall(_q("xf"))
            named[spec.name] = xf_id
            changed = True
        base = style_xfs[xf_id]
        want = {k: base.get(k, "0") for k in _XF_KEYS}
        for i, xf in enumerate(cell_xfs_el.findall(_q("xf"))):
            if (
                xf.get("xfId", "0") == str(xf_id)
                and {k: xf.get(k, "0") for k in _XF_KEYS} == want
                and _alignment(xf) == _alignment(base)
            ):
                out[spec.name] = i
                break
        else:
            xf = copy.deepcopy(base)
            xf.set("xfId", str(xf_id))
            for flag in ("applyNumberFormat", "applyFont", "applyFill", "applyBorder", "applyAlignment"):
                xf.set(flag, "1")
            out[spec.name] = _append(cell_xfs_el, xf)
            changed = True
    if not changed:
        return None, out
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), out
