"""Decoration around a line: bullets, arrows, emoji and separators, trimmed
before rules match it, so "✉ Share this article ›" is "Share this article".

>>> trim_decoration("✉ Share this article ›")
'Share this article'
"""

from __future__ import annotations

import unicodedata

__all__ = ["trim_decoration"]

# Punctuation ignored at the ends of a line (bullets, separators, ellipses, a
# final "!" as much as a final full stop);
# symbols (arrows, emoji, "+") are ignored too, except those that carry meaning.
_TRIM_PUNCTUATION = frozenset("•·*:;,.!…|/\\‣⁃◦›»‹«")
_KEEP_SYMBOLS = frozenset("©®℗$€£¥#@%&📷📸")
# Whether a character is decoration, per character met (unicodedata is slow).
_DECORATION: dict[str, bool] = {}
_CACHE_SIZE = 100_000  # characters judged, at most (emptied past this)


def _is_decoration(char: str) -> bool:
    found = _DECORATION.get(char)
    if found is None:
        if len(_DECORATION) >= _CACHE_SIZE:
            _DECORATION.clear()
        found = _DECORATION[char] = _judge_decoration(char)
    return found


def _judge_decoration(char: str) -> bool:
    if char.isspace() or char in _TRIM_PUNCTUATION:
        return True
    category = unicodedata.category(char)
    return (category[0] == "S" and char not in _KEEP_SYMBOLS) or category in ("Pd", "Cf", "Co")


_ASCII_DECORATION = "".join(char for char in map(chr, range(128)) if _judge_decoration(char))


def trim_decoration(line: str) -> str:
    """``line`` without the bullets, arrows, emoji and separators around it.

    >>> trim_decoration("✉ Share this article ›")
    'Share this article'
    >>> trim_decoration("+ © Reuters…")
    '© Reuters'
    """
    # ASCII decoration goes in one C call; what is left is judged character
    # by character only when it starts or ends with another character.
    text = line.strip(_ASCII_DECORATION)
    if text and (text[0] > "\x7f" or text[-1] > "\x7f"):
        return _trim_other(text)
    return text


def _trim_other(line: str) -> str:
    """:func:`trim_decoration` character by character."""
    start, end = 0, len(line)
    # No letter or digit is decoration (every character checked): most
    # lines start with one, and labels end with one.
    if not line[:1].isalnum():
        while start < end and _is_decoration(line[start]):
            start += 1
    if not line[-1:].isalnum():
        while end > start and _is_decoration(line[end - 1]):
            end -= 1
    return line[start:end]
