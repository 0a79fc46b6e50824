"""Wire-copy detection: sign, index, verify, cluster, explain.

1. Each document's word n-grams are hashed (:mod:`cleaner.minhash`) and
   signed; banded LSH over the signatures proposes candidate pairs, tuned to
   find even pairs that only share a couple of quoted sentences.
2. Every candidate pair is measured exactly (:mod:`cleaner.overlap`) and is a
   copy only under :class:`~cleaner.overlap.CopyRule`: most of the copy's
   words are the original's text.
3. Clusters are stars around the best supported version of each story
   (:func:`~cleaner.cluster.support_clusters`); a document joins only if it
   copies that centre, so nothing chains. A document left alone gets a second
   chance against the centres of its candidates' clusters.
4. Each copy gets its scores and shared passages against the centre; pairs in
   different clusters that share passages are reported as partial reuse.

>>> dedup = Deduplicator()
>>> story = "The central bank raised its main interest rate by half a point on Tuesday, "
>>> story += "citing inflation that has run above its target for two years, officials said."
>>> result = dedup.run([("a", story), ("b", "LOCAL NEWS " + story), ("c", "Unrelated words here.")])
>>> [(m.id, m.cluster, m.representative) for m in result.members]
[('a', 'b', False), ('b', 'b', True), ('c', 'c', True)]
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable, Sequence
from typing import ParamSpec, TypeVar

import numpy as np

from .cluster import KEEP_POLICIES, choose_representative, support_clusters
from .corpus import Corpus, Shingles
from .document import Document
from .lsh import BandedLSH
from .minhash import MinHasher
from .overlap import CopyRule, Overlap, Runs, merged_shares, sorted_unique
from .prefilter import likely_pairs, min_agreement
from .results import Cluster, DedupResult, Link, Member, Members, PairScore
from .reuse import reuse_links

__all__ = ["Cluster", "DedupResult", "Deduplicator", "Link", "Member", "PairScore"]

#: LSH is tuned so that pairs of this Jaccard similarity become candidates
#: with 90% probability: two quoted sentences inside a twenty-sentence story.
#: Copies, far more similar, are found with near certainty.
CANDIDATE_JACCARD = 0.05
#: A story's lead, in words: news style keeps the lead sentence within 25-35.
LEAD_WORDS = 30


P = ParamSpec("P")
R = TypeVar("R")


def _uncollected(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` with the cyclic garbage collector paused while it runs.
    Clustering makes tens of thousands of objects (overlaps, runs, members,
    links), which set off full collections that walk every object of the
    process: on 20k documents they cost half the time of building the
    result. None of these objects is in a reference cycle."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


class _Counted:
    """The shared shingle counts of ``pairs`` (``(i, j)`` rows, ``i < j``)
    of ``n`` documents, looked up by pair."""

    def __init__(self, pairs: np.ndarray, counts: np.ndarray, n: int):
        self.n = n
        self.keys, self.counts = pairs[:, 0] * n + pairs[:, 1], counts
        if len(self.keys) > 1 and not (self.keys[1:] > self.keys[:-1]).all():  # LSH gives them sorted
            order = np.argsort(self.keys, kind="stable")
            self.keys, self.counts = self.keys[order], counts[order]

    def lookup(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The count of each of ``rows`` (either way round) where known, and
        the positions of the rows not known (their count left 0)."""
        keys = np.minimum(rows[:, 0], rows[:, 1]) * self.n + np.maximum(rows[:, 0], rows[:, 1])
        at = np.minimum(np.searchsorted(self.keys, keys), max(len(self.keys) - 1, 0))
        found = self.keys[at] == keys if len(self.keys) else np.zeros(len(keys), dtype=bool)
        counts = np.zeros(len(rows), dtype=np.int64)
        counts[found] = self.counts[at[found]]
        return counts, np.flatnonzero(~found)


