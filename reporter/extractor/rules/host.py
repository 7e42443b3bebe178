"""host: the person who chaired the reported meeting, name only.

Reports write the chair after the meeting (会议由某职务某某主持), before 主持 (某某主持召开…, 某某主持会议)
or after a label (主持会议的某职务某某, 会议主持人某某).
"""

from __future__ import annotations

import re

from ...model import Found
from ..context import Context
from . import rule
from .people import find_people

_HOST_AFTER = re.compile(
    r"^(?:同志)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午|晚)?(?:在[^，。；]{1,20})?主持(?!人)"
)
_HOST_BEFORE = re.compile(r"(?:主持会议的|会议主持人|主持人为?|主持人[：:])$")


@rule("host")
def host(ctx: Context) -> list[Found]:
    """The person who chaired it: 会议由…NAME主持, NAME主持召开, 主持会议的…NAME."""
    for hit in find_people(ctx):
        tail_start = max(hit.name_span.end, hit.title_span.end)
        after = ctx.norm[tail_start : tail_start + 24]
        head_start = min(hit.name_span.start, hit.title_span.start)
        before = ctx.norm[max(0, head_start - 8) : head_start]
        end = hit.name_span.end
        if (
            tail_start == end
            and len(hit.name) == 2
            and after[:1] in "和与及"
            and _HOST_AFTER.match(after[1:])
        ):
            # 某某和主持会议: no second name follows the 和, so it is the name's own last character
            end += 1
        elif not (_HOST_AFTER.match(after) or _HOST_BEFORE.search(before)):
            continue
        return [ctx.hit(ctx.text[hit.name_span.start : end], hit.name_span.start, end, "host.chaired")]
    return _name_ends_in_conjunction(ctx)


# a post's last character, a surname and one character, then 和/与/及 and 主持: 厅长王和主持会议, 县长李与主持
_POST_NAME_CHAIR = re.compile(
    r"(?<=[长记任员委理官监席])(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff]?[和与及])(?:同志)?主持(?!人)"
)


def _name_ends_in_conjunction(ctx: Context) -> list[Found]:
    """A chair whose name ends in a character that is also a conjunction, which the people finder reads as
    the conjunction (副省长、某厅厅长王和主持会议) → host.name_ends_in_conjunction, right after the post."""
    from ..entities import is_surname_at
    from .meeting import _first

    for m in _first(ctx, _POST_NAME_CHAIR, lines=10):
        name = m["name"]
        if len(name) >= 2 and is_surname_at(ctx.norm, m.start("name")):
            return [
                ctx.hit(
                    ctx.text[m.start("name") : m.end("name")],
                    m.start("name"),
                    m.end("name"),
                    "host.name_ends_in_conjunction",
                )
            ]
    return []
