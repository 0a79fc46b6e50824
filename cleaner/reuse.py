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
>>> docs = [shingled(h, t.split()) for t in ("a b c", "a b d", "a b e", "x a b")]
>>> [int(x) for x in stock_shingles(docs, [0, 1, 2, 3], max_stories=3)] == [int(h.shingles(["a", "b"])[0])]
True
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

from .corpus import Corpus
from .overlap import Shingled, covered_words, sorted_unique
from .results import Link

__all__ = ["STOCK_STORIES", "reuse_links", "stock_shingles"]

#: A shingle found in more clusters than this is a stock phrase, not reuse.
STOCK_STORIES = 10


def stock_shingles(
    shingles: Sequence[Shingled], cluster_of: Sequence[int], *, max_stories: int
) -> np.ndarray:
    """Sorted shingles that occur in more than ``max_stories`` clusters.

    Each cluster's distinct shingles (a lone document's are its own) are
    pooled as uint32 and sorted in place; a value in more than
    ``max_stories`` clusters is one equal to the value ``max_stories``
    places on. No (shingle, cluster) keys: a tenth of the memory."""
    members: dict[int, list[int]] = {}
    for index, cluster in enumerate(cluster_of):
        members.setdefault(cluster, []).append(index)
    sets = [
        shingles[group[0]].unique
        if len(group) == 1
        else sorted_unique(np.concatenate([shingles[i].unique for i in group]))
        for group in members.values()
    ]
    pooled = np.concatenate([np.empty(0, dtype=np.uint32), *sets]).astype(np.uint32, copy=False)
    if len(pooled) <= max_stories:
        return np.empty(0, dtype=np.uint32)
    pooled.sort()
    repeated = pooled[max_stories:] == pooled[:-max_stories]
    return sorted_unique(pooled[max_stories:][repeated])


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
    stock = stock_shingles(corpus.shingles, centre, max_stories=max_stories)
    found: dict[int, list[Link]] = {}
    for a in range(len(corpus)):
        for b in neighbours[a]:
            if b < a or centre[a] == centre[b]:
                continue
            doc_a, doc_b = corpus.shingles[a], corpus.shingles[b]
            shared = _not_stock(np.intersect1d(doc_a.unique, doc_b.unique, assume_unique=True), stock)
            if len(shared) == 0:
                continue
            own = covered_words(doc_a, shared)
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
