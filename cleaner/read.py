"""Read inputs into raw records: HTML and text files, JSONL (optionally gzipped), stdin,
WARC files (:mod:`cleaner.warc`).

Reading never stops at a bad file or record: it yields an :class:`InputError`
in the record's place, so the caller can report it and carry on.

>>> import io, json
>>> stream = io.BytesIO(json.dumps({"id": "a", "text": "Hi."}).encode() + b"\\n[1]\\n")
>>> [type(r).__name__ for r in read_jsonl(stream, "<stdin>", FieldNames())]
['RawRecord', 'InputError']
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError, InputError
from .extract import decode_html, html_depth

__all__ = [
    "FieldNames",
    "Limits",
    "LineBlock",
    "RawRecord",
    "expand_inputs",
    "parse_block",
    "read_blocks",
    "read_inputs",
    "read_jsonl",
]

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
STDIN = "-"
#: Bytes of JSONL lines read into one :class:`LineBlock`.
BLOCK_BYTES = 1 << 19
#: Record fields cleaner reads as metadata (others pass through untouched).
META_FIELDS = ("title", "date", "author", "source", "url")


@dataclass(frozen=True)
class FieldNames:
    """Which JSONL fields hold the id, the plain text and the HTML."""

    id: str = "id"
    text: str = "text"
    html: str = "html"


@dataclass(frozen=True)
class Limits:
    """Resource caps: a document larger than ``max_bytes`` (a file, a JSONL line,
    a WARC page), or HTML nested deeper than ``max_depth`` elements, is skipped
    (reasons ``too-large`` and ``too-deep``) before any parsing."""

    max_bytes: int = 10_000_000
    max_depth: int = 1_000


@dataclass
class RawRecord:
    """One input document before extraction and cleaning."""

    id: str
    origin: str
    line: int | None = None
    text: str | None = None
    html: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    #: False when the record's JSON line held no ``\u`` escape: its strings
    #: then hold no control character but those JSON escapes by letter
    #: (``\n``, ``\t``, ...), so the text needs no full JSON encoding
    #: (:func:`~cleaner.write.encoded_line`).
    escapes: bool = True


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def expand_inputs(inputs: Iterable[str]) -> list[tuple[str, str]]:
    """Turn the command line's INPUTs into ``(path, kind)`` pairs, in a stable order.

    Directories are walked recursively in sorted order and files of unknown
    type inside them are passed over. A path that does not exist, or a file
    named explicitly whose type is unknown, fails at once: before any work.
    """
    found: list[tuple[str, str]] = []
    for item in inputs:
        if item == STDIN:
            found.append((STDIN, "jsonl"))
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    kind = _kind(child)
                    if kind:
                        found.append((str(child), kind))
        elif path.is_file():
            kind = _kind(path)
            if kind is None:
                raise ConfigError(
                    f"{item}: unknown input type "
                    "(expected .html, .htm, .txt, .jsonl, .jsonl.gz, .warc or .warc.gz)"
                )
            found.append((str(path), kind))
        elif not path.exists():
            raise ConfigError(f"{item}: no such file or directory")
        else:
            raise ConfigError(f"{item}: not a regular file or directory")
    return found


# Bytes no text file holds (C0 controls but tab, newlines, form feed and escape).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
#: Share of control bytes in a file's first 8 KB above which it is binary.
_BINARY_SHARE = 0.1
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A regular expression finds these faster than ``in`` (a tight first-byte loop).
_U_ESCAPE = re.compile(rb"\\u")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD]")


def _looks_binary(data: bytes) -> bool:
    """Images, archives and other binary files, whatever they are named. A few
    stray NUL bytes in a text file do not make it binary (they are dropped)."""
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _BINARY_SHARE * len(sample)


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_file(path: str, kind: str, limits: Limits) -> RawRecord | InputError:
    try:
        size = Path(path).stat().st_size
        if size > limits.max_bytes:
            return InputError(path, "too-large", f"{size} bytes, over --max-bytes {limits.max_bytes}")
        data = Path(path).read_bytes()
    except OSError as exc:
        return InputError(path, "unreadable", exc.strerror or str(exc))
    if not data.strip():
        return InputError(path, "empty", "no text in the file")
    if _looks_binary(data):
        return InputError(path, "binary", "mostly control bytes; not a text or HTML file")
    if kind == "html":
        return RawRecord(id=path, origin=path, html=decode_html(data).replace("\0", ""))
    return RawRecord(id=path, origin=path, text=_decode_text(data).replace("\0", ""))


@functools.cache
def _owned(names: FieldNames) -> frozenset[str]:
    """The fields a record reads (the others pass through)."""
    return frozenset({names.id, names.text, names.html, *META_FIELDS})


def _record(
    obj: Any, origin: str, line: int, names: FieldNames, escaped: bool = True, escapes: bool = True
) -> RawRecord | InputError:
    """``obj`` as a record; ``escaped=False`` says its JSON had no ``\\uD...``
    escape, the only way a lone surrogate gets into a parsed string;
    ``escapes=False`` that it had no ``\\u`` escape at all."""
    if not isinstance(obj, dict):
        return InputError(
            origin, "not-an-object", f"expected a JSON object, got {type(obj).__name__}", line=line
        )
    text, html = obj.get(names.text), obj.get(names.html)
    if text is None and html is None:
        return InputError(origin, "no-text", f"no '{names.text}' or '{names.html}' field", line=line)
    for name, value in ((names.text, text), (names.html, html)):
        if value is not None and not isinstance(value, str):
            return InputError(
                origin, "bad-text", f"'{name}' is {type(value).__name__}, not a string", line=line
            )
    # JSON may escape lone UTF-16 surrogates, which no UTF-8 output can hold
    # (an ASCII string, known as such without a scan, has none).
    if escaped:
        text, html = (_LONE_SURROGATE.sub("\ufffd", v) if v and not v.isascii() else v for v in (text, html))
    raw_id = obj.get(names.id)
    record_id = str(raw_id) if raw_id not in (None, "") else f"{origin}:{line}"
    meta = {k: v for k in META_FIELDS if (v := obj.get(k)) and isinstance(v, str)}
    owned = _owned(names)
    extra = {k: v for k, v in obj.items() if k not in owned}
    return RawRecord(
        record_id,
        origin,
        line,
        text=text,
        html=html if text is None else None,
        meta=meta,
        extra=extra,
        escapes=escapes,
    )


def read_jsonl(
    stream: IO[bytes], origin: str, names: FieldNames, limits: Limits | None = None
) -> Iterator[RawRecord | InputError]:
    """Records from a binary JSONL stream; bad lines become :class:`InputError`.

    Lines are decoded one by one, so a line of invalid UTF-8 costs that line only.
    """
    limits = limits or Limits()
    for item in _jsonl_lines(stream, origin):
        if isinstance(item, InputError):
            yield item
            continue
        record = parse_line(item[1], origin, item[0], names, limits)
        if record is not None:
            yield record


def _jsonl_lines(stream: IO[bytes], origin: str) -> Iterator[tuple[int, bytes] | InputError]:
    """``(number, line)`` for each line of ``stream``; a read error ends it with an error."""
    line_no = 0
    try:
        for line_no, data in enumerate(stream, start=1):
            yield line_no, data
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(origin, "truncated", f"stopped reading after line {line_no}: {exc}")


def parse_line(
    data: bytes, origin: str, line_no: int, names: FieldNames, limits: Limits
) -> RawRecord | InputError | None:
    """The record on one JSONL line (as read, with its newline), an error, or
    None for a blank line."""
    if not data or data.isspace():  # blank (strip() would copy every line to tell)
        return None
    if len(data) > limits.max_bytes:
        detail = f"{len(data)} bytes, over --max-bytes {limits.max_bytes}"
        return InputError(origin, "too-large", detail, line=line_no)
    try:
        obj = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return InputError(origin, "invalid-utf8", f"byte {exc.start}: {exc.reason}", line=line_no)
    except json.JSONDecodeError as exc:
        return InputError(origin, "invalid-json", exc.msg, line=line_no)
    except RecursionError:
        return InputError(origin, "invalid-json", "nested too deeply", line=line_no)
    # Only a \uD800-\uDFFF escape makes a surrogate (UTF-8 cannot encode one).
    found = _U_ESCAPE.search(data)
    if found is None:
        return _record(obj, origin, line_no, names, False, False)
    return _record(obj, origin, line_no, names, _SURROGATE_ESCAPE.search(data, found.start()) is not None)


@dataclass(frozen=True)
class LineBlock:
    """Consecutive lines of a JSONL input, unparsed: parsed (and signed) where
    they are sent (:func:`parse_block`)."""

    origin: str
    #: The number of the first line in ``data``.
    first: int
    #: The lines as read, each with its newline (but perhaps the input's last).
    data: bytes


def parse_block(block: LineBlock, names: FieldNames, limits: Limits) -> Iterator[RawRecord | InputError]:
    """The records of a block (checked as :func:`read_inputs` checks them),
    errors in place of bad ones."""
    for line_no, data in enumerate(io.BytesIO(block.data), start=block.first):
        record = parse_line(data, block.origin, line_no, names, limits)
        if record is not None:
            yield _checked(record, limits)


def _open_jsonl(path: str) -> IO[bytes]:
    if path == STDIN:
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _checked(record: RawRecord | InputError, limits: Limits) -> RawRecord | InputError:
    """The record, or an error when it breaks a resource cap; NUL characters
    (which lxml refuses) are dropped from its text and HTML."""
    if isinstance(record, InputError):
        return record
    page = record.html if record.html is not None else record.text or ""
    if len(page) > limits.max_bytes:  # characters: at most the bytes of UTF-8 and single-byte pages
        detail = f"{len(page)} characters, over --max-bytes {limits.max_bytes}"
        return InputError(record.origin, "too-large", detail, line=record.line)
    if record.html is not None:
        record.html = record.html.replace("\0", "")
        if html_depth(record.html, limits.max_depth) > limits.max_depth:
            detail = f"HTML nested deeper than --max-depth {limits.max_depth}"
            return InputError(record.origin, "too-deep", detail, line=record.line)
    if record.text and "\0" in record.text:  # a scan; replace() would copy every text
        record.text = record.text.replace("\0", "")
    return record


def read_inputs(
    inputs: list[tuple[str, str]],
    names: FieldNames | None = None,
    passed_over: Counter[str] | None = None,
    limits: Limits | None = None,
) -> Iterator[RawRecord | InputError]:
    """Every record of every input, in order, errors in place of bad records.

    ``passed_over`` counts, by reason, the records of a WARC file that are no
    HTML page (requests, metadata, images, HTTP errors, ...); ``limits`` caps
    the size and HTML depth of a document.
    """
    limits = limits or Limits()
    for record in _read_all(inputs, names or FieldNames(), passed_over, limits):
        assert not isinstance(record, LineBlock)
        yield _checked(record, limits)


def read_blocks(
    inputs: list[tuple[str, str]], names: FieldNames, passed_over: Counter[str] | None, limits: Limits
) -> Iterator[RawRecord | InputError | LineBlock]:
    """:func:`read_inputs`, but JSONL lines come unparsed, in blocks of about
    :data:`BLOCK_BYTES` (:func:`parse_block` makes them what :func:`read_inputs` yields)."""
    for record in _read_all(inputs, names, passed_over, limits, BLOCK_BYTES):
        yield record if isinstance(record, LineBlock) else _checked(record, limits)


def _blocks(
    lines: Iterator[tuple[int, bytes] | InputError], origin: str, size: int
) -> Iterator[LineBlock | InputError]:
    """The lines in blocks of about ``size`` bytes; a read error follows the lines read before it."""
    held: list[bytes] = []
    first = total = 0
    for item in lines:
        if isinstance(item, InputError):
            if held:
                yield LineBlock(origin, first, b"".join(held))
            yield item
            return
        if not held:
            first = item[0]
        held.append(item[1])
        total += len(item[1])
        if total >= size:
            yield LineBlock(origin, first, b"".join(held))
            held, total = [], 0
    if held:
        yield LineBlock(origin, first, b"".join(held))


def _read_blocks(stream: IO[bytes], origin: str, size: int) -> Iterator[LineBlock | InputError]:
    """:func:`_blocks` of a stream read a block at a time, not line by line:
    no Python object per line (the lines are split where they are parsed).
    A read error loses the block it cuts short, so a gzip stream, which a
    truncated file ends in an error, is read line by line instead."""
    first = 1
    while True:
        try:
            data = stream.read(size)
            if data and not data.endswith(b"\n"):
                data += stream.readline()  # the rest of the last line
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(origin, "truncated", f"stopped reading after line {first - 1}: {exc}")
            return
        if not data:
            return
        yield LineBlock(origin, first, data)
        first += _count_lines(data)


def _count_lines(data: bytes) -> int:
    """``data.count(b"\\n")``, faster for long lines: ``count`` tests every
    byte, ``find`` skips to the next newline (memchr). After a few hundred
    lines (short ones), ``count`` does the rest."""
    count, at = 0, data.find(b"\n")
    while at >= 0:
        count += 1
        if count == 256:
            return count + data.count(b"\n", at + 1)
        at = data.find(b"\n", at + 1)
    return count


def _read_all(
    inputs: list[tuple[str, str]],
    names: FieldNames,
    passed_over: Counter[str] | None,
    limits: Limits,
    block: int | None = None,
) -> Iterator[RawRecord | InputError | LineBlock]:
    for path, kind in inputs:
        if kind == "warc":
            from .warc import read_warc  # imports warcio: only for runs that read WARC

            yield from read_warc(path, passed_over)
            continue
        if kind != "jsonl":
            yield _read_file(path, kind, limits)
            continue
        origin = "<stdin>" if path == STDIN else path
        try:
            stream = _open_jsonl(path)
        except OSError as exc:
            yield InputError(origin, "unreadable", exc.strerror or str(exc))
            continue
        try:
            if block is None:
                yield from read_jsonl(stream, origin, names, limits)
            elif isinstance(stream, gzip.GzipFile):
                yield from _blocks(_jsonl_lines(stream, origin), origin, block)
            else:
                yield from _read_blocks(stream, origin, block)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
