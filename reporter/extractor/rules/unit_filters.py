"""Who is named in a report without taking part: a line crediting a body (数据来源：…), a body cited as the source of guidance or as a
document's issuer, a partner of work still to come, a former official's post, a name running into a set
phrase, a body's building or surroundings as a place, and plans (下一步，某局将…)."""

from __future__ import annotations

import re

from ..context import Context
from ..entities import tag
from ..lexicon import load_lexicon, read_word_table
from ..orgs import term_across

_CLAUSE_END = "，。；：！？\n"


# a body cited as the source of guidance: 贯彻落实上级某委关于…的部署, 学习某全会精神, 聚焦某组标准要求
_FOLLOW = re.compile(r"贯彻|落实|学习|聚焦|按照|根据|依据|遵照|对标|对照|传达")
_GUIDANCE_END = re.compile(r"(?:精神|部署|要求|指示|批示|讲话|决定|意见)[”’]?$")


def _cited_guidance(ctx: Context, s: int, e: int) -> bool:
    """The unit stands in a clause that follows some body's guidance (落实…决策部署) or in a «document title»."""
    text = ctx.norm
    start = max(text.rfind(c, 0, s) for c in _CLAUSE_END) + 1
    ends = [i for i in (text.find(c, e) for c in _CLAUSE_END) if i >= 0]
    end = min(ends) if ends else len(text)
    if text.rfind("«", start, s) > text.rfind("»", start, s):
        return True
    if re.search(r"(?:根据|按照|依据|依照)$", text[max(start, s - 4) : s]) and text[e : e + 1] in "《«":
        return True  # 根据市委《关于…的通知》: the body's document is cited
    return bool(_FOLLOW.search(text, start, e) and _GUIDANCE_END.search(text[e:end]))


_PLANNED = re.compile(r"(?:将|拟|计划|下一步|下步|要)[\u4e00-\u9fff]{0,6}?(?:会同|联合|协调|携手)")


def _planned_partner(ctx: Context, s: int) -> bool:
    """下一步，某局将会同某局等部门…: a partner of work still to come, not one that took part."""
    text = ctx.norm
    start = max(text.rfind(c, 0, s) for c in "。；！？\n") + 1
    return bool(_PLANNED.search(text, start, s))


# 某县原县委副书记, 某省政协原党组成员: a former official's post (a person's news), not a participant
_FORMER = re.compile(
    r"原(?:党组|党委)?[\u4e00-\u9fff]{0,6}?(?:书记|主任|主席|成员|委员|局长|厅长|部长|市长|县长|区长|处长|院长)"
)


def _former_post(ctx: Context, s: int, e: int) -> bool:
    text = ctx.norm
    inside = text.find("原", s + 2, e)
    return bool(_FORMER.match(text, e) or (inside >= 0 and _FORMER.match(text, inside)))


def _runs_into_a_word(ctx: Context, s: int, e: int) -> bool:
    """The name's last characters begin a set phrase (某省政府 + 采购工作 → 政府采购; templates/org_words.txt
    术语): a phrase about the place's work, not a unit."""
    return term_across(ctx, e)


# 在某中心大厅, 走进某中心指挥大厅: the body's building is where something happened, the body took no part
_PLACE_BEFORE = re.compile(r"(?:在|走进|步入|位于)$")
_PLACE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:大厅|周边|附近|门口|门前|广场|展厅|会议室|礼堂|楼前|院内|一楼|二楼)"
)

_HELD_AT = re.compile(r"(?:隆重|正式)?(?:举行|举办|召开)")  # 在某中心举行: the venue


# the body's surroundings or rooms, written right after its name, are a place with or without 在 before it
_SPACE_AFTER = re.compile(r"(?:周边|附近|门口|门前|楼前|院内|大院|院子|大厅|广场|一带)")


def _as_place(ctx: Context, s: int, e: int) -> bool:
    text = ctx.norm
    if _SPACE_AFTER.match(text, e):
        return True  # 某中心周边的项目现场: where, not who
    return bool(
        _PLACE_BEFORE.search(text[max(0, s - 2) : s])
        and (_PLACE_AFTER.match(text, e) or _HELD_AT.match(text, e))
    )


