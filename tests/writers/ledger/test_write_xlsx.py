"""The ledger's structure, look and print setup; formula safety; the structural golden file."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from reporter.writers import write_ledger
from reporter.writers.ledger.cells import CUT_MARK, MAX_CELL, clean_text
from reporter.writers.ledger.config import FINGERPRINT_HEADER, SHA_HEADER, TOOL_HEADER
from tests.support.dump import dump_xlsx
from tests.support.ledger_records import found, golden_inputs, meeting, record, update

NOW = dt.datetime(2024, 7, 1, 9, 30)


@pytest.fixture
def ledger(tmp_path, schema):
    records, failures = golden_inputs(tmp_path / "reports")
    out = tmp_path / "out" / "台账.xlsx"
    result = write_ledger(records, schema, out, failures=failures, now=NOW)
    return out, result, tmp_path


def _sheet_xml(path: Path, title: str) -> str:
    from reporter.writers.ledger.package import Package

    pkg = Package(path, label=path)
    try:
        return pkg.read(pkg.sheets()[title]).decode("utf-8")
    finally:
        pkg.close()


def test_golden_structure(ledger, golden):
    out, _, tmp_path = ledger
    golden("seeds.ledger", dump_xlsx(out, replace={str(tmp_path.resolve()): "<tmp>"}))


def test_sheets_columns_and_header(ledger, schema):
    from openpyxl import load_workbook

    out, result, _ = ledger
    wb = load_workbook(out)
    assert wb.sheetnames == ["台账", "工作数据", "统计汇总", "处理异常"]
    ws = wb["台账"]
    assert ws["A1"].value == "工作信息台账" and "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value.startswith("填报单位：") and "填报日期：2024-07-01" in [c.value for c in ws[2]]
    headers = [c.value for c in ws[3]]
    fields = [s.header for s in schema.fields if s.ledger]
    printed = ["日期", "主办单位", "标题", "会议/活动", "地点", "出席领导", "工作数据", "工作要求"]
    assert headers == [
        "序号",
        *printed,
        "待核",
        "备注",
        *[f for f in fields if f not in printed],
        "文件",
        "处理时间",
        SHA_HEADER,
        FINGERPRINT_HEADER,
        TOOL_HEADER,
    ]
    assert all(c.font.b for c in ws[3]) and ws["B3"].fill.fgColor.rgb.endswith("D9D9D9")
    hidden = [k for k, d in ws.column_dimensions.items() if d.hidden]
    assert hidden == ["S", "T", "U"]
    assert ws.freeze_panes == "B4" and ws.auto_filter.ref == "A3:U6"
    assert [ws.cell(r, 1).value for r in range(4, 7)] == [1, 2, 3]  # 序号 continuing, as numbers
    assert result.rows_added == 3 and [a.row for a in result.added] == [4, 5, 6]


def test_look_fonts_borders_dates_numbers(ledger):
    from openpyxl import load_workbook

    out, _, _ = ledger
    ws = load_workbook(out)["台账"]
    assert (ws["A1"].font.name, ws["A1"].font.b, ws["A1"].font.sz) == ("宋体", True, 18)
    assert ws["D4"].font.name == "仿宋" and ws["B3"].font.name == "宋体"
    assert ws["D4"].font.charset == 134  # GB2312: an East Asian font
    for row in ws.iter_rows(min_row=3, max_row=6, max_col=18):  # every cell of the visible table
        for cell in row:
            assert cell.border.left.style == cell.border.top.style == "thin", cell.coordinate
            assert cell.alignment.wrap_text or cell.row == 3 or not isinstance(cell.value, str)
    date = ws["B4"]
    assert date.value == dt.datetime(2019, 1, 4) and date.number_format == "yyyy-mm-dd"
    assert ws["B6"].value == "6月3日" and ws["B6"].data_type == "s"  # a date without a year: text, 待核
    assert ws["J6"].value.startswith("日期") and "没有写年份" in ws["J6"].comment.text
    assert ws["R4"].value == NOW and "hh:mm" in ws["R4"].number_format
    people = ws["G4"].value
    assert people == "贾建忠（市公安局党委委员、副局长）\n于海（市政府副市长、市公安局局长）"
    assert ws["H4"].value.split("\n")[0] == "摸排线索 1,142 条"  # thousands separated
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert widths["C"] > widths["A"] and widths["C"] <= 30 * 2 + 2  # 标题: CJK counted double, capped
    assert all(ws.row_dimensions[r].height and ws.row_dimensions[r].height >= 18 for r in range(4, 7))


def test_review_fields_are_shaded_and_listed(ledger):
    from openpyxl import load_workbook

    out, _, _ = ledger
    ws = load_workbook(out)["台账"]
    assert ws["J5"].value == "日期" and "年份按参考日期补全" in ws["J5"].comment.text
    assert ws["B5"].fill.fgColor.rgb.endswith("FFF2CC")  # the flagged cell is shaded
    assert ws["B4"].fill.fill_type is None and ws["J4"].value is None


def test_evidence_comments_and_file_links(ledger):
    from openpyxl import load_workbook

    out, _, _ = ledger
    ws = load_workbook(out)["台账"]
    assert ws["B4"].comment is None and ws["G4"].comment is None  # by default only values to check have 批注
    comment = ws["B5"].comment.text  # a value to check: its sentence, the value marked
    assert comment.startswith("原文：") and "【6月1日】" in comment
    assert "年份按参考日期补全" in ws["J5"].comment.text  # and the reason to check it
    assert ws["D4"].comment is None  # a title written as it stands in the text needs no 批注
    notes = [c.comment.text for row in ws.iter_rows() for c in row if c.comment is not None]
    assert notes and all(len(n) <= 160 for n in notes)
    assert ws["K4"].comment is None and ws["A4"].comment is None  # 备注 and 序号 carry none
    assert ws["Q4"].value == "推进会.txt" and ws["Q4"].hyperlink.target == "../reports/推进会.txt"
    with zipfile.ZipFile(out) as zf:
        vml = [n for n in zf.namelist() if n.endswith(".vml")]
        assert len(vml) == 1 and zf.read(vml[0]).count(b"<v:shape ") == sum(
            1 for row in ws.iter_rows() for c in row if c.comment is not None
        )


def test_print_setup(ledger):
    from openpyxl import load_workbook

    out, _, _ = ledger
    wb = load_workbook(out)
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert (ps.orientation, str(ps.paperSize)) == ("landscape", "9"), ws.title
        assert (int(ps.fitToWidth), int(ps.fitToHeight)) == (
            1,
            0,
        ) and ws.sheet_properties.pageSetUpPr.fitToPage
        footer = (ws.oddFooter.center.text or "") + (ws.oddFooter.right.text or "")
        assert "&P" in footer and "&N" in footer, ws.title
    assert wb["台账"].print_title_rows == "$1:$3"
    assert wb["工作数据"].print_title_rows == "$1:$1"


def test_the_summary_spooled_to_a_temporary_file_is_the_same_sheet(ledger, schema, monkeypatch):
    from reporter.writers.ledger import summary

    out, _, tmp_path = ledger
    records, failures = golden_inputs(tmp_path / "reports")
    monkeypatch.setattr(summary, "ROWS_IN_MEMORY", 64)  # rows past 64 bytes go to a temporary file
    spilled = tmp_path / "spilled" / "台账.xlsx"
    write_ledger(records, schema, spilled, failures=failures, now=NOW)
    sheet = _sheet_xml(spilled, "统计汇总")
    assert sheet == _sheet_xml(out, "统计汇总") and sheet.count("<row ") > 5


def test_metrics_sheet_and_live_summary(ledger):
    from openpyxl import load_workbook

    out, _, _ = ledger
    wb = load_workbook(out)
    rows = list(wb["工作数据"].iter_rows(values_only=True))
    assert rows[0][:8] == ("序号", "日期", "主办单位", "指标", "原文指标", "数值", "单位", "原句")
    assert rows[1][:7] == (1, dt.datetime(2019, 1, 4), "赤峰市公安局", "摸排线索", "摸排线索", 1142, "条")
    assert rows[6][:7] == (
        2,
        dt.datetime(2024, 6, 1),
        "青山县公安局",
        "抓获犯罪嫌疑人",
        "抓获违法犯罪嫌疑人",
        117,
        "人",
    )
    summary = wb["统计汇总"]
    cells = {c.value: c for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    years = {c.value: c.column for c in summary[cells["指标"].row] if c.value}
    assert "2019年" in years and "2024年" in years  # one column per year: years are never added up
    row = cells["抓获犯罪嫌疑人"].row
    formula = summary.cell(row, years["2019年"]).value
    assert (
        "SUMIFS('工作数据'!$F:$F,'工作数据'!$D:$D,\"=抓获犯罪嫌疑人\"" in formula
        and "DATE(2019,1,1)" in formula
    )
    assert '"=名"' in formula  # people counted in 名 are 人
    values = load_workbook(out, data_only=True)["统计汇总"]
    assert values.cell(row, years["2019年"]).value == 619  # cached for viewers
    assert values.cell(row, years["2024年"]).value == 117
    assert values.cell(cells["摸排线索"].row, years["2024年"]).value in (None, "")  # blank, not 0
    assert "刑事发案同比" not in cells  # percentages are not summed
    assert "SUMIFS" not in summary["A2"].value  # a note in plain Chinese
    assert _has_chart(out)
    assert any(isinstance(c.value, str) and "EDATE" in c.value for row in summary.iter_rows() for c in row)


def _has_chart(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        return any(n.startswith("xl/charts/chart") for n in zf.namelist())


def test_problems_sheet_lists_failures_duplicates_and_repeats(ledger):
    from openpyxl import load_workbook

    out, result, _ = ledger
    rows = list(load_workbook(out)["处理异常"].iter_rows(values_only=True))
    kinds = {(Path(r[0]).name, r[1]) for r in rows[1:]}
    assert kinds == {
        ("转发-推进会.txt", "疑似重复"),
        ("副本-清风行动.txt", "内容重复"),
        ("坏文件.docx", "失败"),
    }
    repeat = next(r for r in rows if r[1] == "疑似重复")
    assert "台账第 4 行" in repeat[2] and repeat[4] == 1
    assert {s.kind for s in result.skipped} == {"repeat", "duplicate"}


FORMULAS = [
    "=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(1,2)",
    '=HYPERLINK("http://evil","点我")',
    "\t=cmd|' /C calc'!A0",
    "\r=1+2",
    "=1+1\n第二行",
]


def test_document_text_never_becomes_a_formula(tmp_path, schema):
    from openpyxl import load_workbook

    recs = []
    for i, payload in enumerate(FORMULAS):
        body = f"{payload}\n正文 {i}"
        recs.append(
            record(
                tmp_path / f"{i}.txt",
                body,
                {
                    "title": (found(payload, body),),
                    "summary": (found(f"{payload} 摘要", body),),
                    "organizer": (found("=SUM(1)", body),),
                    "units": (found("+86 单位", body), found("-单位", body)),
                },
            )
        )
    out = tmp_path / "台账.xlsx"
    write_ledger(recs, schema, out, now=NOW)
    xml = _sheet_xml(out, "台账")
    assert "<f>" not in xml and "<f " not in xml
    ws = load_workbook(out)["台账"]
    for i, payload in enumerate(FORMULAS):
        cell = ws.cell(4 + i, 4)
        assert cell.data_type == "s" and cell.value == payload.replace("\r", "\r"), payload
        assert ws.cell(4 + i, 3).value == "=SUM(1)" and ws.cell(4 + i, 3).data_type == "s"
        assert ws.cell(4 + i, 13).value == "+86 单位\n-单位"
    assert ws.cell(4, 15).value == "=1+1 摘要"


def test_illegal_characters_removed_and_long_values_cut(tmp_path, schema):
    from openpyxl import load_workbook

    long = "长" * (MAX_CELL + 500)
    body = "标题\x00\x07\x1b带\ufffe控制字符\n" + long
    recs = [
        record(
            tmp_path / "a.txt",
            body,
            {
                "title": (found("标题\x00\x07\x1b带\ufffe控制字符", body),),
                "summary": (found(long, body),),
                "source": (found("_x0041_ 与 _x000D_", body),),
            },
        )
    ]
    out = tmp_path / "台账.xlsx"
    write_ledger(recs, schema, out, now=NOW)
    ws = load_workbook(out)["台账"]
    assert ws["D4"].value == "标题带控制字符"
    summary = ws.cell(4, 15).value
    assert len(summary) < 400 and summary.endswith("…")  # cut to what the row holds
    assert len(clean_text("长" * (MAX_CELL + 10))) == MAX_CELL and clean_text(
        "长" * (MAX_CELL + 10)
    ).endswith(CUT_MARK)
    assert "_x005F_x0041_" in _sheet_xml(out, "台账")  # escaped, so Excel shows it as written


def test_schema_order_and_headers_are_followed(tmp_path):
    from openpyxl import load_workbook

    from reporter.schema import parse_schema

    data = {
        "field": [
            {"key": "title", "header": "信息标题"},
            {"key": "date", "header": "时间"},
            {"key": "metrics", "header": "数据"},
            {"key": "organizer", "header": "单位", "ledger": False},
        ]
    }
    schema = parse_schema(data, tmp_path / "schema.toml")
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    wb = load_workbook(out)
    assert [c.value for c in wb["台账"][3]][:6] == ["序号", "时间", "信息标题", "数据", "待核", "备注"]
    assert [c.value for c in wb["工作数据"][1]][:3] == ["序号", "时间", "单位"]


def test_new_ledger_from_no_records_is_a_valid_empty_ledger(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    result = write_ledger([], schema, out, now=NOW)
    assert result.created and result.rows_added == 0
    wb = load_workbook(out)
    assert wb["台账"]["A3"].value == "序号" and wb["台账"].max_row == 4  # the signature block
    assert wb["台账"]["B4"].value.startswith("填报人")
    again = write_ledger([update(tmp_path / "b.txt")], schema, out, now=NOW)
    assert not again.created and [a.row for a in again.added] == [4]


def test_ledger_template_settings(tmp_path, schema):
    from openpyxl import load_workbook

    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "ledger.toml").write_text(
        '[title]\ntext = "政务信息登记表"\nunit = "青山县公安局"\n[fonts]\nbody = "黑体"\n[layout]\ncomments = false\n',
        encoding="utf-8",
    )
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, templates=tmp_path / "tpl", now=NOW)
    ws = load_workbook(out)["台账"]
    assert ws["A1"].value == "政务信息登记表" and ws["A2"].value == "填报单位：青山县公安局"
    assert ws["D4"].font.name == "黑体" and ws["B4"].comment is None


def test_bad_ledger_template_names_the_file(tmp_path, schema):
    from reporter.errors import TemplateError

    (tmp_path / "ledger.toml").write_text('[colors]\nheader_fill = "灰色"\n', encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        write_ledger([], schema, tmp_path / "台账.xlsx", templates=tmp_path)
    assert "ledger.toml" in str(info.value) and "header_fill" in str(info.value)


def test_not_an_xlsx_is_refused_and_left_alone(tmp_path, schema):
    from reporter.errors import OutputError

    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"not a zip")
    with pytest.raises(OutputError) as info:
        write_ledger([meeting(tmp_path / "a.txt")], schema, out)
    assert str(info.value).startswith(str(out)) and "不是有效的 Excel 文件" in str(info.value)
    assert out.read_bytes() == b"not a zip"


def test_some_other_workbook_is_refused(tmp_path, schema):
    from openpyxl import Workbook

    from reporter.errors import OutputError

    out = tmp_path / "台账.xlsx"
    wb = Workbook()
    wb.active.title = "台账"
    wb.active["A1"] = "别人的表"
    for name in ("工作数据", "统计汇总", "处理异常"):
        wb.create_sheet(name)
    wb.save(out)
    before = out.read_bytes()
    with pytest.raises(OutputError) as info:
        write_ledger([meeting(tmp_path / "a.txt")], schema, out)
    assert "不是本程序生成的台账" in str(info.value) and out.read_bytes() == before


def test_xml_is_well_formed_in_every_part(ledger):
    from lxml import etree

    out, _, _ = ledger
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if re.search(r"\.(xml|rels|vml)$", name):
                etree.fromstring(zf.read(name))


def test_more_comments_a_row_when_ledger_toml_asks(tmp_path, schema):
    from openpyxl import load_workbook

    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "ledger.toml").write_text("[layout]\ncomments_per_row = 5\n", encoding="utf-8")
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, templates=tmp_path / "tpl", now=NOW)
    ws = load_workbook(out)["台账"]
    assert "【2019年1月4日】" in ws["B4"].comment.text  # a value not written as in the text: its sentence
    people = ws["G4"].comment.text
    assert "【市公安局党委委员、副局长贾建忠】" in people  # the post is not written as in the cell
