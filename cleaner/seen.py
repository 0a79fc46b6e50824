"""Which shingle values occur in more than one document, in bounded memory.

A shingle found in one document only can never be shared, so a corpus need
not keep it to count the shingles two documents share. Two bitmaps over the
shingle values (folded to ``bits`` bits: a value that shares a slot with
another is kept, which costs memory, never a shared shingle) mark values
seen once and seen again.

>>> seen = SeenTwice(bits=16)
>>> seen.add(np.array([1, 2, 3], dtype=np.uint32))
>>> seen.add(np.array([3, 4], dtype=np.uint32))
>>> seen.twice(np.array([1, 3, 4], dtype=np.uint32)).tolist()
[False, True, False]
"""

from __future__ import annotations

import numpy as np

__all__ = ["SeenTwice", "bitmap_bits"]


def bitmap_bits(documents: int) -> int:
    """Bitmap size for ``documents`` news documents (~500 shingles each):
    about eight bits a shingle, so few values share a slot; 2**32 at most
    (one slot per value)."""
    wanted = max(documents, 1) * 4096
    return min(32, max(20, (wanted - 1).bit_length()))


class SeenTwice:
    """Values added in more than one call of :meth:`add` (each call: one
    document's distinct values, or several documents' values concatenated)."""

    def __init__(self, bits: int):
        self._mask = np.uint32((1 << bits) - 1) if bits < 32 else np.uint32(0xFFFFFFFF)
        self._once = np.zeros((1 << bits) // 8, dtype=np.uint8)
        self._twice = np.zeros((1 << bits) // 8, dtype=np.uint8)

    def _slots(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        slot = values.astype(np.uint32, copy=False) & self._mask
        return slot >> np.uint32(3), (np.uint8(1) << (slot & np.uint32(7)).astype(np.uint8))

    def add(self, values: np.ndarray) -> None:
        """Mark ``values`` (repeats within the call count as twice).

        The slots are sorted first and the bitmaps read and written in
        that order, a byte once: random reads and unbuffered ``ufunc.at``
        writes over bitmaps of tens of megabytes cost ten times more."""
        if not len(values):
            return
        ordered = np.sort(values.astype(np.uint32, copy=False) & self._mask)
        first = np.empty(len(ordered), dtype=bool)
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        slots = ordered[starts]  # distinct, ascending
        repeated = np.diff(np.append(starts, len(ordered))) > 1
        byte, bit = self._slots(slots)
        again = repeated | ((self._once[byte] & bit) != 0)
        heads = np.flatnonzero(np.concatenate(([True], byte[1:] != byte[:-1])))
        where = byte[heads]  # each byte once
        self._twice[where] |= np.bitwise_or.reduceat(np.where(again, bit, np.uint8(0)), heads)
        self._once[where] |= np.bitwise_or.reduceat(bit, heads)

    def done(self) -> None:
        """No more :meth:`add`: drop the seen-once bitmap (half the memory)."""
        self._once = np.zeros(0, dtype=np.uint8)

    def twice(self, values: np.ndarray) -> np.ndarray:
        """Per value: was it added more than once?"""
        byte, bit = self._slots(values)
        return (self._twice[byte] & bit) != 0
