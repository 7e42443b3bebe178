"""date: the day the reported event took place (spec/fields.md: date), as ordered strategies.

1. date.form_field        — a form or 会议纪要: its 会议时间/完成日期 field;
2. date.document_date     — a formal 公文: its 成文日期 under the 署名 (never a deadline in the text);
3. date.lead_sentence     — a dated sentence of the lead with an event verb (2019年1月4日，…召开…);
4. date.relative_to_publication — 昨日/今天 counted from the page's publication line (or --ref-date);
5. date.started_on        — a lead that says only 近日/日前: the day the reported thing started;
   date.lead_month         — a lead that dates its event by the month only (7月中旬，…开展…): YYYY-MM;
6. date.dateline          — the newspaper or agency dateline (本报北京1月20日电);
7. date.publication_line  — the page's publication line or the paper's issue line;
8. date.signature         — a notice's signature date (落款).

A day written without its year takes it from the publication line, else from the years the text
itself states as present (never a target year 2035年, a plan period 2021—2025年, a law's year or a
book title's year), else from --ref-date; without any of these it stays --MM-DD and goes to review.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Found, Span
from ..context import Context
from ..dates import DateMatch, find_dates, shift
from ..scan import matches_from

# a newspaper or agency dateline: 本报北京1月20日电, 新华社北京1月20日电, 中新浙江网8月26日电
_DATELINE = re.compile(
    r"(?:本报|本台|本网|[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))[\u4e00-\u9fff]{0,8}?"
    r"(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:\d{1,2}时)?电"
)
# a day without its month: 郭声琨19日主持召开…, 26日晚，…
_DAY_ONLY = re.compile(
    r"(?<![\d月年/.\-])(?P<d>[12]?\d|3[01])日(?=[上下中]午|晚|早|凌晨|夜|在|，|,|\s|[\u4e00-\u9fff])"
)
_DIGIT = re.compile(r"\d")  # where a _DAY_ONLY match can begin (scan.matches_from)
# 今年1月，… : a month of the present year
_THIS_YEAR_MONTH = re.compile(r"今年\s*(?P<m>1[0-2]|[1-9])\s*月(?!\s*\d{1,2}\s*日)(?:份|初|中旬|底)?")
# what happened on the day: the verbs of a reported event
_EVENT_VERB = re.compile(
    r"召开|举行|举办|开展|组织|启动|发布|通报|印发|部署|主持|召集|发生|开幕|闭幕|座谈|视察|调研|考察|检查|会议|"
    r"成立|揭牌|挂牌|开通|启用|推出|签署|签订|出台|宣布|公布|开始|上线|授牌|拉开|出发|抵达|落幕|颁发|表彰|"
    r"邀请|宣讲|讲座|作了?[^，。]{0,30}报告|破获|侦破|抓获|查获|捣毁|查处|救出|转移|遭遇|遭受"
)
# a reported thing that started on a day: used when the lead only says 近日/日前
_START_VERB = re.compile(r"开始|启用|推出|建立|成立|启动|上线|开通|挂牌|揭牌|实施|施行|组建|设立|推行|改革")
_FUTURE_BEFORE = re.compile(r"(?:将|将于|拟|拟于|计划|计划于|预计|预计于|定于)\s*$")
# a lead opening on a short run of days (6月21日至22日，…): the event's first day
_DAY_RANGE = re.compile(r"\s*(?:至|到|—|-|~)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日")
_TIME_OF_DAY = re.compile(r"\s*(?:\d{1,2}\s*时|[上下中]午|凌晨|早上|晚上?|夜间?|深夜|傍晚|清晨)")
# a date that opens a period (2017年10月至案发, 3月1日起至…)
_PERIOD_AFTER = re.compile(r"^\s*(?:至|到|—|-|~|以来|起至)")
# 近日/日前 as the lead's time (近日，… / 某局近日召开…), not 近期 before a noun (汲取近期事故教训, 近期工作)
_VAGUE = re.compile(
    r"(?<![\d一二三四五六七八九十])(?:日前|近日|近期|前不久|不久前)(?!关于|的|以来|内|将|[\u4e00-\u9fff]{0,2}(?:事故|案件|教训|工作|重点|形势|情况|任务|安排|计划|目标))"
)
# a date of an earlier meeting or instruction the event passes on (传达了3月10日全市会议精神)
_CITED_BEFORE = re.compile(r"(?:传达|学习|贯彻|落实)(?:了|学习)?\s*$")
# a date of an earlier meeting or instruction the event passes on (传达了3月10日全市会议精神)
_CITED_BEFORE = re.compile(r"(?:传达|学习|贯彻|落实)(?:了|学习)?\s*$")
_RELATIVE_DAY = re.compile(r"昨日|昨天|今日|今天|前天|前日")
# a date that is a cut-off, a deadline or the start of a long period, not an event's day
_NOT_EVENT_BEFORE = re.compile(r"(?:截至|截止|截止到|到|至|自从)\s*$")
_NOT_EVENT_AFTER = re.compile(r"^\s*(?:以来|至今|前后|之前|以前|前|止|截止|期间)")
# a year mentioned as a finished period of statistics: 2018年共有…, 2019年全年…, 降到2019年的…
_PAST_YEAR = re.compile(r"(?:19|20)\d{2}年?(?:全年|度|共|累计|的|底|末|以来)")
# years that are not the report's present: targets, plan periods, ranges, versions
_TARGET_BEFORE = re.compile(r"(?:到|至|力争|争取|预计|计划|目标|—|-|~|从|自)\s*$")
_TARGET_AFTER = re.compile(r"^\s*(?:年?前|年底前|年末前|以前|版|—|-|~|至|到)")
_LAW_OR_PLAN = re.compile(r"[^》]*?(?:法|条例|规定|办法|纲要|规划|计划|标准)[^》]{0,12}》")
# a cited document's number: 某党发[2019]15号, 某办发〔2011〕152号
_DOC_NO_YEAR = re.compile(r"[〔\[［【]\s*(?P<y>(?:19|20)\d{2})\s*[〕\]］】]\s*\d{1,5}\s*号")


@dataclass
class Scene:
    """What every date strategy reads: the dates of the report and its anchors."""

    region: str
    start: int  # where the body starts
    dates: list[DateMatch]
    candidates: list[DateMatch]  # dates + days written without a month (19日), given the anchor's month
    lead: list[Span]
    vague: bool
    dateline: DateMatch | None
    publication: DateMatch | None
    skip: set[int] = field(default_factory=set)


def _scene(ctx: Context) -> Scene:
    region = ctx.norm[: ctx.content_end]
    start = ctx.body_start
    furniture = ctx.furniture
    dates = [d for d in find_dates(region) if not any(f.start <= d.start < f.end for f in furniture)]
    pub = ctx.layout.publication
    publication = pub.date if pub is not None else None
    m = _DATELINE.search(region, start, min(len(region), start + 200))
    dateline = next((d for d in dates if m and d.start == m.start("date")), None)
    lead = _lead(ctx, start)
    skip = {dateline.start} if dateline else set()
    anchor = dateline or publication
    extra: list[DateMatch] = []
    if anchor is not None and anchor.month:
        for sent in lead:
            for dm in matches_from(_DAY_ONLY, _DIGIT, region, sent.start, sent.end):
                if any(d.start <= dm.start() < d.end for d in dates):
                    continue
                day = int(dm["d"])
                month = anchor.month if day <= (anchor.day or 31) else (anchor.month - 2) % 12 + 1
                extra.append(DateMatch(dm.start(), dm.end(), anchor.year, month, day, "md"))
    if anchor is not None and anchor.month and anchor.year:
        extra += _month_relative_days(region, lead, anchor)
    vague = any(_VAGUE.search(region, s.start, s.end) for s in lead)
    candidates = sorted(dates + extra, key=lambda d: d.start)
    return Scene(region, start, dates, candidates, lead, vague, dateline, publication, skip)


# a day counted from the month of the page or the dateline: 本月12日, 上月28日
_MONTH_RELATIVE_DAY = re.compile(r"(?P<rel>本月|当月|上月)\s*(?P<d>[12]?\d|3[01])\s*日")


def _month_relative_days(region: str, lead: list[Span], anchor: DateMatch) -> list[DateMatch]:
    """本月12日 / 上月28日 in the lead, dated from the publication line's (or dateline's) month."""
    out = []
    for sent in lead:
        for m in _MONTH_RELATIVE_DAY.finditer(region, sent.start, sent.end):
            year, month = anchor.year or 0, anchor.month or 1
            if m["rel"] == "上月":
                year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            d = DateMatch(m.start(), m.end(), year, month, int(m["d"]), "full")
            if d.valid():
                out.append(d)
    return out


def _lead(ctx: Context, start: int, size: int = 3) -> list[Span]:
    """The lead: the first sentences of the body, leaving out quoted speech and short box labels (核心阅读)."""
    out = []
    for sent in ctx.sentences:
        if sent.end <= start or ctx.is_furniture(sent.start):
            continue
        text = ctx.norm[sent.start : sent.end].strip()
        if len(text) < 8 or (
            text.startswith(("“", "「", '"')) and text.rstrip("。！？").endswith(("”", "」", '"'))
        ):
            continue
        out.append(sent)
        if len(out) == size:
            break
    return out


# ------------------------------------------------------------------------------------------ the year
def year_evidence(ctx: Context, dates: list[DateMatch]) -> list[DateMatch]:
    """The stated years that may be the report's present: not a target (到2035年, 2030年前), a period
    (2021—2025年, 1997年至2007年), a version (2026版), a title's year (《…（2024）》) or a month of a
    biography (1996年6月任…); and not after the publication or reference date."""
    text = ctx.norm
    limit = None
    pub = ctx.layout.publication
    if pub is not None and pub.date is not None:
        limit = pub.date.year
    elif ctx.ref_date is not None:
        limit = ctx.ref_date.year
    out = []
    for d in dates:
        if not d.year or d.kind == "ym":
            continue
        if limit is not None and d.year > limit:
            continue
        before = text[max(0, d.start - 3) : d.start]
        after = text[d.end : d.end + 3]
        if _TARGET_BEFORE.search(before) or (d.kind == "year" and _TARGET_AFTER.match(after)):
            continue
        opened = text.rfind("《", 0, d.start)
        if opened > text.rfind("》", 0, d.start) and (
            _LAW_OR_PLAN.match(text, d.end, d.end + 40) or _LAW_OR_PLAN.match(text, opened + 1, d.start + 40)
        ):
            continue  # the year of a law or a plan named in a book title (《…条例（2019年修订）》, 《…法（2021年修正）》)
        out.append(d)
    return out


def infer_year(ctx: Context, dates: list[DateMatch], month: int | None) -> int | None:
    """The year of a day written without one, from the text itself.

    The latest present year the report states; one more when it calls that year 去年 or writes
    "<year>年以来"; a year only named as a finished period of statistics (2018年共有…) is the present
    year only when the report is from its first two months (annual results are reported then).
    """
    text = ctx.norm[: ctx.content_end]
    evidence = year_evidence(ctx, dates)
    years = [d.year for d in evidence if d.year]
    if not years:
        return None
    latest = max(years)
    if any(_PRESENT_BEFORE.search(text, max(0, d.start - 4), d.start) for d in evidence if d.year == latest):
        return latest  # 召开2025年度…推进会: the year of the event being held is the present one
    if "去年" in text or f"{latest}年以来" in text:
        return latest + 1
    stated = [d for d in evidence if d.year == latest]
    if all(_PAST_YEAR.match(text, d.start) for d in stated):
        return latest + 1 if month in (1, 2) else None
    return latest


# a whole finished year's figures: 2019全年的报警数据, 2023年全年
_WHOLE_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年?\s*全年")


def _year_after_whole_year(ctx: Context, d: DateMatch) -> int | None:
    """A January or February day whose own sentence reports a whole past year's figures (1月5日，…发布
    2019全年的数据): the event is in the year after."""
    if d.month not in (1, 2):
        return None
    sent = ctx.sentence_at(d.start)
    m = _WHOLE_YEAR.search(ctx.norm, sent.start, sent.end)
    return int(m["y"]) + 1 if m else None


def _period_line_year(ctx: Context) -> int | None:
    """The one year a period line at the top states (（2021年8月）, （2024.3.18—2024.3.23）)."""
    years = set()
    for ln in ctx.layout.lines_of("period")[:2]:
        years |= {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", ln.text)}
    return years.pop() if len(years) == 1 else None


_PRESENT_BEFORE = re.compile(r"(?:召开|举行|举办|启动|部署|开幕)\s*$")


def _cited_document_year(ctx: Context) -> int | None:
    """The year of a document the report cites as its basis (根据某发〔2019〕15号文件): the event follows it."""
    years = [int(m["y"]) for m in _DOC_NO_YEAR.finditer(ctx.norm, 0, ctx.content_end)]
    return max(years) if years else None


def _year_before(ref: _dt.date | None, d: DateMatch) -> int | None:
    """With --ref-date: the year that puts a month and day on or before the reference date."""
    if ref is None or d.month is None:
        return None
    if (d.month, d.day or 1) <= (ref.month, ref.day):
        return ref.year
    return ref.year - 1


def resolve(ctx: Context, scene: Scene, d: DateMatch, rule_name: str) -> Found:
    """A Found for date d, its year filled from the best evidence there is."""
    year = d.year
    pub = scene.publication
    if (
        year is None
        and scene.dateline is not None
        and scene.dateline.year
        and d.month == scene.dateline.month
    ):
        year = scene.dateline.year
    if year is None and pub is not None and pub.year and d.month:
        # an event reported in January of a day in December is last year's
        year = pub.year - 1 if d.month - (pub.month or d.month) > 6 else pub.year
    sign = _signature_date(ctx) if year is None else None
    if year is None and sign is not None and sign.year and sign.month and d.month:
        # the signature's date under a report is its own date, as a publication line is a page's
        year = sign.year - 1 if d.month - sign.month > 6 else sign.year
    if year is None:
        year = _period_line_year(ctx)  # （2021年8月） under the headline: the report's own time
    if year is None:
        year = _year_after_whole_year(ctx, d)
    if year is None:
        year = infer_year(ctx, scene.dates, d.month)
        if year is not None:
            ctx.flag("date", "年份由正文推断")
    if year is None:
        year = _year_before(ctx.ref_date, d)
    if year is None:
        year = _cited_document_year(ctx)
        if year is not None:
            ctx.flag("date", "年份取自文中引用的文件编号")
    if year is None and d.month is not None:
        ctx.flag("date", "日期没有年份，待核")
    if rule_name == "date.started_on":
        ctx.flag("date", "日期取自正文中事项开始的日子")
    return ctx.hit(d.with_year(year).iso() or str(year), d.start, d.end, rule_name)


# -------------------------------------------------------------------------------------- strategies
def form_field(ctx: Context, scene: Scene) -> Found | None:
    """A form's date field: 会议时间：2024年3月5日上午, or a 会议时间 cell and the cell after it."""
    for _label, (value, start, _end) in ctx.layout.form_fields.items():
        if _label not in _form_date_labels(ctx):
            continue
        for d in find_dates(ctx.norm[start : start + len(value)]):
            if d.kind in ("full", "iso", "md"):
                moved = DateMatch(start + d.start, start + d.end, d.year, d.month, d.day, d.kind)
                return resolve(ctx, scene, moved, "date.form_field")
    return None


