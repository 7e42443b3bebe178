"""Word list numbers as Word, WPS and LibreOffice show them: every w:numFmt an office meets, the counters
(start, restarts through lvlRestart and startOverride, shared per abstract list, a picture-only item
still counted), bullets as their glyph; and the other things a Word file holds that are not the report's
text (placeholders of content controls, print-time field results) or that must keep their order."""

from __future__ import annotations

import pytest

from reporter.readers import read
from reporter.readers.numbering import bullet_glyph, format_number


def lines(doc, part="body"):
    return [doc.text[b.span.start : b.span.end] for b in doc.blocks if b.part == part]


@pytest.mark.parametrize(
    "fmt,values",
    [
        ("taiwaneseCountingThousand", {1: "一", 10: "十", 11: "十一", 20: "二十", 101: "一百零一"}),
        ("chineseCountingThousand", {2: "二", 15: "十五", 99: "九十九", 1010: "一千零一十"}),
        ("chineseCounting", {3: "三", 10: "十", 21: "二十一"}),
        ("taiwaneseCounting", {4: "四", 12: "十二"}),
        ("ideographTraditional", {1: "甲", 10: "癸", 11: "甲"}),
        ("ideographZodiac", {1: "子", 12: "亥", 13: "子"}),
        ("decimalFullWidth", {1: "１", 12: "１２"}),
        ("decimalZero", {1: "01", 9: "09", 10: "10", 123: "123"}),
        ("decimalEnclosedCircle", {1: "①", 20: "⑳", 21: "21"}),
        ("decimalEnclosedCircleChinese", {3: "③"}),
        ("decimalEnclosedParen", {1: "⑴", 20: "⒇"}),
        ("decimalEnclosedFullstop", {1: "⒈"}),
        ("ideographEnclosedCircle", {1: "㊀", 10: "㊉"}),
        ("chineseLegalSimplified", {1: "壹", 10: "壹拾", 12: "壹拾贰", 105: "壹佰零伍"}),
        ("ideographLegalTraditional", {2: "貳", 30: "參拾"}),
        ("ideographDigital", {2019: "二〇一九"}),
        ("upperLetter", {1: "A", 26: "Z", 27: "AA", 28: "BB"}),
        ("lowerLetter", {2: "b", 53: "aaa"}),
        ("upperRoman", {4: "IV", 1999: "MCMXCIX"}),
        ("lowerRoman", {9: "ix", 14: "xiv"}),
        ("decimal", {7: "7"}),
        ("ordinal", {1: "1st", 2: "2nd", 3: "3rd", 11: "11th", 22: "22nd"}),
        ("none", {5: ""}),
        ("somethingNew", {5: "5"}),  # an unknown format reads as a number, never as nothing
    ],
)
def test_every_number_format_renders_as_word_shows_it(fmt, values):
    assert {n: format_number(n, fmt) for n in values} == values


def test_bullets_are_kept_as_their_glyph():
    assert bullet_glyph("\uf0b7", "Symbol") == "•"
    assert bullet_glyph("o", "Courier New") == "◦"
    assert bullet_glyph("\uf0a7", "Wingdings") == "▪"
    assert bullet_glyph("§", "Wingdings") == "▪"
    assert bullet_glyph("\uf0d8", "Wingdings") == "➢"
    assert bullet_glyph("●") == "●" and bullet_glyph("-") == "-"
    assert bullet_glyph("\uf0e0") == "•"  # some other symbol-font bullet is still a bullet


