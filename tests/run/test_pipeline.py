"""pipeline.run: re-runs process only new or changed files, the log, --json, exit codes, parallel = serial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import app
from reporter.errors import OutputError
from reporter.jobs import pipeline, state
from reporter.jobs.pipeline import Options, run
from reporter.jobs.workers import WorkerPool
from reporter.writers.jsonl import record_to_dict
from tests.conftest import DATA, write

runner = CliRunner()


@pytest.fixture(scope="module")
def pool(schema):
    with WorkerPool(schema, Options(jobs=2)) as shared:
        yield shared


@pytest.fixture
def inbox(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "报告 文件夹"
    write(folder / "一月.txt", (seeds_dir / "seed.txt").read_bytes())
    write(folder / "二月" / "通报.docx", (DATA / "seed.docx").read_bytes())
    return folder


def names(items) -> list[str]:
    return sorted(Path(getattr(item, "path", item)).name for item in items)


def test_a_rerun_processes_only_new_and_changed_files(inbox, tmp_path, seeds_dir, schema, pool):
    out = tmp_path / "out"
    first = run([inbox], out, schema=schema, pool=pool)
    assert names(first.records) == ["一月.txt", "通报.docx"] and not first.skipped
    assert {p.name for p in first.outputs} == {pipeline.LEDGER_NAME, pipeline.BRIEFING_NAME}

    write(inbox / "三月.txt", (seeds_dir / "work-update.txt").read_bytes())
    second = run([inbox], out, schema=schema, pool=pool)
    assert names(second.records) == ["三月.txt"]
    assert names(second.skipped) == ["一月.txt", "通报.docx"]

    (inbox / "一月.txt").write_bytes((DATA / "seed-gbk.txt").read_bytes())  # changed content
    third = run([inbox], out, schema=schema, pool=pool)
    assert names(third.records) == ["一月.txt"] and len(third.skipped) == 2

    fourth = run([inbox], out, schema=schema, pool=pool)
    assert not fourth.records and len(fourth.skipped) == 3
    assert fourth.outputs == []  # nothing new: the ledger and briefing stay as they are


def test_unchanged_files_are_not_hashed_again_and_moved_files_are_known(
    inbox, tmp_path, schema, pool, monkeypatch
):
    out = tmp_path / "out"
    run([inbox], out, schema=schema, pool=pool)
    hashed = []
    real = state.sha256_file
    monkeypatch.setattr(state, "sha256_file", lambda path: hashed.append(Path(path).name) or real(path))
    again = run([inbox], out, schema=schema, pool=pool)
    assert hashed == [] and len(again.skipped) == 2

    (inbox / "一月.txt").rename(inbox / "一月（改名）.txt")
    moved = run([inbox], out, schema=schema, pool=pool)
    assert hashed == ["一月（改名）.txt"]  # hashed once, then known by its content
    assert not moved.records and len(moved.skipped) == 2
    run([inbox], out, schema=schema, pool=pool)
    assert hashed == ["一月（改名）.txt"]  # its new place was remembered


def test_refresh_or_a_missing_ledger_processes_everything_again(inbox, tmp_path, schema, pool):
    out = tmp_path / "out"
    run([inbox], out, schema=schema, pool=pool)
    assert len(run([inbox], out, schema=schema, pool=pool, options=Options(refresh=True)).records) == 2
    (out / pipeline.LEDGER_NAME).unlink()
    assert len(run([inbox], out, schema=schema, pool=pool).records) == 2


def test_a_broken_state_file_costs_only_reprocessing(inbox, tmp_path, schema, pool):
    out = tmp_path / "out"
    run([inbox], out, schema=schema, pool=pool)
    (out / ".reporter" / "state.json").write_text("{not json", encoding="utf-8")
    result = run([inbox], out, schema=schema, pool=pool)
    # rebuilt from the 简报 journal (reporter/publication.py): the published report is not read again,
    # the copy the ledger refused is
    assert len(result.records) == 1 and len(result.skipped) == 1
    assert "状态文件" in (out / "reporter.log").read_text(encoding="utf-8")
    assert json.loads((out / ".reporter" / "state.json").read_text(encoding="utf-8"))["version"] == 1


def test_reports_are_done_only_after_the_ledger_was_written(inbox, tmp_path, schema, pool, monkeypatch):
    """Excel holds the ledger open: the run fails, and the next run still adds those reports."""
    import reporter.writers as writers

    out = tmp_path / "out"

    def ledger_open_in_excel(records, schema, target, **kwargs):
        raise OutputError(
            f"{target}：文件正被其他程序（Excel/WPS）打开，无法更新；请关闭后重新运行",
            path=target,
            reason="文件正被其他程序打开",
        )

    real = writers.write_ledger
    monkeypatch.setattr(writers, "write_ledger", ledger_open_in_excel)
    with pytest.raises(OutputError):
        run([inbox], out, schema=schema, pool=pool)
    monkeypatch.setattr(writers, "write_ledger", real)
    assert not (out / ".reporter" / "state.json").exists()
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert "正被其他程序" in log and "下次运行时会重新处理" in log
    assert len(run([inbox], out, schema=schema, pool=pool).records) == 2


@pytest.mark.parametrize("inside", ["结果", "."])
def test_outputs_inside_an_input_folder_are_not_read_back(inbox, schema, pool, inside):
    out = inbox / inside  # a sub-folder, or the input folder itself
    assert len(run([inbox], out, schema=schema, pool=pool).records) == 2
    write(inbox / "新.txt", "关于召开会议的通知\n会议于2024年3月1日召开。\n")
    second = run([inbox], out, schema=schema, pool=pool)
    assert names(second.records) == ["新.txt"] and not second.failures
    assert len(second.skipped) == 2  # 台账.xlsx and 简报.docx are not inputs


def test_the_log_is_appended_in_utf8(inbox, tmp_path, schema, pool):
    out = tmp_path / "out"
    write(inbox / "坏.docx", "不是 Word 文件")
    run([inbox], out, schema=schema, pool=pool)
    run([inbox], out, schema=schema, pool=pool)
    log = (out / "reporter.log").read_text(encoding="utf-8")
    assert log.count("开始：") == 2 and log.count("结束：") == 2
    assert "失败：" in log and "坏.docx" in log and "跳过 2 份" in log


def test_parallel_results_equal_serial_in_input_order(tmp_path, seeds_dir, schema):
    folder = tmp_path / "in"
    sources = sorted(p for p in seeds_dir.iterdir() if p.suffix in (".txt", ".docx"))
    for n in range(3):  # 3 copies, made distinct so none is skipped
        for src in sources:
            data = src.read_bytes()
            if src.suffix == ".txt":
                data += f"\n(copy {n})\n".encode("ascii")  # ASCII: the same in UTF-8 and GBK
            write(folder / f"{n}-{src.name}", data)
    serial = run([folder], tmp_path / "serial", schema=schema, options=Options(jobs=1))
    parallel = run([folder], tmp_path / "parallel", schema=schema, options=Options(jobs=2))
    assert len(serial.records) == len(sources) * 3 and not serial.failures
    assert [r.path for r in parallel.records] == [r.path for r in serial.records]
    dump = [json.dumps(record_to_dict(r, schema), ensure_ascii=False, sort_keys=True) for r in serial.records]
    assert [
        json.dumps(record_to_dict(r, schema), ensure_ascii=False, sort_keys=True) for r in parallel.records
    ] == dump
    in_process = [pipeline.process(r.path, schema) for r in serial.records]
    assert [
        json.dumps(record_to_dict(r, schema), ensure_ascii=False, sort_keys=True) for r in in_process
    ] == dump


# ------------------------------------------------------------------------------------------- CLI
def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_json_summary_lists_processed_skipped_failed_and_outputs(inbox, tmp_path):
    out = tmp_path / "out"
    write(inbox / "坏.docx", "不是 Word 文件")
    first = invoke("run", str(inbox), "-o", str(out), "--json", "--jobs", "2")
    assert first.exit_code == 1
    data = json.loads(first.stdout)
    assert names(data["processed"]) == ["一月.txt", "通报.docx"]
    assert [Path(f["file"]).name for f in data["failed"]] == ["坏.docx"]
    assert data["failed"][0]["reason"] and "坏.docx" in data["failed"][0]["message"]
    assert {Path(p).name for p in data["outputs"]} == {"台账.xlsx", "简报.docx"}
    assert data["skipped"] == [] and data["exit_code"] == 1 and Path(data["log"]).is_file()
    assert "坏.docx" in first.stderr  # the failure also goes to stderr, one line

    (inbox / "坏.docx").unlink()
    second = json.loads(invoke("run", str(inbox), "-o", str(out), "--json").stdout)
    assert second["processed"] == [] and second["exit_code"] == 0
    assert sorted(Path(s["file"]).name for s in second["skipped"]) == ["一月.txt", "通报.docx"]
    assert all(s["reason"] for s in second["skipped"])


def test_exit_codes(inbox, tmp_path):
    out = tmp_path / "out"
    ok = invoke("run", str(inbox), "-o", str(out), "--quiet")
    assert ok.exit_code == 0 and ok.stderr == ""
    again = invoke("run", str(inbox), "-o", str(out))
    assert again.exit_code == 0 and "跳过 2 份" in again.stderr
    write(inbox / "坏.docx", "不是 Word 文件")
    bad = invoke("run", str(inbox), "-o", str(out), "--quiet")
    assert bad.exit_code == 1 and "坏.docx" in bad.stderr  # --quiet still prints errors
    assert invoke("run", str(inbox), "-o", str(out), "--jobs", "0").exit_code == 2
    assert invoke("run", str(inbox), "--no-such-option").exit_code == 2


def test_an_unwritable_ledger_is_exit_1_with_json_error(inbox, tmp_path, monkeypatch):
    import reporter.writers as writers

    def ledger_open_in_excel(records, schema, target, **kwargs):
        raise OutputError(
            f"{target}：文件正被其他程序（Excel/WPS）打开，无法更新；请关闭后重新运行", path=target
        )

    monkeypatch.setattr(writers, "write_ledger", ledger_open_in_excel)
    result = invoke("run", str(inbox), "-o", str(tmp_path / "out"), "--json")
    assert result.exit_code == 1
    assert "正被其他程序" in json.loads(result.stdout)["error"]
    assert result.stderr.startswith("错误：") and "请关闭后重新运行" in result.stderr


def test_a_run_removes_temporaries_a_killed_run_left(tmp_path, seeds_dir):
    from reporter.jobs.pipeline import Options, run

    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".~台账-abc123.xlsx"
    stale.write_bytes(b"half a ledger")
    keep = out / "台账备份.xlsx"
    keep.write_bytes(b"a person's file")
    run([seeds_dir / "seed.txt"], out, options=Options(jobs=1))
    assert not stale.exists() and keep.exists()
    assert "临时文件" in (out / "reporter.log").read_text(encoding="utf-8")
