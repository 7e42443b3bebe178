"""The main job as a library: find the inputs, read and extract each, write the ledger and briefing.

    result = run([Path("seeds")], Path("output"))
    result.records, result.failures, result.skipped, result.outputs

run() flow: lock the output folder (reporter.state.OutputLock) → find the inputs (reporter.inputs) →
skip those already done (reporter.state.State) → extract the rest in worker processes, each file under
a time and memory guard (reporter.workers) → write the ledger, then the briefing → mark the new reports
done → append to OUTDIR/reporter.log. One bad file never stops the run: it becomes a Failure with its
reason, and the others go on.

Issue 19 (nothing lost): temporary files a killed run left are deleted first (state.remove_leftovers);
nothing is written while the ledger or briefing is open in Excel/WPS/LibreOffice or read-only
(reporter.locks: FileInUseError, exit 1, the reports stay pending); an OSError while writing becomes a
one-line OutputError in Chinese, logged with its detail and an end line (errors.output_error); file
names that are not UTF-8 reach the writers readable (inputs.readable); a file that changed in place
since it was done refreshes its old ledger row (_replacements) instead of being added again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NoReportsError, ReporterError, os_reason
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
    # --- 简报 publication (reporter/publication.py)
    reissue: bool = False  # publish reports already in an issue again (with --refresh)
    default_period: str = "每次运行"  # 期号周期 when briefing.toml leaves it empty (watch: 每天)


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
    paths = [Path(p) for p in paths]
    items = list(iter_inputs(paths))
    files = [item for item in items if not isinstance(item, Failure)]
    return items, _extract(files, schema, options, pool, NoProgress(), {}, few=_few(paths, files))


def _few(inputs: list[Path], files: list[Path]) -> bool:
    """A few files named one by one: extracted in this process (reporter.workers.in_process), since
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


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input not processed this time, and why (in Chinese)."""

    path: Path
    reason: str


SUMMARY_FAILURES = 10  # failures named one by one in a summary line


@dataclass(slots=True)
class RunResult:
    records: Sequence[Record] = ()  # processed this run (read back from disk)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # done in an earlier run, unchanged
    outputs: list[Path] = field(default_factory=list)  # files written this run
    log: Path | None = None
    ledger: Any = None  # writers.ledger.LedgerResult of this run
    ignored: list[tuple[Path, str]] = field(default_factory=list)  # not reports: (path, kind)

    processed: list[Path] | None = None  # set when results of several batches are merged (watch --once)
    review: Path | None = None  # the 核对页 (OUTDIR/核对.html), rewritten after the ledger (issue 17)
    replaced: list[Path] = field(default_factory=list)  # changed in place since done: their rows refreshed
    # --- 简报 publication (reporter/publication.py)
    briefing: Any = None  # writers.briefing.BriefingResult of the issue written, or None
    refused: list[Any] = field(default_factory=list)  # publication.RefusedCopy: copies in no issue

    @property
    def ok(self) -> bool:
        return not self.failures

    def processed_paths(self) -> list[Path]:
        """The input paths of the reports processed; records kept on disk (reporter.spool) list them unread."""
        if self.processed is not None:
            return list(self.processed)
        paths = getattr(self.records, "paths", None)
        return list(paths) if paths is not None else [r.path for r in self.records]

    def to_json(self, error: Exception | None = None) -> str:
        """The machine-readable summary of `run`, `ledger`, `brief` and `watch --once` (the README lists its keys)."""
        data: dict[str, Any] = {
            "processed": [str(p) for p in self.processed_paths()],
            "skipped": [{"file": str(s.path), "reason": s.reason} for s in self.skipped],
            "failed": [
                {"file": str(f.path), "reason": f.reason, "message": f.message} for f in self.failures
            ],
            "ignored": [{"file": str(p), "kind": kind} for p, kind in self.ignored],
            "outputs": [str(p) for p in self.outputs],
            "review": str(self.review) if self.review else None,
            "log": str(self.log) if self.log else None,
        }
        brief = self.briefing  # 简报 publication (reporter/publication.py)
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
        data["refused_copies"] = [c.as_dict() for c in self.refused]
        if self.replaced:  # reports changed in place: their old rows were refreshed
            data["replaced"] = [str(p) for p in self.replaced]
        if error is not None:
            data["error"] = str(error)
            if data["log"] is None and getattr(error, "log", None) is not None:
                data["log"] = str(error.log)  # type: ignore[attr-defined]
        data["exit_code"] = 1 if error is not None or not self.ok else 0
        return json.dumps(_readable_json(data), ensure_ascii=False, indent=2)

    @classmethod
    def merged(cls, results: Sequence[RunResult]) -> RunResult:
        """One result for several batches (watch --once): everything processed, skipped, failed, written."""
        total = cls(processed=[])
        for r in results:
            assert total.processed is not None
            total.processed += r.processed_paths()
            total.failures += r.failures
            total.skipped += r.skipped
            total.ignored += r.ignored
            total.replaced += r.replaced
            total.refused += r.refused
            total.briefing = r.briefing or total.briefing
            total.outputs += [p for p in r.outputs if p not in total.outputs]
            total.log = r.log or total.log
            total.review = r.review or total.review
        return total

    def summary(self, most: int = SUMMARY_FAILURES) -> str:
        """已处理 12 份，跳过 3 份（以前处理过、没有改动），失败 1 份：三月通报.docx（文件已加密）

        At most `most` failures are named; the rest are counted and left to the log and 处理异常."""
        text = f"已处理 {len(self.records)} 份"
        if self.skipped:
            text += f"，跳过 {len(self.skipped)} 份（以前处理过、没有改动）"
        if self.failures:
            items = "；".join(f"{f.path.name}（{f.reason}）" for f in self.failures[:most])
            text += f"，失败 {len(self.failures)} 份：{items}"
            if len(self.failures) > most:
                where = f"，见台账的“处理异常”表和 {self.log}" if self.log else "，见台账的“处理异常”表"
                text += f"；另有 {len(self.failures) - most} 份失败{where}"
        if self.ignored:
            text += f"；{ignored_text(self.ignored)}"
        return text + self.briefing_summary()

    def briefing_summary(self) -> str:
        """；简报 2024年第3期（新增 5 份，共 12 份）；2 份转发件未收入简报（与已有报告相同）"""
        text = ""
        brief = self.briefing
        if brief is not None and brief.issue is not None:
            total = f"，共 {brief.reports} 份" if brief.rewritten else ""
            text += f"；简报 {brief.issue.label}（新增 {brief.added} 份{total}）"
        if self.refused:
            shown = "；".join(f"{c.name}（{c.as_dict()['reason']}）" for c in self.refused[:3])
            more = " 等" if len(self.refused) > 3 else ""
            text += f"；{len(self.refused)} 份转发件或重复件未收入简报：{shown}{more}"
        return text


def _readable_json(data: dict) -> dict:
    """Issue 19: file names that are not UTF-8 cannot go into JSON as they are; they are given readably
    (reporter.inputs.readable) and, under "raw_names", with the bytes the system gave."""
    from .inputs import has_odd_bytes, raw_bytes, readable

    raw: dict[str, str] = {}

    def fix(value, path: bool = False):
        if isinstance(value, str):
            if not has_odd_bytes(value):
                return value
            if path:
                raw[readable(value)] = raw_bytes(value)
            return readable(value)
        if isinstance(value, list):
            return [fix(v, path) for v in value]
        if isinstance(value, dict):
            return {k: fix(v, k in ("file", "processed", "outputs", "replaced")) for k, v in value.items()}
        return value

    fixed = fix(data)
    if raw:
        fixed["raw_names"] = raw
    return fixed


def ignored_text(ignored: Sequence[tuple[Path, str]]) -> str:
    """不是报告、没有读取：Excel 表格 3 个，压缩包（请先解压）1 个"""
    counts: dict[str, int] = {}
    for _path, kind in ignored:
        counts[kind] = counts.get(kind, 0) + 1
    parts = []
    for kind, n in counts.items():
        name, _, hint = kind.partition("（")
        parts.append(f"{name} {n} 个" + (f"（{hint}" if hint else ""))
    return "不是报告、没有读取：" + "，".join(parts)


def require_reports(paths: Sequence[Path]) -> None:
    """Raise NoReportsError, naming what was found instead, when `paths` hold no file to read.

    Stops at the first report found, so a normal run pays for one short look only."""
    ignored: list[tuple[Path, str]] = []
    failures: list[Failure] = []
    for item in iter_inputs(paths, ignored):
        if not isinstance(item, Failure):
            return
        failures.append(item)
    parts = [f.message for f in failures[:SUMMARY_FAILURES]]
    if ignored or not failures:
        where = "、".join(str(p) for p in paths[:3]) + ("等" if len(paths) > 3 else "")
        parts.append(f"{where}：没有找到可以处理的报告（支持 .txt、.docx、.doc、.wps、.html、.pdf 等）")
    if ignored:
        parts.append(ignored_text(ignored))
    parts.append("没有写出台账和简报")
    raise NoReportsError("；".join(parts), path=paths[0] if paths else None, reason="没有找到报告")


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
    from .writers import check_briefing_template, write_ledger

    schema = schema or load_schema(templates=options.templates)
    check_briefing_template(
        options.templates
    )  # a broken briefing template stops us before any report is read
    paths = [Path(p) for p in paths]
    require_reports(paths)  # nothing to read: say what was found instead, write nothing
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
            from .writers.ledger import reconcile_ledger

            for sha in reconcile_ledger(outdir / LEDGER_NAME).readd:
                state.files.pop(sha, None)
            # --- end ledger reconcile
            todo, prints = _plan(paths, outdir, state, result)
            if todo:  # before reading anything: a ledger open elsewhere stops the run
                _check_outputs(outdir, log)
            _log_odd_names(todo, log)
            replaces = _replacements(todo, prints, state)
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
            publication.before_ledger(
                [r for r in records if r.sha256 not in replaces] if replaces else records
            )
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
            from .errors import describe_os_error

            why = describe_os_error(exc)[0] if isinstance(exc, OSError) else str(exc)
            log.write(f"状态文件无法保存（{why}；{exc}）；下次运行会重新处理这些报告（台账不会重复添加）")
        # -- 核对页 (issue 17): keep the records the ledger holds, rewrite the page; never fails the run
        from .writers.review import update_review

        result.review = update_review(
            outdir, result.records, result.ledger, schema, templates=options.templates, log=log.write
        )
        # --
        log.write(f"结束：{result.summary()}" + "".join(f"；已写入 {out}" for out in result.outputs))
    return result


# ------------------------------------------------ issue 19: outputs open elsewhere, odd names, OS errors
@contextlib.contextmanager
def _output_lock(outdir: Path, options: Options, progress: Progress) -> Iterator[None]:
    """The output folder's lock; when it cannot be had, the log says so (error and end lines)."""
    lock = OutputLock(outdir, wait=options.wait, on_wait=progress.waiting)
    try:
        lock.acquire()
    except ReporterError as exc:
        log = RunLog(outdir)
        log.write(f"错误：{exc}", "结束：没有处理任何报告")
        exc.log = log.path  # type: ignore[attr-defined]
        raise
    try:
        yield
    finally:
        lock.release()


