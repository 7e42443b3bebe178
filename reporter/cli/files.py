"""Reports in, one output out: `reporter extract`, `reporter ledger`, `reporter brief`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..folders import ARCHIVE_DIR
from .common import (
    EvidenceOpt,
    IssueNoOpt,
    JsonOpt,
    PathsArg,
    QuietOpt,
    RefDateOpt,
    RefreshOpt,
    TemplatesOpt,
    _fail,
    _ledger_report,
    _load_schema,
    _options,
    _output_file,
    app,
    err,
)


# --------------------------------------------------------------------------------------- extract
class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    text = "text"


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="json：记录（多份时为列表）；jsonl：每行一份；table：便于阅读的表格；text：读取到的原文。",
        ),
    ] = Format.json,
    explain: Annotated[
        bool, typer.Option("--explain", help="逐项列出值、找到它的规则和原句（值用【】标出）。")
    ] = False,
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
) -> None:
    """抽取字段并打印，不写台账和简报。

    Example: reporter extract seeds/seed.txt --format table --explain
    """
    from ..errors import ReporterError
    from ..jobs.pipeline import Options, require_reports

    schema = _load_schema(templates)
    options: Options = _options(templates, ref_date)
    try:
        require_reports(paths)  # a folder of pictures printed [] and exited 0
    except ReporterError as exc:
        err(f"错误：{str(exc).removesuffix('；没有写出台账和简报')}")  # extract writes neither anyway
        raise typer.Exit(1) from None
    try:
        failed = _print_extracted(paths, fmt, explain, schema, options)
    except KeyboardInterrupt:  # Ctrl+C: the reports printed so far are complete, nothing was written
        err("已中断：其余的报告没有处理（已打印的每份报告都是完整的）")
        raise typer.Exit(130) from None
    raise typer.Exit(1 if failed else 0)


def _print_extracted(paths: list[Path], fmt: Format, explain: bool, schema, options) -> int:
    """What `extract` prints, report by report; the number of files that failed."""
    from ..errors import ReporterError
    from ..explain import explain_record, table_record
    from ..jobs.pipeline import extract_paths, iter_inputs
    from ..model import Failure
    from ..readers import read
    from ..writers.jsonl import record_to_dict

    failed = 0
    records = []
    if fmt is Format.text:
        for item in iter_inputs(paths):
            try:
                if isinstance(item, Failure):
                    raise ReporterError(item.message)
                typer.echo(read(item).text)
            except ReporterError as exc:
                err(f"失败：{exc}")
                failed += 1
        return failed
    # each file under the same time and memory guard as the main job, in worker processes
    for result in extract_paths(paths, schema, options):
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
    return failed


# ------------------------------------------------------------------------------- ledger / brief
@app.command()
def ledger(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="报告文件或文件夹（文件夹会递归查找）；只用 --relayout 时可以不给。", show_default=False
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="台账文件（.xlsx），或放台账的文件夹；已存在时把新报告追加进去。"),
    ] = Path("台账.xlsx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    refresh: RefreshOpt = False,
    relayout: Annotated[
        bool,
        typer.Option(
            "--relayout",
            help="把已有的台账换成 ledger.toml 的列顺序和打印区域（旧版程序建的台账打印时字很小）；"
            "人工改过的单元格、加的列和行、批注、格式都保留。",
        ),
    ] = False,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """只生成 Excel 台账（已有的台账里追加新报告，人工修改保留）。

    Example: reporter ledger seeds -o 台账.xlsx
    """
    target = _output_file(out, "台账.xlsx")
    if relayout:
        _relayout(target, templates, quiet=quiet or as_json)
        if not paths:
            return
    if not paths:
        err(
            "错误：缺少路径：请给出报告文件或文件夹，如 reporter ledger 报告 -o 台账.xlsx（只重排已有台账的列时用 --relayout）"
        )
        raise typer.Exit(2)
    _write_one(
        "ledger",
        paths,
        target,
        templates,
        ref_date,
        refresh=refresh,
        as_json=as_json,
        quiet=quiet,
    )


def _relayout(out: Path, templates: Path | None, *, quiet: bool) -> None:
    """`ledger --relayout`: the ledger rewritten with ledger.toml's columns, atomically (nothing changed on error)."""
    from ..errors import ReporterError, output_error
    from ..jobs.locks import check_free
    from ..writers.ledger import relayout_ledger

    schema = _load_schema(templates)
    try:
        check_free([out], note=lambda text: err(f"注意：{text}"))
        result = relayout_ledger(out, schema, templates=templates)
    except OSError as exc:
        raise _fail(output_error(exc, out, "写入")) from None
    except ReporterError as exc:
        raise _fail(exc) from None
    if result is None:
        if not quiet:
            err(f"台账的列已经是 ledger.toml 的顺序，没有改动：{out}")
        return
    for warning in result.warnings:
        err(f"注意：{warning}")
    if not quiet:
        err(f"已按 ledger.toml 重排台账的列和打印区域：{out}（人工修改都已保留）")


