"""Administrative divisions (provinces, cities, counties) and how reports write them.

The table is data/divisions.tsv (from the MIT-licensed cpca packages, see docs/gazetteer.md): full names
(黑龙江省, 鸡西市, 房县, 阿坝藏族羌族自治州) and short forms (黑龙江, 鸡西, 阿坝/阿坝州). Reports write
places as chains from the larger to the smaller (黑龙江省绥化市青冈县, 河北馆陶, 湖南常德): `chain_at` reads
such a chain, each link a division inside the one before.

A short form alone is trusted only for a province, or for a city whose short form is not an ordinary
word (保定 is also a verb); a county's short form (馆陶, 闵行) only inside a chain after its province or
city, since many are ordinary words (和平, 新华, 合作). Township names are not in the table: a
township written as a word ending in 镇/乡/街道 after a county is read by `chain_at` all the same.

The table is read once per process (`gazetteer()`, about 10 ms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "divisions.tsv"
_LEVELS = ("province", "city", "county")


@dataclass(frozen=True, slots=True)
class Division:
    adcode: str
    name: str
    level: str  # province, city or county

    def contains(self, other: Division) -> bool:
        """Whether `other` lies inside this division (by the code's province and city digits)."""
        if self.level == "province":
            return other.level != "province" and other.adcode[:2] == self.adcode[:2]
        if self.level == "city":
            return other.level == "county" and other.adcode[:4] == self.adcode[:4]
        return False


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    start: int
    end: int
    division: Division
    short: bool  # written in its short form (鸡西 for 鸡西市)


@dataclass(frozen=True, slots=True)
class Chain:
    start: int
    end: int
    links: tuple[PlaceMatch, ...]
    township_end: int | None = None  # the chain goes on with a township (…青冈县 + 祥富镇)

    @property
    def last(self) -> PlaceMatch:
        return self.links[-1]


# what a township or street written after a county ends with (乡 of 乡村, 乡镇 ends none: 考察学习乡村振兴)
_TOWNSHIP = re.compile(
    r"(?:(?![的了在是和与及等对向从为把将积探推聚围结全各])[\u4e00-\u9fff]){1,4}?(?:镇|乡(?![村镇])|街道|苏木)"
)


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str, str, str]]):
        self.full: dict[str, list[Division]] = {}
        self.short: dict[str, list[Division]] = {}
        for adcode, name, shorts, level in rows:
            division = Division(adcode, name, level)
            self.full.setdefault(name, []).append(division)
            for short in filter(None, shorts.split("/")):
                self.short.setdefault(short, []).append(division)
        self.max_len = max(map(len, [*self.full, *self.short]), default=0)
        lengths: dict[str, set[int]] = {}
        for n in [*self.full, *self.short]:
            lengths.setdefault(n[:2], set()).add(len(n))
        # the lengths of the names each two-character head starts (a quick test before the lookups)
        self._heads = {h: tuple(sorted(ls, reverse=True)) for h, ls in lengths.items()}
        self.provinces = frozenset(
            n for n, ds in {**self.short, **self.full}.items() if any(d.level == "province" for d in ds)
        )

    def names_at(self, text: str, pos: int, end: int | None = None) -> list[PlaceMatch]:
        """Every division whose full or short name starts at pos, longest first."""
        end = len(text) if end is None else end
        out: list[PlaceMatch] = []
        for length in self._heads.get(text[pos : pos + 2], ()):
            if pos + length > end:
                continue
            piece = text[pos : pos + length]
            for d in self.full.get(piece, ()):
                out.append(PlaceMatch(pos, pos + length, d, False))
            for d in self.short.get(piece, ()):
                out.append(PlaceMatch(pos, pos + length, d, True))
        return out

    def chain_at(self, text: str, pos: int, end: int | None = None, *, trusted=None) -> Chain | None:
        """The chain of divisions written from pos (黑龙江省绥化市青冈县, 河北馆陶, 房县), or None.

        The first link must stand alone (a full name, or a short form `trusted` accepts); each next
        link lies inside the one before. A township word may close the chain.
        """
        end = len(text) if end is None else end
        first = next((m for m in self.names_at(text, pos, end) if _alone(m, trusted)), None)
        if first is None:
            return None
        links = [first]
        while True:
            nxt = next(
                (
                    m
                    for m in self.names_at(text, links[-1].end, end)
                    if links[-1].division.contains(m.division)
                ),
                None,
            )
            if nxt is None:
                break
            links.append(nxt)
        township = None
        if links[-1].division.level != "province":
            m = _TOWNSHIP.match(text, links[-1].end, end)
            if m:
                township = m.end()
        return Chain(pos, links[-1].end, tuple(links), township)

    def find(
        self, text: str, start: int = 0, end: int | None = None, *, trusted=None, starts=None
    ) -> list[Chain]:
        """Every chain of divisions in text[start:end], left to right, not overlapping. `starts`, when
        given, are the only offsets a chain may start at (the starts of jieba's words)."""
        end = len(text) if end is None else end
        out: list[Chain] = []
        heads = self._heads
        last = start
        positions = range(start, end - 1) if starts is None else starts
        # most positions start no name: one dict lookup each, in one comprehension
        for pos in [p for p in positions if text[p : p + 2] in heads]:
            if pos < last or pos >= end - 1:
                continue
            chain = self.chain_at(text, pos, end, trusted=trusted)
            if chain:
                out.append(chain)
                last = chain.end
        return out


# a two-character name that starts with a function word (和县: 县委和县政府) is read only inside a chain
_FUNCTION_FIRST = frozenset("和与及在从向对把被将为是的了等并由到")
# a county named like a word that joins two units (会同县: 县公安局会同县市场监管局) likewise
_JOINING_WORDS = frozenset(["会同", "联合", "协同", "配合", "共同"])


def _alone(m: PlaceMatch, trusted) -> bool:
    """A name read without a larger place before it: a full name, or a short form that stands alone."""
    if not m.short:
        name = m.division.name
        return not ((len(name) == 2 and name[0] in _FUNCTION_FIRST) or name[:-1] in _JOINING_WORDS)
    if m.division.level == "province":
        return True
    if m.division.level == "city":
        return trusted is None or trusted(m)
    return False


def _read(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 4 and parts[3] in _LEVELS:
            rows.append((parts[0], parts[1], parts[2], parts[3]))
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The division table, read once per process."""
    return Gazetteer(_read(DATA))
