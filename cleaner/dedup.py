"""Wire-copy detection: sign, index, verify, cluster, pick a representative.

>>> dedup = Deduplicator()
>>> story = "The central bank raised its main interest rate by half a point on Tuesday, "
>>> story += "citing inflation that has run above its target for two years, officials said."
>>> result = dedup.run([("a", story), ("b", "LOCAL NEWS " + story), ("c", "Unrelated words here.")])
>>> [(m.id, m.cluster, m.representative) for m in result.members]
[('a', 'b', False), ('b', 'b', True), ('c', 'c', True)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .cluster import KEEP_POLICIES, choose_representative, star_clusters
from .document import Document
from .lsh import BandedLSH
from .minhash import MinHasher

__all__ = ["Cluster", "DedupResult", "Deduplicator", "Member", "PairScore"]

# Texts signed at once: enough to amortise numpy calls, few enough to hold.
_SIGN_BATCH = 2048


@dataclass(frozen=True)
class PairScore:
    """Similarity of two documents estimated from their signatures.

    ``containment_ab`` is the share of ``a``'s shingles found in ``b``.
    """

    a: int
    b: int
    jaccard: float
    containment_ab: float
    containment_ba: float

    @property
    def similarity(self) -> float:
        """Containment of the shorter document in the longer."""
        return max(self.containment_ab, self.containment_ba)


@dataclass(frozen=True)
class Member:
    """One input document's place in the result, in input order."""

    index: int
    id: str
    cluster: str
    representative: bool
    similarity: float

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "cluster": self.cluster,
            "representative": self.representative,
            "similarity": round(self.similarity, 4),
        }


@dataclass
class Cluster:
    """Documents found to be copies of one story; ``representative`` is kept."""

    id: str
    representative: int
    members: list[int]
    pairs: list[PairScore] = field(default_factory=list)


@dataclass
class DedupResult:
    """Clusters in order of first appearance, and each document's membership."""

    ids: list[str]
    clusters: list[Cluster]
    members: list[Member]

    @property
    def representatives(self) -> list[int]:
        """Input indices of the documents kept, in input order."""
        return sorted(c.representative for c in self.clusters)


def _estimate(sig_a: np.ndarray, sig_b: np.ndarray, size_a: np.ndarray, size_b: np.ndarray):
    """Jaccard from signature agreement; containments from it and the set sizes."""
    jaccard = (sig_a == sig_b).mean(axis=1)
    shared = jaccard / (1.0 + jaccard) * (size_a + size_b)
    return (
        jaccard,
        np.minimum(1.0, shared / np.maximum(size_a, 1)),
        np.minimum(1.0, shared / np.maximum(size_b, 1)),
    )


