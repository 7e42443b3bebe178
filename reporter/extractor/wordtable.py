"""jieba's dictionary and IDF table as one compact lookup table, with no Python object per word.

jieba's dict.txt (349k words) and analyse/idf.txt (270k words, most of them also in dict.txt) held as
two dicts cost about 100 MB in every worker process; this table holds the 370k words of both in 10 MB
(about 15 MB of process memory once built, in about 0.85 s). Every word is stored once:

- ``_blob``: all words concatenated into one ``str`` (CJK text is 2 bytes a character in a ``str``,
  less than UTF-8's 3, and lookups compare without encoding; one non-BMP word widens the whole blob
  to 4 bytes a character, which stays correct);
- ``_offsets``: ``array('I')``, word ``i`` is ``_blob[_offsets[i]:_offsets[i + 1]]``;
- ``_slots``: an open-addressing hash table (linear probing) of word indexes in ``array('i')``, -1 for an
  empty slot, sized to a power of two at least twice the number of words, so probes stay short;
- per word: ``_tag`` (``array('B')``, or ``'H'`` past 255 tags) indexes ``_tag_names``, a tuple of interned
  tag strings whose entry 0 is None, meaning "not in dict.txt"; ``_freq`` (``array('I')``) is the
  frequency of a verb with frequency ≥ 100, else 0; ``_idf`` (``array('H')``) is round(idf × 10) + 1,
  0 meaning "not in the IDF table".

The hash is Python's own ``hash(str)``: it is cached on the query string, and the table is built once per
process (forked workers inherit both the table and the hash seed), so pickling it is refused: another
process must build its own. Lookups cost about half a microsecond (a dict's is 0.03 µs): the rules ask a
few hundred per report.

An IDF of round(idf × 10) ≥ 65535 does not fit and raises ValueError (jieba's values are 0.9 to 13.9).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import NoReturn

_EMPTY = -1


class WordTable:
    """Lookups of jieba's dictionary (tag, verb frequency, membership) and IDF table (in tenths)."""

    __slots__ = ("_blob", "_freq", "_idf", "_mask", "_offsets", "_slots", "_tag", "_tag_names", "idf_median")

    def __init__(self, dict_lines: Iterable[str], idf_lines: Iterable[str] = ()) -> None:
        """Build from the lines of a jieba dictionary ('word freq tag') and of an IDF file ('word idf').
        A later line wins over an earlier one for the same word, as in a dict."""
        index: dict[str, int] = {}  # word → position, only while building; the words stay in this order
        tags, tag_names, freqs = _read_dict(dict_lines, index)
        idfs = _read_idf(idf_lines, index, tags, freqs)
        slots, mask = _hash_slots(list(index))
        self._blob = "".join(index)
        self._offsets = array("I", accumulate(map(len, index), initial=0))
        self._slots = slots
        self._mask = mask
        self._tag = tags
        self._tag_names = tag_names
        self._freq = freqs
        self._idf = idfs
        self.idf_median: int = _median(idfs)

    @classmethod
    def from_files(cls, dict_path: Path, idf_path: Path, cache_dir: Path | None = None) -> WordTable:
        """Build from jieba's files, read a piece at a time (no whole-file list of lines).

        With a cache folder, the built table's arrays are kept there in one file named after the two
        files' paths, sizes and modification times: the next process reads them (about 0.3 s, the hash
        slots rebuilt with its own hash seed) instead of parsing the files again (about 1.2 s). A cache
        that cannot be read or written is passed over: the table is then built from the files."""
        key = _cache_key(dict_path, idf_path) if cache_dir is not None else None
        if cache_dir is not None and key is not None:
            cached = _load_cache(cache_dir / key)
            if cached is not None:
                return cached
        table = cls(_lines(dict_path), _lines(idf_path))
        if cache_dir is not None and key is not None:
            _save_cache(table, cache_dir, key)
        return table

    @classmethod
    def _from_arrays(
        cls,
        blob: str,
        offsets: array[int],
        tags: array[int],
        tag_names: tuple[str | None, ...],
        freqs: array[int],
        idfs: array[int],
        idf_median: int,
    ) -> WordTable:
        """A table from its stored arrays; the hash slots are built anew (hashes differ per process)."""
        table = cls.__new__(cls)
        slots, mask = _hash_slots([blob[offsets[i] : offsets[i + 1]] for i in range(len(offsets) - 1)])
        table._blob, table._offsets, table._slots, table._mask = blob, offsets, slots, mask
        table._tag, table._tag_names, table._freq, table._idf = tags, tag_names, freqs, idfs
        table.idf_median = idf_median
        return table

    def __reduce__(self) -> NoReturn:
        raise TypeError("WordTable hashes with this process's hash seed: build it in each process")

    def _find(self, word: str) -> int:
        """The index of the word, or -1."""
        slots, offsets, blob, mask = self._slots, self._offsets, self._blob, self._mask
        n = len(word)
        h = hash(word) & mask
        while True:
            i = slots[h]
            if i == _EMPTY:
                return -1
            start = offsets[i]
            if offsets[i + 1] - start == n and blob.startswith(word, start):
                return i
            h = (h + 1) & mask

    def __len__(self) -> int:
        """Words in either file."""
        return len(self._offsets) - 1

    def tag(self, word: str) -> str | None:
        """The part-of-speech tag of a dictionary word, None for words not in the dictionary."""
        i = self._find(word)
        return None if i < 0 else self._tag_names[self._tag[i]]

    def freq(self, word: str) -> int:
        """The dictionary frequency of a verb (tag v…) when it is at least 100, else 0."""
        i = self._find(word)
        return 0 if i < 0 else self._freq[i]

    def idf(self, word: str) -> int | None:
        """round(IDF × 10) of a word of two characters or more, None for words not in the IDF table."""
        i = self._find(word)
        if i < 0:
            return None
        v = self._idf[i]
        return v - 1 if v else None

    def __contains__(self, word: object) -> bool:
        """Whether the word is in the dictionary (a word only in the IDF table is not)."""
        if not isinstance(word, str):
            return False
        i = self._find(word)
        return i >= 0 and self._tag[i] != 0

    def nbytes(self) -> int:
        """Memory held by the table's arrays and word blob, in bytes."""
        arrays = (self._offsets, self._slots, self._tag, self._freq, self._idf)
        return sys.getsizeof(self._blob) + sum(a.itemsize * len(a) for a in arrays)


