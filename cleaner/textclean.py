"""Clean already-extracted article text, line by line, keeping an audit trail.

Three layers decide, in order, whether a line is cruft:

1. the rule catalogue (``rules.toml``): categories of cruft as whole-line
   patterns, limited to where the cruft sits (head, tail, anywhere);
2. structure: captions repeated with a credit glued on, labels repeated
   above or below the body, widget text made only of button words, lists
   under a "Related" header;
3. corpus statistics (optional, see :mod:`cleaner.boilerplate`): lines that
   recur across many documents of one source.

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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .dates import is_timestamp_line, iso_date
from .document import Document, Removal
from .rules import Catalogue, Match, load_catalogue

__all__ = ["clean_text", "is_sentence", "line_key"]

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_LONG_WORD = re.compile(r"\w{4,}")
_UNSPACED_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_TABLE_ROW = re.compile(r"^\|.*\|$")  # trafilatura renders table rows as | a | b |
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*$")
_CREDIT_TAIL = re.compile(r"^\s*[\(\[]?[^.!?]{1,60}[\)\]]?\s*$")
_BODY_MIN_WORDS = 8
_MAX_TITLE_WORDS = 30
_RELATED_MAX_ITEMS = 12
_PROSE_MIN_WORDS = 7
_TAIL_RESIDUE_MAX_RUN = 2
_HEADLINE_LIST_MIN = 2
_PARAGRAPH_WORDS = 15  # a sentence this long is article prose
_OFF_TOPIC_MIN_BODY = 3  # sentences left to judge what the story is about
_OFF_TOPIC_MAX = 3  # sentences trimmed at most at each end
#: The rule of furniture templates learned across sources (see boilerplate.py).
TEMPLATE_RULE = "boilerplate/cross-source-template"
_TOP_LINES = 12  # lines of the body that may still hold the headline
_LIST_ITEM = re.compile(r"^(?:[-–•*▪◦‣]|\d{1,2}[.)])\s+\S+\s+\S")
# Headlines may end in an abbreviation ("... in U.S.") without being sentences.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.$")
# Arrows, emoji or breadcrumb separators: the dress of a widget label, not a headline.
_WIDGET_DRESS = re.compile(r"^[^\w\"'“‘(¿¡]|[›»→↗▸►▶↘⇢]|\s(?:>|::|/|\|)\s|[^\w\"'”’).!?…]$")

#: Names the boilerplate rule a line falls to, from what recurs in a batch
#: (see boilerplate.py); None when it is not boilerplate.
BoilerplateTest = Callable[[str, bool], "str | None"]


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def word_count(line: str) -> int:
    """Words, counting scripts written without spaces as about two characters a word."""
    count = len(_WORD.findall(line))
    return count if line.isascii() else count + len(_UNSPACED_CHAR.findall(line)) // 2


def is_sentence(line: str, count: int | None = None) -> bool:
    """Whether a line reads like prose: a few words ending in terminal punctuation,
    or a long run of words (a paragraph cut short still counts). ``count``:
    the line's :func:`word_count`, when known.

    >>> is_sentence("Shares of the company fell 3 percent.")
    True
    >>> is_sentence("Share this article")
    False
    """
    count = word_count(line) if count is None else count
    if count >= 15:
        return True
    stripped = line.strip()
    if stripped.endswith(("...", "…")):
        return False  # a cut label or a link ("Read the full story..."), not an ending
    return count >= 4 and bool(_SENTENCE_END.search(stripped))


def line_key(line: str) -> str:
    """A line normalised for comparison: NFKC, case-folded, inner space folded."""
    text = (line if line.isascii() else unicodedata.normalize("NFKC", line)).casefold()
    return " ".join(text.split()).strip(" .:|-–—•·")


@dataclass
class _Line:
    index: int
    raw: str
    text: str
    sentence: bool
    n_words: int
    zone: str = "body"
    rule: str | None = None
    field: str | None = None
    # For sentences: the catalogue's answer regardless of zone (None: no rule).
    sentence_match: Match | None = None
    # line_key(text), computed once: repeats and the title both compare it.
    _key: str | None = None

    @property
    def live(self) -> bool:
        return bool(self.text) and self.rule is None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = line_key(self.text)
        return self._key


@dataclass
class _Fields:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    dateline: str | None = None
    moved: dict[str, str] = field(default_factory=dict)


def _mark_zones(lines: list[_Line], catalogue: Catalogue, hints: tuple[str, ...]) -> None:
    for ln in lines:
        if ln.sentence:
            ln.sentence_match = catalogue.match(ln.text, zone=None, sentence=True, hints=hints)
    body = [ln for ln in lines if ln.sentence and ln.n_words >= _BODY_MIN_WORDS and ln.sentence_match is None]
    if not body:
        return
    body = _trim_off_topic(body)
    first, last = body[0].index, body[-1].index
    for ln in lines:
        ln.zone = "head" if ln.index < first else "tail" if ln.index > last else "body"


def _trim_off_topic(body: list[_Line]) -> list[_Line]:
    """The body without sentences at its ends that share no words with the
    rest of it: a notice no rule knows (cookies, a site footer) is not where
    the article starts or ends. Only with enough of the article to judge."""
    if len(body) < _OFF_TOPIC_MIN_BODY:
        return body
    # Only the sentences at the ends can go: their words one by one, the rest's at once.
    edges = {*range(min(_OFF_TOPIC_MAX, len(body))), *range(max(len(body) - _OFF_TOPIC_MAX, 0), len(body))}
    own = {i: _content_words(body[i].text) for i in edges}
    middle = _content_words(" ".join(ln.text for i, ln in enumerate(body) if i not in own))

    def off_topic(i: int) -> bool:
        others = middle.union(*(words for j, words in own.items() if j != i))
        return bool(own[i]) and not own[i] & others

    start, end = 0, len(body)
    while start < min(_OFF_TOPIC_MAX, end - _OFF_TOPIC_MIN_BODY) and off_topic(start):
        start += 1
    while end - start > _OFF_TOPIC_MIN_BODY and len(body) - end < _OFF_TOPIC_MAX and off_topic(end - 1):
        end -= 1
    return body[start:end]


def _apply_catalogue(
    lines: list[_Line], catalogue: Catalogue, fields: _Fields, hints: tuple[str, ...]
) -> None:
    for ln in lines:
        if not ln.live or _TABLE_ROW.match(ln.text):
            continue
        if ln.sentence and ln.sentence_match is None:
            continue  # no sentence rule matches in any zone
        found = catalogue.match(ln.text, zone=ln.zone, sentence=ln.sentence, hints=hints)
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


def _mark_captions(lines: list[_Line]) -> None:
    """A caption printed twice, the second time with its credit glued on."""
    live = [ln for ln in lines if ln.text]
    for first, second in itertools.pairwise(live):
        if len(first.text) < 12 or not second.text.startswith(first.text):
            continue
        credit = second.text[len(first.text) :]
        if credit and _CREDIT_TAIL.match(credit) and len(words(credit)) <= 6:
            for ln in (first, second):
                ln.rule = ln.rule or "caption/repeated-with-credit"


def _mark_repeats(lines: list[_Line]) -> None:
    """Repeats of a short non-sentence line above or below the body (a label
    printed twice). Repeated lines inside the body are left: recipes, tables
    and Q&A repeat lines on purpose."""
    seen: set[str] = set()
    for ln in lines:
        if not ln.text:
            continue
        key = ln.key
        if key in seen and ln.rule is None and ln.zone != "body" and not ln.sentence:
            ln.rule = "structure/repeated-line"
        seen.add(key)


def _mark_related_lists(lines: list[_Line]) -> None:
    """Headline-like lines under a "Related" / "Most read" header go with it."""
    live = [ln for ln in lines if ln.text]
    for pos, ln in enumerate(live):
        if ln.rule != "related/list-header":
            continue
        for item in live[pos + 1 : pos + 1 + _RELATED_MAX_ITEMS]:
            if item.sentence or item.rule not in (None, "related/list-header"):
                break
            item.rule = "related/list-item"


def _mark_widget_text(lines: list[_Line], vocabulary: frozenset[str]) -> None:
    """Short lines made only of button and network words ("Share Facebook Email")."""
    for ln in lines:
        if not ln.live or ln.sentence or ln.n_words > 8:
            continue
        tokens = [w.casefold() for w in words(ln.text)]
        if tokens and all(t in vocabulary or t.isdigit() for t in tokens):
            ln.rule = "share/widget-text"


def _take_title(lines: list[_Line], fields: _Fields) -> None:
    """Move the title into its field: the one known from metadata, else the
    headline found above the body. Every line repeating it goes (a page may
    print its headline twice)."""
    if not fields.title:
        headline = _find_headline(lines)
        if headline is None:
            return
        fields.title = headline.text
    key = line_key(fields.title)
    for ln in lines:
        if ln.live and ln.key == key:
            ln.rule, ln.field = "title/headline", "title"


def _find_headline(lines: list[_Line]) -> _Line | None:
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
        if 2 <= ln.n_words <= _MAX_TITLE_WORDS:
            candidates.append(ln)
    strong = [ln for ln in candidates if _is_headline_like(ln)]
    return (strong or candidates or [None])[0]


def _is_headline_like(ln: _Line) -> bool:
    return ln.n_words >= 3 and not _WIDGET_DRESS.search(ln.text) and not is_timestamp_line(ln.text)


def _is_prose(ln: _Line) -> bool:
    """A standfirst or subtitle: several words, mostly in lower case."""
    tokens = words(ln.text)
    lower = sum(1 for t in tokens if t[0].islower())
    return ln.n_words >= _PROSE_MIN_WORDS and lower >= 0.5 * len(tokens)


def _is_data_row(ln: _Line) -> bool:
    tokens = words(ln.text)
    return bool(tokens) and sum(1 for t in tokens if t[0].isdigit()) >= max(2, len(tokens) // 4)


def _is_list_item(ln: _Line) -> bool:
    return bool(_LIST_ITEM.match(ln.text))


def _in_run(live: list[_Line], pos: int, test: Callable[[_Line], bool]) -> bool:
    """Whether ``live[pos]`` and a neighbour both pass ``test`` (a list, a table)."""
    return test(live[pos]) and any(test(other) for other in (live[pos - 1 : pos] + live[pos + 1 : pos + 2]))


def _mark_head_residue(lines: list[_Line], fields: _Fields) -> None:
    """What is left above the body after the headline that is not prose:
    bylines, timestamps, datelines, labels in wordings no rule knows.

    Kept: standfirsts (prose), headline-like lines (the real headline when a
    label was taken for it), lines starting in lower case (a sentence broken
    over lines), and lists or tables that open the article."""
    live = [ln for ln in lines if ln.live]
    for pos, ln in enumerate(live):
        if ln.zone != "head" or ln.sentence or ln.text[0].islower() or _TABLE_ROW.match(ln.text):
            continue
        if _is_prose(ln) or _is_headline_like(ln):
            continue
        if _in_run(live, pos, _is_list_item) or _in_run(live, pos, _is_data_row):
            continue
        ln.rule = "structure/head-residue"
        if fields.date is None and is_timestamp_line(ln.text):
            fields.date, ln.field = iso_date(ln.text), "date"


def _mark_tail_residue(lines: list[_Line]) -> None:
    """Non-prose lines below the body wedged between cruft above and cruft
    running to the end of the page: the unknown items of a footer block
    ("Edited by ...", a tag line). Worked upwards from the end. Three or more
    such lines in a row may be a list that ends the article, and a sentence
    ends the search."""
    visible = [ln for ln in reversed(lines) if ln.text and ln.zone == "tail"]
    run: list[_Line] = []
    cruft_below = False
    for ln in visible:
        if not ln.live:
            if cruft_below and run:
                for item in run:
                    item.rule = "structure/tail-residue"
            run, cruft_below = [], True
            continue
        if ln.sentence or ln.text[0].islower() or _TABLE_ROW.match(ln.text):
            break
        run.append(ln)
        if len(run) > _TAIL_RESIDUE_MAX_RUN:
            break


def _mark_other_stories(lines: list[_Line], body_words: set[str]) -> None:
    """A labelled link to another story ("Label: headline") wedged in the page:
    a headline-shaped line after a label that uses none of the story's words.
    The article's own subheads and labels speak of the story."""
    if not body_words:
        return
    for ln in lines:
        if not ln.live or ln.sentence or not 4 <= ln.n_words <= _MAX_TITLE_WORDS:
            continue
        label, sep, rest = ln.text.partition(":")
        label_words = words(label)
        if not sep or not rest.strip()[:1].isupper() or not 1 <= len(label_words) <= 4:
            continue
        if len(label_words) == 1 and len(label_words[0]) < 3:
            continue  # "Q:", "A:" start the lines of an interview
        if not _content_words(ln.text) & body_words:
            ln.rule = "related/other-story"