class Deduplicator:
    """Find near-duplicate (wire copy) documents and cluster them.

    A candidate pair (sharing an LSH band) is a copy when the shorter
    document's shingles are at least ``threshold`` contained in the longer
    one and their Jaccard similarity is at least ``min_jaccard``: trimmed or
    extended copies pass on containment, while a short quote inside a long
    different story fails on Jaccard.

    Args:
        threshold: minimum containment of the shorter document in the longer.
        min_jaccard: minimum Jaccard similarity of a copy pair.
        num_perm: MinHash permutations.
        ngram: tokens per shingle.
        seed: MinHash seed (datasketch-compatible).
        keep: which copy represents a cluster: longest, earliest, first or source.
        source_priority: sources to prefer, in order, with ``keep="source"``.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.6,
        min_jaccard: float = 0.2,
        num_perm: int = 128,
        ngram: int = 5,
        seed: int = 1,
        keep: str = "longest",
        source_priority: Sequence[str] = (),
    ):
        for name, value in (("threshold", threshold), ("min_jaccard", min_jaccard)):
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value!r}")
        if keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, got {keep!r}")
        self.threshold = threshold
        self.min_jaccard = min_jaccard
        self.keep = keep
        self.source_priority = tuple(source_priority)
        self.hasher = MinHasher(num_perm=num_perm, seed=seed, ngram=ngram)
        # Candidates must include pairs down to min_jaccard: a trimmed copy's
        # Jaccard is low even when its containment is high.
        self.lsh = BandedLSH.for_threshold(min(min_jaccard, 0.99), num_perm)

    def run(self, documents: Iterable[Document | tuple[str, str]]) -> DedupResult:
        """Cluster ``documents`` (``Document`` objects or ``(id, text)`` pairs)."""
        ids: list[str] = []
        dates: list[str | None] = []
        sources: list[str | None] = []
        texts: list[str] = []
        signed: list[tuple[np.ndarray, np.ndarray]] = []
        for doc in documents:
            if isinstance(doc, Document):
                doc_id, text, date, source = doc.id, doc.text, doc.date, doc.source
            else:
                (doc_id, text), date, source = doc, None, None
            ids.append(doc_id)
            dates.append(date)
            sources.append(source)
            texts.append(text)
            if len(texts) == _SIGN_BATCH:
                signed.append(self.hasher.sign(texts))
                texts = []
        signed.append(self.hasher.sign(texts))
        signatures = np.concatenate([s for s, _ in signed])
        sizes = np.concatenate([n for _, n in signed]).astype(np.float64)
        return self._cluster(ids, dates, sources, signatures, sizes)

    def cluster(
        self,
        ids: list[str],
        dates: list[str | None],
        sources: list[str | None],
        signatures: np.ndarray,
        sizes: np.ndarray,
    ) -> DedupResult:
        """Cluster documents already signed by ``self.hasher.sign`` (the
        pipeline signs in worker processes and keeps no texts in memory)."""
        return self._cluster(ids, dates, sources, signatures, np.asarray(sizes, dtype=np.float64))

    def score_pairs(self, signatures: np.ndarray, sizes: np.ndarray, pairs: np.ndarray) -> list[PairScore]:
        if len(pairs) == 0:
            return []
        a, b = pairs[:, 0], pairs[:, 1]
        jac, c_ab, c_ba = _estimate(signatures[a], signatures[b], sizes[a], sizes[b])
        return [
            PairScore(int(i), int(j), float(x), float(y), float(z))
            for i, j, x, y, z in zip(a, b, jac, c_ab, c_ba)
        ]

    def is_copy(self, score: PairScore) -> bool:
        return score.jaccard >= self.min_jaccard and score.similarity >= self.threshold

    def _cluster(
        self,
        ids: list[str],
        dates: list[str | None],
        sources: list[str | None],
        signatures: np.ndarray,
        sizes: np.ndarray,
    ) -> DedupResult:
        n = len(ids)
        candidates = self.lsh.candidate_pairs(signatures, valid=sizes > 0)
        verified = [s for s in self.score_pairs(signatures, sizes, candidates) if self.is_copy(s)]
        lengths = [int(x) for x in sizes]
        priority = sorted(range(n), key=lambda i: (-lengths[i], i))
        leader = star_clusters(n, [(s.a, s.b) for s in verified], priority)

        groups: dict[int, list[int]] = {}
        for index in range(n):
            groups.setdefault(leader[index], []).append(index)
        # Verified pairs inside each cluster: the evidence behind its merges.
        by_leader: dict[int, list[PairScore]] = {}
        for s in verified:
            if leader[s.a] == leader[s.b]:
                by_leader.setdefault(leader[s.a], []).append(s)

        clusters: list[Cluster] = []
        members: list[Member | None] = [None] * n
        for lead in sorted(groups, key=lambda k: groups[k][0]):
            group = groups[lead]
            rep = choose_representative(
                group,
                keep=self.keep,
                lengths=lengths,
                dates=dates,
                sources=sources,
                source_priority=self.source_priority,
            )
            cluster = Cluster(ids[rep], rep, group, by_leader.get(lead, []))
            clusters.append(cluster)
            others = np.array([i for i in group if i != rep], dtype=np.int64)
            scores = self.score_pairs(signatures, sizes, np.stack((others, np.full_like(others, rep)), 1))
            similarity = {s.a: s.similarity for s in scores}
            for index in group:
                members[index] = Member(
                    index, ids[index], cluster.id, index == rep, similarity.get(index, 1.0)
                )
        return DedupResult(ids, clusters, [m for m in members if m is not None])
