"""Corpus-learned boilerplate: lines that recur across many documents of one source.

An outlet prints the same header, footer and promo lines on every article;
within a batch they recur in a large share of that outlet's documents, while
its article lines do not. Sentences shared across *different* sources are wire
copy, not boilerplate, so they are never learned; without a source field,
only lines that are not sentences are learned across the whole batch.

>>> header = "Gazette Online | Your town, your news"
>>> docs = [("Gazette", f"{header}\\nStory {i} happened, said a man.") for i in range(5)]
>>> model = BoilerplateModel().fit(docs)
>>> test = model.for_source("Gazette")
>>> test("Gazette Online | Your town, your news", False), test("Story 1 happened, said a man.", True)
(True, False)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .textclean import BoilerplateTest, is_sentence, line_key

__all__ = ["BoilerplateModel", "LearnedLines"]


class BoilerplateModel:
    """Learns per-source recurring lines from a batch of ``(source, text)`` pairs.

    Args:
        min_docs: a line must recur in at least this many documents of a source.
        min_share: ... and in at least this share of that source's documents.
    """

    def __init__(self, min_docs: int = 3, min_share: float = 0.2):
        if min_docs < 2:
            raise ValueError(f"min_docs must be at least 2, got {min_docs}")
        if not 0.0 < min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], got {min_share}")
        self.min_docs = min_docs
        self.min_share = min_share
        self._learned: dict[str | None, set[str]] = {}

    def fit(self, documents: Iterable[tuple[str | None, str]]) -> BoilerplateModel:
        counts: dict[str | None, Counter[str]] = defaultdict(Counter)
        totals: Counter[str | None] = Counter()
        sentence_sources: dict[str, set[str | None]] = defaultdict(set)
        for source, text in documents:
            totals[source] += 1
            keys: set[str] = set()
            for line in text.splitlines():
                stripped = line.strip()
                if not stripped:
                    continue
                key = line_key(stripped)
                if len(key) < 2:
                    continue
                sentence = is_sentence(stripped)
                if sentence:
                    if source is None:
                        continue  # no source: shared sentences are likely wire copy
                    sentence_sources[key].add(source)
                keys.add(key)
            counts[source].update(keys)
        self._learned = {}
        for source, counter in counts.items():
            needed = max(self.min_docs, self.min_share * totals[source])
            self._learned[source] = {
                key for key, n in counter.items() if n >= needed and len(sentence_sources.get(key, ())) <= 1
            }
        return self

    def lines(self, source: str | None) -> set[str]:
        """The learned line keys of one source (for inspection)."""
        return set(self._learned.get(source, ()))

    def for_source(self, source: str | None) -> BoilerplateTest:
        """A test ``(line, is_sentence) -> bool`` for documents of ``source``
        (picklable, so worker processes can clean with it)."""
        return LearnedLines(frozenset(self._learned.get(source, ())))


@dataclass(frozen=True)
class LearnedLines:
    """The boilerplate test of one source: is this line one of its learned lines?"""

    keys: frozenset[str]

    def __call__(self, line: str, sentence: bool) -> bool:
        return bool(self.keys) and line_key(line) in self.keys
