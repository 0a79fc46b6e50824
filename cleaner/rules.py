"""The cruft catalogue: rules, and how a line is matched against them.

A rule matches a whole line. Rules are kept as data in ``rules.toml`` (read by
:mod:`cleaner.rulefile`, which users extend with ``--rules FILE``).

>>> from cleaner.rulefile import load_catalogue
>>> catalogue = load_catalogue()
>>> catalogue.match("Click to copy", zone="head", sentence=False).rule
'share/click-to-act'
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .decoration import trim_decoration
from .hints import HintFinder
from .plans import Plan, Step, build_steps, rule_need

__all__ = ["Catalogue", "Match", "Rule", "trim_decoration"]

# Where a line falls into parts that may each be cruft: sentences, and labels
# set apart by a spaced separator ("Advertisement · Scroll to continue").
_SENTENCE_SPLIT = re.compile(r"((?<=[.!?])\s+(?=[A-Z\"“]))")  # keeps the breaks
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]")  # where _SENTENCE_SPLIT splits
# A line that is no sentence also splits at a spaced separator, between labels
# ("Advertisement · Scroll to continue"); a sentence's dashes set off clauses.
_PART_SPLIT = re.compile(r"((?<=[.!?])\s+(?=[A-Z\"“])|\s+[-–—|·•]\s+)")
_PART_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]|\s[-–—|·•]\s")
# Lines up to this length have their answers cached, up to this many answers.
_CACHED_LINE_LENGTH = 200
_CACHE_SIZE = 100_000
_MISSING = object()
# Vocabulary groups whose words, alone on a short line, make it widget text.
_WIDGET_GROUPS = ("button", "social", "copy_target")


def _plain_words(vocab: dict[str, str], groups: tuple[str, ...]) -> frozenset[str]:
    """The literal words of some vocabulary groups (regex alternatives dropped)."""
    found: set[str] = set()
    for group in groups:
        for alternative in vocab.get(group, "").split("|"):
            alternative = alternative.replace("-?", "").replace(" ?", " ")
            if re.fullmatch(r"[\w ]+", alternative):
                found.update(alternative.casefold().split())
    return frozenset(found)


@dataclass(frozen=True)
class Rule:
    """One compiled catalogue entry."""

    category: str
    name: str
    regex: re.Pattern[str]
    where: str = "any"
    sentences: bool = False
    #: Whether a label rule may take a short sentence ("Read more about Politics.").
    short_sentences: bool = True
    field: str | None = None
    hint: tuple[str, ...] = ()
    #: Longest line the pattern can match (after trimming); longer lines skip it.
    max_length: int = sys.maxsize
    #: The expanded pattern and its case flag, for combining rules into one regex.
    pattern: str = ""
    ignore_case: bool = True

    @property
    def rule(self) -> str:
        return f"{self.category}/{self.name}"


@dataclass(frozen=True)
class Match:
    """A rule that matched a line, and the value it moves into a field."""

    rule: str
    field: str | None = None
    value: str | None = None


class Catalogue:
    """An ordered set of rules; the first that matches a line wins."""

    def __init__(self, rules: list[Rule], vocab: dict[str, str] | None = None):
        self.rules = rules
        self.vocab = dict(vocab or {})
        self.widget_words = _plain_words(self.vocab, _WIDGET_GROUPS)
        # The literals the patterns need (see needs.py) are found with the hint words.
        need_words = [word for rule in rules for word in getattr(rule_need(rule), "contains", ())]
        self._hints = HintFinder([word for rule in rules for word in rule.hint] + need_words)
        self._plans: dict[tuple[str | None, bool, bool], Plan] = {}
        self._cache: dict[tuple[str, str | None, bool, bool], Match | None] = {}

    def __len__(self) -> int:
        return len(self.rules)

    def document_hints(self, text: str) -> tuple[str, ...]:
        """The hint words, and the literals patterns need, that may occur in
        the lines of ``text`` (a superset), to pass to :meth:`match` for each
        of them: looking for them once per document is cheaper than looking
        for every word in every line."""
        return self._hints.in_document(text)

    def match(
        self,
        line: str,
        *,
        zone: str | None,
        sentence: bool,
        short: bool = False,
        hints: Sequence[str] | None = None,
    ) -> Match | None:
        """The first rule matching ``line`` in ``zone`` ("head", "body", "tail";
        None ignores where rules may apply).

        A line that reads like a sentence only falls to rules marked
        ``sentences = true``, or, when ``short`` (a sentence of a few words,
        "Story continues below advertisement."), to the label rules that do
        not set ``short_sentences = false``. Answers for short lines are remembered: page
        furniture repeats across a corpus. ``hints``: the hint words that may
        be in ``line`` (from :meth:`document_hints`); the answer is the same
        without them.
        """
        words = self._hints.words if hints is None else hints
        if len(line) > _CACHED_LINE_LENGTH:
            return self._match_line(line, zone, sentence, short, words)
        key = (line, zone, sentence, short)
        found = self._cache.get(key, _MISSING)
        if found is _MISSING:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = self._match_line(line, zone, sentence, short, words)
        return found  # type: ignore[return-value]

    def match_all(
        self, lines: Sequence[str], *, zone: str | None, sentence: bool, hints: Sequence[str]
    ) -> list[Match | None]:
        """:meth:`match` of each of ``lines`` (not short ones), found faster:
        an ASCII line opening with a letter or digit is given up after one
        test when no step of the plan may match it (most article sentences)."""
        plan = self._plans.get((zone, sentence, False)) or self._plan(zone, sentence, False)
        found: list[Match | None] = []
        for line in lines:
            # Trimming may only shorten such a line at its end: a word or an
            # opening the trimmed line holds, the line holds too.
            if line[:1].isalnum() and line.isascii() and plan.hopeless(line.lower(), hints):
                found.append(None)
            else:
                found.append(self.match(line, zone=zone, sentence=sentence, hints=hints))
        return found

    def _match_line(
        self, line: str, zone: str | None, sentence: bool, short: bool, hint_words: Sequence[str]
    ) -> Match | None:
        text = trim_decoration(line)
        if not text:
            return None
        plan = self._plans.get((zone, sentence, short)) or self._plan(zone, sentence, short)
        lowered = text.lower()
        split, breaks = (_SENTENCE_SPLIT, _SENTENCE_BREAK) if sentence else (_PART_SPLIT, _PART_BREAK)
        if text.isascii():
            return self._match_plain(plan, text, lowered, hint_words, split, breaks)
        # Needs are not tested on other text (see needs.py): the steps hinted
        # by the line's words, and the unhinted ones, are all tried.
        present = tuple([word for word in plan.relevant(hint_words) if word in lowered])
        found = self._match_whole(plan, text, lowered, present)
        if found is None and breaks.search(text):

            def match_part(part: str) -> Match | None:
                low = part.lower()
                return self._match_whole(plan, part, low, tuple([w for w in present if w in low]))

            found = _every_sentence(text, match_part, split)
        return found

    def _match_plain(
        self,
        plan: Plan,
        text: str,
        lowered: str,
        hint_words: Sequence[str],
        split: re.Pattern[str],
        breaks: re.Pattern[str],
    ) -> Match | None:
        """:meth:`_match_line` for ASCII text, trying only the steps whose needs it meets."""
        steps = plan.candidates(lowered, hint_words)
        if not steps:
            # Nor may its first sentence, which starts where it does and
            # holds no word it lacks: most article sentences end here.
            return None
        found = _first_match(steps, text, lowered)
        if found is None and breaks.search(text):

            def match_part(part: str) -> Match | None:
                low = part.lower()
                return _first_match(plan.candidates(low, hint_words), part, low)

            found = _every_sentence(text, match_part, split)
        return found

    def _plan(self, zone: str | None, sentence: bool, short: bool) -> Plan:
        key = (zone, sentence, short)
        if key not in self._plans:
            usable = [
                (i, rule)
                for i, rule in enumerate(self.rules)
                if (rule.sentences or not sentence or (short and rule.short_sentences))
                and (zone is None or rule.where in ("any", zone))
            ]
            self._plans[key] = Plan(build_steps(usable))
        return self._plans[key]

    def _match_whole(self, plan: Plan, text: str, lowered: str, present: tuple[str, ...]) -> Match | None:
        """The first rule of the plan matching all of ``text`` (``lowered``:
        it lower-cased; ``present``: the words of the plan in it, in the
        document's order). Only the hinted rules whose hint words are present
        are tried, with the unhinted ones, in catalogue order, and none whose
        pattern needs literal text the line lacks."""
        steps = plan.orders.get(present)
        if steps is None:
            steps = plan.steps_for(present)
        # What a pattern needs is tested on lower-cased ASCII text only (see needs.py).
        if text.isascii():
            steps = [step for step in steps if step.need is None or step.need.met(lowered, present)]
        return _first_match(steps, text)


def _every_sentence(
    text: str, match_part: Callable[[str], Match | None], split: re.Pattern[str]
) -> Match | None:
    """ "Support local journalism. Donate today." is cruft when every one of
    its sentences is, and "Advertisement · Scroll to continue" when every
    label is: the first part's match then, else None. Labels set apart by a
    separator are page furniture, never a byline or dateline: a part that
    only a field's rule matches ("THE GAZETTE — YOUR TOWN") fails the line.
    (Callers search for a break before splitting: most lines have none.)"""
    pieces = split.split(text)
    labels = any(brk.strip() for brk in pieces[1::2])
    first = None
    for part in pieces[::2]:
        matched = match_part(trim_decoration(part))
        if matched is None or (labels and matched.field is not None):
            return None
        first = first or matched
    return first


def _first_match(steps: Sequence[Step], text: str, lowered: str | None = None) -> Match | None:
    """The first of ``steps`` matching all of ``text``; ``lowered``: the ASCII
    text lower-cased, when a step's words may rule it out."""
    words = None
    for step in steps:
        if len(text) > step.max_length:
            continue
        if step.vocabulary is not None and lowered is not None:
            words = lowered.split() if words is None else words
            if not step.vocabulary.issuperset(words):
                continue
        found = step.regex.fullmatch(text)
        if found is None:
            continue
        if not step.combined:
            return _to_match(step.rules[0], found, "")
        index = int((found.lastgroup or "_r0")[2:])  # the alternative "_r<index>" that matched
        return _to_match(step.rules[index], found, f"_r{index}_")
    return None


def _to_match(rule: Rule, found: re.Match[str], prefix: str) -> Match:
    value = None
    if rule.field:
        # Alternatives of one rule name their groups value, value2, ...
        value = (
            next(
                (v for g, v in found.groupdict().items() if g.startswith(prefix + "value") and v),
                "",
            ).strip(" ,;:-–—|")
            or None
        )
    return Match(rule.rule, rule.field if value else None, value)
