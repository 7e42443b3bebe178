"""Who acts in a report's lead: the unit or the place whose work the report is about.

Reports open with their actor as the subject of the first clause, after a dateline and time words:

- a unit: "市效能办近日开展…", "江南市公安局日前破获…", "县水利局召开…";
- a place acting as a whole: "房县召开…", "近年来，黑龙江省某市某县积极探索…", a headline "河北某县推行…";
- a headline in kicker form "福建某县：推进…" names the place whose work the page reports.

The verbs that make the subject an actor are the 主办 words of templates/meeting_words.txt (召开, 开展,
部署, 印发, 调研, 组织, 聚焦, 推行 …), a few words of time or manner (近日, 日前, 今年以来, 积极) may stand
between. A newspaper's dateline (本报某地1月2日电) and a byline are skipped, never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..context import Context
from ..gazetteer import Chain
from ..lexicon import load_lexicon, read_word_table
from ..orgs import find_orgs, place_chains, shared_head_list
from ..places import find_units

# what may stand before the subject in a clause: datelines, dates, time words, a leading 在/据
_CLAUSE_LEAD = re.compile(
    r"(?:【[^】\n]{1,12}】\s*)?"  # hunits2: a column tag before a headline (【工作动态】)
    r"(?:(?:本报|本台|本网|[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))(?:[\u4e00-\u9fff]{0,8}?)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)\s*)?"
    r"(?:[（(][^）)\n]{0,30}[）)]\s*)?"
    r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午|晚|上旬|中旬|下旬|初|底)?(?:以来|前后)?[，, ]?)?"
    r"(?:近年来|近期|近日|日前|今年以来|去年以来|年初以来|目前|当前|今年|去年|此前|最近|今天|今日|昨天|昨日|"
    r"全年|上半年|下半年|[一二三四]季度|年内|近年|多年来)?[，, ]?"
)
# what may stand between the subject and its verb
_BETWEEN = re.compile(
    r"(?:近日|日前|近期|近年来|今年以来|今年|去年|今日|今天|昨日|昨天|于?(?:\d{4}年)?\d{1,2}月\d{1,2}日|于?\d{1,2}日|"
    r"\d{1,2}时(?:\d{1,2}分)?|[上下]午|先后|再次|首次|专门|"
    r"积极|主动|持续|全面|深入|进一步|多举措|多措并举|已|正|将|又|还|也|均|在全[省市县区旗](?:范围内|域内?|各地)?|"
    r"[一二三四五六七八九十两多\d]+[项条个招种大](?:举措|措施|实招|硬招|招)?)*"
    # with others' help: 在某所、某队的配合下，(成功侦破…)
    r"(?:在[^，。；：]{2,30}?的?(?:配合|支持|指导|协助|帮助|共同努力)下，?(?:成功|迅速|及时|连续)?)?"
    # with partners, at a place, on an object: 会同某办等部门, 在某市某区, 对某某 (…进行/签署/开展)
    r"(?:(?:联合|会同|协同|配合|在|对|向|与|针对)[^，。；：]{1,30}?(?:(?<=[局委办院厅队所站心会])，)?(?=进行|开展|召开|举行|举办|签署|启动|发布|制定|印发|将|部署|作出|实施|实行|推行|试行|专项|"
    r"推出|出台|建立|开通|组建|成立|上线))?"
    r"(?:将|共同|联合)?(?:专项|集中|全面)?"
)


# ---- hunits2: a clause that only says when (春节期间，开学季，6月21日至22日，): the subject follows it
_TIME_CLAUSE = re.compile(
    r"(?:[\u4e00-\u9fff\d]{1,10}?(?:期间|前夕|之际|伊始|以来|之初|季|前后|时节|当天|当晚|当日)"
    r"|(?:\d{1,2}月)?\d{1,2}日?(?:至|到|—|-)(?:\d{1,2}月)?\d{1,2}日)"
)


def _organ_follows(ctx: Context, pos: int) -> bool:
    """An organ word among the next words (某县 + 发展和改革局): the place heads a unit's name, it does not act."""
    import bisect

    from ..places import unit_suffix_len

    if _ORGAN_NEAR.match(ctx.norm, pos):
        return True  # jieba cut the organ word apart (发展和改革 + 局)
    i = bisect.bisect_left(ctx.word_starts, pos)
    from ..entities import tag

    for word, _ws, _we in ctx.words[i : i + 3]:
        if not "\u4e00" <= word[0] <= "\u9fff":
            return False
        if (tag(word) or "").startswith("v"):
            return False  # 举办, 创办: a verb that ends like an organ word; the place acts
        if len(word) >= 2 and unit_suffix_len(word):
            return True
    return False


