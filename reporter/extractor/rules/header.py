"""title, date, source: what the head and the foot of a report say about it."""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from ..dates import DateMatch, find_dates
from . import rule

# ---------------------------------------------------------------------------------------------- title
# lines at the top of a page that are not the headline: WeChat and portal furniture
_FURNITURE = re.compile(
    r"^(?:原创|转载|来源[：:]|发布时间|发布日期|时间[：:]|日期[：:]|作者[：:]|编辑[：:]|字号|字体|【字体|"
    r"当前位置|您现在的位置|首页\s*[>＞»]|浏览次数|阅读[：:]|点击[：:]|分享|打印|关闭|"
    r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$)"
)
_SENTENCE_END = re.compile(r"[。！？]$")


def _title_like(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 60 or _FURNITURE.match(t):
        return False
    if _SENTENCE_END.search(t) and len(t) > 25:
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
        return [ctx.hit(ctx.text[s.start:s.end].strip(), s.start, s.end, "title.heading_style")]
    group = []
    for i, b in enumerate(blocks[:8]):
        text = ctx.norm[b.span.start:b.span.end]
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
    texts = [ctx.norm[b.span.start:b.span.end].strip() for b in group]
    blank_after = len(group) < len(blocks) and _blank_between(
        ctx, group[-1].span.end, blocks[len(group)].span.start if len(group) < len(blocks) else group[-1].span.end)
    if len(group) >= 3:
        pick = 1
    elif len(group) == 2:
        if texts[0].endswith(("——", "：", "—")) or texts[1].startswith("——"):
            pick = 1 if not texts[1].startswith("——") else 0
        elif blank_after:
            pick = 1
    chosen = group[pick]
    rule_name = "title.first_line" if len(group) == 1 else "title.newspaper_layout"
    text = ctx.text[chosen.span.start:chosen.span.end].strip().rstrip("—").strip()
    return [ctx.hit(text, chosen.span.start, chosen.span.start + len(text), rule_name)]


# ----------------------------------------------------------------------------------------------- date
_DATELINE = re.compile(
    r"(?:本报|新华社|中新社|中新网|人民网|央视网|[\u4e00-\u9fff]{1,6}(?:网|社|报|台))?"
    r"[\u4e00-\u9fff]{0,8}?(?P<date>\d{1,2}月\d{1,2}日)(?:电|讯)"
)
_EVENT_VERB = re.compile(r"召开|举行|举办|开展|组织|启动|发布|通报|印发|部署|主持|召集|发生|开幕|闭幕|座谈|召集|视察|调研|检查|会议")
_AGO = re.compile(r"日前|近日|近期|前不久|不久前")


def _years(ctx: Context, dates: list[DateMatch]) -> int | None:
    """The year a report's undated days belong to: the latest full date's year in the text."""
    years = [d.year for d in dates if d.year and d.kind in ("full", "iso")]
    return max(years) if years else None


@rule("date")
def date(ctx: Context) -> list[Found]:
    """The event's date: the first dated sentence of the lead; else the dateline; 日前/近日 → dateline."""
    body_start = ctx.lines[1].start if len(ctx.lines) > 1 else 0
    region = ctx.norm[:ctx.content_end]
    dates = [d for d in find_dates(region) if d.start >= body_start or d.kind in ("full", "iso")]
    year = _years(ctx, dates)
    dateline = _DATELINE.search(region, body_start, min(len(region), body_start + 300))
    # the lead: the first two sentences after the title group
    lead = [s for s in ctx.sentences if s.start >= body_start][:3]
    for sent in lead:
        for d in dates:
            if d.kind in ("year", "ym") or not (sent.start <= d.start < sent.end):
                continue
            if dateline and dateline.start("date") == d.start:
                continue
            tail = region[d.end:sent.end]
            if _EVENT_VERB.search(tail[:60]) or _EVENT_VERB.search(region[sent.start:d.start]):
                iso = d.with_year(year).iso()
                return [ctx.hit(iso, d.start, d.end, "date.lead_sentence")]
    if dateline:
        d = find_dates(dateline.group("date"))[0]
        start = dateline.start("date")
        iso = d.with_year(year).iso()
        return [ctx.hit(iso, start, start + len(dateline.group("date")), "date.dateline")]
    signed = _signature_date(ctx)
    if signed is not None:
        return [ctx.hit(signed.with_year(year).iso(), signed.start, signed.end, "date.signature")]
    return []


def _signature_date(ctx: Context) -> DateMatch | None:
    """The issue date of a notice: a line at the end holding only a date (落款日期)."""
    for line in reversed(ctx.lines[-4:]):
        text = ctx.norm[line.start:line.end].strip()
        found = find_dates(text)
        if len(found) == 1 and found[0].kind in ("full", "iso") and len(text) <= found[0].end - found[0].start + 2:
            d = found[0]
            offset = line.start + ctx.norm[line.start:line.end].index(text)
            return DateMatch(offset + d.start, offset + d.end, d.year, d.month, d.day, d.kind)
    return None


# --------------------------------------------------------------------------------------------- source
_SOURCE_LABEL = re.compile(
    r"(?:^|[\s（(【\[])(?:信息)?(?:来源|稿源|供稿|供稿单位|作者单位|出处|转自)\s*[：:]\s*"
    r"(?P<src>[^\s，。；;,|｜）)】\]]{2,30})")
_AGENCY_DATELINE = re.compile(
    r"^\s*(?P<src>(?!本报|本台|本网)[\u4e00-\u9fff]{1,8}?(?:通讯社|社|网|报|台|电视台))"
    r"(?:[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电|讯)"
)


@rule("source")
def source(ctx: Context) -> list[Found]:
    """来源：敖汉旗公安局 → 敖汉旗公安局; 新华社北京1月20日电 → 新华社; 天山网讯 → 天山网."""
    # labelled source lines anywhere: body, web footer, page footer
    for m in _SOURCE_LABEL.finditer(ctx.norm):
        value = m.group("src").strip("“”\"'")
        if value:
            return [ctx.hit(ctx.text[m.start("src"):m.start("src") + len(value)], m.start("src"),
                            m.start("src") + len(value), "source.label")]
    for line in ctx.lines[:6]:
        m = _AGENCY_DATELINE.match(ctx.norm, line.start, line.end)
        if m:
            return [ctx.hit(ctx.text[m.start("src"):m.end("src")], m.start("src"), m.end("src"),
                            "source.agency_dateline")]
    return []