class _Stage:
    """What a run is writing now, so that an OSError can name the file and the step."""

    def __init__(self, outdir: Path):
        self.path: Path | None = outdir
        self.what = ""

    def enter(self, path: Path | None, what: str) -> None:
        self.path, self.what = path, what


@contextlib.contextmanager
def _output_errors(stage: _Stage, log: RunLog, result: RunResult) -> Iterator[None]:
    """Any ReporterError or OSError of a run: the log gets the error (with its detail) and an end line;
    an OSError becomes an OutputError in Chinese (disk full, no permission, path too long…); the error
    carries the log's path (`exc.log`) for the --json summary."""
    from .errors import output_error

    try:
        yield
    except (ReporterError, OSError) as exc:
        error = exc if isinstance(exc, ReporterError) else output_error(exc, stage.path, stage.what)
        detail = getattr(error, "detail", "")
        log.write(f"错误：{error}", *([f"详细：{detail}"] if detail else []))
        read = len(result.records)
        log.write(
            f"结束：未完成（读取了 {read} 份报告，没有记为已处理，下次运行时会重新处理）"
            if read
            else "结束：未完成"
        )
        error.log = log.path  # type: ignore[attr-defined]
        if error is exc:
            raise
        raise error from None


def _remove_leftovers(outdir: Path, log: RunLog) -> None:
    """Temporary files a killed run left (under the output folder's lock, so no run is writing them)."""
    from .state import remove_leftovers

    for tmp in remove_leftovers(outdir):
        log.write(f"删除了上次中断留下的临时文件 {tmp}")


