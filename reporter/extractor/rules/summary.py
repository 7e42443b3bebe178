"""keywords and summary (not scored): what the ledger and briefing show at a glance."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from ...model import Found, Span
from ..context import Context
from ..entities import tag
from ..wordtable import WordTable
from . import rule

SUMMARY_MAX = 200
# a notice's addressee line (各乡镇人民政府，县直有关单位：) and datelines are not content
_ADDRESSEE = re.compile(r"^[^。！？]{2,60}：$")
_WORDY = re.compile(r"[\u4e00-\u9fff]")
_STOP = frozenset(
    [
        "我们",
        "你们",
        "他们",
        "进一步",
        "工作",
        "开展",
        "进行",
        "全面",
        "坚持",
        "加强",
        "推进",
        "提高",
        "要求",
        "有关",
        "相关",
        "以及",
        "一个",
        "一批",
        "同时",
        "通过",
        "其中",
        "目前",
        "已经",
        "行动",
        "活动",
        "开展",
        "工作",
        "单位",
        "部门",
        "有关",
        "情况",
        "成效",
        "阶段",
        "方面",
        "措施",
        "一是",
        "二是",
        "三是",
        "没有",
        "不是",
        "这个",
        "这些",
        "那些",
        "还是",
        "就是",
        "可以",
        "需要",
        "必须",
        "情况",
        "问题",
        "方面",
        "记者",
        "通讯员",
        "本报",
        "会议",
        "强调",
        "指出",
        "表示",
        "今年",
        "去年",
        "全年",
    ]
)


@lru_cache(maxsize=4)
def _domain_words(path: str | None) -> frozenset[str]:
    if not path:
        return frozenset()
    words = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip().split(" ")[0]
        if word:
            words.add(word)
    return frozenset(words)


def _idf() -> tuple[Callable[[str], int | None], int]:
    """jieba's IDF table in tenths (words of two characters or more; None for other words) and its
    median, from the process's compact word table (segment.dictionary)."""
    from ..segment import dictionary

    table = dictionary()
    return _idf_lookup(table), table.idf_median


@lru_cache(maxsize=1)
def _idf_lookup(table: WordTable) -> Callable[[str], int | None]:
    """The table's IDF look-up with a bounded cache (words repeat from report to report)."""
    return lru_cache(maxsize=1 << 16)(table.idf)


# a number with its measure word (十九人, 余人) or a word ending on a conjunction (总结暨): not a topic
_COUNT_WORD = re.compile(
    r"^[\d零一二三四五六七八九十百千万两余多]+[人名件起个次户家条项]?$|^[余多近约].|[暨和及与的]$"
)
# what may stand right before a place name (在青山县, 和青山县, 赴青山县); any other character before a
# word ending in a level (桐|华县) means jieba has cut a longer name and the word is only its tail
_BEFORE_PLACE = frozenset("在于和与及到赴至对从向全该本各由据、，。；：！？“”（）《》 \t\n")
_LEVEL_END = ("县", "市", "区", "镇", "乡", "旗", "州")
_MARKER_WORD = re.compile(r"^[一二三四五六七八九十]+[是要来则]$|^第[一二三四五六七八九十]+$")
_KEYWORD_TAGS = frozenset({"n", "ns", "nt", "nz", "vn", "l", "j", "i", "an", "nrt", "eng"})


@lru_cache(maxsize=65536)
def _candidate(word: str) -> bool:
    """A word that can be a keyword: a content word, not a stop word, marker, number or verb."""
    if word in _STOP or not _WORDY.search(word) or word.isdigit():
        return False
    if word[0] in "各本该全每此我" or _MARKER_WORD.match(word) or _COUNT_WORD.search(word):
        return False
    t = _tag_of(word)
    return t is None or t in _KEYWORD_TAGS  # verbs (召开), numbers, time words: not what a report is about


def _tag_of(word: str) -> str | None:
    return tag(word)


