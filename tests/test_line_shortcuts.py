"""The shortcuts of the line model answer as the plain definitions do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean_text, dates
from cleaner.decoration import _is_decoration, trim_decoration
from cleaner.lines import word_count, words

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
# Word characters, joiners and spaces, where the word count's patterns meet.
JOINED = st.text(alphabet="ab1_ .-'\t,", max_size=40)
DECORATED = st.text(alphabet="ab1é ·*:.!…|/›»©$–—\u200b\ue000🙂", max_size=12)


@given(st.one_of(ASCII, JOINED))
def test_ascii_word_count_counts_the_words(line: str) -> None:
    assert word_count(line) == len(words(line))


@given(st.one_of(DECORATED, st.text(max_size=12)))
def test_trim_decoration_trims_every_decoration_character(line: str) -> None:
    start, end = 0, len(line)
    while start < end and _is_decoration(line[start]):
        start += 1
    while end > start and _is_decoration(line[end - 1]):
        end -= 1
    assert trim_decoration(line) == line[start:end]


STAMP_WORDS = ["Updated", "today", "TODAY", "Just now", "hier", "3", "12:30", "pm", "March", "ago", "2h", "é"]
STAMPS = st.lists(st.sampled_from(STAMP_WORDS), max_size=6).map(" ".join)


@given(st.one_of(STAMPS, ASCII))
def test_timestamp_lines_without_the_shortcut(line: str) -> None:
    """The digit-or-word test spares the date pattern only lines it would not match."""
    rest, found = dates._DATE_OR_TIME.subn(" ", line)
    expected = bool(found) and len(dates._OTHER_WORD.findall(dates._FILLER.sub(" ", rest))) <= 2
    assert dates.is_timestamp_line(line) == expected


@given(st.one_of(STAMPS, ASCII), st.integers(min_value=0, max_value=3))
def test_remembered_timestamp_answers_are_the_computed_ones(line: str, other_words: int) -> None:
    first = dates.is_timestamp_line(line, other_words=other_words)
    assert dates.is_timestamp_line(line, other_words=other_words) == first
    assert first == (len(line) <= dates._TIMESTAMP_MAX_LENGTH and dates._is_timestamp(line, other_words))


def test_blank_lines_stay_where_they_were() -> None:
    """Blank lines take no part in the passes, yet the paragraphs they part stay parted."""
    body = [
        "Rescue teams searched the flooded valley on Sunday as the river kept rising, officials said.",
        "More than 2,000 people spent the night in schools and sports halls, the regional authority said.",
        "Forecasters expect more rain in the coming days across the whole of the region.",
    ]
    text = "\n\n\nShare this article\n\n" + "\n\n\n".join(body) + "\n\n  \n\nAdvertisement\n\n"
    doc = clean_text(text)
    assert doc.text == "\n\n".join(body)
    assert [r.line for r in doc.removed] == ["Share this article", "Advertisement"]
