"""people (出席领导): every named person whose post the report states, with the post as written.

Two shapes, both anchored on a post from templates/posts.txt:

- post before name, posts chained with 、:  市政府副市长、市公安局局长张伟 → 张伟 · 市政府副市长、市公安局局长
- name before post, the unit before the name: 市委政法委刘洋科长 → 刘洋 · 市委政法委科长

A person appears once, with the fullest post found. Left out: reporters and correspondents in bylines
(记者、通讯员), leaders only cited as the source of guidance (贯彻…重要指示精神), anonymised names
(张某, 侯××), and names with no post (王琰同志).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ...model import Found, Person, Span
from ..context import Context
from ..entities import (
    _AFTER_NAME,
    _COMMON_GIVEN,
    _NOT_PERSON_AFTER,
    PersonHit,
    is_surname_at,
    name_after,
    name_before,
    post_regex,
    tag,
    unit_start,
)
from ..lexicon import read_word_table, words_in_effect
from . import rule

_BYLINE = re.compile(
    r"[（(]\s*(?:本报)?(?:记者|通讯员|特约记者|见习记者|实习生)[^）)]{0,40}[）)]|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*(?:报道|摄)?"
)
_GUIDANCE_BEFORE = re.compile(r"(?:贯彻|学习|践行|落实|遵循|按照|根据|领会|宣讲|深入学习)[^，。；]{0,12}$")
_GUIDANCE_AFTER = re.compile(
    r"^(?:同志)?(?:总书记)?(?:的)?(?:重要|系列)?(?:指示|批示|讲话|论述|思想|精神|要求|部署)"
)
_GENERIC_AFTER_POST = re.compile(r"们|共|有|等|队伍|制度|工作|岗位|身份|职务|职责|人员|群体")
_PSEUDONYM_NEAR = re.compile(r"[（(]化名[）)]")
_NOT_TITLE = ("记者", "通讯员", "实习生", "编辑", "摄影")
# a post followed by these is part of a body's name or a meeting, not a person's post (区人大常委会, 主任会议)
_POST_IN_NAME = re.compile(r"会|办|室|组|部|处(?!长)")
# words after a name that show it is a place or a topic cited with a leader (总书记在某地的重要讲话, 殷殷嘱托)
_CITED_AFTER = re.compile(r"(?:重要|殷殷|亲切|关于|的重要|系列|嘱托|指示|批示)")
_PLACE_END = frozenset("村镇乡县区市省州旗盟局委厅部院所队办")  # a two-character "name" ending so is a place
_ORGAN_AFTER = re.compile(r"党工委|党委|党组|办事处|人民政府|政府|人大|政协|居委会|村委会")
_UNIT_END = frozenset("村镇乡县区市旗盟局委厅部院所队办")  # …and a three-character one (王建省 is a name)
# page furniture lines (上一条/下一条 footers, bylines, editors): never people. A simple check until the
# shared furniture classifier of the Context takes over. A line opening with 记者/通讯员 is a byline only when a
# label mark or the reporter's name alone follows (记者 某某, 记者：某某, 记者某某 报道); a paragraph of the story
# may open so too (记者看到，…; 记者从某局获悉：…) and its people are real
_FURNITURE_LINE = re.compile(
    r"\s*(?:上一[条篇]|下一[条篇]|上一页|下一页|相关(?:新闻|阅读|链接)|推荐阅读|"
    r"(?:责任)?编辑|作者|来源|发布者|审核|校对|供稿|撰稿|摄影|"
    r"(?:记者|通讯员)(?:[\s：:|｜]|[\u4e00-\u9fff]{2,4}(?:\s|$|报道|摄)))",
    re.MULTILINE,
)
# posts that also name a group (县领导, 党员干部): a name after them must be closed by punctuation or 等
_GROUP_POSTS = frozenset(
    ("领导", "干部", "党员", "村干部", "代表", "专家", "技术骨干", "业务骨干", "技术专家")
)
_NAME_CLOSED = re.compile(r"[，。、；：！？,;:!?\s（(]|等|同志|$")
# a name's third character that starts the next word instead (唐宁做了调研, 陈涛以…为题)
_NAME_TAIL_WORD = frozenset("做作以犯把被将从向在于为")


# a group word (干部, 专家) anchored on a body written right before it: 某所干部, 某班党员, 某中心专家, 某院技术骨干
_ORGAN_CHARS = frozenset("局委院府部厅所队办会司处站室组署团社庭科股馆校心行班镇乡村")


def _glued_to_organ(ctx: Context, pos: int) -> bool:
    """某某建设处 + 纪某某副处长: jieba's one word for an organ's last character and a surname (处纪, no word of
    the dictionary); the name still begins after the organ character (部门的领导 is no such case)."""
    import bisect

    i = bisect.bisect_left(ctx.word_starts, pos - 1)
    if i >= len(ctx.words) or ctx.word_starts[i] != pos - 1:
        return False
    word = ctx.words[i][0]
    return len(word) == 2 and word[0] in "局委厅处科室所队站办院部" and tag(word) is None


def _acts_next(ctx: Context, name: tuple[int, int]) -> bool:
    """某所干部刘春深有感触, 某班党员陈春主动请缨, 专家李明作指导: after a group word (干部, 党员, 专家) a name
    that is no dictionary word, cut off by jieba on both sides, and followed by a verb, an adverb or an idiom
    (the person acts) is a name; 领导常抓不懈, 党员冲锋在前 are ordinary words."""
    import bisect

    s, e = name
    if e - s == 3 and ctx.norm[e - 1] in "作做":
        e -= 1  # 李明作指导: jieba's one word for the name and the verb after it
        return s in ctx.word_starts and tag(ctx.norm[s:e]) in (None, "nr")
    if tag(ctx.norm[s:e]) not in (None, "nr"):
        return False
    i = bisect.bisect_left(ctx.word_starts, e)
    if i >= len(ctx.words) or ctx.word_starts[i] != e or s not in ctx.word_starts:
        return False
    nxt = ctx.words[i][0]
    return (len(nxt) >= 2 and (tag(nxt) or "")[:1] in "vdilab") or nxt in ("作", "做")


def _post_ending_at(text: str, end: int, posts: frozenset[str], longest: int) -> int | None:
    for length in range(min(longest, end), 0, -1):
        if text[end - length : end] in posts:
            return end - length
    return None


@lru_cache(maxsize=4)
def _post_lookup(posts: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """The lexicon's posts as a set and the length of the longest (once per process, not per report)."""
    found = frozenset(posts)
    return found, max(len(p) for p in found)


