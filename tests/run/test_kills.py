"""kill -9 at random points of runs, then a clean run: every report is in the ledger exactly once, state.json
counts each of them as done, and no temporary file is left behind (issue 19).

The kills land at random times of a whole run (reading, extracting) and, on purpose, while the outputs are
being written: the test watches the output folder and kills a random moment after the first temporary
file appears (ledger, briefing, its archive copy, state). Each run gets two new reports, so every run has
work to do. The archive's exactly-once promise (each report in one 简报 issue) is tested with the
publication journal.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reporter.jobs.state import sha256_file
from tests.run.test_locks import ledger_shas, make_inbox

ROOT = Path(__file__).resolve().parents[2]
TEMP = re.compile(r"^\.~.+-[A-Za-z0-9_]+(\.\w+)?$")
KILLS = 5


def start(inbox: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "reporter", "run", str(inbox), "-o", str(out), "--jobs", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its worker processes die with it
    )


def temporaries(out: Path) -> list[Path]:
    found = []
    for folder in (out, out / ".reporter", out / "简报存档"):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if TEMP.match(p.name)]
    return found


def kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


@pytest.mark.slow
def test_kill_9_at_random_points_then_a_clean_run(tmp_path):
    rng = random.Random(19)
    inbox, out = tmp_path / "in", tmp_path / "out"
    make_inbox(inbox, range(1, 3))
    started = time.monotonic()
    probe = start(inbox, tmp_path / "probe")
    assert probe.wait(120) == 0, probe.stderr.read().decode() if probe.stderr else ""
    probe.stderr.close()  # type: ignore[union-attr]
    duration = time.monotonic() - started
    next_no, killed_writing, left = 3, 0, 0
    for k in range(KILLS):
        make_inbox(inbox, range(next_no, next_no + 2))
        next_no += 2
        proc = start(inbox, out)
        if k % 2 == 0:  # anywhere in the run
            time.sleep(rng.uniform(0.2, 1.1) * duration)
        else:  # while the outputs are being written
            end = time.monotonic() + 3 * duration
            while not temporaries(out) and proc.poll() is None and time.monotonic() < end:
                time.sleep(0.005)
            time.sleep(0 if k == 1 else rng.uniform(0.0, 0.15))  # the first of them: at once
            killed_writing += proc.poll() is None
        kill(proc)
        left += len(temporaries(out))
    final = start(inbox, out)
    err = final.communicate(timeout=120)[1].decode("utf-8", "replace")
    assert final.returncode == 0, err

    reports = sorted(inbox.iterdir())
    shas = ledger_shas(out / "台账.xlsx")
    expected = {sha256_file(p) for p in reports}
    assert len(shas) == len(set(shas)) == len(reports) == 2 + 2 * KILLS  # each report once
    assert set(shas) == expected
    state = json.loads((out / ".reporter" / "state.json").read_text(encoding="utf-8"))
    assert expected <= set(state["files"])  # and counted as done
    assert temporaries(out) == []  # whatever the kills left was cleaned by the clean run
    assert killed_writing >= 1  # at least one kill came while writing
    print(f"{KILLS} kills ({killed_writing} while writing, {left} temporary files left), a clean run")
