from __future__ import annotations

import pytest

from reporter.extractor.dates import find_dates, parse_date
from reporter.extractor.normalize import normalize


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2019年1月4日,赤峰市", "2019-01-04"),
        ("二〇一九年一月四日", "2019-01-04"),
        ("二〇二三年十二月三十一日", "2023-12-31"),
        ("1月4日", "--01-04"),
        ("2019年1月", "2019-01"),
        ("2019-1-4", "2019-01-04"),
        ("2020.01.16", "2020-01-16"),
        ("2019/12/31", "2019-12-31"),
        ("本报北京1月20日电", "--01-20"),
        ("1月29日9时", "--01-29"),
        ("2月30日", None),  # not a date
        ("第13号", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_year_fills_a_missing_year():
    assert parse_date("3月8日", year=2024) == "2024-03-08"


def test_find_dates_reports_kinds_and_offsets():
    text = "2018年共有1060件，2019年1月，1月5日召开"
    found = find_dates(text)
    assert [(d.kind, text[d.start : d.end]) for d in found] == [
        ("year", "2018年"),
        ("ym", "2019年1月"),
        ("md", "1月5日"),
    ]


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("赤峰市公安局(分)局:线索核査1,142条 9:30", "赤峰市公安局（分）局：线索核查1,142条 9:30"),
        ("１２３，ＡＢＣ", "123，ABC"),
        ("会议,要求;", "会议，要求；"),
        ("\u3000\u3000正文", "  正文"),
    ],
)
def test_normalize_keeps_length(raw, expected):
    out = normalize(raw)
    assert out == expected and len(out) == len(raw)
