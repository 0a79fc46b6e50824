"""Compare two documents: Jaccard, containment and coverage both ways, shared
passages, and what ``cleaner dedup`` would make of the pair.

>>> c = compare("a b c d e f g h i j", "x a b c d e f g h i j y", ngram=3, min_words=5)
>>> round(c.containment_ab, 2), len(c.passages), c.verdict
(1.0, 1, 'copy')
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .dedup import Deduplicator
from .passages import Passage, shared_passages

__all__ = ["Comparison", "compare"]

VERDICTS = ("copy", "partial reuse", "unrelated")


@dataclass(frozen=True)
class Comparison:
    """Exact shingle-set similarity of ``a`` and ``b`` and what they share.

    ``containment_ab`` is the share of ``a``'s shingles that occur in ``b``;
    ``coverage_ab`` the share of ``a``'s words inside n-grams shared with
    ``b``. ``verdict`` is what deduplication of just these two documents finds:
    ``copy`` (one cluster around ``centre``, "a" or "b"), ``partial reuse``
    (shared passages, but neither is a copy of the other) or ``unrelated``.
    """

    jaccard: float
    containment_ab: float
    containment_ba: float
    shingles_a: int
    shingles_b: int
    passages: list[Passage]
    coverage_ab: float = 0.0
    coverage_ba: float = 0.0
    verdict: str = "unrelated"
    centre: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "jaccard": round(self.jaccard, 4),
            "containment_ab": round(self.containment_ab, 4),
            "containment_ba": round(self.containment_ba, 4),
            "coverage_ab": round(self.coverage_ab, 4),
            "coverage_ba": round(self.coverage_ba, 4),
            "shingles_a": self.shingles_a,
            "shingles_b": self.shingles_b,
            "verdict": self.verdict,
            "centre": self.centre,
            "passages": [p.to_dict() for p in self.passages],
        }


def compare(
    a: str,
    b: str,
    *,
    ngram: int = 5,
    min_words: int = 8,
    threshold: float = 0.5,
    min_jaccard: float = 0.1,
) -> Comparison:
    """Exact (not estimated) similarity of two texts over word ``ngram``
    shingles, judged with :class:`~cleaner.dedup.Deduplicator`'s rule."""
    dedup = Deduplicator(ngram=ngram, threshold=threshold, min_jaccard=min_jaccard, passage_words=min_words)
    pair = [("a", a), ("b", b)]
    corpus = Corpus(pair, dedup.hasher)
    o = corpus.overlap(0, 1)
    first, second = dedup.run(pair).members
    passages = shared_passages(a, b, min_words=min_words)
    if first.cluster == second.cluster:
        verdict, centre = "copy", first.centre
    else:
        verdict, centre = ("partial reuse" if passages else "unrelated"), None
    return Comparison(
        jaccard=o.jaccard,
        containment_ab=o.containment_ab,
        containment_ba=o.containment_ba,
        shingles_a=corpus.size(0),
        shingles_b=corpus.size(1),
        passages=passages,
        coverage_ab=o.coverage_ab,
        coverage_ba=o.coverage_ba,
        verdict=verdict,
        centre=centre,
    )
