"""Names every stage agrees on in an output folder, and the time stamp written there."""

from __future__ import annotations

import datetime as dt

STATE_DIR = ".reporter"  # OUTDIR/.reporter/: state.json, the lock, the 核对页's records, briefing.json
ARCHIVE_DIR = "简报存档"  # OUTDIR/简报存档/: every issue of the 简报, and the publication journal


def now_text() -> str:
    """The local time as the log, the state file and the 核对页 write it: 2024-06-03 18:00:05."""
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
