"""Word lists the rules use, read from the templates in effect (users extend them without code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


@dataclass(frozen=True)
class Lexicon:
    posts: tuple[str, ...]
    userdict: Path | None
    domain_words: Path | None
    task_words: Path | None = None  # tasks: list lead-ins and outline headings
    metric_words: Path | None = None  # metrics: 量词, result verbs, non-metric contexts
    header_words: Path | None = None  # title/date/source: 文种, page-furniture labels, kicker cues

    @property
    def userdicts(self) -> tuple[Path, ...]:
        return (self.userdict,) if self.userdict else ()


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
    )
