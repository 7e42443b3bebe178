"""title: the headline line — not a kicker above it, a subtitle below it, nor any page furniture.

The layout (extractor/layout.py) has already set the furniture apart and chosen among the headline
lines; the strategies here turn its choice into a value, in order:

- heading_style: a Word file's Title/heading-0 paragraph among its first blocks;
- the layout's headline, named after the cue that chose it: title.document_title (a 公文's 关于…的通知),
  title.head_line (one headline line), title.below_kicker / title.above_subtitle / title.middle_of_three
  (a newspaper's kicker, headline and subtitle), title.joined_lines (a headline broken over lines),
  title.site_name_stripped (a web page's 标题_网站名).
"""

from __future__ import annotations

from ...model import Found
from ..context import Context
from ..layout import FURNITURE_KINDS, title_like


def heading_style(ctx: Context) -> Found | None:
    """A Word file's title paragraph (heading level 0) among its first blocks, when it reads as a title."""
    if ctx.layout.title is not None and ctx.layout.title[3] == "title.document_title":
        return None
    blocks = [b for b in ctx.body_blocks if b.span.start < ctx.content_end][:6]
    for b in blocks:
        if b.kind != "heading" or b.level != 0:
            continue
        text = ctx.text[b.span.start : b.span.end].strip()
        if not title_like(text) or _on_furniture(ctx, b.span.start, b.span.end):
            return None
        start = b.span.start + ctx.text[b.span.start : b.span.end].index(text)
        return ctx.hit(text, start, start + len(text), "title.heading_style")
    return None


def _on_furniture(ctx: Context, start: int, end: int) -> bool:
    for ln, kind in zip(ctx.layout.lines, ctx.layout.kinds, strict=True):
        if ln.start < end and start < ln.end and kind in FURNITURE_KINDS:
            return True
    return False


def layout_headline(ctx: Context) -> Found | None:
    """The headline the layout chose, under the name of the cue that chose it."""
    title = ctx.layout.title
    if title is None:
        return None
    start, end, text, rule = title
    if not text:
        return None
    return ctx.hit(text, start, end, rule)


STRATEGIES = (heading_style, layout_headline)


def find_title(ctx: Context) -> list[Found]:
    for strategy in STRATEGIES:
        found = strategy(ctx)
        if found is not None:
            return [found]
    return []
