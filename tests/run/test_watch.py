"""reporter watch: the drop folder. Settle times are short here (0.2–1 s) to keep the tests fast."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.jobs.pipeline import LEDGER_NAME, Options, process
from reporter.jobs.watch import FAILED_DIR, NOTE_SUFFIX, WatchBatch, Watcher, WatchSettings
from reporter.jobs.workers import WorkerPool
from tests.conftest import DATA, write

pytestmark = pytest.mark.slow  # watch waits for files to settle: seconds per test

runner = CliRunner()


@pytest.fixture(scope="module")
def pool(schema):
    with WorkerPool(schema, Options(jobs=2)) as shared:
        yield shared


class Running:
    """A Watcher in a background thread; batches arrive in a list."""

    def __init__(self, inbox: Path, outdir: Path, schema, pool, **settings):
        self.batches: list[WatchBatch] = []
        self.arrived = threading.Event()
        self.watcher = Watcher(
            inbox,
            outdir,
            schema=schema,
            pool=pool,
            settings=WatchSettings(**settings),
            on_batch=self._on_batch,
        )
        self.thread = threading.Thread(target=self.watcher.run, daemon=True)

    def _on_batch(self, batch: WatchBatch) -> None:
        self.batches.append(batch)
        self.arrived.set()

    def __enter__(self) -> Running:
        self.thread.start()
        time.sleep(0.3)  # let the observer start
        return self

    def __exit__(self, *exc) -> None:
        self.watcher.stop.set()
        self.thread.join(30)
        assert not self.thread.is_alive()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[WatchBatch]:
        end = time.monotonic() + timeout
        while len(self.batches) < count and time.monotonic() < end:
            self.arrived.wait(0.1)
            self.arrived.clear()
        assert len(self.batches) >= count, f"only {len(self.batches)} batches after {timeout} s"
        return self.batches


def processed(batches: list[WatchBatch]) -> list[str]:
    return [r.path.name for b in batches if b.result for r in b.result.records]


def test_a_file_written_slowly_is_processed_once_and_complete(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    inbox.mkdir()
    data = (seeds_dir / "seed.txt").read_bytes()
    half = data.index(b"\n", len(data) // 2) + 1
    with Running(inbox, out, schema, pool, settle=1.0) as running:
        target = inbox / "慢慢 拷贝.txt"
        with open(target, "wb") as fh:
            fh.write(data[:half])
            fh.flush()
            time.sleep(0.4)  # the copy pauses mid-file, shorter than settle
            fh.write(data[half:])
        batches = running.wait_for(1)
        time.sleep(1.5)  # nothing more comes
    assert processed(batches) == ["慢慢 拷贝.txt"] and len(batches) == 1
    (record,) = batches[0].result.records
    assert record.chars == process(target, schema).chars  # the whole file, not the first half
    assert (out / LEDGER_NAME).is_file() and (out / "简报.docx").is_file()


def test_files_arriving_later_update_the_outputs_batch_by_batch(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "已有.txt", (seeds_dir / "seed.txt").read_bytes())
    with Running(inbox, out, schema, pool, settle=0.3) as running:
        running.wait_for(1)
        first = (out / LEDGER_NAME).stat().st_mtime_ns
        write(inbox / "子文件夹" / "新来.docx", (DATA / "seed.docx").read_bytes())
        running.wait_for(2)
    assert processed(running.batches) == ["已有.txt", "新来.docx"]
    assert (out / LEDGER_NAME).stat().st_mtime_ns != first


def test_polling_mode_for_network_shares(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    with Running(inbox, out, schema, pool, settle=0.3, poll=True) as running:
        write(inbox / "共享.txt", (seeds_dir / "work-update.txt").read_bytes())
        running.wait_for(1)
    assert processed(running.batches) == ["共享.txt"]


LOCK_AND_TEMP_FILES = [
    "~$通报.docx",
    ".~通报.docx",
    "~WRL0001.tmp",
    "下载中.docx.crdownload",
    "拷贝中.txt.part",
    "保存中.tmp",
    ".~lock.通报.docx#",
    "Thumbs.db",
]


def test_lock_and_temporary_files_are_ignored(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    for name in LOCK_AND_TEMP_FILES:
        write(inbox / name, b"\x00\x01 not a report")
    write(inbox / "通报.docx", (DATA / "seed.docx").read_bytes())
    watcher = Watcher(inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True))
    assert not any(watcher.wanted(inbox / name) for name in LOCK_AND_TEMP_FILES)
    batches = watcher.run()
    assert processed(batches) == ["通报.docx"]
    assert not batches[0].result.failures and not (inbox / FAILED_DIR).exists()
    assert all((inbox / name).exists() for name in LOCK_AND_TEMP_FILES)


def test_a_failing_file_is_moved_to_the_failure_folder_with_a_note(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "好.txt", (seeds_dir / "seed.txt").read_bytes())
    write(inbox / "坏 文件.docx", "这不是 Word 文件")
    write(inbox / FAILED_DIR / "坏 文件.docx", "an earlier failure with the same name")
    batches = Watcher(
        inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True)
    ).run()
    assert processed(batches) == ["好.txt"]
    ((source, moved),) = batches[0].moved
    assert source == inbox / "坏 文件.docx" and not source.exists()
    assert (
        moved == inbox / FAILED_DIR / "坏 文件 (2).docx"
        and moved.read_text(encoding="utf-8") == "这不是 Word 文件"
    )
    note = moved.with_name(moved.name + NOTE_SUFFIX)
    text = note.read_text(encoding="utf-8-sig")
    assert note.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 that Notepad recognises
    (failure,) = batches[0].result.failures
    assert f"原因：{failure.reason}" in text and "坏 文件.docx" in text and "怎么办" in text
    assert (inbox / "好.txt").exists()  # processed files stay where they are
    # the next pass does not look into 失败/ and finds nothing new
    again = Watcher(inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True)).run()
    assert again == []


def test_keep_leaves_a_failing_file_in_place(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "坏.docx", "这不是 Word 文件")
    batches = Watcher(
        inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True, keep=True)
    ).run()
    assert [f.path.name for f in batches[0].result.failures] == ["坏.docx"] and batches[0].moved == []
    assert (inbox / "坏.docx").exists() and not (inbox / FAILED_DIR).exists()


def test_once_waits_for_a_file_that_is_still_changing(tmp_path, seeds_dir, schema, pool):
    inbox, out = tmp_path / "in", tmp_path / "out"
    data = (seeds_dir / "seed.txt").read_bytes()
    target = write(inbox / "正在写.txt", data[:100])

    def finish() -> None:
        time.sleep(0.3)
        with open(target, "ab") as fh:
            fh.write(data[100:])

    writer = threading.Thread(target=finish)
    writer.start()
    batches = Watcher(
        inbox, out, schema=schema, pool=pool, settings=WatchSettings(settle=0.8, once=True)
    ).run()
    writer.join()
    (record,) = batches[0].result.records
    assert record.chars == process(target, schema).chars


# ------------------------------------------------------------------------------------------- CLI
def test_watch_once_from_the_command_line(tmp_path, seeds_dir):
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    write(inbox / "坏.docx", "这不是 Word 文件")
    write(inbox / "~$一.docx", b"lock")
    result = runner.invoke(
        app, ["watch", str(inbox), "-o", str(out), "--once", "--settle", "0.2", "--json", "--jobs", "1"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [Path(p).name for p in data["processed"]] == ["一.txt"]
    assert [Path(f["file"]).name for f in data["failed"]] == ["坏.docx"]
    assert "失败：" in result.stderr and str(inbox / FAILED_DIR) in result.stderr
    assert f"另存为 .docx（文件已移到 {inbox / FAILED_DIR / '坏.docx'}，旁边有说明）" in result.stderr
    assert (inbox / FAILED_DIR / "坏.docx").exists() and (out / LEDGER_NAME).is_file()

    again = runner.invoke(app, ["watch", str(inbox), "-o", str(out), "--once", "--settle", "0.2"])
    assert again.exit_code == 0 and "没有需要处理的新报告" in again.stderr
    assert runner.invoke(app, ["watch", str(tmp_path / "没有"), "--once"]).exit_code == 2


def test_watch_once_on_an_inbox_without_reports_says_so_and_writes_nothing(tmp_path):
    inbox, out = tmp_path / "收件 箱", tmp_path / "输出"
    write(inbox / "统计表.xlsx", b"PK not really a workbook")
    write(inbox / "子" / "材料.zip", b"PK")
    result = runner.invoke(app, ["watch", str(inbox), "-o", str(out), "--once", "--settle", "0.1"])
    assert result.exit_code == 0, result.stderr  # an inbox with nothing new is the normal case for a timer
    assert f"{inbox} 中没有需要处理的新报告（支持 .txt、.docx" in result.stderr
    assert "Excel 表格 1 个" in result.stderr and "压缩包 1 个（请先解压）" in result.stderr
    assert "没有写出台账和简报" in result.stderr
    assert not out.exists()  # not even an output folder holding only reporter.log

    as_json = runner.invoke(app, ["watch", str(inbox), "-o", str(out), "--once", "--settle", "0.1", "--json"])
    data = json.loads(as_json.stdout)
    assert as_json.exit_code == 0 and data["exit_code"] == 0 and data["processed"] == []
    assert sorted(Path(i["file"]).name for i in data["ignored"]) == ["材料.zip", "统计表.xlsx"]
    assert not out.exists()

    quiet = runner.invoke(app, ["watch", str(inbox), "-o", str(out), "--once", "--settle", "0.1", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and not out.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX-only here")
def test_watch_on_an_inbox_without_reports_waits_for_them(tmp_path, seeds_dir):
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    write(inbox / "统计表.xlsx", b"PK not really a workbook")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [
        sys.executable,
        "-m",
        "reporter",
        "watch",
        str(inbox),
        "-o",
        str(out),
        "--settle",
        "0.2",
        "--jobs",
        "1",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    try:
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if "等待报告放进来" in line:
                assert "Excel 表格 1 个" in line
                write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())  # a report arrives later
            if "已处理" in line:
                break
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert any("已处理 1 份" in line for line in lines), "".join(lines)
    assert proc.returncode == 0, "".join(lines) + rest
    assert (out / LEDGER_NAME).is_file()


def _watch_until(inbox, out, marker: str, sig: int, *extra: str) -> tuple[list[str], str, int]:
    """`reporter watch` in a process of its own until a stderr line holds `marker`, then stopped with `sig`:
    the lines up to the marker, the rest of stderr, the exit code."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "reporter", "watch", str(inbox), "-o", str(out), "--settle", "0.2", *extra]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    try:
        lines = []
        for line in proc.stderr:  # wait until the batch is reported
            lines.append(line)
            if marker in line:
                break
        proc.send_signal(sig)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return lines, rest, proc.returncode


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX-only here")
def test_ctrl_c_stops_cleanly(tmp_path, seeds_dir):
    inbox = tmp_path / "in"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    lines, rest, code = _watch_until(inbox, tmp_path / "out", "已处理", signal.SIGINT, "--jobs", "1")
    assert code == 0, "".join(lines) + rest
    assert "已停止监视" in rest
    log = (tmp_path / "out" / "reporter.log").read_text(encoding="utf-8")
    assert "开始监视" in log and "停止监视" in log


