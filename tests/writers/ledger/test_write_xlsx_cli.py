"""`reporter ledger` and `reporter run` with the ledger: re-runs, likely repeats and --refresh on the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reporter.cli import app
from reporter.writers.ledger.cells import digest
from reporter.writers.ledger.config import TOOL_HEADER

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _pretend_old_tool_value_and_a_person_edit(path: Path) -> tuple[str, str, int]:
    """Row 4: 标题 as an older version of the program wrote it; 来源 changed by a person."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["台账"]
    headers = {c.value: c.column for c in ws[3]}
    # the row of a report with no likely repeat among the seeds (rows are in date order)
    row = next(
        (r for r in range(4, ws.max_row + 1) if ws.cell(r, headers["文件"]).value == "work-update.txt"), 4
    )
    tool = ws.cell(row, headers[TOOL_HEADER])
    parts = dict(p.split("=") for p in tool.value.split(";"))
    parts["title"] = digest("旧版程序抽取的标题")
    tool.value = ";".join(f"{k}={v}" for k, v in parts.items())
    ws.cell(row, headers["标题"]).value = "旧版程序抽取的标题"
    ws.cell(row, headers["来源"]).value = "人工填写的来源"
    wb.save(path)
    return "旧版程序抽取的标题", "人工填写的来源", row


def test_ledger_command_appends_and_refreshes(tmp_path, seeds_dir):
    out = tmp_path / "台账.xlsx"
    reports = len([p for p in seeds_dir.iterdir() if p.suffix in (".txt", ".docx", ".html")])
    first = invoke("ledger", str(seeds_dir), "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert f"台账新增 {reports} 行" in first.stderr and "疑似重复" not in first.stderr  # each sample once
    assert "未加入台账：" not in first.stderr

    again = invoke("ledger", str(seeds_dir), "-o", str(out))
    assert again.exit_code == 0 and "台账新增 0 行" in again.stderr
    assert f"已在台账中 {reports} 份" in again.stderr

    old_title, person, row = _pretend_old_tool_value_and_a_person_edit(out)
    refreshed = invoke("ledger", str(seeds_dir), "-o", str(out), "--refresh")
    assert refreshed.exit_code == 0, refreshed.stderr
    lines = refreshed.stderr.splitlines()
    updated = [line for line in lines if line.startswith(f"已更新：台账 第 {row} 行")]
    kept = [line for line in lines if line.startswith(f"保留人工修改：台账 第 {row} 行")]
    assert any("“标题”" in line and old_title in line for line in updated), refreshed.stderr
    assert any("“来源”" in line and person in line for line in kept), refreshed.stderr

    from openpyxl import load_workbook

    ws = load_workbook(out)["台账"]
    headers = {c.value: c.column for c in ws[3]}
    assert ws.cell(row, headers["标题"]).value != old_title and ws.cell(row, headers["来源"]).value == person
    assert ws.max_row == 3 + reports + 1  # and the signature block


def test_run_refresh_option_reaches_the_ledger(tmp_path, seeds_dir):
    out = tmp_path / "out"
    first = invoke("run", str(seeds_dir / "seed.txt"), "-o", str(out), "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    _pretend_old_tool_value_and_a_person_edit(out / "台账.xlsx")
    plain = invoke("run", str(seeds_dir / "seed.txt"), "-o", str(out), "--jobs", "1")
    assert "已更新" not in plain.stderr
    refreshed = invoke("run", str(seeds_dir / "seed.txt"), "-o", str(out), "--jobs", "1", "--refresh")
    assert refreshed.exit_code == 0, refreshed.stderr
    assert "已更新：台账 第 4 行" in refreshed.stderr and "保留人工修改：台账 第 4 行" in refreshed.stderr
    assert "重新抽取后替换 1 处、保留人工修改 1 处" in refreshed.stderr


def test_ledger_help_mentions_refresh():
    result = invoke("ledger", "--help")
    assert "--refresh" in result.stdout and "示例：" in result.stdout
