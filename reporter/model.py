"""Plain data passed between the stages: reader → extractor → writers.

    Path ──readers.read()──▶ SourceDoc ──extract(doc, schema)──▶ Record ──writers──▶ .jsonl | .xlsx | .docx

`SourceDoc.text` is the one coordinate system: every Span points into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list_item", "cell", "header", "footer", "note"]
Part = Literal["body", "header", "footer", "note"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) into SourceDoc.text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self):  # see _metric below
        return (Span, (self.start, self.end))


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One heading, paragraph, list item, table cell, header or footer line, as a span of the text."""

    kind: BlockKind
    span: Span
    part: Part = "body"
    level: int = 0  # outline level of a heading, list level of a list item, nesting of a cell
    label: str = ""  # the displayed list number of a list item (一是, （一）, 1.), already in the text


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDoc:
    """What every reader returns."""

    path: Path
    sha256: str
    text: str  # body first, then headers, footers and notes
    blocks: tuple[Block, ...]
    reader: str  # "text" | "docx" | …
    encoding: str | None = None  # what the text reader decided
    warnings: tuple[str, ...] = ()  # what the reader noticed and repaired
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

    def __reduce__(self):
        return (Evidence, (self.span, self.sentence, self.sentence_start))

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

    def __reduce__(self):
        return (Person, (self.name, self.title))


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    name: str  # the counted thing as written, cleaned (抓获犯罪嫌疑人)
    value: int | float
    unit: str
    indicator: str = ""  # the normalised indicator name from schema aliases ("" = same as name)

    @property
    def key(self) -> str:
        return self.indicator or self.name

    def __reduce__(self):
        return (_metric, (self.name, self.value, self.unit, self.indicator))


Value = str | Person | Metric


@dataclass(frozen=True, slots=True)
class Found:
    """One extracted value with its evidence and the rule that produced it."""

    value: Value
    evidence: Evidence
    rule: str

    def __reduce__(self):
        return (Found, (self.value, self.evidence, self.rule))


@dataclass(frozen=True, slots=True)
class Review:
    """A field a person should check, and why (in Chinese)."""

    field: str
    reason: str

    def __reduce__(self):
        return (Review, (self.field, self.reason))


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
    fingerprint: bytes | tuple[int, ...] = (
        b""  # reporter.fingerprint (packed) of the body: spots republished copies
    )
    text: str = ""  # the document's text, which every span points into (kept for the 核对页, issue 17)

    def value(self, key: str) -> Any:
        """The first value of a field, or None."""
        found = self.fields.get(key, ())
        return found[0].value if found else None

    def values(self, key: str) -> list[Any]:
        return [f.value for f in self.fields.get(key, ())]

    def flagged(self, key: str) -> bool:
        return any(r.field == key for r in self.review)

    def __reduce__(self):
        return (
            _record,
            (
                self.path,
                self.sha256,
                self.chars,
                dict(self.fields),
                self.review,
                self.reader,
                self.encoding,
                self.warnings,
                self.fingerprint,
                self.text,
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A file that could not be processed, and why."""

    path: Path
    reason: str  # short, Chinese: 文件已加密
    message: str  # the full one-line message


# Pickling: records cross from the worker processes to the main process and are kept on disk while a
# run writes (reporter.jobs.spool), about a hundred small objects each. The default pickling of a slots
# dataclass goes through dataclasses' Python-level __setstate__ for every object (≈ 0.2 ms a record
# each way); rebuilding them through their constructors takes half of that.
def _metric(name: str, value: int | float, unit: str, indicator: str) -> Metric:
    return Metric(name=name, value=value, unit=unit, indicator=indicator)


def _record(
    path: Path,
    sha256: str,
    chars: int,
    fields: Mapping[str, tuple[Found, ...]],
    review: tuple[Review, ...],
    reader: str,
    encoding: str | None,
    warnings: tuple[str, ...],
    fingerprint: bytes | tuple[int, ...],
    text: str = "",
) -> Record:
    return Record(
        path=path,
        sha256=sha256,
        chars=chars,
        fields=fields,
        review=review,
        reader=reader,
        encoding=encoding,
        warnings=warnings,
        fingerprint=fingerprint,
        text=text,
    )
