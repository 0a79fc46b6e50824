"""What users see: progress, the end-of-run summary, --stats, and the HTML report
(built in Python here; rendered in a real browser in test_report_browser.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.progress import estimate_total, progress
from cleaner.read import expand_inputs
from cleaner.report import build_data, render

from .stories import BANK, FLOOD, STRIKE, text

NASTY = '</script><script>alert(1)</script><img src=x onerror="alert(2)">'


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def wire_corpus(path: Path) -> Path:
    """Two copies of one story, one unrelated story, one with markup in every field."""
    rows = [
        {"id": "wire", "text": text(STRIKE), "source": "AP", "date": "2024-05-01"},
        {"id": "copy", "text": "Share this\n" + text(STRIKE[:-1]), "source": "Daily", "date": "2024-05-02"},
        {"id": "bank", "text": text(BANK), "source": "Reuters"},
        {"id": NASTY, "text": NASTY + "\n" + text(FLOOD), "title": NASTY, "source": NASTY, "url": NASTY},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_summary_has_removed_lines_time_and_stats_file(samples: Path, tmp_path: Path) -> None:
    stats_path = tmp_path / "out" / "stats.json"
    result = CliRunner().invoke(
        main, ["dedup", str(samples), "-o", str(tmp_path / "u.jsonl"), "--stats", str(stats_path)]
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("cleaner: read 6, written 5, skipped 0, clusters 5, copies dropped 1")
    assert any(line.startswith("cleaner: lines removed ") and "copyright" in line for line in lines)
    assert any(line.startswith("cleaner: took ") for line in lines)
    stats = json.loads(stats_path.read_text())
    assert stats["read"] == 6 and stats["written"] == 5 and stats["clusters"] == 5
    assert stats["copies_dropped"] == 1 and stats["skipped_by_reason"] == {}
    assert stats["lines_removed"] == sum(stats["lines_removed_by_category"].values()) > 0
    assert stats["seconds"] > 0
    assert [p.name for p in stats_path.parent.iterdir()] == ["stats.json"]  # no temporary left


def test_quiet_prints_nothing_but_still_writes_stats(samples: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["clean", str(samples), "-o", str(tmp_path / "c.jsonl"), "-q", "--stats", str(tmp_path / "s.json")],
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads((tmp_path / "s.json").read_text())["written"] == 6


def test_no_progress_bar_when_stderr_is_not_a_terminal(samples: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(samples), "-o", str(tmp_path / "c.jsonl")])
    assert "docs/s" not in result.stderr and "#" not in result.stderr


def test_progress_bar_on_a_terminal_shows_count_rate_and_finishes(samples: Path) -> None:
    stream = Terminal()
    with progress([str(samples)], enabled=True, stream=stream) as update:
        assert update is not None
        update(3)
        update(6)
    shown = stream.getvalue()
    assert "6/6" in shown and "docs/s" in shown
    with progress([str(samples)], enabled=False, stream=Terminal()) as update:
        assert update is None
    stream = Terminal()
    with progress([str(samples)], enabled=True, stream=stream) as update:
        update(6)
        update.stage("clustering 6 documents")  # type: ignore[union-attr]
    assert "clustering 6 documents" in stream.getvalue()
    with progress([str(samples)], enabled=True, stream=io.StringIO()) as update:
        assert update is None


def test_estimate_total(samples: Path, tmp_path: Path) -> None:
    assert estimate_total(expand_inputs([str(samples)])) == 6
    corpus = wire_corpus(tmp_path / "c.jsonl")
    with corpus.open("a") as f:
        f.write('{"id": "last", "text": "no newline"}')
    assert estimate_total(expand_inputs([str(corpus)])) == 5
    assert estimate_total([("-", "jsonl")]) is None


def test_dedup_report_keeps_outputs_as_without_it(tmp_path: Path) -> None:
    corpus = wire_corpus(tmp_path / "in.jsonl")
    base = ["dedup", str(corpus), "-q", "-j", "1"]
    plain = CliRunner().invoke(
        main, [*base, "-o", str(tmp_path / "a.jsonl"), "--clusters", str(tmp_path / "ca")]
    )
    assert plain.exit_code == 0, plain.output
    report = tmp_path / "report.html"
    with_report = CliRunner().invoke(
        main,
        [*base, "-o", str(tmp_path / "b.jsonl"), "--clusters", str(tmp_path / "cb"), "--report", str(report)],
    )
    assert with_report.exit_code == 0, with_report.output
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()  # no 'removed' added
    assert (tmp_path / "ca").read_bytes() == (tmp_path / "cb").read_bytes()
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http://" not in page and "https://" not in page
    assert NASTY not in page and "</script><script>alert" not in page  # markup only as escaped JSON
    data = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert data["meta"] == {**data["meta"], "documents": 4, "clusters": 3, "copies": 1}
    big = data["clusters"][0]
    assert len(big["members"]) == 2 and data["docs"][big["centre"]]["id"] in {"wire", "copy"}
    copy = next(m for m in big["members"] if m["d"] != big["centre"])
    assert copy["p"] and all(len(span) == 4 for span in copy["p"])
    removed = next(doc["removed"] for doc in data["docs"] if doc["id"] == "copy")
    assert [line for line, _rule in removed] == ["Share this"]  # collected for the page alone


def test_report_command_rebuilds_the_page_from_files(tmp_path: Path) -> None:
    corpus = wire_corpus(tmp_path / "in.jsonl")
    clean, clusters = tmp_path / "clean.jsonl", tmp_path / "clusters.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["clean", str(corpus), "-o", str(clean), "--explain", "-q"]).exit_code == 0
    result = runner.invoke(
        main,
        ["dedup", str(clean), "--no-clean", "-o", str(tmp_path / "u"), "--clusters", str(clusters), "-q"],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["report", str(clusters), str(clean), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "do not match" not in result.stderr and "report written" in result.stderr
    # the raw corpus is not what dedup compared: the offsets do not fit, and the user is told
    result = runner.invoke(main, ["report", str(clusters), str(corpus), "-o", str(tmp_path / "r2.html")])
    assert result.exit_code == 0 and "do not match their passage offsets" in result.stderr


def test_report_command_rejects_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "clusters.jsonl"
    bad.write_text("{not json\n")
    result = CliRunner().invoke(main, ["report", str(bad), str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "not JSON" in result.output
    assert not (tmp_path / "r.html").exists()


def test_singletons_carry_an_opening_only() -> None:
    members = [
        {
            "id": "a",
            "cluster": "a",
            "representative": True,
            "similarity": 1.0,
            "centre": "a",
            "match": None,
            "reuse": [],
        }
    ]
    data, warnings = build_data(members, [{"id": "a", "text": "word " * 1000}])
    assert data["docs"][0]["cut"] and len(data["docs"][0]["text"]) < 500 and not warnings
    data, warnings = build_data(members, [])
    assert warnings and "no record" in warnings[0]
    assert "{{data}}" not in render(data)


@pytest.mark.parametrize("title", ["<b>x</b>", "{{data}}"])
def test_render_escapes_the_title_slot_and_data(title: str) -> None:
    page = render({"meta": {}, "docs": [{"id": "{{title}}"}], "clusters": []}, title=title)
    assert "<b>x</b>" not in page and page.count('"id":"{{title}}"') == 1
