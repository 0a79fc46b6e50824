"""Token spans found by the byte scan that shingles batches, not by the regex.

Passages point into the clean texts, so every copy and its centre need the
character offsets of their tokens (:func:`cleaner.tokens.token_spans`).
When each character of a text has a one-character ASCII stand-in
(:func:`cleaner.tokens.stand_in`), the scan's byte offsets are character
offsets, and its tokens are token_spans' tokens where token_spans reads the
characters alike (see :func:`_spans_alike`). The spans are then a view over
two offset arrays: no Python tuple per token until one is asked for.

>>> spans = scan_spans("Don’t “stop” — café")
>>> list(spans), len(spans), spans[-1]
([(0, 5, "don't"), (7, 11, 'stop'), (15, 19, 'cafe')], 3, (15, 19, 'cafe'))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import overload

import numpy as np

from .passages import Span
from .shingling import _WORD_BYTE, _scan
from .tokens import WORD_PATTERN, _fold_case, _raw_form, stand_in, token_spans

__all__ = ["ScannedSpans", "scan_spans", "spans_of"]

_WORD_CHAR = re.compile(WORD_PATTERN)


class ScannedSpans(Sequence[Span]):
    """``(start, end, token)`` of each token, made when indexed."""

    def __init__(self, starts: np.ndarray, ends: np.ndarray, form: str):
        self.starts, self.ends, self.form = starts, ends, form

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...
    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        start, end = int(self.starts[index]), int(self.ends[index])
        return start, end, self.form[start:end]


@functools.cache
def _spans_alike(char: str) -> bool:
    """Whether token_spans, which finds tokens on the original characters of
    a non-ASCII text, reads ``char`` as the scan reads its stand-in: both word
    characters or both not, and of the quotes only ’ joining words as '
    does (‘ and ﹏ read alike only once normalised)."""
    form = stand_in(char)
    if form is None or len(form) != 1:
        return False
    if form == "'":
        return char == "’"
    return bool(_WORD_CHAR.fullmatch(char)) == bool(_WORD_BYTE[ord(form)])


def scan_spans(text: str) -> ScannedSpans | None:
    """token_spans of ``text`` by the byte scan, or None where it could differ."""
    data = _raw_form(text)
    if data is None or len(data) != len(text):
        return None
    if not text.isascii() and ("`" in text or not all(_spans_alike(c) for c in set(text) if ord(c) > 127)):
        return None
    folded = _fold_case(data)
    starts, ends = _scan(np.frombuffer(folded, dtype=np.uint8))
    return ScannedSpans(starts, ends, folded.decode("ascii"))


def spans_of(text: str) -> Sequence[Span]:
    """Token spans of ``text``: by the scan where it reads alike, else by token_spans."""
    found = scan_spans(text)
    return found if found is not None else list(token_spans(text))
