"""WARC reading speed: warcio against FastWARC, on a generated Common-Crawl-like file.

What it measures
----------------
A WARC file is built in a temporary directory from the Scrapinghub news pages
(``--data``; the pages are read in place, never copied into the repository),
laid out the way a Common Crawl (News) WARC is: a ``warcinfo`` record, then for
each fetch a ``request``, a ``response`` and a ``metadata`` record, each record
its own gzip member. Besides the HTML responses (``text/html`` with and without
a charset, a few ``application/xhtml+xml``), 5% of the fetches are images, 3%
are 404 pages and 5% are ``revisit`` records. ``--responses`` HTML responses
are written (the 181 pages repeated).

Each reader then does the same work a WARC input stage does: iterate every
record, tell the record types apart, parse the HTTP headers of responses, keep
those with status 200 and an HTML content type, take the charset from
``Content-Type``, and read the whole payload (content and transfer encodings
decoded). Figures are the medians of ``--runs`` runs over the same file (the
file is in the page cache after it is written):

* records/s counts every WARC record read (HTML or not);
* HTML/s counts the HTML payloads delivered;
* MB/s is the size of the file on disk (compressed) per second.

Readers: ``warcio`` (``ArchiveIterator``, ``content_stream()``) and
``fastwarc`` (``ArchiveIterator`` with ``parse_http=True``,
``auto_decode="all"``), plus cleaner's own WARC input stage
(``cleaner.warc.read_warc``: the chosen library plus decoding to ``str`` and
the integrity checks) when cleaner is importable.

Both ``.warc.gz`` (as Common Crawl ships) and the same records uncompressed
(``.warc``) are measured.

For scale, the same run times what follows reading in a cleaner run:
extracting and cleaning (``cleaner.clean.clean_record``, one core) the first
``--clean-sample`` HTML pages of the file, and prints the share of a run's
time each reader would take.

Reproduce (from the repository root, with ``pip install warcio fastwarc``)::

    python bench/warc_read.py --data ../shared/bench/scrapinghub
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TINY_JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"\xff\xd9"


def _pages(data: Path) -> list[tuple[str, bytes]]:
    meta = json.loads((data / "meta.json").read_text())
    pages = []
    for path in sorted((data / "html").glob("*.html")):
        url = meta.get(path.stem, {}).get("url") or f"https://news.example/{path.stem}"
        pages.append((url, path.read_bytes()))
    return pages


def build_warc(path: Path, pages: list[tuple[str, bytes]], responses: int, gz: bool) -> dict[str, int]:
    """Write a Common-Crawl-like WARC with ``responses`` HTML responses; return counts by kind."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(7)
    counts = {"html": 0, "request": 0, "metadata": 0, "revisit": 0, "not-html": 0, "http-404": 0}
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench/warc_read.py"}))
        index = 0
        while counts["html"] < responses:
            url, body = pages[index % len(pages)]
            url = f"{url}?copy={index // len(pages)}"
            index += 1
            roll = rng.random()
            if roll < 0.05:
                kind, status, ctype, body = "not-html", "200 OK", "image/jpeg", _TINY_JPEG
            elif roll < 0.08:
                kind, status, ctype = "http-404", "404 Not Found", "text/html; charset=utf-8"
                body = b"<html><body><h1>Not found</h1></body></html>"
            elif roll < 0.13:
                kind, status, ctype = "revisit", "200 OK", "text/html"
            else:
                kind, status = "html", "200 OK"
                ctype = rng.choice(["text/html; charset=utf-8", "text/html", "application/xhtml+xml"])
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", url.split("/")[2]), ("User-Agent", "bench")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
            )
            if kind == "revisit":
                record = writer.create_revisit_record(
                    url, "sha1:AAAA", url, "2024-03-01T10:00:00Z", http_headers=headers
                )
            else:
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            writer.write_record(record)
            metadata = b"fetchTimeMs: 120\r\n"
            writer.write_record(
                writer.create_warc_record(
                    url, "metadata", payload=io.BytesIO(metadata), warc_content_type="application/warc-fields"
                )
            )
            counts[kind] += 1
            counts["request"] += 1
            counts["metadata"] += 1
    return counts


