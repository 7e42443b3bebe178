"""Regressions found by trying the program the way an office clerk does (helper hqa): each test names
the mistake or the situation, and what the user must see."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# ------------------------------------------------------------------ Ctrl+C: never a traceback
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux-only")
def test_the_fork_server_is_started_with_ctrl_c_ignored():
    """Ctrl+C reaches the whole process group; the fork server starting Python died of it with
    "Fatal Python error: init_import_site" or a KeyboardInterrupt traceback under the summary line."""
    import signal
    from multiprocessing import forkserver

    from reporter.jobs import workers

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
    from reporter.jobs.workers import _tell

    class Gone:
        def send(self, message):
            raise BrokenPipeError(32, "Broken pipe")

    assert _tell(Gone(), ("ready", 1)) is False  # type: ignore[arg-type]


# ------------------------------------------------------------------ -o and folders named wrong
def _report(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "青山县召开禁毒工作会议\n3月5日，青山县公安局召开全县禁毒工作会议，局长张建国主持会议。\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["ledger", "in", "-o", "台账.docx"],
            "台账要存成 .xlsx 文件，“台账.docx”的扩展名是 .docx；请改成 台账.xlsx",
        ),
        (["brief", "in", "-o", "简报.xlsx"], "简报要存成 .docx 文件"),
        (["ledger", "in", "-o", "说明.docx"], "“说明.docx”是一个已有的文件，不是台账（.xlsx）"),
        (["watch", "说明.docx"], "收件文件夹“说明.docx”是一个文件，不是文件夹"),
        (["watch", "没有"], "收件文件夹“没有”不存在"),
        (["watch", "in", "-o", "说明.docx"], "“说明.docx”是一个文件，不是文件夹"),
        (["run", "in", "-o", "输出/台账.xlsx"], "要写到 输出 里，请用 -o 输出"),
        (["run", "in", "-o", "说明.docx"], "“说明.docx”是一个文件，不是文件夹"),
    ],
)
def test_o_and_folders_of_the_wrong_kind_are_refused_before_anything_is_written(
    tmp_path, monkeypatch, argv, expected
):
    """ledger -o 台账.docx wrote an Excel file Excel cannot open; brief -o 简报.xlsx a Word file; ledger -o
    an existing .docx said 没有工作表“台账”; watch said INBOX in English."""
    monkeypatch.chdir(tmp_path)
    _report(tmp_path / "in" / "a.txt")
    (tmp_path / "说明.docx").write_bytes(b"PK")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(app, argv, prog_name="reporter")
    assert result.exit_code == 2, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith("错误：") and expected in first, first
    assert "INBOX" not in first and first.count("收件文件夹") <= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "说明.docx").read_bytes() == b"PK"


@pytest.mark.parametrize(("command", "name"), [("ledger", "台账.xlsx"), ("brief", "简报.docx")])
def test_ledger_and_brief_o_without_suffix_is_a_folder(tmp_path, command, name):
    """brief -o 简报 wrote a Word file named 简报 that nothing opens by double-click."""
    _report(tmp_path / "in" / "a.txt")
    out = tmp_path / "本周"
    result = runner.invoke(app, [command, str(tmp_path / "in"), "-o", str(out), "-q"], prog_name="reporter")
    assert result.exit_code == 0, result.output
    assert (out / name).is_file()


def test_review_of_a_file_names_the_folder_to_give(tmp_path):
    (tmp_path / "台账.xlsx").write_bytes(b"PK")
    result = runner.invoke(app, ["review", str(tmp_path / "台账.xlsx")], prog_name="reporter")
    assert result.exit_code == 1
    assert "是一个文件，不是输出文件夹" in result.stderr and f"reporter review {tmp_path}" in result.stderr


# ------------------------------------------------------------------ help pages at 80 columns
@pytest.mark.parametrize("command", ["run", "watch", "extract", "ledger", "brief", "review"])
def test_help_lines_never_start_with_a_closing_mark_or_end_with_an_opening_one(monkeypatch, command):
    """At 80 columns the help showed "（默认：output\\n）" and "（\\n默认：60）"."""
    from reporter.cli.zh import width

    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, [command, "-h"], prog_name="reporter")
    assert result.exit_code == 0
    for line in result.output.splitlines():
        assert width(line) <= 80, line
        assert not line.strip().startswith(tuple("）。，、；：”")), line
        assert not line.rstrip().endswith(("（", "“")), line


def test_wrap_keeps_a_latin_word_with_the_mark_after_it():
    from reporter.cli.zh import wrap

    assert wrap("参考日期 YYYY-MM-DD：补全没有年份的日期", 20) == [
        "参考日期",
        "YYYY-MM-DD：补全没有",
        "年份的日期",
    ]
    assert wrap("每年从第1期开始）。", 16) == ["每年从第1期开", "始）。"]


def test_ref_date_is_shown_as_a_date_in_the_help(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(app, ["run", "-h"], prog_name="reporter")
    assert "--ref-date 日期" in result.output and "--ref-date 文字" not in result.output


# ------------------------------------------------------------------ --ref-date as people write it
@pytest.mark.parametrize(
    "text", ["2024-03-05", "2024-3-5", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305"]
)
def test_ref_date_takes_the_usual_ways_of_writing_a_date(text):
    import datetime as dt

    from reporter.cli.common import _ref_date

    assert _ref_date(text) == dt.date(2024, 3, 5)


def test_a_ref_date_that_is_no_date_says_how_to_write_one():
    result = runner.invoke(app, ["extract", "x", "--ref-date", "2024-02-30"], prog_name="reporter")
    assert result.exit_code == 2
    assert "“2024-02-30”不是有效的日期；请写成 YYYY-MM-DD，例如 2024-03-05" in result.stderr


# ------------------------------------------------------------------ files that are no reports, given by name
def test_an_excel_file_given_by_name_is_no_report_and_no_empty_ledger_is_written(tmp_path):
    """`reporter run 统计表.xlsx` (or one dropped on the program) wrote an empty 台账 with one 处理异常 row."""
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "统计表.xlsx")
    out = tmp_path / "输出"
    result = runner.invoke(app, ["run", str(tmp_path / "统计表.xlsx"), "-o", str(out)], prog_name="reporter")
    assert result.exit_code == 1
    assert "没有找到可以处理的报告" in result.stderr and "Excel 表格 1 个" in result.stderr
    assert not out.exists()


def test_an_excel_file_given_with_reports_is_listed_as_passed_over_not_failed(tmp_path):
    import json
    import zipfile

    import openpyxl

    openpyxl.Workbook().save(tmp_path / "统计表.xlsx")
    with zipfile.ZipFile(tmp_path / "报告.zip", "w") as zf:
        zf.writestr("a.txt", "x")
    report = _report(tmp_path / "a.txt")
    argv = ["run", str(tmp_path / "统计表.xlsx"), str(tmp_path / "报告.zip"), str(report)]
    result = runner.invoke(app, [*argv, "-o", str(tmp_path / "输出"), "--json"], prog_name="reporter")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["failed"] == []
    assert {item["kind"] for item in summary["ignored"]} == {"Excel 表格", "压缩包（请先解压）"}


def test_pictures_are_not_called_not_reports_twice(tmp_path):
    (tmp_path / "现场.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "输出")], prog_name="reporter")
    assert "图片 1 个（扫描件请先转成文字）" in result.stderr
    assert result.stderr.count("不是报告") == 1


# ------------------------------------------------------------------ paths typed or pasted the usual wrong ways
def test_a_path_with_spaces_given_without_quotes_says_to_quote_it(tmp_path, monkeypatch, capsys):
    """`reporter run 一月 报告` said both parts did not exist; `reporter 一月 报告` said 没有 一月 这个命令."""
    from reporter.cli import main

    monkeypatch.chdir(tmp_path)
    _report(tmp_path / "一月 报告" / "a.txt")
    for argv in (["run", "一月", "报告", "-o", "输出"], ["一月", "报告"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert (
            '找不到“一月”和“报告”，但有“一月 报告”：路径里有空格时请加引号，写成 "一月 报告"'
            in capsys.readouterr().err
        )
    assert not (tmp_path / "输出").exists()


def test_a_path_with_stray_quotes_is_found(tmp_path, monkeypatch):
    """On Windows "D:\\报告\\" arrives as D:\\报告" ; a path pasted with its quotes keeps them."""
    from reporter.cli import main

    monkeypatch.chdir(tmp_path)
    _report(tmp_path / "报告" / "a.txt")
    for i, arg in enumerate(['报告"', '"报告"']):
        with pytest.raises(SystemExit) as stop:
            main(["run", arg, "-o", f"输出{i}", "-q"])
        assert stop.value.code == 0
        assert (tmp_path / f"输出{i}" / "台账.xlsx").is_file()