def _mark_headline_lists(lines: list[_Line], body_words: set[str]) -> None:
    """A run of headline-like lines under a line already taken as cruft (a
    list header in any wording) is a list of links to other stories when it
    ends the page (only cruft below it, below the body) or when most of its
    items use none of the story's words. A list that is the article's own
    has prose or lower-case items, or speaks of the story, or has no cruft
    header above it."""
    visible = [ln for ln in lines if ln.text]
    pos = 0
    while pos < len(visible):
        end = pos
        while end < len(visible) and visible[end].live and _is_linked_headline(visible[end]):
            end += 1
        run = visible[pos:end]
        if len(run) >= _HEADLINE_LIST_MIN and pos > 0 and visible[pos - 1].rule and run[0].zone != "head":
            ends_page = run[0].zone == "tail" and not any(ln.live for ln in visible[end:])
            elsewhere = sum(1 for ln in run if not _content_words(ln.text) & body_words)
            if ends_page or 2 * elsewhere > len(run):
                for item in run:
                    item.rule = "related/headline-list"
        pos = max(end, pos + 1)


def _is_linked_headline(ln: _Line) -> bool:
    return (
        not ln.sentence
        and 3 <= ln.n_words <= _MAX_TITLE_WORDS
        and ln.text[0].isupper()
        and not _TABLE_ROW.match(ln.text)
    )