def _replacements(
    todo: list[Path], prints: dict[Path, Fingerprint], state: State
) -> dict[str, tuple[str, bool]]:
    """Files done before whose content changed in place (issue 19): new SHA-256 → (old SHA-256, grown)."""
    found = {}
    for path in todo:
        previous = state.previous(prints[path])
        if previous is not None:
            found[prints[path].sha256] = previous
    return found


def _after_replacing(
    records: Sequence[Record],
    replaces: dict[str, tuple[str, bool]],
    result: RunResult,
    state: State,
    log: RunLog,
) -> Sequence[Record]:
    """The records for the briefing: those that only refreshed the row of their own earlier version are
    left out (that report was published already). The log says which rows were refreshed; their old
    versions leave the state."""
    if not replaces:
        return records
    ledger = result.ledger
    listed = {a.path for a in ledger.added} | {s.path for s in ledger.skipped}
    keep: list[int] = []
    for i, record in enumerate(records):
        wanted = replaces.get(record.sha256)
        if wanted is None or record.path in listed:
            keep.append(i)
            continue
        old_sha, grown = wanted
        why = "处理后文件又变大了（当时复制或写入还没有完成）" if grown else "处理后在原处被修改了"
        log.write(
            f"重新读取 {record.path}：{why}；台账中它原来的那一行已按新内容更新"
            "（只更新程序填写的值，人工修改的保留），简报不再重复刊登"
        )
        state.forget(old_sha)
        result.replaced.append(record.path)
    if len(keep) == len(records):
        return records
    return _Subset(records, keep)


