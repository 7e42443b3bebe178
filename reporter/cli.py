"""The command line: each command parses its arguments, makes one library call and prints the result.

Data goes to stdout, messages to stderr. Exit codes: 0 all done, 1 some input failed or a
ReporterError, 2 a usage error. Heavy libraries (jieba, openpyxl, python-docx) are imported inside
the commands so that `reporter --help` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

try:
    import typer

    from . import __version__
    from .cli_zh import ChineseTyper
    from .console import long_path, owns_console, safe_streams, wait_for_enter
except KeyboardInterrupt:  # Ctrl+C while the program starts: nothing was done yet, no traceback
    sys.stderr.write("已中断\n")
    raise SystemExit(130) from None

if TYPE_CHECKING:
    from .jobs.pipeline import RunResult

app = ChineseTyper(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="把工作报告（.txt / .docx 等）整理成 Excel 台账、Word 简报和核对页。\n\n"
    "Example: reporter run 报告文件夹 -o 输出\n\n"
    "也可以只写文件夹（或把文件夹拖到程序上）：reporter 报告文件夹，"
    "结果写在它旁边的“报告文件夹_台账简报”里。",
)
templates_app = ChineseTyper(
    help="查看或复制可编辑的模板（字段表、台账、简报、词表）。", no_args_is_help=True
)
app.add_typer(templates_app, name="templates")

COMMANDS = ("run", "extract", "ledger", "brief", "schema", "templates", "watch", "review")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reporter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本号后退出。")
    ] = False,
) -> None:
    """把工作报告整理成 Excel 台账和 Word 简报。"""


# ------------------------------------------------------------------------------------------ helpers
PathsArg = Annotated[
    list[Path], typer.Argument(help="报告文件或文件夹（文件夹会递归查找）。", show_default=False)
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", "-t", help="自定义模板文件夹（按文件覆盖默认模板）。", show_default=False),
]
RefDateOpt = Annotated[
    str | None,
    typer.Option(
        "--ref-date",
        metavar="日期",
        help="参考日期（如 2024-03-05）：补全没有年份的日期、解释“昨日”。",
        show_default=False,
    ),
]


def err(message: str) -> None:
    from .jobs.inputs import readable

    typer.echo(readable(message), err=True)  # a file name that is not UTF-8 shown readably (issue 19)


def _fail(exc: Exception) -> typer.Exit:
    err(f"错误：{exc}")
    return typer.Exit(1)


def _ref_date(text: str | None) -> dt.date | None:
    """--ref-date as people write dates: 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305."""
    if not text:
        return None
    import re

    match = re.fullmatch(
        r"\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*", text
    )
    if match:
        year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3) or match.group(5)
        with contextlib.suppress(ValueError):
            return dt.date(int(year), int(month), int(day))
    raise typer.BadParameter(
        f"“{text}”不是有效的日期；请写成 YYYY-MM-DD，例如 2024-03-05", param_hint="--ref-date"
    )


def _options(templates: Path | None, ref_date: str | None):
    from .jobs.pipeline import Options

    return Options(templates=templates, ref_date=_ref_date(ref_date))


def _load_schema(templates: Path | None):
    from .errors import ReporterError
    from .schema import load_schema

    try:
        return load_schema(templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None


# ------------------------------------------------------------------------------------------- run
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, show_default=False, help="同时处理的进程数（默认：CPU 核数）。"),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", min=0, help="每个文件最多处理多少秒，超时记为失败、其余照常（0 = 不限）。"),
]
MemoryOpt = Annotated[
    int,
    typer.Option(
        "--memory",
        min=0,
        help="每个处理进程加载词典后最多再用多少 MB 内存，超出记为失败"
        "（Linux 有效，Windows/macOS 不限；0 = 不限）。",
    ),
]
WaitOpt = Annotated[
    float, typer.Option("--wait", min=0, help="另一个 reporter 正在写同一输出文件夹时，最多等多少秒。")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="在标准输出打印机器可读的运行摘要（JSON）。")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="只输出错误（适合计划任务）。")]
IssueNoOpt = Annotated[
    int | None,
    typer.Option(
        "--issue-no",
        min=1,
        show_default=False,
        help="本期简报的期号（默认：接着上一期编号，每年从第1期开始）。",
    ),
]
EvidenceOpt = Annotated[
    bool, typer.Option("--evidence", help="简报里每个值加一条批注，写明它出自原文哪一句。")
]
RefreshOpt = Annotated[
    bool,
    typer.Option(
        "--refresh",
        help="重新抽取台账里已有的报告：程序原来填的值换成新值，人工改过的单元格保持不动；每处不同都列出来。",
    ),
]
# --- 简报 publication (reporter/publication.py)
ReissueOpt = Annotated[
    bool,
    typer.Option(
        "--reissue",
        help="已经编入过简报的报告也重新编入本期简报（与 --refresh 一起用）；默认每份报告只编入一期。",
    ),
]


OUTPUT_SUFFIXES = (".xlsx", ".xls", ".docx", ".doc", ".html", ".htm", ".pdf", ".txt")


def _check_outdir(outdir: Path) -> None:
    """`run -o 台账.xlsx` names a file where a folder is wanted: say so instead of making a folder of that name."""
    try:
        os.stat(outdir)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise typer.BadParameter(
                f"“{outdir}”：文件夹名或路径太长；请换一个短一些的输出文件夹", param_hint="-o"
            ) from None
    if os.path.isdir(outdir):
        return
    where = "例如 -o 输出"
    if outdir.name in ("台账.xlsx", "简报.docx", "核对.html") and outdir.parent != Path():
        where = f"要写到 {outdir.parent} 里，请用 -o {outdir.parent}"
    if os.path.lexists(outdir):
        raise typer.BadParameter(
            f"“{outdir}”是一个文件，不是文件夹；-o 要给一个文件夹（{where}）", param_hint="-o"
        )
    if outdir.suffix.lower() in OUTPUT_SUFFIXES:
        raise typer.BadParameter(
            f"“{outdir}”像是一个文件名；-o 要给一个文件夹，台账.xlsx 和 简报.docx 都写在里面（{where}）",
            param_hint="-o",
        )


def _check_name_length(out: Path) -> None:
    try:
        os.stat(out)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise typer.BadParameter(
                f"“{out}”：文件名或路径太长；请换一个短一些的名字", param_hint="-o"
            ) from None


def _output_file(out: Path, default_name: str) -> Path:
    """`-o` of ledger/brief: a file path with the right suffix, or a folder (made when missing) to put the
    file into under its usual name. Another suffix is refused: Excel cannot open a 台账.docx, nor Word a
    简报.xlsx, and an existing file of another kind must not be overwritten."""
    _check_name_length(out)
    if os.path.isdir(out):
        return out / default_name
    suffix = Path(default_name).suffix
    what = "台账" if suffix == ".xlsx" else "简报"
    if out.suffix.lower() == suffix:
        return out
    if os.path.lexists(out):
        raise typer.BadParameter(
            f"“{out}”是一个已有的文件，不是{what}（{suffix}）；请给出 {suffix} 文件名或一个文件夹，"
            f"例如 -o {default_name}",
            param_hint="-o",
        )
    if out.suffix and not out.suffix[1:].isdigit():  # 简报.xlsx, 台账.docx; "第3.5期" is a name, not a kind
        raise typer.BadParameter(
            f"{what}要存成 {suffix} 文件，“{out}”的扩展名是 {out.suffix}；请改成 {out.with_suffix(suffix)}，"
            "或给一个文件夹",
            param_hint="-o",
        )
    return out / default_name  # a name without suffix: the folder to put it in (made when missing)


def _issue_label(outdir: Path) -> str | None:
    """The 期号 of the briefing a run just wrote into `outdir` (2024年第3期), from the briefing's state."""
    from .writers.briefing.issues import load_state

    state = load_state(outdir)
    return f"{state['year']}年第{state['last']}期" if state and state["last"] > 0 else None


