"""`reporter ledger --relayout`: a ledger made with the old column layout (every column printed, 文件 and
处理时间 among them, the signature in the page footer) rewritten with ledger.toml's columns, keeping
everything people did; and the hint a run gives when the layouts differ."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.writers import write_ledger
from reporter.writers.ledger import relayout_ledger
from reporter.writers.ledger.config import SIGNATURE_MARK, LedgerConfig
from reporter.writers.ledger.journal import ledger_shas
from reporter.writers.ledger.relayout import plan_columns, remap_formula
from tests.support.ledger_records import meeting, notice, update

NOW = dt.datetime(2024, 7, 1, 9, 30)
OLD_ORDER = [
    "序号",
    "日期",
    "标题",
    "主办单位",
    "会议/活动",
    "地点",
    "主持人",
    "出席领导",
    "参与单位",
    "工作数据",
    "工作要求",
    "来源",
    "摘要",
    "关键词",
    "文件",
    "处理时间",
    "待核",
    "备注",
]
PRINTED = [
    "序号",
    "日期",
    "主办单位",
    "标题",
    "会议/活动",
    "地点",
    "出席领导",
    "工作数据",
    "工作要求",
    "待核",
    "备注",
]


def old_layout_ledger(folder: Path, schema) -> Path:
    """A ledger as an earlier version made it: every visible column printed in the schema's order, no
    signature block, the signature in the page footer; then edited by a person."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    tpl = folder / "old-templates"
    tpl.mkdir()
    columns = ", ".join(f'"{h}"' for h in OLD_ORDER)
    (tpl / "ledger.toml").write_text(f"[print]\ncolumns = [{columns}]\nsignature = []\n", encoding="utf-8")
    out = folder / "台账.xlsx"
    write_ledger(
        [meeting(folder / "a.txt"), update(folder / "b.txt"), notice(folder / "c.docx")],
        schema,
        out,
        templates=tpl,
        now=NOW,
    )
    wb = load_workbook(out)
    ws = wb["台账"]
    cols = {c.value: c.column for c in ws[3] if c.value}
    assert [c.value for c in ws[3]][: len(OLD_ORDER)] == OLD_ORDER
    ws.oddFooter.left.text = "填报人：______　　审核人：______"
    ws.oddFooter.right.text = "第 &P 页 共 &N 页"
    ws.cell(4, cols["备注"], "已报市委办")  # a person's 备注
    ws.cell(4, cols["备注"]).comment = Comment("王五核对", "王五")
    ws.insert_cols(19)  # a column of their own, before the hidden ones (widths moved as Excel would)
    for letter, hidden in (("S", False), ("T", True), ("U", True), ("V", True)):
        ws.column_dimensions[letter].hidden = hidden
        ws.column_dimensions[letter].width = 20
    ws.cell(3, 19, "核实人")
    ws.cell(5, 19, "张三")
    ws.cell(6, cols["备注"], f"=LEN({ws.cell(6, cols['标题']).column_letter}6)")  # their formula on 标题
    ws.cell(7, cols["标题"], "手工补录：县应急局防汛检查")  # a row of their own
    ws.cell(7, 1, 4)
    ws.row_dimensions[5].height = 120  # a row made taller by hand
    mine = wb.create_sheet("我的统计")
    mine["A1"] = "=COUNTA('台账'!C4:C100)"  # counts 标题 (column C in the old layout)
    wb.save(out)
    return out


def _sheet(path: Path):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["台账"]
    return wb, ws, {c.value: c.column for c in ws[3] if c.value}


def test_plan_keeps_own_columns_and_puts_the_printed_first(schema):
    from reporter.writers.ledger.config import ledger_columns

    template = ledger_columns(schema, LedgerConfig())
    old = {i: h for i, h in enumerate([*OLD_ORDER, "核实人", "SHA-256（程序用）"], 1)}
    placed = plan_columns(old, template, LedgerConfig().print_columns)
    headers = [p.header for p in placed]
    assert headers[:11] == PRINTED and all(p.printed for p in placed[:11])
    assert headers.index("核实人") > 10 and headers[-3:] == [
        "SHA-256（程序用）",
        "文本指纹（程序用）",
        "原值校验（程序用）",
    ]
    assert placed[-2].old is None  # a hidden column the old ledger lacked: added empty
    mine = LedgerConfig(print_columns=(*LedgerConfig().print_columns, "核实人"))
    assert [p.header for p in plan_columns(old, template, mine.print_columns)][11] == "核实人"


