"""The fast rule engine (hint words found per document, steps indexed by hint
word) answers exactly as the plain one: every rule tried in order, each hint
word tested on the line."""

from __future__ import annotations

import dataclasses
import re

import pytest

from cleaner import clean_text
from cleaner.hints import HintFinder
from cleaner.hintscan import LiteralScanner
from cleaner.rulefile import load_catalogue
from cleaner.rules import (
    _PART_SPLIT,
    _SENTENCE_SPLIT,
    Catalogue,
    Match,
    Rule,
    _to_match,
    trim_decoration,
)

# Lines that stress the shortcuts: hint words in the decoration trimmed away,
# inside longer words, across spaces, in scripts whose lower case changes
# length or depends on context (final sigma), sentence-split lines.
TRICKY = [
    "Share this article",
    "✉ Share this article ›",
    "› Follow us on Twitter ›",
    "Follow us on Twitter. Sign up for our newsletter.",
    "Support local journalism. Donate today.",
    "By Jane Doe | Reuters",
    "BY JANE DOE, STAFF WRITER",
    "Business news » Markets",
    "Home > World > Europe",
    "© 2024 Reuters. All rights reserved.",
    "(c) Copyright 2024 ΑΘΗΝΑΣ. Όλα τα δικαιώματα.",
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ",
    "İSTANBUL (Reuters) - Turkish lira fell",
    "Reporting by İpek Yılmaz; Editing by Ο ΚΑΣ",
    "Sign\u00a0in to comment",
    "Log in\tor register",
    "Read more at example.com/news",
    "t.me/newsroom",
    "wa.me/123",
    "Photo: AP",
    "PHOTO: Getty Images / AFP",
    "",
    "   ",
    "ǅ ǈ ǋ Ǳ ﬁ ß",
    "The company said on Monday that profits rose 12 percent from a year earlier.",
    "Shares of the company fell 3 percent after it reported lower sales.",
    # Sentences no step may match (see Plan.hopeless), and some that might:
    # a need met by a later sentence only, by the opening words, by a hint.
    "The company said profits rose. Sign up for our newsletter.",
    "Get our newsletter in your inbox.",
    "Copyright 2024 The Daily Planet, all rights reserved.",
    "He said the app would be ready. It was not.",
    "Create a free account to keep reading.",
    "Contact the newsroom.",
    # Needs read past optional openings, digits and punctuation, and the
    # words of word-list patterns (page controls): one line of them each,
    # and lines a sentence split makes into them.
    "Share Print Email",
    "Share. Print.",
    "Share this story with a friend",
    "3 min read",
    "About 5 min read",
    "Reading time: 4 minutes",
    "(AP Photo/Jane Doe)",
    "Photo: Jane Doe/AP",
    "Tags: Politics, Economy",
    "#politics #economy",
    "Click to copy link",
    "Accept all cookies",
    "Updated 3 hours ago",
]


def plain_match(catalogue: Catalogue, line: str, zone: str | None, sentence: bool) -> Match | None:
    """The reference: the rules one by one, no index, no shortcut."""

    def whole(text: str, allowed: list[str] | None) -> Match | None:
        lowered = text.lower()
        for rule in catalogue.rules:
            if (sentence and not rule.sentences) or (zone is not None and rule.where not in ("any", zone)):
                continue
            if rule.hint and not any(h in lowered and (allowed is None or h in allowed) for h in rule.hint):
                continue
            found = rule.regex.fullmatch(text)
            if found is not None:
                return _to_match(rule, found, "")
        return None

    text = trim_decoration(line)
    if not text:
        return None
    found = whole(text, None)
    pieces = (_SENTENCE_SPLIT if sentence else _PART_SPLIT).split(text)  # parts, and the breaks between them
    parts, labels = pieces[::2], any(brk.strip() for brk in pieces[1::2])
    if found is None and len(parts) > 1:
        lowered = text.lower()
        allowed = [h for rule in catalogue.rules for h in rule.hint if h in lowered]
        first = None
        for part in parts:
            matched = whole(trim_decoration(part), allowed)
            if matched is None or (labels and matched.field is not None):
                return None
            first = first or matched
        found = first
    return found


def catalogues() -> list[Catalogue]:
    base = load_catalogue()
    odd = [dataclasses.replace(r, hint=("", "σ", "i̇", " ")) for r in base.rules[:5]]
    odd.append(Rule("odd", "greek", re.compile(r"ΟΔΟΣ \w+", re.I), hint=("ς", "οδοσ"), pattern=r"ΟΔΟΣ \w+"))
    odd.append(Rule("odd", "split", re.compile(r"sign in .*", re.I), hint=("sign in",), pattern="sign in .*"))
    return [
        base,
        Catalogue([dataclasses.replace(r, hint=()) for r in base.rules], base.vocab),
        Catalogue(odd + base.rules[5:], base.vocab),
    ]


def with_search(catalogue: Catalogue, scan: bool) -> Catalogue:
    """A fresh copy of ``catalogue`` (no remembered answers) finding document
    hint words with Hyperscan (when installed) or with the pure-Python search."""
    fresh = Catalogue(catalogue.rules, catalogue.vocab)
    fresh._hints = HintFinder(fresh._hints.words, scan=scan)
    return fresh


