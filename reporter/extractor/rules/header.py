"""title, date, source: what the head and the foot of a report say about it."""

from __future__ import annotations

import datetime as _dt
import re

from ...model import Found, Span
from ..context import Context
from ..dates import DateMatch, find_dates, shift
from . import rule

# ---------------------------------------------------------------------------------------------- title
# lines at the top of a page that are not the headline: WeChat and portal furniture
_FURNITURE = re.compile(
    r"^(?:[^\s]{0,14}(?:简报|动态|专报|快报|要情|信息|通讯)$|第[\d一二三四五六七八九十百]+期$|[（(]?总第\d+期[）)]?$|"
    r"内部资料|内部刊物|注意保存|[^\s]{2,20}编\s+(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-.]\d{1,2}[-.]\d{1,2})$|"
    r"原创|转载|来源[：:|]|发布时间|发布日期|时间[：:]|日期[：:]|作者[：:]|编辑[：:]|字号|字体|【字体|"
    r"当前位置|您现在的位置|首页\s*[>＞»]|浏览次数|阅读[：:]|点击[：:]|分享|打印|关闭|"
    r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$|"
    # a WeChat article copied with its byline: 青山公安 2024-08-12 18:30 发表于内蒙古
    r"[^\s]{1,20}\s+\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*发表于\S{1,10})?\s*$)"
)
_SENTENCE_END = re.compile(r"[。！？：:]$")