def _mark_boilerplate(lines: list[_Line], boilerplate: BoilerplateTest, body_words: set[str]) -> None:
    """Lines recurring in the batch. Furniture shared across sources (a line,
    or a template) never takes what may be the headline: a wire story's
    headline recurs across the outlets that run it (and as a related link on
    other pages), and headlines share templates ("U.S. <...>"). Of the lines
    above the body whose words the article uses, the one using most is
    spared, and any using two or more; a label or a byline ("<name> in
    Tokyo") uses one at most. When no
    line above the body does, the body may seem to start early (at a notice
    no rule knows), so lines near the top are looked at."""
    shared = []
    last_paragraph = max(
        (ln.index for ln in lines if ln.n_words >= _PARAGRAPH_WORDS and ln.sentence), default=-1
    )
    for ln in lines:
        rule = boilerplate(ln.text, ln.sentence) if ln.live else None
        if rule is not None and rule.endswith("-shape") and ln.zone == "body":
            continue  # a loose template: a subhead in the body may share it
        if rule == TEMPLATE_RULE and ln.zone == "body" and _mostly_the_storys(ln, body_words):
            continue  # a subhead may share a template ("U.S. <...>"), but it is made of the story's words
        if rule is not None and rule.endswith("trailer-template") and not 0 <= last_paragraph < ln.index:
            continue  # a page's ending, found before the article has ended
        if rule is not None:
            ln.rule = rule
            if "cross-source" in rule:
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
        shares = [(len(_content_words(ln.text) & body_words), -ln.index, ln) for ln in candidates]
        best = max(shares, key=lambda item: item[:2])[2]
        for count, _, ln in shares:
            if id(ln) in taken and (ln is best or count >= 2):
                ln.rule = None


