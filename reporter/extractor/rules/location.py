"""location: where the reported event took place, as one span of the text (a place that acts, a venue
在…召开, the place of a statistic is not it; a dateline alone is not a location)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Found
from ..context import Context
from ..entities import tag
from ..lexicon import load_lexicon, read_word_table
from ..places import PROVINCES, place_run
from . import rule
from .acting import fullest_chain, fullest_place, is_noise, lead_place
from .location_at import organizer_at
from .meeting import _HAPPENED, _HAPPENED_TAIL, HEAD_CHARS, _first, _frame, _from_frame, _visited
from .uncertain import UNCERTAIN


@rule("location")
def location(ctx: Context) -> list[Found]:
    """Where it took place: 在LOC召开, LOC发生, or the place a title or kicker begins with."""
    held = _from_frame(ctx, "location")
    if held and not _PRONOUN_PLACE.fullmatch(str(held[0].value)):
        return held
    if held:
        # 在我市召开: the place is the writer's own, which only an organ's name can tell (某市某局 → 某市);
        # an organizer that is a place itself may be another place than 我市
        found = _organizer_place(ctx)
        organizer = ctx.found.get("organizer") or []
        if found and organizer and str(found.value) == str(organizer[0].value):
            return []
        return [found] if found else []
    for strategy in (
        _happened,
        _at_named_place,
        _at_city_short,
        _at_suffix_place,
        _visited,
        _at_venue,
        organizer_at,
        _acting_place,
        _acting_by_suffix,
        _title_place,
        _organizer_place,
    ):
        found = strategy(ctx)
        if found and not _PRONOUN_PLACE.fullmatch(str(found.value)):
            return [found]
    return []


# 在我市召开: "our city" names no place; the next strategy (the organizer's place) may
_PRONOUN_PLACE = re.compile(r"(?:我|本|该|全|当地)(?:省|市|县|区|旗|州|盟|镇|乡|村)?")


# what is done at a place: 在某省某市调研, 在某市某区签署, 在某县某镇召开
_DONE_AT = re.compile(
    r"[^，。；：！？\n在]{0,12}?(?:召开|举行|举办|调研|考察|视察|检查|督导|走访|慰问|签署|签约|开幕|启动|成立|揭牌)"
)


def _at_named_place(ctx: Context) -> Found | None:
    """ "在 + a place of the division table (+ a township or venue) + 调研/签署/召开…" in the headline or lead
    → location.at_named_place, the place as written (with the township or venue when one is named)."""
    from ..orgs import place_chains

    text_lines = [ln for ln in ctx.lines if not is_noise(ctx, ln.start)][:8]
    end = text_lines[-1].end if text_lines else 0
    for chain in place_chains(ctx):
        if chain.start >= min(end, HEAD_CHARS):
            break
        if ctx.norm[chain.start - 1 : chain.start] != "在" or is_noise(ctx, chain.start):
            continue
        stop = chain.township_end or chain.end
        m = _DONE_AT.match(ctx.norm, stop)
        if m:
            return ctx.hit(ctx.text[chain.start : stop], chain.start, stop, "location.at_named_place")
    return None


# newspapers write a few big cities by one character: 在京召开, 在沪举行, 在津签署 (京 北京, 沪 上海, 津 天津,
# 渝 重庆, 穗 广州, 蓉 成都, 榕 福州, 邕 南宁, 筑 贵阳, 昆 is left out: it is also a person's name)
_AT_CITY_SHORT = re.compile(
    r"在(?P<loc>[京沪津渝穗蓉榕邕筑])(?:隆重|正式)?(?:召开|举行|举办|开幕|闭幕|签署|签约|启动|发布|成立|揭牌)"
)


def _at_city_short(ctx: Context) -> Found | None:
    """ "在京召开 / 在沪签署" in the headline or lead → location.at_city_short, the character as written."""
    for m in _first(ctx, _AT_CITY_SHORT, lines=8):
        return ctx.hit(
            ctx.text[m.start("loc") : m.end("loc")], m.start("loc"), m.end("loc"), "location.at_city_short"
        )
    return None


_PLACE_GOVERNMENT = re.compile(r"(?:[省市县区旗州盟](?:人民)?政府|[省市县区旗州盟]委)$")


# a unit's own meeting told in the lead without its name: 专题报告会上, 学习会上, 座谈会上
_UNIT_MEETING = re.compile(r"(?:报告会|学习会|座谈会|专题会|动员会|推进会|会议)上|会上")


def _organizer_place(ctx: Context) -> Found | None:
    """No place is said for the event: the place the organizer's name begins with (某省某市某区人民法院 →
    某省某市某区), under review (location.organizer_place)."""
    from ..gazetteer import gazetteer
    from ..orgs import trusted_short

    found = ctx.found.get("organizer") or []
    if not found:
        return None
    if ctx.layout.formal:
        return None  # a 通知 or 意见 lays down work; it took place nowhere
    event = _frame(ctx).get("event")
    span = found[0].evidence.span
    own_meeting = (event and event[3] in ("event.held", "event.speech_at")) or _UNIT_MEETING.search(
        ctx.norm, 0, min(ctx.content_end, 400)
    )
    if own_meeting and not _PLACE_GOVERNMENT.search(str(found[0].value)):
        # a unit's own meeting with no venue written: where it met is not said (a place's government or
        # party committee meets for the place, and the place is where its work is)
        return None
    chain = gazetteer().chain_at(ctx.norm, span.start, span.end, trusted=trusted_short(ctx))
    if chain is None or not _headline_names(
        ctx, ctx.norm[chain.last.start : span.end], chain.last.end - chain.last.start
    ):
        # 县委副书记敛财…, 市场监管局开展…: the headline is not about the place's work (unless it begins
        # with a zone of the organizer: 某某新区…, 某市某某新区管委会)
        return _headline_place_in_organizer(ctx, ctx.norm[span.start : span.end])
    ctx.flag("location", UNCERTAIN["location.organizer_place"])
    s, e = fullest_chain(ctx, chain)
    return ctx.hit(ctx.text[s:e], s, e, "location.organizer_place")


# a zone the division table lacks, written at a headline's start: 某某港区, 某某新区, 某某经开区 (a county or a
# town that acts through its organ is not the place of the organ's work)
_HEAD_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:港区|新区|园区|开发区|经开区|高新区|试验区|合作区|示范区)")


def _headline_place_in_organizer(ctx: Context, organizer: str) -> Found | None:
    """A headline that begins with a place the division table lacks (某某港区“一站式”通关…) whose name the
    organizer's name holds before its organ words (某市某某港区管委会) → that place, under review
    (location.organizer_place)."""
    title = ctx.found.get("title") or []
    if not title:
        return None
    start = title[0].evidence.span.start
    m = _HEAD_PLACE.match(ctx.norm, start)
    if m is None or m.group() not in organizer or organizer.endswith(m.group()):
        return None
    if _NOT_A_NAME.search(m.group()) or _NOT_ALONE.match(ctx.norm, m.end()):
        return None  # 全市…, 某县公安局…: a level or the organ itself, not the place alone
    ctx.flag("location", UNCERTAIN["location.organizer_place"])
    return ctx.hit(ctx.text[m.start() : m.end()], m.start(), m.end(), "location.organizer_place")


def _headline_names(ctx: Context, unit: str, place_len: int) -> bool:
    """Whether the headline or its kicker lines name the unit's place (蔡甸区 as 蔡甸, 杭州市 as 杭州) or
    the unit by its level word (宁海县人民政府 as 县政府): a report headlined on that place's work. A site's
    name after the headline (_某某县人民政府) does not count."""
    title = ctx.found.get("title") or []
    if not title:
        return False
    start = title[0].evidence.span.start
    kickers = [ln for ln in ctx.lines if ln.end <= start and not is_noise(ctx, ln.start)]
    text = "".join(ctx.norm[ln.start : ln.end] for ln in kickers) + str(title[0].value)
    place, organ = unit[:place_len], unit[place_len:]
    short = re.sub(r"(?:自治[州县旗]|[省市县区州旗盟])$", "", place)
    if (short if len(short) >= 2 else place) in text:
        return True
    level = place[-1:]
    return (
        bool(organ)
        and level in _ADMIN_CHARS.pattern
        and any(level + form in text for form in {organ, organ.replace("人民", "")})
    )


def _acting_place(ctx: Context) -> Found | None:
    """A place that acts in the lead (近年来，某省某市某县积极探索…): where its work took place, written
    out as fully as the report writes it."""
    from .header import _body_start

    actor = lead_place(ctx, _body_start(ctx))
    if actor is None:
        return None
    if _MEETS.match(ctx.norm, actor.end):
        return None  # 某区召开…会议: a place's own meeting, whose venue is not said
    s, e = _body_writing(ctx, *fullest_place(ctx, actor))
    return ctx.hit(ctx.text[s:e], s, e, "location.acting_place")


_ADMIN_CHARS = re.compile(r"[省市县区州旗盟]")


def _body_writing(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """A headline writes a place short (某市某镇…); the body writes the same place with its province before
    it (某省某市某镇): that fuller writing, when it ends with the same name (no deeper place)."""
    from ..orgs import place_chains

    title_end = ctx.lines[0].end if ctx.lines else 0
    short = _ADMIN_CHARS.sub("", ctx.norm[s:e])
    if s >= title_end or len(short) < 3:
        return s, e
    written = re.compile("".join(re.escape(ch) + "[省市县区州旗盟]?" for ch in short))
    chains = place_chains(ctx)
    for m in written.finditer(ctx.norm, title_end, ctx.content_end):
        if is_noise(ctx, m.start()):
            continue
        before = next((c for c in chains if c.start < m.start() <= c.end <= m.end()), None)
        if before is not None and m.end() - before.start > e - s:
            return before.start, m.end()
    return s, e


# 全县共发生…, 本市累计发生…: the whole area a figure covers, not where something happened
_SCOPE = re.compile(r"^(?:全|本|我|该|各)(?:国|省|市|县|区|旗|州|盟|镇|乡|村)")
_TRAILING_ADVERB = re.compile(r"(?:共计|一共|累计|先后|相继|接连|连续|再次|共|又|已|均|还)+$")


def _happened(ctx: Context) -> Found | None:
    """LOC发生…: the scene of an accident or disaster, from the title or the lead."""
    found = []
    for m in _first(ctx, _HAPPENED, lines=5, tail=_HAPPENED_TAIL):
        loc = m["loc"]
        if loc.endswith(("）", ")")):  # 于田县（北纬35.6，东经81.6）: the coordinates are not the place
            opening = max(loc.rfind("（"), loc.rfind("("))
            loc = loc[:opening] if opening > 0 else loc
        # drop what comes before the place: a time, 我区, a subject
        cut = max(loc.rfind("，"), loc.rfind(","), loc.rfind(" "))
        offset = m.start("loc") + (cut + 1 if cut >= 0 else 0)
        loc = ctx.norm[offset : m.start("loc") + len(loc)]
        lead = re.match(
            r"^(?:\d{1,2}时\d{0,2}分?(?:许|左右)?|凌晨|早上|上午|下午|晚上|我区|我市|我县|位于|在)+", loc
        )
        if lead:
            offset += lead.end()
            loc = loc[lead.end() :]
        loc = re.sub(r"[（(][^）)]*[）)]", "", loc)
        loc = re.sub(r"第\d+层$", "", loc).strip()
        loc = _TRAILING_ADVERB.sub("", loc)
        cause = _CAUSE.search(loc)
        if cause and cause.start() >= 2:
            loc = loc[: cause.start()]  # 某路某公里处因突发团雾发生…: the cause is not the place
        if _SCOPE.match(loc):
            continue  # 全县共发生交通事故152起: a statistic over the whole county, not a scene
        if len(loc) < 2 or not (place_run(ctx, offset) or re.search(r"[省市县区旗州镇乡村道路街]", loc)):
            continue
        end = offset + len(loc)
        found.append(
            ctx.hit(
                ctx.text[offset:end] if "（" not in ctx.text[offset : m.end("loc")] else loc,
                offset,
                end,
                "location.happened",
            )
        )
    if not found:
        return None
    title_end = ctx.lines[0].end if ctx.lines else 0
    in_title = [f for f in found if f.evidence.span.start < title_end and len(str(f.value)) >= 4]
    if in_title:
        return _fuller_in_lead(in_title[0], [f for f in found if f.evidence.span.start >= title_end])
    return next((f for f in found if f.evidence.span.start >= title_end), found[0])


# 因突发团雾, 由于操作不当: a cause written between the scene and 发生
_CAUSE = re.compile(r"(?:因|由于)[^，。；]*$")


def _fuller_in_lead(title: Found, lead: list[Found]) -> Found:
    """A headline shortens the scene (某区一在建工地); the lead writes the same scene in full (某区某路一在建
    某某项目工地), beginning with the same place: the lead's writing."""
    short = str(title.value)
    for f in lead:
        value = str(f.value)
        if len(value) > len(short) and value[:2] == short[:2]:
            return f
    return title


