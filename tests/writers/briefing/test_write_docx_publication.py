"""简报 publication: 期号 by period with run and watch, one report one issue (refused copies, --refresh,
--reissue), and exactly-once publication when a run is stopped at any point (crash points and kill -9)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import types
from collections import Counter
from pathlib import Path

import pytest

from reporter.jobs.pipeline import Options
from reporter.jobs.pipeline import run as pipeline_run
from reporter.writers.briefing import issues as issues_mod
from tests.conftest import ROOT, write
from tests.support.dump_docx import dump_docx

DAY = dt.date(2024, 6, 30)
POOL = None  # worker processes shared by the runs of this module


@pytest.fixture(scope="module", autouse=True)
def _pool(schema):
    global POOL
    from reporter.jobs.workers import WorkerPool

    with WorkerPool(schema, Options(jobs=1)) as shared:
        POOL = shared
        yield
    POOL = None


def run(paths, out, *, options):
    return pipeline_run(paths, out, options=options, pool=POOL)


def report_text(i: int) -> str:
    """A small report of its own (distinct title, date and figures)."""
    return (
        f"青山县公安局召开第{i}次治安工作推进会\n\n"
        f"2024年6月{i % 28 + 1}日，青山县公安局在{i}号会议室召开第{i}次治安工作推进会，"
        f"通报第{i}阶段工作情况。\n"
        f"会上通报，全县共破获刑事案件{10 + i}起，抓获犯罪嫌疑人{20 + i}人，排查隐患{30 + i}处。\n"
        f"会议要求，一是要压实第{i}项责任；二是要狠抓第{i}批任务落实。\n"
    )


def make_reports(folder: Path, numbers) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write(folder / f"报告{i:03d}.txt", report_text(i)) for i in numbers]


def opts(**kw) -> Options:
    return Options(jobs=1, **kw)


def headings(outdir: Path) -> Counter:
    """How many times each item heading appears across every archived issue."""
    count: Counter = Counter()
    for path in sorted((outdir / "简报存档").glob("*.docx")):
        if path.name.startswith("."):
            continue
        count.update(t for s, t in dump_docx(path)["paragraphs"] if s == "二级标题")
    return count


def issue_names(outdir: Path) -> list[str]:
    return sorted(p.name for p in (outdir / "简报存档").glob("*.docx") if not p.name.startswith("."))


def templates_with(tmp_path: Path, **settings) -> Path:
    from reporter.templates import init_templates

    folder = tmp_path / "tpl"
    init_templates(folder)
    text = (folder / "briefing.toml").read_text(encoding="utf-8")
    for key, value in settings.items():
        text = text.replace(f'"{key}" = ""', f'"{key}" = "{value}"')
    (folder / "briefing.toml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def today(monkeypatch):
    """Set the day the briefing is written on: today(dt.date(…))."""
    from reporter.writers import briefing as mod

    def set_day(day: dt.date) -> None:
        class Day(dt.date):
            @classmethod
            def today(cls):
                return day

        monkeypatch.setattr(mod, "dt", types.SimpleNamespace(date=Day, datetime=dt.datetime))

    set_day(DAY)
    return set_day


# ------------------------------------------------------------------------------- 期号 by period
def test_run_default_is_one_issue_per_run(tmp_path, today):
    inbox, out = tmp_path / "in", tmp_path / "out"
    first = run(make_reports(inbox, [1]), out, options=opts())
    second = run(make_reports(inbox, [2]), out, options=opts())
    assert first.briefing.issue.label == "2024年第1期" and second.briefing.issue.label == "2024年第2期"
    assert "简报 2024年第2期（新增 1 份）" in second.summary()
    assert issue_names(out) == ["2024年第1期.docx", "2024年第2期.docx"]


def test_a_daily_issue_gathers_the_day_and_the_next_day_starts_the_next(tmp_path, today):
    inbox, out = tmp_path / "in", tmp_path / "out"
    tpl = templates_with(tmp_path, 期号周期="每天")
    first = run(make_reports(inbox, [1]), out, options=opts(templates=tpl))
    second = run(make_reports(inbox, [2, 3]), out, options=opts(templates=tpl))
    assert second.briefing.issue.label == first.briefing.issue.label == "2024年第1期"
    assert second.briefing.rewritten and second.briefing.added == 2 and second.briefing.reports == 3
    assert "简报 2024年第1期（新增 2 份，共 3 份）" in second.summary()
    assert issue_names(out) == ["2024年第1期.docx"]  # the same file written again, no（旧1）
    assert sum(headings(out).values()) == 3
    latest = dump_docx(out / "简报.docx")
    assert sum(1 for s, _ in latest["paragraphs"] if s == "二级标题") == 3
    today(DAY + dt.timedelta(days=1))
    third = run(make_reports(inbox, [4]), out, options=opts(templates=tpl))
    assert third.briefing.issue.label == "2024年第2期" and third.briefing.reports == 1
    assert set(headings(out).values()) == {1}


@pytest.mark.parametrize(
    "period,days,same", [("每周", 3, True), ("每周", 7, False), ("每月", 3, True), ("每月", 7, False)]
)
def test_weekly_and_monthly_periods(tmp_path, today, period, days, same):
    inbox, out = tmp_path / "in", tmp_path / "out"
    tpl = templates_with(tmp_path, 期号周期=period)
    today(dt.date(2024, 6, 24))  # a Monday
    run(make_reports(inbox, [1]), out, options=opts(templates=tpl))
    today(dt.date(2024, 6, 24) + dt.timedelta(days=days))
    later = run(make_reports(inbox, [2]), out, options=opts(templates=tpl))
    assert later.briefing.issue.no == (1 if same else 2)


def test_watch_makes_one_issue_a_day(tmp_path, today, schema):
    from reporter.jobs.watch import Watcher, WatchSettings

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    make_reports(inbox, [1])
    once = WatchSettings(settle=0, once=True)
    Watcher(inbox, out, schema=schema, options=opts(), settings=once, pool=POOL).run()
    make_reports(inbox, [2])
    watcher = Watcher(inbox, out, schema=schema, options=opts(), settings=once, pool=POOL)
    watcher.run()
    (batch,) = [b for b in watcher.batches if b.result is not None]
    assert batch.result.briefing.issue.label == "2024年第1期" and batch.result.briefing.reports == 2
    assert issue_names(out) == ["2024年第1期.docx"]


# ------------------------------------------------------------------------ one report, one issue
def test_refused_copies_never_enter_an_issue(tmp_path, today):
    inbox, out = tmp_path / "in", tmp_path / "out"
    (original,) = make_reports(inbox, [1])
    run([original], out, options=opts())
    copies = tmp_path / "copies"
    copies.mkdir()
    shutil.copy(original, copies / "转发件.txt")  # the same bytes under another name
    write(copies / "转载.txt", report_text(1) + "（来源：青山县公安局）\n")  # a forwarded copy
    result = run(sorted(copies.iterdir()), out, options=opts())
    assert result.briefing is None
    assert [c.path.name for c in result.refused] == ["转载.txt"]
    assert "正文" in result.refused[0].reason and "相同" in result.refused[0].reason
    assert [s.path.name for s in result.skipped] == ["转发件.txt"]  # the same bytes: done already
    assert "1 份转发件或重复件未收入简报" in result.summary()
    assert issue_names(out) == ["2024年第1期.docx"] and set(headings(out).values()) == {1}


def test_refused_copies_in_the_json_summary(tmp_path, today):
    from typer.testing import CliRunner

    from reporter.cli import app

    inbox, out = tmp_path / "in", tmp_path / "out"
    (original,) = make_reports(inbox, [1])
    first = CliRunner().invoke(app, ["run", str(original), "-o", str(out), "--jobs", "1", "--json"])
    data = json.loads(first.stdout)
    assert data["briefing"]["issue"] == "2024年第1期" and data["briefing"]["added"] == 1
    copy = write(tmp_path / "转载.txt", report_text(1) + "（来源：青山县公安局）\n")
    second = CliRunner().invoke(app, ["run", str(copy), "-o", str(out), "--jobs", "1", "--json"])
    data = json.loads(second.stdout)
    assert data["briefing"] is None
    assert [c["file"] for c in data["refused_copies"]] == [str(copy)]
    assert "相同" in data["refused_copies"][0]["reason"]


def test_refresh_does_not_publish_again_and_reissue_does(tmp_path, today):
    inbox, out = tmp_path / "in", tmp_path / "out"
    paths = make_reports(inbox, [1, 2])
    run(paths, out, options=opts())
    refreshed = run(paths, out, options=opts(refresh=True))
    assert refreshed.briefing is None and len(refreshed.records) == 2
    assert issue_names(out) == ["2024年第1期.docx"]
    again = run(paths, out, options=opts(refresh=True, reissue=True))
    assert again.briefing.issue.label == "2024年第2期" and again.briefing.added == 2
    assert set(headings(out).values()) == {2}  # on purpose: in both issues


def test_run_prints_the_issue(tmp_path, today):
    from typer.testing import CliRunner

    from reporter.cli import app

    (report,) = make_reports(tmp_path / "in", [1])
    result = CliRunner().invoke(app, ["run", str(report), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "简报 2024年第1期（新增 1 份）" in result.stderr


def test_a_lost_state_file_publishes_nothing_again(tmp_path, today):
    inbox, out = tmp_path / "in", tmp_path / "out"
    paths = make_reports(inbox, [1, 2])
    run(paths, out, options=opts())
    (out / ".reporter" / "state.json").unlink()
    (out / ".reporter" / "briefing.json").unlink()
    again = run([*paths, *make_reports(inbox, [3])], out, options=opts())
    assert len(again.records) == 1 and len(again.skipped) == 2  # rebuilt from the journal: not re-read
    assert again.briefing.issue.label == "2024年第2期" and again.briefing.added == 1
    assert set(headings(out).values()) == {1}


# ---------------------------------------------------------------------------- exactly once
class Killed(BaseException):
    """Stands for kill -9: nothing after it runs (it passes every `except Exception`)."""


def _stop_at(monkeypatch, step: int) -> list[str]:
    """Make the `step`-th write of the publication raise Killed; returns the steps seen."""
    from reporter.writers import atomic
    from reporter.writers import briefing as mod
    from reporter.writers.briefing.issues import Journal

    seen: list[str] = []

    def counted(name, real):
        def wrapper(*args, **kwargs):
            seen.append(name)
            if len(seen) == step:
                raise Killed(name)
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(Journal, "_append", counted("journal", Journal._append))
    monkeypatch.setattr(mod.os, "replace", counted("rename", os.replace))
    monkeypatch.setattr(mod, "write_atomic", counted("latest", atomic.write_atomic))
    monkeypatch.setattr(issues_mod, "write_atomic", counted("state", atomic.write_atomic))
    return seen


def _check_exactly_once(out: Path, n: int) -> None:
    count = headings(out)
    assert sum(count.values()) == n and set(count.values()) == {1}, count
    names = issue_names(out)
    assert not any("旧" in name for name in names), names
    numbers = sorted(int(name.split("第")[1].split("期")[0]) for name in names)
    assert numbers == list(range(1, len(numbers) + 1)), names  # no number used twice or skipped
    latest = [t for s, t in dump_docx(out / "简报.docx")["paragraphs"] if s == "期号"]
    assert latest == [f"第{numbers[-1]}期"]


@pytest.mark.slow
@pytest.mark.parametrize("period", ["每次运行", "每天"])
def test_a_run_stopped_at_any_write_publishes_each_report_once(tmp_path, today, monkeypatch, period):
    inbox = tmp_path / "in"
    first, second = make_reports(inbox, [1, 2]), make_reports(inbox, [3, 4])
    tpl = templates_with(tmp_path, 期号周期=period)
    step = 1
    while True:
        out = tmp_path / f"out{step}"
        run(first, out, options=opts(templates=tpl))
        seen = _stop_at(monkeypatch, step)
        try:
            run(second, out, options=opts(templates=tpl))
            stopped = False
        except Killed:
            stopped = True
        monkeypatch.undo()
        today(DAY)
        run([*first, *second], out, options=opts(templates=tpl))  # the next run
        _check_exactly_once(out, 4)
        if not stopped:
            break
        step += 1
    assert step > 4 and {"journal", "rename", "latest"} <= set(seen)


KILL_LOOP = """
import sys
from pathlib import Path
from reporter.jobs.pipeline import Options, run
if __name__ == "__main__":
    run([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]), options=Options(jobs=1, wait=60))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_kill_loop_every_report_in_the_archive_exactly_once(tmp_path):
    """kill -9 at random points of runs that each bring new reports; then one run to the end."""
    rng = random.Random(15)
    inbox, out = tmp_path / "in", tmp_path / "out"
    script = write(tmp_path / "job.py", KILL_LOOP)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    numbers = iter(range(1, 100))
    kills = 0
    for _ in range(6):
        batch = make_reports(inbox, [next(numbers) for _ in range(3)])
        proc = subprocess.Popen(
            [sys.executable, str(script), str(out), *map(str, batch)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.5, 3.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes
            kills += 1
        proc.wait()
    final = subprocess.run(
        [sys.executable, str(script), str(out), *map(str, sorted(inbox.iterdir()))],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert final.returncode == 0, final.stderr.decode("utf-8", "replace")[-2000:]
    assert kills >= 1
    _check_exactly_once(out, 18)


def test_the_journal_is_compacted_to_what_later_runs_need(tmp_path):
    from reporter.writers.briefing.issues import ARCHIVE_DIR, IssueEntry, Journal, digest
    from reporter.writers.briefing.item import Item

    def item(n: int) -> Item:
        return Item(sha256=f"{n:064x}", file=f"r{n}.txt", heading=f"报告{n}", lead=f"第{n}份报告。")

    journal = Journal.read(tmp_path)
    (tmp_path / ARCHIVE_DIR).mkdir()
    for k in range(3):  # three issues of four reports
        items = [item(4 * k + i) for i in range(4)]
        journal.add_items(f"run{k}", items)
        journal.verdict(f"run{k}", [i.sha256 for i in items])
        data = f"issue {k}".encode()
        (tmp_path / ARCHIVE_DIR / f"2024年第{k + 1}期.docx").write_bytes(data)
        journal.commit(
            IssueEntry(
                label=f"2024年第{k + 1}期",
                year=2024,
                no=k + 1,
                date="2024-06-30",
                period=f"run:run{k}",
                reports=[i.sha256 for i in items],
                file=f"2024年第{k + 1}期.docx",
                digest=digest(data),
            )
        )
    journal.add_items("run3", [item(20)])
    journal.verdict("run3", [item(20).sha256])  # owed: accepted, in no issue
    journal.add_items("run4", [item(30)])  # uncertain: the run stopped before the ledger's word
    before = Journal.read(tmp_path)
    assert before.compact(minimum=1)
    after = Journal.read(tmp_path)
    assert after.published == before.published and len(after.published) == 12
    assert [i.sha256 for i in after.owed()] == [item(20).sha256]
    assert after.uncertain == {item(30).sha256}
    assert set(after.items) == {item(n).sha256 for n in (8, 9, 10, 11, 20, 30)}  # the last issue's too
    assert after.last.label == "2024年第3期" and after.last_no(2024) == 3
    assert not Journal.read(tmp_path).compact(minimum=1)  # nothing more to drop


def test_a_journal_line_cut_short_is_skipped_and_the_next_is_kept(tmp_path):
    from reporter.writers.briefing.issues import Journal, journal_path
    from reporter.writers.briefing.item import Item

    journal = Journal.read(tmp_path)
    journal.add_items("r1", [Item(sha256="a" * 64, file="a.txt", heading="甲", lead="甲。")])
    with open(journal_path(tmp_path), "ab") as fh:
        fh.write(b'{"kind": "item", "run": "r2", "item": {"sha2')  # a kill in the middle of a line
    journal.add_items("r3", [Item(sha256="c" * 64, file="c.txt", heading="丙", lead="丙。")])
    assert set(Journal.read(tmp_path).items) == {"a" * 64, "c" * 64}


def test_a_full_disk_while_journaling_is_a_chinese_error(tmp_path, monkeypatch):
    import builtins

    from reporter.errors import OutputError
    from reporter.writers.briefing.issues import Journal
    from reporter.writers.briefing.item import Item

    real_open = builtins.open

    def full(path, mode="r", *args, **kwargs):
        if ".发布记录" in str(path) and "a" in mode:
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full)
    with pytest.raises(OutputError, match="写入简报发布记录时磁盘空间不足"):
        Journal.read(tmp_path).add_items(
            "r", [Item(sha256="a" * 64, file="a.txt", heading="甲", lead="甲。")]
        )
