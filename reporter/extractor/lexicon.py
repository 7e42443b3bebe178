"""Word lists the rules use, read from the templates in effect (users extend them without code)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ..templates import optional_template


def read_word_list(path: Path | None) -> tuple[str, ...]:
    """One entry per line; '#' starts a comment; the first space-separated column is the word."""
    if path is None:
        return ()
    words = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.split()[0])
    return tuple(dict.fromkeys(words))


@lru_cache(maxsize=16)
def read_word_table(path: str | None) -> dict[str, tuple[str, ...]]:
    """A "词 类别" list → {类别: words, longest first}; '#' starts a comment. Read once per file."""
    table: dict[str, list[str]] = {}
    if path is not None:
        for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) >= 2:
                table.setdefault(parts[1], []).append(parts[0])
    return {k: tuple(sorted(dict.fromkeys(v), key=len, reverse=True)) for k, v in table.items()}


@dataclass(frozen=True)
class Lexicon:
    posts: tuple[str, ...]
    userdict: Path | None
    domain_words: Path | None
    task_words: Path | None = None  # tasks: list lead-ins and outline headings
    metric_words: Path | None = None  # metrics: 量词, result verbs, non-metric contexts
    header_words: Path | None = None  # title/date/source: 文种, page-furniture labels, kicker cues
    org_words: Path | None = None  # organisations: organ suffixes, sub-units, media, generic and citing words
    meeting_words: Path | None = None  # meeting frame: meeting and campaign words, holding and lead verbs

    @property
    def userdicts(self) -> tuple[Path, ...]:
        return (self.userdict,) if self.userdict else ()


T = TypeVar("T")


@lru_cache(maxsize=32)
def _read_version(reader: Callable[[Path | None], Any], path: str | None, mtime: float) -> Any:
    return reader(Path(path) if path else None)


def words_in_effect(ctx: Any, attr: str, filename: str, reader: Callable[[Path | None], T]) -> T:
    """A word list of the templates in effect (the context's lexicon, else the default templates), parsed by
    `reader` once per file version (its modification time). The file is looked at (stat) once per document:
    the answer is kept on the context, so the rules asking for it many times per report cost no system call."""
    slots = getattr(ctx, "__dict__", None) if ctx is not None else None
    if slots is None:
        return _words_in_effect(ctx, attr, filename, reader)
    kept = slots.setdefault("_words_in_effect", {})
    key = (attr, filename, reader)
    if key not in kept:
        kept[key] = _words_in_effect(ctx, attr, filename, reader)
    return kept[key]


def _words_in_effect(ctx: Any, attr: str, filename: str, reader: Callable[[Path | None], T]) -> T:
    lexicon = getattr(ctx, "lexicon", None) if ctx is not None else None
    path = getattr(lexicon, attr, None) if lexicon is not None else None
    if path is None:
        path = optional_template(filename)
    mtime = path.stat().st_mtime if path is not None and path.exists() else 0.0
    return _read_version(reader, str(path) if path else None, mtime)


@lru_cache(maxsize=8)
def load_lexicon(templates: str | None = None) -> Lexicon:
    posts = optional_template("posts.txt", templates)
    return Lexicon(
        posts=read_word_list(posts),
        userdict=optional_template("userdict.txt", templates),
        domain_words=optional_template("domain_words.txt", templates),
        task_words=optional_template("task_words.txt", templates),
        metric_words=optional_template("metric_words.txt", templates),
        header_words=optional_template("header_words.txt", templates),
        org_words=optional_template("org_words.txt", templates),
        meeting_words=optional_template("meeting_words.txt", templates),
    )
