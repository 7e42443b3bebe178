"""Extraction in worker processes, started once per run, each file under a time and memory guard.

    with WorkerPool(schema, options) as pool:
        batch = pool.map(paths)          # Record | Failure per path, in input order (records on disk)

Why a small pool of our own rather than concurrent.futures: a file that hangs or eats memory must
become a Failure while the batch goes on. ProcessPoolExecutor can neither stop one hung task nor
survive a worker that dies (every pending task fails with BrokenProcessPool). Here each worker gets one
file at a time over a pipe; a worker past its deadline is killed and replaced, a worker that dies is
replaced, and only its own file fails.

- Time: `options.timeout` seconds per file (the clock starts when the worker has the file).
- Memory: on Linux RLIMIT_AS caps each worker's address space at what it uses after loading the
  dictionaries plus `options.memory_mb`; an allocation past it raises MemoryError in that worker, which
  reports 内存超限 and is replaced. Windows has no such per-process limit without job objects, and macOS
  does not enforce RLIMIT_AS: there the time limit still holds, the memory limit does not.
- Start-up: workers come from a fork server on Linux (spawn on Windows and macOS). The fork server
  loads jieba's dictionary once (reporter._preload), so a new or replacement worker has it at once;
  each worker then adds the user dictionaries of the templates in effect.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..errors import ReporterError
from ..model import Failure, Record
from .spool import Batch

INIT_TIMEOUT = 300.0  # seconds a new worker may take to load its dictionaries


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def timeout_reason(seconds: float) -> str:
    return f"处理超时（{seconds:g} 秒）"


def memory_reason(mb: int | None) -> str:
    return f"内存超限（超过 {mb} MB）" if mb else "内存超限"


# After a batch of at least this many files, run() stops the fork server before writing (release_fork_server):
# its ≈ 200 MB matter more then than the ≈ 1.5 s a later run in the same process takes to start a new one.
RELEASE_AFTER = 200


def release_fork_server() -> None:
    """Stop the fork server once its workers are gone: it holds the dictionaries it preloaded (≈ 200 MB)
    for the rest of the process, while the run writes the ledger and briefing. The next pool starts a
    new one (≈ 1.5 s). Uses multiprocessing's ForkServer._stop (there since Python 3.8, private):
    where it is missing or fails, the server simply stays."""
    if not sys.platform.startswith("linux"):
        return
    try:
        from multiprocessing import forkserver

        server = getattr(forkserver, "_forkserver", None)
        stop = getattr(server, "_stop", None)
        if stop is not None and getattr(server, "_forkserver_pid", None) is not None:
            stop()
    except (OSError, AttributeError, ValueError):
        pass


def _start_fork_server() -> None:
    """Start the fork server with Ctrl+C ignored, so that it cannot die of it while Python starts in it
    ("Fatal Python error: init_import_site" or a KeyboardInterrupt traceback): Ctrl+C is the main
    process's to handle. An ignored signal stays ignored across exec, and Python then leaves it so;
    the main process ignores it only for the moment the server takes to be spawned."""
    from multiprocessing import forkserver

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: the server starts as multiprocessing does it
        return
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def start_early() -> bool:
    """Start the fork server now, before the pool needs it (Linux): it loads the dictionaries and warms the
    rules up (≈ 1 s) on the other core while the run checks its templates and looks at its inputs, instead
    of after. True when this call started it: no worker of another pool depends on it yet, so the caller
    may stop it again (release_fork_server waits for every worker the server forked to end)."""
    if "forkserver" not in multiprocessing.get_all_start_methods() or not sys.platform.startswith("linux"):
        return False
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if getattr(server, "_forkserver_pid", None) is not None:
        return False  # running already (an earlier run's, maybe with a pool still open): left alone
    _context()
    return getattr(server, "_forkserver_pid", None) is not None


def stop_early() -> None:
    """Stop a fork server start_early() started when the pool turned out not to be needed (nothing new to
    read): it may still be loading, so it is told to end at once (SIGTERM) rather than waited for."""
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid is not None:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    release_fork_server()


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["reporter._preload"])
        _start_fork_server()
        return ctx
    return multiprocessing.get_context("spawn")


# ------------------------------------------------------------------------------------ worker side
def _address_space() -> int:
    """Bytes of address space this process uses now (Linux); 0 when unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def limit_memory(extra_mb: int | None) -> bool:
    """Cap this process's address space at its present size + extra_mb (Linux). False where it cannot."""
    if not extra_mb:
        return False
    try:
        import resource
    except ImportError:  # Windows
        return False
    base = _address_space()
    if not base:  # not Linux: macOS does not enforce RLIMIT_AS
        return False
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = base + extra_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return True
    except (ValueError, OSError):  # macOS refuses some values
        return False


