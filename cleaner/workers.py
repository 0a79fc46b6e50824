"""Extract, clean and sign in worker processes, in input order, in bounded memory.

Records are cut into chunks; each chunk is cleaned (and, for dedup, signed)
by one worker, and results come back in submission order, so the output is
the same whatever the number of workers. At most a window of chunks is in
flight, so memory does not grow with the corpus. Corpus-learned boilerplate
keeps its per-batch meaning: a batch's records are extracted (HTML in the
workers), the parent learns the batch's recurring lines, and the workers then
clean the batch's chunks with what was learned, while the parent reads and
learns the next batch.

With ``jobs=1`` the same tasks run in this process, through the same
functions; so do light tasks (plain text with cleaning off: reading and
signing it here is cheaper than shipping it to a worker). Dedup without
cleaning reads JSONL in blocks of lines, which a lean reader process parses
while this one signs the blocks parsed before (:mod:`cleaner.reader`).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from .clean import CleanOptions, extract_record, learn_batch
from .errors import InputError
from .minhash import MinHasher
from .read import FieldNames, Limits, LineBlock, RawRecord
from .reader import Chunk, Reading, cleaned, failed, parse_lines, texts_in_lines
from .readerproc import ReaderProcess, claim, default_jobs, signals_deferred
from .write import Packed, dumps

if TYPE_CHECKING:
    from .extract import Extracted
    from .textclean import BoilerplateTest

__all__ = ["Chunk", "Job", "default_jobs", "process"]

# Records per task: enough to amortise inter-process traffic and batch signing.
CHUNK = 256
T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    """What every worker needs to know (sent once, when it starts)."""

    rules: tuple[str, ...] = ()
    clean: bool = True
    learn_boilerplate: bool = True
    batch_size: int = 10_000
    explain: bool = False
    text_field: str = "text"
    #: ``(num_perm, seed, ngram)`` to sign clean texts, or None not to.
    signing: tuple[int, int, int] | None = None
    #: How to read the JSONL blocks a task may hold (:class:`~cleaner.read.LineBlock`).
    names: FieldNames = field(default_factory=FieldNames)
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def of(cls, options: CleanOptions, **kwargs: Any) -> Job:
        return cls(options.rules, options.clean, options.learn_boilerplate, options.batch_size, **kwargs)


_Item = tuple["RawRecord | InputError", "Extracted | None", "BoilerplateTest | None"]

_state: dict[str, Any] = {}


def _start(job: Job) -> None:
    """Set up this process to run tasks of ``job``."""
    _state["job"] = job
    options = CleanOptions(job.rules, job.clean, job.learn_boilerplate, job.batch_size)
    _state["reading"] = Reading(options, job.explain, job.text_field, job.names, job.limits)
    _state["hasher"] = MinHasher(*job.signing[:2], ngram=job.signing[2]) if job.signing else None


def _start_worker(job: Job) -> None:
    """Set up a worker process. Ctrl-C reaches the whole process group: the
    parent alone handles it (and terminates the workers), so no worker prints
    a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start(job)


def _extract_one(record: RawRecord | InputError) -> Extracted | InputError | None:
    if isinstance(record, InputError):
        return None
    try:
        return extract_record(record)
    except Exception as exc:  # a page no parser copes with costs that page only
        return failed(record, exc)


def _extract(records: list[RawRecord | InputError]) -> list[Extracted | InputError | None]:
    return [_extract_one(r) for r in records]


def _signed(chunk: Chunk, texts: list[str] | None = None) -> Chunk:
    """The chunk with its documents' signatures and shingles, when signing:
    of ``texts``, else of the texts the chunk holds ready to scan."""
    hasher: MinHasher | None = _state["hasher"]
    if hasher is not None:
        if texts is not None:
            signed = hasher.sign_sets(texts)
        else:
            assert chunk.scanned is not None
            data, sizes = chunk.scanned
            chunk.sequences = []
            signed = hasher.sign_scanned(data, sizes, chunk.sequences)
            chunk.scanned = None
        chunk.signatures, shingles, bounds, words = signed
        chunk.shingles = (shingles, bounds, words)
    return chunk


def _clean(items: list[_Item]) -> Chunk:
    job: Job = _state["job"]
    out = Chunk()
    lines: list[bytes] = []
    texts: list[str] = []
    for record, found, test in items:
        done = record if isinstance(record, InputError) else cleaned(record, _state["reading"], found, test)
        if not isinstance(done, InputError):
            try:
                # Encoded here, in the worker: a lone surrogate (a "\ud800"
                # escape in any field) fails the record, not the run later.
                line = dumps(done[1]).encode("utf-8")
            except Exception as exc:  # as cleaned()
                done = failed(record, exc)  # type: ignore[arg-type]
        if isinstance(done, InputError):
            out.problem(done)
            continue
        out.add(record, done[0])  # type: ignore[arg-type]
        lines.append(line)
        if job.signing:
            texts.append(done[0].text)
    out.lines = Packed.of(lines)
    if not texts_in_lines(job.text_field):
        out.texts = texts
    return _signed(out, texts)


def _block(block: LineBlock) -> Chunk:
    return _signed(parse_lines(block, _state["reading"]))


def _run(task: tuple[str, Any]) -> Any:
    kind, payload = task
    if kind == "block":
        return _block(payload)
    return _extract(payload) if kind == "extract" else _clean(payload)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Done:
    """A result computed in this process, queued beside pending ones."""

    def __init__(self, value: Any):
        self.value = value

    def get(self) -> Any:
        return self.value


