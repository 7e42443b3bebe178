"""After a big batch, run() stops the worker fork server before writing, so that the ≈ 200 MB of
dictionaries it preloaded are not held while the ledger and briefing are written; a later run starts a
new one. A small batch keeps it (the next run then starts at once)."""

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


def reports(folder, seeds_dir, n: int):
    text = (seeds_dir / "seed.txt").read_text(encoding="utf-8")
    for i in range(n):
        write(folder / f"{i}.txt", text.replace("2019", str(2000 + i)))
    return folder


def test_a_big_batch_stops_the_fork_server_and_the_next_run_starts_one(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.setattr(workers, "RELEASE_AFTER", 3)
    first = run([reports(tmp_path / "一批", seeds_dir, 3)], tmp_path / "输出一", options=Options(jobs=1))
    assert len(first.records) == 3 and first.ok
    assert server_pid() is None
    second = run([reports(tmp_path / "二批", seeds_dir, 3)], tmp_path / "输出二", options=Options(jobs=1))
    assert len(second.records) == 3 and second.ok
    assert (tmp_path / "输出二" / "台账.xlsx").is_file() and (tmp_path / "输出二" / "简报.docx").is_file()


def test_a_small_batch_keeps_the_fork_server(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.setattr(workers, "RELEASE_AFTER", 3)
    result = run([reports(tmp_path / "一批", seeds_dir, 2)], tmp_path / "输出", options=Options(jobs=1))
    assert len(result.records) == 2
    pid = server_pid()
    assert pid is not None and alive(pid)
