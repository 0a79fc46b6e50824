"""Cluster new documents against the documents of earlier runs.

Clustering decisions are local: a document's cluster depends only on the
documents it is connected to through *neighbour* pairs (LSH candidates that
share at least one shingle). So a run

1. numbers its documents after the stored ones (``seq``: the position in the
   input of all runs together);
2. rebuilds, band by band, each bucket its documents fall in from the stored
   members and the new ones, and takes the pairs a single run over
   everything would take there (:func:`~cleaner.lsh.bucket_pairs`) that
   involve a new document, and keeps those whose signatures agree often
   enough (:meth:`~cleaner.dedup.Deduplicator.likely`, as a single run does);
3. loads the stored documents connected to the new ones through those pairs
   and, transitively, through stored neighbour pairs: whole connected groups;
4. clusters new and loaded documents together, stored ones first in seq
   order, with exactly those candidate pairs
   (:meth:`~cleaner.dedup.Deduplicator.cluster_candidates`);
5. stores the new documents, their neighbour pairs and every membership of
   the groups, in one commit.

Groups not touched keep their clusters, which a single run would give them
too; so splitting an input into runs gives the partition of one run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..corpus import Corpus
from ..dedup import Deduplicator, DedupResult
from ..errors import ConfigError
from ..lsh import bucket_pairs
from .store import IndexStore, Membership, NewDocument, StoredDocument

__all__ = ["IncrementalResult", "add_documents", "settings_of"]

#: The signature of a document without shingles (every value at its maximum).
_EMPTY = np.uint32(0xFFFFFFFF)


def settings_of(dedup: Deduplicator) -> dict[str, Any]:
    """What must not change between runs on one index (JSON-comparable)."""
    return {
        "threshold": dedup.threshold,
        "min_jaccard": dedup.min_jaccard,
        "passage_words": dedup.passage_words,
        "num_perm": dedup.hasher.num_perm,
        "seed": dedup.hasher.seed,
        "ngram": dedup.hasher.ngram,
        "keep": dedup.keep,
        "source_priority": list(dedup.source_priority),
        "bands": dedup.lsh.bands,
        "rows": dedup.lsh.rows,
    }


@dataclass
class IncrementalResult:
    """The documents clustered in this run: the stored ones of the groups the
    new documents touched (``stored``, seq order), then the new ones.

    ``result`` indexes them in that order; ``seqs`` gives each one's number
    in the index; ``joined[i]`` is, for a new document, the id the cluster
    it is in had before this run (None when its cluster holds no earlier
    document) and, for a stored one, its cluster before this run.
    """

    result: DedupResult
    stored: int
    seqs: list[int]
    joined: list[str | None]

    def is_new(self, index: int) -> bool:
        return index >= self.stored


def _candidates(
    store: IndexStore, dedup: Deduplicator, keys: np.ndarray, seqs: np.ndarray, first: int
) -> np.ndarray:
    """Candidate pairs (seqs) involving a new document, as one run over
    stored and new documents would find them."""
    found = [np.empty((0, 2), dtype=np.int64)]
    for band in range(dedup.lsh.bands):
        column = keys[:, band]
        old_keys, old_seqs = store.bucket_members(band, column)
        pairs = bucket_pairs(np.concatenate([old_keys, column]), np.concatenate([old_seqs, seqs]))
        found.append(pairs[pairs[:, 1] >= first])
    return np.unique(np.concatenate(found), axis=0)


def _likely(
    store: IndexStore, dedup: Deduplicator, pairs: np.ndarray, signatures: np.ndarray, first: int
) -> np.ndarray:
    """The candidate pairs (seqs) :meth:`Deduplicator.likely` keeps, as in one
    run over everything: new documents' signatures are ``signatures`` (row
    ``seq - first``), stored ones are read from the store."""
    seqs = np.unique(pairs)
    stored = store.signatures(seqs[seqs < first].tolist())
    if not len(seqs):
        return pairs
    rows = np.stack([stored[seq] if seq < first else signatures[seq - first] for seq in seqs.tolist()])
    return seqs[dedup.likely(rows, np.searchsorted(seqs, pairs))]


def _connected(store: IndexStore, pairs: np.ndarray, first: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Stored documents connected to the new ones, and the stored neighbour pairs among them."""
    loaded: set[int] = set()
    frontier = {int(a) for a in pairs[:, 0] if a < first}
    edges: list[tuple[int, int]] = []
    while frontier:
        loaded |= frontier
        following: set[int] = set()
        for a, others in store.neighbours(frontier).items():
            for b in others:
                if a < b:
                    edges.append((a, b))
                if b not in loaded:
                    following.add(b)
        frontier = following
    return sorted(loaded), edges


