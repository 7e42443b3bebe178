"""Dates as reports write them (pure functions over normalised text).

find_dates("2019年1月4日,赤峰市…")[0].iso() == "2019-01-04"
find_dates("二〇一九年一月四日")[0].iso() == "2019-01-04"
find_dates("1月4日")[0].iso() == "--01-04"          (no year: resolve with with_year())
find_dates("2019年1月")[0].iso() == "2019-01"
find_dates("2019-1-4")[0].iso() == "2019-01-04"
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .numbers import parse_number
from .scan import matches_from

_CN = "〇零○一二三四五六七八九十"
_Y = rf"(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"

# the order matters: the longest forms first, each alternative named so the match tells its kind
DATE_RE = re.compile(
    rf"(?P<full>{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*[日号])"
    rf"|(?P<iso>(?P<y2>(?:19|20)\d{{2}})(?P<sep>[-./])(?P<m2>1[0-2]|0?[1-9])(?P=sep)(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d))"
    rf"|(?P<ym>(?P<y3>(?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年\s*(?P<m3>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?!\s*\d))"
    rf"|(?P<md>(?:(?<=今年)|(?<![\d年]))(?P<m4>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?P<d4>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])"
    rf"|(?P<year>(?P<y5>(?:19|20)\d{{2}})\s*年(?![\d一二三四五六七八九十]+\s*月))"
)
RELATIVE_RE = re.compile(r"(?P<rel>昨日|昨天|今日|今天|前天|前日|明天|明日|日前|近日|近期|上午|下午)")


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    kind: str  # full | iso | ym | md | year

    def iso(self) -> str | None:
        """YYYY-MM-DD, YYYY-MM, or --MM-DD when the year is unknown."""
        if self.month is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}" if self.year else None
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int | None) -> DateMatch:
        return self if self.year is not None or year is None else replace(self, year=year)

    def valid(self) -> bool:
        if self.month is None or not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        try:
            dt.date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True


def _num(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_number(text)
    return int(value) if isinstance(value, (int, float)) else None


# a character that can begin a date (every alternative of DATE_RE begins with a digit or a Chinese numeral):
# the scan jumps from one to the next instead of trying DATE_RE at every character (scan.py)
_DATE_FIRST = re.compile(rf"[0-9{_CN}]")


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """What DATE_RE.finditer(text) yields."""
    return matches_from(DATE_RE, _DATE_FIRST, text)


def find_dates(text: str) -> list[DateMatch]:
    """Every date expression in the text, in order."""
    out = []
    for m in _date_matches(text):
        if m.group("full"):
            d = DateMatch(m.start(), m.end(), _num(m["y"]), _num(m["m"]), _num(m["d"]), "full")
        elif m.group("iso"):
            d = DateMatch(m.start(), m.end(), _num(m["y2"]), _num(m["m2"]), _num(m["d2"]), "iso")
        elif m.group("ym"):
            d = DateMatch(m.start(), m.end(), _num(m["y3"]), _num(m["m3"]), None, "ym")
        elif m.group("md"):
            d = DateMatch(m.start(), m.end(), None, _num(m["m4"]), _num(m["d4"]), "md")
        else:
            year = _num(m["y5"])
            out.append(DateMatch(m.start(), m.end(), year, None, None, "year"))
            continue
        if d.valid():
            out.append(d)
    return out


def parse_date(text: str, year: int | None = None) -> str | None:
    """The first date in a short text as ISO (see DateMatch.iso); `year` fills a missing year."""
    for d in find_dates(text):
        if d.kind != "year":
            return d.with_year(year).iso()
    return None


def shift(ref: dt.date, word: str) -> dt.date | None:
    """昨日/今天/前天/明天 relative to a reference date."""
    offsets = {"昨日": -1, "昨天": -1, "今日": 0, "今天": 0, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
    if word not in offsets:
        return None
    return ref + dt.timedelta(days=offsets[word])