# a body named as the issuer of a document the report cites (某厅发布的《…》, 某委印发的方案): cited, not a
# participant; the report's own issuing (某局印发《…》) has no 的 and stays
_ISSUED_DOCUMENT = re.compile(
    r"(?:此前|日前|近日|近期|今年|去年|曾|先后|联合)?(?:发布|印发|出台|制定|下发|颁布|公布|制发|出具)(?:了)?的"
)


# a plan of what is still to be done (下一步，某局将…): the bodies named in it have not taken part yet
_PLAN_START = re.compile(r"(?:下一步|下步|今后|接下来|下阶段)[，,]?[^。！？\n]*?(?:将|要|拟)")


def _plan_sentence(ctx: Context, s: int) -> bool:
    text = ctx.norm
    start = max(text.rfind(c, 0, s) for c in "。！？\n") + 1
    while start < s and text[start] in "　 ":
        start += 1
    m = _PLAN_START.match(text, start)
    return m is not None


# a line that credits a body with the text, not a body that took part (数据来源：某县委宣传部)
_ATTRIBUTION = re.compile(
    r"\s*(?:数据来源|资料来源|信息来源|来源|稿源|供稿|供稿单位|发布机构|发布单位|作者|编辑|责任编辑)\s*[：:]"
)
# what a cited body gave: 根据省委部署, 按照市委要求
_CITED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:部署|要求|精神|规定|安排|决定|意见|通知|指示|文件|统一)")


def _attribution_line(ctx: Context, pos: int) -> bool:
    line_start = ctx.norm.rfind("\n", 0, pos) + 1
    if _ATTRIBUTION.match(ctx.norm, line_start, pos + 1):
        return True
    # a publication line: 发布时间：…　来源：某局 — the key stands right before the unit
    return bool(_ATTRIBUTION_KEY.search(ctx.norm, max(line_start, pos - 12), pos))


_ATTRIBUTION_KEY = re.compile(
    r"(?:数据来源|资料来源|信息来源|来源|稿源|供稿单位|供稿|发布机构|发布单位|责任编辑|作者|撰稿|撰文)\s*[：:]\s*$"
)


def _only_cited(ctx: Context, s: int, e: int) -> bool:
    """A body only cited as the source of an instruction: 根据上级部署, 按照省委要求 (templates 引用)."""
    from ..orgs import org_grammar

    cited = read_word_table(_org_words(ctx)).get("引用", ()) or ("根据", "按照", "依据")
    before = ctx.norm[max(0, s - 6) : s]
    return (
        any(before.endswith(w) or before[:-2].endswith(w) for w in cited if len(w) > 1)
        and bool(_CITED_AFTER.match(ctx.norm, e))
        and org_grammar(ctx) is not None
    )


def _org_words(ctx: Context) -> str | None:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "org_words", None)
    return str(path) if path else None


def _past_leading_verb(ctx: Context, s: int, e: int) -> int:
    """Where the name starts when its first word is a verb, conjunction, adverb or preposition (依托某大学,
    入选某厅, 比如某委): after that word; else s (全国扫黑办 stays whole)."""
    import bisect

    i = bisect.bisect_left(ctx.word_starts, s)
    if i < len(ctx.words) and ctx.words[i][1] == s and ctx.words[i][2] < e:
        word, rest = ctx.words[i][0], ctx.words[i][2]
        if len(word) >= 2 and (tag(word) or "n")[:1] in "vpcd" and _name_starts(ctx, rest, e):
            return rest  # a name begins after the verb: a place, a level word, a national head, 各 (a group)
    return s


def _name_starts(ctx: Context, pos: int, end: int) -> bool:
    from ..gazetteer import gazetteer

    return bool(_NAME_START.match(ctx.norm, pos)) or gazetteer().chain_at(ctx.norm, pos, end) is not None


_NAME_START = re.compile(
    r"[省市县区旗镇乡各]|自治|国家|中共|中央|中国|全国|最高|国务院|[\u4e00-\u9fff]{2,3}[省市县区]"
)


def _opens_a_clause(ctx: Context, pos: int) -> bool:
    """The first word at pos is a conjunction, verb, adverb or preposition (并通报…, 及时向…): a clause
    begins here, not a unit's name."""
    import bisect

    from ..entities import tag

    i = bisect.bisect_left(ctx.word_starts, pos)
    if i >= len(ctx.words) or ctx.words[i][1] != pos:
        return False
    return (tag(ctx.words[i][0]) or "n")[:1] in "cvdp"


