"""Which rule hint words occur in a document, found once for all its lines.

A hinted rule is only tried on a line holding one of its hint words (as a
substring of the lower-cased line). Testing each of ~175 words on every line
costs more than the rules themselves, yet a document holds only a few dozen
of them: finding those once narrows each line's test to them.

With Hyperscan installed (see :mod:`cleaner.hintscan`) they are found in one
scan of the document. Without it, a hint word without white space can only occur inside one white-space
delimited token, so the document's distinct tokens are looked up in a table
of the hint words each contains (tokens recur: they are the language's
words); a hint word with spaces may occur only if each of its parts does.

>>> finder = HintFinder(["us", "follow", "|", "sign in"])
>>> finder.in_document("Follow us | Sign in\\nBusiness")
('follow', 'sign in', 'us', '|')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .hintscan import LiteralScanner

__all__ = ["HintFinder"]

# The one character str.lower() treats by context (final sigma): a line's
# lower-case text might not be a slice of its document's, so no narrowing.
_CONTEXT_LOWER = "Σ"
# Distinct tokens remembered; the table is emptied past this.
_MAX_TOKENS = 200_000


class HintFinder:
    """Finds the hint words that may occur in the lines of a document."""

    def __init__(self, words: Iterable[str], *, scan: bool = True):
        """``scan``: use Hyperscan when it is installed (False: the pure-Python search)."""
        #: Every hint word, sorted.
        self.words = tuple(sorted(set(words)))
        self._all = frozenset(self.words)
        # A word with white space may occur only if each of its space-free
        # parts is inside a token: those parts are looked up like words.
        self._spaced = {w: frozenset(w.split()) for w in self.words if w.split() != [w]}
        self._unspaced = tuple(sorted({part for w in self.words for part in w.split()}))
        # Tokens seen before: those holding no hint word, and those holding some.
        self._plain: set[str] = set()
        self._with_words: dict[str, frozenset[str]] = {}
        # Hyperscan, when installed, finds the words in one scan; built on first use.
        self._scan = scan
        self._scanner: LiteralScanner | None = None
        self._scanner_built = False

    def __getstate__(self) -> dict[str, Any]:
        # A Hyperscan database does not pickle: the copy builds its own.
        return {**self.__dict__, "_scanner": None, "_scanner_built": False}

    def in_document(self, text: str) -> tuple[str, ...]:
        """The hint words (sorted) that may be in a lower-cased slice of ``text``:
        each one that is, and maybe more."""
        if _CONTEXT_LOWER in text:
            return self.words
        if self._scan and not self._scanner_built:
            self._scanner, self._scanner_built = LiteralScanner.build(self.words), True
        if self._scanner is not None:
            # The scanner ignores the case of ASCII letters: ASCII text needs no lower-casing.
            present = self._scanner.present(text if text.isascii() else text.lower())
            if present is not None:
                if "" in self._all:
                    present.add("")
                return tuple(sorted(present))
        return self._tokens_in(text.lower())

    def _tokens_in(self, lowered: str) -> tuple[str, ...]:
        """The pure-Python search. It may offer a few more words than the
        scanner (a spaced word whose parts occur apart), never fewer: the
        lines' own tests then answer alike."""
        found: set[str] = set()
        tokens = set(lowered.split())
        # Set operations and map() keep the per-token work in C: a document
        # has hundreds of tokens, most seen before and holding no hint word.
        tokens -= self._plain
        with_words = self._with_words
        seen = tokens & with_words.keys()
        found.update(*map(with_words.__getitem__, seen))
        tokens -= seen
        if tokens:
            # Tokens not seen before: the words among them found in one pass
            # over them all, then shared out to each token.
            among = "\n".join(tokens)
            candidates = [w for w in self._unspaced if w in among]
            if len(self._plain) + len(with_words) + len(tokens) > _MAX_TOKENS:
                self._plain.clear()
                with_words.clear()
            for token in tokens:
                words = frozenset(w for w in candidates if w in token)
                if words:
                    with_words[token] = words
                    found |= words
                else:
                    self._plain.add(token)
        found.update(w for w, parts in self._spaced.items() if parts <= found)
        return tuple(sorted(found & self._all))
