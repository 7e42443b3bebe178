"""Which files a run reads: files as given, folders walked safely, junk skipped silently."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .model import Failure

# Files people never mean as reports: system files and Office/WPS lock and temporary files.
_SKIP_NAME = re.compile(
    r"^(?:\..*|~\$.*|~WRL\d+\.tmp|\.~.*|Thumbs\.db|desktop\.ini|ehthumbs\.db|Icon\r|readme(?:\.\w+)?)$|"
    r".*\.(?:tmp|crdownload|part|partial|download|swp|bak)$",
    re.IGNORECASE,
)


def skip_name(name: str) -> bool:
    """Hidden, system, lock and temporary files, and README files, skipped silently inside folders."""
    return bool(_SKIP_NAME.match(name))


def supported(path: Path) -> bool:
    from .readers import READERS

    return path.suffix.lower() in READERS


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | Failure]:
    """Files to process, in order: files as given, folders recursively (sorted, supported suffixes only).

    Symbolic links to folders are not followed, nor links leading outside the folder given. A path that
    does not exist is a Failure.
    """
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if not given.exists():
            yield Failure(path=given, reason="文件或文件夹不存在", message=f"{given}：文件或文件夹不存在")
            continue
        if given.is_file():
            key = given.resolve()
            if key not in seen:
                seen.add(key)
                yield given
            continue
        root = given.resolve()
        for path in _walk(given, root):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, root: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    files, dirs = [], []
    for entry in entries:
        if skip_name(entry.name):
            continue
        try:
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if entry.is_dir() or not target.is_relative_to(root):
                    continue
            if entry.is_dir(follow_symlinks=False):
                dirs.append(Path(entry.path))
            elif entry.is_file():
                path = Path(entry.path)
                if supported(path):
                    files.append(path)
        except OSError:
            continue
    yield from files
    for sub in dirs:
        if sub.name in ("失败",):  # the watch folder's failure bin
            continue
        yield from _walk(sub, root)
