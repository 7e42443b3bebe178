"""Writing outputs without ever leaving a half-written file: a temporary file beside it, then replace."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import OutputError, output_error

WINDOWS = sys.platform == "win32"  # where a replace refused means: open in Excel/WPS


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces the target.

    A crash before the replace leaves the old file untouched. When the target is open in Excel/WPS
    on Windows the replace fails: OutputError says so, and the temporary file is removed.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem}-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        _copy_mode(target, tmp)
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            # no Excel lock outside Windows: a read-only folder, an immutable file (issue 19)
            if not WINDOWS:
                raise output_error(exc, target, "更新") from None
            raise OutputError(
                f"{target}：文件正被其他程序（Excel/WPS）打开，无法更新；请关闭后重新运行",
                path=target,
                reason="文件正被其他程序打开",
            ) from None
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _copy_mode(target: Path, tmp: Path) -> None:
    """mkstemp makes 0600 files; give the output the target's mode, or what the umask allows."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temporaries(folder: Path, targets: list[str]) -> list[Path]:
    """Delete temporary files a killed run left beside its outputs (.~台账-x1y2.xlsx).

    Call only while holding the output folder's lock: then no other run can be writing them.
    """
    removed = []
    for name in targets:
        target = Path(name)
        for tmp in Path(folder).glob(f".~{target.stem}-*{target.suffix}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def write_atomic(target: Path, write: Callable[[Path], object]) -> Path:
    with atomic_path(target) as tmp:
        write(tmp)
    return target
