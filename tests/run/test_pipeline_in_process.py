"""A few files named one by one are extracted in this process; folders and many files go to the pool."""

from __future__ import annotations

import signal
import time

import pytest

from reporter.jobs import workers
from reporter.jobs.pipeline import Options, extract_all, extract_paths, run
from reporter.model import Failure, Record
from reporter.readers import READERS, register_reader
from tests.conftest import write


class _NoPool:
    def __init__(self, *args, **kwargs):
        raise AssertionError("the worker pool was started")


class SlowReader:
    name = "test-slow"
    suffixes = (".slow",)

    def read(self, path, data):
        time.sleep(60)


class BuggyReader:
    name = "test-buggy"
    suffixes = (".buggy",)

    def read(self, path, data):
        return {}["no such key"]


@pytest.fixture
def test_readers():
    saved = dict(READERS)
    register_reader(SlowReader())
    register_reader(BuggyReader())
    yield
    READERS.clear()
    READERS.update(saved)


def test_one_file_is_extracted_without_starting_the_pool(tmp_path, seeds_dir, schema, monkeypatch):
    monkeypatch.setattr(workers, "WorkerPool", _NoPool)
    one = write(tmp_path / "一份.txt", (seeds_dir / "seed.txt").read_bytes())
    (record,) = list(extract_paths([one], schema))
    assert isinstance(record, Record) and record.path == one
    records, failures = extract_all([one, tmp_path / "没有这个文件.txt"], schema)
    assert [r.path for r in records] == [one] and len(failures) == 1


def test_a_folder_goes_to_the_guarded_pool(tmp_path, seeds_dir, schema, monkeypatch):
    monkeypatch.setattr(workers, "WorkerPool", _NoPool)
    folder = tmp_path / "报告"
    write(folder / "a.txt", (seeds_dir / "seed.txt").read_bytes())
    with pytest.raises(AssertionError, match="pool"):
        list(extract_paths([folder], schema))


def test_many_files_go_to_the_guarded_pool(tmp_path, seeds_dir, schema, monkeypatch):
    monkeypatch.setattr(workers, "WorkerPool", _NoPool)
    files = [write(tmp_path / f"{i}.txt", (seeds_dir / "seed.txt").read_bytes()) for i in range(4)]
    with pytest.raises(AssertionError, match="pool"):
        list(extract_paths(files, schema))
    assert len(list(extract_paths(files[: workers.IN_PROCESS_MAX], schema))) == workers.IN_PROCESS_MAX


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the in-process time guard needs a timer signal")
def test_the_time_guard_holds_in_process(tmp_path, seeds_dir, schema, monkeypatch, test_readers):
    monkeypatch.setattr(workers, "WorkerPool", _NoPool)
    slow = write(tmp_path / "卡住.slow", "x")
    good = write(tmp_path / "好的.txt", (seeds_dir / "seed.txt").read_bytes())
    started = time.monotonic()
    items = list(extract_paths([slow, good], schema, Options(timeout=0.5)))
    assert time.monotonic() - started < 30
    assert isinstance(items[0], Failure) and items[0].reason == "处理超时（0.5 秒）"
    assert isinstance(items[1], Record)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_a_bug_in_process_fails_its_file_and_keeps_the_traceback_for_the_log(
    tmp_path, seeds_dir, schema, monkeypatch, test_readers
):
    monkeypatch.setattr(workers, "WorkerPool", _NoPool)
    bug = write(tmp_path / "错.buggy", "x")
    good = write(tmp_path / "好的.txt", (seeds_dir / "seed.txt").read_bytes())
    result = run([bug, good], tmp_path / "输出", schema=schema)
    assert [r.path for r in result.records] == [good]
    assert [f.reason for f in result.failures] == ["处理时出现程序错误（KeyError）"]
    log = (tmp_path / "输出" / "reporter.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError" in log
