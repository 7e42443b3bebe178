"""What every reader shares: the Reader protocol, hashing, text cleaning and a text builder."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
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


# Spaces some programs write instead of an ordinary one: no-break (&nbsp;), en/em/thin/figure spaces …
_COMPAT_SPACES = re.compile("[\xa0\u2002-\u200a\u202f\u205f]")
# an ideographic space between two words (张三　李四, 姓　　名); at a line's start it is indentation and stays
_IDEO_GAP = re.compile("(?<=[^\\s\u3000])\u3000+(?=[^\\s\u3000])")
# what surrounds a line's words without being part of them
LINE_SPACE = " \t\u3000\xa0"


def compat_spaces(text: str) -> str:
    """Compatibility spaces as ordinary spaces, one character for one, so every offset stays put.

    U+00A0, U+2002–U+200A, U+202F and U+205F anywhere; U+3000 between two words (an indent of
    U+3000 at a line's start is left alone: rules read it as indentation).
    """
    text = _COMPAT_SPACES.sub(" ", text)
    if "\u3000" in text:
        text = _IDEO_GAP.sub(lambda m: " " * len(m.group()), text)
    return text


def line_span(line: str) -> tuple[int, int] | None:
    """(start, end) of a line's words inside it, without the white space around them; None if blank."""
    stripped = line.strip(LINE_SPACE)
    if not stripped or is_blank(stripped):
        return None
    start = line.index(stripped)
    return start, start + len(stripped)


class TextBuilder:
    """Collects blocks into one text, with their spans; body blocks first, then furniture.

    The body is laid out as a plain-text file of the same report would be: one line per paragraph
    (and per line break in it, but in headings and cells), kept as it is (indentation and all) while
    its block's span covers only its words, and an empty paragraph as an empty line. So a .txt, a .docx and a web page of one report give the extractor
    the same text and the same blocks. Headers, footers and notes are stripped and each said once.

    Stops taking blocks once the extracted-text limit is reached (`truncated` is then True), so a
    huge document never builds a huge text.
    """

    def __init__(self) -> None:
        self._parts: dict[Part, list[_Line]] = {"body": [], "header": [], "footer": [], "note": []}
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
        blank: bool = False,
        lead: str = "",
    ) -> None:
        """Add one block; `sep` is what separates it from the block before (\t between table cells).

        A body paragraph without words is an empty line when `blank` is set (an empty paragraph of a
        Word file, an empty line of a page), and nothing otherwise. `lead` stands before the block's
        words on its line but outside its span, as an indentation does (a bullet: • ◦ ▪).
        """
        text, dropped = clean_text(text)
        self.dropped += dropped
        text = compat_spaces(text)
        if self.truncated:
            return
        # a body paragraph keeps its indentation (outside its span); cells and furniture are stripped
        text = text.strip("\n") if part == "body" and sep == "\n" else text.strip(LINE_SPACE + "\n")
        if not text.strip(LINE_SPACE + "\n") or is_blank(text):
            if blank and part == "body" and sep == "\n" and self._parts["body"]:
                self._size += 1
                self._parts["body"].append(_Line("", None, sep=sep))
            return
        lead = clean_text(lead)[0] if part == "body" and sep == "\n" else ""
        text = lead + text
        room = self._limit - self._size
        if len(text) + 1 > room:
            self.truncated = True
            text, _ = cap_text(text, max(room - 1, 0))
            if not text[len(lead) :].strip(LINE_SPACE + "\n"):
                return
        self._size += len(text) + 1
        if part == "body" and sep == "\n" and kind in ("paragraph", "list_item") and "\n" in text:
            # a line break inside a paragraph (Word's Shift+Enter, a page's <br>) starts a line as in a .txt
            for i, line in enumerate(text.split("\n")):
                skip = len(lead) if not i else 0
                words = line_span(line[skip:])
                self._parts[part].append(
                    _Line(line, kind if words else None, level, label if not i else "", sep, skip)
                )
            return
        if part in ("header", "footer"):
            kind = part
            if any(item.text == text for item in self._parts[part]):
                return  # first-page and default headers often repeat the same text
        self._parts[part].append(_Line(text, kind, level, label, sep, len(lead)))

    def build(self) -> tuple[str, tuple[Block, ...]]:
        body = self._parts["body"]
        while body and body[-1].kind is None:  # empty paragraphs at the end are not part of the text
            body.pop()
        if body:
            body[-1].text = body[-1].text.rstrip(LINE_SPACE + "\n")
        pieces: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for part, items in self._parts.items():
            for i, line in enumerate(items):
                if pieces:
                    pieces.append(line.sep if i else "\n")
                    pos += 1
                pieces.append(line.text)
                span = line_span(line.text[line.lead :]) if line.kind is not None else None
                if span is not None and line.kind is not None:
                    start = pos + line.lead
                    blocks.append(
                        Block(
                            kind=line.kind,
                            span=Span(start + span[0], start + span[1]),
                            part=part,
                            level=line.level,
                            label=line.label,
                        )
                    )
                pos += len(line.text)
        return "".join(pieces), tuple(blocks)


@dataclass(slots=True)
class _Line:
    """One line of the text being built: its block's kind (None: no block, an empty line) and where its
    words begin (`lead` characters not part of the span)."""

    text: str
    kind: BlockKind | None
    level: int = 0
    label: str = ""
    sep: str = "\n"
    lead: int = 0
