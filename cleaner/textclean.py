"""Clean already-extracted article text, line by line, keeping an audit trail.

Three layers decide, in order, whether a line is cruft:

1. the rule catalogue (``rules.toml``): categories of cruft as whole-line
   patterns, limited to where the cruft sits (head, tail, anywhere);
2. structure: captions repeated with a credit glued on, labels repeated
   above or below the body, widget text made only of button words, lists
   under a "Related" header, and what the story's own words tell (see
   :mod:`cleaner.story`: where the body starts and ends, links to other
   stories, which line is the headline);
3. corpus statistics (optional, see :mod:`cleaner.boilerplate`): lines and
   templates that recur across many documents of one source or of many.

A line that reads like a sentence is only removed by a rule written for
sentences (copyright notices and the like) or by a repetition it duplicates,
so article sentences survive. Every removal is recorded with its rule.

>>> doc = clean_text("Share this article\\nRain falls\\n\\nIt rained all day in the city on Monday.")
>>> doc.title, doc.text
('Rain falls', 'It rained all day in the city on Monday.')
>>> [(r.line, r.rule) for r in doc.removed]
[('Share this article', 'share/share-prompt'), ('Rain falls', 'title/headline')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .dates import is_timestamp_line, iso_date
from .document import Document, Removal
from .lines import (
    BODY_MIN_WORDS,
    MAX_TITLE_WORDS,
    PARAGRAPH_WORDS,
    SHORT_SENTENCE_WORDS,
    TABLE_ROW,
    Line,
    is_sentence,
    key_words,
    line_key,
    word_count,
    words,
)
from .rulefile import load_catalogue
from .rules import Catalogue
from .story import (
    CAPTION_RULE,
    TEMPLATE_RULE,
    BoilerplateTest,
    body_words_of,
    mark_boilerplate,
    mark_caption_credits,
    mark_headline_lists,
    mark_other_stories,
    trim_off_topic,
)

__all__ = ["TEMPLATE_RULE", "BoilerplateTest", "clean_text", "is_sentence", "line_key", "word_count", "words"]

_CREDIT_TAIL = re.compile(r"^\s*[\(\[]?[^.!?]{1,60}[\)\]]?\s*$")
# "(Photo by Lucy Johnson/AFP via Getty Images)" is eight words.
_CAPTION_CREDIT_MAX_WORDS = 10
_RELATED_MAX_ITEMS = 12
_PROSE_MIN_WORDS = 7
_TAIL_RESIDUE_MAX_RUN = 2
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")
# The words and sentence flag of short lines seen before, as one int
# (2 * words + flag: no tuple for the garbage collector to track): page
# furniture recurs across a corpus (a dict is safe to share between threads).
_SHAPES: dict[str, int] = {}
_SHAPES_SIZE = 100_000  # emptied past this
_SHAPED_LENGTH = 200  # longer lines are article prose, seldom seen twice
_LIST_ITEM = re.compile(r"^(?:[-–•*▪◦‣]|\d{1,2}[.)])\s+\S+\s+\S")
# Headlines may end in an abbreviation ("... in U.S.") without being sentences.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.$")
# Arrows, emoji or breadcrumb separators: the dress of a widget label, not a headline.
_WIDGET_DRESS = re.compile(r"^[^\w\"'“‘(¿¡]|[›»→↗▸►▶↘⇢]|\s(?:>|::|/|\|)\s|[^\w\"'”’).!?…]$")


@dataclass
class _Fields:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    dateline: str | None = None
    moved: dict[str, str] = field(default_factory=dict)


def _mark_zones(lines: list[Line], catalogue: Catalogue, hints: tuple[str, ...]) -> None:
    sentences = [ln for ln in lines if ln.sentence]
    answers = catalogue.match_all([ln.text for ln in sentences], zone=None, sentence=True, hints=hints)
    for ln, answer in zip(sentences, answers):
        ln.sentence_match = answer
    body = [
        ln
        for ln in lines
        if ln.sentence and ln.n_words >= BODY_MIN_WORDS and ln.sentence_match is None and ln.rule is None
    ]
    if not body:
        return
    body = trim_off_topic(body)
    first, last = body[0].index, body[-1].index
    for ln in lines:
        ln.zone = "head" if ln.index < first else "tail" if ln.index > last else "body"


def _apply_catalogue(
    lines: list[Line], catalogue: Catalogue, fields: _Fields, hints: tuple[str, ...]
) -> None:
    for ln in lines:
        # Not ln.live, inlined in the passes over every line (a property call costs more).
        if ln.rule is not None or (ln.text[0] == "|" and TABLE_ROW.match(ln.text)):
            continue
        short = ln.sentence and ln.n_words <= SHORT_SENTENCE_WORDS
        if ln.sentence and ln.sentence_match is None and not short:
            continue  # no sentence rule matches in any zone
        found = catalogue.match(ln.text, zone=ln.zone, sentence=ln.sentence, short=short, hints=hints)
        if found is None:
            if not ln.sentence and ln.zone != "body" and is_timestamp_line(ln.text):
                ln.rule, ln.field = "byline/timestamp", "date"
                fields.date = fields.date or iso_date(ln.text)
            continue
        ln.rule = found.rule
        if found.field and found.value:
            ln.field = found.field
            if found.field == "date":
                fields.date = fields.date or iso_date(found.value)
            elif getattr(fields, found.field) is None:
                setattr(fields, found.field, found.value)
        if found.rule.startswith("byline/") and fields.date is None:
            fields.date = iso_date(ln.text)


def _mark_captions(lines: list[Line]) -> None:
    """A caption printed twice, the second time with its credit glued on."""
    for first, second in itertools.pairwise(lines):
        if len(first.text) < 12 or not second.text.startswith(first.text):
            continue
        credit = second.text[len(first.text) :]
        if credit and _CREDIT_TAIL.match(credit) and len(words(credit)) <= _CAPTION_CREDIT_MAX_WORDS:
            for ln in (first, second):
                ln.rule = ln.rule or CAPTION_RULE


def _mark_repeats(lines: list[Line]) -> None:
    """Repeats of a short non-sentence line above or below the body (a label
    printed twice). Repeated lines inside the body are left: recipes, tables
    and Q&A repeat lines on purpose."""
    seen: set[str] = set()  # the labels' keys
    # ASCII lines of many words: no ASCII label (fewer words, not a
    # sentence) has their key (see key_words), and keys are costly on long
    # lines, so theirs are only made for a non-ASCII label. The other lines
    # that are not labels have theirs made only when a label may share it.
    prose: list[Line] = []
    others: list[Line] = []
    for ln in lines:
        label = ln.rule is None and ln.zone != "body" and not ln.sentence
        if not label:
            (prose if ln.n_words >= PARAGRAPH_WORDS and ln.text.isascii() else others).append(ln)
            continue
        key = ln.key
        if key in seen or _has_key(others, key) or (prose and not ln.text.isascii() and _has_key(prose, key)):
            ln.rule = "structure/repeated-line"
        seen.add(key)


def _has_key(lines: list[Line], key: str) -> bool:
    count = key_words(key)
    return any(ln.may_have_key(count) and ln.key == key for ln in lines)


def _mark_related_lists(lines: list[Line]) -> None:
    """Headline-like lines under a "Related" / "Most read" header go with it."""
    for pos, ln in enumerate(lines):
        if ln.rule != "related/list-header":
            continue
        for item in lines[pos + 1 : pos + 1 + _RELATED_MAX_ITEMS]:
            if item.sentence or item.rule not in (None, "related/list-header"):
                break
            item.rule = "related/list-item"


def _mark_widget_text(lines: list[Line], vocabulary: frozenset[str]) -> None:
    """Short lines made only of button and network words ("Share Facebook Email")."""
    for ln in lines:
        if ln.rule is not None or ln.sentence or ln.n_words > 8:  # not ln.live
            continue
        tokens = [w.casefold() for w in words(ln.text)]
        if tokens and all(t in vocabulary or t.isdigit() for t in tokens):
            ln.rule = "share/widget-text"


def _take_title(lines: list[Line], fields: _Fields) -> None:
    """Move the title into its field: the one known from metadata, else the
    headline found above the body. Every line repeating it goes (a page may
    print its headline twice)."""
    if not fields.title:
        headline = _find_headline(lines)
        if headline is None:
            return
        fields.title = headline.text
    key = line_key(fields.title)
    count = key_words(key)
    for ln in lines:
        if ln.rule is None and ln.may_have_key(count) and ln.key == key:  # ln.live
            ln.rule, ln.field = "title/headline", "title"


def _find_headline(lines: list[Line]) -> Line | None:
    """The first live headline-like line above the body.

    Labels left over from page widgets ("Open navigation", "Path: Home › World")
    come before the headline on many pages, so a line of two words or fewer,
    or one dressed with arrows or breadcrumb separators, is only taken when
    nothing better follows."""
    candidates = []
    for ln in lines:
        if not ln.live:
            continue
        if ln.zone != "head":
            break
        if ln.sentence and ln.text.endswith(".") and not _ABBREVIATION_END.search(ln.text):
            continue  # a notice or a caption, not a headline
        if 2 <= ln.n_words <= MAX_TITLE_WORDS:
            candidates.append(ln)
    strong = [ln for ln in candidates if _is_headline_like(ln)]
    return (strong or candidates or [None])[0]


def _is_headline_like(ln: Line) -> bool:
    return ln.n_words >= 3 and not _WIDGET_DRESS.search(ln.text) and not is_timestamp_line(ln.text)


def _is_prose(ln: Line) -> bool:
    """A standfirst or subtitle: several words, mostly in lower case."""
    tokens = words(ln.text)
    lower = sum(1 for t in tokens if t[0].islower())
    return ln.n_words >= _PROSE_MIN_WORDS and lower >= 0.5 * len(tokens)


def _is_data_row(ln: Line) -> bool:
    tokens = words(ln.text)
    return bool(tokens) and sum(1 for t in tokens if t[0].isdigit()) >= max(2, len(tokens) // 4)


def _is_list_item(ln: Line) -> bool:
    return bool(_LIST_ITEM.match(ln.text))


def _in_run(live: list[Line], pos: int, test: Callable[[Line], bool]) -> bool:
    """Whether ``live[pos]`` and a neighbour both pass ``test`` (a list, a table)."""
    return test(live[pos]) and any(test(other) for other in (live[pos - 1 : pos] + live[pos + 1 : pos + 2]))


def _mark_head_residue(lines: list[Line], fields: _Fields) -> None:
    """What is left above the body after the headline that is not prose:
    bylines, timestamps, datelines, labels in wordings no rule knows.

    Kept: standfirsts (prose), headline-like lines (the real headline when a
    label was taken for it), lines starting in lower case (a sentence broken
    over lines), and lists or tables that open the article."""
    live = [ln for ln in lines if ln.rule is None]  # ln.live
    for pos, ln in enumerate(live):
        if ln.zone != "head" or ln.sentence or ln.text[0].islower() or TABLE_ROW.match(ln.text):
            continue
        if _is_prose(ln) or _is_headline_like(ln):
            continue
        if _in_run(live, pos, _is_list_item) or _in_run(live, pos, _is_data_row):
            continue
        ln.rule = "structure/head-residue"
        if fields.date is None and is_timestamp_line(ln.text):
            fields.date, ln.field = iso_date(ln.text), "date"


def _mark_tail_residue(lines: list[Line]) -> None:
    """Non-prose lines below the body wedged between cruft above and cruft
    running to the end of the page: the unknown items of a footer block
    ("Edited by ...", a tag line). Worked upwards from the end. Three or more
    such lines in a row may be a list that ends the article, and a sentence
    ends the search."""
    visible = [ln for ln in reversed(lines) if ln.zone == "tail"]
    run: list[Line] = []
    cruft_below = False
    for ln in visible:
        if not ln.live:
            if cruft_below and run:
                for item in run:
                    item.rule = "structure/tail-residue"
            run, cruft_below = [], True
            continue
        if ln.sentence or ln.text[0].islower() or TABLE_ROW.match(ln.text):
            break
        run.append(ln)
        if len(run) > _TAIL_RESIDUE_MAX_RUN:
            break


def _shape(line: str) -> int:
    """Twice the words of a stripped line, plus 1 if it reads as a sentence
    (remembered for a short line)."""
    count = word_count(line)
    shape = 2 * count + (count >= PARAGRAPH_WORDS or is_sentence(line, count))  # the first test, inlined
    if len(line) <= _SHAPED_LENGTH:
        if len(_SHAPES) >= _SHAPES_SIZE:
            _SHAPES.clear()
        _SHAPES[line] = shape
    return shape


def clean_text(
    text: str,
    *,
    id: str = "",
    title: str | None = None,
    date: str | None = None,
    author: str | None = None,
    source: str | None = None,
    url: str | None = None,
    catalogue: Catalogue | None = None,
    boilerplate: BoilerplateTest | None = None,
) -> Document:
    """Clean one plain-text article and return it as a :class:`Document`.

    Metadata passed in (``title``, ``date``, ...) wins over what is found in
    the text; lines found to hold a title, date or byline move into those
    fields and are listed in ``removed`` with the field they went to.
    """
    catalogue = catalogue or load_catalogue()
    # Blank lines (a third of them) have no words and no part in any pass:
    # the passes see the others; the output is made from all of them.
    raws = text.splitlines()
    lines = []
    for index, raw in enumerate(raws):
        stripped = raw.strip()
        if not stripped:
            continue
        shape = _SHAPES.get(stripped) if len(stripped) <= _SHAPED_LENGTH else None
        if shape is None:
            shape = _shape(stripped)
        lines.append(Line(index, raw, stripped, shape & 1 == 1, shape >> 1))
    fields = _Fields(title=title, date=date, author=author)

    # The hint words of the document, found once rather than on every line.
    hints = catalogue.document_hints(text)
    _mark_captions(lines)  # first: a caption with its credit is long, yet never the body's start
    _mark_zones(lines, catalogue, hints)
    _apply_catalogue(lines, catalogue, fields, hints)
    _mark_related_lists(lines)
    _mark_widget_text(lines, catalogue.widget_words)
    _mark_repeats(lines)
    body_words = body_words_of(lines)  # what the story is about, for lines that may speak of it
    if boilerplate is not None:
        mark_boilerplate(lines, boilerplate, body_words)
    mark_other_stories(lines, body_words)
    mark_caption_credits(lines, body_words)
    mark_headline_lists(lines, body_words)
    _take_title(lines, fields)
    _mark_head_residue(lines, fields)
    _mark_tail_residue(lines)

    keep = [True] * len(raws)
    for ln in lines:
        if ln.rule is not None:
            keep[ln.index] = False
    kept = "\n".join([raw.rstrip() for raw in itertools.compress(raws, keep)])
    body = _BLANK_LINES.sub("\n\n", kept).strip()
    removed = [Removal(ln.text, ln.rule, ln.field) for ln in lines if ln.rule]
    doc = Document(
        id=id,
        text=body,
        title=fields.title,
        date=fields.date,
        author=fields.author,
        source=source,
        url=url,
        removed=removed,
    )
    if fields.dateline:
        doc.extra["dateline"] = fields.dateline
    return doc
