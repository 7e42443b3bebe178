"""One unit written short and in full in the same report (县安委办 / 某县安全生产委员会办公室).

Reports name their own units short once the full name is known (or before it, in a headline): the place is
left out (县检察院 for 某县人民检察院, the county being the report's own) and the organ is written in its common
short form (市场监管局 for 市场监督管理局). The pairs of short and full organ words are data
(templates/org_words.txt, 简称); the place left out is read from the full name found in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .context import Context
from .lexicon import load_lexicon
from .places import find_units

# a name's own place at its start: 湘南县 of 湘南县市场监管局, or a bare level word (县 of 县安委办)
_HEAD = re.compile(r"^(?:[省市县区旗]|[\u4e00-\u9fff]{1,6}?[省市县区旗州盟])")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}[省市县区旗州盟]$")


@lru_cache(maxsize=8)
def _pairs(path: str | None) -> tuple[tuple[str, str], ...]:
    """The "简称 简称 全称" lines of templates/org_words.txt, longest short form first."""
    out: list[tuple[str, str]] = []
    if path is not None:
        for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) >= 3 and parts[1] == "简称" and parts[0] != parts[2]:
                out.append((parts[0], parts[2]))
    return tuple(sorted(out, key=lambda p: len(p[0]), reverse=True))


def short_pairs(ctx: Context) -> tuple[tuple[str, str], ...]:
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon(None)
    path = getattr(lexicon, "org_words", None)
    return _pairs(str(path) if path else None)


def _bodies(ctx: Context, body: str) -> set[str]:
    """The organ part as written and with its short organ word written in full."""
    out = {body}
    for short, full in short_pairs(ctx):
        if body.endswith(short):
            out.add(body[: len(body) - len(short)] + full)
    return out


def same_unit(ctx: Context, short: str, full: str) -> bool:
    """Whether `full` is `short` written out: the level word given its place (县 → 南关县), the organ word
    in full (安委办 → 安全生产委员会办公室), or both."""
    if len(full) <= len(short) or not short:
        return False
    m = _HEAD.match(short)
    heads = [m.group(), ""] if m and len(m.group()) == 1 else [m.group() if m else ""]
    # 市场监管局: 市 may be the level word or the organ's own first character (市场监督管理局)
    return any(_same_body(ctx, head, short[len(head) :], full) for head in heads)


def _same_body(ctx: Context, head: str, body: str, full: str) -> bool:
    if len(body) < 2:
        return False
    for b in _bodies(ctx, body):
        if not full.endswith(b):
            continue
        place = full[: len(full) - len(b)]
        if len(head) > 1:
            if place == head:
                return True  # 湘南县市场监管局 → 湘南县市场监督管理局
        elif head:
            if place.endswith(head) and _PLACE.match(place):
                return True  # 县安委办 → 南关县安全生产委员会办公室
        elif place and _PLACE.match(place):
            return True  # 城管局 → 云阳县城市管理局
        if not place and b != body:
            return True  # 政数局 → 政务服务数据管理局
    return False


def fullest_form(ctx: Context, short: str) -> tuple[int, int] | None:
    """The first span of the longest name of the report that writes `short` out in full, if any."""
    best: tuple[int, int] | None = None
    for s, e in find_units(ctx):
        if same_unit(ctx, short, ctx.norm[s:e]) and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return best
