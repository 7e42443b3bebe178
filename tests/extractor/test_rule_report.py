"""The rule report (python -m reporter.extractor.report DOCS LABELS) on a tiny folder written for the tests.

tests/rule_report/docs holds two web pages and a newspaper page; their labels agree with the extractor
except web2's date (labelled 06-12 while the page's lead says 6月11日), so date.lead_sentence must show
one right value out of two.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reporter.extractor.report import confirmed, main, render, run, similar, tally
from reporter.model import Evidence, Found, Metric, Person, Record, Span

HERE = Path(__file__).resolve().parents[1] / "rule_report"


def rows(text: str) -> dict[str, list[str]]:
    out = {}
    for line in text.splitlines()[1:]:
        parts = line.split()
        out[parts[0]] = parts[1:]
    return out


def test_report_counts_documents_values_and_precision(capsys):
    assert main([str(HERE / "docs"), str(HERE / "labels")]) == 0
    table = rows(capsys.readouterr().out)
    assert table["title.head_line"][:4] == ["2", "2", "2", "1.000"]
    assert table["date.lead_sentence"][:4] == ["2", "2", "1", "0.500"]
    assert table["source.publication_line"][:4] == ["2", "2", "2", "1.000"]
    # a strategy seen in one document is marked as a smell
    assert table["title.below_kicker"][:5] == ["1", "1", "1", "1.000", "仅1篇"]
    # fields the labels do not hold have no precision
    assert table["keywords.tfidf"][3:5] == ["—", "无标注"]


def test_report_on_a_list_of_files_and_one_field(capsys):
    docs = [str(HERE / "docs" / "web1.txt"), str(HERE / "docs" / "paper.txt")]
    assert main([*docs, str(HERE / "labels"), "--field", "date"]) == 0
    table = rows(capsys.readouterr().out)
    assert set(table) == {"date.lead_sentence", "date.dateline"}
    assert table["date.lead_sentence"][:4] == ["1", "1", "1", "1.000"]


def test_report_says_what_is_wrong_in_chinese(tmp_path, capsys):
    assert main([str(HERE / "docs"), str(tmp_path / "no-labels")]) == 2
    assert "标注文件夹" in capsys.readouterr().err
    bad = tmp_path / "labels"
    bad.mkdir()
    (bad / "web1.json").write_text("{not json", encoding="utf-8")
    assert main([str(HERE / "docs" / "web1.txt"), str(tmp_path / "missing.txt"), str(bad)]) == 0
    captured = capsys.readouterr()
    assert "跳过标注文件" in captured.err and "文件不存在" in captured.err
    assert "无标注" in captured.out  # web1 has no usable label: values counted, no precision


def test_tally_matches_values_like_the_scorer():
    ev = Evidence(Span(0, 1), "x", 0)

    def record(**fields):
        return Record(path=Path("a.txt"), sha256="", chars=1, fields=fields)

    rec = record(
        title=(Found("青山县公安局开展夏季治安巡逻。", ev, "title.head_line"),),
        date=(Found("2024-07-01", ev, "date.lead_sentence"),),
        people=(Found(Person("王明", "县长"), ev, "people.post_and_name"),),
        metrics=(Found(Metric(name="破获案件", value=12, unit="起"), ev, "metrics.name_first"),),
    )
    gold = {
        "title": "青山县公安局开展夏季治安巡逻",
        "date": "2024-07-02",
        "people": [{"name": "王明", "title": "副县长"}],
        "metrics": [{"name": "破获刑事案件", "value": 12, "unit": "起"}],
    }
    table = tally([("a", rec), ("b", rec)], {"a": gold})
    assert len(table["title.head_line"].docs) == 2 and table["title.head_line"].values == 2
    assert table["title.head_line"].labelled == 1 and table["title.head_line"].right == 1
    assert table["date.lead_sentence"].right == 0  # dates match exactly
    assert table["people.post_and_name"].right == 1  # people by name
    assert table["metrics.name_first"].right == 1  # value and unit, then a similar name
    text = render(table)
    assert "title.head_line" in text and "精确率" in text.splitlines()[0]


def test_matchers():
    assert similar("全链条打击 守护群众钱袋子", "全链条打击  守护群众钱袋子")
    assert not similar("县公安局", "县应急管理局")
    assert confirmed("units", "县公安局", ["县公安局", "县交通局"])
    assert not confirmed("source", "江南日报", None)
    assert not confirmed(
        "metrics", Metric(name="x", value=1, unit="起"), [{"name": "x", "value": 1, "unit": "件"}]
    )


def test_run_skips_unreadable_files(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    table = run([empty, HERE / "docs" / "web2.txt"], {})
    assert "跳过" in capsys.readouterr().err
    assert len(table["title.head_line"].docs) == 1


def test_module_runs_as_a_command():
    done = subprocess.run(
        [sys.executable, "-m", "reporter.extractor.report", str(HERE / "docs"), str(HERE / "labels")],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert "title.below_kicker" in done.stdout
