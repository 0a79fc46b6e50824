"""``dedup --engine spark`` gives the local engine's partition (Spark in local[2]).

Skipped when PySpark is not installed (it is no part of the ``test`` extra:
``pip install -e '.[test,spark]'`` and Java 17 to run these).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from .stories import BANK, FLOOD, STRIKE, quoting, text

pyspark = pytest.importorskip("pyspark", reason="PySpark not installed: pip install 'cleaner[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime for Spark (install Java 17+)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
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


#: A line one outlet adds to every story: learned as boilerplate (3 documents of the source).
FOOTER = "Subscribe to the Daily Courier for more local news every morning."


def _corpus() -> list[dict[str, Any]]:
    """Copies, trimmed copies, a copy with local lines, quoters, unrelated
    stories, an empty one and a bad record, spread so that no cluster is
    contiguous."""
    return [
        {"id": "bank-wire", "text": text(BANK), "source": "Wire", "date": "2024-05-04"},
        {"id": "flood-wire", "text": text(FLOOD), "source": "Wire"},
        {"id": "bank-trim", "text": text(BANK[:6]), "source": "Herald", "tag": 1},
        {"id": "flood-quoter", "text": quoting(STRIKE, FLOOD, slice(1, 3), at=2), "source": "Post"},
        {"id": "strike", "text": text(STRIKE), "source": "Wire"},
        {"id": "bank-local", "text": text("LOCAL: our town reacts.", BANK, "Reporting by staff.")},
        {"id": "empty", "text": ""},
        {"id": "bad", "text": 3},
        {"id": "bank-quoter", "text": quoting(OWN, BANK, slice(2, 4), at=2), "source": "Gazette"},
        {"id": "flood-trim", "text": text(FLOOD[:5], FOOTER), "source": "Courier"},
        {"id": "bank-trim-more", "text": text(BANK[:4], FOOTER), "source": "Courier"},
        {"id": "strike-copy", "text": text("Updated.", STRIKE[:5], FOOTER), "source": "Courier"},
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The corpus as one file (with a blank line) and a directory of two more:
    inputs in the order given, a directory's files by name."""
    root = tmp_path_factory.mktemp("spark")
    lines = [json.dumps(r) + "\n" for r in _corpus()]
    (root / "more").mkdir()
    (root / "a.jsonl").write_text("".join(lines[:3]) + "\n" + "".join(lines[3:8]), encoding="utf-8")
    (root / "more" / "b2.jsonl").write_text("".join(lines[10:]), encoding="utf-8")
    (root / "more" / "b1.jsonl").write_text("".join(lines[8:10]), encoding="utf-8")
    return [root / "a.jsonl", root / "more"]


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


def _dedup(inputs: list[Path], output: Path, clusters: Path, *extra: str) -> str:
    args = ["dedup", *map(str, inputs), "-o", str(output), "--clusters", str(clusters), "-q", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def local(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    _dedup(corpus, out / "unique.jsonl", out / "clusters.jsonl", "--engine", "local", "-j", "1")
    return out


def test_jsonl_same_partition_representatives_and_records(
    spark: Any, corpus: list[Path], local: Path, tmp_path: Path
) -> None:
    said = _dedup(corpus, tmp_path / "unique", tmp_path / "clusters", "--engine", "spark")
    assert f"skipped {corpus[0]}:9: bad-text" in said  # the 8th record, after a blank line
    expected = [json.loads(line) for line in _lines(local / "clusters.jsonl")]
    # the corpus exercises what it should: copies merge, quoters stay out, a footer is learned
    partition = _partition(expected)
    assert {"bank-wire", "bank-trim", "bank-local", "bank-trim-more"} in partition
    assert frozenset({"bank-quoter"}) in partition
    assert any(m["reuse"] for m in expected)
    assert FOOTER not in (local / "unique.jsonl").read_text("utf-8")
    # same clusters, same representatives, same evidence and records, in input order
    got = [json.loads(line) for line in _lines(tmp_path / "clusters")]
    assert _partition(got) == partition
    assert got == expected
    assert _lines(tmp_path / "unique") == _lines(local / "unique.jsonl")


def test_parquet_in_and_out_components_in_spark(
    spark: Any, corpus: list[Path], local: Path, tmp_path: Path
) -> None:
    """Parquet input and outputs; components found by label propagation in
    Spark (as for many edges) rather than on the driver: the same result."""
    from cleaner.dedup import Deduplicator
    from cleaner.spark_engine import run_dedup_spark

    good = [r for r in _corpus() if isinstance(r["text"], str)]
    spark.createDataFrame([json.dumps(r) for r in good], "string").write.text(str(tmp_path / "in"))
    spark.read.json(str(tmp_path / "in")).write.parquet(str(tmp_path / "corpus.parquet"))
    stats = run_dedup_spark(
        spark,
        [str(tmp_path / "corpus.parquet")],
        str(tmp_path / "unique.parquet"),
        deduplicator=Deduplicator(),
        clusters_path=str(tmp_path / "clusters.parquet"),
        collect_edges=0,
    )
    expected = [json.loads(line) for line in _lines(local / "unique.jsonl")]
    kept = spark.read.parquet(str(tmp_path / "unique.parquet")).collect()
    assert sorted(r["id"] for r in kept) == sorted(r["id"] for r in expected)
    by_id = {r["id"]: r for r in expected}
    assert all(r["text"] == by_id[r["id"]]["text"] for r in kept)
    rows = spark.read.parquet(str(tmp_path / "clusters.parquet")).collect()
    members = [r.asDict(recursive=True) for r in rows]
    assert _partition(members) == _partition([json.loads(line) for line in _lines(local / "clusters.jsonl")])
    assert (stats.read, stats.written, stats.clusters) == (len(good), len(expected), len(expected))
