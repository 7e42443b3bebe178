"""Nothing lost (issue 19): the output folder's lock, outputs open elsewhere, OS errors in Chinese, files
changed in place, file names that are not UTF-8 — the parts of a run that guard what the user already has."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ReporterError
from ..model import Failure, Record
from .job import BRIEFING_NAME, LEDGER_NAME, Options
from .progress import Progress
from .result import RunResult
from .state import Fingerprint, OutputLock, RunLog, State


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
    from ..errors import output_error

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

    def __getitem__(self, index):
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
    given in its readable form (reporter.jobs.inputs.readable), since no output can hold its raw bytes."""
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

    def __getitem__(self, index):
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