def test_outputs_written_into_the_inbox_itself_are_not_taken_as_reports(tmp_path, seeds_dir, schema, pool):
    inbox = tmp_path / "in"
    write(inbox / "一.txt", (seeds_dir / "seed.txt").read_bytes())
    first = Watcher(
        inbox, inbox, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True)
    ).run()
    assert processed(first) == ["一.txt"] and (inbox / LEDGER_NAME).is_file()
    again = Watcher(
        inbox, inbox, schema=schema, pool=pool, settings=WatchSettings(settle=0.2, once=True)
    ).run()
    assert again == []


# ------------------------------------------------------------------------------------------ issue 19
def long_report(i: int) -> str:
    return (
        f"县第{i}次安全生产工作推进会召开\n"
        f"2026年3月{i}日，县应急管理局召开第{i}次安全生产工作推进会。"
        f"会议通报，今年以来全县排查隐患{100 + i}处，整改{90 + i}处。\n"
        f"会议要求，各单位要加强值班值守，确保全年新增就业岗位{1500 + i}个，完成投资3.{i}亿元。\n"
    )


def ledger_rows(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    from reporter.writers.ledger.config import SHA_HEADER, SIGNATURE_MARK

    ws = load_workbook(path)["台账"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if SHA_HEADER in row)
    names = list(rows[header])
    sha = names.index(SHA_HEADER)
    return [
        dict(zip(names, row, strict=False))
        for row in rows[header + 1 :]
        if row[sha] and row[sha] != SIGNATURE_MARK  # the signature block below the rows is no report
    ]


def test_a_copy_that_pauses_longer_than_settle_replaces_its_row(tmp_path, schema, pool):
    """The copy stops longer than --settle: the first half is filed, then the whole file replaces that
    row (not a second row, not a 疑似重复), the log says so and the briefing does not repeat it."""
    from reporter.jobs.state import sha256_file

    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    data = long_report(5).encode("utf-8")
    cut = data.index("会议要求".encode())
    with Running(inbox, out, schema, pool, settle=0.3) as running:
        target = inbox / "慢拷贝.txt"
        with open(target, "wb") as fh:
            fh.write(data[:cut])
            fh.flush()
            running.wait_for(1)  # the pause was longer than settle: the first part was processed
            fh.write(data[cut:])
        running.wait_for(2)
    assert processed(running.batches) == ["慢拷贝.txt", "慢拷贝.txt"]
    rows = ledger_rows(out / LEDGER_NAME)
    assert len(rows) == 1 and rows[0]["SHA-256（程序用）"] == sha256_file(target)
    assert "完成投资" in str(rows[0]["工作数据"])  # the values of the whole file
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert "处理后文件又变大了" in log
    assert len(list((out / "简报存档").glob("*.docx"))) == 1  # published once
    assert not running.batches[1].result.failures and running.batches[1].result.replaced == [target]


def test_a_report_corrected_in_place_updates_its_row_and_keeps_a_persons_edit(tmp_path):
    from openpyxl import load_workbook

    from reporter.jobs.pipeline import run

    inbox, out = tmp_path / "in", tmp_path / "out"
    report = write(inbox / "周报.txt", long_report(6))
    write(inbox / "其他.txt", long_report(9))
    run([inbox], out, options=Options(jobs=1))
    wb = load_workbook(out / LEDGER_NAME)
    ws = wb["台账"]
    headers = {c.value: c.column for c in ws[3]}
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, headers["文件"]).value == "周报.txt")
    ws.cell(row, headers["主办单位"]).value = "人工填写的单位"
    wb.save(out / LEDGER_NAME)

    report.write_text(long_report(6).replace("排查隐患106处", "排查隐患116处"), encoding="utf-8")
    result = run([inbox], out, options=Options(jobs=1))
    rows = ledger_rows(out / LEDGER_NAME)
    assert len(rows) == 2  # replaced, not added
    mine = next(r for r in rows if r["文件"] == "周报.txt")
    assert "116" in str(mine["工作数据"]) and mine["主办单位"] == "人工填写的单位"
    assert "处理后在原处被修改了" in (out / "reporter.log").read_text(encoding="utf-8")
    assert result.outputs == [out / LEDGER_NAME]  # no new briefing issue for it
    assert result.replaced == [report]

    from typer.testing import CliRunner

    report.write_text(long_report(6).replace("整改96处", "整改99处"), encoding="utf-8")
    again = CliRunner().invoke(app, ["run", str(inbox), "-o", str(out), "--jobs", "1", "--json"])
    assert json.loads(again.stdout)["replaced"] == [str(report)] and len(ledger_rows(out / LEDGER_NAME)) == 2

    # another week's report copied over the same file is a new report: a row of its own
    report.write_text(long_report(13), encoding="utf-8")
    run([inbox], out, options=Options(jobs=1))
    assert len(ledger_rows(out / LEDGER_NAME)) == 3


