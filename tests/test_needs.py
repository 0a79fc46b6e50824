"""What a pattern needs (cleaner.needs) never rules out a line the pattern matches."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.needs import _ASCII_FOLDS, _MAX_STRINGS, Need, need_of, vocabulary_of
from cleaner.rulefile import load_catalogue
from cleaner.rules import _PART_SPLIT, trim_decoration

# Pieces of patterns: literals, classes, groups, alternatives, repeats,
# lookarounds and case flags, the constructs need_of reads or must step over.
PIECES = [
    "ab",
    "c",
    "(x|yz)",
    "(?:x|)",
    "[Aa]",
    "[ab]",
    "[^a]",
    r"\w+",
    r"\b",
    "(?:q)?",
    "(?=[^\n]*k)",
    "(?!a)",
    "(?<=b)",
    "[^\n]{0,3}",
    "d{1,2}",
    "(?i:E)",
    "(?-i:e)",
    ".",
    "(a|b(c|d))",
    "(?P<v>ka)",
    "(?P=v)?",
    # Optional openings, digits, short classes, punctuation, characters no
    # ASCII text holds, and those that match ASCII letters when case is ignored.
    "(?:x )?",
    r"\d+",
    "[0-3]",
    ":",
    "#?",
    "(?:©|a)",
    "–",
    "\u212a",
    "\u017f",
    " ",
    r"\s+",
    "( ab)*",
]
TEXT = "abcxyzqkdeAEKS .:#0123–"


def allows(need: Need | None, text: str) -> bool:
    if need is None or not text.isascii():
        return True
    lowered = text.lower()
    return need.met(lowered, tuple(word for word in need.contains if word in lowered))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
    st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), max_size=2),
    st.booleans(),
    st.data(),
)
def test_need_never_rules_out_a_match(first, others, ignore_case, data):
    pattern = "|".join("".join(seq) for seq in [first, *others])
    flags = re.IGNORECASE if ignore_case else 0
    try:
        regex = re.compile(pattern, flags)
    except re.error:
        return  # a back reference to a group the pattern lacks
    need = need_of(pattern, flags)
    # Random lines, and lines made to match (Hypothesis cannot make them for lookarounds).
    texts = data.draw(st.lists(st.text(TEXT, max_size=12), max_size=30))
    if not re.search(r"\(\?<?[=!]", pattern):
        texts += data.draw(st.lists(st.from_regex(regex, fullmatch=True), max_size=10))
    vocabulary = vocabulary_of(pattern, flags)
    for text in texts:
        if regex.fullmatch(text):
            assert allows(need, text), (pattern, text)
            if vocabulary is not None and text.isascii():
                assert vocabulary.issuperset(text.lower().split()), (pattern, text)


def test_builtin_rules_need_what_their_matches_hold():
    catalogue = load_catalogue()
    root = Path(__file__).resolve().parents[1] / "samples"
    lines = {
        trim_decoration(part)
        for path in root.rglob("*.txt")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        for part in [line.strip(), *_PART_SPLIT.split(line.strip())[::2]]
    }
    matched = 0
    for rule in catalogue.rules:
        need = need_of(rule.regex.pattern, rule.regex.flags)
        for line in lines:
            if rule.regex.fullmatch(line):
                matched += 1
                assert allows(need, line), (rule.rule, line)
                words = vocabulary_of(rule.regex.pattern, rule.regex.flags)
                assert words is None or not line.isascii() or words.issuperset(line.lower().split())
    assert matched > 0


def test_opening_words_and_literals():
    need = need_of(r"(?:follow|like) us( on \w+)?|[^\n]{0,40}t\.me/\w+", re.IGNORECASE)
    assert need is not None
    assert need.starts == ("follow us", "like us") and need.contains == {"t.me/"}
    assert need_of(r"[^\n]{0,10}", 0) is None  # nothing literal to look for


def test_ascii_folds_are_the_only_other_characters_matching_ascii():
    """A character outside ASCII matches no ASCII text, case ignored, unless
    _ASCII_FOLDS names it: the needs drop patterns' branches that hold one."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    others = {chr(c) for c in range(0x80, 0x110000) if letters.fullmatch(chr(c))}
    assert others == set(_ASCII_FOLDS)
    for char, letter in _ASCII_FOLDS.items():
        assert re.fullmatch(re.escape(char), letter, re.IGNORECASE)


def test_openings_past_optional_parts_digits_and_symbols():
    need = need_of(r"(?:about )?\d+ min(?:utes)?|(?:©|\(c\)) \w+", re.IGNORECASE)
    assert need is not None
    assert set(need.starts) == {"(c) ", *"0123456789", *(f"about {d}" for d in "0123456789")}
    assert need_of(r"(tags?|[\w ]{2,9}on)\s*:\s*\w+", re.IGNORECASE) == Need(contains=frozenset({":"}))
    assert need_of("©|–", 0) == Need()  # never met: no ASCII text matches
    many = need_of("(?:" + "|".join(f"w{i:03d}" for i in range(300)) + ") x", 0)
    assert many is not None and 0 < len(many.starts) <= _MAX_STRINGS
    assert all(f"w{i:03d}".startswith(many.starts) for i in range(300))


def test_vocabulary_of_a_page_control():
    """A pattern made of word lists gives the words its lines are made of."""
    words = vocabulary_of(r"(share|print|e-?mail)( (this|the) (story|page))?\s*", re.IGNORECASE)
    assert words == {"share", "print", "email", "e-mail", "this", "the", "story", "page"}
    assert vocabulary_of(r"share \w+", 0) is None  # any word may follow
    assert vocabulary_of(r"(a|b){0,50}", 0) is None  # too many words
