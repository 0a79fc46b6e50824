"""Exact overlap of two documents' shingles, and the rule that makes a copy.

MinHash only *finds* candidate pairs; every candidate is then measured
exactly here, on the shingles themselves, which costs microseconds a pair.
Besides Jaccard and set containment this measures *coverage*: the share of a
document's words that lie inside n-grams it shares with the other. Coverage
reads as "how much of this text is the other text"; unlike shingle
containment it barely moves under light editing (one changed word breaks
``ngram`` shingles but uncovers only itself).

>>> from cleaner.minhash import MinHasher
>>> hasher = MinHasher(ngram=3)
>>> wire = shingled(hasher, "a b c d e f g h i j".split())
>>> copy = shingled(hasher, "a b c d e f g h x y".split())
>>> o = overlap(copy, wire)
>>> o.shared, round(o.coverage_ab, 2), o.run_ab
(6, 0.8, 8)
>>> CopyRule(coverage=0.5, min_jaccard=0.1, min_words=5).copies(o)
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .frozen import maker
from .minhash import MinHasher
from .shingling import batch_shingle_parts

__all__ = [
    "CopyRule",
    "Overlap",
    "Runs",
    "Shingled",
    "confirmed_share",
    "confirmed_shares",
    "covered_runs",
    "covered_words",
    "merged_shares",
    "overlap",
    "overlaps",
    "shingled",
    "shingled_batch",
    "shingled_sequences",
]


@dataclass(frozen=True)
class Shingled:
    """One document's shingles: in text order (``sequence``) and as a set."""

    sequence: np.ndarray
    unique: np.ndarray
    words: int
    span: int

    @property
    def size(self) -> int:
        return len(self.unique)


def shingled(hasher: MinHasher, tokens: Sequence[str]) -> Shingled:
    """Shingle a token list with ``hasher``'s n-gram size and hash."""
    sequence = hasher.shingle_sequence(tokens)
    return Shingled(sequence, sorted_unique(sequence), len(tokens), min(hasher.ngram, len(tokens)))


def shingled_batch(hasher: MinHasher, texts: Sequence[str]) -> list[Shingled]:
    """:func:`shingled` of each text's tokens, tokenised and hashed for the
    whole batch at once (the way signatures are made): many times faster
    than a Python token list per text."""
    values, bounds, words = batch_shingle_parts(texts, hasher.ngram)
    out = []
    for i, count in enumerate(words.tolist()):
        sequence = values[bounds[i] : bounds[i + 1]]
        out.append(Shingled(sequence, sorted_unique(sequence), count, min(hasher.ngram, count)))
    return out


def shingled_sequences(hasher: MinHasher, texts: Sequence[str]) -> list[Shingled]:
    """:func:`shingled_batch` without the sets: each ``unique`` is empty, for
    a caller that has the sets already and puts them in."""
    values, bounds, words = batch_shingle_parts(texts, hasher.ngram)
    empty = np.empty(0, dtype=np.uint32)
    out = []
    for i, count in enumerate(words.tolist()):
        out.append(Shingled(values[bounds[i] : bounds[i + 1]], empty, count, min(hasher.ngram, count)))
    return out


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by a sort: many times faster than numpy's hash-based
    unique, for one document's shingles and for a million candidate pairs."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


