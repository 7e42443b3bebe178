"""The main job as a library: find the inputs, read and extract each, write the ledger and briefing.

    result = run([Path("seeds")], Path("output"))
    result.records, result.failures, result.skipped, result.outputs

run() flow: lock the output folder (reporter.jobs.state.OutputLock) → find the inputs (reporter.jobs.inputs) →
skip those already done (reporter.jobs.state.State) → extract the rest in worker processes, each file under
a time and memory guard (reporter.jobs.workers) → write the ledger, then the briefing → mark the new reports
done → append to OUTDIR/reporter.log. One bad file never stops the run: it becomes a Failure with its
reason, and the others go on.

Issue 19 (nothing lost): temporary files a killed run left are deleted first (state.remove_leftovers);
nothing is written while the ledger or briefing is open in Excel/WPS/LibreOffice or read-only
(reporter.jobs.locks: FileInUseError, exit 1, the reports stay pending); an OSError while writing becomes a
one-line OutputError in Chinese, logged with its detail and an end line (errors.output_error); file
names that are not UTF-8 reach the writers readable (inputs.readable); a file that changed in place
since it was done refreshes its old ledger row (_replacements) instead of being added again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReporterError, os_reason
from ..model import Failure, Record
from ..schema import Schema, load_schema
from .inputs import iter_inputs
from .job import BRIEFING_NAME, DEFAULT_OPTIONS, LEDGER_NAME, Options, process  # noqa: F401 (re-exported)
from .progress import NoProgress, Progress
from .result import RunResult, Skipped, require_reports
from .safety import (
    _after_replacing,
    _check_outputs,
    _log_odd_names,
    _output_errors,
    _output_lock,
    _remove_leftovers,
    _replacements,
    _shown_failures,
    _shown_records,
    _Stage,
)
from .spool import Batch, Records
from .state import Fingerprint, RunLog, State, now_text

if TYPE_CHECKING:
    from .workers import WorkerPool


def extract_paths(
    paths: Iterable[Path],
    schema: Schema,
    options: Options = DEFAULT_OPTIONS,
    *,
    pool: WorkerPool | None = None,
) -> Iterator[Record | Failure]:
    """Records (or failures) for every input, in input order, extracted in guarded worker processes.
    Each record is read back from disk as it is yielded (reporter.jobs.spool), so memory stays flat."""
    items, batch = _extract_inputs(paths, schema, options, pool)
    done = iter(batch)
    try:
        for item in items:
            yield item if isinstance(item, Failure) else next(done)
    finally:
        batch.close()


def extract_all(
    paths: Iterable[Path],
    schema: Schema,
    options: Options = DEFAULT_OPTIONS,
    *,
    pool: WorkerPool | None = None,
) -> tuple[Sequence[Record], list[Failure]]:
    """Every input extracted: its records (kept on disk, in input order: reporter.jobs.spool) and the
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
    paths = [Path(p) for p in paths]
    items = list(iter_inputs(paths))
    files = [item for item in items if not isinstance(item, Failure)]
    return items, _extract(files, schema, options, pool, NoProgress(), {}, few=_few(paths, files))


def _few(inputs: list[Path], files: list[Path]) -> bool:
    """A few files named one by one: extracted in this process (reporter.jobs.workers.in_process), since
    starting the guarded pool would cost more than they do. Folders and many files go to the pool."""
    from .workers import IN_PROCESS_MAX

    return len(files) <= IN_PROCESS_MAX and not any(p.is_dir() for p in inputs)


def _extract(
    paths: list[Path],
    schema: Schema,
    options: Options,
    pool: WorkerPool | None,
    progress: Progress,
    details: dict[Path, str],
    *,
    few: bool = False,
) -> Batch:
    """Record or Failure per path, in order: in the given pool, in this process for a `few` files, or in
    a pool started for these files. Tracebacks of unexpected errors (bugs) go to `details` for the log."""
    if not paths:
        return Batch()
    progress.start(len(paths))
    try:
        if pool is None and few:
            from .workers import in_process

            batch, found = in_process(paths, schema, options, lambda i: progress.advance(paths[i]))
            details.update(found)
            return batch
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


def _start_workers_early() -> bool:
    """A folder or many files: the pool's fork server starts now, loading the dictionaries on the other
    core while this process checks the templates and plans (reporter.jobs.workers.start_early)."""
    from .workers import start_early

    return start_early()


def _stop_early_workers() -> None:
    from .workers import stop_early

    stop_early()


