"""How a catalogue's rules are tried on a line: in steps, per zone and sentence flag.

A step is one rule with hint words or a need (see needs.py), or a run of the
other rules combined into one alternation (the regex engine keeps their
order). A plan holds the steps usable in one zone for one kind of line,
indexed by hint word, opening and needed word, so that a line visits only the
steps it can match.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .needs import Need, compile_need, vocabulary_of

if TYPE_CHECKING:
    from .rules import Rule

__all__ = ["Plan", "Step", "build_steps", "rule_need"]

# Step lists remembered per plan, at most (emptied past this).
_CACHE_SIZE = 100_000
# What finds a line its steps: its first character (when steps open with
# it), the openings it starts with, the needed words it holds.
_FoundKey = tuple[str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Step:
    """Rules tried together: one rule with hint words or a need alone, or a
    run of the others combined into a single alternation (the regex engine
    keeps their order)."""

    regex: re.Pattern[str]
    rules: dict[int, Rule]
    combined: bool
    #: The rule's hint words: one must be in the (lower-cased) line.
    hint: frozenset[str] = frozenset()
    max_length: int = sys.maxsize
    #: Literal text every match needs (None: nothing known), to skip hopeless tries.
    need: Need | None = None
    #: The words every ASCII line it matches is made of (None: any word).
    vocabulary: frozenset[str] | None = None


class Plan:
    """The steps for one zone and sentence flag, indexed by hint word so a
    line visits only the steps it can match rather than testing every hint."""

    def __init__(self, steps: list[Step]):
        self.steps = steps
        self._unhinted = tuple(p for p, step in enumerate(steps) if not step.hint)
        self._by_word: dict[str, list[int]] = {}
        for position, step in enumerate(steps):
            for word in step.hint:
                self._by_word.setdefault(word, []).append(position)
        #: The steps for the present hint words (as found, in order): few
        #: distinct lists recur, so callers look here before steps_for().
        self.orders: dict[tuple[str, ...], list[Step]] = {}
        #: The words this plan's steps look for: hint words and needed literals.
        self.words = frozenset(self._by_word).union(*(s.need.contains for s in steps if s.need))
        # On ASCII lines a step is only tried when its need is met (see
        # needs.py): the steps are indexed by the openings their needs start
        # with and by the words they need, so that a line finds the few
        # steps it may match (most article sentences: none) without first
        # finding its hint words. A hinted step with no need is found by its
        # hint words; an unhinted one with no need is always tried.
        self._always = tuple(p for p, step in enumerate(steps) if not step.hint and step.need is None)
        self._always_steps = tuple(steps[p] for p in self._always)
        # Per step: it, and the hint words still to check once its need finds it.
        # (Shortest first: the likelier to be in a line, so any() stops sooner.)
        self._entries = [
            (step, tuple(sorted(step.hint, key=lambda w: (len(w), w))) if step.need is not None else ())
            for step in steps
        ]
        # The steps of each one-character opening, and per two characters
        # the openings starting with them (less those another opens), their
        # lengths and the steps of each.
        self._by_char: dict[str, tuple[int, ...]] = {}
        self._by_pair: dict[str, tuple[tuple[str, ...], tuple[int, ...], dict[str, tuple[int, ...]]]] = {}
        self._by_mark: dict[str, list[int]] = {}
        openings: dict[str, dict[str, list[int]]] = {}
        for position, step in enumerate(steps):
            for start in step.need.starts if step.need else ():
                openings.setdefault(start[:2], {}).setdefault(start, []).append(position)
            for word in step.need.contains if step.need else step.hint:
                self._by_mark.setdefault(word, []).append(position)
        for pair, steps_of in openings.items():
            if len(pair) == 1:
                self._by_char[pair] = tuple(steps_of[pair])
                continue
            lengths = tuple(sorted({len(start) for start in steps_of}))
            table = {start: tuple(positions) for start, positions in steps_of.items()}
            self._by_pair[pair] = (_openings(tuple(steps_of)), lengths, table)
        # The last document's words, those of them this plan uses and those
        # in _by_mark (replaced at once: threads may share the plan).
        self._relevant: tuple[Sequence[str], Sequence[str], Sequence[str]] = ((), (), ())
        self._found: dict[_FoundKey, list[tuple[Step, tuple[str, ...]]]] = {}  # see candidates()

    def relevant(self, hint_words: Sequence[str]) -> Sequence[str]:
        """Those of a document's ``hint_words`` this plan looks for: each line
        of the document tests fewer."""
        return self._document(hint_words)[1]

    def _document(self, hint_words: Sequence[str]) -> tuple[Sequence[str], Sequence[str], Sequence[str]]:
        last = self._relevant
        if last[0] is hint_words:
            return last
        if not isinstance(hint_words, tuple):
            # A line's own words, already few.
            return hint_words, hint_words, [word for word in hint_words if word in self._by_mark]
        # filter() keeps the per-word work in C (and the document's order).
        found = tuple(filter(self.words.__contains__, hint_words))
        marks = tuple(filter(self._by_mark.__contains__, found))
        self._relevant = (hint_words, found, marks)
        return self._relevant

    def candidates(self, lowered: str, hint_words: Sequence[str]) -> Sequence[Step]:
        """The steps worth trying on an ASCII line, ``lowered`` being it
        trimmed and lower-cased, in order: those whose need is met and which
        have one of their hint words (or none). ``hint_words``: as for
        :meth:`relevant`, each word of the line among them.

        The same steps as :meth:`steps_for` gives the line's hint words,
        less those whose need is not met."""
        last = self._relevant
        marks = last[2] if last[0] is hint_words else self._document(hint_words)[2]
        present = list(filter(lowered.__contains__, marks))
        by_char = self._by_char.get(lowered[:1])
        by_pair = self._by_pair.get(lowered[:2])
        opened = by_pair is not None and lowered.startswith(by_pair[0])  # one test for most lines
        if not present and not opened and by_char is None:
            return self._always_steps
        openings: tuple[str, ...] = ()
        if opened:
            # The line's openings of each length an opening has.
            _, lengths, table = by_pair  # type: ignore[misc]
            for length in lengths:
                if lowered[:length] in table:
                    openings += (lowered[:length],)
                if length >= len(lowered):
                    break
        key = (lowered[:1] if by_char is not None else "", openings, tuple(present))
        entries = self._found.get(key)
        if entries is None:
            entries = self._entries_for(key)
        found = []
        for step, hint in entries:
            # A step found by its need has its hint words still to check
            # (one found by its hint words has no need).
            if not hint or any(map(lowered.__contains__, hint)):
                found.append(step)
        return found

    def _entries_for(self, key: _FoundKey) -> list[tuple[Step, tuple[str, ...]]]:
        """The steps, in order, that a line's first character, openings and
        needed words find, each with its hint words still to check:
        remembered, as few such keys recur."""
        char, openings, present = key
        positions = set(self._always)
        positions.update(self._by_char.get(char, ()))
        for opening in openings:
            positions.update(self._by_pair[opening[:2]][2][opening])
        for word in present:
            positions.update(self._by_mark[word])
        if len(self._found) >= _CACHE_SIZE:
            self._found.clear()
        entries = self._found[key] = [self._entries[position] for position in sorted(positions)]
        return entries

    def hopeless(self, lowered: str, hint_words: Sequence[str]) -> bool:
        """Whether :meth:`candidates` has no step for the line, told by its
        first test alone (most article sentences fail it)."""
        if self._always:
            return False
        last = self._relevant
        marks = last[2] if last[0] is hint_words else self._document(hint_words)[2]
        if lowered[:1] in self._by_char or any(map(lowered.__contains__, marks)):
            return False
        by_pair = self._by_pair.get(lowered[:2])
        return by_pair is None or not lowered.startswith(by_pair[0])

    def steps_for(self, present: tuple[str, ...]) -> list[Step]:
        """The unhinted steps and those hinted by a word in ``present``, in order."""
        order = self.orders.get(present)
        if order is None:
            positions = set(self._unhinted)
            for word in present:
                positions.update(self._by_word.get(word, ()))
            if len(self.orders) >= _CACHE_SIZE:
                self.orders.clear()
            order = self.orders[present] = [self.steps[p] for p in sorted(positions)]
        return order


def _openings(starts: tuple[str, ...]) -> tuple[str, ...]:
    """``starts`` less those another of them opens: a line starts with one of
    them exactly when it starts with one of the rest (fewer to test)."""
    kept: list[str] = []
    for start in sorted(set(starts)):  # an opening sorts before what it opens
        if not kept or not start.startswith(kept[-1]):
            kept.append(start)
    return tuple(kept)


def build_steps(usable: list[tuple[int, Rule]]) -> list[Step]:
    steps: list[Step] = []
    run: list[tuple[int, Rule]] = []

    def flush() -> None:
        if not run:
            return
        parts = []
        for i, rule in run:
            body = re.sub(r"\(\?P<(\w+)>", rf"(?P<_r{i}_\1>", rule.pattern)
            parts.append(f"(?P<_r{i}>(?{'i' if rule.ignore_case else '-i'}:{body}))")
        regex = re.compile("|".join(parts))
        steps.append(Step(regex, dict(run), True, max_length=max(r.max_length for _, r in run)))
        run.clear()

    for i, rule in usable:
        need = rule_need(rule)
        if rule.hint or need is not None:
            # Alone: tried only when its own hint words and need are met (in
            # a run, every rule of it would be tried when one's need is).
            flush()
            words = vocabulary_of(rule.regex.pattern, rule.regex.flags)
            hint = frozenset(rule.hint)
            steps.append(Step(rule.regex, {0: rule}, False, hint, rule.max_length, need, vocabulary=words))
        else:
            run.append((i, rule))  # tried on every line: one regex call for the run
    flush()
    return steps


def rule_need(rule: Rule) -> Need | None:
    return compile_need(rule.regex.pattern, rule.regex.flags)
