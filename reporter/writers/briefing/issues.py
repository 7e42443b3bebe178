"""期号: the briefing's issue number, continued across runs into the same output folder.

    OUTDIR/.reporter/briefing.json     {"year": 2024, "last": 3, "issues": [...]}: the last issue of the year
    OUTDIR/简报存档/2024年第3期.docx     every issue, kept

The number goes on from the last issue of the same year and starts again at 1 in a new year; --issue-no N
sets it (the next run goes on from N). When the state file is missing or broken, the archive tells the
last number. An archived issue is never overwritten: one that would be (re-issuing a number with
--issue-no) is first renamed 2024年第3期（旧1）.docx.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic

STATE_DIR = ".reporter"
STATE_NAME = "briefing.json"
ARCHIVE_DIR = "简报存档"
HISTORY = 200


@dataclass(frozen=True, slots=True)
class Issue:
    year: int
    no: int
    date: dt.date

    @property
    def label(self) -> str:
        """2024年第3期"""
        return f"{self.year}年第{self.no}期"

    @property
    def date_text(self) -> str:
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"


def state_path(folder: Path) -> Path:
    return folder / STATE_DIR / STATE_NAME


def archive_path(folder: Path, issue: Issue) -> Path:
    return folder / ARCHIVE_DIR / f"{issue.label}.docx"


def load_state(folder: Path) -> dict | None:
    """The saved state, or None when there is none or it cannot be read (the archive is asked instead)."""
    try:
        data = json.loads(state_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("year"), int)
        or not isinstance(data.get("last"), int)
    ):
        return None
    return data


def archived_last(folder: Path, year: int) -> int:
    """The highest issue number of `year` in the archive folder (0 when none)."""
    pattern = re.compile(rf"^{year}年第(\d+)期\.docx$")
    try:
        names = [p.name for p in (folder / ARCHIVE_DIR).iterdir()]
    except OSError:
        return 0
    return max((int(m[1]) for m in map(pattern.match, names) if m), default=0)


def next_issue(folder: Path, today: dt.date, issue_no: int | None = None) -> Issue:
    if issue_no is not None:
        if issue_no < 1:
            raise ValueError("issue_no must be ≥ 1")
        return Issue(today.year, issue_no, today)
    state = load_state(folder)
    if state is None:
        last = archived_last(folder, today.year)
    else:
        last = state["last"] if state["year"] == today.year else 0
    return Issue(today.year, last + 1, today)


def keep_old(path: Path) -> Path | None:
    """Rename an existing archived issue out of the way (2024年第3期（旧1）.docx); the new name, or None."""
    if not path.exists():
        return None
    k = 1
    while (old := path.with_name(f"{path.stem}（旧{k}）{path.suffix}")).exists():
        k += 1
    path.rename(old)
    return old


def save_state(folder: Path, issue: Issue, *, reports: int, file: Path) -> Path:
    state = load_state(folder) or {}
    history = [h for h in state.get("issues", []) if isinstance(h, dict)][-(HISTORY - 1) :]
    try:
        shown = str(file.relative_to(folder))
    except ValueError:
        shown = str(file)
    history.append({"期号": issue.label, "日期": issue.date.isoformat(), "报告数": reports, "文件": shown})
    data = {"version": 1, "year": issue.year, "last": issue.no, "issues": history}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return write_atomic(state_path(folder), lambda tmp: tmp.write_text(text, encoding="utf-8"))