def find_people(ctx: Context) -> list[PersonHit]:
    """Every (name, post) pair in the report body, in text order (duplicates kept)."""
    if ctx.lexicon is None or not ctx.lexicon.posts:
        return []
    cached = ctx.__dict__.get("_people_hits")
    if cached is not None:
        return cached
    text = ctx.norm
    end_limit = ctx.content_end
    posts, longest = _post_lookup(ctx.lexicon.posts)
    bylines = [m.span() for m in _BYLINE.finditer(text, 0, end_limit)]
    hits: list[PersonHit] = []
    ends = frozenset(ctx.word_ends)
    starts = frozenset(ctx.word_starts)

    def token_end(pos: int) -> bool:
        return pos in ends

    for m in post_regex(ctx.lexicon.posts).finditer(text, 0, end_limit):
        if any(a <= m.start() < b for a, b in bylines) or _POST_IN_NAME.match(text, m.end()):
            continue
        minority = _minority_before(ctx, m.start())
        if minority is not None:
            org_start = unit_start(ctx, minority[0])
            title = (ctx.text[org_start : minority[0]] + ctx.text[m.start() : m.end()]).strip()
            hits.append(
                PersonHit(
                    text[minority[0] : minority[1]],
                    title,
                    Span(*minority),
                    Span(org_start, m.end()),
                    "people.minority_name",
                )
            )
            continue
        after = name_after(text, m.end(), token_end)
        if after is not None and after[1] - after[0] == 2 and text[after[1] - 1] in _PLACE_END:
            after = None  # 领导包村, 干部包乡: a two-character "name" ending in 村/乡 is a place or a duty
        if after is not None and (
            text[after[1] - 2 : after[1]] in ("街道", "社区") or _ORGAN_AFTER.match(text, after[1])
        ):
            after = (
                None  # 某区|长丰街道党工委: a post read inside a place's name, the "name" is the place's rest
            )
        if (
            after is not None
            and m.group() in _GROUP_POSTS
            and not _NAME_CLOSED.match(text, after[1])
            and not (after[1] - after[0] == 3 and _AFTER_NAME.match(text, after[1]))
            and not (text[m.start() - 1 : m.start()] in _ORGAN_CHARS and _acts_next(ctx, after))
        ):
            after = None  # 领导包片督导, 干部廉政档案 (generic phrases): a group word before a noun, not a post before a name
        if after is not None:
            start = _across_conjunction(ctx, unit_start(ctx, m.start()), posts, longest)
            while start > 0 and text[start - 1] == "、":
                prev = _post_ending_at(text, start - 1, posts, longest)
                if prev is None:
                    break
                start = unit_start(ctx, prev)
            title = ctx.text[start : m.end()].strip()
            hits.append(PersonHit(ctx.text[after[0] : after[1]], title, Span(*after), Span(start, m.end())))
            hits.extend(_listed_after(ctx, after[1], title, Span(start, m.end()), token_end))
            continue
        if _GENERIC_AFTER_POST.match(text, m.end()):
            continue  # the post as a common noun: 监督员共有…, 民警们
        before = name_before(text, m.start(), max(0, m.start() - 4))
        if before is not None and text[before[1] - 1] in (
            _PLACE_END if before[1] - before[0] == 2 else _UNIT_END
        ):
            before = None  # 石桥村村干部: a village before the post, not a name
        if (
            before is not None
            and (before[0] in starts or _glued_to_organ(ctx, before[0]))
            and not _PSEUDONYM_NEAR.match(text, m.end())
        ):
            org_start = _across_conjunction(ctx, unit_start(ctx, before[0]), posts, longest)
            title = (ctx.text[org_start : before[0]] + ctx.text[m.start() : m.end()]).strip()
            hits.append(
                PersonHit(
                    ctx.text[before[0] : before[1]],
                    title,
                    Span(*before),
                    Span(org_start, m.end()),
                    "people.name_before_post",
                )
            )
    hits = _share_unit(ctx, [_trim(ctx, h) for h in hits if _keep(ctx, h)])
    ctx.__dict__["_people_hits"] = hits
    return hits


