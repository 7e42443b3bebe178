"""Round 3 (issue 12): figures written as the attribute of the thing they measure.

    5.5亿元的设备采购清单 / 173.1亿元的地区生产总值 / 组建30人的半专业扑火队 / 70%的县级网站都开设了专栏
    建筑面积达3120.8平方米的游客服务中心 → 游客服务中心建筑面积

The number, its measure word and 的 qualify a noun phrase: the noun phrase (its words up to the first word
that is not a noun by part of speech) names the figure, after a verb written right before the number (组建),
or followed by the statistic the words before the number name (建筑面积达 …).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...entities import tag
from .grammar import _clean_name, _strip_time

if TYPE_CHECKING:
    from .naming import Slot

# a bracketed list inside the noun phrase stays with it: 县（市、区）门户网站
_BRACKETED = re.compile(r"[（(][^（）()]{1,8}[）)]")
# function words end the noun phrase (就, 都, 未, 等, 在 …)
_FUNCTION_TAGS = ("d", "p", "c", "u", "r", "f", "y", "e", "o", "q", "x", "w")  # not m: 半专业


def _noun_words_after(slot: Slot, start: int, end: int) -> str:
    """The noun phrase from start, by jieba's words: it ends at a function word, or at a verb that no noun
    follows (设备采购清单 keeps 采购; 贷款注入… ends before 注入); brackets stay (县（市、区）门户网站)."""
    ctx = slot.ctx
    i = bisect.bisect_left(ctx.word_starts, start)
    if i >= len(ctx.words) or ctx.words[i][1] != start:
        return ""  # the 的 is glued to the next word: no clean noun phrase starts after it
    pos = start
    while i < len(ctx.words) and ctx.words[i][1] < end:
        word, ws, we = ctx.words[i]
        m = _BRACKETED.match(ctx.norm, ws)
        if m is not None and ws > start:
            pos = m.end()
            i = bisect.bisect_left(ctx.word_starts, pos)
            continue
        t = tag(word) or "n"  # a word outside the dictionary is a name part (塔材)
        if t.startswith(_FUNCTION_TAGS) or not re.match(r"[\u4e00-\u9fff]", word):
            break
        if t.startswith("v") and t != "vn" and pos > start:
            nxt = tag(ctx.words[i + 1][0]) if i + 1 < len(ctx.words) else None
            if nxt is None or not nxt.startswith(("n", "a", "vn")):
                break
        pos = we
        i += 1
    return ctx.norm[start:pos]


_LINKED = re.compile(r"(?:达到|达|为|超过|超|突破|逾|近|约)$")
# what may stand before such a figure: nothing, a classifier (一笔), 有/共有, a conjunction, 之内 after a span
_PLAIN_LEFT = re.compile(r"(?:[一这那]?[笔个份项批]|共有|还有|有|以及|其中|之内|以内|内|和|及|共|累计)?")
_LOCATIVE = re.compile(r"(?:上|中|内|里|之中|之内|之上)(?![\u4e00-\u9fff]{0,1}(?:级|线|市|报))")


# what a building, a site or a cluster measures (建筑面积达…的游客服务中心): statistics of the thing after 的
_MEASURES = ("面积", "规模", "长度", "容量")


def _stat_before(slot: Slot) -> str:
    """建筑面积达 / 年产值超 right before the figure: the statistic it gives of the thing after 的, or ''.
    The statistic is the word before 达/为/超… (with a noun before it: 森林覆盖率), by jieba's words."""
    linked = _LINKED.search(slot.left_raw)
    if linked is None:
        return ""  # the statistic is linked to the figure by 达/为/超…, not just written before it
    ctx = slot.ctx
    end = slot.tok.start - len(linked.group())
    i = bisect.bisect_right(ctx.word_ends, end) - 1
    if i < 0 or ctx.words[i][2] != end or not ctx.words[i][0].endswith((*slot.words.stat_nouns, *_MEASURES)):
        return ""
    stat = ctx.words[i][0]
    before = ctx.words[i - 1][0] if i > 0 else ""
    if len(stat) <= 2 and (tag(before) or "").startswith("n") and len(before) + len(stat) <= 6:
        stat = before + stat  # 年 + 产值
    return stat


def _has_verb(text: str) -> bool:
    """A two-character verb (by jieba's tag) somewhere in a short predicate (未再进入诉讼程序)."""
    return any((tag(text[k : k + 2]) or "").startswith("v") for k in range(min(len(text) - 1, 12)))


def _ends_in_verb(thing: str) -> bool:
    t = tag(thing[-2:]) or ""
    return t.startswith("v") and t != "vn"


def attributive_figure(slot: Slot) -> bool:
    """5.5亿元的设备采购清单 / 组建30人的半专业扑火队: the figure qualifies the noun phrase after 的."""
    norm, tok = slot.norm, slot.tok
    if not norm.startswith("的", tok.end):
        return False
    thing = _noun_words_after(slot, tok.end + 1, slot.clause.end)
    if len(thing) < 2 or len(thing) > 16 or _ends_in_verb(thing):
        return slot.reject("修饰语")  # 1%的贴息: a rate of an action, not of a thing
    if _LOCATIVE.match(norm, tok.end + 1 + len(thing)):
        return slot.reject("修饰语")  # 8.3万平方公里的土地上: where something is, not what was measured
    stat = _stat_before(slot)
    if stat:
        return slot.accept(thing + stat, "metrics.attributive_figure")  # 建筑面积达…的游客服务中心
    if tok.unit == "%":
        # 70%的县级网站都开设了专栏: a share of the things that did what the clause says
        done = _clean_name(slot.words, norm[tok.end + 1 + len(thing) : slot.clause.end])
        done = re.sub(r"^(?:都|均|已|也|全部|已经)+", "", done)
        if len(done) < 2 or (slot.words.first_verb(done) is None and not _has_verb(done)):
            return slot.reject("没有结果动词")
        return slot.accept(done + "的" + thing, "metrics.attributive_figure")
    verb = slot.end_verb
    if not verb and not _PLAIN_LEFT.fullmatch(_strip_time(slot.words, slot.lclean)):
        return slot.reject("修饰语")  # 限量0.5毫克/千克的标准: other words before make it a norm or a part
    return slot.accept(_clean_name(slot.words, verb + thing), "metrics.attributive_figure", verb)
