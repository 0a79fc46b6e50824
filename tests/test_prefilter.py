"""The signature prefilter: which LSH candidates are verified exactly.

It keeps exactly the pairs agreeing in enough signature values, never loses
a copy, and every engine (one run, split runs through the index) keeps the
same pairs, so they still give the same result.
"""

from __future__ import annotations

import random
from itertools import pairwise
from math import comb
from pathlib import Path

import numpy as np
import pytest

from cleaner.dedup import CANDIDATE_JACCARD, Deduplicator
from cleaner.index import SQLiteStore, add_documents
from cleaner.prefilter import agreement, likely_pairs, min_agreement

from .stories import BANK, FLOOD, STRIKE, quoting, text

STOCK = "The company did not immediately respond to a request for comment on Tuesday evening."


def _at_least(k: int, n: int, p: float) -> float:
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def filler(seed: int, words: int = 120) -> str:
    """Unrelated text of random words with one stock sentence: candidates by
    chance, most agreeing in only one or two signature values."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(3000)]
    return " ".join(rng.choice(vocabulary) for _ in range(words)) + ". " + STOCK


#: Copies, a story quoting another, and chance candidates.
DOCS = [
    ("bank-wire", text(BANK)),
    ("bank-trim", text(BANK[:6])),
    ("flood-wire", text(FLOOD)),
    ("strike-quoting-bank", quoting(STRIKE, BANK, slice(0, 2), 3)),
    ("flood-local", text(FLOOD, ["Residents of the county said the water came up within an hour."])),
    *((f"filler-{n}", filler(n)) for n in range(24)),
]


@pytest.mark.parametrize("similarity", [0.05, 0.1, 0.3])
def test_min_agreement_is_the_most_that_keeps_the_recall(similarity: float) -> None:
    k = min_agreement(similarity, 128)
    assert _at_least(k, 128, similarity) >= 0.9 > _at_least(k + 1, 128, similarity)


def test_min_agreement_at_the_candidate_jaccard_and_with_few_permutations() -> None:
    assert min_agreement(CANDIDATE_JACCARD, 128) == 3
    assert min_agreement(CANDIDATE_JACCARD, 16) == 1  # no count reaches the recall: keep every pair


def test_likely_pairs_keeps_exactly_the_pairs_agreeing_enough() -> None:
    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 4, size=(40, 16), dtype=np.uint32)
    pairs = np.array([(i, j) for i in range(40) for j in range(i + 1, 40)])
    assert likely_pairs(signatures, pairs, 1).tolist() == pairs.tolist()  # LSH pairs agree somewhere
    for k in (2, 4, 6):
        kept = [[i, j] for i, j in pairs.tolist() if (signatures[i] == signatures[j]).sum() >= k]
        assert likely_pairs(signatures, pairs, k).tolist() == kept
    assert agreement(signatures, pairs[:3]).tolist() == [
        int((signatures[i] == signatures[j]).sum()) for i, j in pairs[:3]
    ]
    for width in (12, 128, 256):  # summed eight at a time where a byte cannot overflow, else one by one
        wide = rng.integers(0, 2, size=(40, width), dtype=np.uint32)
        expected = (wide[pairs[:, 0]] == wide[pairs[:, 1]]).sum(axis=1)
        assert agreement(wide, pairs).tolist() == expected.tolist()


def test_copies_and_quotes_pass_chance_candidates_do_not() -> None:
    dedup = Deduplicator()
    signatures, _ = dedup.hasher.sign([t for _, t in DOCS])
    pairs = dedup.lsh.candidate_pairs(signatures)
    kept = {tuple(p) for p in dedup.likely(signatures, pairs).tolist()}
    dropped = {tuple(p) for p in pairs.tolist()} - kept
    assert {(0, 1), (2, 4), (0, 3)} <= kept  # two copies and the quoting story
    assert dropped  # the corpus does exercise the filter
    assert all(a >= 5 and b >= 5 for a, b in dropped)  # only filler pairs go


def test_one_run_clusters_only_the_kept_pairs() -> None:
    dedup = Deduplicator()
    result = dedup.run(DOCS)
    signatures, _ = dedup.hasher.sign([t for _, t in DOCS])
    kept = dedup.likely(signatures, dedup.lsh.candidate_pairs(signatures))
    reuse = {(m.index, link.other) for m in result.members for link in m.reuse}
    assert all((min(a, b), max(a, b)) in {tuple(p) for p in kept.tolist()} for a, b in reuse)
    assert {m.id: m.cluster for m in result.members}["bank-trim"] == "bank-wire"


@pytest.mark.parametrize("split", [1, 4, 12, 20])
def test_split_runs_through_the_index_give_the_result_of_one(tmp_path: Path, split: int) -> None:
    dedup = Deduplicator()
    expected = dedup.run(DOCS)
    store = SQLiteStore(str(tmp_path / "seen.sqlite"))
    last = None
    for part in (DOCS[:split], DOCS[split:]):
        signatures, _ = dedup.hasher.sign([t for _, t in part])
        ids, texts = [i for i, _ in part], [t for _, t in part]
        last = add_documents(store, dedup, ids, texts, [None] * len(part), [None] * len(part), signatures)
    assert {m.id: m.cluster for m in store.memberships()} == {m.id: m.cluster for m in expected.members}
    assert last is not None
    # Neighbour pairs stored are those one run keeps: the stories' reuse links agree too.
    expected_reuse = {m.id: [link.other_id for link in m.reuse] for m in expected.members}
    for member in last.result.members:
        if member.id.startswith(("bank", "strike")):
            assert [link.other_id for link in member.reuse] == expected_reuse[member.id]
    store.close()


def test_a_large_corpus_keeping_only_shared_shingles_gives_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner import corpus

    expected = [m.to_dict() for m in Deduplicator().run(DOCS).members]
    monkeypatch.setattr(corpus, "FILTER_FROM", 0)  # every corpus counts as large
    kept = corpus.Corpus(DOCS, Deduplicator().hasher)
    full = [len(np.unique(d.unique)) for d in (kept.shingled(i) for i in range(len(DOCS)))]
    assert kept.sizes.tolist() == full  # sizes are still those of the whole sets
    assert sum(len(u) for u in kept.uniques) < sum(full)  # shingles of one document are gone
    assert [m.to_dict() for m in Deduplicator().run(DOCS).members] == expected


@pytest.mark.parametrize("large", [False, True])
def test_shingles_kept_from_signing_give_the_same_result(
    monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """The pipeline hands clustering the shingles signing made; the result is
    the one from shingling the texts again, for a large corpus too."""
    from cleaner import corpus

    if large:
        monkeypatch.setattr(corpus, "FILTER_FROM", 0)
    dedup = Deduplicator()
    texts = [t for _, t in DOCS]
    expected = [m.to_dict() for m in dedup.run(DOCS).members]
    signatures, shingles, bounds, words = dedup.hasher.sign_sets(texts)
    sets = [shingles[a:b] for a, b in pairwise(bounds)]
    ids = [i for i, _ in DOCS]
    nothing = [None] * len(DOCS)
    result = dedup.cluster(ids, texts, nothing, nothing, signatures, shingles=(sets, words))
    assert [m.to_dict() for m in result.members] == expected


@pytest.mark.parametrize("bits", [18, 4])  # 4: most lookups collide in the table
def test_shared_counts_of_many_pairs_equal_one_at_a_time(monkeypatch: pytest.MonkeyPatch, bits: int) -> None:
    from cleaner import corpus as module
    from cleaner.corpus import Corpus

    monkeypatch.setattr(module, "_TABLE_BITS", bits)
    docs = [*DOCS, ("empty", ""), ("short", "one two")]
    corpus = Corpus(docs, Deduplicator().hasher)
    n = len(docs)
    pairs = np.array([(a, b) for a in range(n) for b in range(n) if a != b], dtype=np.int64)
    expected = [corpus.shared_count(a, b) for a, b in pairs.tolist()]
    assert corpus.shared_counts(pairs).tolist() == expected
    assert corpus.shared_counts(pairs[::-1]).tolist() == expected[::-1]  # any order
    assert corpus.shared_counts(np.empty((0, 2), dtype=np.int64)).tolist() == []
    # With a count that is enough, a row that may reach it is left uncounted (-1).
    enough = np.array([1 + (k % 40) for k in range(len(pairs))], dtype=np.int64)
    bounded = corpus.shared_counts(pairs, enough).tolist()
    for count, wanted, exact in zip(bounded, enough.tolist(), expected):
        assert count == exact if count != -1 else exact >= 0
        assert count == -1 or exact < wanted
    # With bound, the others get an upper bound that is still below enough.
    bounds = corpus.shared_counts(pairs, enough, bound=True).tolist()
    for count, wanted, exact, before in zip(bounds, enough.tolist(), expected, bounded):
        assert (count == -1) == (before == -1)
        assert count == -1 or exact <= count < wanted


def test_agreeing_signatures_share_a_shingle() -> None:
    """What lets dedup bound the counts of candidates: each MinHash
    permutation is a bijection, so an agreeing value is a shared shingle."""
    from cleaner.corpus import Corpus

    dedup = Deduplicator()
    corpus = Corpus(DOCS, dedup.hasher)
    signatures = dedup.hasher.signatures(corpus.uniques)
    assert (dedup.hasher._a % 2 == 1).all()
    for a in range(len(DOCS)):
        for b in range(a + 1, len(DOCS)):
            if (signatures[a] == signatures[b]).any():
                assert corpus.shared_count(a, b) > 0


@pytest.mark.parametrize("bits", [6, 12, 20])  # 6: most values share a slot
def test_seen_twice_marks_the_slots_of_more_than_one_call_or_repeats(bits: int) -> None:
    from cleaner.seen import SeenTwice

    rng = np.random.default_rng(bits)
    seen, calls = SeenTwice(bits), []
    for k in range(40):
        values = rng.integers(0, 1 << 32, size=int(rng.integers(0, 300)), dtype=np.uint64).astype(np.uint32)
        if k % 4 == 0:
            values = np.concatenate([values, values[:3]])  # repeats within a call count as twice
        seen.add(values)
        calls.append(values & np.uint32((1 << bits) - 1))
    counted: dict[int, int] = {}
    for values in calls:
        slots, times = np.unique(values, return_counts=True)
        for slot, count in zip(slots.tolist(), times.tolist()):
            counted[slot] = counted.get(slot, 0) + count
    probe = np.concatenate([*calls, rng.integers(0, 1 << 32, size=200, dtype=np.uint64).astype(np.uint32)])
    expected = [counted.get(int(v) & ((1 << bits) - 1), 0) > 1 for v in probe.tolist()]
    seen.done()
    assert seen.twice(probe).tolist() == expected


@pytest.mark.parametrize("seed", range(6))
def test_lsh_counting_agreement_keeps_what_likely_keeps(seed: int) -> None:
    """Counted as they are found, the pairs kept are those likely_pairs keeps
    of all candidates: also where buckets are too large to pair all members
    (few distinct values), and where bands are not single values."""
    from cleaner.lsh import BandedLSH

    rng = np.random.default_rng(seed)
    n = 300
    signatures = rng.integers(0, [3, 40][seed % 2], size=(n, 16)).astype(np.uint32)
    valid = rng.random(n) > 0.1
    for lsh, agreeing in ((BandedLSH(16, 1), 2), (BandedLSH(16, 1), 5), (BandedLSH(8, 2), 3)):
        expected = likely_pairs(signatures, lsh.candidate_pairs(signatures, valid), agreeing)
        assert lsh.candidate_pairs(signatures, valid, agreeing=agreeing).tolist() == expected.tolist()
