"""Output does not depend on the number of worker processes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import CleanOptions, Deduplicator, run_clean, run_dedup
from cleaner.cli import main
from cleaner.errors import InputError
from cleaner.pipeline import StrictModeError
from cleaner.read import Limits

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


def tricky_jsonl(path: Path) -> Path:
    """Lines of every kind reading meets: blank ones, bad JSON, bad UTF-8, a
    line too large, CRLF endings, NUL and lone surrogates, HTML, repeated ids,
    and no newline at the end."""
    lines = [
        json.dumps({"id": "a", "text": STORY, "source": "x.com", "date": "2024-01-02", "tag": [1, 2]}),
        "",
        "   ",
        "not json",
        json.dumps({"id": "a", "text": STORY + " Again."}),
        json.dumps({"id": "n", "text": "NUL\u0000 here and a lone \ud800 surrogate " + STORY}),
        json.dumps({"id": "h", "html": f"<html><body><article><p>{STORY}</p></article></body></html>"}),
        json.dumps({"text": "no id, Unicode “quotes” — café " + STORY}, ensure_ascii=False),
        json.dumps({"id": "big", "text": "x" * 5000}),
        json.dumps([1, 2]),
        json.dumps({"id": 7, "text": 12}),
        json.dumps({"id": "crlf", "text": STORY, "crawl_date": "2024-05-06"}) + "\r",
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n\xff\xfe bad bytes\n"
    path.write_bytes(data + json.dumps({"id": "last", "text": STORY}).encode())
    return path


def test_blocks_read_as_lines_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.read import FieldNames, Limits, LineBlock, parse_block, read_blocks, read_inputs

    src = tricky_jsonl(tmp_path / "in.jsonl")
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(src.read_bytes())[:-30])  # truncated
    inputs = [(str(src), "jsonl"), (str(gz), "jsonl")]
    names, limits = FieldNames(), Limits(max_bytes=4000)
    expected = [repr(vars(r)) for r in read_inputs(inputs, names, None, limits)]
    for size in (1, 100, 1 << 20):
        monkeypatch.setattr("cleaner.read.BLOCK_BYTES", size)
        found = []
        for item in read_blocks(inputs, names, None, limits):
            if isinstance(item, LineBlock):
                found.extend(repr(vars(r)) for r in parse_block(item, names, limits))
            else:
                found.append(repr(vars(item)))
        assert found == expected
    assert "truncated" in expected[-1]


@pytest.mark.parametrize("block", [150, 1 << 20])
def test_dedup_without_cleaning_is_identical_for_any_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr("cleaner.read.BLOCK_BYTES", block)  # several blocks, or one
    src = tricky_jsonl(tmp_path / "in.jsonl")
    text = tmp_path / "plain.txt"
    text.write_text(STORY)
    outputs = []
    for jobs in (1, 2):
        out, clusters = tmp_path / f"dedup{jobs}.jsonl", tmp_path / f"clusters{jobs}.jsonl"
        problems: list[InputError] = []
        warnings: list[InputError] = []
        stats, _ = run_dedup(
            [str(src), str(text), str(src)],
            str(out),
            deduplicator=Deduplicator(),
            clusters_path=str(clusters),
            options=CleanOptions(clean=False),
            jobs=jobs,
            limits=Limits(max_bytes=4000),
            on_problem=problems.append,
            on_warning=warnings.append,
        )
        reports = [str(p) for p in problems + warnings]
        outputs.append((out.read_bytes(), clusters.read_bytes(), reports))
    assert outputs[0] == outputs[1]
    assert stats.read == 15 and stats.duplicate_ids == 8
    assert sorted(stats.skipped.items()) == [
        ("bad-text", 2), ("invalid-json", 2), ("invalid-utf8", 2), ("not-an-object", 2), ("too-large", 2)
    ]  # fmt: skip
    assert outputs[1][2][0] == f"{src}:4: invalid-json: Expecting value"


def test_strict_dedup_without_cleaning_stops_at_the_first_problem(tmp_path: Path) -> None:
    src = tricky_jsonl(tmp_path / "in.jsonl")
    for jobs in (1, 2):
        with pytest.raises(StrictModeError, match=r"in\.jsonl:4: invalid-json"):
            run_dedup(
                [str(src)],
                str(tmp_path / "out.jsonl"),
                deduplicator=Deduplicator(),
                options=CleanOptions(clean=False),
                strict=True,
                jobs=jobs,
            )
        assert not (tmp_path / "out.jsonl").exists()
