"""台账 in date order on every update (new rows slotted in, 序号 following, a person's rows and edits kept)
and the signature block below the last row (moved on every update, what people wrote in it kept, never
taken for a report)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from reporter.writers import write_ledger
from reporter.writers.ledger.config import SIGNATURE_MARK
from reporter.writers.ledger.journal import ledger_shas
from reporter.writers.ledger.order import OldRow, plan_layout
from reporter.writers.ledger.plan import Incoming, NewReport
from tests.support.ledger_records import found, metric, record

NOW = dt.datetime(2024, 10, 1, 9, 30)


def dated(folder: Path, name: str, date: str | None, value: int = 10) -> object:
    """A report of its own (title, organizer, one 工作数据 row) with the given date (None: no date)."""
    body = f"{name}工作动态\n{date or '某日'}，{name}召开工作会议，共检查场所{value}处。"
    sentence = body.split("\n")[1]
    fields = {
        "title": (found(f"{name}工作动态", body.split("\n")[0]),),
        "organizer": (found(name, sentence),),
        "metrics": (metric("检查场所", value, "处", "检查场所", sentence),),
    }
    if date:
        fields["date"] = (found(date, sentence, date),)
    return record(folder / f"{name}.txt", body, fields)


def _sheet(path: Path):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["台账"]
    cols = {c.value: c.column for c in ws[3] if c.value}
    return wb, ws, cols


def _column(ws, col: int) -> list:
    return [ws.cell(r, col).value for r in range(4, ws.max_row + 1)]


def _signature_rows(ws, cols) -> list[int]:
    sha = cols["SHA-256（程序用）"]
    return [r for r in range(4, ws.max_row + 1) if ws.cell(r, sha).value == SIGNATURE_MARK]


# --------------------------------------------------------------------------------- the plan alone
def _new(name: str, date: str) -> NewReport:
    item = Incoming(0, Path(name), name, name, date, b"", 0)
    return NewReport(item=item, seq=0, row=0)


def test_layout_slots_new_rows_by_date_and_numbers_in_printed_order():
    old = [
        OldRow(4, True, "2024-03-01", 1, False),
        OldRow(5, False, "", None, True),  # a person's row (序号 “补1”) after the March report
        OldRow(6, True, "2024-09-01", 2, False),
        OldRow(7, True, "9月2日", 3, False),  # no year: at the end
        OldRow(8, False, "", None, False, signature=True),
    ]
    early, middle, undated = _new("a", "2024-01-05"), _new("b", "2024-05-01"), _new("c", "")
    layout = plan_layout(old, [undated, middle, early], first_row=4)
    order = [(s.old or s.new.item.path.name if s.new else s.old, s.signature) for s in layout.slots]
    assert order == [
        ("a", False),
        (4, False),
        (5, False),
        ("b", False),
        (6, False),
        (7, False),
        ("c", False),
        (8, True),
    ]
    assert [early.seq, middle.seq, undated.seq] == [1, 3, 6]
    assert layout.seqs == {4: 2, 6: 4, 7: 5} and 5 not in layout.seqs  # the text 序号 is kept
    assert layout.moves == {4: 5, 5: 6, 6: 8, 7: 9, 8: 11} and layout.last_data_row == 10


def test_layout_without_sorting_keeps_old_rows_and_numbers_on():
    old = [OldRow(4, True, "2024-09-01", 7, False), OldRow(5, True, "2024-03-01", 8, False)]
    new = _new("a", "2024-01-01")
    layout = plan_layout(old, [new], first_row=4, sort=False)
    assert not layout.moves and not layout.seqs and (new.row, new.seq) == (6, 9)
    assert layout.slots[-1].signature and layout.last_row == 7


# ----------------------------------------------------------------------------- a real ledger
def test_new_rows_take_their_place_by_date_and_hand_edits_and_rows_survive(tmp_path, schema):
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    out = tmp_path / "台账.xlsx"
    march, may, sept = (
        dated(tmp_path, n, d)
        for n, d in (("甲县", "2024-03-01"), ("乙县", "2024-05-01"), ("丙县", "2024-09-01"))
    )
    nodate = dated(tmp_path, "丁县", None)
    first = write_ledger([sept, nodate, may, march], schema, out, now=NOW)
    assert [a.row for a in sorted(first.added, key=lambda a: a.seq)] == [4, 5, 6, 7]

    wb, ws, cols = _sheet(out)
    assert _column(ws, cols["主办单位"])[:4] == ["甲县", "乙县", "丙县", "丁县"]
    # what a person does: a 备注 and a comment on 乙县's row, a taller row, a bold cell on 丙县's row,
    # a row of their own right after 乙县 (序号 written as text), a column of their own
    ws.cell(5, cols["备注"], "已电话核实")
    ws.cell(5, cols["备注"]).comment = Comment("张三核对", "张三")
    ws.row_dimensions[5].height = 66
    ws.cell(6, cols["标题"]).font = Font(name="黑体", bold=True)
    ws.insert_rows(6)
    ws.cell(6, cols["序号"], "补1")
    ws.cell(6, cols["标题"], "手工补录：乙县补充材料")
    wb.save(out)

    jan, april, late = (
        dated(tmp_path, "戊县", "2024-01-05"),
        dated(tmp_path, "己县", "2024-04-10"),
        dated(tmp_path, "庚县", None),
    )
    result = write_ledger([march, late, april, jan], schema, out, now=NOW)
    assert result.rows_added == 3 and [s.kind for s in result.skipped] == ["already"]
    assert {a.path.name: (a.row, a.seq) for a in result.added} == {
        "戊县.txt": (4, 1),
        "己县.txt": (6, 3),
        "庚县.txt": (11, 7),
    }
    assert result.skipped[0].row == 5 and result.skipped[0].seq == 2  # 甲县 where it is now

    wb, ws, cols = _sheet(out)
    organizers = _column(ws, cols["主办单位"])
    assert organizers[:8] == ["戊县", "甲县", "己县", "乙县", None, "丙县", "丁县", "庚县"]
    assert _column(ws, cols["序号"])[:8] == [1, 2, 3, 4, "补1", 5, 6, 7]
    # 乙县's row (now 7) with the person's 备注, comment and height; their own row still after it
    assert ws.cell(7, cols["备注"]).value == "已电话核实" and ws.cell(
        7, cols["备注"]
    ).comment.text.startswith("张三核对")
    assert ws.row_dimensions[7].height == 66
    assert ws.cell(8, cols["标题"]).value == "手工补录：乙县补充材料"
    assert ws.cell(9, cols["标题"]).font.name == "黑体" and ws.cell(9, cols["标题"]).font.b
    # the 文件 links went with their rows
    assert (
        ws.cell(7, cols["文件"]).value == "乙县.txt" and "乙县" in ws.cell(7, cols["文件"]).hyperlink.target
    )
    # the signature block is right after the last row, once; the filter stops above it
    assert _signature_rows(ws, cols) == [12] and ws.max_row == 12
    assert ws.auto_filter.ref.endswith("11") and ws.print_area.endswith("$12")
    # 工作数据 follows the new 序号
    metrics = wb["工作数据"]
    mcols = {c.value: c.column for c in metrics[1]}
    seq_of = {
        metrics.cell(r, mcols["主办单位"]).value: metrics.cell(r, mcols["序号"]).value
        for r in range(2, metrics.max_row + 1)
    }
    assert seq_of == {"戊县": 1, "甲县": 2, "己县": 3, "乙县": 4, "丙县": 5, "丁县": 6, "庚县": 7}

    again = write_ledger([march, late, april, jan, may], schema, out, now=NOW)
    assert again.rows_added == 0
    wb, ws, cols = _sheet(out)
    assert _column(ws, cols["主办单位"])[:8] == organizers[:8] and ws.max_row == 12  # no duplicates
    assert len(ledger_shas(out)) == 7  # the signature block is no report


def test_the_signature_block_moves_and_keeps_what_people_wrote(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger(
        [dated(tmp_path, "甲县", "2024-03-01"), dated(tmp_path, "乙县", "2024-05-01")], schema, out, now=NOW
    )
    wb, ws, cols = _sheet(out)
    (row,) = _signature_rows(ws, cols)
    assert row == 6
    texts = [c.value for c in ws[row] if c.value and c.value != SIGNATURE_MARK]
    assert [t.split("：")[0] for t in texts] == ["填报人", "审核人", "填报日期"]
    ws.cell(row, 2, "填报人：张三")
    ws.cell(row, 5, "审核人：李四")
    wb.save(out)

    result = write_ledger([dated(tmp_path, "丙县", "2024-09-01")], schema, out, now=NOW)
    assert [a.row for a in result.added] == [6]  # where the block was
    wb, ws, cols = _sheet(out)
    assert _signature_rows(ws, cols) == [7]
    assert ws.cell(7, 2).value == "填报人：张三" and ws.cell(7, 5).value == "审核人：李四"
    assert ws.row_dimensions[7].height and ws.row_dimensions[7].height >= 30
    # never a data row: not a report, not in 工作数据, not counted, not refreshed
    assert len(ledger_shas(out)) == 3
    metrics = wb["工作数据"]
    assert all(SIGNATURE_MARK not in str(c.value) for r in metrics.iter_rows() for c in r if c.value)
    refreshed = write_ledger([dated(tmp_path, "丙县", "2024-09-01")], schema, out, now=NOW, refresh=True)
    assert refreshed.rows_added == 0 and refreshed.differences == ()
    wb, ws, cols = _sheet(out)
    assert _signature_rows(ws, cols) == [7] and ws.max_row == 7


def test_no_signature_block_when_ledger_toml_turns_it_off(tmp_path, schema):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "ledger.toml").write_text("[print]\nsignature = []\n", encoding="utf-8")
    out = tmp_path / "台账.xlsx"
    write_ledger([dated(tmp_path, "甲县", "2024-03-01")], schema, out, templates=tpl, now=NOW)
    _wb, ws, cols = _sheet(out)
    assert _signature_rows(ws, cols) == [] and ws.max_row == 4


def test_a_formula_pointing_at_another_row_keeps_the_rows_where_they_are(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger(
        [dated(tmp_path, "甲县", "2024-03-01"), dated(tmp_path, "乙县", "2024-05-01")], schema, out, now=NOW
    )
    wb, ws, cols = _sheet(out)
    ws.cell(5, cols["备注"], "=D4")  # refers to the row above: moving rows would change what it shows
    wb.save(out)
    result = write_ledger([dated(tmp_path, "丙县", "2024-01-01")], schema, out, now=NOW)
    assert any("没有按日期重排" in w for w in result.warnings)
    wb, ws, cols = _sheet(out)
    assert _column(ws, cols["主办单位"])[:3] == ["甲县", "乙县", "丙县"]
    assert ws.cell(5, cols["备注"]).value == "=D4" and _column(ws, cols["序号"])[:3] == [1, 2, 3]
    assert _signature_rows(ws, cols) == [7]


def test_a_formula_on_its_own_row_moves_with_it(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger([dated(tmp_path, "甲县", "2024-03-01")], schema, out, now=NOW)
    wb, ws, cols = _sheet(out)
    ws.cell(4, cols["备注"], '=LEN(D4)&"字"')
    wb.save(out)
    result = write_ledger([dated(tmp_path, "乙县", "2024-01-01")], schema, out, now=NOW)
    assert not result.warnings
    _wb, ws, cols = _sheet(out)
    assert ws.cell(5, cols["主办单位"]).value == "甲县" and ws.cell(5, cols["备注"]).value == '=LEN(D5)&"字"'


@pytest.mark.parametrize("where", ["renumber_row", "set_number"])
def test_a_failure_while_reordering_keeps_the_old_ledger(tmp_path, schema, monkeypatch, where):
    from reporter.writers.ledger import ordering

    out = tmp_path / "台账.xlsx"
    write_ledger([dated(tmp_path, "甲县", "2024-03-01")], schema, out, now=NOW)
    before = out.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ordering, where, boom)
    with pytest.raises(OSError):
        write_ledger([dated(tmp_path, "乙县", "2024-01-01")], schema, out, now=NOW)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("台账")) == ["台账.xlsx"]


def test_problems_follow_the_new_numbers(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    march = dated(tmp_path, "甲县", "2024-03-01")
    write_ledger([march], schema, out, now=NOW)
    copy = dataclasses.replace(march, path=tmp_path / "甲县-副本.txt")
    first = write_ledger([copy], schema, out, now=NOW)  # the same text again: a 处理异常 row naming 序号 1
    assert [(s.kind, s.seq) for s in first.skipped] == [("duplicate", 1)]
    write_ledger([dated(tmp_path, "乙县", "2024-01-01")], schema, out, now=NOW)
    problems = load_workbook(out)["处理异常"]
    header = {c.value: c.column for c in problems[1]}
    assert [problems.cell(r, header["对应序号"]).value for r in range(2, problems.max_row + 1)] == [2]


def test_refresh_names_rows_where_they_are_after_the_reordering(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    march, may = dated(tmp_path, "甲县", "2024-03-01"), dated(tmp_path, "乙县", "2024-05-01")
    write_ledger([march, may], schema, out, now=NOW)
    title = found("乙县工作动态（更正）", "乙县工作动态（更正）")
    changed = dataclasses.replace(may, fields={**may.fields, "title": (title,)})
    result = write_ledger(
        [changed, dated(tmp_path, "丙县", "2024-01-01")], schema, out, refresh=True, now=NOW
    )
    (diff,) = [d for d in result.differences if d.column == "标题"]
    assert (diff.row, diff.seq, diff.kept) == (6, 3, False)  # 乙县 was row 5, 序号 2
    _wb, ws, cols = _sheet(out)
    assert ws.cell(6, cols["标题"]).value == "乙县工作动态（更正）" and ws.cell(6, cols["序号"]).value == 3