SHOWN = 10  # lines of one kind (reports not added to the ledger) printed one by one


def _ledger_report(ledger, quiet: bool = False) -> None:
    """What writing the ledger did, on stderr: reports not added, and with --refresh every difference."""
    if ledger is None:
        return
    for warning in ledger.warnings:
        err(f"注意：{warning}")
    if quiet:
        return
    refused = [skip for skip in ledger.skipped if skip.kind != "already"]
    for skip in refused[:SHOWN]:
        err(f"未加入台账：{skip.path.name}（{skip.reason}）")
    if len(refused) > SHOWN:  # 40 copies of one notice: ten lines, then the names of the rest
        rest = [skip.path.name for skip in refused[SHOWN:]]
        names = "、".join(rest[:SHOWN]) + ("等" if len(rest) > SHOWN else "")
        err(f"另有 {len(rest)} 份未加入台账（内容重复或疑似重复）：{names}")
    for diff in ledger.differences:
        err(("保留人工修改：" if diff.kept else "已更新：") + diff.describe())
    err(ledger.summary())


def _run_options(
    templates: Path | None, ref_date: str | None, jobs: int | None, timeout: float, memory: int, wait: float
):
    import dataclasses

    return dataclasses.replace(
        _options(templates, ref_date), jobs=jobs, timeout=timeout or None, memory_mb=memory or None, wait=wait
    )


