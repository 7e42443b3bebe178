"""The Word briefing: GB/T 9704 layout of the default template, content, 期号, archive, evidence comments."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reporter.model import Evidence, Found, Record, Span
from reporter.writers import write_briefing
from reporter.writers.briefing.content import build_content
from reporter.writers.briefing.issues import STATE_DIR, STATE_NAME
from tests.conftest import ROOT
from tests.support.briefing_records import seed_like_records
from tests.support.dump_docx import dump_docx, style_font

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DAY = dt.date(2024, 6, 30)
TEMPLATE = ROOT / "templates" / "briefing.docx"


@pytest.fixture(scope="module")
def briefing(tmp_path_factory, schema) -> Path:
    out = tmp_path_factory.mktemp("brief") / "简报.docx"
    write_briefing(seed_like_records(), schema, out, today=DAY)
    return out


@pytest.fixture(scope="module")
def dump(briefing) -> dict:
    return dump_docx(briefing)


def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


# ------------------------------------------------------------------------------------- page setup
def test_page_is_a4_with_gb_margins(dump):
    (section,) = dump["sections"]
    assert section["page_mm"] == [210.0, 297.0]
    assert section["margins_mm"] == {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}


def test_grid_is_22_lines_of_28_characters(briefing, dump):
    grid = dump["sections"][0]["grid"]
    assert grid["type"] == "linesAndChars"
    text_height = 16838 - 2098 - 1984  # twips, A4 less top and bottom margins
    assert int(grid["linePitch"]) * 22 <= text_height < int(grid["linePitch"]) * 23
    text_width = (11906 - 1587 - 1474) / 20  # points
    pitch = 16 + int(grid["charSpace"]) / 4096  # Word: 三号 plus the grid's extra pitch
    assert int(text_width // pitch) == 28
    # the body is set so that 28 characters fill a line without snapping to the grid (LibreOffice too)
    styles = _part(briefing, "word/styles.xml")
    body = styles.find(f"{W}style[@{W}styleId='BriefBody']")
    spacing = int(body.find(f"{W}rPr/{W}spacing").get(f"{W}val")) / 20
    assert int(text_width // (16 + spacing)) == 28
    line = body.find(f"{W}pPr/{W}spacing")
    normal = styles.find(f"{W}style[@{W}styleId='Normal']/{W}pPr/{W}spacing")
    assert (line if line is not None else normal).get(f"{W}line") == grid["linePitch"]


# ------------------------------------------------------------------------------------------ fonts
@pytest.mark.parametrize(
    "style,east,pt,extra",
    [
        ("刊头", "方正小标宋简体", 42, {"color": "FF0000"}),
        ("简报标题", "方正小标宋简体", 22, {}),  # 二号
        ("简报正文", "仿宋_GB2312", 16, {}),  # 三号
        ("一级标题", "黑体", 16, {}),
        ("二级标题", "楷体_GB2312", 16, {}),
        ("三级标题", "仿宋_GB2312", 16, {"bold": True}),
        ("期号", "仿宋_GB2312", 16, {}),
        ("页码", "宋体", 14, {}),  # 四号
    ],
)
def test_east_asian_fonts_and_sizes(briefing, style, east, pt, extra):
    from docx import Document

    font = style_font(Document(str(briefing)), style)
    assert font["eastAsia"] == east and font["pt"] == pt
    for key, value in extra.items():
        assert font[key] == value


def test_body_paragraphs_use_the_styles(dump):
    styles = {text: style for style, text in dump["paragraphs"]}
    assert styles["工作简报"] == "刊头" and styles["第1期"] == "期号"
    assert styles["一、赤峰市公安局"] == "一级标题" and styles["二、青山县公安局"] == "一级标题"
    assert styles["（一）赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会"] == "二级标题"
    assert dump["paragraphs"][3][0] == "简报标题"


def test_fonts_fall_back_and_no_japanese_theme_font(briefing):
    fonts = _part(briefing, "word/fontTable.xml")
    alt = {
        f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
        for f in fonts
        if f.find(f"{W}altName") is not None
    }
    assert alt["方正小标宋简体"] == "宋体" and alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体"
    assert not any("ＭＳ" in (f.get(f"{W}name") or "") for f in fonts)
    settings = _part(briefing, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"
    styles = _part(briefing, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsiaTheme") is None
    theme = zipfile.ZipFile(briefing).read("word/theme/theme1.xml").decode("utf-8")
    assert '<a:ea typeface=""/>' not in theme and 'script="Hans" typeface="宋体"' in theme


def test_masthead_rule_is_red(briefing):
    styles = _part(briefing, "word/styles.xml")
    rule = styles.find(f"{W}style[@{W}styleId='IssueLine']/{W}pPr/{W}pBdr/{W}bottom")
    assert rule.get(f"{W}color") == "FF0000" and rule.get(f"{W}val") == "single"


# ---------------------------------------------------------------------------------- page numbers
def test_page_numbers_odd_right_even_left(dump):
    assert dump["even_and_odd"] is True
    footers = dump["sections"][0]["footers"]
    odd, even = footers["default"]["paragraphs"][0], footers["even"]["paragraphs"][0]
    assert odd["text"] == even["text"] == "— {PAGE} —"
    assert odd["jc"] == "right" and odd["ind"] == {"right": "280"}  # one 四号 character in
    assert even["jc"] == "left" and even["ind"] == {"left": "280"}


# --------------------------------------------------------------------------------------- content
def test_content_golden(dump, golden):
    golden("seeds.briefing", dump)


def _body(dump) -> list[list[str]]:
    """The paragraphs after the title."""
    return dump["paragraphs"][4:]


def test_each_report_is_one_edited_item(dump):
    body = _body(dump)
    assert body[0] == [
        "简报正文",
        "本期收录报告4份，涉及3个单位，时间为2019年1月4日至2024年6月3日。另有1份与上述报告内容相同，未重复收录。",
    ]
    texts = [t for s, t in body if s == "简报正文"][1:]
    assert len(texts) == 4  # the .docx twin of seed.txt counted once
    assert all(len(t) <= 200 for t in texts)
    assert not any("工作数据：" in t or "工作要求：" in t for (t,) in ((t,) for t in texts))
    seed = next(t for t in texts if "敖汉旗" in t)
    assert seed.startswith("2019年1月4日，赤峰市公安局在敖汉旗组织召开")
    assert "摸排线索1142条，打掉涉恶团伙88个，抓获犯罪嫌疑人619人。" in seed
    assert seed.endswith("会议要求，及时传达贯彻会议精神，全面提升队伍攻坚能力。")
    update = next(t for t in texts if "清风" in t)
    assert "破获刑事案件93起，同比增长12.5%，抓获违法犯罪嫌疑人117人。" in update  # three figures at most
    assert "，" in update and " " not in update


def test_groups_by_unit_in_date_order_and_other_last(schema):
    records = seed_like_records()
    outlet = Record(
        path=Path("outlet.txt"),
        sha256="9" * 64,
        chars=10,
        fields={
            "title": (Found("某地发生交通事故", Evidence(Span(0, 8), "某地发生交通事故", 0), "t"),),
            "organizer": (Found("中新浙江网", Evidence(Span(0, 5), "中新浙江网", 0), "t"),),
            "date": (Found("2018-01-01", Evidence(Span(0, 5), "2018年1月1日", 0), "t"),),
        },
    )
    content = build_content([*records, outlet], schema)
    assert [g for g, _ in content.groups] == ["赤峰市公安局", "青山县公安局", "青山县应急管理局", "其他"]
    (qingshan,) = [items for g, items in content.groups if g == "青山县公安局"]
    assert [i.date_iso for i in qingshan] == ["2024-06-01", "--06-02"]  # dated first, then by day
    assert content.groups[-1][1][0].file == "outlet.txt"  # a news outlet is never a unit heading


def test_groups_by_theme_from_settings(schema):
    from reporter.writers.briefing.settings import BriefingSettings

    settings = BriefingSettings(grouping="主题", themes={"扫黑除恶": ("扫黑",), "防汛": ("汛",)})
    content = build_content(seed_like_records(), schema, settings)
    assert [(g, len(items)) for g, items in content.groups] == [("扫黑除恶", 1), ("防汛", 1), ("其他", 2)]


def test_indicator_totals_per_unit_in_wan_and_yi(schema):
    rows = {(r.indicator, r.measure): r for r in build_content(seed_like_records(), schema).indicators}
    arrests = rows[("抓获犯罪嫌疑人", "人")]
    assert arrests.total == 619 + 117 + 7
    assert arrests.by_unit == (("赤峰市公安局", 619), ("青山县公安局", 124))
    assert rows[("破获案件", "起")].total_text == "100起"
    assert rows[("罚没款", "万元")].total_text == "3.5万元"
    assert not any(measure == "%" for _, measure in rows)  # percentages are not summed
    assert next(iter(rows))[0] == "抓获犯罪嫌疑人"  # schema order of [indicators]


def test_parts_follow_the_schema_briefing_flags(tmp_path, schema):
    import dataclasses

    no_tasks = dataclasses.replace(
        schema,
        fields=tuple(
            dataclasses.replace(s, briefing=False) if s.key in ("tasks", "metrics") else s
            for s in schema.fields
        ),
    )
    write_briefing(seed_like_records(), no_tasks, tmp_path / "b.docx", today=DAY)
    texts = [t for s, t in dump_docx(tmp_path / "b.docx")["paragraphs"] if s == "简报正文"]
    assert not any("要求，" in t or "1142条" in t for t in texts)


def test_text_that_is_not_xml_safe(tmp_path, schema):
    sentence = "A&B<公司>\x0b报告\t第一\n第二"
    rec = Record(
        path=Path("x.txt"),
        sha256="f" * 64,
        chars=10,
        fields={"title": (Found(sentence, Evidence(Span(0, 3), sentence, 0), "t"),)},
    )
    write_briefing([rec], schema, tmp_path / "b.docx", today=DAY, evidence=True)
    texts = [t for _, t in dump_docx(tmp_path / "b.docx")["paragraphs"]]
    assert any("A&B<公司>报告 第一 第二" in t for t in texts)


# ------------------------------------------------------------------------------------------- 版记
def test_colophon_sits_in_a_box_at_the_foot_of_the_text_area(briefing):
    body = _part(briefing, "word/document.xml").find(f"{W}body")
    last = body[-2]  # the paragraph before sectPr anchors the 版记
    anchor = last.find(f".//{WP}anchor")
    assert anchor is not None, "the 版记 is not anchored"
    assert anchor.find(f"{WP}positionV").get("relativeFrom") == "margin"
    assert anchor.find(f"{WP}positionV/{WP}align").text == "bottom"
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    width = int(anchor.find(f"{WP}extent").get("cx"))
    assert width == (11906 - 1587 - 1474) * 635  # the full text width: its rules span it


def test_colophon_rules_span_the_text_width(briefing):
    styles = _part(briefing, "word/styles.xml")
    for sid in ("ColophonRule", "Colophon", "ColophonLast"):
        style = styles.find(f"{W}style[@{W}styleId='{sid}']")
        ind = style.find(f"{W}pPr/{W}ind")
        assert ind is None or (ind.get(f"{W}left", "0") == "0" and ind.get(f"{W}right", "0") == "0"), sid
    top = styles.find(f"{W}style[@{W}styleId='ColophonRule']/{W}pPr/{W}pBdr/{W}top")
    last = styles.find(f"{W}style[@{W}styleId='ColophonLast']/{W}pPr/{W}pBdr/{W}bottom")
    thin = styles.find(f"{W}style[@{W}styleId='Colophon']/{W}pPr/{W}pBdr/{W}bottom")
    assert int(top.get(f"{W}sz")) == int(last.get(f"{W}sz")) > int(thin.get(f"{W}sz"))


def test_colophon_lines_from_the_settings(tmp_path, schema):
    from reporter.templates import init_templates
    from tests.conftest import write

    tpl = tmp_path / "tpl"
    init_templates(tpl)
    write(
        tpl / "briefing.toml",
        '"刊头" = "工作简报"\n"编发单位" = "县公安局办公室"\n"报" = "县委、县政府"\n"发" = "各派出所"\n'
        '"印发单位" = "县公安局办公室"\n"共印份数" = 30\n',
    )
    result = write_briefing(
        seed_like_records(), schema, tmp_path / "o" / "简报.docx", templates=tpl, today=DAY
    )
    colophon = dump_docx(result.path)["colophon"]
    assert colophon == [
        ["版记线", ""],
        ["版记", "报：县委、县政府"],
        ["版记", "发：各派出所"],
        ["版记末行", "县公安局办公室\t2024年6月30日印发"],
        ["共印份数", "（共印30份）"],
    ]


def test_default_colophon_has_no_empty_lines(dump):
    assert dump["colophon"] == [["版记线", ""], ["版记末行", "办公室\t2024年6月30日印发"]]


def test_template_notes_never_reach_the_issued_file(dump):
    assert dump["properties"] == {"comments": "", "subject": "", "keywords": ""}
    assert dump["title"] == "工作简报2024年第1期"
    from docx import Document

    assert "占位符" in Document(str(TEMPLATE)).core_properties.comments  # the template keeps its own


# ----------------------------------------------------------------------------- 期号 and archive
def _issue(tmp_path, schema, day, n=0, **kw):
    """One issue of one report (a different report each call: a report is published once)."""
    rec = seed_like_records()[0]
    rec = Record(path=Path(f"r{n}.txt"), sha256=f"{n:064x}", chars=10, fields=rec.fields)
    return write_briefing([rec], schema, tmp_path / "简报.docx", today=day, **kw)


def test_issue_numbers_continue_and_restart_each_year(tmp_path, schema):
    assert [_issue(tmp_path, schema, DAY, n).issue.label for n in range(3)] == [
        "2024年第1期",
        "2024年第2期",
        "2024年第3期",
    ]
    assert _issue(tmp_path, schema, dt.date(2025, 1, 2), 3).issue.label == "2025年第1期"
    assert _issue(tmp_path, schema, dt.date(2025, 1, 9), 4).issue.no == 2
    archive = sorted(p.name for p in (tmp_path / "简报存档").iterdir() if not p.name.startswith("."))
    assert archive == [
        "2024年第1期.docx",
        "2024年第2期.docx",
        "2024年第3期.docx",
        "2025年第1期.docx",
        "2025年第2期.docx",
    ]
    assert [t for s, t in dump_docx(tmp_path / "简报.docx")["paragraphs"] if s == "期号"] == ["第2期"]
    state = json.loads((tmp_path / STATE_DIR / STATE_NAME).read_text(encoding="utf-8"))
    assert state["year"] == 2025 and state["last"] == 2 and len(state["issues"]) == 5


def test_a_report_is_published_once(tmp_path, schema):
    assert _issue(tmp_path, schema, DAY, 1).issue_no == 1
    again = _issue(tmp_path, schema, DAY, 1)
    assert not again.written and again.issue is None
    assert _issue(tmp_path, schema, DAY, 2).issue_no == 2


def test_issue_no_sets_the_number_and_the_next_goes_on(tmp_path, schema):
    assert _issue(tmp_path, schema, DAY, 1, issue_no=7).issue_no == 7
    assert _issue(tmp_path, schema, DAY, 2).issue_no == 8
    # re-issuing 7 on purpose keeps the earlier file
    _issue(tmp_path, schema, DAY, 3, issue_no=7)
    names = {p.name for p in (tmp_path / "简报存档").iterdir()}
    assert {"2024年第7期.docx", "2024年第7期（旧1）.docx", "2024年第8期.docx"} <= names
    assert not _issue(tmp_path, schema, DAY, 1).written  # still published, in the earlier 第7期


def test_lost_state_file_continues_from_the_journal(tmp_path, schema):
    _issue(tmp_path, schema, DAY, 1)
    _issue(tmp_path, schema, DAY, 2)
    (tmp_path / STATE_DIR / STATE_NAME).write_text("{broken", encoding="utf-8")
    assert _issue(tmp_path, schema, DAY, 3).issue_no == 3


def test_no_records_write_no_issue(tmp_path, schema):
    result = write_briefing([], schema, tmp_path / "简报.docx", today=DAY)
    assert not result.written and result.path is None
    assert not (tmp_path / "简报.docx").exists() and not (tmp_path / "简报存档").exists()
    assert _issue(tmp_path, schema, DAY).issue_no == 1


def test_a_failed_copy_to_the_latest_keeps_the_issue_in_the_archive(tmp_path, schema, monkeypatch):
    from reporter.errors import OutputError
    from reporter.writers import briefing as mod

    _issue(tmp_path, schema, DAY, 1)
    real = mod.write_atomic

    def refuse(target, write):
        if target.name == "简报.docx":
            raise OutputError(f"{target}：文件正被其他程序打开")
        return real(target, write)

    monkeypatch.setattr(mod, "write_atomic", refuse)
    with pytest.raises(OutputError):
        _issue(tmp_path, schema, DAY, 2)
    monkeypatch.setattr(mod, "write_atomic", real)
    assert (tmp_path / "简报存档" / "2024年第2期.docx").exists()  # published: the archive holds it
    assert _issue(tmp_path, schema, DAY, 3).issue_no == 3  # and its number is not used again


# -------------------------------------------------------------------------------------- evidence
def test_evidence_comments_hold_the_source_sentence(tmp_path, schema):
    out = tmp_path / "简报.docx"
    write_briefing(seed_like_records(), schema, out, today=DAY, evidence=True)
    comments = dump_docx(out)["comments"]
    assert comments, "no comments written"
    anchored = dict((a, c) for a, c in comments)
    note = anchored["摸排线索1142条"]
    assert note.splitlines() == [
        "数据：摸排线索1142条",
        "原文：全市共【摸排线索1142条】，打掉涉恶团伙88个，抓获犯罪嫌疑人619人。",
        "文件：seed.txt",
    ]
    assert "原文：" in anchored["赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会"]
    assert any(a.startswith("会议要求，及时传达") and "【一是要及时传达" in c for a, c in comments)
    body = _part(out, "word/document.xml")
    starts = body.findall(f".//{W}commentRangeStart")
    assert len(starts) == len(body.findall(f".//{W}commentReference")) == len(comments)


def test_no_comments_without_evidence(dump):
    assert dump["comments"] == []


def test_default_template_is_the_committed_build(tmp_path):
    """templates/briefing.docx is what scripts/build_briefing_template.py makes (structure, not bytes)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_tpl", ROOT / "scripts" / "build_briefing_template.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(tmp_path / "briefing.docx")
    for name in (
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "docProps/core.xml",
    ):
        assert etree.tostring(_part(fresh, name)) == etree.tostring(_part(TEMPLATE, name)), (
            f"{name} differs: run python scripts/build_briefing_template.py and commit templates/briefing.docx"
        )
