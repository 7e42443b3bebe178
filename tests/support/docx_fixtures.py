"""Build small .docx files from raw WordprocessingML, each exercising one thing a reader must get right.

    python tests/docx_fixtures.py OUTDIR     # write them all for a look in Word/WPS/LibreOffice

The tests build them in a temporary folder (see conftest.py); nothing binary is committed.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)

CT_DOC = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"


def p(
    text: str = "", *, style: str | None = None, num: tuple[int, int] | None = None, inner: str | None = None
) -> str:
    ppr = ""
    if style or num:
        parts = []
        if style:
            parts.append(f'<w:pStyle w:val="{style}"/>')
        if num:
            parts.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
        ppr = f"<w:pPr>{''.join(parts)}</w:pPr>"
    content = (
        inner if inner is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    )
    return f"<w:p>{ppr}{content}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def table(rows: list[list[str]]) -> str:
    """Rows of cells; each cell is raw block XML (use p())."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{body}</w:tbl>"


def lvl(
    ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None, extra: str = "", font: str = ""
) -> str:
    """One w:lvl; `extra` goes inside it (w:lvlRestart, w:isLgl, w:pStyle …), `font` is its symbol font."""
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/>{s}{rpr}</w:lvl>'
    )


def numbering(
    abstracts: dict[int, list[str]], nums: dict[int, int], overrides: dict[int, str] | None = None
) -> str:
    out = [f"<w:numbering {NS}>"]
    for aid, levels in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>')
    for nid, aid in nums.items():
        extra = (overrides or {}).get(nid, "")
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>')
    out.append("</w:numbering>")
    return "".join(out)


STYLES = (
    f"<w:styles {NS}>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Level2"><w:name w:val="Level 2"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="OfficeList"><w:name w:val="Office List"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)


def build(
    body: str,
    *,
    numbering_xml: str | None = None,
    headers: list[str] | None = None,
    footers: list[str] | None = None,
    footnotes: str | None = None,
    main_ct: str = CT_DOC,
    strict: bool = False,
    extra_parts: dict[str, bytes] | None = None,
    main_name: str = "word/document.xml",
    sect_extra: str = "",
) -> bytes:
    """A complete .docx package as bytes."""
    headers = headers or []
    footers = footers or []
    rels = [("rIdStyles", "styles", "styles.xml")]
    overrides = [
        (f"/{main_name}", main_ct),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
    ]
    files: dict[str, bytes] = {"word/styles.xml": STYLES.encode()}
    if numbering_xml:
        rels.append(("rIdNum", "numbering", "numbering.xml"))
        files["word/numbering.xml"] = numbering_xml.encode()
        overrides.append(
            (
                "/word/numbering.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            )
        )
    refs = []
    for i, content in enumerate(headers, 1):
        rels.append((f"rIdH{i}", "header", f"header{i}.xml"))
        files[f"word/header{i}.xml"] = f"<w:hdr {NS}>{content}</w:hdr>".encode()
        refs.append(f'<w:headerReference w:type="{"default" if i == 1 else "first"}" r:id="rIdH{i}"/>')
        overrides.append(
            (
                f"/word/header{i}.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            )
        )
    for i, content in enumerate(footers, 1):
        rels.append((f"rIdF{i}", "footer", f"footer{i}.xml"))
        files[f"word/footer{i}.xml"] = f"<w:ftr {NS}>{content}</w:ftr>".encode()
        refs.append(f'<w:footerReference w:type="{"default" if i == 1 else "first"}" r:id="rIdF{i}"/>')
        overrides.append(
            (
                f"/word/footer{i}.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
            )
        )
    if footnotes:
        rels.append(("rIdFn", "footnotes", "footnotes.xml"))
        files["word/footnotes.xml"] = f"<w:footnotes {NS}>{footnotes}</w:footnotes>".encode()
    sect = f"<w:sectPr>{''.join(refs)}{sect_extra}</w:sectPr>"
    document = f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    files[main_name] = document.encode()
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{rel_type}{t}" Target="{tg}"/>' for i, t, tg in rels)
        + "</Relationships>"
    )
    folder, name = main_name.rsplit("/", 1)
    files[f"{folder}/_rels/{name}.rels"] = doc_rels.encode()
    files["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_type}officeDocument" Target="{main_name}"/>'
        "</Relationships>"
    ).encode()
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides)
        + "</Types>"
    ).encode()
    files.update(extra_parts or {})
    if strict:
        files = {
            k: v.replace(W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main").replace(
                R.encode(), b"http://purl.oclc.org/ooxml/officeDocument/relationships"
            )
            for k, v in files.items()
        }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