@rule("keywords")
def keywords(ctx: Context) -> list[Found]:
    """5–8 keywords by TF-IDF over the document's own words; words of the domain list count double."""
    idf, median = _idf()
    domain = _domain_words(
        str(ctx.lexicon.domain_words) if ctx.lexicon and ctx.lexicon.domain_words else None
    )
    title = ctx.value("title") or ""
    scores: dict[str, float] = {}
    names = {getattr(v, "name", "") for v in ctx.value_list("people")} | {ctx.value("host") or ""}
    posts = _post_set(ctx.lexicon.posts) if ctx.lexicon else frozenset()
    title_found = ctx.found.get("title") or []
    from_pos = (
        title_found[0].evidence.span.start if title_found else 0
    )  # a masthead (工作简报 第12期) is not content
    all_words = ctx.words
    content = [
        w
        for a, b in ctx.outside_furniture(ctx.word_starts, bisect_left(ctx.word_starts, from_pos))
        for w in all_words[a:b]
        if len(w[0]) >= 2
    ]
    counts = Counter(map(itemgetter(0), content))
    first = {word: (start, end) for word, start, end in reversed(content)}  # each word's first place
    # a word inside a name: "\0" stands between the names, and in no word (else the names one by one)
    in_names = "\0".join(n for n in names if n)
    for word, count in counts.items():
        # (pure tests, the cached ones first: most words are no candidate)
        if not _candidate(word) or word in names or word in posts:
            continue
        if word.endswith(_LEVEL_END) and _only_a_tail(ctx.norm, word):
            continue
        if in_names and (word in in_names if "\0" not in word else any(word in n for n in names if n)):
            continue  # (红军 of 李红军: a piece of a name)
        if count == 1 and word not in domain and _tag_of(word) is None:
            continue  # a once-seen word jieba's dictionary lacks: mostly a fragment (县林草局 → 县林 | 草局)
        tenths = idf(word)
        weight = (median if tenths is None else tenths) / 10 * count
        if word in domain:
            weight *= 2
        if word in title:
            weight *= 1.5
        scores[word] = weight
    # best first, then the earlier word; taken from a heap, since only the first few are looked at (each
    # word has its own first place, so no two keys are equal: the same order as sorting them all)
    ranked = [(-weight, first[word][0], word) for word, weight in scores.items()]
    heapq.heapify(ranked)
    picked: list[str] = []
    while ranked and len(picked) < 8:
        word = heapq.heappop(ranked)[2]
        if any(word in p or p in word for p in picked):
            continue
        picked.append(word)
    return [ctx.hit(w, *first[w], rule="keywords.tfidf") for w in picked]


@lru_cache(maxsize=4)
def _post_set(posts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(posts)


def _only_a_tail(norm: str, word: str) -> bool:
    """Every occurrence of a place-like word follows a character that is not a word boundary (桐华县 →
    华县): the word is the tail of a longer name."""
    pos = norm.find(word)
    while pos >= 0:
        if pos == 0 or norm[pos - 1] in _BEFORE_PLACE:
            return False
        pos = norm.find(word, pos + 1)
    return True


# a newspaper's dateline and byline opening the lead (本报某地1月2日电 （记者 某某）, 本报讯（通讯员 某某）)
_DATELINE_HEAD = re.compile(
    r"\s*(?:本报|本台|本网|[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))[\u4e00-\u9fff]{0,8}?"
    r"(?:\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电|讯)\s*(?:[（(][^（）()]{0,40}[）)])?\s*"
)


def _heading_line(ctx: Context, start: int, end: int) -> bool:
    """A sentence that is a whole line without a sentence end (a 公文 title repeated, 一、工作要求)."""
    from ..headline import title_like

    text = ctx.norm[start:end].strip()
    line_start = ctx.norm.rfind("\n", 0, start) + 1
    line_end = ctx.norm.find("\n", end)
    line = ctx.norm[line_start : line_end if line_end >= 0 else len(ctx.norm)].strip()
    return text == line and not re.search(r"[。！？；.!?;]$", text) and title_like(text)


@rule("summary")
def summary(ctx: Context) -> list[Found]:
    """At most 200 characters from the report's own opening sentences (the lead)."""
    title_found = ctx.found.get("title") or []
    after = title_found[0].evidence.span.end if title_found else 0
    if title_found:
        from .header import _body_start

        after = max(after, _body_start(ctx))
    chosen: list = []
    length = 0
    for sent in ctx.sentences:
        if sent.start < after or sent.end - sent.start < 8 or ctx.is_furniture(sent.start):
            continue
        if not chosen:  # the lead's dateline and byline are not its content
            head = _DATELINE_HEAD.match(ctx.norm, sent.start, sent.end)
            if head is not None and head.end() < sent.end:
                sent = Span(head.end(), sent.end)
        text = ctx.text[sent.start : sent.end].strip()
        if not _WORDY.search(text) or _ADDRESSEE.match(ctx.norm[sent.start : sent.end].strip()):
            continue
        if _heading_line(ctx, sent.start, sent.end):
            continue
        if length + len(text) > SUMMARY_MAX:
            if not chosen:
                cut = text[: SUMMARY_MAX - 1]
                return [ctx.hit(cut + "…", sent.start, sent.start + len(cut), "summary.lead_cut")]
            break
        chosen.append(sent)
        length += len(text)
        if length >= 120:
            break
    if not chosen:
        return []
    text = "".join(ctx.text[s.start : s.end].strip() for s in chosen)
    return [ctx.hit(text, chosen[0].start, chosen[-1].end, "summary.lead")]
