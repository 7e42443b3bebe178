"""Saving never leaves a broken ledger: killed mid-save, failing mid-save, or blocked by Excel/WPS."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reporter.errors import OutputError
from reporter.writers import write_ledger
from tests.conftest import ROOT
from tests.support.ledger_records import meeting, update

NOW = dt.datetime(2024, 7, 1, 9, 30)

WRITER = r"""
import sys, datetime as dt
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.support.ledger_records import found, record
from reporter.schema import load_schema
from reporter.writers import write_ledger

out = Path(sys.argv[1])
records = []
for i in range(int(sys.argv[3])):
    body = f"第{i}号工作动态\n{i}日，某县召开第{i}次工作会议，部署安全生产工作。" * 3
    records.append(record(out.parent / f"r{i}.txt", body, {
        "title": (found(f"第{i}号工作动态", body),), "date": (found("2024-06-01", body, "日"),),
        "summary": (found(body[:120], body),), "organizer": (found("某县", body),)}))
schema = load_schema()
print("ready", flush=True)
write_ledger(records, schema, out)
print("done", flush=True)
"""


def _rows(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return sum(1 for row in wb["台账"].iter_rows(min_row=4, values_only=True) if row[0] is not None)
    finally:
        wb.close()


@pytest.mark.slow
def test_a_kill_during_save_leaves_a_readable_ledger(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")], schema, out, now=NOW)
    original = out.read_bytes()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # not killed: the new ledger replaces the old one; how long that takes sets when to kill below
    probe = tmp_path / "probe" / "台账.xlsx"
    probe.parent.mkdir()
    probe.write_bytes(original)
    with subprocess.Popen(
        [sys.executable, str(script), str(probe), str(ROOT), "3000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    ) as proc:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        started = time.monotonic()
        _, err = proc.communicate(timeout=300)
        duration = time.monotonic() - started
    assert proc.returncode == 0, err
    assert _rows(probe) == 2 + 3000
    left_behind, seen = 0, set()
    for fraction in (0.3, 0.55, 0.8):
        with subprocess.Popen(
            [sys.executable, str(script), str(out), str(ROOT), "3000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        ) as proc:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            time.sleep(duration * fraction)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=60)
        rows = _rows(out)  # opens: never a broken file
        if out.read_bytes() == original:
            assert rows == 2  # the old ledger, untouched
        else:
            assert rows == 2 + 3000  # or the whole new one (the kill came after the replace)
            out.write_bytes(original)
        temps = {p for p in tmp_path.iterdir() if p.name.startswith(".~")}
        left_behind += len(temps - seen)  # the kill came while the new file was being written
        seen |= temps
    assert left_behind >= 2
    # whatever temporary file a kill left behind does not stop the next run
    result = write_ledger([meeting(tmp_path / "c.txt", body="另一篇报告\n内容不同。")], schema, out, now=NOW)
    assert result.rows_added == 1


def test_an_error_mid_save_keeps_the_old_ledger(tmp_path, schema, monkeypatch):
    from reporter.writers.ledger import notes

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    original = out.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(notes, "rewrite_vml", boom)
    with pytest.raises(RuntimeError):
        write_ledger([update(tmp_path / "b.txt")], schema, out, now=NOW)
    assert out.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []  # temporary file removed


def test_ledger_open_in_excel_is_an_error_and_rows_are_added_next_time(tmp_path, schema, monkeypatch):
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    original = out.read_bytes()
    real_replace = os.replace

    def locked(src, dst, *a, **k):
        if Path(dst) == out:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr("reporter.writers.atomic.WINDOWS", True)  # on Linux: a permission error (issue 19)
    with pytest.raises(OutputError) as info:
        write_ledger([update(tmp_path / "b.txt")], schema, out, now=NOW)
    message = str(info.value)
    assert message.startswith(str(out)) and "Excel/WPS" in message and message.endswith("请关闭后重新运行")
    assert out.read_bytes() == original
    monkeypatch.setattr(os, "replace", real_replace)
    result = write_ledger([meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")], schema, out, now=NOW)
    assert result.rows_added == 1 and _rows(out) == 2
