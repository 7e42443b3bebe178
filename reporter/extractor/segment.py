"""Sentences and words.

Sentences are split on 。！？；… and line ends. Words come from jieba, loaded once per process and
only when a rule asks for them; its start-up chatter is silenced and the user dictionary of the
templates in effect is added.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from ..model import Span

_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans over text[start:end], without surrounding white space."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end() if m.group().strip() else m.start()
        _append(text, spans, pos, stop)
        pos = m.end()
    _append(text, spans, pos, end)
    return spans


def _append(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start] in " \t\u3000\n\xa0":
        start += 1
    while end > start and text[end - 1] in " \t\u3000\n\xa0":
        end -= 1
    if end > start:
        spans.append(Span(start, end))


_lock = threading.Lock()
_tokenizer = None
_dict_files: tuple[Path, ...] = ()


def tokenizer(userdicts: tuple[Path, ...] = ()):
    """The process-wide jieba tokenizer, created on first use with the given user dictionaries."""
    global _tokenizer, _dict_files
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            _tokenizer = tk
        for path in userdicts:
            if path not in _dict_files:
                for word, freq, tag in read_userdict(path):
                    _tokenizer.add_word(word, freq, tag)
                _dict_files = _dict_files + (path,)
        return _tokenizer


def read_userdict(path: Path) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba user dictionary: 'word [freq] [tag]' per line; '#' starts a comment."""
    out: list[tuple[str, int | None, str | None]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        out.append((word, freq, tag))
    return out


def cut(text: str, userdicts: tuple[Path, ...] = ()) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of the text, in order."""
    tk = tokenizer(userdicts)
    out = []
    pos = 0
    for word in tk.cut(text, HMM=True):
        out.append((word, pos, pos + len(word)))
        pos += len(word)
    return out
