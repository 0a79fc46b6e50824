"""Whole runs: read -> extract -> clean -> (sign -> index -> cluster) -> write.

The CLI is a thin layer over these two functions; they take callbacks for
reporting instead of printing, so they work the same inside other programs.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from .clean import CleanOptions
from .dedup import Deduplicator, DedupResult
from .errors import InputError
from .read import FieldNames, Limits, expand_inputs, read_inputs
from .spill import RowBuffer, SpillStore
from .workers import Cleaned, Job, default_jobs, process
from .write import atomic_jsonl

__all__ = ["RunStats", "StrictModeError", "run_clean", "run_dedup"]

ProblemHandler = Callable[[InputError], None]


class StrictModeError(Exception):
    """Raised in strict mode at the first input problem (wraps it)."""

    def __init__(self, problem: InputError):
        self.problem = problem
        super().__init__(str(problem))


@dataclass
class RunStats:
    """What a run did: counts for the end-of-run summary."""

    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    #: WARC records that hold no HTML page (requests, metadata, images, HTTP errors), by reason.
    passed_over: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    #: Records whose id an earlier record already had (both are kept).
    duplicate_ids: int = 0
    clusters: int | None = None
    copies_dropped: int | None = None

    def summary(self) -> str:
        parts = [f"read {self.read}", f"written {self.written}", f"skipped {sum(self.skipped.values())}"]
        if self.skipped:
            parts[-1] += " (" + ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) + ")"
        if self.duplicate_ids:
            parts.append(f"duplicate ids {self.duplicate_ids} (kept)")
        if self.passed_over:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(self.passed_over.items()))
            parts.append(f"WARC records passed over {sum(self.passed_over.values())} ({counts})")
        if self.clusters is not None:
            parts.append(f"clusters {self.clusters}")
            parts.append(f"copies dropped {self.copies_dropped}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Reporting:
    """Where a run reports: ``on_problem`` gets each record skipped,
    ``on_warning`` each record kept with a note (a duplicate id)."""

    on_problem: ProblemHandler = lambda problem: None
    on_warning: ProblemHandler = lambda warning: None
    strict: bool = False


def _cleaned(
    inputs: list[tuple[str, str]],
    job: Job,
    jobs: int,
    names: FieldNames,
    stats: RunStats,
    report: Reporting,
    limits: Limits,
) -> Iterator[tuple[list[Cleaned], np.ndarray | None, np.ndarray | None]]:
    """Clean documents chunk by chunk, in input order; problems are counted,
    reported and (in strict mode) raised here."""
    on_problem, strict = report.on_problem, report.strict
    first_seen: dict[str, str] = {}  # id -> where it was first read
    records = read_inputs(inputs, names, stats.passed_over, limits)
    for items, signatures, sizes in process(records, job, jobs):
        docs: list[Cleaned] = []
        for item in items:
            if isinstance(item, InputError):
                stats.skipped[item.reason] += 1
                on_problem(item)
                if strict:
                    raise StrictModeError(item)
                continue
            stats.read += 1
            stats.removed.update(item.removed)
            docs.append(item)
            if item.id in first_seen:
                stats.duplicate_ids += 1
                detail = f"id {item.id!r} also at {first_seen[item.id]}; both kept"
                report.on_warning(InputError(item.origin, "duplicate-id", detail, line=item.origin_line))
            else:
                line = item.origin_line
                first_seen[item.id] = f"{item.origin}:{line}" if line is not None else item.origin
        yield docs, signatures, sizes


def run_clean(
    inputs: list[str],
    output: str | None,
    *,
    options: CleanOptions | None = None,
    names: FieldNames | None = None,
    explain: bool = False,
    strict: bool = False,
    jobs: int | None = None,
    limits: Limits | None = None,
    on_problem: ProblemHandler = lambda problem: None,
    on_warning: ProblemHandler = lambda warning: None,
) -> RunStats:
    """Clean every input record and write one JSONL line each to ``output``.

    ``jobs`` worker processes clean (default: one per core); the output is
    the same for any number. ``limits`` caps a document's size and HTML depth;
    ``on_problem`` hears of every record skipped, ``on_warning`` of every
    record kept whose id an earlier record had.
    """
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)  # a missing path fails here, before any output exists
    stats = RunStats()
    job = Job.of(options, explain=explain, text_field=names.text)
    with atomic_jsonl(output) as sink:
        report = Reporting(on_problem, on_warning, strict)
        chunks = _cleaned(files, job, jobs or default_jobs(), names, stats, report, limits or Limits())
        for docs, _, _ in chunks:
            for doc in docs:
                sink.write_line(doc.line)
        stats.written = sink.count
    return stats


def run_dedup(
    inputs: list[str],
    output: str | None,
    *,
    deduplicator: Deduplicator,
    clusters_path: str | None = None,
    options: CleanOptions | None = None,
    names: FieldNames | None = None,
    explain: bool = False,
    strict: bool = False,
    jobs: int | None = None,
    limits: Limits | None = None,
    on_problem: ProblemHandler = lambda problem: None,
    on_warning: ProblemHandler = lambda warning: None,
) -> tuple[RunStats, DedupResult]:
    """Clean (unless ``options.clean`` is off), cluster copies, and write the
    representatives to ``output`` and every document's membership to
    ``clusters_path``.

    Workers clean and sign; this process keeps the signatures, ids, texts,
    dates and sources (exact verification needs the texts), and spills the
    clean output records to a temporary file until the kept ones are written.
    """
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)
    stats = RunStats()
    hasher = deduplicator.hasher
    job = Job.of(
        options, explain=explain, text_field=names.text, signing=(hasher.num_perm, hasher.seed, hasher.ngram)
    )
    ids: list[str] = []
    texts: list[str] = []
    dates: list[str | None] = []
    sources: list[str | None] = []
    signatures = RowBuffer(hasher.num_perm)
    store = SpillStore()
    try:
        report = Reporting(on_problem, on_warning, strict)
        for docs, sigs, _sizes in _cleaned(
            files, job, jobs or default_jobs(), names, stats, report, limits or Limits()
        ):
            assert sigs is not None
            for doc in docs:
                store.append(doc.line)
                ids.append(doc.id)
                texts.append(doc.text or "")
                dates.append(doc.date)
                sources.append(sys.intern(doc.source) if doc.source else None)
            signatures.extend(sigs)
        result = deduplicator.cluster(ids, texts, dates, sources, signatures.array())
        del signatures, texts
        keep = np.zeros(len(store), dtype=bool)
        keep[result.representatives] = True
        with atomic_jsonl(output) as sink:
            for index, line in enumerate(store):
                if keep[index]:
                    sink.write_line(line)
            stats.written = sink.count
    finally:
        store.close()
    if clusters_path:
        with atomic_jsonl(clusters_path) as sink:
            for member in result.members:
                sink.write(member.to_dict())
    stats.clusters = len(result.clusters)
    stats.copies_dropped = len(ids) - int(keep.sum())
    return stats, result