@pytest.mark.parametrize("scan", [True, False], ids=["hyperscan-if-installed", "pure-python"])
@pytest.mark.parametrize("catalogue", catalogues(), ids=["builtin", "no-hints", "odd-hints"])
def test_fast_match_equals_plain_match(catalogue: Catalogue, scan: bool) -> None:
    document = "\n".join(TRICKY)
    hints = with_search(catalogue, scan).document_hints(document)
    for line in TRICKY:
        stripped = line.strip()
        for zone in (None, "head", "body", "tail"):
            for sentence in (False, True):
                expected = plain_match(catalogue, stripped, zone, sentence)
                fresh = Catalogue(catalogue.rules, catalogue.vocab)  # no remembered answers
                assert fresh.match(stripped, zone=zone, sentence=sentence) == expected
                fresh = Catalogue(catalogue.rules, catalogue.vocab)
                assert fresh.match(stripped, zone=zone, sentence=sentence, hints=hints) == expected
                fresh = Catalogue(catalogue.rules, catalogue.vocab)
                assert fresh.match_all([stripped], zone=zone, sentence=sentence, hints=hints) == [expected]


@pytest.mark.parametrize("scan", [True, False], ids=["hyperscan-if-installed", "pure-python"])
def test_document_hints_cover_every_line(scan: bool) -> None:
    catalogue = with_search(load_catalogue(), scan)
    for document in ("\n".join(TRICKY), "ΑΣ\nfollow us", "ΟΔΟΣ\nFOLLOW US", "lone \ud800 surrogate by"):
        hints = set(catalogue.document_hints(document))
        for line in document.splitlines():
            lowered = trim_decoration(line.strip()).lower()
            assert {h for rule in catalogue.rules for h in rule.hint if h in lowered} <= hints


@pytest.mark.parametrize("scan", [True, False], ids=["hyperscan-if-installed", "pure-python"])
def test_clean_text_unchanged_by_document_hints(scan: bool) -> None:
    text = "\n".join(TRICKY)
    catalogue = load_catalogue()
    fast = clean_text(text, catalogue=with_search(catalogue, scan))
    # Every hint word offered to every line: the plain search.
    slow_catalogue = Catalogue(catalogue.rules, catalogue.vocab)
    slow_catalogue.document_hints = lambda text: slow_catalogue._hints.words  # type: ignore[method-assign]
    slow = clean_text(text, catalogue=slow_catalogue)
    assert fast == slow


def test_both_searches_cover_the_same_words() -> None:
    """Hyperscan finds exactly the words in the text; the pure search may add
    a spaced word whose parts occur apart, never drop one."""
    words = load_catalogue()._hints.words
    scanner = LiteralScanner.build(words)
    if scanner is None:
        pytest.skip("hyperscan not installed")
    pure = HintFinder(words, scan=False)
    for text in [*TRICKY, "\n".join(TRICKY), "sign here in", "Log in\u00a0now"]:
        lowered = text.lower()
        exact = {w for w in words if w in lowered}
        assert scanner.present(lowered) == exact
        assert exact <= set(pure.in_document(text))


def test_hint_finder_pickles_without_its_scanner() -> None:
    import pickle

    finder = HintFinder(["us", "follow"])
    assert finder.in_document("Follow us") == ("follow", "us")
    copy = pickle.loads(pickle.dumps(finder))
    assert copy.in_document("Follow us") == ("follow", "us")


def test_candidate_steps_are_those_whose_need_is_met() -> None:
    """On ASCII lines only the steps whose need is met are tried: those whose
    opening words open the line, or whose needed words it holds; and of
    those, only the ones with a hint word in it."""
    opening, inner = r"follow us on \w+", r".{0,20}t\.me/\w+"
    rules = [
        Rule("t", "opening", re.compile(opening, re.I), hint=("follow",), pattern=opening),
        Rule("t", "inner", re.compile(inner, re.I), hint=("t.me",), pattern=inner),
        Rule("t", "any", re.compile(r"\w+ \w+ ?\w*", re.I), pattern=r"\w+ \w+ ?\w*"),
    ]
    catalogue = Catalogue(rules)
    plan = catalogue._plan("head", False, False)
    words = catalogue._hints.words
    names = [
        [next(iter(step.rules.values())).name for step in plan.candidates(line, words)]
        for line in (
            "follow us on twitter",
            "join us at t.me/news",
            "we follow the news on t.me",  # "t.me/" is needed
            "follow the t.me/news",  # not "follow us on"
            "the company said profits rose",
        )
    ]
    assert names == [["opening", "any"], ["inner", "any"], ["any"], ["inner", "any"], ["any"]]
    assert catalogue.match("Follow us on Twitter", zone="head", sentence=False) == Match("t/opening")
    assert catalogue.match("Join us: t.me/news", zone="head", sentence=False) == Match("t/inner")
    # A step whose need is met is still only tried with one of its hint words.
    hinted = Catalogue([Rule("t", "hinted", re.compile(opening, re.I), hint=("twitter",), pattern=opening)])
    assert not hinted._plan("head", False, False).candidates("follow us on facebook", hinted._hints.words)
    assert hinted.match("Follow us on Facebook", zone="head", sentence=False) is None
    assert hinted.match("Follow us on Twitter", zone="head", sentence=False) == Match("t/hinted")