def add_documents(
    store: IndexStore,
    dedup: Deduplicator,
    ids: Sequence[str],
    texts: Sequence[str],
    dates: Sequence[str | None],
    sources: Sequence[str | None],
    signatures: np.ndarray,
) -> IncrementalResult:
    """Cluster the documents of this run (signed by ``dedup.hasher``) with
    the stored ones they connect to, and store them: all or nothing."""
    settings = settings_of(dedup)
    store.begin()
    try:
        saved = store.settings()
        if saved is not None and saved != settings:
            changed = ", ".join(sorted(k for k in settings if saved.get(k) != settings[k]))
            raise ConfigError(f"the index was built with other dedup settings ({changed})")
        first = store.next_seq()
        n = len(ids)
        new_seqs = np.arange(first, first + n, dtype=np.int64)
        signatures = np.asarray(signatures, dtype=np.uint32).reshape(n, dedup.hasher.num_perm)
        valid = ~(signatures == _EMPTY).all(axis=1)
        keys = dedup.lsh.band_keys(signatures) if n else np.empty((0, dedup.lsh.bands), dtype=np.uint64)
        pairs = _candidates(store, dedup, keys[valid], new_seqs[valid], first)
        pairs = _likely(store, dedup, pairs, signatures, first)
        old_seqs, old_edges = _connected(store, pairs, first)
        stored = store.documents(old_seqs)
        seqs = [d.seq for d in stored] + new_seqs.tolist()
        local = {seq: index for index, seq in enumerate(seqs)}
        corpus = Corpus.from_columns(
            [d.id for d in stored] + list(ids),
            [d.text for d in stored] + list(texts),
            [d.date for d in stored] + list(dates),
            [d.source for d in stored] + list(sources),
            dedup.hasher,
        )
        everything = [*old_edges, *((int(a), int(b)) for a, b in pairs.tolist())]
        candidates = np.array(sorted((local[a], local[b]) for a, b in everything), dtype=np.int64).reshape(
            -1, 2
        )
        result = dedup.cluster_candidates(corpus, candidates)
        new_docs = [
            NewDocument(
                int(new_seqs[i]),
                ids[i],
                dates[i],
                sources[i],
                texts[i],
                signatures[i],
                keys[i] if valid[i] else np.empty(0, dtype=np.uint64),
            )
            for i in range(n)
        ]
        rows = np.array([(local[a], local[b]) for a, b in pairs.tolist()], dtype=np.int64).reshape(-1, 2)
        shared = corpus.shared_counts(rows).tolist()
        edges = [(int(a), int(b)) for (a, b), count in zip(pairs.tolist(), shared) if count > 0]
        memberships, joined = _memberships(result, seqs, stored)
        store.commit(settings, new_docs, edges, memberships)
    except BaseException:
        store.abort()
        raise
    return IncrementalResult(result, len(stored), seqs, joined)


def _memberships(
    result: DedupResult, seqs: list[int], stored: list[StoredDocument]
) -> tuple[list[Membership], list[str | None]]:
    """Every clustered document's membership, and the cluster each one was
    in before this run (for a new one: its cluster's, taken from the centre
    when the centre is an earlier document, else from the earliest earlier
    member; None when the cluster is all new)."""
    centre = [m.match.other if m.match else m.index for m in result.members]
    memberships = [Membership(seqs[m.index], m.id, m.cluster, seqs[centre[m.index]]) for m in result.members]
    earlier: list[str | None] = [d.cluster for d in stored] + [None] * (len(seqs) - len(stored))
    before: dict[int, str] = {}
    for index in range(len(stored) - 1, -1, -1):
        before[centre[index]] = earlier[index]  # the earliest stored member wins
    for hub in set(centre):
        if hub < len(stored):
            before[hub] = earlier[hub]  # ... unless the centre is a stored document
    joined = earlier[: len(stored)] + [before.get(centre[i]) for i in range(len(stored), len(seqs))]
    return memberships, joined
