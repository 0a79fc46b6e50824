"""Passages two documents share, with character offsets into each.

>>> a = "Intro. We caution Russia and the regime against tampering with the site, he said."
>>> b = "Other lead. We caution Russia and the regime against tampering with the site, said Palladino."
>>> [p.text for p in shared_passages(a, b, min_words=5)]
['We caution Russia and the regime against tampering with the site']
"""

from __future__ import annotations

from dataclasses import dataclass

from .tokens import token_spans

__all__ = ["Passage", "shared_passages"]

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

    def to_dict(self) -> dict[str, int | str]:
        return {
            "a": [self.a_start, self.a_end],
            "b": [self.b_start, self.b_end],
            "words": self.words,
            "text": self.text,
        }


def shared_passages(a: str, b: str, *, min_words: int = 8) -> list[Passage]:
    """Maximal passages of ``a`` that also occur in ``b`` (after normalisation),
    in the order they appear in ``a``, not overlapping in ``a``."""
    if min_words < 1:
        raise ValueError(f"min_words must be positive, got {min_words}")
    a_spans = list(token_spans(a))
    b_spans = list(token_spans(b))
    a_tokens = [t for _, _, t in a_spans]
    b_tokens = [t for _, _, t in b_spans]
    positions: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(b_tokens) - min_words + 1):
        slot = positions.setdefault(tuple(b_tokens[j : j + min_words]), [])
        if len(slot) < _MAX_POSITIONS:
            slot.append(j)

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
