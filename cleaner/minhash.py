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

import hashlib
from collections.abc import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash

__all__ = ["MinHasher"]

_EMPTY = np.uint32(0xFFFFFFFF)
_MASK64 = (1 << 64) - 1
# Odd multiplier combining token hashes into an n-gram hash (from splitmix64).
_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Shingle-by-permutation products computed at once; bounds memory to ~64 MiB.
_CHUNK_CELLS = 1 << 24
# Token hash cache; cleared when full so memory stays bounded on huge corpora.
_CACHE_LIMIT = 2_000_000


def _fmix64(h: np.ndarray) -> np.ndarray:
    shift, m1, m2 = _FMIX64
    h = h ^ (h >> shift)
    h = h * m1
    h = h ^ (h >> shift)
    h = h * m2
    return h ^ (h >> shift)


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2 = _FMIX32
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s1)


class MinHasher:
    """Shingles and MinHash signatures for batches of token lists.

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
        # Ask datasketch for its parameters rather than re-deriving them.
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        self._a = np.asarray(a, dtype=np.uint32)
        self._b = np.asarray(b, dtype=np.uint32)
        self._token_cache: dict[str, int] = {}

    def _token_ids(self, tokens: Sequence[str]) -> np.ndarray:
        cache = self._token_cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        ids = []
        for token in tokens:
            value = cache.get(token)
            if value is None:
                digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
                value = cache[token] = int.from_bytes(digest, "little")
            ids.append(value)
        return np.array(ids, dtype=np.uint64)

    def shingle_sequence(self, tokens: Sequence[str]) -> np.ndarray:
        """32-bit hash of the token n-gram starting at each position, in text
        order, repeats kept (one shingle for a document shorter than ``ngram``
        tokens, none for an empty one)."""
        if not tokens:
            return np.empty(0, dtype=np.uint32)
        ids = self._token_ids(tokens)
        span = min(self.ngram, len(ids))
        count = len(ids) - span + 1
        h = ids[:count].copy()
        for k in range(1, span):
            h = h * _COMBINE + ids[k : k + count]
        h = _fmix64(h)
        return (h ^ (h >> np.uint64(32))).astype(np.uint32)

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
        out = np.full((len(shingle_sets), self.num_perm), _EMPTY, dtype=np.uint32)
        rows_per_chunk = max(1, _CHUNK_CELLS // self.num_perm)
        start = 0
        while start < len(shingle_sets):
            stop, cells = start, 0
            while stop < len(shingle_sets) and (
                cells == 0 or cells + len(shingle_sets[stop]) <= rows_per_chunk
            ):
                cells += len(shingle_sets[stop])
                stop += 1
            self._sign_chunk(shingle_sets, start, stop, out)
            start = stop
        return out

    def _sign_chunk(self, shingle_sets: Sequence[np.ndarray], start: int, stop: int, out: np.ndarray) -> None:
        members = [i for i in range(start, stop) if len(shingle_sets[i])]
        if not members:
            return
        values = _fmix32(np.concatenate([shingle_sets[i] for i in members]).astype(np.uint32))
        permuted = values[:, None] * self._a[None, :] + self._b[None, :]
        offsets = np.cumsum([0] + [len(shingle_sets[i]) for i in members[:-1]])
        out[members] = np.minimum.reduceat(permuted, offsets, axis=0)

    def lean_minhash(self, signature: np.ndarray) -> LeanMinHash:
        """A datasketch ``LeanMinHash`` holding ``signature``."""
        return LeanMinHash(seed=self.seed, hashvalues=signature, scheme="affine32")
