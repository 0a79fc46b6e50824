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
_MAX_STRINGS = 256
# A literal this short is in most lines: no use as a test (but an opening
# character is, and so is a punctuation mark: ":", "#").
_MIN_USEFUL = 2
# Optional parts of a pattern's opening followed at most (each doubles the work).
_MAX_OPTIONAL = 6


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
    if not starts:
        return Need()  # never met: no ASCII text matches
    contains = _contains(items)
    if _score(starts, anchored=True) >= _score(contains, anchored=False):
        return Need(starts=tuple(sorted(starts))) if _useful(starts, anchored=True) else None
    if contains is not None and _useful(contains, anchored=False):
        return Need(contains=frozenset(contains))
    return None


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


def _useful(strings: set[str] | None, *, anchored: bool) -> bool:
    if not strings:
        return False
    if anchored:
        return "" not in strings
    return all(len(s) >= _MIN_USEFUL or (s and not (s.isalnum() or s.isspace())) for s in strings)


def _score(strings: set[str] | None, *, anchored: bool) -> int:
    if not strings or not _useful(strings, anchored=anchored):
        return -1
    # A test anchored at the start rules out far more lines than a substring;
    # a punctuation mark is in fewer lines than a two-letter word.
    shortest = min(len(s) if s.isalnum() or len(s) > 1 else _MIN_USEFUL + 1 for s in strings)
    return shortest + (4 if anchored else 0)


def _prefixes(items: list[Any], depth: int = 0) -> tuple[set[str], bool]:
    """Strings one of which every match of ``items`` starts with, and whether
    they are the whole match (the sequence is only literals). No strings: no
    match on ASCII text is possible."""
    found = {""}
    for index, (op, av) in enumerate(items):
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
                strings, whole = _prefixes(alt, depth)
                options |= strings
                complete = complete and whole
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            options, _ = _prefixes(list(av[2]), depth)
            complete = False  # more copies may follow the first
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[:2] == (0, 1) and depth < _MAX_OPTIONAL:
            # An optional part: the rest of the sequence, with it and without it.
            rest = items[index + 1 :]
            with_it, whole = _prefixes(list(av[2]) + rest, depth + 1)
            without, whole_without = _prefixes(rest, depth + 1)
            return _extend(found, with_it | without, whole and whole_without)
        else:
            return found, False
        if options is not None and not options:
            return set(), True  # this part matches no ASCII text
        if options is None or "" in options:
            return found, False
        if len(found) * len(options) > _MAX_STRINGS:
            return _overflow(found, options)
        found = {a + b for a in found for b in options}
        if not complete:
            return found, False
    return found, True


def _extend(found: set[str], options: set[str], complete: bool) -> tuple[set[str], bool]:
    """``found`` followed by the prefixes of the rest of a sequence."""
    if not options:
        return set(), True
    if "" in options:
        return found, False
    if len(found) * len(options) > _MAX_STRINGS:
        return _overflow(found, options)
    return {a + b for a in found for b in options}, complete


def _overflow(found: set[str], options: set[str]) -> tuple[set[str], bool]:
    """The openings when ``found`` followed by ``options`` makes too many:
    ``found`` alone, or when it is empty the options' own openings."""
    return (found, False) if found != {""} else (_shorten(options), False)


def _shorten(strings: set[str]) -> set[str]:
    """As many of the strings' openings as :data:`_MAX_STRINGS` allows, each
    as long as it can be (an opening of an opening is one too)."""
    length = max(len(s) for s in strings)
    while length > 1 and len(strings) > _MAX_STRINGS:
        length -= 1
        strings = {s[:length] for s in strings}
    return strings


# The characters other than themselves that match an ASCII letter when case
# is ignored (tests/test_needs.py checks there are no others).
_ASCII_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
# A character class of more characters than this is no use as a test.
_MAX_CLASS = 16


def _char(code: int) -> set[str]:
    """The lower-cased ASCII characters that ``code`` may match (none: it
    matches no ASCII text, whatever the case)."""
    char = chr(code)
    if char.isascii():
        return {char.lower()}
    return {_ASCII_FOLDS[char]} if char in _ASCII_FOLDS else set()


def _char_set(members: list[Any]) -> set[str] | None:
    """:func:`_char` of a character class, None when it is negated or too broad."""
    found: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            found |= _char(av)
        elif op is _c.RANGE and av[1] - av[0] < 2 * _MAX_CLASS:
            for code in range(av[0], av[1] + 1):
                found |= _char(code)
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            found.update("0123456789")  # other digits are not ASCII
        else:
            return None
    return found if len(found) <= _MAX_CLASS else None


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