def test_lists_as_libreoffice_wps_and_word_write_them(docx_fixtures):
    doc = read(docx_fixtures["office-lists.docx"])
    assert lines(doc) == [
        "一、总体要求",  # LibreOffice: taiwaneseCountingThousand, %1、 and （%2）
        "（一）指导思想",
        "（二）工作目标",
        "二、主要任务",
        "（一）另起一段",  # WPS: a sibling w:num with startOverride restarts the level…
        "（二）接着编号",  # …and the first w:num continues that count
        "三、保障措施",
        "1. 系统概述",
        "1.1 功能说明",
        "1.3 性能要求",  # 1.2 holds only a picture: numbered, so the count goes on
        "第一条 本办法自印发之日起施行",
        "第二条 本办法由县应急管理局负责解释",
        "第一条 新的一章从头编号",  # Word: a w:num with startOverride restarts the list
    ]
    labels = [b.label for b in doc.blocks if b.kind == "list_item"]
    assert labels[:4] == ["一、", "（一）", "（二）", "二、"]
    assert "" in doc.text.split("\n")  # the picture's paragraph is an empty line, as in a .txt


def test_restart_rules_legal_numbers_bullets_and_style_links(docx_fixtures):
    doc = read(docx_fixtures["list-rules.docx"])
    assert lines(doc) == [
        "一、总体要求",
        "（一）样式决定层级",  # the level whose w:pStyle is the paragraph's style
        "（二）样式决定层级二",
        "不编号的样式段落",  # w:numId 0 takes the style's numbering away
        "1. 第一部分",
        "1.1 第一节",
        "2. 第二部分",
        "2.2 不重新编号",  # w:lvlRestart 0: the level never restarts
        "3. 另一个编号接着数",  # another w:num of the same abstract list continues its count
        "I. 罗马一",
        "1.1 法律式",  # w:isLgl: every level as a decimal number
        "II. 罗马二",
        "圆点",
        "空心圆",
        "方块",
        "①圈码一",  # w:numStyleLink: the definition of the numbering style's list
        "②圈码二",
    ]
    # a bullet is shown in the text, before the item's words and outside its span; it is no number
    assert "\n• 圆点\n◦ 空心圆\n▪ 方块\n" in doc.text
    bullets = [b for b in doc.blocks if doc.text[b.span.start : b.span.end] in ("圆点", "空心圆", "方块")]
    assert [(b.kind, b.label, b.level) for b in bullets] == [
        ("list_item", "", 0),
        ("list_item", "", 1),
        ("list_item", "", 2),
    ]


def test_placeholders_of_content_controls_are_empty(docx_fixtures):
    doc = read(docx_fixtures["placeholder-controls.docx"])
    assert "单击" not in doc.text and "输入文字" not in doc.text
    assert lines(doc) == [
        "县应急管理局召开安全生产工作会议",
        "会议由主持。",
        "填报人：",
        "填报日期",
        "联系人：张三",
    ]


def test_print_time_fields_in_headers_and_footers_are_left_out(docx_fixtures):
    doc = read(docx_fixtures["print-fields.docx"])
    assert lines(doc, "header") == ["县应急管理局"]  # DATE and TIME results gone
    assert lines(doc, "footer") == ["地址：县府路1号  电话：1234567"]  # — 3 —, 第 5 页 共 9 页, 9 / 15 gone
    assert lines(doc) == [
        "正文内容，落款日期见文末。",
        "印发日期：2019年1月4日",
    ]  # a date field in the body stays


def test_a_table_nested_before_a_cells_text_comes_first(docx_fixtures):
    doc = read(docx_fixtures["cell-with-table-first.docx"])
    assert doc.text == "表格前\n外表一\n内表甲\t内表乙\n外表二的文字\n表格后"
    assert [b.level for b in doc.blocks if b.kind == "cell"] == [1, 2, 2, 1]


def test_newer_formats_in_alternate_content_and_picture_bullets(tmp_path):
    from tests.conftest import write
    from tests.support.docx_fixtures import build, numbering, p

    custom = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1."/></w:lvl>'
    )
    picture = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/>'
        '<w:lvlPicBulletId w:val="0"/></w:lvl>'
    )
    body = p("第一项", num=(1, 0)) + p("第二项", num=(1, 0)) + p("图片符号", num=(2, 0))
    path = write(
        tmp_path / "新格式.docx",
        build(body, numbering_xml=numbering({1: [custom], 2: [picture]}, {1: 1, 2: 2})),
    )
    doc = read(path)
    assert doc.text == "01. 第一项\n02. 第二项\n• 图片符号"
