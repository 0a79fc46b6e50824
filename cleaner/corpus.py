"""The documents of one deduplication run, shingled once, compared on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Generic, TypeVar

import numpy as np

from .counts import found_counts
from .document import Document
from .minhash import MinHasher
from .overlap import (
    Overlap,
    Runs,
    Shingled,
    overlap,
    overlaps,
    shingled_batch,
    shingled_sequences,
    sorted_unique,
)
from .passages import Passage, Span, aligned_passages, ngram_positions, passages_between
from .seen import SeenTwice, bitmap_bits
from .spans import spans_of

__all__ = ["Corpus"]

#: Texts shingled at once: large enough to amortise the batch set-up.
_BATCH = 512
V = TypeVar("V")
#: Each document's sorted distinct shingles, and its token count.
Shingles = tuple[Sequence[np.ndarray], np.ndarray]

#: Corpora of this many documents keep only shingles found in two documents or more.
FILTER_FROM = 50_000
#: Bits of the table that rules out most shingles when counting shared ones
#: (1 MiB: it stays in cache, and few of the values looked up at once collide).
_TABLE_BITS = 20
#: Shingles of first documents looked up at once (1/64 of the table's slots).
_LOOKED_UP = 1 << 14
#: Documents whose token spans are kept (least recently used ones go).
_KEPT_SPANS = 256
#: Documents whose shingles in text order are kept (least recently used ones go).
_KEPT_SHINGLED = 1 << 14
#: Pairs measured at once by :meth:`Corpus.measure`: the batch's arrays stay
#: under a megabyte each (larger ones left the heap fragmented: 20 MB more RSS).
_MEASURED = 128


def _shared_only(sets: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Each of ``sets`` (sorted distinct shingles) without the values found
    in one set only: marked, then filtered, a block of sets at a time (the
    kept values of a block share one array)."""
    seen = SeenTwice(bitmap_bits(len(sets)))
    blocks = [sets[at : at + _BATCH] for at in range(0, len(sets), _BATCH)]
    for block in blocks:
        seen.add(np.concatenate([np.empty(0, dtype=np.uint32), *block]))
    seen.done()
    out: list[np.ndarray] = []
    for block in blocks:
        values = np.concatenate([np.empty(0, dtype=np.uint32), *block])
        keep = seen.twice(values)
        kept_before = np.concatenate(([0], np.cumsum(keep, dtype=np.int64)))
        ends = np.cumsum([len(v) for v in block], dtype=np.int64)
        bounds = kept_before[np.concatenate(([0], ends))].tolist()
        values = values[keep]
        out.extend(values[a:b] for a, b in pairwise(bounds))
    return out


def _by_component(pairs: list[tuple[int, int]]) -> np.ndarray:
    """Positions of ``pairs`` ordered by the connected group of documents they
    are in (stable within a group): each document's pairs come together.
    Each document takes the least label of its neighbours, then of its
    label's label, until no label changes."""
    if not pairs:
        return np.zeros(0, dtype=np.int64)
    nodes, edges = np.unique(np.array(pairs, dtype=np.int64), return_inverse=True)
    edges = edges.reshape(-1, 2)
    label = np.arange(len(nodes))
    while True:
        least = np.minimum(label[edges[:, 0]], label[edges[:, 1]])
        lower = label.copy()
        np.minimum.at(lower, edges[:, 0], least)
        np.minimum.at(lower, edges[:, 1], least)
        lower = lower[lower]
        if (lower == label).all():
            break
        label = lower
    return np.argsort(label[edges[:, 0]], kind="stable")


class _Recent(Generic[V]):
    """The ``size`` values last used, by document index; older ones go."""

    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict[int, V] = OrderedDict()

    def get(self, index: int, make: Callable[[int], V]) -> V:
        found = self.items.get(index)
        if found is None:
            found = make(index)
            self.put(index, found)
        else:
            self.items.move_to_end(index)
        return found

    def put(self, index: int, value: V) -> None:
        self.items[index] = value
        if len(self.items) > self.size:
            self.items.popitem(last=False)