def _title_place(ctx: Context) -> Found | None:
    """A title or kicker that begins with a place: that place, as fully as the text writes it."""
    for line in [ln for ln in ctx.lines[:2] if not is_noise(ctx, ln.start)]:
        run = place_run(ctx, line.start, line.end)
        if run is None or not any(ctx.norm.startswith(p, line.start) for p in PROVINCES):
            continue
        s, e = _without_generic_area(ctx, *run)
        rest = ctx.norm[e : line.end]
        if not rest or re.match(
            r"^(?:人民)?(?:检察院|法院|公安|纪委|监委|政府|政协|人大|[省市县区州旗盟]委|党委|[局院委所队部厅])",
            rest,
        ):
            continue  # 某市某区检察院…, 某省政协原副主席…: a unit or a post, not a place
        short = ctx.norm[s:e]
        full = _province_and_next(ctx, s, e, line.end) if short in PROVINCES else _fuller_place(ctx, short, e)
        ctx.flag("location", UNCERTAIN["location.title_place"])
        if full:
            return ctx.hit(ctx.text[full[0] : full[1]], full[0], full[1], "location.title_place_full")
        return ctx.hit(ctx.text[s:e], s, e, "location.title_place")
    return None


def _without_generic_area(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """A headline's place run without the common noun closing it: a headline writes its place, then its
    topic, and the topic often opens with a noun that ends like a place (某省某县 + 农村电商…, 某省某县 +
    城区道路…, 某省某县 + 山区群众…). When such a noun (the 泛称地域 words of templates/meeting_words.txt)
    follows right after a chain of divisions (province, city, county), the chain is the place; after a
    name the table does not hold (某某 + 社区, 某某 + 山区) the noun may close a named place, and stays."""
    import bisect

    from ..gazetteer import gazetteer

    chain = gazetteer().chain_at(ctx.norm, s, e)
    if chain is None or chain.end >= e or chain.end - s < 2:
        return s, e
    i = bisect.bisect_left(ctx.word_starts, chain.end)
    if i < len(ctx.words) and ctx.words[i][1] == chain.end and ctx.words[i][0] in _generic_areas(ctx):
        return s, chain.end
    return s, e


def _generic_areas(ctx: Context) -> frozenset[str]:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "meeting_words", None)
    return _read_generic_areas(str(path) if path else None)


