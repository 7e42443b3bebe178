"""User briefing templates: placeholders filled with docxtpl, a broken template stopped before the batch."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reporter.errors import TemplateError
from reporter.templates import init_templates
from reporter.writers import check_briefing_template, write_briefing
from reporter.writers.briefing.template import PLACEHOLDERS
from tests.conftest import ROOT, SEEDS, write
from tests.support.briefing_records import seed_like_records
from tests.support.dump_docx import dump_docx

DAY = dt.date(2024, 6, 30)


def make_template(
    folder: Path, paragraphs: list[str | list[str]], table: list[list[str]] | None = None
) -> Path:
    """A briefing.docx with one paragraph per item (a list item = one paragraph split into runs, as Word does)."""
    from docx import Document

    doc = Document()
    for item in paragraphs:
        p = doc.add_paragraph()
        for run in [item] if isinstance(item, str) else item:
            p.add_run(run)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for row, texts in zip(t.rows, table, strict=False):
            for cell, text in zip(row.cells, texts, strict=False):
                cell.text = text
    folder.mkdir(parents=True, exist_ok=True)
    doc.save(str(folder / "briefing.docx"))
    return folder / "briefing.docx"


USER_TEMPLATE = [
    "{{ 刊头 }}（{{ 期号全称 }}）",
    ["{{ 编发", "单位 }}　{{ 日", "期 }}"],  # a placeholder split over runs
    "本期共{{ 报告数 }}份，来自{{ 单位数 }}个单位，{{ 起止日期 }}。",
    "{%p for 报告 in 报告列表 %}",
    "{{ 报告.序号 }}．{{ 报告.标题 }}（{{ 报告.单位 }}，{{ 报告.日期 }}）",
    "{%p for 要求 in 报告.要求列表 %}",
    "　　{{ 要求 }}",
    "{%p endfor %}",
    "{%p endfor %}",
    "{{p 数据表 }}",
    "{% if 抄送 %}抄送：{{ 抄送 }}{% endif %}",
]
USER_TABLE = [
    ["指标", "合计", "分单位"],
    ["{%tr for 指标 in 指标列表 %}", "", ""],
    ["{{ 指标.指标 }}", "{{ 指标.合计 }}", "{{ 指标.分单位 }}"],
    ["{%tr endfor %}", "", ""],
]


def test_user_template_with_placeholders_and_loops(tmp_path, schema):
    tpl = tmp_path / "tpl"
    make_template(tpl, USER_TEMPLATE, USER_TABLE)
    write(tpl / "briefing.toml", '"刊头" = "青山县公安局工作简报"\n"编发单位" = "县公安局办公室"\n')
    assert check_briefing_template(tpl) == tpl / "briefing.docx"
    result = write_briefing(
        seed_like_records(), schema, tmp_path / "out" / "简报.docx", templates=tpl, today=DAY
    )
    dump = dump_docx(result.path)
    texts = [t for _, t in dump["paragraphs"]]
    assert texts[0] == "青山县公安局工作简报（2024年第1期）"
    assert texts[1] == "县公安局办公室　2024年6月30日"
    assert texts[2] == "本期共4份，来自3个单位，2019年1月4日至2024年6月3日。"
    assert (
        "1．赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会（赤峰市公安局，2019年1月4日）" in texts
    )
    assert "　　一是要及时传达贯彻会议精神。" in texts and "　　1. 持续保持严打高压态势。" in texts
    assert not any("{" in t or "%}" in t for t in texts)
    data_table, user_table = dump["tables"]  # {{p 数据表 }} comes before the table made in Word
    assert user_table[0] == ["指标", "合计", "分单位"]
    assert ["抓获犯罪嫌疑人", "743人", "赤峰市公安局619人；青山县公安局124人"] in user_table
    assert data_table[0] == ["序号", "指标", "合计", "其中（按单位）"] and len(data_table) == 6
    assert texts[-1] == ""  # 抄送 is empty in briefing.toml


def test_template_without_the_body_styles_may_still_use_values(tmp_path, schema):
    tpl = tmp_path / "tpl"
    make_template(tpl, ["第{{ 期号 }}期", "{{ 总体情况 }}"])
    out = write_briefing(seed_like_records(), schema, tmp_path / "简报.docx", templates=tpl, today=DAY).path
    assert next(t for _, t in dump_docx(out)["paragraphs"]) == "第1期"


BROKEN = [
    (["第{{ 期号码 }}期"], r"占位符 \{\{ 期号码 \}\} 里的“期号码”不认识"),
    (["第{{ 期号 }期"], r"占位符没有写完：“\{\{ 期号 \}期”"),
    (["{{ 期号 + }}"], r"占位符 \{\{ 期号 \+ \}\} 写错了"),
    (
        ["{%p for 报告 in 报告列表 %}", "{{ 报告.标题 }}"],
        r"\{%p for 报告 in 报告列表 %\} 没有对应的 \{% endfor %\}",
    ),
    (["{% endif %}"], r"\{% endif %\} 前面没有对应的 \{% if … %\}"),
    (
        ["{%p for 报告 in 报告列表 %}", "{% if 抄送 %}", "{%p endfor %}"],
        r"\{%p endfor %\} 之前要先用 \{% endif %\} 结束 \{% if 抄送 %\}",
    ),
    (["{{r 标题 }}"], r"占位符 \{\{r 标题 \}\} 不能带“r”"),
    (["{{p 标题 }}"], r"占位符 \{\{p 标题 \}\} 不能带“p”"),
    (
        ["{%p for 报告 in 报告列表 %}", "{{ 报告.标提 }}", "{%p endfor %}"],
        r"占位符 \{\{ 报告\.标提 \}\} 里的“标提”不认识；报告列表的每一项有 序号、标题",
    ),
    (["{{ 正文 }}"], r"占位符 \{\{ 正文 \}\} 要单独占一段，写作 \{\{p 正文 \}\}"),
    (["{% include 'x' %}"], r"不是能用的写法"),
    (["多出来的 }} 括号"], r"多出一个 \}\}"),
    (["{%p if 抄送 %}抄送：{{ 抄送 }}{%p endif %}"], r"\{%p if 抄送 %\} 所在的段落里还有别的内容"),
]


@pytest.mark.parametrize("paragraphs,message", BROKEN, ids=[b[1][:16] for b in BROKEN])
def test_broken_template_names_the_file_and_the_placeholder(tmp_path, paragraphs, message):
    tpl = tmp_path / "tpl"
    path = make_template(tpl, paragraphs)
    with pytest.raises(TemplateError) as info:
        check_briefing_template(tpl)
    text = str(info.value)
    assert text.startswith(f"{path}："), text
    assert re.search(message, text), text
    assert info.value.path == path


def test_body_block_needs_the_briefing_styles(tmp_path):
    path = make_template(tmp_path / "tpl", ["{{p 正文 }}"])
    with pytest.raises(TemplateError, match="没有段落样式“简报正文”") as info:
        check_briefing_template(tmp_path / "tpl")
    assert str(info.value).startswith(str(path))


def test_not_a_word_file(tmp_path):
    write(tmp_path / "briefing.docx", "这不是 Word 文件")
    with pytest.raises(TemplateError, match=re.escape("不是有效的 Word（.docx）文件")):
        check_briefing_template(tmp_path)


@pytest.mark.parametrize(
    "toml,message",
    [
        ('"刊号" = "工作简报"\n', "不认识的设置 刊号"),
        ('"刊头" = 3\n', "设置“刊头”应为带引号的文字"),
        ('刊头 = "工作简报"\n', "TOML 格式错误"),
    ],
)
def test_broken_settings(tmp_path, toml, message):
    write(tmp_path / "briefing.toml", toml)
    with pytest.raises(TemplateError, match=message) as info:
        check_briefing_template(tmp_path)
    assert str(info.value).startswith(str(tmp_path / "briefing.toml"))


def test_broken_template_stops_the_run_before_any_report_is_read(tmp_path, monkeypatch):
    from reporter.jobs import pipeline

    make_template(tmp_path / "tpl", ["第{{ 期号码 }}期"])

    def never(*args, **kwargs):
        raise AssertionError("reports were read before the template was checked")

    monkeypatch.setattr(pipeline, "_plan", never)
    with pytest.raises(TemplateError, match="期号码"):
        pipeline.run([SEEDS], tmp_path / "out", options=pipeline.Options(templates=tmp_path / "tpl"))
    assert not (tmp_path / "out" / "台账.xlsx").exists()


def test_cli_brief_with_a_broken_template(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from reporter.cli import app
    from reporter.jobs import pipeline

    make_template(tmp_path / "tpl", ["{{ 报告数 }}", "{{ 刊头 }"])
    monkeypatch.setattr(
        pipeline, "extract_paths", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read"))
    )
    result = CliRunner().invoke(
        app, ["brief", str(SEEDS), "-o", str(tmp_path / "b.docx"), "-t", str(tmp_path / "tpl")]
    )
    assert result.exit_code == 1
    assert "briefing.docx：占位符没有写完：“{{ 刊头 }”" in result.stderr
    assert not (tmp_path / "b.docx").exists()


def test_cli_brief_issue_no_and_evidence(tmp_path):
    from typer.testing import CliRunner

    from reporter.cli import app

    out = tmp_path / "b" / "简报.docx"
    result = CliRunner().invoke(
        app, ["brief", str(SEEDS / "seed.txt"), "-o", str(out), "--issue-no", "5", "--evidence"]
    )
    assert result.exit_code == 0, result.output
    assert f"年第5期，存档：{out.parent / '简报存档'}" in result.stderr
    dump = dump_docx(out)
    assert "第5期" in [t for _, t in dump["paragraphs"]] and dump["comments"]
    again = CliRunner().invoke(app, ["brief", str(SEEDS / "seed.txt"), "-o", str(out)])
    assert again.exit_code == 0 and "都已编入以前各期简报" in again.stderr  # one report, one issue
    other = CliRunner().invoke(app, ["brief", str(SEEDS / "work-update.txt"), "-o", str(out)])
    assert "年第6期" in other.stderr
    bad = CliRunner().invoke(app, ["brief", str(SEEDS / "seed.txt"), "-o", str(out), "--issue-no", "0"])
    assert bad.exit_code == 2


def test_templates_init_copies_an_editable_briefing(tmp_path, schema):
    written = {p.name for p in init_templates(tmp_path)}
    assert {"briefing.docx", "briefing.toml"} <= written
    toml = (tmp_path / "briefing.toml").read_text(encoding="utf-8")
    (tmp_path / "briefing.toml").write_text(
        toml.replace('"刊头" = "工作简报"', '"刊头" = "青山县工作简报"').replace(
            '"送" = ""', '"送" = "县委办公室"'
        ),
        encoding="utf-8",
    )
    out = write_briefing(
        seed_like_records(), schema, tmp_path / "out" / "简报.docx", templates=tmp_path, today=DAY
    ).path
    dump = dump_docx(out)
    assert dump["paragraphs"][0][1] == "青山县工作简报" and ["版记", "送：县委办公室"] in dump["colophon"]


def test_user_doc_documents_every_placeholder_and_setting():
    from reporter.writers.briefing.settings import KEYS

    section = (ROOT / "docs" / "简报.md").read_text(encoding="utf-8")
    for name in PLACEHOLDERS:
        assert f"`{name}`" in section or f"{{{{ {name} }}}}" in section or f"{{{{p {name} }}}}" in section, (
            f"docs/简报.md lacks {name}"
        )
    for key in KEYS:
        assert f'"{key}"' in section, f"docs/简报.md lacks the setting {key}"
    for words in ("reporter templates init", "--templates", "--issue-no", "--reissue", "--refresh"):
        assert words in section, words


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed",
)
def test_libreoffice_renders_a_briefing(tmp_path, schema):
    """The default briefing opens in LibreOffice: masthead, sections, table, page numbers odd right / even left."""
    out = write_briefing(seed_like_records(), schema, tmp_path / "brief.docx", today=DAY).path
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        timeout=180,
        check=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    pdf = tmp_path / "brief.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 1
    first = pages[0]
    for text in ("工作简报", "第1期", "一、赤峰市公安局", "（一）赤峰市公安局组织召开"):
        assert text in first, text
    # the 版记 sits at the foot of the last page, below the body's last line
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(len(pages)), "-l", str(len(pages)), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', bbox)[1])
    words = [(float(m[1]), m[2]) for m in re.finditer(r'yMax="([\d.]+)">([^<]*)</word>', bbox)]
    (printed,) = [y for y, w in words if w.endswith("印发")]
    body_end = max(y for y, w in words if y < printed - 30)  # the body's last line
    assert printed > height * 0.75 and printed - body_end > height * 0.2, (printed, body_end, height)
    for n, page in enumerate(pages, 1):
        number = [line for line in page.splitlines() if line.strip()][-1]
        assert number.replace(" ", "") == f"—{n}—", number
        indent = len(number) - len(number.lstrip())
        assert indent > 30 if n % 2 else indent < 10, (n, number)


def test_user_template_values_are_escaped(tmp_path, schema):
    from reporter.model import Evidence, Found, Record, Span

    tpl = tmp_path / "tpl"
    make_template(tpl, ["{%p for 报告 in 报告列表 %}", "{{ 报告.标题 }}", "{%p endfor %}"])
    title = 'A&B <公司> "报告"\x0b'
    rec = Record(
        path=Path("x.txt"),
        sha256="f" * 64,
        chars=10,
        fields={"title": (Found(title, Evidence(Span(0, 1), title, 0), "t"),)},
    )
    out = write_briefing([rec], schema, tmp_path / "b.docx", templates=tpl, today=DAY).path
    assert [t for _, t in dump_docx(out)["paragraphs"]] == ['A&B <公司> "报告"']


def test_cli_run_issue_no_and_evidence(tmp_path):
    from typer.testing import CliRunner

    from reporter.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS / "seed.txt"), "-o", str(out), "--issue-no", "3", "--evidence", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert f"已写入：{out / '简报.docx'}" in result.stderr
    archived = [p.name for p in (out / "简报存档").iterdir() if not p.name.startswith(".")]
    assert len(archived) == 1 and archived[0].endswith("年第3期.docx")
    dump = dump_docx(out / "简报.docx")
    assert "第3期" in [t for _, t in dump["paragraphs"]] and dump["comments"]
