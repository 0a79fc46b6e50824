"""Vectorised MinHash signatures, interchangeable with datasketch's.

datasketch's default (since 2.0) ``affine32`` scheme turns each 32-bit shingle
hash ``h`` into ``a_k * fmix32(h) + b_k (mod 2**32)`` for ``k`` permutations
and keeps the minimum per permutation. :class:`MinHasher` does the same for
many documents at once as numpy array operations, with the very permutation
parameters datasketch draws for a seed, so a signature from here *is* a
datasketch signature: wrap it with :meth:`MinHasher.lean_minhash` to use it in
``MinHashLSH`` or datasketch's storage.

>>> hasher = MinHasher(num_perm=16, ngram=3)
>>> text = "the quick brown fox jumps over the lazy dog"
>>> sig = hasher.signatures([hasher.shingles(text.split())])[0]
>>> from datasketch import MinHash
>>> m = MinHash(num_perm=16, seed=1, hashfunc=hasher.shingle_hash, scheme="affine32")
>>> words = text.split()
>>> m.update_batch([tuple(words[i : i + 3]) for i in range(len(words) - 2)])
>>> bool((m.hashvalues == sig).all())
True
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from .shingling import batch_shingle_array, combine, fold32, scanned_shingle_parts, span_hashes
from .tokens import scan_text

if TYPE_CHECKING:
    from datasketch import LeanMinHash

__all__ = ["MinHasher", "affine32_permutations", "distinct_sets"]

#: ``(signatures, shingles, bounds, words)``: :meth:`MinHasher.sign_sets`.
SignedSets = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
_EMPTY = np.uint32(0xFFFFFFFF)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Texts signed together: about this many characters, so that a batch's arrays
# stay in cache (bigger batches are no faster, and slower on a busy machine),
# and its bytes mostly fit one window of token hashing (shingling._WINDOW,
# 2**18): a second, tiny window costs more than it hashes.
_BATCH_CHARS = 250_000
# Permutations applied at once.
_PERM_BLOCK = 16
# Documents whose shingles are sorted together to count distinct ones.
_SORT_GROUP = 256


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2 = _FMIX32
    h = h ^ (h >> s1)
    h *= m1
    h ^= h >> s2
    h *= m2
    return h ^ (h >> s1)


def affine32_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's ``affine32`` parameters ``(a, b)`` for ``num_perm`` and
    ``seed``, drawn the way ``MinHash._init_permutations`` draws them (without
    importing datasketch, whose import pulls in scipy: a third of a second).

    >>> from datasketch import MinHash
    >>> a, b = affine32_permutations(128, 7)
    >>> theirs = MinHash(num_perm=128, seed=7, scheme="affine32").permutations
    >>> bool((a == theirs[0]).all() and (b == theirs[1]).all())
    True
    """
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _sorted_rows(
    values: np.ndarray, bounds: np.ndarray, min_width: int
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Consecutive segments ``values[bounds[i]:bounds[i + 1]]`` padded into the
    rows of one matrix, sorted row by row: far cheaper than one sort of
    (segment, value) keys. Yields ``(first segment, present, matrix)`` per
    group of segments, ``present`` marking the cells that hold a value;
    groups whose longest segment is under ``min_width`` are left out."""
    counts = np.diff(bounds)
    for at in range(0, len(counts), _SORT_GROUP):
        sizes = counts[at : at + _SORT_GROUP]
        width = int(sizes.max())
        if width < min_width:
            continue
        present = np.arange(width) < sizes[:, None]
        matrix = np.full(present.shape, _EMPTY, dtype=np.uint32)
        matrix[present] = values[bounds[at] : bounds[at + len(sizes)]]  # row-major: in order
        matrix.sort(axis=1)
        yield at, present, matrix


def distinct_counts(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Distinct values in each segment ``values[bounds[i]:bounds[i + 1]]``."""
    counts = np.diff(bounds)
    out = counts.copy()
    for at, present, matrix in _sorted_rows(values, bounds, min_width=2):  # 0 or 1 value: its count
        new = matrix[:, 1:] != matrix[:, :-1]
        new &= present[:, 1:]
        out[at : at + len(present)] = np.minimum(counts[at : at + len(present)], 1) + new.sum(axis=1)
    return out


def distinct_sets(values: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each segment's sorted distinct values, packed: segment ``i``'s at
    ``out[out_bounds[i]:out_bounds[i + 1]]``."""
    sizes = np.diff(bounds)
    parts: list[np.ndarray] = []
    for at, present, matrix in _sorted_rows(values, bounds, min_width=1):
        keep = present.copy()
        np.logical_and(keep[:, 1:], matrix[:, 1:] != matrix[:, :-1], out=keep[:, 1:])
        parts.append(matrix[keep])  # row-major: segment by segment, each sorted
        sizes[at : at + len(keep)] = keep.sum(axis=1)
    out = np.concatenate([np.empty(0, dtype=np.uint32), *parts])
    return out, np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)


def _batches(sizes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` of consecutive texts signed together, given their
    sizes: about :data:`_BATCH_CHARS` characters each, at least one text."""
    start = 0
    while start < len(sizes):
        stop, chars = start, 0
        while stop < len(sizes) and (stop == start or chars < _BATCH_CHARS):
            chars += sizes[stop]
            stop += 1
        yield start, stop
        start = stop


class MinHasher:
    """Shingles and MinHash signatures, for one document or many at once.

    Args:
        num_perm: permutations per signature (datasketch's ``num_perm``).
        seed: seed of the permutations (datasketch's ``seed``).
        ngram: tokens per shingle.
    """

    def __init__(self, num_perm: int = 128, seed: int = 1, ngram: int = 5):
        if not isinstance(num_perm, int) or num_perm < 2:
            raise ValueError(f"num_perm must be an integer >= 2, got {num_perm!r}")
        if not isinstance(ngram, int) or not 1 <= ngram <= 32:
            raise ValueError(f"ngram must be an integer from 1 to 32, got {ngram!r}")
        if not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
        self.num_perm = num_perm
        self.seed = seed
        self.ngram = ngram
        self._a, self._b = affine32_permutations(num_perm, seed)

    def shingle_sequence(self, tokens: Sequence[str]) -> np.ndarray:
        """32-bit hash of the token n-gram starting at each position, in text
        order, repeats kept (one shingle for a document shorter than ``ngram``
        tokens, none for an empty one)."""
        if not tokens:
            return np.empty(0, dtype=np.uint32)
        data = [token.encode("utf-8") for token in tokens]
        ends = np.cumsum([len(d) for d in data])
        starts = ends - [len(d) for d in data]
        buffer = np.frombuffer(b"".join(data), dtype=np.uint8)
        if (starts == ends).any():
            raise ValueError("tokens must not be empty strings")
        return fold32(combine(span_hashes(buffer, starts, ends), self.ngram))

    def shingles(self, tokens: Sequence[str]) -> np.ndarray:
        """Sorted unique 32-bit hashes of the token n-grams: the set a
        signature is made from."""
        return np.unique(self.shingle_sequence(tokens))

    def shingle_hash(self, shingle: Sequence[str]) -> int:
        """The 32-bit hash of one shingle (a tuple of tokens), usable as
        datasketch's ``hashfunc``."""
        if not 1 <= len(shingle) <= self.ngram:
            raise ValueError(f"a shingle has 1 to {self.ngram} tokens, got {len(shingle)}")
        return int(self.shingles(list(shingle))[0])

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        """A ``(len(shingle_sets), num_perm)`` uint32 matrix of signatures.

        An empty shingle set gets the empty signature (all ``2**32 - 1``),
        as an empty datasketch ``MinHash`` has.
        """
        if not shingle_sets:
            return np.full((0, self.num_perm), _EMPTY, dtype=np.uint32)
        values = np.concatenate([np.asarray(s, dtype=np.uint32) for s in shingle_sets])
        bounds = np.concatenate(([0], np.cumsum([len(s) for s in shingle_sets])))
        return self._sign(values, bounds)

    def sign(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Signatures of texts (tokenised as :func:`cleaner.tokens.tokens`)
        and each text's number of distinct shingles (int64)."""
        signatures = np.empty((len(texts), self.num_perm), dtype=np.uint32)
        sizes = np.empty(len(texts), dtype=np.int64)
        for start, stop in _batches([len(text) for text in texts]):
            values, bounds = batch_shingle_array(texts[start:stop], self.ngram)
            signatures[start:stop] = self._sign(values, bounds)
            sizes[start:stop] = distinct_counts(values, bounds)
        return signatures, sizes

    def sign_sets(self, texts: Sequence[str]) -> SignedSets:
        """:meth:`sign`, keeping what verification needs from the same
        shingling: ``(signatures, shingles, bounds, words)``, where text
        ``i``'s sorted distinct shingles are ``shingles[bounds[i]:bounds[i + 1]]``
        and ``words[i]`` is its token count (int64)."""
        data, sizes = scan_text(list(texts))
        return self.sign_scanned(data, sizes)

    def sign_scanned(
        self,
        data: bytes | bytearray,
        sizes: Sequence[int],
        orders: list[tuple[np.ndarray, np.ndarray]] | None = None,
    ) -> SignedSets:
        """:meth:`sign_sets` of texts as :func:`~cleaner.tokens.scan_text`
        gives them (``data`` and ``sizes``): a process that reads texts can
        prepare them, one without numpy. ``orders``, if given, gets each
        batch's shingles in text order and their bounds (verification needs
        them: :class:`~cleaner.spill.SequenceSpill`)."""
        count = len(sizes)
        text_sizes = np.asarray(sizes, dtype=np.int64)
        signatures = np.empty((count, self.num_perm), dtype=np.uint32)
        words = np.empty(count, dtype=np.int64)
        sets: list[np.ndarray] = []
        lengths: list[np.ndarray] = []
        offsets = np.concatenate(([0], np.cumsum(text_sizes + 1))).tolist()
        for start, stop in _batches(list(sizes)):
            at = offsets[start]
            buffer = np.frombuffer(data, dtype=np.uint8, count=offsets[stop] - at, offset=at)
            values, bounds, words[start:stop] = scanned_shingle_parts(
                buffer, text_sizes[start:stop], self.ngram
            )
            signatures[start:stop] = self._sign(values, bounds)
            if orders is not None:
                orders.append((values, bounds))
            unique, unique_bounds = distinct_sets(values, bounds)
            sets.append(unique)
            lengths.append(np.diff(unique_bounds))
        shingles = np.concatenate([np.empty(0, dtype=np.uint32), *sets])
        bounds = np.concatenate(([0], np.cumsum(np.concatenate([np.empty(0, dtype=np.int64), *lengths]))))
        return signatures, shingles, bounds.astype(np.int64), words

    def _sign(self, values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """A block of permutations at a time over all shingles of the batch:
        a multiply, an add and a segmented minimum over a cache-sized array."""
        out = np.full((len(bounds) - 1, self.num_perm), _EMPTY, dtype=np.uint32)
        filled = np.flatnonzero(np.diff(bounds))
        if len(filled) == 0:
            return out
        mixed = _fmix32(values.astype(np.uint32, copy=False))
        starts = bounds[filled]
        minima = np.empty((self.num_perm, len(filled)), dtype=np.uint32)
        block = np.empty((_PERM_BLOCK, len(mixed)), dtype=np.uint32)
        for k in range(0, self.num_perm, _PERM_BLOCK):
            rows = block[: min(_PERM_BLOCK, self.num_perm - k)]
            np.multiply(self._a[k : k + len(rows), None], mixed[None, :], out=rows)
            rows += self._b[k : k + len(rows), None]
            np.minimum.reduceat(rows, starts, axis=1, out=minima[k : k + len(rows)])
        out[filled] = minima.T
        return out

    def lean_minhash(self, signature: np.ndarray) -> LeanMinHash:
        """A datasketch ``LeanMinHash`` holding ``signature``."""
        from datasketch import LeanMinHash

        return LeanMinHash(seed=self.seed, hashvalues=signature, scheme="affine32")
