"""Shingle hashes for whole batches of texts, as numpy array operations.

The tokens are those of :func:`cleaner.tokens.tokens`, found without a Python
object per token: a batch's texts become one byte buffer, a 256-entry table
marks word bytes, and token boundaries are where that mark changes. A text
that is ASCII once common typography (curly quotes, dashes, accented Latin
letters, symbols: :func:`stand_in`) is mapped is scanned as it is; any other text is
tokenised by :func:`~cleaner.tokens.tokens` and its tokens joined by spaces,
which the same scan splits back into exactly those tokens.

A token's hash is a polynomial over its UTF-8 bytes (``sum(byte_j * R**j)``
mod 2**64, then the murmur3 64-bit finaliser), computed for every token at
once from prefix sums; an n-gram's hash combines its tokens' hashes in order.

>>> texts = ["The “quick” brown fox", "the quick brown fox"]
>>> a, b = batch_shingles(texts, ngram=2)
>>> bool((a == b).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .tokens import _scan_form, scan_text, stand_in

__all__ = [
    "batch_shingle_array",
    "batch_shingle_parts",
    "batch_shingles",
    "scan_tokens",
    "scanned_shingle_parts",
    "span_hashes",
    "stand_in",
]

_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_RADIX = 0xA0761D6478BD642F  # odd, so invertible mod 2**64
_APOSTROPHE = ord("'")
#: Bytes whose tokens are hashed at once (see :func:`span_hashes`).
_WINDOW = 1 << 18


_WORD_BYTE = np.zeros(256, dtype=bool)
for _chars in ("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789_"):
    _WORD_BYTE[list(_chars.encode())] = True
_WORD_BYTE[0x80:] = True  # any byte of a non-ASCII character (only joined tokens contain them)

_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


def _fmix64(h: np.ndarray) -> np.ndarray:
    """The murmur3 finaliser, overwriting ``h``, a temporary of the caller's
    (arrays of a batch's tokens are large: five fresh ones per call cost more)."""
    shift, m1, m2 = _FMIX64
    step = h >> shift
    h ^= step
    h *= m1
    np.right_shift(h, shift, out=step)
    h ^= step
    h *= m2
    np.right_shift(h, shift, out=step)
    h ^= step
    return h


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    global _powers, _inverse_powers
    if len(_powers) < n:
        size = max(n, min(2 * len(_powers), _WINDOW + 1))
        _powers = np.empty(size, dtype=np.uint64)
        _powers[0] = 1
        _powers[1:] = np.cumprod(np.full(size - 1, _RADIX, dtype=np.uint64))
        inverse = pow(_RADIX, -1, 1 << 64)
        _inverse_powers = np.empty(size, dtype=np.uint64)
        _inverse_powers[0] = 1
        _inverse_powers[1:] = np.cumprod(np.full(size - 1, inverse, dtype=np.uint64))
    return _powers, _inverse_powers


def span_hashes(buffer: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """64-bit hashes of the byte spans ``buffer[starts[i]:ends[i]]`` (non-empty,
    in order, not overlapping: tokens).

    The spans are hashed a window of about :data:`_WINDOW` bytes at a time:
    the power tables need one entry per byte hashed at once, and tables as
    long as a whole batch's buffer would stay in memory for the whole run."""
    if len(starts) == 0:
        return np.empty(0, dtype=np.uint64)
    if len(buffer) <= _WINDOW:
        return _window_hashes(buffer, starts, ends)
    out = np.empty(len(starts), dtype=np.uint64)
    cuts = np.searchsorted(starts, np.arange(_WINDOW, len(buffer), _WINDOW)).tolist()
    for low, high in zip([0, *cuts], [*cuts, len(starts)]):
        if low == high:
            continue
        base = int(starts[low])
        top = int(ends[high - 1])
        out[low:high] = _window_hashes(buffer[base:top], starts[low:high] - base, ends[low:high] - base)
    return out


def _window_hashes(buffer: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """:func:`span_hashes` over one buffer, from prefix sums of its bytes."""
    powers, inverse = _power_tables(len(buffer) + 1)
    prefix = np.empty(len(buffer) + 1, dtype=np.uint64)
    prefix[0] = 0
    prefix[1:] = buffer  # widened first: a uint8 by uint64 product is several times slower
    prefix[1:] *= powers[: len(buffer)]
    np.cumsum(prefix[1:], out=prefix[1:])
    h = prefix[ends]
    h -= prefix[starts]
    h *= inverse[starts]
    return _fmix64(h)


def _scan(buffer: np.ndarray, alphabet: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Token start and end offsets: runs of word bytes, an apostrophe joining
    two word bytes (``don't``) included. ``alphabet`` says the bytes are in
    the scan's alphabet (:func:`~cleaner.tokens.scan_text`), where a word byte
    is one above the apostrophe: one comparison, not a table lookup per byte."""
    word = np.zeros(len(buffer) + 2, dtype=bool)  # a non-word byte either side
    if alphabet:
        np.greater(buffer, _APOSTROPHE, out=word[1:-1])
    else:
        np.take(_WORD_BYTE, buffer, out=word[1:-1])
    apostrophes = np.flatnonzero(buffer == _APOSTROPHE) + 1
    word[apostrophes] = word[apostrophes - 1] & word[apostrophes + 1]
    # Every change from non-word to word starts a token, every change back ends one.
    edges = np.flatnonzero(word[1:] != word[:-1])
    return edges[0::2], edges[1::2]


def scan_tokens(text: str) -> list[str]:
    """The tokens the byte scan finds in ``text``: ``tokens(text)``, found the fast way.

    >>> scan_tokens("Don’t “stop” — café")
    ["don't", 'stop', 'cafe']
    """
    data = _scan_form(text)
    starts, ends = _scan(np.frombuffer(data, dtype=np.uint8), alphabet=True)
    return [data[a:b].decode("utf-8") for a, b in zip(starts.tolist(), ends.tolist())]


def combine(token_hashes: np.ndarray, ngram: int) -> np.ndarray:
    """Hashes of every run of ``ngram`` consecutive tokens (fewer than
    ``ngram`` tokens make one shingle of all of them)."""
    span = min(ngram, len(token_hashes))
    count = len(token_hashes) - span + 1
    if span == 0:
        return np.empty(0, dtype=np.uint64)
    h = token_hashes[:count].copy()
    for k in range(1, span):
        h *= _COMBINE
        h += token_hashes[k : k + count]
    return h


def fold32(h: np.ndarray) -> np.ndarray:
    """64-bit shingle hashes to the 32-bit values MinHash permutes (``h``, a
    temporary of the caller's, is used as scratch)."""
    h = _fmix64(h)
    h ^= h >> np.uint64(32)
    return h.astype(np.uint32)


def batch_shingles(texts: Sequence[str], ngram: int) -> list[np.ndarray]:
    """Each text's shingle hashes (uint32, unsorted, repeats kept)."""
    values, bounds = batch_shingle_array(texts, ngram)
    return [values[bounds[i] : bounds[i + 1]] for i in range(len(texts))]


def batch_shingle_array(texts: Sequence[str], ngram: int) -> tuple[np.ndarray, np.ndarray]:
    """All texts' shingle hashes in one uint32 array, text ``i``'s at
    ``values[bounds[i]:bounds[i + 1]]`` (repeats kept, in text order)."""
    values, bounds, _ = batch_shingle_parts(texts, ngram)
    return values, bounds


def batch_shingle_parts(texts: Sequence[str], ngram: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`batch_shingle_array`, and each text's token count (int64)."""
    data, sizes = scan_text(list(texts))
    return scanned_shingle_parts(np.frombuffer(data, dtype=np.uint8), np.array(sizes, dtype=np.int64), ngram)


def scanned_shingle_parts(
    buffer: np.ndarray, sizes: np.ndarray, ngram: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`batch_shingle_parts` of texts given as
    :func:`~cleaner.tokens.scan_text` made them: ``buffer`` (uint8) and
    each text's ``sizes`` (int64, NUL byte not counted)."""
    starts, ends = _scan(buffer, alphabet=True)
    hashes = span_hashes(buffer, starts, ends)
    text_start = np.concatenate(([0], np.cumsum(sizes + 1)))
    first = np.searchsorted(starts, text_start)  # each text's first token, and the end
    counts = np.diff(first)
    n = len(hashes)
    # Each text's n-grams of its own tokens: those starting fewer than ngram
    # tokens before its end would cross into the next text, and go.
    per_text = np.maximum(counts - (ngram - 1), 0)
    if n >= ngram:
        keep = np.ones(n - ngram + 1, dtype=bool)
        crossing = (first[1:, None] - np.arange(1, ngram)).ravel()
        keep[crossing[(crossing >= 0) & (crossing < len(keep))]] = False
        grams = combine(hashes, ngram)[keep]
    else:
        grams = np.empty(0, dtype=np.uint64)
    short = np.flatnonzero((counts > 0) & (counts < ngram))
    if len(short):  # a text of fewer tokens: one shingle of them all, in its place
        owner = np.repeat(np.arange(len(sizes)), per_text)
        extra = [combine(hashes[first[i] : first[i + 1]], ngram) for i in short]
        grams = np.concatenate([grams, *extra])
        owner = np.concatenate([owner, short])
        grams = grams[np.argsort(owner, kind="stable")]
        per_text[short] = 1
    bounds = np.concatenate(([0], np.cumsum(per_text)))
    return fold32(grams), bounds, counts.astype(np.int64)
