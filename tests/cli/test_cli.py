from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reporter.cli import _bare_paths, app, main
from reporter.schema import FIELD_KINDS
from tests.conftest import DATA, write

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("run", "extract", "ledger", "brief", "schema", "templates"):
        assert command in result.stdout


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("reporter ")


def test_extract_json_has_every_field_of_the_spec(seeds_dir):
    result = invoke("extract", str(seeds_dir / "seed.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(FIELD_KINDS) <= set(record)
    assert {"file", "sha256", "chars", "evidence"} <= set(record)
    assert record["title"] == "赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会"


def test_extract_jsonl_one_line_per_file(seeds_dir):
    result = invoke("extract", str(seeds_dir), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len([p for p in seeds_dir.iterdir() if p.suffix in (".txt", ".docx", ".html")])
    assert all("file" in row for row in rows)


def test_extract_several_files_as_json_list(seeds_dir):
    result = invoke("extract", str(seeds_dir / "seed.txt"), str(DATA / "seed-gbk.txt"))
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 2


def test_extract_text_and_table(seeds_dir):
    text = invoke("extract", str(DATA / "seed.docx"), "--format", "text")
    assert text.exit_code == 0 and "一是要及时传达贯彻会议精神" in text.stdout
    table = invoke("extract", str(seeds_dir / "seed.txt"), "--format", "table")
    assert "标题" in table.stdout and "敖汉旗公安局" in table.stdout


def test_explain_marks_the_value_in_its_sentence(seeds_dir):
    result = invoke("extract", str(seeds_dir / "seed.txt"), "--explain")
    assert result.exit_code == 0
    assert "【2019年1月4日】" in result.stdout
    assert "规则 date." in result.stdout


def test_run_writes_ledger_and_briefing(tmp_path, seeds_dir):
    out = tmp_path / "out"
    result = invoke("run", str(seeds_dir), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "台账.xlsx").is_file() and (out / "简报.docx").is_file()
    assert "已处理" in result.stderr


def test_a_bad_file_is_named_and_the_others_still_written(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    write(folder / "好.txt", (seeds_dir / "seed.txt").read_bytes())
    write(folder / "坏.docx", "不是 Word")
    out = tmp_path / "out"
    result = invoke("run", str(folder), "-o", str(out))
    assert result.exit_code == 1
    assert "坏.docx" in result.stderr and "已处理 1 份，失败 1 份" in result.stderr
    assert (out / "台账.xlsx").is_file()


def test_run_json_summary(tmp_path, seeds_dir):
    result = invoke("run", str(seeds_dir / "seed.txt"), "-o", str(tmp_path), "--json")
    data = json.loads(result.stdout)
    assert data["failed"] == [] and len(data["processed"]) == 1 and len(data["outputs"]) == 2


def test_missing_input_is_exit_1(tmp_path):
    result = invoke("extract", str(tmp_path / "没有这个.txt"))
    assert result.exit_code == 1 and "没有这个.txt" in result.stderr


def test_usage_error_is_exit_2():
    assert invoke("extract").exit_code == 2
    assert invoke("run", "--no-such-option", "x").exit_code == 2
    assert invoke("extract", "x", "--ref-date", "去年").exit_code == 2


def test_schema_command_lists_keys_and_headers():
    result = invoke("schema")
    assert result.exit_code == 0
    for key in FIELD_KINDS:
        assert key in result.stdout
    assert "出席领导" in result.stdout


def test_templates_init_and_show(tmp_path):
    result = invoke("templates", "init", str(tmp_path / "my"))
    assert result.exit_code == 0
    assert (tmp_path / "my" / "schema.toml").is_file()
    shown = invoke("templates", "show", "--templates", str(tmp_path / "my"))
    assert str(tmp_path / "my" / "schema.toml") in shown.stdout


def test_bare_paths_mean_run_beside_the_input(tmp_path):
    folder = tmp_path / "一月 报告"
    folder.mkdir()
    args = _bare_paths([str(folder)])
    assert args[0] == "run" and args[-2] == "-o"
    assert Path(args[-1]) == folder.resolve().parent / "一月 报告_台账简报"
    assert _bare_paths(["extract", str(folder)])[0] == "extract"
    assert _bare_paths(["--help"]) == ["--help"]


def test_bare_path_runs_the_main_job(tmp_path, seeds_dir, capsys):
    folder = tmp_path / "拖放"
    write(folder / "seed.txt", (seeds_dir / "seed.txt").read_bytes())
    with pytest.raises(SystemExit) as exit_info:
        main([str(folder)])
    assert exit_info.value.code == 0
    assert (tmp_path / "拖放_台账简报" / "台账.xlsx").is_file()


# What start-up must not load (issue 8: `reporter --help` ≤ 0.25 s): the segmenters and their dictionaries,
# the Office libraries, the other readers' libraries, the extractor, the writers, the worker pool.
HEAVY_MODULES = (
    "jieba",
    "rjieba",
    "openpyxl",
    "docx",
    "docxtpl",
    "lxml",
    "pypdf",
    "watchdog",
    "multiprocessing",
    "reporter.extractor",
    "reporter.readers",
    "reporter.writers.ledger",
    "reporter.writers.briefing",
    "reporter.jobs.workers",
    "pydantic",  # typer 0.29 imports it at start-up (+200 ms): pyproject pins typer below it
    "rich",
)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["-V"],
        [],
        ["run", "--help"],
        ["extract", "--help"],
        ["watch", "--help"],
        ["brief", "--help"],
        ["templates", "--help"],
    ],
)
def test_help_and_version_do_not_import_heavy_libraries(argv):
    """Every module the real entry point imports, as `python -X importtime` lists them."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reporter", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert out.returncode in (0, 2), out.stderr[-2000:]
    assert "reporter" in out.stdout + out.stderr  # it did print the help or the version
    imported = {
        line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")
    }
    assert "reporter.cli" in imported  # the listing works
    heavy = sorted(m for m in imported if any(m == h or m.startswith(h + ".") for h in HEAVY_MODULES))
    assert heavy == [], f"reporter {' '.join(argv)} imports {heavy}"


def test_python_m_reporter():
    out = subprocess.run([sys.executable, "-m", "reporter", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "reporter" in out.stdout
