"""``dedup --engine spark`` gives the local engine's partition (Spark in local[2]).

Skipped when PySpark is not installed (it is no part of the ``test`` extra:
``pip install -e '.[test,spark]'`` and Java 17 to run these).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from .stories import BANK, FLOOD, STRIKE, quoting, text

pyspark = pytest.importorskip("pyspark", reason="PySpark not installed: pip install 'cleaner[spark]'")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner tests")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


#: A story of its own, to quote a wire story in.
OWN = [
    "The city council approved a plan on Wednesday to turn the old tram depot into a public library "
    "and a market hall, ending a decade of arguments over the site.",
    "Work on the building is expected to start next spring and to take about three years, the "
    "council's planning chief told a packed public meeting in the town hall.",
    "Residents who spoke at the meeting mostly welcomed the plan, although some shopkeepers worried "
    "about the loss of parking spaces along the high street during the works.",
    "The council will pay for most of the project with money from the sale of two other properties "
    "it owns on the edge of town.",
    "A design competition for the library will open in the autumn and is expected to draw entries "
    "from architects across the region.",
]


def _corpus() -> list[dict[str, Any]]:
    """Copies, trimmed copies, a copy with local lines, quoters, unrelated
    stories and an empty one, spread so that no cluster is contiguous."""
    return [
        {"id": "bank-wire", "text": text(BANK), "source": "Wire", "date": "2024-05-04"},
        {"id": "flood-wire", "text": text(FLOOD), "source": "Wire"},
        {"id": "bank-trim", "text": text(BANK[:6]), "source": "Herald", "tag": 1},
        {"id": "flood-quoter", "text": quoting(STRIKE, FLOOD, slice(1, 3), at=2), "source": "Post"},
        {"id": "strike", "text": text(STRIKE), "source": "Wire"},
        {"id": "bank-local", "text": text("LOCAL: our town reacts.", BANK, "Reporting by staff.")},
        {"id": "empty", "text": ""},
        {"id": "bank-quoter", "text": quoting(OWN, BANK, slice(2, 4), at=2), "source": "Gazette"},
        {"id": "flood-trim", "text": text(FLOOD[:5]), "source": "Times"},
        {"id": "bank-trim-more", "text": text(BANK[:4]), "source": "Daily"},
        {"id": "strike-copy", "text": text("Updated.", STRIKE[:5]), "source": "Ledger"},
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _corpus()) + "\n", encoding="utf-8")
    return path


def _lines(path: Path) -> list[str]:
    """JSON lines of a file, or of a Spark output directory's part files, in order."""
    if path.is_file():
        return path.read_text(encoding="utf-8").splitlines()
    return [line for part in sorted(path.glob("part-*")) for line in part.read_text("utf-8").splitlines()]


def _partition(members: list[dict[str, Any]]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for m in members:
        groups.setdefault(m["cluster"], set()).add(m["id"])
    return {frozenset(g) for g in groups.values()}


def _dedup(corpus: Path, out: Path, engine: str, *extra: str) -> None:
    args = ["dedup", str(corpus), "-o", str(out / f"unique{extra[-1] if extra else '.jsonl'}")]
    result = CliRunner().invoke(main, [*args, "--engine", engine, "--no-boilerplate", "-q", *extra[:-1]])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    _dedup(corpus, out, "local", "--clusters", str(out / "clusters.jsonl"), ".jsonl")
    return out


def test_jsonl_same_partition_representatives_and_records(
    spark: Any, corpus: Path, local: Path, tmp_path: Path
) -> None:
    _dedup(corpus, tmp_path, "spark", "--clusters", str(tmp_path / "clusters.jsonl"), ".jsonl")
    expected = [json.loads(line) for line in _lines(local / "clusters.jsonl")]
    got = [json.loads(line) for line in _lines(tmp_path / "clusters.jsonl")]
    # the corpus exercises what it should: copies merge, quoters stay out
    partition = _partition(expected)
    assert {"bank-wire", "bank-trim", "bank-local", "bank-trim-more"} in partition
    assert frozenset({"bank-quoter"}) in partition
    assert any(m["reuse"] for m in expected)
    # same clusters, same representatives, same evidence, in input order
    assert _partition(got) == partition
    assert got == expected
    assert _lines(tmp_path / "unique.jsonl") == _lines(local / "unique.jsonl")


def test_parquet_in_and_out(spark: Any, corpus: Path, local: Path, tmp_path: Path) -> None:
    spark.read.json(str(corpus)).write.parquet(str(tmp_path / "corpus.parquet"))
    clusters = str(tmp_path / "c.parquet")
    _dedup(tmp_path / "corpus.parquet", tmp_path, "spark", "--clusters", clusters, ".parquet")
    kept = spark.read.parquet(str(tmp_path / "unique.parquet")).collect()
    expected = [json.loads(line) for line in _lines(local / "unique.jsonl")]
    assert sorted(r["id"] for r in kept) == sorted(r["id"] for r in expected)
    by_id = {r["id"]: r for r in expected}
    assert all(r["text"] == by_id[r["id"]]["text"] for r in kept)
    members = [r.asDict(recursive=True) for r in spark.read.parquet(str(tmp_path / "c.parquet")).collect()]
    local_members = [json.loads(line) for line in _lines(local / "clusters.jsonl")]
    assert _partition(members) == _partition(local_members)


def test_components_by_label_propagation(spark: Any, corpus: Path, local: Path, tmp_path: Path) -> None:
    """Components found in Spark (as for many edges) give the same result as on the driver."""
    from cleaner.clean import CleanOptions
    from cleaner.dedup import Deduplicator
    from cleaner.spark_engine import run_dedup_spark

    stats = run_dedup_spark(
        spark,
        [str(corpus)],
        str(tmp_path / "unique"),
        deduplicator=Deduplicator(),
        clusters_path=str(tmp_path / "clusters"),
        options=CleanOptions(learn_boilerplate=False),
        collect_edges=0,
    )
    assert _lines(tmp_path / "clusters") == _lines(local / "clusters.jsonl")
    assert stats.read == len(_corpus()) and stats.written == len(_lines(local / "unique.jsonl"))


def test_learned_boilerplate_batches_match_local(spark: Any, tmp_path: Path) -> None:
    """With boilerplate learned, Spark cleans the local engine's batches: same result."""
    footer = "Subscribe to the Daily Courier for more local news every morning."
    records = [
        {"id": f"d{i}", "text": text(story[i % 3 :], footer), "source": "Courier"}
        for i, story in enumerate([BANK, FLOOD, STRIKE] * 2)
    ]
    records.append({"id": "bad", "text": 3})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    runner = CliRunner()
    for engine in ("local", "spark"):
        args = ["dedup", str(path), "-o", str(tmp_path / engine), "--engine", engine, "-q"]
        result = runner.invoke(main, [*args, "--clusters", str(tmp_path / f"{engine}-c")])
        assert result.exit_code == 0, result.output
    assert _lines(tmp_path / "spark") == _lines(tmp_path / "local")
    assert _lines(tmp_path / "spark-c") == _lines(tmp_path / "local-c")
    assert footer not in (tmp_path / "local").read_text("utf-8")


def test_missing_pyspark_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.errors import ConfigError
    from cleaner.spark_engine import spark_session

    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(ConfigError, match=r"cleaner\[spark\]"):
        spark_session()