# A short report that walks every rule once, so that what the rules load on first use (the IDF table,
# the tag dictionary, compiled patterns) is loaded before the first real file and its time limit.
WARM_UP_TEXT = (
    "关于召开全县安全生产工作会议的通报\n"
    "2024年1月4日，县政府副县长张三在县行政中心主持召开全县安全生产工作会议，"
    "县应急管理局、县公安局负责同志参加会议。全年排查隐患1142处，同比下降7.6%。"
    "会议要求，一是要提高思想认识，二是要压实工作责任。\n来源：某县应急管理局\n"
)


def warm_up(options: Any, schema: Any = None) -> None:
    """Load what every file needs once per process: word lists, jieba with the user dictionaries, and
    whatever the rules load on first use (by extracting a short sample report)."""
    import tempfile

    from ..extractor.lexicon import load_lexicon
    from ..extractor.segment import tokenizer
    from ..schema import load_schema
    from .job import process

    templates = options.templates
    lexicon = load_lexicon(str(templates) if templates else None)
    tokenizer(lexicon.userdicts)
    schema = schema or load_schema(templates=templates)
    fd, name = tempfile.mkstemp(prefix="reporter-warm-up-", suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(WARM_UP_TEXT.encode("utf-8"))
        process(Path(name), schema, options)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _tell(conn: Connection, message: tuple) -> bool:
    """Send a message to the main process; False when it is gone (Ctrl+C while this worker started):
    the worker then ends without a traceback."""
    try:
        conn.send(message)
    except OSError:  # BrokenPipeError, ConnectionResetError
        return False
    return True


def _serve(conn: Connection, schema: Any, options: Any, setup: Callable[[], None] | None) -> None:
    """A worker: load once, then read one (index, path) at a time and answer with its Record or Failure."""
    from .job import process

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    try:
        warm_up(options, schema)
        if setup is not None:
            setup()
        limit_memory(options.memory_mb)
    except BaseException as exc:
        if isinstance(exc, OSError):  # a full or unwritable temporary folder (issue 19): said in Chinese
            from ..errors import OutputError, describe_os_error

            exc = OutputError(
                f"处理进程无法使用临时文件夹（{describe_os_error(exc)[0]}）；请检查 TMP/TEMP（或 TMPDIR）"
                "指向的文件夹是否存在、可以写入、还有空间"
            )
        _tell(conn, ("init-error", isinstance(exc, ReporterError), str(exc), traceback.format_exc()))
        return
    if not _tell(conn, ("ready", os.getpid())):
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        recycle = False
        detail = ""
        try:
            item: Record | Failure = process(path, schema, options)
        except MemoryError:
            item = Failure(
                path=path,
                reason=memory_reason(options.memory_mb),
                message=f"{path}：{memory_reason(options.memory_mb)}；文件可能异常，请检查它，"
                "或用 --memory 放宽限制",
            )
            recycle = True  # a worker after MemoryError is not trusted
        except Exception as exc:
            detail = traceback.format_exc()
            item = Failure(
                path=path,
                reason=f"处理时出现程序错误（{type(exc).__name__}）",
                message=f"{path}：处理时出现程序错误（{type(exc).__name__}: {exc}）；"
                "请把这个文件和 reporter.log 发给维护人员",
            )
        try:
            # a Record goes as its pickle: the main process keeps it on disk as it is (reporter.jobs.spool)
            payload = (
                pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) if isinstance(item, Record) else item
            )
            conn.send(("done", index, payload, detail, recycle))
        except MemoryError:
            conn.send(
                (
                    "done",
                    index,
                    Failure(
                        path=path,
                        reason=memory_reason(options.memory_mb),
                        message=f"{path}：{memory_reason(options.memory_mb)}",
                    ),
                    "",
                    True,
                )
            )
            recycle = True
        except (EOFError, OSError):
            return
        if recycle:
            return


