"""What a run keeps in its output folder: which reports are done, who is writing, and a log.

    OUTDIR/.reporter/state.json   reports already written to the ledger: SHA-256 → path, size, time
    OUTDIR/.reporter/lock         locked (an operating-system file lock) while a run writes into OUTDIR
    OUTDIR/reporter.log           a few lines per run, appended (UTF-8)

A report counts as done only after the ledger and the briefing holding it were written, so a run that
stops half-way (a ledger open in Excel, a crash, Ctrl+C) leaves those reports for the next run.
The lock is an operating-system lock on the lock file (flock on Linux/macOS, LockFileEx through msvcrt on
Windows): the system releases it when the process ends however it ends, so a lock left by a dead run
never blocks the next one. The file itself only says who holds it, for the message.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LockedError, output_error
from ..folders import ARCHIVE_DIR, STATE_DIR, now_text
from ..writers.atomic import write_atomic
from .inputs import describe_name

STATE_FILE = "state.json"
LOCK_FILE = "lock"
LOG_NAME = "reporter.log"
LOG_MAX_BYTES = 5 * 1024 * 1024  # reporter.log is moved to reporter.log.1 beyond this
STATE_VERSION = 1
_WINDOWS_LOCK_OFFSET = 1 << 30  # Windows locks a byte range; lock one far beyond the holder's note


# ------------------------------------------------------------------------------------------ state
@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A file as seen now: its resolved path, content hash and the stat facts used to skip re-hashing."""

    path: Path
    sha256: str
    size: int
    mtime_ns: int
    ctime_ns: int


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _prefix_sha256(path: Path, size: int) -> str | None:
    """SHA-256 of the first `size` bytes of the file (None when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            left = size
            while left > 0:
                chunk = fh.read(min(left, 1 << 20))
                if not chunk:
                    return None
                digest.update(chunk)
                left -= len(chunk)
    except OSError:
        return None
    return digest.hexdigest()


class State:
    """The reports already done in an output folder, keyed by SHA-256 (so a renamed or moved file is
    still known), with the path, size and times it was last seen at (so an unchanged file is not hashed
    again)."""

    def __init__(self, outdir: Path, files: dict[str, dict[str, Any]] | None = None, *, note: str = ""):
        self.outdir = Path(outdir)
        self.files: dict[str, dict[str, Any]] = files or {}
        self.note = note  # why an existing state file was not used, for the log
        self._by_path = {entry["path"]: sha for sha, entry in self.files.items() if "path" in entry}

    @property
    def path(self) -> Path:
        return self.outdir / STATE_DIR / STATE_FILE

    @classmethod
    def load(cls, outdir: Path) -> State:
        """The state of `outdir`; an empty one when there is none or it cannot be read (that only costs
        re-processing: the ledger does not add a report twice)."""
        path = Path(outdir) / STATE_DIR / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = data["files"]
            if data.get("version") != STATE_VERSION or not isinstance(files, dict):
                raise ValueError("unknown version")
        except FileNotFoundError:
            return cls(outdir)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return cls(outdir, note=f"状态文件 {path} 无法读取（{exc}），本次全部重新处理")
        return cls(outdir, {sha: entry for sha, entry in files.items() if isinstance(entry, dict)})

    def fingerprint(self, path: Path) -> Fingerprint:
        """Stat the file; hash it unless it is unchanged since it was recorded. Raises OSError."""
        resolved = Path(os.path.abspath(path))
        st = os.stat(resolved)
        known = self._by_path.get(str(resolved))
        entry = self.files.get(known) if known else None
        if entry and (entry.get("size"), entry.get("mtime_ns"), entry.get("ctime_ns")) == (
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
        ):
            sha = known
        else:
            sha = sha256_file(resolved)
        assert sha is not None
        return Fingerprint(resolved, sha, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def unchanged(self, path: Path) -> bool:
        """Whether the file at `path` is a report already done, unchanged since (judged by stat alone)."""
        resolved = str(Path(os.path.abspath(path)))
        entry = self.files.get(self._by_path.get(resolved, ""))
        try:
            st = os.stat(resolved)
        except OSError:
            return False
        return entry is not None and (entry.get("size"), entry.get("mtime_ns"), entry.get("ctime_ns")) == (
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
        )

    def done(self, fp: Fingerprint) -> dict[str, Any] | None:
        """The entry of a report already done with the same content, or None."""
        return self.files.get(fp.sha256)

    def mark_done(self, fp: Fingerprint, when: str | None = None) -> None:
        old = self.files.get(fp.sha256, {})
        self.files[fp.sha256] = {
            "path": str(fp.path),
            "size": fp.size,
            "mtime_ns": fp.mtime_ns,
            "ctime_ns": fp.ctime_ns,
            "first_done": old.get("first_done") or when or now_text(),
            "last_seen": when or now_text(),
        }
        self._by_path[str(fp.path)] = fp.sha256

    def previous(self, fp: Fingerprint) -> tuple[str, bool] | None:
        """Issue 19: the file at fp.path was done before with other content (it grew after it was
        processed, or was changed in place): (the old SHA-256, whether the new content merely continues
        the old one), or None."""
        old = self._by_path.get(str(fp.path))
        entry = self.files.get(old or "")
        if not old or old == fp.sha256 or not entry or entry.get("path") != str(fp.path):
            return None
        size = entry.get("size")
        grown = isinstance(size, int) and 0 < size < fp.size and _prefix_sha256(fp.path, size) == old
        return old, grown

    def forget(self, sha256: str) -> None:
        """Drop a report's entry (its row now holds a newer version of the file)."""
        entry = self.files.pop(sha256, None)
        if entry and self._by_path.get(entry.get("path", "")) == sha256:
            del self._by_path[entry["path"]]

    def seen_at(self, fp: Fingerprint) -> None:
        """A done report found at a new path (moved or renamed): remember the new place when the old one
        is gone, so the next run need not hash it."""
        entry = self.files.get(fp.sha256)
        if entry and entry.get("path") != str(fp.path) and not Path(entry.get("path", "")).exists():
            self.mark_done(fp, entry.get("first_done"))

    def save(self) -> Path:
        data = {"version": STATE_VERSION, "files": self.files}
        text = json_text(data)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomic(self.path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def json_text(data: Any) -> str:
    """JSON (readable UTF-8) that also holds paths whose names are not UTF-8: their escaped bytes
    (lone surrogates, which UTF-8 cannot encode) are written as \\udcXX escapes, which json.loads turns
    back into the same str, so the path still opens."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")

# Temporary files a run writes beside its outputs and renames into place (writers/atomic.py names them
# .~<name>-<random characters><suffix>); a kill before the rename leaves them behind.
# .~台账-x1y2.xlsx, .~state-….json, .~核对-….html; the ledger's own record's .台账.xlsx.reporter.json.tmp
_LEFTOVER = re.compile(r"^\.~.+-[A-Za-z0-9_]+(?:\.[A-Za-z0-9]+)?$|^\..+\.reporter\.json\.tmp$")
_LEFTOVER_FOLDERS = (".", STATE_DIR, ARCHIVE_DIR)


def remove_leftovers(outdir: Path) -> list[Path]:
    """Delete the temporary files a killed run left in OUTDIR, OUTDIR/.reporter and OUTDIR/简报存档
    (.~台账-x1y2z3w4.xlsx, .reporter/.~state-….json, .reporter/.~briefing-….json, 简报存档/.~…docx).
    Call only while holding the output folder's lock: then no other run is writing them."""
    removed = []
    for sub in _LEFTOVER_FOLDERS:
        try:
            entries = list(os.scandir(Path(outdir) / sub))
        except OSError:
            continue
        for entry in entries:
            if _LEFTOVER.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


# ------------------------------------------------------------------------------------------- lock
def _lock_fd(fd: int) -> bool:
    """Try to lock without waiting: True when locked, False when someone else holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise


def _unlock_fd(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputLock:
    """Held while a run writes into an output folder; a second run waits up to `wait` seconds.

    with OutputLock(outdir, wait=60):
        ...
    """

    def __init__(
        self,
        outdir: Path,
        *,
        wait: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
        poll: float = 0.1,
    ):
        self.outdir = Path(outdir)
        self.wait = max(0.0, wait)
        self.on_wait = on_wait
        self.poll = poll
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.outdir / STATE_DIR / LOCK_FILE

    def holder(self) -> dict[str, str]:
        """What the lock file says about the run that holds (or last held) it."""
        try:
            with open(self.path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read(4096).splitlines()
        except OSError:
            return {}
        return dict(line.split("=", 1) for line in lines if "=" in line)

    def describe_holder(self) -> str:
        info = self.holder()
        parts = []
        if info.get("pid"):
            parts.append(f"进程 {info['pid']}")
        if info.get("host") and info.get("host") != socket.gethostname():
            parts.append(f"计算机 {info['host']}")
        if info.get("started"):
            parts.append(f"开始于 {info['started']}")
        return "，".join(parts)

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            raise output_error(exc, self.outdir, "在输出文件夹中建立锁文件") from None
        deadline = time.monotonic() + self.wait
        told = False
        try:
            while True:
                try:
                    if _lock_fd(fd):
                        break
                except OSError:
                    # the file system cannot lock (some network shares): fall back to the holder's note
                    info = self.holder()
                    pid = int(info.get("pid", "0") or 0)
                    if not (
                        info.get("host") == socket.gethostname()
                        and pid != os.getpid()
                        and info.get("released") != "1"
                        and pid_alive(pid)
                    ):
                        break
                if time.monotonic() >= deadline:
                    who = self.describe_holder()
                    raise LockedError(
                        f"{self.outdir}：另一个 reporter 正在写入这个输出文件夹"
                        f"{'（' + who + '）' if who else ''}，等待 {self.wait:g} 秒后仍未结束；"
                        "请等它结束后再运行，或用 --wait 加长等待时间",
                        path=self.outdir,
                        reason="输出文件夹正被另一个运行使用",
                    )
                if not told and self.on_wait:
                    told = True
                    self.on_wait(self.describe_holder())
                time.sleep(min(self.poll, max(0.0, deadline - time.monotonic())))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        note = (
            f"pid={os.getpid()}\nhost={socket.gethostname()}\nstarted={now_text()}\n"
            f"command={' '.join(sys.argv[:1] + sys.argv[1:6])}\n"
        )
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, note.encode("utf-8"))

    def release(self) -> None:
        """Unlock; the file stays (removing it would let a waiting run lock a file that is gone)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.lseek(self._fd, 0, os.SEEK_END)
            os.write(self._fd, b"released=1\n")
        _unlock_fd(self._fd)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# -------------------------------------------------------------------------------------------- log
class RunLog:
    """OUTDIR/reporter.log: lines appended with a time stamp; never a reason to fail a run."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / LOG_NAME

    def write(self, *lines: str) -> None:
        stamp = now_text()
        # a file name that is not UTF-8 is shown readably, with its bytes (reporter.jobs.inputs)
        text = "".join(f"{stamp} {describe_name(line)}\n" for line in lines)
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                if self.path.stat().st_size > LOG_MAX_BYTES:
                    os.replace(self.path, self.path.with_name(LOG_NAME + ".1"))
            with open(self.path, "a", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
