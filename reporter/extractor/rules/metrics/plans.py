"""What a figure is not, by its clause: an agenda item, a plan or target, a requirement (strategies of naming)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...context import Context
    from .naming import Slot


@lru_cache(maxsize=16)
def any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of the words is in it (one search, not one per word)."""
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


def agenda_or_plan(slot: Slot) -> bool:
    """三点要求 / 四个旗县区做了交流发言 (agenda), 力争达到5家 (a target): not results."""
    text = slot.norm[slot.clause.start : slot.clause.end]
    if any_of(slot.words.agenda).search(text):
        return slot.reject("议程")
    before = slot.norm[slot.clauses[0].start if slot.clauses else slot.clause.start : slot.tok.start]
    if any_of(slot.words.plans).search(text) or _target_year(slot, before):
        return slot.reject("计划或目标")
    if _OUGHT.search(slot.norm, slot.clause.start, slot.tok.start):
        return slot.reject("要求")  # 各地要落实3项制度 / 应完成2次演练: what is required, not yet done
    return False


# an obligation before the figure in its clause (要/应/必须 + verb), not 重要, 主要, 应急, 响应 …
_OUGHT = re.compile(
    r"(?<![重主需纲摘提只将紧首])要(?![求素点闻案件害务是])"
    r"|(?<![响反相供适对感效回呼答顺照报因])应(?:当|该)?(?![急用对答诉收届付])|必须"
)


_TARGET_YEAR = re.compile(r"(?:到|至|力争到|争取到)(?P<year>\d{4})年(?:底|末)?")
_REACH = re.compile(r"达到|实现|建成|突破|提升至|提高到|不低于|不少于")


def _target_year(slot: Slot, text: str) -> bool:
    """到2030年达到…: a value set for a year after the report's own year (or, when the report's year is
    unknown, a value to be reached by a year) is a target, not a result."""
    found = list(_TARGET_YEAR.finditer(text))  # the last 到…年 before the number, in its sentence
    if not found:
        return False
    m = found[-1]
    date = slot.ctx.value("date") or ""
    year = int(date[:4]) if date[:4].isdigit() else 0
    target = int(m.group("year"))
    if year and target != year:
        return target > year
    # the report's own year (or none known): 到…年达到 is a target, 到…年底已建成 a result
    return bool(_REACH.search(text, m.end())) and not re.search(r"已|累计|共", text[m.end() :])


# an accident told with its toll (造成31人死亡 / 致3人遇难) …
_TOLL = re.compile(r"(?:造成|致使|导致|致)[^。；]{0,12}?(?:死亡|遇难|受伤|失踪)")
# … and then held up as a lesson for this report's readers (教训深刻, 警示, 引以为戒)
_LESSON = re.compile(r"教训|警示|引以为戒|举一反三")
# the report's own place or unit: an accident here is reported, not cited (我区连续发生…)
_OWN = re.compile(r"[我本][省市县区旗镇乡局院]")


def cited_accident(ctx: Context, si: int) -> bool:
    """A sentence telling of an accident elsewhere, cited as a lesson (某地发生爆炸事故，造成31人死亡，教训
    极其深刻。为吸取教训…): its toll is no result of the reported work, so none of its figures is a metric.
    The lesson words stand after the toll in the sentence or open the next one."""
    sent = ctx.sentences[si]
    toll = _TOLL.search(ctx.norm, sent.start, sent.end)
    if toll is None or _OWN.search(ctx.norm, sent.start, toll.start()):
        return False
    if _LESSON.search(ctx.norm, toll.end(), sent.end):
        return True
    if si + 1 < len(ctx.sentences):
        nxt = ctx.sentences[si + 1]
        return _LESSON.search(ctx.norm, nxt.start, min(nxt.end, nxt.start + 16)) is not None
    return False
