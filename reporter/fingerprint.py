"""A small fingerprint of a report's text, to spot the same report republished by another unit.

    fp = fingerprint(doc.body)              # (number of 4-grams, 64 smallest 4-gram hashes …)
    similarity(fp, other) >= 0.9            # "the texts are at least 90% alike"

The text is normalised first (NFKC; whitespace and punctuation dropped), so a copy that was re-typeset,
pasted from WeChat or given full-width punctuation still matches. The fingerprint is a bottom-k MinHash
sketch of the set of character 4-grams: the number of distinct 4-grams followed by the SKETCH smallest of
their CRC-32 values. Two sketches estimate how many 4-grams the texts share; `similarity` reports the
shared part relative to the larger text (1.0 = same text, 0.0 = nothing in common). Texts with fewer
than SKETCH distinct 4-grams keep them all, so short texts are compared exactly.

The fingerprint is stored in a hidden column of the ledger (`encode` / `decode`), so a later run can
compare a new report with every report already there without keeping their texts.
"""

from __future__ import annotations

import base64
import heapq
import struct
import unicodedata
import zlib
from functools import cache

GRAM = 4
SKETCH = 64


def normalise(text: str) -> str:
    """NFKC, without whitespace, punctuation, symbols or control characters."""
    text = unicodedata.normalize("NFKC", text)
    new = set(text) - _SEEN  # characters met for the first time in this process (few after a while)
    if new:
        _DROP.update((ord(ch), None) for ch in new if _dropped(ch))
        _SEEN.update(new)
    return text.translate(_DROP)


# every character classified so far, and the table deleting those that are dropped: a report's text is
# translated with it at once instead of building its own table character by character
_SEEN: set[str] = set()
_DROP: dict[int, None] = {}


@cache
def _dropped(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "ZPSC"


def fingerprint(text: str) -> tuple[int, ...]:
    """(number of distinct 4-grams, the SKETCH smallest 4-gram hashes in ascending order); () for no text."""
    norm = normalise(text)
    if not norm:
        return ()
    if len(norm) <= GRAM:
        grams = {zlib.crc32(norm.encode("utf-8"))}
    else:
        grams = {zlib.crc32(norm[i : i + GRAM].encode("utf-8")) for i in range(len(norm) - GRAM + 1)}
    return (len(grams), *sorted(heapq.nsmallest(SKETCH, grams)))


def pack(fp: tuple[int, ...]) -> bytes:
    """The fingerprint as 4-byte numbers: what a Record keeps (≈260 bytes instead of ≈2.5 KB of ints)."""
    return struct.pack(f">{len(fp)}I", *fp) if fp else b""


def _ints(fp: tuple[int, ...] | bytes) -> tuple[int, ...]:
    if isinstance(fp, (bytes, bytearray)):
        return struct.unpack(f">{len(fp) // 4}I", fp) if len(fp) % 4 == 0 else ()
    return tuple(fp)


def similarity(a: tuple[int, ...] | bytes, b: tuple[int, ...] | bytes) -> float:
    """Estimated share of 4-grams the two texts have in common, relative to the larger one (0.0–1.0)."""
    a, b = _ints(a), _ints(b)
    if len(a) < 2 or len(b) < 2:
        return 0.0
    size_a, sketch_a = a[0], set(a[1:])
    size_b, sketch_b = b[0], set(b[1:])
    k = min(SKETCH, len(sketch_a | sketch_b))
    union_sketch = heapq.nsmallest(k, sketch_a | sketch_b)
    shared = sum(1 for h in union_sketch if h in sketch_a and h in sketch_b)
    jaccard = shared / len(union_sketch)
    common = jaccard * (size_a + size_b) / (1 + jaccard)  # |A∩B| from |A∪B| = |A| + |B| − |A∩B|
    return min(1.0, common / max(size_a, size_b))


def encode(fp: tuple[int, ...] | bytes) -> str:
    """The fingerprint as short ASCII text (base64 of 32-bit big-endian numbers) for a ledger cell."""
    if not fp:
        return ""
    raw = fp if isinstance(fp, (bytes, bytearray)) else pack(fp)
    return base64.b64encode(raw).decode("ascii")


def decode(text: str) -> tuple[int, ...]:
    """The inverse of encode(); () for text that is not a fingerprint (a person may have typed in the cell)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (ValueError, TypeError):
        return ()
    if not raw or len(raw) % 4:
        return ()
    return struct.unpack(f">{len(raw) // 4}I", raw)
