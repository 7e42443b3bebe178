"""A run over a folder starts the worker fork server before it checks its templates and plans, so the
server loads the dictionaries on the other core meanwhile; when nothing is left for the pool after the
plan (every report done before), the server is stopped again instead of holding its memory."""

from __future__ import annotations

import sys

import pytest

from reporter.jobs import workers
from reporter.jobs.pipeline import Options, run
from tests.conftest import write
from tests.support.forkserver import alive, server_pid

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the fork server is used on Linux"
)


def test_start_early_starts_the_fork_server():
    workers.release_fork_server()
    assert server_pid() is None
    assert workers.start_early()
    pid = server_pid()
    assert pid is not None and alive(pid)
    workers.release_fork_server()


def test_start_early_leaves_a_running_server_alone():
    workers.release_fork_server()
    assert workers.start_early()
    pid = server_pid()
    assert not workers.start_early()  # running already: not this call's to stop
    assert server_pid() == pid
    workers.stop_early()
    assert server_pid() is None and not alive(pid)


def test_a_folder_with_nothing_new_stops_the_server_it_started(tmp_path, seeds_dir):
    text = (seeds_dir / "seed.txt").read_text(encoding="utf-8")
    folder = tmp_path / "报告"
    for i in range(2):
        write(folder / f"{i}.txt", text.replace("2019", str(2000 + i)))
    first = run([folder], tmp_path / "输出", options=Options(jobs=1))
    assert len(first.records) == 2 and first.ok
    assert server_pid() is not None  # a small batch keeps its server (test_workers_release.py)
    workers.release_fork_server()
    again = run([folder], tmp_path / "输出", options=Options(jobs=1))
    assert not again.records and len(again.skipped) == 2
    assert server_pid() is None  # started early for nothing: stopped again


def test_a_pool_left_open_keeps_its_server(tmp_path, seeds_dir):
    """Another pool's workers still depend on the server: a run with nothing new must not stop it (it
    would wait for those workers for ever)."""
    from reporter.schema import load_schema

    text = (seeds_dir / "seed.txt").read_text(encoding="utf-8")
    folder = tmp_path / "报告"
    for i in range(2):
        write(folder / f"{i}.txt", text.replace("2019", str(2000 + i)))
    run([folder], tmp_path / "输出", options=Options(jobs=1))
    with workers.WorkerPool(load_schema(), Options(jobs=1)) as pool:
        pool.map([folder / "0.txt"])
        again = run([folder], tmp_path / "输出", options=Options(jobs=1))
        assert len(again.skipped) == 2 and server_pid() is not None


def test_a_few_files_named_one_by_one_start_no_server(tmp_path, seeds_dir, monkeypatch):
    started = []
    monkeypatch.setattr(workers, "start_early", lambda: started.append(1) or True)
    path = write(tmp_path / "一份.txt", (seeds_dir / "seed.txt").read_text(encoding="utf-8"))
    result = run([path], tmp_path / "输出", options=Options(jobs=1))
    assert len(result.records) == 1 and started == []
