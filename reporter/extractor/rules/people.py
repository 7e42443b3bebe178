"""people (出席领导): every named person whose post the report states, with the post as written.

Two shapes, both anchored on a post from templates/posts.txt:

- post before name, posts chained with 、:  市政府副市长、市公安局局长于海 → 于海 · 市政府副市长、市公安局局长
- name before post, the unit before the name: 市委政法委崔万新科长 → 崔万新 · 市委政法委科长

A person appears once, with the fullest post found. Left out: reporters and correspondents in bylines
(记者、通讯员), leaders only cited as the source of guidance (贯彻…总书记重要指示精神), anonymised names
(张某, 侯××), and names with no post (王琰同志).
"""

from __future__ import annotations

import re

from ...model import Found, Person, Span
from ..context import Context
from ..entities import PersonHit, name_after, name_before, post_regex, unit_start
from . import rule

_BYLINE = re.compile(
    r"[（(]\s*(?:本报)?(?:记者|通讯员|特约记者|见习记者|实习生)[^）)]{0,40}[）)]|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*(?:报道|摄)?"
)
_GUIDANCE_BEFORE = re.compile(r"(?:贯彻|学习|践行|落实|遵循|按照|根据|领会|宣讲|深入学习)[^，。；]{0,12}$")
_GUIDANCE_AFTER = re.compile(
    r"^(?:同志)?(?:总书记)?(?:的)?(?:重要|系列)?(?:指示|批示|讲话|论述|思想|精神|要求|部署)"
)
_GENERIC_AFTER_POST = re.compile(r"们|共|有|等|队伍|制度|工作|岗位|身份|职务|职责|人员|群体")
_PSEUDONYM_NEAR = re.compile(r"[（(]化名[）)]")
_NOT_TITLE = ("记者", "通讯员", "实习生", "编辑", "摄影")


def _post_ending_at(text: str, end: int, posts: frozenset[str], longest: int) -> int | None:
    for length in range(min(longest, end), 0, -1):
        if text[end - length : end] in posts:
            return end - length
    return None


def find_people(ctx: Context) -> list[PersonHit]:
    """Every (name, post) pair in the report body, in text order (duplicates kept)."""
    if ctx.lexicon is None or not ctx.lexicon.posts:
        return []
    cached = ctx.__dict__.get("_people_hits")
    if cached is not None:
        return cached
    text = ctx.norm
    end_limit = ctx.content_end
    posts = frozenset(ctx.lexicon.posts)
    longest = max(len(p) for p in posts)
    bylines = [m.span() for m in _BYLINE.finditer(text, 0, end_limit)]
    hits: list[PersonHit] = []
    ends = frozenset(ctx.word_ends)
    starts = frozenset(ctx.word_starts)

    def token_end(pos: int) -> bool:
        return pos in ends

    for m in post_regex(ctx.lexicon.posts).finditer(text, 0, end_limit):
        if any(a <= m.start() < b for a, b in bylines):
            continue
        after = name_after(text, m.end(), token_end)
        if after is not None:
            start = unit_start(ctx, m.start())
            while start > 0 and text[start - 1] == "、":
                prev = _post_ending_at(text, start - 1, posts, longest)
                if prev is None:
                    break
                start = unit_start(ctx, prev)
            title = ctx.text[start : m.end()].strip()
            hits.append(PersonHit(ctx.text[after[0] : after[1]], title, Span(*after), Span(start, m.end())))
            continue
        if _GENERIC_AFTER_POST.match(text, m.end()):
            continue  # the post as a common noun: 监督员共有…, 民警们
        before = name_before(text, m.start(), max(0, m.start() - 4))
        if before is not None and before[0] in starts and not _PSEUDONYM_NEAR.match(text, m.end()):
            org_start = unit_start(ctx, before[0])
            title = (ctx.text[org_start : before[0]] + ctx.text[m.start() : m.end()]).strip()
            hits.append(
                PersonHit(ctx.text[before[0] : before[1]], title, Span(*before), Span(org_start, m.end()))
            )
    hits = _share_unit(ctx, [h for h in hits if _keep(ctx, h)])
    ctx.__dict__["_people_hits"] = hits
    return hits


def _share_unit(ctx: Context, hits: list[PersonHit]) -> list[PersonHit]:
    """市政府袁占亭市长、胥波副市长、咸大明副市长: the unit before the first name belongs to the whole list."""
    out: list[PersonHit] = []
    unit = ""
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and hit.title_span.start == hit.name_span.start
            and prev.title_span.end == hit.name_span.start - 1
            and ctx.norm[prev.title_span.end] == "、"
            and prev.name_span.start <= prev.title_span.end
        ):
            if prev.title_span.start < prev.name_span.start:
                unit = ctx.text[prev.title_span.start : prev.name_span.start]
            if unit:
                hit = PersonHit(hit.name, unit + hit.title, hit.name_span, hit.title_span)
        else:
            unit = ""
        out.append(hit)
    return out


def _keep(ctx: Context, hit: PersonHit) -> bool:
    text = ctx.norm
    if any(word in hit.title for word in _NOT_TITLE):
        return False
    sent = ctx.sentence_at(hit.name_span.start)
    before = text[sent.start : min(hit.title_span.start, hit.name_span.start)]
    after = text[hit.name_span.end : min(sent.end, hit.name_span.end + 16)]
    if hit.title_span.end > hit.name_span.end:
        after = text[hit.title_span.end : min(sent.end, hit.title_span.end + 16)]
    if _GUIDANCE_BEFORE.search(before) and _GUIDANCE_AFTER.match(after):
        return False
    return True


@rule("people")
def people(ctx: Context) -> list[Found]:
    """Named people with their posts; one entry per person, with the fullest post."""
    best: dict[str, PersonHit] = {}
    order: list[str] = []
    for hit in find_people(ctx):
        current = best.get(hit.name)
        if current is None:
            order.append(hit.name)
            best[hit.name] = hit
        elif len(hit.title) > len(current.title):
            best[hit.name] = hit
    out = []
    for name in order:
        hit = best[name]
        start = min(hit.name_span.start, hit.title_span.start)
        end = max(hit.name_span.end, hit.title_span.end)
        out.append(ctx.hit(Person(hit.name, hit.title), start, end, "people.post_and_name"))
    return out