class Deduplicator:
    """Find wire copies, cluster them around their original, explain each merge.

    A document copies another when at least ``threshold`` of its words lie in
    passages (word n-grams) shared with it, their Jaccard similarity is at
    least ``min_jaccard``, and they share at least ``passage_words`` words:
    trimmed copies and copies with a few local lines pass; a story quoting a
    few wire sentences does not (most of its words are its own) and is
    reported as partial reuse instead.

    Each cluster is a star around its best supported version, and that
    centre must itself be the story: most of its words, or most of its lead,
    confirmed by its copies. So a story that holds a short wire story almost
    whole among its own paragraphs does not become the centre that wire story
    "copies". Nothing chains: every member is verified against the centre.

    Args:
        threshold: least share of a copy's words that are the original's text.
        min_jaccard: least Jaccard similarity of a copy and its original.
        passage_words: shortest shared passage reported, in words (tokens;
            characters for Chinese, Japanese and Thai).
        num_perm: MinHash permutations.
        ngram: tokens per shingle.
        seed: MinHash seed (datasketch-compatible).
        keep: which copy represents a cluster: longest, earliest, first or source.
        source_priority: sources to prefer, in order, with ``keep="source"``.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        min_jaccard: float = 0.1,
        passage_words: int = 8,
        num_perm: int = 128,
        ngram: int = 5,
        seed: int = 1,
        keep: str = "longest",
        source_priority: Sequence[str] = (),
    ):
        if keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, got {keep!r}")
        for name, value in (("threshold", threshold), ("min_jaccard", min_jaccard)):
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value!r}")
        self.rule = CopyRule(coverage=threshold, min_jaccard=min_jaccard, min_words=passage_words)
        self.passage_words = passage_words
        self.keep = keep
        self.source_priority = tuple(source_priority)
        self.hasher = MinHasher(num_perm=num_perm, seed=seed, ngram=ngram)
        self.lsh = BandedLSH.for_threshold(CANDIDATE_JACCARD, num_perm)
        self.min_agree = min_agreement(CANDIDATE_JACCARD, num_perm)

    @property
    def threshold(self) -> float:
        return self.rule.coverage

    @property
    def min_jaccard(self) -> float:
        return self.rule.min_jaccard

    def run(self, documents: Iterable[Document | tuple[str, str]]) -> DedupResult:
        """Cluster ``documents`` (``Document`` objects or ``(id, text)`` pairs)."""
        corpus = Corpus(documents, self.hasher)
        return self._cluster(corpus, self.hasher.sign(corpus.texts)[0])

    def cluster(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        dates: Sequence[str | None],
        sources: Sequence[str | None],
        signatures: np.ndarray,
        *,
        evidence: bool = True,
        shingles: Shingles | None = None,
        sequences: Sequence[np.ndarray] | None = None,
    ) -> DedupResult:
        """Cluster documents already signed by ``self.hasher.sign`` (the
        pipeline signs in worker processes); their texts are still needed to
        verify candidates exactly and find shared passages. ``shingles``:
        each text's sorted distinct shingles and token count, if signing
        kept them (:meth:`MinHasher.sign_sets`), so they are not made again;
        ``sequences``: each text's shingles in text order, if signing kept
        those too (verification reads them rather than tokenise texts again).

        Without ``evidence`` the shared passages are not looked for: each
        copy's ``match`` has its scores but no passages, and no document has
        ``reuse`` links. Finding passages costs as much as clustering, and a
        run that writes only the kept documents never reads them.

        The signatures are needed only to find candidates: pass the only
        reference to them, and their memory is free while pairs are verified."""
        corpus = Corpus.from_columns(ids, texts, dates, sources, self.hasher, shingles, sequences)
        candidates = self._candidates(signatures, corpus.sizes > 0)
        del signatures
        # Signed from these very sets, each candidate shares a shingle: its
        # signatures agree somewhere (``likely`` keeps no other), and every
        # MinHash permutation is a bijection of 32-bit values (an odd
        # multiplier over a bijective mix), so equal minima are one shingle
        # of both. Then whether a pair shares, and its count against a
        # threshold, need no exact count (:meth:`Corpus.shared_counts`).
        sharing = shingles is not None and self.min_agree > 1
        return self._cluster(corpus, None, candidates, evidence=evidence, sharing=sharing)

    def _candidates(self, signatures: np.ndarray, valid: np.ndarray) -> np.ndarray:
        """The LSH candidate pairs of the ``valid`` documents, filtered by :meth:`likely`."""
        return self.lsh.candidate_pairs(signatures, valid=valid, agreeing=self.min_agree)  # as likely() keeps

    def likely(self, signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
        """The LSH ``pairs`` worth verifying (:mod:`cleaner.prefilter`): every
        engine filters its candidates with this, so all keep the same ones."""
        return likely_pairs(signatures, pairs, self.min_agree)

    def cluster_candidates(self, corpus: Corpus, candidates: np.ndarray) -> DedupResult:
        """Cluster ``corpus`` with the candidate pairs given (``(i, j)`` rows,
        ``i < j``, sorted) instead of finding them by LSH: an incremental run
        (:mod:`cleaner.index`) passes the pairs a single run over everything
        would have found among these documents, filtered by :meth:`likely`."""
        return self._cluster(corpus, None, candidates)

    @_uncollected
    def _cluster(
        self,
        corpus: Corpus,
        signatures: np.ndarray | None,
        candidates: np.ndarray | None = None,
        *,
        evidence: bool = True,
        sharing: bool = False,
    ) -> DedupResult:
        """``sharing``: every candidate pair is known to share a shingle
        (see :meth:`cluster`), so candidates are counted only as far as
        :meth:`_may_copy` needs."""
        sizes = corpus.sizes
        if candidates is None:
            assert signatures is not None
            candidates = self._candidates(signatures, sizes > 0)

        copies: list[tuple[int, int, float]] = []
        shared, measured, found = self._measure(corpus, candidates, keep_shingled=evidence, bound=sharing)
        linked = candidates[shared > 0]  # pairs that share a shingle: in reach of each other
        known = _Counted(candidates, shared, len(corpus))
        runs: dict[tuple[int, int], Runs] = {}  # (copy, original): the original's runs shared with the copy
        for (a, b), (o, runs_a, runs_b) in zip(measured, found):
            a_copies, b_copies = self.rule.copies(o)
            if a_copies:
                copies.append((a, b, o.coverage_ab))
                runs[a, b] = runs_b
            if b_copies:
                copies.append((b, a, o.coverage_ba))
                runs[b, a] = runs_a
        centre = support_clusters(
            len(corpus), copies, lengths=corpus.words, accept=self._story_centre(corpus, runs)
        )
        del runs
        self._second_chance(corpus, centre, linked, known, keep_shingled=evidence)
        if not evidence:
            corpus.drop_shingled()  # the result needs only the overlaps, all measured
        return self._result(corpus, centre, linked, evidence=evidence)

    def _measure(
        self,
        corpus: Corpus,
        pairs: np.ndarray,
        *,
        keep_shingled: bool,
        shared: np.ndarray | None = None,
        bound: bool = False,
    ) -> tuple[np.ndarray, list[tuple[int, int]], list[tuple[Overlap, Runs, Runs]]]:
        """The shared count of each of ``pairs`` (rows left -1 in ``shared``,
        or all), and the pairs that may copy (:meth:`_may_copy`), measured.
        With ``bound``, the count of a pair that cannot copy may be an upper
        bound of it (one that cannot copy either), not the count.

        A pair whose shingles may be shared enough to copy is measured
        without being counted first: the measure counts them exactly (for a
        copy nearly all its shingles pass the count's table, and the count
        would search for each). Measured pairs that do not share enough
        after all are left out of those returned."""
        if shared is None:
            shared = np.full(len(pairs), -1, dtype=np.int64)
        rows = np.flatnonzero(shared < 0)
        if len(rows):
            # Counted grouped by first document (a count is the same either way round).
            order = rows[np.lexsort((pairs[rows, 1], pairs[rows, 0]))]
            enough = self._enough(corpus, pairs[order])
            shared[order] = corpus.shared_counts(pairs[order], enough, bound=bound)
        tried = np.flatnonzero((shared < 0) | self._may_copy(corpus, pairs, shared))
        measured: list[tuple[int, int]] = list(map(tuple, pairs[tried].tolist()))
        found = corpus.measure(measured, keep=keep_shingled)
        shared[tried] = [o.shared for o, _, _ in found]
        copying = self._may_copy(corpus, pairs[tried], shared[tried]).tolist()
        kept = [k for k, may in enumerate(copying) if may]
        return shared, [measured[k] for k in kept], [found[k] for k in kept]

    def _enough(self, corpus: Corpus, pairs: np.ndarray) -> np.ndarray:
        """Per ``(a, b)`` row, a shared count that :meth:`_may_copy` needs more
        than (by at least one, against rounding) to pass: a pair that cannot
        share this many cannot copy."""
        sizes = corpus.sizes
        total = sizes[pairs[:, 0]] + sizes[pairs[:, 1]]
        ratio = self.rule.min_jaccard / (1.0 + self.rule.min_jaccard)
        return np.maximum(np.floor(ratio * total).astype(np.int64) - 1, 1)

    def _may_copy(self, corpus: Corpus, pairs: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """Per ``(a, b)`` row of ``pairs``, which share ``shared`` shingles:
        have they enough in common to be a copy (Jaccard at least
        ``min_jaccard``)? A shared count is far cheaper than the word
        coverage :meth:`Corpus.overlap` measures, and most pairs fail."""
        if not len(pairs):
            return np.zeros(0, dtype=bool)
        sizes = corpus.sizes
        union = sizes[pairs[:, 0]] + sizes[pairs[:, 1]] - shared
        return (shared > 0) & (shared >= self.rule.min_jaccard * union)

    def _story_centre(
        self, corpus: Corpus, runs: dict[tuple[int, int], Runs]
    ) -> Callable[[int, list[int]], bool]:
        """A centre must itself be the story, not a story quoting it: most of
        its words (at least ``threshold``), or most of its lead, confirmed by
        its copies. Copies keep the lead and cut the tail (wire copy is
        written to be trimmed from the bottom); a story quoting a few wire
        sentences has a lead of its own and is mostly its own text.

        ``runs`` has the centre's passages shared with each copy, found when
        the pair was measured: joined, they are the passages it shares with
        all its copies, and its text need not be shingled again."""
        words, ngram = corpus.words, self.hasher.ngram

        def accept(centre: int, copies: list[int]) -> bool:
            span = min(ngram, words[centre])
            found = [runs[copy, centre] for copy in copies]
            whole, lead = merged_shares(found, words[centre], span, lead=LEAD_WORDS)
            return whole >= self.rule.coverage or lead >= self.rule.coverage

        return accept

    def _second_chance(
        self,
        corpus: Corpus,
        centre: list[int],
        linked: np.ndarray,
        known: _Counted,
        *,
        keep_shingled: bool = True,
    ) -> None:
        """Let each document left alone join the cluster of a candidate if it
        copies that cluster's centre (checked directly: LSH may have missed
        the pair, and copying a member is not enough). Lone documents are no
        clusters to join: they were compared directly and not accepted as
        story centres. ``linked``: the candidate pairs that share shingles;
        ``known``: the shared counts of all candidate pairs (many pairs to
        check are candidates, counted already).

        The pairs to check, each lone document with the centres of its
        candidates' clusters (by document, then centre), are found with
        arrays: no Python loop over all documents."""
        n = len(corpus)
        hub = np.asarray(centre, dtype=np.int64)
        size = np.bincount(hub, minlength=n)
        lone = (hub == np.arange(n)) & (size == 1)
        doc = np.concatenate((linked[:, 0], linked[:, 1]))
        other = hub[np.concatenate((linked[:, 1], linked[:, 0]))]
        wanted = lone[doc] & (size[other] > 1)
        keys = sorted_unique(doc[wanted] * n + other[wanted])
        rows = np.stack((keys // n, keys % n), axis=1)
        # Pairs not counted yet are counted at once, grouped by centre (far fewer
        # groups than documents), and those that may copy measured.
        shared, new = known.lookup(rows)
        flipped = rows[:, ::-1]
        # Only whether each may copy is asked for here: bounds do.
        _, chances, found = self._measure(
            corpus,
            flipped[new],
            keep_shingled=keep_shingled,
            shared=np.full(len(new), -1, dtype=np.int64),
            bound=True,
        )
        overlap_of = {pair: o for pair, (o, _, _) in zip(chances, found)}
        # A candidate pair is not measured again: clustering measured each
        # that may copy (its count is exact), and no other can.
        counted = np.ones(len(rows), dtype=bool)
        counted[new] = False
        for a, b in flipped[counted & self._may_copy(corpus, flipped, shared)].tolist():
            overlap_of[a, b] = corpus.measured(a, b)  # type: ignore[assignment]
        joins: dict[int, tuple[int, float]] = {}  # doc -> best centre and coverage so far
        for other_centre, doc in flipped.tolist() if overlap_of else ():  # in the order of the rows
            o = overlap_of.get((other_centre, doc))
            if o is None:
                continue
            o = o.flipped()
            if self.rule.copies(o)[0] and o.coverage_ab > joins.get(doc, (-1, 0.0))[1]:
                joins[doc] = (other_centre, o.coverage_ab)
        for doc, (other_centre, _) in joins.items():
            centre[doc] = other_centre

    def _result(
        self, corpus: Corpus, centre: list[int], linked: np.ndarray, *, evidence: bool = True
    ) -> DedupResult:
        n, ids = len(corpus), corpus.ids
        # Groups in order of their first member (the order a pass over the documents meets them).
        groups: dict[int, list[int]] = {}
        for index, hub in enumerate(centre):
            groups.setdefault(hub, []).append(index)
        lengths = corpus.sizes.tolist()
        scores = {i: corpus.overlap(i, hub) for i, hub in enumerate(centre) if hub != i}  # each copy's
        clusters: list[Cluster] = []
        cluster_of = ids.copy()  # a document alone is its own cluster
        for hub, group in groups.items():
            if len(group) == 1:  # most are: nothing to choose or score
                clusters.append(Cluster(ids[hub], hub, group, [], hub))
                continue
            rep = choose_representative(
                group,
                keep=self.keep,
                lengths=lengths,
                dates=corpus.dates,
                sources=corpus.sources,
                source_priority=self.source_priority,
            )
            pairs = [PairScore(i, hub, scores[i]) for i in group if i != hub]
            clusters.append(Cluster(ids[rep], rep, group, pairs, hub))
            for index in group:
                cluster_of[index] = ids[rep]
        reps = {c.representative for c in clusters}
        reuse: dict[int, list[Link]] = {}
        if evidence:
            neighbours: list[list[int]] = [[] for _ in range(n)]
            for a, b in linked.tolist():
                neighbours[a].append(b)
                neighbours[b].append(a)
            reuse = reuse_links(corpus, centre, neighbours, min_words=self.passage_words)
        matches: dict[int, Link] = {}
        copies = [(i, centre[i]) for i in range(n) if centre[i] != i]
        for index, hub in corpus.prefetched(copies) if evidence else copies:
            passages = corpus.passages(index, hub, self.passage_words) if evidence else []
            matches[index] = Link(hub, ids[hub], scores[index], passages)
        return DedupResult(ids, clusters, Members(ids, centre, cluster_of, reps, matches, reuse))