class Corpus:
    """Texts, metadata and shingles of the input documents, in input order,
    with exact overlaps and token spans cached as they are asked for.

    Every document's sorted shingle set is kept (each candidate pair's shared
    count needs it); its shingles in text order, needed only for pairs
    measured in full, are made again from the text when asked for, and
    ``texts`` may be any sequence (the pipeline's reads them from disk).

    >>> corpus = Corpus([("a", "one two three four"), ("b", "one two three five")], MinHasher(ngram=2))
    >>> round(corpus.overlap(0, 1).coverage_ab, 2), corpus.overlap(1, 0).coverage_ab
    (0.75, 0.75)
    """

    def __init__(self, documents: Iterable[Document | tuple[str, str]], hasher: MinHasher):
        ids: list[str] = []
        texts: list[str] = []
        dates: list[str | None] = []
        sources: list[str | None] = []
        for doc in documents:
            if isinstance(doc, Document):
                doc_id, text, date, source = doc.id, doc.text, doc.date, doc.source
            else:
                (doc_id, text), date, source = doc, None, None
            ids.append(doc_id)
            texts.append(text)
            dates.append(date)
            sources.append(source)
        self._setup(ids, texts, dates, sources, hasher)

    def _setup(
        self,
        ids: list[str],
        texts: Sequence[str],
        dates: list[str | None],
        sources: list[str | None],
        hasher: MinHasher,
        shingles: Shingles | None = None,
        sequences: Sequence[np.ndarray] | None = None,
    ) -> None:
        self.ids, self.texts, self.dates, self.sources = ids, texts, dates, sources
        self.hasher = hasher
        self._sequences = sequences
        if shingles is None:
            self._unique, sizes, words = self._shingle_texts()
        else:
            sets, words = shingles
            sizes = [len(v) for v in sets]
            self._unique = _shared_only(sets) if len(ids) >= FILTER_FROM else list(sets)
        #: Whether each ``_unique`` is the document's whole set (a small corpus).
        self._whole = len(ids) < FILTER_FROM
        self._sizes = np.array(sizes, dtype=np.int64)
        self._words = np.asarray(words, dtype=np.int64)
        self._shingled: _Recent[Shingled] = _Recent(_KEPT_SHINGLED)
        # Token spans can be Python tuples, ~200 bytes a token: kept for the
        # documents in use only (a cluster's centre, the pair at hand).
        self._spans: _Recent[Sequence[Span]] = _Recent(_KEPT_SPANS)
        self._overlaps: dict[tuple[int, int], Overlap] = {}
        self._positions: dict[tuple[int, int], dict[tuple[str, ...], list[int]]] = {}

    def _shingle_texts(self) -> tuple[list[np.ndarray], list[int], list[int]]:
        """Each text's sorted distinct shingles that may be shared, its
        number of distinct shingles and of tokens. Shingles of one document
        only are never shared: in a large corpus a first pass finds the
        others, a second keeps only those (a third of them)."""
        unique: list[np.ndarray] = []
        sizes: list[int] = []
        words: list[int] = []
        seen = SeenTwice(bitmap_bits(len(self.texts))) if len(self.texts) >= FILTER_FROM else None
        for batch in self._batches():
            docs = shingled_batch(self.hasher, batch)
            sizes.extend(d.size for d in docs)
            words.extend(d.words for d in docs)
            if seen is None:
                unique.extend(d.unique for d in docs)
            else:
                seen.add(np.concatenate([np.empty(0, dtype=np.uint32), *(d.unique for d in docs)]))
        if seen is not None:
            seen.done()
            for batch in self._batches():
                unique.extend(d.unique[seen.twice(d.unique)] for d in shingled_batch(self.hasher, batch))
            del seen
        return unique, sizes, words

    def _batches(self) -> Iterator[list[str]]:
        """The texts in order, in batches (a sequence on disk reads in large blocks)."""
        batch: list[str] = []
        for text in self.texts:
            batch.append(text)
            if len(batch) == _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    @classmethod
    def from_columns(
        cls,
        ids: Sequence[str],
        texts: Sequence[str],
        dates: Sequence[str | None],
        sources: Sequence[str | None],
        hasher: MinHasher,
        shingles: Shingles | None = None,
        sequences: Sequence[np.ndarray] | None = None,
    ) -> Corpus:
        """A corpus from parallel columns (what the pipeline collects from
        workers); ``texts`` is kept as given, not copied. ``shingles``, if
        given, are the texts' sorted distinct shingles and token counts (from
        :meth:`MinHasher.sign_sets`, which signed them), so the texts are
        not shingled again; ``sequences``, if given, each text's shingles in
        text order (:class:`~cleaner.spill.SequenceSpill`), read instead of
        shingling texts again to measure pairs."""
        corpus = cls.__new__(cls)
        corpus._setup(list(ids), texts, list(dates), list(sources), hasher, shingles, sequences)
        return corpus

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def words(self) -> list[int]:
        """Token count of each document."""
        return self._words.tolist()

    @property
    def sizes(self) -> np.ndarray:
        """Distinct shingles of each document."""
        return self._sizes

    def size(self, index: int) -> int:
        """Distinct shingles of one document."""
        return int(self._sizes[index])

    def unique(self, index: int) -> np.ndarray:
        """One document's sorted distinct shingles that may be shared: in a
        large corpus, those found in more than one document only (enough to
        count what two documents share, not to sign or size them)."""
        return self._unique[index]

    @property
    def uniques(self) -> list[np.ndarray]:
        """:meth:`unique` of each document."""
        return self._unique

    def prefetched(self, pairs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """``pairs``, in order, with the full shingles of both documents of
        the pairs coming next made in batches beforehand (one at a time costs
        many times more)."""
        step = _KEPT_SHINGLED // 4
        for at in range(0, len(pairs), step):
            chunk = pairs[at : at + step]
            self._load(self._shingled, {i for pair in chunk for i in pair})
            yield from chunk

    def _load(self, cache: _Recent[Shingled], indices: set[int]) -> None:
        """Put in ``cache`` the shingles of those of ``indices`` it lacks,
        made in batches (one at a time costs many times more)."""
        missing = sorted(indices - cache.items.keys())
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            for index, doc in zip(batch, self._shingle(batch)):
                cache.put(index, doc)

    def measure(self, pairs: list[tuple[int, int]], *, keep: bool = True) -> list[tuple[Overlap, Runs, Runs]]:
        """:meth:`overlap` of each of ``pairs``, with the covered runs of both
        documents (:func:`~cleaner.overlap.covered_runs`), measured a batch
        of pairs at a time, a connected group of pairs after another.

        With ``keep``, the documents' shingles in text order stay in the
        corpus's cache (passages will need them again). Without, only a
        window of the last batches' documents is kept: taken by connected
        group, a document's pairs come close together, and the window holds
        a few megabytes where the cache would grow to tens."""
        window: _Recent[Shingled] = self._shingled if keep else _Recent(4 * _MEASURED)
        out: list[tuple[Overlap, Runs, Runs]] = [None] * len(pairs)  # type: ignore[list-item]
        order = _by_component(pairs).tolist()
        for at in range(0, len(order), _MEASURED):
            chunk = order[at : at + _MEASURED]
            self._load(window, {i for k in chunk for i in pairs[k]})
            make = lambda i: self._shingle([i])[0]  # noqa: E731 (only if the window lost it)
            found = overlaps([(window.get(pairs[k][0], make), window.get(pairs[k][1], make)) for k in chunk])
            for k, measured in zip(chunk, found):
                a, b = pairs[k]
                if (b, a) not in self._overlaps:
                    self._overlaps[a, b] = measured[0]
                out[k] = measured
        return out

    def drop_shingled(self) -> None:
        """Forget the shingles in text order kept so far (they are made again
        if asked for): verification is done, and the result needs memory."""
        self._shingled = _Recent(_KEPT_SHINGLED)

    def shingled(self, index: int) -> Shingled:
        """One document's shingles in full (made again from its text, and kept
        for the few documents in use)."""
        return self._shingled.get(index, lambda i: self._shingle([i])[0])

    def _shingle(self, indices: list[int]) -> list[Shingled]:
        """:class:`Shingled` of these documents, made from their texts; the
        sets are the corpus's own where it keeps them whole (no second sort,
        no second copy)."""
        parts: list[tuple[np.ndarray, int, int]]  # per document: sequence, words, span
        if self._sequences is not None:
            ngram, sequences = self.hasher.ngram, self._sequences
            parts = [(sequences[i], w, min(ngram, w)) for i, w in zip(indices, self._words[indices].tolist())]
        else:
            found = shingled_sequences(self.hasher, [self.texts[i] for i in indices])
            parts = [(doc.sequence, doc.words, doc.span) for doc in found]
        sets: Iterable[np.ndarray]
        if self._whole:  # the corpus's own sets: no second sort
            sets = (self._unique[i] for i in indices)
        else:
            sets = (sorted_unique(sequence) for sequence, _, _ in parts)
        # Made directly: dataclasses.replace costs several times more, thousands of times.
        return [Shingled(sequence, unique, w, span) for (sequence, w, span), unique in zip(parts, sets)]

    def shared_count(self, a: int, b: int) -> int:
        """Distinct shingles ``a`` and ``b`` have in common."""
        if (a, b) in self._overlaps:
            return self._overlaps[a, b].shared
        sa, sb = self._unique[a], self._unique[b]
        return len(np.intersect1d(sa, sb, assume_unique=True))

    def shared_counts(
        self, pairs: np.ndarray, enough: np.ndarray | None = None, *, bound: bool = False
    ) -> np.ndarray:
        """:meth:`shared_count` of each ``(a, b)`` row of ``pairs``. Rows with
        the same ``a`` next to each other (LSH gives them sorted) are counted
        together: their ``b`` shingles are looked up in ``a``'s set, and
        the sets of several ``a`` at once.

        With ``enough`` (a count per row), a row that may share that many is
        not counted but given -1: its shingles that pass the table are not
        searched for (most do, for a copy), as :meth:`measure` counts them
        exactly anyway. With ``bound`` too, the other rows get an upper bound
        of their count, below ``enough`` (those of their shingles that pass
        the table, not searched for either): for a caller that only asks
        whether a row may reach ``enough``, and a third less work."""
        counts = np.zeros(len(pairs), dtype=np.int64)
        if not len(pairs):
            return counts
        firsts = pairs[:, 0]
        starts = np.flatnonzero(np.concatenate(([True], firsts[1:] != firsts[:-1])))
        bounds = [*starts.tolist(), len(pairs)]
        heads = firsts[starts].tolist()
        sizes = [len(self._unique[a]) for a in heads]
        table = np.zeros(1 << _TABLE_BITS, dtype=np.uint8)
        group, mark = 0, 0
        while group < len(heads):
            mark += 1
            if mark > 255:  # every value used: cleared once, not after every call
                table[:], mark = 0, 1
            end, total = group + 1, sizes[group]
            while end < len(heads) and total + sizes[end] <= _LOOKED_UP:
                total += sizes[end]
                end += 1
            low, high = bounds[group], bounds[end]
            counts[low:high] = found_counts(
                [self._unique[a] for a in heads[group:end]],
                [self._unique[b] for b in pairs[low:high, 1].tolist()],
                np.repeat(np.arange(end - group), np.diff(bounds[group : end + 1])),
                table,
                mark,
                None if enough is None else enough[low:high],
                bound,
            )
            group = end
        return counts

    def overlap(self, a: int, b: int) -> Overlap:
        """Exact overlap of ``a`` and ``b``, seen from ``a``."""
        found = self.measured(a, b)
        if found is None:
            found = self._overlaps[a, b] = overlap(self.shingled(a), self.shingled(b))
        return found

    def measured(self, a: int, b: int) -> Overlap | None:
        """:meth:`overlap` of ``a`` and ``b`` if measured already, else None."""
        if (a, b) in self._overlaps:
            return self._overlaps[a, b]
        if (b, a) in self._overlaps:
            return self._overlaps[b, a].flipped()
        return None

    def spans(self, index: int) -> Sequence[Span]:
        """Token spans of one document's text (offsets into its clean text)."""
        return self._spans.get(index, lambda i: spans_of(self.texts[i]))

    def passages(self, a: int, b: int, min_words: int) -> list[Passage]:
        """Passages ``a`` shares with ``b``: offsets into ``a``, then ``b``."""
        sa, sb = self.shingled(a), self.shingled(b)
        spans_a, spans_b = self.spans(a), self.spans(b)
        if min_words >= sa.span == sb.span and len(spans_a) == sa.words and len(spans_b) == sb.words:
            return aligned_passages(
                self.texts[a], spans_a, sa.sequence, spans_b, sb.sequence, span=sa.span, min_words=min_words
            )
        key = (b, min_words)  # tokens and spans disagree (rare normalisation cases) or short n-grams
        if key not in self._positions:
            self._positions[key] = ngram_positions([t for _, _, t in spans_b], min_words)
        return passages_between(
            self.texts[a], spans_a, spans_b, min_words=min_words, b_positions=self._positions[key]
        )