def _hash_slots(words: list[str]) -> tuple[array[int], int]:
    """The open-addressing table of word indexes (linear probing, -1 empty) and its mask: a power of two
    at least twice the number of words, hashed with this process's hash seed."""
    size = 8
    while size < 2 * len(words):
        size *= 2
    mask = size - 1
    slots = array("i", [_EMPTY]) * size
    for i, h in enumerate([hash(word) & mask for word in words]):
        while slots[h] != _EMPTY:
            h = (h + 1) & mask
        slots[h] = i
    return slots, mask


def _read_dict(
    lines: Iterable[str], index: dict[str, int]
) -> tuple[array[int], tuple[str | None, ...], array[int]]:
    """Tag indexes, tag names and verb frequencies of a jieba dictionary's words, added to index.

    As jieba's own reading: 'word freq tag'; a line without a tag is skipped; the frequency counts only
    for tags starting with v and values of at least 100."""
    tag_index: dict[str, int] = {}
    tag_names: list[str | None] = [None]
    tags = array("B")
    freqs = array("I")
    add_tag, add_freq, position = tags.append, freqs.append, index.setdefault
    for line in lines:
        word, _, rest = line.partition(" ")
        freq, _, tag = rest.partition(" ")
        if not tag:
            continue
        t = tag_index.get(tag)
        if t is None:
            t = tag_index[tag] = len(tag_names)
            tag_names.append(sys.intern(tag))
            if t == 256:
                tags = array("H", tags)
                add_tag = tags.append
        f = int(freq) if tag[0] == "v" and freq.isdigit() and int(freq) >= 100 else 0
        n = len(tags)
        i = position(word, n)
        if i == n:
            add_tag(t)
            add_freq(f)
        else:
            tags[i] = t
            if f:
                freqs[i] = f
    return tags, tuple(tag_names), freqs


