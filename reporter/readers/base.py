"""What every reader shares: the Reader protocol, hashing, text cleaning and a text builder."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import ClassVar, Protocol

from ..model import Block, BlockKind, Part, SourceDoc, Span
from . import limits


class Reader(Protocol):
    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    def read(self, path: Path, data: bytes) -> SourceDoc: ...


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# C0/C1 controls except \t and \n, bidi embeddings/overrides/isolates, zero-width and BOM characters,
# lone surrogates and non-characters: removed from every text so outputs stay valid XML and readable.
_JUNK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)


def clean_text(text: str) -> tuple[str, int]:
    """Normalise newlines and drop characters no output can hold. Returns (text, how many were dropped).

    \\r\\n and lone \\r become \\n; NUL, other controls, bidi overrides, zero-width characters and lone
    surrogates are removed; \\u2028/\\u2029 become \\n; the vertical tab and form feed become \\n.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    cleaned, dropped = _JUNK.subn("", text)
    return cleaned, dropped


def is_blank(text: str) -> bool:
    return not text.strip() or all(unicodedata.category(c)[0] in "ZC" for c in text)


def cap_text(text: str, limit: int | None = None) -> tuple[str, bool]:
    """The text cut to the extracted-text limit, at a line end when there is one near it.

    Returns (text, whether it was cut). Cutting keeps a prefix, so spans into it stay valid.
    """
    limit = limits.current().max_text_chars if limit is None else limit
    if len(text) <= limit:
        return text, False
    cut = text.rfind("\n", max(0, limit - 2000), limit)
    return text[: cut if cut > 0 else limit], True


def truncated_warning(limit: int | None = None) -> str:
    limit = limits.current().max_text_chars if limit is None else limit
    return f"文字过长，只读取了前 {limit} 个字符，后面的没有处理；请确认这是一份报告，必要时拆分后再处理"


class TextBuilder:
    """Collects blocks into one text, with their spans; body blocks first, then furniture.

    Stops taking blocks once the extracted-text limit is reached (`truncated` is then True), so a
    huge document never builds a huge text.
    """

    def __init__(self) -> None:
        self._parts: dict[Part, list[tuple[str, BlockKind, int, str, str]]] = {
            "body": [],
            "header": [],
            "footer": [],
            "note": [],
        }
        self.dropped = 0
        self.truncated = False
        self._size = 0
        self._limit = limits.current().max_text_chars

    def add(
        self,
        text: str,
        kind: BlockKind = "paragraph",
        *,
        part: Part = "body",
        level: int = 0,
        label: str = "",
        sep: str = "\n",
    ) -> None:
        """Add one block; `sep` is what separates it from the block before (\t between table cells)."""
        text, dropped = clean_text(text)
        self.dropped += dropped
        text = text.strip(" \t\n\u3000\xa0")
        if not text or self.truncated:
            return
        room = self._limit - self._size
        if len(text) + 1 > room:
            self.truncated = True
            text, _ = cap_text(text, max(room - 1, 0))
            if not text:
                return
        self._size += len(text) + 1
        if part in ("header", "footer"):
            kind = part  # type: ignore[assignment]
            if any(item[0] == text for item in self._parts[part]):
                return  # first-page and default headers often repeat the same text
        self._parts[part].append((text, kind, level, label, sep))

    def build(self) -> tuple[str, tuple[Block, ...]]:
        pieces: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for part, items in self._parts.items():
            for i, (text, kind, level, label, sep) in enumerate(items):
                if pieces:
                    pieces.append(sep if i else "\n")
                    pos += 1
                pieces.append(text)
                blocks.append(
                    Block(kind=kind, span=Span(pos, pos + len(text)), part=part, level=level, label=label)
                )
                pos += len(text)
        return "".join(pieces), tuple(blocks)
