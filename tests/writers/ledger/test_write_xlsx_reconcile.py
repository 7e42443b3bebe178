"""Nothing lost: the ledger reconciled with its own record of what it wrote; a read-only ledger respected."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from reporter.errors import OutputError
from reporter.writers import write_ledger
from reporter.writers.ledger import reconcile_ledger
from reporter.writers.ledger.config import SIGNATURE_MARK
from reporter.writers.ledger.journal import decide, journal_path
from tests.support.ledger_records import found, meeting, notice, record, update

NOW = dt.datetime(2024, 7, 1, 9, 30)
LATER = dt.datetime(2024, 7, 2, 10, 0)


def other(path, n: int):
    body = f"第{n}号简报\n县水利局召开第{n}次防汛调度会，部署下一阶段工作。"
    return record(path, body, {"title": (found(f"县水利局第{n}次防汛调度会", body),)})


def _shas(path):
    from openpyxl import load_workbook

    ws = load_workbook(path)["台账"]
    col = next(c.column for c in ws[3] if c.value and str(c.value).startswith("SHA-256"))
    values = [ws.cell(r, col).value for r in range(4, ws.max_row + 1) if ws.cell(r, col).value]
    return [v for v in values if v != SIGNATURE_MARK]  # the signature block's row is no report


# --------------------------------------------------------------------------- the rule on plain sets
def test_decide_rows_vanished_together_with_a_foreign_save_are_put_back():
    runs = [["a", "b"], ["c", "d"], ["e"]]
    readd, deleted = decide(runs, present={"a", "b"}, deleted=set(), readded=set(), changed=True)
    assert readd == {"c", "d", "e"} and deleted == set()


def test_decide_rows_deleted_one_by_one_stay_deleted():
    runs = [["a", "b"], ["c", "d"]]
    # one row of the last run gone, the other still there: a person deleted it
    assert decide(runs, {"a", "b", "d"}, set(), set(), changed=True) == (set(), {"c"})
    # an older row gone while the latest run is whole: deleted by a person
    assert decide(runs, {"b", "c", "d"}, set(), set(), changed=True) == (set(), {"a"})
    # the file was not saved by anyone else: nothing to put back
    assert decide(runs, {"a", "b"}, set(), set(), changed=False) == (set(), {"c", "d"})
    # already known as deleted, or put back once before and gone again: deleted
    assert decide(runs, {"a", "b"}, {"c"}, set(), changed=True) == (set(), {"d"})
    assert decide(runs, {"a", "b"}, set(), {"c", "d"}, changed=True) == (set(), {"c", "d"})


# ------------------------------------------------------------------------------- on a real ledger
def test_rows_lost_to_a_save_over_the_ledger_are_put_back(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    first = [meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")]
    write_ledger(first, schema, out, now=NOW)
    old_copy = out.read_bytes()  # the ledger as LibreOffice loaded it
    second = [notice(tmp_path / "c.docx"), other(tmp_path / "d.txt", 1)]
    assert write_ledger(second, schema, out, now=LATER).rows_added == 2
    out.write_bytes(old_copy)  # the user saves the copy they had open over it: the 2 new rows are gone
    os.utime(out, ns=(out.stat().st_atime_ns, out.stat().st_mtime_ns + 5_000_000_000))
    rec = reconcile_ledger(out)
    assert rec.readd == {r.sha256 for r in second} and not rec.newly_deleted
    again = write_ledger([*first, *second], schema, out, now=LATER)
    assert again.rows_added == 2 and "台账在其他程序中被覆盖，已补回 2 行" in again.warnings
    assert sorted(_shas(out)) == sorted(r.sha256 for r in [*first, *second])
    assert reconcile_ledger(out).readd == frozenset()  # settled


def test_a_row_a_person_deleted_stays_deleted_also_with_refresh(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    reports = [meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt"), notice(tmp_path / "c.docx")]
    write_ledger(reports[:2], schema, out, now=NOW)
    write_ledger(reports[2:], schema, out, now=NOW)
    wb = load_workbook(out)
    wb["台账"].delete_rows(4)  # the person deletes the first report's row in Excel
    wb.save(out)
    rec = reconcile_ledger(out)
    assert rec.readd == frozenset() and rec.newly_deleted == {reports[0].sha256}
    result = write_ledger(reports, schema, out, refresh=True, now=LATER)
    assert result.rows_added == 0
    assert [s.kind for s in result.skipped if s.path.name == "a.txt"] == ["deleted"]
    assert reports[0].sha256 not in _shas(out)
    assert reports[0].sha256 in journal_path(out).read_text(encoding="utf-8")  # remembered as deleted
    again = write_ledger(reports, schema, out, refresh=True, now=LATER)
    assert again.rows_added == 0 and reports[0].sha256 not in _shas(out)


def test_a_read_only_ledger_is_not_replaced(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt")], schema, out, now=NOW)
    before = out.read_bytes()
    out.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # chmod 444
    try:
        with pytest.raises(OutputError) as info:
            write_ledger([update(tmp_path / "b.txt")], schema, out, now=LATER)
        assert "只读" in str(info.value) and str(out) in str(info.value)
        assert out.read_bytes() == before
        assert not any(p.name.startswith(".~") for p in tmp_path.iterdir())
    finally:
        out.chmod(0o644)


def test_a_run_puts_back_what_a_save_over_the_ledger_lost(tmp_path, seeds_dir, schema):
    from reporter.jobs.pipeline import LEDGER_NAME, run
    from tests.conftest import write

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write(inbox / "一月.txt", (seeds_dir / "seed.txt").read_bytes())
    run([inbox], out, schema=schema)
    ledger = out / LEDGER_NAME
    open_copy = ledger.read_bytes()  # the user has the ledger open in LibreOffice
    write(inbox / "二月.txt", (seeds_dir / "work-update.txt").read_bytes())
    assert [r.path.name for r in run([inbox], out, schema=schema).records] == ["二月.txt"]
    ledger.write_bytes(open_copy)  # … and saves over it: 二月's row is gone, state.json counts it done
    os.utime(ledger, ns=(ledger.stat().st_atime_ns, ledger.stat().st_mtime_ns + 5_000_000_000))
    third = run([inbox], out, schema=schema)
    assert [r.path.name for r in third.records] == ["二月.txt"]
    assert "台账在其他程序中被覆盖，已补回 1 行" in third.ledger.warnings
    assert len(_shas(ledger)) == 2


# ------------------------------------------------------------------------------------- date order
def test_rows_in_date_order_and_hand_edits_kept(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    # given newest first, the year-less notice in between: written oldest first, the year-less last
    reports = [update(tmp_path / "b.txt"), notice(tmp_path / "c.docx"), meeting(tmp_path / "a.txt")]
    result = write_ledger(reports, schema, out, now=NOW)
    ws = load_workbook(out)["台账"]
    assert [ws.cell(r, 2).value for r in (4, 5, 6)] == [
        dt.datetime(2019, 1, 4),
        dt.datetime(2024, 6, 1),
        "6月3日",
    ]
    assert [ws.cell(r, 1).value for r in (4, 5, 6)] == [1, 2, 3]  # 序号 follows the order
    assert [a.path.name for a in result.added] == ["a.txt", "b.txt", "c.docx"]
    wb = load_workbook(out)
    wb["台账"]["K5"] = "已核实"  # a person's note on the 2024-06-01 row
    wb["台账"]["D4"] = "（人工改过的标题）"
    wb.save(out)
    write_ledger([other(tmp_path / "d.txt", 2), other(tmp_path / "e.txt", 3)], schema, out, now=LATER)
    ws = load_workbook(out)["台账"]
    assert ws["K5"].value == "已核实" and ws["D4"].value == "（人工改过的标题）"
    assert [ws.cell(r, 1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]
