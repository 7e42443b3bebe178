"""What the ledger looks like: templates/ledger.toml (title, fonts, colours) and the columns of each sheet.

Columns are found again in an existing ledger by their header text, so people may insert, move or add
columns; the hidden columns (SHA-256, text fingerprint, the tool's own values) carry fixed headers.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ...errors import TemplateError, file_error
from ...schema import FieldSpec, Schema
from ...templates import find_template

LEDGER_SHEET = "台账"
METRICS_SHEET = "工作数据"
SUMMARY_SHEET = "统计汇总"
PROBLEMS_SHEET = "处理异常"

# hidden columns: the program finds its own data by these headers; people should leave them alone
SHA_HEADER = "SHA-256（程序用）"
FINGERPRINT_HEADER = "文本指纹（程序用）"
TOOL_HEADER = "原值校验（程序用）"
# the hidden SHA-256 cell of the signature block's row (填报人、审核人、填报日期): finds the block again, and
# tells every reader of the SHA-256 column that this row is not a report
SIGNATURE_MARK = "签字栏（程序用）"

ColumnKind = Literal[
    "seq", "field", "file", "time", "review", "note", "sha256", "fingerprint", "tool", "metric"
]


# the columns a clerk signs: printed, in this order, on the left (headers or field keys)
DEFAULT_PRINT = (
    "seq",  # 序号
    "date",  # 日期
    "organizer",  # 主办单位
    "title",  # 标题
    "event",  # 会议/活动
    "location",  # 地点
    "people",  # 出席领导
    "metrics",  # 工作数据
    "tasks",  # 工作要求
    "review",  # 待核
    "note",  # 备注
)
MONEY_UNITS = ("万元", "")


DEFAULT_COLUMNS = {"seq": "序号", "file": "文件", "time": "处理时间", "review": "待核", "note": "备注"}


@dataclass(frozen=True, slots=True)
class Fonts:
    title: str = "宋体"
    header: str = "宋体"
    body: str = "仿宋"
    title_size: float = 18
    header_size: float = 11
    body_size: float = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerConfig:
    title: str = "工作信息台账"
    unit: str = ""
    unit_label: str = "填报单位"
    date_label: str = "填报日期"
    fonts: Fonts = field(default_factory=Fonts)
    header_fill: str = "D9D9D9"
    review_fill: str = "FFF2CC"
    columns: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COLUMNS))
    max_width: int = 30
    page_width: int = 240
    comments: bool = True
    comments_per_row: int = 0  # 批注 a row besides those of values to check (many make LibreOffice slow)
    footer: str = "第 &P 页 共 &N 页"
    default_font: str = "宋体"
    print_columns: tuple[str, ...] = DEFAULT_PRINT
    print_width: int = 120
    max_lines: int = 8
    signature: tuple[str, ...] = ("填报人", "审核人", "填报日期")
    money_unit: str = ""  # "万元": amounts in 元 shown in 万元 (the cell keeps the number)
    path: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    key: str  # "seq", a schema key, "file", …; for 工作数据: "seq", "date", "indicator", …
    header: str
    kind: ColumnKind
    width: float  # Excel width units (one CJK character ≈ 2)
    hidden: bool = False
    spec: FieldSpec | None = None
    printed: bool = False  # in the print area (the columns a clerk signs)


def _fail(path: Path, what: str) -> TemplateError:
    return file_error(TemplateError, path, what, "请对照程序自带的 ledger.toml 修改")


def load_config(templates: Path | str | None = None) -> LedgerConfig:
    """templates/ledger.toml in effect (--templates DIR > $REPORTER_TEMPLATES > packaged)."""
    path = find_template("ledger.toml", templates)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(path, "不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"TOML 格式错误（{exc}）") from None
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path) -> LedgerConfig:
    def table(name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise _fail(path, f"[{name}] 应为一个表")
        return value

    def text(tbl: Mapping[str, Any], key: str, default: str, where: str, *, empty: bool = False) -> str:
        value = tbl.get(key, default)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise _fail(path, f"[{where}] {key} 应为{'' if empty else '非空'}文字")
        return value.strip()

    def number(tbl: Mapping[str, Any], key: str, default: float, where: str, lo: float, hi: float) -> float:
        value = tbl.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise _fail(path, f"[{where}] {key} 应为 {lo:g} 到 {hi:g} 之间的数")
        return value

    def color(tbl: Mapping[str, Any], key: str, default: str) -> str:
        value = tbl.get(key, default)
        if not isinstance(value, str) or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
            raise _fail(path, f'[colors] {key} 应为六位十六进制颜色，如 "D9D9D9"')
        return value.lstrip("#").upper()

    title, fonts, colors, columns, layout, printing = (
        table(n) for n in ("title", "fonts", "colors", "columns", "layout", "print")
    )
    d = LedgerConfig()
    f = Fonts()
    cols = dict(DEFAULT_COLUMNS)
    for key in cols:
        cols[key] = text(columns, key, cols[key], "columns")
    unknown = set(columns) - set(cols)
    if unknown:
        raise _fail(path, f"[columns] 有不认识的设置 {', '.join(sorted(unknown))}")
    if len(set(cols.values())) != len(cols):
        raise _fail(path, "[columns] 的表头不能重复")
    comments = layout.get("comments", d.comments)
    if not isinstance(comments, bool):
        raise _fail(path, "[layout] comments 应为 true 或 false")
    print_columns = _text_list(printing, "columns", d.print_columns, path)
    signature = _text_list(printing, "signature", d.signature, path, empty=True)
    money = text(layout, "money_unit", d.money_unit, "layout", empty=True)
    if money not in MONEY_UNITS:
        raise _fail(path, '[layout] money_unit 只能是 "万元" 或 ""（不换算）')
    return LedgerConfig(
        title=text(title, "text", d.title, "title"),
        unit=text(title, "unit", d.unit, "title", empty=True),
        unit_label=text(title, "unit_label", d.unit_label, "title"),
        date_label=text(title, "date_label", d.date_label, "title"),
        fonts=Fonts(
            title=text(fonts, "title", f.title, "fonts"),
            header=text(fonts, "header", f.header, "fonts"),
            body=text(fonts, "body", f.body, "fonts"),
            title_size=number(fonts, "title_size", f.title_size, "fonts", 6, 48),
            header_size=number(fonts, "header_size", f.header_size, "fonts", 6, 36),
            body_size=number(fonts, "body_size", f.body_size, "fonts", 6, 36),
        ),
        header_fill=color(colors, "header_fill", d.header_fill),
        review_fill=color(colors, "review_fill", d.review_fill),
        columns=cols,
        max_width=int(number(layout, "max_width", d.max_width, "layout", 4, 120)),
        page_width=int(number(layout, "page_width", d.page_width, "layout", 60, 2000)),
        comments=comments,
        comments_per_row=int(number(layout, "comments_per_row", d.comments_per_row, "layout", 0, 20)),
        footer=text(
            printing, "footer", text(layout, "footer", d.footer, "layout", empty=True), "print", empty=True
        ),
        default_font=text(fonts, "default", d.default_font, "fonts"),
        print_columns=print_columns,
        print_width=int(number(printing, "width", d.print_width, "print", 40, 2000)),
        max_lines=int(number(printing, "max_lines", d.max_lines, "print", 2, 40)),
        signature=signature,
        money_unit=money,
        path=path,
    )


def _text_list(
    tbl: Mapping[str, Any], key: str, default: tuple[str, ...], path: Path, *, empty: bool = False
) -> tuple[str, ...]:
    value = tbl.get(key, list(default))
    if (
        not isinstance(value, list)
        or not all(isinstance(v, str) and v.strip() for v in value)
        or (not value and not empty)
    ):
        raise _fail(path, f'[print] {key} 应为文字的列表，如 ["序号", "日期"]')
    return tuple(v.strip() for v in value)


# ------------------------------------------------------------------------------------- column sets
def ledger_columns(schema: Schema, config: LedgerConfig) -> list[Column]:
    """台账: 序号, the schema's ledger fields in order, 文件, 处理时间, 待核, 备注, then the hidden columns."""
    c = config.columns
    cols = [Column(key="seq", header=c["seq"], kind="seq", width=6)]
    for spec in schema.fields:
        if spec.ledger:
            cols.append(Column(key=spec.key, header=spec.header, kind="field", width=0, spec=spec))
    cols += [
        Column(key="file", header=c["file"], kind="file", width=0),
        Column(key="time", header=c["time"], kind="time", width=17),
        Column(key="review", header=c["review"], kind="review", width=0),
        Column(key="note", header=c["note"], kind="note", width=16),
        Column(key="sha256", header=SHA_HEADER, kind="sha256", width=20, hidden=True),
        Column(key="fingerprint", header=FINGERPRINT_HEADER, kind="fingerprint", width=20, hidden=True),
        Column(key="tool", header=TOOL_HEADER, kind="tool", width=20, hidden=True),
    ]
    return print_order(cols, config.print_columns)


