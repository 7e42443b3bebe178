"""Output errors (disk full, no permission, path too long, read-only disk, full temporary folder) end a run
with one Chinese line naming the file and what to do: on stderr, as "error" in --json (with the log's
path), and in reporter.log with its detail and an end line; never a traceback (issue 19)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.errors import output_error
from tests.conftest import write

runner = CliRunner()


def report(i: int) -> str:
    return (
        f"县第{i}次安全生产工作推进会召开\n"
        f"2026年3月{i}日，县应急管理局召开第{i}次安全生产推进会。全县排查隐患{100 + i}处，整改{90 + i}处。\n"
    )


@pytest.fixture
def inbox(tmp_path) -> Path:
    for i in range(1, 4):
        write(tmp_path / "in" / f"报告{i}.txt", report(i))
    return tmp_path / "in"


def run_json(inbox: Path, out: Path):
    result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1", "--json"])
    assert not isinstance(result.exception, (OSError, UnicodeError)), result.exception
    return result, json.loads(result.stdout)


def assert_logged(out: Path, words: str) -> list[str]:
    lines = [
        line.split(" ", 2)[2] for line in (out / "reporter.log").read_text(encoding="utf-8").splitlines()
    ]
    errors = [line for line in lines if line.startswith("错误：")]
    assert errors and words in errors[-1], lines
    assert lines[-1].startswith("结束：未完成"), lines
    return lines


@pytest.mark.parametrize(
    "code,words",
    [
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EACCES, "没有写入权限"),
        (errno.EPERM, "不允许修改"),
        (errno.ENAMETOOLONG, "路径太长"),
        (errno.EROFS, "只读"),
    ],
)
def test_a_failing_write_is_one_chinese_line(inbox, tmp_path, monkeypatch, code, words):
    out = tmp_path / "out"
    real = os.replace

    def failing(src, dst, *a, **k):
        if Path(dst).name == "台账.xlsx":
            raise OSError(code, os.strerror(code), str(src))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", failing)
    result, summary = run_json(inbox, out)
    assert result.exit_code == 1
    error = summary["error"]
    assert error.startswith(f"{out / '台账.xlsx'}：") and words in error and "；请" in error
    assert summary["log"] == str(out / "reporter.log") and summary["exit_code"] == 1
    assert result.stderr.strip().splitlines()[-1] == f"错误：{error}"
    assert "Traceback" not in result.stderr
    lines = assert_logged(out, words)
    assert any(line.startswith("详细：") and "[Errno" in line for line in lines)
    assert not (out / "台账.xlsx").exists() and not (out / ".reporter" / "state.json").exists()
    monkeypatch.setattr(os, "replace", real)
    again, summary = run_json(inbox, out)  # nothing was marked done: the next run does them all
    assert again.exit_code == 0 and len(summary["processed"]) == 3


def test_a_full_temporary_folder(inbox, tmp_path, monkeypatch):
    """The ledger writer spools to the temporary folder: a full one names it in the advice."""

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    result, summary = run_json(inbox, tmp_path / "out")
    assert result.exit_code == 1
    assert summary["error"].startswith("无法在临时文件夹") and "（磁盘空间不足）" in summary["error"]
    assert summary["log"] == str(tmp_path / "out" / "reporter.log")
    assert_logged(tmp_path / "out", "磁盘空间不足")


def test_a_locked_folder_gives_the_log_path(inbox, tmp_path):
    from reporter.jobs.state import OutputLock

    out = tmp_path / "out"
    with OutputLock(out):
        result = runner.invoke(app, ["run", str(inbox), "-o", str(out), "--wait", "0", "--json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and "另一个 reporter" in summary["error"]
    assert summary["log"] == str(out / "reporter.log")
    assert "错误：" in (out / "reporter.log").read_text(encoding="utf-8")


def test_output_error_texts():
    error = output_error(OSError(errno.ENOSPC, "No space left on device"), Path("/o/台账.xlsx"), "写入台账")
    assert str(error).startswith("/o/台账.xlsx：写入台账时磁盘空间不足；请清理磁盘")
    assert error.reason == "磁盘空间不足" and "Errno 28" in error.detail
    odd = output_error(OSError(errno.EIO, "I/O error", b"/o/x"))
    assert str(odd).startswith("/o/x：磁盘读写出错")
    unknown = output_error(OSError(errno.ENOTEMPTY, "Directory not empty"), "/o")
    assert "无法写入（文件夹不是空的）" in str(unknown)


def test_one_errno_table_for_reading_and_writing():
    from reporter.errors import describe_os_error, os_reason

    full = OSError(errno.ENOSPC, "No space left on device")
    assert os_reason(full) == "磁盘已满" and describe_os_error(full)[0] == "磁盘空间不足"
    big = OSError(errno.EFBIG, "File too large")  # was "系统错误 27" when read
    assert os_reason(big) == describe_os_error(big)[0] == "文件太大，超出了磁盘或系统的限制"
    busy = OSError(errno.EBUSY, "busy")  # known when read, said generally when written
    assert describe_os_error(busy) == ("无法写入（正被其他程序占用）", "请检查磁盘和文件夹后重新运行")
    assert os_reason(OSError(999, "?")) == "系统错误 999"


@pytest.mark.parametrize(
    ("winerror", "reason", "writing"),
    [(32, "正被其他程序占用", "文件正被其他程序打开"), (112, "磁盘已满", "磁盘空间不足")],
)
def test_windows_error_codes_come_before_their_errno(winerror, reason, writing):
    from reporter.errors import describe_os_error, os_reason

    exc = OSError(errno.EACCES, "Access is denied")  # what Windows gives with a sharing violation
    exc.winerror = winerror  # type: ignore[attr-defined]
    assert os_reason(exc) == reason and describe_os_error(exc)[0] == writing


# ------------------------------------------------------------- real file systems (root: tmpfs mounts)
@contextlib.contextmanager
def tmpfs(path: Path, options: str):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_real_full_disk(inbox, tmp_path):
    with tmpfs(tmp_path / "small", "size=48k") as disk:
        out = disk / "out"
        result, summary = run_json(inbox, out)
        assert result.exit_code == 1 and "磁盘空间不足" in summary["error"], summary
        assert summary["log"] == str(out / "reporter.log")
        assert "Traceback" not in result.stderr
        assert not list(out.glob(".~*")) and not list((out / ".reporter").glob(".~*"))


def test_a_read_only_disk(inbox, tmp_path):
    with tmpfs(tmp_path / "ro", "ro,size=64k") as disk:
        result, summary = run_json(inbox, disk / "out")
        assert result.exit_code == 1
        assert summary["error"].startswith(f"{disk / 'out'}：") and "只读" in summary["error"]
        assert "Traceback" not in result.stderr


def test_an_immutable_ledger_is_not_called_open_in_excel(inbox, tmp_path):
    out = tmp_path / "out"
    assert run_json(inbox, out)[0].exit_code == 0
    ledger = out / "台账.xlsx"
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(ledger)]).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        write(inbox / "报告9.txt", report(9))
        result, summary = run_json(inbox, out)
        assert result.exit_code == 1 and "不允许修改" in summary["error"] and "Excel" not in summary["error"]
    finally:
        subprocess.run(["chattr", "-i", str(ledger)], check=False)