def test_a_usage_error_under_json_still_prints_a_summary(tmp_path):
    """A script reading stdout of `run … --json` got nothing when the command was written wrong."""
    import json

    result = runner.invoke(app, ["run", str(tmp_path), "--jobs", "0", "--json"], prog_name="reporter")
    assert result.exit_code == 2
    summary = json.loads(result.stdout)
    assert summary["exit_code"] == 2 and "--jobs" in summary["error"]
    assert {"processed", "skipped", "failed", "ignored", "outputs", "review", "log"} <= set(summary)


def test_run_says_which_issue_of_the_briefing_it_wrote(tmp_path):
    import re

    _report(tmp_path / "in" / "a.txt")
    out = tmp_path / "输出"
    result = runner.invoke(
        app, ["run", str(tmp_path / "in"), "-o", str(out), "-j", "1"], prog_name="reporter"
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"已写入：.*简报\.docx（\d{4}年第1期）", result.stderr), result.stderr


def test_a_mistyped_path_gets_its_error_without_reading_first(tmp_path):
    """`reporter run 不存在` printed 读取中… and then the error."""
    result = runner.invoke(
        app, ["run", str(tmp_path / "不存在"), "-o", str(tmp_path / "o")], prog_name="reporter"
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：") and "读取中" not in result.stderr


def test_the_programs_help_tells_of_the_drag_and_drop_form():
    result = runner.invoke(app, ["-h"], prog_name="reporter")
    text = "".join(line.strip() for line in result.output.splitlines())
    assert "reporter 报告文件夹" in text and "报告文件夹_台账简报" in text


# ------------------------------------------------------------------ no traceback, no silent success
def test_names_too_long_are_chinese_messages_not_internal_errors(tmp_path, monkeypatch):
    """run/ledger/watch -o and review of a name longer than the system allows ended in 程序内部出错（OSError）."""
    monkeypatch.chdir(tmp_path)
    _report(tmp_path / "in" / "a.txt")
    long = "长" * 200
    for argv, code in (
        (["run", "in", "-o", long], 2),
        (["ledger", "in", "-o", long + ".xlsx"], 2),
        (["watch", "in", "-o", long, "--once"], 2),
        (["review", long], 1),
        (["watch", long], 2),
    ):
        result = runner.invoke(app, argv, prog_name="reporter")
        assert result.exit_code == code, (argv, result.output)
        assert result.stderr.startswith("错误：") and "内部出错" not in result.stderr, result.stderr


def test_templates_init_into_a_file_and_show_of_a_missing_folder(tmp_path):
    (tmp_path / "模板").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["templates", "init", str(tmp_path / "模板")], prog_name="reporter")
    assert result.exit_code == 2 and "是一个文件，不是文件夹" in result.stderr
    result = runner.invoke(app, ["templates", "show", "-t", str(tmp_path / "没有")], prog_name="reporter")
    assert result.exit_code == 1 and "模板文件夹不存在" in result.stderr and result.stdout == ""


