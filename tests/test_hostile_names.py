"""Output file names made from document titles are safe on Windows, macOS and Linux."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.names import MAX_BYTES, MAX_CHARS, safe_filename, unique_name

RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$", re.I)


def assert_safe(name: str) -> None:
    assert name and name not in (".", "..")
    assert not set(name) & set('/\\:*?"<>|'), name
    assert ".." not in name
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name), repr(name)
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]", name), repr(name)
    assert name == name.rstrip(" ."), repr(name)
    assert not name.startswith((".", "~$", "-", " ")), repr(name)
    assert not RESERVED.match(name.split(".")[0].rstrip(" ")), name
    assert len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES
    name.encode("utf-8")


@pytest.mark.parametrize(
    "title,expected",
    [
        ("关于CON/PRN的通知：第1期", "关于CON_PRN的通知：第1期"),
        ("赤峰市公安局召开推进会", "赤峰市公安局召开推进会"),
        ("a\\b", "a_b"),
        ('问答：是否"有效"？', "问答：是否＂有效＂？"),
        ("<script>*|", "＜script＞＊｜"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "未命名"),
        ("", "未命名"),
        ("   \n\t ", "未命名"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("Com1.tar.gz", "_Com1.tar.gz"),
        ("LPT9 ", "_LPT9"),
        ("nul.", "_nul"),
        ("COM¹", "_COM¹"),
        ("COM10", "COM10"),
        ("CONSOLE", "CONSOLE"),
        ("标题。。。...", "标题。。。"),
        ("标题 . . ", "标题"),
        (".隐藏", "隐藏"),
        ("~$锁文件", "锁文件"),
        ("-rf 标题", "rf 标题"),
        ("多行\n标题\r\n第二行", "多行标题第二行"),
        ("Work\nReport 2024", "Work Report 2024"),
        ("零宽\u200b字符\u202e反转\x00", "零宽字符反转"),
        ("【全角括号】（一）😀", "【全角括号】（一）😀"),
    ],
)
def test_titles_become_safe_names(title, expected):
    assert safe_filename(title) == expected
    assert_safe(safe_filename(title))


def test_suffix_is_kept_and_counted_in_the_caps():
    assert safe_filename("CON", suffix=".docx") == "_CON.docx"
    assert safe_filename("简报", suffix="docx") == "简报.docx"
    long = safe_filename("标" * 500, suffix=".docx")
    assert long.endswith(".docx") and len(long.encode()) <= MAX_BYTES and len(long) <= MAX_CHARS
    emoji = safe_filename("😀" * 300)
    assert len(emoji.encode()) <= MAX_BYTES and emoji == "😀" * (MAX_BYTES // 4)


def test_cut_never_leaves_a_dangling_combining_mark():
    name = safe_filename("e\u0301" * 100, max_chars=11)
    assert not name.endswith("e\u0301"[1]) or len(name) < 11


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(title=st.text(max_size=400), suffix=st.sampled_from(["", ".docx", ".xlsx", "txt"]))
def test_any_title_gives_a_safe_name(title, suffix):
    assert_safe(safe_filename(title, suffix=suffix))


def test_unique_name_adds_a_number_before_the_suffix():
    taken = {"简报.docx"}
    assert unique_name("简报.docx", taken) == "简报 (2).docx"
    assert unique_name("简报.DOCX", taken) == "简报 (3).DOCX"  # case-insensitive, as on Windows/macOS
    assert unique_name("README", taken) == "README"
    assert unique_name("readme", taken) == "readme (2)"
