"""WARC input: files written by warcio's writer, read back through cleaner's reader and CLI."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.errors import InputError
from cleaner.read import RawRecord, expand_inputs, read_inputs
from cleaner.warc import read_warc

from .warcs import Fetch, record_offsets, sample_fetches, sample_warc, write_warc

PARAGRAPH = "The council voted on Tuesday to widen the harbour road, officials said. " * 4


def page(title: str, body: str = PARAGRAPH) -> str:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


def crawl() -> list[Fetch]:
    """Every kind of record a crawl holds; three of them are pages."""
    return [
        Fetch("https://a.example/one", page("One").encode(), metadata=True),
        Fetch("https://a.example/logo.jpg", b"\xff\xd8\xff\xe0" + bytes(100), content_type="image/jpeg"),
        Fetch("https://a.example/gone", page("Gone").encode(), status="404 Not Found"),
        Fetch("https://a.example/one", kind="revisit", date="2024-05-03T10:00:00Z"),
        Fetch(
            "https://b.example/два",
            page("Новости", "Совет проголосовал во вторник за расширение дороги.").encode("cp1251"),
            content_type="text/html; charset=windows-1251",
            date="2024-05-04T23:59:59Z",
        ),
        Fetch("https://b.example/x", page("X").encode(), content_type="application/xhtml+xml", request=False),
        Fetch("https://b.example/empty", b"", request=False),
    ]


def pages_and_problems(path: Path) -> tuple[list[RawRecord], list[InputError], Counter[str]]:
    passed_over: Counter[str] = Counter()
    items = list(read_warc(str(path), passed_over))
    return (
        [r for r in items if isinstance(r, RawRecord)],
        [r for r in items if isinstance(r, InputError)],
        passed_over,
    )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_come_out_with_url_and_date(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, crawl())
    pages, problems, passed_over = pages_and_problems(path)
    assert problems == []
    assert [(r.meta["url"], r.extra["crawl_date"]) for r in pages] == [
        ("https://a.example/one", "2024-05-02"),
        ("https://b.example/два", "2024-05-04"),
        ("https://b.example/x", "2024-05-02"),
    ]
    assert [r.id for r in pages] == [crawl()[i].record_id for i in (0, 4, 5)]
    assert "Совет проголосовал" in pages[1].html  # windows-1251, named only in the HTTP header
    offsets = {offset for kind, offset, _ in record_offsets(path) if kind == "response"}
    assert all(r.extra["warc_offset"] in offsets and r.extra["warc_file"] == str(path) for r in pages)
    assert passed_over == Counter(
        {"request": 5, "metadata": 1, "warcinfo": 1, "revisit": 1, "not-html": 1, "http-404": 1, "empty": 1}
    )


def test_content_and_transfer_encodings_are_undone(tmp_path: Path) -> None:
    html = page("Zipped").encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (html[:50], html[50:])) + b"0\r\n\r\n"
    path = write_warc(
        tmp_path / "raw.warc.gz",
        [
            Fetch("https://c.example/gz", gzip.compress(html), headers=(("Content-Encoding", "gzip"),)),
            Fetch("https://c.example/chunked", chunked, headers=(("Transfer-Encoding", "chunked"),)),
        ],
    )
    pages, problems, _ = pages_and_problems(path)
    assert problems == []
    assert [r.html for r in pages] == [html.decode(), html.decode()]


def test_an_unknown_content_encoding_costs_that_record_only(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "zstd.warc.gz",
        [
            Fetch("https://c.example/z", b"(\xb5/\xfd binary", headers=(("Content-Encoding", "zstd"),)),
            Fetch("https://c.example/plain", page("Plain").encode()),
        ],
    )
    pages, (problem,), _ = pages_and_problems(path)
    assert [r.meta["url"] for r in pages] == ["https://c.example/plain"]
    assert problem.reason == "bad-encoding"
    assert "Content-Encoding 'zstd'" in str(problem)


def test_inputs_expand_to_warc_files_in_directories(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "b.warc.gz", crawl()[:1])
    write_warc(tmp_path / "in" / "a.warc", crawl()[:1])
    (tmp_path / "in" / "notes.md").write_text("not an input")
    found = expand_inputs([str(tmp_path / "in")])
    assert [(Path(p).name, kind) for p, kind in found] == [("a.warc", "warc"), ("b.warc.gz", "warc")]
    passed_over: Counter[str] = Counter()
    records = list(read_inputs(found, passed_over=passed_over))
    assert [r.meta["url"] for r in records] == ["https://a.example/one"] * 2
    assert passed_over["metadata"] == 2


def test_truncated_file_gives_one_error_and_keeps_earlier_records(tmp_path: Path) -> None:
    full = write_warc(tmp_path / "full.warc.gz", crawl())
    third_page = [offset for kind, offset, _ in record_offsets(full) if kind == "response"][4]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(full.read_bytes()[: third_page + 150])
    pages, problems, _ = pages_and_problems(cut)
    assert [r.meta["url"] for r in pages] == ["https://a.example/one", "https://b.example/два"]
    (problem,) = problems
    assert problem.reason == "truncated"
    assert str(problem).startswith(f"{cut}: truncated: record at byte {third_page}: ")
    assert "\n" not in str(problem)


@pytest.mark.parametrize(("name", "step"), [("small.warc.gz", 3), ("small.warc", 5)])
def test_every_cut_is_reported_unless_it_falls_between_records(tmp_path: Path, name: str, step: int) -> None:
    full = write_warc(tmp_path / name, crawl()[:2] + crawl()[4:5], warcinfo=False)
    data = full.read_bytes()
    expected = [r.html for r in pages_and_problems(full)[0]]
    # A file cut between records is a whole, shorter WARC. Uncompressed, the two
    # blank lines ending a record are not part of its length and may be missing.
    pads = range(1) if name.endswith(".gz") else range(5)
    ends = {offset + length + pad for _, offset, length in record_offsets(full) for pad in pads}
    cut = tmp_path / ("cut" + name[5:])
    sizes = set(range(1, len(data), step)) | {end + d for end in ends for d in (-1, 0, 1)}
    for size in sorted(size for size in sizes if 0 < size < len(data)):
        cut.write_bytes(data[:size])
        pages, problems, _ = pages_and_problems(cut)
        assert [r.html for r in pages] == expected[: len(pages)], size
        assert len(problems) == (0 if size in ends else 1), size
        if problems:
            assert problems[0].reason == "truncated", (size, str(problems[0]))


def test_damaged_gzip_member_stops_that_file_only(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "bad.warc.gz", crawl())
    second_page = [offset for kind, offset, _ in record_offsets(path) if kind == "response"][3]
    data = bytearray(path.read_bytes())
    data[second_page + 40] ^= 0xFF
    path.write_bytes(bytes(data))
    good = write_warc(tmp_path / "good.warc.gz", crawl()[5:6])
    items = list(read_inputs(expand_inputs([str(path), str(good)])))
    assert [type(r).__name__ for r in items] == ["RawRecord", "InputError", "RawRecord"]
    assert items[1].reason == "corrupt"
    assert f"record at byte {second_page}: " in str(items[1])


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes\n")
    _, (problem,), _ = pages_and_problems(path)
    assert problem.reason == "corrupt"
    assert str(problem).startswith(f"{path}: corrupt: record at byte 0: ")


def test_whole_file_gzip_is_reported_with_the_fix(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "plain.warc", crawl())
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    _, (problem,), _ = pages_and_problems(path)
    assert "recompress" in str(problem)


def test_cli_cleans_a_warc_end_to_end(tmp_path: Path) -> None:
    warc = sample_warc(tmp_path / "news.warc.gz")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["clean", str(warc), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    fetches = [f for f in sample_fetches() if f.kind == "response" and f.url.endswith(("farm", "wire"))]
    assert [r["id"] for r in records] == [f.record_id for f in fetches]
    assert [r["url"] for r in records] == [f.url for f in fetches]
    # The date a page names wins; a page naming none gets the crawl day.
    assert [r["date"] for r in records] == ["2024-03-14", "2024-05-02"]
    assert {r["crawl_date"] for r in records} == {"2024-05-02"}
    assert records[0]["title"] == "Council approves offshore wind farm after two-year fight"
    assert records[0]["text"].startswith("The county council voted 9 to 4")
    assert records[1]["text"].startswith("ROTTERDAM, Netherlands (AP)")
    summary = result.stderr.strip().splitlines()[-1]
    assert summary == (
        "cleaner: read 2, written 2, skipped 0, WARC records passed over 11 "
        "(http-404 1, metadata 2, not-html 1, request 5, revisit 1, warcinfo 1)"
    )


def test_cli_reports_a_truncated_warc_and_keeps_what_was_read(tmp_path: Path) -> None:
    warc = sample_warc(tmp_path / "news.warc.gz")
    second = [offset for kind, offset, _ in record_offsets(warc) if kind == "response"][2]
    warc.write_bytes(warc.read_bytes()[: second + 100])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["clean", str(warc), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["url"] for line in out.read_text().splitlines()] == [
        "https://news.example/harbour-wind-farm"
    ]
    problems = [line for line in result.stderr.splitlines() if line.startswith(f"cleaner: skipped {warc}")]
    assert problems == [
        f"cleaner: skipped {warc}: truncated: record at byte {second}: the file ends inside its gzip member; "
        "7 records were read before it, none after"
    ]
    assert "skipped 1 (truncated 1)" in result.stderr

    strict = CliRunner().invoke(main, ["clean", str(warc), "-o", str(tmp_path / "strict.jsonl"), "--strict"])
    assert strict.exit_code == 1
    assert not (tmp_path / "strict.jsonl").exists()


def test_cli_dedup_reads_warc(tmp_path: Path) -> None:
    fetches = sample_fetches()[:1]
    # Without the date the page names, the earlier fetch is the earlier copy.
    undated = re.sub(
        rb"<meta property=\"article:published_time\"[^>]*>|<time[^>]*>[^<]*</time>"
        rb"|<link rel=\"canonical\"[^>]*>",
        b"",
        fetches[0].body,
    )
    fetches[0].body = undated
    copy = Fetch("https://mirror.example/wind-farm", undated, date="2024-05-01T07:00:00Z")
    warc = write_warc(tmp_path / "two.warc.gz", [*fetches, copy])
    result = CliRunner().invoke(
        main, ["dedup", str(warc), "-o", str(tmp_path / "unique.jsonl"), "--keep", "earliest"]
    )
    assert result.exit_code == 0, result.output
    (kept,) = [json.loads(line) for line in (tmp_path / "unique.jsonl").read_text().splitlines()]
    assert kept["url"] == "https://mirror.example/wind-farm"
    assert "copies dropped 1" in result.stderr


def test_a_date_the_page_names_wins_over_the_crawl_day(tmp_path: Path) -> None:
    sentences = [
        "Syrian state media said dozens of people were treated for breathing problems in Aleppo on Saturday.",
        "The government blamed rebels for the attack, which the rebels denied in a statement on Sunday.",
        "A war monitor said at least 50 people had been taken to hospitals across the city overnight.",
    ]
    page = (
        "<html><head><meta property='article:published_time' content='2018-11-24T10:00:00Z'>"
        "<title>Gas attack reported in Aleppo</title></head><body><article>"
        "<h1>Gas attack reported in Aleppo</h1>"
        + "".join(f"<p>{s}</p>" for s in sentences * 3)
        + "</article></body></html>"
    )
    path = write_warc(tmp_path / "dated.warc.gz", [Fetch("https://a.example/aleppo", page.encode())])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["clean", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["date"] == "2018-11-24"
    assert record["crawl_date"] == "2024-05-02"