def _form_date_labels(ctx: Context) -> tuple[str, ...]:
    from ..layout import header_words

    return header_words(ctx).form_dates


def document_date(ctx: Context, scene: Scene) -> Found | None:
    """A formal 公文's 成文日期: the date under its 署名 (a deadline in the text is never the date)."""
    if not ctx.layout.formal:
        return None
    d = _signature_date(ctx)
    return resolve(ctx, scene, d, "date.document_date") if d is not None else None


def lead_sentence(ctx: Context, scene: Scene) -> Found | None:
    """A dated sentence of the lead with an event verb (2019年1月4日，…召开…; 郭声琨19日主持召开…)."""
    if scene.vague:
        return None
    present = infer_year(ctx, scene.dates, None)
    for sent in scene.lead:
        d = _event_date(ctx, sent, scene.candidates, scene.skip)
        if d is not None and d.year and present and d.year < present:
            continue  # a past date mentioned in passing (2018年11月29日 in a report of 2019's results)
        if d is not None:
            return resolve(ctx, scene, d, "date.lead_sentence")
    return None


def _event_date(ctx: Context, sent: Span, dates: list[DateMatch], skip: set[int]) -> DateMatch | None:
    for d in dates:
        if d.kind in ("year", "ym") or d.start in skip or not (sent.start <= d.start < sent.end):
            continue
        before = ctx.norm[max(sent.start, d.start - 4) : d.start]
        after = ctx.norm[d.end : d.end + 4]
        if _NOT_EVENT_BEFORE.search(before) or _NOT_EVENT_AFTER.match(after) or _FUTURE_BEFORE.search(before):
            continue
        if _CITED_BEFORE.search(ctx.norm, max(sent.start, d.start - 8), d.start):
            continue  # 传达了3月10日全市会议精神: the day of a meeting the event passes on
        if _EVENT_VERB.search(ctx.norm, d.end, min(sent.end, d.end + 80)) or _EVENT_VERB.search(
            ctx.norm[sent.start : d.start]
        ):
            return d
    return None