@lru_cache(maxsize=8)
def _read_generic_areas(path: str | None) -> frozenset[str]:
    return frozenset(read_word_table(path).get("泛称地域", ("农村", "山区", "城区")))


_ADMIN_SUFFIX = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}族)?(?:自治)?(?:省|市|县|区|州|旗|盟|地区)$")


def _province_and_next(
    ctx: Context, s: int, e: int, line_end: int, short: bool = False
) -> tuple[int, int] | None:
    """广东惠东创建… → the body's 广东省惠州市惠东县; 河南登封建立… → 河南登封 when the body has 登封市."""
    import bisect

    starts = ctx.word_starts
    i = bisect.bisect_left(starts, e)
    if i >= len(ctx.words) or ctx.words[i][1] != e:
        return None
    nxt = ctx.words[i][0]
    if not (2 <= len(nxt) <= 3) or not all("\u4e00" <= c <= "\u9fff" for c in nxt):
        return None
    province = ctx.norm[s:e]
    for m in re.finditer(re.escape(province), ctx.norm[: ctx.content_end]):
        if m.start() < line_end:
            continue
        j = bisect.bisect_left(starts, m.start())
        run: list[tuple[str, int, int]] = []
        while j < len(ctx.words) and len(run) < 6:
            word, ws, we = ctx.words[j]
            if not all("\u4e00" <= c <= "\u9fff" for c in word):
                break
            run.append((word, ws, we))
            if word.startswith(nxt):
                if len(word) > len(nxt) and _ADMIN_SUFFIX.match(word[len(nxt) :]):
                    return (s, e + len(nxt)) if short else (m.start(), we)
                if word == nxt and j + 1 < len(ctx.words) and _ADMIN_SUFFIX.match(ctx.words[j + 1][0]):
                    return (s, e + len(nxt)) if short else (m.start(), ctx.words[j + 1][2])
                break
            if nxt in word:
                break
            if (
                j + 1 < len(ctx.words)
                and ctx.words[j + 1][0] == nxt
                and j + 2 < len(ctx.words)
                and _ADMIN_SUFFIX.match(ctx.words[j + 2][0])
            ):
                return (s, e + len(nxt)) if short else (m.start(), ctx.words[j + 2][2])
            if not PROVINCES or (tag(word) not in ("ns",) and not _ADMIN_SUFFIX.match(word[-1:])):
                break
            j += 1
    if re.search(re.escape(nxt) + r"(?:市|县|区|旗)", ctx.norm[line_end : ctx.content_end]):
        return s, e + len(nxt)
    return None