@dataclass(frozen=True)
class Overlap:
    """Exact similarity of documents ``a`` and ``b``.

    ``containment_ab``: share of ``a``'s shingles that ``b`` has;
    ``coverage_ab``: share of ``a``'s words inside n-grams shared with ``b``;
    ``run_ab``: longest run of such words in ``a`` (an upper bound on the
    longest passage the two share); ``words_ab``: how many such words.
    """

    shared: int
    jaccard: float
    containment_ab: float
    containment_ba: float
    coverage_ab: float
    coverage_ba: float
    words_ab: int
    words_ba: int
    run_ab: int
    run_ba: int

    def flipped(self) -> Overlap:
        """The same overlap seen from ``b``."""
        return maker(Overlap)(
            shared=self.shared,
            jaccard=self.jaccard,
            containment_ab=self.containment_ba,
            containment_ba=self.containment_ab,
            coverage_ab=self.coverage_ba,
            coverage_ba=self.coverage_ab,
            words_ab=self.words_ba,
            words_ba=self.words_ab,
            run_ab=self.run_ba,
            run_ba=self.run_ab,
        )

    def to_dict(self) -> dict[str, float | int]:
        """Scores seen from ``a`` ("this document") towards ``b`` ("the other")."""
        return {
            "jaccard": round(self.jaccard, 4),
            "containment": round(self.containment_ab, 4),
            "other_containment": round(self.containment_ba, 4),
            "coverage": round(self.coverage_ab, 4),
            "other_coverage": round(self.coverage_ba, 4),
            "shared_shingles": self.shared,
        }