def test_a_bug_on_one_file_does_not_stop_the_watch(tmp_path, schema, pool, monkeypatch):
    import reporter.jobs.watch as watch_module

    real = watch_module.run

    def buggy(paths, *args, **kwargs):
        if any("坏" in p.name for p in paths):
            raise RuntimeError("a bug")
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(watch_module, "run", buggy)
    inbox, out = tmp_path / "in", tmp_path / "out"
    write(inbox / "坏.txt", long_report(1))
    write(inbox / "好.txt", long_report(2))
    with Running(inbox, out, schema, pool, settle=0.2) as running:
        running.wait_for(2)
    names = processed(running.batches)
    failures = [f for b in running.batches if b.result for f in b.result.failures]
    assert names == ["好.txt"] and [f.path.name for f in failures] == ["坏.txt"]
    assert failures[0].reason == "程序内部错误" and (inbox / FAILED_DIR / "坏.txt").is_file()
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert "程序内部错误" in log and "RuntimeError: a bug" in log


def test_sigterm_exits_0_even_after_a_failed_batch(tmp_path):
    inbox = tmp_path / "in"
    write(inbox / "坏.docx", b"no docx at all")
    lines, rest, code = _watch_until(inbox, tmp_path / "out", "失败 1 份", signal.SIGTERM)
    assert any("失败：" in line for line in lines), "".join(lines)
    assert code == 0, "".join(lines) + rest
