"""The documents of one deduplication run, shingled once, compared on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence

import numpy as np

from .document import Document
from .minhash import MinHasher
from .overlap import Overlap, Shingled, overlap, shingled_batch
from .passages import Passage, Span, aligned_passages, ngram_positions, passages_between
from .spans import spans_of

__all__ = ["Corpus"]

#: Texts shingled at once: large enough to amortise the batch set-up.
_BATCH = 512
#: Documents whose token spans are kept (least recently used ones go).
_KEPT_SPANS = 256


class Corpus:
    """Texts, metadata and shingles of the input documents, in input order,
    with exact overlaps and token spans cached as they are asked for.

    >>> corpus = Corpus([("a", "one two three four"), ("b", "one two three five")], MinHasher(ngram=2))
    >>> round(corpus.overlap(0, 1).coverage_ab, 2), corpus.overlap(1, 0).coverage_ab
    (0.75, 0.75)
    """

    def __init__(self, documents: Iterable[Document | tuple[str, str]], hasher: MinHasher):
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.dates: list[str | None] = []
        self.sources: list[str | None] = []
        self.shingles: list[Shingled] = []
        batch: list[str] = []
        for doc in documents:
            if isinstance(doc, Document):
                doc_id, text, date, source = doc.id, doc.text, doc.date, doc.source
            else:
                (doc_id, text), date, source = doc, None, None
            self.ids.append(doc_id)
            self.texts.append(text)
            self.dates.append(date)
            self.sources.append(source)
            batch.append(text)
            if len(batch) == _BATCH:
                self.shingles.extend(shingled_batch(hasher, batch))
                batch = []
        self.shingles.extend(shingled_batch(hasher, batch))
        # Token spans can be Python tuples, ~200 bytes a token: kept for the
        # documents in use only (a cluster's centre, the pair at hand).
        self._spans: OrderedDict[int, Sequence[Span]] = OrderedDict()
        self._overlaps: dict[tuple[int, int], Overlap] = {}
        self._positions: dict[tuple[int, int], dict[tuple[str, ...], list[int]]] = {}

    @classmethod
    def from_columns(
        cls,
        ids: Sequence[str],
        texts: Sequence[str],
        dates: Sequence[str | None],
        sources: Sequence[str | None],
        hasher: MinHasher,
    ) -> Corpus:
        """A corpus from parallel lists (what the pipeline collects from workers)."""
        return cls(
            (Document(id=i, text=t, date=d, source=s) for i, t, d, s in zip(ids, texts, dates, sources)),
            hasher,
        )

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def words(self) -> list[int]:
        """Token count of each document."""
        return [s.words for s in self.shingles]

    @property
    def sizes(self) -> np.ndarray:
        """Distinct shingles of each document."""
        return np.array([s.size for s in self.shingles], dtype=np.int64)

    def shared_count(self, a: int, b: int) -> int:
        """Distinct shingles ``a`` and ``b`` have in common."""
        if (a, b) in self._overlaps:
            return self._overlaps[a, b].shared
        sa, sb = self.shingles[a].unique, self.shingles[b].unique
        return len(np.intersect1d(sa, sb, assume_unique=True))

    def overlap(self, a: int, b: int) -> Overlap:
        """Exact overlap of ``a`` and ``b``, seen from ``a``."""
        if (a, b) in self._overlaps:
            return self._overlaps[a, b]
        if (b, a) in self._overlaps:
            return self._overlaps[b, a].flipped()
        found = self._overlaps[a, b] = overlap(self.shingles[a], self.shingles[b])
        return found

    def spans(self, index: int) -> Sequence[Span]:
        """Token spans of one document's text (offsets into its clean text)."""
        found = self._spans.get(index)
        if found is None:
            found = self._spans[index] = spans_of(self.texts[index])
            if len(self._spans) > _KEPT_SPANS:
                self._spans.popitem(last=False)
        else:
            self._spans.move_to_end(index)
        return found

    def passages(self, a: int, b: int, min_words: int) -> list[Passage]:
        """Passages ``a`` shares with ``b``: offsets into ``a``, then ``b``."""
        sa, sb = self.shingles[a], self.shingles[b]
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
