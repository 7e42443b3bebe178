"""Plain data passed between the stages: reader → extractor → writers.

    Path ──readers.read()──▶ SourceDoc ──extract(doc, schema)──▶ Record ──writers──▶ .jsonl | .xlsx | .docx

`SourceDoc.text` is the one coordinate system: every Span points into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping

BlockKind = Literal["heading", "paragraph", "list_item", "cell", "header", "footer", "note"]
Part = Literal["body", "header", "footer", "note"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) into SourceDoc.text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One heading, paragraph, list item, table cell, header or footer line, as a span of the text."""

    kind: BlockKind
    span: Span
    part: Part = "body"
    level: int = 0          # outline level of a heading, list level of a list item, nesting of a cell
    label: str = ""         # the displayed list number of a list item (一是, （一）, 1.), already in the text


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDoc:
    """What every reader returns."""

    path: Path
    sha256: str
    text: str                                   # body first, then headers, footers and notes
    blocks: tuple[Block, ...]
    reader: str                                 # "text" | "docx" | …
    encoding: str | None = None                 # what the text reader decided
    warnings: tuple[str, ...] = ()              # what the reader noticed and repaired
    meta: Mapping[str, str] = field(default_factory=dict)

    @property
    def body_end(self) -> int:
        """Offset where the body ends (headers, footers and notes follow it)."""
        ends = [b.span.end for b in self.blocks if b.part == "body"]
        return max(ends) if ends else 0

    @property
    def body(self) -> str:
        return self.text[: self.body_end]

    def blocks_in(self, part: Part) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.part == part)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value was read: its span and the sentence around it (which starts at sentence_start)."""

    span: Span
    sentence: str
    sentence_start: int = -1

    def marked(self, left: str = "【", right: str = "】") -> str:
        """The sentence with the value's span bracketed."""
        a = self.span.start - self.sentence_start
        b = self.span.end - self.sentence_start
        if self.sentence_start < 0 or not 0 <= a <= b <= len(self.sentence):
            return self.sentence
        return self.sentence[:a] + left + self.sentence[a:b] + right + self.sentence[b:]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    name: str                 # the counted thing as written, cleaned (抓获犯罪嫌疑人)
    value: int | float
    unit: str
    indicator: str = ""       # the normalised indicator name from schema aliases ("" = same as name)

    @property
    def key(self) -> str:
        return self.indicator or self.name


Value = str | Person | Metric


@dataclass(frozen=True, slots=True)
class Found:
    """One extracted value with its evidence and the rule that produced it."""

    value: Value
    evidence: Evidence
    rule: str


@dataclass(frozen=True, slots=True)
class Review:
    """A field a person should check, and why (in Chinese)."""

    field: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """What the extractor returns and every writer takes."""

    path: Path
    sha256: str
    chars: int
    fields: Mapping[str, tuple[Found, ...]]
    review: tuple[Review, ...] = ()
    reader: str = ""
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    fingerprint: bytes | tuple[int, ...] = b""  # reporter.fingerprint (packed) of the body: spots republished copies

    def value(self, key: str) -> Any:
        """The first value of a field, or None."""
        found = self.fields.get(key, ())
        return found[0].value if found else None

    def values(self, key: str) -> list[Any]:
        return [f.value for f in self.fields.get(key, ())]

    def flagged(self, key: str) -> bool:
        return any(r.field == key for r in self.review)


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A file that could not be processed, and why."""

    path: Path
    reason: str              # short, Chinese: 文件已加密
    message: str             # the full one-line message
