"""The Word briefing (简报): one section per report."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model import Record
from ..schema import Schema
from .atomic import write_atomic
from .render import field_text


def write_briefing(records: Sequence[Record], schema: Schema, out: Path,
                   templates: Path | str | None = None) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("工作简报", level=0)
    doc.add_paragraph(f"本期收录报告 {len(records)} 份。")
    for n, record in enumerate(records, 1):
        doc.add_heading(f"{n}. {record.value('title') or record.path.stem}", level=1)
        for spec in schema.fields:
            if not spec.briefing or spec.key == "title":
                continue
            text = field_text(record, spec, sep="；")
            if text:
                doc.add_paragraph(f"{spec.header}：{text}")
    write_atomic(out, lambda tmp: doc.save(str(tmp)))
    return out
