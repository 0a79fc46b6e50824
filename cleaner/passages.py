"""Passages two documents share, with character offsets into each.

>>> a = "Intro. We caution Russia and the regime against tampering with the site, he said."
>>> b = "Other lead. We caution Russia and the regime against tampering with the site, said Palladino."
>>> [p.text for p in shared_passages(a, b, min_words=5)]
['We caution Russia and the regime against tampering with the site']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .tokens import token_spans

__all__ = ["Passage", "aligned_passages", "ngram_positions", "passages_between", "shared_passages"]

Span = tuple[int, int, str]

# Positions kept per n-gram of the second document: enough for real repeats,
# bounded for pathological text (the same phrase thousands of times).
_MAX_POSITIONS = 16


@dataclass(frozen=True)
class Passage:
    """A run of at least ``min_words`` tokens found in both documents.

    ``a_start:a_end`` and ``b_start:b_end`` are character offsets into the two
    texts as given; ``text`` is the passage as it reads in the first.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    text: str

    def to_dict(self, *, preview: int | None = None) -> dict[str, object]:
        """JSON form; with ``preview``, ``text`` is cut to that many characters
        (and ends in "…" when cut): the offsets are the exact reference."""
        text = self.text
        if preview is not None and len(text) > preview:
            text = text[: max(preview - 1, 0)].rstrip() + "…"
        return {
            "a": [self.a_start, self.a_end],
            "b": [self.b_start, self.b_end],
            "words": self.words,
            "text": text,
        }

    def swapped(self, b_text: str) -> Passage:
        """The same passage seen from ``b`` (``b_text`` is the text that
        ``b_start:b_end`` point into)."""
        text = b_text[self.b_start : self.b_end]
        return Passage(self.b_start, self.b_end, self.a_start, self.a_end, self.words, text)


def shared_passages(a: str, b: str, *, min_words: int = 8) -> list[Passage]:
    """Maximal passages of ``a`` that also occur in ``b`` (after normalisation),
    in the order they appear in ``a``, not overlapping in ``a``."""
    return passages_between(a, list(token_spans(a)), list(token_spans(b)), min_words=min_words)


def ngram_positions(tokens: Sequence[str], min_words: int) -> dict[tuple[str, ...], list[int]]:
    """Where each run of ``min_words`` tokens starts (the first few times)."""
    if min_words < 1:
        raise ValueError(f"min_words must be positive, got {min_words}")
    positions: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(tokens) - min_words + 1):
        slot = positions.setdefault(tuple(tokens[j : j + min_words]), [])
        if len(slot) < _MAX_POSITIONS:
            slot.append(j)
    return positions


def passages_between(
    a: str,
    a_spans: Sequence[Span],
    b_spans: Sequence[Span],
    *,
    min_words: int = 8,
    b_positions: dict[tuple[str, ...], list[int]] | None = None,
) -> list[Passage]:
    """:func:`shared_passages` from token spans already found (``token_spans``
    of ``a`` and of ``b``) and, optionally, ``ngram_positions`` of ``b``'s
    tokens, for callers that compare one text many times."""
    a_tokens = [t for _, _, t in a_spans]
    b_tokens = [t for _, _, t in b_spans]
    if b_positions is None:
        b_positions = ngram_positions(b_tokens, min_words)
    elif min_words < 1:
        raise ValueError(f"min_words must be positive, got {min_words}")
    positions = b_positions

    found: list[Passage] = []
    i = 0
    while i <= len(a_tokens) - min_words:
        starts = positions.get(tuple(a_tokens[i : i + min_words]))
        if not starts:
            i += 1
            continue
        best_j, best_len = starts[0], 0
        for j in starts:
            length = min_words
            while (
                i + length < len(a_tokens)
                and j + length < len(b_tokens)
                and a_tokens[i + length] == b_tokens[j + length]
            ):
                length += 1
            if length > best_len:
                best_j, best_len = j, length
        a_start, a_end = a_spans[i][0], a_spans[i + best_len - 1][1]
        b_start, b_end = b_spans[best_j][0], b_spans[best_j + best_len - 1][1]
        found.append(Passage(a_start, a_end, b_start, b_end, best_len, a[a_start:a_end]))
        i += best_len
    return found


def aligned_passages(
    a: str,
    a_spans: Sequence[Span],
    a_shingles: np.ndarray,
    b_spans: Sequence[Span],
    b_shingles: np.ndarray,
    *,
    span: int,
    min_words: int = 8,
) -> list[Passage]:
    """:func:`passages_between` from the two documents' shingle sequences
    (hashes of the ``span``-token n-gram at each position, as
    ``MinHasher.shingle_sequence`` gives them): a passage is a run of
    consecutive n-grams of ``a`` found consecutively in ``b``. Same passages,
    found with array operations; needs ``min_words >= span``."""
    if min_words < span:
        raise ValueError(f"min_words ({min_words}) must be at least the n-gram size ({span})")
    if len(a_shingles) == 0 or len(b_shingles) == 0:
        return []
    order = np.argsort(b_shingles, kind="stable")
    ordered = b_shingles[order]
    where = np.minimum(np.searchsorted(ordered, a_shingles), len(ordered) - 1)
    hit = ordered[where] == a_shingles
    i = np.flatnonzero(hit)
    if len(i) == 0:
        return []
    j = order[where[hit]]  # first place of each n-gram in b
    _follow_repeats(i, j, a_shingles, b_shingles)
    cut = np.flatnonzero((np.diff(i) != 1) | (np.diff(j) != 1)) + 1
    firsts = np.concatenate(([0], cut))
    lengths = np.diff(np.concatenate((firsts, [len(i)]))) + span - 1
    found = []
    free = 0  # first token of a not yet in a passage: passages do not overlap in a
    for first, length in zip(firsts.tolist(), lengths.tolist()):
        skip = max(0, free - int(i[first]))
        ai, bj, words = int(i[first]) + skip, int(j[first]) + skip, length - skip
        if words < min_words:
            continue
        free = ai + words
        a_start, a_end = a_spans[ai][0], a_spans[ai + words - 1][1]
        b_start, b_end = b_spans[bj][0], b_spans[bj + words - 1][1]
        found.append(Passage(a_start, a_end, b_start, b_end, words, a[a_start:a_end]))
    return found


def _follow_repeats(i: np.ndarray, j: np.ndarray, a_shingles: np.ndarray, b_shingles: np.ndarray) -> None:
    """Where an n-gram occurs more than once in ``b``, place it where it
    continues the passage before it rather than at its first occurrence."""
    broken = np.flatnonzero((np.diff(i) == 1) & (np.diff(j) != 1)) + 1
    if len(broken) == 0:
        return
    size = len(b_shingles)
    for k in range(int(broken[0]), len(i)):
        follows = int(j[k - 1]) + 1
        if (
            i[k] == i[k - 1] + 1
            and j[k] != follows
            and follows < size
            and b_shingles[follows] == a_shingles[i[k]]
        ):
            j[k] = follows
