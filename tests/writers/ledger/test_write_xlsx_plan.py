"""The ledger's plan on plain values: which reports are new rows (in date order), already there,
refreshed, duplicates, likely repeats or deleted by a person."""

from __future__ import annotations

from pathlib import Path

from reporter.fingerprint import fingerprint
from reporter.writers.ledger.plan import Candidate, Existing, Incoming, Refresh, plan_reports
from reporter.writers.ledger.rows import title_key

TEXT = "县公安局召开夏季治安整治动员会，部署打击整治行动，要求各所队压实责任、加强巡逻防控。" * 3


def item(i: int, sha: str, date: str = "", title: str = "", text: str = "", name: str = "") -> Incoming:
    return Incoming(i, Path(name or f"r{i}.txt"), sha, title, date, fingerprint(text) if text else (), 0)


def test_new_rows_in_date_order_numbered_on():
    items = [item(0, "a", "2024-06-03"), item(1, "b", "--01-20"), item(2, "c", "2023-12-31"), item(3, "d")]
    plan = plan_reports(items, {}, {}, first_row=10, first_seq=7)
    assert [(n.item.sha256, n.row, n.seq) for n in plan.new] == [
        ("c", 10, 7),
        ("a", 11, 8),
        ("b", 12, 9),
        ("d", 13, 10),
    ]


def test_already_duplicate_refresh_deleted_and_repeat():
    existing = {"a": Existing(4, 1, "r0.txt", key="row4"), "b": Existing(5, 2, "old.txt")}
    candidates = {title_key("动员会", "2024-06-01"): [Candidate(5, 2, fingerprint(TEXT), "old.txt")]}
    items = [
        item(0, "a"),  # the same file: already there
        item(1, "b"),  # the same content under another name: duplicate
        item(2, "x", "2024-06-01", "动员会", TEXT + "（转发）"),  # same title and date, text alike: repeat
        item(3, "gone"),  # its row was deleted by a person
        item(4, "n", "2024-06-02", "另一次会议", "完全不同的正文内容。" * 5),
        item(5, "n", name="副本.txt"),  # the same content twice in the batch
    ]
    plan = plan_reports(items, existing, candidates, first_row=6, first_seq=3, refresh=True, deleted={"gone"})
    kinds = {s.item.index: s.kind for s in plan.skipped}
    assert kinds == {0: "already", 1: "duplicate", 2: "repeat", 3: "deleted", 5: "duplicate"}
    assert [s.existing.key for s in plan.steps if isinstance(s, Refresh)] == ["row4", None]
    assert [n.item.index for n in plan.new] == [4]
    assert (plan.new[0].row, plan.new[0].seq) == (6, 3)