# ------------------------------------------------------------------------------------ the fixtures
def numbered_lists() -> bytes:
    """一、（一） two-level chinese list, 一是 list, decimal 1. with (1), 第一条, 甲乙, ①, continuing and restarting."""
    absn = {
        1: [
            lvl(0, "chineseCounting", "%1、", suff="nothing"),
            lvl(1, "chineseCounting", "（%2）", suff="nothing"),
        ],
        2: [lvl(0, "chineseCounting", "%1是", suff="nothing")],
        3: [lvl(0, "decimal", "%1."), lvl(1, "decimal", "（%2）", suff="nothing")],
        4: [lvl(0, "chineseCounting", "第%1条", suff="space")],
        5: [lvl(0, "ideographTraditional", "%1、", suff="nothing")],
        6: [lvl(0, "decimalEnclosedCircle", "%1", suff="nothing")],
        7: [lvl(0, "bullet", "\uf06c")],
        8: [lvl(0, "decimal", "%1.", start=11)],
        9: [lvl(0, "chineseCounting", "%1、", suff="nothing")],
    }
    nums = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 3}
    overrides = {10: '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'}
    body = "".join(
        [
            p("总体要求"),
            p("提高站位", num=(1, 0)),
            p("统一思想", num=(1, 1)),
            p("明确责任", num=(1, 1)),
            p("压实责任", num=(1, 0)),
            p("细化分工", num=(1, 1)),
            p("要及时传达贯彻会议精神", num=(2, 0)),
            p("要全面提升队伍攻坚能力", num=(2, 0)),
            p("要动态跟进督导任务落实", num=(2, 0)),
            p("第一项", num=(3, 0)),
            p("子项甲", num=(3, 1)),
            p("子项乙", num=(3, 1)),
            p("第二项", num=(3, 0)),
            p("子项丙", num=(3, 1)),
            p("本办法自发布之日起施行", num=(4, 0)),
            p("本办法由县应急管理局负责解释", num=(4, 0)),
            p("天干甲", num=(5, 0)),
            p("天干乙", num=(5, 0)),
            p("圈一", num=(6, 0)),
            p("圈二", num=(6, 0)),
            p("项目符号", num=(7, 0)),
            p("从十一开始", num=(8, 0)),
            p("接着十二", num=(8, 0)),
            p("重新编号一", num=(10, 0)),
            p("样式里的编号", style="ListItem"),
            p("不编号", num=(0, 0)),
        ]
    )
    return build(body, numbering_xml=numbering(absn, nums, overrides))


def content_controls() -> bytes:
    """Block-level, run-level and cell-level content controls (w:sdt), unwrapped once."""
    body = (
        p("标题行")
        + '<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>'
        + p("控件里的段落")
        + "</w:sdtContent></w:sdt>"
        + p(
            inner=r("前文")
            + "<w:sdt><w:sdtPr/><w:sdtContent>"
            + r("行内控件")
            + "</w:sdtContent></w:sdt>"
            + r("后文")
        )
        + table(
            [
                [
                    p("单元格"),
                    "<w:sdt><w:sdtPr/><w:sdtContent><w:tc>"
                    + p("控件单元格")
                    + "</w:tc></w:sdtContent></w:sdt>",
                ]
            ]
        )
    )
    # the cell-level sdt wraps a w:tc: build the row by hand
    body = body.replace("<w:tc><w:sdt>", "<w:sdt>").replace(
        "</w:sdtContent></w:sdt></w:tc>", "</w:sdtContent></w:sdt>"
    )
    return build(body)


def text_boxes() -> bytes:
    """A text box in mc:AlternateContent: the same text in Choice (DrawingML) and Fallback (VML), read once."""
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        "<wps:wsp><wps:txbx><w:txbxContent>" + p("文本框里的文字") + "</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("文本框里的文字")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = p("正文第一段") + p(inner=r("锚点段落") + box) + p("正文第二段")
    return build(body)


def tracked_changes() -> bytes:
    """Insertions kept, deletions dropped, moves as accepted."""
    inner = (
        r("会议由")
        + '<w:del w:id="1" w:author="a"><w:r><w:delText>王五</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="a">'
        + r("李四")
        + "</w:ins>"
        + r("主持。")
    )
    moved = (
        '<w:moveFrom w:id="3" w:author="a">'
        + r("旧位置")
        + "</w:moveFrom>"
        + '<w:moveTo w:id="4" w:author="a">'
        + r("新位置")
        + "</w:moveTo>"
    )
    return build(p(inner=inner) + p(inner=moved))


def nested_tables() -> bytes:
    inner = table([[p("内表甲"), p("内表乙")]])
    outer = table([[p("外表一"), p("外表二") + inner], [p("外表三"), p("外表四")]])
    return build(p("表格前") + outer + p("表格后"))


