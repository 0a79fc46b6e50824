"""Candidate pairs worth verifying: those whose signatures agree often enough.

LSH is tuned to find pairs of Jaccard :data:`cleaner.dedup.CANDIDATE_JACCARD`
(a couple of quoted sentences). With 128 permutations that takes bands of one
row: any single agreeing signature value makes a candidate, and chance
agreements (stock phrases, common openings) make most of the candidates.
Each candidate is then verified exactly, which costs far more than counting
agreeing values for all of them at once.

So a pair is kept only if its signatures agree in at least
:func:`min_agreement` positions: the least count that a pair of the target
Jaccard still reaches with the recall LSH was tuned for. A copy (Jaccard at
least ``min_jaccard``, in practice far more) passes with near certainty.

Every engine applies the same rule to the same signatures (the local run,
the persistent index, Spark), so they keep the same pairs.

>>> min_agreement(0.05, 128)
3
>>> sigs = np.array([[1, 2, 3, 4], [1, 2, 3, 9], [1, 7, 8, 9]], dtype=np.uint32)
>>> likely_pairs(sigs, np.array([[0, 1], [0, 2], [1, 2]]), 2).tolist()
[[0, 1], [1, 2]]
"""

from __future__ import annotations

from math import comb

import numpy as np

__all__ = ["agreement", "likely_pairs", "min_agreement"]

#: Pairs checked at a time: bounds the two row blocks gathered per step
#: (2 MiB each with 128 permutations: they stay in cache).
_BLOCK = 1 << 12
#: Adds the eight bytes of a word into its top byte.
_BYTES = np.uint64(0x0101010101010101)


def _at_least(k: int, n: int, p: float) -> float:
    """P(Binomial(n, p) >= k)."""
    return 1.0 - sum(comb(n, i) * p**i * (1.0 - p) ** (n - i) for i in range(k))


def min_agreement(similarity: float, num_perm: int, recall: float = 0.9) -> int:
    """The most agreeing signature values that a pair of Jaccard
    ``similarity`` still has with probability at least ``recall`` (each value
    agrees with probability equal to the Jaccard similarity); at least 1."""
    k = 1
    while k < num_perm and _at_least(k + 1, num_perm, similarity) >= recall:
        k += 1
    return k


def agreement(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Agreeing signature values of each ``(i, j)`` row of ``pairs``.

    The booleans of a row are summed eight at a time, as the bytes of
    64-bit words (no byte of the sum can carry: a signature has fewer than
    256 values), then the bytes of the sum are added by one multiplication:
    less than half the time of summing booleans one by one."""
    out = np.empty(len(pairs), dtype=np.int64)
    width = signatures.shape[1] if signatures.ndim == 2 else 0
    packed = 0 < width < 256 and width % 8 == 0
    for at in range(0, len(pairs), _BLOCK):
        block = pairs[at : at + _BLOCK]
        equal = signatures[block[:, 0]] == signatures[block[:, 1]]
        if packed:
            words = equal.view(np.uint64).sum(axis=1, dtype=np.uint64)
            out[at : at + len(block)] = (words * _BYTES) >> np.uint64(56)
        else:
            out[at : at + len(block)] = equal.sum(axis=1)
    return out


def likely_pairs(signatures: np.ndarray, pairs: np.ndarray, min_agree: int) -> np.ndarray:
    """The rows of ``pairs`` (order kept) whose signatures agree in at least
    ``min_agree`` positions."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if min_agree <= 1 or not len(pairs):
        return pairs  # LSH only pairs documents agreeing somewhere: nothing to drop
    return pairs[agreement(signatures, pairs) >= min_agree]
