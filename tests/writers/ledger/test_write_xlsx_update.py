"""Running again into the same ledger: new reports appended, nothing people changed is lost, --refresh."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reporter.writers import write_ledger
from tests.support.ledger_records import MEETING, found, meeting, notice, record, update

NOW = dt.datetime(2024, 7, 1, 9, 30)
LATER = dt.datetime(2024, 7, 2, 10, 0)


def _cells(path: Path, skip: tuple[str, ...] = ("统计汇总",)) -> dict:
    """Every non-empty cell of every sheet with its value and look (number format, font, fill)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        if ws.title in skip:
            continue
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                out[(ws.title, c.coordinate)] = (
                    c.value,
                    c.number_format,
                    c.font.name,
                    bool(c.font.b),
                    c.font.color.rgb if c.font.color is not None else None,
                    c.fill.fgColor.rgb if c.fill.fill_type else None,
                    c.comment.text if c.comment else None,
                )
    return out


def _moved(cells: dict, sheet: str, moves: dict[int, int]) -> dict:
    """The cells of `_cells` with the given rows of one sheet moved (old row → new row)."""
    from openpyxl.utils.cell import coordinate_from_string

    out = {}
    for (title, ref), value in cells.items():
        if title == sheet:
            col, row = coordinate_from_string(ref)
            ref = f"{col}{moves.get(row, row)}"
        out[(title, ref)] = value
    return out


