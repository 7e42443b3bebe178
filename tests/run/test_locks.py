"""A ledger (or briefing) open in LibreOffice, Excel or WPS, or read-only, is never replaced: the run says who
holds it, writes nothing, exits 1, and the reports stay pending, so no row is lost when the other program
saves over the file (issue 19)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.errors import FileInUseError, OutputError
from reporter.jobs import locks
from reporter.jobs.locks import Holder, check_free, find_holder, parse_libreoffice_lock, parse_owner_file
from reporter.writers.ledger.config import SHA_HEADER, SIGNATURE_MARK
from tests.conftest import write

runner = CliRunner()


def report(i: int) -> str:
    """A small report of its own (distinct title, date and figures), so that none is a repeat of another."""
    return (
        f"县第{i}次安全生产工作推进会召开\n"
        f"2026年3月{i % 28 + 1}日，县应急管理局召开第{i}次安全生产工作推进会。"
        f"会议通报，今年以来全县排查隐患{100 + i}处，整改{90 + i}处，新增就业岗位{1000 + 7 * i}个。\n"
        f"会议要求各乡镇落实第{i}项重点任务。\n"
    )


def make_inbox(folder: Path, numbers) -> Path:
    for i in numbers:
        write(folder / f"报告{i:03d}.txt", report(i))
    return folder


def ledger_shas(path: Path) -> list[str]:
    """The SHA-256 column of the 台账 sheet, one entry per report row."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    ws = wb["台账"]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    header = next(i for i, row in enumerate(rows) if row and SHA_HEADER in row)
    col = list(rows[header]).index(SHA_HEADER)
    return [row[col] for row in rows[header + 1 :] if row and row[col] and row[col] != SIGNATURE_MARK]


def lo_lock_line(user: str, host: str, when: str) -> bytes:
    return f",{user},{host},{when},file:///home/{user}/.config/libreoffice/4;".encode()


# ----------------------------------------------------------------------------------------- parsing
def test_a_libreoffice_lock_line_is_read():
    assert parse_libreoffice_lock(lo_lock_line("张三", "PC-02", "07.12.2026 10:20")) == (
        "张三",
        "PC-02",
        "2026-12-07 10:20",
    )
    # the form LibreOffice 7 writes with no name set in its options: the login name is the second field
    assert parse_libreoffice_lock(b",root,vm,07.12.2026 00:43,file:///tmp/profile;") == (
        "root",
        "vm",
        "2026-12-07 00:43",
    )
    assert parse_libreoffice_lock(b"Li\\, Si,lisi,host\\;1,bad time,x;")[0] == "Li, Si"
    assert parse_libreoffice_lock(b"") == ("", "", "")


def test_an_office_owner_file_gives_the_user_name():
    name = "王五"
    ansi = name.encode("gbk")
    data = bytes([len(ansi)]) + ansi
    data += b" " * (54 - len(data)) + bytes([len(name), 0]) + name.encode("utf-16-le") + b"\x00" * 10
    assert parse_owner_file(data) == "王五"
    assert parse_owner_file(bytes([5]) + b"zhang") == "zhang"
    assert parse_owner_file(b"") == ""


# ---------------------------------------------------------------------------------------- detection
def test_a_libreoffice_lock_from_another_computer_blocks(tmp_path):
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    write(tmp_path / ".~lock.台账.xlsx#", lo_lock_line("张三", "PC-02", "07.12.2026 10:20"))
    holder = find_holder(ledger, running=lambda: False)
    assert holder == Holder(
        "LibreOffice", "张三", "PC-02", "2026-12-07 10:20", tmp_path / ".~lock.台账.xlsx#"
    )
    with pytest.raises(FileInUseError) as info:
        check_free([ledger], running=lambda: False)
    message = str(info.value)
    assert message.startswith(f"{ledger} 正在被 LibreOffice（张三，计算机 PC-02，2026-12-07 10:20）打开")
    assert "本次没有写入任何文件" in message and "PC-02 上的 LibreOffice 已经关闭" in message


def test_a_libreoffice_lock_of_this_computer_blocks_while_libreoffice_runs(tmp_path):
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    write(tmp_path / ".~lock.台账.xlsx#", lo_lock_line("张三", socket.gethostname(), "07.12.2026 10:20"))
    holder = find_holder(ledger, running=lambda: True)
    assert holder is not None and holder.describe() == "LibreOffice（张三，2026-12-07 10:20）"
    assert find_holder(ledger, running=lambda: None) is not None  # cannot tell: on the safe side


