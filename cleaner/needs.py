"""Literal text a rule's pattern cannot match without, read from the pattern itself.

Trying a rule costs microseconds even when it fails at once: most of a
catalogue's tries on an article's sentences fail. Many patterns can only
match a line that starts with one of a few words ("follow", "like", ...) or
that contains one of a few literals ("t.me"): a substring test rules the
others out at C speed. These tests are derived from the parsed pattern, so
they hold for any catalogue, and a rule is still tried whenever they pass:
they change no answer, only how soon a hopeless try is skipped.

The tests compare lower-cased text and are only used on ASCII text: there
``str.lower()`` and the regex engine's case-insensitive matching agree, while
non-ASCII text may fold into ASCII letters ("ſ" matches "s"; "İ" lowers to
two characters).

>>> need = need_of(r"(?:follow|like) us|[^\\n]{0,40}t\\.me/\\w+")
>>> need.starts, sorted(need.contains)
(('follow us', 'like us'), ['t.me/'])
>>> need.met("follow us on telegram", ()), need.met("he liked it", ()), need.met("t.me/x", ("t.me/",))
(True, False, True)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Need", "need_of"]

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10 names them sre_*
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Literal alternatives followed at most (a pattern's opening words multiply).
_MAX_STRINGS = 64
# A literal this short is in most lines: no use as a test.
_MIN_USEFUL = 2


@dataclass(frozen=True)
class Need:
    """A match starts with one of ``starts`` or contains one of ``contains``
    (lower-cased)."""

    starts: tuple[str, ...] = ()
    contains: frozenset[str] = frozenset()

    def met(self, lowered: str, present: tuple[str, ...]) -> bool:
        """Whether an ASCII line may match: ``lowered`` is it lower-cased,
        ``present`` the words of :attr:`contains` in it (and maybe others).
        Those are found for the whole document at once, with the rules' hint
        words: looking for dozens of words in every line costs as much as
        the pattern."""
        return lowered.startswith(self.starts) or not self.contains.isdisjoint(present)

    def __or__(self, other: Need) -> Need:
        return Need(tuple(sorted(set(self.starts) | set(other.starts))), self.contains | other.contains)


def need_of(pattern: str, flags: int = 0) -> Need | None:
    """What every full match of ``pattern`` needs, or None when nothing useful is known."""
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # pragma: no cover - the caller compiled the pattern already
        return None
    return _need(list(parsed))


def _need(items: list[Any]) -> Need | None:
    """Of a sequence matched from the start of the text."""
    # A sequence that is one group of alternatives: each alternative's own test.
    if len(items) == 1 and items[0][0] in (_c.SUBPATTERN, _c.BRANCH):
        alternatives = _alternatives(items[0])
        if alternatives is not None and len(alternatives) > 1:
            needs = [_need(alt) for alt in alternatives]
            if any(need is None for need in needs):
                return None
            found = needs[0]
            for need in needs[1:]:
                found = found | need  # type: ignore[operator]
            return found
    starts, _ = _prefixes(items)
    contains = _contains(items)
    if _score(starts, anchored=True) >= _score(contains, anchored=False):
        return Need(starts=tuple(sorted(starts))) if _useful(starts) else None
    return Need(contains=frozenset(contains)) if contains is not None and _useful(contains) else None


def _alternatives(item: Any) -> list[list[Any]] | None:
    op, av = item
    if op is _c.SUBPATTERN:
        inner = list(av[-1])
        if len(inner) == 1 and inner[0][0] in (_c.SUBPATTERN, _c.BRANCH):
            return _alternatives(inner[0])
        return [inner]
    if op is _c.BRANCH:
        return [list(alt) for alt in av[1]]
    return None


def _useful(strings: set[str] | None) -> bool:
    return bool(strings) and min(len(s) for s in strings) >= _MIN_USEFUL  # type: ignore[union-attr]


def _score(strings: set[str] | None, *, anchored: bool) -> int:
    if not strings or not _useful(strings):
        return -1
    # A test anchored at the start rules out far more lines than a substring.
    return min(len(s) for s in strings) + (4 if anchored else 0)


def _prefixes(items: list[Any]) -> tuple[set[str], bool]:
    """Strings one of which every match of ``items`` starts with, and whether
    they are the whole match (the sequence is only literals)."""
    found = {""}
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the text consumed goes on
        if op is _c.LITERAL:
            options: set[str] | None = _char(av)
            complete = True
        elif op is _c.IN:
            options, complete = _char_set(av), True
        elif op in (_c.SUBPATTERN, _c.BRANCH):
            alternatives = _alternatives((op, av))
            options, complete = set(), True
            for alt in alternatives or []:
                strings, whole = _prefixes(alt)
                options |= strings
                complete = complete and whole
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            options, _ = _prefixes(list(av[2]))
            complete = False  # more copies may follow the first
        else:
            return found, False
        if not options or "" in options or len(found) * len(options) > _MAX_STRINGS:
            return found, False
        found = {a + b for a in found for b in options}
        if not complete:
            return found, False
    return found, True


def _char(code: int) -> set[str] | None:
    char = chr(code)
    return {char.lower()} if char.isascii() else None


def _char_set(members: list[Any]) -> set[str] | None:
    found: set[str] = set()
    for op, av in members:
        if op is not _c.LITERAL or not chr(av).isascii():
            return None
        found.add(chr(av).lower())
    return found


def _contains(items: list[Any]) -> set[str] | None:
    """Strings one of which every match of ``items`` contains (the best known)."""
    best: set[str] | None = None
    for start in range(len(items)):
        op, av = items[start]
        candidates = [_prefixes(items[start:])[0]]
        if op in (_c.SUBPATTERN, _c.BRANCH):
            inner = [_contains(alt) for alt in _alternatives((op, av)) or []]
            if inner and all(s is not None for s in inner):
                candidates.append(set().union(*inner))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            candidates.append(_contains(list(av[2])))
        elif op is _c.ASSERT:
            # A lookahead or lookbehind matches inside the text too.
            candidates.append(_contains(list(av[1])))
        for strings in candidates:
            if _score(strings, anchored=False) > _score(best, anchored=False):
                best = strings
    return best


@functools.lru_cache(maxsize=4096)
def compile_need(pattern: str, flags: int) -> Need | None:
    """:func:`need_of` for a rule's pattern (re.IGNORECASE and such ignored:
    the tests compare lower-cased text)."""
    return need_of(pattern, flags & ~re.IGNORECASE)
