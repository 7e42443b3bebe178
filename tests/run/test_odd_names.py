"""File names that are not UTF-8 (GBK names from a Windows zip): read, shown readably, never stopping a batch."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# --------------------------------------------------------------- input names that are not UTF-8 (issue 19)
GBK_NAMES = ("三月报告.txt", "（二）关于安全生产.txt")


def gbk_file(folder: Path, name: str, data: bytes) -> Path:
    """A file whose name is GBK bytes (as unzipped from a Windows zip): on Linux it reaches Python as a
    str with surrogate escapes."""
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.fsencode(folder) + b"/" + name.encode("gbk")
    with open(raw, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(raw))


def meeting(i: int) -> str:
    return (
        f"县第{i}次安全生产工作推进会召开\n"
        f"2026年3月{i}日，县应急管理局召开第{i}次安全生产推进会。全县排查隐患{100 + i}处，整改{90 + i}处。\n"
    )


@pytest.fixture
def odd_inbox(tmp_path) -> Path:
    inbox = tmp_path / "收件"
    gbk_file(inbox, GBK_NAMES[0], meeting(1).encode("utf-8"))
    gbk_file(inbox, GBK_NAMES[1], meeting(2).encode("gbk"))
    gbk_file(inbox, "坏文件.docx", b"this is no docx")
    (inbox / "正常.txt").write_text(meeting(3), encoding="utf-8")
    return inbox


def test_readable_decodes_gbk_names_and_keeps_others():
    from reporter.jobs.inputs import describe_name, has_odd_bytes, readable

    name = os.fsdecode("/收件/".encode() + "三月报告.txt".encode("gbk"))
    assert has_odd_bytes(name) and readable(name) == "/收件/三月报告.txt"
    assert readable("/收件/正常.txt") == "/收件/正常.txt" and not has_odd_bytes("正常")
    assert readable(os.fsdecode(b"/x/\xff\xfe\xff.txt")) == "/x/???.txt"  # no codec fits: '?'
    assert readable("a\ud800b") == "a?b"  # a lone surrogate that is no escaped byte
    line = describe_name(f"失败：{name}：文件已加密")
    assert line.startswith("失败：/收件/三月报告.txt：文件已加密（文件名不是 UTF-8 编码，原始字节：")
    assert "\\xc8\\xfd\\xd4\\xc2" in line
    line.encode("utf-8")


def test_a_run_with_gbk_names_finishes_everywhere(odd_inbox, tmp_path):
    from typer.testing import CliRunner

    from reporter.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(odd_inbox), "-o", str(out), "--jobs", "1", "--json", "--evidence"]
    )
    assert result.exit_code == 1, result.stderr  # the broken file fails; the others are done
    assert not isinstance(result.exception, UnicodeError)
    summary = json.loads(result.stdout)
    processed = sorted(Path(p).name for p in summary["processed"])
    assert processed == sorted([*GBK_NAMES, "正常.txt"])
    assert [Path(f["file"]).name for f in summary["failed"]] == ["坏文件.docx"]
    assert "坏文件.docx" in summary["failed"][0]["message"]
    assert summary["raw_names"][str(odd_inbox / "三月报告.txt")].endswith(
        "\\xc8\\xfd\\xd4\\xc2\\xb1\\xa8\\xb8\\xe6.txt'"
    )
    assert "失败：" in result.stderr and "坏文件.docx" in result.stderr
    # every output is valid UTF-8 with the readable names
    log = (out / "reporter.log").read_bytes().decode("utf-8")
    assert "读取：" in log and "原始字节：b'" in log and "\\xc8\\xfd" in log
    state = json.loads((out / ".reporter" / "state.json").read_bytes().decode("utf-8"))
    assert len(state["files"]) == 3
    from openpyxl import load_workbook

    wb = load_workbook(out / "台账.xlsx")
    cells = {str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value}
    assert {"三月报告.txt", "（二）关于安全生产.txt", "正常.txt"} <= cells
    assert any("坏文件.docx" in c for c in cells)  # 处理异常
    import zipfile

    with zipfile.ZipFile(out / "简报.docx") as docx:  # the evidence comments name the files
        comments = docx.read("word/comments.xml").decode("utf-8")
    assert "三月报告.txt" in comments
    # the next run finds them done: the names in state.json still match the files on disk
    again = CliRunner().invoke(app, ["run", str(odd_inbox), "-o", str(out), "--jobs", "1", "--json"])
    assert sorted(Path(s["file"]).name for s in json.loads(again.stdout)["skipped"]) == processed


def test_watch_survives_gbk_names_and_notes_them_readably(odd_inbox, tmp_path):
    from typer.testing import CliRunner

    from reporter.cli import app
    from reporter.jobs.watch import FAILED_DIR, NOTE_SUFFIX

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["watch", str(odd_inbox), "-o", str(out), "--once", "--settle", "0", "--jobs", "1", "--json"]
    )
    assert result.exit_code == 1 and not isinstance(result.exception, UnicodeError), result.stderr
    summary = json.loads(result.stdout)
    assert sorted(Path(p).name for p in summary["processed"]) == sorted([*GBK_NAMES, "正常.txt"])
    failed = odd_inbox / FAILED_DIR
    notes = [p for p in failed.iterdir() if p.name.endswith(NOTE_SUFFIX)]
    assert len(notes) == 1
    text = notes[0].read_bytes().decode("utf-8-sig")
    assert "文件：坏文件.docx" in text and "原始文件名（字节）：b'" in text


def test_a_report_below_a_path_over_4096_bytes_is_reported(tmp_path):
    """Reports that cannot be opened by name (the path is longer than the system allows) are listed as
    failures (路径太长), never skipped without a word."""
    from reporter.jobs.inputs import iter_inputs
    from reporter.model import Failure

    inbox = tmp_path / "深"
    inbox.mkdir()
    (inbox / "浅.txt").write_text(meeting(1), encoding="utf-8")
    fd = os.open(inbox, os.O_RDONLY)
    try:
        for i in range(26):  # 26 × 182 bytes
            name = f"{i:02d}" + "层" * 60
            os.mkdir(name, dir_fd=fd)
            sub = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = sub
        report = os.open("深处的报告.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(report, meeting(2).encode("utf-8"))
        os.close(report)
    finally:
        os.close(fd)
    items = list(iter_inputs([inbox]))
    assert items[0] == inbox / "浅.txt"
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1 and failures[0].path.name == "深处的报告.txt"
    assert failures[0].reason == "路径太长" and "4096" in failures[0].message
    assert len(os.fsencode(failures[0].path)) > 4096