def test_a_stale_libreoffice_lock_of_this_computer_does_not_block(tmp_path):
    """LibreOffice killed or crashed: its lock stays, but no LibreOffice runs here, so nobody can save over."""
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    lock = write(
        tmp_path / ".~lock.台账.xlsx#", lo_lock_line("张三", socket.gethostname(), "07.12.2026 10:20")
    )
    notes: list[str] = []
    check_free([ledger], note=notes.append, running=lambda: False)
    assert len(notes) == 1 and "异常退出后留下的锁文件" in notes[0] and str(lock) in notes[0]
    assert lock.exists()  # left for LibreOffice itself


def test_excel_and_wps_owner_files_block(tmp_path):
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    owner = write(tmp_path / "~$台账.xlsx", bytes([4]) + "王五".encode("gbk"))
    with pytest.raises(FileInUseError) as info:
        check_free([ledger])
    assert "Excel/WPS（王五）" in str(info.value) and "~$台账.xlsx" in str(info.value)
    owner.unlink()
    write(tmp_path / ".~台账.xlsx", b"")  # WPS on Linux
    with pytest.raises(FileInUseError, match="WPS"):
        check_free([ledger])


def test_our_own_temporary_files_are_no_lock(tmp_path):
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    write(tmp_path / ".~台账-abcd1234.xlsx", b"")
    assert find_holder(ledger) is None
    assert find_holder(tmp_path / "没有的文件.xlsx") is None


def test_libreoffice_running_answers():
    assert locks.libreoffice_running() in (True, False, None)


# ---------------------------------------------------------------------------------------- the run
def test_ledger_open_in_libreoffice_then_saved_over_loses_no_row(tmp_path):
    """The data-loss case of issue 19, simulated: the ledger is open in LibreOffice on another computer
    while a run has 3 new reports; the user then saves LibreOffice's copy over the file. Nothing was
    written and nothing was marked done, so the next run adds the 3 rows."""
    inbox, out = make_inbox(tmp_path / "in", range(1, 3)), tmp_path / "out"
    first = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert first.exit_code == 0, first.stderr
    ledger = out / "台账.xlsx"
    assert len(ledger_shas(ledger)) == 2
    opened = ledger.read_bytes()  # what LibreOffice holds in memory
    state = (out / ".reporter" / "state.json").read_bytes()
    lock = write(out / ".~lock.台账.xlsx#", lo_lock_line("张三", "PC-02", "07.12.2026 10:20"))

    make_inbox(inbox, range(3, 6))
    refused = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1", "--json"])
    assert refused.exit_code == 1
    assert "台账.xlsx 正在被 LibreOffice（张三，计算机 PC-02，2026-12-07 10:20）打开" in refused.stderr
    summary = json.loads(refused.stdout)
    assert "LibreOffice" in summary["error"] and summary["log"] == str(out / "reporter.log")
    assert ledger.read_bytes() == opened  # not replaced
    assert (out / ".reporter" / "state.json").read_bytes() == state  # the 3 reports stay pending
    log = (out / "reporter.log").read_text(encoding="utf-8").splitlines()
    assert "正在被 LibreOffice" in log[-2] and log[-1].split(" ", 2)[2].startswith("结束：未完成")

    ledger.write_bytes(opened)  # LibreOffice saves its copy over the file and closes it
    lock.unlink()
    again = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert again.exit_code == 0, again.stderr
    shas = ledger_shas(ledger)
    assert len(shas) == 5 and len(set(shas)) == 5  # every report once


def test_a_briefing_open_elsewhere_blocks_too(tmp_path):
    inbox, out = make_inbox(tmp_path / "in", [1]), tmp_path / "out"
    assert runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"]).exit_code == 0
    write(out / "~$简报.docx", bytes([4]) + "王五".encode("gbk"))
    before = (out / "台账.xlsx").read_bytes()
    make_inbox(inbox, [2])
    result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1 and "简报.docx 正在被 Excel/WPS（王五）打开" in result.stderr
    assert (out / "台账.xlsx").read_bytes() == before  # the ledger is not written either


def test_nothing_to_do_is_no_error_while_the_ledger_is_open(tmp_path):
    inbox, out = make_inbox(tmp_path / "in", [1]), tmp_path / "out"
    assert runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"]).exit_code == 0
    write(out / ".~lock.台账.xlsx#", lo_lock_line("张三", "PC-02", "07.12.2026 10:20"))
    result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0 and "跳过 1 份" in result.stderr