_ORGAN_NEAR = re.compile(r"[^，。；：！？\s“”]{0,8}?[局委厅署院]")
_JOINT_THEN_COMMA = re.compile(
    r"(?:联合|会同|协同|配合|(?<=联合|会同|协同|配合))[^，。；：]{1,30}?(?<=[局委办院厅队所站心会])，(?=[对在向就为从])"
)
# ---- end hunits2
# clauses before the subject: a purpose, a basis, an approval, a circumstance (在…的同时/中/下)
_PURPOSE = re.compile(
    r"(?:为了?|围绕|按照|根据|依据|针对|聚焦|经[^，。]{2,12}(?:批准|同意|研究)|"
    r"在[^，,。]{2,30}?(?:的同时|同时|过程中|中|下|之际|期间)(?=[，,]))"
)


# page furniture that says nothing of who acted or where: publication and byline lines, page counters,
# navigation (上一条/下一条, 当前位置), 来源 lines, captions, a briefing's masthead, a 公文's 发文字号 and 主送 lines.
# A kicker, a subtitle or a signature does say it, and is read.
NOISE_KINDS = frozenset(
    {
        "publication",
        "byline",
        "page_meta",
        "nav",
        "source",
        "markup",
        "caption",
        "masthead",
        "toc",
        "attachment",
        "doc_number",
        "signer",
        "addressee",
        "distribution",
        "period",
    }
)


