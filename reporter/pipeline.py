"""The main job as a library: find the inputs, read and extract each, write the ledger and briefing.

    result = run([Path("seeds")], Path("output"))
    result.records, result.failures, result.skipped, result.outputs

run() flow: lock the output folder (reporter.state.OutputLock) → find the inputs (reporter.inputs) →
skip those already done (reporter.state.State) → extract the rest in worker processes, each file under
a time and memory guard (reporter.workers) → write the ledger, then the briefing → mark the new reports
done → append to OUTDIR/reporter.log. One bad file never stops the run: it becomes a Failure with its
reason, and the others go on.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ReporterError
from .inputs import iter_inputs
from .model import Failure, Record
from .progress import NoProgress, Progress
from .schema import Schema, load_schema
from .spool import Batch
from .state import Fingerprint, OutputLock, RunLog, State, now_text

if TYPE_CHECKING:
    from .workers import WorkerPool

LEDGER_NAME = "台账.xlsx"
BRIEFING_NAME = "简报.docx"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What shapes extraction, shared by every file of a run."""

    templates: Path | None = None
    ref_date: dt.date | None = None
    jobs: int | None = None  # worker processes for extraction; None = one per core
    timeout: float | None = 60.0  # seconds per file before it becomes a Failure; None = no limit
    memory_mb: int | None = 1024  # extra memory per worker after loading (POSIX only); None = no limit
    wait: float = 0.0  # seconds to wait for another run holding the output folder
    refresh: bool = False  # re-extract reports already in the ledger (issue 4)
    issue_no: int | None = None  # the briefing's 期号; None = continue from the last run (issue 5)
    evidence: bool = False  # attach each value's source sentence to the briefing as a comment


def process(path: Path, schema: Schema, options: Options = Options()) -> Record | Failure:
    """Read and extract one file; a ReporterError becomes a Failure naming the file and the reason."""
    from .extractor import extract
    from .readers import read

    try:
        doc = read(path)
        return extract(doc, schema, ref_date=options.ref_date, templates=options.templates)
    except ReporterError as exc:
        return Failure(path=path, reason=exc.reason, message=str(exc))


def extract_paths(
    paths: Iterable[Path], schema: Schema, options: Options = Options(), *, pool: WorkerPool | None = None
) -> Iterator[Record | Failure]:
    """Records (or failures) for every input, in input order, extracted in guarded worker processes.
    Each record is read back from disk as it is yielded (reporter.spool), so memory stays flat."""
    items, batch = _extract_inputs(paths, schema, options, pool)
    done = iter(batch)
    try:
        for item in items:
            yield item if isinstance(item, Failure) else next(done)
    finally:
        batch.close()


def extract_all(
    paths: Iterable[Path], schema: Schema, options: Options = Options(), *, pool: WorkerPool | None = None
) -> tuple[Sequence[Record], list[Failure]]:
    """Every input extracted: its records (kept on disk, in input order: reporter.spool) and the
    failures, in input order."""
    items, batch = _extract_inputs(paths, schema, options, pool)
    failures: list[Failure] = []
    done = 0
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            failure = batch.failure(done)
            if failure is not None:
                failures.append(failure)
            done += 1
    return batch.records(), failures


def _extract_inputs(
    paths: Iterable[Path], schema: Schema, options: Options, pool: WorkerPool | None
) -> tuple[list[Path | Failure], Batch]:
    """The inputs under `paths` (files, or failures such as a missing path) and the batch of the files'
    results, in the order of the files."""
    items = list(iter_inputs(paths))
    files = [item for item in items if not isinstance(item, Failure)]
    return items, _extract(files, schema, options, pool, NoProgress(), {})


