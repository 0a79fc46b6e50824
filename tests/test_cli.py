"""The command line, driven the way click's own tests drive commands."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.tokens import tokens

from .stories import BANK, FLOOD, STRIKE, quoting, text

LOCAL = ["Homeowners in the county told this newspaper they feared higher repayments."]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_help_has_examples(runner: CliRunner) -> None:
    for command in ([], ["clean"], ["dedup"], ["compare"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output


def test_clean_samples_to_stdout(runner: CliRunner, samples: Path) -> None:
    result = runner.invoke(main, ["clean", str(samples), "--explain"])
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert len(out) == 6
    assert [r["id"] for r in out] == sorted(r["id"] for r in out)  # stable order
    for record in out:
        assert set(record) >= {"id", "text", "title", "date", "author", "source", "url", "removed"}
        assert all(set(r) >= {"line", "rule"} for r in record["removed"])
    assert "read 6, written 6, skipped 0" in result.stderr


def test_clean_jsonl_passes_fields_through(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(
            json.dumps(
                {
                    "doc": "a1",
                    "body": "Share this\nA storm hit the coast on Monday, officials said.",
                    "lang": "en",
                }
            )
            + "\n"
        )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        main, ["clean", str(src), "-o", str(out), "--id-field", "doc", "--text-field", "body"]
    )
    assert result.exit_code == 0, result.output
    (record,) = records(out.read_text())
    assert record["id"] == "a1"
    assert record["body"] == "A storm hit the coast on Monday, officials said."
    assert record["lang"] == "en"


def test_clean_reads_stdin(runner: CliRunner) -> None:
    line = json.dumps(
        {"id": "x", "text": "Advertisement\nIt rained in the city all day on Monday, officials said."}
    )
    result = runner.invoke(main, ["clean", "-"], input=line + "\n")
    assert result.exit_code == 0
    assert records(result.stdout)[0]["text"].startswith("It rained")


def test_bad_records_are_reported_and_skipped(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_bytes(
        b'{"id": "good1", "text": "A storm hit the coast on Monday, officials said."}\n'
        b"not json\n"
        b'{"id": "no-text"}\n'
        b'{"id": "bad", "text": 5}\n'
        b"[1, 2]\n"
        b'{"id": "bad-utf8", "text": "\xff\xfe"}\n'
        b'{"id": "good2", "text": "The river flooded the town on Tuesday, residents said."}\n'
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert [r["id"] for r in records(out.read_text())] == ["good1", "good2"]
    problems = [line for line in result.stderr.splitlines() if "skipped " in line and ".jsonl:" in line]
    assert len(problems) == 5
    assert f"{src}:2: invalid-json" in result.stderr
    assert "Traceback" not in result.output
    assert "read 2, written 2, skipped 5" in result.stderr


def test_strict_stops_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "a", "text": "Fine text here, said the man."}\nnot json\n')
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["clean", str(src), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left behind


def test_missing_path_fails_before_work(runner: CliRunner, tmp_path: Path, samples: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["clean", str(samples), str(tmp_path / "nope"), "-o", str(out)])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert not out.exists()


def test_dedup_samples(runner: CliRunner, samples: Path, tmp_path: Path) -> None:
    out, clusters = tmp_path / "unique.jsonl", tmp_path / "clusters.jsonl"
    result = runner.invoke(main, ["dedup", str(samples), "-o", str(out), "--clusters", str(clusters)])
    assert result.exit_code == 0, result.output
    membership = records(clusters.read_text())
    assert len(membership) == 6
    fields = {"id", "cluster", "representative", "similarity", "centre", "match", "reuse"}
    assert all(set(m) == fields for m in membership)
    by_id = {Path(m["id"]).name: m for m in membership}
    # the outlet's trimmed copy of the AP story joins the AP page; nothing else merges
    assert by_id["port_strike_copy.txt"]["cluster"] == by_id["port_strike_wire.html"]["id"]
    assert len({m["cluster"] for m in membership}) == 5
    assert len(records(out.read_text())) == 5


def test_dedup_finds_a_trimmed_copy(runner: CliRunner, tmp_path: Path) -> None:
    story = [
        "The central bank raised its main interest rate by half a point on Tuesday, its sixth this year.",
        "Inflation has run above the bank's two percent target for two years, according to official figures.",
        "Economists polled before the meeting had expected a smaller increase of a quarter point.",
        "The currency rose one percent against the dollar after the decision was announced.",
        "The governor said further increases could not be ruled out if prices kept rising.",
        "Mortgage lenders said they would pass the increase on to borrowers from next month.",
    ]
    docs = [
        {"id": "wire", "text": "\n".join(story), "source": "Reuters", "date": "2024-01-02"},
        {
            "id": "trimmed",
            "text": "Bank lifts rates\n" + "\n".join(story[:4]) + "\nLocal lenders reacted.",
            "source": "Daily",
            "date": "2024-01-03",
        },
        {
            "id": "other",
            "text": "The football club sacked its manager after a run of eight defeats, "
            "the chairman said on Sunday in a short statement.",
            "source": "Daily",
        },
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs))
    out, clusters = tmp_path / "unique.jsonl", tmp_path / "clusters.jsonl"
    result = runner.invoke(
        main, ["dedup", str(src), "-o", str(out), "--clusters", str(clusters), "--keep", "earliest"]
    )
    assert result.exit_code == 0, result.output
    membership = {m["id"]: m for m in records(clusters.read_text())}
    assert membership["trimmed"]["cluster"] == membership["wire"]["cluster"] == "wire"
    assert membership["wire"]["representative"] and not membership["trimmed"]["representative"]
    assert membership["trimmed"]["similarity"] > 0.8
    assert membership["other"]["cluster"] == "other"
    assert [r["id"] for r in records(out.read_text())] == ["wire", "other"]


def test_compare_shows_the_shared_passage(runner: CliRunner, samples: Path) -> None:
    a = next(samples.glob("002_*.txt"))
    b = next(samples.glob("004_*.txt"))
    result = runner.invoke(main, ["compare", str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert "Jaccard" in result.output and "Containment of A in B" in result.output
    assert (
        "We caution Russia and the regime against tampering with the suspected attack site" in result.output
    )


def test_compare_jsonl_records(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    text = (
        "The river flooded the town on Tuesday and hundreds of residents were moved to safety, police said."
    )
    src.write_text(
        json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": text}) + "\n"
    )
    result = runner.invoke(main, ["compare", f"{src}#a", f"{src}#b", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["jaccard"] == 1.0


def wire_corpus(tmp_path: Path) -> Path:
    """A wire story, an outlet's trimmed copy and a story quoting the wire."""
    docs = [
        {"id": "wire", "text": text(BANK), "source": "Reuters", "date": "2024-05-04"},
        {"id": "copy", "text": text(BANK[:5], LOCAL), "source": "Daily", "date": "2024-05-05"},
        {"id": "quoter", "text": quoting(FLOOD, BANK, slice(2, 5), at=3), "source": "Gazette"},
    ]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs))
    return src