def _edit_like_a_person(path: Path) -> None:
    """What people do to a ledger, saved by another program (openpyxl rewrites the whole package)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    wb = load_workbook(path)
    ws = wb["台账"]
    ws["D4"] = "赤峰市公安局召开扫黑除恶现场推进会（人工更正）"  # a corrected cell
    ws["K4"] = "已报市委办"  # 备注
    ws.insert_cols(19)  # a column of their own,
    ws["S3"] = "核实人"  # before the hidden ones
    ws["S4"] = "张三"
    ws["S5"] = "=LEN(C5)"  # their formula
    ws["A7"] = 3  # a row added by hand
    ws["D7"] = "手工补录：县应急局防汛检查"
    ws["K7"] = "电话报送"
    ws["D5"].font = Font(name="仿宋", bold=True, color="FFFF0000")  # their format
    mine = wb.create_sheet("我的统计")  # a sheet of their own
    mine["A1"] = "台账条数"
    mine["B1"] = "=COUNTA('台账'!D4:D100)"
    wb.save(path)


def test_rerun_keeps_hand_edits_and_adds_no_duplicate(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    first = [meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")]
    write_ledger(first, schema, out, now=NOW)
    _edit_like_a_person(out)
    before = _cells(out)
    with zipfile.ZipFile(out) as zf:
        theirs = {n: zf.read(n) for n in zf.namelist() if n.endswith("sheet5.xml")}

    result = write_ledger([*first, notice(tmp_path / "c.docx")], schema, out, now=LATER)

    assert result.rows_added == 1 and [s.kind for s in result.skipped] == ["already", "already"]
    # the row typed below the signature block (row 6) stays after the program row it followed (row 5);
    # the new report has no year, so it goes last, numbered on after the hand row's 序号 3
    assert result.added[0].row == 7 and result.added[0].seq == 4
    after = _cells(out)
    lost = {k: v for k, v in _moved(before, "台账", {7: 6, 6: 8}).items() if after.get(k) != v}
    assert not lost, f"changed by the update: {lost}"
    ws = load_workbook(out)["台账"]
    assert ws["D7"].value == "青山县应急管理局关于做好汛期安全防范工作的通知" and ws["A7"].value == 4
    assert ws["S7"].value is None and ws["S3"].value == "核实人"  # their column left alone
    assert ws["T7"].value == notice(tmp_path / "c.docx").sha256  # the hidden column moved: found by header
    assert ws["B7"].value == "6月3日" and ws["B7"].comment is not None
    assert ws["B8"].value.startswith("填报人") and ws.max_row == 8  # the signature block below the last row
    assert ws.auto_filter.ref.endswith("7")
    with zipfile.ZipFile(out) as zf:
        for name, data in theirs.items():
            assert zf.read(name) == data, f"{name} was not copied byte for byte"
    again = write_ledger([*first, notice(tmp_path / "c.docx")], schema, out, now=LATER)
    assert again.rows_added == 0 and load_workbook(out)["台账"].max_row == 8
    summary = load_workbook(out, data_only=True)["统计汇总"]  # totals read back from 工作数据
    rows = list(summary.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "指标")
    totals = {r[0]: dict(zip(header, r, strict=True)) for r in rows if r[0]}
    assert totals["抓获犯罪嫌疑人"]["2019年"] == 619 and totals["抓获犯罪嫌疑人"]["2024年"] == 117
    assert totals["摸排线索"]["2019年"] == 1142
    months = [r[0] for r in summary.iter_rows(values_only=True) if isinstance(r[0], dt.datetime)]
    assert months == [dt.datetime(2019, 1, 1), dt.datetime(2024, 6, 1)]


def test_untouched_parts_are_copied_byte_for_byte(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    with zipfile.ZipFile(out) as zf:
        before = {n: zf.read(n) for n in zf.namelist()}
    write_ledger([update(tmp_path / "b.txt")], schema, out, now=LATER)
    with zipfile.ZipFile(out) as zf:
        after = {n: zf.read(n) for n in zf.namelist()}
    same = {n for n in before if after.get(n) == before[n]}
    changed = set(before) - same
    assert {"xl/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml"} <= same
    assert "xl/styles.xml" in same  # the styles were all there
    assert changed <= {
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/comments/comment1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "[Content_Types].xml",
        "xl/workbook.xml",
    }
    # the old rows of 台账 are still there byte for byte, the new one after them, then the signature block
    old_rows = before["xl/worksheets/sheet1.xml"].split(b"<sheetData>")[1].split(b"</sheetData>")[0]
    data, signature = old_rows.rsplit(b'<row r="5"', 1)
    assert data in after["xl/worksheets/sheet1.xml"]
    assert b'<row r="6"' + signature.replace(b'5"', b'6"') in after["xl/worksheets/sheet1.xml"]


def test_appending_to_a_ledger_saved_by_libreoffice(tmp_path, schema):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from openpyxl import load_workbook

    made = tmp_path / "made" / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")], schema, made, now=NOW)
    saved = tmp_path / "saved"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(saved),
            str(made),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = saved / "台账.xlsx"
    before = _cells(out)
    result = write_ledger([meeting(tmp_path / "a.txt"), notice(tmp_path / "c.docx")], schema, out, now=LATER)
    assert result.rows_added == 1 and result.skipped[0].kind == "already"
    after = _cells(out)
    assert not {k: v for k, v in _moved(before, "台账", {6: 7}).items() if after.get(k) != v}
    ws = load_workbook(out)["台账"]
    assert ws["A6"].value == 3 and ws["D6"].value.startswith("青山县应急管理局")
    assert ws["B7"].value.startswith("填报人")  # the signature block found again and moved


def test_refresh_replaces_tool_values_but_not_edited_ones(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    old = meeting(tmp_path / "a.txt")
    write_ledger([old, update(tmp_path / "b.txt")], schema, out, now=NOW)
    wb = load_workbook(out)
    wb["台账"]["E4"] = "扫黑除恶现场推进会（人工改）"  # a person's edit of 会议/活动
    wb.save(out)

    fields = dict(old.fields)
    s = "2019年1月5日，赤峰市公安局在敖汉旗召开推进会。"
    fields["date"] = (found("2019-01-05", s, "2019年1月5日"),)  # re-extracted differently
    fields["event"] = (found("扫黑除恶专项斗争现场推进会", s),)
    fields["location"] = ()
    fields["metrics"] = (
        *old.fields["metrics"][:1],
        found(
            type(old.value("metrics"))(name="打掉涉恶团伙", value=90, unit="个", indicator="打掉涉恶团伙"),
            s,
            "打掉涉恶团伙",
        ),
        *old.fields["metrics"][2:],
        found(
            type(old.value("metrics"))(name="破获案件", value=820, unit="起", indicator="破获案件"),
            s,
            "破获案件",
        ),
    )
    new = record(old.path, MEETING, fields)
    assert new.sha256 == old.sha256
    result = write_ledger([new], schema, out, refresh=True, now=LATER)

    assert result.rows_added == 0 and result.skipped[0].kind == "already"
    by_column = {(d.sheet, d.column): d for d in result.differences}
    assert by_column[("台账", "日期")].kept is False and by_column[("台账", "日期")].new == "2019-01-05"
    assert by_column[("台账", "日期")].old == "2019-01-04"
    assert by_column[("台账", "会议/活动")].kept is True  # the person's edit stays
    assert by_column[("台账", "地点")].new == "" and not by_column[("台账", "地点")].kept
    assert "经人工修改，保留" in by_column[("台账", "会议/活动")].describe()
    ws = load_workbook(out)["台账"]
    assert ws["B4"].value == dt.datetime(2019, 1, 5)
    assert ws["E4"].value == "扫黑除恶现场推进会（人工改）" and ws["F4"].value is None
    assert "打掉涉恶团伙 90 个" in ws["H4"].value
    metrics = list(load_workbook(out)["工作数据"].iter_rows(values_only=True))
    assert metrics[2][5] == 90 and metrics[-1][3] == "破获案件"  # replaced in place; one appended
    assert [r[1] for r in metrics[1:5]] == [dt.datetime(2019, 1, 5)] * 4
    # a second refresh with the same values finds nothing new and keeps the edit
    again = write_ledger([new], schema, out, refresh=True, now=LATER)
    assert [d.column for d in again.differences] == ["会议/活动"] and again.differences[0].kept


def test_without_refresh_existing_rows_are_left_alone(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    old = meeting(tmp_path / "a.txt")
    write_ledger([old], schema, out, now=NOW)
    before = out.read_bytes()
    changed = record(old.path, MEETING, {**old.fields, "title": (found("别的标题", MEETING, "赤峰市"),)})
    result = write_ledger([changed], schema, out, now=LATER)
    assert result.differences == () and result.rows_added == 0
    with zipfile.ZipFile(out) as a, zipfile.ZipFile(__import__("io").BytesIO(before)) as b:
        assert a.read("xl/worksheets/sheet1.xml") == b.read("xl/worksheets/sheet1.xml")


def test_a_missing_sheet_is_reported_not_recreated(tmp_path, schema):
    from openpyxl import load_workbook

    from reporter.errors import OutputError

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    wb = load_workbook(out)
    del wb["工作数据"]
    wb.save(out)
    with pytest.raises(OutputError) as info:
        write_ledger([update(tmp_path / "b.txt")], schema, out)
    assert "工作数据" in str(info.value) and str(info.value).startswith(str(out))


def test_a_renamed_header_is_a_warning_and_the_rest_is_written(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    wb = load_workbook(out)
    wb["台账"]["C3"] = "举办单位"  # 主办单位 renamed by hand
    wb.save(out)
    result = write_ledger([update(tmp_path / "b.txt")], schema, out, now=LATER)
    assert result.rows_added == 1 and any("主办单位" in w for w in result.warnings)
    ws = load_workbook(out)["台账"]
    assert ws["C5"].value is None and ws["D5"].value.startswith("青山县公安局")
