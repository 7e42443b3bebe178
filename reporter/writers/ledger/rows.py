"""What one report puts in the ledger: its 台账 cells, its 工作数据 rows, and checksums of both.

Every cell the program fills is described by a `Cell`; `Cell.text` is exactly what reading the cell
back gives (numbers and dates as their stored number), so a later run can tell a person's edit from
the program's own value by comparing checksums (`digest`).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...fingerprint import encode
from ...model import Metric, Record
from ...schema import Schema
from ..render import field_text, value_text
from . import styles as st
from .cells import MAX_COMMENT, clean_text, digest, excel_serial, iso_date, number_text
from .config import Column


@dataclass(frozen=True, slots=True)
class Cell:
    value: str | float | int  # text, or a number (dates as Excel serial numbers)
    style: str  # named style
    comment: str = ""
    link: str = ""  # hyperlink target (relative to the ledger's folder, or a file: URL)

    @property
    def is_number(self) -> bool:
        return not isinstance(self.value, str)

    @property
    def text(self) -> str:
        """What the cell reads back as."""
        return self.value if isinstance(self.value, str) else number_text(self.value)


BLANK = Cell("", st.TEXT)


def norm_title(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def title_key(title: str, date: str) -> str:
    """Same title and same date: the first test for a likely repeat."""
    return f"{norm_title(title)}|{date}"


def cell_date_text(value: str | None) -> str:
    """A 日期 cell read back (serial number or text) → the schema's date text (YYYY-MM-DD or as written)."""
    if value is None:
        return ""
    try:
        serial = float(value)
    except ValueError:
        return value.strip()
    from .cells import serial_date

    return serial_date(serial).isoformat() if 1 <= serial < 2958466 else value


def file_link(path: Path, ledger: Path) -> str:
    """The source file as a link the ledger can follow: relative to its folder if possible."""
    source = os.path.abspath(path)
    try:
        rel = os.path.relpath(source, os.path.dirname(os.path.abspath(ledger)))
    except ValueError:  # another drive on Windows
        return Path(source).as_uri()
    return rel.replace(os.sep, "/")


def evidence_comment(record: Record, key: str) -> str:
    """原文 sentences of a field's values, each with the value marked 【】."""
    lines: list[str] = []
    for found in record.fields.get(key, ()):
        sentence = " ".join(found.evidence.marked().split())
        if sentence and sentence not in lines:
            lines.append(sentence)
    if not lines:
        return ""
    text = "原文：" + ("\n".join(lines) if len(lines) == 1 else "\n" + "\n".join(f"· {s}" for s in lines))
    return clean_text(text, MAX_COMMENT)


def date_cell(value: str, flagged: bool) -> Cell:
    day = iso_date(value)
    if day is not None:
        return Cell(excel_serial(day), st.REVIEW_DATE if flagged else st.DATE)
    return Cell(clean_text(value), st.REVIEW if flagged else st.CENTER)


def ledger_cells(
    record: Record,
    columns: list[Column],
    schema: Schema,
    *,
    seq: int,
    now: dt.datetime,
    ledger: Path,
    comments: bool,
) -> dict[str, Cell]:
    """The cells the program fills for one report (keyed by column key); 备注 is left for people."""
    cells: dict[str, Cell] = {}
    flagged_headers: list[str] = []
    reasons: list[str] = []
    for review in record.review:
        header = schema.header(review.field)
        if header not in flagged_headers:
            flagged_headers.append(header)
        reasons.append(f"{header}：{review.reason}")
    for col in columns:
        if col.kind == "seq":
            cells[col.key] = Cell(seq, st.CENTER)
        elif col.kind == "field" and col.spec is not None:
            flagged = record.flagged(col.key)
            if col.spec.kind == "date":
                value = record.value(col.key)
                cell = (
                    date_cell(value_text(value), flagged)
                    if value
                    else Cell("", st.REVIEW if flagged else st.CENTER)
                )
            else:
                cell = Cell(clean_text(field_text(record, col.spec)), st.REVIEW if flagged else st.TEXT)
            if comments and cell.text:
                cell = Cell(cell.value, cell.style, evidence_comment(record, col.key))
            cells[col.key] = cell
        elif col.kind == "file":
            cells[col.key] = Cell(clean_text(record.path.name), st.LINK, link=file_link(record.path, ledger))
        elif col.kind == "time":
            cells[col.key] = Cell(round(excel_serial(now), 8), st.TIME)
        elif col.kind == "review":
            text = "、".join(flagged_headers)
            cells[col.key] = Cell(
                text,
                st.REVIEW if text else st.TEXT,
                comment=clean_text("\n".join(reasons), MAX_COMMENT) if comments and text else "",
            )
        elif col.kind == "note":
            cells[col.key] = BLANK
        elif col.kind == "sha256":
            cells[col.key] = Cell(record.sha256, st.TEXT)
        elif col.kind == "fingerprint":
            cells[col.key] = Cell(encode(record.fingerprint), st.TEXT)
    cells["tool"] = Cell(tool_digests(cells, columns), st.TEXT)
    return cells


def tool_digests(cells: dict[str, Cell], columns: list[Column]) -> str:
    """'date=1a2b3c4d;title=…': checksums of the program's values in the columns --refresh may replace."""
    return ";".join(
        f"{c.key}={digest(cells[c.key].text)}"
        for c in columns
        if c.kind in ("field", "review", "metric") and c.key in cells
    )


def parse_digests(text: str | None) -> dict[str, str]:
    out = {}
    for part in (text or "").split(";"):
        key, sep, value = part.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


# ---------------------------------------------------------------------------------------- 工作数据
def metric_rows(
    record: Record, columns: list[Column], schema: Schema, *, seq: int, ledger_cells_: dict[str, Cell]
) -> list[dict[str, Cell]]:
    """One 工作数据 row per metric of the report."""
    rows = []
    date = ledger_cells_.get("date")
    organizer = value_text(record.value("organizer")) if "organizer" in schema else ""
    for found in record.fields.get("metrics", ()):
        m = found.value
        if not isinstance(m, Metric):
            continue
        cells = {
            "seq": Cell(seq, st.CENTER),
            "date": Cell(date.value, st.DATE if date.is_number else st.CENTER)
            if date and date.text
            else Cell("", st.CENTER),
            "organizer": Cell(clean_text(organizer), st.TEXT),
            "indicator": Cell(clean_text(m.indicator or schema.indicator_for(m.name) or m.name), st.TEXT),
            "name": Cell(clean_text(m.name), st.TEXT),
            "value": Cell(m.value, st.NUMBER),
            "unit": Cell(clean_text(m.unit), st.CENTER),
            "sentence": Cell(clean_text(" ".join(found.evidence.sentence.split())), st.TEXT),
            "sha256": Cell(record.sha256, st.TEXT),
        }
        cells["tool"] = Cell(tool_digests(cells, columns), st.TEXT)
        rows.append(cells)
    return rows
