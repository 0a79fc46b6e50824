"""Partial reuse: the passages documents of different clusters share.

A story that quotes a few wire sentences is not a copy of the wire story,
but a reader wants to know it used it: each such pair is reported, both
ways, with the shared passages (character offsets into both clean texts).

Phrases that recur across many different stories of a batch (an outlet's
stock lines, sign-offs, clichés) are shared without being reused from one
another; a shingle found in more than ``max_stories`` clusters counts as
such a stock phrase, and a passage is reported only if at least
``min_words`` of its words are covered by shingles that are not.

>>> from cleaner.minhash import MinHasher
>>> from cleaner.overlap import shingled
>>> h = MinHasher(ngram=2)
>>> docs = [shingled(h, t.split()).unique for t in ("a b c", "a b d", "a b e", "x a b")]
>>> [int(x) for x in stock_shingles(docs, [0, 1, 2, 3], max_stories=3)] == [int(h.shingles(["a", "b"])[0])]
True
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from .corpus import Corpus
from .overlap import covered_words, sorted_unique
from .results import Link

__all__ = ["STOCK_STORIES", "reuse_links", "stock_shingles"]

#: A shingle found in more clusters than this is a stock phrase, not reuse.
STOCK_STORIES = 10
#: Shingle values pooled at once to count the clusters each is in (64 MB).
_POOLED = 1 << 24


def stock_shingles(
    shingles: Sequence[np.ndarray], cluster_of: Sequence[int], *, max_stories: int
) -> np.ndarray:
    """Sorted shingles that occur in more than ``max_stories`` clusters
    (``shingles``: each document's sorted distinct shingles).

    Each cluster's distinct shingles (a lone document's are its own) are
    pooled as uint32 and sorted in place; a value in more than
    ``max_stories`` clusters is one equal to the value ``max_stories``
    places on. The shingle values are taken a range at a time, so that at
    most about :data:`_POOLED` values are pooled at once."""
    members: dict[int, list[int]] = {}
    for index, cluster in enumerate(cluster_of):
        members.setdefault(cluster, []).append(index)
    groups = [group for group in members.values() if len(group) > 1]
    sets = [shingles[group[0]] for group in members.values() if len(group) == 1]
    sets += [sorted_unique(np.concatenate([shingles[i] for i in group])) for group in groups]
    total = sum(len(values) for values in sets)
    ranges = max(1, -(-total // _POOLED))
    bounds = [(1 << 32) * k // ranges for k in range(ranges + 1)]
    found = [np.empty(0, dtype=np.uint32)]
    for low, high in pairwise(bounds):
        parts = sets if ranges == 1 else [v[np.searchsorted(v, low) : np.searchsorted(v, high)] for v in sets]
        pooled = np.concatenate([np.empty(0, dtype=np.uint32), *parts]).astype(np.uint32, copy=False)
        if len(pooled) > max_stories:
            pooled.sort()
            repeated = pooled[max_stories:] == pooled[:-max_stories]
            found.append(sorted_unique(pooled[max_stories:][repeated]))
    return np.concatenate(found)


def _not_stock(shared: np.ndarray, stock: np.ndarray) -> np.ndarray:
    if len(stock) == 0 or len(shared) == 0:
        return shared
    where = np.minimum(np.searchsorted(stock, shared), len(stock) - 1)
    return shared[stock[where] != shared]


def reuse_links(
    corpus: Corpus,
    centre: Sequence[int],
    neighbours: Sequence[Sequence[int]],
    *,
    min_words: int,
    max_stories: int = STOCK_STORIES,
) -> dict[int, list[Link]]:
    """Links between candidate pairs in different clusters that share a
    passage of at least ``min_words`` words, keyed by document, each list in
    input order of the other document."""
    stock = stock_shingles(corpus.uniques, centre, max_stories=max_stories)
    sharing: list[tuple[int, int]] = []
    kept: dict[tuple[int, int], np.ndarray] = {}
    for a in range(len(corpus)):
        for b in neighbours[a]:
            if b < a or centre[a] == centre[b]:
                continue
            common = np.intersect1d(corpus.unique(a), corpus.unique(b), assume_unique=True)
            shared = _not_stock(common, stock)
            if len(shared):
                sharing.append((a, b))
                kept[a, b] = shared
    found: dict[int, list[Link]] = {}
    for a, b in corpus.prefetched(sharing):
        shared = kept.pop((a, b))
        own = covered_words(corpus.shingled(a), shared)
        if own.sum() < min_words:
            continue
        starts = [start for start, _, _ in corpus.spans(a)]
        passages = [
            p
            for p in corpus.passages(a, b, min_words)
            if own[bisect_left(starts, p.a_start) :][: p.words].sum() >= min_words
        ]
        if not passages:
            continue
        o = corpus.overlap(a, b)
        found.setdefault(a, []).append(Link(b, corpus.ids[b], o, passages))
        seen_from_b = sorted((p.swapped(corpus.texts[b]) for p in passages), key=lambda p: p.a_start)
        found.setdefault(b, []).append(Link(a, corpus.ids[a], o.flipped(), seen_from_b))
    for links in found.values():
        links.sort(key=lambda link: link.other)
    return found
