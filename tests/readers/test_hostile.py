"""Every file of the hostile corpus (tests/hostile/build_corpus.py) gets its expected outcome from read()."""

from __future__ import annotations

from pathlib import Path

import pytest

import reporter.errors as errors
from reporter.jobs.inputs import iter_inputs
from reporter.model import Failure
from reporter.readers import read
from reporter.readers.doc import find_soffice
from tests.hostile.build_corpus import PLACEHOLDER, SHORT, TRADITIONAL, build_corpus, cases

pytestmark = pytest.mark.slow  # the whole hostile corpus, built and read file by file

SOFFICE = find_soffice() is not None
NAMES = [c.name for c, _ in cases(SOFFICE) if c.expect != "skip"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    return folder, build_corpus(folder, soffice=SOFFICE)


@pytest.mark.parametrize("name", NAMES)
def test_each_file_gets_its_expected_outcome(corpus, name):
    folder, made = corpus
    case = made[name]
    path = folder / name
    if case.expect == "ok":
        doc = read(path)
        assert doc.text.strip()
        assert case.words in " ".join(doc.warnings)
        return
    expected = getattr(errors, case.expect)
    with pytest.raises(errors.ReporterError) as info:
        read(path)
    exc = info.value
    assert isinstance(exc, expected), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert message.startswith(str(path)), message  # the message names the file first
    assert case.words in exc.reason or case.words in message
    assert exc.reason and exc.path == path


def test_placeholder_text_of_content_controls_is_not_read(corpus, schema):
    from reporter.extractor import extract
    from reporter.writers.jsonl import dumps

    folder, _ = corpus
    doc = read(folder / "占位符控件.docx")
    assert PLACEHOLDER not in doc.text and "县应急管理局" in doc.text
    assert PLACEHOLDER not in dumps(extract(doc, schema), schema)


def test_special_files(corpus):
    folder, _ = corpus
    with pytest.raises(errors.ReadError, match="过大"):
        read(folder / "超过上限.txt")


def test_folder_walk_skips_junk_and_links_and_keeps_odd_names(corpus):
    folder, made = corpus
    found = list(iter_inputs([folder]))
    assert not [f for f in found if isinstance(f, Failure)]
    names = {p.relative_to(folder).as_posix() for p in found}
    skipped = {n for n, c in made.items() if c.expect == "skip"}
    assert not names & skipped
    assert not any("不该读到" in n or "指向外面" in n for n in names)
    expected = {
        n
        for n, c in made.items()
        if c.expect != "skip"
        and Path(n).suffix.lower()
        in {".txt", ".docx", ".pdf", ".doc", ".wps", ".htm", ".html", ".mht", ".md", ".rtf"}
    }
    assert names == expected
    for odd in (
        "-以减号开头.txt",
        "带 空格 的 报告.txt",
        "表情😀报告.txt",
        "【全角括号】（一）报告.txt",
        "子文件夹/子文件夹里的报告.txt",
    ):
        assert odd in names


def test_a_given_symlink_loop_and_pipe_are_failures(tmp_path):
    import os

    if os.name != "posix":
        pytest.skip("symlinks and pipes")
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    got = list(iter_inputs([loop, pipe, tmp_path / "missing.txt"]))
    assert [type(g) for g in got] == [Failure, Failure, Failure]
    assert "循环" in got[0].reason and "管道" in got[1].reason and "不存在" in got[2].reason
    with pytest.raises(errors.ReadError, match="管道"):  # read() refuses it too instead of blocking
        read(pipe)


def test_unreadable_folder_is_a_failure(tmp_path):
    import os

    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root can read any folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        got = list(iter_inputs([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert len(got) == 1 and isinstance(got[0], Failure) and "权限" in got[0].reason


# ---------------------------------------------------------------- the same report in every encoding
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_simplified_report_reads_the_same_in_every_encoding(tmp_path, schema, encoding):
    from reporter.extractor import extract
    from reporter.writers.jsonl import record_to_dict

    seed = (Path(__file__).resolve().parents[2] / "seeds" / "seed.txt").read_text(encoding="utf-8")
    base = tmp_path / "utf-8.txt"
    base.write_bytes(seed.encode("utf-8"))
    other = tmp_path / f"{encoding}.txt"
    other.write_bytes(seed.encode(encoding))
    a, b = read(base), read(other)
    assert b.text == a.text
    ra = record_to_dict(extract(a, schema), schema)
    rb = record_to_dict(extract(b, schema), schema)
    for volatile in ("file", "sha256", "encoding", "warnings"):
        ra.pop(volatile, None)
        rb.pop(volatile, None)
    assert rb == ra


def test_traditional_report_in_big5_and_utf8_reads_the_same(tmp_path, schema):
    from reporter.extractor import extract

    (tmp_path / "u.txt").write_bytes(TRADITIONAL.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TRADITIONAL.encode("big5"))
    a, b = read(tmp_path / "u.txt"), read(tmp_path / "b.txt")
    assert b.encoding == "big5" and b.text == a.text == TRADITIONAL.rstrip("\n")
    ra, rb = extract(a, schema), extract(b, schema)
    assert {k: rb.values(k) for k in rb.fields} == {k: ra.values(k) for k in ra.fields}


def test_short_simplified_report_is_not_taken_for_big5(tmp_path):
    (tmp_path / "g.txt").write_bytes(SHORT.encode("gbk"))
    assert read(tmp_path / "g.txt").text == SHORT.rstrip("\n")
