"""The end of a document: its 署名 and 成文日期, and whether a signed text is a formal 公文 (its date is then
the 成文日期, not the page's publication date nor a day in its text)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dates import find_dates
from .header_words import _alt

if TYPE_CHECKING:
    from .header_words import HeaderWords
    from .layout import Layout

_PLACEHOLDER_DATE = re.compile(
    r"^(?:(?:19|20)\d{2}|20××|[〇零○一二三四五六七八九]{4}|\s*)\s*年\s*[\d×一二三四五六七八九十\s]{0,4}月\s*[\d×一二三四五六七八九十\s]{0,4}日$"
)


def _mark_end_matter(layout: Layout) -> None:
    """署名 and 成文日期 at the end of a document (a notice, a 公文, a report signed by its unit)."""
    from .places import is_unit_name

    lines, kinds = layout.lines, layout.kinds
    texts = [i for i in range(len(lines)) if kinds[i] in ("text", "publication") and not lines[i].cell]
    for i in texts[-6:]:
        if lines[i].start < layout.body_start or i < len(lines) // 2:
            continue
        t = re.sub(r"\s+", "", lines[i].text)
        if len(t) > 30:
            continue
        dates = find_dates(t)
        full = [d for d in dates if d.kind in ("full", "iso")]
        signed_here = (
            bool(full)
            and full[0].end >= len(t) - 1
            and t[0] not in "（("
            and is_unit_name(t[: full[0].start])
        )
        if signed_here:
            kinds[i] = "sign_date"  # 署名 and 成文日期 on one line (某县人民政府办公室　　2024年6月3日)
        elif (full and len(t) <= full[0].end - full[0].start + 2) or _PLACEHOLDER_DATE.match(lines[i].text):
            kinds[i] = "sign_date"
            j = i - 1
            while j >= 0 and kinds[j] in ("markup", "attachment"):
                j -= 1
            if j >= 0 and kinds[j] == "text":
                above = lines[j].text
                if (
                    len(above) <= 40
                    and not re.search(r"[，。；：！？]", above)
                    and is_unit_name(above.split()[-1])
                ):
                    kinds[j] = "signature"


def _mark_addressed_notice(layout: Layout, words: HeaderWords) -> None:
    """A 公文 reproduced on a web page or in a file without a 关于… title or 红头 (某季度…情况通报): it is
    still addressed (主送机关 各乡镇、县直各单位： under the headline) or titled by its kind (…情况通报,
    …工作总结), and signed (署名 and 成文日期 at the end). Together these make it a formal document: its
    date is the 成文日期, not the page's nor a day in its text."""
    if layout.formal:
        return
    kinds = layout.kinds
    title = layout.title[2] if layout.title else ""
    # …情况通报, …工作总结: a document's kind; 某县发布…状况报告 is news about a document
    addressed = "addressee" in kinds[:10] or bool(
        _FORMAL_KIND_END.search(title) and not re.search(_alt(words.announce_verbs), title)
    )
    signed = any(k == "sign_date" for k in kinds) and "signature" in kinds
    if addressed and signed:
        layout.formal = True


# the kinds of document that are issued, not reported on (a headline rarely ends with them)
_FORMAL_KIND_END = re.compile(r"(?:通报|通知|通告|公告|决定|意见|请示|报告|批复|纪要|总结|方案|要点)$")
