"""The default body of the briefing: one sentence on the issue, then the items, grouped.

    本期收录报告12份，涉及5个单位，时间为2024年6月1日至6月30日。
    一、赤峰市公安局                                  (一级标题: the unit, or the theme)
    （一）赤峰市公安局召开扫黑除恶专项斗争现场推进会      (二级标题: the item's heading)
    2019年1月4日，赤峰市公安局在敖汉旗…。摸排线索1142条，…。会议要求，…。   (简报正文)

With evidence, the heading, the lead, each figure and the requirement sentence carry a Word comment with
the sentence they were read from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .content import Content
from .item import Item
from .ooxml import BODY, HEADING1, HEADING2, BodyXml, Segment

CN_NUMBERS = "一二三四五六七八九十"
TABLE_WIDTHS = (760, 2700, 1700, 3685)  # twips, 8845 in all: the text width of the default page
NO_INDICATORS = "本期报告中没有可按指标汇总的数据。"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (section and item numbers); from 100 on, 100."""
    if n >= 100:
        return str(n)
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def item_segments(item: Item, with_notes: bool) -> list[Segment]:
    """The item's paragraph as runs, each part with its evidence note when asked."""

    def seg(text: str, key: str) -> Segment:
        note = item.notes.get(key, "") if with_notes else ""
        return (text, note) if note else text

    out: list[Segment] = []
    if item.lead:
        out.append(seg(item.lead, "lead"))
    for i, figure in enumerate(item.figures):
        out.append(seg(figure, f"figure{i}"))
        out.append("，" if i < len(item.figures) - 1 else "。")
    if item.requirement:
        out.append(seg(item.requirement, "requirement"))
    return out


class BodyBuilder:
    def __init__(
        self, content: Content, styles: Mapping[str, str], comment: Callable[[str], int] | None = None
    ):
        self.content = content
        self.styles = styles
        self.comment = comment

    def table(self, out: BodyXml) -> None:
        rows = self.content.indicators
        if not rows:
            out.paragraph(BODY, NO_INDICATORS)
            return
        out.table(
            TABLE_WIDTHS,
            ("序号", "指标", "合计", "其中（按单位）"),
            ((str(i), row.indicator, row.total_text, row.by_unit_text) for i, row in enumerate(rows, 1)),
            align=("center", "left", "center", "left"),
        )

    def table_xml(self) -> str:
        out = BodyXml(self.styles, self.comment)
        self.table(out)
        return out.xml()

    def item(self, out: BodyXml, n: int, item: Item) -> None:
        notes = self.comment is not None
        note = item.notes.get("heading", "") if notes else ""
        heading: Segment = (item.heading, note) if note else item.heading
        out.paragraph(HEADING2, f"（{cn_number(n)}）", heading)
        segments = item_segments(item, notes)
        if segments:
            out.paragraph(BODY, *segments)

    def xml(self) -> str:
        c = self.content
        out = BodyXml(self.styles, self.comment)
        out.paragraph(BODY, c.overview)
        for i, (group, items) in enumerate(c.groups, 1):
            out.paragraph(HEADING1, f"{cn_number(i)}、{group}")
            for n, item in enumerate(items, 1):
                self.item(out, n, item)
        return out.xml()