def test_a_read_only_ledger_is_respected(tmp_path):
    inbox, out = make_inbox(tmp_path / "in", [1]), tmp_path / "out"
    assert runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"]).exit_code == 0
    ledger = out / "台账.xlsx"
    before = ledger.read_bytes()
    ledger.chmod(0o444)
    try:
        make_inbox(inbox, [2])
        result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
        assert result.exit_code == 1
        assert f"错误：{ledger} 是只读文件，程序不会替换它" in result.stderr
        assert ledger.read_bytes() == before and not os.stat(ledger).st_mode & 0o222
    finally:
        ledger.chmod(0o644)
    again = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert again.exit_code == 0 and len(ledger_shas(ledger)) == 2


# ------------------------------------------------------------------------------- real LibreOffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_ledger_open_in_a_real_libreoffice(tmp_path, monkeypatch):
    """LibreOffice (headless) opens the ledger: the run refuses; after LibreOffice is killed its lock stays
    behind, and (no LibreOffice running on this computer) no longer blocks."""
    inbox, out = make_inbox(tmp_path / "in", [1]), tmp_path / "out"
    assert runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"]).exit_code == 0
    ledger = out / "台账.xlsx"
    lock = out / ".~lock.台账.xlsx#"
    profile = (tmp_path / "lo-profile").as_uri()
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", str(ledger)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        end = time.monotonic() + 90
        while not lock.exists() and time.monotonic() < end and office.poll() is None:
            time.sleep(0.2)
        if not lock.exists():
            pytest.skip("LibreOffice did not open the ledger")
        user, host, _ = parse_libreoffice_lock(lock.read_bytes())
        assert host and user
        before = ledger.read_bytes()
        make_inbox(inbox, [2])
        refused = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
        assert refused.exit_code == 1 and "正在被 LibreOffice（" in refused.stderr
        assert ledger.read_bytes() == before
    finally:
        os.killpg(office.pid, signal.SIGKILL)
        office.wait(30)
    assert lock.exists()  # a killed LibreOffice leaves its lock
    if locks.libreoffice_running():  # another LibreOffice runs on this machine (another test, a user)
        monkeypatch.setattr(locks, "libreoffice_running", lambda: False)
    again = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1"])
    assert again.exit_code == 0, again.stderr
    assert len(ledger_shas(ledger)) == 2
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert "异常退出后留下的锁文件" in log


def test_check_free_names_a_read_only_briefing(tmp_path):
    briefing = write(tmp_path / "简报.docx", b"PK")
    briefing.chmod(0o444)
    try:
        with pytest.raises(OutputError, match="只读"):
            check_free([tmp_path / "台账.xlsx", briefing])
    finally:
        briefing.chmod(0o644)


def test_the_ledger_command_does_not_write_over_an_open_ledger(tmp_path):
    inbox = make_inbox(tmp_path / "in", [1])
    ledger = tmp_path / "台账.xlsx"
    assert runner.invoke(app, ["ledger", str(inbox), "-o", str(ledger)]).exit_code == 0
    before = ledger.read_bytes()
    write(tmp_path / ".~lock.台账.xlsx#", lo_lock_line("张三", "PC-02", "07.12.2026 10:20"))
    make_inbox(inbox, [2])
    result = runner.invoke(app, ["ledger", str(inbox), "-o", str(ledger)])
    assert result.exit_code == 1 and "正在被 LibreOffice（张三" in result.stderr
    assert ledger.read_bytes() == before


def test_a_sharing_violation_on_windows(tmp_path, monkeypatch):
    """Excel and WPS keep an open file locked against writing on Windows: that alone tells it is open; and
    a leftover ~$ owner file of a crashed Excel does not block when the file is not locked."""
    ledger = write(tmp_path / "台账.xlsx", b"PK")
    monkeypatch.setattr(locks.sys, "platform", "win32")
    real_open = open

    def shared(path, mode="r", *args, **kwargs):
        if Path(path) == ledger and "+" in mode:
            exc = PermissionError(13, "The process cannot access the file")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(locks, "open", shared, raising=False)
    holder = find_holder(ledger)
    assert holder is not None and holder.program == "Excel/WPS 或其他程序" and holder.lock is None
    monkeypatch.setattr(locks, "open", real_open, raising=False)
    owner = write(tmp_path / "~$台账.xlsx", bytes([4]) + "王五".encode("gbk"))
    notes: list[str] = []
    assert find_holder(ledger, note=notes.append) is None  # not locked: the ~$ file is a leftover
    assert notes and str(owner) in notes[0]