def lead_opening(ctx: Context, scene: Scene) -> Found | None:
    """A news lead that opens on its day (6月29日24时左右，随着…; 6月21日至22日，…): the day is the event's,
    whatever the verb."""
    if scene.vague or not scene.lead:
        return None
    first = scene.lead[0]
    text = scene.region[first.start : first.end]
    offset = len(text) - len(text.lstrip())
    for d in scene.candidates:
        if d.start == first.start + offset and d.kind in ("full", "iso", "md") and d.start not in scene.skip:
            after = scene.region[d.end : d.end + 6]
            if not (_TIME_OF_DAY.match(after) or _DAY_RANGE.match(after)):
                return None
            return resolve(ctx, scene, d, "date.lead_opening")
    return None


def relative_to_publication(ctx: Context, scene: Scene) -> Found | None:
    """昨日/今天 in the lead, counted from the publication line's day (or from --ref-date)."""
    relative = next(
        (m for s in scene.lead for m in [_RELATIVE_DAY.search(scene.region, s.start, s.end)] if m), None
    )
    if relative is None:
        return None
    pub = scene.publication
    line = scene.dateline
    if line is not None and line.day and line.month:
        # 今日/昨日 in a dated dispatch count from the dispatch's day (its year resolved as any other)
        day = shift(_dt.date(2000 if line.month <= 2 else 2001, line.month, line.day), relative.group())
        if day is None:
            return None
        d = DateMatch(relative.start(), relative.end(), None, day.month, day.day, "md")
        if line.year:
            d = DateMatch(
                d.start,
                d.end,
                line.year + (day.year - (2000 if line.month <= 2 else 2001)),
                day.month,
                day.day,
                "md",
            )
        return resolve(ctx, scene, d, "date.relative_to_publication")
    base = None
    if pub is not None and pub.year and pub.day:
        base = _dt.date(pub.year, pub.month or 1, pub.day)
    elif ctx.ref_date is not None:
        base = ctx.ref_date
    if base is None:
        return None
    day = shift(base, relative.group())
    if day is None:
        return None
    return ctx.hit(day.isoformat(), relative.start(), relative.end(), "date.relative_to_publication")