def run(
    paths: Iterable[Path],
    outdir: Path,
    *,
    schema: Schema | None = None,
    options: Options = DEFAULT_OPTIONS,
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
    from ..writers import check_briefing_template, write_ledger

    schema = schema or load_schema(templates=options.templates)
    check_briefing_template(
        options.templates
    )  # a broken briefing template stops us before any report is read
    paths = [Path(p) for p in paths]
    require_reports(paths)  # nothing to read: say what was found instead, write nothing
    early = pool is None and not _few(paths, paths) and _start_workers_early()
    outdir = Path(outdir)
    progress = progress or NoProgress()
    result = RunResult()
    with _output_lock(outdir, options, progress):
        log = RunLog(outdir)
        result.log = log.path
        log.write("开始：" + "、".join(str(p) for p in paths))
        stage = _Stage(outdir)
        with _output_errors(stage, log, result):
            _remove_leftovers(outdir, log)
            from .publication import Publication

            publication = Publication.start(outdir, schema, options, BRIEFING_NAME)
            for note in publication.notes:
                log.write(note)
            state = (
                State(outdir)
                if options.refresh or not (outdir / LEDGER_NAME).exists()
                else State.load(outdir)
            )
            if state.note:
                log.write(state.note)
            if not options.refresh and (outdir / LEDGER_NAME).exists() and publication.seed_state(state):
                log.write(f"状态文件已按简报发布记录重建（{len(state.files)} 份报告）")
            # --- ledger reconcile (h14): reports whose rows vanished when another program saved over the
            # ledger are processed again (the ledger writer puts them back and says so)
            from ..writers.ledger import reconcile_ledger

            for sha in reconcile_ledger(outdir / LEDGER_NAME).readd:
                state.files.pop(sha, None)
            # --- end ledger reconcile
            todo, prints = _plan(paths, outdir, state, result)
            if todo:  # before reading anything: a ledger open elsewhere stops the run
                _check_outputs(outdir, log)
            _log_odd_names(todo, log)
            replaces = _replacements(todo, prints, state)
            if early and (not todo or _few(paths, todo)):
                _stop_early_workers()  # nothing for the pool after all: its server's memory goes
            details: dict[Path, str] = {}
            done: list[Fingerprint] = []
            try:
                batch = _extract(todo, schema, options, pool, progress, details, few=_few(paths, todo))
            except KeyboardInterrupt:  # Ctrl+C while reading: nothing of this run was written
                log.write(f"已中断：读取 {len(todo)} 份报告时按了 Ctrl+C；本次没有写入，下次运行会重新处理")
                raise
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
            records, failures = _shown_records(result.records), _shown_failures(result.failures)
            stage.enter(outdir, "建立输出文件夹")
            outdir.mkdir(parents=True, exist_ok=True)
            # reports that only refresh the row of their earlier version are not published again
            publication.before_ledger(records, leave_out=replaces.keys())
            if result.records or result.failures or not (outdir / LEDGER_NAME).exists():
                _check_outputs(outdir, log)  # again: it may have been opened while the reports were read
                stage.enter(outdir / LEDGER_NAME, "写入台账")
                result.ledger = write_ledger(
                    records,
                    schema,
                    outdir / LEDGER_NAME,
                    failures=failures,
                    templates=options.templates,
                    refresh=options.refresh,
                    replaces={new: old for new, old in replaces.items() if not options.refresh},
                )
                result.outputs.append(result.ledger.path)
                _after_replacing(records, replaces, result, state, log)  # logs the rows refreshed in place
            publication.after_ledger(result.ledger)  # one report, one issue (reporter/publication.py)
            result.refused = publication.refused
            for copy in publication.refused:
                log.write("未收入简报：{file}（{reason}）".format(**copy.as_dict()))
            stage.enter(outdir / BRIEFING_NAME, "写入简报")
            result.briefing = publication.publish(outdir / BRIEFING_NAME)
            if result.briefing is not None:  # (its copy in 简报存档/ is not listed: see docs/简报.md)
                result.outputs.append(result.briefing.path)
            stage.enter(None, "")
        when = now_text()
        for fp in done:
            state.mark_done(fp, when)
        try:
            state.save()
        except (OSError, ReporterError) as exc:
            from ..errors import describe_os_error

            why = describe_os_error(exc)[0] if isinstance(exc, OSError) else str(exc)
            log.write(f"状态文件无法保存（{why}；{exc}）；下次运行会重新处理这些报告（台账不会重复添加）")
        # -- 核对页 (issue 17): keep the records the ledger holds, rewrite the page; never fails the run
        from ..writers.review import update_review

        result.review = update_review(
            outdir, result.records, result.ledger, schema, templates=options.templates, log=log.write
        )
        # --
        if isinstance(result.records, Records):
            result.records.release()  # the writers are done: the records kept in memory go (spool.py)
        log.write(f"结束：{result.summary()}" + "".join(f"；已写入 {out}" for out in result.outputs))
    return result


def is_output(path: Path, outdir: Path) -> bool:
    """Whether `path` is one of the files a run writes into `outdir` (the ledger, the briefing and its
    archive, the state folder), so that an OUTDIR inside (or equal to) an input folder is not read back."""
    from ..folders import ARCHIVE_DIR, STATE_DIR

    path, out = Path(os.path.abspath(path)), Path(os.path.abspath(outdir))
    if path.parent == out:
        from ..writers.review import is_review_page  # the 核对页, whatever templates/review.toml names it

        return path.name in (LEDGER_NAME, BRIEFING_NAME) or is_review_page(path)
    return path.is_relative_to(out / ARCHIVE_DIR) or path.is_relative_to(out / STATE_DIR)


def _plan(
    paths: list[Path], outdir: Path, state: State, result: RunResult
) -> tuple[list[Path], dict[Path, Fingerprint]]:
    """The files to process now, with their fingerprints; the rest go to result.skipped / failures."""
    todo: list[Path] = []
    prints: dict[Path, Fingerprint] = {}
    for item in iter_inputs(paths, result.ignored):
        if isinstance(item, Failure):
            result.failures.append(item)
            continue
        if is_output(item, outdir):
            continue  # our own outputs, when OUTDIR is inside an input
        try:
            fp = state.fingerprint(item)
        except OSError as exc:
            reason = f"无法读取（{os_reason(exc)}）"
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
