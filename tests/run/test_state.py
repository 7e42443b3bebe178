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
from typer.testing import CliRunner

from reporter.cli import app
from reporter.errors import LockedError
from reporter.jobs import state
from reporter.jobs.pipeline import Options, run
from reporter.jobs.state import OutputLock, State
from tests.conftest import write

runner = CliRunner()

HOLDER = """
import sys, time
from pathlib import Path
from reporter.jobs.state import OutputLock
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


def test_temporary_files_a_kill_left_are_removed_by_the_next_run(inbox, tmp_path):
    """Issue 19: every temporary file a killed run can leave (ledger, briefing, its archive copy, state and
    briefing state) is deleted by the next run, under its lock; other files and other programs' locks stay."""
    out = tmp_path / "out"
    leftovers = [
        write(out / ".~台账-abcd1234.xlsx", b"PK"),
        write(out / ".~简报-x_y1z2w3.docx", b"PK"),
        write(out / ".reporter" / ".~state-abcdefgh.json", "{"),
        write(out / ".reporter" / ".~briefing-a1b2c3d4.json", "{"),
        write(out / "简报存档" / ".~2026年第1期-zzzz9999.docx", b"PK"),
        write(out / ".台账.xlsx.reporter.json.tmp", "{"),  # the ledger's record of its rows
        write(out / ".~核对-0a1b2c3d.html", "<html>"),  # the 核对页
    ]
    others = [
        write(out / "简报存档" / "2026年第1期.docx", b"PK"),
        write(out / "笔记.~tmp-notes.txt", "人的文件"),
        write(out / ".~lock.别的表格.xlsx#", ",张三,PC-02,07.12.2026 10:20,x;"),
    ]
    result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in others)
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert log.count("删除了上次中断留下的临时文件") == len(leftovers)


def test_state_keeps_names_that_are_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + "三月报告.txt".encode("gbk")
    with open(raw, "wb") as fh:
        fh.write("报告".encode())
    report = Path(os.fsdecode(raw))
    st = State.load(tmp_path / "out")
    st.mark_done(st.fingerprint(report))
    st.save()
    st.path.read_bytes().decode("utf-8")  # valid UTF-8
    assert State.load(tmp_path / "out").unchanged(report)