def started_on(ctx: Context, scene: Scene) -> Found | None:
    """A lead that only says 近日/日前 (or names no day): the day the reported thing started
    (2月17日，…开始使用…; 今年1月，…推行…) — never a future day (将于3月1日起施行)."""
    has_day = any(
        d.kind != "year" and s.start <= d.start < s.end for d in scene.candidates for s in scene.lead
    )
    if not scene.vague and has_day:
        return None
    pub = scene.publication
    for d in scene.candidates:
        if d.start < scene.start or d.start in scene.skip or d.kind == "year":
            continue
        if d.year and pub is not None and pub.year and d.year < pub.year:
            continue  # a past year's date (于2009年7月成立) is background
        if _FUTURE_BEFORE.search(scene.region[max(0, d.start - 3) : d.start]):
            continue
        if _PERIOD_AFTER.match(scene.region[d.end : d.end + 4]):
            continue
        sent = ctx.sentence_at(d.start)
        if _START_VERB.search(scene.region, d.end, min(sent.end, d.end + 60)):
            return resolve(ctx, scene, d, "date.started_on")
    for m in _THIS_YEAR_MONTH.finditer(scene.region, scene.start, min(len(scene.region), scene.start + 600)):
        sent = ctx.sentence_at(m.start())
        if (
            _START_VERB.search(scene.region, m.end(), min(sent.end, m.end() + 60))
            and pub is not None
            and pub.year
        ):
            d = DateMatch(m.start(), m.end(), pub.year, int(m["m"]), None, "ym")
            return resolve(ctx, scene, d, "date.started_on")
    return None


