"""The command line: each command parses its arguments, makes one library call and prints the result.

Data goes to stdout, messages to stderr. Exit codes: 0 all done, 1 some input failed or a
ReporterError, 2 a usage error. Heavy libraries (jieba, openpyxl, python-docx) are imported inside
the commands so that `reporter --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="把工作报告（.txt / .docx 等）整理成 Excel 台账和 Word 简报。\n\n"
         "Example: reporter run 报告文件夹 -o 输出",
)
templates_app = typer.Typer(help="查看或复制可编辑的模板（字段表、台账、简报、词表）。", no_args_is_help=True)
app.add_typer(templates_app, name="templates")

COMMANDS = ("run", "extract", "ledger", "brief", "schema", "templates", "watch")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reporter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="显示版本号后退出。")] = False,
) -> None:
    """把工作报告整理成 Excel 台账和 Word 简报。"""


# ------------------------------------------------------------------------------------------ helpers
PathsArg = Annotated[list[Path], typer.Argument(help="报告文件或文件夹（文件夹会递归查找）。", show_default=False)]
TemplatesOpt = Annotated[Optional[Path], typer.Option("--templates", "-t", help="自定义模板文件夹（按文件覆盖默认模板）。",
                                                      show_default=False)]
RefDateOpt = Annotated[Optional[str], typer.Option("--ref-date", help="参考日期 YYYY-MM-DD：补全没有年份的日期、解释“昨日”。",
                                                   show_default=False)]


def err(message: str) -> None:
    typer.echo(message, err=True)


def _fail(exc: Exception) -> typer.Exit:
    err(f"错误：{exc}")
    return typer.Exit(1)


def _ref_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"“{text}”不是 YYYY-MM-DD 格式的日期", param_hint="--ref-date") from None


def _options(templates: Path | None, ref_date: str | None):
    from .pipeline import Options

    return Options(templates=templates, ref_date=_ref_date(ref_date))


def _load_schema(templates: Path | None):
    from .errors import ReporterError
    from .schema import load_schema

    try:
        return load_schema(templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None


# ------------------------------------------------------------------------------------------- run
@app.command()
def run(
    paths: PathsArg,
    outdir: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹：写入 台账.xlsx 和 简报.docx。")] = Path("output"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="在标准输出打印机器可读的运行摘要（JSON）。")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出错误（适合计划任务）。")] = False,
) -> None:
    """主任务：读取报告，生成台账和简报。

    Example: reporter run seeds -o output
    """
    from .errors import ReporterError
    from .pipeline import run as run_job

    schema = _load_schema(templates)
    try:
        result = run_job(paths, outdir, schema=schema, options=_options(templates, ref_date))
    except ReporterError as exc:
        raise _fail(exc) from None
    for failure in result.failures:
        err(f"失败：{failure.message}")
    if as_json:
        typer.echo(json.dumps({
            "processed": [str(r.path) for r in result.records],
            "failed": [{"file": str(f.path), "reason": f.reason} for f in result.failures],
            "outputs": [str(p) for p in result.outputs],
        }, ensure_ascii=False, indent=2))
    elif not quiet:
        err(result.summary())
        for out in result.outputs:
            err(f"已写入：{out}")
    raise typer.Exit(0 if result.ok else 1)


# --------------------------------------------------------------------------------------- extract
class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    text = "text"


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json：记录（多份时为列表）；jsonl：每行一份；"
                                        "table：便于阅读的表格；text：读取到的原文。")] = Format.json,
    explain: Annotated[bool, typer.Option("--explain", help="逐项列出值、找到它的规则和原句（值用【】标出）。")] = False,
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
) -> None:
    """抽取字段并打印，不写台账和简报。

    Example: reporter extract seeds/seed.txt --format table --explain
    """
    from .model import Failure
    from .pipeline import Options, iter_inputs, process
    from .readers import read
    from .errors import ReporterError
    from .writers.jsonl import record_to_dict
    from .explain import explain_record, table_record

    schema = _load_schema(templates)
    options: Options = _options(templates, ref_date)
    failed = 0
    records = []
    for item in iter_inputs(paths):
        if isinstance(item, Failure):
            err(f"失败：{item.message}")
            failed += 1
            continue
        if fmt is Format.text:
            try:
                doc = read(item)
            except ReporterError as exc:
                err(f"失败：{exc}")
                failed += 1
                continue
            typer.echo(doc.text)
            continue
        result = process(item, schema, options)
        if isinstance(result, Failure):
            err(f"失败：{result.message}")
            failed += 1
            continue
        if explain:
            typer.echo(explain_record(result, schema))
        elif fmt is Format.jsonl:
            typer.echo(json.dumps(record_to_dict(result, schema), ensure_ascii=False))
        elif fmt is Format.table:
            typer.echo(table_record(result, schema))
        else:
            records.append(record_to_dict(result, schema))
    if fmt is Format.json and not explain and (records or not failed):
        payload = records[0] if len(records) == 1 else records
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    raise typer.Exit(1 if failed else 0)


# ------------------------------------------------------------------------------- ledger / brief
@app.command()
def ledger(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="台账文件（.xlsx）。")] = Path("台账.xlsx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
) -> None:
    """只生成 Excel 台账。

    Example: reporter ledger seeds -o 台账.xlsx
    """
    _write_one("ledger", paths, out, templates, ref_date)


@app.command()
def brief(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="简报文件（.docx）。")] = Path("简报.docx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
) -> None:
    """只生成 Word 简报。

    Example: reporter brief seeds -o 简报.docx
    """
    _write_one("brief", paths, out, templates, ref_date)


def _write_one(kind: str, paths: list[Path], out: Path, templates: Path | None, ref_date: str | None) -> None:
    from .errors import ReporterError
    from .model import Failure
    from .pipeline import extract_paths
    from .writers import write_briefing, write_ledger

    schema = _load_schema(templates)
    records, failures = [], []
    for item in extract_paths(paths, schema, _options(templates, ref_date)):
        (failures if isinstance(item, Failure) else records).append(item)
    for f in failures:
        err(f"失败：{f.message}")
    try:
        if kind == "ledger":
            write_ledger(records, schema, out, failures=failures, templates=templates)
        else:
            write_briefing(records, schema, out, templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None
    err(f"已处理 {len(records)} 份，失败 {len(failures)} 份；已写入：{out}")
    raise typer.Exit(1 if failures else 0)


# ------------------------------------------------------------------------------ schema / templates
@app.command()
def schema(templates: TemplatesOpt = None) -> None:
    """列出字段表：字段名、表头、类型（来自当前生效的 schema.toml）。

    Example: reporter schema
    """
    sch = _load_schema(templates)
    typer.echo(f"# {sch.path}")
    for spec in sch.fields:
        where = "".join(["台账" if spec.ledger else "", "、简报" if spec.briefing else ""]).lstrip("、")
        typer.echo(f"{spec.key:<10}\t{spec.header}\t{spec.kind}\t{where}")


@templates_app.command("init")
def templates_init(
    target: Annotated[Path, typer.Argument(help="放模板副本的文件夹。")],
    force: Annotated[bool, typer.Option("--force", help="覆盖文件夹里已有的同名文件。")] = False,
) -> None:
    """把默认模板复制到文件夹里供修改；用 --templates 文件夹 使用它们。

    Example: reporter templates init 我的模板
    """
    from .templates import init_templates

    written = init_templates(target, force=force)
    for path in written:
        typer.echo(str(path))
    err(f"已复制 {len(written)} 个模板到 {target}；修改后用 --templates {target} 使用")


@templates_app.command("show")
def templates_show(templates: TemplatesOpt = None) -> None:
    """列出每个模板当前生效的文件。

    Example: reporter templates show --templates 我的模板
    """
    from .templates import show_templates

    for name, path, desc in show_templates(templates):
        typer.echo(f"{name}\t{path or '（无）'}\t{desc}")


# ------------------------------------------------------------------------------------------ entry
def _bare_paths(argv: list[str]) -> list[str]:
    """`reporter 一月报告/` (a folder dropped on the program) means `run` with outputs beside the input."""
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    if not Path(argv[0]).exists():
        return argv
    first = Path(argv[0]).resolve()
    base = first if first.is_dir() else first.parent
    outdir = base.parent / f"{base.name}_台账简报" if first.is_dir() else base / "台账简报"
    return ["run", *argv, "-o", str(outdir)]


def _safe_streams() -> None:
    """Never crash on a console that cannot show a character (GBK consoles on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> None:
    _safe_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    app(args=_bare_paths(args), prog_name="reporter")