class _Subset(Sequence[Record]):
    def __init__(self, records: Sequence[Record], indexes: list[int]):
        self._records, self._indexes = records, indexes
        paths = getattr(records, "paths", None)
        if paths is not None:
            self.paths = [paths[i] for i in indexes]

    def __len__(self) -> int:
        return len(self._indexes)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._records[self._indexes[index]]


def _log_odd_names(paths: list[Path], log: RunLog) -> None:
    """Each input whose name is not UTF-8: its readable name and its bytes (RunLog.write adds them)."""
    from .inputs import has_odd_bytes

    for path in paths:
        if has_odd_bytes(str(path)):
            log.write(f"读取：{path}")


def _check_outputs(outdir: Path, log: RunLog) -> None:
    """FileInUseError when the ledger or briefing is open in Excel, WPS or LibreOffice; OutputError when
    one is read-only. Nothing has been written then, and no report is marked done."""
    from .locks import check_free

    check_free([outdir / LEDGER_NAME, outdir / BRIEFING_NAME], note=log.write)


def _shown_records(records: Sequence[Record]) -> Sequence[Record]:
    """The records as the writers get them: a path whose name is not UTF-8 (GBK from a Windows zip) is
    given in its readable form (reporter.inputs.readable), since no output can hold its raw bytes."""
    from .inputs import has_odd_bytes

    paths = getattr(records, "paths", None)
    listed = list(paths) if paths is not None else [r.path for r in records]
    if not any(has_odd_bytes(str(p)) for p in listed):
        return records
    return _ShownRecords(records)


class _ShownRecords(Sequence[Record]):
    def __init__(self, records: Sequence[Record]):
        from .inputs import readable

        self._records = records
        paths = getattr(records, "paths", None)
        listed = list(paths) if paths is not None else [r.path for r in records]
        self.paths = [Path(readable(str(p))) for p in listed]

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        record = self._records[index]
        shown = self.paths[index]
        return record if shown == record.path else dataclasses.replace(record, path=shown)


def _shown_failures(failures: list[Failure]) -> list[Failure]:
    from .inputs import has_odd_bytes, readable

    return [
        Failure(path=Path(readable(str(f.path))), reason=readable(f.reason), message=readable(f.message))
        if has_odd_bytes(f"{f.path}{f.reason}{f.message}")
        else f
        for f in failures
    ]


def is_output(path: Path, outdir: Path) -> bool:
    """Whether `path` is one of the files a run writes into `outdir` (the ledger, the briefing and its
    archive, the state folder), so that an OUTDIR inside (or equal to) an input folder is not read back."""
    from .state import STATE_DIR
    from .writers.briefing.issues import ARCHIVE_DIR

    path, out = Path(os.path.abspath(path)), Path(os.path.abspath(outdir))
    if path.parent == out:
        from .writers.review import is_review_page  # the 核对页, whatever templates/review.toml names it

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