def _heavy(task: tuple[str, Any], job: Job) -> bool:
    """Whether a task is worth a worker: extraction or cleaning. Reading plain
    text and signing it is cheaper here than shipping the text to a worker
    (and a worker costs memory)."""
    kind, payload = task
    if kind == "extract" or job.clean:
        return True
    if kind == "block":
        return False
    return any(isinstance(r, RawRecord) and r.html is not None for r, _, _ in payload)


#: Blocks given to the reader process and not yet signed here: the one
#: signed, the one it parses, one queued.
_READER_QUEUE = 3


class _FromReader:
    """A block's result, to be taken from the reader in submission order and
    signed here."""

    def __init__(self, reader: ReaderProcess):
        self._reader = reader

    def get(self) -> Chunk:
        return _signed(self._reader.take())


def _waiting(result: Any) -> bool:
    """Whether ``result``, the oldest pending, is the reader's and not there yet."""
    return isinstance(result, _FromReader) and not result._reader.ready()


#: Blocks this process may do itself beyond the window, rather than wait for the reader.
_SPARE = 4


class _Runner:
    """Runs tasks in order: light ones in this process, heavy ones in a pool
    (started on the first heavy task) with a bounded window of pending tasks."""

    def __init__(self, job: Job, jobs: int):
        self.job = job
        self.jobs = jobs
        self._pool: Any = None
        self._reader: ReaderProcess | None = None
        self._reading = True  # whether a reader process may parse blocks
        _start(job)

    def _submit(self, task: tuple[str, Any]) -> Any:
        if task[0] == "block" and self.jobs > 1 and self._reading:
            # One reader process besides this one (memory): it parses, this one signs.
            if self._reader is None:
                try:
                    self._reader = claim(_state["reading"])
                except (OSError, ValueError):  # no process to start here: parse here too
                    self._reading = False
            if self._reader is not None:
                self._reader.submit(task[1])
                return _FromReader(self._reader)
        if self.jobs == 1 or not _heavy(task, self.job):
            return _Done(_run(task))
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            # forkserver: workers start from a clean, single-threaded server
            # (fork from a process with numpy's threads is unsafe).
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            with signals_deferred():
                self._pool = context.Pool(self.jobs, initializer=_start_worker, initargs=(self.job,))
        return self._pool.apply_async(_run, (task,))

    def map(self, tasks: Iterable[tuple[str, Any]], window: int) -> Iterator[Any]:
        pending: deque[Any] = deque()
        tasks = iter(tasks)
        for task in tasks:
            pending.append(self._submit(task))
            while len(pending) >= window:
                if len(pending) < window + _SPARE and _waiting(pending[0]):
                    # Rather than wait for the reader (starting up, or behind),
                    # do the next block here.
                    task = next(tasks, None)
                    if task is None:
                        break
                    pending.append(_Done(_run(task)) if task[0] == "block" else self._submit(task))
                    continue
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self, finished: bool) -> None:
        if self._reader is not None:
            self._reader.close(finished)
        if self._pool is not None:
            if finished:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()


def process(records: Iterable[RawRecord | InputError | LineBlock], job: Job, jobs: int) -> Iterator[Chunk]:
    """Chunk results for ``records``, in input order. Blocks of JSONL lines
    (cleaning off) are tasks of their own."""
    runner = _Runner(job, max(1, jobs))
    finished = False
    try:
        if job.clean and job.learn_boilerplate:
            window = -(-job.batch_size // CHUNK) + 2 * runner.jobs
            yield from runner.map(_learned_tasks(records, job, runner), window)
        else:
            # A block's result is large: few are held.
            window = _READER_QUEUE if job.signing else 4 * runner.jobs
            yield from runner.map(_tasks(records), window)
        finished = True
    finally:
        runner.close(finished)


def _tasks(records: Iterable[RawRecord | InputError | LineBlock]) -> Iterator[tuple[str, Any]]:
    """Clean tasks of up to :data:`CHUNK` records, and a task for each block."""
    chunk: list[_Item] = []
    for record in records:
        if isinstance(record, LineBlock):
            if chunk:
                yield "clean", chunk
                chunk = []
            yield "block", record
            continue
        chunk.append((record, None, None))
        if len(chunk) == CHUNK:
            yield "clean", chunk
            chunk = []
    if chunk:
        yield "clean", chunk


def _learned_tasks(
    records: Iterable[RawRecord | InputError], job: Job, runner: _Runner
) -> Iterator[tuple[str, list[_Item]]]:
    """Clean tasks, batch by batch, each batch's boilerplate learned first."""
    for batch in _chunks(records, job.batch_size):
        extracted = _extract_batch(batch, runner)
        # a record extraction failed on is reported in its place
        batch = [f if isinstance(f, InputError) else r for r, f in zip(batch, extracted)]
        found = [None if isinstance(f, InputError) else f for f in extracted]
        items: list[_Item] = []
        for record, page, test in zip(batch, found, learn_batch(batch, found)):
            if isinstance(record, RawRecord) and page is not None:
                record.html = None  # extracted already: do not ship the page again
            items.append((record, page, test))
        del batch, found, extracted
        for chunk in _chunks(items, CHUNK):
            yield "clean", chunk


def _extract_batch(
    batch: list[RawRecord | InputError], runner: _Runner
) -> list[Extracted | InputError | None]:
    """Extracted text of each record: plain text here, HTML in the workers."""
    if not any(isinstance(r, RawRecord) and r.html is not None for r in batch):
        return _extract(batch)
    found: list[Extracted | InputError | None] = []
    for part in runner.map((("extract", c) for c in _chunks(batch, CHUNK // 4)), 4 * runner.jobs):
        found.extend(part)
    return found
