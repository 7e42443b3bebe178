"""parse_number: numbers as reports write them (Arabic, Chinese, 万/亿, percentages)."""

from __future__ import annotations

import re

import pytest

from reporter.extractor import numbers
from reporter.extractor.numbers import parse_number


@pytest.mark.parametrize(
    "text,value",
    [
        # Arabic, with thousands separators and decimals
        ("1142", 1142),
        ("1,142", 1142),
        ("12,345,678", 12345678),
        ("7.6", 7.6),
        ("0.5", 0.5),
        ("22918.31", 22918.31),
        ("１１４２", 1142),
        ("３．５", 3.5),
        # Chinese numerals, positional and digit by digit
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十一", 31),
        ("一百零八", 108),
        ("一千一百四十二", 1142),
        ("两千", 2000),
        ("两", 2),
        ("二〇一九", 2019),
        ("三千零五", 3005),
        ("一千零五十", 1050),
        ("五五", 55),
        # the spoken short forms 三千五 = 3500, 一万二 = 12000
        ("三千五", 3500),
        ("一百二", 120),
        ("一万二", 12000),
        ("一亿五", 150000000),
        # 万 and 亿, on Arabic and Chinese heads
        ("1.2万", 12000),
        ("16.3万", 163000),
        ("2.5亿", 250000000),
        ("4136亿", 413600000000),
        ("1亿", 100000000),
        ("3457.28万", 34572800),
        ("二十万", 200000),
        ("十二万三千", 123000),
        ("百万", 1000000),
        ("千万", 10000000),
        ("3千", 3000),
        ("1.5千", 1500),
        # approximation marks inside a number are ignored
        ("30多万", 300000),
        ("1000余万", 10000000),
        ("三十多万", 300000),
        # percentages
        ("7.6%", 7.6),
        ("97.24%", 97.24),
        ("百分之五十", 50),
        ("１００％", 100),
    ],
)
def test_parse_number(text, value):
    got = parse_number(text)
    assert got == value and type(got) is type(value), (text, got)


@pytest.mark.parametrize("text", ["", "维护", "个", "万", "十百", "abc", "%", "两个维护"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_whole_words_are_not_converted():
    # a converter run over whole text would turn 两个维护 into 2个维护; parse_number only takes number spans
    assert parse_number("两个维护") is None and parse_number("两") == 2


def test_docstring_examples_hold():
    examples = re.findall(r'parse_number\("([^"]*)"\) (==|is) (\S+)', numbers.__doc__ or "")
    assert len(examples) >= 15
    for text, op, expected in examples:
        got = parse_number(text)
        if op == "is":
            assert got is None, text
        else:
            assert got == float(expected), (text, got, expected)


def test_is_chinese_number():
    assert numbers.is_chinese_number("一千二百") and numbers.is_chinese_number("两万")
    assert not numbers.is_chinese_number("12") and not numbers.is_chinese_number("")
