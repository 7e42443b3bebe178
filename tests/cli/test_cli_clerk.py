"""Using the program as an office clerk does: folders with spaces in their Chinese names dropped on the
program, outputs open elsewhere or read-only, wrong options. What the clerk reads must be right to act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.folders import command_arg
from tests.conftest import write

runner = CliRunner()


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("输出", "输出"),
        ("D:/台账简报", "D:/台账简报"),
        ("我的 文档/三月 报告_台账简报", '"我的 文档/三月 报告_台账简报"'),
        ("报告(1)", '"报告(1)"'),
        ("A&B", '"A&B"'),
        ("全角\u3000空格", '"全角\u3000空格"'),
    ],
)
def test_paths_in_suggested_commands_are_quoted_when_needed(path, shown):
    assert command_arg(Path(path)) == shown


def drop(capsys, *args: str) -> tuple[int, str]:
    """`reporter ARGS` as the program is started (a folder dropped on it): exit code and stderr."""
    from reporter.cli import main

    with pytest.raises(SystemExit) as stop:
        main(list(args))
    return int(stop.value.code or 0), capsys.readouterr().err


def test_the_review_command_suggested_after_a_run_can_be_copied_as_it_is(
    tmp_path, seeds_dir, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "我的 文档" / "三月 报告" / "一月 工作.txt", (seeds_dir / "seed.txt").read_bytes())
    code, stderr = drop(capsys, "我的 文档/三月 报告", "--jobs", "1")
    assert code == 0, stderr
    out = (tmp_path / "我的 文档" / "三月 报告_台账简报").resolve()
    assert f'用 reporter review "{out}" 在浏览器中打开' in stderr
    code, stderr = drop(capsys, str(out))  # the output folder dropped by mistake
    assert code == 1 and f'要核对请用 reporter review "{out}"' in stderr


@pytest.mark.parametrize(("typed", "meant"), [("-out", "--out"), ("-json", "--json"), ("-quiet", "--quiet")])
def test_a_long_option_with_one_dash_is_a_usage_error_not_a_folder_named_ut(tmp_path, capsys, typed, meant):
    write(tmp_path / "报告" / "一.txt", "某局召开会议。")
    args = ["run", str(tmp_path / "报告"), typed] + (["x"] if typed == "-out" else [])
    code, stderr = drop(capsys, *args)
    assert code == 2 and f"“{typed}”要写成 {meant}（长选项前面是两个减号）" in stderr
    assert not (tmp_path / "ut").exists() and not (tmp_path / "报告_台账简报").exists()


def test_short_options_with_their_value_attached_still_work(tmp_path, seeds_dir, capsys):
    write(tmp_path / "报告" / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    code, stderr = drop(capsys, "run", str(tmp_path / "报告"), f"-o{tmp_path / '输出'}", "-j1", "-q")
    assert code == 0, stderr
    assert (tmp_path / "输出" / "台账.xlsx").is_file()


def test_run_without_o_writes_beside_the_first_input_as_a_drop_does(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "三月 报告" / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    result = runner.invoke(app, ["run", "三月 报告", "--jobs", "1"], prog_name="reporter")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "三月 报告_台账简报" / "台账.xlsx").is_file()
    assert not (tmp_path / "output").exists()  # not a folder named in English where the clerk stood


def test_an_earlier_output_folder_inside_the_reports_is_counted_as_one_folder(tmp_path, seeds_dir, capsys):
    reports = tmp_path / "三月 报告"
    write(reports / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    code, stderr = drop(capsys, str(reports / "一.txt"), "--jobs", "1")  # results go to 三月 报告/台账简报/
    assert code == 0 and (reports / "台账简报" / "台账.xlsx").is_file(), stderr
    code, stderr = drop(capsys, str(reports), "--jobs", "1")
    assert code == 0, stderr
    assert "不是报告、没有读取：本程序以前写出的结果文件夹 1 个（台账、简报）" in stderr  # not "… 5 个" files


def test_templates_init_tells_the_option_to_use_with_the_folder_quoted(tmp_path):
    target = tmp_path / "我的 模板"
    result = runner.invoke(app, ["templates", "init", str(target)], prog_name="reporter")
    assert result.exit_code == 0, result.stderr
    assert f'修改后用 --templates "{target}" 使用' in result.stderr


def test_o_naming_the_ledger_suggests_its_folder_quoted(tmp_path):
    out = tmp_path / "三月 输出"
    out.mkdir()
    (out / "台账.xlsx").write_bytes(b"PK")
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(out / "台账.xlsx")], prog_name="reporter")
    assert result.exit_code == 2 and f'请用 -o "{out}"' in result.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--timeout", "1分钟"], "--timeout 要给不小于 0 的数字，“1分钟”不行"),
        (["--jobs", "两个"], "--jobs 要给不小于 1 的整数，“两个”不行"),
        (["--wait", "一分钟"], "--wait 要给不小于 0 的数字，“一分钟”不行"),
    ],
)
def test_a_value_written_in_chinese_gets_a_chinese_message(tmp_path, argv, expected):
    """The value's own Chinese characters once made click's English message pass for one of ours."""
    result = runner.invoke(app, ["run", str(tmp_path), *argv], prog_name="reporter")
    assert result.exit_code == 2 and expected in result.stderr
    assert "is not a valid" not in result.stderr


def test_files_are_taken_in_the_order_a_file_window_shows_them(tmp_path):
    from reporter.jobs.inputs import name_order

    names = ["第10期.docx", "B.txt", "第2期.docx", "12月.txt", "2月.txt", "a.txt"]
    assert sorted(names, key=name_order) == [
        "2月.txt",
        "12月.txt",
        "B.txt",
        "a.txt",
        "第2期.docx",
        "第10期.docx",
    ]
    for i in range(1, 13):
        write(tmp_path / "报告" / f"坏{i}.docx", "不是 Word 文件")
    result = runner.invoke(app, ["run", str(tmp_path / "报告"), "-o", str(tmp_path / "输出"), "--jobs", "1"])
    failed = [line for line in result.stderr.splitlines() if line.startswith("失败：")]
    assert [Path(line[3:].split("：")[0]).name for line in failed] == [f"坏{i}.docx" for i in range(1, 13)]
    (summary,) = [line for line in result.stderr.splitlines() if line.startswith("已处理")]
    assert "坏1.docx、坏2.docx、" in summary and "坏10.docx（" in summary and "另有 2 份失败" in summary
