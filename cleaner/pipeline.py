"""Whole runs: read -> extract -> clean -> (sign -> index -> cluster) -> write.

The CLI is a thin layer over these two functions; they take callbacks for
reporting instead of printing, so they work the same inside other programs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .clean import CleanOptions, clean_records
from .dedup import Deduplicator, DedupResult
from .document import Document
from .errors import InputError
from .read import FieldNames, expand_inputs, read_inputs
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
    clusters: int | None = None
    copies_dropped: int | None = None

    def summary(self) -> str:
        parts = [f"read {self.read}", f"written {self.written}", f"skipped {sum(self.skipped.values())}"]
        if self.skipped:
            parts[-1] += " (" + ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) + ")"
        if self.passed_over:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(self.passed_over.items()))
            parts.append(f"WARC records passed over {sum(self.passed_over.values())} ({counts})")
        if self.clusters is not None:
            parts.append(f"clusters {self.clusters}")
            parts.append(f"copies dropped {self.copies_dropped}")
        return ", ".join(parts)


def _documents(
    inputs: list[tuple[str, str]],
    options: CleanOptions,
    names: FieldNames,
    stats: RunStats,
    on_problem: ProblemHandler,
    strict: bool,
) -> Iterator[Document]:
    records = read_inputs(inputs, names, stats.passed_over)
    for item in clean_records(records, options):
        if isinstance(item, InputError):
            stats.skipped[item.reason] += 1
            on_problem(item)
            if strict:
                raise StrictModeError(item)
            continue
        stats.read += 1
        stats.removed.update(r.category for r in item.removed)
        yield item


def run_clean(
    inputs: list[str],
    output: str | None,
    *,
    options: CleanOptions | None = None,
    names: FieldNames | None = None,
    explain: bool = False,
    strict: bool = False,
    on_problem: ProblemHandler = lambda problem: None,
) -> RunStats:
    """Clean every input record and write one JSONL line each to ``output``."""
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)  # a missing path fails here, before any output exists
    stats = RunStats()
    with atomic_jsonl(output) as sink:
        for doc in _documents(files, options, names, stats, on_problem, strict):
            sink.write(doc.to_record(explain=explain, text_field=names.text))
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
    on_problem: ProblemHandler = lambda problem: None,
) -> tuple[RunStats, DedupResult]:
    """Clean (unless ``options.clean`` is off), cluster copies, and write the
    representatives to ``output`` and every document's membership to
    ``clusters_path``."""
    options, names = options or CleanOptions(), names or FieldNames()
    files = expand_inputs(inputs)
    stats = RunStats()
    docs = list(_documents(files, options, names, stats, on_problem, strict))
    result = deduplicator.run(docs)
    keep = set(result.representatives)
    with atomic_jsonl(output) as sink:
        for index, doc in enumerate(docs):
            if index in keep:
                sink.write(doc.to_record(explain=explain, text_field=names.text))
        stats.written = sink.count
    if clusters_path:
        with atomic_jsonl(clusters_path) as sink:
            for member in result.members:
                sink.write(member.to_dict())
    stats.clusters = len(result.clusters)
    stats.copies_dropped = len(docs) - len(keep)
    return stats, result
