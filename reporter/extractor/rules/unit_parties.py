"""units: the parties of an agreement (…与区委、区政府签订…, 某园区、某开发区与某某签订…): every party took part;
and a place whose official speaks for its work (某镇相关负责人说)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..context import Context
from .unit_filters import _opens_a_clause
from .unit_lists import _BARE_GOVERNMENT, _GENERIC_TOWN, _has_head, _looks_like_place, _organ_len

if TYPE_CHECKING:
    from .units import _Units

_CLAUSE_END = "，。；：！？\n"


# the other party of an agreement: …与区委、区政府签订了《…》
_SIGNED_WITH = re.compile(
    r"与(?P<items>[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12}){0,5})(?:共同)?(?:签订|签署)"
)


def signers(ctx: Context, found: _Units) -> None:
    """与区委、区政府签订…: the party signing with the others took part, its own leadership too (units.signer)."""
    for m in _SIGNED_WITH.finditer(ctx.norm, 0, ctx.content_end):
        pos = m.start("items")
        for item in m["items"].split("、"):
            if _BARE_GOVERNMENT.match(item) or (
                _organ_len(ctx, item) and len(item) >= 3 and _has_head(ctx, pos, pos + len(item))
            ):
                found.add(ctx.text[pos : pos + len(item)], pos, pos + len(item), "units.signer")
            pos += len(item) + 1
        _first_parties(ctx, found, m.start())


_GENERIC_PARTY = re.compile(r"各|^(?:有关|相关|全)|^(?:镇|乡|街道|乡镇|镇街|村|社区)$")


def _first_parties(ctx: Context, found: _Units, end: int) -> None:
    """某工业园区、某经济开发区与区委、区政府签订…: the parties listed before 与 sign too — every item that
    is a named body or a named zone or place (four characters or more); 各镇、街道 are every township."""
    text = ctx.norm
    start = max(text.rfind(c, 0, end) for c in _CLAUSE_END) + 1
    pos = start
    for item in text[start:end].split("、"):
        a, b = pos, pos + len(item)
        pos = b + 1
        if len(item) < 4 or len(item) > 16 or _GENERIC_PARTY.search(item) or not _CJK_ONLY.fullmatch(item):
            continue
        if (_organ_len(ctx, item) >= 2 and not _opens_a_clause(ctx, a)) or (
            _looks_like_place(item) and not _opens_a_clause(ctx, a)
        ):
            found.add(ctx.text[a:b], a, b, "units.signer")


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


# a place whose official speaks for its work: 某镇相关负责人说, 某县有关负责同志介绍
_PLACE_SPEAKER = re.compile(r"(?:相关|有关|主要)?(?:负责人|负责同志)(?:介绍|表示|说|坦言|告诉记者)")


def place_speakers(ctx: Context, found: _Units) -> None:
    """某镇相关负责人说 → 某镇: the place took part through its official (units.place_speaker)."""
    from ..orgs import place_chains

    for chain in place_chains(ctx):
        end = chain.township_end or chain.end
        if _PLACE_SPEAKER.match(ctx.norm, end):
            found.add(ctx.text[chain.start : end], chain.start, end, "units.place_speaker")
    # a township or village the division table lacks, written whole after a boundary (石桥镇相关负责人说)
    text = ctx.norm
    for anchor in _SPEAKER_ANCHOR.finditer(text, 0, ctx.content_end):
        start = (
            anchor.start() - 2
            if text[anchor.start() - 2 : anchor.start()] in _SPEAKER_WORDS
            else anchor.start()
        )
        m = _PLACE_SPEAKER.match(text, start)
        if m is None:
            continue
        town = _TOWN_BEFORE.search(ctx.norm, max(0, m.start() - 8), m.start())
        if town and not _GENERIC_TOWN.search(town["town"]):
            found.add(
                ctx.text[town.start("town") : m.start()], town.start("town"), m.start(), "units.place_speaker"
            )


_SPEAKER_ANCHOR = re.compile(r"负责人|负责同志")
_SPEAKER_WORDS = ("相关", "有关", "主要")
_TOWN_BEFORE = re.compile(r"(?:^|[，。、；：！？“”\n])(?P<town>[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道|社区|村))$")
