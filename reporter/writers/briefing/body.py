"""The default body of the briefing: 一、总体情况 二、主要数据 三、各单位动态 四、工作要求.

A section switched off in schema.toml (briefing = false for metrics or tasks) is left out and the others
are numbered on. With evidence, the title, date, unit, summary, each figure and each requirement of a
report carry a Word comment with the sentence it was read from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...model import Found, Record
from ..render import value_text
from .content import Content, Detail, Report, task_text
from .ooxml import BODY, HEADING1, HEADING2, HEADING3, BodyXml, Segment

CN_NUMBERS = "一二三四五六七八九十"
TABLE_WIDTHS = (760, 2700, 1700, 3685)  # twips, 8845 in all: the text width of the default page
NO_INDICATORS = "本期报告中没有可按指标汇总的数据。"
NO_TASKS = "本期报告未列出具体工作要求。"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (section and unit numbers); from 100 on, 100."""
    if n >= 100:
        return str(n)
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def evidence_note(label: str, shown: str, found: Found, record: Record) -> str:
    """The text of an evidence comment: the value as shown, the sentence with the value in 【】, the file."""
    return f"{label}：{shown}\n原文：{found.evidence.marked()}\n文件：{record.path.name}"


class BodyBuilder:
    def __init__(
        self, content: Content, styles: Mapping[str, str], comment: Callable[[str], int] | None = None
    ):
        self.content = content
        self.styles = styles
        self.comment = comment

    def _seg(self, text: str, label: str, found: Found | None, detail: Detail | None) -> Segment:
        if self.comment is None or found is None or detail is None:
            return text
        return (text, evidence_note(label, text, found, detail.record))

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

    def report(self, out: BodyXml, n: int, report: Report) -> None:
        rec = self.content
        # the record is read again (records may be on disk) only for the evidence comments
        detail = report.detail() if self.comment is not None else None
        title = self._seg(report.title, "标题", detail and detail.title_found, detail)
        heading: list[Segment] = [f"{n}. ", title]
        if report.date:
            heading += ["（", self._seg(report.date, "日期", detail and detail.date_found, detail), "）"]
        out.paragraph(HEADING3, *heading)
        if report.summary is not None:
            out.paragraph(BODY, self._seg(report.summary, "摘要", detail and detail.summary, detail))
        if report.metrics:
            segments: list[Segment] = [f"{rec.metrics_label}："]
            for i, value in enumerate(report.metrics):
                if i:
                    segments.append("；")
                found = detail.metrics[i] if detail is not None else None
                segments.append(self._seg(value_text(value), rec.metrics_label, found, detail))
            segments.append("。")
            out.paragraph(BODY, *segments)

    def xml(self) -> str:
        c = self.content
        out = BodyXml(self.styles, self.comment)
        sections = (
            ["总体情况"]
            + (["主要数据"] if c.show_metrics else [])
            + ["各单位动态"]
            + (["工作要求"] if c.show_tasks else [])
        )
        number = {name: cn_number(i) for i, name in enumerate(sections, 1)}

        out.paragraph(HEADING1, f"{number['总体情况']}、总体情况")
        out.paragraph(BODY, c.overview)

        if c.show_metrics:
            out.paragraph(HEADING1, f"{number['主要数据']}、主要数据")
            if c.indicators:
                out.paragraph(
                    BODY,
                    f"本期报告中可按指标汇总的{c.metrics_label}共{len(c.indicators)}项，"
                    "合计及各单位情况如下表。",
                )
            self.table(out)

        out.paragraph(HEADING1, f"{number['各单位动态']}、各单位动态")
        for i, (unit, reports) in enumerate(c.units, 1):
            first = reports[0].detail() if self.comment is not None else None
            unit_seg = self._seg(unit, "单位", first and first.unit_found, first)
            out.paragraph(HEADING2, f"（{cn_number(i)}）", unit_seg)
            for n, report in enumerate(reports, 1):
                self.report(out, n, report)

        if c.show_tasks:
            out.paragraph(HEADING1, f"{number['工作要求']}、{c.tasks_label}")
            task_reports = c.task_reports
            if not task_reports:
                out.paragraph(BODY, NO_TASKS)
            for i, report in enumerate(task_reports, 1):
                out.paragraph(HEADING2, f"（{cn_number(i)}）", report.title, f"（{report.unit}）")
                detail = report.detail() if self.comment is not None else None
                for n, text in enumerate(report.tasks, 1):
                    found = detail.tasks[n - 1] if detail is not None else None
                    out.paragraph(BODY, self._seg(task_text(text, n), c.tasks_label, found, detail))
        return out.xml()
