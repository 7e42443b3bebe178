"""The printed 台账: print area, widths for a readable scale, rows that fit, signature, fonts; and 统计汇总's
units and years."""

from __future__ import annotations

import datetime as dt
import zipfile

from reporter.model import Failure
from reporter.writers import write_ledger
from reporter.writers.ledger.cells import row_height, wrapped_lines
from reporter.writers.ledger.config import LedgerConfig
from reporter.writers.ledger.rows import Fit
from tests.support.ledger_records import found, meeting, metric, notice, record, update

NOW = dt.datetime(2024, 7, 1, 9, 30)


def _headers(ws) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[3] if c.value}


def test_print_area_is_the_signed_columns_and_grows_with_the_rows(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    ws = load_workbook(out)["台账"]
    cols = _headers(ws)
    # the print area takes in the signature block below the last row
    assert ws.print_area == "'台账'!$A$1:$K$5" and cols["备注"] == "K" and cols["待核"] == "J"
    printed = [c.value for c in ws[3]][:11]
    assert printed == [
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
    for name in (
        "摘要",
        "关键词",
        "参与单位",
        "来源",
        "文件",
        "处理时间",
    ):  # on screen, right of the print area
        assert cols[name] > "K" and not ws.column_dimensions[cols[name]].hidden
    widths = sum(ws.column_dimensions[chr(64 + i)].width for i in range(1, 12))
    assert widths <= LedgerConfig().print_width  # ≈ 9 pt or more on A4 landscape after fit-to-width
    ps = ws.page_setup
    assert (ps.orientation, int(ps.fitToWidth), int(ps.fitToHeight)) == ("landscape", 1, 0)
    assert ws.print_title_rows == "$1:$3"
    footer = ws.oddFooter  # the page numbers only: people sign the block below the table
    assert "&P" in footer.center.text and "&N" in footer.center.text and not footer.left.text
    write_ledger([update(tmp_path / "b.txt"), notice(tmp_path / "c.docx")], schema, out, now=NOW)
    assert load_workbook(out)["台账"].print_area == "'台账'!$A$1:$K$7"


def test_print_columns_come_from_ledger_toml(tmp_path, schema, monkeypatch):
    from openpyxl import load_workbook

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "ledger.toml").write_text(
        '[print]\ncolumns = ["序号", "标题", "date", "备注"]\n', encoding="utf-8"
    )
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, templates=tpl, now=NOW)
    ws = load_workbook(out)["台账"]
    assert [c.value for c in ws[3]][:4] == ["序号", "标题", "日期", "备注"]
    assert ws.print_area == "'台账'!$A$1:$D$5"


def _many_metrics(path, n: int):
    sentences = [f"全县检查第{i}类场所{i * 1000}处。" for i in range(n)]
    body = "安全生产大检查情况\n" + "".join(sentences)
    return record(
        path,
        body,
        {
            "title": (found("安全生产大检查情况", body),),
            "metrics": tuple(
                metric(f"检查第{i}类场所", i * 1000, "处", "", s) for i, s in enumerate(sentences)
            ),
            "summary": (found("很长的摘要。" * 300, body, "安全生产"),),
        },
    )


