"""The word lists of metrics (templates/metric_words.txt), parsed once per file version."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...context import Context
from ...lexicon import words_in_effect

# a result verb heading a noun is part of the noun (覆盖率, 立案数, 受灾人口)
_NOUN_HEAD = re.compile(r"(?:率|量|额|数|面积|人口|人数|金额|总量|总额|比例)")

_SECTIONS = {
    "量词": "units",
    "结果动词": "verbs",
    "统计名词": "stat_nouns",
    "时间词": "time_words",
    "非指标": "not_units",
    "非指标前词": "not_before",
    "非指标后词": "not_after",
    "议程词": "agenda",
    "不是动词的词": "not_verbs",
    "计划词": "plans",
    "数字前的虚词": "gap_words",
    "不是成果的动词": "not_action",
    "去向和分组动词": "motion_verbs",
}


@dataclass(frozen=True)
class MetricWords:
    """The sections of metric_words.txt, and the patterns built from them."""

    units: tuple[str, ...]
    unit_stops: dict[str, str]
    verbs: tuple[str, ...]
    stat_nouns: tuple[str, ...]
    time_words: tuple[str, ...]
    not_units: tuple[str, ...]
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    agenda: tuple[str, ...]
    not_verbs: tuple[str, ...]
    plans: tuple[str, ...]
    gap_words: frozenset[str]
    not_action: frozenset[str]
    motion_verbs: frozenset[str]  # 深入3个乡镇, 分成4个小组: the count is where they went or how they split
    token_re: re.Pattern = field(repr=False, compare=False)
    time_re: re.Pattern = field(repr=False, compare=False)  # the time words, longest first
    verb_re: re.Pattern = field(repr=False, compare=False)
    not_verb_re: re.Pattern = field(repr=False, compare=False)

    def verbs_in(self, text: str, *, compounds: bool = False) -> list[re.Match]:
        """Result verbs in text, skipping those inside a listed noun (联网 in 互联网) and, unless compounds,
        those heading a noun (覆盖率, 立案数, 受灾人口)."""
        blocked = [(m.start(), m.end()) for m in self.not_verb_re.finditer(text)]
        return [
            m
            for m in self.verb_re.finditer(text)
            if not any(a <= m.start() < b or a < m.end() <= b for a, b in blocked)
            and (compounds or not _NOUN_HEAD.match(text, m.end()))
        ]

    def first_verb(self, text: str) -> re.Match | None:
        found = self.verbs_in(text)
        return found[0] if found else None

    def verb_at_end(self, text: str) -> str:
        """The result verb text ends with (设置了 → 设置), or ''."""
        t = _PARTICLE_END.sub("", text)
        for m in reversed(self.verbs_in(t)):
            if m.end() == len(t):
                return m.group()
        return ""


_PARTICLE_END = re.compile(r"(?:了|到|出|过)$")


def read_metric_words(path: Path | None) -> MetricWords:
    """Parse metric_words.txt: a [节名] line starts a section; one word a line; # starts a comment."""
    sections: dict[str, list[tuple[str, str]]] = {v: [] for v in _SECTIONS.values()}
    current = None
    text = path.read_text(encoding="utf-8-sig") if path is not None else ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"\[(.+?)\]", line)
        if m:
            current = _SECTIONS.get(m.group(1).strip())
            continue
        if current is not None:
            parts = line.split()
            sections[current].append((parts[0], "".join(parts[1:])))

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted(dict.fromkeys(w for w, _ in sections[key]), key=len, reverse=True))

    units, not_units, verbs = words("units"), words("not_units"), words("verbs")
    unit_alt = "|".join(re.escape(u) for u in sorted(set(units) | set(not_units), key=len, reverse=True))
    token_re = re.compile(
        # a Chinese numeral may go on after 万/亿 (二万三千余人次, 三亿五千万元)
        r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*)"
        r"(?P<a1>[余多])?(?P<big>[万亿]{1,2})?(?P<a2>[余多])?"
        r"(?P<unit>%|" + (unit_alt or "(?!)") + r")?"
        # a second measure word in brackets counts the same things another way: 台（套）, 件（次）
        r"(?P<alt>[（(](?:" + (unit_alt or "(?!)") + r")[）)])?"
    )
    return MetricWords(
        units=units,
        unit_stops={w: rest for w, rest in sections["units"] if rest},
        verbs=verbs,
        stat_nouns=words("stat_nouns"),
        time_words=words("time_words"),
        not_units=not_units,
        not_before=words("not_before"),
        not_after=words("not_after"),
        agenda=words("agenda"),
        not_verbs=words("not_verbs"),
        plans=words("plans"),
        gap_words=frozenset(words("gap_words")),
        not_action=frozenset(words("not_action")),
        motion_verbs=frozenset(words("motion_verbs")),
        token_re=token_re,
        time_re=re.compile("|".join(re.escape(t) for t in words("time_words")) or "(?!)"),
        verb_re=re.compile("|".join(re.escape(v) for v in verbs) or "(?!)"),
        not_verb_re=re.compile("|".join(re.escape(v) for v in words("not_verbs")) or "(?!)"),
    )


def metric_words(ctx: Context | None = None) -> MetricWords:
    """The word lists of the templates in effect (the default ones without a context)."""
    return words_in_effect(ctx, "metric_words", "metric_words.txt", read_metric_words)
