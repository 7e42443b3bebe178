"""metrics (工作数据): the counted results of the reported work, as reports write them.

A metric is a number with its 量词 (820起, 16.3万人, 56.1亿元, 7.6%) and the counted thing with its
result verb as written beside it (破获案件, 抓获犯罪嫌疑人). Reports put the thing on either side:

    名称在前  共破获案件820起 / 扣押铲车6台、运输车8台 / 受理审查起诉3555件4012人 / 就业率达97.24%
    数字在前  对17人采取刑事强制措施 / 培训了200多名安保人员 / 5人已被批捕 / 将2名被困人员救出
    从…到…    报警总量从2016年的73.7万起降到2019年的48.7万起

Rises and falls are their own entries, signed: 刑事发案8657起同比下降7.6% → 刑事发案同比 -7.6 %;
同比分别上升52.7%、123.3% goes to the metrics before it, in order. 万/亿 are resolved on the number
span only; approximation words (余, 多, 近, 约, 超过) are dropped. Not metrics: dates, durations
(为期三年), ordinals (第一批), anniversaries (70周年), ages, numbers inside names (“8·20”, 6号行动),
ranges and norms (3至6名, 不少于2次, 每百户), the indefinite 一 (一起事故, 一名民警), counts of
agenda items (三点要求, 四个旗县区公安局做了交流发言) and background counts without a result verb
(298栋楼宇, 共有7乡1镇). The word lists live in templates/metric_words.txt, so users can extend them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from ...model import Found, Metric, Span
from ...templates import optional_template
from ..context import Context
from ..numbers import parse_number
from . import rule

# ------------------------------------------------------------------------------------------ word lists

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
    token_re: re.Pattern = field(repr=False, compare=False)
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
        t = re.sub(r"(?:了|到|出|过)$", "", text)
        for m in reversed(self.verbs_in(t)):
            if m.end() == len(t):
                return m.group()
        return ""


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
        r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
        r"(?P<a1>[余多])?(?P<big>[万亿]{1,2})?(?P<a2>[余多])?"
        r"(?P<unit>%|" + (unit_alt or "(?!)") + r")?"
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
        token_re=token_re,
        verb_re=re.compile("|".join(re.escape(v) for v in verbs) or "(?!)"),
        not_verb_re=re.compile("|".join(re.escape(v) for v in words("not_verbs")) or "(?!)"),
    )


@lru_cache(maxsize=8)
def _cached_words(path: str | None, mtime: float) -> MetricWords:
    return read_metric_words(Path(path) if path else None)


def metric_words(ctx: Context | None = None) -> MetricWords:
    """The word lists of the templates in effect (the default ones without a context)."""
    path = getattr(ctx.lexicon, "metric_words", None) if ctx is not None and ctx.lexicon is not None else None
    if path is None:
        path = optional_template("metric_words.txt")
    mtime = path.stat().st_mtime if path is not None and path.exists() else 0.0
    return _cached_words(str(path) if path else None, mtime)


# ------------------------------------------------------------------------------------------ patterns

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_APPROX_BEFORE = re.compile(r"(?:将近|接近|大约|约有|多达|高达|超过|不足|不到|近|约|逾|超|上)$")
_NOT_COPULA_DA = "下到送传抵通表发直"  # 下达, 到达, 送达 … end with 达 but are verbs
_COPULA = re.compile(r"(?:已达到|已达|达到了|达到|(?<![下到送传抵通表发直])达|为|是|占|共计|合计|总计)$")
_EXIST = re.compile(r"(?:共有|还有|已有|尚有|仍有|另有|拥有|现有|有了|有)$")
_PREP = re.compile(r"(?:对|为|将|把|向|给|与|帮助)$")
_ADVERBS = (
    "先后",
    "成功",
    "依法",
    "一举",
    "分别",
    "集中",
    "全力",
    "已经",
    "全部",
    "均已",
    "均",
    "都",
    "已",
    "共",
    "累计",
    "还",
    "再",
    "又",
    "也",
    "就",
    "正在",
    "持续",
    "联合",
    "同时",
    "陆续",
    "相继",
    "及时",
    "顺利",
    "另",
    "尚",
    "仍",
    "大部分",
    "全都",
)
_CHANGE_RE = re.compile(
    r"(?:(?P<base>同比|环比|较上年同期|比上年同期|较上年|比上年|较去年同期|比去年同期|较去年|比去年|与上年同期相比|"
    r"与去年同期相比|较上月|比上月|较上周|比上周)?(?:上周|上月|上年)?(?:，)?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|上涨|提升|攀升|下降|减少|降低|回落|下滑|下跌)了?(?:分别)?"
    r"|(?P<rate>降幅|增幅|涨幅|增速|增长率|下降率)(?:分别)?(?:为|达到|达|是)?)"
    r"(?=\d)"
)
_CHANGE_VALUE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|个百分点)(?:以上|左右)?")
_NEGATIVE = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "下降率")
_CLAUSE_DELIMS = "，,；;：:。！？!?\n"
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|州|盟|县|区|旗|乡|镇|村|街道|社区)")
_DEATH_INJURY = re.compile(r"(?<![\d.])(?P<d>\d+)死(?:(?P<i>\d+)伤)?(?![亡刑])")
_QUAKE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)级(?:地震|强震|余震)")
_FROM = re.compile(r"(?:从|由)(?:[^，。；]{0,12}?的)?$")
_TO = re.compile(
    r"^(?:逐年|逐步|持续|大幅|明显)?(?:下降|降低|减少|上升|提高|增加|增长|升|降|增|减)?(?:到|至)了?"
    r"(?:[^，。；]{0,12}?的)?$"
)
_TREND = re.compile(r"(?:逐年|逐步|持续|不断|稳步|明显|大幅)?(?:提高|上升|下降|增长|减少|增加|降低)$")
_NOUN_HEAD = re.compile(r"(?:率|量|额|数|面积|人口|人数|金额|总量|总额|比例)")
_WEAK_VERBS = ("开展", "参加", "参与", "召开", "举办", "组织", "执行", "覆盖")
_LIST_MARK = re.compile(
    r"^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[①-⑳])\s*"
)
_SHARE = ("%", "个百分点")


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


def _tokens(ctx: Context, words: MetricWords, s: int, e: int) -> list[Token]:
    norm = ctx.norm
    out: list[Token] = []
    for m in words.token_re.finditer(norm, s, e):
        num, unit, big = m.group("num"), m.group("unit") or "", m.group("big") or ""
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
        if chinese and re.search(r"[一二两三四五六七八九十]$", norm[max(s, a - 1) : a]):
            continue
        value = parse_number(num.replace(",", "") + big if not chinese else num + big)
        if value is None:
            continue
        if unit and unit in words.not_units and unit not in words.units:
            kind = "time"
        else:
            kind = "cand" if unit else "bare"
        tok = Token(a, b, value, unit, chinese, bool(m.group("a1") or m.group("a2")), kind)
        if kind == "cand":
            tok.reject = _non_metric(ctx, words, tok, s, e)
        out.append(tok)
    return out


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
    for w in words.not_before:
        if stripped.endswith(w) or before.endswith(w):
            return f"前有“{w}”"
    if re.search(
        r"(?:\d|[" + _CN_DIGITS + r"])[余多]?[万亿]?[个名人件起次家条]?(?:至|到|—|–|-|~|～|或)$", before
    ):
        return "范围"
    if re.search(r"第[" + _CN_DIGITS + r"\d]+[、和及至到]$", before):
        return "序数"  # 第二、三轮
    if tok.chinese and re.search(r"(?:数|几|若干)$", before):
        return "约数"
    if tok.chinese and tok.value == 1:
        return "一（不定量）"
    if tok.value == 1 and re.search(r"发生了?$", before):
        return "一起（不定量）"
    if re.match(r"(?:以下|以内|之内|以外|之外|外|之间|的)", after):
        return "门槛或修饰语"
    thing = after.lstrip('“"')
    for w in words.not_after:
        if thing.startswith(w):
            return f"数的是“{w}”"
    if _inside_short_quote(norm, s, tok.start):
        return "引号内的名称"
    if norm[s : tok.start].count("《") > norm[s : tok.start].count("》"):
        return "书名号内"
    return ""


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


def _clauses(norm: str, s: int, e: int) -> list[Clause]:
    """Clause spans of a sentence; a parenthesis with a number in it is a clause of its own."""
    cuts = []
    i = s
    while i < e:
        ch = norm[i]
        if ch in _CLAUSE_DELIMS:
            cuts.append(i)
        elif ch in "（(":
            close = next((j for j in range(i + 1, min(e, i + 40)) if norm[j] in "）)"), -1)
            if close > 0 and re.search(r"\d", norm[i:close]):
                cuts.extend((i, close))
                i = close
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


# ------------------------------------------------------------------------------------------ names


def _strip_time(words: MetricWords, text: str) -> str:
    """Drop leading time words and phrases (全年, 今年以来, 2019年, 截至9月底, 据统计)."""
    changed = True
    while changed and text:
        changed = False
        text = text.lstrip("，、和及与 ")
        for w in words.time_words:
            if text.startswith(w) and len(text) > len(w):
                text = text[len(w) :]
                changed = True
                break
        m = re.match(
            r"(?:\d{4}年(?:\d{1,2}月份?)?|\d{1,2}月份?|截至[^，]*?(?:底|末|日|时)|据(?:统计|了解|介绍|悉))",
            text,
        )
        if m and m.end() < len(text):
            text = text[m.end() :]
            changed = True
    return text


def _cut_markers(words: MetricWords, text: str) -> str:
    """The name starts after 累计/其中/共 (全国共破获案件 → 破获案件); if nothing follows, before it."""
    for marker in ("累计", "共计", "合计", "总计", "一共", "总共", "其中", "先后", "造成", "导致"):
        i = text.rfind(marker)
        if i >= 0:
            rest = text[i + len(marker) :]
            text = rest if rest else text[:i]
    last = None
    for m in re.finditer(r"共(?=" + words.verb_re.pattern + r"|向|对|为|有)", text):
        last = m
    if last is not None and last.end() < len(text):
        text = text[last.end() :]
    return text


def _strip_adverbs(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for a in _ADVERBS:
            if text.startswith(a) and len(text) > len(a):
                text = text[len(a) :]
                changed = True
    return text


def _adverb_at_end(text: str) -> str:
    for a in _ADVERBS:
        if text.endswith(a) and len(text) > len(a):
            return a
    return ""


def _clean_name(words: MetricWords, text: str) -> str:
    text = re.sub(r"为期[^，]*?的", "", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff“])", "", text)
    text = text.strip(" ，、和及与的")
    text = _strip_adverbs(text)
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:就|也|都|均|已|还|则|才|已经)$", "", text)  # 资金就超1633万元
    if text.count("“") > text.count("”"):
        text = text.replace("“", "", 1) if text.startswith("“") else text  # a quotation opened before it
    if text.count("”") > text.count("“") and text.endswith("”"):
        text = text[:-1]
    return text.strip(" ，、和及与的")


def _drop_examples(words: MetricWords, name: str) -> str:
    """抓获网站实际经营者、网站管理员等犯罪嫌疑人 → 抓获犯罪嫌疑人: the examples before 等 are not the name."""
    v = words.first_verb(name)
    if v is None or v.start() != 0:
        return name
    m = re.match(r"(.*?)等(?=[\u4e00-\u9fff“]{2})", name[v.end() :])
    if m and ("、" in m.group(1) or len(m.group(1)) <= 8):
        return v.group() + name[v.end() + m.end() :]
    return name


def _shorten(words: MetricWords, name: str) -> str:
    """办理符合刑事司法救助政策条件的救助案件 → 办理救助案件: a long attribute between verb and thing goes.

    A list inside the attribute (受过刑事处罚、存在涉黑涉恶问题的村干部) says what is counted and stays,
    unless the attribute is very long.
    """
    name = _drop_examples(words, name)
    v = words.first_verb(name)
    if v is None:
        return name
    rest = name[v.end() :]
    i = rest.rfind("的")
    if len(rest) - i - 1 >= 2 and (i >= 20 or (i >= 8 and "、" not in rest[:i])):
        return name[: v.end()] + rest[i + 1 :]
    return name


def _anchor(words: MetricWords, text: str) -> tuple[str, str, str]:
    """(name, subject, verb): the name starts at the first result verb (全国公安机关共打掉… → 打掉…)."""
    m = words.first_verb(text)
    if m is None:
        return text, "", ""
    name, subject = text[m.start() :], text[: m.start()]
    if name == m.group() and subject and not re.match(r"(?:通过|经|在|依托|利用|借助|运用|依靠)", subject):
        return text, "", m.group()  # 中央财政下达: a verb alone is not a name
    return name, subject, m.group()


def _closes_number(text: str) -> bool:
    """Text after a number that ends the noun phrase before it (其中犯罪集团31个列全区第一)."""
    return bool(
        re.match(
            r"(?:(?:列|居|位列|位居|排名|排在)(?:全|第|前|首|榜)|占|同比|环比|较|比上|比去|是|为|达|以上|"
            r"左右|许|，|、|和|及|）|\))",
            text,
        )
    )


def _is_stat(words: MetricWords, name: str) -> bool:
    return name.endswith(words.stat_nouns) or any(n in name for n in words.stat_nouns if len(n) >= 2)


# ------------------------------------------------------------------------------------------ the rule


@rule("metrics")
def metrics(ctx: Context) -> list[Found]:
    """Every counted result of the report, with its name, value and unit, in text order."""
    words = metric_words(ctx)
    picked: list[tuple[Token, Metric]] = []
    for si, sent in enumerate(ctx.sentences):
        for piece in _bounded(ctx.norm, sent):
            picked.extend(_sentence_metrics(ctx, words, piece, si))
    picked = _disambiguate_places(picked)
    picked = _dedupe(picked)
    out = []
    for tok, metric in picked:
        indicator = ctx.schema.indicator_for(metric.name)
        if indicator:  # also when the written name is the indicator itself, so ledgers can total it
            metric = Metric(name=metric.name, value=metric.value, unit=metric.unit, indicator=indicator)
        out.append(ctx.hit(metric, tok.start, tok.end, tok.rule))
    return out


MAX_SENTENCE = 1200  # characters; real sentences are far shorter, a run-on "sentence" is cut at commas


def _bounded(norm: str, sent: Span) -> list[Span]:
    """The sentence, or for a run-on text without full stops, pieces of it cut at commas, so the
    work per sentence stays bounded however long the text is."""
    if sent.end - sent.start <= MAX_SENTENCE:
        return [sent]
    pieces = []
    start = sent.start
    while sent.end - start > MAX_SENTENCE:
        cut = max(norm.rfind(c, start + MAX_SENTENCE // 2, start + MAX_SENTENCE) for c in "，,、%")
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, sent.end))
    return pieces


def _sentence_metrics(ctx: Context, words: MetricWords, sent: Span, si: int) -> list[tuple[Token, Metric]]:
    norm = ctx.norm
    s, e = sent.start, sent.end
    heading = _heading_line(ctx, s)
    toks = _tokens(ctx, words, s, e)
    clauses = _clauses(norm, s, e)
    for t in toks:
        t.heading, t.sentence = heading, si
        t.clause = next((ci for ci, c in enumerate(clauses) if c.start <= t.start < c.end), -1)
    changes = _find_changes(norm, toks, s, e)
    results: list[tuple[Token, Metric]] = list(_special(ctx, s, e, heading, si))
    for i, tok in enumerate(toks):
        if tok.kind != "cand" or tok.reject:
            continue
        if heading and tok.approx:
            tok.reject = "标题中的约数"  # headlines round the body's figures
            continue
        clause = clauses[tok.clause] if tok.clause >= 0 else Clause(s, e)
        _name_token(ctx, words, toks, i, clause, clauses)
        if tok.accepted and tok.name:
            tok.name = _shorten(words, tok.name)
            results.append((tok, Metric(name=tok.name, value=tok.value, unit=tok.unit)))
    results.extend(_resolve_changes(ctx, words, toks, clauses, changes, s))
    results.sort(key=lambda r: r[0].start)
    topic = _topic(ctx, words, results, clauses)
    for tok, _ in results:
        tok.topic = topic
    return results


def _topic(
    ctx: Context, words: MetricWords, results: list[tuple[Token, Metric]], clauses: list[Clause]
) -> str:
    """The place a sentence of figures is about: 策勒县 in 策勒县山区四乡受灾19976户…，倒塌房屋30户…"""
    if not results:
        return ""
    first = results[0][0]
    clause = next((c for c in clauses if c.start <= first.start < c.end), None)
    if clause is None:
        return ""
    text = _strip_time(words, ctx.norm[clause.start : first.start])
    m = _PLACE.match(text)
    return m.group() if m else ""


def _special(ctx: Context, s: int, e: int, heading: bool, si: int) -> list[tuple[Token, Metric]]:
    """Fixed idioms of incident reports: 2死4伤 (2 dead, 4 injured), 7.3级地震."""
    out = []
    for m in _DEATH_INJURY.finditer(ctx.norm, s, e):
        for group, name in (("d", "死亡"), ("i", "受伤")):
            if m[group]:
                t = Token(
                    m.start(group),
                    m.end(group) + 1,
                    int(m[group]),
                    "人",
                    False,
                    False,
                    "cand",
                    accepted=True,
                    rule="metrics.casualties",
                    heading=heading,
                    sentence=si,
                )
                out.append((t, Metric(name=name, value=int(m[group]), unit="人")))
    for m in _QUAKE.finditer(ctx.norm, s, e):
        value = parse_number(m["num"])
        if value is not None:
            t = Token(
                m.start(),
                m.end("num") + 1,
                value,
                "级",
                False,
                False,
                "cand",
                accepted=True,
                rule="metrics.earthquake",
                heading=heading,
                sentence=si,
            )
            out.append((t, Metric(name="地震", value=value, unit="级")))
    return out


def _name_token(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> None:
    """Find the name of toks[i] and decide whether it is a metric (sets name/accepted/reject)."""
    norm = ctx.norm
    tok = toks[i]
    prev = next((t for t in reversed(toks[:i]) if t.clause == tok.clause), None)
    prev_cand = next((t for t in reversed(toks[:i]) if t.kind == "cand"), None)
    nxt_cand = next(
        (t for t in toks[i + 1 :] if t.clause == tok.clause and t.kind in ("cand", "change")), None
    )
    left_start = clause.start
    if prev is not None:
        left_start = max(prev.end, prev.used_to)
    left_raw = norm[left_start : tok.start]
    if prev is None and not left_raw.strip() and clause.start > 0 and norm[clause.start - 1] in "：:":
        # 刑事立案：320起 — the label before the colon names the figure
        before = next((c for c in reversed(clauses) if c.end <= clause.start - 1), None)
        if before is not None and before.end == clause.start - 1:
            left_raw = _LIST_MARK.sub("", norm[before.start : before.end])
    left = left_raw if left_raw.endswith(("为", "是")) else _APPROX_BEFORE.sub("", left_raw)

    right = norm[tok.end : nxt_cand.start if nxt_cand is not None else clause.end]
    right = re.sub(r"^(?:以上|左右|许)", "", right).strip()
    right = re.sub(r"^[（(][^）)]*[）)]", "", right).strip()  # 2.5亿元（权威发布）
    clause_text = norm[clause.start : clause.end]
    if any(w in clause_text for w in words.agenda):
        tok.reject = "议程"
        return
    if any(w in clause_text for w in words.plans):
        tok.reject = "计划或目标"
        return

    # 从2016年的73.7万起降到2019年的48.7万起: one thing, two values
    if _from_to(ctx, words, toks, i, clause, clauses):
        return

    # a second unit of the same thing: 受理审查起诉3555件4012人, 盗印书籍20种8.2万册
    if prev is not None and prev.kind == "cand" and not norm[prev.end : tok.start].strip() and prev.name:
        tok.name, tok.subject, tok.verb, tok.accepted = prev.name, prev.subject, prev.verb, prev.accepted
        tok.rule = "metrics.second_unit"
        return

    enum_item = prev is not None and prev.kind == "cand" and re.match(r"^[、和及与]", left_raw) is not None
    lclean = _cut_markers(words, _strip_time(words, left.strip()))
    had_marker = lclean != _strip_time(words, left.strip())
    lclean = _strip_time(words, lclean)
    copula, exist = _copula(lclean), _EXIST.search(lclean)
    leading_exist = re.match(r"(?:共有|现有|拥有|有)(?!效|关|力|序|所|的)", lclean)

    # ---- the number first, the thing after it ------------------------------------------------
    end_verb = words.verb_at_end(_strip_adverb_tail(lclean))
    prep = _PREP.search(lclean)
    if prep is None and re.search(r"对[^对，]*等(?:方面|领域|类型|类)?$", lclean):
        prep = re.search(r"对", lclean)  # 对侵犯罪犯合法权益、违禁品防控等方面200多个问题进行监督纠正
    with_deng = lclean.endswith("等")
    number_first = bool(
        not lclean
        or end_verb
        or prep
        or with_deng
        or (exist and right)
        or (copula and right and copula.group() not in ("为", "是", "达", "达到"))
    )
    attributive = lclean.endswith("的")
    listed = enum_item and prev is not None and prev.accepted  # 调派消防车8辆、指战员40余名赶赴现场
    if lclean and not number_first and right and not _closes_number(right) and not listed:
        shared = ""
        if nxt_cand is not None and nxt_cand.kind == "cand" and re.search(r"[、和及与]$", right):
            shared = norm[nxt_cand.end : clause.end]  # 16个镇、288个村全部落实…: the predicate is shared
        if words.first_verb(right) is None and words.first_verb(shared) is None and not attributive:
            tok.reject = "同位语或背景数"
            return
        number_first = True
    if number_first and right:
        _number_first(
            ctx, words, tok, lclean, right, end_verb, prep, exist, with_deng, attributive, nxt_cand, clause
        )
        return
    if number_first and not lclean:
        tok.reject = "没有名称"
        return

    # ---- the thing first: 共破获案件820起 -----------------------------------------------------------
    existential = bool(exist or leading_exist)
    if leading_exist:
        lclean = lclean[leading_exist.end() :]  # 我县共有人口48万人: what there is, not work done
    elif exist:
        lclean = lclean[: exist.start()]
    elif copula:
        lclean = lclean[: copula.start()]
    lclean = _clean_name(words, lclean)
    if not lclean and (exist or copula) and tok.sentence > 0:
        # 进入诉讼的行政案件逐年递增。2018年共有1060件: the thing is the one the sentence before counted
        lclean = _previous_trend_subject(ctx, words, tok.sentence)
        if lclean:
            tok.name, tok.accepted, tok.rule = lclean, True, "metrics.previous_sentence"
            return
    if not lclean:
        tok.reject = "没有名称"
        return
    lclean = re.sub(r"(?<=.{2})(?:完成|实现|累计|共计)$", "", lclean)  # 地区生产总值完成186.5亿元
    if tok.unit == "%":
        share = re.match(r"(.{2,}?)(?:已|均)?(?:达到|达|占|为)(.*)的?$", lclean)
        if share and lclean.endswith("的"):
            lclean = share.group(1)  # 纠纷类警情已达到总警情的50%
    name, subject, verb = _anchor(words, lclean)
    if enum_item and not verb and prev is not None and prev.verb:
        name, verb = prev.verb + name, prev.verb  # 扣押铲车6台、运输车8台 → 扣押运输车
    if (
        name == verb
        and prev_cand is not None
        and prev_cand.accepted
        and prev_cand.verb
        and prev_cand.sentence == tok.sentence
        and prev_cand.name.startswith(prev_cand.verb)
        and len(prev_cand.name) > len(prev_cand.verb)
        and prev_cand.verb != verb
        and _unit_class(prev_cand.unit) == _unit_class(tok.unit)
    ):
        name = verb + prev_cand.name[len(prev_cand.verb) :]  # 排查矛盾纠纷2356件，化解2298件 → 化解矛盾纠纷
    if name == "价值":
        if prev_cand is None or not prev_cand.name:
            tok.reject = "没有名称"
            return
        name = prev_cand.name + "价值"  # 光盘生产线11条（价值1亿余元）
    tok.name, tok.subject, tok.verb = name, subject, verb
    tok.rule = "metrics.name_first"
    if existential:
        tok.accepted = bool(verb) or _is_stat(words, name)  # 现有疑似病例2824例 is a statistic
        tok.reject = "" if tok.accepted else "背景数"
        return
    if (
        verb
        or _is_stat(words, name)
        or words.verbs_in(name, compounds=True)
        or tok.unit in _SHARE
        or (copula and copula.group() in ("达", "达到"))
    ):
        tok.accepted = True
        return
    # 其中犯罪集团31个 / 打掉涉黑组织1292个，恶势力犯罪集团5593个: parts and continuations of a result
    earlier = any(t.accepted for t in toks[:i] if t.kind == "cand")
    pure_clause = _clean_name(words, _strip_time(words, norm[clause.start : tok.start])) == lclean
    if earlier and (had_marker or enum_item or pure_clause):
        tok.accepted = True
        tok.rule = "metrics.continuation"
    else:
        tok.reject = "没有结果动词"


def _previous_trend_subject(ctx: Context, words: MetricWords, si: int) -> str:
    """The statistic a sentence ending in a trend names (…，进入诉讼的行政案件逐年递增。), or ''."""
    sent = ctx.sentences[si - 1]
    m = re.search(
        r"([^，。；：]+?)(?:逐年|不断|持续|连年|大幅|明显|逐步|快速)(?:递增|增加|上升|增长|攀升|下降|减少|回落|递减)[。！]?$",
        ctx.norm[sent.start : sent.end],
    )
    if m is None:
        return ""
    name = _clean_name(words, _strip_time(words, m.group(1)))
    return name if _is_stat(words, name) else ""


def _copula(text: str) -> re.Match | None:
    """达/达到/为/是 before a number; 为 and 是 only after a statistic (溢价率为64.3%, not 违法行为8900起)."""
    m = _COPULA.search(text)
    if (
        m is not None
        and m.group() in ("为", "是")
        and not re.search(r"[率量额数值重例别幅速]$", text[: m.start()])
    ):
        return None
    return m


def _strip_adverb_tail(text: str) -> str:
    a = _adverb_at_end(text)
    return text[: len(text) - len(a)] if a else text


def _number_first(
    ctx: Context,
    words: MetricWords,
    tok: Token,
    lclean: str,
    right: str,
    end_verb: str,
    prep: re.Match | None,
    exist: re.Match | None,
    with_deng: bool,
    attributive: bool,
    nxt: Token | None,
    clause: Clause,
) -> None:
    """对17人采取刑事强制措施 / 培训了200多名安保人员 / 5人已被批捕 / 将2名被困人员救出."""
    norm = ctx.norm
    thing = _clean_name(words, right)
    if words.first_verb(thing) is None and nxt is not None and nxt.kind == "cand":
        # 117名党员到81个居住地社区报到 / 16个镇、288个村全部落实…: the predicate comes after the next number
        rest = norm[nxt.end : clause.end]
        v = words.first_verb(rest)
        if v is not None:
            thing = _clean_name(
                words, thing + rest[v.start() :] if re.search(r"[、和及与]$", right) else thing + rest
            )
    if exist is not None or re.search(
        r"(?:现有|尚有|共有)", thing[: max(0, (words.first_verb(thing) or re.match("", "")).start())]
    ):
        if exist is not None and words.first_verb(thing) is None:
            tok.reject = "背景数"
            return
        if re.search(r"(?:现有|共有)", thing):
            tok.reject = "主语中的数"  # 31个省区市现有确诊病例…: the number counts the places
            return
    pre, verb = "", ""
    if with_deng:
        found = words.verbs_in(lclean)
        pre = found[-1].group() if found else ""
    elif end_verb:
        pre = end_verb
    elif attributive:
        head = re.split(r"(?=" + words.verb_re.pattern + r")", thing)[0]
        head = _strip_adverb_tail(head) or head
        v = words.first_verb(thing)
        thing_name = lclean.rstrip("的")
        if v is not None and v.start() <= 3 and not head.strip():
            thing = v.group() + thing_name  # 非法吸揽的3457.28万元已经清退完毕 → 清退非法吸揽
        else:
            thing = re.sub(r"^对", "", lclean) + head  # 对排查出的86处隐患 → 排查出的隐患
    elif prep is not None:
        p = prep.group()
        v = next((m for m in words.verbs_in(thing) if m.start() > 0), None)  # 被困人员 is not the verb
        if p in ("将", "把") and v is not None and v.start() > 0:
            vp = re.split(r"[并和及后]", thing[v.start() :])[0]
            thing = vp + _strip_adverb_tail(thing[: v.start()])  # 将2名被困人员救出 → 救出被困人员
        elif p == "对":
            if "进行" in thing:
                x, _, vp = thing.partition("进行")
                thing = _clean_name(words, vp) + x  # 对25起案件进行挂牌督办 → 挂牌督办案件
            elif v is not None and 0 < v.start() <= 10 and "、" not in thing[: v.start()]:
                x = thing[: v.start()]  # 对40余起重大涉黑案件联合挂牌督办 → 联合挂牌督办重大涉黑案件
                thing = _adverb_at_end(x) + thing[v.start() :] + _strip_adverb_tail(x)
            elif v is not None and v.start() > 0:
                pre = "对"  # 对788名高风险企业负责人、高管提前采取有效措施: kept as written
        elif p in ("为", "向", "给", "与"):
            pre = p
    if pre and pre == end_verb:
        thing = re.split(r"(?<=.)(?:对|向|赴|从|在|于)", thing)[0]  # 组织6个工作组对重点地区… → 组织工作组
    name = _clean_name(words, pre + thing)
    real = [m for m in words.verbs_in(name) if not re.match(r"(?:人员|者|群众)", name[m.end() :])]
    if not pre:
        real = [m for m in real if m.group() not in _WEAK_VERBS]  # 3个乡镇开展调研: who took part
    verb = real[0].group() if real else ""  # 被困人员已无生命迹象: 被困 describes the people
    if not name or not verb:
        tok.reject = "没有结果动词"
        return
    quoted = re.match(r"“([^”]*)”", thing)
    if quoted and quoted.group(1).endswith(words.not_after):
        tok.reject = "数的是宣传材料"  # 发布6起“…典型案例”
        return
    tok.name, tok.verb, tok.accepted, tok.rule = name, verb, True, "metrics.number_first"
    if words.verb_at_end(right):
        tok.used_to = nxt.start if nxt is not None else clause.end  # 三人死亡三人重伤: 死亡 is used up


def _from_to(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> bool:
    """报警总量从2016年的73.7万起降到2019年的48.7万起 / 履行率逐年提高，从…的44.76%提高到…的56.97%."""
    norm = ctx.norm
    tok = toks[i]
    before = norm[clause.start : tok.start]
    # drop the time tokens (2015年的) between 从 and the number
    plain = _APPROX_BEFORE.sub("", re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?|前一年|上年|去年", "", before))
    m = _FROM.search(plain)
    if m is not None:
        subject = plain[: m.start()]
        if not subject.strip():
            ci = clauses.index(clause) if clause in clauses else -1
            if ci > 0:
                subject = _TREND.sub("", norm[clauses[ci - 1].start : clauses[ci - 1].end])
        subject = _strip_adverb_tail(_clean_name(words, _strip_time(words, _cut_markers(words, subject))))
        subject = _strip_adverb_tail(subject)
        if not subject:
            return False
        tok.name, tok.accepted, tok.rule = subject, True, "metrics.from_to"
        return True
    prev = next((t for t in reversed(toks[:i]) if t.kind == "cand"), None)
    if prev is not None and prev.rule == "metrics.from_to":
        # …降到了23起，到2018年，更是降到了只有4起: the same thing, further on
        for between in (norm[prev.end : tok.start], before):
            between = re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?", "", between)
            between = re.sub(r"^(?:更是|又|再|进一步|则)", "", between)
            between = re.sub(r"(?:只有|仅有|仅|只)$", "", between)
            if _TO.match(between):
                tok.name, tok.accepted, tok.rule = prev.name, True, "metrics.from_to"
                return True
    return False


# ------------------------------------------------------------------------------------------ 同比/环比


@dataclass
class Change:
    """同比下降7.6% / 同比分别上升52.7%、123.3% / 较去年同期减少213起 / 降幅为11.2%."""

    start: int
    comparison: str  # 同比, 较上年 …; '' when the text gives none
    sign: int
    values: list[tuple[int, int, int | float, str]]  # (start, end, value, unit)
    rate: bool = False  # 降幅为11.2%: the change of the thing before


def _find_changes(norm: str, toks: list[Token], s: int, e: int) -> list[Change]:
    """Rises and falls in a sentence; the numbers they hold are not metrics of their own."""
    out = []
    by_start = {t.start: t for t in toks}
    for m in _CHANGE_RE.finditer(norm, s, e):
        values: list[tuple[int, int, int | float, str]] = []
        p = m.end()
        while True:
            v = _CHANGE_VALUE.match(norm, p)
            if not v:
                break
            value = parse_number(v["num"])
            if value is not None:
                values.append((v.start(), v.end("unit"), value, v["unit"]))
            p = v.end()
            if p < e and norm[p] in "、和及，" and _CHANGE_VALUE.match(norm, p + 1):
                p += 1
                continue
            break
        tok = by_start.get(m.end())
        if not values and m["base"] and tok is not None and tok.kind == "cand" and not tok.reject:
            values.append((tok.start, tok.end, tok.value, tok.unit))  # 较去年同期减少213起
        if not values:
            continue
        rate = bool(m["rate"])
        sign = -1 if (m["dir"] or m["rate"] or "") in _NEGATIVE else 1
        out.append(Change(m.start(), m["base"] or "", sign, values, rate))
        for start, *_ in values:
            if start in by_start:
                by_start[start].kind = "change"
    return out


def _resolve_changes(
    ctx: Context, words: MetricWords, toks: list[Token], clauses: list[Clause], changes: list[Change], s: int
) -> list[tuple[Token, Metric]]:
    out: list[tuple[Token, Metric]] = []
    comparison, last_bases, last_at = "", [], -1
    for ch in changes:
        clause = next((c for c in clauses if c.start <= ch.start < c.end), None)
        if clause is not None and any(w in ctx.norm[clause.start : clause.end] for w in words.plans):
            continue  # 力争破案率提升5个百分点: a target
        # 信访总量同比下降15.3%，越级访下降22.1%: the comparison carries on through the sentence
        comparison = ch.comparison or comparison
        c = comparison
        suffix = "环比" if c.startswith("环比") or "上月" in c or "上周" in c else "同比" if c else "增幅"
        if ch.rate and last_bases and not _named_between(toks, last_at, ch.start):
            bases = last_bases[-1:] * len(ch.values)
        else:
            bases = _change_bases(ctx, words, toks, clauses, ch.start, len(ch.values), s)
        for base, (start, end, value, unit) in zip(bases, ch.values):
            if not base:
                continue
            signed = _tidy_sign(value, ch.sign)
            t = Token(
                start,
                end,
                signed,
                unit,
                False,
                False,
                "change",
                accepted=True,
                rule="metrics.change",
                heading=_heading_line(ctx, start),
            )
            out.append((t, Metric(name=base + suffix, value=signed, unit=unit)))
        if bases:
            last_bases, last_at = bases, ch.values[-1][1]
    return out


def _named_between(toks: list[Token], a: int, b: int) -> bool:
    return any(a <= t.start < b and t.accepted and t.name for t in toks)


def _tidy_sign(value: float, sign: int) -> float:
    return value * sign


def _change_bases(
    ctx: Context, words: MetricWords, toks: list[Token], clauses: list[Clause], at: int, count: int, s: int
) -> list[str]:
    """What rose or fell: the words before 同比, or else the metrics just before it, in order."""
    norm = ctx.norm
    clause = next((c for c in clauses if c.start <= at < c.end), None)
    start = clause.start if clause else s
    earlier = [t for t in toks if t.end <= at and t.kind in ("cand", "change")]
    if earlier and earlier[-1].end > start:
        start = earlier[-1].end
    text = _strip_time(words, _cut_markers(words, _strip_time(words, norm[start:at].strip())))
    text = re.sub(r"(?:连续\S{1,2}年|已经|已|均|都|也|则|仍)$", "", text)
    text = _clean_name(words, text)
    if not text:
        named = [t for t in earlier if t.kind == "cand" and t.accepted and t.name]
        if len(named) < count:
            return []
        return [t.name for t in named[-count:]]
    if count == 1:
        return [text]
    parts = [p for p in text.split("、") if p]
    if len(parts) == count - 1:
        last = re.split(r"和|及|与", parts[-1], maxsplit=1)
        parts = parts[:-1] + last  # 立案数、涉案金额和涉及人员
    if len(parts) == count and all(len(p.rsplit("的", 1)[-1]) >= 2 for p in parts):
        return [_clean_name(words, p) for p in parts]
    return [text] * count  # 高速公路的客、货车流量环比分别增长…: one shared name


# ------------------------------------------------------------------------------------------ tidy up


def _unit_class(unit: str) -> str:
    return "人" if unit in ("人", "名") else unit


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.6


def _disambiguate_places(picked: list[tuple[Token, Metric]]) -> list[tuple[Token, Metric]]:
    """One name in several sentences about different places (倒塌房屋 87户 / 普鲁村 57户 / 策勒县 30户):
    prefix the place each sentence is about, so the ledger rows can be told apart."""
    groups: dict[str, list[int]] = {}
    for i, (_, m) in enumerate(picked):
        groups.setdefault(m.name, []).append(i)
    out = list(picked)
    for idx in groups.values():
        topics = {picked[i][0].topic for i in idx}
        if len(idx) < 2 or len(topics) < 2:
            continue
        for i in idx:
            tok, m = picked[i]
            if tok.topic and not m.name.startswith(tok.topic):
                out[i] = (tok, Metric(name=tok.topic + m.name, value=m.value, unit=m.unit))
    return out


def _dedupe(picked: list[tuple[Token, Metric]]) -> list[tuple[Token, Metric]]:
    """The same figure said twice (headline and body, 16.3万人 and 16.3万名): keep the body's.

    A headline figure that the body states too is the body's figure, whatever words the headline uses.
    """
    order = sorted(range(len(picked)), key=lambda i: (picked[i][0].heading, picked[i][0].start))
    kept: list[int] = []
    for i in order:
        tok, m = picked[i]
        dup = False
        for j in kept:
            t2, m2 = picked[j]
            if m2.value != m.value or _unit_class(m2.unit) != _unit_class(m.unit):
                continue
            if tok.heading and not t2.heading and tok.rule != "metrics.change":
                dup = True  # a headline figure the body states too
                break
            if t2.topic == tok.topic and _similar(m.name, m2.name):
                dup = True
                break
        if not dup:
            kept.append(i)
    return [picked[i] for i in sorted(kept, key=lambda i: picked[i][0].start)]
