"""Read WARC files (``.warc``, ``.warc.gz``, as Common Crawl ships them) into raw records.

Every ``response`` record holding an HTTP 200 HTML page (``text/html`` or
``application/xhtml+xml``) becomes a :class:`~cleaner.read.RawRecord`: ``html``
is the payload decoded with the charset of the HTTP ``Content-Type`` when it
names one (else as a page file is decoded, :func:`cleaner.extract.decode_html`),
``id`` the ``WARC-Record-ID``, ``meta`` holds ``url`` (``WARC-Target-URI``), and
``extra`` the record's place, ``warc_file`` and ``warc_offset`` (the byte where
the record starts, as in a Common Crawl index), and ``crawl_date`` (the day of
``WARC-Date``: when the page was fetched, not when it was published, so it is
the document's ``date`` only when the page names none).

Every other record is passed over and counted by reason in the ``passed_over``
counter given: its WARC type (``request``, ``metadata``, ``warcinfo``,
``revisit``, ...), ``not-http``, ``not-html``, ``http-404`` (any status but
200) or ``empty``.

A file that ends early or cannot be decompressed becomes one
:class:`~cleaner.errors.InputError` naming the file and the byte where the bad
record starts; the records before it have been yielded, and reading stops at
that file.

The reader is warcio: pure Python and fast enough that reading is under 1% of
a run (``bench/warc_read.py``). It is imported when a WARC file is first read.

>>> import io
>>> from collections import Counter
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> buffer = io.BytesIO()
>>> writer = WARCWriter(buffer, gzip=True)
>>> writer.write_record(writer.create_warc_record("https://news.example/a", "request"))
>>> http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
>>> page = io.BytesIO("<html><body><p>Grüße</p></body></html>".encode())
>>> writer.write_record(writer.create_warc_record(
...     "https://news.example/a", "response", payload=page, http_headers=http))
>>> passed_over = Counter()
>>> (record,) = read_warc_stream(io.BytesIO(buffer.getvalue()), "mem.warc.gz", passed_over)
>>> record.meta["url"], "<p>Grüße</p>" in record.html, passed_over
('https://news.example/a', True, Counter({'request': 1}))
"""

from __future__ import annotations

import codecs
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from .errors import InputError
from .extract import decode_html
from .read import WARC_SUFFIXES, RawRecord

__all__ = ["HTML_TYPES", "WARC_SUFFIXES", "decode_payload", "read_warc", "read_warc_stream"]

#: HTTP content types read as pages; every other response is passed over.
HTML_TYPES = ("text/html", "application/xhtml+xml")

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTENT_LENGTH = re.compile(rb"^content-length:\s*(\d+)\s*$", re.I | re.M)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# Labels browsers read as another, wider encoding (WHATWG Encoding Standard).
_WIDER = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}
_READ_BLOCK = 1 << 16


def _warcio() -> Any:
    try:
        from warcio import archiveiterator, bufferedreaders
    except ImportError as exc:  # pragma: no cover - warcio is a dependency
        raise ImportError("reading WARC files needs warcio: pip install warcio") from exc
    return archiveiterator, bufferedreaders