@app.command()
def run(
    paths: PathsArg,
    outdir: Annotated[
        Path, typer.Option("--out", "-o", help="输出文件夹：写入 台账.xlsx 和 简报.docx。")
    ] = Path("output"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    jobs: JobsOpt = None,
    timeout: TimeoutOpt = 60.0,
    memory: MemoryOpt = 1024,
    wait: WaitOpt = 60.0,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    issue_no: IssueNoOpt = None,
    evidence: EvidenceOpt = False,
    refresh: RefreshOpt = False,
    reissue: ReissueOpt = False,
) -> None:
    """主任务：读取报告，生成台账和简报。再次运行到同一输出文件夹时只处理新增或改动过的文件。

    Example: reporter run seeds -o output
    """
    import dataclasses

    from .errors import ReporterError
    from .jobs.pipeline import run as run_job
    from .jobs.progress import console_progress

    _check_outdir(outdir)
    schema = _load_schema(templates)
    options = _run_options(templates, ref_date, jobs, timeout, memory, wait)
    options = dataclasses.replace(
        options, issue_no=issue_no, evidence=evidence, refresh=refresh, reissue=reissue
    )
    try:
        from .jobs.pipeline import require_reports

        require_reports(paths)  # a mistyped path or a folder without reports: the error, not 读取中… first
        if not quiet and not as_json:
            err("读取中…")  # starting the worker processes takes a moment: show at once that it runs
        result = run_job(
            paths, outdir, schema=schema, options=options, progress=console_progress(sys.stderr, quiet=quiet)
        )
    except KeyboardInterrupt:
        err("已中断：本次没有写入台账和简报，已有的台账和简报没有改动；下次运行会重新处理这些报告")
        raise typer.Exit(130) from None
    except ReporterError as exc:
        error = _outputs_given(paths, exc)
        if as_json:
            from .jobs.pipeline import RunResult

            log = outdir / "reporter.log"
            typer.echo(RunResult(log=log if os.path.isfile(log) else None).to_json(error=error))
        raise _fail(error) from None
    for failure in result.failures:
        err(f"失败：{failure.message}")
    if not quiet:  # issue 19: changed in place since they were done
        for path in result.replaced:
            err(f"重新读取：{path}（处理后又有变化），已更新台账中它原来的那一行")
    if not quiet:  # what a reader noticed: a macro-enabled file renamed .docx, cut text, mixed encodings…
        for record in result.records:
            for warning in record.warnings:
                err(f"提示：{record.path}：{warning}")
    _ledger_report(result.ledger, quiet=quiet or as_json)
    if as_json:
        typer.echo(result.to_json())
    elif not quiet:
        err(result.summary())
        for out in result.outputs:
            issue = _issue_label(outdir) if out.name == "简报.docx" else None
            err(f"已写入：{out}" + (f"（{issue}）" if issue else ""))
        if result.review is not None and result.outputs:  # 核对页 (issue 17)
            err(f"核对页：{result.review}（用 reporter review {outdir} 在浏览器中打开）")
        if not result.outputs and not result.failures:
            err(f"没有新增或改动过的报告，{outdir} 中的台账和简报保持不变")
    raise typer.Exit(0 if result.ok else 1)


def _outputs_given(paths: list[Path], exc: Exception) -> Exception:
    """No report found because only output folders were given (an 一月_台账简报 dropped on the program
    instead of 一月): say what they are and what to do instead."""
    from .errors import NoReportsError
    from .jobs.inputs import is_output_folder

    if not isinstance(exc, NoReportsError) or not paths or not all(is_output_folder(p) for p in paths):
        return exc
    names = "、".join(str(p) for p in paths)
    return NoReportsError(
        f"{names}：这是本程序写出的结果文件夹（台账、简报、核对页），里面没有报告；"
        f"要核对请用 reporter review {paths[0]}，要加入新报告请给出（或拖入）报告所在的文件夹",
        path=paths[0],
        reason="结果文件夹，不是报告",
    )


# ----------------------------------------------------------------------------------------- watch
@app.command()
def watch(
    inbox: Annotated[
        Path,
        typer.Argument(help="收件文件夹：放进来的报告（含子文件夹）稳定后自动处理。", show_default=False),
    ],
    outdir: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", show_default=False, help="输出文件夹（默认：收件文件夹旁边的 <名称>_台账简报）。"
        ),
    ] = None,
    settle: Annotated[
        float, typer.Option("--settle", min=0, help="文件多少秒没有变化才处理（网络拷贝中途会停顿）。")
    ] = 5.0,
    poll: Annotated[
        bool, typer.Option("--poll", help="定时扫描而不是等系统通知（网络共享文件夹用这个）。")
    ] = False,
    keep: Annotated[
        bool, typer.Option("--keep", help="处理失败的文件留在原处，不移到“失败”文件夹。")
    ] = False,
    once: Annotated[
        bool, typer.Option("--once", help="处理完文件夹里现有的文件就退出（给计划任务用）。")
    ] = False,
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    jobs: JobsOpt = None,
    timeout: TimeoutOpt = 60.0,
    memory: MemoryOpt = 1024,
    wait: WaitOpt = 60.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="与 --once 一起用：在标准输出打印机器可读的摘要（JSON）。")
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """监视收件文件夹：放进来的报告自动处理，每批处理后更新台账和简报；失败的文件移到“失败”文件夹并附说明。

    Example: reporter watch 收件箱 -o 输出
    """
    import signal
    import threading

    from .errors import ReporterError
    from .jobs.progress import console_progress
    from .jobs.watch import FAILED_DIR, Batch, Watcher, WatchSettings

    if as_json and not once:
        raise typer.BadParameter(
            "--json 只能和 --once 一起用（处理完现有的文件后打印摘要）；一直监视时请看 reporter.log",
            param_hint="--json",
        )
    if not os.path.isdir(inbox):
        why = "是一个文件，不是文件夹" if os.path.lexists(inbox) else "不存在；请检查路径，或先建好这个文件夹"
        raise typer.BadParameter(f"收件文件夹“{inbox}”{why}", param_hint="收件文件夹")
    if outdir is not None:
        _check_outdir(outdir)
    outdir = outdir or _beside(inbox.resolve())
    schema = _load_schema(templates)
    options = _run_options(templates, ref_date, jobs, timeout, memory, wait)
    settings = WatchSettings(settle=settle, poll=poll, keep=keep, once=once)
    results: list[RunResult] = []  # kept for the --once summary only: each holds its records' temporary file
    failed_batches = 0
    errors: list[Exception] = []

    def on_batch(batch: Batch) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        if batch.error is not None:
            errors.append(batch.error)
            err(f"[{stamp}] 错误：{batch.error}（{settings.retry:g} 秒后重试）")
            return
        if batch.unsettled:
            names = "、".join(p.name for p in batch.unsettled)
            err(f"[{stamp}] 这些文件一直在变化，留到下次处理：{names}")
            return
        nonlocal failed_batches
        result = batch.result
        if result is None:
            return
        failed_batches += not result.ok
        if once:
            results.append(result)
        moved = dict(batch.moved)
        for failure in result.failures:
            where = f"，已移到 {moved[failure.path]}" if failure.path in moved else ""
            err(f"[{stamp}] 失败：{failure.message}{where}")
        for path in result.replaced:  # issue 19
            err(f"[{stamp}] 重新读取：{path}（处理后又有变化），已更新台账中它原来的那一行")
        if not quiet and not as_json:
            err(f"[{stamp}] {result.summary()}" + ("；已更新台账和简报" if result.outputs else ""))

    stop = threading.Event()
    if not once:
        with contextlib.suppress(ValueError, AttributeError):  # not in the main thread / no SIGTERM
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
        if not quiet:
            err(
                f"正在监视 {inbox}（文件稳定 {settle:g} 秒后处理，失败的移到 {inbox / FAILED_DIR}）；"
                f"结果写入 {outdir}。按 Ctrl+C 停止。"
            )
    watcher = Watcher(
        inbox,
        outdir,
        schema=schema,
        options=options,
        settings=settings,
        on_batch=on_batch,
        progress=console_progress(sys.stderr, quiet=quiet),
        stop=stop,
    )
    try:
        watcher.run()
    except KeyboardInterrupt:
        if not quiet:
            err("已停止监视")
        raise typer.Exit(0) from None
    except ReporterError as exc:
        if as_json:
            from .jobs.pipeline import RunResult

            log = outdir / "reporter.log"
            typer.echo(RunResult(log=log if os.path.isfile(log) else None).to_json(error=exc))
        raise _fail(exc) from None
    # a clean stop (Ctrl+C, SIGTERM) exits 0: failures were reported as they came (issue 19)
    failed = once and (bool(failed_batches) or bool(errors))
    if once and as_json:
        from .jobs.pipeline import RunResult

        typer.echo(RunResult.merged(results).to_json())
    elif once and not quiet and not results:
        err(f"{inbox} 中没有需要处理的新文件")
    raise typer.Exit(1 if failed else 0)


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
    from .errors import ReporterError
    from .jobs.pipeline import Options, require_reports

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
    from .errors import ReporterError
    from .explain import explain_record, table_record
    from .jobs.pipeline import extract_paths, iter_inputs
    from .model import Failure
    from .readers import read
    from .writers.jsonl import record_to_dict

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
    paths: PathsArg,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="台账文件（.xlsx），或放台账的文件夹；已存在时把新报告追加进去。"),
    ] = Path("台账.xlsx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    refresh: RefreshOpt = False,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """只生成 Excel 台账（已有的台账里追加新报告，人工修改保留）。

    Example: reporter ledger seeds -o 台账.xlsx
    """
    _write_one(
        "ledger",
        paths,
        _output_file(out, "台账.xlsx"),
        templates,
        ref_date,
        refresh=refresh,
        as_json=as_json,
        quiet=quiet,
    )


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
    from .jobs.inputs import iter_inputs

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
    from .errors import ReporterError, output_error
    from .jobs.locks import check_free
    from .jobs.pipeline import RunResult, extract_all, require_reports
    from .writers import check_briefing_template, write_briefing, write_ledger

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
            archive = out.parent / "简报存档"
            err(f"{result.summary()}；这些报告都已编入以前各期简报（见 {archive}），未生成新的一期")
        elif kind == "brief" and not result.outputs:
            err(f"{result.summary()}；没有可写进简报的报告，未生成新的一期")
        else:
            err(f"{result.summary()}；已写入：{label}")
    raise typer.Exit(1 if result.failures else 0)


# ---------------------------------------------------------------------------------- review (issue 17)
@app.command()
def review(
    outdir: Annotated[
        Path,
        typer.Argument(help="输出文件夹（reporter run -o 给的那个，里面有 台账.xlsx）。", show_default=False),
    ],
    no_open: Annotated[
        bool, typer.Option("--no-open", help="只重新生成核对页并打印它的路径，不打开浏览器。")
    ] = False,
    templates: TemplatesOpt = None,
    wait: WaitOpt = 60.0,
) -> None:
    """重新生成核对页（台账旁边的 核对.html）并在默认浏览器中打开：逐份报告、逐个值对照原文核对。

    Example: reporter review output
    """
    from .errors import ReporterError
    from .jobs.state import OutputLock
    from .writers.review import has_review_data, write_review

    if not os.path.isdir(outdir):
        if os.path.lexists(outdir):
            what = "是一个文件，不是输出文件夹"
            if outdir.name == "台账.xlsx" or outdir.suffix.lower() in (".html", ".docx"):
                what += f"；请给出它所在的文件夹：reporter review {outdir.parent}"
            err(f"错误：{outdir}：{what}")
        else:
            err(f"错误：{outdir}：输出文件夹不存在；请给出 reporter run -o 用过的文件夹")
        raise typer.Exit(1)
    if not has_review_data(outdir):
        err(f"错误：{outdir}：这里还没有台账和核对资料；请先运行 reporter run 报告文件夹 -o {outdir}")
        raise typer.Exit(1)
    schema = _load_schema(templates)
    try:
        with OutputLock(outdir, wait=wait):
            page = write_review(outdir, schema, templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None
    typer.echo(str(page))
    if no_open:
        return
    import webbrowser

    try:
        opened = webbrowser.open(page.resolve().as_uri())
    except (webbrowser.Error, OSError):
        opened = False
    if not opened:
        err(f"无法自动打开浏览器；请在浏览器中打开 {page}")


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
    from .errors import output_error
    from .templates import init_templates

    if os.path.lexists(target) and not os.path.isdir(target):
        raise typer.BadParameter(f"“{target}”是一个文件，不是文件夹；请换一个文件夹名", param_hint="文件夹")
    try:
        written = init_templates(target, force=force)
    except OSError as exc:  # no permission, name too long, disk full …
        raise _fail(output_error(exc, target, "复制模板")) from None
    for path in written:
        typer.echo(str(path))
    err(f"已复制 {len(written)} 个模板到 {target}；修改后用 --templates {target} 使用")


@templates_app.command("show")
def templates_show(templates: TemplatesOpt = None) -> None:
    """列出每个模板当前生效的文件。

    Example: reporter templates show --templates 我的模板
    """
    from .templates import show_templates

    if templates is not None:
        _load_schema(templates)  # a templates folder that is missing or broken: its own message, exit 1
    for name, path, desc in show_templates(templates):
        typer.echo(f"{name}\t{path or '（无）'}\t{desc}")


# ------------------------------------------------------------------------------------------ entry
def _beside(first: Path) -> Path:
    """Where results of a dropped folder or file go: 一月报告 → 一月报告_台账简报 beside it; a file → 台账简报 beside it."""
    return first.parent / f"{first.name}_台账简报" if os.path.isdir(first) else first.parent / "台账简报"


def _bare_paths(argv: list[str]) -> list[str]:
    """`reporter 一月报告/` (a folder dropped on the program) means `run` with outputs beside the input."""
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    if not os.path.lexists(argv[0]):
        return argv
    return ["run", *argv, "-o", str(_beside(Path(argv[0]).resolve()))]


def _unquote(arg: str) -> str:
    """A path with stray quotes that does not exist, while it does without them: the quotes go.
    On Windows, "D:\\报告\\" reaches the program as D:\\报告" (the backslash escapes the quote); a
    path copied with its quotes into a shortcut or a script keeps them."""
    if arg.startswith("-") or ('"' not in arg and "'" not in arg) or os.path.lexists(arg):
        return arg
    bare = arg.strip("\"' ")
    return bare if bare and os.path.lexists(bare) else arg


def _spaced_path(args: list[str]) -> str | None:
    """The message for a path with spaces given without quotes (reporter run 一月 报告): its parts do not
    exist, the parts joined by a space do."""
    for i, first in enumerate(args):
        if first.startswith("-") or first in COMMANDS or os.path.lexists(first):
            continue
        for j in range(i + 2, min(len(args), i + 8) + 1):
            parts = args[i:j]
            if any(p.startswith("-") for p in parts):
                break
            joined = " ".join(parts)
            if os.path.lexists(joined):
                shown = "和".join(f"“{p}”" for p in parts)
                return f'找不到{shown}，但有“{joined}”：路径里有空格时请加引号，写成 "{joined}"'
    return None


def _internal_error(exc: BaseException) -> str:
    """Log a bug's traceback to a file in the temporary folder; the line that tells the user where."""
    import tempfile
    import traceback

    log = Path(tempfile.gettempdir()) / "reporter-内部错误.log"
    try:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} reporter {__version__} {sys.argv[1:]!r}\n")
            fh.write("".join(traceback.format_exception(exc)) + "\n")
        where = f"详细信息已写入 {log}"
    except OSError:
        where = "详细信息无法写入日志"
    return f"错误：程序内部出错（{type(exc).__name__}）；已处理好的文件不受影响。{where}，请把它发给维护人员"


def main(argv: list[str] | None = None) -> None:
    safe_streams()
    args = [long_path(_unquote(a)) for a in (sys.argv[1:] if argv is None else argv)]
    pause = argv is None and owns_console()
    try:
        spaced = _spaced_path(args)
        if spaced is not None:
            if "--json" in args:
                from .cli_zh import usage_json

                typer.echo(usage_json(spaced))
            err(f"错误：{spaced}")
            raise SystemExit(2)
        app(args=_bare_paths(args), prog_name="reporter")
    except Exception as exc:  # a bug: one line for the user, the traceback in a log file
        err(_internal_error(exc))
        raise SystemExit(1) from None
    finally:
        if pause:
            wait_for_enter()
