"""The drop folder: process reports as they arrive in INBOX, update the ledger and briefing in OUTDIR.

    watcher = Watcher(Path("收件箱"), Path("输出"), schema=schema, options=options,
                      settings=WatchSettings(settle=5.0), on_batch=print)
    watcher.run()                      # until Ctrl+C (or stop.set()); settings.once: one pass, then return

- A file is taken only after its size and modification time stayed the same for `settle` seconds and
  it can be opened (a slow copy over the network pauses mid-file; Windows keeps a file being copied
  locked).
- Office/WPS lock and temporary files (~$x.docx, .~x, ~WRL1234.tmp, *.tmp, *.crdownload, *.part),
  hidden files, the failure folder INBOX/失败/ and our own outputs (when OUTDIR lies inside INBOX or is
  INBOX) are ignored.
- The files that settled together form a batch: one pipeline.run() into OUTDIR (the same state file,
  lock and log as `reporter run`), with worker processes kept for the whole watch.
- A file that fails is moved to INBOX/失败/ with a note beside it saying why (UTF-8 text), unless
  `keep`; a kept failure is tried again only when the file changes.
- Events come from watchdog (inotify, ReadDirectoryChangesW, FSEvents); `poll` uses its polling
  observer instead, for network shares where those events do not arrive. A full rescan every
  `rescan` seconds catches anything an observer missed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReporterError
from ..model import Failure
from ..schema import Schema
from .inputs import OUTPUT_KIND, has_odd_bytes, iter_inputs, raw_bytes, readable, skip_name, supported
from .job import DEFAULT_OPTIONS, LEDGER_NAME, Options
from .pipeline import RunResult, is_output, run
from .progress import NoProgress, Progress
from .state import RunLog, State, now_text

FAILED_DIR = "失败"
NOTE_SUFFIX = ".失败原因.txt"


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchSettings:
    settle: float = 5.0  # seconds a file must stay unchanged before it is taken
    poll: bool = False  # polling observer (network shares)
    keep: bool = False  # leave failing files where they are instead of moving them to 失败/
    once: bool = False  # process what is there (once settled) and return
    rescan: float = 60.0  # seconds between full rescans of INBOX (a safety net for missed events)
    max_wait: float | None = (
        None  # --once: give up on files still changing after this long (default 10×settle, ≥ 60 s)
    )
    retry: float = 30.0  # seconds before a batch is tried again after the outputs could not be written


@dataclass(slots=True)
class WatchBatch:
    """What one batch did: the run's result and where failing files went."""

    result: RunResult | None
    moved: list[tuple[Path, Path]] = field(default_factory=list)  # (file, its place in 失败/)
    error: ReporterError | None = None  # the outputs could not be written
    unsettled: list[Path] = field(default_factory=list)  # --once: still changing, left for later


