"""Signatures and banding agree with datasketch."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import BandedLSH, MinHasher
from cleaner.shingling import scan_tokens
from cleaner.tokens import tokens

TEXTS = [
    "The central bank raised its main interest rate by half a point on Tuesday, officials said.",
    "The central bank raised its main interest rate by half a point on Tuesday, analysts said.",
    "A storm hit the coast on Monday and thousands of homes lost power for several hours.",
    "",
    "东京电力公司周二表示，核电站的冷却系统已经恢复正常运行。",
]


def datasketch_signature(hasher: MinHasher, words: list[str]) -> np.ndarray:
    m = MinHash(num_perm=hasher.num_perm, seed=hasher.seed, hashfunc=hasher.shingle_hash, scheme="affine32")
    span = min(hasher.ngram, len(words))
    if words:
        m.update_batch([tuple(words[i : i + span]) for i in range(len(words) - span + 1)])
    return m.hashvalues


def test_signatures_equal_datasketch_bit_for_bit() -> None:
    hasher = MinHasher(num_perm=64, seed=7, ngram=3)
    words = [tokens(t) for t in TEXTS]
    ours = hasher.signatures([hasher.shingles(w) for w in words])
    for row, w in zip(ours, words):
        assert np.array_equal(row, datasketch_signature(hasher, w))


def test_lean_minhash_goes_into_datasketch_lsh() -> None:
    hasher = MinHasher(num_perm=128)
    sigs = hasher.signatures([hasher.shingles(tokens(t)) for t in TEXTS[:3]])
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, sig in enumerate(sigs):
        lsh.insert(str(i), hasher.lean_minhash(sig))
    assert set(lsh.query(hasher.lean_minhash(sigs[0]))) == {"0", "1"}


def test_banded_candidates_match_datasketch_lsh() -> None:
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(40, 128), dtype=np.uint64).astype(np.uint32)
    sigs = base.copy()
    sigs[1::2] = base[::2]  # every odd row copies the row before
    sigs[1::2, ::3] = rng.integers(0, 2**32, size=sigs[1::2, ::3].shape, dtype=np.uint64).astype(np.uint32)
    ours = BandedLSH(bands=32, rows=4)
    lsh = MinHashLSH(num_perm=128, params=(32, 4))
    hasher = MinHasher(num_perm=128)
    for i, sig in enumerate(sigs):
        lsh.insert(i, hasher.lean_minhash(sig))
    theirs = {
        (min(i, j), max(i, j))
        for i, sig in enumerate(sigs)
        for j in lsh.query(hasher.lean_minhash(sig))
        if i != j
    }
    assert {tuple(p) for p in ours.candidate_pairs(sigs).tolist()} == theirs


def test_constructor_fails_fast() -> None:
    import pytest

    with pytest.raises(ValueError, match="num_perm"):
        MinHasher(num_perm=1)
    with pytest.raises(ValueError, match="ngram"):
        MinHasher(ngram=0)


# Characters that exercise every path of the fast tokeniser: ASCII word and
# punctuation bytes, apostrophes and backticks, typography with ASCII
# stand-ins, accented letters, marks, CJK, Thai, Arabic, symbols and emoji.
ALPHABET = "aZ09_ '`.,-\n\t’‘“”—–…é\u0301ñßæ©•€½东京のไทยعربي\u064e😀\u200d\ufe0f\u00a0Ωµ"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fast_tokens_equal_tokens(text: str) -> None:
    assert scan_tokens(text) == tokens(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=60), max_size=6), st.integers(1, 6))
def test_batch_signing_equals_one_at_a_time(texts: list[str], ngram: int) -> None:
    hasher = MinHasher(num_perm=16, ngram=ngram)
    signatures, sizes = hasher.sign(texts)
    shingle_sets = [hasher.shingles(tokens(t)) for t in texts]
    assert np.array_equal(signatures, hasher.signatures(shingle_sets))
    assert sizes.tolist() == [len(s) for s in shingle_sets]


def test_sign_matches_datasketch_on_news() -> None:
    hasher = MinHasher(num_perm=128)
    signatures, sizes = hasher.sign(TEXTS)
    for row, size, text in zip(signatures, sizes, TEXTS):
        words = tokens(text)
        assert np.array_equal(row, datasketch_signature(hasher, words))
        assert size == len(hasher.shingles(words))


def test_windowed_token_hashes_equal_one_pass(monkeypatch) -> None:
    """Long buffers are hashed a window at a time; the hashes are the same."""
    from cleaner import shingling

    buffer = np.frombuffer(
        b"\0".join(f"story {i} of wire copy, day {i % 7}".encode() for i in range(400)), np.uint8
    )
    starts, ends = shingling._scan(buffer)
    whole = shingling.span_hashes(buffer, starts, ends)
    monkeypatch.setattr(shingling, "_WINDOW", 97)
    assert (shingling.span_hashes(buffer, starts, ends) == whole).all()


def test_sign_sets_keeps_the_shingles_it_signed() -> None:
    hasher = MinHasher()
    texts = [*TEXTS, "", "one", "two words"]
    signatures, sizes = hasher.sign(texts)
    kept, shingles, bounds, words = hasher.sign_sets(texts)
    assert np.array_equal(signatures, kept) and np.array_equal(np.diff(bounds), sizes)
    for i, text in enumerate(texts):
        assert np.array_equal(shingles[bounds[i] : bounds[i + 1]], hasher.shingles(tokens(text)))
        assert words[i] == len(tokens(text))


@pytest.mark.parametrize("kept", [1 << 16, 100])  # 100: a sort every band or two
def test_one_row_bands_sorted_together_find_each_bands_pairs(
    monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    from cleaner import lsh as module

    monkeypatch.setattr(module, "_KEPT", kept)
    rng = np.random.default_rng(5)
    signatures = rng.integers(0, 60, size=(300, 16), dtype=np.uint32)
    signatures[:, 3] = rng.integers(0, 2, size=300)  # buckets of ~150: chained through their first
    ours = BandedLSH(bands=16, rows=1)
    index = np.arange(300)
    for valid in (index >= 0, index % 7 != 0):
        rows, docs = signatures[valid], index[valid]
        per_band = [module.bucket_pairs(ours.band_key(rows, band), docs) for band in range(16)]
        expected = np.unique(np.concatenate(per_band), axis=0)
        assert ours.candidate_pairs(signatures, valid=valid).tolist() == expected.tolist()