def _body_words(lines: list[_Line]) -> set[str]:
    """The content words of the body's sentences."""
    body = " ".join(ln.text for ln in lines if ln.live and ln.sentence and ln.n_words >= _BODY_MIN_WORDS)
    return _content_words(body)


def _about_the_story(ln: _Line, body_words: set[str]) -> bool:
    """A short line using the story's words (a headline does; a byline or a label does not)."""
    own = _content_words(ln.text)
    return ln.n_words >= 3 and not ln.sentence and len(own & body_words) >= max(1, len(own) // 3)


def _mostly_the_storys(ln: _Line, body_words: set[str]) -> bool:
    """A line most of whose words (two or more) the story uses: a subhead, not a link."""
    own = _content_words(ln.text)
    shared = len(own & body_words)
    return shared >= 2 and 2 * shared > len(own)


def _first_body(lines: list[_Line]) -> int:
    return next((ln.index for ln in lines if ln.zone != "head"), len(lines))


def _content_words(text: str) -> set[str]:
    """Words long enough to carry a topic, case-folded and cut to a crude stem
    ("criticise", "criticism")."""
    return {w[:5] for w in _LONG_WORD.findall(text.casefold())}


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
    lines = []
    for index, raw in enumerate(text.splitlines()):
        stripped = raw.strip()
        count = word_count(stripped)
        lines.append(_Line(index, raw, stripped, is_sentence(stripped, count), count))
    fields = _Fields(title=title, date=date, author=author)

    # The hint words of the document, found once rather than on every line.
    hints = catalogue.document_hints(text)
    _mark_zones(lines, catalogue, hints)
    _mark_captions(lines)
    _apply_catalogue(lines, catalogue, fields, hints)
    _mark_related_lists(lines)
    _mark_widget_text(lines, catalogue.widget_words)
    _mark_repeats(lines)
    body_words = _body_words(lines)  # what the story is about, for lines that may speak of it
    if boilerplate is not None:
        _mark_boilerplate(lines, boilerplate, body_words)
    _mark_other_stories(lines, body_words)
    _mark_headline_lists(lines, body_words)
    _take_title(lines, fields)
    _mark_head_residue(lines, fields)
    _mark_tail_residue(lines)

    kept = "\n".join(ln.raw.rstrip() for ln in lines if ln.rule is None)
    body = re.sub(r"\n\s*\n\s*\n+", "\n\n", kept).strip()
    removed = [Removal(ln.text, ln.rule, ln.field) for ln in lines if ln.text and ln.rule]
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