def _fuller_place(ctx: Context, short: str, after: int) -> tuple[int, int] | None:
    """The body's fuller writing of a place: 广东惠东 → 广东省惠州市惠东县; 湖南常德 → 湖南常德经开区…."""
    best = None
    for m in re.finditer(re.escape(short[:2]), ctx.norm[: ctx.content_end]):
        if m.start() < after:
            continue
        run = place_run(ctx, m.start())
        if run is None:
            continue
        text = ctx.norm[run[0] : run[1]]
        if len(text) <= len(short):
            continue
        # every character of the short form appears in order in the long form
        it = iter(text)
        if all(ch in it for ch in short) and (best is None or run[1] - run[0] > best[1] - best[0]):
            best = run
    return _same_depth(ctx, best, short) if best else None


_DIVISION_SUFFIX = re.compile(r"(?:[\u4e00-\u9fff]{0,3}族)?(?:自治[州县区旗]|地区|[省市县区州旗盟])?")


def _same_depth(ctx: Context, run: tuple[int, int], short: str) -> tuple[int, int]:
    """The long writing cut after the short form's last name and its suffix (某省某市某区 for 某省某市 →
    某省某市): a fuller writing of the same place, not a place inside it."""
    text = ctx.norm[run[0] : run[1]]
    pos = -1
    for ch in short:
        pos = text.find(ch, pos + 1)
    end = run[0] + pos + 1
    m = _DIVISION_SUFFIX.match(ctx.norm, end, run[1])
    return run[0], m.end() if m else end


