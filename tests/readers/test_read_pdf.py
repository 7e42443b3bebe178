"""PDF files: the text layer read with pypdf; scans, encryption and damage named."""

from __future__ import annotations

import pytest

from reporter.errors import EmptyDocumentError, EncryptedDocumentError, ReadError
from reporter.readers import read
from reporter.readers.limits import use_limits
from reporter.readers.pdf import _paragraphs
from tests.conftest import write
from tests.hostile.build_corpus import SHORT, pdf, pdf_encrypted, pdf_scanned, pdf_with_text, stream


def test_text_layer_is_read(tmp_path):
    doc = read(write(tmp_path / "报告.pdf", pdf_with_text(SHORT.splitlines())))
    assert doc.reader == "pdf"
    assert doc.text.splitlines()[0] == "赤峰市公安局召开全市公安机关工作会议"
    assert "会议由副局长贾建忠主持。" in doc.text and "来源：敖汉旗公安局" in doc.text


def test_content_decides_over_suffix(tmp_path):
    assert read(write(tmp_path / "其实是PDF.txt", pdf_with_text(["会议在敖汉旗召开。"]))).reader == "pdf"


def test_junk_before_the_header_is_tolerated_for_pdf_suffix(tmp_path):
    data = b"\r\n\r\n" + pdf_with_text(["会议在敖汉旗召开。"])
    assert "敖汉旗" in read(write(tmp_path / "前面有空行.pdf", data)).text


def test_scanned_pdf_says_no_text_layer_and_no_ocr(tmp_path):
    with pytest.raises(EmptyDocumentError) as info:
        read(write(tmp_path / "扫描件.pdf", pdf_scanned()))
    assert "扫描件.pdf" in str(info.value)
    assert "没有文字层；不支持文字识别（OCR）" in info.value.reason


def test_pdf_without_pages_or_text(tmp_path):
    empty = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(b""),
        ]
    )
    with pytest.raises(EmptyDocumentError, match="没有文字层"):
        read(write(tmp_path / "空白页.pdf", empty))


def test_encrypted_pdf_is_named(tmp_path):
    with pytest.raises(EncryptedDocumentError, match="加密"):
        read(write(tmp_path / "有密码.pdf", pdf_encrypted()))


def test_owner_password_only_is_read(tmp_path):
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_with_text(["只限制打印的文件"]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert read(write(tmp_path / "限制打印.pdf", buf.getvalue())).text == "只限制打印的文件"


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n" + b"\x00garbage" * 50, b"%PDF-1.7\n%%EOF\n", pdf_with_text(["半截"])[:200]]
)
def test_damaged_pdf_is_a_read_error(tmp_path, data):
    with pytest.raises(ReadError) as info:
        read(write(tmp_path / "坏的.pdf", data))
    assert "坏的.pdf" in str(info.value) and "损坏" in info.value.reason


def test_page_cap_reads_the_first_pages_with_a_warning(tmp_path):
    import io

    import pypdf

    one = pypdf.PdfReader(io.BytesIO(pdf_with_text(["第一页的文字。"])))
    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.add_page(one.pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    with use_limits(max_pdf_pages=2):
        doc = read(write(tmp_path / "三页.pdf", buf.getvalue()))
    assert doc.text.count("第一页的文字。") == 2
    assert "只读取了前 2 页" in doc.warnings[0]


def test_lines_are_joined_into_paragraphs():
    page = (
        "赤峰市公安局组织召开全市公安机关扫黑除\n恶专项斗争现场推进会\n"
        "2019 年1 月4 日,赤峰市公安局在敖汉旗组织召开全市公安\n机关推进会,深入贯彻中央部署要求。\n"
        "一是要及时传达贯彻会议精神\n二是要全面提升队伍攻坚能力。"
    )
    assert _paragraphs(page) == [
        "赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会",
        "2019年1月4日,赤峰市公安局在敖汉旗组织召开全市公安机关推进会,深入贯彻中央部署要求。",
        "一是要及时传达贯彻会议精神",
        "二是要全面提升队伍攻坚能力。",
    ]
