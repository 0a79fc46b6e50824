"""Corpus-learned boilerplate: lines that recur across many documents.

Two layers, both learned per batch:

* per source: an outlet prints the same header, footer and promo lines on
  every article; they recur in a large share of that outlet's documents,
  while its article lines do not;
* across sources: page furniture that many sites share ("Share this
  article", "Accept all", a sponsor label) recurs in documents of several
  sources, in different stories. Only lines that are not sentences are
  learned this way, numbers ignored ("Chip in $4", "Chip in $5"). Copies of
  one wire story (which share their longest line) count as one story, so a
  subhead of a syndicated story is not learned.

Sentences shared across *different* sources are wire copy, not boilerplate,
so they are never learned; without a source field, only lines that are not
sentences are learned across the whole batch.

>>> header = "Gazette Online | Your town, your news"
>>> docs = [("Gazette", f"{header}\\nStory {i} happened, said a man.") for i in range(5)]
>>> model = BoilerplateModel().fit(docs)
>>> test = model.for_source("Gazette")
>>> test("Gazette Online | Your town, your news", False), test("Story 1 happened, said a man.", True)
('boilerplate/corpus-repeated', None)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .textclean import BoilerplateTest, is_sentence, line_key

__all__ = ["BoilerplateModel", "LearnedLines"]

PER_SOURCE = "boilerplate/corpus-repeated"
CROSS_SOURCE = "boilerplate/cross-source"
_DIGITS = re.compile(r"\d+")


def _shape(key: str) -> str:
    return _DIGITS.sub("0", key)


class BoilerplateModel:
    """Learns per-source recurring lines from a batch of ``(source, text)`` pairs.

    Args:
        min_docs: a line must recur in at least this many documents of a source.
        min_share: ... and in at least this share of that source's documents.
        min_sources: a line that is not a sentence, seen in documents of at
            least this many sources (and ``min_docs`` documents), is learned
            for every source.
    """

    def __init__(self, min_docs: int = 3, min_share: float = 0.2, min_sources: int = 3):
        if min_docs < 2:
            raise ValueError(f"min_docs must be at least 2, got {min_docs}")
        if not 0.0 < min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], got {min_share}")
        if min_sources < 2:
            raise ValueError(f"min_sources must be at least 2, got {min_sources}")
        self.min_docs = min_docs
        self.min_share = min_share
        self.min_sources = min_sources
        self._learned: dict[str | None, set[str]] = {}
        self._shared: frozenset[str] = frozenset()
        self._tests: dict[str | None, LearnedLines] = {}

    def fit(self, documents: Iterable[tuple[str | None, str]]) -> BoilerplateModel:
        counts: dict[str | None, Counter[str]] = defaultdict(Counter)
        totals: Counter[str | None] = Counter()
        sentence_sources: dict[str, set[str | None]] = defaultdict(set)
        shape_sources: dict[str, set[str]] = defaultdict(set)
        shape_stories: dict[str, set[str]] = defaultdict(set)
        for source, text in documents:
            totals[source] += 1
            keys: set[str] = set()
            shapes: set[str] = set()
            longest = ""
            for line in text.splitlines():
                stripped = line.strip()
                if not stripped:
                    continue
                key = line_key(stripped)
                if len(key) < 2:
                    continue
                sentence = is_sentence(stripped)
                if len(key) > len(longest):
                    longest = key
                if sentence:
                    if source is None:
                        continue  # no source: shared sentences are likely wire copy
                    sentence_sources[key].add(source)
                elif source is not None:
                    shapes.add(_shape(key))
                keys.add(key)
            counts[source].update(keys)
            for shape in shapes:
                shape_sources[shape].add(source)  # type: ignore[arg-type]
                # Copies of one wire story share their longest line: a subhead
                # they all carry is the story's, not the sites' furniture.
                shape_stories[shape].add(longest)
        self._learned = {}
        for source, counter in counts.items():
            needed = max(self.min_docs, self.min_share * totals[source])
            self._learned[source] = {
                key for key, n in counter.items() if n >= needed and len(sentence_sources.get(key, ())) <= 1
            }
        self._tests = {}
        self._shared = frozenset(
            shape
            for shape, sources in shape_sources.items()
            if len(sources) >= self.min_sources
            and len(shape_stories[shape]) >= max(self.min_docs, self.min_sources)
        )
        return self

    def lines(self, source: str | None) -> set[str]:
        """The learned line keys of one source (for inspection)."""
        return set(self._learned.get(source, ()))

    def for_source(self, source: str | None) -> BoilerplateTest:
        """A test ``(line, is_sentence) -> rule name or None`` for documents of
        ``source`` (picklable, so worker processes can clean with it)."""
        # One object per source: workers receive it pickled once per chunk.
        if source not in self._tests:
            self._tests[source] = LearnedLines(frozenset(self._learned.get(source, ())), self._shared)
        return self._tests[source]


@dataclass(frozen=True)
class LearnedLines:
    """The boilerplate test of one source: the rule a line falls to, if any."""

    keys: frozenset[str]
    shared: frozenset[str] = frozenset()

    def __call__(self, line: str, sentence: bool) -> str | None:
        if not (self.keys or self.shared):
            return None
        key = line_key(line)
        if key in self.keys:
            return PER_SOURCE
        if not sentence and self.shared and _shape(key) in self.shared:
            return CROSS_SOURCE
        return None