# ------------------------------------------------------------------------------------ parent side
@dataclass(slots=True, eq=False)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    retiring: bool = False  # said it will exit: give it no more work
    started: float = field(default_factory=time.monotonic)
    task: tuple[int, Path] | None = None
    deadline: float | None = None


class WorkerPool:
    """Worker processes for one run (or one watch session), started on first use and reused."""

    def __init__(
        self, schema: Any, options: Any, *, jobs: int | None = None, setup: Callable[[], None] | None = None
    ):
        self.schema = schema
        self.options = options
        self.jobs = max(1, jobs or getattr(options, "jobs", None) or default_jobs())
        self.timeout: float | None = getattr(options, "timeout", None) or None
        self.setup = setup
        self.details: dict[Path, str] = {}  # tracebacks of unexpected errors, for the log
        self.started = 0  # workers started so far (replacements included)
        self._workers: list[_Worker] = []
        self._ctx = _context()

    # -- lifecycle
    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        end = time.monotonic() + 2.0
        for worker in self._workers:
            worker.process.join(max(0.0, end - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_serve,
            args=(child, self.schema, self.options, self.setup),
            name="reporter-worker",
            daemon=True,
        )
        proc.start()
        child.close()
        self.started += 1
        worker = _Worker(proc, parent)
        self._workers.append(worker)
        return worker

    def _drop(self, worker: _Worker, *, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self._workers.remove(worker)

    # -- work
    def map(
        self, paths: Sequence[Path], on_result: Callable[[int, Failure | None], None] | None = None
    ) -> Batch:
        """Process every path; the results come back in input order, whatever order workers finish in.
        Records are kept on disk as they arrive (reporter.jobs.spool.Batch); on_result(index, failure or None)
        is called as each file is done."""
        results = Batch(paths)
        pending = deque(enumerate(paths))
        want = min(self.jobs, len(paths))
        while len(self._workers) < want:
            self._start()

        def finish(index: int, item: Failure | bytes) -> None:
            results.put(index, item)
            if on_result is not None:
                on_result(index, item if isinstance(item, Failure) else None)

        while pending or any(w.task for w in self._workers):
            for worker in self._workers:
                if worker.ready and not worker.retiring and worker.task is None and pending:
                    task = pending.popleft()
                    try:
                        worker.conn.send(task)
                    except OSError:  # it died while idle: the task waits for another
                        pending.appendleft(task)
                        worker.retiring = True
                        continue
                    worker.task = task
                    worker.deadline = time.monotonic() + self.timeout if self.timeout else None
            # replace workers lost or retiring while there is work for them
            working = [w for w in self._workers if not w.retiring]
            while pending and len(working) < min(want, len(pending) + sum(bool(w.task) for w in working)):
                working.append(self._start())
            waits = [w.deadline for w in self._workers if w.deadline is not None]
            waits += [w.started + INIT_TIMEOUT for w in self._workers if not w.ready]
            timeout = max(0.0, min(waits) - time.monotonic()) if waits else None
            handles: dict[Any, _Worker] = {}
            for worker in self._workers:
                handles[worker.conn] = worker
                handles[worker.process.sentinel] = worker
            for handle in wait(list(handles), timeout):
                worker = handles[handle]
                if worker not in self._workers:
                    continue
                self._receive(worker, finish)
            now = time.monotonic()
            for worker in list(self._workers):
                if worker.task and worker.deadline is not None and now >= worker.deadline:
                    index, path = worker.task
                    self._drop(worker, kill=True)
                    finish(
                        index,
                        Failure(
                            path=path,
                            reason=timeout_reason(self.timeout or 0),
                            message=f"{path}：{timeout_reason(self.timeout or 0)}；文件可能异常，"
                            "其余文件照常处理；可以用 --timeout 放宽限制",
                        ),
                    )
                elif not worker.ready and now >= worker.started + INIT_TIMEOUT:
                    self._drop(worker, kill=True)
                    raise ReporterError(
                        f"处理进程在 {INIT_TIMEOUT:g} 秒内没有启动完成；请检查内存是否足够，"
                        "或用 --jobs 1 重试"
                    )
        assert all(results.done(i) for i in range(len(paths)))
        return results

    def _receive(self, worker: _Worker, finish: Callable[[int, Failure | bytes], None]) -> None:
        """Take what a worker sent, or notice that it died."""
        while True:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):
                break
            kind = message[0]
            if kind == "ready":
                worker.ready = True
            elif kind == "done":
                _, index, item, detail, retiring = message
                worker.retiring = worker.retiring or retiring
                worker.task = None
                worker.deadline = None
                if detail and isinstance(item, Failure):
                    self.details[item.path] = detail
                finish(index, item)
            elif kind == "init-error":
                _, is_user_error, text, detail = message
                self._drop(worker, kill=True)
                if is_user_error:
                    raise ReporterError(text)
                raise RuntimeError(f"worker failed to start: {text}\n{detail}")
        if not worker.process.is_alive():
            task = worker.task
            code = worker.process.exitcode
            self._drop(worker)
            if task is not None:
                index, path = task
                if code is not None and code < 0 and -code == getattr(signal, "SIGKILL", 9):
                    reason = "处理进程被系统终止（可能内存不足）"
                else:
                    reason = f"处理进程意外退出（退出码 {code}）"
                finish(
                    index,
                    Failure(
                        path=path, reason=reason, message=f"{path}：{reason}；文件可能异常，其余文件照常处理"
                    ),
                )
            elif not worker.ready:
                raise ReporterError(
                    f"处理进程启动失败（退出码 {code}）；请检查内存是否足够，或用 --jobs 1 重试"
                )


# ------------------------------------------------------------------------------------ in process
# A few files named one by one (reporter extract one.txt) are extracted in this process: starting the
# pool costs more than the files. The time guard holds where a timer signal can interrupt the work (the
# main thread on POSIX); the memory guard does not (it would cap this process), so folders and many
# files always go to the pool.
IN_PROCESS_MAX = 3


class _TimeUp(Exception):
    pass


def in_process(
    paths: Sequence[Path], schema: Any, options: Any, on_done: Callable[[int], None] | None = None
) -> tuple[Batch, dict[Path, str]]:
    """Record or Failure per path, in order, extracted here; tracebacks of unexpected errors for the log.
    `on_done(index)` is called as each file is finished."""
    import threading

    from .job import process

    batch = Batch(paths)
    details: dict[Path, str] = {}
    timer = (
        bool(options.timeout)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    for index, path in enumerate(paths):
        item: Record | Failure
        previous = None
        try:
            if timer:

                def time_up(signum: int, frame: Any) -> None:
                    raise _TimeUp

                previous = signal.signal(signal.SIGALRM, time_up)
                signal.setitimer(signal.ITIMER_REAL, options.timeout)
            item = process(path, schema, options)
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _TimeUp:
            reason = timeout_reason(options.timeout)
            item = Failure(
                path=path, reason=reason, message=f"{path}：{reason}；文件可能异常，可以用 --timeout 放宽限制"
            )
        except MemoryError:
            reason = memory_reason(None)
            item = Failure(path=path, reason=reason, message=f"{path}：{reason}；文件可能异常，请检查它")
        except Exception as exc:
            details[path] = traceback.format_exc()
            item = Failure(
                path=path,
                reason=f"处理时出现程序错误（{type(exc).__name__}）",
                message=f"{path}：处理时出现程序错误（{type(exc).__name__}: {exc}）；"
                "请把这个文件和 reporter.log 发给维护人员",
            )
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if previous is not None:
                    signal.signal(signal.SIGALRM, previous)
        batch.put(index, item)
        if on_done is not None:
            on_done(index)
    return batch, details
