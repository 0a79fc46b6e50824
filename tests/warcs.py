"""Build WARC files for tests with warcio's writer, laid out as crawlers write them.

``sample_warc`` writes the repository's sample pages as a small crawl, for the
README's example::

    python -c "from tests.warcs import sample_warc; sample_warc('news.warc.gz')"
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DATE = "2024-05-02T08:30:00Z"


@dataclass
class Fetch:
    """One fetched URL: a ``response`` (or ``revisit``) record, its ``request`` before it."""

    url: str
    body: bytes = b""
    status: str = "200 OK"
    content_type: str | None = "text/html; charset=utf-8"
    kind: str = "response"
    date: str = DATE
    headers: tuple[tuple[str, str], ...] = ()
    request: bool = True
    metadata: bool = False

    @property
    def record_id(self) -> str:
        """The ``WARC-Record-ID`` of its response (or revisit) record, without brackets."""
        return _record_id(self.url, self.kind)


def _record_id(url: str, kind: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}"


def _warc_headers(fetch: Fetch, kind: str) -> dict[str, str]:
    return {"WARC-Date": fetch.date, "WARC-Record-ID": f"<{_record_id(fetch.url, kind)}>"}


def write_warc(path: Path | str, fetches: Iterable[Fetch], *, warcinfo: bool = True) -> Path:
    """Write ``fetches`` to ``path``: one gzip member per record when it ends in ``.gz``."""
    path = Path(path)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        if warcinfo:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests/warcs.py"}))
        for fetch in fetches:
            if fetch.request:
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", fetch.url.split("/")[2])], is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(
                        fetch.url,
                        "request",
                        http_headers=request,
                        warc_headers_dict=_warc_headers(fetch, "request"),
                    )
                )
            fields = [("Content-Type", fetch.content_type)] if fetch.content_type else []
            fields += [*fetch.headers, ("Content-Length", str(len(fetch.body)))]
            http = StatusAndHeaders(fetch.status, fields, protocol="HTTP/1.1")
            if fetch.kind == "revisit":
                record = writer.create_revisit_record(
                    fetch.url, "sha1:AAAA", fetch.url, DATE, http_headers=http,
                    warc_headers_dict=_warc_headers(fetch, "revisit"),
                )  # fmt: skip
            else:
                record = writer.create_warc_record(
                    fetch.url, fetch.kind, payload=io.BytesIO(fetch.body), http_headers=http,
                    warc_headers_dict=_warc_headers(fetch, fetch.kind),
                )  # fmt: skip
            writer.write_record(record)
            if fetch.metadata:
                writer.write_record(
                    writer.create_warc_record(
                        fetch.url,
                        "metadata",
                        payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                        warc_content_type="application/warc-fields",
                        warc_headers_dict=_warc_headers(fetch, "metadata"),
                    )
                )
    return path


def record_offsets(path: Path | str) -> list[tuple[str, int, int]]:
    """``(WARC-Type, offset, length)`` of every record, as warcio reads them."""
    found = []
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            kind = record.rec_type
            records.read_to_end()
            found.append((kind, records.get_record_offset(), records.get_record_length()))
    return found


def sample_fetches() -> list[Fetch]:
    """The sample HTML pages as a crawl: each page with its request and metadata
    records, and an image, a 404 page and a revisit around them."""
    pages = sorted(SAMPLES.glob("*.html"))
    fetches = [
        Fetch(f"https://news.example/{page.stem.replace('_', '-')}", page.read_bytes(), metadata=True)
        for page in pages
    ]
    fetches.insert(
        1, Fetch("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    )
    fetches.append(
        Fetch("https://news.example/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    )
    fetches.append(Fetch(fetches[0].url, kind="revisit", date="2024-05-03T09:00:00Z"))
    return fetches


def sample_warc(path: Path | str = "news.warc.gz") -> Path:
    """Write the sample crawl (see :func:`sample_fetches`) to ``path``."""
    return write_warc(path, sample_fetches())