def _across_conjunction(ctx: Context, start: int, posts: frozenset[str], longest: int) -> int:
    """政策与法规处副处长 / 城市运行和治理中心主任: a body whose name holds 和/与 is one title,
    unless a post ends before the conjunction (局长与处长 are two people's posts)."""
    text = ctx.norm
    if (
        start < 3
        or text[start - 1] not in "和与及"
        or _post_ending_at(text, start - 1, posts, longest) is not None
        # 主任吴晓明与局长郑磊: a post and a name before the conjunction, two people
        or any(_post_ending_at(text, start - 1 - k, posts, longest) is not None for k in (2, 3, 4))
    ):
        return start
    left = unit_start(ctx, start - 1, limit=16)
    return (
        left if left < start - 2 and not re.search(r"[，。、；：！？\s]", text[left : start - 1]) else start
    )


def _share_unit(ctx: Context, hits: list[PersonHit]) -> list[PersonHit]:
    """市政府王建国市长、李红副市长、周海副市长: the unit before the first name belongs to the whole list."""
    out: list[PersonHit] = []
    unit = ""
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and hit.title_span.start == hit.name_span.start
            and prev.title_span.end == hit.name_span.start - 1
            and ctx.norm[prev.title_span.end] == "、"
            and prev.name_span.start <= prev.title_span.end
        ):
            if prev.title_span.start < prev.name_span.start:
                unit = ctx.text[prev.title_span.start : prev.name_span.start]
            if unit:
                hit = PersonHit(
                    hit.name, unit + hit.title, hit.name_span, hit.title_span, "people.shared_unit"
                )
        else:
            unit = ""
        out.append(hit)
    return out


