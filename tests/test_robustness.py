"""Bad input never crashes a run nor costs a good record: one test per kind of
bad input, each reported on one line naming the file (and line) and reason."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import main
from cleaner.extract import decode_html, html_depth
from cleaner.read import Limits, expand_inputs, read_inputs

SENTENCE = "It rained all day in the city on Monday, officials said."
PAGE = f"<html><body><article><p>{SENTENCE * 4}</p></article></body></html>"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + f"]><html><body><article><p>&lol9; {SENTENCE}</p></article></body></html>"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(main, ["clean", "-j", "1", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def out_records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def skipped(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("cleaner: skipped ")]


def jsonl(path: Path, *lines: bytes) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def good_line(record_id: str) -> bytes:
    return json.dumps({"id": record_id, "text": SENTENCE}).encode()


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>Café {SENTENCE}</p></body></html>'
    assert "Café" in decode_html(page.encode("latin-1"))
    # windows-1252 bytes without a declaration fall back to cp1252, not a crash
    assert "Café" in decode_html(page.replace('charset="iso-8859-1"', "").encode("cp1252"))
    # a declared charset Python does not know, or one the bytes contradict, falls back too
    assert "Café" in decode_html(page.replace("iso-8859-1", "no-such-codec").encode("utf-8"))
    # an ASCII-readable page cannot be UTF-16, whatever its meta says (browsers ignore it)
    assert decode_html(b"<meta charset=utf-16><p>ok</p>") == "<meta charset=utf-16><p>ok</p>"


def test_invalid_utf8_text_file_falls_back_to_cp1252(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 owners said prices rose on Monday, in a statement.")
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code == 0
    assert out_records(out)[0]["text"].startswith("Café owners")


def test_invalid_utf8_jsonl_line_costs_that_line(runner: CliRunner, tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", good_line("a"), b'{"id": "b", "text": "\xff\xfe"}', good_line("c"))
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out))
    assert [r["id"] for r in out_records(out)] == ["a", "c"]
    assert skipped(result) == [f"cleaner: skipped {src}:2: invalid-utf8: byte 21: invalid start byte"]


@pytest.mark.parametrize("escape", [b"\\ud800", b"\\uDFFF", b"caf\xc3\xa9 \\uD800"])
def test_lone_surrogate_escapes_are_replaced_not_fatal(
    runner: CliRunner, tmp_path: Path, escape: bytes
) -> None:
    src = jsonl(
        tmp_path / "a.jsonl", b'{"id": "s", "text": "It rained ' + escape + b' all day, officials said."}'
    )
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out))
    assert result.exit_code == 0
    assert out_records(out)[0]["text"].endswith("\ufffd all day, officials said.")


@pytest.mark.parametrize(
    "command", [["clean", "-j", "1"], ["clean", "-j", "2"], ["dedup"], ["dedup", "--no-clean"]]
)
def test_a_lone_surrogate_in_another_field_costs_that_record(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    """It cannot be written as UTF-8: the record is skipped, named, and the run goes on."""
    bad = json.dumps({"id": "s", "text": SENTENCE}).encode()[:-1] + b', "note": "x\\ud800"}'
    src = jsonl(tmp_path / "a.jsonl", bad, good_line("g"))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, [*command, str(src), "-o", str(out)])
    assert "Traceback" not in result.output and result.exit_code == 0, result.output
    assert [r["id"] for r in out_records(out)] == ["g"]
    assert skipped(result)[0].startswith(f"cleaner: skipped {src}:1: failed: UnicodeEncodeError")


@pytest.mark.parametrize("name", ["image.html", "image.txt"])
def test_binary_file_with_a_text_name_is_skipped(runner: CliRunner, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 40)
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path / name), "-o", str(out))
    assert result.exit_code == 0
    (line,) = skipped(result)
    assert line.startswith(f"cleaner: skipped {tmp_path / name}: binary: ")
    assert "binary 1" in result.stderr
    assert out.read_text() == ""


@pytest.mark.parametrize("name", ["empty.html", "empty.txt", "blank.txt"])
def test_empty_file_is_skipped(runner: CliRunner, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"" if name.startswith("empty") else b" \n\n\t\n")
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path), "-o", str(out))
    assert skipped(result) == [f"cleaner: skipped {tmp_path / name}: empty: no text in the file"]


def test_empty_jsonl_writes_nothing_and_succeeds(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path / "e.jsonl"), "-o", str(out))
    assert result.exit_code == 0 and out.read_text() == ""
    assert "read 0, written 0, skipped 0" in result.stderr


def test_nul_bytes(runner: CliRunner, tmp_path: Path) -> None:
    """A stray NUL in a text or HTML file, or escaped in JSON, is dropped (lxml
    refuses it); the document is kept."""
    (tmp_path / "a.txt").write_bytes(b"It rained all\x00 day in the city on Monday, officials said.")
    (tmp_path / "b.html").write_bytes(PAGE.replace("rained", "rai\x00ned").encode())
    jsonl(tmp_path / "c.jsonl", json.dumps({"id": "c", "html": PAGE.replace("all", "al\x00l")}).encode())
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path), "-o", str(out))
    assert result.exit_code == 0 and not skipped(result)
    texts = [r["text"] for r in out_records(out)]
    assert len(texts) == 3 and all("\x00" not in t and t.startswith("It rained all") for t in texts)


def test_malformed_jsonl_lines(runner: CliRunner, tmp_path: Path) -> None:
    src = jsonl(
        tmp_path / "a.jsonl",
        good_line("a"),
        b"not json",
        b'{"id": "cut", "text": "half',
        b"[" * 100_000 + b"]" * 100_000,  # deeper than json's recursion limit
        good_line("b"),
    )
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out))
    assert [r["id"] for r in out_records(out)] == ["a", "b"]
    assert [line.split(": ")[1] for line in skipped(result)] == [f"skipped {src}:{n}" for n in (2, 3, 4)]
    assert f"{src}:4: invalid-json: nested too deeply" in result.stderr
    assert "skipped 3 (invalid-json 3)" in result.stderr


def test_text_missing_null_or_not_a_string(runner: CliRunner, tmp_path: Path) -> None:
    src = jsonl(
        tmp_path / "a.jsonl",
        b'{"id": "missing"}',
        b'{"id": "null", "text": null}',
        b'{"id": "number", "text": 5}',
        b'{"id": "list", "html": ["<p>"]}',
        good_line("ok"),
    )
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out))
    assert [r["id"] for r in out_records(out)] == ["ok"]
    assert "skipped 4 (bad-text 2, no-text 2)" in result.stderr
    assert f"{src}:3: bad-text: 'text' is int, not a string" in result.stderr


def test_json_lines_that_are_not_objects(runner: CliRunner, tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", b"[1, 2]", b'"a string"', b"42", b"null", good_line("ok"))
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out))
    assert [r["id"] for r in out_records(out)] == ["ok"]
    assert "skipped 4 (not-an-object 4)" in result.stderr
    assert f"{src}:4: not-an-object: expected a JSON object, got NoneType" in result.stderr


def test_truncated_gzip_keeps_the_lines_before_the_cut(runner: CliRunner, tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(good_line(f"r{i}") + b"\n" for i in range(300)))
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) - 40])
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path / "cut.jsonl.gz"), "-o", str(out))
    assert result.exit_code == 0
    ids = [r["id"] for r in out_records(out)]
    assert ids and ids == [f"r{i}" for i in range(len(ids))]
    (line,) = skipped(result)
    cut = tmp_path / "cut.jsonl.gz"
    assert line.startswith(f"cleaner: skipped {cut}: truncated: stopped reading after line")


def test_a_30mb_document_is_skipped_by_the_size_cap(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(30_000_000)  # sparse: the cap is checked before the file is read
    (tmp_path / "ok.txt").write_text(SENTENCE)
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    result = run(runner, str(tmp_path), "-o", str(out))
    assert time.perf_counter() - started < 5
    message = f"cleaner: skipped {big}: too-large: 30000000 bytes, over --max-bytes 10000000"
    assert skipped(result) == [message]
    assert [r["id"] for r in out_records(out)] == [str(tmp_path / "ok.txt")]


def test_max_bytes_applies_to_jsonl_lines_and_is_an_option(runner: CliRunner, tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "x" * 500}).encode()
    src = jsonl(tmp_path / "a.jsonl", good_line("small"), big)
    out = tmp_path / "out.jsonl"
    result = run(runner, str(src), "-o", str(out), "--max-bytes", "200")
    assert [r["id"] for r in out_records(out)] == ["small"]
    assert f"{src}:2: too-large: 526 bytes, over --max-bytes 200" in result.stderr


def test_deeply_nested_html_is_skipped_by_the_depth_cap(runner: CliRunner, tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 50_000 + SENTENCE + "</div>" * 50_000 + "</body></html>")
    jsonl(tmp_path / "deep.jsonl", json.dumps({"id": "d", "html": "<span>" * 40_000}).encode())
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    result = run(runner, str(tmp_path), "-o", str(out))
    assert time.perf_counter() - started < 5
    assert f"{deep}: too-deep: HTML nested deeper than --max-depth 1000" in result.stderr
    assert f"{tmp_path / 'deep.jsonl'}:1: too-deep" in result.stderr
    # a lower cap is an option; a page within it is kept
    (tmp_path / "ok.html").write_text(PAGE.replace("<article>", "<div><article>"))  # depth 2
    result = run(runner, str(tmp_path / "ok.html"), "-o", str(out), "--max-depth", "2")
    assert skipped(result) == []
    result = run(runner, str(tmp_path / "ok.html"), "-o", str(out), "--max-depth", "1")
    assert "too-deep: HTML nested deeper than --max-depth 1" in result.stderr


def test_html_depth_ignores_void_and_unclosed_optional_tags() -> None:
    assert html_depth("<ul>" + "<li>item<br>" * 5000 + "</ul>", 100) == 1
    assert html_depth("<p>a<p>b<img src=x><hr/>", 100) == 0
    assert html_depth("<div>" * 5000, 10) == 11  # stops counting past the limit


def test_entity_expansion_payload_is_not_expanded(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "laughs.html").write_text(LAUGHS)
    jsonl(tmp_path / "laughs.jsonl", json.dumps({"id": "l", "html": LAUGHS}).encode())
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    result = run(runner, str(tmp_path), "-o", str(out))
    assert time.perf_counter() - started < 10
    assert result.exit_code == 0
    for record in out_records(out):
        assert len(record["text"]) < 1000  # 10^9 "lol"s were never built


def test_missing_input_path_fails_before_work(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(SENTENCE)
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path / "ok.txt"), str(tmp_path / "missing.jsonl"), "-o", str(out))
    assert result.exit_code == 2
    assert "missing.jsonl: no such file or directory" in result.output
    assert not out.exists() and "read " not in result.stderr


def test_strict_stops_at_the_first_problem(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = run(runner, str(tmp_path), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert f"stopped at the first problem (--strict): {tmp_path / 'b.txt'}: empty" in result.stderr
    assert not out.exists()


def test_an_extractor_failure_costs_one_record(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A page the extractor raises on is reported (reason ``failed``), not fatal."""
    from cleaner import clean as clean_module
    from cleaner.pipeline import run_clean

    real = clean_module.extract_html

    def flaky(html: str, *, url: str | None = None):  # type: ignore[no-untyped-def]
        if "boom" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, url=url)

    monkeypatch.setattr(clean_module, "extract_html", flaky)
    src = jsonl(
        tmp_path / "a.jsonl",
        json.dumps({"id": "a", "html": PAGE}).encode(),
        json.dumps({"id": "b", "html": "<p>boom</p>"}).encode(),
        json.dumps({"id": "c", "html": PAGE}).encode(),
    )
    problems: list[str] = []
    out = tmp_path / "out.jsonl"
    stats = run_clean([str(src)], str(out), jobs=1, on_problem=lambda p: problems.append(str(p)))
    assert [r["id"] for r in out_records(out)] == ["a", "c"]
    assert problems == [f"{src}:2: failed: RecursionError: maximum recursion depth exceeded"]
    assert stats.skipped == {"failed": 1}


