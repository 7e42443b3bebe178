"""Saved web pages (.html/.htm) and web archives (.mht/.mhtml)."""

from __future__ import annotations

import base64
import quopri

import pytest

from reporter.errors import EmptyDocumentError, ReadError, UnsafeDocumentError
from reporter.readers import read
from reporter.readers.html import page_charset
from reporter.readers.limits import use_limits
from tests.conftest import write

ARTICLE = "<h1>赤峰市公安局召开工作会议</h1><p>会议由副局长贾建忠主持。</p><p>来源：敖汉旗公安局</p>"
FURNITURE = (
    "<script>var s='脚本';</script><style>p{color:red}</style><noscript>请启用脚本</noscript>"
    "<nav>首页 | 新闻</nav><header>某某网</header><aside>相关阅读</aside><footer>版权所有</footer>"
    "<div hidden>隐藏一</div><div style='display: none'>隐藏二</div><div role='navigation'>导航</div>"
)


def page(head: str = "", body: str = ARTICLE) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>页面标题</title></head><body>{FURNITURE}{body}</body></html>"


@pytest.mark.parametrize(
    "head,encoding,codec",
    [
        ('<meta charset="gbk">', "gbk", "gb18030"),
        ('<meta charset="gb2312">', "gbk", "gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "gbk", "gb18030"),
        ("<meta charset='big5'>", "big5", "big5hkscs"),
        ('<meta charset="utf-8">', "utf-8", "utf-8"),
        ("", "utf-8-sig", "utf-8-sig"),
        ("", "utf-16", "utf-16"),
        ("", "gbk", "gb18030"),  # no declaration: detected like a text file
    ],
)
def test_charset_comes_from_the_page(tmp_path, head, encoding, codec):
    html = page(head)
    if encoding == "big5":  # traditional characters only, which Big5 can hold
        body = (
            ARTICLE.replace("会议", "會議")
            .replace("贾", "賈")
            .replace("来源", "來源")
            .replace("敖汉", "敖漢")
        )
        body = body.replace("长", "長").replace("开", "開").replace("召开", "召開")
        html = f"<html><head>{head}</head><body>{body}</body></html>"
    doc = read(write(tmp_path / "网页.html", html, encoding))
    assert doc.reader == "html" and doc.encoding == codec
    assert doc.text.splitlines()[0] in ("赤峰市公安局召开工作会议", "赤峰市公安局召開工作會議")
    assert "副局" in doc.text


def test_declared_charset_that_does_not_fit_falls_back_to_detection(tmp_path):
    doc = read(write(tmp_path / "错标.htm", page('<meta charset="gb2312">'), "utf-8"))
    assert "会议由副局长贾建忠主持。" in doc.text


def test_scripts_styles_navigation_and_hidden_parts_are_dropped(tmp_path):
    doc = read(write(tmp_path / "a.html", page('<meta charset="utf-8">')))
    assert doc.text == "赤峰市公安局召开工作会议\n会议由副局长贾建忠主持。\n来源：敖汉旗公安局"
    assert doc.meta["title"] == "页面标题"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]


def test_tables_lists_breaks_comments_and_whitespace(tmp_path):
    body = (
        "<table><tr><td>甲</td><td>乙</td></tr><tr><th>丙</th><td>丁</td></tr></table>"
        "<ul><li>一是加强</li><li>二是<!-- 注释 -->落实</li></ul><p>第一行<br>第二行</p>"
        "<p>会议\n   在敖汉旗\n召开 on   time</p><pre>保留  空格</pre>"
    )
    doc = read(write(tmp_path / "t.html", page('<meta charset="utf-8">', body)))
    assert (
        doc.text == "甲\t乙\n丙\t丁\n一是加强\n二是落实\n第一行\n第二行\n会议在敖汉旗召开 on time\n保留  空格"
    )
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:4] == ["cell"] * 4 and kinds[4:6] == ["list_item"] * 2


def test_xhtml_with_xml_declaration(tmp_path):
    text = '<?xml version="1.0" encoding="utf-8"?>' + page('<meta charset="utf-8">')
    assert "贾建忠" in read(write(tmp_path / "x.xhtml", text)).text


