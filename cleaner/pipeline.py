"""Whole runs: read -> extract -> clean -> (sign -> index -> cluster) -> write.

The CLI is a thin layer over these two functions; they take callbacks for
reporting instead of printing, so they work the same inside other programs.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from .clean import CleanOptions
from .corpus import FILTER_FROM
from .dedup import Deduplicator, DedupResult
from .errors import InputError, StrictModeError
from .read import FieldNames, Limits, expand_inputs, read_blocks, read_inputs
from .reader import texts_in_lines
from .spill import FieldOf, RowBuffer, SequenceSpill, SpillStore
from .workers import Chunk, Job, default_jobs, process
from .write import atomic_jsonl, dumps

if TYPE_CHECKING:
    from .index import IndexStore

__all__ = ["RunStats", "StrictModeError", "run_clean", "run_dedup"]

ProblemHandler = Callable[[InputError], None]
#: Called after each chunk with the number of input records done so far
#: (cleaned and skipped); the CLI draws a progress bar from it.
ProgressHandler = Callable[[int], None]
#: Told what a dedup run does once every record is read ("clustering ...", "writing").
StageHandler = Callable[[str], None]
#: Called with every clean output record, in input order (dedup's report reads them).
RecordHandler = Callable[[dict], None]


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
    #: Wall-clock seconds the run took.
    seconds: float = 0.0

    @property
    def done(self) -> int:
        """Input records handled so far: cleaned or skipped."""
        return self.read + sum(self.skipped.values())

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

    def details(self) -> list[str]:
        """Lines printed before the summary: lines removed by rule category,
        and the time taken."""
        removed = ", ".join(f"{k} {v}" for k, v in self.removed.most_common())
        rate = f" ({self.done / self.seconds:.0f} documents/s)" if self.seconds > 0 and self.done else ""
        return [
            f"lines removed {sum(self.removed.values())}" + (f": {removed}" if removed else ""),
            f"took {self.seconds:.1f}s{rate}",
        ]

    def to_dict(self) -> dict[str, object]:
        """The summary as JSON-ready data (``--stats``)."""
        return {
            "read": self.read,
            "written": self.written,
            "skipped": sum(self.skipped.values()),
            "skipped_by_reason": dict(sorted(self.skipped.items())),
            "passed_over": dict(sorted(self.passed_over.items())),
            "duplicate_ids": self.duplicate_ids,
            "lines_removed": sum(self.removed.values()),
            "lines_removed_by_category": dict(self.removed.most_common()),
            "clusters": self.clusters,
            "copies_dropped": self.copies_dropped,
            "seconds": round(self.seconds, 3),
        }


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
    stats: RunStats,
    report: Reporting,
    on_progress: ProgressHandler | None = None,
) -> Iterator[Chunk]:
    """Clean documents chunk by chunk, in input order; problems are counted,
    reported and (in strict mode) raised here, and left out of the chunks."""
    on_problem, strict = report.on_problem, report.strict
    first_seen: dict[str, tuple[str, int | None]] = {}  # id -> where it was first read
    if job.signing and not job.clean:  # JSONL lines are parsed where they are signed
        records = read_blocks(inputs, job.names, stats.passed_over, job.limits)
    else:
        records = read_inputs(inputs, job.names, stats.passed_over, job.limits)
    for chunk in process(records, job, jobs):
        done = 0
        for at, problem in [*chunk.problems, (len(chunk), None)]:
            stats.read += at - done
            for removed in chunk.removed[done:at]:
                if removed:
                    stats.removed.update(removed)
            where = zip(chunk.ids[done:at], chunk.origins[done:at], chunk.origin_lines[done:at])
            for doc_id, origin, line in where:
                if doc_id in first_seen:
                    stats.duplicate_ids += 1
                    first_origin, first_line = first_seen[doc_id]
                    seen = f"{first_origin}:{first_line}" if first_line is not None else first_origin
                    detail = f"id {doc_id!r} also at {seen}; both kept"
                    report.on_warning(InputError(origin, "duplicate-id", detail, line=line))
                else:
                    first_seen[doc_id] = (origin, line)  # formatted only for a warning
            done = at
            if problem is not None:
                stats.skipped[problem.reason] += 1
                on_problem(problem)
                if strict:
                    raise StrictModeError(problem)
        if on_progress is not None:
            on_progress(stats.done)
        yield chunk


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
    on_progress: ProgressHandler | None = None,
    on_warning: ProblemHandler = lambda warning: None,
) -> RunStats:
    """Clean every input record and write one JSONL line each to ``output``.

    ``jobs`` worker processes clean (default: one per core); the output is
    the same for any number. ``limits`` caps a document's size and HTML depth;
    ``on_problem`` hears of every record skipped, ``on_warning`` of every
    record kept whose id an earlier record had.
    """
    started = time.perf_counter()
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)  # a missing path fails here, before any output exists
    stats = RunStats()
    job = Job.of(options, explain=explain, text_field=names.text, names=names, limits=limits or Limits())
    with atomic_jsonl(output) as sink:
        report = Reporting(on_problem, on_warning, strict)
        for chunk in _cleaned(files, job, jobs or default_jobs(), stats, report, on_progress):
            sink.write_encoded(chunk.lines.data, len(chunk.lines))
        stats.written = sink.count
    stats.seconds = time.perf_counter() - started
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
    index: IndexStore | None = None,
    on_progress: ProgressHandler | None = None,
    on_record: RecordHandler | None = None,
    on_warning: ProblemHandler = lambda warning: None,
    evidence: bool = True,
    on_stage: StageHandler | None = None,
) -> tuple[RunStats, DedupResult]:
    """Clean (unless ``options.clean`` is off), cluster copies, and write the
    representatives to ``output`` and every document's membership to
    ``clusters_path``.

    Workers clean and sign; this process keeps the signatures, ids, dates
    and sources, and spills the clean output records and the clean texts
    (exact verification reads them back) to temporary files.

    With an ``index`` (:mod:`cleaner.index`), the documents are clustered
    with those of earlier runs stored there, and stored in turn. The result
    then covers the documents of this run and the stored ones of the groups
    they joined (stored ones first); ``output`` gets this run's documents
    that represent their cluster, and each record in ``clusters_path`` says
    whether the document is ``new`` and which earlier cluster it ``joined``.

    ``on_record`` receives every document's clean record, in input order,
    always with its ``removed`` lines (the written records have them only
    with ``explain``). ``evidence=False`` leaves out the shared passages and
    partial reuse (see :meth:`Deduplicator.cluster`): for a caller that
    writes no ``clusters_path`` and reads no passages (the CLI without
    ``--clusters`` or ``--report``); the kept documents are the same.
    ``on_stage`` hears when clustering and writing start (they follow the
    last record read, which is the last ``on_progress`` call).
    """
    started = time.perf_counter()
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)
    stats = RunStats()
    hasher = deduplicator.hasher
    job = Job.of(
        options,
        explain=explain or on_record is not None,
        text_field=names.text,
        signing=(hasher.num_perm, hasher.seed, hasher.ngram),
        names=names,
        limits=limits or Limits(),
    )
    ids: list[str] = []
    dates: list[str | None] = []
    sources: list[str | None] = []
    signatures = RowBuffer(hasher.num_perm)
    # Each document's shingles, as signing found them: verification needs
    # them too. A large corpus has too many to keep; it shingles its texts
    # again, twice, keeping only the shingles that recur (Corpus).
    sets: list[np.ndarray] | None = []
    words: list[np.ndarray] = []
    # And in text order, on disk (when the signing process had them: not
    # with cleaning workers, nor for a large corpus, as ``sets``; and only
    # for this run's clustering, which an index does not use).
    orders: SequenceSpill | None = SequenceSpill() if index is None and not options.clean else None
    store = SpillStore()
    # The clean texts, read back from disk as verification needs them: from
    # the output lines where they hold them, else spilled on their own.
    texts = FieldOf(store, names.text) if texts_in_lines(names.text) else SpillStore()
    try:
        report = Reporting(on_problem, on_warning, strict)
        for chunk in _cleaned(files, job, jobs or default_jobs(), stats, report, on_progress):
            assert chunk.signatures is not None and chunk.shingles is not None
            if sets is not None and len(ids) + len(chunk) < FILTER_FROM:
                values, bounds, counts = chunk.shingles
                sets.extend(values[a:b] for a, b in pairwise(bounds.tolist()))
                words.append(counts)
            else:
                sets, words = None, []
            if orders is not None and (sets is None or chunk.sequences is None):
                orders.close()
                orders = None
            for ordered, order_bounds in chunk.sequences if orders is not None else ():
                orders.extend(ordered, order_bounds)
            chunk.sequences = None
            store.extend(chunk.lines)
            if isinstance(texts, SpillStore):
                texts.extend(chunk.texts)
            ids.extend(chunk.ids)
            dates.extend(chunk.dates)
            sources.extend(sys.intern(source) if source else None for source in chunk.sources)
            signatures.extend(chunk.signatures)
        keep = np.zeros(len(store), dtype=bool)
        extra: list[dict[str, object]] = []
        known = (sets, np.concatenate([np.empty(0, dtype=np.int64), *words])) if sets is not None else None
        del sets, words
        if on_stage is not None:
            on_stage(f"clustering {len(ids):,} documents")
        if index is None:
            result = deduplicator.cluster(
                ids,
                texts,
                dates,
                sources,
                signatures.take(),  # the only reference: freed once candidates are found
                evidence=evidence or bool(clusters_path),
                shingles=known,
                sequences=orders,
            )
            keep[result.representatives] = True
        else:
            from .index import add_documents  # sqlite and the index code: only when asked for

            found = add_documents(index, deduplicator, ids, list(texts), dates, sources, signatures.array())
            result = found.result
            keep[[i - found.stored for i in result.representatives if found.is_new(i)]] = True
            extra = [
                {"new": True, "joined": found.joined[i]}
                if found.is_new(i)
                else {"new": False, "earlier_cluster": found.joined[i]}
                for i in range(len(result.members))
            ]
        del signatures
        texts.close()
        if orders is not None:
            orders.close()
        if on_stage is not None:
            on_stage("writing")
        with atomic_jsonl(output) as sink:
            if on_record is None:  # the lines as stored, not decoded
                for data, count in store.kept(keep.tolist()):
                    sink.write_encoded(data, count)
            else:
                for position, line in enumerate(store):
                    record = json.loads(line)
                    on_record(record)
                    if keep[position]:
                        if not explain:
                            record.pop("removed", None)
                            line = dumps(record)
                        sink.write_line(line)
            stats.written = sink.count
    finally:
        store.close()
        texts.close()
        if orders is not None:
            orders.close()
    if clusters_path:
        with atomic_jsonl(clusters_path) as sink:
            for position, member in enumerate(result.members):
                sink.write({**member.to_dict(), **(extra[position] if extra else {})})
    stats.clusters = len(result.clusters)  # with an index: the clusters this run touched
    stats.copies_dropped = len(ids) - int(keep.sum())
    stats.seconds = time.perf_counter() - started
    return stats, result