@dataclass(slots=True)
class _Seen:
    size: int
    mtime_ns: int
    since: float  # monotonic time the (size, mtime) pair was first seen


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _can_open(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fh.read(1)
        return True
    except OSError:
        return False


class Watcher:
    def __init__(
        self,
        inbox: Path,
        outdir: Path,
        *,
        schema: Schema,
        options: Options = DEFAULT_OPTIONS,
        settings: WatchSettings = WatchSettings(),
        on_batch: Callable[[WatchBatch], None] | None = None,
        on_idle: Callable[[list[tuple[Path, str]]], None] | None = None,
        progress: Progress | None = None,
        pool: Any = None,
        stop: threading.Event | None = None,
    ):
        self.inbox = Path(os.path.abspath(inbox))
        self.outdir = Path(os.path.abspath(outdir))
        self.failed_dir = self.inbox / FAILED_DIR
        self.schema = schema
        # 简报: one issue a day unless briefing.toml sets 期号周期 (reporter/publication.py)
        self.options = (
            dataclasses.replace(options, default_period="每天")
            if options.default_period == "每次运行"
            else options
        )
        self.settings = settings
        self.on_batch = on_batch or (lambda batch: None)
        # no report to wait for after the first look: called with the files that are not reports (path, kind)
        self.on_idle = on_idle or (lambda ignored: None)
        self.progress = progress or NoProgress()
        self.stop = stop or threading.Event()
        self._pool = pool
        self._events: queue.SimpleQueue[Path | None] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._pending: dict[Path, _Seen] = {}
        self._handled: dict[Path, tuple[int, int]] = {}  # path → (size, mtime) when last handled
        self._retry_at: dict[Path, float] = {}
        self.batches: list[WatchBatch] = []
        self.ignored: dict[Path, str] = {}  # files in INBOX that are not reports (Excel 表格…) → kind
        self._log = RunLog(self.outdir)
        self._started = False  # the start line is in the log (with --once: only once a batch runs)
        self._done = State.load(self.outdir) if (self.outdir / LEDGER_NAME).exists() else State(self.outdir)

    # -------------------------------------------------------------------------------- what counts
    def wanted(self, path: Path) -> bool:
        """A file in INBOX that may be a report: not junk, not in 失败/ or OUTDIR, a supported type."""
        path = Path(os.path.abspath(path))
        return self._inside(path) and supported(path)

    def _inside(self, path: Path) -> bool:
        """`path` (absolute) lies in INBOX, outside 失败/ and OUTDIR, and is no lock or temporary file."""
        try:
            rel = path.relative_to(self.inbox)
        except ValueError:
            return False
        if not rel.parts or rel.parts[0] == FAILED_DIR or is_output(path, self.outdir):
            return False
        return not any(skip_name(part) for part in rel.parts)

    # ------------------------------------------------------------------------------------ running
    def run(self) -> list[WatchBatch]:
        """Watch until stop is set (or KeyboardInterrupt); with settings.once, one pass. Returns the batches."""
        from .workers import WorkerPool

        if not self.settings.once:  # --once with nothing to do writes nothing, not even OUTDIR/reporter.log
            self._log_start()
        observer = None if self.settings.once else self._observe()
        pool = None
        try:
            self._scan()
            if not self._pending:  # nothing to wait for: say what is there instead (Excel 表格…)
                self.on_idle(sorted(self.ignored.items()))
                if self.settings.once:
                    return self.batches
            pool = self._pool or WorkerPool(self.schema, self.options)
            self._loop(pool)
        finally:
            if observer is not None:
                observer.stop()
                observer.join(5)
            if pool is not None and self._pool is None:
                pool.close()
            if self._started:
                self._log.write(f"停止监视：{self.inbox}")
        return self.batches

    def _log_start(self) -> None:
        if not self._started:
            self._started = True
            mode = "（轮询）" if self.settings.poll else ""
            self._log.write(f"开始监视{mode}：{self.inbox}（稳定 {self.settings.settle:g} 秒后处理）")

    def _observe(self) -> Any:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                if event.is_directory:
                    watcher._events.put(None)  # a folder came or went: rescan
                else:
                    for name in (event.src_path, getattr(event, "dest_path", "")):
                        if name:
                            watcher._events.put(Path(os.fsdecode(name)))
                watcher._wake.set()

        tick = min(max(self.settings.settle / 2, 0.1), 2.0)
        observer = PollingObserver(timeout=tick) if self.settings.poll else Observer()
        observer.schedule(Handler(), str(self.inbox), recursive=True)
        observer.start()
        return observer

    def _scan(self) -> None:
        """Look at every file in INBOX (at start, on folder events and every `rescan` seconds)."""
        ignored: list[tuple[Path, str]] = []
        for item in iter_inputs([self.inbox], ignored):
            if not isinstance(item, Failure):
                self._consider(Path(os.path.abspath(item)))
        self.ignored = {
            path: kind
            for path, kind in ignored
            if kind != OUTPUT_KIND and self._inside(Path(os.path.abspath(path)))
        }

    def _consider(self, path: Path) -> None:
        if path in self._pending or not self.wanted(path):
            return
        stat = _stat(path)
        if stat is None or self._handled.get(path) == stat:
            return
        if path not in self._handled and self._done.unchanged(path):
            self._handled[path] = stat  # done by an earlier run or watch
            return
        self._pending[path] = _Seen(*stat, since=time.monotonic())

    def _drain_events(self) -> None:
        rescan = False
        while True:
            try:
                path = self._events.get_nowait()
            except queue.Empty:
                break
            if path is None:
                rescan = True
            else:
                self._consider(Path(os.path.abspath(path)))
        if rescan:
            self._scan()

    def _settled(self, now: float) -> list[Path]:
        """Pending files whose size and time have not changed for `settle` seconds and that open."""
        ready = []
        for path, seen in list(self._pending.items()):
            stat = _stat(path)
            if stat is None:  # deleted or moved away
                del self._pending[path]
                continue
            if stat != (seen.size, seen.mtime_ns):
                self._pending[path] = _Seen(*stat, since=now)
                continue
            if now < self._retry_at.get(path, 0.0):
                continue
            if now - seen.since >= self.settings.settle and _can_open(path):
                ready.append(path)
        return sorted(ready)

    def _loop(self, pool: Any) -> None:
        settle = self.settings.settle
        tick = min(max(settle / 5, 0.05), 1.0)
        started = last_scan = time.monotonic()
        max_wait = self.settings.max_wait or max(60.0, settle * 10)
        while not self.stop.is_set():
            self._drain_events()
            now = time.monotonic()
            if not self.settings.once and now - last_scan >= self.settings.rescan:
                self._scan()
                last_scan = now
            ready = self._settled(now)
            if ready:
                self._batch(ready, pool)
                continue
            if self.settings.once:
                waiting = [p for p in self._pending if now < self._retry_at.get(p, 0.0)]
                if not self._pending or len(waiting) == len(self._pending):
                    break
                if now - started >= max_wait:
                    self._report(WatchBatch(None, unsettled=sorted(self._pending)))
                    break
            self._wake.wait(tick)
            self._wake.clear()

    def _batch(self, paths: list[Path], pool: Any) -> None:
        self._log_start()
        stats = {path: _stat(path) for path in paths}
        try:
            result = run(
                paths,
                self.outdir,
                schema=self.schema,
                options=self.options,
                pool=pool,
                progress=self.progress,
            )
        except ReporterError as exc:
            # the ledger open in Excel, another run holding OUTDIR…: keep the files, try again later
            if self.settings.once:
                raise
            again = time.monotonic() + self.settings.retry
            for path in paths:
                self._retry_at[path] = again
            self._report(WatchBatch(None, error=exc))
            return
        except Exception as exc:  # a bug met on some file: it must not stop the watch (issue 19)
            self._unexpected(paths, pool, exc)
            return
        for path in paths:
            self._pending.pop(path, None)
            self._retry_at.pop(path, None)
            if stats[path] is not None:
                self._handled[path] = stats[path]  # type: ignore[assignment]
        batch = WatchBatch(result)
        if not self.settings.keep:
            for failure in result.failures:
                moved = self._move_failed(failure)
                if moved is not None:
                    batch.moved.append((failure.path, moved))
                    self._handled.pop(Path(os.path.abspath(failure.path)), None)
        self._report(batch)

    def _unexpected(self, paths: list[Path], pool: Any, exc: Exception) -> None:
        """An error that is no ReporterError (a bug) in a batch: the log gets its traceback; the files are
        tried again one at a time, and a file that fails alone is handled as a failed file."""
        import traceback

        log = self._log
        log.write(
            f"程序内部错误（{exc.__class__.__name__}：{exc}），处理这批 {len(paths)} 个文件时中断",
            traceback.format_exc().rstrip(),
        )
        if len(paths) > 1:
            for path in paths:
                self._batch([path], pool)
            return
        path = paths[0]
        reason = "程序内部错误"
        failure = Failure(
            path=path,
            reason=reason,
            message=f"{path}：{reason}（{exc.__class__.__name__}）；详情见 {log.path}，请把这个文件和日志发给维护人员",
        )
        self._pending.pop(path, None)
        stat = _stat(path)
        if stat is not None:
            self._handled[path] = stat
        batch = WatchBatch(RunResult(failures=[failure], log=log.path))
        if not self.settings.keep:
            moved = self._move_failed(failure)
            if moved is not None:
                batch.moved.append((path, moved))
                self._handled.pop(path, None)
        self._report(batch)

    def _report(self, batch: WatchBatch) -> None:
        self.batches.append(batch)
        self.on_batch(batch)

    # ------------------------------------------------------------------------------- failed files
    def _move_failed(self, failure: Failure) -> Path | None:
        """Move a failing file to INBOX/失败/ (keeping its sub-folder) with a note saying why."""
        source = Path(os.path.abspath(failure.path))
        try:
            rel = source.relative_to(self.inbox)
        except ValueError:
            return None
        if not source.is_file():
            return None
        folder = self.failed_dir / rel.parent
        target = _free_name(folder / rel.name)
        note = target.with_name(target.name + NOTE_SUFFIX)
        text = readable(  # a name that is not UTF-8 cannot be written as it is (issue 19)
            f"文件：{rel.name}\n"
            f"原来的位置：{source}\n"
            f"处理时间：{now_text()}\n"
            f"原因：{failure.reason}\n"
            f"说明：{failure.message}\n\n"
            f"怎么办：按上面的原因修改文件（例如去掉密码、用 Word 或 WPS 另存为 .docx），"
            f"再把它放回 {self.inbox} 文件夹，就会重新处理。\n"
            + (f"原始文件名（字节）：{raw_bytes(rel.name)}\n" if has_odd_bytes(rel.name) else "")
        )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        except OSError:
            return None
        with contextlib.suppress(OSError):
            note.write_text(text, encoding="utf-8-sig", newline="\r\n" if os.name == "nt" else "\n")
        return target


def _free_name(path: Path) -> Path:
    """path, or 'name (2).docx', 'name (3).docx'… when it is taken."""
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1
