"""Word list numbering: the numbers Word displays for auto-numbered paragraphs (numbering.xml).

The numbers of an auto-numbered list are not in the run text; Word draws them from the list
definition. This module keeps the counters as Word keeps them and renders each level's text
(一、 （一） 1. （1） 第一条 ① • …) in every w:numFmt an office document uses.

Counters: one set per abstract numbering definition, so every w:num pointing at it continues the same
list; a w:num with a w:startOverride restarts that level the first time a paragraph uses that w:num
(the way Word, WPS and LibreOffice restart a list through a sibling w:num); a level restarts when a
higher level advances, unless its w:lvlRestart says otherwise; every numbered paragraph advances,
with or without text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

_CN_DIGITS = "零一二三四五六七八九"
_TW_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_IDEO_CIRCLED = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"
_IDEO_PAREN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"


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


def _glyph(n: int, glyphs: str) -> str:
    """The n-th of a run of enclosed glyphs (①, ⑴, ⒈, ㊀ …); past the last one Word writes the number."""
    return glyphs[n - 1] if 1 <= n <= len(glyphs) else str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_COUNTING = frozenset(
    (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
    )
)
_DIGITAL = frozenset(("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand", "koreanDigital"))
_ENCLOSED = {
    "decimalEnclosedCircle": _CIRCLED,
    "decimalEnclosedCircleChinese": _CIRCLED,
    "decimalEnclosedParen": _PAREN,
    "decimalEnclosedFullstop": _FULLSTOP,
    "ideographEnclosedCircle": _IDEO_CIRCLED,
    "ideographParen": _IDEO_PAREN,
}
_SIMPLE: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "ordinal": _ordinal,
    "cardinalText": str,
    "ordinalText": _ordinal,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_counting(n, _TW_LEGAL, "拾佰仟"),
    "japaneseLegal": lambda n: chinese_counting(n, _TW_LEGAL, "拾百千"),
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "ideographZodiac": lambda n: _DIZHI[(n - 1) % 12],
    "ideographZodiacTraditional": lambda n: _TIANGAN[(n - 1) % 10] + _DIZHI[(n - 1) % 12],
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str | None) -> str:
    """Render counter n in a w:numFmt format, as Word shows it (an unknown format as a decimal)."""
    if not fmt:
        return str(n)
    simple = _SIMPLE.get(fmt)
    if simple is not None:
        return simple(n) if n > 0 or fmt in ("decimal", "decimalZero", "none", "bullet") else str(n)
    if fmt in _COUNTING:
        return chinese_counting(n)
    if fmt in _DIGITAL:
        return "".join(_TW_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    glyphs = _ENCLOSED.get(fmt)
    if glyphs is not None:
        return _glyph(n, glyphs)
    return str(n)


# Bullets drawn from a symbol font: the font's private code (U+F0xx) or plain letter → the glyph shown.
_SYMBOL_BULLETS = {
    "\uf0b7": "•",  # Symbol ·
    "\uf0a7": "▪",  # Wingdings §
    "\uf06c": "●",  # Wingdings l
    "\uf06e": "■",  # Wingdings n
    "\uf06f": "□",  # Wingdings o
    "\uf071": "❑",  # Wingdings q
    "\uf075": "◆",  # Wingdings u
    "\uf076": "❖",  # Wingdings v
    "\uf0a8": "◆",
    "\uf0d8": "➢",  # Wingdings Ø
    "\uf0e8": "➔",
    "\uf0fc": "✔",  # Wingdings ü
    "\uf0b2": "◇",
    "\uf09f": "•",
    "\uf0a1": "○",
    "\uf0a4": "◉",
}
_LETTER_BULLETS = {  # the same glyphs when the level text is the font's plain letter
    ("symbol", "·"): "•",
    ("wingdings", "§"): "▪",
    ("wingdings", "l"): "●",
    ("wingdings", "n"): "■",
    ("wingdings", "q"): "❑",
    ("wingdings", "u"): "◆",
    ("wingdings", "v"): "❖",
    ("wingdings", "Ø"): "➢",
    ("wingdings", "ü"): "✔",
    ("courier new", "o"): "◦",
}


def bullet_glyph(text: str, font: str = "") -> str:
    """A bullet level's text as the glyph Word draws (• ▪ ◦ ● …): symbol-font codes are mapped."""
    font = font.lower()
    out = []
    for ch in text:
        if ch in _SYMBOL_BULLETS:
            out.append(_SYMBOL_BULLETS[ch])
        elif (font, ch) in _LETTER_BULLETS:
            out.append(_LETTER_BULLETS[(font, ch)])
        elif 0xF000 <= ord(ch) <= 0xF0FF:
            out.append("•")  # some other symbol-font bullet
        else:
            out.append(ch)
    return "".join(out)


