"""Drag-and-drop entry (bare paths, the Windows console pause, long paths) and the progress display."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from reporter import cli
from reporter.cli import console
from reporter.jobs.progress import BarProgress, LineProgress, NoProgress, console_progress
from tests.conftest import DATA, write


def test_dropping_a_folder_with_chinese_name_and_spaces(tmp_path, seeds_dir, capsys):
    folder = tmp_path / "二〇二四年 一月 报告（汇总）"
    write(folder / "第 1 份 报告.txt", (seeds_dir / "seed.txt").read_bytes())
    with pytest.raises(SystemExit) as exit_info:
        cli.main([str(folder)])
    assert exit_info.value.code == 0
    out = tmp_path / "二〇二四年 一月 报告（汇总）_台账简报"
    assert (out / "台账.xlsx").is_file() and (out / "简报.docx").is_file()
    err = capsys.readouterr().err
    assert "已处理 1 份" in err and str(out / "台账.xlsx") in err


def test_dropping_files_puts_the_results_beside_the_first(tmp_path, seeds_dir):
    a = write(tmp_path / "甲" / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    b = write(tmp_path / "乙" / "二.docx", (DATA / "seed.docx").read_bytes())
    args = cli._bare_paths([str(a), str(b)])
    assert args[:3] == ["run", str(a), str(b)] and Path(args[-1]) == a.parent.resolve() / "台账简报"


@pytest.mark.skipif(sys.platform == "win32", reason="a deep path on a POSIX file system")
def test_a_long_path_works(tmp_path, seeds_dir):
    deep = tmp_path
    while len(str(deep)) < 320:
        deep = deep / "很长的文件夹名称 with spaces"
    report = write(deep / "报告.txt", (seeds_dir / "seed.txt").read_bytes())
    with pytest.raises(SystemExit) as exit_info:
        cli.main([str(report)])
    assert exit_info.value.code == 0
    assert (deep / "台账简报" / "台账.xlsx").is_file()


def test_windows_long_paths_get_the_extended_prefix():
    long = "C:\\Users\\张三\\桌面\\" + "很长的文件夹\\" * 40 + "报告.docx"
    assert console.long_path(long, platform="win32") == "\\\\?\\" + long
    share = "\\\\server\\共享\\" + "文件夹\\" * 80 + "a.txt"
    assert console.long_path(share, platform="win32") == "\\\\?\\UNC\\" + share[2:]
    assert console.long_path("C:\\短\\a.txt", platform="win32") == "C:\\短\\a.txt"
    assert console.long_path("--json", platform="win32") == "--json"
    assert console.long_path(long, platform="linux") == long


def test_pause_only_when_no_shell_shares_the_console():
    names = {1: "reporter.exe", 2: "python.exe", 3: "cmd.exe", 4: "powershell.exe"}.get
    assert console.alone_in_console([1, 2], 2, names)  # dropped on reporter.exe: launcher + python
    assert console.alone_in_console([2], 2, names)  # python.exe started on its own
    assert not console.alone_in_console([3, 1, 2], 2, names)  # typed in cmd.exe
    assert not console.alone_in_console([4, 2], 2, names)  # typed in PowerShell


def test_no_pause_off_windows():
    if sys.platform != "win32":
        assert console.owns_console() is False


def test_main_waits_for_enter_when_it_owns_the_console(tmp_path, seeds_dir, monkeypatch):
    folder = tmp_path / "拖放"
    write(folder / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    asked = []
    monkeypatch.setattr(cli, "owns_console", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "")
    monkeypatch.setattr(sys, "argv", ["reporter", str(folder)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 0 and asked and "回车" in asked[0]
    monkeypatch.setattr(sys, "argv", ["reporter", str(tmp_path / "没有这个文件夹")])
    with pytest.raises(SystemExit):
        cli.main()
    assert len(asked) == 2  # also after an error, so it can be read


# ------------------------------------------------------------------------------------------ progress
class Terminal(io.TextIOWrapper):
    """A GBK 'console' that says it is a terminal."""

    def __init__(self):
        super().__init__(io.BytesIO(), encoding="gbk", errors="replace")

    def isatty(self) -> bool:
        return True

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("gbk")


def test_no_bar_when_not_a_terminal():
    assert isinstance(console_progress(io.StringIO()), LineProgress)
    assert not isinstance(console_progress(io.StringIO()), BarProgress)
    assert isinstance(console_progress(Terminal(), quiet=True), NoProgress)
    assert isinstance(console_progress(Terminal()), BarProgress)


def test_the_bar_on_a_gbk_terminal_never_crashes():
    term = Terminal()
    bar = BarProgress(term, delay=0)
    bar.start(3)
    for name in ("一月报告.docx", "😀 表情.txt", "ٴ混合\u202e方向.txt"):
        bar.advance(Path(name))
    bar.stop()
    bar.waiting("进程 42")
    text = term.text()
    assert "处理中" in text and "等待它结束" in text


def test_a_short_run_shows_no_bar():
    term = Terminal()
    bar = BarProgress(term, delay=60)
    bar.start(2)
    bar.advance(Path("a.txt"))
    bar.advance(Path("b.txt"))
    bar.stop()
    assert term.text() == ""