# ---- hunits2: names that are page furniture, an honour in quotes, or a common noun
def not_a_participant(ctx: Context, s: int, e: int) -> bool:
    """A unit name that names no participant: on a furniture line (来源 | 某局, the closing （某局 日期）
    line), after the headline on the headline's line (标题_某某人民政府网: the site's name), written in
    quotes as an honour (“某某式派出所”), or a common noun that is one dictionary word (加油站, 派出所)."""
    from ..entities import tag
    from .acting import is_noise

    if ctx.is_furniture(s) or is_noise(ctx, s):
        return True
    title = ctx.found.get("title") or []
    if title:
        span = title[0].evidence.span
        line_end = ctx.norm.find("\n", span.start)
        line_end = len(ctx.norm) if line_end < 0 else line_end
        shown = span.start + len(str(title[0].value))  # the headline as shown, its site name cut off
        if min(span.end, shown) <= s < line_end and ctx.norm.startswith(str(title[0].value), span.start):
            return True  # 标题_网站名: the site's name written after the headline
    if ctx.norm[s - 1 : s] == "“" and ctx.norm[e : e + 1] == "”":
        return True
    if ctx.norm[s - 1 : s] in ("从", "据") and _INFORMED_AFTER.match(ctx.norm, e):
        return True  # 记者从某县政府获悉: where the news came from, not who took part
    if _CLOSING_ATTRIBUTION.match(ctx.norm, e) and ctx.norm[s - 1 : s] in ("（", "("):
        return True  # （某局办公室 2024年9月3日）: who wrote the page
    if ctx.norm[s] in "省市县区旗镇乡" or e - s > 4:
        return False  # 县检察院: the level word says whose
    from ..orgs import org_grammar

    word = next((w for w, ws, we in ctx.words if ws == s and we == e), None)
    # 公安部, 教育部: a central organ's whole name (templates/org_words.txt 部委) is one unit
    # 国务院, 中央纪委: a national organ needs no head (they open with 国/中)
    return (
        word is not None
        and tag(word) == "n"
        and word not in org_grammar(ctx).ministries
        and word[0] not in "国中"
    )


_INFORMED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:获悉|了解到|得知)")
_CLOSING_ATTRIBUTION = re.compile(
    r"\s*(?:供稿|\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})?\s*[）)]\s*$", re.M
)


def inspected(ctx: Context, s: int) -> bool:
    """A unit in the object list of a check (对某中心、某中心等单位开展明察暗访): checked, not taking part."""
    text = ctx.norm
    clause_start = max(text.rfind(c, 0, s) for c in "，。；：\n") + 1
    before = text[clause_start:s]
    if _VISITED.search(before):
        return True  # 观摩了某大队合成作战中心: a place shown to the meeting
    if not _OBJECT_OPEN.search(before):
        return False
    clause_end = min((i for i in (text.find(c, s) for c in "，。；\n") if i >= 0), default=len(text))
    return bool(_CHECK_VERB.search(text, s, clause_end))


_OBJECT_OPEN = re.compile(r"(?:^|[^\u4e00-\u9fff])?对(?:[^，。；对]*、)?$")
_VISITED = re.compile(r"(?:观摩|参观|来到|走进|前往)了?(?:[^，。；：]*[、和及])?$")
_CHECK_VERB = re.compile(
    r"(?:开展|进行|实施)[^，。；]{0,12}?(?:检查|督查|暗访|巡查|抽查|考核|评估|检测|督导)"
)
# ---- end hunits2


# 某局下属单位负责人张某违规…, 某所所长李某某: the workplace of an anonymised person in a case, not a participant
_ANONYMISED_POST = re.compile(
    r"[^，。；：、\n]{0,10}?(?:长|主任|书记|负责人|人员|员|经理|干部|会计)[\u4e00-\u9fff](?:某某|某|××|XX)"
)


def anonymised_workplace(ctx: Context, e: int) -> bool:
    return _ANONYMISED_POST.match(ctx.norm, e) is not None
