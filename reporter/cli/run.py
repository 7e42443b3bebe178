"""The main job and the drop folder: `reporter run` and `reporter watch`."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..folders import command_arg
from .common import (
    EvidenceOpt,
    IssueNoOpt,
    JobsOpt,
    JsonOpt,
    MemoryOpt,
    PathsArg,
    QuietOpt,
    RefDateOpt,
    RefreshOpt,
    ReissueOpt,
    TemplatesOpt,
    TimeoutOpt,
    WaitOpt,
    _beside,
    _check_outdir,
    _fail,
    _issue_label,
    _ledger_report,
    _load_schema,
    _run_options,
    app,
    err,
)

if TYPE_CHECKING:
    from ..jobs.result import RunResult


@app.command()
def run(
    paths: PathsArg,
    outdir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            show_default=False,
            help="输出文件夹：写入 台账.xlsx 和 简报.docx（默认：第一个路径旁边的 <名称>_台账简报，与拖放相同）。",
        ),
    ] = None,
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

    from ..errors import ReporterError
    from ..jobs.pipeline import run as run_job
    from ..jobs.progress import console_progress

    if outdir is None:  # as when the folder is dropped on the program: beside the first input
        outdir = _beside(Path(os.path.abspath(paths[0])))
    _check_outdir(outdir)
    schema = _load_schema(templates)
    options = _run_options(templates, ref_date, jobs, timeout, memory, wait)
    options = dataclasses.replace(
        options, issue_no=issue_no, evidence=evidence, refresh=refresh, reissue=reissue
    )
    try:
        from ..jobs.pipeline import require_reports

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
            from ..jobs.pipeline import RunResult

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
            err(f"核对页：{result.review}（用 reporter review {command_arg(outdir)} 在浏览器中打开）")
        if not result.outputs and not result.failures:
            err(f"没有新增或改动过的报告，{outdir} 中的台账和简报保持不变")
    raise typer.Exit(0 if result.ok else 1)


def _outputs_given(paths: list[Path], exc: Exception) -> Exception:
    """No report found because only output folders were given (an 一月_台账简报 dropped on the program
    instead of 一月): say what they are and what to do instead."""
    from ..errors import NoReportsError
    from ..jobs.inputs import is_output_folder

    if not isinstance(exc, NoReportsError) or not paths or not all(is_output_folder(p) for p in paths):
        return exc
    names = "、".join(str(p) for p in paths)
    return NoReportsError(
        f"{names}：这是本程序写出的结果文件夹（台账、简报、核对页），里面没有报告；"
        f"要核对请用 reporter review {command_arg(paths[0])}，要加入新报告请给出（或拖入）报告所在的文件夹",
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

    from ..errors import ReporterError
    from ..jobs.progress import console_progress
    from ..jobs.watch import FAILED_DIR, WatchBatch, Watcher, WatchSettings

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

    idle: list[tuple[Path, str]] = []  # --once: not reports, found when there was nothing to do

    def on_batch(batch: WatchBatch) -> None:
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
            where = f"（文件已移到 {moved[failure.path]}，旁边有说明）" if failure.path in moved else ""
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
        on_idle=idle.extend if once else _waiting(inbox, quiet),
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
            from ..jobs.pipeline import RunResult

            log = outdir / "reporter.log"
            typer.echo(RunResult(log=log if os.path.isfile(log) else None).to_json(error=exc))
        raise _fail(exc) from None
    # a clean stop (Ctrl+C, SIGTERM) exits 0: failures were reported as they came (issue 19)
    failed = once and (bool(failed_batches) or bool(errors))
    if once:
        _once_summary(inbox, outdir, results, idle, as_json=as_json, quiet=quiet)
    raise typer.Exit(1 if failed else 0)


def _once_summary(
    inbox: Path,
    outdir: Path,
    results: list[RunResult],
    idle: list[tuple[Path, str]],
    *,
    as_json: bool,
    quiet: bool,
) -> None:
    """The end of `watch --once`: the JSON summary, or a line when there was nothing to process."""
    if as_json:
        from ..jobs.pipeline import RunResult

        summary = RunResult.merged(results)
        summary.ignored += idle
        typer.echo(summary.to_json())
    elif not quiet and not results:
        kept = f"{outdir} 中的台账和简报没有改动" if os.path.isdir(outdir) else "没有写出台账和简报"
        err(f"{_no_reports_yet(inbox, idle)}；{kept}")


def _waiting(inbox: Path, quiet: bool) -> Callable[[list[tuple[Path, str]]], None]:
    """What `watch` says when the inbox holds no report yet: it waits."""

    def on_idle(ignored: list[tuple[Path, str]]) -> None:
        if not quiet:
            stamp = dt.datetime.now().strftime("%H:%M:%S")
            err(f"[{stamp}] {_no_reports_yet(inbox, ignored)}；等待报告放进来…")

    return on_idle


def _no_reports_yet(inbox: Path, ignored: list[tuple[Path, str]]) -> str:
    """收件箱 中没有需要处理的新报告（支持 .txt、.docx…）；不是报告、没有读取：Excel 表格 2 个"""
    from ..jobs.result import READ_KINDS, ignored_text

    text = f"{inbox} 中没有需要处理的新报告（{READ_KINDS}）"
    return text + (f"；{ignored_text(ignored)}" if ignored else "")
