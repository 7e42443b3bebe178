"""Every file runs under a time and memory guard in a worker process: one file cannot stop the batch.

The misbehaving files are real: readers registered (in the workers only, through the pool's setup hook)
for test suffixes that hang, eat memory until the limit stops them, or kill their process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from reporter.jobs.pipeline import LEDGER_NAME, Options, run
from reporter.jobs.workers import WorkerPool, limit_memory
from reporter.model import Failure, Record
from tests.conftest import write

pytestmark = pytest.mark.slow  # worker processes killed by their time and memory guards


class HangReader:
    name = "test-hang"
    suffixes = (".hang",)

    def read(self, path, data):
        time.sleep(3600)


class BoomReader:
    name = "test-boom"
    suffixes = (".boom",)

    def read(self, path, data):
        hoard = []
        while True:  # 32 MB at a time, touched, until the limit
            hoard.append(bytearray(32 * 1024 * 1024))


class CrashReader:
    name = "test-crash"
    suffixes = (".crash",)

    def read(self, path, data):
        os._exit(3)


class BugReader:
    name = "test-bug"
    suffixes = (".bug",)

    def read(self, path, data):
        return {}["no such key"]


def register_test_readers() -> None:
    """Runs in each worker (WorkerPool setup hook) after loading."""
    from reporter.readers import register_reader

    for reader in (HangReader(), BoomReader(), CrashReader(), BugReader()):
        register_reader(reader)


@pytest.fixture
def folder(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "in"
    write(folder / "a.txt", (seeds_dir / "seed.txt").read_bytes())
    write(folder / "b.txt", (seeds_dir / "work-update.txt").read_bytes())
    return folder


def test_a_hanging_file_times_out_and_the_batch_goes_on(folder, tmp_path, schema):
    hang = write(folder / "卡住.hang", "x")
    files = [folder / "a.txt", hang, folder / "b.txt"]
    options = Options(jobs=1, timeout=1.0)
    with WorkerPool(schema, options, setup=register_test_readers) as pool:
        result = run(files, tmp_path / "out", schema=schema, options=options, pool=pool)
        assert pool.started == 2  # the killed worker was replaced
    assert [r.path.name for r in result.records] == ["a.txt", "b.txt"]
    (failure,) = result.failures
    assert failure.path == hang and failure.reason == "处理超时（1 秒）"
    assert failure.message.startswith(str(hang))
    assert (tmp_path / "out" / LEDGER_NAME).is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_eats_memory_is_stopped_by_the_limit(folder, tmp_path, schema, jobs):
    boom = write(folder / "炸.boom", "x")
    files = [boom, folder / "a.txt", folder / "b.txt"]
    options = Options(jobs=jobs, memory_mb=200, timeout=60)
    with WorkerPool(schema, options, setup=register_test_readers) as pool:
        result = run(files, tmp_path / "out", schema=schema, options=options, pool=pool)
        if jobs == 1:
            assert pool.started == 2  # the worker after MemoryError was replaced
    assert [(f.path, f.reason) for f in result.failures] == [(boom, "内存超限（超过 200 MB）")]
    assert [r.path.name for r in result.records] == ["a.txt", "b.txt"]


def test_a_worker_that_dies_fails_only_its_file(folder, tmp_path, schema):
    crash = write(folder / "崩.crash", "x")
    bug = write(folder / "错.bug", "x")
    files = [crash, folder / "a.txt", bug, folder / "b.txt"]
    options = Options(jobs=2)
    with WorkerPool(schema, options, setup=register_test_readers) as pool:
        result = run(files, tmp_path / "out", schema=schema, options=options, pool=pool)
    assert [r.path.name for r in result.records] == ["a.txt", "b.txt"]
    reasons = {f.path.name: f.reason for f in result.failures}
    assert reasons["崩.crash"] == "处理进程意外退出（退出码 3）"
    assert reasons["错.bug"] == "处理时出现程序错误（KeyError）"
    log = (tmp_path / "out" / "reporter.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError" in log  # the bug's traceback is kept for the maintainers


def test_results_come_back_in_input_order_whatever_finishes_first(folder, schema):
    slow = write(folder / "慢.hang", "x")
    files = [slow, folder / "a.txt", folder / "b.txt"]
    options = Options(jobs=2, timeout=1.0)
    seen = []
    with WorkerPool(schema, options, setup=register_test_readers) as pool:
        items = pool.map(files, lambda i, item: seen.append(i))
    assert seen[-1] == 0  # the hanging file finished last…
    assert [item.path for item in items] == files  # …and still comes first
    assert isinstance(items[0], Failure) and all(isinstance(i, Record) for i in items[1:])


def test_limit_memory_in_a_child_process():
    """The limit itself: an allocation beyond it raises MemoryError (Linux); elsewhere it reports False."""
    import subprocess

    code = (
        "import sys; from reporter.jobs.workers import limit_memory\n"
        "ok = limit_memory(100)\n"
        "try:\n    b = bytearray(400 * 1024 * 1024)\n    print('allocated', ok)\n"
        "except MemoryError:\n    print('MemoryError', ok)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    if sys.platform.startswith("linux"):
        assert out.stdout.strip() == "MemoryError True"
    assert limit_memory(None) is False and limit_memory(0) is False