# ---- a place the division table does not know, recognised by its suffix (round 3) ----------------------

# 某某镇, 某某县, 某某省, 某某街道: a name of two or three characters and a division suffix
_SUFFIX_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:街道|[省市县区旗镇乡])")
_NOT_A_NAME = re.compile(r"^[全本我该各此这每其某一]|的")
# what a place acting alone is not followed by: its own organs (某县人民政府, 某镇党委, 某区委), a list
# (某镇、某镇), a possessive, a person of the place (某县人)
_NOT_ALONE = re.compile(
    r"人民|政府|党委|党工委|纪委|监委|公安|检察|法院|人大|政协|[委局院办厅所队部站会的、和与及等人籍]"
)
# what a clause of the lead opens with before its subject: a dateline, a time, 近日/今年以来
_CLAUSE_OPEN = re.compile(
    r"(?:本报讯|讯|[（(][^）)\n]{0,30}[）)]|据悉|据了解|近日|日前|近期|目前|今年以来|近年来|\s|\d{4}年(?:以来)?|"
    r"(?:\d{4}年|今年|去年)?\d{1,2}月(?:\d{1,2}日)?(?:至\d{1,2}日)?(?:[上下]午|晚上?|以来|起|中旬|下旬|上旬)*)*"
)
_TAG = re.compile(r"\s*(?:【[^】\n]{1,12}】|\[[^\]\n]{1,12}\])?\s*")


