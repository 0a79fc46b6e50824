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
signing it here is cheaper than shipping it to a worker).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

import numpy as np

from .clean import CleanOptions, clean_record, extract_record, learn_batch
from .errors import InputError
from .extract import Extracted
from .minhash import MinHasher
from .read import RawRecord
from .textclean import BoilerplateTest
from .write import dumps

__all__ = ["Cleaned", "Job", "default_jobs", "process"]

# Records per task: enough to amortise inter-process traffic and batch signing.
CHUNK = 256
T = TypeVar("T")


def default_jobs() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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

    @classmethod
    def of(cls, options: CleanOptions, **kwargs: Any) -> Job:
        return cls(options.rules, options.clean, options.learn_boilerplate, options.batch_size, **kwargs)


@dataclass(frozen=True)
class Cleaned:
    """One clean document as the parent needs it: its output line and what
    clustering and the summary use."""

    line: str
    id: str
    date: str | None
    source: str | None
    removed: tuple[str, ...]
    #: The clean text, when signing (dedup verifies candidates on it).
    text: str | None = None
    #: Where the record was read (file, JSONL line), for reports.
    origin: str = ""
    origin_line: int | None = None


#: A chunk's results in order and, when signing, the signatures of its clean
#: documents (errors have no row) and their shingles, from the same pass:
#: ``(sorted distinct shingles packed, each one's bounds, token counts)``
#: (:meth:`MinHasher.sign_sets`), which verification needs.
ChunkShingles = tuple[np.ndarray, np.ndarray, np.ndarray]
ChunkResult = tuple[list["Cleaned | InputError"], "np.ndarray | None", "ChunkShingles | None"]
_Item = tuple["RawRecord | InputError", "Extracted | None", "BoilerplateTest | None"]

_state: dict[str, Any] = {}


def _start(job: Job) -> None:
    """Set up this process to run tasks of ``job``."""
    _state["job"] = job
    _state["options"] = CleanOptions(job.rules, job.clean, job.learn_boilerplate, job.batch_size)
    _state["hasher"] = MinHasher(*job.signing[:2], ngram=job.signing[2]) if job.signing else None


def _start_worker(job: Job) -> None:
    """Set up a worker process. Ctrl-C reaches the whole process group: the
    parent alone handles it (and terminates the workers), so no worker prints
    a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start(job)


def _failed(record: RawRecord, exc: Exception) -> InputError:
    """A record the extractor or cleaner failed on: reported, not fatal."""
    return InputError(record.origin, "failed", f"{type(exc).__name__}: {exc}"[:200], line=record.line)


def _extract_one(record: RawRecord | InputError) -> Extracted | InputError | None:
    if isinstance(record, InputError):
        return None
    try:
        return extract_record(record)
    except Exception as exc:  # a page no parser copes with costs that page only
        return _failed(record, exc)


def _extract(records: list[RawRecord | InputError]) -> list[Extracted | InputError | None]:
    return [_extract_one(r) for r in records]


def _clean(items: list[_Item]) -> ChunkResult:
    job: Job = _state["job"]
    options: CleanOptions = _state["options"]
    out: list[Cleaned | InputError] = []
    texts: list[str] = []
    for record, found, test in items:
        if isinstance(record, InputError):
            out.append(record)
            continue
        try:
            doc = clean_record(record, options, test, found)
            line = dumps(doc.to_record(explain=job.explain, text_field=job.text_field))
        except Exception as exc:  # a document the cleaner fails on costs that document only
            out.append(_failed(record, exc))
            continue
        text = doc.text if job.signing else None
        removed = tuple(r.category for r in doc.removed)
        out.append(Cleaned(line, doc.id, doc.date, doc.source, removed, text, record.origin, record.line))
        texts.append(doc.text)
    hasher: MinHasher | None = _state["hasher"]
    if hasher is None:
        return out, None, None
    signatures, shingles, bounds, words = hasher.sign_sets(texts)
    return out, signatures, (shingles, bounds, words)


def _run(task: tuple[str, Any]) -> Any:
    kind, payload = task
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
    return any(isinstance(r, RawRecord) and r.html is not None for r, _, _ in payload)


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends. An interrupt while the pool
    starts would otherwise leave workers the parent no longer knows of (Pool
    cleans up only after an ``Exception``); they would die with tracebacks."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return
    caught: list[int] = []
    saved = {sig: signal.signal(sig, lambda signum, frame: caught.append(signum)) for sig in _HELD}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        for signum in caught[:1]:
            signal.raise_signal(signum)


_HELD = (signal.SIGINT, signal.SIGTERM)


class _Runner:
    """Runs tasks in order: light ones in this process, heavy ones in a pool
    (started on the first heavy task) with a bounded window of pending tasks."""

    def __init__(self, job: Job, jobs: int):
        self.job = job
        self.jobs = jobs
        self._pool: Any = None
        _start(job)

    def _submit(self, task: tuple[str, Any]) -> Any:
        if self.jobs == 1 or not _heavy(task, self.job):
            return _Done(_run(task))
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            # forkserver: workers start from a clean, single-threaded server
            # (fork from a process with numpy's threads is unsafe).
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            with _signals_deferred():
                self._pool = context.Pool(self.jobs, initializer=_start_worker, initargs=(self.job,))
        return self._pool.apply_async(_run, (task,))

    def map(self, tasks: Iterable[tuple[str, Any]], window: int) -> Iterator[Any]:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(self._submit(task))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self, finished: bool) -> None:
        if self._pool is not None:
            if finished:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()


def process(records: Iterable[RawRecord | InputError], job: Job, jobs: int) -> Iterator[ChunkResult]:
    """Chunk results for ``records``, in input order."""
    runner = _Runner(job, max(1, jobs))
    finished = False
    try:
        if job.clean and job.learn_boilerplate:
            window = -(-job.batch_size // CHUNK) + 2 * runner.jobs
            yield from runner.map(_learned_tasks(records, job, runner), window)
        else:
            tasks = (("clean", [(r, None, None) for r in chunk]) for chunk in _chunks(records, CHUNK))
            yield from runner.map(tasks, 4 * runner.jobs)
        finished = True
    finally:
        runner.close(finished)


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