# A line's words, as the words it may hold (see vocabulary_of): openings of
# runs before white space, runs between, and endings; or a run with none.
_Shape = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
_NOTHING: _Shape = (frozenset({""}), frozenset(), frozenset(), frozenset())
_SPACE: _Shape = (frozenset(), frozenset({""}), frozenset(), frozenset({""}))
# Words gathered at most, and their length (past these: no vocabulary).
_MAX_WORDS = 2048
_MAX_WORD = 40


class _Unknown(Exception):
    """The pattern may match words no list holds."""


@functools.lru_cache(maxsize=4096)
def vocabulary_of(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The words (lower-cased) of every ASCII line ``pattern`` matches whole,
    split at white space, when they come from a known list ("Share Print
    Email" for a page control), else None: a line with another word is not
    tried.

    >>> sorted(vocabulary_of(r"(share|print)( (this|it))?"))
    ['it', 'print', 'share', 'this']
    """
    try:
        parsed = _parser.parse(pattern, flags & ~re.IGNORECASE)
        _check_known(list(parsed))
        full, first, inner, last = _shape(list(parsed))
    except _Unknown:
        return None
    except Exception:  # pragma: no cover - the caller compiled the pattern already
        return None
    return frozenset(full | first | inner | last) - {""}


def _check_known(items: list[Any]) -> None:
    """Raise :class:`_Unknown` at once for a pattern with a wildcard or a
    broad class (most patterns), before any word is gathered."""
    for op, av in items:
        if op in (_c.SUBPATTERN, _c.BRANCH):
            for alt in _alternatives((op, av)) or []:
                _check_known(alt)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _check_known(list(av[2]))
        elif op is _c.IN:
            for member_op, member in av:
                if member_op is _c.NEGATE or (member_op is _c.CATEGORY and member not in _KNOWN_CLASSES):
                    raise _Unknown
        elif op not in (_c.LITERAL, _c.AT, _c.ASSERT, _c.ASSERT_NOT):
            raise _Unknown


_KNOWN_CLASSES = (_c.CATEGORY_SPACE, _c.CATEGORY_DIGIT)


def _shape(items: list[Any]) -> _Shape:
    found = _NOTHING
    for item in items:
        found = _then(found, _item_shape(item))
    return found


def _item_shape(item: Any) -> _Shape:
    op, av = item
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _NOTHING  # zero width
    if op is _c.LITERAL:
        return _char_shape(av)
    if op is _c.IN:
        shapes = []
        for member_op, member in av:
            if member_op is _c.LITERAL:
                shapes.append(_char_shape(member))
            elif member_op is _c.RANGE and member[1] - member[0] < 128:
                shapes.extend(_char_shape(code) for code in range(member[0], member[1] + 1))
            elif member_op is _c.CATEGORY and member is _c.CATEGORY_SPACE:
                shapes.append(_SPACE)
            elif member_op is _c.CATEGORY and member is _c.CATEGORY_DIGIT:
                shapes.extend(_char_shape(ord(digit)) for digit in "0123456789")
            else:
                raise _Unknown
        return functools.reduce(_either, shapes)
    if op in (_c.SUBPATTERN, _c.BRANCH):
        return functools.reduce(_either, (_shape(alt) for alt in _alternatives(item) or []))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        least, most, body = av[0], av[1], _shape(list(av[2]))
        power = _NOTHING
        for _ in range(least):
            power = _then(power, body)
        found, count = power, least
        while count < most:  # more copies, until they bring no new word
            power, count = _then(power, body), count + 1
            grown = _either(found, power)
            if grown == found:
                break
            found = grown
        return found
    raise _Unknown


def _char_shape(code: int) -> _Shape:
    char = chr(code)
    if char.isspace():
        return _SPACE if char.isascii() else (frozenset(), frozenset(), frozenset(), frozenset())
    return (frozenset(_char(code)), frozenset(), frozenset(), frozenset())


def _either(a: _Shape, b: _Shape) -> _Shape:
    return (a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3])


def _then(a: _Shape, b: _Shape) -> _Shape:
    """The words of a match of ``a`` followed by one of ``b``."""
    if not (a[0] or a[1]) or not (b[0] or b[1]):
        return (frozenset(), frozenset(), frozenset(), frozenset())  # one matches no ASCII text
    if len(a[0]) * len(b[0]) + len(a[0]) * len(b[1]) + len(a[3]) * (len(b[0]) + len(b[1])) > _MAX_WORDS:
        raise _Unknown
    found = (
        _joined(a[0], b[0]),
        a[1] | _joined(a[0], b[1]),
        a[2] | b[2] | _joined(a[3], b[1]),
        b[3] | _joined(a[3], b[0]),
    )
    if sum(map(len, found)) > _MAX_WORDS:
        raise _Unknown
    return found


def _joined(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str]:
    found = frozenset(head + tail for head in heads for tail in tails)
    if any(len(word) > _MAX_WORD for word in found):
        raise _Unknown
    return found
