"""Banded LSH over MinHash signatures, as sorted arrays instead of hash tables.

Each band of ``rows`` signature values is folded into one uint64 key; per
band the keys are sorted and runs of equal keys give the candidate pairs. No
Python object is built per key, so 100k signatures take a fraction of a
second and a few megabytes beyond the pairs, rather than datasketch
``MinHashLSH``'s dictionaries (tens of seconds, hundreds of megabytes).

>>> import numpy as np
>>> sigs = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 7, 7, 7]], dtype=np.uint32)
>>> BandedLSH(bands=2, rows=2).candidate_pairs(sigs).tolist()
[[0, 1]]
"""

from __future__ import annotations

import numpy as np

from .overlap import sorted_unique
from .prefilter import agreement, likely_pairs

__all__ = ["BandedLSH", "bucket_pairs", "optimal_bands"]

_MIX = np.uint64(0x9E3779B97F4A7C15)
# A bucket this large is a template, not a story: link its members in a chain
# through the first one instead of all pairs, which would be quadratic.
_MAX_BUCKET = 64
#: Keys of several one-row bands sorted at once: up to this many (512 KiB of
#: them and as much of documents: a few MiB beside the pairs found).
_KEPT = 1 << 16


def _collision_probability(similarity: float, bands: int, rows: int) -> float:
    return 1.0 - (1.0 - similarity**rows) ** bands