_NOT_LEGAL = frozenset(("decimalZero", "bullet", "none"))


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab | space | nothing
    restart: int | None = (
        None  # w:lvlRestart: restart after this (1-based) level; 0 never; None after any higher
    )
    is_legal: bool = False
    font: str = ""  # w:rPr/w:rFonts of the level (symbol-font bullets)
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to


@dataclass
class AbstractNum:
    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None  # w:numStyleLink: the definition is that numbering style's


@dataclass
class Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """Counters for every list of one document; label(num_id, ilvl) advances and renders.

    `style_nums` maps a numbering style (w:numStyleLink targets) to the w:num its w:pPr names.
    """

    def __init__(
        self,
        abstracts: dict[str, AbstractNum],
        nums: dict[str, Num],
        style_nums: dict[str, str] | None = None,
    ):
        self.abstracts = abstracts
        self.nums = nums
        self.style_nums = style_nums or {}
        self._counters: dict[str, dict[int, int]] = {}  # per abstract definition: level → last value
        self._applied: set[tuple[str, int]] = set()  # (num id, level) whose startOverride was used

    def abstract_id(self, num_id: str) -> str | None:
        """The abstract definition a w:num uses, following w:numStyleLink to the numbering style's."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract_id
        for _ in range(4):  # a link to a style whose num links again: a few hops at most
            abstract = self.abstracts.get(aid)
            if abstract is None or not abstract.style_link:
                break
            linked = self.nums.get(self.style_nums.get(abstract.style_link, ""))
            if linked is None or linked.abstract_id == aid:
                break
            aid = linked.abstract_id
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        abstract = self.abstracts.get(self.abstract_id(num_id) or "")
        if abstract is None:
            return None
        return abstract.levels.get(ilvl)

    def level_of_style(self, num_id: str, style_ids: list[str]) -> int | None:
        """The level whose w:pStyle is the paragraph's style (or one it is based on)."""
        abstract = self.abstracts.get(self.abstract_id(num_id) or "")
        if abstract is None:
            return None
        for sid in style_ids:
            for ilvl, lvl in abstract.levels.items():
                if lvl.style == sid:
                    return ilvl
        return None

    def is_bullet(self, num_id: str, ilvl: int) -> bool:
        lvl = self.level(num_id, ilvl)
        return lvl is not None and lvl.fmt == "bullet"

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the list and return (displayed number, suffix kind) for one paragraph."""
        lvl = self.level(num_id, ilvl)
        aid = self.abstract_id(num_id)
        if lvl is None or aid is None:
            return "", "nothing"
        counters = self._counters.setdefault(aid, {})
        num = self.nums[num_id]
        override = num.start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self._applied:
            self._applied.add((num_id, ilvl))
            counters[ilvl] = override
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = lvl.start
        # deeper levels restart when this one advances, unless their w:lvlRestart says otherwise
        for deeper in [k for k in counters if k > ilvl]:
            restart = (self.level(num_id, deeper) or Level()).restart
            if restart is None or (restart > 0 and ilvl + 1 <= restart):
                del counters[deeper]
        text = lvl.text
        for i in range(9):
            token = f"%{i + 1}"
            if token not in text:
                continue
            sub = self.level(num_id, i)
            value = counters.get(i, sub.start if sub else 1)
            fmt = sub.fmt if sub else "decimal"
            if lvl.is_legal and fmt not in _NOT_LEGAL:
                fmt = "decimal"
            text = text.replace(token, format_number(value, fmt))
        if lvl.fmt == "bullet":
            text = bullet_glyph(text, lvl.font)
        return text, lvl.suffix
