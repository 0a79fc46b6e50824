"""Incremental dedup with --index: SQLite file and a real redis-server.

The same documents split into two runs must give the partition of one run,
each new copy must name the earlier cluster it joins, and the second run
must not need the first run's inputs.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.dedup import Deduplicator
from cleaner.errors import ConfigError
from cleaner.index import SQLiteStore, add_documents, open_store
from cleaner.minhash import MinHasher
from cleaner.overlap import shingled
from cleaner.tokens import tokens

from .stories import BANK, FLOOD, STRIKE, quoting, text

LOCAL = ["Homeowners in the county told this newspaper they feared higher repayments."]

#: Wire stories, outlet copies (trimmed, with local lines), a story quoting
#: another, unrelated ones; in an order where copies come before and after
#: their originals.
DOCS = [
    ("bank-trim", text(BANK[:6])),
    ("flood-wire", text(FLOOD)),
    ("bank-wire", text(BANK)),
    ("strike-wire", text(STRIKE)),
    ("lone", "Nothing much happened in the village fete this year, said the organisers."),
    ("flood-local", text(FLOOD, LOCAL)),
    ("strike-quoting-bank", quoting(STRIKE, BANK, slice(0, 2), 3)),
    ("bank-local", text(BANK[:8], LOCAL)),
    ("flood-trim", text(FLOOD[:5])),
    ("other", "The library will open late on Sunday because of a burst pipe in the reading room."),
]


def write_jsonl(path: Path, docs: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs))
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def dedup(tmp_path: Path, name: str, docs: list[tuple[str, str]], *extra: str) -> list[dict]:
    """Run ``cleaner dedup`` on ``docs`` (written to a file that is deleted
    afterwards: later runs cannot read it); the --clusters records."""
    source = write_jsonl(tmp_path / f"{name}.jsonl", docs)
    clusters = tmp_path / f"{name}.clusters.jsonl"
    out = str(tmp_path / f"{name}.out.jsonl")
    args = ["dedup", str(source), "-o", out, "--clusters", str(clusters), "-q", "-j", "1", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    source.unlink()
    return records(clusters)


def partition(store_spec: str) -> dict[str, str]:
    store = open_store(store_spec)
    try:
        return {m.id: m.cluster for m in store.memberships()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def one_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("one")
    return {r["id"]: r["cluster"] for r in dedup(tmp, "all", DOCS)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A real redis-server on a free loopback port, data in ``tmp_path``, nothing saved."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    port = free_port()
    args = ["--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path), "--save", ""]
    server = subprocess.Popen(
        [binary, *args, "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                open_store(url).close()
                break
            except ConfigError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(params=["sqlite", "redis"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "redis":
        return request.getfixturevalue("redis_url")
    return str(tmp_path / "seen.sqlite")


@pytest.mark.parametrize("split", [3, 6])
def test_two_runs_give_the_partition_of_one(
    tmp_path: Path, index: str, one_run: dict[str, str], split: int
) -> None:
    assert len(set(one_run.values())) < len(one_run) - 2  # the corpus has real clusters
    first = dedup(tmp_path, "first", DOCS[:split], "--index", index)
    assert [r["id"] for r in first] == [i for i, _ in DOCS[:split]]
    assert all(r["new"] and r["joined"] is None for r in first)
    second = dedup(tmp_path, "second", DOCS[split:], "--index", index)
    assert partition(index) == one_run
    new = {r["id"]: r for r in second if r["new"]}
    assert list(new) == [i for i, _ in DOCS[split:]]
    # every new document sharing its cluster with earlier ones names that earlier cluster
    earlier = {i for i, _ in DOCS[:split]}
    for doc_id, record in new.items():
        mates = {d for d, c in one_run.items() if c == one_run[doc_id] and d in earlier}
        if mates:
            assert record["joined"] in first_clusters(first, mates)
        else:
            assert record["joined"] is None


def first_clusters(first: list[dict], mates: set[str]) -> set[str]:
    return {r["cluster"] for r in first if r["id"] in mates}


def test_new_copies_name_the_cluster_they_join(tmp_path: Path, index: str) -> None:
    dedup(tmp_path, "first", [DOCS[2], DOCS[1], DOCS[4]], "--index", index)  # bank-wire, flood-wire, lone
    second = dedup(tmp_path, "second", [DOCS[7], DOCS[8], DOCS[9]], "--index", index)
    by_id = {r["id"]: r for r in second}
    assert by_id["bank-local"]["joined"] == "bank-wire"
    assert by_id["bank-local"]["centre"] == "bank-wire"
    assert by_id["bank-local"]["match"]["passages"]  # verified against the stored text
    assert by_id["flood-trim"]["joined"] == "flood-wire"
    assert by_id["other"]["joined"] is None
    assert not by_id["bank-wire"]["new"] and by_id["bank-wire"]["earlier_cluster"] == "bank-wire"
    assert "lone" not in by_id  # an untouched stored document is not read again
    # only this run's representatives are written
    assert [r["id"] for r in records(tmp_path / "second.out.jsonl")] == ["other"]


def test_other_settings_are_refused(tmp_path: Path, index: str) -> None:
    dedup(tmp_path, "first", DOCS[:3], "--index", index)
    before = partition(index)
    source = write_jsonl(tmp_path / "second.jsonl", DOCS[3:])
    out = str(tmp_path / "o.jsonl")
    result = CliRunner().invoke(main, ["dedup", str(source), "-o", out, "--index", index, "--ngram", "4"])
    assert result.exit_code == 2
    assert "other dedup settings (ngram)" in result.output
    assert partition(index) == before


def signed(hasher: MinHasher, docs: list[tuple[str, str]]) -> np.ndarray:
    return hasher.signatures([shingled(hasher, tokens(t)).unique for _, t in docs])


def add(store: SQLiteStore, deduplicator: Deduplicator, docs: list[tuple[str, str]]) -> None:
    add_documents(
        store,
        deduplicator,
        [i for i, _ in docs],
        [t for _, t in docs],
        [None] * len(docs),
        [None] * len(docs),
        signed(deduplicator.hasher, docs).reshape(len(docs), deduplicator.hasher.num_perm),
    )


@pytest.mark.parametrize("split", range(len(DOCS) + 1))
def test_every_split_gives_the_partition_of_one_run(tmp_path: Path, split: int) -> None:
    deduplicator = Deduplicator()
    expected = {m.id: m.cluster for m in deduplicator.run(DOCS).members}
    store = SQLiteStore(str(tmp_path / "seen.sqlite"))
    add(store, deduplicator, DOCS[:split])
    add(store, deduplicator, DOCS[split:])
    assert {m.id: m.cluster for m in store.memberships()} == expected
    store.close()


def test_a_failed_run_leaves_the_index_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deduplicator = Deduplicator()
    path = str(tmp_path / "seen.sqlite")
    store = SQLiteStore(path)
    add(store, deduplicator, DOCS[:4])
    before = store.memberships()

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Deduplicator, "cluster_candidates", broken)
    with pytest.raises(RuntimeError):
        add(store, deduplicator, DOCS[4:])
    store.close()
    reopened = SQLiteStore(path)
    assert reopened.memberships() == before
    assert reopened.next_seq() == 4
    reopened.close()


def test_redis_run_overlapping_another_commit_stores_nothing(redis_url: str) -> None:
    deduplicator = Deduplicator()
    first, second = open_store(redis_url), open_store(redis_url)
    add(first, deduplicator, DOCS[:2])  # type: ignore[arg-type]
    real_commit = second.commit

    def commit_after_another_run(*args: object) -> None:
        add(first, deduplicator, DOCS[2:4])  # type: ignore[arg-type]
        real_commit(*args)  # type: ignore[arg-type]

    second.commit = commit_after_another_run  # type: ignore[method-assign]
    with pytest.raises(ConfigError, match="another run changed the index"):
        add(second, deduplicator, DOCS[4:])  # type: ignore[arg-type]
    assert [m.id for m in first.memberships()] == [i for i, _ in DOCS[:4]]
    first.close()
    second.close()