def read_warcio(path: Path) -> tuple[int, int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = html = size = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if ctype.split(";", 1)[0].strip().lower() not in _HTML_TYPES:
                continue
            match = _CHARSET.search(ctype)
            _charset = match.group(1) if match else None
            payload = record.content_stream().read()
            html += 1
            size += len(payload)
    return records, html, size


def read_fastwarc(path: Path) -> tuple[int, int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = html = size = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, parse_http=True, auto_decode="all"):
            records += 1
            if record.record_type != WarcRecordType.response or not record.is_http:
                continue
            if record.http_headers.status_code != 200:
                continue
            ctype = record.http_content_type or ""
            if ctype.lower() not in _HTML_TYPES:
                continue
            _charset = record.http_charset
            payload = record.reader.read()
            html += 1
            size += len(payload)
    return records, html, size


def read_cleaner(path: Path) -> tuple[int, int, int]:
    from collections import Counter

    from cleaner.warc import read_warc

    skipped: Counter[str] = Counter()
    html = size = 0
    for item in read_warc(str(path), skipped):
        if getattr(item, "html", None) is not None:
            html += 1
            size += len(item.html)
    return html + sum(skipped.values()), html, size


def _clean_seconds(path: Path, sample: int) -> float:
    """Median seconds to extract and clean one page of the file (first ``sample`` pages)."""
    from itertools import islice

    from cleaner.clean import CleanOptions, clean_record
    from cleaner.read import RawRecord
    from cleaner.warc import read_warc

    options = CleanOptions(learn_boilerplate=False)
    pages = [r for r in islice(read_warc(str(path)), sample) if isinstance(r, RawRecord)]
    times = []
    for record in pages:
        start = time.perf_counter()
        clean_record(record, options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _time(reader: Callable[[Path], tuple[int, int, int]], path: Path, runs: int) -> tuple[float, tuple]:
    times, result = [], ()
    for _ in range(runs):
        start = time.perf_counter()
        result = reader(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="Scrapinghub benchmark folder (html/, meta.json)"
    )
    parser.add_argument("--responses", type=int, default=2000, help="HTML responses to write (default 2000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--clean-sample", type=int, default=40, help="pages to extract and clean for scale (0: skip)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    pages = _pages(args.data)
    readers: list[tuple[str, Callable[[Path], tuple[int, int, int]]]] = [
        ("warcio", read_warcio),
        ("fastwarc", read_fastwarc),
    ]
    try:
        import cleaner.warc  # noqa: F401

        readers.append(("cleaner.warc.read_warc", read_cleaner))
    except ImportError as exc:
        print(f"(cleaner's reader not measured: {exc})", file=sys.stderr)

    figures: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, gz in ((".warc.gz", True), (".warc", False)):
            path = Path(tmp) / f"bench{suffix}"
            start = time.perf_counter()
            counts = build_warc(path, pages, args.responses, gz)
            mb = os.path.getsize(path) / 1e6
            total = sum(counts.values()) + 1
            print(
                f"\n{path.name}: {total} records ({', '.join(f'{k} {v}' for k, v in counts.items())}, "
                f"warcinfo 1), {mb:.1f} MB, written in {time.perf_counter() - start:.1f} s"
            )
            print(f"median of {args.runs} runs\n")
            print("| reader | seconds | records/s | HTML/s | MB/s | vs warcio |")
            print("|---|---|---|---|---|---|")
            base = None
            figures[suffix] = {}
            for name, reader in readers:
                seconds, (records, html, _size) = _time(reader, path, args.runs)
                if html != counts["html"]:
                    print(f"  ({name}: {html} HTML records, expected {counts['html']})", file=sys.stderr)
                base = base or seconds
                figures[suffix][name] = {
                    "seconds": seconds,
                    "records_per_s": records / seconds,
                    "html_per_s": html / seconds,
                    "mb_per_s": mb / seconds,
                }
                print(
                    f"| {name} | {seconds:.2f} | {records / seconds:,.0f} | {html / seconds:,.0f} "
                    f"| {mb / seconds:.0f} | {base / seconds:.1f}× |"
                )
            if suffix == ".warc.gz" and args.clean_sample and "cleaner.warc.read_warc" in figures[suffix]:
                per_page = _clean_seconds(path, args.clean_sample)
                figures["clean_ms_per_page"] = {"ms": per_page * 1000}
                print(f"\nextract + clean (cleaner, one core): {per_page * 1000:.0f} ms/page; reading is")
                for name, fig in figures[suffix].items():
                    read = 1 / fig["html_per_s"]
                    print(f"  {name}: {100 * read / (read + per_page):.2f}% of a run's time")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
