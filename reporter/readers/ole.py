"""What an OLE compound file (legacy Office, password-protected Office) holds, read from its directory.

Only the directory and the first bytes of one stream are read, with every chain walk bounded by the
file's sector count, so a broken or hostile file ends in 'unknown', never in a loop. [MS-CFB] 2.2–2.6.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_MAX_SECT = 0xFFFFFFFA


@dataclass(frozen=True, slots=True)
class OleInfo:
    kind: str  # 'encrypted-ooxml' | 'doc' | 'encrypted-doc' | 'works' | 'xls' | 'ppt' | 'other' | 'broken'
    names: frozenset[str]  # directory entry names


class _Cfb:
    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(MAGIC):
            raise ValueError("no header")
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("sector shift")
        self.size = 1 << shift
        self.mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
        self.cutoff = struct.unpack_from("<I", data, 0x38)[0]
        self.sectors = max(0, (len(data) - 512) // self.size + 1)
        n_fat = struct.unpack_from("<I", data, 0x2C)[0]
        dir_start = struct.unpack_from("<I", data, 0x30)[0]
        self.minifat_start = struct.unpack_from("<I", data, 0x3C)[0]
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        nxt = struct.unpack_from("<I", data, 0x44)[0]
        per = self.size // 4 - 1
        for _ in range(self.sectors):  # the DIFAT chain, bounded
            if nxt >= _MAX_SECT or len(difat) >= n_fat:
                break
            entries = struct.unpack_from(f"<{per + 1}I", self._sector(nxt))
            difat.extend(entries[:per])
            nxt = entries[per]
        fat: list[int] = []
        for sect in difat[: min(n_fat, self.sectors)]:
            if sect >= _MAX_SECT:
                continue
            fat.extend(struct.unpack_from(f"<{self.size // 4}I", self._sector(sect)))
        self.fat = fat
        self.dir = self._chain_bytes(dir_start, self.fat, self._sector, limit=self.sectors * self.size)

    def _sector(self, n: int) -> bytes:
        off = (n + 1) * self.size
        if n >= _MAX_SECT or off + self.size > len(self.data) + self.size:
            raise ValueError("sector out of range")
        return self.data[off : off + self.size].ljust(self.size, b"\x00")

    def _chain_bytes(self, start: int, fat: list[int], get, limit: int) -> bytes:
        out = bytearray()
        seen: set[int] = set()
        n = start
        while n < _MAX_SECT and len(out) < limit:
            if n in seen or n >= len(fat):
                raise ValueError("bad chain")
            seen.add(n)
            out += get(n)
            n = fat[n]
        return bytes(out)

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of each directory entry."""
        out = []
        for off in range(0, len(self.dir) - 127, 128):
            raw = self.dir[off : off + 128]
            name_len = struct.unpack_from("<H", raw, 0x40)[0]
            kind = raw[0x42]
            if kind not in (1, 2, 5) or not 2 <= name_len <= 64:
                continue
            name = raw[: name_len - 2].decode("utf-16-le", errors="replace")
            start, size = struct.unpack_from("<IQ", raw, 0x74)
            out.append((name, kind, start, size & 0xFFFFFFFF if self.size == 512 else size))
        return out

    def stream_head(self, name: str, n: int) -> bytes:
        """The first n bytes of a stream (from the mini stream when it is small)."""
        entries = self.entries()
        root = next((e for e in entries if e[1] == 5), None)
        entry = next((e for e in entries if e[0] == name and e[1] == 2), None)
        if entry is None:
            return b""
        _, _, start, size = entry
        if size < self.cutoff and root is not None:
            minifat_bytes = self._chain_bytes(
                self.minifat_start, self.fat, self._sector, limit=self.sectors * self.size
            )
            minifat = list(struct.unpack_from(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
            ministream = self._chain_bytes(root[2], self.fat, self._sector, limit=self.sectors * self.size)

            def mini(k: int) -> bytes:
                return ministream[k * self.mini_size : (k + 1) * self.mini_size]

            data = self._chain_bytes(start, minifat, mini, limit=n)
        else:
            data = self._chain_bytes(start, self.fat, self._sector, limit=n)
        return data[: min(n, size)]


def inspect(data: bytes) -> OleInfo:
    """Classify an OLE compound file by its directory; falls back to a scan when the directory is broken."""
    try:
        cfb = _Cfb(data)
        names = frozenset(e[0] for e in cfb.entries())
    except (ValueError, struct.error, IndexError):
        return _scan(data)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return OleInfo("encrypted-ooxml", names)
    if "WordDocument" in names:
        try:
            fib = cfb.stream_head("WordDocument", 12)
        except (ValueError, struct.error, IndexError):
            fib = b""
        if len(fib) >= 12:
            flags = struct.unpack_from("<H", fib, 0x0A)[0]
            if flags & 0x0100:  # FibBase.fEncrypted ([MS-DOC] 2.5.2)
                return OleInfo("encrypted-doc", names)
        return OleInfo("doc", names)
    if "CONTENTS" in names and (
        "SPELLING" in names or "MatOST" in names or "SummaryInformation" not in names
    ):
        return OleInfo("works", names)
    if "Workbook" in names or "Book" in names:
        return OleInfo("xls", names)
    if "PowerPoint Document" in names:
        return OleInfo("ppt", names)
    if not names:
        return _scan(data)
    return OleInfo("other", names)


def _scan(data: bytes) -> OleInfo:
    """A directory that cannot be walked (truncated, hand-made): look for the stream names themselves."""

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return OleInfo("encrypted-ooxml", frozenset())
    if has("WordDocument"):
        return OleInfo("doc", frozenset())
    return OleInfo("broken", frozenset())