# a lead that dates its event by the month only: 7月中旬，某局开展… / 3月，某县启动…
_LEAD_MONTH = re.compile(
    r"(?<![\d年至到~—\-])(?<!截至)(?P<m>1[0-2]|[1-9])\s*月(?:上旬|中旬|下旬|初|份)?(?=，|,)"
)


def lead_month(ctx: Context, scene: Scene) -> Found | None:
    """The month of the event when the lead gives no day (7月中旬，…开展…): YYYY-MM."""
    if scene.vague:
        return None
    for sent in scene.lead[:2]:
        for m in _LEAD_MONTH.finditer(scene.region, sent.start, sent.end):
            before = scene.region[max(sent.start, m.start() - 4) : m.start()]
            if re.search(r"今年|截至|截止|自|从|于|前$", before):
                continue  # 今年1至8月, 自3月起: a period of results, not the event's month
            if not _EVENT_VERB.search(scene.region, m.end(), sent.end):
                continue
            d = DateMatch(m.start(), m.end(), None, int(m["m"]), None, "ym")
            return resolve(ctx, scene, d, "date.lead_month")
    return None


def dateline(ctx: Context, scene: Scene) -> Found | None:
    """The newspaper or agency dateline: 本报北京1月20日电 (its year from the issue line)."""
    return resolve(ctx, scene, scene.dateline, "date.dateline") if scene.dateline is not None else None