def _spread(starts: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """A mask of ``size`` that is ``True`` inside every ``[start, end)``."""
    depth = np.bincount(starts, minlength=size + 1) - np.bincount(ends, minlength=size + 1)
    return np.cumsum(depth)[:size] > 0


def covered_runs(doc: Shingled, shared: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) of each passage of ``doc``'s words covered by
    n-grams in ``shared`` (sorted), in order. A passage bridges up to
    ``span`` words between shared n-grams: a changed word breaks ``ngram``
    shingles, two changed words a few words apart break every shingle
    between them, but the sentence around them is still the shared passage.
    An added clause or sentence is longer.

    Found from the positions of the shared n-grams alone: n-grams starting at
    ``p < q`` cover ``[p, p + span)`` and ``[q, q + span)``, and lie in one
    passage when the gap between those, ``q - p - span``, is at most ``span``
    words (no word mask is built)."""
    if len(shared) == 0 or len(doc.sequence) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    where = np.searchsorted(shared, doc.sequence)
    hits = np.flatnonzero(shared[np.minimum(where, len(shared) - 1)] == doc.sequence)
    if len(hits) == 0:
        return hits, hits
    cut = np.flatnonzero(np.diff(hits) > 2 * doc.span) + 1
    return hits[np.concatenate(([0], cut))], hits[np.concatenate((cut - 1, [len(hits) - 1]))] + doc.span


def covered_words(doc: Shingled, shared: np.ndarray) -> np.ndarray:
    """Per word of ``doc``: is it inside a passage of n-grams in ``shared``
    (sorted)? (See :func:`covered_runs`.)"""
    starts, ends = covered_runs(doc, shared)
    if len(starts) == 0:
        return np.zeros(doc.words, dtype=bool)
    return _spread(starts, ends, doc.words)


def _covered(doc: Shingled, shared: np.ndarray) -> tuple[int, int]:
    """Words of ``doc`` inside a shared n-gram, and the longest run of them."""
    starts, ends = covered_runs(doc, shared)
    if len(starts) == 0:
        return 0, 0
    lengths = ends - starts
    return int(lengths.sum()), int(lengths.max())


def overlap(a: Shingled, b: Shingled) -> Overlap:
    """Exact :class:`Overlap` of two shingled documents."""
    shared = np.intersect1d(a.unique, b.unique, assume_unique=True)
    return _scored(a, b, len(shared), _covered(a, shared), _covered(b, shared))


def _scored(
    a: Shingled, b: Shingled, shared: int, covered_a: tuple[int, int], covered_b: tuple[int, int]
) -> Overlap:
    """The :class:`Overlap` of ``a`` and ``b`` sharing ``shared`` shingles,
    with the covered words and longest run of each."""
    (words_a, run_a), (words_b, run_b) = covered_a, covered_b
    union = a.size + b.size - shared
    return maker(Overlap)(
        shared=shared,
        jaccard=shared / union if union else 0.0,
        containment_ab=shared / a.size if a.size else 0.0,
        containment_ba=shared / b.size if b.size else 0.0,
        coverage_ab=words_a / a.words if a.words else 0.0,
        coverage_ba=words_b / b.words if b.words else 0.0,
        words_ab=words_a,
        words_ba=words_b,
        run_ab=run_a,
        run_ba=run_b,
    )


#: Start and end (exclusive) word of each covered passage (:func:`covered_runs`).
Runs = tuple[list[int], list[int]]


def _tagged(sets: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The ``sets`` (sorted uint32) as one sorted uint64 array, each value
    tagged with its set's position in the high bits, and where each set starts."""
    lengths = np.array([len(v) for v in sets], dtype=np.int64)
    keys = np.concatenate([np.empty(0, dtype=np.uint32), *sets]).astype(np.uint64)
    keys |= np.repeat(np.arange(len(sets), dtype=np.uint64), lengths) << np.uint64(32)
    return keys, np.concatenate(([0], np.cumsum(lengths)))


def _segment_sums(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Sum of ``values`` between consecutive ``bounds`` (any may be empty)."""
    total = np.concatenate(([0], np.cumsum(values, dtype=np.int64)))
    return total[bounds[1:]] - total[bounds[:-1]]


def _ranks(docs: Sequence[Shingled], bounds: np.ndarray) -> np.ndarray:
    """Where each shingle of ``docs`` in text order (``docs[k]``'s from
    ``bounds[k]``) is in its document's sorted set, if the set is the
    sequence's (:func:`_placed` checks): counted from a sort of each
    sequence, faster than searching the set for each; the counting for all
    at once (a document's dozen small operations cost more than its sort)."""
    total = int(bounds[-1])
    if not total:
        return np.zeros(0, dtype=np.int64)
    sorts = {id(d): np.argsort(d.sequence) for d in {id(d): d for d in docs}.values()}  # once a document
    lengths = np.diff(bounds)
    order = np.concatenate([sorts[id(d)] for d in docs]) + np.repeat(bounds[:-1], lengths)
    ordered = np.concatenate([d.sequence for d in docs])[order]
    steps = np.empty(total, dtype=np.int64)
    steps[0] = 0
    np.cumsum(ordered[1:] != ordered[:-1], out=steps[1:])
    # Counted over all documents: each one's count starts at its first value.
    steps -= np.repeat(steps[np.minimum(bounds[:-1], total - 1)], lengths)
    rank = np.empty(total, dtype=np.int64)
    rank[order] = steps
    return rank


def _placed(
    docs: Sequence[Shingled], rank: np.ndarray, owner: np.ndarray, starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Where each shingle of ``docs`` (in text order, one after another, at
    ``rank`` in its document's set) is in their concatenated sets (each
    from ``starts[k]``), and whether it is there."""
    placed = rank < (starts[1:] - starts[:-1])[owner]
    at = np.where(placed, rank + starts[:-1][owner], 0)
    if placed.any():
        values = np.concatenate([np.empty(0, dtype=np.uint32), *(d.unique for d in docs)])
        sequences = np.concatenate([np.empty(0, dtype=np.uint32), *(d.sequence for d in docs)])
        placed &= values[at] == sequences
    return at, placed


def _runs_of(docs: Sequence[Shingled], found: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, ...]:
    """:func:`covered_runs` of each of ``docs`` at once: ``found`` marks the
    values of their concatenated sets (``docs[k]``'s from ``starts[k]``) that
    are shared. Gives the covered words and longest run of each document, and
    all runs (start, end, document), in order."""
    count = len(docs)
    lengths = np.array([len(d.sequence) for d in docs], dtype=np.int64)
    spans = np.array([d.span for d in docs], dtype=np.int64)
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    rank = _ranks(docs, bounds)
    owner = np.repeat(np.arange(count), lengths)
    at, placed = _placed(docs, rank, owner, starts)
    if not placed.all():  # a set that is not its sequence's (or is empty): searched instead
        for k in sorted(set(owner[~placed].tolist())):
            rank[bounds[k] : bounds[k + 1]] = np.searchsorted(docs[k].unique, docs[k].sequence)
        at, placed = _placed(docs, rank, owner, starts)
    # A shingle missing from its set is never shared.
    hit = placed & found[at] if len(found) else np.zeros(len(at), dtype=bool)
    hits = np.flatnonzero(hit)
    owner = owner[hits]
    local = hits - bounds[owner]
    new = np.ones(len(hits), dtype=bool)
    new[1:] = (owner[1:] != owner[:-1]) | (local[1:] - local[:-1] > 2 * spans[owner[1:]])
    first = np.flatnonzero(new)
    last = np.concatenate((first[1:] - 1, [len(hits) - 1])) if len(first) else first
    run_owner = owner[first]
    run_start, run_end = local[first], local[last] + spans[run_owner]
    bounds = np.searchsorted(run_owner, np.arange(count + 1))
    lengths = run_end - run_start
    words = _segment_sums(lengths, bounds)
    longest = np.zeros(count, dtype=np.int64)
    filled = bounds[1:] > bounds[:-1]
    if filled.any():
        longest[filled] = np.maximum.reduceat(lengths, bounds[:-1][filled])
    return words, longest, run_start, run_end, bounds


def overlaps(pairs: Sequence[tuple[Shingled, Shingled]]) -> list[tuple[Overlap, Runs, Runs]]:
    """:func:`overlap` of each pair, and the covered runs of both documents,
    all measured at once: a few array operations for the whole batch instead
    of a dozen per pair (the per-call cost was most of the time). Each set's
    values are tagged with their pair in the high bits, so one search of
    the sorted ``a`` sets in the sorted ``b`` sets finds every shared value."""
    if not pairs:
        return []
    if any(d.unique.dtype != np.uint32 for pair in pairs for d in pair):
        return [_measured(a, b) for a, b in pairs]
    keys_a, starts_a = _tagged([a.unique for a, _ in pairs])
    keys_b, starts_b = _tagged([b.unique for _, b in pairs])
    in_b = np.zeros(len(keys_a), dtype=bool)
    in_a = np.zeros(len(keys_b), dtype=bool)
    if len(keys_a) and len(keys_b):
        where = np.minimum(np.searchsorted(keys_b, keys_a), len(keys_b) - 1)
        in_b = keys_b[where] == keys_a
        in_a[where[in_b]] = True
    shared = _segment_sums(in_b, starts_a).tolist()
    words_a, run_a, start_a, end_a, bounds_a = _runs_of([a for a, _ in pairs], in_b, starts_a)
    words_b, run_b, start_b, end_b, bounds_b = _runs_of([b for _, b in pairs], in_a, starts_b)
    start_a, end_a, start_b, end_b = start_a.tolist(), end_a.tolist(), start_b.tolist(), end_b.tolist()
    bounds_a, bounds_b = bounds_a.tolist(), bounds_b.tolist()
    out = []
    for k, ((a, b), common, wa, wb, ra, rb) in enumerate(
        zip(pairs, shared, words_a.tolist(), words_b.tolist(), run_a.tolist(), run_b.tolist())
    ):
        o = _scored(a, b, common, (wa, ra), (wb, rb))
        sa, sb = slice(bounds_a[k], bounds_a[k + 1]), slice(bounds_b[k], bounds_b[k + 1])
        out.append((o, (start_a[sa], end_a[sa]), (start_b[sb], end_b[sb])))
    return out


def _measured(a: Shingled, b: Shingled) -> tuple[Overlap, Runs, Runs]:
    """:func:`overlap` of one pair, with the covered runs of both documents."""
    shared = np.intersect1d(a.unique, b.unique, assume_unique=True)
    (start_a, end_a), (start_b, end_b) = covered_runs(a, shared), covered_runs(b, shared)
    return overlap(a, b), (start_a.tolist(), end_a.tolist()), (start_b.tolist(), end_b.tolist())


def merged_shares(runs: Sequence[Runs], words: int, span: int, *, lead: int) -> tuple[float, float]:
    """:func:`confirmed_shares` from the covered runs a document has with
    each of the others (its :func:`overlaps` runs), without its shingles:
    passages found against different documents join where those found
    against their union would (one ``span`` or less apart). A handful of
    runs: plain Python is quicker than arrays."""
    if not words:
        return 0.0, 0.0
    head = min(lead, words)
    whole = first = 0
    start = end = -1
    for s, e in sorted(pair for starts, ends in runs for pair in zip(starts, ends)):
        if end >= 0 and s <= end + span:
            end = max(end, e)
            continue
        if end >= 0:
            whole += end - start
            first += min(end, head) - min(start, head)
        start, end = s, e
    if end >= 0:
        whole += end - start
        first += min(end, head) - min(start, head)
    return whole / words, first / head


def confirmed_share(
    doc: Shingled, others: Sequence[Shingled | np.ndarray], *, lead: int | None = None
) -> float:
    """Share of ``doc``'s words inside n-grams it shares with any of
    ``others`` (shingled documents, or their sorted distinct shingles); of
    its first ``lead`` words only, if given."""
    whole, first = confirmed_shares(doc, others, lead=lead or doc.words)
    return first if lead else whole


def confirmed_shares(
    doc: Shingled, others: Sequence[Shingled | np.ndarray], *, lead: int
) -> tuple[float, float]:
    """:func:`confirmed_share` of all of ``doc`` and of its first ``lead``
    words, from one pass over ``others``."""
    if not doc.words or not others:
        return 0.0, 0.0
    sets = [o.unique if isinstance(o, Shingled) else o for o in others]
    starts, ends = covered_runs(doc, _shared_with_any(doc.unique, sets))
    first = min(lead, doc.words)
    in_lead = np.minimum(ends, first) - np.minimum(starts, first)
    return int((ends - starts).sum()) / doc.words, int(in_lead.sum()) / first


def _shared_with_any(values: np.ndarray, sets: Sequence[np.ndarray]) -> np.ndarray:
    """The ``values`` (sorted, distinct) found in any of ``sets``: every set's
    values looked up in ``values`` at once (one search, not one
    intersection and a union per set)."""
    if len(values) == 0:
        return values
    needles = np.concatenate([np.empty(0, dtype=values.dtype), *sets])
    where = np.minimum(np.searchsorted(values, needles), len(values) - 1)
    found = np.zeros(len(values), dtype=bool)
    found[where[values[where] == needles]] = True
    return values[found]


@dataclass(frozen=True)
class CopyRule:
    """When one document is a copy of another.

    ``a`` copies ``b`` when most of ``a`` is ``b``'s text: at least
    ``coverage`` of ``a``'s words lie in n-grams shared with ``b``, the two
    have Jaccard at least ``min_jaccard``, and the shared words number at
    least ``min_words``. A trimmed copy passes (all of it is the original), so
    does one with a few local lines added (still mostly the original); a
    story that quotes a few wire sentences fails, because most of its words
    are its own, and a snippet of a far longer story fails on Jaccard.

    Args:
        coverage: least share of the copy's words that are the original's.
        min_jaccard: least Jaccard similarity of copy and original.
        min_words: least number of the copy's words shared with the original.
    """

    coverage: float = 0.5
    min_jaccard: float = 0.1
    min_words: int = 15

    def __post_init__(self) -> None:
        for name in ("coverage", "min_jaccard"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value!r}")
        if self.min_words < 1:
            raise ValueError(f"min_words must be positive, got {self.min_words!r}")

    def copies(self, o: Overlap) -> tuple[bool, bool]:
        """``(a copies b, b copies a)``."""
        if o.jaccard < self.min_jaccard:
            return False, False
        return (
            o.coverage_ab >= self.coverage and o.words_ab >= self.min_words,
            o.coverage_ba >= self.coverage and o.words_ba >= self.min_words,
        )
