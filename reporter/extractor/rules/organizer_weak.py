"""The organizer's weaker sources, tried when the lead names no acting unit: the unit named most often, the
unit whose official explains the work (某部有关负责人介绍), the unit in the chair's post (某局局长某某主持),
and a place that holds its meeting through the department whose head chairs it."""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from ..places import find_units
from .people import find_people

# 某部有关负责人介绍/表示: the unit that speaks for the work through its official
_SPOKESMAN = re.compile(r"(?:有关|相关)?(?:负责人|负责同志|新闻发言人)(?:介绍|表示|说|指出|透露)")


def _spokesman_unit(ctx: Context):
    """With no acting unit in the lead, the unit whose official explains the work in the first lines
    (某部有关负责人介绍，这次培训…) is whose work the report is about (organizer.spokesman, to be checked)."""
    from .meeting import _first

    for m in _first(ctx, _SPOKESMAN, lines=8):
        org = next(((s, e) for s, e in find_units(ctx) if e == m.start()), None)
        if org is not None:
            s, e = org
            return (ctx.text[s:e], s, e, "organizer.spokesman")
    return None


def _place_chair(ctx: Context, place: str):
    """某省召开全省…会议，某省财政厅厅长主持会议: a place holds a meeting through the unit whose head chairs
    it, when that unit is the place's own (its name starts with the place as written) → organizer.place_chair."""
    chair = _chair_unit(ctx)
    if chair is None or len(place) < 2 or not chair[0].startswith(place) or len(chair[0]) <= len(place) + 1:
        return None
    if _PLACE_LEADERSHIP.match(chair[0], len(place)):
        return None  # 某县人民政府县长主持: the place's own government, the place acts as a whole
    return (chair[0], chair[1], chair[2], "organizer.place_chair")


# the government or party committee of a place: it stands for the place itself
_PLACE_LEADERSHIP = re.compile(r"[省市县区旗州盟]?(?:人民政府|政府|委员会|委|党委|人大常委会|政协)$")


def _most_named_unit(ctx: Context):
    """A work update about one unit names it again and again (in posts too): named ≥ 3 times, and more
    than any other unit, it is whose work the report is about."""
    counts: dict[str, list[tuple[int, int]]] = {}
    for s, e in find_units(ctx):
        counts.setdefault(ctx.norm[s:e], []).append((s, e))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
    _name, spans = ranked[0]
    if len(spans) < 3 or (len(ranked) > 1 and len(ranked[1][1]) == len(spans)):
        return None
    s, e = spans[0]
    return (ctx.text[s:e], s, e, "organizer.most_named_unit")


def _chair_unit(ctx: Context):
    """A meeting chaired by someone whose post names a unit (市政府袁占亭市长主持召开…): that unit."""
    from .host import _HOST_AFTER

    hits = find_people(ctx)
    for hit in hits:
        tail = max(hit.name_span.end, hit.title_span.end)
        if not _HOST_AFTER.match(ctx.norm[tail : tail + 24]):
            continue
        # the same person's fullest post in the report
        hit = max((h for h in hits if h.name == hit.name), key=lambda h: len(h.title))
        title = hit.title
        for s, e in find_units(ctx, hit.title_span.start, hit.title_span.end):
            return (ctx.text[s:e], s, e, "organizer.chair_unit")
        m = re.match(r"(.{1,20}?(?:政府|委员会|党委|市委|县委|区委|局|院|部|厅|委))", title)
        if m and _BARE_ORGAN.fullmatch(m.group(1)):
            return None  # 党委书记, 支部书记: a post of some 党委, not a unit's name
        if m:
            s = hit.title_span.start
            return (ctx.text[s : s + len(m.group(1))], s, s + len(m.group(1)), "organizer.chair_unit")
    return None


# a party or government organ word alone names no unit (党委, 支部, 党组, 政府): a post 党委书记 says whose
# secretary only with the unit before it; a short name of one organ (县委, 市政府, 建委) is a name
_BARE_ORGAN = re.compile(r"党?(?:委|总支|支部|组)|总支|政府|机关|部门|单位")


# 由某指挥部主办、某局承办的演练; 由某委牵头: the unit that held it, written after 由
_HOSTED = re.compile(r"(?:共同|联合)?(?:主办|牵头|发起|组织)")


def _hosted_by(ctx: Context):
    """由 + a unit + 主办/牵头/组织 in the headline or the lead → that unit (organizer.hosted_by)."""
    from .meeting import _first

    units = find_units(ctx)
    for m in _first(ctx, re.compile("由"), lines=6):
        org = next(((s, e) for s, e in units if s == m.end()), None)
        if org is None:
            continue
        s, e = org
        # joint holders: 由某局、某区人民政府共同主办 → both, as written (like 某部和某总局召开)
        second = next(((s2, e2) for s2, e2 in units if s2 == e + 1 and ctx.norm[e] in "、和与及"), None)
        if second is not None and _HOSTED.match(ctx.norm, second[1]):
            e = second[1]
        if _HOSTED.match(ctx.norm, e):
            return (ctx.text[s:e], s, e, "organizer.hosted_by")
    return None


