"""The 核对页 (issue 17) without a browser: the record store, the page's data and offsets, escaping, the CSP,
the hooks into run / watch and the `reporter review` command. The browser tests are in
test_write_review_browser.py."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.errors import TemplateError
from reporter.jobs.pipeline import LEDGER_NAME, Options, is_output, run
from reporter.jobs.workers import WorkerPool
from reporter.model import Evidence, Found, Record, Review, Span
from reporter.writers.review import is_review_page, update_review, write_review
from reporter.writers.review.page import (
    PageConfig,
    Utf16,
    json_for_script,
    load_page_config,
    load_template,
    page_data,
    render_page,
    report_payload,
)
from reporter.writers.review.store import Entry, Store, records_dir
from tests.conftest import write
from tests.support.review_docs import (
    ASTRAL,
    HOSTILE,
    HOSTILE_NAME,
    LONG,
    LONG_NAME,
    carried,
    page_json,
    shown_text,
    utf16_slice,
    write_inbox,
)

runner = CliRunner()
PAGE = "核对.html"


@pytest.fixture(scope="module")
def pool(schema):
    with WorkerPool(schema, Options(jobs=2)) as shared:
        yield shared


@pytest.fixture(scope="module")
def ran(tmp_path_factory, seeds_dir, schema, pool):
    """One run over the seeds, the astral report and the hostile one."""
    base = tmp_path_factory.mktemp("review")
    inbox = write_inbox(base / "收件 箱", seeds_dir)
    out = base / "输出 文件夹"
    result = run([inbox], out, schema=schema, pool=pool)
    return inbox, out, result


def by_file(data: dict, name: str) -> dict:
    return next(r for r in data["reports"] if r["file"] == name)


# ------------------------------------------------------------------------------------ the run
def test_a_run_writes_the_page_and_keeps_the_records_of_the_ledger(ran):
    _, out, result = ran
    assert result.ok and result.review == out / PAGE and (out / PAGE).is_file()
    data = page_json(out / PAGE)
    added = {a.path.name: a.seq for a in result.ledger.added}
    # every report the ledger holds, with its 序号, newest first; the likely repeat is not in the ledger
    assert {r["file"]: r["n"] for r in data["reports"]} == added
    assert [r["n"] for r in data["reports"]] == sorted(added.values(), reverse=True)
    assert data["ledger"] == LEDGER_NAME
    store = Store.load(out)
    assert {e.seq for e in store.entries.values()} == set(added.values())
    for entry in store.entries.values():
        assert store.record_path(entry.sha256).is_file()


def test_every_value_points_at_its_own_text_in_utf16_units(ran):
    _, out, result = ran
    data = page_json(out / PAGE)
    records = {r.path.name: r for r in result.records}
    checked = 0
    for report in data["reports"]:
        record = records[report["file"]]
        if not report["cut"]:
            assert utf16_slice(shown_text(report), 0, report["len"]) == record.text
        for key, items in report["f"].items():
            for (_shown, s, e, s0, s1, rule), found in zip(items, record.fields[key], strict=True):
                span = found.evidence.span
                if report["cut"] and carried(report, s, e) is None:
                    continue
                assert carried(report, s, e) == record.text[span.start : span.end]
                assert rule == found.rule
                if s0 >= 0:
                    assert carried(report, s0, s1) == found.evidence.sentence
                checked += 1
    assert checked > 30


def test_a_long_report_is_carried_in_parts_around_its_values(ran):
    _, out, _ = ran
    report = by_file(page_json(out / PAGE), LONG_NAME)
    assert report["cut"] and len(report["t"]) >= 2
    assert report["len"] == len(LONG.rstrip("\n"))  # the reader does not keep the final line break
    (host, s, e, *_rest) = report["f"]["host"][0]
    assert host == "张三" and carried(report, s, e) == "张三" and s > 30_000
    size = len(json.dumps(report, ensure_ascii=False).encode("utf-8"))
    assert size <= 100 * 1024


def test_characters_beyond_the_bmp_move_the_offsets(ran):
    _, out, result = ran
    report = by_file(page_json(out / PAGE), "生僻字与表情.txt")
    (loc, s, e, *_rest) = report["f"]["location"][0]
    cp = ASTRAL.index("县政府三楼会议室")
    assert loc == "县政府三楼会议室" and s == cp + 3  # 𠮷, 😀 and 𠮷 come before it: one unit more each
    assert utf16_slice(shown_text(report), s, e) == loc
    metrics = report["f"]["metrics"]
    assert any("𠀀" in m[0] for m in metrics)
    record = next(r for r in result.records if r.path.name == "生僻字与表情.txt")
    for m, found in zip(metrics, record.fields["metrics"], strict=True):
        span = found.evidence.span
        assert utf16_slice(shown_text(report), m[1], m[2]) == record.text[span.start : span.end]
        assert m[1] > span.start  # moved by the characters beyond the BMP before it


def test_utf16_conversion():
    text = "a𠮷b😀c"
    u = Utf16(text)
    assert [u(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert Utf16("普通文字")(3) == 3


def test_a_hostile_report_is_data_inside_the_page(ran):
    _, out, result = ran
    page = (out / PAGE).read_text(encoding="utf-8")
    rest = page.partition('<script type="application/json" id="review-data">')[2]
    payload = rest.partition("</script>")[0]
    # the document's markup cannot end the data element nor open a comment or a tag in it
    assert "<" not in payload and "\u2028" not in payload
    assert page.count("<script") == 2 and page.count("</script>") == 2 and "<img" not in page
    report = by_file(page_json(out / PAGE), HOSTILE_NAME)
    record = next(r for r in result.records if r.path.name == HOSTILE_NAME)
    assert shown_text(report) == record.text and record.text.startswith(HOSTILE[:40])
    assert "<img src=x onerror=" in shown_text(report) and report["file"] == HOSTILE_NAME


def test_json_for_script_survives_anything():
    data = {"t": "</script><script>alert(1)</script><!-- -->\u2028\u2029</SCRIPT", "n": 1}
    text = json_for_script(data)
    assert "<" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == data


def test_the_csp_forbids_loading_and_allows_only_the_pages_own_script_and_style(ran):
    _, out, _ = ran
    page = (out / PAGE).read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for tag in ("script", "style"):
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL)
        assert len(bodies) == 1
        digest = base64.b64encode(hashlib.sha256(bodies[0].encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    markup = page.split('<script type="application/json"')[0]
    assert "http://" not in markup and "https://" not in markup and "src=" not in markup


def test_source_links_are_percent_encoded_file_urls(ran):
    inbox, out, _ = ran
    report = by_file(page_json(out / PAGE), "生僻字与表情.txt")
    assert report["url"] == (inbox / "生僻字与表情.txt").resolve().as_uri()
    assert report["url"].startswith("file:///") and "%20" in report["url"] and "%E7%94%9F" in report["url"]


def test_a_later_run_keeps_the_earlier_reports_and_skipped_runs_leave_the_page(
    tmp_path, seeds_dir, schema, pool
):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    first = run([inbox], out, schema=schema, pool=pool)
    assert [r["file"] for r in page_json(out / PAGE)["reports"]] == ["一.txt"]
    write(inbox / "二.txt", (seeds_dir / "work-update.txt").read_bytes())
    second = run([inbox], out, schema=schema, pool=pool)
    assert [r.path.name for r in second.records] == ["二.txt"]
    data = page_json(out / PAGE)
    assert [(r["file"], r["n"]) for r in data["reports"]] == [("二.txt", 2), ("一.txt", 1)]
    before = (out / PAGE).stat().st_mtime_ns
    third = run([inbox], out, schema=schema, pool=pool)
    assert not third.records and third.review == out / PAGE
    assert (out / PAGE).stat().st_mtime_ns == before
    (out / PAGE).unlink()  # a page deleted by hand comes back at the next run
    run([inbox], out, schema=schema, pool=pool)
    assert len(page_json(out / PAGE)["reports"]) == 2
    assert first.review and second.review


def test_a_new_ledger_starts_the_store_afresh(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    run([inbox], out, schema=schema, pool=pool)
    (out / LEDGER_NAME).unlink()
    (inbox / "一.txt").unlink()
    write(inbox / "二.txt", (seeds_dir / "work-update.txt").read_bytes())
    run([inbox], out, schema=schema, pool=pool)
    assert [(r["file"], r["n"]) for r in page_json(out / PAGE)["reports"]] == [("二.txt", 1)]
    assert len(list(records_dir(out).glob("*/*.json.gz"))) == 1


def test_refresh_keeps_each_report_once_under_its_row(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    write(inbox / "二.txt", (seeds_dir / "work-update.txt").read_bytes())
    run([inbox], out, schema=schema, pool=pool)
    run([inbox], out, schema=schema, options=Options(refresh=True), pool=pool)
    assert sorted((r["file"], r["n"]) for r in page_json(out / PAGE)["reports"]) == [
        ("一.txt", 1),
        ("二.txt", 2),
    ]


def test_the_page_is_an_output_not_an_input(tmp_path, seeds_dir, schema, pool):
    inbox = tmp_path / "in"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    out = inbox  # the outputs written into the input folder itself
    run([inbox], out, schema=schema, pool=pool)
    assert is_review_page(out / PAGE) and is_output(out / PAGE, out)
    again = run([inbox], out, schema=schema, pool=pool)
    assert not again.records and not again.failures
    other = write(tmp_path / "别的.html", "<html><body>会议</body></html>")
    assert not is_review_page(other)


def test_a_broken_page_template_never_fails_the_run(tmp_path, seeds_dir, schema, pool):
    templates = tmp_path / "tpl"
    write(templates / "review.html", "<html>没有占位符</html>")
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    result = run([inbox], out, schema=schema, pool=pool, options=Options(templates=templates))
    assert result.ok and result.review is None and (out / LEDGER_NAME).is_file()
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert "核对页无法写出" in log and "占位符" in log
    # the records were kept: with the template fixed, the page can be rebuilt
    page = write_review(out, schema)
    assert [r["file"] for r in page_json(page)["reports"]] == ["一.txt"]


def test_the_page_name_and_title_come_from_the_templates(tmp_path, seeds_dir, schema, pool):
    templates = tmp_path / "tpl"
    write(templates / "review.toml", '[page]\nfile = "检查页.html"\ntitle = "<b>办公室</b>核对"\n')
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    result = run([inbox], out, schema=schema, pool=pool, options=Options(templates=templates))
    assert result.review == out / "检查页.html" and not (out / PAGE).exists()
    page = result.review.read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;办公室&lt;/b&gt;核对</title>" in page and "<b>办公室" not in page


def test_a_big_ledger_lists_the_newest_reports_up_to_max_reports(ran, tmp_path, schema):
    _, out, _ = ran
    write(tmp_path / "review.toml", "[page]\nmax_reports = 2\n")
    page = write_review(out, schema, templates=tmp_path)
    data = page_json(page)
    everything = Store.load(out).newest_first()
    assert data["total"] == len(everything) > 2
    assert [r["n"] for r in data["reports"]] == [e.seq for e in everything[:2]]
    write_review(out, schema)  # as it was, for the other tests


def test_watch_writes_the_page_for_each_batch(tmp_path, seeds_dir, schema, pool):
    from reporter.jobs.watch import Watcher, WatchSettings

    inbox, out = tmp_path / "收件箱", tmp_path / "收件箱" / "输出"  # the outputs inside the inbox
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    Watcher(inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.1, once=True)).run()
    assert [r["file"] for r in page_json(out / PAGE)["reports"]] == ["一.txt"]
    write(inbox / "二.txt", (seeds_dir / "work-update.txt").read_bytes())
    batches = Watcher(
        inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.1, once=True)
    ).run()
    assert [r.path.name for b in batches if b.result for r in b.result.records] == ["二.txt"]
    assert [r["file"] for r in page_json(out / PAGE)["reports"]] == ["二.txt", "一.txt"]


@pytest.mark.parametrize(
    "text",
    ['[page]\nfile = "../x.html"\n', '[page]\nfile = "核对.exe"\n', "[page]\nmax_chars = 5\n", "[page\n"],
)
def test_a_wrong_review_toml_is_named(tmp_path, text):
    write(tmp_path / "review.toml", text)
    with pytest.raises(TemplateError, match=r"review\.toml"):
        load_page_config(tmp_path)


# ------------------------------------------------------------------------------------ size
def _long_record(chars: int) -> Record:
    filler = "全县持续开展安全生产大检查，压实各方责任。"
    text = "某县召开安全生产工作会议\n" + filler * (chars // len(filler))
    text += "会议由县委副书记张三主持。" + filler * 50
    pos = text.index("张三")
    s0 = text.index("会议由")
    sentence = text[s0 : text.index("。", s0) + 1]
    fields = {
        "title": (
            Found("某县召开安全生产工作会议", Evidence(Span(0, 12), text[:12], 0), "title.first_line"),
        ),
        "host": (Found("张三", Evidence(Span(pos, pos + 2), sentence, s0), "host.chaired"),),
    }
    return Record(
        path=Path("/tmp/长报告.txt"),
        sha256="a" * 64,
        chars=len(text),
        fields=fields,
        review=(Review("date", "原文没有日期"),),
        text=text,
    )


def test_a_long_report_carries_its_beginning_and_the_text_around_each_value():
    from reporter.writers.review.store import record_data

    record = _long_record(300_000)
    payload = report_payload(Entry("a" * 64, 7, str(record.path), ""), record_data(record), 30_000)
    size = len(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    assert size <= 100 * 1024 and payload["cut"] and payload["len"] == len(record.text)
    (_v, s, e, s0, s1, _rule) = payload["f"]["host"][0]
    part = next(p for p in payload["t"] if p[0] <= s0 and s1 <= p[0] + len(p[1]))
    assert part[1][s - part[0] : e - part[0]] == "张三"
    assert payload["t"][0][0] == 0 and payload["t"][0][1].startswith("某县召开")


def test_a_missing_record_file_is_listed_as_missing(tmp_path, schema):
    store = Store(tmp_path)
    record = _long_record(1000)
    store.put(record, 3)
    store.save()
    store.record_path(record.sha256).unlink()
    page = write_review(tmp_path, schema)
    (report,) = page_json(page)["reports"]
    assert report["missing"] and report["n"] == 3


def test_an_unreadable_index_is_rebuilt(tmp_path, schema):
    records_dir(tmp_path).mkdir(parents=True)
    (records_dir(tmp_path) / "index.json").write_text("{坏", encoding="utf-8")
    store = Store.load(tmp_path)
    assert not store.entries and "无法读取" in store.note
    assert update_review(tmp_path, [], None, schema) == tmp_path / PAGE


def test_the_page_written_as_it_is_made_is_the_page_made_in_one_piece(ran, schema):
    _, out, _ = ran
    store, config = Store.load(out), load_page_config()
    _, template = load_template()

    def data(lazy: bool) -> dict:
        return page_data(
            store.reports(),
            schema,
            config,
            ledger_name=LEDGER_NAME,
            ledger_exists=True,
            total=3,
            now=dt.datetime(2024, 6, 1, 9, 30),
            lazy=lazy,
        )

    whole = data(lazy=False)
    assert isinstance(whole["reports"], list) and len(whole["reports"]) > 2
    written = write_review(out, schema, store=store).read_text(encoding="utf-8")
    made = render_page(template, data(lazy=False) | {"total": len(store.entries)})
    stamp = re.compile(r'"generated":"[^"]*"')
    assert stamp.sub("", written) == stamp.sub("", made)
    assert render_page(template, data(lazy=True)) == render_page(template, whole)


def test_render_page_fills_the_placeholders_once():
    template = (
        '<meta content="{{ csp }}"><title>{{ title }}</title><script>var a=1;</script><x>{{ data }}</x>'
    )
    out = render_page(template, {"title": "核对", "x": "{{ csp }} {{ title }}"})
    assert "{{ csp }} {{ title }}" in out  # a document's text is never taken for a placeholder
    assert "script-src 'sha256-" in out and "<title>核对</title>" in out
    assert PageConfig().file == PAGE


# ------------------------------------------------------------------------------------ the command
def test_review_command_rebuilds_prints_and_opens(ran, monkeypatch):
    _, out, _ = ran
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    (out / PAGE).unlink()
    res = runner.invoke(app, ["review", str(out)])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == str(out / PAGE) and (out / PAGE).is_file()
    assert opened == [(out / PAGE).resolve().as_uri()]
    res = runner.invoke(app, ["review", str(out), "--no-open"])
    assert res.exit_code == 0 and len(opened) == 1


def test_review_command_explains_a_folder_without_a_ledger(tmp_path):
    res = runner.invoke(app, ["review", str(tmp_path / "没有")])
    assert res.exit_code == 1 and "输出文件夹不存在" in res.stderr
    res = runner.invoke(app, ["review", str(tmp_path)])
    assert res.exit_code == 1 and "reporter run" in res.stderr


def test_review_command_says_when_no_browser_opens(ran, monkeypatch):
    _, out, _ = ran
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    res = runner.invoke(app, ["review", str(out)])
    assert res.exit_code == 0 and "无法自动打开浏览器" in res.stderr


def test_run_names_the_page(tmp_path, seeds_dir):
    inbox = write(tmp_path / "in" / "一.txt", (seeds_dir / "seed.txt").read_bytes()).parent
    res = runner.invoke(app, ["run", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert f"核对页：{tmp_path / 'out' / PAGE}" in res.stderr


def test_review_command_names_a_broken_template(ran, tmp_path):
    _, out, _ = ran
    write(tmp_path / "review.html", "<html>{{ data }}</html>")
    res = runner.invoke(app, ["review", str(out), "--no-open", "--templates", str(tmp_path)])
    assert res.exit_code == 1 and "review.html" in res.stderr and "{{ csp }}" in res.stderr
    assert (out / PAGE).is_file()  # the page written before is left as it was


def test_a_duplicate_under_another_name_keeps_the_rows_own_file(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    run([inbox], out, schema=schema, pool=pool)
    write(inbox / "副本" / "一（转发）.txt", (seeds_dir / "seed.txt").read_bytes())
    second = run([inbox], out, schema=schema, pool=pool, options=Options(refresh=True))
    assert {s.kind for s in second.ledger.skipped} >= {"duplicate"}
    assert [(r["file"], r["n"]) for r in page_json(out / PAGE)["reports"]] == [("一.txt", 1)]