def _suffix_place_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """A 某某镇/某某县 written at pos as a place of its own: its span. The words must cut there as a name and
    its suffix (和平|镇) or as one unknown or place word (某某县); a common noun ending in a suffix character
    (超市, 开发区, 城区) is no place."""
    import bisect

    m = _SUFFIX_PLACE.match(ctx.norm, pos)
    if m is None or _NOT_A_NAME.search(m.group()):
        return None
    starts = ctx.word_starts
    i = bisect.bisect_left(starts, pos)
    if i >= len(ctx.words) or ctx.words[i][1] != pos:
        return None
    suffix_at = m.end() - (2 if m.group().endswith("街道") else 1)
    j = bisect.bisect_right(starts, suffix_at) - 1
    word, ws, we = ctx.words[j]
    # the suffix begins a word (和平|镇, 镇多措), or one place or unknown word is the whole name (某某县)
    if not (ws == suffix_at or (ws == pos and we == m.end() and tag(word) in (None, "ns"))):
        return None
    return m.start(), m.end()


def _title_suffix_places(ctx: Context) -> set[str]:
    """The suffix places a headline line begins with (after a column tag 【…】 or a kicker's space)."""
    body = ctx.body_start
    names: set[str] = set()
    heads = [ln for ln in ctx.lines if ln.end <= body and not is_noise(ctx, ln.start)]
    for line in heads[:3]:
        for m in re.finditer(r"(?:^|\s+)", ctx.norm[line.start : line.end]):
            tagged = _TAG.match(ctx.norm, line.start + m.end())
            pos = tagged.end() if tagged else line.start + m.end()
            span = _suffix_place_at(ctx, pos)
            if span and not _NOT_ALONE.match(ctx.norm, span[1]):
                names.add(ctx.norm[span[0] : span[1]])
    return names


def _acting_by_suffix(ctx: Context) -> Found | None:
    """A town, county or province the division table does not know, acting on its own both in a headline
    (某某镇多措并举…) and at the head of a clause of the lead (近日，某某镇全面推行…), not through one of its
    organs (某某县财政局) → location.acting_by_suffix, as the lead writes it."""
    from ..places import find_units

    names = _title_suffix_places(ctx)
    if not names:
        return None
    lead = [s for s in ctx.sentences if s.start >= ctx.body_start and not is_noise(ctx, s.start)][:5]
    units: list[tuple[int, int]] = []
    for sent in lead:
        units += find_units(ctx, sent.start, sent.end)
        for m in re.finditer(r"(?:^|[，：:；])", ctx.norm[sent.start : sent.end]):
            opened = _CLAUSE_OPEN.match(ctx.norm, sent.start + m.end())
            pos = opened.end() if opened else sent.start + m.end()
            pos = (ctx.norm.startswith("，", pos) and pos + 1) or pos
            if _own_unit_before(ctx, units, names, pos):
                return None  # 某县公安局…, 记者从某市某局获悉: the work is one of the place's organs'
            span = _suffix_place_at(ctx, pos)
            if span is None or ctx.norm[span[0] : span[1]] not in names:
                continue
            if (
                _NOT_ALONE.match(ctx.norm, span[1])
                or ctx.norm[span[1] : span[1] + 1].isdigit()
                or any(s == span[0] and e > span[1] for s, e in units)
            ):
                continue
            if _ORGAN_AFTER.match(ctx.norm, span[1], sent.end):
                return None  # 某县发展和改革局从…入手: one of the place's organs acts
            if _MEETS.match(ctx.norm, span[1]):
                return None  # 某省召开…会议: a place's own meeting, whose venue is not said
            return ctx.hit(ctx.text[span[0] : span[1]], span[0], span[1], "location.acting_by_suffix")
    return None


