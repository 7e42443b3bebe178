"""What one report puts in the ledger: its 台账 cells, its 工作数据 rows, and checksums of both.

Every cell the program fills is described by a `Cell`; `Cell.text` is exactly what reading the cell
back gives (numbers and dates as their stored number), so a later run can tell a person's edit from
the program's own value by comparing checksums (`digest`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...fingerprint import encode
from ...model import Metric, Record
from ...schema import Schema
from ..render import field_text, value_text
from . import styles as st
from .cells import (
    MAX_COMMENT,
    clean_text,
    digest,
    excel_serial,
    iso_date,
    number_text,
    text_width,
    wrapped_lines,
)
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
COMMENT_CHARS = 150  # a 批注 holds about this many characters


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


def grouped(value: float) -> str:
    """A figure with thousands separators: 6,610,000,000; 12.5; -3.1."""
    if float(value).is_integer():
        return f"{int(value):,}"
    whole, _, frac = f"{value:.6g}".partition(".")
    if "e" in whole or "e" in frac:
        return f"{value:,.2f}"
    return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else f"{value:.6g}"


def metric_line(m: Metric, money: str = "") -> str:
    """破获电信网络诈骗案件 200,000 起; 追赃挽损 100,000 万元 (money="万元" shows 元 amounts in 万元)."""
    value, unit = m.value, m.unit
    if money == "万元" and unit == "元" and abs(value) >= 10000:
        value, unit = round(value / 10000, 4), "万元"
    if unit in ("%", "‰"):
        return f"{m.name} {grouped(value)}{unit}"
    return f"{m.name} {grouped(value)} {unit}".rstrip()


def clip_marked(sentence: str, limit: int = COMMENT_CHARS) -> str:
    """A marked sentence cut to about `limit` characters around its 【mark】."""
    if len(sentence) <= limit:
        return sentence
    mark = max(0, sentence.find("【"))
    start = max(0, min(mark - limit // 3, len(sentence) - limit))
    out = sentence[start : start + limit]
    return ("…" if start else "") + out + ("…" if start + limit < len(sentence) else "")


def evidence_comment(record: Record, key: str, cell_text: str, flagged: bool) -> str:
    """The 原文 sentence of a value, its value marked 【】, where it helps: for a value not written as it
    stands in the cell (a date or figure normalised, a name with its post) and for a value to check (待核);
    about 150 characters at most, and never only what the cell already says."""
    shown = " ".join(cell_text.split())
    for found in record.fields.get(key, ()):
        sentence = " ".join(found.evidence.sentence.split())
        value = " ".join(value_text(found.value).split())
        if not sentence or sentence == shown or sentence in shown:
            continue
        if flagged or value not in sentence:
            marked = " ".join(found.evidence.marked().split())
            return clean_text("原文：" + clip_marked(marked), MAX_COMMENT)
    return ""


_NO_YEAR = re.compile(r"--(\d{1,2})-(\d{1,2})")


def date_cell(value: str, flagged: bool) -> Cell:
    day = iso_date(value)
    if day is not None:
        return Cell(excel_serial(day), st.REVIEW_DATE if flagged else st.DATE)
    m = _NO_YEAR.fullmatch(value.strip())
    if m:  # a date without its year: as people write it, to be checked
        return Cell(f"{int(m.group(1))}月{int(m.group(2))}日", st.REVIEW)
    return Cell(clean_text(value), st.REVIEW if flagged else st.CENTER)


def year_missing(value: str) -> bool:
    return _NO_YEAR.fullmatch(value.strip()) is not None


@dataclass(frozen=True, slots=True)
class Fit:
    """How much text a 台账 row may hold: the width of each column (Excel units) and the lines allowed."""

    widths: dict[str, float]  # column key → width
    font_size: float
    max_lines: int

    def lines(self, key: str, text: str) -> int:
        return wrapped_lines(text, self.widths.get(key, 8.43), self.font_size)

    def cut(self, key: str, text: str, limit: int | None = None) -> str:
        """The text cut to `limit` lines (max_lines): whole list items and '…等 N 项，…', or a long text
        with '…'."""
        max_lines = limit or self.max_lines
        if key not in self.widths or self.lines(key, text) <= max_lines:
            return text
        items = text.split("\n")
        more = "见工作数据表" if key == "metrics" else "见原文"
        if len(items) > 1:
            kept: list[str] = []
            for item in items:
                tail = f"…等 {len(items)} 项，{more}"
                if self.lines(key, "\n".join([*kept, item, tail])) > max_lines:
                    break
                kept.append(item)
            return "\n".join([*kept, f"…等 {len(items)} 项，{more}"])
        per_line = max(1, int((self.widths[key] * 7.0 - 1) / (self.font_size * 96 / 72 / 2)))
        room = per_line * max_lines - 4
        out, used = [], 0
        for ch in text:
            used += text_width(ch)
            if used > room:
                break
            out.append(ch)
        return "".join(out) + "…"


def ledger_cells(
    record: Record,
    columns: list[Column],
    schema: Schema,
    *,
    seq: int,
    now: dt.datetime,
    ledger: Path,
    comments: bool,
    fit: Fit | None = None,
    money: str = "",
    comment_limit: int = 1,
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
    any_printed = any(c.printed for c in columns)
    no_year = set()
    for col in columns:  # a date without its year is to be checked, whatever the extractor said
        if (
            col.spec is not None
            and col.spec.kind == "date"
            and year_missing(value_text(record.value(col.key)))
        ):
            no_year.add(col.header)
            if col.header not in flagged_headers:
                flagged_headers.append(col.header)
            reasons.append(f"{col.header}：报告没有写年份，请核对")
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
                flagged = flagged or col.header in no_year
            else:
                if col.spec.kind == "list[metric]":
                    metrics = [f.value for f in record.fields.get(col.key, ()) if isinstance(f.value, Metric)]
                    text = clean_text("\n".join(metric_line(m, money) for m in metrics))
                else:
                    text = clean_text(field_text(record, col.spec))
                if fit is not None:
                    text = fit.cut(col.key, text)
                cell = Cell(text, st.REVIEW if flagged else st.TEXT)
            if comments and cell.text and (col.printed or not any_printed):  # 批注 where they print
                cell = Cell(cell.value, cell.style, evidence_comment(record, col.key, cell.text, flagged))
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
                comment=clean_text(clip_marked("\n".join(reasons)), MAX_COMMENT) if comments and text else "",
            )
        elif col.kind == "note":
            cells[col.key] = BLANK
        elif col.kind == "sha256":
            cells[col.key] = Cell(record.sha256, st.TEXT)
        elif col.kind == "fingerprint":
            cells[col.key] = Cell(encode(record.fingerprint), st.TEXT)
    if fit is not None:
        _fit_screen_columns(cells, columns, fit)
    _limit_comments(cells, columns, comment_limit)
    cells["tool"] = Cell(tool_digests(cells, columns), st.TEXT)
    return cells


def _limit_comments(cells: dict[str, Cell], columns: list[Column], limit: int) -> None:
    """A ledger of ten thousand rows must open quickly: the 待核 reasons and the evidence of every value
    to check are kept; of the other 批注 only as many as make `limit` for the row, in column order."""
    flagged = [
        c.key
        for c in columns
        if c.key in cells
        and cells[c.key].comment
        and (c.key == "review" or cells[c.key].style in (st.REVIEW, st.REVIEW_DATE))
    ]
    others = [c.key for c in columns if c.key in cells and cells[c.key].comment and c.key not in flagged]
    for key in others[max(0, limit - len(flagged)) :]:
        c = cells[key]
        cells[key] = Cell(c.value, c.style, "", c.link)


def _fit_screen_columns(cells: dict[str, Cell], columns: list[Column], fit: Fit) -> None:
    """The columns outside the print area get no more lines than the printed ones need (at least
    three), so a long 摘要 on screen does not make the printed row tall."""
    printed = [c for c in columns if c.printed and c.key in cells and not cells[c.key].is_number]
    if not printed:
        return
    lines = max(3, *(fit.lines(c.key, cells[c.key].text) for c in printed))
    for c in columns:
        cell = cells.get(c.key)
        if c.kind == "field" and not c.printed and cell is not None and not cell.is_number:
            cut = fit.cut(c.key, cell.text, lines)
            if cut != cell.text:
                cells[c.key] = Cell(cut, cell.style, cell.comment, cell.link)


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
            "value": Cell(m.value, st.COUNT if float(m.value).is_integer() else st.NUMBER),
            "unit": Cell(clean_text(m.unit), st.CENTER),
            "sentence": Cell(clean_text(" ".join(found.evidence.sentence.split())), st.TEXT),
            "sha256": Cell(record.sha256, st.TEXT),
        }
        cells["tool"] = Cell(tool_digests(cells, columns), st.TEXT)
        rows.append(cells)
    return rows
