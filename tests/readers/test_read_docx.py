from __future__ import annotations

import pytest

from reporter.errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    ReadError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)
from reporter.readers import read
from reporter.readers.numbering import chinese_counting, format_number
from tests.conftest import write


def lines(doc, part="body"):
    return [doc.text[b.span.start : b.span.end] for b in doc.blocks if b.part == part]


def test_list_numbers_are_rendered_as_word_shows_them(docx_fixtures):
    doc = read(docx_fixtures["numbered-lists.docx"])
    assert lines(doc) == [
        "总体要求",
        "一、提高站位",
        "（一）统一思想",
        "（二）明确责任",
        "二、压实责任",
        "（一）细化分工",
        "一是要及时传达贯彻会议精神",
        "二是要全面提升队伍攻坚能力",
        "三是要动态跟进督导任务落实",
        "1. 第一项",
        "（1）子项甲",
        "（2）子项乙",
        "2. 第二项",
        "（1）子项丙",
        "第一条 本办法自发布之日起施行",
        "第二条 本办法由县应急管理局负责解释",
        "甲、天干甲",
        "乙、天干乙",
        "①圈一",
        "②圈二",
        "项目符号",  # the bullet stands before the span (see test_read_numbering)
        "11. 从十一开始",
        "12. 接着十二",
        "1. 重新编号一",
        "一、样式里的编号",
        "不编号",
    ]
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert items[0].label == "一、" and items[1].level == 1
    assert [b.kind for b in doc.blocks][:2] == ["paragraph", "list_item"]


def test_content_controls_are_unwrapped_once(docx_fixtures):
    doc = read(docx_fixtures["content-controls.docx"])
    assert doc.text == "标题行\n控件里的段落\n前文行内控件后文\n单元格\t控件单元格"


def test_text_boxes_are_read_once(docx_fixtures):
    doc = read(docx_fixtures["text-boxes.docx"])
    assert doc.text.count("文本框里的文字") == 1
    assert lines(doc) == ["正文第一段", "锚点段落", "文本框里的文字", "正文第二段"]


def test_tracked_changes_are_read_as_accepted(docx_fixtures):
    doc = read(docx_fixtures["tracked-changes.docx"])
    assert lines(doc) == ["会议由李四主持。", "新位置"]


def test_nested_tables_keep_order_and_cells(docx_fixtures):
    doc = read(docx_fixtures["nested-tables.docx"])
    assert doc.text == "表格前\n外表一\t外表二\n内表甲\t内表乙\n外表三\t外表四\n表格后"
    cells = [b for b in doc.blocks if b.kind == "cell"]
    assert len(cells) == 6
    assert {b.level for b in cells} == {1, 2}


def test_headers_footers_and_notes_are_kept_apart(docx_fixtures):
    doc = read(docx_fixtures["headers-footers.docx"])
    assert lines(doc) == ["正文内容"]
    assert lines(doc, "header") == ["页眉文字"]
    assert lines(doc, "footer") == ["来源:敖汉旗公安局"]  # the first-page footer repeats it: kept once
    assert lines(doc, "note") == ["脚注文字"]
    assert doc.body == "正文内容"


def test_hyperlinks_smart_tags_and_field_results_are_kept_but_page_numbers(docx_fixtures):
    doc = read(docx_fixtures["inline-kinds.docx"])
    assert doc.text == "详见链接文字敖汉旗2019年1月4日\t制表后\n换行后"  # the PAGE field's 7 is left out
    assert "DATE" not in doc.text


def test_heading_styles_become_heading_blocks(docx_fixtures):
    doc = read(docx_fixtures["headings.docx"])
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [("heading", 0), ("paragraph", 0), ("heading", 1), ("paragraph", 0)]


def test_macro_enabled_and_strict_files_are_read_with_a_warning(docx_fixtures):
    macro = read(docx_fixtures["macro-enabled.docx"])
    assert macro.text == "启用宏的文档正文" and any("宏" in w for w in macro.warnings)
    strict = read(docx_fixtures["strict-ooxml.docx"])
    assert strict.text == "严格格式的正文" and any("Strict" in w for w in strict.warnings)


@pytest.mark.parametrize(
    "name,error,words",
    [
        ("with-dtd.docx", UnsafeDocumentError, "DTD"),
        ("images-only.docx", EmptyDocumentError, "图片"),
        ("zip-without-word-parts.docx", UnsupportedFormatError, "请先解压"),
        ("encrypted.docx", EncryptedDocumentError, "加密"),
        ("legacy.doc", ReadError, ".doc"),  # a hand-made OLE header: named as a damaged .doc (issue 7)
    ],
)
def test_bad_word_files_get_a_clear_error(docx_fixtures, name, error, words):
    with pytest.raises(error) as info:
        read(docx_fixtures[name])
    assert name in str(info.value)
    assert words in str(info.value)


def test_not_a_zip(tmp_path):
    path = write(tmp_path / "假的.docx", "这其实是一段文字")
    with pytest.raises(ReadError) as info:
        read(path)
    assert "假的.docx" in str(info.value) and "zip" in str(info.value)


def test_truncated_zip(tmp_path, docx_fixtures):
    data = docx_fixtures["headings.docx"].read_bytes()
    path = write(tmp_path / "半截.docx", data[: len(data) // 2])
    with pytest.raises(ReadError) as info:
        read(path)
    assert "半截.docx" in str(info.value)


def test_content_decides_over_suffix(tmp_path, docx_fixtures):
    renamed = write(tmp_path / "其实是word.txt", docx_fixtures["headings.docx"].read_bytes())
    assert read(renamed).reader == "docx"


def test_unknown_suffix_lists_supported(tmp_path):
    path = write(tmp_path / "表格.xls", "a,b")
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    assert ".docx" in str(info.value) and ".txt" in str(info.value) and "表格.xls" in str(info.value)


@pytest.mark.parametrize(
    "n,fmt,expected",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircle", "②"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (2019, "ideographDigital", "二〇一九"),
        (7, "decimalZero", "07"),
    ],
)
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_zero_gaps():
    assert chinese_counting(1010) == "一千零一十"