def publication_line(ctx: Context, scene: Scene) -> Found | None:
    """The page's publication line (发布日期：…, 2011年09月27 来源：…) or the paper's issue line."""
    pub = scene.publication
    return resolve(ctx, scene, pub, "date.publication_line") if pub is not None else None


def signature(ctx: Context, scene: Scene) -> Found | None:
    """The issue date of a notice: a line at the end holding only a date (落款日期)."""
    d = _signature_date(ctx)
    return resolve(ctx, scene, d, "date.signature") if d is not None else None


def _signature_date(ctx: Context) -> DateMatch | None:
    for ln in reversed(ctx.layout.lines_of("sign_date")):
        found = [d for d in find_dates(ln.text) if d.kind in ("full", "iso")]
        if found:
            d = found[0]
            return DateMatch(ln.start + d.start, ln.start + d.end, d.year, d.month, d.day, d.kind)
    return None


STRATEGIES: tuple[Callable[[Context, Scene], Found | None], ...] = (
    form_field,
    document_date,
    lead_sentence,
    lead_opening,
    relative_to_publication,
    started_on,
    lead_month,
    dateline,
    publication_line,
    signature,
)


def find_date(ctx: Context) -> list[Found]:
    scene = _scene(ctx)
    for strategy in STRATEGIES:
        found = strategy(ctx, scene)
        if found is not None:
            return [found]
    return []