def test_dedup_clusters_explain_merges_and_partial_reuse(runner: CliRunner, tmp_path: Path) -> None:
    src = wire_corpus(tmp_path)
    out, clusters, cleaned = tmp_path / "unique.jsonl", tmp_path / "clusters.jsonl", tmp_path / "clean.jsonl"
    result = runner.invoke(main, ["dedup", str(src), "-o", str(out), "--clusters", str(clusters)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["clean", str(src), "-o", str(cleaned)]).exit_code == 0
    texts = {r["id"]: r["text"] for r in records(cleaned.read_text())}
    membership = {m["id"]: m for m in records(clusters.read_text())}

    copy, quoter = membership["copy"], membership["quoter"]
    assert copy["cluster"] == membership["wire"]["cluster"] != quoter["cluster"]
    assert copy["match"]["id"] == copy["centre"] == "wire"
    assert copy["match"]["coverage"] >= 0.5 and copy["match"]["jaccard"] > 0
    for p in copy["match"]["passages"]:
        (a0, a1), (b0, b1) = p["a"], p["b"]
        assert tokens(texts["copy"][a0:a1]) == tokens(texts["wire"][b0:b1])

    assert quoter["match"] is None
    assert [r["id"] for r in quoter["reuse"]] == ["wire", "copy"]  # the copy holds the quote too
    (p,) = quoter["reuse"][0]["passages"]
    (a0, a1), (b0, b1) = p["a"], p["b"]
    assert tokens(texts["quoter"][a0:a1]) == tokens(text(BANK[2:5])) == tokens(texts["wire"][b0:b1])
    assert {r["id"] for r in membership["wire"]["reuse"]} == {"quoter"}


def test_dedup_keep_source_priority(runner: CliRunner, tmp_path: Path) -> None:
    src = wire_corpus(tmp_path)
    out, clusters = tmp_path / "unique.jsonl", tmp_path / "clusters.jsonl"
    args = ["dedup", str(src), "-o", str(out), "--clusters", str(clusters), "--keep", "source"]
    result = runner.invoke(main, [*args, "--source-priority", "Daily, Reuters"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in records(out.read_text())] == ["copy", "quoter"]
    membership = {m["id"]: m for m in records(clusters.read_text())}
    assert membership["wire"]["cluster"] == "copy" and membership["copy"]["representative"]
    assert membership["wire"]["centre"] == "wire"  # the centre is the story, whichever copy is kept


def test_compare_gives_the_verdict(runner: CliRunner, tmp_path: Path) -> None:
    src = wire_corpus(tmp_path)
    copy = runner.invoke(main, ["compare", f"{src}#copy", f"{src}#wire"])
    assert copy.exit_code == 0, copy.output
    assert "Verdict: copy (A is a copy of B)" in copy.output
    assert "Coverage of A by B" in copy.output
    reuse = runner.invoke(main, ["compare", f"{src}#quoter", f"{src}#wire", "--json"])
    assert reuse.exit_code == 0, reuse.output
    found = json.loads(reuse.stdout)
    assert found["verdict"] == "partial reuse" and found["centre"] is None
    assert found["coverage_ab"] < 0.5 and len(found["passages"]) == 1
    other = tmp_path / "other.txt"
    other.write_text(text(STRIKE))
    unrelated = runner.invoke(main, ["compare", f"{src}#quoter", str(other)])
    assert "Verdict: unrelated" in unrelated.output


def test_outputs_get_the_usual_file_permissions(tmp_path: Path) -> None:
    import os

    source = tmp_path / "a.txt"
    source.write_text("Rain falls\n\nIt rained all day in the city on Monday.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    umask = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["clean", str(source), "-o", str(out), "-q"])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o644


def test_spark_engine_without_pyspark_says_how_to_install(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Hello."}) + "\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if PySpark were not installed
    result = runner.invoke(main, ["dedup", str(path), "-o", str(tmp_path / "out"), "--engine", "spark"])
    assert result.exit_code == 2
    assert "pip install 'cleaner[spark]'" in result.output
    assert not (tmp_path / "out").exists()


def test_spark_engine_refuses_an_index(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Hello."}) + "\n", encoding="utf-8")
    args = ["dedup", str(path), "-o", str(tmp_path / "out"), "--engine", "spark", "--index", "x.sqlite"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "--index works with --engine local only" in result.output


@pytest.mark.parametrize(
    ("inputs", "output", "message"),
    [
        (["-"], "out", "not stdin"),
        (["page.html"], "out", "JSONL or Parquet"),
        (["in.jsonl"], "-", "not stdout"),
    ],
)
def test_spark_engine_refuses_stdio_and_files_it_cannot_read(
    runner: CliRunner, inputs: list[str], output: str, message: str
) -> None:
    result = runner.invoke(main, ["dedup", *inputs, "-o", output, "--engine", "spark"])
    assert result.exit_code == 2 and message in result.output
