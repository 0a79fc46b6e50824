"""Where the dedup stage keeps documents while it clusters: on disk, not in memory.

A million clean documents are gigabytes of text, but clustering needs only
their signatures. :class:`SpillStore` appends each document's output line to
an unnamed temporary file and remembers its offset, so writing the kept
documents (or anything that needs one text back) reads them from disk;
:class:`RowBuffer` collects signature rows in one growing array.

>>> store = SpillStore()
>>> store.append('{"id": "a", "text": "One."}')
>>> store.append('{"id": "b", "text": "Two."}')
>>> store.extend([])
>>> store.extend(['{"id": "c", "text": "Three."}'])
>>> store.record(1)["text"], list(store)[0], len(store), store[2]
('Two.', '{"id": "a", "text": "One."}', 3, '{"id": "c", "text": "Three."}')
>>> store.close()
"""

from __future__ import annotations

import json
import os
import tempfile
from array import array
from collections.abc import Iterator
from typing import Any

import numpy as np

from .write import Packed

__all__ = ["FieldOf", "RowBuffer", "SequenceSpill", "SpillStore"]

# Bytes read at once when every line is read in order.
_BLOCK = 1 << 22


class SpillStore:
    """Lines (one JSON record each) on disk, readable back by index or in order.

    Writes append through a buffer; reads are positional (``os.pread``), so
    reading never disturbs writing and an iteration may be interleaved with
    lookups.
    """

    def __init__(self, directory: str | None = None):
        # Closed by close(); unnamed, so nothing is left behind even on a crash.
        self._file = tempfile.TemporaryFile(mode="wb", dir=directory, prefix="cleaner-spill-")  # noqa: SIM115
        self._offsets = array("q", [0])

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def append(self, line: str) -> None:
        self.extend([line])

    def extend(self, lines: list[str] | Packed) -> None:
        """Append several lines with one write."""
        if not isinstance(lines, Packed):
            lines = Packed.of([line.encode("utf-8") for line in lines])
        if not len(lines):
            return
        self._file.write(lines.data)
        end = self._offsets[-1]
        for size in lines.sizes:
            end += size + 1
            self._offsets.append(end)

    def _read(self, start: int, stop: int) -> bytes:
        self._file.flush()
        return os.pread(self._file.fileno(), stop - start, start)

    def __getitem__(self, index: int) -> str:
        """Line ``index`` (without its newline)."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._read(self._offsets[index], self._offsets[index + 1] - 1).decode("utf-8")

    def record(self, index: int) -> dict[str, Any]:
        """Record ``index`` as a dict."""
        return json.loads(self[index])

    def __iter__(self) -> Iterator[str]:
        """Every line in order, read in large blocks."""
        for index, stop, block, base in self._blocks():
            for i in range(index, stop):
                yield block[self._offsets[i] - base : self._offsets[i + 1] - base - 1].decode("utf-8")

    def kept(self, keep: list[bool]) -> Iterator[tuple[bytes | memoryview, int]]:
        """The lines whose ``keep`` is true, in order, as stored (UTF-8, each
        with its newline): those of each block read at once, joined (one
        write for them, not one per run of consecutive ones), and how many."""
        offsets = self._offsets
        for index, stop, block, base in self._blocks():
            view = memoryview(block)
            runs: list[memoryview] = []
            count = 0
            i = index
            while i < stop:
                if not keep[i]:
                    i += 1
                    continue
                first = i
                while i < stop and keep[i]:
                    i += 1
                runs.append(view[offsets[first] - base : offsets[i] - base])
                count += i - first
            if runs:
                yield (runs[0] if len(runs) == 1 else b"".join(runs)), count

    def _blocks(self) -> Iterator[tuple[int, int, bytes, int]]:
        """``(first line, end line, their bytes, offset of those)``: every
        line, a block of about :data:`_BLOCK` bytes at a time."""
        index, count = 0, len(self)
        while index < count:
            stop = index + 1
            while stop < count and self._offsets[stop + 1] - self._offsets[index] <= _BLOCK:
                stop += 1
            yield index, stop, self._read(self._offsets[index], self._offsets[stop]), self._offsets[index]
            index = stop

    def close(self) -> None:
        self._file.close()


class FieldOf:
    """One field of each line of a :class:`SpillStore`, read back on demand:
    the clean texts dedup verifies, from the output lines it spilled anyway
    (a view: nothing is stored twice)."""

    def __init__(self, store: SpillStore, field: str):
        self._store = store
        self._field = field

    def __len__(self) -> int:
        return len(self._store)

    def __getitem__(self, index: int) -> str:
        return json.loads(self._store[index])[self._field]  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        for line in self._store:
            yield json.loads(line)[self._field]

    def close(self) -> None:
        """Nothing to do: the store is its owner's to close."""


class SequenceSpill:
    """Each document's shingles in text order (what signing made), on disk.

    Verifying a pair needs both documents' shingles in text order; signing
    had them, and reading a few hundred bytes back costs far less than
    reading the text back and tokenising it again. On disk, like the texts:
    kept in memory they would be several times the signatures.
    """

    def __init__(self, directory: str | None = None):
        self._file = tempfile.TemporaryFile(mode="wb", dir=directory, prefix="cleaner-spill-")  # noqa: SIM115
        self._offsets = array("q", [0])  # in values
        self._dtype: np.dtype | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def extend(self, values: np.ndarray, bounds: np.ndarray) -> None:
        """Append documents ``values[bounds[i]:bounds[i + 1]]``, one after another."""
        if self._dtype is None:
            self._dtype = values.dtype
        assert values.dtype == self._dtype
        first, last = int(bounds[0]), int(bounds[-1])
        self._file.write(np.ascontiguousarray(values[first:last]).data)
        self._offsets.extend((np.asarray(bounds[1:], dtype=np.int64) - first + self._offsets[-1]).tolist())

    def __getitem__(self, index: int) -> np.ndarray:
        """Document ``index``'s values (a new, writable array)."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        start, stop = self._offsets[index], self._offsets[index + 1]
        out = np.empty(stop - start, dtype=self._dtype)
        if len(out):
            self._file.flush()
            os.preadv(self._file.fileno(), [out], start * out.itemsize)
        return out

    def close(self) -> None:
        self._file.close()


class RowBuffer:
    """Rows of a fixed width appended in blocks into one array that doubles as it fills."""

    def __init__(self, width: int, dtype: type = np.uint32):
        self._data = np.empty((1024, width), dtype=dtype)
        self._size = 0

    def extend(self, rows: np.ndarray) -> None:
        need = self._size + len(rows)
        if need > len(self._data):
            grown = np.empty((max(need, 2 * len(self._data)), self._data.shape[1]), dtype=self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : need] = rows
        self._size = need

    def array(self) -> np.ndarray:
        """The rows so far (a view: valid until the next ``extend``)."""
        return self._data[: self._size]

    def take(self) -> np.ndarray:
        """The rows so far, emptying the buffer: the caller holds the only
        reference, and can free them by dropping it."""
        rows = self._data[: self._size]
        self._data, self._size = np.empty((0, rows.shape[1]), dtype=rows.dtype), 0
        return rows