def headers_footers() -> bytes:
    return build(
        p("正文内容"),
        headers=[p("页眉文字")],
        footers=[p("来源:敖汉旗公安局"), p("来源:敖汉旗公安局")],
        footnotes='<w:footnote w:type="separator" w:id="-1">' + p("—") + "</w:footnote>"
        '<w:footnote w:id="1">' + p("脚注文字") + "</w:footnote>",
    )


def inline_kinds() -> bytes:
    """Hyperlink, smart tag and field result text kept; field codes, tabs and breaks handled."""
    inner = (
        r("详见")
        + '<w:hyperlink r:id="rIdX"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
        + '<w:smartTag w:uri="u" w:element="place"><w:r><w:t>敖汉旗</w:t></w:r></w:smartTag>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("2019年1月4日")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'
        + "<w:r><w:tab/><w:t>制表后</w:t><w:br/><w:t>换行后</w:t></w:r>"
    )
    return build(p(inner=inner))


def headings() -> bytes:
    return build(
        p("一级标题", style="Heading1") + p("正文") + p("二级标题", style="Heading2") + p("更多正文")
    )


def macro_enabled() -> bytes:
    return build(p("启用宏的文档正文"), main_ct=CT_MACRO)


def strict_ooxml() -> bytes:
    return build(p("严格格式的正文"), strict=True)


def with_dtd() -> bytes:
    data = build(p("正文"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "boom">]>' + content
            dst.writestr(item, content)
    return buf.getvalue()


def images_only() -> bytes:
    return build(
        p(inner="<w:r><w:drawing/></w:r>"), extra_parts={"word/media/image1.png": b"\x89PNG\r\n\x1a\n"}
    )


def zip_without_word() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "不是 Word 文件")
    return buf.getvalue()


def encrypted() -> bytes:
    """An OLE compound file holding an EncryptedPackage stream, as Word saves a password-protected file."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return head + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")


def legacy_doc() -> bytes:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return head + "WordDocument".encode("utf-16-le") + b"\x00" * 128


def placeholder_controls() -> bytes:
    """Content controls showing their placeholder (block, inline, cell) and a placeholder-styled run."""
    hint = "单击或点击此处输入文字。"
    placeholder_run = f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{hint}</w:t></w:r>'
    shown = "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
    body = (
        p("县应急管理局召开安全生产工作会议")
        + f"<w:sdt>{shown}<w:sdtContent>{p(inner=placeholder_run)}</w:sdtContent></w:sdt>"
        + p(
            inner=r("会议由")
            + f"<w:sdt>{shown}<w:sdtContent>{placeholder_run}</w:sdtContent></w:sdt>"
            + r("主持。")
        )
        + p(inner=r("填报人：") + placeholder_run)
        + table([[p("填报日期"), f"<w:sdt>{shown}<w:sdtContent>{p(hint)}</w:sdtContent></w:sdt>"]])
        + p(inner=r("联系人：") + f"<w:sdt><w:sdtPr/><w:sdtContent>{r('张三')}</w:sdtContent></w:sdt>")
    )
    return build(body)


def office_lists() -> bytes:
    """Lists in the shapes LibreOffice, WPS and Word write them.

    LibreOffice: taiwaneseCountingThousand with %1、 and （%2）, nothing after the number. WPS: a second
    w:num on the same abstract list with w:startOverride restarts it (公文 sample), and the first w:num
    after it continues the restarted count. Word: a numbered paragraph holding only a picture still
    takes its number; %1.%2 multi-level numbers; a list restarted by a w:num with startOverride."""
    absn = {
        1: [
            lvl(0, "taiwaneseCountingThousand", "%1、", suff="nothing"),
            lvl(1, "taiwaneseCountingThousand", "（%2）", suff="nothing"),
        ],
        2: [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")],
        3: [lvl(0, "chineseCounting", "第%1条", suff="space")],
    }
    nums = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}
    overrides = {
        2: '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>',
        5: '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
    }
    picture = "<w:r><w:drawing><wp:inline><a:graphic/></wp:inline></w:drawing></w:r>"
    body = "".join(
        [
            p("总体要求", num=(1, 0)),
            p("指导思想", num=(1, 1)),
            p("工作目标", num=(1, 1)),
            p("主要任务", num=(1, 0)),
            p("另起一段", num=(2, 1)),  # WPS: restarts level 1 through the sibling w:num 2
            p("接着编号", num=(1, 1)),  # …and w:num 1 continues the same count
            p("保障措施", num=(1, 0)),
            p("系统概述", num=(3, 0)),
            p("功能说明", num=(3, 1)),
            p(num=(3, 1), inner=picture),  # a picture only: numbered 1.2 though nothing is written
            p("性能要求", num=(3, 1)),
            p("本办法自印发之日起施行", num=(4, 0)),
            p("本办法由县应急管理局负责解释", num=(4, 0)),
            p("新的一章从头编号", num=(5, 0)),
        ]
    )
    return build(body, numbering_xml=numbering(absn, nums, overrides))


def list_rules() -> bytes:
    """w:lvlRestart, w:isLgl, a bullet list (• ◦ ▪), w:numStyleLink, a style-linked level, counters
    shared by two w:num of one abstract list, and w:numId 0 taking a style's numbering away."""
    absn = {
        1: [
            lvl(0, "chineseCounting", "%1、", suff="nothing"),
            lvl(1, "chineseCounting", "（%2）", suff="nothing", extra='<w:pStyle w:val="Level2"/>'),
        ],
        2: [
            lvl(0, "decimal", "%1."),
            lvl(1, "decimal", "%1.%2", extra='<w:lvlRestart w:val="0"/>'),
        ],
        3: [lvl(0, "upperRoman", "%1."), lvl(1, "lowerLetter", "%1.%2", extra="<w:isLgl/>")],
        4: [
            lvl(0, "bullet", "\uf0b7", font="Symbol"),
            lvl(1, "bullet", "o", font="Courier New"),
            lvl(2, "bullet", "\uf0a7", font="Wingdings"),
        ],
        5: [lvl(0, "decimalEnclosedCircleChinese", "%1", suff="nothing")],
        6: ['<w:numStyleLink w:val="OfficeList"/>'],
    }
    nums = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 2}
    body = "".join(
        [
            p("总体要求", num=(1, 0)),
            p("样式决定层级", style="Level2"),
            p("样式决定层级二", style="Level2"),
            p("不编号的样式段落", style="Level2", num=(0, 0)),
            p("第一部分", num=(2, 0)),
            p("第一节", num=(2, 1)),
            p("第二部分", num=(2, 0)),
            p("不重新编号", num=(2, 1)),
            p("另一个编号接着数", num=(7, 0)),
            p("罗马一", num=(3, 0)),
            p("法律式", num=(3, 1)),
            p("罗马二", num=(3, 0)),
            p("圆点", num=(4, 0)),
            p("空心圆", num=(4, 1)),
            p("方块", num=(4, 2)),
            p("圈码一", num=(6, 0)),
            p("圈码二", num=(6, 0)),
        ]
    )
    return build(body, numbering_xml=numbering(absn, nums))


