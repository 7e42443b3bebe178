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
        if _HOST_AFTER.match(after) or _HOST_BEFORE.search(before):
            return [ctx.hit(hit.name, hit.name_span.start, hit.name_span.end, "host.chaired")]
    return []