def is_noise(ctx: Context, pos: int) -> bool:
    """Whether offset pos lies on a furniture line that names no actor (NOISE_KINDS)."""
    import bisect

    spans = ctx.__dict__.get("_noise_spans")
    if spans is None:
        layout = ctx.layout
        spans = [
            (ln.start, ln.end) for ln, k in zip(layout.lines, layout.kinds, strict=True) if k in NOISE_KINDS
        ]
        ctx.__dict__["_noise_spans"] = spans
    i = bisect.bisect_right(spans, (pos, len(ctx.norm) + 1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    # "unit", "place", "place_unit" (a headline's place acting through its own unit), or "suffix_place" (a
    # place the division table lacks, read by its suffix: suffix_place.py)
    kind: str
    chain: Chain | None = None


@lru_cache(maxsize=8)
def _verbs(path: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = read_word_table(path)
    words = table.get("主办", ()) or ("召开", "举行", "开展", "部署", "印发", "调研", "组织")
    not_acting = table.get("非主办", ()) or ("发生", "是", "有")
    return re.compile("|".join(map(re.escape, words))), re.compile("|".join(map(re.escape, not_acting)))


def lead_verbs(ctx: Context) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "meeting_words", None)
    return _verbs(str(path) if path else None)


def _acts(ctx: Context, start: int, end: int, limit: int, title: bool) -> bool:
    """The words after a subject make it an actor: a lead verb (from the list, or any verb jieba knows,
    after adverbs and set phrases: 严把, 因地制宜推进), or a headline's kicker colon; not a verb of
    something that befell it (发生, 遭受) or of being (是, 位于)."""
    import bisect

    from ..entities import tag

    end = _joint_units(ctx, start, end)
    m = _BETWEEN.match(ctx.norm, end, limit)
    pos = m.end() if m else end
    if title and ctx.norm[end : end + 1] in ("：", ":", " ", "\u3000"):
        return True
    if not title and (obj := _LONG_OBJECT.match(ctx.norm, pos, limit)):
        pos = obj.end()  # 某市将对辖区内的某某河段采砂权，分标段实行招投标: the verb after the object
    acting, not_acting = lead_verbs(ctx)
    # --- hplace (issue 12, location): 某区将全区划分为…, 某县把…作为…: the object comes before the verb
    if ctx.norm[pos - 1 : pos] in ("将", "把") and _verb_later(ctx, pos, limit):
        return True
    # --- end hplace
    # hunits2: partners before a comma, then the object (某局联合某局、某局，对…开展); a starting point
    # before the verb (某局从制度建设入手，…)
    joint = _JOINT_THEN_COMMA.match(ctx.norm, pos, limit)
    if joint:
        pos = joint.end()
    if not title and ctx.norm[pos : pos + 1] == "从" and _verb_later(ctx, pos + 1, limit):
        return True
    # hunits2: a lead verb right at pos, also where jieba glued it to the adverb before (全面推行)
    if not not_acting.match(ctx.norm, pos, limit) and acting.match(ctx.norm, pos, limit):
        return True
    i = bisect.bisect_left(ctx.word_starts, pos)
    if 0 < i <= len(ctx.words) and ctx.words[i - 1][2] > pos and not acting.match(ctx.norm, pos, limit):
        return False  # 陕西省 | 政府采购…: the subject is glued into a longer word (a name, a set phrase)
    for word, ws, _ in ctx.words[i : i + 3]:
        if ws >= limit or not_acting.match(ctx.norm, ws, limit):
            return False
        if acting.match(ctx.norm, ws, limit):
            return True
        t = tag(word) or ""
        if t.startswith("v"):
            return True
        # --- hplace (issue 12, location): 某市将对…实行…, 某县对…开展…: a preposition phrase before the verb
        if word in _PREP_BEFORE_VERB:
            return _verb_later(ctx, ws + 1, limit)
        # --- end hplace
        if t[:1] not in "dil" and t not in ("ad", "b"):
            return False
    return False


# --- hplace (issue 12, location): the prepositions that put the object before the actor's verb
_PREP_BEFORE_VERB = frozenset(("对", "向", "与", "同", "为", "就", "在"))


def _verb_later(ctx: Context, pos: int, limit: int) -> bool:
    """A verb (by jieba's part of speech, two characters or more) after a preposition's object, in the
    same sentence (某县将对辖区内企业逐一开展安全检查)."""
    import bisect

    from ..entities import tag

    i = bisect.bisect_left(ctx.word_starts, pos)
    for word, ws, _ in ctx.words[i : i + 40]:
        if ws >= limit or word in ("。", "！", "？", "\n"):
            return False
        if len(word) >= 2 and (tag(word) or "") in ("v", "vd"):
            return True
    return False


# --- end hplace

# an object set before the verb with 对/就/针对 that runs past a comma: the verb follows the comma
_LONG_OBJECT = re.compile(r"(?:对|就|针对)[^，。；：！？\n]{4,40}，(?=[\u4e00-\u9fff])")


def _joint_units(ctx: Context, start: int, end: int) -> int:
    """Past units written after the subject as joint actors (某省文物局、某省文物局在…签署; 省教育厅、公安厅等
    部门联合制定): the first one named is the organizer."""
    from ..places import GROUP_WORD

    orgs = find_orgs(ctx)
    shared = {s: e for s, e, _ in shared_head_list(ctx, start, end)}
    moved = True
    while moved:
        moved = False
        if ctx.norm[end : end + 1] in ("、", "和", "与", "及"):
            nxt = shared.get(end + 1) or next((e for s, e in orgs if s == end + 1), None)
            if nxt:
                end, moved = nxt, True
    group = GROUP_WORD.match(ctx.norm, end)
    return group.end() if group else end


def _subject_at(ctx: Context, pos: int, limit: int, title: bool) -> Actor | None:
    """The unit or place written at pos, when it acts."""
    for s, e in find_units(ctx):
        if s == pos:
            return Actor(s, e, "unit") if _acts(ctx, s, e, limit, title) else None
        if s > pos:
            break
    if _SHORT_BUREAU.match(ctx.norm, pos) and _acts(ctx, pos, pos + 2, limit, title):
        return Actor(pos, pos + 2, "unit")  # 省局组织开展…: a bureau site's name for its provincial bureau
    headless = _headless_unit(ctx, pos)
    if headless and _acts(ctx, pos, headless, limit, title):
        return Actor(pos, headless, "unit")
    for chain in place_chains(ctx):
        if chain.start == pos:
            end = chain.township_end or chain.end
            if _acts(ctx, pos, end, limit, title):
                return Actor(chain.start, end, "place", chain)
            if end != chain.end and _acts(ctx, pos, chain.end, limit, title):
                return Actor(chain.start, chain.end, "place", chain)
            return None
        if chain.start > pos:
            break
    # ---- hunits2: a place the division table lacks, read by its suffix (suffix_place.py)
    from ..suffix_place import suffix_place_at

    end = suffix_place_at(ctx, pos)
    if end is not None and not _organ_follows(ctx, end) and _acts(ctx, pos, end, limit, title):
        return Actor(pos, end, "suffix_place")
    # ---- end hunits2
    return None


# the level word and 局 alone: how a bureau's own pages name the bureau above them (省局, 市局)
_SHORT_BUREAU = re.compile(r"[省市县]局(?![\u4e00-\u9fff]{0,2}(?:长|领导))")


def lead_place(ctx: Context, body_start: int) -> Actor | None:
    """The place that acts in the lead, also when the organizer is one of its units."""
    actor = lead_actor(ctx, body_start)
    return ctx.__dict__.get("_lead_place") or (actor if actor and actor.kind == "place" else None)


def lead_actor(ctx: Context, body_start: int) -> Actor | None:
    """The first actor of the headline lines or of the lead's first sentences (cached per document)."""
    if "_lead_actor" in ctx.__dict__:
        return ctx.__dict__["_lead_actor"]
    actor = None
    title_lines = [ln for ln in ctx.lines[:3] if ln.end <= body_start and not is_noise(ctx, ln.start)]
    # the lead's first three sentences of prose (a page's date, byline, kicker or navigation lines do not count)
    lead = [
        s for s in ctx.sentences if s.start >= body_start and _prose(ctx, s) and not is_noise(ctx, s.start)
    ][:3]
    spans = [(ln, True) for ln in title_lines] + [(s, False) for s in lead]
    # the lead's sentences first: they write the actor out in full (the headline often shortens it)
    for span, title in sorted(spans, key=lambda x: x[1]):
        purpose = False
        for clause in _clauses(ctx, span.start, span.end, spaces=title):
            m = _CLAUSE_LEAD.match(ctx.norm, clause[0], clause[1])
            pos = m.end() if m else clause[0]
            actor = _subject_at(ctx, pos, span.end, title)
            if actor:
                break
            if not title and (
                _PURPOSE.match(ctx.norm, pos) or _TIME_CLAUSE.fullmatch(ctx.norm, pos, clause[1])
            ):
                purpose = True  # hunits2: a time clause, like a purpose clause, stands before the subject
            elif not title and not (purpose and _starts_with_verb(ctx, pos)):
                # in the body, a sentence's first clause, or the one after a purpose clause (为…，) and the
                # verb clauses that go on with it (为规范…，确保…，近日，某局组织…)
                break
        if actor:
            if title and actor.kind == "place":
                ctx.__dict__["_lead_place"] = actor  # where the work is, even when one of its units did it
                actor = _unit_of_place(ctx, actor, body_start) or actor
            break
    ctx.__dict__["_lead_actor"] = actor
    return actor


def _headless_unit(ctx: Context, pos: int) -> int | None:
    """A unit named without a place (某某林场党支部, 某某协会) as a clause's subject: up to four nouns or
    names from pos, the last one an organ word (党支部, 协会 …); its end, or None."""
    import bisect

    from ..entities import tag
    from ..places import unit_suffix_len

    if _NOT_OWN.match(ctx.norm, pos):
        return None
    from ..orgs import org_grammar, term_across

    not_units = tuple(org_grammar(ctx).not_units)
    i = bisect.bisect_left(ctx.word_starts, pos)
    if i >= len(ctx.words) or ctx.words[i][1] != pos:
        return None
    first = tag(ctx.words[i][0])
    if first is not None and first[:1] != "j" and first not in ("nz", "nt", "ns", "nr"):
        return None  # 事故调查组, 工作组: a common noun opens a kind of body, not a name of its own
    end = None
    for word, _ws, we in ctx.words[i : i + 4]:
        t = tag(word)
        if t is not None and t[:1] not in "nj":
            break
        if not "\u4e00" <= word[0] <= "\u9fff":
            break
        if unit_suffix_len(word) and len(word) >= 2 and we - pos >= 5 and not word.endswith(not_units):
            end = we
    if end is not None and term_across(ctx, end):
        return None  # 某省政府 + 采购工作: a set phrase, not a unit
    return end


_NOT_OWN = re.compile(r"[我本该各全这此其]")


def _starts_with_verb(ctx: Context, pos: int) -> bool:
    """The clause opens with a verb (确保…, 推动…): it goes on with the purpose before it."""
    import bisect

    from ..entities import tag

    i = bisect.bisect_left(ctx.word_starts, pos)
    if i >= len(ctx.words) or ctx.words[i][1] != pos:
        return False
    return (tag(ctx.words[i][0]) or "").startswith("v")


def _unit_of_place(ctx: Context, actor: Actor, body_start: int) -> Actor | None:
    """A headline's acting place (某市建立…) stands for one of its units that acts in the body (某市纪委监委
    统筹…): the first unit named after that place that is the subject of a verb there."""
    assert actor.chain is not None
    last = actor.chain.last.division
    # in the lead paragraph or the one after it: a unit met deep in the body does a part of the work
    lead = [
        ln for ln in ctx.lines if ln.start >= body_start and _prose(ctx, ln) and not is_noise(ctx, ln.start)
    ]
    lead_end = lead[min(len(lead), 2) - 1].end if lead else body_start
    for s, e in find_units(ctx, body_start, lead_end):
        chain = next((c for c in place_chains(ctx) if c.start == s), None)
        if chain is None or chain.start != s or chain.last.division.name != last.name:
            continue  # the place's own unit (某市纪委监委), not one of a place inside it (某省某市公安局)
        if ctx.norm[s - 1 : s] in ("在", "于", "到", "赴", "从", "向", "对", "的"):
            continue  # 在某市中级人民法院成立: where it happened, not who acted
        sentence = ctx.sentence_at(s)
        if _acts(ctx, s, e, sentence.end, False):
            return Actor(s, e, "place_unit")
    return None


def _prose(ctx: Context, span) -> bool:
    text = ctx.norm[span.start : span.end]
    return len(text) >= 15 or any(c in text for c in "，,。")


def _clauses(ctx: Context, start: int, end: int, spaces: bool = False) -> list[tuple[int, int]]:
    """The clauses of a sentence; in a headline, parts set apart by spaces too (引题 主题)."""
    out = []
    pos = start
    for m in re.finditer(r"[，,；;]|\s+" if spaces else r"[，,；;]", ctx.norm[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    # a clause of time words alone (近年来，) belongs to the next one
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and _CLAUSE_LEAD.fullmatch(ctx.norm, merged[-1][0], merged[-1][1]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def place_name(ctx: Context, actor: Actor) -> tuple[int, int, str]:
    """The acting place's own name: its smallest division, as the report writes it in full
    (黑龙江省绥化市青冈县 → 青冈县; a headline's 福建闽清 → 闽清县 when the body writes it so), with a
    township written after it (中山市三角镇)."""
    assert actor.chain is not None
    last = actor.chain.last
    township = ctx.norm[actor.chain.end : actor.end]
    if not last.short:
        return last.start, actor.end, ctx.norm[last.start : actor.end]
    from ..gazetteer import gazetteer

    # 库车 is 库车县 in older reports and 库车市 in newer ones: the one the report writes
    for division in [last.division, *gazetteer().short.get(ctx.norm[last.start : last.end], ())]:
        full = division.name
        at = ctx.norm.find(full + township, 0, ctx.content_end)
        if at >= 0:
            return at, at + len(full + township), full + township
    return last.start, actor.end, ctx.norm[last.start : actor.end]


def fullest_place(ctx: Context, actor: Actor) -> tuple[int, int]:
    """The place written out most fully in the report for the actor's division (河北馆陶 → 河北省馆陶县)."""
    assert actor.chain is not None
    s, e = fullest_chain(ctx, actor.chain)
    return (s, e) if e - s > actor.end - actor.start else (actor.chain.start, actor.end)


def fullest_chain(ctx: Context, chain: Chain) -> tuple[int, int]:
    """The longest writing in the report of a chain's smallest division (柯桥区 → 浙江省绍兴市柯桥区)."""
    target = chain.last.division
    best = (chain.start, chain.end)
    for other in place_chains(ctx):
        longer = other.end - other.start > best[1] - best[0]
        if other.last.division.name == target.name and len(other.links) > 1 and longer:
            best = (other.start, other.end)
    return best
