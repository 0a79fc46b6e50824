"""Output does not depend on the number of worker processes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner import CleanOptions, Deduplicator, run_clean, run_dedup
from cleaner.cli import main

STORY = (
    "The central bank raised its main interest rate by half a point on Tuesday, citing inflation "
    "that has run above its target for two years, officials said. Markets had expected the move."
)


def corpus(path: Path, count: int = 60) -> Path:
    """Documents of three outlets, each with its fixed header and footer, some
    wire copies, and a few bad records in between."""
    lines = []
    for i in range(count):
        source = f"outlet{i % 3}.com"
        body = STORY if i % 5 == 0 else f"Story number {i} happened in town {i * 7}, a witness said today."
        header = f"Valley Gazette {i % 3}: the voice of the valley since 1921"
        text = f"{header}\n{body}\nShare this article\nGazette {i % 3} tip line 555-0100 open weekdays"
        lines.append(json.dumps({"id": f"d{i}", "text": text, "source": source, "extra": i}))
        if i % 17 == 3:
            lines.append("not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_clean_output_is_identical_for_any_jobs(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl")
    options = CleanOptions(batch_size=12)  # several learning batches, split across chunks
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"clean{jobs}.jsonl"
        stats = run_clean([str(src)], str(out), options=options, explain=True, jobs=jobs)
        outputs.append(out.read_bytes())
        assert stats.read == 60 and sum(stats.skipped.values()) == 4
    assert outputs[0] == outputs[1]
    assert b"boilerplate/corpus-repeated" in outputs[0]


def test_dedup_output_is_identical_for_any_jobs(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl")
    outputs = []
    for jobs in (1, 2):
        out, clusters = tmp_path / f"dedup{jobs}.jsonl", tmp_path / f"clusters{jobs}.jsonl"
        stages: list[str] = []
        stats, _ = run_dedup(
            [str(src)],
            str(out),
            deduplicator=Deduplicator(),
            clusters_path=str(clusters),
            jobs=jobs,
            on_stage=stages.append,
        )
        outputs.append((out.read_bytes(), clusters.read_bytes()))
        assert stats.copies_dropped == 11  # 12 copies of STORY, one kept
        assert stages == ["clustering 60 documents", "writing"]
    assert outputs[0] == outputs[1]


def test_cli_jobs_option(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl", count=10)
    runner = CliRunner()
    results = [
        runner.invoke(main, ["clean", str(src), "-o", str(tmp_path / f"o{j}.jsonl"), "--jobs", str(j)])
        for j in (1, 2)
    ]
    assert [r.exit_code for r in results] == [0, 0]
    assert (tmp_path / "o1.jsonl").read_bytes() == (tmp_path / "o2.jsonl").read_bytes()
