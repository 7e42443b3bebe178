"""The command line: each command parses its arguments, makes one library call and prints the result.

Data goes to stdout, messages to stderr. Exit codes: 0 all done, 1 some input failed or a
ReporterError, 2 a usage error. Heavy libraries (jieba, openpyxl, python-docx) are imported inside
the commands so that `reporter --help` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

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
        "--ref-date", help="参考日期 YYYY-MM-DD：补全没有年份的日期、解释“昨日”。", show_default=False
    ),
]


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


def _ledger_report(ledger, quiet: bool = False) -> None:
    """What writing the ledger did, on stderr: reports not added, and with --refresh every difference."""
    if ledger is None:
        return
    for warning in ledger.warnings:
        err(f"注意：{warning}")
    if quiet:
        return
    for skip in ledger.skipped:
        if skip.kind != "already":
            err(f"未加入台账：{skip.path.name}（{skip.reason}）")
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


def record_paths(records) -> list[Path]:
    """The input paths of a run's records; records kept on disk (reporter.spool) list them without reading."""
    paths = getattr(records, "paths", None)
    return list(paths) if paths is not None else [r.path for r in records]


def _summary_json(result=None, error: Exception | None = None, processed: list[Path] | None = None) -> str:
    """The machine-readable summary of `run` (and of `watch --once`)."""
    data: dict = {"processed": [], "skipped": [], "failed": [], "outputs": [], "log": None}
    if result is not None:
        data.update(
            {
                "processed": [
                    str(p) for p in (processed if processed is not None else record_paths(result.records))
                ],
                "skipped": [{"file": str(s.path), "reason": s.reason} for s in result.skipped],
                "failed": [
                    {"file": str(f.path), "reason": f.reason, "message": f.message} for f in result.failures
                ],
                "outputs": [str(p) for p in result.outputs],
                "log": str(result.log) if result.log else None,
            }
        )
        # --- 简报 publication (reporter/publication.py)
        brief = getattr(result, "briefing", None)
        data["briefing"] = (
            {
                "issue": brief.issue.label,
                "issue_no": brief.issue.no,
                "file": str(brief.path),
                "archive": str(brief.archive),
                "added": brief.added,
                "reports": brief.reports,
                "rewritten": brief.rewritten,
            }
            if brief is not None and brief.issue is not None
            else None
        )
        data["refused_copies"] = [c.as_dict() for c in getattr(result, "refused", ())]
    if error is not None:
        data["error"] = str(error)
    data["exit_code"] = 1 if error is not None or (result is not None and not result.ok) else 0
    return json.dumps(data, ensure_ascii=False, indent=2)


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
    from .pipeline import run as run_job
    from .progress import console_progress

    schema = _load_schema(templates)
    options = _run_options(templates, ref_date, jobs, timeout, memory, wait)
    options = dataclasses.replace(
        options, issue_no=issue_no, evidence=evidence, refresh=refresh, reissue=reissue
    )
    try:
        result = run_job(
            paths, outdir, schema=schema, options=options, progress=console_progress(sys.stderr, quiet=quiet)
        )
    except ReporterError as exc:
        if as_json:
            typer.echo(_summary_json(error=exc))
        raise _fail(exc) from None
    for failure in result.failures:
        err(f"失败：{failure.message}")
    if not quiet:  # what a reader noticed: a macro-enabled file renamed .docx, cut text, mixed encodings…
        for record in result.records:
            for warning in record.warnings:
                err(f"提示：{record.path}：{warning}")
    _ledger_report(result.ledger, quiet=quiet or as_json)
    if as_json:
        typer.echo(_summary_json(result))
    elif not quiet:
        err(result.summary())
        for out in result.outputs:
            err(f"已写入：{out}")
        if not result.outputs and not result.failures:
            err(f"没有新增或改动过的报告，{outdir} 中的台账和简报保持不变")
    raise typer.Exit(0 if result.ok else 1)


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
    from .progress import console_progress
    from .watch import FAILED_DIR, Batch, Watcher, WatchSettings

    if not inbox.is_dir():
        raise typer.BadParameter(f"“{inbox}”不是一个文件夹", param_hint="INBOX")
    outdir = outdir or _beside(inbox.resolve())
    schema = _load_schema(templates)
    options = _run_options(templates, ref_date, jobs, timeout, memory, wait)
    settings = WatchSettings(settle=settle, poll=poll, keep=keep, once=once)
    results = []  # kept for the --once summary only: each holds its records' temporary file
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
        failed_batches += not result.ok
        if once:
            results.append(result)
        moved = dict(batch.moved)
        for failure in result.failures:
            where = f"，已移到 {moved[failure.path]}" if failure.path in moved else ""
            err(f"[{stamp}] 失败：{failure.message}{where}")
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
            typer.echo(_summary_json(error=exc))
        raise _fail(exc) from None
    failed = bool(failed_batches) or bool(errors)
    if once and as_json:
        from .pipeline import RunResult

        total, processed = RunResult(), []
        for r in results:
            processed += record_paths(r.records)
            total.failures += r.failures
            total.skipped += r.skipped
            total.outputs += [p for p in r.outputs if p not in total.outputs]
            total.log = r.log
        typer.echo(_summary_json(total, processed=processed))
    elif once and not quiet and not results:
        err(f"{inbox} 中没有需要处理的新文件")
    raise typer.Exit(1 if failed else 0)


