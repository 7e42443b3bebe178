"""Names every stage agrees on in an output folder, and the time stamp written there."""

from __future__ import annotations

import datetime as dt
import os

STATE_DIR = ".reporter"  # OUTDIR/.reporter/: state.json, the lock, the 核对页's records, briefing.json
ARCHIVE_DIR = "简报存档"  # OUTDIR/简报存档/: every issue of the 简报, and the publication journal


def now_text() -> str:
    """The local time as the log, the state file and the 核对页 write it: 2024-06-03 18:00:05."""
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


_NEEDS_QUOTES = frozenset(" \t\u3000&()[]{};'\"$`!^,=|<>*?~#%")


def command_arg(path: os.PathLike[str] | str) -> str:
    """A path as it goes into a command we suggest (reporter review …): in double quotes when it holds a
    space or a character the command prompt or shell would take (我的 文档 → "我的 文档"), so a clerk can
    copy the command as it is."""
    text = os.fspath(path)
    return f'"{text}"' if not text or any(ch in _NEEDS_QUOTES for ch in text) else text
