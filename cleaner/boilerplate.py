"""Corpus-learned boilerplate: lines that recur across many documents.

Layers, all learned per batch:

* per source: an outlet prints the same header, footer and promo lines on
  every article; they recur in a large share of that outlet's documents,
  while its article lines do not;
* across sources: page furniture that many sites share ("Share this
  article", "Accept all", a sponsor label) recurs in documents of several
  sources, in different stories. Only lines that are not sentences are
  learned this way, numbers ignored ("Chip in $4", "Chip in $5"). Copies of
  one wire story (which share their longest line) count as one story, so a
  subhead of a syndicated story is not learned;
* templates across sources: the same furniture with a slot filled in per
  page ("By Jane Roe, Staff Writer", "Read more: <a headline>", "4 min
  read"). A non-sentence line is reduced to its template: numbers, names
  (capitalised words after the first) and web addresses become slots, the
  other words stay. A template with at least one slot and one fixed word,
  seen in several sources and stories, is learned. Sentences never are:
  article sentences are written to templates too ("Shares of X fell 3
  percent."), except short ones (five words or fewer: "4 minutes to
  read.") and sentences that end pages: a template of short sentences
  (under 15 words) found after the last paragraph of its pages nearly
  every time ("This story first ran in <outlet>.") is a trailer.

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

from .decoration import trim_decoration
from .lines import PARAGRAPH_WORDS, is_sentence, line_key, word_count
from .story import CROSS_SOURCE_RULE, SHAPE_RULE, TEMPLATE_RULE, TRAILER_RULE, BoilerplateTest

__all__ = ["BoilerplateModel", "LearnedLines", "template"]

PER_SOURCE = "boilerplate/corpus-repeated"
CROSS_SOURCE = CROSS_SOURCE_RULE
TEMPLATE = TEMPLATE_RULE
#: A sentence template that ends pages: only below the last paragraph.
TAIL_TEMPLATE = TRAILER_RULE
#: A loose template (see :func:`template`): never trusted inside the body.
LOOSE_TEMPLATE = SHAPE_RULE
_LOOSE = "~"
_SHORT_SENTENCE = 5  # words: a button or a label with a full stop, not prose
_TAIL_SHARE = 0.8  # of a sentence template's places: after the last paragraph
_TAIL = "$"
_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r"[@/]|\w\.\w{2,}")  # a handle, path, domain or e-mail address
_SLOTS = frozenset("C0@")
_PUNCTUATION = "()[]{}:;,.!?|-–—·•»«\"'"
# Small words inside a title-case name or headline ("Bank of Japan", "Oil
# Prices Rise in March") belong to the slot around them.
_GLUE = frozenset("a an the to of in on at for and or as with from over after into vs".split())  # noqa: SIM905


def _shape(line: str) -> str:
    """A line's key across sources: its words without decoration ("▶ Share",
    "SHARE ›"), case-folded, numbers as 0."""
    return _DIGITS.sub("0", line_key(trim_decoration(line)))


def template(line: str, *, loose: bool = False) -> str | None:
    """The line's template: numbers become ``0``, web addresses ``@``, capitalised
    words after the first ``C`` (a run of slots of one kind counts once, and
    so does a title-case run with small words inside); other words stay,
    case-folded. None when it has no slot or no fixed word.

    ``loose``: the first word too is a slot when capitalised ("Jane Roe |
    Staff Writer", "Oil Falls (12 comments)"), and a fixed word must be more
    than a small word; such templates are only trusted outside the body.

    >>> template("By Jane Roe, Staff Writer")
    'by C'
    >>> template("Read more: Oil Prices Fall in March")
    'read more: C'
    >>> template("Shares fell") is None
    True
    >>> template("Oil Prices Fall in March (12 comments)", loose=True)
    'C 0 comments)'
    """
    out: list[str] = []
    for position, token in enumerate(line.split()):
        if any(ch.isdigit() for ch in token):
            slot = "0"
        elif _ADDRESS.search(token):
            slot = "@"
        elif (position or loose) and token[0].isupper():
            slot = "C"
        else:
            out.append(token.casefold())
            continue
        if slot == "C" and len(out) >= 2 and out[-1] in _GLUE and out[-2] == "C":
            out.pop()
        if not out or out[-1] != slot:
            out.append(slot)
    if not any(t in _SLOTS for t in out):
        return None
    fixed = [t for t in out if t not in _SLOTS and (not loose or t.strip(_PUNCTUATION) not in _GLUE)]
    if not fixed:
        return None
    return " ".join(out)


class BoilerplateModel:
    """Learns per-source recurring lines from a batch of ``(source, text)`` pairs.

    Args:
        min_docs: a line must recur in at least this many documents of a source.
        min_share: ... and in at least this share of that source's documents.
        min_sources: a line that is not a sentence, seen in documents of at
            least this many sources (and ``min_docs`` documents), is learned
            for every source.
    """

    def __init__(
        self, min_docs: int = 3, min_share: float = 0.2, min_sources: int = 3, min_template_stories: int = 5
    ):
        if min_docs < 2:
            raise ValueError(f"min_docs must be at least 2, got {min_docs}")
        if not 0.0 < min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], got {min_share}")
        if min_sources < 2:
            raise ValueError(f"min_sources must be at least 2, got {min_sources}")
        if min_template_stories < 2:
            raise ValueError(f"min_template_stories must be at least 2, got {min_template_stories}")
        self.min_docs = min_docs
        self.min_share = min_share
        self.min_sources = min_sources
        self.min_template_stories = min_template_stories
        self._templates: frozenset[str] = frozenset()
        self._learned: dict[str | None, set[str]] = {}
        self._shared: frozenset[str] = frozenset()
        self._tests: dict[str | None, LearnedLines] = {}

    def fit(self, documents: Iterable[tuple[str | None, str]]) -> BoilerplateModel:
        counts: dict[str | None, Counter[str]] = defaultdict(Counter)
        totals: Counter[str | None] = Counter()
        sentence_sources: dict[str, set[str | None]] = defaultdict(set)
        shape_sources: dict[str, set[str]] = defaultdict(set)
        shape_stories: dict[str, set[str]] = defaultdict(set)
        template_sources: dict[str, set[str]] = defaultdict(set)
        template_stories: dict[str, set[str]] = defaultdict(set)
        ending_places: dict[str, list[int]] = defaultdict(
            lambda: [0, 0]
        )  # [inside, after the last paragraph]
        for source, text in documents:
            totals[source] += 1
            keys: set[str] = set()
            shapes: set[str] = set()
            templates: set[str] = set()
            endings: list[tuple[int, str]] = []  # sentence templates, by position
            last_paragraph = -1
            longest = ""
            for position, line in enumerate(text.splitlines()):
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
                    words = word_count(stripped)
                    if words <= _SHORT_SENTENCE:
                        templates.update(_templates_of(stripped))
                    elif words >= PARAGRAPH_WORDS:
                        last_paragraph = position
                    elif (found := template(stripped)) is not None:
                        endings.append((position, _TAIL + found))
                elif source is not None:
                    shapes.add(_shape(stripped))
                    templates.update(_templates_of(stripped))
                keys.add(key)
            counts[source].update(keys)
            for shape in shapes:
                shape_sources[shape].add(source)  # type: ignore[arg-type]
                # Copies of one wire story share their longest line: a subhead
                # they all carry is the story's, not the sites' furniture.
                shape_stories[shape].add(longest)
            for position, found in endings if last_paragraph >= 0 else ():
                ending_places[found][position > last_paragraph] += 1
                templates.add(found)
            for found in templates:
                template_sources[found].add(source)  # type: ignore[arg-type]
                template_stories[found].add(longest)
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
        self._templates = frozenset(
            found
            for found, sources in template_sources.items()
            if len(sources) >= self.min_sources
            and len(template_stories[found]) >= self.min_template_stories
            and (
                found not in ending_places
                or ending_places[found][1] >= _TAIL_SHARE * sum(ending_places[found])
            )
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
            self._tests[source] = LearnedLines(
                frozenset(self._learned.get(source, ())), self._shared, self._templates
            )
        return self._tests[source]


@dataclass(frozen=True)
class LearnedLines:
    """The boilerplate test of one source: the rule a line falls to, if any."""

    keys: frozenset[str]
    shared: frozenset[str] = frozenset()
    templates: frozenset[str] = frozenset()

    def __call__(self, line: str, sentence: bool) -> str | None:
        if not (self.keys or self.shared or self.templates):
            return None
        key = line_key(line)
        if key in self.keys:
            return PER_SOURCE
        if sentence:
            # "4 minutes to read." is a sentence by form only: its template
            # counts, where a short subhead could not be (outside the body).
            if not self.templates:
                return None
            words = word_count(line)
            if words <= _SHORT_SENTENCE and any(found in self.templates for found in _templates_of(line)):
                return LOOSE_TEMPLATE
            if words < PARAGRAPH_WORDS and _TAIL + (template(line) or "") in self.templates:
                return TAIL_TEMPLATE
            return None
        if self.shared and _shape(line) in self.shared:
            return CROSS_SOURCE
        if self.templates:
            if template(line) in self.templates:
                return TEMPLATE
            loose = template(line, loose=True)
            if loose is not None and _LOOSE + loose in self.templates:
                return LOOSE_TEMPLATE
        return None


def _templates_of(line: str) -> list[str]:
    """The keys a line's templates are counted under (loose ones marked)."""
    keys = []
    strict = template(line)
    if strict is not None:
        keys.append(strict)
    loose = template(line, loose=True)
    if loose is not None:
        keys.append(_LOOSE + loose)
    return keys