def _extract(
    paths: list[Path],
    schema: Schema,
    options: Options,
    pool: WorkerPool | None,
    progress: Progress,
    details: dict[Path, str],
) -> Batch:
    """Record or Failure per path, in order: in the given pool, or in one started for these files.
    Tracebacks of unexpected errors (bugs) go to `details` for the log."""
    if not paths:
        return Batch()
    progress.start(len(paths))
    try:
        if pool is not None:
            batch = pool.map(paths, lambda i, failure: progress.advance(paths[i]))
            details.update(pool.details)
            return batch
        from .workers import RELEASE_AFTER, WorkerPool, release_fork_server

        with WorkerPool(schema, options) as own:
            batch = own.map(paths, lambda i, failure: progress.advance(paths[i]))
            details.update(own.details)
        if len(paths) >= RELEASE_AFTER:  # a big batch: free the fork server's memory for writing
            release_fork_server()
        return batch
    finally:
        progress.stop()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input not processed this time, and why (in Chinese)."""

    path: Path
    reason: str


@dataclass(slots=True)
class RunResult:
    records: Sequence[Record] = ()  # processed this run (read back from disk)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # done in an earlier run, unchanged
    outputs: list[Path] = field(default_factory=list)  # files written this run
    log: Path | None = None
    ledger: Any = None  # writers.ledger.LedgerResult of this run

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """已处理 12 份，跳过 3 份（以前处理过、没有改动），失败 1 份：三月通报.docx（文件已加密）"""
        text = f"已处理 {len(self.records)} 份"
        if self.skipped:
            text += f"，跳过 {len(self.skipped)} 份（以前处理过、没有改动）"
        if self.failures:
            items = "；".join(f"{f.path.name}（{f.reason}）" for f in self.failures)
            text += f"，失败 {len(self.failures)} 份：{items}"
        return text


def run(
    paths: Iterable[Path],
    outdir: Path,
    *,
    schema: Schema | None = None,
    options: Options = Options(),
    pool: WorkerPool | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """The main job: every report under `paths` → outdir/台账.xlsx and outdir/简报.docx.

    Re-runs into the same outdir process only new or changed files (OUTDIR/.reporter/state.json; a
    report is marked done once the ledger and briefing holding it were written; `options.refresh`
    processes everything again). A second run into the same outdir waits up to `options.wait` seconds
    for the first, then raises LockedError. Each run appends a few lines to OUTDIR/reporter.log.
    `pool` lets a caller (watch mode) keep its worker processes across runs.
    """
    from .writers import check_briefing_template, write_briefing, write_ledger

    schema = schema or load_schema(templates=options.templates)
    check_briefing_template(
        options.templates
    )  # a broken briefing template stops us before any report is read
    outdir = Path(outdir)
    progress = progress or NoProgress()
    result = RunResult()
    paths = [Path(p) for p in paths]
    with OutputLock(outdir, wait=options.wait, on_wait=progress.waiting):
        log = RunLog(outdir)
        result.log = log.path
        log.write("开始：" + "、".join(str(p) for p in paths))
        from .writers.atomic import remove_stale_temporaries

        for tmp in remove_stale_temporaries(outdir, [LEDGER_NAME, BRIEFING_NAME]):
            log.write(f"删除了上次中断留下的临时文件 {tmp.name}")
        state = (
            State(outdir) if options.refresh or not (outdir / LEDGER_NAME).exists() else State.load(outdir)
        )
        if state.note:
            log.write(state.note)
        # --- ledger reconcile (h14): reports whose rows vanished when another program saved over the
        # ledger are processed again (the ledger writer puts them back and says so)
        from .writers.ledger import reconcile_ledger

        for sha in reconcile_ledger(outdir / LEDGER_NAME).readd:
            state.files.pop(sha, None)
        # --- end ledger reconcile
        todo, prints = _plan(paths, outdir, state, result)
        details: dict[Path, str] = {}
        done: list[Fingerprint] = []
        batch = _extract(todo, schema, options, pool, progress, details)
        for i, path in enumerate(todo):
            failure = batch.failure(i)
            if failure is not None:
                result.failures.append(failure)
            else:
                done.append(prints[path])
        result.records = batch.records()
        for failure in result.failures:
            log.write(f"失败：{failure.message}")
            if failure.path in details:
                log.write(details[failure.path].rstrip())
        try:
            outdir.mkdir(parents=True, exist_ok=True)
            if result.records or result.failures or not (outdir / LEDGER_NAME).exists():
                result.ledger = write_ledger(
                    result.records,
                    schema,
                    outdir / LEDGER_NAME,
                    failures=result.failures,
                    templates=options.templates,
                    refresh=options.refresh,
                )
                result.outputs.append(result.ledger.path)
            if result.records:  # one issue per run with new reports (writers/briefing)
                brief = write_briefing(
                    result.records,
                    schema,
                    outdir / BRIEFING_NAME,
                    templates=options.templates,
                    issue_no=options.issue_no,
                    evidence=options.evidence,
                )
                if brief.path is not None:  # (its copy in 简报存档/ is not listed: see README)
                    result.outputs.append(brief.path)
        except ReporterError as exc:
            log.write(f"错误：{exc}", f"结束：{result.summary()}；本次的报告下次运行时会重新处理")
            raise
        when = now_text()
        for fp in done:
            state.mark_done(fp, when)
        try:
            state.save()
        except (OSError, ReporterError) as exc:
            log.write(f"状态文件无法保存（{exc}）；下次运行会重新处理这些报告")
        log.write(f"结束：{result.summary()}" + "".join(f"；已写入 {out}" for out in result.outputs))
    return result


def is_output(path: Path, outdir: Path) -> bool:
    """Whether `path` is one of the files a run writes into `outdir` (the ledger, the briefing and its
    archive, the state folder), so that an OUTDIR inside (or equal to) an input folder is not read back."""
    from .state import STATE_DIR
    from .writers.briefing.issues import ARCHIVE_DIR

    path, out = Path(os.path.abspath(path)), Path(os.path.abspath(outdir))
    if path.parent == out:
        return path.name in (LEDGER_NAME, BRIEFING_NAME)
    return path.is_relative_to(out / ARCHIVE_DIR) or path.is_relative_to(out / STATE_DIR)


def _plan(
    paths: list[Path], outdir: Path, state: State, result: RunResult
) -> tuple[list[Path], dict[Path, Fingerprint]]:
    """The files to process now, with their fingerprints; the rest go to result.skipped / failures."""
    todo: list[Path] = []
    prints: dict[Path, Fingerprint] = {}
    for item in iter_inputs(paths):
        if isinstance(item, Failure):
            result.failures.append(item)
            continue
        if is_output(item, outdir):
            continue  # our own outputs, when OUTDIR is inside an input
        try:
            fp = state.fingerprint(item)
        except OSError as exc:
            reason = f"无法读取（{exc.strerror or exc}）"
            result.failures.append(
                Failure(
                    path=item,
                    reason=reason,
                    message=f"{item}：{reason}；请检查文件权限，或文件是否正被其他程序占用",
                )
            )
            continue
        if state.done(fp) is not None:
            state.seen_at(fp)
            result.skipped.append(Skipped(item, "以前处理过、没有改动"))
            continue
        todo.append(item)
        prints[item] = fp
    return todo, prints