def _minority_before(ctx: Context, end: int) -> tuple[int, int] | None:
    """A name written with a middle dot right before a post (阿不都·热合曼局长), after punctuation or, written
    straight after its unit, after an organ suffix of templates/org_words.txt (某州民宗委阿某·某某主任)."""
    text = ctx.norm
    m = _MINORITY_END.search(text, max(0, end - 14), end)
    if m is None:
        return None
    dot = m.start() + next(i for i, c in enumerate(m.group()) if c in "·・•‧")
    firsts = range(dot - 1, max(m.start(), dot - 5) - 1, -1)  # the shortest first part first
    for start in firsts:
        if start == 0 or text[start - 1] in _NAME_LEFT:
            return start, m.end()
    for start in firsts:
        if _after_unit(ctx, start):
            return start, m.end()
    return None


def _after_unit(ctx: Context, pos: int) -> bool:
    """A unit's name ends at pos: an organ suffix (委, 局, 卫健委, 办公室) with words of the unit before it."""
    text = ctx.norm
    for suffix in _organ_suffixes(ctx):
        if text.endswith(suffix, 0, pos):
            return unit_start(ctx, pos) < pos - len(suffix)  # 州民宗 + 委: not a bare suffix
    return False


def _organ_suffixes(ctx: Context) -> tuple[str, ...]:
    """The organ suffixes (机关) of templates/org_words.txt, longest first (read once per file version)."""
    return words_in_effect(ctx, "org_words", "org_words.txt", _read_organs)


def _read_organs(path: Path | None) -> tuple[str, ...]:
    return read_word_table(str(path) if path else None).get("机关", ())


_MINORITY_END = re.compile(r"[\u4e00-\u9fff]{1,5}[·・•‧][\u4e00-\u9fff]{1,6}$")
_NAME_LEFT = frozenset('，。、；：！？,.;:!?\n “”"（）()和与及')
_LIST_GAP = re.compile(r"、")
_LIST_END = re.compile(
    r"[、，。；：！？]|等|同志|$|\s|一行|陪同|参加|出席|[为就向作做](?![了的])|分别|先后|共同|一起"
)


def _listed_after(ctx: Context, pos: int, title: str, title_span: Span, token_end) -> list[PersonHit]:
    """市住建委领导周明、吴刚、郑海平 / 副主任陈静、何平等: the names listed after the first share its post;
    the list may end with a name written straight before the group's verb (副局长甲、乙、丙带队检查)."""
    text = ctx.norm
    out: list[PersonHit] = []
    while pos < len(text) and text[pos] == "、":
        nxt = name_after(text, pos + 1, token_end)
        last = nxt is None or not _LIST_END.match(text, nxt[1])
        if last:
            nxt = _name_before_verb(ctx, pos + 1)
        if nxt is None or _word_like(text[nxt[0] : nxt[1]]):
            break
        out.append(PersonHit(ctx.text[nxt[0] : nxt[1]], title, Span(*nxt), title_span, "people.name_list"))
        if last:
            break
        pos = nxt[1]
    return out


def _verb_at(text: str, pos: int) -> bool:
    """A word of two to four characters that begins a predicate starts at pos: a verb or an adverb of jieba's
    dictionary (检查, 率队, 一同), or one of the words reports put after a name (带队, 督导, 调研)."""
    for length in (4, 3, 2):
        t = tag(text[pos : pos + length]) or ""
        if t[:1] in ("v", "d"):
            return True
    m = _AFTER_NAME.match(text, pos)
    return m is not None and m.end() - pos >= 2