# --------------------------------------------------------------------------------------- extract
class Format(str, Enum):
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
    from .explain import explain_record, table_record
    from .model import Failure
    from .pipeline import Options, extract_paths, iter_inputs
    from .readers import read
    from .writers.jsonl import record_to_dict

    schema = _load_schema(templates)
    options: Options = _options(templates, ref_date)
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
        raise typer.Exit(1 if failed else 0)
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
    raise typer.Exit(1 if failed else 0)


# ------------------------------------------------------------------------------- ledger / brief
@app.command()
def ledger(
    paths: PathsArg,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="台账文件（.xlsx）；已存在时把新报告追加进去。")
    ] = Path("台账.xlsx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    refresh: RefreshOpt = False,
) -> None:
    """只生成 Excel 台账（已有的台账里追加新报告，人工修改保留）。

    Example: reporter ledger seeds -o 台账.xlsx
    """
    _write_one("ledger", paths, out, templates, ref_date, refresh=refresh)


@app.command()
def brief(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="简报文件（.docx）。")] = Path("简报.docx"),
    templates: TemplatesOpt = None,
    ref_date: RefDateOpt = None,
    issue_no: IssueNoOpt = None,
    evidence: EvidenceOpt = False,
) -> None:
    """只生成 Word 简报。

    Example: reporter brief seeds -o 简报.docx --issue-no 3
    """
    _write_one("brief", paths, out, templates, ref_date, issue_no=issue_no, evidence=evidence)


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
) -> None:
    from .errors import ReporterError
    from .pipeline import extract_all
    from .writers import check_briefing_template, write_briefing, write_ledger

    schema = _load_schema(templates)
    if kind == "brief":
        try:
            check_briefing_template(templates)  # before any report is read
        except ReporterError as exc:
            raise _fail(exc) from None
    records, failures = extract_all(paths, schema, _options(templates, ref_date))  # records kept on disk
    for f in failures:
        err(f"失败：{f.message}")
    try:
        if kind == "ledger":
            _ledger_report(
                write_ledger(records, schema, out, failures=failures, templates=templates, refresh=refresh)
            )
        else:
            brief = write_briefing(
                records, schema, out, templates=templates, issue_no=issue_no, evidence=evidence
            )
    except ReporterError as exc:
        raise _fail(exc) from None
    if kind == "brief" and not brief.written and len(records):  # one report, one issue (publication.py)
        err(
            f"已处理 {len(records)} 份：这些报告都已编入以前各期简报（见 {out.parent / '简报存档'}），未生成新的一期"
        )
        raise typer.Exit(1 if failures else 0)
    if kind == "brief" and not brief.written:
        err(f"已处理 0 份，失败 {len(failures)} 份；没有可写进简报的报告，未生成新的一期")
        raise typer.Exit(1 if failures else 0)
    written = f"{out}（{brief.issue.label}，存档：{brief.archive}）" if kind == "brief" else str(out)
    err(f"已处理 {len(records)} 份，失败 {len(failures)} 份；已写入：{written}")
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
def _beside(first: Path) -> Path:
    """Where results of a dropped folder or file go: 一月报告 → 一月报告_台账简报 beside it; a file → 台账简报 beside it."""
    return first.parent / f"{first.name}_台账简报" if first.is_dir() else first.parent / "台账简报"


