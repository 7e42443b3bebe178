"""Build the default briefing template, templates/briefing.docx (GB/T 9704-2012 layout).

    python scripts/build_briefing_template.py [OUT.docx]

The built file is committed; run this again only after changing it (python-docx must be installed).
Users edit their own copy (`reporter templates init DIR`) in Word or WPS, not this script.

What it makes, on python-docx's blank document:

- page: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a 22 lines × 28 characters grid
  (w:docGrid linePitch 579 twips = 28.95 pt; charSpace −842/4096 pt so 28 三号 characters fill 156 mm);
- fonts where Word reads them: every style names its East Asian font in w:rFonts/@w:eastAsia (python-docx's
  font.name only writes ascii/hAnsi); the font table gives each GB font a w:altName fallback
  (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), since many offices lack the 方正/GB2312 fonts;
- the blank document's Japanese fallback is removed: its settings say themeFontLang eastAsia="ja-JP" and its
  theme leaves <a:ea typeface=""/>, so Chinese text without an explicit font came out in ＭＳ 明朝. Here the
  theme language is zh-CN, the theme's East Asian fonts are 宋体, docDefaults says w:lang eastAsia="zh-CN";
- styles (Chinese names, ASCII ids): 刊头, 期号, 编发, 简报标题, 简报正文, 一级标题 (黑体), 二级标题 (楷体),
  三级标题, 表格文字, 表头, 版记线, 版记, 页码 and the table style 简报表格;
- page numbers "— 1 —" in 四号 宋体: odd pages right and even pages left, one character in (evenAndOddHeaders,
  PAGE fields);
- the body is a docxtpl (Jinja) template: masthead {{ 刊头 }}, 第{{ 期号 }}期, {{ 编发单位 }} and {{ 日期 }}
  over a red rule, the title {{ 标题 }}, the whole body {{p 正文 }}, and the 版记 (抄送 / 印发).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "briefing.docx"

# font sizes (half-points): 初号 42 pt, 二号 22 pt, 三号 16 pt, 四号 14 pt
CHUHAO, ERHAO, SANHAO, SIHAO = 84, 44, 32, 28
RED = "FF0000"
XBS = "方正小标宋简体"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
SONGTI = "宋体"
LATIN = "Times New Roman"

# page geometry in twips (1 mm = 56.69 twips)
PAGE_W, PAGE_H = 11906, 16838
TOP, BOTTOM, LEFT, RIGHT = 2098, 1984, 1587, 1474  # 37, 35, 28, 26 mm
TEXT_W = PAGE_W - LEFT - RIGHT  # 8845 twips = 156 mm
LINE_PITCH = (PAGE_H - TOP - BOTTOM) // 22  # 579 twips = 28.95 pt: 22 lines
CHAR_SPACE = math.floor((TEXT_W / 20 / 28 - SANHAO / 2) * 4096)  # −842: 28 三号 characters a line
ONE_CHAR = SANHAO * 10  # one 三号 character, 320 twips
# 三号 text is set 0.25 pt tighter (in twentieths of a point) so that 28 characters fill a line by themselves:
# 28 × 15.75 pt = 441 pt ≤ 442.25 pt. Paragraphs do not snap to the grid (w:snapToGrid 0): Word would squeeze
# a 16 pt character into the 15.79 pt grid cell, but LibreOffice gives it two cells (14 characters a line).
GRID_SPACING = math.floor((TEXT_W / 20 / 28 - SANHAO / 2) * 20)  # −5

# name → (fallback, charset, family, pitch): written to fontTable.xml with w:altName
FONTS = {
    LATIN: ("", "00", "roman", "variable"),
    SONGTI: ("SimSun", "86", "auto", "variable"),
    "仿宋": ("FangSong", "86", "modern", "fixed"),
    "楷体": ("KaiTi", "86", "modern", "fixed"),
    HEITI: ("SimHei", "86", "modern", "fixed"),
    FANGSONG: ("仿宋", "86", "modern", "fixed"),
    KAITI: ("楷体", "86", "modern", "fixed"),
    XBS: ("宋体", "86", "script", "variable"),
}

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
KEEP_STYLES = {
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "Header",
    "Footer",
    "HeaderChar",
    "FooterChar",
}


def rpr(
    east: str,
    size: int,
    *,
    latin: str | None = None,
    bold: bool = False,
    color: str = "",
    spacing: int | None = None,
) -> str:
    latin = latin or east
    parts = [f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}"/>']
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is None:
        spacing = GRID_SPACING if size == SANHAO else 0
    parts.append(f'<w:spacing w:val="{spacing}"/>')
    parts.append(f'<w:kern w:val="2"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


# the order WordprocessingML requires inside w:pPr (Word rejects a file whose elements are out of order)
PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "widowControl",
    "pBdr",
    "shd",
    "tabs",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "snapToGrid",
    "spacing",
    "ind",
    "jc",
    "textAlignment",
    "outlineLvl",
)


def ppr(*elements: str) -> str:
    """A w:pPr holding `elements` in schema order."""

    def rank(xml: str) -> int:
        return PPR_ORDER.index(re.match(r"<w:(\w+)", xml)[1])

    return "<w:pPr>" + "".join(sorted(elements, key=rank)) + "</w:pPr>"


def para_style(
    style_id: str, name: str, ppr_xml: str, rpr_xml: str, *, based_on: str = "Normal", next_id: str = ""
) -> str:
    extra = f'<w:next w:val="{next_id}"/>' if next_id else ""
    return (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{extra}<w:qFormat/>{ppr_xml}{rpr_xml}'
        "</w:style>"
    )


def spacing(before: int = 0, after: int = 0, line: int = LINE_PITCH, rule: str = "exact") -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>'


def border(side: str, size: int, color: str = "000000", space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def jc(value: str) -> str:
    return f'<w:jc w:val="{value}"/>'


def right_tab(pos: int) -> str:
    return f'<w:tabs><w:tab w:val="right" w:pos="{pos}"/></w:tabs>'


def outline(level: int) -> str:
    return f'<w:outlineLvl w:val="{level}"/>'


EXACT = spacing()
INDENT2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
NO_INDENT = '<w:ind w:firstLine="0"/>'
KEEP = "<w:keepNext/>"
NO_GRID = '<w:snapToGrid w:val="0"/>'
# 版记 (GB/T 9704 7.3): 四号 text one character in from both sides, rules the full text width (first and
# last 0.35 mm, the ones between 0.25 mm); it sits in a frame at the foot of the last page
COLOPHON_INDENT = '<w:ind w:left="0" w:right="0" w:firstLine="280"/>'
COLOPHON_LINE = 560  # twips per 版记 line (28 pt)
THICK, THIN = 8, 6  # eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm
EMU = 635  # EMU per twip
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
COLOPHON_HEIGHT = (
    COLOPHON_LINE * 5 + 40
)  # twips: room for 报, 送, 发, the last line and 共印; it grows to fit

STYLES = [
    para_style(
        "Masthead",
        "刊头",
        ppr(jc("center"), spacing(480, 120, 240, "auto")),
        rpr(XBS, CHUHAO, color=RED, spacing=20),
        next_id="IssueNo",
    ),
    para_style(
        "IssueNo", "期号", ppr(jc("center"), EXACT), rpr(FANGSONG, SANHAO, latin=LATIN), next_id="IssueLine"
    ),
    para_style(
        "IssueLine",
        "编发",
        ppr(f"<w:pBdr>{border('bottom', 18, RED, 4)}</w:pBdr>", right_tab(TEXT_W - ONE_CHAR), EXACT),
        rpr(FANGSONG, SANHAO, latin=LATIN),
        next_id="BriefTitle",
    ),
    para_style(
        "BriefTitle",
        "简报标题",
        ppr(KEEP, jc("center"), spacing(LINE_PITCH, LINE_PITCH, 240, "auto"), outline(0)),
        rpr(XBS, ERHAO),
        next_id="BriefBody",
    ),
    para_style("BriefBody", "简报正文", ppr(INDENT2), rpr(FANGSONG, SANHAO, latin=LATIN)),
    para_style(
        "BriefHeading1", "一级标题", ppr(KEEP, INDENT2, outline(1)), rpr(HEITI, SANHAO), next_id="BriefBody"
    ),
    para_style(
        "BriefHeading2", "二级标题", ppr(KEEP, INDENT2, outline(2)), rpr(KAITI, SANHAO), next_id="BriefBody"
    ),
    para_style(
        "BriefHeading3",
        "三级标题",
        ppr(KEEP, INDENT2, outline(3)),
        rpr(FANGSONG, SANHAO, latin=LATIN, bold=True),
        next_id="BriefBody",
    ),
    para_style(
        "BriefTable",
        "表格文字",
        ppr(jc("left"), spacing(line=360), NO_INDENT),
        rpr(FANGSONG, SIHAO, latin=LATIN),
    ),
    para_style(
        "BriefTableHead", "表头", ppr(KEEP, jc("center"), spacing(line=360), NO_INDENT), rpr(HEITI, SIHAO)
    ),
    para_style(
        "Colophon",
        "版记",
        ppr(
            KEEP,
            f"<w:pBdr>{border('bottom', THIN, space=1)}</w:pBdr>",
            right_tab(TEXT_W - SIHAO * 10),
            spacing(0, 0, COLOPHON_LINE),
            COLOPHON_INDENT,
        ),
        rpr(FANGSONG, SIHAO, latin=LATIN),
    ),
    para_style(
        "ColophonRule",
        "版记线",
        ppr(KEEP, f"<w:pBdr>{border('top', THICK, space=0)}</w:pBdr>", spacing(0, 0, 20)),
        rpr(FANGSONG, 2),
        next_id="Colophon",
    ),
    para_style(
        "ColophonLast",
        "版记末行",
        ppr(f"<w:pBdr>{border('bottom', THICK, space=1)}</w:pBdr>"),
        "",
        based_on="Colophon",
    ),
    para_style("ColophonAnchor", "版记位置", ppr(spacing(0, 0, 20), NO_INDENT), rpr(FANGSONG, 2)),
    para_style(
        "ColophonCopies",
        "共印份数",
        ppr(jc("right"), spacing(0, 0, COLOPHON_LINE), '<w:ind w:right="280"/>'),
        rpr(FANGSONG, SIHAO, latin=LATIN),
    ),
    para_style("PageNumber", "页码", ppr(spacing(0, 0, 240, "auto")), rpr(SONGTI, SIHAO)),
    (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefGrid">'
        '<w:name w:val="简报表格"/><w:basedOn w:val="TableNormal"/><w:pPr><w:jc w:val="left"/></w:pPr>'
        '<w:tblPr><w:jc w:val="center"/><w:tblBorders>'
        + "".join(
            border(side, 4, space=0) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    ),
]


def build_styles(doc) -> None:
    styles = doc.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(style)
    # docDefaults: explicit fonts (no theme fonts), Chinese as the East Asian language
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr_default.remove(rpr_default.find(qn("w:rPr")))
    rpr_default.append(
        parse_xml(rpr(FANGSONG, SANHAO, latin=LATIN).replace("<w:rPr>", f"<w:rPr {nsdecls('w')}>"))
    )
    ppr_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    ppr_default.remove(ppr_default.find(qn("w:pPr")))
    ppr_default.append(
        parse_xml(ppr(NO_GRID, EXACT, jc("both")).replace("<w:pPr>", f"<w:pPr {nsdecls('w')}>"))
    )
    normal = styles.find(qn("w:style"))
    assert normal.get(qn("w:styleId")) == "Normal"
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(
        parse_xml(
            ppr('<w:widowControl w:val="0"/>', NO_GRID, EXACT, jc("both")).replace(
                "<w:pPr>", f"<w:pPr {nsdecls('w')}>"
            )
        )
    )
    normal.append(parse_xml(rpr(FANGSONG, SANHAO, latin=LATIN).replace("<w:rPr>", f"<w:rPr {nsdecls('w')}>")))
    for name in ("Header", "Footer"):
        style = styles.find(f'{qn("w:style")}[@{qn("w:styleId")}="{name}"]')
        for child in list(style):
            if child.tag == qn("w:rPr"):
                style.remove(child)
        style.append(parse_xml(rpr(SONGTI, SIHAO).replace("<w:rPr>", f"<w:rPr {nsdecls('w')}>")))
    for xml in STYLES:
        styles.append(parse_xml(xml))


def fix_theme_and_settings(doc) -> None:
    theme = doc.part.part_related_by(RT.THEME)
    blob = theme.blob.decode("utf-8")
    blob = blob.replace('<a:ea typeface=""/>', f'<a:ea typeface="{SONGTI}"/>')
    assert f'script="Hans" typeface="{SONGTI}"' in blob
    theme._blob = blob.encode("utf-8")
    doc.settings.odd_and_even_pages_header_footer = True
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    for tag in ("w:attachedTemplate", "w:proofState", "w:savePreviewPicture"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)


def build_font_table(doc) -> None:
    part = doc.part.part_related_by(RT.FONT_TABLE)
    fonts = []
    for name, (alt, charset, family, pitch) in FONTS.items():
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        fonts.append(
            f'<w:font w:name="{name}">{alt_xml}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:fonts {nsdecls('w')}>" + "".join(fonts) + "</w:fonts>"
    )
    part._blob = xml.encode("utf-8")


def build_section(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    sect_pr = section._sectPr
    for el in sect_pr.findall(qn("w:docGrid")) + sect_pr.findall(qn("w:cols")):
        sect_pr.remove(el)
    sect_pr.append(parse_xml(f'<w:cols {nsdecls("w")} w:space="425"/>'))
    sect_pr.append(
        parse_xml(
            f'<w:docGrid {nsdecls("w")} w:type="linesAndChars" w:linePitch="{LINE_PITCH}" '
            f'w:charSpace="{CHAR_SPACE}"/>'
        )
    )
    _page_number_footer(section.footer, "right")
    _page_number_footer(section.even_page_footer, "left")
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        header.paragraphs[0].style = doc.styles["Header"]


def _page_number_footer(footer, side: str) -> None:
    """— 1 — with a PAGE field, one character in from the given side (GB/T 9704 7.5)."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p
    for old in p.findall(qn("w:pPr")):
        p.remove(old)
    indent = "w:right" if side == "right" else "w:left"
    r = rpr(SONGTI, SIHAO)
    p.append(
        parse_xml(
            ppr('<w:pStyle w:val="PageNumber"/>', f'<w:ind {indent}="280"/>', jc(side)).replace(
                "<w:pPr>", f"<w:pPr {nsdecls('w')}>"
            )
        )
    )
    runs = [
        f'<w:r>{r}<w:t xml:space="preserve">— </w:t></w:r>',
        f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r>{r}<w:t>1</w:t></w:r>",
        f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>',
        f'<w:r>{r}<w:t xml:space="preserve"> —</w:t></w:r>',
    ]
    for run in runs:
        p.append(parse_xml(run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def _p(style: str, *runs: str, ns: bool = True) -> str:
    body = "".join(
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text != "\t" else "<w:r><w:tab/></w:r>"
        for text in runs
    )
    return f'<w:p{" " + nsdecls("w") if ns else ""}><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{body}</w:p>'


COLOPHON = [
    _p("ColophonRule", ns=False),
    _p("Colophon", "{%p if 报 %}", ns=False),
    _p("Colophon", "报：{{ 报 }}", ns=False),
    _p("Colophon", "{%p endif %}", ns=False),
    _p("Colophon", "{%p if 送 %}", ns=False),
    _p("Colophon", "送：{{ 送 }}", ns=False),
    _p("Colophon", "{%p endif %}", ns=False),
    _p("Colophon", "{%p if 发 %}", ns=False),
    _p("Colophon", "发：{{ 发 }}", ns=False),
    _p("Colophon", "{%p endif %}", ns=False),
    _p("ColophonLast", "{{ 印发单位 }}", "\t", "{{ 日期 }}印发", ns=False),
    _p("ColophonCopies", "{%p if 共印份数 %}", ns=False),
    _p("ColophonCopies", "（共印{{ 共印份数 }}份）", ns=False),
    _p("ColophonCopies", "{%p endif %}", ns=False),
]


def _colophon() -> str:
    """The 版记 in a text box anchored to the foot of the text area (it follows the body, so it lands at the
    foot of the last page; the body's text keeps clear of it). Word, WPS and LibreOffice all place such a
    box; paragraph frames (w:framePr) at the end of a document LibreOffice sets inline."""
    cx, cy = TEXT_W * EMU, COLOPHON_HEIGHT * EMU
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    box = (
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="1001" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{a}"><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{''.join(COLOPHON)}</w:txbxContent></wps:txbx>"
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" '
        f'anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
    )
    return (
        f'<w:p {nsdecls("w", "wp")} xmlns:wps="{WPS}"><w:pPr><w:pStyle w:val="ColophonAnchor"/></w:pPr>'
        f"<w:r><w:drawing>{box}</w:drawing></w:r></w:p>"
    )


BODY = [
    _p("Masthead", "{{ 刊头 }}"),
    _p("IssueNo", "第{{ 期号 }}期"),
    _p("IssueLine", "　{{ 编发单位 }}编", "\t", "{{ 日期 }}"),
    _p("BriefTitle", "{{ 标题 }}"),
    _p("BriefBody", "{{p 正文 }}"),
    _colophon(),
]


def build(out: Path = OUT) -> Path:
    doc = Document()
    pkg = doc.part.package
    for rels, reltypes in (
        (pkg.rels, (RT.THUMBNAIL,)),
        (doc.part.rels, (RT.CUSTOM_XML, STYLES_WITH_EFFECTS)),
    ):
        for rid, rel in list(rels.items()):
            if rel.reltype in reltypes:
                del rels[rid]
    build_styles(doc)
    fix_theme_and_settings(doc)
    build_font_table(doc)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    sect_pr = body.find(qn("w:sectPr"))
    for xml in BODY:
        sect_pr.addprevious(parse_xml(xml))
    build_section(doc)
    props = doc.core_properties
    props.title = "{{ 刊头 }}第{{ 期号 }}期"
    props.author = "reporter"
    props.last_modified_by = "reporter"
    props.comments = "reporter 简报模板：双花括号里是占位符，见 docs/简报.md（印发的简报不带这段说明）"
    props.created = props.modified = dt.datetime(2024, 1, 1)
    props.revision = 1
    props.language = "zh-CN"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