def _field(instr: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def print_fields() -> bytes:
    """Page numbers, page counts, dates and times in headers and footers: Word's print-time values."""
    return build(
        p("正文内容，落款日期见文末。")
        + p(inner=r("印发日期：") + _field('DATE \\@ "yyyy年M月d日"', "2019年1月4日")),
        headers=[
            p(inner=r("县应急管理局 ") + _field('DATE \\@ "yyyy年M月d日 dddd"', "2017年1月26日 星期四")),
            p(inner=_field("TIME", "10:25")),
        ],
        footers=[
            p(inner=r("— ") + _field("PAGE", "3") + r(" —")),
            p(inner=r("第 ") + _field("PAGE", "5") + r(" 页 共 ") + _field("NUMPAGES", "9") + r(" 页")),
            p(
                inner=_field("PAGE", "9")
                + r(" / ")
                + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>15</w:t></w:r></w:fldSimple>'
            ),
            p(inner=r("地址：县府路1号  电话：1234567  第") + _field("PAGE", "2") + r("页")),
        ],
    )


def cell_with_table_first() -> bytes:
    """A table nested in a cell before the cell's own text: read where it stands."""
    inner = table([[p("内表甲"), p("内表乙")]])
    outer = table([[p("外表一"), inner + p("外表二的文字")]])
    return build(p("表格前") + outer + p("表格后"))


FIXTURES = {
    "numbered-lists.docx": numbered_lists,
    "content-controls.docx": content_controls,
    "text-boxes.docx": text_boxes,
    "tracked-changes.docx": tracked_changes,
    "nested-tables.docx": nested_tables,
    "headers-footers.docx": headers_footers,
    "inline-kinds.docx": inline_kinds,
    "placeholder-controls.docx": placeholder_controls,
    "office-lists.docx": office_lists,
    "list-rules.docx": list_rules,
    "print-fields.docx": print_fields,
    "cell-with-table-first.docx": cell_with_table_first,
    "headings.docx": headings,
    "macro-enabled.docx": macro_enabled,
    "strict-ooxml.docx": strict_ooxml,
    "with-dtd.docx": with_dtd,
    "images-only.docx": images_only,
    "zip-without-word-parts.docx": zip_without_word,
    "encrypted.docx": encrypted,
    "legacy.doc": legacy_doc,
}


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, make in FIXTURES.items():
        path = folder / name
        path.write_bytes(make())
        out[name] = path
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docx-fixtures")
    for path in write_all(target).values():
        print(path)