def test_remap_formula_moves_columns_of_the_ledger_only():
    colmap = {3: 4, 4: 3}
    assert remap_formula('=LEN(C6)&"C6"', colmap, "台账", own=True) == '=LEN(D6)&"C6"'
    assert remap_formula("=COUNTA('台账'!C4:C100)+Sheet2!C1", colmap, "台账", own=False) == (
        "=COUNTA('台账'!D4:D100)+Sheet2!C1"
    )
    assert remap_formula("=SUM(C:C)+TRUE", colmap, "台账", own=True) == "=SUM(D:D)+TRUE"


def test_relayout_takes_the_new_columns_and_keeps_every_edit(tmp_path, schema):
    out = old_layout_ledger(tmp_path, schema)
    shas = ledger_shas(out)
    hint = write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)  # a run on the old layout
    assert any("--relayout" in w and str(out) in w for w in hint.warnings)

    result = relayout_ledger(out, schema, now=NOW)
    assert result is not None and result.rows_added == 0
    wb, ws, cols = _sheet(out)
    assert [c.value for c in ws[3]][:11] == PRINTED
    assert ws.print_area == "'台账'!$A$1:$K$8"  # the rows and the signature block below them
    assert cols["文件"] > 11 and cols["处理时间"] > 11 and cols["核实人"] > 11
    assert ws.cell(4, cols["备注"]).value == "已报市委办" and ws.cell(
        4, cols["备注"]
    ).comment.text.startswith("王五")
    assert ws.cell(5, cols["核实人"]).value == "张三"
    assert ws.cell(6, cols["备注"]).value == f"=LEN({ws.cell(6, cols['标题']).column_letter}6)"
    assert ws.cell(7, cols["标题"]).value == "手工补录：县应急局防汛检查" and ws.cell(7, 1).value == 4
    assert ws.row_dimensions[5].height == 120
    assert ws.cell(4, cols["文件"]).hyperlink is not None and ws.cell(4, cols["文件"]).value == "a.txt"
    assert not ws.column_dimensions[ws.cell(3, cols["核实人"]).column_letter].hidden
    title = ws.cell(3, cols["标题"]).column_letter
    assert wb["我的统计"]["A1"].value == f"=COUNTA('台账'!{title}4:{title}100)"  # follows 标题
    widths = sum(ws.column_dimensions[chr(64 + i)].width for i in range(1, 12))
    assert widths <= LedgerConfig().print_width + 0.5
    sha = cols["SHA-256（程序用）"]
    assert ws.column_dimensions[ws.cell(3, sha).column_letter].hidden
    assert ws.cell(8, sha).value == SIGNATURE_MARK and ws.max_row == 8
    footer = ws.oddFooter
    assert not footer.left.text and "&P" in footer.center.text
    assert ledger_shas(out) == shas

    again = write_ledger([meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")], schema, out, now=NOW)
    assert again.rows_added == 0 and not any("--relayout" in w for w in again.warnings)


def test_relayout_failing_midway_leaves_the_ledger_as_it_was(tmp_path, schema, monkeypatch):
    from reporter.writers.ledger import parts

    out = old_layout_ledger(tmp_path, schema)
    before = out.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(parts.PartsWriter, "_write_summary", boom)
    with pytest.raises(OSError):
        relayout_ledger(out, schema, now=NOW)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("台账")) == ["台账.xlsx"]


def test_relayout_refuses_what_it_could_not_keep(tmp_path, schema):
    from openpyxl import load_workbook

    from reporter.errors import OutputError

    out = old_layout_ledger(tmp_path, schema)
    wb = load_workbook(out)
    wb["台账"].merge_cells("B5:C5")
    wb.save(out)
    before = out.read_bytes()
    with pytest.raises(OutputError, match="合并单元格"):
        relayout_ledger(out, schema, now=NOW)
    assert out.read_bytes() == before


def test_ledger_relayout_command(tmp_path, schema):
    out = old_layout_ledger(tmp_path, schema)
    runner = CliRunner()
    done = runner.invoke(app, ["ledger", "--relayout", "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    assert "已按 ledger.toml 重排" in done.stderr
    _wb, ws, _cols = _sheet(out)
    assert [c.value for c in ws[3]][:11] == PRINTED
    before = out.read_bytes()
    again = runner.invoke(app, ["ledger", "--relayout", "-o", str(out)])
    assert again.exit_code == 0 and "没有改动" in again.stderr and out.read_bytes() == before
    missing = runner.invoke(app, ["ledger", "-o", str(out)])
    assert missing.exit_code == 2 and "缺少路径" in missing.stderr
    nothing = runner.invoke(app, ["ledger", "--relayout", "-o", str(tmp_path / "没有.xlsx")])
    assert nothing.exit_code == 1 and "没有这个台账文件" in nothing.stderr
