"""The one layout of lines every reader gives the extractor (reporter.readers.base.TextBuilder)."""

from __future__ import annotations

from reporter.readers.base import TextBuilder, compat_spaces
from reporter.readers.text import lay_out, line_blocks


def built(*adds: tuple[str, dict]) -> tuple[str, list[str], list]:
    builder = TextBuilder()
    for text, kw in adds:
        builder.add(text, **kw)
    text, blocks = builder.build()
    return text, [text[b.span.start : b.span.end] for b in blocks], list(blocks)


def test_compatibility_spaces_become_plain_one_for_one():
    assert compat_spaces("张三\xa0李四\u2002王五\u2009赵六\u202f钱七") == "张三 李四 王五 赵六 钱七"
    assert compat_spaces("姓\u3000\u3000名") == "姓  名"  # between words, each one
    assert compat_spaces("\u3000\u3000正文开头") == "\u3000\u3000正文开头"  # an indentation stays
    assert compat_spaces("结尾\u3000") == "结尾\u3000"
    for text in ("a\xa0b\u3000c", "\u3000x\u3000y"):
        assert len(compat_spaces(text)) == len(text)


def test_empty_paragraphs_are_empty_lines_but_not_at_either_end():
    text, lines, _ = built(
        ("", {"blank": True}),
        ("标题", {"blank": True}),
        ("", {"blank": True}),
        ("\u3000\u3000正文。", {"blank": True}),
        ("  ", {"blank": True}),
    )
    assert text == "标题\n\n\u3000\u3000正文。"
    assert lines == ["标题", "正文。"]  # the indentation is in the text, not in the span


def test_a_line_break_in_a_paragraph_starts_a_line_but_not_in_a_heading_or_cell():
    _text, lines, blocks = built(
        ("一、第一行\n第二行", {"kind": "list_item", "label": "一、"}),
        ("标题上半\n标题下半", {"kind": "heading"}),
        ("格一\n格二", {"kind": "cell"}),
    )
    assert lines == ["一、第一行", "第二行", "标题上半\n标题下半", "格一\n格二"]
    assert [b.label for b in blocks] == ["一、", "", "", ""]


def test_a_lead_stands_before_the_span():
    text, lines, blocks = built(("落实责任", {"kind": "list_item", "lead": "• "}))
    assert text == "• 落实责任" and lines == ["落实责任"] and blocks[0].label == ""


def test_headers_and_footers_are_stripped_and_said_once():
    text, lines, _ = built(
        ("正文", {}),
        ("  页眉  ", {"part": "header"}),
        ("页眉", {"part": "header"}),
        ("", {"part": "footer", "blank": True}),
    )
    assert text == "正文\n页眉" and lines == ["正文", "页眉"]


def test_a_text_file_is_laid_out_the_same_way():
    text = lay_out("\n \n标题\xa0一\n\n\u3000\u3000正文。  \n\n")
    assert text == "标题 一\n\n\u3000\u3000正文。"
    assert [text[b.span.start : b.span.end] for b in line_blocks(text)] == ["标题 一", "正文。"]