def _bare_paths(argv: list[str]) -> list[str]:
    """`reporter 一月报告/` (a folder dropped on the program) means `run` with outputs beside the input."""
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    if not Path(argv[0]).exists():
        return argv
    return ["run", *argv, "-o", str(_beside(Path(argv[0]).resolve()))]


def _long_path(arg: str, platform: str = sys.platform) -> str:
    """On Windows, a path of 248+ characters gets the \\\\?\\ prefix so that it opens without the
    LongPathsEnabled setting; anything else is returned as it is."""
    import ntpath

    if platform != "win32" or arg.startswith(("-", "\\\\?\\")):
        return arg
    full = ntpath.abspath(arg) if platform == sys.platform else ntpath.normpath(arg)
    if len(full) < 248:
        return arg
    if full.startswith("\\\\"):  # \\server\share → \\?\UNC\server\share
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full


SHELLS = frozenset(
    {
        "cmd.exe",
        "powershell.exe",
        "pwsh.exe",
        "bash.exe",
        "sh.exe",
        "wsl.exe",
        "zsh.exe",
        "fish.exe",
        "nu.exe",
        "far.exe",
        "tcc.exe",
        "conemuc.exe",
        "conemuc64.exe",
        "windowsterminal.exe",
        "openconsole.exe",
    }
)


def _alone_in_console(pids: list[int], me: int, image_name) -> bool:
    """True when no shell shares the console: the window was opened for this program (a drop on
    reporter.exe, a double-click) and closes when it ends. Our launcher (reporter.exe from pip's Scripts
    folder, a venv's python.exe) shares the console too, so only known shells count."""
    others = [pid for pid in pids if pid != me]
    return not any(image_name(pid) in SHELLS for pid in others)


def _windows_image_name(pid: int) -> str:
    """The executable name of a process, lower case; "cmd.exe" (a shell, so: no pause) when unknown."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return "cmd.exe"
    try:
        size = wintypes.DWORD(1024)
        buf = ctypes.create_unicode_buffer(size.value)
        if not kernel32.QueryFullProcessImageNameW(handle, 0, buf, ctypes.byref(size)):
            return "cmd.exe"
        return buf.value.rsplit("\\", 1)[-1].lower()
    finally:
        kernel32.CloseHandle(handle)


def _owns_console() -> bool:
    """Windows only: whether this program has a console window of its own that would close at once."""
    if sys.platform != "win32" or os.environ.get("REPORTER_NO_PAUSE"):
        return False
    try:
        if not sys.stdin or not sys.stdin.isatty():
            return False
        import ctypes

        pids = (ctypes.c_uint32 * 64)()
        count = ctypes.windll.kernel32.GetConsoleProcessList(pids, 64)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    if not 0 < count <= 64:
        return False
    return _alone_in_console(list(pids[:count]), os.getpid(), _windows_image_name)


def _wait_for_enter() -> None:
    with contextlib.suppress(EOFError, KeyboardInterrupt, OSError):
        input("\n按回车键关闭窗口…")


def _safe_streams() -> None:
    """Never crash on a console that cannot show a character (GBK consoles on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> None:
    _safe_streams()
    args = [_long_path(a) for a in (sys.argv[1:] if argv is None else argv)]
    pause = argv is None and _owns_console()
    try:
        app(args=_bare_paths(args), prog_name="reporter")
    finally:
        if pause:
            _wait_for_enter()
