"""Property-based tests (hypothesis) and a short fuzz run of the readers.

Examples are few and small so the suite stays fast; ``CLEANER_FUZZ_SCALE=50
pytest tests/test_properties.py`` runs fifty times as many."""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Deduplicator, clean_text
from cleaner.errors import InputError
from cleaner.read import FieldNames, RawRecord, expand_inputs, read_inputs, read_jsonl
from cleaner.warc import read_warc_stream
from tests.warcs import sample_warc

SCALE = int(os.environ.get("CLEANER_FUZZ_SCALE", "1"))


def examples(count: int) -> settings:
    return settings(max_examples=count * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


FAST = examples(25)

# Article-like lines and the cruft the cleaner removes, mixed with arbitrary text.
SENTENCES = [
    "The council approved the budget on Monday after a long debate, officials said.",
    "Prices rose 3.2 percent in March, the statistics office said in a statement.",
    "“We will not give up,” the mayor told reporters outside the town hall.",
]
CRUFT = ["Share this article", "By Jane Smith", "November 26, 2018", "Advertisement", "Click to copy"]
LINES = st.one_of(st.sampled_from(SENTENCES + CRUFT), st.text(max_size=60))
ARTICLES = st.lists(LINES, max_size=12).map("\n".join)


@FAST
@given(ARTICLES)
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    """Cleaning a clean document again changes nothing. The fields found go
    back in with it: without its title, the line below the one taken as the
    headline would be taken as the headline in turn."""
    once = clean_text(text)
    fields = {k: getattr(once, k) for k in ("title", "date", "author", "source", "url")}
    twice = clean_text(once.text, **fields)
    assert twice.text == once.text
    assert [r.line for r in twice.removed] == []


def test_a_found_title_repeated_lower_down_goes_like_a_given_one() -> None:
    text = f"Budget passes\n{SENTENCES[0]}\nBudget passes\n{SENTENCES[1]}"
    once = clean_text(text)
    assert clean_text(once.text, title=once.title).text == once.text


@FAST
@given(st.text(max_size=300))
def test_clean_text_takes_any_text(text: str) -> None:
    doc = clean_text(text)
    assert isinstance(doc.text, str)
    json.dumps(doc.to_record())  # the record always serialises


def _items_are_well_formed(items: list[RawRecord | InputError]) -> None:
    for item in items:
        assert isinstance(item, (RawRecord, InputError))
        if isinstance(item, RawRecord):
            assert (item.text is not None) or (item.html is not None)
            assert "\0" not in (item.text or item.html or "")


NAMES = ["a.html", "a.txt", "a.jsonl", "a.jsonl.gz", "a.warc", "a.warc.gz"]


@FAST
@given(st.binary(max_size=2000), st.sampled_from(NAMES))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(data)
        _items_are_well_formed(list(read_inputs(expand_inputs([tmp]))))


def _valid_jsonl() -> bytes:
    records = [
        {"id": "a", "text": "It rained all day, officials said."},
        {"id": "b", "html": "<p>It rained</p>", "title": "Rain"},
        {"id": 3, "text": "Numbers as ids.", "source": "x"},
    ]
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


_WARC = tempfile.TemporaryDirectory()
SEEDS = {
    "a.jsonl": _valid_jsonl(),
    "a.jsonl.gz": gzip.compress(_valid_jsonl()),
    "a.warc.gz": sample_warc(Path(_WARC.name) / "news.warc.gz").read_bytes(),
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid input with a few bytes overwritten, inserted or cut off: the
    damage real files suffer."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "insert", "cut"]))
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at:]
    return name, bytes(data)


@examples(40)
@given(mutated())
def test_fuzz_damaged_inputs_give_records_or_errors(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(data)
        _items_are_well_formed(list(read_inputs(expand_inputs([tmp]))))


@FAST
@given(st.lists(st.binary(max_size=120), max_size=8))
def test_read_jsonl_gives_one_item_per_nonblank_line(lines: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ") for line in lines]
    stream = io.BytesIO(b"\n".join(lines))
    items = list(read_jsonl(stream, "<fuzz>", FieldNames()))
    _items_are_well_formed(items)
    assert len(items) == sum(1 for line in lines if line.strip())


@FAST
@given(st.binary(max_size=1500))
def test_read_warc_stream_never_raises(data: bytes) -> None:
    _items_are_well_formed(list(read_warc_stream(io.BytesIO(data), "<fuzz>")))


# Stories with vocabularies of their own; copies are trimmed or extended versions.
WORDS = [f"w{i}" for i in range(400)]


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    for story in range(draw(st.integers(1, 4))):
        vocabulary = WORDS[story * 100 : (story + 1) * 100]
        words = draw(st.lists(st.sampled_from(vocabulary), min_size=40, max_size=70))
        docs.append((f"s{story}", " ".join(words)))
        for copy in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, 8))
            end = len(words) - draw(st.integers(0, 8))
            extra = draw(st.lists(st.sampled_from(vocabulary), max_size=6))
            docs.append((f"s{story}c{copy}", " ".join(words[start:end] + extra)))
    return docs


def _partition(docs: list[tuple[str, str]]) -> set[frozenset[str]]:
    result = Deduplicator(num_perm=64).run(docs)
    return {frozenset(result.ids[i] for i in cluster.members) for cluster in result.clusters}


@examples(15)
@given(corpora(), st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_input_order(docs: list[tuple[str, str]], random) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(docs)
    random.shuffle(shuffled)
    assert _partition(shuffled) == _partition(docs)
