"""Find dates in timestamp lines and turn them into ISO 8601 (``YYYY-MM-DD``).

Only unambiguous forms are read: a month name, or year first. ``03/04/2019``
is left alone rather than guessed.

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
]
# Words that may surround a date on a timestamp line without making it prose.
_FILLER = re.compile(
    r"(?i)\b(published|updated|posted|last|first|modified|created|edited|on|at|date|time|am|pm|a\.m|p\.m"
    r"|gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|aest|aedt|msk|ast|et|pt|ct|mt|uhr"
    r"|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?"
    r"|today|yesterday|\d{1,2}[:.h]\d\d(:\d\d)?|\d{1,2}\s?(am|pm)|[+-]\d{2}:?\d{2}|t|z)\b"
)


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


def is_timestamp_line(line: str) -> bool:
    """True when ``line`` is a date (and time) and nothing else of substance."""
    for form in _DATE_FORMS:
        found = form.search(line)
        if found and _parse(found):
            rest = line[: found.start()] + " " + line[found.end() :]
            rest = _FILLER.sub(" ", rest)
            return not re.search(r"\w{2,}", rest)
    return False
