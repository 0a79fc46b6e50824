"""The line model shared by the cleaning passes: words, sentences, keys.

>>> is_sentence("Shares of the company fell 3 percent."), is_sentence("Share this article")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .dates import is_timestamp_line
from .rules import Match

__all__ = [
    "BODY_MIN_WORDS",
    "MAX_TITLE_WORDS",
    "PARAGRAPH_WORDS",
    "SHORT_SENTENCE_WORDS",
    "TABLE_ROW",
    "Line",
    "content_words",
    "is_sentence",
    "key_words",
    "line_key",
    "word_count",
    "words",
]

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
# A word of four characters or more, its first five captured (a crude stem).
_STEM = re.compile(r"(\w{4,5})\w*")
_ASCII_STEM = re.compile(_STEM.pattern, re.ASCII)  # the same on ASCII text, found faster
# ASCII bytes as _WORD sees them: word characters "a", joiners "-", the rest " ".
_WORD_SHAPE = bytes(
    ord("a") if re.fullmatch(r"\w", chr(i)) else ord("-") if chr(i) in "'.-" else ord(" ") for i in range(256)
)
_UNSPACED_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*$")
# A clock time closing a line ("... · 7:36 a.m."): its full stop is the abbreviation's.
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s?[ap]\.\s?m\.$", re.IGNORECASE)
_STAMP_SEPARATOR = ("  ", "-", "–", "—", "|", "·", "•", ",")
TABLE_ROW = re.compile(r"^\|.*\|$")  # trafilatura renders table rows as | a | b |
BODY_MIN_WORDS = 8  # a sentence this long, no rule's, is the body's
MAX_TITLE_WORDS = 30
PARAGRAPH_WORDS = 15  # a sentence this long is article prose
# A sentence this short may be a label with a full stop ("Read more about Politics."):
# label rules may take it whole. Below BODY_MIN_WORDS, so it never starts the body.
SHORT_SENTENCE_WORDS = 7


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def word_count(line: str) -> int:
    """Words, counting scripts written without spaces as about two characters a word."""
    if line.isascii():
        # _WORD's matches counted without making them (every line is counted):
        # a word starts at a word character after a space, or after a joiner
        # that does not follow a word character (a single joiner ties a run
        # to the one before). None of these patterns can overlap itself.
        # (The line's start counts as a space, tested apart: no copy with one added.)
        shape = line.encode("ascii").translate(_WORD_SHAPE)
        starts = shape.count(b" a") + shape.startswith(b"a")
        if b"-" not in shape:
            return starts
        return starts + shape.count(b" -a") + shape.startswith(b"-a") + shape.count(b"--a")
    return len(_WORD.findall(line)) + len(_UNSPACED_CHAR.findall(line)) // 2


def is_sentence(line: str, count: int | None = None) -> bool:
    """Whether a line reads like prose: a few words ending in terminal punctuation,
    or a long run of words (a paragraph cut short still counts). ``count``:
    the line's :func:`word_count`, when known.

    >>> is_sentence("Shares of the company fell 3 percent.")
    True
    >>> is_sentence("Share this article")
    False
    """
    count = word_count(line) if count is None else count
    if count >= PARAGRAPH_WORDS:
        return True
    stripped = line.strip()
    if stripped.endswith(("...", "…")):
        return False  # a cut label or a link ("Read the full story..."), not an ending
    if count < 4 or not _SENTENCE_END.search(stripped):
        return False
    return not (stripped.endswith("m.") and _is_stamped(stripped))


def _is_stamped(line: str) -> bool:
    """A line closed by a clock time set apart from it ("Headline   10:01 a.m.",
    "Fri, Mar 13 · 7:36 a.m."), or a timestamp and nothing else: a label,
    whatever its last full stop says. "Trading resumes at 10:30 a.m." is not."""
    clock = _CLOCK_END.search(line)
    if clock is None:
        return False
    before = line[: clock.start()]
    return (
        before.endswith("  ")
        or before.rstrip().endswith(_STAMP_SEPARATOR)
        or is_timestamp_line(line, other_words=0)
    )


def line_key(line: str) -> str:
    """A line normalised for comparison: NFKC, case-folded, inner space folded."""
    text = (line if line.isascii() else unicodedata.normalize("NFKC", line)).casefold()
    return " ".join(text.split()).strip(" .:|-–—•·")


def content_words(text: str) -> set[str]:
    """Words long enough to carry a topic, case-folded and cut to a crude stem
    ("criticise", "criticism")."""
    if text.isascii():
        return set(_ASCII_STEM.findall(text.lower()))  # casefold() is lower() on ASCII
    return set(_STEM.findall(text.casefold()))


def key_words(key: str) -> int:
    """The words of the ASCII lines that may have ``key`` (-1: none may).

    An ASCII line's key is ASCII and has as many words as the line:
    lower-casing, spacing and the end punctuation trimmed split no word."""
    return word_count(key) if key.isascii() else -1


@dataclass(slots=True)
class Line:
    """A line of a document with text (blank lines are no Lines: no pass reads them)."""

    index: int
    raw: str
    text: str  # stripped, never empty
    sentence: bool
    n_words: int
    zone: str = "body"
    rule: str | None = None
    field: str | None = None
    # For sentences: the catalogue's answer regardless of zone (None: no rule).
    sentence_match: Match | None = None
    # line_key(text), computed once: repeats and the title both compare it.
    _key: str | None = None
    # content_words(text), computed once: the body's words and each line's
    # share of them are asked for several times.
    _topic: set[str] | None = None

    @property
    def live(self) -> bool:
        return self.rule is None

    def may_have_key(self, key_words: int) -> bool:
        """False when the line's key cannot be a key whose :func:`key_words`
        are ``key_words``, told without making the key."""
        return self.n_words == key_words or not self.text.isascii()

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = line_key(self.text)
        return self._key

    @property
    def topic_words(self) -> set[str]:
        """:func:`content_words` of the text (not to be changed by callers).

        The words of several lines are the union of each one's: casefold()
        maps character by character and no word spans the space joining them."""
        if self._topic is None:
            self._topic = content_words(self.text)
        return self._topic