@pytest.mark.parametrize(
    "html", ["<html><body><script>1</script></body></html>", "<html></html>", "<!-- 只有注释 -->"]
)
def test_page_without_text_is_named(tmp_path, html):
    with pytest.raises(EmptyDocumentError) as info:
        read(write(tmp_path / "空页.html", html))
    assert "空页.html" in str(info.value)


def test_deeply_nested_page_is_read_without_recursion(tmp_path):
    html = "<div>" * 200 + "很深的正文" + "</div>" * 200
    assert "很深的正文" in read(write(tmp_path / "深.html", html)).text


def test_page_nested_past_the_parser_limit_is_named(tmp_path):
    html = "<div>" * 20000 + "很深的正文" + "</div>" * 20000
    with pytest.raises(ReadError, match="嵌套层次过深"):
        read(write(tmp_path / "太深.html", html))
    doc = read(write(tmp_path / "半深.html", "<p>浅处的正文</p>" + html))
    assert doc.text == "浅处的正文" and "嵌套" in doc.warnings[0]


def test_page_over_the_size_cap_is_refused(tmp_path):
    with use_limits(max_html_bytes=1000), pytest.raises(UnsafeDocumentError, match="过大"):
        read(write(tmp_path / "大.html", page(body=ARTICLE * 50)))


def test_page_charset_from_bytes():
    assert page_charset(b'<meta http-equiv="content-type" content="text/html;charset=gbk">') == "gb18030"
    assert page_charset(b"<meta charset=unknown-thing>") is None
    assert page_charset(b"<p>none</p>") is None


# ------------------------------------------------------------------------------------------ .mht
def mht(html: bytes, *, charset: str, encoding: str, start: bool = False, decoy: bool = False) -> bytes:
    body = base64.encodebytes(html) if encoding == "base64" else quopri.encodestring(html)
    parts = []
    if decoy:  # another HTML part first (a frame); the start parameter points at the real one
        parts.append(
            b'Content-Type: text/html; charset="utf-8"\r\nContent-ID: <frame>\r\n\r\n<p>frame</p>\r\n'
        )
    parts.append(
        f'Content-Type: text/html; charset="{charset}"\r\nContent-Transfer-Encoding: {encoding}\r\n'
        "Content-ID: <main>\r\nContent-Location: http://example.invalid/a.html\r\n\r\n".encode()
        + body
        + b"\r\n"
    )
    parts.append(b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n")
    start_param = '; start="<main>"' if start else ""
    head = (
        "From: <Saved by Blink>\r\nSubject: =?utf-8?B?5oql5ZGK?=\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; type="text/html"; boundary="BOUNDARY"{start_param}\r\n\r\n'
    ).encode()
    return head + b"".join(b"--BOUNDARY\r\n" + part for part in parts) + b"--BOUNDARY--\r\n"


@pytest.mark.parametrize(
    "charset,encoding",
    [("gb2312", "base64"), ("gbk", "quoted-printable"), ("utf-8", "quoted-printable"), ("utf-8", "base64")],
)
def test_mht_html_part_decoded_by_transfer_encoding_and_charset(tmp_path, charset, encoding):
    raw = page().encode("gbk" if charset.startswith("gb") else charset)
    doc = read(write(tmp_path / "存档.mht", mht(raw, charset=charset, encoding=encoding)))
    assert doc.reader == "mhtml"
    assert doc.text == "赤峰市公安局召开工作会议\n会议由副局长贾建忠主持。\n来源：敖汉旗公安局"


def test_mht_start_parameter_picks_the_page(tmp_path):
    data = mht(page().encode(), charset="utf-8", encoding="base64", start=True, decoy=True)
    assert "贾建忠" in read(write(tmp_path / "帧.mhtml", data)).text


def test_mht_without_html_part_is_named(tmp_path):
    data = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n"
        b"--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n"
    )
    with pytest.raises(EmptyDocumentError, match="没有网页正文"):
        read(write(tmp_path / "图.mht", data))
