"""Which files a run reads: files as given, folders walked safely, junk skipped silently.

Walking a folder never follows a link to a folder (so a link loop cannot trap it), never reads a file
through a link that leads outside the folder given, never enters the same folder twice (junctions,
bind mounts), and is iterative (no depth limit from recursion). Hidden and system files, Office/WPS
lock files and temporary downloads are skipped without a word; a folder that cannot be listed, and a
path given that does not exist or is not a regular file, becomes a Failure. File names are taken as the
system gives them: Chinese, spaces, emoji, a leading dash, full-width brackets all work.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Failure

# Files people never mean as reports: hidden files (.DS_Store, ._x AppleDouble files), system files,
# Office/WPS lock and temporary files, partial downloads, README files.
_SKIP_NAME = re.compile(
    r"^(?:\..*|~\$.*|~WRL\d+\.tmp|\.~.*|~.*\.tmp|Thumbs\.db|desktop\.ini|ehthumbs(?:_vista)?\.db|Icon\r|"
    r"readme(?:\.\w+)?)$|"
    r".*\.(?:tmp|crdownload|part|partial|download|swp|bak|lnk)$",
    re.IGNORECASE,
)
# Folders that hold no reports: macOS zip leftovers, the recycle bin, Windows system folders, VCS data,
# and the watch folder's failure bin.
_SKIP_DIR = re.compile(
    r"^(?:\..*|__MACOSX|\$RECYCLE\.BIN|RECYCLER|System Volume Information|失败)$", re.IGNORECASE
)


def skip_name(name: str) -> bool:
    """Hidden, system, lock and temporary files, and README files, skipped silently inside folders."""
    return bool(_SKIP_NAME.match(name))


def skip_dir(name: str) -> bool:
    return bool(_SKIP_DIR.match(name))


def supported(path: Path) -> bool:
    from .readers import READERS

    return path.suffix.lower() in READERS


def _failure(path: Path, reason: str, hint: str = "") -> Failure:
    message = f"{path}：{reason}" + (f"；{hint}" if hint else "")
    return Failure(path=path, reason=reason, message=message)


def _resolve(path: Path) -> Path | None:
    """The real path, or None for a link loop or a path that cannot be resolved."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | Failure]:
    """Files to process, in order: files as given, folders walked (sorted, supported suffixes only).

    Each file once, even when given twice or reached through a link.
    """
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        real = _resolve(given)
        if real is None:
            if given.is_symlink():
                yield _failure(given, "链接指向的文件不存在或链接形成了循环")
            else:
                yield _failure(given, "文件或文件夹不存在", "请检查路径")
            continue
        try:
            mode = os.stat(real).st_mode
        except OSError as exc:
            yield _failure(given, f"无法访问（{exc.strerror or exc}）")
            continue
        if stat.S_ISREG(mode):
            if real not in seen:
                seen.add(real)
                yield given
        elif stat.S_ISDIR(mode):
            for item in _walk(given, real):
                if isinstance(item, Failure):
                    yield item
                    continue
                key = _resolve(item)
                if key is not None and key not in seen:
                    seen.add(key)
                    yield item
        else:
            yield _failure(given, "这不是普通文件（可能是管道或设备）", "请给出报告文件本身")


def _walk(top: Path, root: Path) -> Iterator[Path | Failure]:
    """Supported files under `top` (whose real path is `root`): files of a folder before its sub-folders,
    each list sorted by name; no recursion, each real folder entered once."""
    visited: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited and ident != (0, 0):
            continue
        visited.add(ident)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield _failure(folder, "没有权限打开这个文件夹", "请检查文件夹权限")
            continue
        except OSError as exc:
            yield _failure(folder, f"无法打开这个文件夹（{exc.strerror or exc}）")
            continue
        subdirs: list[Path] = []
        for entry in entries:
            try:
                if entry.is_symlink() or _is_junction(entry):
                    if entry.is_dir():
                        continue  # links to folders are never followed
                    target = _resolve(Path(entry.path))
                    if target is None or not target.is_relative_to(root) or not target.is_file():
                        continue  # broken, looping, or leading out of the folder
                    if not skip_name(entry.name) and supported(Path(entry.path)):
                        yield Path(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    if not skip_dir(entry.name):
                        subdirs.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    if not skip_name(entry.name) and supported(Path(entry.path)):
                        yield Path(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def _is_junction(entry: os.DirEntry) -> bool:
    """A Windows junction (a folder link that is not a symlink); is_junction() is Python ≥ 3.12."""
    check = getattr(entry, "is_junction", None)
    try:
        return bool(check()) if check else False
    except OSError:
        return False
