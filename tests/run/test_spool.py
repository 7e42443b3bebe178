"""reporter.jobs.spool: a batch's records kept on disk in input order, read back equal; and a run that keeps
its records there, not in memory (issue 8)."""

from __future__ import annotations

import gc
import pickle
import tempfile
from pathlib import Path

import pytest

from reporter.errors import OutputError
from reporter.jobs.pipeline import Options, run
from reporter.jobs.spool import Batch, Records
from reporter.jobs.workers import WorkerPool
from reporter.model import Evidence, Failure, Found, Person, Record, Review, Span
from reporter.writers.briefing.content import build_content
from tests.conftest import write
from tests.support.briefing_records import seed_like_records


def full_record(path: str = "a.txt") -> Record:
    sentence = "县委书记张三主持会议，全县共排查隐患12处。"
    ev = Evidence(Span(2, 4), sentence, 0)
    record = seed_like_records()[0]
    fields = dict(record.fields)
    fields["people"] = (Found(Person("张三", "县委书记"), ev, "people.post"),)
    fields["host"] = (Found("张三", Evidence(Span(4, 6), sentence, 0), "host"),)
    return Record(
        path=Path(path),
        sha256="ab" * 32,
        chars=120,
        fields=fields,
        review=(Review("date", "日期只有月日，年份按今年补足"),),
        reader="text",
        encoding="gb18030",
        warnings=("混有两种编码",),
        fingerprint=bytes(range(256)) + b"\x00\x01\x02\x03",
    )


def test_records_survive_pickling_unchanged_and_keep_shared_sentences():
    record = full_record()
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == record
    assert type(back.fields["metrics"][0].value) is type(record.fields["metrics"][0].value)
    people, host = back.fields["people"][0], back.fields["host"][0]
    assert people.evidence.sentence is host.evidence.sentence  # one string per sentence, as extracted
    assert back.fields["people"][0].evidence.marked() == record.fields["people"][0].evidence.marked()


def test_a_batch_keeps_input_order_whatever_order_results_arrive_in():
    records = [full_record(f"{i}.txt") for i in range(5)]
    failure = Failure(path=Path("坏.docx"), reason="文件已损坏", message="坏.docx：文件已损坏")
    batch = Batch([r.path for r in records[:2]] + [failure.path] + [r.path for r in records[2:]])
    batch.put(3, pickle.dumps(records[2]))  # as a worker sends it
    batch.put(0, records[0])
    batch.put(2, failure)
    batch.put(5, records[4])
    batch.put(1, pickle.dumps(records[1]))
    batch.put(4, records[3])
    assert len(batch) == 6 and all(batch.done(i) for i in range(6))
    assert batch[2] is failure and batch.failure(2) is failure and batch.failure(0) is None
    assert list(batch) == [*records[:2], failure, *records[2:]]
    view = batch.records()
    assert isinstance(view, Records) and len(view) == 5
    assert list(view) == records and view[-1] == records[4] and view[1:3] == records[1:3]
    assert view.paths == [r.path for r in records]
    batch.close()
    with pytest.raises(ValueError):
        view[0]


def test_a_batch_is_a_file_not_memory():
    batch = Batch()
    for i in range(50):
        batch.append(full_record(f"{i}.txt"))
    assert batch._file is not None and batch._file.tell() > 50 * 1000
    assert not any(isinstance(slot, Record) for slot in batch._slots)
    assert batch.records()[49].path == Path("49.txt")


def test_an_unwritable_temporary_folder_is_a_clear_error(monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    with pytest.raises(OutputError) as info:
        Batch().append(full_record())
    assert "临时文件夹" in str(info.value) and tempfile.gettempdir() in str(info.value)


def test_briefing_content_reads_each_record_when_it_needs_it():
    records = seed_like_records()
    batch = Batch()
    for record in records:
        batch.append(record)
    from reporter.schema import load_schema

    schema = load_schema()
    on_disk, in_memory = build_content(batch.records(), schema), build_content(records, schema)
    assert [i.heading for i in on_disk.items] == [i.heading for i in in_memory.items]
    assert on_disk.indicators == in_memory.indicators and on_disk.overview == in_memory.overview
    assert on_disk.items == in_memory.items


def test_a_run_keeps_its_records_on_disk(tmp_path, seeds_dir, schema):
    inbox = tmp_path / "in"
    for i in range(6):
        text = (seeds_dir / "seed.txt").read_text(encoding="utf-8").replace("2019", str(2000 + i))
        write(inbox / f"{i}.txt", f"第{i}号\n" + text)
    with WorkerPool(schema, Options(jobs=2)) as pool:
        result = run([inbox], tmp_path / "out", schema=schema, options=Options(jobs=2), pool=pool)
        gc.collect()
        alive = sum(1 for obj in gc.get_objects() if type(obj) is Record)
    assert isinstance(result.records, Records) and len(result.records) == 6
    assert alive == 0  # none held in memory after the run
    assert sorted(p.name for p in result.records.paths) == [f"{i}.txt" for i in range(6)]
    assert all(r.value("title") for r in result.records)
    assert (tmp_path / "out" / "台账.xlsx").is_file() and (tmp_path / "out" / "简报.docx").is_file()


def test_the_temporary_file_goes_with_its_last_reader():
    batch = Batch()
    batch.append(full_record())
    view = batch.records()
    closer = batch._closer
    del batch
    gc.collect()
    assert closer.alive and view[0].path == Path("a.txt")  # the view keeps the batch alive
    del view
    gc.collect()
    assert not closer.alive  # then the file is closed (and so deleted)


def test_records_read_back_are_kept_in_memory_up_to_the_budget(monkeypatch):
    """The first records read back stay in memory (each pass of the writers unpickles them once), up to
    CACHE_BYTES of pickles; a new result for an input, release() and close() let them go."""
    import reporter.jobs.spool as spool

    loads: list[int] = []
    real_loads = pickle.loads
    monkeypatch.setattr(spool.pickle, "loads", lambda data: loads.append(len(data)) or real_loads(data))
    size = len(pickle.dumps(full_record(), protocol=pickle.HIGHEST_PROTOCOL))
    monkeypatch.setattr(spool, "CACHE_BYTES", 2 * size)  # room for two of the three
    batch = Batch()
    for name in ("a.txt", "b.txt", "c.txt"):
        batch.append(full_record(name))
    first = [r.path.name for r in batch.records()]
    again = [r.path.name for r in batch.records()]
    assert first == again == ["a.txt", "b.txt", "c.txt"]
    assert len(loads) == 4  # a and b once, c (past the budget) twice
    assert batch[0] is batch[0] and batch[-3] is batch[0]
    batch.put(0, full_record("d.txt"))  # a new result for input 0: not the kept one
    assert batch[0].path.name == "d.txt" and len(loads) == 5
    batch.records().release()
    assert batch[1].path.name == "b.txt" and len(loads) == 6  # read back from disk again
    batch.close()
    with pytest.raises(ValueError):
        batch[1]  # closed: nothing kept answers for the deleted file