def _read_idf(lines: Iterable[str], index: dict[str, int], tags: array[int], freqs: array[int]) -> array[int]:
    """round(idf × 10) + 1 per word of index (0: none), for the IDF file's words of two characters or
    more; its words not in index yet are added to it (no tag, no frequency)."""
    idfs = array("H", bytes(2 * len(tags)))
    stored_of: dict[str, int] = {}  # an IDF file repeats a few thousand values: parse each once
    position = index.get
    for line in lines:
        word, _, value = line.strip().partition(" ")
        if len(word) < 2:  # keywords are never shorter
            continue
        stored = stored_of.get(value)
        if stored is None:
            try:
                tenths = round(float(value) * 10)
            except ValueError:
                continue
            if not 0 <= tenths < 0xFFFF:
                raise ValueError(f"IDF 值超出范围（0 至 6553.4）：{word} {value}")
            stored = stored_of[value] = tenths + 1
        i = position(word)
        if i is None:
            index[word] = len(idfs)
            tags.append(0)
            freqs.append(0)
            idfs.append(stored)
        else:
            idfs[i] = stored
    return idfs


def _median(idfs: array[int]) -> int:
    """The median IDF in tenths (the upper one of an even count), 100 for an empty table."""
    counts = Counter(idfs)
    counts.pop(0, None)
    middle = sum(counts.values()) // 2
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen > middle:
            return value - 1
    return 100


def _lines(path: Path, piece: int = 1 << 16) -> Iterator[str]:
    """The lines of a UTF-8 text file, as read_text().splitlines() gives them, a piece at a time."""
    rest = ""
    with open(path, encoding="utf-8", newline="") as fh:
        while chunk := fh.read(piece):
            chunk = rest + chunk
            cut = chunk.rfind("\n") + 1
            rest = chunk[cut:]
            yield from chunk[:cut].splitlines()
    yield from rest.splitlines()


# ---- the table's cache file: a header line (JSON) and the arrays' bytes, no pickle (nothing in it runs)
_CACHE_MAGIC = b"reporter-wordtable 1\n"


def _cache_key(dict_path: Path, idf_path: Path) -> str | None:
    """The cache file's name for these two files as they are now (path, size, modification time), or
    None when one cannot be looked at."""
    try:
        parts = [f"{p.resolve()}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in (dict_path, idf_path)]
    except OSError:
        return None
    parts.append(f"{sys.byteorder}|{_CACHE_MAGIC!r}")
    return "jieba-" + hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24] + ".bin"


def _save_cache(table: WordTable, folder: Path, name: str) -> None:
    """Write the table's arrays to folder/name through a temporary file (never half a file); any error
    is passed over: the cache only saves time."""
    arrays = {"offsets": table._offsets, "tag": table._tag, "freq": table._freq, "idf": table._idf}
    blob = table._blob.encode("utf-8", "surrogatepass")
    header = {
        "blob": len(blob),
        "arrays": [[key, a.typecode, len(a)] for key, a in arrays.items()],
        "tag_names": list(table._tag_names),
        "idf_median": table.idf_median,
    }
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".wordtable-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_CACHE_MAGIC + json.dumps(header).encode("utf-8") + b"\n" + blob)
            for a in arrays.values():
                fh.write(a.tobytes())
        os.replace(tmp, folder / name)
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _load_cache(path: Path) -> WordTable | None:
    """The table stored at path, or None when there is none or it is not whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        if not data.startswith(_CACHE_MAGIC):
            return None
        end = data.index(b"\n", len(_CACHE_MAGIC))
        header = json.loads(data[len(_CACHE_MAGIC) : end])
        pos = end + 1
        blob = data[pos : pos + header["blob"]].decode("utf-8", "surrogatepass")
        pos += header["blob"]
        arrays: dict[str, array[int]] = {}
        for key, typecode, count in header["arrays"]:
            a = array(typecode)
            size = a.itemsize * count
            if pos + size > len(data):
                return None
            a.frombytes(data[pos : pos + size])
            arrays[key] = a
            pos += size
        if pos != len(data) or len(arrays["offsets"]) < 1 or arrays["offsets"][-1] != len(blob):
            return None
        n = len(arrays["offsets"]) - 1
        if not len(arrays["tag"]) == len(arrays["freq"]) == len(arrays["idf"]) == n:
            return None
        names = tuple(sys.intern(t) if isinstance(t, str) else None for t in header["tag_names"])
        return WordTable._from_arrays(
            blob,
            arrays["offsets"],
            arrays["tag"],
            names,
            arrays["freq"],
            arrays["idf"],
            int(header["idf_median"]),
        )
    except (ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
        return None
