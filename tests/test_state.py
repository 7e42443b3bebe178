"""The output-folder lock: overlapping runs are safe, the second waits then ends with exit 1 and a message;
a lock left by a dead run never blocks."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import write
from typer.testing import CliRunner

from reporter import state
from reporter.cli import app
from reporter.errors import LockedError
from reporter.pipeline import Options, run
from reporter.state import OutputLock, State

runner = CliRunner()

HOLDER = """
import sys, time
from pathlib import Path
from reporter.state import OutputLock
with OutputLock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()            # hold until the test closes stdin (or kills us)
"""


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of tmp_path/out."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    proc.stdout.close()
    if not proc.stdin.closed:
        proc.stdin.close()


@pytest.fixture
def inbox(tmp_path, seeds_dir) -> Path:
    return write(tmp_path / "in" / "seed.txt", (seeds_dir / "seed.txt").read_bytes()).parent


def test_a_second_run_waits_then_exits_1_with_a_clear_message(holder, inbox, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--wait", "0.5"])
    assert result.exit_code == 1, result.stderr
    reading, waiting, error = result.stderr.splitlines()
    assert reading == "读取中…"
    assert waiting.startswith("输出文件夹正被另一个 reporter 使用") and waiting.endswith("等待它结束…")
    assert error.startswith(f"错误：{out}：另一个 reporter 正在写入这个输出文件夹")
    assert f"进程 {holder.pid}" in result.stderr and "--wait" in result.stderr
    assert not (out / "台账.xlsx").exists()


def test_the_second_run_goes_on_when_the_first_ends_within_the_wait(holder, inbox, tmp_path):
    threading.Timer(0.5, holder.stdin.close).start()
    result = runner.invoke(app, ["run", str(inbox), "-o", str(tmp_path / "out"), "--wait", "30"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "台账.xlsx").is_file()


def test_a_lock_left_by_a_dead_run_is_taken_over(holder, inbox, tmp_path):
    holder.kill()
    holder.wait()
    lock = tmp_path / "out" / ".reporter" / "lock"
    assert f"pid={holder.pid}" in lock.read_text(encoding="utf-8")  # the dead run's note is still there
    result = runner.invoke(app, ["run", str(inbox), "-o", str(tmp_path / "out"), "--wait", "0"])
    assert result.exit_code == 0, result.stderr
    assert f"pid={os.getpid()}" in lock.read_text(encoding="utf-8")


def test_overlapping_runs_in_one_process_each_file_processed_once(inbox, tmp_path, seeds_dir, schema):
    for name in ("work-update.txt", "notice.docx", "交通事故通报.docx"):
        write(inbox / name, (seeds_dir / name).read_bytes())
    out = tmp_path / "out"
    results, errors = [], []

    def one() -> None:
        try:
            results.append(run([inbox], out, schema=schema, options=Options(jobs=1, wait=60)))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    processed = sorted(r.path.name for result in results for r in result.records)
    skipped = sorted(s.path.name for result in results for s in result.skipped)
    assert processed == sorted(p.name for p in inbox.iterdir())  # each file once, by one of them
    assert skipped == processed  # the other found them all done


def test_the_waiting_run_is_told(holder, tmp_path):
    told = []
    with pytest.raises(LockedError):
        OutputLock(tmp_path / "out", wait=0.3, on_wait=told.append).acquire()
    assert told and f"进程 {holder.pid}" in told[0]


def test_without_os_locks_the_holders_note_decides(tmp_path, monkeypatch):
    """On a file system that cannot lock, a live process named in the lock file still blocks; a dead one not."""

    def cannot_lock(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(state, "_lock_fd", cannot_lock)
    out = tmp_path / "out"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = out / ".reporter" / "lock"
        write(lock, f"pid={sleeper.pid}\nhost={__import__('socket').gethostname()}\n")
        with pytest.raises(LockedError):
            OutputLock(out, wait=0.2).acquire()
    finally:
        sleeper.kill()
        sleeper.wait()
    with OutputLock(out, wait=0.2):
        assert f"pid={os.getpid()}" in lock.read_text(encoding="utf-8")
    assert "released=1" in lock.read_text(encoding="utf-8")


def test_pid_alive():
    assert state.pid_alive(os.getpid())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not state.pid_alive(proc.pid)


def test_state_round_trip(tmp_path):
    report = write(tmp_path / "r.txt", "报告")
    st = State.load(tmp_path / "out")
    fp = st.fingerprint(report)
    assert st.done(fp) is None and not st.unchanged(report)
    st.mark_done(fp)
    st.save()
    again = State.load(tmp_path / "out")
    assert again.done(again.fingerprint(report)) is not None and again.unchanged(report)
    report.write_text("改过的报告", encoding="utf-8")
    assert again.done(again.fingerprint(report)) is None and not again.unchanged(report)
