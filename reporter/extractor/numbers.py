"""Numbers as reports write them (pure functions).

    parse_number("1142") == 1142           parse_number("1,142") == 1142
    parse_number("7.6") == 7.6             parse_number("1.2万") == 12000
    parse_number("三十一") == 31            parse_number("一千一百四十二") == 1142
    parse_number("两") == 2                 parse_number("2.5亿") == 250000000
    parse_number("二〇一九") == 2019         parse_number("十") == 10
    parse_number("维护") is None
"""

from __future__ import annotations

import re

CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3,
            "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
            "九": 9, "玖": 9}
CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_NUM_CHARS = "".join(CN_DIGIT) + "".join(CN_UNIT)
# one number as written: Arabic (1,142 / 7.6 / 1.2) or Chinese (一千一百四十二), optionally with 万/亿
NUMBER_RE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + CN_NUM_CHARS + r"]+)"
    r"(?:[万亿萬億](?:[" + CN_NUM_CHARS + r"\d]+)?)*"
)


def _small_chinese(text: str) -> int | None:
    """一千一百四十二 → 1142; 二〇一九 → 2019 (digit by digit); '' → None."""
    if not text:
        return None
    if all(c in CN_DIGIT for c in text):
        if len(text) == 1:
            return CN_DIGIT[text]
        return int("".join(str(CN_DIGIT[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in CN_DIGIT:
            digit = CN_DIGIT[c]
        elif c in CN_UNIT:
            total += (1 if digit is None else digit) * CN_UNIT[c]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    return total


def _plain(text: str) -> int | float | None:
    if not text:
        return None
    t = text.replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    if re.fullmatch(r"\d+[十百千]", t):  # 3千
        return int(t[:-1]) * CN_UNIT[t[-1]]
    return _small_chinese(t)


def parse_number(text: str) -> int | float | None:
    """Resolve a number as written in a report; None when it is not a number."""
    text = text.strip()
    if not text:
        return None
    for big in ("亿", "億", "万", "萬"):
        head, found, tail = text.partition(big)
        if not found:
            continue
        value = _plain(head) if head else 1
        if value is None:
            return None
        total: float = value * CN_BIG[big]
        if tail:
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
