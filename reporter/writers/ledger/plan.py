"""Which reports become new rows, which are already there (and, with --refresh, re-filled), which are
duplicates or likely repeats, and which a person deleted — decided on plain values, nothing read or
written here (update.py gathers the inputs from the ledger and carries the decisions out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ...fingerprint import similarity
from .rows import title_key

REPEAT_SIMILARITY = 0.9

Fingerprint = bytes | tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Incoming:
    """What planning needs of a record, taken in the one pass that reads it (records may be on disk)."""

    index: int  # in the records given to the writer
    path: Path
    sha256: str
    title: str  # as the 台账 shows it ('' when the schema has no title)
    date: str
    fingerprint: Fingerprint
    metrics: int  # its rows on 工作数据


@dataclass(frozen=True, slots=True)
class Existing:
    """A 台账 row that holds a report (found by its SHA-256)."""

    row: int
    seq: int | None
    file: str
    key: object = None  # the caller's handle on the row (its scanned values)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A 台账 row a new report may repeat: same title and date; compared by text fingerprint."""

    row: int
    seq: int | None
    fingerprint: Fingerprint
    file: str


@dataclass
class NewReport:
    item: Incoming  # its record is read again when its rows are written (records may be on disk)
    seq: int
    row: int


SkipKind = Literal["already", "duplicate", "repeat", "deleted"]


@dataclass(frozen=True, slots=True)
class Skip:
    item: Incoming
    kind: SkipKind
    row: int
    seq: int | None
    reason: str
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Refresh:
    item: Incoming
    existing: Existing


@dataclass
class Plan:
    """The decisions in order: refreshes come before the skip of the same report."""

    steps: list[NewReport | Skip | Refresh] = field(default_factory=list)

    @property
    def new(self) -> list[NewReport]:
        return [s for s in self.steps if isinstance(s, NewReport)]

    @property
    def skipped(self) -> list[Skip]:
        return [s for s in self.steps if isinstance(s, Skip)]


def date_order(item: Incoming) -> tuple[int, str]:
    """Dated reports first, oldest first (2024-06 before 2024-06-03); then those whose date has no year
    or no date at all, in the order given."""
    date = item.date.strip()
    return (0, date) if date[:4].isdigit() else (1, "")


def plan_reports(
    incoming: Iterable[Incoming],
    existing: dict[str, Existing],
    candidates: dict[str, list[Candidate]],
    *,
    first_row: int,
    first_seq: int,
    refresh: bool = False,
    deleted: frozenset[str] | set[str] = frozenset(),
) -> Plan:
    """Each incoming report in date order: in the ledger already (refreshed once with --refresh),
    the same content twice in this batch, deleted by a person, a likely repeat of a row with the same
    title and date (text ≥ 90 % alike), or a new row (rows and 序号 numbered on from the given ones)."""
    plan = Plan()
    candidates = {k: list(v) for k, v in candidates.items()}
    batch: dict[str, tuple[int, int, Path]] = {}
    refreshed: set[str] = set()
    row, seq = first_row, first_seq
    for item in sorted(incoming, key=date_order):
        step = _known(item, batch, existing, deleted, refresh, refreshed, plan)
        if step is None:
            step = _repeat(item, candidates)
        if step is not None:
            plan.steps.append(step)
            continue
        plan.steps.append(NewReport(item=item, seq=seq, row=row))
        batch[item.sha256] = (row, seq, item.path)
        if item.title:
            candidates.setdefault(title_key(item.title, item.date), []).append(
                Candidate(row, seq, item.fingerprint, item.path.name)
            )
        seq += 1
        row += 1
    return plan


def _known(
    item: Incoming,
    batch: dict[str, tuple[int, int, Path]],
    existing: dict[str, Existing],
    deleted: frozenset[str] | set[str],
    refresh: bool,
    refreshed: set[str],
    plan: Plan,
) -> Skip | None:
    if item.sha256 in batch:
        r0, s0, p0 = batch[item.sha256]
        same = Path(p0).resolve() == Path(item.path).resolve()
        reason = f"与台账第 {r0} 行（序号 {s0}，{p0.name}）内容完全相同"
        return Skip(item, "already" if same else "duplicate", r0, s0, reason)
    if item.sha256 in existing:
        ex = existing[item.sha256]
        if refresh and item.sha256 not in refreshed:
            refreshed.add(item.sha256)
            plan.steps.append(Refresh(item, ex))
        if ex.file == item.path.name:
            return Skip(item, "already", ex.row, ex.seq, f"已在台账第 {ex.row} 行（序号 {ex.seq}）")
        reason = f"与台账第 {ex.row} 行（序号 {ex.seq}，{ex.file}）内容完全相同"
        return Skip(item, "duplicate", ex.row, ex.seq, reason)
    if item.sha256 in deleted:
        reason = "这份报告的行已被人工从台账删除，不再加入（如要恢复，请手工补录）"
        return Skip(item, "deleted", 0, None, reason)
    return None


def _repeat(item: Incoming, candidates: dict[str, list[Candidate]]) -> Skip | None:
    if not (item.title and item.fingerprint):
        return None
    best: tuple[float, Candidate] | None = None
    for c in candidates.get(title_key(item.title, item.date), ()):
        sim = similarity(item.fingerprint, c.fingerprint) if c.fingerprint else 0.0
        if sim >= REPEAT_SIMILARITY and (best is None or sim > best[0]):
            best = (sim, c)
    if best is None:
        return None
    sim, c = best
    reason = f"与台账第 {c.row} 行（序号 {c.seq}，{c.file}）标题、日期相同，正文 {sim:.0%} 相同"
    return Skip(item, "repeat", c.row, c.seq, reason, similarity=sim)
