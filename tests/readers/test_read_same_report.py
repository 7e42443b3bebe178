"""One report, whatever program wrote the file, gives one record.

The same report as a UTF-8 .txt, a GB18030 .txt with Windows line ends, .docx files in the shapes
LibreOffice and Word write (an empty paragraph for an empty line, indentation typed as spaces, runs cut
anywhere), a web page with one <p> per line and one with <br> lines, and — where LibreOffice is
installed — the .txt and a .fodt converted by LibreOffice itself: the readers lay the body out as the
same lines, so the extractor gives the same values at the same offsets.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from reporter.extractor import extract
from reporter.readers import read
from reporter.writers.jsonl import record_to_dict

NBSP = "\xa0"
# kicker / headline / empty line / indented body: the layout the title rules read
REPORT = [
    "以案为鉴\u3000警钟长鸣——",
    f"守住安全底线{NBSP}护航高质量发展",
    "",
    "\u3000\u3000本报讯 10月9日，县应急管理局召开第四季度安全生产工作会议，总结前三季度安全生产工作，"
    "部署第四季度重点任务。会议由局长王建国主持，副局长李明通报了前三季度全县安全生产形势。"
    "县公安局、县交通运输局、县住房和城乡建设局等12个部门负责同志参加会议。",
    "\u3000\u3000会议指出，今年以来全县共排查各类隐患1142处，已整改1098处，整改率96.1%；"
    "发生生产安全事故3起，同比下降40%，未发生较大以上事故。",
    "\u3000\u3000会议要求，一是要压实企业主体责任，督促企业开展自查自改；二是要强化重点行业领域监管，"
    "对危险化学品、道路交通、建筑施工等领域开展专项整治；三是要做好冬季安全防范，确保全县安全生产形势持续稳定。",
    f"\u3000\u3000参会人员：王建国{NBSP}李明{NBSP}刘洋",
    "（来源：县应急管理局）",
]
TEXT = "\n".join(REPORT) + "\n"


def comparable(record, schema) -> dict:
    """Everything the record says about the report (not which file, reader or encoding it came from)."""
    out = record_to_dict(record, schema)
    for key in ("file", "sha256", "warnings"):
        out.pop(key, None)
    return out


def txt_utf8(folder: Path) -> Path:
    path = folder / "utf8.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


def txt_gb18030(folder: Path) -> Path:
    path = folder / "gb18030.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    return path


def docx_libreoffice_shape(folder: Path) -> Path:
    """What LibreOffice makes of a .txt: a paragraph per line, empty ones included, spaces as typed."""
    document = docx.Document()
    for line in REPORT:
        document.add_paragraph(line)
    path = folder / "libreoffice.docx"
    document.save(str(path))
    return path


def docx_word_shape(folder: Path) -> Path:
    """Word cuts a paragraph into runs anywhere (proofing, revisions, fonts) and types NBSP as it is."""
    document = docx.Document()
    for line in REPORT:
        paragraph = document.add_paragraph()
        for i in range(0, len(line), 7):
            run = paragraph.add_run(line[i : i + 7])
            run.bold = i % 2 == 0
    path = folder / "word.docx"
    document.save(str(path))
    return path


def page_paragraphs(folder: Path) -> Path:
    """A saved page: a <p> per line, <p><br></p> for an empty one, &nbsp; and &#12288; as written."""
    body = "".join(
        f"<p>{html.escape(line).replace(NBSP, '&nbsp;').replace(chr(0x3000), '&#12288;')}</p>\n"
        if line
        else "<p><br></p>\n"
        for line in REPORT
    )
    page = f'<html><head><meta charset="utf-8"><title>x</title></head><body>\n{body}</body></html>'
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def page_breaks(folder: Path) -> Path:
    """An older page: the whole article in one <div>, lines ended by <br>, the source wrapped anywhere."""
    lines = [html.escape(line).replace(NBSP, "&nbsp;") for line in REPORT]
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>\n'
        '<div class="article">\n' + "<br>\n".join(lines) + "\n</div></body></html>"
    )
    path = folder / "breaks.htm"
    path.write_bytes(page.encode("gb18030"))
    return path


