"""The words around a metric's number: a noun phrase before it, the verb before or after it, and a place
that merely has a number (某乡有…人: a statistic, not a result)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...context import Context
from ...entities import tag
from .grammar import _WEAK_VERBS, _adverb_at_end, _clean_name, _strip_adverb_tail
from .words import MetricWords

if TYPE_CHECKING:
    from .naming import Slot


# ------------------------------------------------------------------------------------------ 同比/环比


# what a place has: 某乡有6000人 / 有4个乡56个村共4万人 (a place's size, not work done; 经营户就有40家 is counted)
_PLACE_HAS = re.compile(r"[乡镇村县市区省州旗]有|有(?=[\d一二两三四五六七八九十])")


def _place_has(norm: str, start: int, end: int) -> bool:
    # a place with 有, or 有 before another count than this one
    return any(m.group()[0] != "有" or m.end() < end for m in _PLACE_HAS.finditer(norm, start, end))


def _noun_phrase(name: str) -> bool:
    """A name that can head a count: 2–24 characters of Chinese text, no punctuation, spaces or digits."""
    return 2 <= len(name) <= 24 and not re.search(r"[\s\d，。；：！？,.;:!?《》]", name)


# the parts of speech that cannot end the name of a count (jieba's tags): locatives (以下), prepositions,
# conjunctions, particles, pronouns, modal particles (以下729个, 其中3个, 它们2个)
_NOT_NAME_TAGS = ("f", "p", "c", "u", "r", "y", "e", "o")


def _noun_before(ctx: Context, words: MetricWords, pos: int) -> bool:
    """Can the word ending right before the number end a name (资源库12处, 查阅85件次), unlike a
    locative or a pronoun (以下729个)? Words outside the dictionary can."""
    i = bisect.bisect_right(ctx.word_ends, pos) - 1
    if i < 0 or ctx.words[i][2] != pos:
        return True  # the number starts inside a word: no word ends there
    while i > 0 and ctx.words[i][0] in words.gap_words:
        i -= 1
    t = tag(ctx.words[i][0]) or ""
    return not t.startswith(_NOT_NAME_TAGS)


def _verb_before(ctx: Context, words: MetricWords, pos: int, lclean: str) -> str:
    """A verb written right before the number (编写3000余份宣传册, 梳理120项项目), by its part of speech:
    the set of result verbs is open, the word list only adds the ones jieba does not tag."""
    i = bisect.bisect_right(ctx.word_ends, pos) - 1
    if i < 0 or ctx.words[i][2] != pos:
        return ""
    gaps = ""
    while i > 0 and ctx.words[i][0] in words.gap_words:
        gaps = ctx.words[i][0] + gaps
        i -= 1
    word = ctx.words[i][0]
    t = tag(word) or ""
    if (gaps.startswith("全") or gaps.startswith("辖") or gaps == "境内") and lclean.endswith(gaps):
        lclean = lclean[: len(lclean) - len(gaps)]  # 检查全县126家… / 走访辖区3家…: the verb stands before
    if (
        word in words.not_action
        or not t.startswith("v")
        or len(word) < 2
        or not lclean.rstrip("了到出过").endswith(word)
    ):
        return ""
    return word


def _verb_after(slot: Slot) -> str:
    """The first verb (by jieba's part of speech) between the number and the end of its clause, when the
    thing counted comes first (800个车位投用, 1200人再就业); '' when there is none."""
    ctx, words = slot.ctx, slot.words
    end = slot.nxt_cand.start if slot.nxt_cand is not None else slot.clause.end
    i = bisect.bisect_left(ctx.word_starts, slot.tok.end)
    while i < len(ctx.words) and ctx.words[i][1] < end:
        word = ctx.words[i][0]
        t = tag(word) or ""
        if t.startswith("v") and t != "vn" and len(word) >= 2:
            return "" if word in words.not_action or word in _WEAK_VERBS else word
        i += 1
    return ""


# ------------------------------------------------------------------------------------------ round 2 (issue 12)


def _doers_first(words: MetricWords, name: str, verb: str) -> str:
    """213个服务站完成改造: the count is of the doers, named by what they did — 完成改造的服务站
    (the thing, then the verb phrase, is turned round: the verb phrase qualifies the thing counted).
    Only for a plain noun (its last word a noun by part of speech) right before the verb and its adverbs."""
    at = name.find(verb) if verb else -1
    listed = words.verbs_in(name)
    if at < 2 or name.find(verb, at + 1) >= 0 or (listed and listed[0].start() < at):
        return name  # another verb comes first: the name is no plain thing + verb phrase
    thing, done = name[:at], name[at:]
    if "的" in done or re.search(r"[\d一二两三四五六七八九十]", thing):
        return name
    thing = re.sub(
        r"(?:已经|已|都|均|全部|全面|陆续|先后|共|又|再|正|还|依法|当场|着力|大力|积极|主动|同步|相继|率先)+$",
        "",
        thing,
    )
    bracket = re.sub(r"[（(][^（）()]{1,6}[）)]", "", thing)  # 区（市）县: a bracketed alternative stays
    if (
        not _noun_phrase(thing)
        or len(done) < 2
        or re.search(r"[从将在对到向把被给与和及、的“”（）()]", bracket)
    ):
        return name
    return done + "的" + thing if _ends_in_noun(bracket) else name


def _ends_in_noun(text: str) -> bool:
    """The longest word the text ends with that jieba knows is a noun (网格员, 服务站)."""
    from ...entities import tag

    for n in (4, 3, 2):
        t = tag(text[-n:]) if len(text) >= n else None
        if t:
            return t.startswith("n") and t != "nr"
    return False


def _went_to(slot: Slot) -> bool:
    """A verb of going or splitting (深入, 前往, 分成, 围绕) right before the number (after 了 and 全县…)."""
    left = re.sub(r"(?:了|全[省市县区镇乡])+$", "", slot.lclean)
    return any(left.endswith(w) for w in slot.words.motion_verbs)


def _share_of_previous(slot: Slot, name: str) -> str:
    """食品类案件186起、占全部案件的37.2%: a share written right after a figure is that figure's share
    (食品类案件占全部案件)."""
    pc = slot.prev_cand
    if (
        not name.startswith("占")
        or slot.tok.unit not in ("%", "个百分点", "成")  # 占地面积120亩 is no share
        or pc is None
        or not pc.accepted
        or not pc.name
        or pc.sentence != slot.tok.sentence
    ):
        return name
    between = slot.norm[pc.end : slot.tok.start]
    if not re.fullmatch(r"[，、,]?(?:[^，。；、]{0,8}\d[\d.]*%[，、])?占[^，。；、]{1,20}", between):
        return name
    return pc.name + name


# ------------------------------------------------------------------------------------------ number first


def _attributive_thing(words: MetricWords, lclean: str, thing: str) -> str:
    """非法吸揽的3457.28万元已经清退完毕 → 清退非法吸揽 / 对排查出的86处隐患 → 排查出的隐患."""
    head = re.split(r"(?=" + words.verb_re.pattern + r")", thing)[0]
    head = _strip_adverb_tail(head) or head
    v = words.first_verb(thing)
    if v is not None and v.start() <= 3 and not head.strip():
        return v.group() + lclean.rstrip("的")
    return re.sub(r"^对", "", lclean) + head


def _prep_thing(words: MetricWords, p: str, thing: str) -> tuple[str, str]:
    """(pre, thing) after 将/把/对/为/向 before the number."""
    v = next((m for m in words.verbs_in(thing) if m.start() > 0), None)  # 被困人员 is not the verb
    if p in ("将", "把") and v is not None:
        vp = re.split(r"[并和及后]", thing[v.start() :])[0]
        return "", vp + _strip_adverb_tail(thing[: v.start()])  # 将3名被困群众救出 → 救出被困群众
    if p == "对":
        if "进行" in thing or "开展" in thing:
            x, _, vp = thing.partition("进行" if "进行" in thing else "开展")
            x = (
                x.split("的")[0] if len(x.split("的")[0]) >= 2 else x
            )  # 对12个乡镇的市场开展检查: 乡镇 counted
            return "", _clean_name(words, vp) + x  # 对25起案件进行挂牌督办 → 挂牌督办案件
        if v is not None and v.start() <= 10 and "、" not in thing[: v.start()]:
            x = thing[: v.start()]  # 对10余起重大案件联合挂牌督办 → 联合挂牌督办重大案件
            return "", _adverb_at_end(x) + thing[v.start() :] + _strip_adverb_tail(x)
        if v is not None:
            return "对", thing  # 对90名重点人员、企业负责人提前采取管控措施: kept as written
    if p in ("为", "向", "给", "与"):
        return p, thing
    made = _MADE_OF.search(thing) if p == "由" else None
    if made is not None and made.start() >= 2:
        # 建立由18个部门组成的协调机制 → 组成协调机制的部门: the members, named by what they make up
        return "", made.group("v") + thing[made.end() :] + "的" + thing[: made.start()]
    return "", thing


_MADE_OF = re.compile(r"(?P<v>组成|构成|参加|参与)的?")