def _title_like(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 60 or _FURNITURE.match(t):
        return False
    if _SENTENCE_END.search(t) and (len(t) > 25 or t[-1] in "。："):
        return False
    if find_dates(t) and re.fullmatch(r"[\d\s年月日:：.\-/时分秒许左右]+", t):
        return False
    return True


def _indented(ctx: Context, start: int) -> bool:
    line_start = ctx.text.rfind("\n", 0, start) + 1
    return start > line_start and ctx.text[line_start:start].strip(" \t\u3000\xa0") == ""


def _blank_between(ctx: Context, a: int, b: int) -> bool:
    return ctx.text.count("\n", a, b) >= 2


@rule("title")
def title(ctx: Context) -> list[Found]:
    """The headline: a kicker line above it or a subtitle below it is not the title.

    Newspaper layout: kicker / headline / blank line → the headline is the last line before the
    blank line; headline / subtitle / body → the first; kicker / headline / subtitle → the middle.
    A line ending with —— or ： is a kicker; a line starting with —— is a subtitle.
    """
    blocks = [b for b in ctx.body_blocks if b.span.start < ctx.content_end]
    headings = [b for b in blocks[:6] if b.kind == "heading"]
    if headings and headings[0].level == 0:
        s = headings[0].span
        return [ctx.hit(ctx.text[s.start : s.end].strip(), s.start, s.end, "title.heading_style")]
    group = []
    for i, b in enumerate(blocks[:8]):
        text = ctx.norm[b.span.start : b.span.end]
        if i > 0 and group and _indented(ctx, b.span.start):
            break
        if _FURNITURE.match(text.strip()) and not group:
            continue
        if not _title_like(text):
            break
        group.append(b)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and _blank_between(ctx, b.span.end, nxt.span.start):
            break
    if not group:
        return []
    pick = 0
    texts = [ctx.norm[b.span.start : b.span.end].strip() for b in group]
    blank_after = len(group) < len(blocks) and _blank_between(
        ctx,
        group[-1].span.end,
        blocks[len(group)].span.start if len(group) < len(blocks) else group[-1].span.end,
    )
    if len(group) >= 3:
        pick = 1
    elif len(group) == 2:
        if texts[0].endswith(("——", "：", "—")) or texts[1].startswith("——"):
            pick = 1 if not texts[1].startswith("——") else 0
        elif blank_after:
            pick = 1
    chosen = group[pick]
    rule_name = "title.first_line" if len(group) == 1 else "title.newspaper_layout"
    text = ctx.text[chosen.span.start : chosen.span.end].strip().rstrip("—").strip()
    return [ctx.hit(text, chosen.span.start, chosen.span.start + len(text), rule_name)]


# ----------------------------------------------------------------------------------------------- date
# a newspaper or agency dateline: 本报北京1月20日电, 新华社北京1月20日电, 中新浙江网8月26日电
_DATELINE = re.compile(
    r"(?:本报|本台|本网|[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))[\u4e00-\u9fff]{0,8}?"
    r"(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:\d{1,2}时)?电"
)
# a day without its month: 郭声琨19日主持召开…, 26日晚，…
_DAY_ONLY = re.compile(
    r"(?<![\d月年/.\-])(?P<d>[12]?\d|3[01])日(?=[上下中]午|晚|早|凌晨|夜|在|，|,|\s|[\u4e00-\u9fff])"
)
# what happened on the day: the verbs of a reported event
_EVENT_VERB = re.compile(
    r"召开|举行|举办|开展|组织|启动|发布|通报|印发|部署|主持|召集|发生|开幕|闭幕|座谈|视察|调研|检查|会议|"
    r"成立|揭牌|挂牌|开通|启用|推出|签署|签订|出台|宣布|公布|开始|上线|授牌|拉开|出发|抵达|落幕|颁发|表彰"
)
# a reported thing that started on a day: used when the lead only says 近日/日前
_START_VERB = re.compile(r"开始|启用|推出|建立|成立|启动|上线|开通|挂牌|揭牌|实施|施行|组建|设立")
_VAGUE = re.compile(r"(?:日前|近日|近期|前不久|不久前)(?!关于|的|以来|内|将)")
_RELATIVE_DAY = re.compile(r"昨日|昨天|今日|今天|前天|前日")
# a date that is a cut-off or the start of a long period, not an event's day
_NOT_EVENT_BEFORE = re.compile(r"(?:截至|截止|截止到|到|至|自从)\s*$")
_NOT_EVENT_AFTER = re.compile(r"^\s*(?:以来|至今|前后|之前|以前|前|止|截止|期间)")
# a year mentioned as a finished period of statistics: 2018年共有…, 2019年全年…, 降到2019年的…
_PAST_YEAR = re.compile(r"(?:19|20)\d{2}年(?:全年|度|共|累计|的|底|末|以来)")


def _body_start(ctx: Context) -> int:
    """Offset of the first line of the report's body (after the title, kicker and subtitle lines)."""
    found = ctx.found.get("title") or []
    title_end = found[0].evidence.span.end if found else 0
    for i, line in enumerate(ctx.lines):
        if line.start < title_end:
            continue
        text = ctx.norm[line.start : line.end]
        if i > 0 and (not _title_like(text) or _indented(ctx, line.start) or len(text) > 40):
            return line.start
    return ctx.lines[1].start if len(ctx.lines) > 1 else 0


def _infer_year(ctx: Context, dates: list[DateMatch], month: int | None) -> int | None:
    """The year of a day written without one, from the text itself.

    The latest year the report states; one more when it calls that year 去年 or writes "<year>年以来";
    a year only named as a finished period of statistics (2018年共有…) is the present year only
    when the report is from its first two months (annual results are reported in January/February).
    """
    text = ctx.norm[: ctx.content_end]
    years = [d.year for d in dates if d.year]
    if not years:
        return None
    latest = max(years)
    if "去年" in text or f"{latest}年以来" in text:
        return latest + 1
    stated = [d for d in dates if d.year == latest]
    past = all(_PAST_YEAR.match(text, d.start) for d in stated)
    if past:
        return latest + 1 if month in (1, 2) else None
    return latest


def _event_date(ctx: Context, sent: Span, dates: list[DateMatch], skip: set[int]) -> DateMatch | None:
    for d in dates:
        if d.kind in ("year", "ym") or d.start in skip or not (sent.start <= d.start < sent.end):
            continue
        before = ctx.norm[max(sent.start, d.start - 4) : d.start]
        after = ctx.norm[d.end : d.end + 4]
        if _NOT_EVENT_BEFORE.search(before) or _NOT_EVENT_AFTER.match(after):
            continue
        clause_end = sent.end
        if _EVENT_VERB.search(ctx.norm, d.end, min(clause_end, d.end + 80)) or _EVENT_VERB.search(
            ctx.norm[sent.start : d.start]
        ):
            return d
    return None


@rule("date")
def date(ctx: Context) -> list[Found]:
    """The day the reported event took place (see spec/fields.md: date).

    1. a dated sentence of the lead with an event verb (2019年1月4日，…召开…; 郭声琨19日主持召开…);
    2. a lead that says only 近日/日前: the day the reported thing started, when the body gives it
       (2月17日，…开始使用…), else the dateline;
    3. the newspaper/agency dateline (本报北京1月20日电);
    4. 昨日/今天 against the page's publication line;
    5. a notice's signature date (落款).
    A day without a year takes the year the text itself implies, else stays --MM-DD.
    """
    region = ctx.norm[: ctx.content_end]
    start = _body_start(ctx)
    dates = find_dates(region)
    dateline = _DATELINE.search(region, start, min(len(region), start + 200))
    skip: set[int] = set()
    anchor: DateMatch | None = None  # the dateline's or publication line's date: gives day-only dates a month
    if dateline:
        anchor = next((d for d in dates if d.start == dateline.start("date")), None)
        skip.add(dateline.start("date"))
    publication = _publication_line(ctx, dates, start)
    if anchor is None and publication is not None:
        anchor = publication
    if publication is not None:
        skip.add(publication.start)
    # day-only dates ("19日") in the lead, given the anchor's month
    lead = _lead(ctx, start)
    extra: list[DateMatch] = []
    if anchor is not None and anchor.month:
        for sent in lead:
            for m in _DAY_ONLY.finditer(region, sent.start, sent.end):
                if any(d.start <= m.start() < d.end for d in dates):
                    continue
                day = int(m["d"])
                month = anchor.month if day <= (anchor.day or 31) else (anchor.month - 2) % 12 + 1
                extra.append(DateMatch(m.start(), m.end(), anchor.year, month, day, "md"))
    candidates = sorted(dates + extra, key=lambda d: d.start)

    def result(d: DateMatch, rule_name: str) -> list[Found]:
        year = d.year or (anchor.year if anchor and anchor.year and d.month == anchor.month else None)
        if year is None:
            year = _infer_year(ctx, dates, d.month)
            if year is not None:
                ctx.flag("date", "年份由正文推断")
        if year is None:
            year = _year_before(ctx.ref_date, d)
        if rule_name == "date.started_on":
            ctx.flag("date", "日期取自正文中事项开始的日子")
        return [ctx.hit(d.with_year(year).iso(), d.start, d.end, rule_name)]

    vague = any(_VAGUE.search(region, s.start, s.end) for s in lead)
    present = _infer_year(ctx, dates, None)
    if not vague:
        for sent in lead:
            d = _event_date(ctx, sent, candidates, skip)
            if d is not None and d.year and present and d.year < present:
                continue  # a past date mentioned in passing (2018年11月29日 in a report of 2019's results)
            if d is not None:
                return result(d, "date.lead_sentence")
    relative = next((m for s in lead for m in [_RELATIVE_DAY.search(region, s.start, s.end)] if m), None)
    base = None
    if publication is not None and publication.year and publication.day:
        base = _dt.date(publication.year, publication.month or 1, publication.day)
    elif ctx.ref_date is not None:
        base = ctx.ref_date
    if relative and base is not None:
        day = shift(base, relative.group())
        if day is not None:
            return [
                ctx.hit(day.isoformat(), relative.start(), relative.end(), "date.relative_to_publication")
            ]
    if vague or not any(d.kind != "year" and s.start <= d.start < s.end for d in candidates for s in lead):
        for d in candidates:
            if d.start < start or d.start in skip or d.kind == "year":
                continue
            sent = ctx.sentence_at(d.start)
            if _START_VERB.search(region, d.end, min(sent.end, d.end + 60)):
                return result(d, "date.started_on")
    if dateline and anchor is not None:
        return result(anchor, "date.dateline")
    if publication is not None and not vague:
        return result(publication, "date.publication_line")
    signed = _signature_date(ctx)
    if signed is not None:
        return result(signed, "date.signature")
    return []


def _year_before(ref: _dt.date | None, d: DateMatch) -> int | None:
    """With --ref-date: the year that puts a month and day on or before the reference date."""
    if ref is None or d.month is None:
        return None
    if (d.month, d.day or 1) <= (ref.month, ref.day):
        return ref.year
    return ref.year - 1


def _lead(ctx: Context, start: int, size: int = 3) -> list[Span]:
    """The lead: the first sentences of the body, leaving out quoted speech and short box labels (核心阅读)."""
    out = []
    for sent in ctx.sentences:
        if sent.end <= start:
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


def _signature_date(ctx: Context) -> DateMatch | None:
    """The issue date of a notice: a line at the end holding only a date (落款日期)."""
    for line in reversed(ctx.lines[-4:]):
        text = ctx.norm[line.start : line.end].strip()
        found = find_dates(text)
        if (
            len(found) == 1
            and found[0].kind in ("full", "iso")
            and len(text) <= found[0].end - found[0].start + 2
        ):
            d = found[0]
            offset = line.start + ctx.norm[line.start : line.end].index(text)
            return DateMatch(offset + d.start, offset + d.end, d.year, d.month, d.day, d.kind)
    return None


def _publication_line(ctx: Context, dates: list[DateMatch], start: int) -> DateMatch | None:
    """A line near the top holding only a date and time (a web page's 发布时间)."""
    for line in ctx.lines[:5]:
        text = ctx.norm[line.start : line.end]
        head = re.match(
            r"\s*(?:发布时间[：:]\s*|[^\s\d]{1,20}\s+)?((?:19|20)\d{2}[-年./]\d{1,2}[-月./]\d{1,2}日?)", text
        )
        if not head:
            continue
        rest = text[head.end() :]
        if re.fullmatch(
            r"\s*(?:\d{1,2}[:：时]\d{0,2}(?:[:：分]\d{1,2}秒?)?(?:左右|许)?)?\s*(?:来源[：:].*|发表于\S{1,10})?",
            rest,
        ):
            pos = line.start + head.start(1)
            return next((d for d in dates if d.start == pos), None)
    return None


# --------------------------------------------------------------------------------------------- source
_SOURCE_LABEL = re.compile(
    r"(?:^|[\s（(【\[])(?:信息)?(?:来源|稿源|供稿|供稿单位|作者单位|出处|转自)\s*[：:|]\s*"
    r"(?P<src>[^\s，。；;,|｜）)】\]]{2,30})"
)
_AGENCY_DATELINE = re.compile(
    r"\s*(?P<src>(?!本报|本台|本网)[\u4e00-\u9fff]{1,8}?(?:通讯社|社|网|报|台|电视台))"
    r"(?:[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电|讯)"
)


@rule("source")
def source(ctx: Context) -> list[Found]:
    """来源：敖汉旗公安局 → 敖汉旗公安局; 新华社北京1月20日电 → 新华社; 天山网讯 → 天山网."""
    # labelled source lines anywhere: body, web footer, page footer
    for m in _SOURCE_LABEL.finditer(ctx.norm):
        value = m.group("src").strip("“”\"'")
        if value:
            return [
                ctx.hit(
                    ctx.text[m.start("src") : m.start("src") + len(value)],
                    m.start("src"),
                    m.start("src") + len(value),
                    "source.label",
                )
            ]
    for line in ctx.lines[:6]:
        m = _AGENCY_DATELINE.match(ctx.norm, line.start, line.end)
        if m:
            return [
                ctx.hit(
                    ctx.text[m.start("src") : m.end("src")],
                    m.start("src"),
                    m.end("src"),
                    "source.agency_dateline",
                )
            ]
    return []
