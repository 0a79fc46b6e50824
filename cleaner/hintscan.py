"""Literal word search over a whole text with Hyperscan, when it is installed.

Finding which of ~175 hint words occur in a document is, in pure Python, a
string split and set work over every token; Hyperscan scans the text for all
of them at once, about ten times faster (see the README). It is an optional
extra (``pip install cleaner[fast]``): without it, or where it cannot be used
(no wheel for the platform, a text that is not valid UTF-8), callers fall back
to the pure-Python search, which gives the same answer.

>>> scanner = LiteralScanner.build(["us", "follow"])
>>> scanner is None or scanner.present("follow us") == {"us", "follow"}
True
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

__all__ = ["LiteralScanner"]


class LiteralScanner:
    """The non-empty words of a list that occur in a text, found by Hyperscan."""

    def __init__(self, hyperscan: Any, database: Any, words: Sequence[str]):
        self._hyperscan = hyperscan
        self._database = database
        self._words = tuple(words)
        # Scratch space may not be shared between threads.
        self._local = threading.local()

    @classmethod
    def build(cls, words: Sequence[str]) -> LiteralScanner | None:
        """A scanner for ``words``, or None when Hyperscan is missing or refuses them."""
        try:
            import hyperscan
        except ImportError:
            return None
        words = [w for w in words if w]
        if not words:
            return None
        try:
            database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            database.compile(
                expressions=[w.encode("utf-8") for w in words],
                ids=list(range(len(words))),
                elements=len(words),
                # Whether a word occurs is all that is asked: one report each.
                # Case ignored (ASCII letters only): ASCII text is scanned as
                # it is, without lower-casing it first.
                flags=[hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_CASELESS] * len(words),
                literal=True,
            )
        except (hyperscan.error, UnicodeEncodeError, TypeError, AttributeError):
            return None
        return cls(hyperscan, database, words)

    def present(self, text: str) -> set[str] | None:
        """The words that are substrings of ``text``, ASCII letters' case
        ignored (the words are in lower case: on ASCII text, those in its
        lower-cased text); None when it cannot tell.

        UTF-8 is self-synchronising, so a word's bytes occur in the text's
        bytes exactly where the word occurs in the text."""
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates
            return None
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self._hyperscan.Scratch(self._database)
        found: list[int] = []

        def on_match(word: int, start: int, end: int, flags: int, context: object) -> None:
            found.append(word)

        try:
            self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        except self._hyperscan.error:
            return None
        return {self._words[i] for i in found}

    def __getstate__(self) -> dict[str, Any]:
        raise TypeError("a LiteralScanner is rebuilt, not pickled")