def test_extract_of_a_folder_without_reports_says_so_and_exits_1(tmp_path):
    """`reporter extract 照片` printed [] and exited 0."""
    (tmp_path / "现场.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    result = runner.invoke(app, ["extract", str(tmp_path)], prog_name="reporter")
    assert result.exit_code == 1 and result.stdout == ""
    assert "没有找到可以处理的报告" in result.stderr and "图片 1 个" in result.stderr
    assert "台账" not in result.stderr


def test_dropping_the_result_folder_says_what_it_is(tmp_path, capsys):
    """`reporter 一月_台账简报` (the results dropped instead of the reports) said only 没有找到可以处理的报告."""
    from reporter.cli import main

    _report(tmp_path / "一月" / "a.txt")
    for _ in range(2):
        with pytest.raises(SystemExit) as stop:
            main([str(tmp_path / "一月"), "-q"] if _ == 0 else [str(tmp_path / "一月_台账简报")])
        assert stop.value.code == (0 if _ == 0 else 1)
    err = capsys.readouterr().err
    assert "这是本程序写出的结果文件夹" in err and "reporter review" in err
    assert not (tmp_path / "一月_台账简报_台账简报").exists()


def test_a_number_out_of_range_is_shown_as_typed():
    result = runner.invoke(app, ["run", "x", "--timeout", "-1"], prog_name="reporter")
    assert result.exit_code == 2
    assert "--timeout 要给不小于 0 的数字，“-1”不行" in result.stderr


@pytest.mark.parametrize(("command", "name"), [("ledger", "t.xlsx"), ("brief", "b.docx")])
def test_ledger_and_brief_list_files_of_other_kinds_as_run_does(tmp_path, command, name):
    """ledger/brief said nothing of the Excel files in a folder and failed one given by name."""
    import json

    import openpyxl

    _report(tmp_path / "in" / "a.txt")
    openpyxl.Workbook().save(tmp_path / "in" / "汇总.xlsx")
    openpyxl.Workbook().save(tmp_path / "统计表.xlsx")
    argv = [command, str(tmp_path / "in"), str(tmp_path / "统计表.xlsx"), "-o", str(tmp_path / name)]
    result = runner.invoke(app, [*argv, "--json"], prog_name="reporter")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["failed"] == [] and [i["kind"] for i in summary["ignored"]] == ["Excel 表格"] * 2
    result = runner.invoke(app, argv, prog_name="reporter")
    assert "不是报告、没有读取：Excel 表格 2 个" in result.stderr


def test_reports_not_added_to_the_ledger_are_named_ten_by_ten(capsys):
    """40 copies of one notice printed 39 lines 未加入台账 before the summary."""
    from types import SimpleNamespace

    from reporter.cli.common import _ledger_report

    skipped = [
        SimpleNamespace(kind="duplicate", path=Path(f"n{i}.docx"), reason="与台账第 4 行内容完全相同")
        for i in range(39)
    ]
    ledger = SimpleNamespace(warnings=[], skipped=skipped, differences=[], summary=lambda: "台账新增 1 行")
    _ledger_report(ledger)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 12
    assert lines[10].startswith("另有 29 份未加入台账（内容重复或疑似重复）：n10.docx、") and lines[
        10
    ].endswith("等")


def test_watch_json_without_once_is_refused(tmp_path):
    """`watch 收件箱 --json` watched on and never printed a summary."""
    import json

    result = runner.invoke(app, ["watch", str(tmp_path), "--json"], prog_name="reporter")
    assert result.exit_code == 2
    assert "--json 只能和 --once 一起用" in result.stderr
    assert json.loads(result.stdout)["exit_code"] == 2


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["templates", "bogus"], "没有 bogus 这个命令（命令有：init、show）"),
        (["templates", "ini"], "没有 ini 这个命令（是不是 init？）"),
        (["templates", "init"], "缺少文件夹：请给出放模板副本的文件夹"),
        (["review"], "缺少输出文件夹：请给出输出文件夹（reporter run -o 给的那个"),
    ],
)
def test_sub_commands_and_missing_arguments_are_named_for_what_they_are(argv, expected):
    """`templates ini` spoke of files and folders; `review` with no folder said 请给出要处理的输出文件夹."""
    result = runner.invoke(app, argv, prog_name="reporter")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert expected in first and "文件或文件夹" not in first, first


def test_ctrl_c_in_extract_says_so(tmp_path, monkeypatch):
    """`reporter extract 文件夹` ended silently with exit 130 on Ctrl+C."""
    import reporter.cli as cli

    _report(tmp_path / "a.txt")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.files, "_print_extracted", interrupted)
    result = runner.invoke(app, ["extract", str(tmp_path)], prog_name="reporter")
    assert result.exit_code == 130
    assert result.stderr.startswith("已中断")
