"""Compare two documents: Jaccard, containment both ways, shared passages.

>>> c = compare("a b c d e f g h i j", "x a b c d e f g h i j y", ngram=3, min_words=5)
>>> round(c.containment_ab, 2), len(c.passages)
(1.0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .minhash import MinHasher
from .passages import Passage, shared_passages
from .tokens import tokens

__all__ = ["Comparison", "compare"]


@dataclass(frozen=True)
class Comparison:
    """Exact shingle-set similarity of ``a`` and ``b`` and what they share.

    ``containment_ab`` is the share of ``a``'s shingles that occur in ``b``.
    """

    jaccard: float
    containment_ab: float
    containment_ba: float
    shingles_a: int
    shingles_b: int
    passages: list[Passage]

    def to_dict(self) -> dict[str, object]:
        return {
            "jaccard": round(self.jaccard, 4),
            "containment_ab": round(self.containment_ab, 4),
            "containment_ba": round(self.containment_ba, 4),
            "shingles_a": self.shingles_a,
            "shingles_b": self.shingles_b,
            "passages": [p.to_dict() for p in self.passages],
        }


def compare(a: str, b: str, *, ngram: int = 5, min_words: int = 8) -> Comparison:
    """Exact (not estimated) similarity of two texts over word ``ngram`` shingles."""
    hasher = MinHasher(num_perm=2, ngram=ngram)
    set_a, set_b = hasher.shingles(tokens(a)), hasher.shingles(tokens(b))
    shared = len(np.intersect1d(set_a, set_b, assume_unique=True))
    union = len(set_a) + len(set_b) - shared
    return Comparison(
        jaccard=shared / union if union else 0.0,
        containment_ab=shared / len(set_a) if len(set_a) else 0.0,
        containment_ba=shared / len(set_b) if len(set_b) else 0.0,
        shingles_a=len(set_a),
        shingles_b=len(set_b),
        passages=shared_passages(a, b, min_words=min_words),
    )
