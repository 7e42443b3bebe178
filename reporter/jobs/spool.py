"""A batch's results kept on disk, so that a run's memory stays flat however many reports it holds.

    batch = Batch(len(paths))          # the main process, while workers extract
    batch.put(index, payload)          # a Record pickled by a worker (bytes), a Record, or a Failure
    batch[i]                           # Record (read back from disk) or Failure, in input order
    batch.failure(i)                   # the Failure at i, or None (nothing is read from disk)
    batch.records()                    # Sequence[Record]: the records alone, in input order

Why: a Record costs about 15 KB in memory (each value keeps its span and sentence) and about 5 KB
pickled. 10,000 of them held in the main process were the largest part of a run's peak memory (issue 8).
Here they go to an unnamed temporary file as they arrive and are read back one at a time: the writers
make a few passes over the records, and each pass unpickles them again (about 0.1 ms a record, see the
__reduce__ methods in reporter.model). Failures are small and stay in memory.

The first records of a batch, up to CACHE_BYTES of pickles (about 1,000 reports), are also kept in memory
once read back: a run of up to about a thousand reports unpickles each record once instead of once per pass
(six passes: the briefing's items, the ledger's check, rows and widths, the 核对页), and a larger run keeps
its flat memory, paying the passes only for the records past the first thousand. Records are immutable
(frozen dataclasses), so a kept record is the same as one read back again.

The file is deleted when the batch is closed or garbage-collected (an unnamed temporary file on POSIX;
a delete-on-close one on Windows). A full disk or an unwritable temporary folder is an OutputError
naming the folder.
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, overload

from ..errors import OutputError, describe_os_error
from ..model import Failure, Record

_Slot = tuple[int, int] | Failure | None  # (offset, length) of a pickled record, a Failure, or nothing yet

# pickled bytes of the records kept in memory once read (≈ 7 KB a report pickled, ≈ 3 times that in memory)
CACHE_BYTES = 8 * 2**20


class Batch(Sequence[Record | Failure]):
    """Record or Failure per input, in input order; records on disk."""

    def __init__(self, paths: Sequence[Path] = ()):
        self.paths = list(paths)  # the inputs, so that listing them reads nothing back
        self._slots: list[_Slot] = [None] * len(self.paths)
        self._file: IO[bytes] | None = None
        self._end = 0
        self._kept: dict[int, Record] = {}  # index → record read back (see CACHE_BYTES)
        self._kept_bytes = 0

    # -- filling
    def put(self, index: int, item: Record | Failure | bytes) -> None:
        """Keep the result for input `index`: a Failure in memory, a Record (or its pickle) on disk."""
        if index >= len(self._slots):
            self._slots.extend([None] * (index + 1 - len(self._slots)))
        if index >= len(self.paths):
            self.paths.extend([Path()] * (index + 1 - len(self.paths)))
        if not isinstance(item, bytes) and not self.paths[index].parts:
            self.paths[index] = item.path
        self._forget(index)
        if isinstance(item, Failure):
            self._slots[index] = item
            return
        payload = item if isinstance(item, bytes) else pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        fh = self._open()
        try:
            fh.seek(self._end)
            fh.write(payload)
        except OSError as exc:
            folder = tempfile.gettempdir()
            raise OutputError(
                f"无法写入临时文件夹 {folder}（{describe_os_error(exc)[0]}）；请清理磁盘空间后重试",
                path=None,
                reason="临时文件夹无法写入",
            ) from exc
        self._slots[index] = (self._end, len(payload))
        self._end += len(payload)

    def append(self, item: Record | Failure | bytes) -> None:
        self.put(len(self._slots), item)

    def _open(self) -> IO[bytes]:
        if self._file is None:
            try:
                self._file = tempfile.TemporaryFile(prefix="reporter-", suffix=".records")  # noqa: SIM115 (lives with the batch)
            except OSError as exc:
                folder = tempfile.gettempdir()
                raise OutputError(
                    f"无法在临时文件夹 {folder} 里建立文件（{describe_os_error(exc)[0]}）；"
                    "请检查它是否存在、是否可写，或设置 TMP/TEMP 环境变量指向另一个文件夹",
                    path=None,
                    reason="临时文件夹无法写入",
                ) from exc
            self._closer = weakref.finalize(self, self._file.close)  # closed (and deleted) with the batch
        return self._file

    def close(self) -> None:
        """Delete the temporary file; records can no longer be read."""
        self.release()
        if self._file is not None:
            self._closer()
            self._file = None

    # -- reading
    def _load(self, slot: tuple[int, int]) -> Record:
        if self._file is None:
            raise ValueError("the batch is closed")
        offset, length = slot
        self._file.seek(offset)
        return pickle.loads(self._file.read(length))

    def __len__(self) -> int:
        return len(self._slots)

    @overload
    def __getitem__(self, index: int) -> Record | Failure: ...
    @overload
    def __getitem__(self, index: slice) -> list[Record | Failure]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        slot = self._slots[index]
        if slot is None:
            raise LookupError(f"no result for input {index} yet")
        if isinstance(slot, Failure):
            return slot
        record = self._kept.get(index % len(self._slots))
        if record is None:
            record = self._load(slot)
            if self._kept_bytes + slot[1] <= CACHE_BYTES:
                self._kept[index % len(self._slots)] = record
                self._kept_bytes += slot[1]
        return record

    def release(self) -> None:
        """Let go of the records kept in memory (they are read back from disk when asked for again)."""
        self._kept.clear()
        self._kept_bytes = 0

    def _forget(self, index: int) -> None:
        """A new result for input `index`: the record kept for it, if any, is no longer its result."""
        if index in self._kept:
            del self._kept[index]
            slot = self._slots[index]
            self._kept_bytes -= slot[1] if isinstance(slot, tuple) else 0

    def __iter__(self) -> Iterator[Record | Failure]:
        for i in range(len(self)):
            yield self[i]

    def done(self, index: int) -> bool:
        return self._slots[index] is not None

    def failure(self, index: int) -> Failure | None:
        slot = self._slots[index]
        return slot if isinstance(slot, Failure) else None

    def records(self) -> Records:
        """The records alone, in input order (failures left out)."""
        return Records(self, [i for i, slot in enumerate(self._slots) if isinstance(slot, tuple)])


class Records(Sequence[Record]):
    """A read-only sequence of a Batch's records: each access reads one record back from disk."""

    def __init__(self, batch: Batch, indexes: list[int]):
        self._batch = batch
        self._indexes = indexes

    def __len__(self) -> int:
        return len(self._indexes)

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._batch[self._indexes[index]]

    def __iter__(self) -> Iterator[Record]:
        for i in self._indexes:
            yield self._batch[i]  # type: ignore[misc]

    def release(self) -> None:
        """Let go of the batch's records kept in memory (Batch.release)."""
        self._batch.release()

    @property
    def paths(self) -> list[Path]:
        """Each record's input path, without reading the records back."""
        return [self._batch.paths[i] for i in self._indexes]

    def __repr__(self) -> str:
        return f"<{len(self)} records on disk>"
