"""Shared passages and their offsets."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.minhash import MinHasher
from cleaner.passages import aligned_passages, passages_between, shared_passages
from cleaner.tokens import token_spans, tokens

from .stories import BANK, FLOOD, quoting, text


def test_quoted_sentences_are_one_passage_with_offsets_into_both_texts() -> None:
    wire = text(BANK)
    quoter = quoting(FLOOD, BANK, slice(2, 5), at=3)
    (passage,) = shared_passages(quoter, wire)
    quoted = "\n".join(BANK[2:5])
    assert passage.text == quoter[passage.a_start : passage.a_end]
    assert tokens(passage.text) == tokens(quoted)
    assert wire[passage.b_start : passage.b_end] == passage.text
    seen_from_wire = passage.swapped(wire)
    assert (seen_from_wire.a_start, seen_from_wire.b_start) == (passage.b_start, passage.a_start)
    assert seen_from_wire.text == wire[passage.b_start : passage.b_end]


def test_passages_between_reuses_spans() -> None:
    a, b = quoting(FLOOD, BANK, slice(0, 2), at=5), text(BANK)
    found = passages_between(a, list(token_spans(a)), list(token_spans(b)), min_words=8)
    assert found == shared_passages(a, b)


def test_preview_cuts_long_passages() -> None:
    (passage,) = shared_passages(text(BANK), text(BANK))
    full = passage.to_dict()
    cut = passage.to_dict(preview=40)
    assert full["text"] == text(BANK).rstrip(".")  # a passage runs from word to word
    assert len(cut["text"]) <= 40 and cut["text"].endswith("…")
    assert cut["a"] == full["a"] == [0, len(text(BANK)) - 1]


def test_aligned_passages_match_the_token_search() -> None:
    hasher = MinHasher()
    wire = text(BANK)
    others = [
        quoting(FLOOD, BANK, slice(2, 5), at=3),
        text(BANK[:6]).replace(" said", " says"),
        text(BANK[5:], BANK[:3]),  # reordered paragraphs
        text(BANK[1], BANK[1], FLOOD[0], BANK[1][:60]),  # a repeated passage
    ]
    for other in others:
        a_spans, b_spans = list(token_spans(other)), list(token_spans(wire))
        aligned = aligned_passages(
            other,
            a_spans,
            hasher.shingle_sequence(tokens(other)),
            b_spans,
            hasher.shingle_sequence(tokens(wire)),
            span=hasher.ngram,
        )
        assert aligned == passages_between(other, a_spans, b_spans)
        assert aligned


def test_aligned_passages_need_passages_at_least_an_ngram_long() -> None:
    with pytest.raises(ValueError, match="n-gram"):
        aligned_passages("a", [], np.empty(0, np.uint32), [], np.empty(0, np.uint32), span=5, min_words=4)
