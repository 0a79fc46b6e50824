"""Wire-copy clusters: copies in, quoters out, every merge explained."""

from __future__ import annotations

import random

import numpy as np
import pytest

from cleaner import Deduplicator, DedupResult, Document, Member
from cleaner.prefilter import likely_pairs
from cleaner.reuse import STOCK_STORIES
from cleaner.tokens import tokens

from .stories import ARABIC, ARABIC_OTHER, BANK, CHINESE, CHINESE_OTHER, FLOOD, STRIKE, quoting, text

LOCAL = [
    "Homeowners in the county told this newspaper they feared higher repayments.",
    "The local building society said it would write to its members next week.",
]


def run(docs: list[tuple[str, str]], **options: object) -> DedupResult:
    return Deduplicator(**options).run(docs)  # type: ignore[arg-type]


def cluster_of(result: DedupResult) -> dict[str, str]:
    return {m.id: m.cluster for m in result.members}


def member(result: DedupResult, doc_id: str) -> Member:
    return next(m for m in result.members if m.id == doc_id)


def test_trimmed_and_extended_copies_join_and_a_quoter_does_not() -> None:
    docs = [
        ("wire", text(BANK)),
        ("trimmed", text("Rates up again as prices bite", BANK[:4])),
        ("extended", text(BANK, LOCAL)),
        ("quoter", quoting(FLOOD, BANK, slice(2, 5), at=3)),
        ("strike", text(STRIKE)),
    ]
    result = run(docs)
    clusters = cluster_of(result)
    assert clusters["wire"] == clusters["trimmed"] == clusters["extended"]
    assert len({clusters["wire"], clusters["quoter"], clusters["strike"]}) == 3
    assert len(result.clusters) == 3


def test_every_merge_carries_its_scores_and_passages() -> None:
    docs = [
        ("wire", text(BANK)),
        ("trimmed", text("Rates up again as prices bite", BANK[:4])),
        ("edited", text(BANK[:7]).replace(" said", " says")),
    ]
    result = run(docs)
    texts = dict(docs)
    (cluster,) = result.clusters
    centre = result.ids[cluster.centre]
    assert {result.ids[p.a] for p in cluster.pairs} == set(texts) - {centre}
    for m in result.members:
        if m.id == centre:
            assert m.match is None and m.similarity == 1.0
            continue
        assert m.match is not None and m.match.other_id == centre == m.centre
        assert m.similarity == m.match.overlap.coverage_ab >= 0.5
        assert m.match.overlap.jaccard >= 0.1
        assert m.match.passages
        for p in m.match.passages:
            assert texts[m.id][p.a_start : p.a_end] == p.text
            assert tokens(texts[centre][p.b_start : p.b_end]) == tokens(p.text)
        record = m.to_dict()
        assert record["match"]["id"] == centre
        assert {"jaccard", "containment", "coverage", "other_coverage", "passages"} <= set(record["match"])


def test_partial_reuse_is_reported_both_ways_with_offsets() -> None:
    quoter = quoting(FLOOD, BANK, slice(2, 5), at=3)
    docs = [("wire", text(BANK)), ("quoter", quoter), ("strike", text(STRIKE))]
    result = run(docs)
    texts = dict(docs)
    (link,) = member(result, "quoter").reuse
    assert link.other_id == "wire"
    (passage,) = link.passages
    assert tokens(quoter[passage.a_start : passage.a_end]) == tokens(text(BANK[2:5]))
    assert tokens(texts["wire"][passage.b_start : passage.b_end]) == tokens(text(BANK[2:5]))
    (back,) = member(result, "wire").reuse
    assert back.other_id == "quoter"
    assert (back.passages[0].a_start, back.passages[0].b_start) == (passage.b_start, passage.a_start)
    assert member(result, "strike").reuse == []


