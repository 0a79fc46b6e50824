"""Exact overlap, coverage and the copy rule."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.minhash import MinHasher
from cleaner.overlap import (
    CopyRule,
    Shingled,
    confirmed_share,
    confirmed_shares,
    covered_runs,
    covered_words,
    merged_shares,
    overlap,
    overlaps,
    shingled,
)
from cleaner.tokens import tokens

from .stories import BANK, FLOOD, STRIKE, quoting, text

HASHER = MinHasher()


def sh(value: str) -> Shingled:
    return shingled(HASHER, tokens(value))


def test_shingle_sequence_keeps_order_and_repeats() -> None:
    hasher = MinHasher(ngram=3)
    words = ["a", "b", "c", "a", "b", "c", "a", "b", "c"]
    sequence = hasher.shingle_sequence(words)
    assert len(sequence) == len(words) - 2
    assert sequence[0] == sequence[3] == sequence[6] != sequence[1]
    assert np.array_equal(np.unique(sequence), hasher.shingles(words))


def test_coverage_shrugs_off_light_edits_that_break_shingles() -> None:
    wire = text(BANK)
    edited = wire.replace(" said", " says").replace("percent", "pct")
    o = overlap(sh(edited), sh(wire))
    assert o.coverage_ab > 0.9
    assert o.containment_ab < o.coverage_ab - 0.1


def test_trimmed_copy_copies_the_original_not_the_reverse() -> None:
    o = overlap(sh(text(BANK[:4])), sh(text(BANK)))
    assert o.coverage_ab == 1.0
    assert o.coverage_ba < 0.5
    assert CopyRule().copies(o) == (True, False)


def test_copy_with_local_lines_is_still_a_copy() -> None:
    local = ["Homeowners in the county told this newspaper they feared higher repayments."]
    o = overlap(sh(text(BANK[:6], local)), sh(text(BANK)))
    assert CopyRule().copies(o)[0]


def test_story_quoting_wire_sentences_is_no_copy_either_way() -> None:
    o = overlap(sh(quoting(FLOOD, BANK, slice(2, 5), at=3)), sh(text(BANK)))
    assert CopyRule().copies(o) == (False, False)
    assert o.run_ab == o.words_ab > 60  # one passage: the three quoted sentences


def test_mostly_quoted_short_story_copies_the_quoter_on_its_own() -> None:
    # Pairwise, a short story quoted at length inside a longer one "copies" it;
    # only the cluster step (the centre must be the story) keeps them apart.
    o = overlap(sh(text(STRIKE)), sh(quoting(FLOOD, STRIKE, slice(1, 5), at=4)))
    assert CopyRule().copies(o) == (True, False)


def test_jaccard_floor_keeps_a_snippet_of_a_long_story_out() -> None:
    o = overlap(sh(BANK[0]), sh(text(BANK, FLOOD, STRIKE)))
    assert o.coverage_ab == 1.0
    assert CopyRule().copies(o) == (False, False)
    assert CopyRule(min_jaccard=0.01).copies(o) == (True, False)


def test_document_shorter_than_an_ngram() -> None:
    short = sh("Storm warning issued")
    assert short.words == 3 and short.span == 3 and len(short.sequence) == 1
    assert covered_words(short, short.unique).all()
    assert overlap(short, sh("Storm warning issued today for the coast")).shared == 0


def test_confirmed_share_counts_the_lead_when_asked() -> None:
    wire = sh(text(BANK))
    copies = [sh(text(BANK[:2])), sh(text(BANK[1:3]))]
    assert confirmed_share(wire, copies) < 0.5
    assert confirmed_share(wire, copies, lead=30) == 1.0
    assert confirmed_share(wire, []) == 0.0


def test_copy_rule_checks_its_settings() -> None:
    with pytest.raises(ValueError, match="coverage"):
        CopyRule(coverage=0)
    with pytest.raises(ValueError, match="min_jaccard"):
        CopyRule(min_jaccard=1.5)
    with pytest.raises(ValueError, match="min_words"):
        CopyRule(min_words=0)


def test_a_changed_word_stays_inside_its_passage_but_an_added_clause_does_not() -> None:
    sentence = BANK[1]
    edited = sentence.replace("smaller rise of a quarter", "modest rise of a half")  # two words changed
    assert overlap(sh(edited), sh(sentence)).coverage_ab == 1.0
    added = sentence.replace("for the move", "for the move, which surprised almost every analyst in the city")
    o = overlap(sh(added), sh(sentence))
    assert o.words_ab == len(tokens(sentence)) < len(tokens(added))


def _mask_coverage(doc: Shingled, shared: np.ndarray) -> np.ndarray:
    """The word mask built directly: every shared n-gram's words, then every
    gap of at most ``span`` words between two covered runs."""
    covered = np.zeros(doc.words, dtype=bool)
    for i, value in enumerate(doc.sequence.tolist()):
        if value in set(shared.tolist()):
            covered[i : i + doc.span] = True
    edges = np.flatnonzero(np.diff(np.concatenate(([0], covered.view(np.int8), [0]))))
    starts, ends = edges[::2], edges[1::2]
    for gap_start, gap_end in zip(ends[:-1], starts[1:]):
        if gap_end - gap_start <= doc.span:
            covered[gap_start:gap_end] = True
    return covered


@given(
    st.lists(st.integers(0, 5), min_size=0, max_size=60),
    st.lists(st.integers(0, 5), min_size=0, max_size=60),
    st.integers(1, 6),
)
@settings(max_examples=300, deadline=None)
def test_covered_words_from_runs_equal_the_word_mask(a: list[int], b: list[int], ngram: int) -> None:
    hasher = MinHasher(ngram=ngram)
    doc, other = (shingled(hasher, [f"w{x}" for x in words]) for words in (a, b))
    shared = np.intersect1d(doc.unique, other.unique)
    expected = _mask_coverage(doc, shared)
    assert np.array_equal(covered_words(doc, shared), expected)
    o = overlap(doc, other)
    runs = np.diff(np.flatnonzero(np.diff(np.concatenate(([0], expected.view(np.int8), [0])))))[::2]
    assert (o.words_ab, o.run_ab) == (int(expected.sum()), int(runs.max()) if len(runs) else 0)


@given(
    st.lists(st.integers(0, 6), min_size=0, max_size=50),
    st.lists(st.lists(st.integers(0, 6), max_size=40), max_size=4),
    st.integers(1, 4),
    st.integers(1, 60),
)
@settings(max_examples=200, deadline=None)
def test_confirmed_shares_equal_the_word_mask(
    words: list[int], others: list[list[int]], ngram: int, lead: int
) -> None:
    hasher = MinHasher(ngram=ngram)
    doc = shingled(hasher, [f"w{x}" for x in words])
    sets = [shingled(hasher, [f"w{x}" for x in other]).unique for other in others]
    whole, first = confirmed_shares(doc, sets, lead=lead)
    if not doc.words or not sets:
        assert (whole, first) == (0.0, 0.0)
        return
    shared = np.unique(np.concatenate([np.intersect1d(doc.unique, s) for s in sets]))
    covered = _mask_coverage(doc, shared)
    assert (whole, first) == (float(covered.mean()), float(covered[:lead].mean()))
    assert confirmed_share(doc, sets) == whole and confirmed_share(doc, sets, lead=lead) == first
    # The same from the runs shared with each of the others, merged (what clustering does).
    runs = []
    for values in sets:
        starts, ends = covered_runs(doc, np.intersect1d(doc.unique, values))
        runs.append((starts.tolist(), ends.tolist()))
    assert merged_shares(runs, doc.words, doc.span, lead=lead) == (whole, first)


@given(
    st.lists(st.lists(st.integers(0, 6), max_size=50), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12),
    st.integers(1, 5),
    st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_overlaps_at_once_equal_overlap_one_by_one(
    texts: list[list[int]], picks: list[tuple[int, int]], ngram: int, foreign_set: bool
) -> None:
    hasher = MinHasher(ngram=ngram)
    docs = [shingled(hasher, [f"w{x}" for x in words]) for words in texts]
    if foreign_set:  # a set that is not its sequence's must not mislead the batch
        doc = docs[0]
        extra = np.union1d(doc.unique, [1, 2, 3]).astype(np.uint32)
        docs[0] = Shingled(doc.sequence, extra, doc.words, doc.span)
    pairs = [(docs[a % len(docs)], docs[b % len(docs)]) for a, b in picks]
    for (a, b), (o, runs_a, runs_b) in zip(pairs, overlaps(pairs), strict=True):
        assert o == overlap(a, b)
        shared = np.intersect1d(a.unique, b.unique)
        for doc, runs in ((a, runs_a), (b, runs_b)):
            starts, ends = covered_runs(doc, shared)
            assert runs == (starts.tolist(), ends.tolist())


def test_signing_keeps_the_shingles_verification_would_make_again() -> None:
    """The shingles in text order that signing spills (SequenceSpill) are the
    ones a corpus makes again from the texts: measured pairs agree either way."""
    from cleaner.corpus import Corpus
    from cleaner.spill import SequenceSpill
    from cleaner.tokens import scan_text

    hasher = MinHasher(num_perm=64, seed=1)
    texts = [text(BANK), text(FLOOD), text(BANK) + " A short note.", "", "Two words", text(STRIKE)]
    orders: list[tuple[np.ndarray, np.ndarray]] = []
    data, sizes = scan_text(texts)
    _, shingles, bounds, words = hasher.sign_scanned(data, sizes, orders)
    spill = SequenceSpill()
    for values, value_bounds in orders:
        spill.extend(values, value_bounds)
    sets = [shingles[a:b] for a, b in pairwise(bounds.tolist())]
    ids = [str(i) for i in range(len(texts))]
    none = [None] * len(texts)
    plain = Corpus.from_columns(ids, texts, none, none, hasher, (sets, words))
    spilled = Corpus.from_columns(ids, texts, none, none, hasher, (sets, words), spill)
    pairs = [(0, 2), (0, 1), (3, 4), (4, 5), (2, 5)]
    for index in range(len(texts)):
        np.testing.assert_array_equal(spilled.shingled(index).sequence, plain.shingled(index).sequence)
        assert spilled.shingled(index).words == plain.shingled(index).words
    assert [m[0] for m in spilled.measure(pairs)] == [m[0] for m in plain.measure(pairs)]
    spill.close()
