"""What a run reads, as office staff drop folders on it: never its own outputs, and never an empty ledger."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.jobs.inputs import iter_inputs
from reporter.jobs.pipeline import RunResult
from reporter.model import Failure
from tests.conftest import write

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _report(path: Path, county: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"{county}公安局召开全县禁毒工作会议\n"
        f"3月5日，{county}公安局召开全县禁毒工作会议，局长张建国主持会议。"
        f"会议通报了一季度工作，全县共破获毒品案件12起，抓获犯罪嫌疑人15人。\n",
        encoding="utf-8",
    )
    return path


def _run(*argv: str) -> dict:
    result = runner.invoke(app, ["run", *argv, "--json", "-j", "1"], prog_name="reporter")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_outputs_inside_or_beside_inputs_are_never_read_back(tmp_path):
    year = tmp_path / "年度"
    _report(year / "一月" / "一月.txt", "青山县")
    _report(year / "二月" / "二月.txt", "白水县")
    _run(str(year / "一月"), "-o", str(year / "一月_台账简报"))  # a dropped folder: results beside it
    _run(str(year / "二月"), "-o", str(year / "二月" / "台账简报"))  # results inside the input
    summary = _run(str(year), "-o", str(tmp_path / "全年"))
    assert sorted(Path(p).name for p in summary["processed"]) == ["一月.txt", "二月.txt"]
    sheet = openpyxl.load_workbook(tmp_path / "全年" / "台账.xlsx").worksheets[0]
    files = [c.value for c in next(sheet.iter_cols()) if c.value]
    assert not any("简报" in str(v) for v in files)


def test_a_users_own_file_named_like_an_output_is_still_read(tmp_path):
    """Only folders holding the program's state folder are output folders: a user's 简报.docx elsewhere is a report."""
    shutil.copy(SEEDS / "notice.docx", tmp_path / "简报.docx")
    assert [p.name for p in iter_inputs([tmp_path]) if not isinstance(p, Failure)] == ["简报.docx"]


def test_a_folder_without_reports_says_what_it_holds_exits_1_and_writes_nothing(tmp_path):
    box = tmp_path / "材料"
    box.mkdir()
    openpyxl.Workbook().save(box / "统计表.xlsx")
    openpyxl.Workbook().save(box / "汇总.xlsx")
    with zipfile.ZipFile(box / "三月报告.zip", "w") as zf:
        zf.writestr("a.txt", "x")
    (box / "现场.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    out = tmp_path / "输出"
    result = runner.invoke(app, ["run", str(box), "-o", str(out)], prog_name="reporter")
    assert result.exit_code == 1
    assert "没有找到可以处理的报告" in result.stderr
    assert "Excel 表格 2 个" in result.stderr and "压缩包 1 个（请先解压）" in result.stderr
    assert "图片 1 个" in result.stderr
    assert not out.exists()


def test_an_excel_file_or_archive_given_by_name_gets_the_right_words(tmp_path):
    openpyxl.Workbook().save(tmp_path / "台账副本.xlsx")
    with zipfile.ZipFile(tmp_path / "报告.zip", "w") as zf:
        zf.writestr("一月.txt", "x")
    result = runner.invoke(
        app, ["extract", str(tmp_path / "台账副本.xlsx"), str(tmp_path / "报告.zip")], prog_name="reporter"
    )
    assert result.exit_code == 1
    assert "Excel 表格 1 个" in result.stderr  # passed over by kind, as inside a folder (helper hqa)
    assert "压缩包 1 个（请先解压）" in result.stderr


@pytest.mark.parametrize("failed", [3, 25])
def test_summary_names_at_most_ten_failures(failed):
    failures = [Failure(path=Path(f"坏{i}.docx"), reason="已损坏", message="") for i in range(failed)]
    text = RunResult(failures=failures, log=Path("输出/reporter.log"), ledger=object()).summary()
    assert text.count(".docx") == min(failed, 10)
    assert text.count("已损坏") == 1  # one reason said once for the files that share it
    if failed > 10:
        assert f"另有 {failed - 10} 份失败" in text and "处理异常" in text and "reporter.log" in text
        assert "上面以“失败：”开头的各行" in text


def test_ledger_summary_points_to_the_ledger_it_wrote(tmp_path):
    for i in range(11):
        write(tmp_path / "in" / f"坏{i:02}.docx", "不是 Word 文件")
    result = runner.invoke(app, ["ledger", str(tmp_path / "in"), "-o", str(tmp_path / "三月.xlsx")])
    assert result.exit_code == 1
    assert "另有 1 份失败，每一份的原因见上面以“失败：”开头的各行、三月.xlsx 的“处理异常”表" in result.stderr


def test_summary_groups_failures_by_reason_in_their_order_and_points_only_to_what_exists():
    reasons = ["文件已加密"] + ["已损坏"] * 10 + ["处理超时"] * 2
    failures = [Failure(path=Path(f"f{i}.docx"), reason=r, message="") for i, r in enumerate(reasons)]
    text = RunResult(failures=failures).summary()  # `reporter brief`: no ledger, no log
    assert text.startswith("已处理 0 份，失败 13 份：f0.docx（文件已加密）；f1.docx、f2.docx、")
    assert "f9.docx（已损坏）；另有 3 份失败，每一份的原因见上面以“失败：”开头的各行" in text
    assert "处理超时" not in text and "处理异常" not in text
    one = RunResult(failures=[Failure(path=Path("三月通报.docx"), reason="文件已加密", message="")])
    assert one.summary() == "已处理 0 份，失败 1 份：三月通报.docx（文件已加密）"  # as docs/命令.md shows


def test_each_failed_file_is_named_once_on_stderr_and_the_summary_counts_the_rest(tmp_path):
    inbox = tmp_path / "报告 一月"
    for i in range(12):
        write(inbox / f"坏{i:02}.docx", "不是 Word 文件")
    result = runner.invoke(app, ["run", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for i in range(12):  # one "失败：" line each
        assert sum(line.startswith(f"失败：{inbox / f'坏{i:02}.docx'}：") for line in lines) == 1
    (summary,) = [line for line in lines if line.startswith("已处理 0 份")]
    assert summary.count(".docx") == 10 and summary.count("文件已损坏或不是 Word 文件") == 1
    assert "另有 2 份失败" in summary and "台账.xlsx 的“处理异常”表" in summary and "reporter.log" in summary
    sheet = openpyxl.load_workbook(tmp_path / "out" / "台账.xlsx")["处理异常"]
    listed = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert all(f"坏{i:02}.docx" in listed for i in range(12))
    log = (tmp_path / "out" / "reporter.log").read_text(encoding="utf-8")
    assert all(f"失败：{inbox / f'坏{i:02}.docx'}" in log for i in range(12))


def test_run_o_naming_a_file_is_refused_before_anything_is_written(tmp_path, seeds_dir):
    result = runner.invoke(
        app, ["run", str(seeds_dir), "-o", str(tmp_path / "台账.xlsx")], prog_name="reporter"
    )
    assert result.exit_code == 2
    assert "像是一个文件名" in result.stderr and "-o 要给一个文件夹" in result.stderr
    assert not (tmp_path / "台账.xlsx").exists()


@pytest.mark.parametrize(("command", "name"), [("brief", "简报.docx"), ("ledger", "台账.xlsx")])
def test_ledger_and_brief_o_an_existing_folder_write_inside_it_with_json(tmp_path, command, name):
    _report(tmp_path / "in" / "a.txt", "青山县")
    folder = tmp_path / "输出"
    folder.mkdir()
    result = runner.invoke(
        app, [command, str(tmp_path / "in"), "-o", str(folder), "--json"], prog_name="reporter"
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["outputs"] == [str(folder / name)] and summary["exit_code"] == 0
    assert (folder / name).is_file()
    assert result.stderr == ""


def test_ledger_quiet_prints_nothing_when_all_is_well(tmp_path):
    _report(tmp_path / "in" / "a.txt", "青山县")
    result = runner.invoke(
        app, ["ledger", str(tmp_path / "in"), "-o", str(tmp_path / "t.xlsx"), "-q"], prog_name="reporter"
    )
    assert result.exit_code == 0 and result.output == ""


def test_ctrl_c_says_what_was_kept_and_logs_it(tmp_path, monkeypatch):
    import reporter.jobs.pipeline as pipeline

    _report(tmp_path / "in" / "a.txt", "青山县")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_extract", interrupted)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(out)], prog_name="reporter")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1].startswith("已中断：本次没有写入台账和简报")
    assert "已中断" in (out / "reporter.log").read_text(encoding="utf-8")
    assert not (out / "台账.xlsx").exists()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("长" * 300, "文件名或路径太长"),
        ("a.txt/下一级", "路径中间有一段不是文件夹"),
        ("没有.txt", "文件或文件夹不存在"),
    ],
)
def test_os_errors_on_inputs_are_chinese(tmp_path, monkeypatch, name, reason):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["run", name, "-o", "out"], prog_name="reporter")
    assert result.exit_code == 1
    assert reason in result.stderr and "没有写出台账和简报" in result.stderr
    assert not re.search(r"Errno|File name too long|Not a directory|Traceback", result.stderr)


def test_a_bug_is_one_line_and_a_log_not_a_traceback(tmp_path, monkeypatch, capsys):
    import reporter.cli as cli

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.other, "_load_schema", broken)
    with pytest.raises(SystemExit) as stop:
        cli.main(["schema"])
    assert stop.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：程序内部出错（RuntimeError）")
    assert "boom" in (tmp_path / "reporter-内部错误.log").read_text(encoding="utf-8")


def test_a_copy_of_the_templates_among_the_reports_is_not_read(tmp_path):
    """`reporter templates init` into a folder of reports puts .txt word lists there: they are templates."""
    _report(tmp_path / "报告" / "一月.txt", "青山县")
    assert (
        runner.invoke(app, ["templates", "init", str(tmp_path / "报告")], prog_name="reporter").exit_code == 0
    )
    summary = _run(str(tmp_path / "报告"), "-o", str(tmp_path / "out"))
    assert [Path(p).name for p in summary["processed"]] == ["一月.txt"]
    assert {i["kind"] for i in summary["ignored"]} == {"模板文件（reporter templates init 复制的）"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["run", "a.txt", "-o", "长" * 300], "文件夹名或路径太长；请换一个短一些的输出文件夹"),
        (["ledger", "a.txt", "-o", "长" * 300 + ".xlsx"], "文件名或路径太长；请换一个短一些的名字"),
    ],
)
def test_an_output_name_too_long_is_a_usage_error(tmp_path, monkeypatch, args, said):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, args, prog_name="reporter")
    assert result.exit_code == 2
    assert said in result.stderr
    assert not re.search(r"Errno|File name too long|Traceback", result.stderr)
