"""Numbers as reports write them (pure functions).

    parse_number("1142") == 1142           parse_number("1,142") == 1142
    parse_number("7.6") == 7.6             parse_number("1.2万") == 12000
    parse_number("三十一") == 31            parse_number("一千一百四十二") == 1142
    parse_number("两") == 2                 parse_number("2.5亿") == 250000000
    parse_number("二〇一九") == 2019         parse_number("十") == 10
    parse_number("维护") is None
    parse_number("7.6%") == 7.6            parse_number("百分之五十") == 50
    parse_number("30多万") == 300000        parse_number("1000余万") == 10000000
    parse_number("一万二") == 12000         parse_number("三千零五") == 3005
    parse_number("１１４２") == 1142

Approximation marks inside a number (余, 多) are ignored: the value is the number as written without
them. Only call these on the number spans a rule found, never on whole text (两个维护 is not 2个维护).
"""

from __future__ import annotations

import re
from functools import lru_cache

CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
APPROX_INSIDE = "余多"

CN_NUM_CHARS = "".join(CN_DIGIT) + "".join(CN_UNIT)
# one number as written: Arabic (1,142 / 7.6 / 1.2) or Chinese (一千一百四十二), optionally with 万/亿
NUMBER_RE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + CN_NUM_CHARS + r"]+)"
    r"(?:[万亿萬億](?:[" + CN_NUM_CHARS + r"\d]+)?)*"
)

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def _small_chinese(text: str) -> int | None:
    """一千一百四十二 → 1142; 二〇一九 → 2019 (digit by digit); 三千五 → 3500 (spoken short form); '' → None."""
    if not text:
        return None
    if all(c in CN_DIGIT for c in text):
        if len(text) == 1:
            return CN_DIGIT[text]
        return int("".join(str(CN_DIGIT[c]) for c in text))
    total, digit, last_unit, zero = 0, None, 0, False
    for c in text:
        if c in CN_DIGIT:
            if digit is not None and CN_DIGIT[c] != 0:
                return None  # two digits in a row inside a positional number: not a number
            digit = CN_DIGIT[c]
            zero = zero or digit == 0
            if digit == 0:
                digit = None
        elif c in CN_UNIT:
            if last_unit and CN_UNIT[c] >= last_unit:
                return None  # 十百: units must fall
            total += (1 if digit is None else digit) * CN_UNIT[c]
            digit, last_unit = None, CN_UNIT[c]
        else:
            return None
    if digit is not None:
        # 三千五 / 一百二 mean 3500 / 120; 三千零五 and 二十五 are exact
        total += digit * (last_unit // 10 if last_unit >= 100 and not zero else 1)
    return total


_DIGITS = re.compile(r"\d+")
_DECIMAL = re.compile(r"\d+\.\d+")
_DIGITS_UNIT = re.compile(r"\d+(?:\.\d+)?[十百千]")
_APPROX_AFTER_DIGIT = re.compile(r"(?<=[\d十百千])[" + APPROX_INSIDE + r"](?=[万亿萬億])")
_APPROX_AFTER_UNIT = re.compile(r"(?<=[十百千])[" + APPROX_INSIDE + r"](?=[万亿萬億])")


def _plain(text: str) -> int | float | None:
    if not text:
        return None
    t = text.replace(",", "")
    if len(t) > 24:
        return None  # no count in a report runs to 25 digits (and int() refuses thousands of them)
    if _DIGITS.fullmatch(t):
        return int(t)
    if _DECIMAL.fullmatch(t):
        return float(t)
    if _DIGITS_UNIT.fullmatch(t):  # 3千, 1.5千
        return _tidy(float(t[:-1]) * CN_UNIT[t[-1]])
    return _small_chinese(t)


@lru_cache(maxsize=4096)  # a pure function of the text, asked many times per report (each figure, each rule)
def parse_number(text: str) -> int | float | None:
    """Resolve a number as written in a report; None when it is not a number."""
    text = text.strip().translate(_FULL_WIDTH)
    if not text:
        return None
    if text.endswith("%"):
        text = text[:-1].strip()
    elif text.startswith("百分之"):
        text = text[3:]
    if text and text[0] in "0123456789":
        text = _APPROX_AFTER_DIGIT.sub("", text)  # 30多万, 1000余万
    else:
        text = _APPROX_AFTER_UNIT.sub("", text)  # 三十多万
    if not text:
        return None
    for big in ("亿", "億", "万", "萬"):
        head, found, tail = text.partition(big)
        if not found:
            continue
        value = _plain(head)  # a bare 万 is no number (上万人 is "tens of thousands")
        if value is None:
            return None
        total: float = value * CN_BIG[big]
        if tail:
            if len(tail) == 1 and tail in CN_DIGIT and CN_DIGIT[tail]:
                rest: int | float | None = CN_DIGIT[tail] * CN_BIG[big] // 10  # 一万二 = 12000
            else:
                rest = parse_number(tail)
            if rest is None:
                return None
            total += rest
        return _tidy(total)
    return _plain(text)


def _tidy(value: float) -> int | float:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def is_chinese_number(text: str) -> bool:
    return bool(text) and all(c in CN_DIGIT or c in CN_UNIT or c in CN_BIG for c in text)