def test_quoter_containing_a_whole_trimmed_copy_does_not_lead_its_cluster() -> None:
    docs = [
        ("wire", text(BANK)),
        ("brief", text(BANK[:3])),
        ("quoter", quoting(FLOOD, BANK, slice(0, 4), at=3)),  # holds the brief entirely
    ]
    clusters = cluster_of(run(docs))
    assert clusters["brief"] == clusters["wire"] != clusters["quoter"]


def test_short_story_mostly_quoted_in_a_longer_one_stays_apart() -> None:
    # Four of the strike story's six sentences inside a flood story: the strike
    # story is mostly inside the flood story, but the flood story is no copy of
    # it, and it cannot lead a cluster either (its own lead is not the strike).
    docs = [("strike", text(STRIKE)), ("flood", quoting(FLOOD, STRIKE, slice(1, 5), at=4))]
    result = run(docs)
    assert len(result.clusters) == 2
    assert [link.other_id for link in member(result, "strike").reuse] == ["flood"]


def test_lone_trimmed_copy_keeping_the_lead_joins_its_original() -> None:
    result = run([("wire", text(BANK)), ("brief", text(BANK[:3], LOCAL[:1]))])
    assert len(result.clusters) == 1
    assert member(result, "brief").centre == "wire"


def test_a_digest_never_joins_two_stories() -> None:
    digest = text("Here is the news at noon.", BANK[:2], STRIKE[:2], FLOOD[:2])
    docs = [
        ("bank", text(BANK)),
        ("bank copy", text(BANK[:6])),
        ("strike", text(STRIKE)),
        ("strike copy", text(STRIKE[:4])),
        ("digest", digest),
    ]
    clusters = cluster_of(run(docs))
    assert clusters["bank"] == clusters["bank copy"]
    assert clusters["strike"] == clusters["strike copy"]
    assert clusters["bank"] != clusters["strike"]
    assert clusters["digest"] not in {clusters["bank"], clusters["strike"]}


class FixedCandidates:
    """An LSH stand-in that proposes only the given pairs."""

    def __init__(self, pairs: list[tuple[int, int]]):
        self.pairs = np.array(pairs, dtype=np.int64)

    def candidate_pairs(
        self, signatures: np.ndarray, valid: np.ndarray | None = None, *, agreeing: int = 1
    ) -> np.ndarray:
        return likely_pairs(signatures, self.pairs, agreeing)


def test_document_left_alone_gets_a_second_chance_against_the_centre() -> None:
    docs = [
        ("wire", text(BANK)),
        ("long", text(BANK[:7])),
        ("longer", text(BANK[:8])),
        ("short", text(BANK[:5])),
    ]
    dedup = Deduplicator()
    dedup.lsh = FixedCandidates([(0, 1), (0, 2), (2, 3)])  # "short" is only a candidate of a member
    result = dedup.run(docs)
    assert len(result.clusters) == 1
    assert member(result, "short").centre == "wire"


def test_copying_a_member_is_not_enough_to_join() -> None:
    member_text = text(BANK[:8], FLOOD[:2])  # a copy of the wire story with local additions
    follower = text(BANK[7:8], FLOOD[:2])  # all of it is in the member, little of it in the wire
    docs = [
        ("wire", text(BANK)),
        ("member", member_text),
        ("follower", follower),
        ("brief", text(BANK[:5])),
        ("short", text(BANK[:6])),
    ]
    dedup = Deduplicator()
    dedup.lsh = FixedCandidates([(0, 1), (1, 2), (0, 3), (0, 4)])
    result = dedup.run(docs)
    clusters = cluster_of(result)
    assert member(result, "member").centre == "wire"
    assert clusters["member"] == clusters["wire"] != clusters["follower"]
    assert [link.other_id for link in member(result, "follower").reuse] == ["member"]


