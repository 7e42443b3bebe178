"""What writing the ledger did: rows added, reports skipped (already there, duplicates, likely repeats),
and with --refresh the values that changed or were kept because a person had edited them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SkipKind = Literal["already", "duplicate", "repeat", "deleted"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Added:
    path: Path
    seq: int
    row: int  # Excel row number in 台账


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerSkip:
    path: Path
    kind: SkipKind  # already: this file is in the ledger; duplicate: same content as row N;
    # deleted: a person deleted its row (the ledger's record says the program had added it)
    row: int  # the 台账 row it matches
    seq: int | None
    reason: str  # in Chinese, as listed in 处理异常
    similarity: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Difference:
    """A value --refresh found different: replaced (the program's own value) or kept (a person's edit)."""

    sheet: str
    row: int
    seq: int | None
    file: str
    column: str  # header
    old: str
    new: str
    kept: bool  # True: a person edited the cell, so it was left as it is

    def describe(self) -> str:
        where = f"{self.sheet} 第 {self.row} 行" + (f"（序号 {self.seq}，{self.file}）" if self.file else "")
        old = self.old or "（空）"
        new = self.new or "（空）"
        if self.kept:
            return f"{where}“{self.column}”经人工修改，保留“{_short(old)}”；重新抽取的值是“{_short(new)}”"
        return f"{where}“{self.column}”：“{_short(old)}” → “{_short(new)}”"


def _short(text: str, limit: int = 60) -> str:
    text = " / ".join(text.split("\n"))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerResult:
    path: Path
    created: bool  # a new ledger (True) or rows added to one (False)
    added: tuple[Added, ...] = ()
    skipped: tuple[LedgerSkip, ...] = ()
    differences: tuple[Difference, ...] = ()
    problems_added: int = 0  # rows added to 处理异常
    warnings: tuple[str, ...] = field(default=())

    @property
    def rows_added(self) -> int:
        return len(self.added)

    @property
    def replaced(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.kept)

    @property
    def kept(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.kept)

    def summary(self) -> str:
        """台账新增 3 行；已在台账中 5 份；重复 1 份；疑似重复 1 份"""
        parts = [f"台账新增 {self.rows_added} 行"]
        for kind, label in (
            ("already", "已在台账中"),
            ("duplicate", "内容重复"),
            ("repeat", "疑似重复"),
            ("deleted", "已被人工删除"),
        ):
            n = sum(1 for s in self.skipped if s.kind == kind)
            if n:
                parts.append(f"{label} {n} 份")
        if self.differences:
            parts.append(f"重新抽取后替换 {len(self.replaced)} 处、保留人工修改 {len(self.kept)} 处")
        return "；".join(parts)