def _name_before_verb(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The last name of a list, glued to the list's verb (、潘某某带队检查 / 、罗某带队检查): a surname of the
    surname table and one or two more characters, followed by a verb. When both lengths are so followed
    (王国强调研: 王国 + 强调, 王国强 + 调研), jieba's cut decides: the verb's first character is not eaten
    into a three-character name, and a three-character name does not lose its last character to a verb."""
    text = ctx.norm
    sl = is_surname_at(text, pos)
    if not sl or _NOT_PERSON_AFTER.match(text, pos + sl):
        return None
    options = []
    for given in (2, 1):
        end = pos + sl + given
        name = text[pos:end]
        if end >= len(text) or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        t = tag(name)
        if t is not None and not t.startswith("nr"):
            continue  # 安全, 金融: a dictionary word, not a name
        if given == 1 and name[-1] in _COMMON_GIVEN:
            continue
        if _verb_at(text, end):
            options.append(end)
    if not options:
        return None
    starts = frozenset(ctx.word_starts)
    agreed = [end for end in options if end in starts]
    return pos, (agreed or options)[0]


def _word_like(name: str) -> bool:
    """严把管理关 → 管理关, 来村里, 殷殷: a surname character that starts an ordinary word, not a name."""
    if len(name) == 2 and name[0] == name[1]:
        return True  # a reduplicated word (殷殷嘱托)
    if any(c in "我你他她它咱" for c in name[1:]):
        return True  # 领导来我局调研 → 来我局: a pronoun is never part of a name
    if len(name) != 3 or "·" in name:
        return False
    if (tag(name[1:]) or "").startswith("nr"):
        return False  # 高|志远: the given name is a name in the dictionary, whatever 高志 is
    t = tag(name[:2])
    return t is not None and not t.startswith(("nr", "ns"))


def _trim(ctx: Context, hit: PersonHit) -> PersonHit:
    """唐宁做了调研 → 唐宁: a third character that starts the next word is not part of the name."""
    name, span = hit.name, hit.name_span
    if len(name) == 3 and name[2] in _NAME_TAIL_WORD and "·" not in name:
        return PersonHit(name[:2], hit.title, Span(span.start, span.end - 1), hit.title_span, hit.rule)
    return hit


def _on_furniture_line(ctx: Context, pos: int) -> bool:
    line_start = ctx.norm.rfind("\n", 0, pos) + 1
    line_end = ctx.norm.find("\n", pos)
    return bool(_FURNITURE_LINE.match(ctx.norm, line_start, len(ctx.norm) if line_end < 0 else line_end))


def _keep(ctx: Context, hit: PersonHit) -> bool:
    text = ctx.norm
    if any(word in hit.title for word in _NOT_TITLE):
        return False
    if _word_like(hit.name) or _CITED_AFTER.match(text, hit.name_span.end):
        return False
    if _on_furniture_line(ctx, hit.name_span.start):
        return False
    sent = ctx.sentence_at(hit.name_span.start)
    before = text[sent.start : min(hit.title_span.start, hit.name_span.start)]
    after = text[hit.name_span.end : min(sent.end, hit.name_span.end + 16)]
    if hit.title_span.end > hit.name_span.end:
        after = text[hit.title_span.end : min(sent.end, hit.title_span.end + 16)]
    return not (
        _GUIDANCE_BEFORE.search(before) and _GUIDANCE_AFTER.match(after)
    )  # 贯彻…重要指示精神 (cited guidance)


@rule("people")
def people(ctx: Context) -> list[Found]:
    """Named people with their posts; one entry per person, with the fullest post."""
    best: dict[str, PersonHit] = {}
    order: list[str] = []
    for hit in find_people(ctx):
        current = best.get(hit.name)
        if current is None:
            order.append(hit.name)
            best[hit.name] = hit
        elif len(hit.title) > len(current.title):
            best[hit.name] = hit
    out = []
    for name in order:
        hit = best[name]
        start = min(hit.name_span.start, hit.title_span.start)
        end = max(hit.name_span.end, hit.title_span.end)
        out.append(ctx.hit(Person(hit.name, hit.title), start, end, hit.rule))
    return out
