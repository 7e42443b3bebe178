"""Build a folder of broken, odd and hostile input files, each with the outcome `reporter` must give it.

    python tests/hostile/build_corpus.py OUTDIR      # writes the files and prints name → expected outcome

Nothing here is committed as a binary: zip bombs, OLE files, PDFs and the rest are generated. The
largest file on disk is a few MB (the "too large" cases are sparse files or cut off by limits
lowered for the test). Used by tests/test_hostile*.py.

Each case is a Case(name, expect, words): `expect` is "ok" (read, maybe with a warning containing
`words`), "skip" (silently not read: hidden, system, lock files, links out of the folder), or the name
of the ReporterError subclass the reader raises, with `words` a piece of its reason.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import random
import shutil
import struct
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

from tests.support.docx_fixtures import CT_MACRO, build, p, placeholder_controls  # noqa: E402

SEED = (HERE.parent.parent / "seeds" / "seed.txt").read_text(encoding="utf-8")
SHORT = "赤峰市公安局召开全市公安机关工作会议\n2019年1月4日，会议在敖汉旗召开。会议由副局长贾建忠主持。\n来源：敖汉旗公安局\n"
# the same kind of report in traditional characters (Big5 can encode it)
TRADITIONAL = "赤峰市公安局召開全市公安機關工作會議\n2019年1月4日，會議在敖漢旗召開。會議由副局長賈建忠主持。\n來源：敖漢旗公安局\n"


PLACEHOLDER = "单击或点击此处输入文字。"  # what Word shows in an empty content control


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "ok" | "skip" | an error class name
    words: str = ""  # a piece of the reason (or of a warning, for "ok")


# ----------------------------------------------------------------------------------- OLE (CFB) files
def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal, valid OLE compound file (v3, 512-byte sectors) holding these streams.

    Every stream is padded to 4096 bytes so none lives in the mini stream; one FAT sector.
    """
    sector = 512
    names = list(streams)
    dir_entries = 1 + len(names)
    dir_sectors = (dir_entries * 128 + sector - 1) // sector
    datas = [streams[n].ljust(4096, b"\x00") for n in names]
    fat: list[int] = [0xFFFFFFFD]  # sector 0: the FAT itself
    first_dir = len(fat)
    for i in range(dir_sectors):
        fat.append(first_dir + i + 1 if i < dir_sectors - 1 else 0xFFFFFFFE)
    starts = []
    for data in datas:
        n = len(data) // sector
        start = len(fat)
        starts.append(start)
        fat.extend(start + i + 1 for i in range(n - 1))
        fat.append(0xFFFFFFFE)
    assert len(fat) <= 128, "one FAT sector only"
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(sector, b"\xff")

    def entry(name: str, kind: int, start: int, size: int, right: int, child: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        return (
            raw.ljust(64, b"\x00")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + b"\x00" * 16
            + b"\x00" * 4
            + b"\x00" * 16
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, 0xFFFFFFFF, 1 if names else 0xFFFFFFFF)]
    for i, (name, data, start) in enumerate(zip(names, datas, starts, strict=False)):
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(data), right, 0xFFFFFFFF))
    directory = b"".join(entries).ljust(dir_sectors * sector, b"\x00")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIII", 0, 1, first_dir, 0)
        + struct.pack("<I", 4096)
        + struct.pack("<IIII", 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<109I", 0, *([0xFFFFFFFF] * 108))
    )
    assert len(header) == 512
    return header + fat_bytes + directory + b"".join(datas)


def fib(encrypted: bool) -> bytes:
    """The start of a Word 97 FibBase: wIdent, nFib, unused, lid, pnNext, flags (fEncrypted = 0x0100)."""
    return struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, 0x0100 if encrypted else 0)


# ------------------------------------------------------------------------------------------- PDFs
def pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


def _to_unicode_identity() -> bytes:
    """A ToUnicode CMap mapping every 2-byte code to the same BMP code point."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not 0xD8 <= hi <= 0xDF]
    blocks = []
    for i in range(0, len(ranges), 100):
        chunk = ranges[i : i + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds these lines (a Type0 font with a ToUnicode map)."""
    ops = ["BT /F1 12 Tf 72 780 Td 14 TL"]
    for line in lines:
        ops.append(f"<{line.encode('utf-16-be').hex().upper()}> Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
            b" /Contents 4 0 R >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R]"
            b" /ToUnicode 7 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
            b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
            stream(_to_unicode_identity()),
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0"
            b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        ]
    )


