"""Parse JSONL blocks into what dedup keeps, in a lean second process.

Dedup without cleaning mostly reads, parses and signs. Signing needs numpy,
whose every process costs some 20 MB of memory more, so the work is split:
a second interpreter that imports neither numpy nor the package's
``__init__`` (only this module and what it needs) parses each block of
JSONL lines into the output lines, the texts and the bytes the shingle scan
reads (:func:`~cleaner.tokens.scan_text`); this process signs those
(:meth:`~cleaner.minhash.MinHasher.sign_scanned`) while the reader parses
the next blocks. With one process, the same functions run in it.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .clean import CleanOptions, clean_record
from .document import Document
from .errors import InputError
from .read import FieldNames, Limits, LineBlock, RawRecord, parse_block
from .tokens import scan_text
from .write import Packed, encoded_line

if TYPE_CHECKING:
    from .extract import Extracted
    from .textclean import BoilerplateTest

__all__ = ["Chunk", "Reading", "cleaned", "failed", "parse_lines", "serve", "texts_in_lines"]

#: The fields an output record sets besides the text (:meth:`Document.to_record`).
_OWN_FIELDS = Document.RECORD_FIELDS


def texts_in_lines(text_field: str) -> bool:
    """Whether each output line holds its document's clean text as written
    (the text field is none of the record's other fields). Then chunks do
    not carry the texts a second time: dedup reads them back from the lines
    it spills (:class:`~cleaner.spill.FieldOf`), and a block's texts are
    neither encoded, nor sent between processes, nor written twice."""
    return text_field not in _OWN_FIELDS


@dataclass
class Chunk:
    """A chunk's results in input order: its clean documents by column (what
    clustering and the summary use) and its problems, each with the number of
    documents before it in the chunk."""

    ids: list[str] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)
    sources: list[str | None] = field(default_factory=list)
    #: The categories of the lines cleaning removed from each document.
    removed: list[tuple[str, ...]] = field(default_factory=list)
    #: Where each document was read (file, JSONL line), for reports.
    origins: list[str] = field(default_factory=list)
    origin_lines: list[int | None] = field(default_factory=list)
    problems: list[tuple[int, InputError]] = field(default_factory=list)
    #: Each document's output line, encoded.
    lines: Packed = field(default_factory=lambda: Packed.of([]))
    #: When signing: each document's clean text (dedup verifies candidates on
    #: it), unless the lines hold it (:func:`texts_in_lines`).
    texts: list[str] | Packed = field(default_factory=list)
    #: When signing: the texts as the shingle scan reads them (:func:`~cleaner.tokens.scan_text`).
    scanned: tuple[bytes | bytearray, list[int]] | None = None
    #: When signing: the signatures (numpy arrays), and the shingles from the
    #: same pass (packed as :meth:`~cleaner.minhash.MinHasher.sign_sets` returns them).
    signatures: Any = None
    shingles: Any = None
    #: When signed from ``scanned``: the shingles in text order, by batch
    #: (``(values, bounds)`` pairs, :meth:`~cleaner.minhash.MinHasher.sign_scanned`).
    sequences: Any = None

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, record: RawRecord, doc: Document) -> None:
        self.ids.append(doc.id)
        self.dates.append(doc.date)
        self.sources.append(doc.source)
        self.removed.append(tuple(r.category for r in doc.removed))
        self.origins.append(record.origin)
        self.origin_lines.append(record.line)

    def problem(self, error: InputError) -> None:
        self.problems.append((len(self.ids), error))

    def detach(self) -> list[bytes]:
        """Take the chunk's large byte strings out of it (the lines, the
        texts, the scanned texts), in that order: sent raw after the pickled
        rest, not copied into the pickle and out again (:meth:`attach`)."""
        out: list[bytes] = []
        for name in ("lines", "texts"):
            packed = getattr(self, name)
            if isinstance(packed, Packed):
                out.append(packed.data)
                setattr(self, name, Packed(b"", packed.sizes))
        if self.scanned is not None:
            out.append(self.scanned[0])
            self.scanned = (b"", self.scanned[1])
        return out

    def attach(self, read: Callable[[int], bytes | bytearray]) -> None:
        """Put back what :meth:`detach` took, each ``read(size)`` in turn
        (each size follows from the line or text sizes the chunk kept)."""
        for name in ("lines", "texts"):
            packed = getattr(self, name)
            if isinstance(packed, Packed):
                setattr(self, name, Packed(read(sum(packed.sizes) + len(packed.sizes)), packed.sizes))
        if self.scanned is not None:
            sizes = self.scanned[1]
            self.scanned = (read(sum(sizes) + len(sizes)), sizes)


@dataclass(frozen=True)
class Reading:
    """How records are read, cleaned and written."""

    options: CleanOptions = field(default_factory=CleanOptions)
    explain: bool = False
    text_field: str = "text"
    names: FieldNames = field(default_factory=FieldNames)
    limits: Limits = field(default_factory=Limits)


def failed(record: RawRecord, exc: Exception) -> InputError:
    """A record the extractor or cleaner failed on: reported, not fatal."""
    return InputError(record.origin, "failed", f"{type(exc).__name__}: {exc}"[:200], line=record.line)


def cleaned(
    record: RawRecord,
    reading: Reading,
    found: Extracted | None = None,
    test: BoilerplateTest | None = None,
) -> tuple[Document, dict[str, Any]] | InputError:
    """A record cleaned, and its output record (or why it could not be)."""
    try:
        doc = clean_record(record, reading.options, test, found)
        return doc, doc.to_record(explain=reading.explain, text_field=reading.text_field)
    except Exception as exc:  # a document the cleaner fails on costs that document only
        return failed(record, exc)


def parse_lines(block: LineBlock, reading: Reading) -> Chunk:
    """Parse and clean a block of JSONL lines, ready to sign."""
    out = Chunk()
    lines: list[bytes] = []
    texts: list[str] = []
    for record in parse_block(block, reading.names, reading.limits):
        done = record if isinstance(record, InputError) else cleaned(record, reading)
        if isinstance(done, InputError):
            out.problem(done)
            continue
        assert isinstance(record, RawRecord)
        doc, fields = done
        # The text as read from a line without \u escapes: escaped the fast way.
        plain = not record.escapes and doc.text is record.text
        try:
            lines.append(encoded_line(fields, reading.text_field, plain))
        except Exception as exc:  # as cleaned()
            out.problem(failed(record, exc))
            continue
        out.add(record, doc)
        texts.append(doc.text)
    out.lines = Packed.of(lines)
    if not texts_in_lines(reading.text_field):
        out.texts = Packed.of([text.encode("utf-8") for text in texts])
    out.scanned = scan_text(texts)
    return out


def serve(tasks_fd: int, results_fd: int) -> None:
    """The reader's loop: a :class:`Reading`, then blocks in and chunks out,
    until the other end closes the pipe. A thread sends the chunks: the
    reader goes on to the next block while the other end is busy."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    tasks = Connection(tasks_fd, writable=False)
    outbox: queue.Queue[tuple[bytes, list[bytes]] | None] = queue.Queue()
    sender = threading.Thread(target=_send, args=(Connection(results_fd, readable=False), outbox))
    sender.start()
    try:
        reading: Reading = pickle.loads(tasks.recv_bytes())
        while True:
            origin, first = pickle.loads(tasks.recv_bytes())
            block = LineBlock(origin, first, tasks.recv_bytes())
            chunk = parse_lines(block, reading)
            raw = chunk.detach()
            outbox.put((pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL), raw))
    except EOFError:  # the other end is done (or never needed us)
        return
    finally:
        outbox.put(None)
        sender.join()


def _send(results: Connection, outbox: queue.Queue[tuple[bytes, list[bytes]] | None]) -> None:
    try:
        while (item := outbox.get()) is not None:
            message, raw = item
            results.send_bytes(message)
            for data in raw:  # as they are: the other end knows their sizes (Chunk.attach)
                view = memoryview(data)
                while view:
                    view = view[os.write(results.fileno(), view) :]
    except OSError:  # the other end is gone: so is the work
        pass