def _codec(charset: str | None) -> str | None:
    """Python's name for a charset label, widened as browsers widen it; None if unknown."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WIDER.get(name, name)


def decode_payload(data: bytes, content_type: str | None) -> str:
    """Page bytes to text: a byte-order mark first; then valid UTF-8, then the
    charset the HTTP ``Content-Type`` names; otherwise :func:`decode_html` (the
    page's meta charset, UTF-8, Windows-1252).

    UTF-8 goes before the declared charset because servers often label UTF-8
    pages ``ISO-8859-1`` by default, while legacy text is almost never valid
    UTF-8 beyond ASCII (and ASCII reads the same either way).

    >>> decode_payload("Привет".encode("cp1251"), "text/html; charset=windows-1251")
    'Привет'
    >>> decode_payload("café".encode(), "text/html; charset=ISO-8859-1")
    'café'
    >>> decode_payload("café".encode("latin-1"), "text/html")
    'café'
    """
    match = _CHARSET.search(content_type or "")
    codec = _codec(match.group(1)) if match else None
    if codec is None or data.startswith(_BOMS):
        return decode_html(data)
    candidates = [codec] if codec.startswith(("utf_16", "utf_32")) else ["utf-8", codec]
    for name in candidates:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return decode_html(data)


def _decoded(record: Any, raw: bytes, bufferedreaders: Any) -> bytes:
    """The payload with chunked transfer and content encodings undone (warcio
    passes data through as it is when it is not encoded as labelled)."""
    headers = record.http_headers
    encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity", "none"):
        encoding = ""
    elif encoding not in bufferedreaders.BufferedReader.get_supported_decompressors():
        hint = " (pip install brotli)" if encoding == "br" else ""
        raise ValueError(f"Content-Encoding {encoding!r} cannot be decoded{hint}")
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        return bufferedreaders.ChunkedDataReader(io.BytesIO(raw), decomp_type=encoding or None).read()
    if encoding:
        return bufferedreaders.BufferedReader(io.BytesIO(raw), decomp_type=encoding).read()
    return raw


def _header(headers: Any, name: str) -> str:
    value = headers.get_header(name) or ""
    return value.strip().removeprefix("<").removesuffix(">")


def _reason_to_skip(record: Any) -> str | None:
    """Why a record is no page to read, or None when it is one."""
    kind = record.rec_type or "unknown"
    if kind != "response":
        return kind
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP/"):
        return "not-http"
    status = (http.get_statuscode() or "").strip()
    if status != "200":
        return f"http-{status or 'unknown'}"
    ctype = http.get_header("Content-Type") or record.rec_headers.get_header("WARC-Identified-Payload-Type")
    if (ctype or "").split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return "not-html"
    return None


def _page(
    record: Any, raw: bytes, origin: str, offset: int, bufferedreaders: Any, passed_over: Counter[str]
) -> Iterator[RawRecord | InputError]:
    """The page of a record (nothing when it is empty; an error when its
    content encoding cannot be undone)."""
    try:
        data = _decoded(record, raw, bufferedreaders)
    except Exception as exc:  # an unknown encoding, zlib, brotli or chunk errors: this record only
        yield InputError(origin, "bad-encoding", f"record at byte {offset}: {_one_line(exc)}")
        return
    if not data.strip():
        passed_over["empty"] += 1
        return
    headers = record.rec_headers
    record_id = _header(headers, "WARC-Record-ID") or f"{origin}#{offset}"
    url = _header(headers, "WARC-Target-URI")
    extra: dict[str, str | int] = {"warc_file": origin, "warc_offset": offset}
    day = _DAY.match(_header(headers, "WARC-Date"))
    if day:
        extra["crawl_date"] = day.group(0)
    yield RawRecord(
        id=record_id,
        origin=origin,
        html=decode_payload(data, record.http_headers.get_header("Content-Type")),
        meta={"url": url} if url else {},
        extra=extra,
    )


def _gzip_member(stream: IO[bytes], offset: int) -> str | None:
    """What the gzip member at byte ``offset`` is: ``"whole"``, ``"cut"`` (the
    file ends inside it) or ``"bad"`` (not valid gzip data); None when no gzip
    member starts there or the stream cannot seek.

    warcio reads a record whose data is whole even when its member's end is
    missing, and a file cut there would lose the records after it unnoticed.
    """
    try:
        stream.seek(offset)
        magic = stream.read(2)
        if magic != b"\x1f\x8b":
            return "cut" if magic == b"\x1f" else None  # one byte of a member, then the end
        stream.seek(offset)
    except (OSError, ValueError):
        return None
    member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    while not member.eof and (block := stream.read(_READ_BLOCK)):
        try:
            member.decompress(block)
        except zlib.error:
            return "bad"
    return "whole" if member.eof else "cut"


def _damage(stream: IO[bytes], offset: int, otherwise: str) -> tuple[str, str]:
    """The reason and detail for a record that could not be read."""
    member = _gzip_member(stream, offset)
    if member == "cut":
        return "truncated", "the file ends inside its gzip member"
    if member == "bad":
        return "corrupt", "its gzip member is damaged"
    if member is None and _record_cut(stream, offset):
        return "truncated", "the file ends inside it"
    return "corrupt", otherwise


def _record_cut(stream: IO[bytes], offset: int) -> bool:
    """Whether an uncompressed file ends inside the record at ``offset``: in its
    headers, or before the end of the block its ``Content-Length`` announces."""
    try:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(offset)
        block = stream.read(_READ_BLOCK)
    except (OSError, ValueError):
        return False
    head = block.lstrip(b"\r\n")
    if not (head.startswith(b"WARC/") or b"WARC/".startswith(head)):
        return False
    start = offset + len(block) - len(head)
    end = head.find(b"\r\n\r\n")
    if end < 0:
        return len(block) < _READ_BLOCK
    length = _CONTENT_LENGTH.search(head[:end])
    return bool(length) and start + end + 4 + int(length.group(1)) > size


def _tail_is_blank(stream: IO[bytes], end: int) -> bool:
    """Whether nothing but blank lines follows byte ``end`` (True when unseekable)."""
    try:
        stream.seek(end)
    except (OSError, ValueError):
        return True
    while block := stream.read(_READ_BLOCK):
        if block.strip(b"\r\n"):
            return False
    return True


def read_warc_stream(
    stream: IO[bytes], origin: str, passed_over: Counter[str] | None = None
) -> Iterator[RawRecord | InputError]:
    """Pages from an open binary WARC stream (gzipped per record or not).

    ``passed_over`` counts the records passed over, by reason. A damaged record
    ends the stream with one :class:`InputError` naming the byte it starts at.
    """
    archiveiterator, bufferedreaders = _warcio()
    passed_over = passed_over if passed_over is not None else Counter()
    records = archiveiterator.ArchiveIterator(stream)
    records.INC_RECORD = ""  # warcio would print a warning; a bad length is reported below
    read = 0

    def problem(offset: int, reason: str, detail: str, before: int | None = None) -> InputError:
        before = read if before is None else before
        count = f"{before} record{' was' if before == 1 else 's were'} read before it"
        return InputError(origin, reason, f"record at byte {offset}: {detail}; {count}, none after")

    offset = last = records.offset
    iterator = iter(records)
    while True:
        # Whatever warcio raises while reading a record (cut-short headers can
        # give AttributeError), the file is damaged from that record on.
        try:
            record = next(iterator)
            failure = None if record.length is not None else "no Content-Length"
        except StopIteration:
            break
        except Exception as exc:
            failure = _one_line(exc)
        if failure is not None:
            yield problem(offset, *_damage(stream, offset, f"unreadable ({failure})"))
            return
        try:
            reason = _reason_to_skip(record)
            raw = record.raw_stream.read() if reason is None else b""
            records.read_to_end()
        except Exception as exc:
            yield problem(offset, *_damage(stream, offset, f"unreadable ({_one_line(exc)})"))
            return
        if record.raw_stream.limit > 0:
            yield problem(offset, "truncated", "the file ends inside it")
            return
        if records.err_count:
            yield problem(offset, "corrupt", "its Content-Length does not match its data")
            return
        read, last = read + 1, offset
        if reason is None:
            yield from _page(record, raw, origin, offset, bufferedreaders, passed_over)
        else:
            passed_over[reason] += 1
        offset = records.offset
    if read:
        member = _gzip_member(stream, last)
        if member == "cut" or (member is None and _record_cut(stream, last)):
            where = "its gzip member" if member else "its headers or block"
            yield problem(last, "truncated", f"the file ends inside {where} (after its data)", read - 1)
            return
    if not _tail_is_blank(stream, offset):
        yield problem(offset, *_damage(stream, offset, "unreadable (cut short?)"))


def _one_line(exc: BaseException) -> str:
    text = "".join(c if c.isprintable() else "?" for c in " ".join(str(exc).split()))
    if "non-chunked gzip" in text:
        return "one gzip stream for the whole file, not one member per record (warcio recompress fixes it)"
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def read_warc(path: str, passed_over: Counter[str] | None = None) -> Iterator[RawRecord | InputError]:
    """Pages from a WARC file; see :func:`read_warc_stream`."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield InputError(path, "unreadable", exc.strerror or str(exc))
        return
    with stream:
        yield from read_warc_stream(stream, path, passed_over)
