"""title, date, source: what the head and the foot of a report say about it.

The strategies live in title.py, dates_rule.py and source.py; the layout they read (headline group,
publication line, 公文 parts, furniture) in extractor/layout.py. This module registers the three fields
and gives the organizer rules the issuing organ of a formal document (organizer_from_document_layout).
"""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from . import rule
from .dates_rule import find_date
from .source import find_source
from .title import find_title


@rule("title")
def title(ctx: Context) -> list[Found]:
    """The headline (see rules/title.py)."""
    return find_title(ctx)


@rule("date")
def date(ctx: Context) -> list[Found]:
    """The day the reported event took place (see rules/dates_rule.py)."""
    return find_date(ctx)


@rule("source")
def source(ctx: Context) -> list[Found]:
    """The attribution (see rules/source.py)."""
    return find_source(ctx)


def _body_start(ctx: Context) -> int:
    """Offset of the first line of the report's body (kept for the rules that import it)."""
    return ctx.body_start


_FILE_WORD = re.compile(r"\s*文\s*件$")


def organizer_from_document_layout(ctx: Context) -> Found | None:
    """The issuing organ of a formal document, read from its layout (GB/T 9704).

    In order: the 红头 (发文机关标志: 某某县人民政府文件 → 某某县人民政府); the organ written before 关于 in
    the title (某某局关于…的通知); the 署名 above the 成文日期 of any signed document (a 公文, a 工作总结,
    a 情况通报); a form's 发布单位/发文单位 field.
    News pages have none of these: the function returns None and the other organizer rules decide.
    """
    from ..places import is_unit_name

    layout = ctx.layout
    for ln in layout.lines_of("issuer_mark"):
        raw = _FILE_WORD.sub("", ln.text)
        name = raw.replace(" ", "")
        if is_unit_name(name):
            return ctx.hit(name, ln.start, ln.start + len(raw), "organizer.document_issuer_mark")
    if layout.formal and layout.title is not None:
        s, _e, text, _rule = layout.title
        i = text.find("关于")
        if i >= 2 and is_unit_name(text[:i]) and ctx.norm[s : s + i] == text[:i]:
            return ctx.hit(ctx.text[s : s + i], s, s + i, "organizer.document_title_issuer")
    # a signed document (公文, 工作总结, 情况通报): the organ above the 成文日期, or before it on its line
    for ln in layout.lines_of("sign_date")[-1:]:
        name = re.split(r"\s*(?:19|20)\d{2}\s*年", ln.text)[0].strip()
        if len(name) < len(ln.text) and name and is_unit_name(name) and not layout.lines_of("signature"):
            return ctx.hit(
                ctx.text[ln.start : ln.start + len(name)],
                ln.start,
                ln.start + len(name),
                "organizer.document_signature",
            )
    if layout.lines_of("sign_date"):
        for ln in layout.lines_of("signature"):
            name = ln.text.split()[-1]
            start = ln.start + ln.text.rindex(name)
            return ctx.hit(
                ctx.text[start : start + len(name)], start, start + len(name), "organizer.document_signature"
            )
    from ..layout import header_words

    for label in header_words(ctx).issuer_labels:
        field = layout.form_fields.get(label)
        if field and is_unit_name(field[0]):
            return ctx.hit(
                ctx.text[field[1] : field[1] + len(field[0])],
                field[1],
                field[1] + len(field[0]),
                "organizer.form_issuer_field",
            )
    return None
