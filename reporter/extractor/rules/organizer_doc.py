"""organizer from where the news came from and from a formal document's own parts: the unit a reporter
heard it from (记者从某局获悉, 据某局通报), the issuer written before 关于 in a document's title, and the
unit on its signature line (落款)."""

from __future__ import annotations

import re

from ..context import Context
from ..places import find_units

_INFORMED = re.compile(r"(?:获悉|了解到|通报|介绍|消息|统计|发布|召开的[^，。]{0,40}?上获悉)")


# 从/据/经 + the unit; not 根据/依据 (a document followed) nor 数据/证据
_FROM = re.compile(r"从|(?<![根依按数证])据|(?<![已曾])经")


def _informant(ctx: Context):
    """记者从 ORG 获悉, 据 ORG 通报: the unit that gave the news is whose work it reports."""
    from .meeting import _first

    for m in _first(ctx, _FROM, lines=8):
        org = next(((s, e) for s, e in find_units(ctx) if s == m.end()), None)
        if org is None:
            continue
        s, e = org
        e = _joint_end(ctx, e)
        clause_end = min((ctx.norm.find(c, e) % (len(ctx.norm) + 1) for c in "，。；\n"), default=e)
        if _INFORMED.search(ctx.norm, e, min(clause_end + 1, e + 60)):
            return (ctx.text[s : org[1]], s, org[1], "organizer.informant")
    return None


def _joint_end(ctx: Context, end: int) -> int:
    """Past units named jointly after the first (某省政府新闻办、省水利厅联合召开)."""
    units = find_units(ctx)
    while ctx.norm[end : end + 1] in ("、", "和", "与", "及"):
        nxt = next((e for s, e in units if s == end + 1), None)
        if nxt is None:
            break
        end = nxt
    return end


_DOC_TYPE = re.compile(
    r"关于[^，。]{2,60}的(?:情况|紧急|补充|有关情况|专项|工作)?(?:通知|通报|意见|方案|报告|决定|函|请示|批复|公告|通告|规定|办法|细则|"
    r"工作要点|实施方案|工作方案)$"
)


def _issuer(ctx: Context):
    """An official document's issuing unit: 青山县应急管理局关于做好…的通知 → 青山县应急管理局."""
    title = ctx.found.get("title") or []
    if not title:
        return None
    span = title[0].evidence.span
    head = ctx.norm[span.start : span.end]
    m = re.search(r"关于", head)
    if not m or not _DOC_TYPE.search(head):
        return None
    units = [u for u in find_units(ctx, span.start, span.start + m.start()) if u[1] == span.start + m.start()]
    if units:
        s, e = units[0]
        return (ctx.text[s:e], s, e, "organizer.issuer")
    return None
