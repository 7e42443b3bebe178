"""Progress of a run, for people watching a terminal: a rich bar on stderr, and nothing otherwise.

The library reports to a `Progress` (pipeline.run(..., progress=...)); it never prints itself. The CLI
passes `console_progress(sys.stderr)`, which draws a bar only when stderr is a terminal and the run
is still going after a moment, so short runs, pipes, cron and log files get no bar at all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Protocol, TextIO


class Progress(Protocol):
    def waiting(self, holder: str) -> None:
        """Another run holds the output folder; this one waits."""

    def start(self, total: int) -> None:
        """`total` files are about to be processed."""

    def advance(self, path: Path) -> None:
        """One file is done (processed or failed)."""

    def stop(self) -> None:
        """The files are done (outputs are being written)."""


class NoProgress:
    """Reports nothing."""

    def waiting(self, holder: str) -> None:
        pass

    def start(self, total: int) -> None:
        pass

    def advance(self, path: Path) -> None:
        pass

    def stop(self) -> None:
        pass


class LineProgress(NoProgress):
    """No bar (stderr is a pipe or a log file): only says when the run waits for another run."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def waiting(self, holder: str) -> None:
        who = f"（{holder}）" if holder else ""
        self.stream.write(f"输出文件夹正被另一个 reporter 使用{who}，等待它结束…\n")
        self.stream.flush()


class BarProgress(LineProgress):
    """A rich progress bar on a terminal stream, shown once the run has taken `delay` seconds.

    The bar is transient (it disappears when the files are done), so the summary that follows is clean.
    A message is printed when the run waits for another run's lock.
    """

    def __init__(self, stream: TextIO, *, delay: float = 1.0, min_files: int = 2):
        super().__init__(stream)
        self.delay = delay
        self.min_files = min_files
        self._bar: Any = None
        self._task: Any = None
        self._total = 0
        self._done = 0
        self._started = 0.0

    def start(self, total: int) -> None:
        self._total, self._done, self._started = total, 0, time.monotonic()

    def advance(self, path: Path) -> None:
        self._done += 1
        if self._bar is None:
            if (
                self._total < self.min_files
                or self._done >= self._total
                or time.monotonic() - self._started < self.delay
            ):
                return
            self._show()
        self._bar.update(self._task, completed=self._done, name=path.name)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream, highlight=False)
        self._bar = Progress(
            TextColumn("处理中"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("剩余"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[name]}", style="dim"),
            console=console,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("", total=self._total, completed=self._done, name="")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def console_progress(stream: TextIO, *, quiet: bool = False, delay: float = 1.0) -> Progress:
    """A bar on `stream` when it is a terminal; only the waiting message when it is not; nothing when quiet."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if quiet:
        return NoProgress()
    return BarProgress(stream, delay=delay) if tty else LineProgress(stream)
