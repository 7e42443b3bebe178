"""Word list numbering: the numbers Word displays for auto-numbered paragraphs (numbering.xml).

The numbers of an auto-numbered list are not in the run text; Word draws them from the list
definition. This module keeps the counters and renders each level's text (一、 （一） 1. （1） 第一条 …).
"""

from __future__ import annotations

from dataclasses import dataclass, field

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    values = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    zero = False
    started = False
    for value, unit in values:
        d = n // value % 10
        if d == 0:
            if started:
                zero = True
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (value == 10 and d == 1 and not started and digits is _CN_DIGITS):
            parts.append(digits[d])
        parts.append(unit)
        started = True
    return "".join(parts)


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, aa..zz, aaa..
    n -= 1
    return chr(ord("a") + n % 26) * (n // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter n in a w:numFmt format."""
    if fmt in ("decimal", "", None):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "koreanCounting",
    ):
        return chinese_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"
    if fmt in ("decimalEnclosedParen",):
        return f"({n})"
    if fmt in ("decimalEnclosedFullstop",):
        return f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "ordinal":
        return f"{n}."
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab | space | nothing
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; None = after any higher
    is_legal: bool = False


@dataclass
class AbstractNum:
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass
class Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """Counters for every list of one document; label(num_id, ilvl) advances and renders."""

    def __init__(self, abstracts: dict[str, AbstractNum], nums: dict[str, Num]):
        self.abstracts = abstracts
        self.nums = nums
        # counters are kept per abstract definition (lists sharing one continue each other),
        # except a num with start overrides, which restarts its own sequence
        self._counters: dict[str, dict[int, int]] = {}

    def level(self, num_id: str, ilvl: int) -> Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        abstract = self.abstracts.get(num.abstract_id)
        if abstract is None:
            return None
        return abstract.levels.get(ilvl)

    def _key(self, num_id: str) -> str:
        num = self.nums[num_id]
        return f"num:{num_id}" if num.start_overrides else f"abs:{num.abstract_id}"

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the list and return (displayed number, suffix kind) for one paragraph."""
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return "", "nothing"
        key = self._key(num_id)
        counters = self._counters.setdefault(key, {})
        num = self.nums[num_id]
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = num.start_overrides.get(ilvl, lvl.start)
        # a deeper level restarts when this one advances
        for deeper in [k for k in counters if k > ilvl]:
            deeper_lvl = self.level(num_id, deeper)
            if deeper_lvl is None or deeper_lvl.restart is None or deeper_lvl.restart - 1 >= ilvl:
                if deeper_lvl is None or deeper_lvl.restart != 0:
                    del counters[deeper]
        text = lvl.text
        for i in range(9):
            token = f"%{i + 1}"
            if token not in text:
                continue
            sub = self.level(num_id, i)
            value = counters.get(i, sub.start if sub else 1)
            fmt = "decimal" if (lvl.is_legal and i != ilvl) else (sub.fmt if sub else "decimal")
            text = text.replace(token, format_number(value, fmt))
        if lvl.fmt == "bullet":
            text = ""
        return text, lvl.suffix