# a notice's title: 某某情况通报, 关于某某的通知, 某某公告
_NOTICE_TITLE = re.compile(r"(?:通报|通知|公告|通告)\s*$")
# what the issuing body of a notice does in its body: 已督促, 将责成, 约谈
_SUPERVISES = re.compile(r"(?:已|将|已经|及时|立即|随即|依法)?(?:督促|责成|约谈|责令|通报批评|下发整改通知)")


def _notice_issuer(ctx: Context):
    """A notice whose lead names no actor (某季度某系统逾期情况督查通报) is issued by the unit that supervises
    in its body (…，市效能办已督促有关单位…) → organizer.notice_issuer, to be checked."""
    title = ctx.found.get("title") or []
    if not title:
        return None
    span = title[0].evidence.span
    if not _NOTICE_TITLE.search(ctx.norm, span.start, span.end):
        return None
    for s, e in find_units(ctx, span.end):
        if _SUPERVISES.match(ctx.norm, e):
            return (ctx.text[s:e], s, e, "organizer.notice_issuer")
    return None


# ---- hunits2: a headline that reports an accident at an unnamed site (某县一化工厂发生爆燃事故, 某区一居民楼
# 起火): a unit that answers it is not the organizer (a named site, 某大厦发生火灾, may be a government's report)
_ACCIDENT_TITLE = re.compile(r"[一某][^，。\s]{1,12}?(?:发生|起火|失火|爆燃|爆炸|坍塌|垮塌|着火)")


def _accident_news(ctx: Context) -> bool:
    title = ctx.found.get("title") or []
    return bool(title) and _ACCIDENT_TITLE.search(str(title[0].value)) is not None


# ---- end hunits2


def _step_full_organizer(ctx: Context, frame: dict[str, tuple[str, int, int, str]]) -> None:
    """An organizer written short (县安委办, 市市场监管局) that the report also writes in full (某县安全生产委员会
    办公室): the full name, which says whose unit it is (org_forms.py)."""
    from ..org_forms import fullest_form

    if "organizer" not in frame:
        return
    _value, s, e, name = frame["organizer"]
    full = fullest_form(ctx, ctx.norm[s:e])
    if full is not None:
        frame["organizer"] = (ctx.text[full[0] : full[1]], full[0], full[1], name)


def _full_issuer(ctx: Context, issued: Found) -> Found:
    """The issuing organ written short (县安委办) and in full in the text: the full name (org_forms.py)."""
    from ..org_forms import fullest_form

    span = issued.evidence.span
    full = fullest_form(ctx, ctx.norm[span.start : span.end])
    if full is None:
        return issued
    return ctx.hit(ctx.text[full[0] : full[1]], full[0], full[1], issued.rule)


def _suffix_place_acting(ctx: Context):
    """A place the division table lacks acting on its own both in the headline and in a clause of the lead
    (某某区“某某”…; 今年5月起，某某区在全区推行…), not through one of its organs → the place itself
    (organizer.acting_by_suffix), as location.acting_by_suffix reads it."""
    from .location import _acting_by_suffix

    found = _acting_by_suffix(ctx)
    if found is None:
        return None
    span = found.evidence.span
    return (str(found.value), span.start, span.end, "organizer.acting_by_suffix")


# the writer's own place: 我县, 我市, 我区, 我镇
_OUR_PLACE = re.compile(r"我(?P<level>[省市县区旗州镇乡])")


_OUR_ORGAN = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:局|委|办|院|厅|所|队|中心|部)(?![\u4e00-\u9fff]{0,2}[长任])"
)


def _own_place_by_pronoun(ctx: Context):
    """A site page whose headline or lead has its own place act by a pronoun (我县召开…, 我市开展…) and whose
    title names the site (标题_某某县人民政府): the site's place with the same level word →
    organizer.own_place_by_pronoun (某某县)."""
    from .acting import _BETWEEN, lead_verbs
    from .meeting import _first

    site = ctx.layout.site_name
    if site is None:
        return None
    name, pos, _end = site
    acting, not_acting = lead_verbs(ctx)
    ours = _first(ctx, _OUR_PLACE, lines=4)
    if any(_OUR_ORGAN.match(ctx.norm, m.end()) and not acting.match(ctx.norm, m.end()) for m in ours):
        return None  # 我市网信办联合…开展: an organ of the place does the work, not the place
    for m in ours:
        between = _BETWEEN.match(ctx.norm, m.end())
        at = between.end() if between else m.end()
        if not acting.match(ctx.norm, at) or not_acting.match(ctx.norm, at):
            continue  # the place is no subject here
        place = re.match(rf"[\u4e00-\u9fff]{{1,8}}?{m['level']}", name)
        if place is None or ctx.norm[pos : pos + place.end()] != place.group():
            return None
        return (ctx.text[pos : pos + place.end()], pos, pos + place.end(), "organizer.own_place_by_pronoun")
    return None
