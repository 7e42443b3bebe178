from __future__ import annotations

import pytest

from reporter.errors import EmptyDocumentError, ReadError
from reporter.readers import read
from reporter.readers.text import decode
from tests.conftest import write

REPORT = "赤峰市公安局召开全市公安机关工作会议\n2019年1月4日,会议在敖汉旗召开。会议由副局长贾建忠主持。\n来源:敖汉旗公安局\n"


@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
        ("big5", "big5"),
    ],
)
def test_every_encoding_gives_the_same_text(tmp_path, encoding, expected):
    text = REPORT
    if encoding == "big5":
        text = "臺北市政府召開全市治安工作會議\n會議由副市長主持，要求各單位加強巡邏，確保社會穩定。\n"
    doc = read(write(tmp_path / f"r-{encoding}.txt", text, encoding))
    assert doc.text == text.rstrip("\n")  # the body ends with its last line
    assert doc.encoding == expected
    assert doc.reader == "text"


def test_gbk_text_is_not_mistaken_for_big5():
    text, enc = decode(REPORT.encode("gbk"))
    assert enc == "gb18030" and text == REPORT


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_are_normalised(tmp_path, newline):
    doc = read(write(tmp_path / "n.txt", REPORT.replace("\n", newline)))
    assert "\r" not in doc.text
    assert doc.text.split("\n")[0] == "赤峰市公安局召开全市公安机关工作会议"


def test_controls_and_bidi_are_removed_and_reported(tmp_path):
    dirty = "标题\x00行\u202e\n正文\x07第一段\u200b。\n"
    doc = read(write(tmp_path / "c.txt", dirty))
    assert doc.text == "标题行\n正文第一段。"
    assert doc.warnings and "4" in doc.warnings[0]


def test_one_block_per_nonempty_line_without_indent(tmp_path):
    doc = read(write(tmp_path / "b.txt", "标题\n\n\u3000\u3000正文第一段。\n  第二段  \n"))
    texts = [doc.text[b.span.start : b.span.end] for b in doc.blocks]
    assert texts == ["标题", "正文第一段。", "第二段"]
    assert all(b.kind == "paragraph" and b.part == "body" for b in doc.blocks)


def test_sha256_is_of_the_bytes(tmp_path):
    import hashlib

    data = REPORT.encode("gbk")
    doc = read(write(tmp_path / "h.txt", data))
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  ", "\u3000\u3000\n".encode()])
def test_empty_files_are_named(tmp_path, content):
    path = write(tmp_path / "空.txt", content)
    with pytest.raises(EmptyDocumentError) as info:
        read(path)
    assert "空.txt" in str(info.value) and "空" in info.value.reason


def test_undecodable_bytes_name_the_file(tmp_path):
    path = write(tmp_path / "乱码.txt", b"\x80\xff" * 10)
    with pytest.raises(ReadError) as info:
        read(path)
    assert "乱码.txt" in str(info.value)