SHAPES = [txt_gb18030, docx_libreoffice_shape, docx_word_shape, page_paragraphs, page_breaks]


@pytest.mark.parametrize("make", SHAPES, ids=lambda f: f.__name__)
def test_the_same_report_gives_the_same_record_from_every_shape(tmp_path, schema, make):
    reference = read(txt_utf8(tmp_path))
    doc = read(make(tmp_path))
    assert doc.text == reference.text  # the same lines, byte for byte
    assert [(b.kind, b.span) for b in doc.blocks] == [("paragraph", b.span) for b in reference.blocks]
    assert comparable(extract(doc, schema), schema) == comparable(extract(reference, schema), schema)


def test_compatibility_spaces_are_plain_in_values_and_spans_keep_their_place(tmp_path, schema):
    source = txt_utf8(tmp_path)
    doc = read(source)
    record = extract(doc, schema)
    title = record.fields["title"][0]
    assert title.value == "守住安全底线 护航高质量发展"  # U+00A0 became U+0020
    original = source.read_text(encoding="utf-8")
    span = title.evidence.span
    assert original[span.start : span.end] == f"守住安全底线{NBSP}护航高质量发展"  # the same place
    assert "以案为鉴 警钟长鸣" in doc.text  # U+3000 between words too
    assert doc.text.splitlines()[3].startswith("\u3000\u3000本报讯")  # but not an indentation
    assert NBSP not in doc.text


# --------------------------------------------------------------------- made by LibreOffice itself
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
{paragraphs}
</office:text></office:body></office:document>
"""


def fodt(folder: Path) -> Path:
    paragraphs = "\n".join(f"<text:p>{html.escape(line)}</text:p>" for line in REPORT)
    path = folder / "report.fodt"
    path.write_text(FODT.format(paragraphs=paragraphs), encoding="utf-8")
    return path


def convert(source: Path, target: str, folder: Path) -> Path:
    out = folder / "converted"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=180,
    )
    return out / f"{source.stem}.{target.split(':')[0]}"


@needs_soffice
@pytest.mark.parametrize(
    "make,target",
    [(txt_utf8, "docx"), (fodt, "docx"), (txt_utf8, "html")],
    ids=["txt-to-docx", "fodt-to-docx", "txt-to-html"],
)
def test_files_converted_by_libreoffice_give_the_same_record(tmp_path, schema, make, target):
    reference = read(txt_utf8(tmp_path))
    converted = convert(make(tmp_path), target, tmp_path)
    doc = read(converted)
    assert doc.text == reference.text
    assert comparable(extract(doc, schema), schema) == comparable(extract(reference, schema), schema)


LIST_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>
 <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）"
  style:num-format="一, 二, 三, ..."/>
</text:list-style></office:automatic-styles>
<office:body><office:text>
<text:p>工作方案</text:p>
<text:list text:style-name="L1">
 <text:list-item><text:p>总体要求</text:p>
  <text:list><text:list-item><text:p>指导思想</text:p></text:list-item>
  <text:list-item><text:p>工作目标</text:p></text:list-item></text:list></text:list-item>
 <text:list-item><text:p>主要任务</text:p></text:list-item>
</text:list>
</office:text></office:body></office:document>
"""


@needs_soffice
def test_a_libreoffice_docx_with_chinese_list_numbers_reads_with_them(tmp_path):
    source = tmp_path / "list.fodt"
    source.write_text(LIST_FODT, encoding="utf-8")
    doc = read(convert(source, "docx", tmp_path))  # numbering.xml: taiwaneseCountingThousand, %1、 （%2）
    assert doc.text == "工作方案\n一、总体要求\n（一）指导思想\n（二）工作目标\n二、主要任务"
    assert [b.label for b in doc.blocks] == ["", "一、", "（一）", "（二）", "二、"]
