"""source: the attribution of the report — a real organisation or outlet, never page garbage.

Strategies, in order:

- source.label_line        — a line of its own: 来源：X, 数据来源：X, 来源丨X, 综合X、Y (at the end of a page);
- source.publication_line  — the 来源： half of a web page's publication line (2011年09月27 来源：X);
- source.inline_label      — （来源：X） inside a line;
- source.closing_attribution — the closing line in brackets: （某县公安局政治处）, （某某日报 2019年12月27日）;
- source.agency_dateline   — an agency's dateline: 新华社北京1月20日电 → 新华社; 天山网讯 → 天山网;
- source.paper_message     — a paper quoted at the start of the body: 《X日报》消息：…;
- source.site_name         — the 网站名 of a 标题_网站名 page title.

Every value is checked: an organisation's name (…局, …委员会), an outlet's (…日报, …网, …发布,
…融媒体中心) or a web address, cut at the first space; never a year, a sentence or 本报/本网.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Found
from ..context import Context
from ..layout import _MARKDOWN, header_words

_MIX = re.compile(r"^综合\s*(?P<mix>.+)$")
_AGENCY_DATELINE = re.compile(
    r"\s*(?P<src>(?!本报|本台|本网)[\u4e00-\u9fff]{1,8}?(?:通讯社|社|网|报|台|电视台))"
    r"(?:[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电|讯)"
)
_PAPER_MESSAGE = re.compile(r"^(?:据)?《(?P<src>[^》]{2,12})》(?:消息|报道|讯)")
_WEB_ADDRESS = re.compile(
    r"^(?:https?://)?[a-z0-9][a-z0-9.\-]*\.(?:com|cn|net|org|gov|edu)(?:\.cn)?/?$", re.I
)
# never a source: the paper or site itself, a non-answer, a 公文's 附注 (（此件公开发布）), a sentence, a year
_NOT_SOURCE = re.compile(
    r"^(?:本报|本网|本站|本台|本刊|原创|网络|互联网|转载|整理|综合|未知|不详|此件)|[，。；！？]|\d{4}年"
)


def real_source(ctx: Context, value: str, labelled: bool = False) -> str | None:
    """The value as a source when it names organisations or outlets (several joined by 、), else None.

    A value on a 来源： line of its own (labelled) may also be an office's section (安保科): a short name."""
    from ..places import is_place_word, is_unit_name

    value = value.strip().strip("“”\"'《》").strip()
    value = re.split(r"\s", value, maxsplit=1)[0] if value else ""
    if not value or len(value) > 40 or _NOT_SOURCE.search(value):
        return None
    if _WEB_ADDRESS.match(value):
        return value
    media = header_words(ctx).patterns["media_end"]
    if is_unit_name(value) or media.search(value):
        return value  # one name, 和 inside it (某县住房和城乡建设局) included
    parts = [p.strip("《》") for p in re.split(r"[、，,和及]", value) if p]
    if parts and all(len(p) >= 2 and (is_unit_name(p) or media.search(p)) for p in parts):
        return value
    if labelled and re.fullmatch(_SECTION, value):
        return value
    if labelled and _unit_with_section(value):
        return value
    if labelled and len(value) <= 10 and is_place_word(value):
        return value  # 来源：和平镇 — a township's or county's page cites the place (its government)
    return None


_SECTION = r"[\u4e00-\u9fff]{2,12}(?:科|处|室|股|办|组|队|站|所|部|中心)"


def _unit_with_section(value: str) -> bool:
    """A unit's name, then one of its sections (某市应急管理局危化品监管科, 某县公安局政治处)."""
    from ..places import is_unit_name

    for cut in range(len(value) - 2, 3, -1):
        if is_unit_name(value[:cut]) and re.fullmatch(
            r"[\u4e00-\u9fff]{1,10}(?:科|处|室|股|办|大队|支队|中队|队|站|所|部|中心)", value[cut:]
        ):
            return True
    return False


def _hit(ctx: Context, value: str, start: int, rule: str) -> Found:
    return ctx.hit(ctx.text[start : start + len(value)], start, start + len(value), rule)


def label_line(ctx: Context) -> Found | None:
    """来源：X / 数据来源：X / 来源丨X on a line of its own (in the body, or in a page header or footer),
    or 综合X、Y closing a page."""
    label = header_words(ctx).patterns["source_label"]
    lines = [(ln.start, ln.text) for ln in ctx.layout.lines_of("source")]
    for block in ctx.doc.blocks:
        if block.part != "body":
            for offset, text in _split(ctx.norm, block.span.start, block.span.end):
                lines.append((offset, text))
    lines += _footer_head(ctx)
    for start, raw in lines:
        text = _MARKDOWN.sub("", raw).strip()  # **来源：某局**
        start += raw.find(text) if text else 0
        m = label.match(text) or _MIX.match(text)
        if not m:
            continue
        raw_value = text[m.end() :] if m.re is label else m.group("mix")
        value = real_source(ctx, raw_value, labelled=True) or _account_name(_first_field(raw_value))
        if value:
            at = m.end() if m.re is label else m.start("mix")
            return _hit(ctx, value, start + text.index(value, at), "source.label_line")
    return None