def pdf_scanned() -> bytes:
    """A page that is only an image (what a scanner gives): no text layer."""
    pixels = bytes(random.Random(3).randrange(256) for _ in range(64 * 64))
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >>"
            b" /Contents 4 0 R >>",
            stream(b"q 500 0 0 700 40 60 cm /Im1 Do Q"),
            stream(
                pixels,
                "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                "/BitsPerComponent 8 ",
            ),
        ]
    )


def pdf_encrypted() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_with_text(SHORT.splitlines()))))
    writer.encrypt(user_password="mima", owner_password="mima2", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pdf_bomb() -> bytes:
    """A content stream that inflates from ~100 KB to 100 MB."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(100)) + comp.flush()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(data, "/Filter /FlateDecode "),
        ]
    )


def pdf_deep() -> bytes:
    """Arrays nested 50,000 deep: a recursive parser runs out of stack."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots "
            + b"[" * 50_000
            + b"]" * 50_000
            + b" >>",
        ]
    )


# ------------------------------------------------------------------------------------------- zips
def zip_of(files: dict[str, bytes] | list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    items = files.items() if isinstance(files, dict) else files
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point
        with zipfile.ZipFile(buf, "w", method) as zf:
            for name, data in items:
                zf.writestr(name, data)
    return buf.getvalue()


def docx_parts(docx: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


def replace_part(docx: bytes, name: str, data: bytes) -> bytes:
    return zip_of([(n, data if n == name else d) for n, d in docx_parts(docx)])


def zip_bomb() -> bytes:
    """A Word file whose document.xml inflates 1000× (50 MB of the same byte in ~50 KB)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in docx_parts(build(p("正文"))):
            if name != "word/document.xml":
                zf.writestr(name, data)
        with zf.open("word/document.xml", "w") as fh:
            chunk = b" " * (1 << 20)
            for _ in range(50):
                fh.write(chunk)
    return buf.getvalue()


def lying_size() -> bytes:
    """document.xml declares 200 bytes in the zip directory but inflates to 1 MB."""
    real = b"<w:document/>" + b" " * (1 << 20)
    data = bytearray(zip_of([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", real)]))
    size = struct.pack("<I", len(real))
    small = struct.pack("<I", 200)
    return bytes(data).replace(size, small)


def many_entries() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(12_000):
            zf.writestr(f"word/media/x{i}.bin", b"")
    return buf.getvalue()


def billion_laughs() -> bytes:
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    doc = docx_parts(build(p("正文")))
    body = dict(doc)["word/document.xml"].decode()
    bomb = f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(lol)}]>' + body.replace("正文", "&lol9;")
    return replace_part(build(p("正文")), "word/document.xml", bomb.encode())


def xxe() -> bytes:
    body = dict(docx_parts(build(p("正文"))))["word/document.xml"].decode()
    evil = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + body.replace("正文", "&x;")
    )
    return replace_part(build(p("正文")), "word/document.xml", evil.encode())


def utf16_dtd() -> bytes:
    body = dict(docx_parts(build(p("正文"))))["word/document.xml"].decode()
    evil = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x "boom">]>' + body.replace(
        "正文", "&x;"
    )
    return replace_part(build(p("正文")), "word/document.xml", evil.encode("utf-16"))


def deep_xml() -> bytes:
    body = dict(docx_parts(build(p("正文"))))["word/document.xml"].decode()
    deep = "<w:sdt><w:sdtContent>" * 1500 + p("很深") + "</w:sdtContent></w:sdt>" * 1500
    return replace_part(
        build(p("正文")), "word/document.xml", body.replace("<w:body>", "<w:body>" + deep).encode()
    )


def external_links() -> bytes:
    """A template and an image linked from the web: read without fetching anything."""
    docx = build(p("正文有外部链接"), extra_parts={})
    parts = docx_parts(docx)
    rels = (
        dict(parts)["word/_rels/document.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'attachedTemplate" Target="http://example.invalid/t.dotm" TargetMode="External"/></Relationships>',
        )
    )
    return replace_part(docx, "word/_rels/document.xml.rels", rels.encode())


def mhtml(html: str, charset: str = "gb2312", parts: int = 0) -> bytes:
    body = base64.encodebytes(html.encode("gbk" if charset.startswith("gb") else charset)).decode()
    extra = "".join(
        f"------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Location: i{i}.png\r\n\r\nx\r\n"
        for i in range(parts)
    )
    return (
        "From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_01"\r\n\r\n'
        "------=_NextPart_01\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\nContent-Transfer-Encoding: base64\r\n'
        "Content-Location: http://example.invalid/report.html\r\n\r\n"
        f"{body}\r\n{extra}------=_NextPart_01--\r\n"
    ).encode("ascii")


PAGE = (
    '<!DOCTYPE html><html><head><meta charset="gbk"><title>赤峰市公安局召开工作会议</title>'
    '<script>document.write("脚本里的字")</script><style>.x{}</style></head><body>'
    "<nav>首页 | 新闻中心</nav><header>某某网</header><article>"
    + "".join(f"<p>{line}</p>" for line in SHORT.splitlines())
    + "</article><aside>相关阅读</aside><footer>版权所有</footer></body></html>"
)


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


# ------------------------------------------------------------------------------------ the corpus
def cases(soffice: bool) -> list[tuple[Case, Callable[[], bytes]]]:
    """Every case with the function that makes its bytes. Some outcomes depend on LibreOffice."""
    word = build(p("赤峰市公安局召开工作会议") + p("会议由副局长贾建忠主持。"))
    lo = "ok" if soffice else "UnsupportedFormatError"
    lo_words = "LibreOffice"
    out: list[tuple[Case, Callable[[], bytes]]] = [
        # ---- empty and blank
        (Case("空文件.txt", "EmptyDocumentError", "空"), lambda: b""),
        (Case("只有空白.txt", "EmptyDocumentError", "空"), lambda: " \r\n\t\u3000\u3000\n\xa0".encode()),
        (Case("只有空白.docx", "EmptyDocumentError", "没有文字"), lambda: build(p("   ") + p("\u3000"))),
        (Case("空文件.docx", "EmptyDocumentError", "空"), lambda: b""),
        # ---- random bytes and wrong contents
        (Case("随机字节.txt", "ReadError", "编码"), lambda: _random(4096, 1)),
        (Case("随机字节.docx", "ReadError", "不是 zip"), lambda: _random(4096, 2)),
        (Case("随机字节.pdf", "ReadError", "不是 PDF"), lambda: _random(4096, 3)),
        (Case("其实是文字.docx", "ReadError", "不是 zip"), lambda: SHORT.encode()),
        (
            Case("其实是图片.txt", "UnsupportedFormatError", "图片"),
            lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF" + _random(2000, 4),
        ),
        (Case("其实是程序.txt", "UnsupportedFormatError", "程序"), lambda: b"MZ\x90\x00" + _random(2000, 5)),
        (
            Case("其实是表格.docx", "UnsupportedFormatError", "Excel 表格"),
            lambda: zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        ),
        # ---- truncated and damaged
        (Case("半截.docx", "ReadError", "损坏"), lambda: word[: len(word) // 2]),
        (Case("只剩开头.docx", "ReadError", "损坏"), lambda: word[:100]),
        (
            Case("压缩数据损坏.docx", "ReadError", "损坏"),
            lambda: word[:200] + bytes(b ^ 0x5A for b in word[200:-200]) + word[-200:],
        ),
        (Case("损坏的.pdf", "ReadError", "损坏"), lambda: b"%PDF-1.4\n" + _random(3000, 6)),
        (Case("半截.pdf", "ReadError", "损坏"), lambda: pdf_with_text(SHORT.splitlines())[:300]),
        # ---- limits before parsing
        (Case("压缩炸弹.docx", "UnsafeDocumentError", "压缩炸弹"), zip_bomb),
        (Case("谎报大小.docx", "ReadError", ""), lying_size),
        (Case("条目过多.docx", "UnsafeDocumentError", "过多"), many_entries),
        (
            Case("重复部件.docx", "UnsafeDocumentError", "重复"),
            lambda: zip_of([*docx_parts(word), ("word/document.xml", b"<x/>")]),
        ),
        (
            Case("大小写重复.docx", "UnsafeDocumentError", "重复"),
            lambda: zip_of([*docx_parts(word), ("WORD/Document.xml", b"<x/>")]),
        ),
        (
            Case("路径穿越.docx", "UnsafeDocumentError", "不安全的路径"),
            lambda: zip_of([*docx_parts(word), ("../../evil.xml", b"<x/>")]),
        ),
        (
            Case("绝对路径.docx", "UnsafeDocumentError", "不安全的路径"),
            lambda: zip_of([*docx_parts(word), ("/etc/evil.xml", b"<x/>")]),
        ),
        (Case("实体炸弹.docx", "UnsafeDocumentError", "DTD"), billion_laughs),
        (Case("外部实体.docx", "UnsafeDocumentError", "DTD"), xxe),
        (Case("UTF16的DTD.docx", "UnsafeDocumentError", "DTD"), utf16_dtd),
        (Case("嵌套过深.docx", "ReadError", "XML"), deep_xml),
        (Case("PDF炸弹.pdf", "UnsafeDocumentError", "压缩炸弹"), pdf_bomb),
        (Case("PDF嵌套过深.pdf", "ReadError", ""), pdf_deep),
        (Case("部件过多.mht", "UnsafeDocumentError", "过多"), lambda: mhtml(PAGE, parts=2500)),
        # ---- encrypted, legacy, odd Word files
        (
            Case("有密码的.docx", "EncryptedDocumentError", "加密"),
            lambda: cfb({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": _random(3000, 7)}),
        ),
        (
            Case("有密码的旧版.doc", "EncryptedDocumentError", "加密"),
            lambda: cfb({"WordDocument": fib(True)}),
        ),
        (Case("有密码的.pdf", "EncryptedDocumentError", "加密"), pdf_encrypted),
        (Case("其实是Excel.doc", "UnsupportedFormatError", "Excel"), lambda: cfb({"Workbook": b"\x09\x08"})),
        (
            Case("损坏的旧版.doc", "ReadError", "损坏"),
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"),
        ),
        (
            Case("启用宏改名.docx", "ok", "宏"),
            lambda: build(
                p("启用宏的文档正文"), main_ct=CT_MACRO, extra_parts={"word/vbaProject.bin": b"\x00" * 64}
            ),
        ),
        (Case("严格格式.docx", "ok", "Strict"), lambda: build(p("严格格式的正文"), strict=True)),
        (
            Case("只有图片.docx", "EmptyDocumentError", "图片"),
            lambda: build(
                p(inner="<w:r><w:drawing/></w:r>"),
                extra_parts={"word/media/image1.png": b"\x89PNG\r\n\x1a\n"},
            ),
        ),
        (Case("外部链接.docx", "ok", ""), external_links),
        # content controls showing their placeholder: Word prints nothing there, nor do we
        (Case("占位符控件.docx", "ok", ""), placeholder_controls),
        (
            Case("只有占位符.docx", "EmptyDocumentError", "没有文字"),
            lambda: build(
                f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{p(PLACEHOLDER)}</w:sdtContent></w:sdt>"
            ),
        ),
        (Case("扫描件.pdf", "EmptyDocumentError", "没有文字层；不支持文字识别（OCR）"), pdf_scanned),
        # ---- more formats offices have
        (Case("网页.html", "ok", ""), lambda: PAGE.encode("gbk")),
        (
            Case("只有脚本.htm", "EmptyDocumentError", "没有正文"),
            lambda: b"<html><head><script>var a=1;</script></head><body><nav>menu</nav></body></html>",
        ),
        (Case("网页存档.mht", "ok", ""), lambda: mhtml(PAGE)),
        (Case("有文字层.pdf", "ok", ""), lambda: pdf_with_text(SHORT.splitlines())),
        (Case("说明.md", "ok", ""), lambda: ("# 赤峰市公安局召开工作会议\n\n" + SHORT).encode()),
        (
            Case("富文本.rtf", lo, "" if soffice else lo_words),
            lambda: rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\f0 \u36196?\u23792?\u24066? report\par}",
        ),
        # ---- text: encodings, controls, sizes
        (Case("GBK编码.txt", "ok", ""), lambda: SEED.encode("gbk")),
        (Case("UTF16编码.txt", "ok", ""), lambda: SEED.encode("utf-16")),
        (Case("UTF16无BOM.txt", "ok", ""), lambda: SEED.encode("utf-16-le")),
        (Case("繁体Big5.txt", "ok", ""), lambda: TRADITIONAL.encode("big5")),
        (
            Case("混合编码.txt", "ok", "混用"),
            lambda: SHORT.splitlines()[0].encode() + b"\n" + "\n".join(SHORT.splitlines()[1:]).encode("gbk"),
        ),
        (
            Case("控制字符.txt", "ok", "控制字符"),
            lambda: ("标题\x00行\u202e\u2066\n" + SHORT + "\x1b[31m红\x07\u200b\ufeff").encode(),
        ),
        (Case("孤立代理.txt", "ok", ""), lambda: SHORT.encode() + b"\xed\xa0\x80\n"),
        (Case("很长的报告.txt", "ok", "只读取了前"), lambda: (SEED * 500).encode()),
        (
            Case("超大文本.txt", "UnsafeDocumentError", "过大"),
            lambda: ("文" * (17 * 1024 * 1024 // 3 + 10)).encode(),
        ),
        # ---- file names: anything works
        (Case("-以减号开头.txt", "ok", ""), lambda: SHORT.encode()),
        (Case("带 空格 的 报告.txt", "ok", ""), lambda: SHORT.encode()),
        (Case("表情😀报告.txt", "ok", ""), lambda: SHORT.encode()),
        (Case("【全角括号】（一）报告.txt", "ok", ""), lambda: SHORT.encode()),
        # ---- skipped silently
        (Case(".DS_Store", "skip"), lambda: _random(600, 8)),
        (Case("Thumbs.db", "skip"), lambda: cfb({"Catalog": b"\x00"})),
        (Case("desktop.ini", "skip"), lambda: b"[.ShellClassInfo]\r\n"),
        (Case("._报告.docx", "skip"), lambda: b"\x00\x05\x16\x07" + _random(100, 9)),
        (Case("~$报告.docx", "skip"), lambda: _random(162, 10)),
        (Case(".~lock.报告.docx#", "skip"), lambda: b"user,host,2024"),
        (Case("~WRL0001.tmp", "skip"), lambda: word),
    ]
    if soffice:
        out.append((Case("旧版.doc", "ok", "LibreOffice"), lambda: _converted(word, "doc")))
        out.append((Case("金山.wps", "ok", "LibreOffice"), lambda: _converted(word, "doc")))
    else:
        out.append(
            (Case("旧版.doc", "UnsupportedFormatError", lo_words), lambda: cfb({"WordDocument": fib(False)}))
        )
        out.append(
            (Case("金山.wps", "UnsupportedFormatError", lo_words), lambda: cfb({"WordDocument": fib(False)}))
        )
    return out


@functools.cache
def _converted(docx: bytes, fmt: str) -> bytes:
    """A real legacy Word file made by LibreOffice from a .docx."""
    import subprocess
    import tempfile

    from reporter.readers.doc import find_soffice

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.docx"
        src.write_bytes(docx)
        subprocess.run(
            [
                find_soffice() or "soffice",
                f"-env:UserInstallation={(Path(tmp) / 'p').as_uri()}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(tmp) / f"in.{fmt}").read_bytes()


SPECIAL = [  # made on disk, not from bytes
    Case("超过上限.txt", "ReadError", "过大"),  # a sparse file over max_file_bytes
    Case("链接循环.txt", "skip"),  # a symlink to itself
    Case("指向外面.txt", "skip"),  # a symlink leading out of the folder
    Case("指向外面的文件夹", "skip"),  # a symlink to a folder outside
    Case("子文件夹/指回上级", "skip"),  # a symlink to the parent (a loop)
]


def build_corpus(folder: Path, *, soffice: bool | None = None) -> dict[str, Case]:
    """Write every case into `folder` (files directly in it, one sub-folder); name → Case."""
    if soffice is None:
        from reporter.readers.doc import find_soffice

        soffice = find_soffice() is not None
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Case] = {}
    for case, make in cases(soffice):
        (folder / case.name).write_bytes(make())
        made[case.name] = case
    # a good report in a sub-folder (walked), next to the loop link
    sub = folder / "子文件夹"
    sub.mkdir(exist_ok=True)
    (sub / "子文件夹里的报告.txt").write_text(SHORT, encoding="utf-8")
    made["子文件夹/子文件夹里的报告.txt"] = Case("子文件夹/子文件夹里的报告.txt", "ok")
    from reporter.readers.limits import current

    with open(folder / "超过上限.txt", "wb") as fh:  # sparse: no disk used
        fh.truncate(current().max_file_bytes + 1)
    made["超过上限.txt"] = SPECIAL[0]
    if hasattr(os, "symlink") and os.name == "posix":
        outside = folder.parent / f"{folder.name}-外面"
        outside.mkdir(exist_ok=True)
        (outside / "不该读到.txt").write_text(SHORT, encoding="utf-8")
        for name, target in (
            ("链接循环.txt", "链接循环.txt"),
            ("指向外面.txt", outside / "不该读到.txt"),
            ("指向外面的文件夹", outside),
            ("子文件夹/指回上级", ".."),
        ):
            link = folder / name
            if link.is_symlink():
                link.unlink()
            os.symlink(target, link)
            made[name] = next(c for c in SPECIAL if c.name == name)
    if sys.platform.startswith("linux"):  # a name that is not valid UTF-8 (GBK bytes of 报告)
        raw = os.fsdecode(b"\xb1\xa8\xb8\xe6-gbk-name.txt")
        (folder / raw).write_bytes(SHORT.encode())
        made[raw] = Case(raw, "ok")
    return made


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    target = Path(argv[1])
    if target.exists() and any(target.iterdir()):
        shutil.rmtree(target)
    for name, case in build_corpus(target).items():
        print(f"{name}\t{case.expect}\t{case.words}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