def test_stock_phrases_shared_by_many_stories_are_not_reuse() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    sign_off = "Follow our live coverage of this and every other story on our website and in our app."
    stories = [" ".join(rng.choices(vocabulary, k=80)) + ". " + sign_off for _ in range(STOCK_STORIES + 2)]
    quote = " ".join(stories[0].split()[10:30])
    stories[1] = stories[1].replace(sign_off, quote + ". " + sign_off)
    result = run([(f"s{i}", s) for i, s in enumerate(stories)])
    assert len(result.clusters) == len(stories)
    linked = {(m.id, link.other_id) for m in result.members for link in m.reuse}
    assert linked == {("s0", "s1"), ("s1", "s0")}
    (link,) = member(result, "s1").reuse
    assert [p.words for p in link.passages] == [20]


@pytest.mark.parametrize(
    ("keep", "priority", "expected"),
    [
        ("longest", (), "extended"),
        ("first", (), "trimmed"),
        ("earliest", (), "wire"),
        ("source", ("AFP", "Reuters"), "wire"),
        ("source", ("Daily",), "extended"),  # same source: the longer
    ],
)
def test_representative_policies(keep: str, priority: tuple[str, ...], expected: str) -> None:
    docs = [
        Document(id="trimmed", text=text(BANK[:5]), date="2024-05-05", source="Daily"),
        Document(id="wire", text=text(BANK), date="2024-05-04", source="Reuters"),
        Document(id="extended", text=text(BANK, LOCAL), date="2024-05-05", source="Daily"),
    ]
    result = Deduplicator(keep=keep, source_priority=priority).run(docs)
    (cluster,) = result.clusters
    assert cluster.id == expected
    assert [m.id for m in result.members if m.representative] == [expected]


def test_representative_ties_fall_to_input_order() -> None:
    docs = [
        Document(id="b", text=text(BANK), date="2024-05-04", source="X"),
        Document(id="a", text=text(BANK), date="2024-05-04", source="Y"),
    ]
    for keep in ("longest", "earliest", "first", "source"):
        assert Deduplicator(keep=keep).run(docs).clusters[0].id == "b"


def egyptian_spelling(value: str) -> str:
    """Spellings an Egyptian newspaper might use for the same words."""
    return value.replace("أ", "ا").replace(" في ", " فى ").replace("ة ", "ه ")


def test_arabic_agency_story_and_trimmed_newspaper_copy() -> None:
    newspaper = text(
        "المركزي يرفع الفائدة لمواجهة الغلاء",
        egyptian_spelling(text(ARABIC[:5]).replace("القاهرة (وكالة الأنباء) - ", "")),
        "وقال خبراء لصحيفتنا إن القرار سيؤثر على أسعار السلع في الأسواق المحلية خلال الأسابيع المقبلة.",
    )
    quoter = quoting(ARABIC_OTHER, ARABIC, slice(1, 3), at=4)
    result = run([("agency", text(ARABIC)), ("newspaper", newspaper), ("quoter", quoter)])
    clusters = cluster_of(result)
    assert clusters["newspaper"] == clusters["agency"] != clusters["quoter"]
    assert member(result, "newspaper").similarity > 0.8
    assert "agency" in {link.other_id for link in member(result, "quoter").reuse}


def test_chinese_wire_story_and_trimmed_copy() -> None:
    copy = text(
        "三季度经济增长百分之四点九", text(CHINESE[:5]).replace("，", ","), "本报记者就此采访了多位经济学家。"
    )
    quoter = quoting(CHINESE_OTHER, CHINESE, slice(1, 3), at=4)
    result = run([("wire", text(CHINESE)), ("copy", copy), ("quoter", quoter)])
    clusters = cluster_of(result)
    assert clusters["copy"] == clusters["wire"] != clusters["quoter"]
    assert "wire" in {link.other_id for link in member(result, "quoter").reuse}


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        Deduplicator(threshold=0)
    with pytest.raises(ValueError, match="min_jaccard"):
        Deduplicator(min_jaccard=2)
    with pytest.raises(ValueError, match="keep"):
        Deduplicator(keep="newest")
