"""Sentences and words.

Sentences are split on 。！？；… and line ends. Words come from one small segmenter interface with
two implementations of the same dictionary and algorithm: rjieba (jieba-rs, a compiled binding,
about 20× faster) when it is installed, else jieba itself. Both get the user dictionary of the
templates in effect; tests/test_segment.py checks that they cut the same. jieba's dictionary file
is also read once for the part-of-speech tag and frequency of each word (a lookup, no tagging pass),
together with jieba's IDF table, into one compact table (wordtable.py).
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Protocol

from ..model import Span
from .scan import matches_from
from .wordtable import WordTable

_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+")
_SENT_END_FIRST = re.compile(r"[。！？!?；;…\n]")  # where a _SENT_END match begins (scan.matches_from)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans over text[start:end], without surrounding white space."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for m in matches_from(_SENT_END, _SENT_END_FIRST, text, start, end):
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


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None: ...


class RJiebaSegmenter:
    """jieba-rs through rjieba: the same dictionary and algorithm as jieba, compiled."""

    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._jieba = rjieba.Jieba()

    def cut(self, text: str) -> list[str]:
        return self._jieba.cut(text, True)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        if freq is None:
            freq = self._jieba.suggest_freq(word)
        self._jieba.add_word(word, freq, tag)


class JiebaSegmenter:
    """jieba itself (pure Python)."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tk = jieba.Tokenizer()
        self._tk.initialize()

    def cut(self, text: str) -> list[str]:
        return list(self._tk.cut(text, HMM=True))

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self._tk.add_word(word, freq, tag)


_lock = threading.Lock()
_segmenter: Segmenter | None = None
_dict_files: tuple[Path, ...] = ()


def make_segmenter(prefer: str = "rjieba") -> Segmenter:
    if prefer == "rjieba":
        try:
            return RJiebaSegmenter()
        except ImportError:
            pass
    return JiebaSegmenter()


def segmenter(userdicts: tuple[Path, ...] = ()) -> Segmenter:
    """The process-wide segmenter, created on first use, with the given user dictionaries added."""
    global _segmenter, _dict_files
    with _lock:
        if _segmenter is None:
            _segmenter = make_segmenter()
        for path in userdicts:
            if path not in _dict_files:
                for word, freq, tag in read_userdict(path):
                    _segmenter.add_word(word, freq, tag)
                _dict_files = (*_dict_files, path)
        return _segmenter


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
    words = segmenter(userdicts).cut(text)
    bounds = list(accumulate(map(len, words), initial=0))
    return list(zip(words, bounds[:-1], bounds[1:], strict=True))


@lru_cache(maxsize=1)
def dictionary() -> WordTable:
    """jieba's dictionary file and IDF table, read once per process into one compact table.

    The files are found without importing jieba (rjieba does not need it, and importing it costs ~10 MB)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("未安装 jieba：需要它的词典文件（dict.txt、idf.txt）")
    folder = Path(spec.submodule_search_locations[0])
    return WordTable.from_files(folder / "dict.txt", folder / "analyse" / "idf.txt", cache_folder())


def cache_folder() -> Path | None:
    """Where the built word table is kept between runs: REPORTER_CACHE when set (empty: no cache), else
    the user's cache folder (%LOCALAPPDATA%\\reporter\\cache on Windows, $XDG_CACHE_HOME/reporter or
    ~/.cache/reporter elsewhere). Only time is saved there; deleting it is always safe."""
    import os

    if "REPORTER_CACHE" in os.environ:
        value = os.environ["REPORTER_CACHE"]
        return Path(value) if value else None
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "reporter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reporter"


def tokenizer(userdicts: tuple[Path, ...] = ()) -> Segmenter:
    """The process-wide segmenter (older name, kept for callers)."""
    return segmenter(userdicts)
