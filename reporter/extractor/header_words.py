"""The words of a report's header and page furniture (templates/header_words.txt): 文种, publication-line
labels, byline heads, kicker and subtitle cues, media suffixes, form date fields — and the patterns built
from them once per file version."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import words_in_effect

if TYPE_CHECKING:
    from .context import Context


@dataclass(frozen=True)
class HeaderWords:
    """The sections of templates/header_words.txt and the patterns built from them."""

    doc_kinds: tuple[str, ...] = ()
    pub_labels: tuple[str, ...] = ()
    byline_heads: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    announce_verbs: tuple[str, ...] = ()
    announce_objects: tuple[str, ...] = ()
    subtitle_heads: tuple[str, ...] = ()
    directive_verbs: tuple[str, ...] = ()
    media_suffixes: tuple[str, ...] = ()
    form_dates: tuple[str, ...] = ()
    issuer_labels: tuple[str, ...] = ()
    source_labels: tuple[str, ...] = ()
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)


_SECTIONS = {
    "文种": "doc_kinds",
    "发布标签": "pub_labels",
    "署名开头": "byline_heads",
    "讲话动词": "speech_verbs",
    "宣布动词": "announce_verbs",
    "宣布对象": "announce_objects",
    "副题开头": "subtitle_heads",
    "主题动词": "directive_verbs",
    "媒体后缀": "media_suffixes",
    "表单日期": "form_dates",
    "发文单位标签": "issuer_labels",
    "来源标签": "source_labels",
}


def _alt(words: tuple[str, ...]) -> str:
    """A regex alternation of the words, longest first (never matches when there are none)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def read_header_words(path: Path | None) -> HeaderWords:
    """Parse header_words.txt: a [节名] line starts a section; one word a line; # starts a comment."""
    sections: dict[str, list[str]] = {v: [] for v in _SECTIONS.values()}
    current = None
    text = path.read_text(encoding="utf-8-sig") if path is not None else ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("——") else raw.strip()
        if not line:
            continue
        m = re.fullmatch(r"\[(.+?)\]", line)
        if m:
            current = _SECTIONS.get(m.group(1).strip())
            continue
        if current is not None:
            sections[current].append(line.split()[0])
    words = {k: tuple(dict.fromkeys(v)) for k, v in sections.items()}
    labels = _alt(words["pub_labels"])
    source_label = rf"(?:本文|原文|信息|数据|稿件|文章|新闻|图片)?(?:{_alt(words['source_labels'])})"
    patterns = {
        "doc_kind_end": re.compile(rf"(?:{_alt(words['doc_kinds'])})$"),
        "label_value": re.compile(
            rf"(?:{labels})\s*[：:|丨]\s*(?!(?:{labels})\s*[：:|丨])(?P<v>[^\s【】\[\]]*)"
        ),
        "byline": re.compile(rf"^(?:{_alt(words['byline_heads'])})(?:\s*[：:|丨]|\s+|$)"),
        "speech_end": re.compile(rf"(?:{_alt(words['speech_verbs'])})$"),
        "announce": re.compile(
            rf"(?:{_alt(words['announce_verbs'])}).*(?:{_alt(words['announce_objects'])}|》)$"
        ),
        "subtitle_head": re.compile(rf"^(?:{_alt(words['subtitle_heads'])})"),
        "directive_head": re.compile(rf"^.{{0,4}}?(?:{_alt(words['directive_verbs'])})"),
        "media_end": re.compile(rf"(?:{_alt(words['media_suffixes'])})$"),
        "form_date": re.compile(rf"^(?P<label>{_alt(words['form_dates'])})\s*[：:]?\s*(?P<v>.*)$"),
        # 来源：X, 信息来源：X, 供稿单位：X, 报送单位：X — a source line's label (with its 本文/信息/数据… head)
        "source_label": re.compile(rf"{source_label}\s*[：:|丨]\s*"),
        "source_inline": re.compile(
            rf"(?:^|[\s（(【\[]){source_label}\s*[：:|丨]\s*(?P<src>[^\s，。；;,|）)】\]]{{2,30}})"
        ),
        "issuer_label": re.compile(rf"^(?P<label>{_alt(words['issuer_labels'])})\s*[：:]\s*(?P<v>\S.*)$"),
    }
    return HeaderWords(**words, patterns=patterns)


def header_words(ctx: Context | None = None) -> HeaderWords:
    """The header words of the templates in effect (read once per file version)."""
    return words_in_effect(ctx, "header_words", "header_words.txt", read_header_words)
