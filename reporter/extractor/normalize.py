"""A normalised view of the text for the rules, the same length as the original.

Every change maps one character to one character, so an offset in the normalised text is the same
offset in SourceDoc.text and spans need no translation:

- full-width letters, digits and symbols → half-width (ＡＢ１２ → AB12), except CJK punctuation;
- half-width punctuation between Chinese text → the full-width form reports use (, → ，  : → ：
  ; → ；  ( → （  ) → ）  ! → ！  ? → ？), but not inside numbers (1,142  9:30  7.6);
- variant characters → their standard form (査 → 查);
- ideographic and no-break spaces → a plain space.
"""

from __future__ import annotations

import re

_VARIANTS = {
    "査": "查",
    "啓": "启",
    "羣": "群",
    "衆": "众",
    "爲": "为",
    "綫": "线",
    "竝": "并",
    "戶": "户",
    "産": "产",
    "歳": "岁",
    "値": "值",
    "強": "强",
    "況": "况",
    "呑": "吞",
    "絶": "绝",
    "〇": "〇",
    "\u2014": "—",
    "\u2015": "—",
    "\u2500": "—",
    "\uff5e": "~",
    "\u301c": "~",
    "\u3000": " ",
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\t": " ",
    "\u2018": "‘",
    "\u2019": "’",
    "\u201c": "“",
    "\u201d": "”",
    "\uff0e": ".",
    "\u00b7": "·",
    "丨": "|",
    "｜": "|",
    "\u30fb": "·",
    "\u2027": "·",
}
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_KEEP_FULL = set("，。：；（）！？、“”‘’《》〈〉【】「」『』—…·～")


def _char_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch in _KEEP_FULL:
            continue
        table[ch] = chr(code - 0xFEE0)
    table.update(_VARIANTS)
    return table


_MAP = _char_map()
_TRANS = str.maketrans(_MAP)


_HALF = re.compile(r"[,:;()!?]")  # the keys of _HALF_TO_FULL


def normalize(text: str) -> str:
    """Normalise for matching; len(normalize(t)) == len(t) always."""
    out = text.translate(_TRANS)
    n = len(out)
    pieces: list[str] = []
    last = 0
    # only the half-width punctuation changes; what stands beside it is never one of them made full-width
    # (prev and nxt are read unchanged: neither a half- nor a full-width mark is a digit or a letter)
    for m in _HALF.finditer(out):
        i = m.start()
        ch = out[i]
        prev = out[i - 1] if i else ""
        nxt = out[i + 1] if i + 1 < n else ""
        if ch in ",:" and prev.isdigit() and nxt.isdigit() and prev.isascii() and nxt.isascii():
            continue  # 1,142 and 9:30
        if ch in "()" and _ascii_context(prev, nxt):
            continue  # (1) in ASCII text stays; handled by rules either way
        pieces += (out[last:i], _HALF_TO_FULL[ch])
        last = i + 1
    if pieces:
        pieces.append(out[last:])
        out = "".join(pieces)
    assert len(out) == len(text)
    return out


def _ascii_context(prev: str, nxt: str) -> bool:
    return bool(prev) and bool(nxt) and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha()
