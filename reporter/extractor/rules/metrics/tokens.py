"""Numbers with their 量词 in a sentence (tokens), the clauses of the sentence, and what is no metric."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...context import Context
from ...numbers import parse_number
from ...scan import matches_from
from .grammar import _APPROX_BEFORE, _CLAUSE_DELIMS, _CN_DIGITS
from .words import MetricWords

# ------------------------------------------------------------------------------------------ tokens


@dataclass
class Token:
    """A number as written (1.2万余元), where it is, and what the naming found for it."""

    start: int  # number start, document offset
    end: int  # end of the unit (or of the number when it has none)
    value: int | float
    unit: str  # '' when none; a 非指标 word for durations, ages …
    chinese: bool
    approx: bool
    kind: str  # "cand" (has a 量词) | "time" (年, 个月, 岁 …) | "bare" | "change"
    reject: str = ""  # why it is not a metric
    name: str = ""
    subject: str = ""  # what stood before the result verb (普鲁村 in 普鲁村受灾人口)
    verb: str = ""
    accepted: bool = False
    rule: str = ""
    clause: int = -1
    heading: bool = False
    used_to: int = -1  # number first: how far its name reached to the right
    sentence: int = -1
    topic: str = ""  # the place the sentence is about (策勒县), when it names one
    also: tuple[str, ...] = ()  # 甲、乙均达95%: the other names the same figure is given for
    doers: bool = False  # the name is 完成Y的X (the things counted, named by what they did): kept whole


# where a number token (MetricWords.token_re: digits or Chinese numerals) can begin (scan.matches_from)
_TOKEN_FIRST = re.compile(r"[\d零〇一二两三四五六七八九十百千]")


def _tokens(ctx: Context, words: MetricWords, s: int, e: int) -> list[Token]:
    norm = ctx.norm
    out: list[Token] = []
    for m in matches_from(words.token_re, _TOKEN_FIRST, norm, s, e):
        num, unit, big = m.group("num"), m.group("unit") or "", m.group("big") or ""
        if m.group("alt") and unit and unit not in words.not_units:
            unit += "（" + m.group("alt")[1:-1] + "）"  # 1200台（套）: both measure words stay
        chinese = not num[0].isdigit()
        a, b = m.start(), m.end()
        prev = norm[a - 1] if a > s else ""
        if not chinese and prev and (prev.isdigit() or prev in ".．" or (prev.isascii() and prev.isalpha())):
            continue
        if unit in words.unit_stops and b < e and norm[b] in words.unit_stops[unit]:
            unit = ""
            b = m.start("unit")
        if chinese and not unit:
            continue
        if not unit and b < e and norm[b].isascii() and norm[b].isalpha():
            continue  # 5G, 4A, 110kV: part of a name
        if chinese and a > s and norm[a - 1] in "一二两三四五六七八九十":
            continue
        value = parse_number(num.replace(",", "") + big if not chinese else num + big)
        if value is None:
            continue
        if unit and unit in words.not_units and unit not in words.units:
            kind = "time"
        elif not unit and big and not chinese and _STAT_BEFORE.search(norm, max(s, a - 12), a):
            kind = "cand"  # 全网曝光量超3000万: a statistic counted in 万 with no measure word
        else:
            kind = "cand" if unit else "bare"
        tok = Token(a, b, value, unit, chinese, bool(m.group("a1") or m.group("a2")), kind)
        if kind == "cand":
            tok.reject = _non_metric(ctx, words, tok, s, e)
        out.append(tok)
    return out


# a statistic noun (and its link word) right before a number (曝光量超, 访问人数达)
_STAT_BEFORE = re.compile(
    r"(?:量|人数|次数|总数|总额|金额|产值|收入)(?:已|均)?(?:达到|达|为|超过|超|突破|近|约|逾)?$"
)


def _non_metric(ctx: Context, words: MetricWords, tok: Token, s: int, e: int) -> str:
    """Why a number with a 量词 is not a metric, or ''."""
    norm = ctx.norm
    before = norm[max(s, tok.start - 8) : tok.start]
    after = norm[tok.end : min(e, tok.end + 8)]
    prev = before[-1:]
    if (
        (prev and prev in "×x*·•.-/～~#№")
        or (after[:1] in "·•" and not tok.chinese)
        or (prev in (":", "：") and before[-2:-1].isdigit())
    ):  # 7×24小时, “8·20”, 9:30
        return "名称或编号中的数字"
    stripped = _APPROX_BEFORE.sub("", before)
    if stripped.endswith(words.not_before) or before.endswith(words.not_before):  # (then the first of them)
        for w in words.not_before:
            if stripped.endswith(w) or before.endswith(w):
                return f"前有“{w}”"
    if _RANGE_BEFORE.search(before):
        return "范围"
    if _ORDINAL_BEFORE.search(before):
        return "序数"  # 第二、三轮
    if tok.chinese and _SOME_BEFORE.search(before):
        return "约数"
    if tok.chinese and tok.value == 1:
        return "一（不定量）"
    if tok.value == 1 and _HAPPENED_BEFORE.search(before):
        return "一起（不定量）"
    if _THRESHOLD_AFTER.match(after):  # 30万元以上的工程: a threshold
        return "门槛或修饰语"
    if after.startswith("的") and not _ATTRIBUTE_OF.match(after):
        return "修饰语"  # 3公里的路, 1%的贴息: the figure qualifies no measured thing (metrics.attributive_figure)
    thing = after.lstrip('“"')
    if thing.startswith(words.not_after):  # (then the first of them)
        for w in words.not_after:
            if thing.startswith(w):
                return f"数的是“{w}”"
    if _inside_short_quote(norm, s, tok.start):
        return "引号内的名称"
    if norm[s : tok.start].count("《") > norm[s : tok.start].count("》"):
        return "书名号内"
    return ""


_RANGE_BEFORE = re.compile(
    r"(?:\d|[" + _CN_DIGITS + r"])[余多]?[万亿]?[个名人件起次家条]?(?:至|到|—|–|-|~|～|或)$"
)
_ORDINAL_BEFORE = re.compile(r"第[" + _CN_DIGITS + r"\d]+[、和及至到]$")
_SOME_BEFORE = re.compile(r"(?:数|几|若干)$")
_HAPPENED_BEFORE = re.compile(r"发生了?$")
_THRESHOLD_AFTER = re.compile(r"(?:以下|以内|之内|以外|之外|外|之间|以上的)")
# 的 + a noun phrase of two characters or more: what the figure measures (5.5亿元的设备采购清单)
_ATTRIBUTE_OF = re.compile(r"的[\u4e00-\u9fff][\u4e00-\u9fff（(]")


def _inside_short_quote(norm: str, s: int, pos: int) -> bool:
    """A number inside a short quoted phrase (“两个维护”, “8·20”) belongs to a name or a slogan."""
    seg = norm[s:pos]
    i = max(seg.rfind("“"), seg.rfind('"'))
    if i < 0 or "”" in seg[i + 1 :]:
        return False
    ends = [x for x in (norm.find("”", pos, pos + 16), norm.find("“", pos, pos + 16)) if x >= 0]
    return bool(ends) and min(ends) - (s + i) <= 14


# ------------------------------------------------------------------------------------------ clauses


@dataclass
class Clause:
    start: int
    end: int


# a half-width full stop ends a clause unless a digit follows it (98.1%. 下一句 / 1.26亿元. ; not 98.1)
_CUT_OR_OPEN = re.compile("[" + re.escape(_CLAUSE_DELIMS) + "（(]|[.．](?![0-9])")
_CLOSE = re.compile("[）)]")


def _clauses(norm: str, s: int, e: int) -> list[Clause]:
    """Clause spans of a sentence; a parenthesis with a number in it is a clause of its own."""
    cuts = []
    i = s
    while (m := _CUT_OR_OPEN.search(norm, i, e)) is not None:
        i = m.start()
        if norm[i] in _CLAUSE_DELIMS or norm[i] in ".．":
            cuts.append(i)
        else:  # an opening bracket: its closing one within 40 characters
            close = _CLOSE.search(norm, i + 1, min(e, i + 40))
            if close and re.search(r"\d", norm[i : close.start()]):
                cuts.extend((i, close.start()))
                i = close.start()
        i += 1
    out, pos = [], s
    for c in cuts:
        if c > pos:
            out.append(Clause(pos, c))
        pos = max(pos, c + 1)
    if pos < e:
        out.append(Clause(pos, e))
    return out


def _heading_line(ctx: Context, pos: int) -> bool:
    """A title or heading line: short and without a sentence end."""
    for line in ctx.lines:
        if line.start <= pos < line.end:
            text = ctx.norm[line.start : line.end].strip()
            return len(text) <= 60 and not re.search(r"[。！？；]$", text)
    return False