def print_order(cols: list[Column], wanted: Sequence[str]) -> list[Column]:
    """The printed columns first, in the order ledger.toml gives them (by header or field key); the
    others after them on screen; the hidden program columns last."""
    printed: list[Column] = []
    for name in wanted:
        for c in cols:
            if (c.header == name or c.key == name) and not c.hidden and c not in printed:
                printed.append(c)
                break
    rest = [c for c in cols if c not in printed]
    return (
        [replace(c, printed=True) for c in printed]
        + [c for c in rest if not c.hidden]
        + [c for c in rest if c.hidden]
    )


def metric_columns(schema: Schema, config: LedgerConfig) -> list[Column]:
    """工作数据: one row per metric (the report's 序号, 日期, 主办单位, 指标, 原文指标, 数值, 单位, 原句)."""
    return [
        Column(key="seq", header=config.columns["seq"], kind="seq", width=6),
        Column(key="date", header=schema.header("date"), kind="metric", width=12),
        Column(key="organizer", header=schema.header("organizer"), kind="metric", width=22),
        Column(key="indicator", header="指标", kind="metric", width=18),
        Column(key="name", header="原文指标", kind="metric", width=22),
        Column(key="value", header="数值", kind="metric", width=12),
        Column(key="unit", header="单位", kind="metric", width=8),
        Column(key="sentence", header="原句", kind="metric", width=60),
        Column(key="sha256", header=SHA_HEADER, kind="sha256", width=20, hidden=True),
        Column(key="tool", header=TOOL_HEADER, kind="tool", width=20, hidden=True),
    ]


PROBLEM_COLUMNS = [
    Column(key="file", header="文件", kind="metric", width=40),
    Column(key="kind", header="情况", kind="metric", width=10),
    Column(key="reason", header="原因", kind="metric", width=36),
    Column(key="detail", header="说明", kind="metric", width=60),
    Column(key="seq", header="对应序号", kind="metric", width=10),
    Column(key="time", header="处理时间", kind="metric", width=17),
]