def optimal_bands(threshold: float, num_perm: int, recall: float = 0.9) -> tuple[int, int]:
    """``(bands, rows)`` using at most ``num_perm`` values that make a pair of
    Jaccard ``threshold`` a candidate with probability at least ``recall``,
    with as many rows per band as allow it (fewer chance candidates).

    >>> optimal_bands(0.5, 128)
    (42, 3)
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold!r}")
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if _collision_probability(threshold, bands, rows) >= recall:
            best = (bands, rows)
    return best


class BandedLSH:
    """Candidate pairs from signatures that agree on at least one whole band.

    Args:
        bands: number of bands.
        rows: signature values per band; ``bands * rows`` must not exceed the
            signature length.
    """

    def __init__(self, bands: int, rows: int):
        if bands < 1 or rows < 1:
            raise ValueError(f"bands and rows must be positive, got {bands} and {rows}")
        self.bands = bands
        self.rows = rows

    @classmethod
    def for_threshold(cls, threshold: float, num_perm: int) -> BandedLSH:
        """Bands and rows that make pairs at ``threshold`` Jaccard likely candidates."""
        return cls(*optimal_bands(threshold, num_perm))

    def probability(self, similarity: float) -> float:
        """Chance that a pair with this Jaccard similarity becomes a candidate."""
        return _collision_probability(similarity, self.bands, self.rows)

    def band_key(self, signatures: np.ndarray, band: int) -> np.ndarray:
        """One band's values of every signature folded into one uint64 key each."""
        if signatures.shape[1] < self.bands * self.rows:
            raise ValueError(
                f"signatures have {signatures.shape[1]} values; {self.bands} bands of "
                f"{self.rows} rows need {self.bands * self.rows}"
            )
        key = np.zeros(len(signatures), dtype=np.uint64)
        for column in range(band * self.rows, (band + 1) * self.rows):
            key ^= signatures[:, column]
            key *= _MIX
            key ^= key >> np.uint64(29)
        return key

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """A ``(n, bands)`` uint64 matrix: each band's values folded into one key."""
        return np.stack([self.band_key(signatures, band) for band in range(self.bands)], axis=1)

    def candidate_pairs(
        self, signatures: np.ndarray, valid: np.ndarray | None = None, *, agreeing: int = 1
    ) -> np.ndarray:
        """Unique ``(i, j)`` index pairs, ``i < j``, sharing a band, sorted;
        with ``agreeing``, only those whose signatures agree in that many
        values at least (:func:`~cleaner.prefilter.likely_pairs` of them).

        ``valid`` (bool per row) leaves rows out, e.g. empty documents. One
        band is keyed and sorted at a time, so memory beyond the signatures
        is a few arrays of one entry per document, plus the pairs. (Bands
        of one row are sorted several at a time, up to :data:`_KEPT` keys:
        one sort of many small ones costs far less.)

        With bands of one value, a pair agrees in as many values as bands it
        is found in, so the pairs are counted as they are folded, rather than
        their signatures compared: except in buckets too large to pair all
        members (:data:`_MAX_BUCKET`), whose members' pairs are compared.
        """
        n = len(signatures)
        if n < 2:
            return np.empty((0, 2), dtype=np.int64)
        index = np.arange(n) if valid is None else np.flatnonzero(valid)
        # Not copied when every row is valid: a copy is as large as the signatures.
        rows = signatures if len(index) == n else signatures[index]
        found = np.empty(0, dtype=np.int64)
        pending: list[np.ndarray] = []
        pending_size = 0
        # Eight to sixteen slots a row, so few keys share low bits by chance
        # (at most 2**21 slots: 16 MiB of counts, beside a million signatures' 512 MiB).
        slot_count = 1 << min(max(len(rows).bit_length() + 3, 10), 21)
        slot_mask = np.uint64(slot_count - 1)
        slots = np.empty(len(rows), dtype=np.intp)
        kept: list[tuple[np.ndarray, np.ndarray]] = []
        kept_size = 0
        # Bands of one value: its band above its 32 bits, so bands sort together
        # (:meth:`_band_column`); exact keys of 48 bits at most.
        merged = self.rows == 1 and rows.dtype.itemsize <= 4
        exact = merged and self.bands <= 1 << 16
        # Never folded, a pair's count of bands is then its agreement.
        counting = agreeing > 1 and exact
        big: list[np.ndarray] = []  # members of buckets too large to pair all
        for band in range(self.bands):
            column = self._band_column(rows, band)
            # Only rows whose key's low bits another row shares can be in a
            # bucket of two: sorting those alone (in the same stable order) is
            # far cheaper than sorting all, and finds the same runs.
            np.bitwise_and(column, slot_mask, out=slots, casting="unsafe")
            shared = np.flatnonzero(np.bincount(slots, minlength=slot_count)[slots] > 1)
            kept.append((column[shared], index[shared]))
            kept_size += len(shared)
            if merged and kept_size < _KEPT and band < self.bands - 1:
                continue  # keys of one value tell their band: several bands are sorted at once
            keys = np.concatenate([k for k, _ in kept])
            docs = np.concatenate([d for _, d in kept])
            kept, kept_size = [], 0
            order = _stable_order(keys) if exact else np.argsort(keys, kind="stable")
            for codes in _run_pairs(keys[order], docs[order], big, n):
                pending.append(codes)
                pending_size += len(codes)
            # A pair shared by many bands is found many times: fold repeats away
            # whenever the new ones outgrow the unique ones.
            if counting and band == self.bands - 1:
                found = self._agreeing(signatures, pending, agreeing, big)  # (never folded: found is empty)
            elif pending_size > max(len(found), 1 << 20) or band == self.bands - 1:
                counting = False  # folded: counts are lost
                found = sorted_unique(np.concatenate([found, *pending]))
                pending, pending_size = [], 0
        pairs = np.stack((found // n, found % n), axis=1)
        return pairs if counting or agreeing <= 1 else likely_pairs(signatures, pairs, agreeing)

    @staticmethod
    def _agreeing(
        signatures: np.ndarray, pending: list[np.ndarray], agreeing: int, big: list[np.ndarray]
    ) -> np.ndarray:
        """The distinct codes (``i * n + j``, one in ``pending`` for each band a
        pair was found in) of pairs that agree in ``agreeing`` values or more,
        sorted; ``pending`` is emptied (each copy goes as soon as the next is made).
        A pair both of whose documents are in oversized buckets may agree
        in more values than it was found in: if it may reach ``agreeing``
        so, its signatures are compared."""
        n = len(signatures)
        codes = np.concatenate([np.empty(0, dtype=np.int64), *pending])
        pending.clear()
        if n * n <= 1 << 32:  # every code fits 32 bits, which sort in two thirds the time
            codes = codes.astype(np.uint32)
        codes.sort()
        new = np.empty(len(codes), dtype=bool)
        new[:1] = True
        np.not_equal(codes[1:], codes[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        del new
        found = np.diff(np.append(starts, len(codes)))
        keep = found >= agreeing
        codes = codes[starts].astype(np.int64)
        if big:
            # Unpaired in a bucket both are in: at most as many as the fewer of theirs.
            buckets = np.bincount(np.concatenate(big), minlength=n)
            reach = found + np.minimum(buckets[codes // n], buckets[codes % n])
            unsure = np.flatnonzero(~keep & (reach >= agreeing))
            rows = np.stack((codes[unsure] // n, codes[unsure] % n), axis=1)
            keep[unsure] = agreement(signatures, rows) >= agreeing
        return codes[keep]

    def _band_column(self, signatures: np.ndarray, band: int) -> np.ndarray:
        """One band's key of every signature, for finding buckets: with one
        row a band, the value itself with the band in the high bits (equal
        keys are the same bucket, and keys of different bands never equal),
        so that the keys of several bands can be sorted together; else
        :meth:`band_key`."""
        if self.rows != 1 or signatures.dtype.itemsize > 4:
            return self.band_key(signatures, band)
        if signatures.shape[1] < self.bands:
            self.band_key(signatures, band)  # raises the error it gives
        column = signatures[:, band].astype(np.uint64)
        column |= np.uint64(band) << np.uint64(32)
        return column


def _stable_order(keys: np.ndarray) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` of keys under 2**48, as three
    stable sorts of 16 bits each (numpy sorts 16-bit values by radix, in
    linear time): less than half the time of one sort of 64-bit keys."""
    low = np.uint64(0xFFFF)
    order = np.argsort((keys & low).astype(np.uint16), kind="stable")
    order = order[np.argsort(((keys[order] >> np.uint64(16)) & low).astype(np.uint16), kind="stable")]
    return order[np.argsort((keys[order] >> np.uint64(32)).astype(np.uint16), kind="stable")]


def bucket_pairs(keys: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The pairs :meth:`BandedLSH.candidate_pairs` finds in one band whose
    keys are ``keys``, for documents numbered ``docs`` (any order, numbers
    as they stand in the whole input): ``(i, j)`` rows, ``i < j``, unsorted,
    possibly repeated. The incremental index rebuilds a band's buckets from
    stored and new members with it.

    >>> bucket_pairs(np.array([5, 7, 5], dtype=np.uint64), np.array([10, 11, 3])).tolist()
    [[3, 10]]
    """
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    order = np.lexsort((docs, keys))
    found = _run_pairs(keys[order], np.asarray(docs, dtype=np.int64)[order])
    return np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)


def _run_pairs(
    ordered_keys: np.ndarray,
    ordered_docs: np.ndarray,
    crowded: list[np.ndarray] | None = None,
    n: int | None = None,
) -> list[np.ndarray]:
    """All pairs within each run of equal keys, as arrays (no per-run Python loop
    except for oversized runs, whose members but the first go to ``crowded``):
    ``(i, j)`` rows, ``i < j``, or with ``n`` their codes ``i * n + j``."""
    pair = _ordered if n is None else lambda a, b: np.minimum(a, b) * np.int64(n) + np.maximum(a, b)
    size = len(ordered_keys)
    run_start = np.concatenate(([True], ordered_keys[1:] != ordered_keys[:-1]))
    run_id = np.cumsum(run_start) - 1
    run_length = np.bincount(run_id)
    length = run_length[run_id]
    out: list[np.ndarray] = []
    big = length > _MAX_BUCKET
    if big.any():
        starts = np.flatnonzero(run_start & big)
        heads = ordered_docs[starts]
        for start, head in zip(starts, heads):
            rest = ordered_docs[start + 1 : start + run_length[run_id[start]]]
            out.append(pair(np.full(len(rest), head), rest))
            if crowded is not None:
                crowded.append(rest)
    small = (length > 1) & ~big
    if not small.any():
        return out
    longest = int(length[small].max())
    positions = np.flatnonzero(small)
    for gap in range(1, longest):
        left = positions[positions + gap < size]
        left = left[run_id[left] == run_id[left + gap]]
        if len(left) == 0:
            break
        out.append(pair(ordered_docs[left], ordered_docs[left + gap]))
        # Runs are contiguous: a position with no partner at this gap has none
        # at a larger one, so each gap looks at fewer positions than the last.
        positions = left
    return out


def _ordered(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.stack((np.minimum(a, b), np.maximum(a, b)), axis=1)