_MEETS = re.compile(r"(?:[^，。；]{0,6}?)(?:召开|举行)")


# an organ's name after its place: 某市政务服务数据管理局, 某县委, 某区人民法院
_ORGAN_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:局|厅|委|院|办公室|中心|大队|支队|公司)(?![\u4e00-\u9fff]{0,2}?[省市县区镇乡])"
)


def _own_unit_before(ctx: Context, units: list[tuple[int, int]], names: set[str], pos: int) -> bool:
    """Whether an organ of the headline's place (某县某局, 某市委) is named in the lead before pos."""
    for n in names:
        for m in re.finditer(re.escape(n), ctx.norm[ctx.body_start : pos]):
            after = ctx.body_start + m.end()
            if not _SUFFIX_PLACE.match(ctx.norm, after) and _ORGAN_AFTER.match(ctx.norm, after, pos):
                return True
    return any(
        e <= pos + 12
        and s < pos
        and any(
            ctx.norm.startswith(n, s) and e > s + len(n) and not _SUFFIX_PLACE.match(ctx.norm, s + len(n))
            for n in names
        )
        for s, e in units
    )  # (某区某街道党工委: a unit of a place inside it, not the place's own organ)


# 在/到/赴某某县调研: a visit to a place the division table does not know
_TO_PLACE = re.compile(r"(?:在|到|赴)(?=[\u4e00-\u9fff]{3,5}(?:调研|考察|视察|检查|督导|走访|慰问))")


def _at_suffix_place(ctx: Context) -> Found | None:
    """ "在/到某某县调研" in the headline or lead, the place known by its suffix → location.at_suffix_place."""
    for m in _first(ctx, _TO_PLACE, lines=8):
        span = _suffix_place_at(ctx, m.end())
        area = _CITY_AREA.match(ctx.norm, m.end())
        if span is None and area is not None:
            span = area.span()  # 到高新区调研: the city's own zone, named by its kind
        if span and _DONE_AT.match(ctx.norm, span[1]) and ctx.norm[span[1] : span[1] + 2] in _VISIT_VERBS:
            return ctx.hit(ctx.text[span[0] : span[1]], span[0], span[1], "location.at_suffix_place")
    return None


# the zones a city or county writes by their kind alone: 高新区, 经开区, 某某工业园
_CITY_AREA = re.compile(
    r"(?:[\u4e00-\u9fff]{0,4}?)(?:高新区|经开区|开发区|新区|工业园区|产业园区|工业园|产业园|保税区|自贸区)"
)

_VISIT_VERBS = frozenset(["调研", "考察", "视察", "检查", "督导", "走访", "慰问"])

# 某局在县城某公园组织开展…演练, 在城区开展…整治: an organ's work done at a named venue or area; the venue
# ends with a word for a site or an area (公园, 广场, 城区, 社区, 工地 …)
_AT_VENUE = re.compile(
    r"在(?P<loc>(?![全本我该各此其辖当])[^，。；：！？\n在的]{0,10}?"
    r"(?:公园|广场|城区|县城|市区|社区|小区|街道|工地|码头|水库|景区|园区|体育馆|体育场|会展中心|车站))"
    r"(?:组织开展|组织|开展|举行|举办)"
)


_BARE_VENUE = re.compile(r"(?:公园|广场|社区|小区|街道|工地|码头|水库|景区|园区|体育馆|体育场|会展中心|车站)")


def _at_venue(ctx: Context) -> Found | None:
    """ "在LOC（组织）开展" in the headline or lead, LOC a venue or area → location.at_venue."""
    for m in _first(ctx, _AT_VENUE, lines=8):
        if _BARE_VENUE.fullmatch(m["loc"]):
            continue  # 在社区开展…: some community, not a named one (城区, 县城 are the organ's own town)
        return ctx.hit(
            ctx.text[m.start("loc") : m.end("loc")], m.start("loc"), m.end("loc"), "location.at_venue"
        )
    return None
