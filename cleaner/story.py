"""What the story is about, from its own words, and what that tells of other lines.

A headline, a subhead and the article's own lists use the story's words; a
byline, a label, a link to another story or the site's notices do not. These
passes use that: where the body starts and ends, which furniture learned across
sources may not take a line (the headline, a subhead), which headline-like
lines are links to other stories.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from .lines import BODY_MIN_WORDS, MAX_TITLE_WORDS, PARAGRAPH_WORDS, TABLE_ROW, Line, words

__all__ = [
    "CAPTION_RULE",
    "CROSS_SOURCE_RULE",
    "SHAPE_RULE",
    "TEMPLATE_RULE",
    "TRAILER_RULE",
    "BodyWords",
    "BoilerplateTest",
    "body_words_of",
    "mark_boilerplate",
    "mark_caption_credits",
    "mark_headline_lists",
    "mark_other_stories",
    "trim_off_topic",
]

_HEADLINE_LIST_MIN = 2
_OFF_TOPIC_MIN_BODY = 3  # sentences left to judge what the story is about
_OFF_TOPIC_MAX = 3  # sentences trimmed at most at each end
_TOP_LINES = 12  # lines of the body that may still hold the headline
_CREDIT_LINE_MAX_WORDS = 5  # "Jane Roe/Reuters", "PHOTO: JOHN DOE"
CAPTION_RULE = "caption/repeated-with-credit"
# The rules of furniture learned across sources (see boilerplate.py) that
# the story's words may overrule, or that hold only in part of the page.
CROSS_SOURCE_RULE = "boilerplate/cross-source"
TEMPLATE_RULE = "boilerplate/cross-source-template"
SHAPE_RULE = "boilerplate/cross-source-shape"  # trusted above and below the body only
TRAILER_RULE = "boilerplate/trailer-template"  # only below the article's last paragraph
_ACROSS_SOURCES = frozenset({CROSS_SOURCE_RULE, TEMPLATE_RULE, SHAPE_RULE})

#: Names the boilerplate rule a line falls to, from what recurs in a batch
#: (see boilerplate.py); None when it is not boilerplate.
BoilerplateTest = Callable[[str, bool], "str | None"]


def trim_off_topic(body: list[Line]) -> list[Line]:
    """The body without sentences at its ends that share no words with the
    rest of it: a notice no rule knows (cookies, a site footer) is not where
    the article starts or ends. Only with enough of the article to judge."""
    if len(body) < _OFF_TOPIC_MIN_BODY:
        return body

    def off_topic(i: int) -> bool:
        # Sentence by sentence, no union made: a sentence of the story shares
        # a word with one of the first it meets.
        own = body[i].topic_words
        return bool(own) and all(own.isdisjoint(ln.topic_words) for j, ln in enumerate(body) if j != i)

    start, end = 0, len(body)
    while start < min(_OFF_TOPIC_MAX, end - _OFF_TOPIC_MIN_BODY) and off_topic(start):
        start += 1
    while end - start > _OFF_TOPIC_MIN_BODY and len(body) - end < _OFF_TOPIC_MAX and off_topic(end - 1):
        end -= 1
    return body[start:end]


def mark_other_stories(lines: list[Line], body_words: BodyWords) -> None:
    """A labelled link to another story ("Label: headline") wedged in the page:
    a headline-shaped line after a label that uses at most one of the story's
    words (a place or a company may recur in another story's headline). The
    article's own subheads and labels speak of the story."""
    if not body_words:
        return
    for ln in lines:
        if ln.rule is not None or ln.sentence or not 4 <= ln.n_words <= MAX_TITLE_WORDS:
            continue
        label, sep, rest = ln.text.partition(":")
        label_words = words(label)
        if not sep or not rest.strip()[:1].isupper() or not 1 <= len(label_words) <= 4:
            continue
        if len(label_words) == 1 and len(label_words[0]) < 3:
            continue  # "Q:", "A:" start the lines of an interview
        shared, own = _words_shared(ln, body_words)
        if shared <= 1 and own >= 4:
            ln.rule = "related/other-story"


def mark_caption_credits(lines: list[Line], body_words: BodyWords) -> None:
    """A photo credit on its own line under a caption ("Jane Roe/Reuters",
    "JOHN DOE"): a few capitalised words, or an agency after a slash, using
    none of the story's words. A subhead under a photo speaks of the story."""
    for above, ln in itertools.pairwise(lines):
        if above.rule != CAPTION_RULE or not ln.live or ln.sentence or ln.n_words > _CREDIT_LINE_MAX_WORDS:
            continue
        tokens = words(ln.text)
        name_like = all(t[0].isupper() for t in tokens if t[0].isalpha())
        if tokens and ("/" in ln.text or name_like) and not _words_shared(ln, body_words)[0]:
            ln.rule = "caption/credit-line"


def mark_headline_lists(lines: list[Line], body_words: BodyWords) -> None:
    """A run of headline-like lines under a line already taken as cruft (a
    list header in any wording) is a list of links to other stories when it
    ends the page (only cruft below it, below the body) or when most of its
    items use none of the story's words. A list that is the article's own
    has prose or lower-case items, or speaks of the story, or has no cruft
    header above it."""
    # Told once per line: a run only ever marks its own lines, which no later run holds.
    linked = [ln.rule is None and _is_linked_headline(ln) for ln in lines]  # ln.live inlined
    pos, count = 0, len(lines)
    while pos < count:
        if not linked[pos]:
            pos += 1
            continue
        end = pos + 1
        while end < count and linked[end]:
            end += 1
        run = lines[pos:end]
        if len(run) >= _HEADLINE_LIST_MIN and pos > 0 and lines[pos - 1].rule and run[0].zone != "head":
            ends_page = run[0].zone == "tail" and all(ln.rule is not None for ln in lines[end:])
            elsewhere = sum(1 for ln in run if not _words_shared(ln, body_words)[0])
            if ends_page or 2 * elsewhere > len(run):
                for item in run:
                    item.rule = "related/headline-list"
        pos = end


def _is_linked_headline(ln: Line) -> bool:
    return (
        not ln.sentence
        and 3 <= ln.n_words <= MAX_TITLE_WORDS
        and ln.text[0].isupper()
        and not TABLE_ROW.match(ln.text)
    )


def mark_boilerplate(lines: list[Line], boilerplate: BoilerplateTest, body_words: BodyWords) -> None:
    """Lines recurring in the batch. Furniture shared across sources (a line,
    or a template) never takes what may be the headline: a wire story's
    headline recurs across the outlets that run it (and as a related link on
    other pages), and headlines share templates ("U.S. <...>"). Of the lines
    above the body whose words the article uses, the one using most is
    spared, and any using two or more; a label or a byline ("<name> in
    Tokyo") uses one at most. When no line above the body does, the body may
    seem to start early (at a notice no rule knows), so lines near the top
    are looked at."""
    shared = []
    last_paragraph = max(
        (ln.index for ln in lines if ln.n_words >= PARAGRAPH_WORDS and ln.sentence), default=-1
    )
    for ln in lines:
        rule = boilerplate(ln.text, ln.sentence) if ln.live else None
        if rule == SHAPE_RULE and ln.zone == "body":
            continue  # a loose template: a subhead in the body may share it
        if rule == TEMPLATE_RULE and ln.zone == "body" and _mostly_the_storys(ln, body_words):
            continue  # a subhead may share a template ("U.S. <...>"), but it is made of the story's words
        if rule == TRAILER_RULE and not 0 <= last_paragraph < ln.index:
            continue  # a page's ending, found before the article has ended
        if rule is not None:
            ln.rule = rule
            if rule in _ACROSS_SOURCES:
                shared.append(ln)
    if not shared:
        return

    taken = {id(ln) for ln in shared}
    head = [ln for ln in lines if ln.zone == "head" and (ln.live or id(ln) in taken)]
    candidates = [ln for ln in head if _about_the_story(ln, body_words)]
    if not candidates:
        top = _first_body(lines) + _TOP_LINES
        candidates = [ln for ln in shared if ln.index < top and _about_the_story(ln, body_words)]
    if candidates:
        # The headline shares the most words with its story (first of equals);
        # any line sharing two or more may be it too.
        shares = [(_words_shared(ln, body_words)[0], -ln.index, ln) for ln in candidates]
        best = max(shares, key=lambda item: item[:2])[2]
        for count, _, ln in shares:
            if id(ln) in taken and (ln is best or count >= 2):
                ln.rule = None


class BodyWords:
    """The content words of the body's sentences (as they stand when made),
    gathered only when first asked for: few pages have a line that needs them."""

    def __init__(self, lines: list[Line]):
        self._lines = [
            ln for ln in lines if ln.rule is None and ln.sentence and ln.n_words >= BODY_MIN_WORDS
        ]  # ln.live inlined
        self._words: set[str] | None = None

    def __bool__(self) -> bool:
        return any(ln.topic_words for ln in self._lines) if self._words is None else bool(self._words)

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = set().union(*(ln.topic_words for ln in self._lines))
        return self._words


def body_words_of(lines: list[Line]) -> BodyWords:
    """The content words of the body's sentences."""
    return BodyWords(lines)


def _about_the_story(ln: Line, body_words: BodyWords) -> bool:
    """A short line using the story's words (a headline does; a byline or a label does not)."""
    shared, own = _words_shared(ln, body_words)
    return ln.n_words >= 3 and not ln.sentence and shared >= max(1, own // 3)


def _mostly_the_storys(ln: Line, body_words: BodyWords) -> bool:
    """A line most of whose words (two or more) the story uses: a subhead, not a link."""
    shared, own = _words_shared(ln, body_words)
    return shared >= 2 and 2 * shared > own


def _words_shared(ln: Line, body_words: BodyWords) -> tuple[int, int]:
    """How many of the line's content words the story uses, and how many it has."""
    own = ln.topic_words
    return len(own & body_words.words), len(own)


def _first_body(lines: list[Line]) -> int:
    """Where the body starts: at the top (line 0, blank or not) when nothing is above it."""
    if not lines or lines[0].zone != "head":
        return 0
    return next((ln.index for ln in lines if ln.zone != "head"), lines[-1].index + 1)
