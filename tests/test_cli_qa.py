"""Regressions found by trying the program the way an office clerk does (helper hqa): each test names
the mistake or the situation, and what the user must see."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# ------------------------------------------------------------------ Ctrl+C: never a traceback
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux-only")
def test_the_fork_server_is_started_with_ctrl_c_ignored():
    """Ctrl+C reaches the whole process group; the fork server starting Python died of it with
    "Fatal Python error: init_import_site" or a KeyboardInterrupt traceback under the summary line."""
    import signal
    from multiprocessing import forkserver

    from reporter import workers

    workers.release_fork_server()
    workers._context()
    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    status = Path(f"/proc/{pid}/status").read_text()
    ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1], 16)
    assert ignored & (1 << (signal.SIGINT - 1))
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the main process gets it back
    workers.release_fork_server()


def test_a_worker_whose_main_process_is_gone_ends_quietly():
    """A worker that starts after Ctrl+C ended the main process: no BrokenPipeError traceback."""
    from reporter.workers import _tell

    class Gone:
        def send(self, message):
            raise BrokenPipeError(32, "Broken pipe")

    assert _tell(Gone(), ("ready", 1)) is False  # type: ignore[arg-type]