def test_limits_reach_readers_through_the_library(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE)
    records = list(read_inputs(expand_inputs([str(tmp_path)]), limits=Limits(max_bytes=10)))
    assert [getattr(r, "reason", None) for r in records] == ["too-large"]


def test_duplicate_ids_are_kept_and_reported(runner: CliRunner, tmp_path: Path) -> None:
    a = jsonl(tmp_path / "a.jsonl", good_line("x"), good_line("y"))
    b = jsonl(tmp_path / "b.jsonl", good_line("z"), json.dumps({"id": "x", "text": "Other words."}).encode())
    out = tmp_path / "out.jsonl"
    result = run(runner, str(a), str(b), "-o", str(out))
    assert result.exit_code == 0
    assert [r["id"] for r in out_records(out)] == ["x", "y", "z", "x"]
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [f"cleaner: warning: {b}:2: duplicate-id: id 'x' also at {a}:1; both kept"]
    assert "read 4, written 4, skipped 0, duplicate ids 1 (kept)" in result.stderr
    # a duplicate is no bad record: --strict keeps going
    assert run(runner, str(a), str(b), "-o", str(out), "--strict").exit_code == 0


def test_dedup_keeps_duplicate_ids_apart(runner: CliRunner, tmp_path: Path) -> None:
    story = "The council approved the new budget for schools and roads after a long debate on Monday."
    other = "Heavy snow closed the mountain pass for a third day, stranding hundreds of lorries."
    src = jsonl(
        tmp_path / "a.jsonl",
        json.dumps({"id": "x", "text": story}).encode(),
        json.dumps({"id": "x", "text": other}).encode(),
    )
    out, clusters = tmp_path / "out.jsonl", tmp_path / "clusters.jsonl"
    result = runner.invoke(main, ["dedup", "-j", "1", str(src), "-o", str(out), "--clusters", str(clusters)])
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in out_records(out)] == [story, other]
    assert len(out_records(clusters)) == 2
    assert "duplicate ids 1 (kept)" in result.stderr


