"""Recognisers shared by the rules: people's names with their posts, and word tags.

A name is a surname plus one or two characters (or a minority name written with a middle dot); it
is accepted only beside a post from templates/posts.txt ("市政府副市长、市公安局局长于海",
"市委政法委崔万新科长"), so ordinary words starting with a surname character are not taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Span
from .context import Context
from .lexicon_data import COMPOUND_SURNAMES, NOT_NAME_END, SINGLE_SURNAMES
from .segment import dictionary

CJK = r"\u4e00-\u9fff"
_CJK_CHAR = re.compile(f"[{CJK}]")


@lru_cache(maxsize=1 << 16)  # words repeat: a bounded cache (a few MB) saves most look-ups in the word table
def tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (None for words not in the dictionary)."""
    return dictionary().tag(word)


@lru_cache(maxsize=16)
def post_regex(posts: tuple[str, ...]) -> re.Pattern[str]:
    """Longest-first alternation of the post lexicon."""
    ordered = sorted(set(posts), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in ordered)) if ordered else re.compile(r"(?!x)x")


def is_surname_at(text: str, i: int) -> int:
    """Length of the surname starting at text[i] (0 if none)."""
    if text[i : i + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if i < len(text) and text[i] in SINGLE_SURNAMES else 0


_MINORITY = re.compile(f"[{CJK}]{{1,5}}[·・•‧][{CJK}]{{1,6}}")
# what may follow a name: punctuation, a post, or the words reports put after names
_AFTER_NAME = re.compile(
    r"[，。、；：！？,.;:!?\s（）()“”\"]|$|\d|同志|主持|出席|参加|讲话|介绍|表示|指出|强调|说|要求|认为|率|带队|带领|陪同|"
    r"在|和|与|及|等|一行|代表|作|做|就|对|向|为|到|赴|来|前往|深入|走访|看望|慰问|会见|调研|检查|督导|"
    r"听取|宣布|宣读|传达|部署|提出|回答|答|也|还|则|又|都|先后|分别|首先|随后|最后|一起|共同|亲自|专门|"
    r"开门见山|开口|率先|坦言|透露|告诉|解释|通报|希望|是|的|受|作为|记得"
)
# what closes a name for sure (punctuation or a speaker's verb): a given name ending in 和/与/及 before it keeps
# that character (周永和主持, 张建和、); before anything else 和/与/及 joins two names (王强和李明)
_CLOSES_A_NAME = re.compile(
    r"[，。、；：！？,;:!?（(]|[为就向对](?![了的])|[已正曾也都又便]|来到|先后|率先|亲自|主持|出席|参加|讲话|介绍|表示|指出|强调|说|要求|认为|率队|带领|陪同|一行|作了|做了|同志[，。、]"
)
_NOT_PERSON_AFTER = re.compile(r"^(?:某|××|XX|xx|\*\*)")


@dataclass(frozen=True, slots=True)
class PersonHit:
    name: str
    title: str
    name_span: Span
    title_span: Span
    rule: str = "people.post_before_name"  # the strategy that found it (Found.rule)


_FUNCTION_SURNAMES = frozenset("和都与及向对从把被将让给为")
_COMMON_GIVEN = frozenset("有是在了的和与及等也都就说要会将对从把被为到上下中内外")
_PSEUDONYM = re.compile(r"[（(](?:化名|系化名|均为化名|匿名)[）)]")


def name_after(text: str, pos: int, token_end=None) -> tuple[int, int] | None:
    """A name starting at pos (surname + 1–2 characters): (start, end), or None.

    The name must end where a word ends (jieba's cut, when `token_end` is given) or before a word
    that follows names (说, 介绍, 主持 …); a third character that is itself such a word (马杰说) is
    left out; dictionary words that are not names (常务, 都有) and pseudonyms (侯平（化名）) are refused.
    """
    for length in range(4, min(12, len(text) - pos) + 1):
        m = _MINORITY.fullmatch(text, pos, pos + length)
        if m and _AFTER_NAME.match(text, m.end()):
            return m.start(), m.end()
    sl = is_surname_at(text, pos)
    if not sl:
        return None
    rest_tag = tag(text[pos + 1 : pos + 3]) if text[pos] in _FUNCTION_SURNAMES else None
    if rest_tag is not None and not rest_tag.startswith("nr"):
        return None  # 和专案, 都有: a conjunction or adverb before a word, not a surname (高|志远 is a name)
    options = []
    for given in (2, 1):
        end = pos + sl + given
        if end > len(text) or not all(_CJK_CHAR.match(c) for c in text[pos:end]):
            continue
        candidate = text[pos:end]
        t = tag(candidate)
        if t is not None and not t.startswith("nr"):
            continue
        if (
            given == 1
            and candidate[-1] in _COMMON_GIVEN
            and not (candidate[-1] in "和与" and _CLOSES_A_NAME.match(text, end))  # 李和主持, 王与、
        ):
            continue
        followed = bool(_AFTER_NAME.match(text, end))
        at_word_end = bool(token_end and token_end(end))
        if followed or at_word_end:
            options.append((given, end, followed))
    if not options:
        return None
    if _NOT_PERSON_AFTER.match(text[pos + sl :]):
        return None
    given, end, _ = options[0]
    if (
        given == 2
        and text[end - 1] in NOT_NAME_END
        and any(o[0] == 1 and o[2] for o in options)
        and not (text[end - 1] in "和与及" and _CLOSES_A_NAME.match(text, end))
    ):
        end = pos + sl + 1  # 王强和李明: 和 joins two names; 周永和主持, 张建和、: 和 ends the given name
    if _PSEUDONYM.match(text, end):
        return None
    return pos, end


def name_before(text: str, end: int, lo: int) -> tuple[int, int] | None:
    """A name ending at `end` (followed there by a post), preceded by a boundary or an org/place word."""
    for length in (3, 2, 4):
        start = end - length
        if start < lo:
            continue
        sl = is_surname_at(text, start)
        if not sl or length - sl not in (1, 2):
            continue
        candidate = text[start:end]
        if not all(_CJK_CHAR.match(c) for c in candidate):
            continue
        t = tag(candidate)
        if t is not None and not t.startswith("nr"):
            continue
        before = text[max(0, start - 1) : start]
        if start > 0 and before not in _NAME_LEFT_BOUNDARY and before not in _UNIT_END:
            continue  # 村级廉情监督员: a name follows a delimiter or a unit (市政府孟宪东市长), not a modifier
        return start, end
    return None


_NAME_LEFT_BOUNDARY = frozenset('，。、；：！？,.;:!?\n “”"（）()')
_UNIT_END = frozenset(
    "局委院府部厅所队办会司处站室组署团社庭科股馆校县区市省旗州盟镇乡村心学行"
)  # 中心, 大学, 银行 too


# tokens that end the stretch of unit/place words written before a post or a name
_STOP_TAGS = frozenset({"p", "c", "d", "dg", "t", "tg", "y", "e", "o", "f", "q", "z", "zg_"})
_STOP_WORDS = frozenset(
    [
        "由",
        "据",
        "经",
        "向",
        "从",
        "对",
        "被",
        "把",
        "将",
        "让",
        "给",
        "在",
        "的",
        "了",
        "与",
        "及",
        "并",
        "和",
        "是",
        "为",
        "称",
        "说",
        "到",
        "至",
        "于",
        "等",
        "兼",
        "任",
        "即",
        "现",
        "原",
        "曾",
        "由于",
        "通过",
        "主持",
        "会议",
        "参加",
        "出席",
        "介绍",
        "表示",
        "指出",
        "强调",
        "传达",
        "认为",
        "看望",
        "慰问",
        "会见",
        "陪同",
        "听取",
        "宣读",
        "要求",
        "率",
        "带领",
        "赴",
        "会同",
        "注册",
        "得益于",
        "牵头",
        "协调",
        "配合",
        "督促",
        "指导",
        "组织",
        "召开",
        "举行",
        "成立",
        # an invitation before the invited body: 邀请某医院专家某某 (the post is 某医院专家)
        "邀请",
        "聘请",
        "记者",
        "通讯员",
        "本报",
        "报道",
        "摄",
        "文",
        "图",
        "编辑",
    ]
)


def unit_start(ctx: Context, pos: int, limit: int = 40) -> int:
    """Where the unit and place words written just before `pos` begin (the left edge of a post's title).

    Walks back over jieba's words while they are content words; stops at punctuation (a quoted
    name inside a unit, 市委“不忘初心、牢记使命”主题教育办, is crossed), prepositions, conjunctions,
    particles, pronouns, adverbs, time words and the verbs of reporting (介绍, 主持, 参加 …).
    """
    import bisect

    words = ctx.words
    ends = ctx.word_ends
    i = bisect.bisect_right(ends, pos)
    start = pos
    text = ctx.norm
    if i < len(words) and words[i][1] < pos < words[i][2]:
        # one word holds the unit and the post (区委书记, 协会会长): take its part before pos
        start = words[i][1]
        i += 0
    elif i == 0 or ends[i - 1] != pos:
        return pos
    former = False
    while i > 0:
        i -= 1
        word, ws, _we = words[i]
        if pos - ws > limit:
            break
        if word == "”":
            opening = text.rfind("“", max(0, ws - 20), ws)
            if opening < 0 or "。" in text[opening:ws] or "，" in text[opening:ws]:
                break
            # continue left of the opening quote
            j = bisect.bisect_right(ends, opening)
            if j == 0 or ends[j - 1] != opening:
                break
            start = opening
            i = j
            continue
        if not _CJK_CHAR.search(word):
            if word.isdigit() and i + 1 < len(words):
                start = ws
                continue
            break
        t = tag(word) or ""
        if word == "原" and i > 0 and ws == words[i - 1][2] and _holds_a_post(words[i - 1][0]):
            # 某县原县委副书记, 某省政协原党组成员: a former post, written so, after its place or body
            start, former = ws, True
            continue
        if former and t[:1] in "vp":
            break  # 判处 + 某县原县委副书记: the verb before the former official's place
        if word in _UNIT_CHARS and i > 0 and ws == words[i - 1][2] and _CJK_CHAR.match(words[i - 1][0]):
            start = ws  # 民政 + 所, 综合 + 科: an organ character jieba cut off (所 tagged as a conjunction)
            continue
        if word in _STOP_WORDS or t in _STOP_TAGS or (t[:1] in "ur" and t):
            break
        if t.startswith("v") and t != "vn" and _freq(word) >= 4500 and word not in _UNIT_CHARS:
            right = words[i + 1][0] if i + 1 < len(words) else ""
            if right[:1] not in _UNIT_CHARS and not _organ_word(right):
                break  # a common verb (组织, 召开, 成立, 联合, 接) starts the clause, not the unit
            # 应急 + 指挥 + 中心: a verb inside an office's name, the organ word right after it
        start = ws
    while start < pos - 2 and text[start] in _LEADING_STOP:
        start += 1
    if start == pos - 2 and text[start] in _LEADING_STOP and text[start + 1] in _LEVEL_CHARS:
        start += 1  # 由镇党委书记某某任组长: the preposition before a bare level (镇, 县) is not the post's
    return start


def _holds_a_post(word: str) -> bool:
    """A place or a body (利辛县, 政协, 某局): what may stand before 原 + a post."""
    t = tag(word) or ""
    return bool(_CJK_CHAR.match(word)) and (
        t in ("ns", "nt", "j") or word[-1:] in _UNIT_CHARS or word[-1:] in _LEVEL_CHARS
    )


def _organ_word(word: str) -> bool:
    """The word names an office inside a unit by itself (中心, 小组; the others begin with an organ character):
    a verb before it describes the office (应急 + 指挥 + 中心), it begins no clause."""
    return word in ("中心", "小组")


def _freq(word: str) -> int:
    return dictionary().freq(word)


_UNIT_CHARS = frozenset("办处局组队所委厅部院室科站股")
_LEADING_STOP = frozenset("由据经从向对被把将让给与及并在")
_LEVEL_CHARS = frozenset("省市县区旗镇乡村")
