"""Find dates in timestamp lines and turn them into ISO 8601 (``YYYY-MM-DD``).

Only unambiguous forms are read: a month name, year first, or day first
with dots (``12.03.2024``). ``03/04/2019`` is left alone rather than guessed.

>>> iso_date("November 26, 2018")
'2018-11-26'
>>> iso_date("Published: Mon 3 Dec 2018 14:05 GMT")
'2018-12-03'
>>> is_timestamp_line("Updated 3:42 PM EST, Tue March 2, 1987")
True
>>> is_timestamp_line("Prices rose on March 2, 1987, traders said.")
False
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["is_timestamp_line", "iso_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b"),
    # Dots between day, month and year are a day-first convention (de, ru, ...).
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]
# Words that may surround a date on a timestamp line without making it prose.
_FILLER = re.compile(
    r"(?i)\b(published|updated|posted|last|first|modified|created|edited|on|at|date|time|am|pm|a\.m|p\.m"
    r"|gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|aest|aedt|msk|ast|et|pt|ct|mt|uhr"
    r"|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?"
    r"|today|yesterday|\d{1,2}[:.h]\d\d(:\d\d)?|\d{1,2}\s?(am|pm)|[+-]\d{2}:?\d{2}|t|z)\b"
)


_TIMESTAMP_MAX_LENGTH = 80
# Words for a day or a moment, as _DATE_OR_TIME knows them.
_DATE_WORDS = (
    "just now",
    "today",
    "yesterday",
    "heute",
    "gestern",
    "hier",
    "aujourd'hui",
    "hoy",
    "ayer",
    "oggi",
    "ieri",
    "hoje",
    "ontem",
)
# Any date or time, named or numeric, absolute or relative.
_MONTH_NAME = _MONTH.replace("(?P<month>", "(?:")
_DATE_OR_TIME = re.compile(
    rf"\b{_MONTH_NAME}\s+[0-3]?\d(?:st|nd|rd|th)?\b,?(?:\s+(?:19|20)\d\d)?"
    rf"|\b[0-3]?\d\.?\s+(?:of\s+)?{_MONTH_NAME}(?:,?\s+(?:19|20)\d\d)?"
    r"|\b\d{4}-\d\d-\d\d(?:[t ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d\d)\b|\b\d{1,2}[:.h]\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?"
    r"|\b\d{1,2}\s?[ap]\.?m\b\.?|\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago\b"
    rf"|\b(?:{'|'.join(_DATE_WORDS)})\b",
    re.I,
)


# What _DATE_OR_TIME cannot match without, on ASCII text (where \d is [0-9]
# and no character folds into another case but its own): a digit, or one of
# _DATE_WORDS. Most lines tested have neither, and are told so faster.
_DIGIT = re.compile(r"[0-9]")
_OTHER_WORD = re.compile(r"[^\W\d_]{2,}")
# Answers for lines seen before (a page's stamps and labels recur across a
# corpus), per number of other words allowed, at most _STAMPED_SIZE of them
# each (emptied past that). Keyed by the line alone: no tuple to track.
_STAMPED: dict[int, dict[str, bool]] = {}
_STAMPED_SIZE = 100_000


def _parse(found: re.Match[str]) -> str | None:
    month_text = found.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower())
    try:
        return date(int(found.group("year")), month or 0, int(found.group("day"))).isoformat()
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """The first unambiguous date in ``text`` as ``YYYY-MM-DD``, or None."""
    for form in _DATE_FORMS:
        found = form.search(text)
        if found:
            parsed = _parse(found)
            if parsed:
                return parsed
    return None


def is_timestamp_line(line: str, *, other_words: int = 2) -> bool:
    """True when ``line`` is a date or time and little else: at most
    ``other_words`` other words, as a label in any language ("Stand:", "Publié le").

    >>> is_timestamp_line("Stand: 06.03.1987 10:18 Uhr"), is_timestamp_line("1987-03-17T10:02:38Z")
    (True, True)
    >>> is_timestamp_line("3h ago"), is_timestamp_line("Shares fell 3 pct on March 2")
    (True, False)
    """
    if len(line) > _TIMESTAMP_MAX_LENGTH:
        return False
    answers = _STAMPED.get(other_words)
    if answers is None:
        answers = _STAMPED[other_words] = {}
    found = answers.get(line)
    if found is None:
        if len(answers) >= _STAMPED_SIZE:
            answers.clear()
        found = answers[line] = _is_timestamp(line, other_words)
    return found


def _is_timestamp(line: str, other_words: int) -> bool:
    if line.isascii() and not _DIGIT.search(line):
        lowered = line.lower()
        if not any(map(lowered.__contains__, _DATE_WORDS)):
            return False
    rest, found = _DATE_OR_TIME.subn(" ", line)
    if not found:
        return False
    rest = _FILLER.sub(" ", rest)
    return len(_OTHER_WORD.findall(rest)) <= other_words