_OTHER_PAGES = re.compile(r"^(?:上一|下一|推荐|相关|延伸|往期|精彩|猜你|热门|热点|点击排行|阅读原文)")


def _footer_head(ctx: Context) -> list[tuple[int, str]]:
    """The first lines under the report where a page's footer begins (供稿：某所 / 编辑：某某 / 来源：某局),
    up to the links to other pages, whose 来源 lines are not this report's."""
    out = []
    for offset, text in _split(ctx.norm, ctx.content_end, ctx.body_end)[:4]:
        if _OTHER_PAGES.match(text):
            break
        out.append((offset, text))
    return out


def _first_field(value: str) -> str:
    """The value before the next label on the line (来源：青山公安 作者：王磊 → 青山公安)."""
    parts = value.split()
    if len(parts) > 1 and re.match(r"[\u4e00-\u9fff]{1,6}\s*[：:|丨]", parts[1]):
        return parts[0]
    return value


def _account_name(value: str) -> str | None:
    """On a 来源 line of its own, one short name is the source even when it is no organ's or outlet's
    (a WeChat account: 来源丨青石检察)."""
    value = value.strip()
    if re.fullmatch(r"[\u4e00-\u9fff]{2,12}", value) and not _NOT_SOURCE.search(value):
        return value
    return None


def _split(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The stripped lines of text[start:end] with their offsets."""
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((pos + raw.index(stripped), stripped))
        pos += len(raw) + 1
    return out


def publication_line(ctx: Context) -> Found | None:
    """The 来源： half of the publication line (2011年09月27 来源：www.example.com)."""
    for ln, kind in zip(ctx.layout.lines, ctx.layout.kinds, strict=True):
        if kind != "publication":
            continue
        from ..layout import publication_of

        pub = publication_of(ln, header_words(ctx))
        if pub is not None and pub.source is not None:
            value = real_source(ctx, pub.source[0], labelled=True)
            if value:
                return _hit(ctx, value, pub.source[1], "source.publication_line")
    return None


def inline_label(ctx: Context) -> Found | None:
    """（来源：X） inside a line of the report."""
    inline = header_words(ctx).patterns["source_inline"]
    for ln in ctx.layout.lines:
        for m in inline.finditer(ln.text):
            value = real_source(ctx, m.group("src"))
            if value:
                return _hit(ctx, value, ln.start + m.start("src"), "source.inline_label")
    return None


def closing_attribution(ctx: Context) -> Found | None:
    """（X） or （X 某年某月某日） closing the report, where X names a unit or an outlet (the layout has marked
    that line as a source line)."""
    from ..layout import CLOSING_ATTRIBUTION

    for ln in reversed(ctx.layout.lines_of("source")):
        m = CLOSING_ATTRIBUTION.match(ln.text)
        if m is None:
            continue
        group = "src" if m.group("src") is not None else "plain"
        value = real_source(ctx, m.group(group), labelled=True)
        if value:
            return _hit(ctx, value, ln.start + m.start(group), "source.closing_attribution")
    return None


def agency_dateline(ctx: Context) -> Found | None:
    """新华社北京1月20日电 → 新华社; 天山网讯 → 天山网 (本报…电 is the paper itself: no source)."""
    for ln in ctx.layout.lines[:8]:
        if ln.start < ctx.body_start:
            continue
        m = _AGENCY_DATELINE.match(ctx.norm, ln.start, ln.end)
        if m:
            return ctx.hit(
                ctx.text[m.start("src") : m.end("src")],
                m.start("src"),
                m.end("src"),
                "source.agency_dateline",
            )
    return None


def paper_message(ctx: Context) -> Found | None:
    """《X日报》消息：… at the start of the body → X日报."""
    for ln in ctx.layout.lines[:8]:
        if ln.start < ctx.body_start:
            continue
        m = _PAPER_MESSAGE.match(ln.text)
        if m and real_source(ctx, m.group("src")):
            return _hit(ctx, m.group("src"), ln.start + m.start("src"), "source.paper_message")
        break
    return None


def site_name(ctx: Context) -> Found | None:
    """The 网站名 a page title carries after its headline (标题_都市快报 → 都市快报)."""
    site = ctx.layout.site_name
    if site is None or real_source(ctx, site[0]) is None:
        return None
    return _hit(ctx, site[0], site[1], "source.site_name")


STRATEGIES: tuple[Callable[[Context], Found | None], ...] = (
    label_line,
    publication_line,
    inline_label,
    closing_attribution,
    agency_dateline,
    paper_message,
    site_name,
)


def find_source(ctx: Context) -> list[Found]:
    for strategy in STRATEGIES:
        found = strategy(ctx)
        if found is not None:
            return [found]
    return []