@app.command()
def brief(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="简报文件（.docx），或放简报的文件夹。")] = Path(
        "简报.docx"
    ),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    issue_no: IssueNoOpt = None,
    evidence: EvidenceOpt = False,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """只生成 Word 简报。

    Example: reporter brief seeds -o 简报.docx --issue-no 3
    """
    _write_one(
        "brief",
        paths,
        _output_file(out, "简报.docx"),
        templates,
        ref_date,
        issue_no=issue_no,
        evidence=evidence,
        as_json=as_json,
        quiet=quiet,
    )


def _passed_over(paths: list[Path], ignored: list[tuple[Path, str]]) -> list[Path]:
    """What `run` lists as 不是报告、没有读取 (files of other kinds, in folders or given by name, and
    earlier outputs) goes to `ignored`; the paths to read are returned without the files given by name
    among them, which would otherwise each be a failure."""
    from ..jobs.inputs import iter_inputs

    for _item in iter_inputs(paths, ignored):
        pass
    skipped = {str(p) for p, _kind in ignored}
    return [p for p in paths if str(p) not in skipped]


def _write_one(
    kind: str,
    paths: list[Path],
    out: Path,
    templates: Path | None,
    ref_date: str | None,
    *,
    issue_no: int | None = None,
    evidence: bool = False,
    refresh: bool = False,
    as_json: bool = False,
    quiet: bool = False,
) -> None:
    from ..errors import ReporterError, output_error
    from ..jobs.locks import check_free
    from ..jobs.pipeline import RunResult, extract_all, require_reports
    from ..writers import check_briefing_template, write_briefing, write_ledger

    schema = _load_schema(templates)
    result = RunResult()
    try:
        if kind == "brief":
            check_briefing_template(templates)  # before any report is read
        require_reports(paths)
        check_free([out], note=lambda text: err(f"注意：{text}"))  # open in Excel/WPS/LibreOffice, read-only
        paths = _passed_over(paths, result.ignored)  # Excel files, archives… listed as run lists them
        if not quiet and not as_json:
            err("读取中…")
        records, failures = extract_all(paths, schema, _options(templates, ref_date))  # records kept on disk
        result.records, result.failures = records, failures
        check_free([out], note=lambda text: err(f"注意：{text}"))  # it may have been opened meanwhile
        if kind == "ledger":
            written = write_ledger(
                records, schema, out, failures=failures, templates=templates, refresh=refresh
            )
            _ledger_report(written, quiet=quiet or as_json)
            result.ledger = written  # the summary may point to its 处理异常 sheet
            result.outputs.append(written.path)
            label = str(written.path)
        else:
            brief = write_briefing(
                records, schema, out, templates=templates, issue_no=issue_no, evidence=evidence
            )
            if brief.written:
                result.outputs.append(out)
            issue = brief.issue.label if brief.issue else ""
            label = f"{out}（{issue}，存档：{brief.archive}）" if brief.written else ""
    except OSError as exc:  # disk full, no permission… while writing
        error = output_error(exc, out, "写入")
        if as_json:
            typer.echo(result.to_json(error=error))
        raise _fail(error) from None
    except ReporterError as exc:
        if as_json:
            typer.echo(result.to_json(error=exc))
        raise _fail(exc) from None
    except KeyboardInterrupt:
        err(f"已中断：没有写入 {out}，原有文件没有改动")
        raise typer.Exit(130) from None
    for f in result.failures:
        err(f"失败：{f.message}")
    if as_json:
        typer.echo(result.to_json())
    elif not quiet:
        if kind == "brief" and not result.outputs and len(result.records):  # one report, one issue
            archive = out.parent / ARCHIVE_DIR
            err(f"{result.summary()}；这些报告都已编入以前各期简报（见 {archive}），未生成新的一期")
        elif kind == "brief" and not result.outputs:
            err(f"{result.summary()}；没有可写进简报的报告，未生成新的一期")
        else:
            err(f"{result.summary()}；已写入：{label}")
    raise typer.Exit(1 if result.failures else 0)