def test_rows_fit_long_lists_are_cut_and_no_row_is_over_409_pt(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    write_ledger([_many_metrics(tmp_path / "a.txt", 23), meeting(tmp_path / "b.txt")], schema, out, now=NOW)
    wb = load_workbook(out)
    ws = wb["台账"]
    cols = _headers(ws)
    row = next(r for r in (4, 5) if ws[f"{cols['标题']}{r}"].value == "安全生产大检查情况")
    cell = ws[f"{cols['工作数据']}{row}"].value
    assert cell.endswith("…等 23 项，见工作数据表") and cell.startswith("检查第0类场所 0 处")
    assert "检查第1类场所 1,000 处" in cell  # thousands separated
    config = LedgerConfig()
    height = ws.row_dimensions[row].height
    assert height <= 409
    for name, letter in cols.items():  # every visible cell's text fits in the row's height
        value = ws[f"{letter}{row}"].value
        if isinstance(value, str) and not ws.column_dimensions[letter].hidden:
            lines = wrapped_lines(value, ws.column_dimensions[letter].width, config.fonts.body_size)
            assert lines <= config.max_lines, name
            assert row_height(lines, config.fonts.body_size) <= height, name
    assert ws[f"{cols['摘要']}{row}"].value.endswith("…")
    data = [r for r in wb["工作数据"].iter_rows(min_row=2, values_only=True) if r[3] and "检查第" in r[3]]
    assert len(data) == 23  # the full list lives in 工作数据
    assert wb["工作数据"].cell(3, 6).number_format == "#,##0"


def test_fit_cuts_whole_items_and_long_text():
    fit = Fit({"metrics": 20.0, "summary": 20.0}, 10, 4)
    text = "\n".join(f"第{i}项" for i in range(10))
    cut = fit.cut("metrics", text)
    assert cut.split("\n")[-1] == "…等 10 项，见工作数据表" and fit.lines("metrics", cut) <= 4
    assert cut.split("\n")[:-1] == [f"第{i}项" for i in range(len(cut.split("\n")) - 1)]
    long = fit.cut("summary", "字" * 500)
    assert long.endswith("…") and fit.lines("summary", long) <= 4
    assert fit.cut("summary", "短") == "短" and fit.cut("other", "字" * 500) == "字" * 500


def test_workbook_default_font_and_empty_problems_sheet_not_printed(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    with zipfile.ZipFile(out) as zf:
        styles = zf.read("xl/styles.xml").decode("utf-8")
    first_font = styles[styles.index("<font>") : styles.index("</font>")]
    assert 'val="宋体"' in first_font and "Calibri" not in first_font
    assert load_workbook(out)["处理异常"].sheet_state == "hidden"  # empty: no blank printed page
    failure = Failure(path=tmp_path / "坏.docx", reason="坏文件", message="坏.docx：坏文件")
    write_ledger([], schema, out, failures=[failure], now=NOW)
    assert load_workbook(out)["处理异常"].sheet_state == "visible"


def test_summary_normalises_people_units_and_never_adds_years(tmp_path, schema):
    from openpyxl import load_workbook

    def report(name: str, date: str, value: int, unit: str, org: str):
        body = f"{org}{date}通报：抓获犯罪嫌疑人{value}{unit}。"
        return record(
            tmp_path / name,
            body,
            {
                "date": (found(date, body),),
                "title": (found(f"{org}{date}通报", body),),
                "organizer": (found(org, body),),
                "metrics": (metric("抓获犯罪嫌疑人", value, unit, "抓获犯罪嫌疑人", body),),
            },
        )

    reports = [
        report("a.txt", "2023-03-01", 10, "人", "甲县公安局"),
        report("b.txt", "2023-05-01", 5, "名", "甲县公安局"),
        report("c.txt", "2024-02-01", 7, "名", "乙县公安局"),
        report("d.txt", "--04-01", 2, "人", "乙县公安局"),
        report("e.txt", "2024-03-01", 3, "人次", "乙县公安局"),
    ]
    out = tmp_path / "台账.xlsx"
    write_ledger(reports, schema, out, now=NOW)
    ws = load_workbook(out, data_only=True)["统计汇总"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "指标")
    table = [
        dict(zip(header, r, strict=True)) for r in rows[rows.index(header) + 1 :] if r[0] == "抓获犯罪嫌疑人"
    ]
    people = next(t for t in table if t["单位"] == "人")
    assert (people["2023年"], people["2024年"], people["年份不明"]) == (15, 7, 2)  # 名 = 人; years apart
    assert people["条数"] == 4
    times = next(t for t in table if t["单位"] == "人次")  # 人次 counted apart
    assert times["2024年"] == 3 and times["2023年"] in (None, "")  # blank, not 0
    org_header = next(r for r in rows if r[0] == "主办单位")
    orgs = [
        dict(zip(org_header, r, strict=True))
        for r in rows[rows.index(org_header) + 1 :]
        if isinstance(r[0], str) and "县" in r[0]
    ]
    by = {(o["主办单位"], o["年份"]): o["抓获犯罪嫌疑人（人）"] for o in orgs}
    assert by[("甲县公安局", "2023年")] == 15 and by[("乙县公安局", "2024年")] == 7
    formulas = load_workbook(out)["统计汇总"]
    assert any("SUMIFS" in str(c.value) for row in formulas.iter_rows() for c in row)  # still live formulas