def mixed_directory(root: Path) -> tuple[set[str], dict[str, int]]:
    """Every kind of bad input beside good files; returns the ids of the good
    records and the skipped counts the summary must show."""
    from tests.warcs import sample_warc

    root.mkdir()
    good: set[str] = set()
    for i in range(3):
        (root / f"good{i}.txt").write_text(f"Story {i}: {SENTENCE}")
        (root / f"page{i}.html").write_text(PAGE.replace("rained", f"rained {i} times"))
        good |= {str(root / f"good{i}.txt"), str(root / f"page{i}.html")}
    (root / "latin1.html").write_bytes(
        PAGE.replace("<html>", '<html><meta charset="latin-1">Café').encode("latin-1")
    )
    (root / "cp1252.txt").write_bytes(b"Caf\xe9 owners said prices rose on Monday.")
    (root / "nul.txt").write_bytes(b"A stray\x00 NUL in a story, the man said.")
    (root / "laughs.html").write_text(LAUGHS)
    good |= {str(root / n) for n in ("latin1.html", "cp1252.txt", "nul.txt", "laughs.html")}
    (root / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (root / "image.txt").write_bytes(bytes(range(256)) * 20)
    (root / "empty.html").write_bytes(b"")
    (root / "empty.txt").write_bytes(b"")
    (root / "empty.jsonl").write_bytes(b"")
    with (root / "huge.txt").open("wb") as f:
        f.truncate(30_000_000)
    (root / "deep.html").write_text("<div>" * 30_000 + SENTENCE)
    jsonl(
        root / "records.jsonl",
        good_line("j1"),
        b'{"id": "bad-utf8", "text": "\xff"}',
        b"not json",
        b'{"id": "missing"}',
        b'{"id": "null", "text": null}',
        b'{"id": "number", "text": 7}',
        b"[1, 2]",
        good_line("j2"),
        good_line("j1"),  # duplicate id: kept
        b'{"id": "nul", "text": "It rained\\u0000 today."}',
    )
    good |= {"j1", "j2", "nul"}
    whole = gzip.compress(b"".join(good_line(f"g{i}") + b"\n" for i in range(100)))
    (root / "cut.jsonl.gz").write_bytes(whole[:-40])
    kept_before_cut = [json.loads(line)["id"] for line in _readable_lines(root / "cut.jsonl.gz")]
    good |= set(kept_before_cut)
    warc = sample_warc(root / "crawl.warc.gz")
    good |= {r.id for r in read_inputs(expand_inputs([str(warc)])) if not isinstance(r, Exception)}
    counts = {
        "bad-text": 1,
        "binary": 2,
        "empty": 2,
        "invalid-json": 1,
        "invalid-utf8": 1,
        "no-text": 2,
        "not-an-object": 1,
        "too-deep": 1,
        "too-large": 1,
        "truncated": 1,
    }
    return good, counts


def _readable_lines(path: Path) -> list[bytes]:
    lines: list[bytes] = []
    try:
        with gzip.open(path, "rb") as f:
            lines.extend(f)
    except EOFError:
        pass
    return [line for line in lines if line.endswith(b"\n")]


def test_a_directory_mixing_every_bad_input_writes_every_good_record(tmp_path: Path) -> None:
    good, counts = mixed_directory(tmp_path / "in")
    outputs, errors = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(out), "-j", jobs])
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
        written = out_records(out)
        assert {r["id"] for r in written} == good
        assert len(written) == len(good) + 1  # the duplicate id is kept too
        summary = result.stderr.splitlines()[-1]
        by_reason = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        assert f"skipped {sum(counts.values())} ({by_reason})" in summary
        assert "duplicate ids 1 (kept)" in summary
        assert len(skipped(result)) == sum(counts.values())
        outputs.append(out.read_bytes())
        # everything but the time taken, which differs from run to run
        errors.append([line for line in result.stderr.splitlines() if not line.startswith("cleaner: took ")])
    # deterministic: the same bytes and the same report whatever --jobs
    assert outputs[0] == outputs[1]
    assert errors[0] == errors[1]


def test_dedup_over_the_mixed_directory_reports_the_same_problems(tmp_path: Path) -> None:
    good, counts = mixed_directory(tmp_path / "in")
    out, clusters = tmp_path / "out.jsonl", tmp_path / "clusters.jsonl"
    args = ["dedup", str(tmp_path / "in"), "-o", str(out), "--clusters", str(clusters), "-j", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert {r["id"] for r in out_records(clusters)} == good  # every good record was clustered
    assert len(skipped(result)) == sum(counts.values())
    assert "duplicate ids 1 (kept)" in result.stderr.splitlines()[-1]


def test_public_names_stay_themselves_once_every_module_is_imported() -> None:
    """The package's names are imported on first use; importing a module of the
    same name as one of them must not replace it (``cleaner.compare`` stays the
    function)."""
    import importlib

    import cleaner

    for name, home in cleaner._HOMES.items():
        module = importlib.import_module(f"cleaner.{home}")
        assert getattr(cleaner, name) is getattr(module, name), name
    for name in cleaner.__all__:
        assert not isinstance(getattr(cleaner, name), type(cleaner)), name
