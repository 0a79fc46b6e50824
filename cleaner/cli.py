"""The ``cleaner`` command: a thin click layer over :mod:`cleaner.pipeline`."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .clean import CleanOptions, clean_record
from .errors import ConfigError, InputError, StrictModeError
from .progress import progress
from .read import JSONL_SUFFIXES, STDIN, FieldNames, Limits, expand_inputs, read_inputs
from .readerproc import default_jobs, discard_early, start_early
from .write import atomic_text

if TYPE_CHECKING:
    from .pipeline import RunStats

# The pipeline and the clustering code (numpy) are imported where a command
# runs: dedup starts its reader process first (:func:`~cleaner.readerproc.start_early`).

F = TypeVar("F", bound=Callable[..., Any])


def _say(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


def _report_problem(problem: InputError) -> None:
    _say(f"skipped {problem}")


def _report_warning(warning: InputError) -> None:
    _say(f"warning: {warning}")


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so outputs are cleaned up on the way out."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def _input_options(func: F) -> F:
    """Options shared by every command that reads inputs."""
    options = [
        click.option("--id-field", default="id", show_default=True, help="JSONL field holding the id."),
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="JSONL field holding plain text (also the output text field).",
        ),
        click.option("--html-field", default="html", show_default=True, help="JSONL field holding HTML."),
        click.option(
            "--rules",
            "rule_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra cruft rules (TOML, same format as the built-in catalogue). Repeatable.",
        ),
        click.option(
            "--no-boilerplate",
            is_flag=True,
            help="Do not learn lines that recur across a source's documents as boilerplate.",
        ),
        click.option(
            "--explain", is_flag=True, help="Add 'removed': every line taken out and the rule that took it."
        ),
        click.option(
            "--strict", is_flag=True, help="Stop with exit status 1 at the first bad file or record."
        ),
        click.option(
            "-q", "--quiet", is_flag=True, help="Print nothing but errors: no progress, no summary."
        ),
        click.option(
            "--stats",
            "stats_path",
            type=click.Path(dir_okay=False),
            help="Also write the end-of-run summary to this file as JSON.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(1),
            default=Limits.max_bytes,
            show_default=True,
            help="Skip a document (file, JSONL line, WARC page) larger than this.",
        ),
        click.option(
            "--max-depth",
            type=click.IntRange(1),
            default=Limits.max_depth,
            show_default=True,
            help="Skip an HTML page whose elements nest deeper than this.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(1),
            default=None,
            help="Worker processes for extraction and cleaning [default: one per core]. "
            "The output is the same for any number.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _finish(stats: RunStats, quiet: bool, stats_path: str | None) -> None:
    if stats_path:
        with atomic_text(stats_path) as stream:
            json.dump(stats.to_dict(), stream, indent=2)
            stream.write("\n")
    if not quiet:
        for line in stats.details():
            _say(line)
        _say(stats.summary())


def _run(action: Callable[[], None]) -> None:
    """Turn expected failures into one-line messages and exit statuses."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        action()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except StrictModeError as exc:
        _say(f"stopped at the first problem (--strict): {exc.problem}")
        sys.exit(1)
    except KeyboardInterrupt:
        _say("interrupted; no output was written")
        sys.exit(130)
    except _Terminated:
        _say("terminated; no output was written")
        sys.exit(143)
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Turn raw news pages into clean, deduplicated article text.

    \b
    Inputs: .html/.htm pages, .txt articles, .jsonl/.jsonl.gz records with an
    id and a text or html field, .warc/.warc.gz crawls (HTML responses),
    directories of those, or - for JSONL on stdin.

    \b
    Examples:
      cleaner clean samples/ -o clean.jsonl --explain
      cleaner dedup samples/ -o unique.jsonl --clusters clusters.jsonl
      cleaner compare samples/002_fa0c2d95ead01239.txt samples/004_8c57c58ab6855116.txt
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, help="Output JSONL file (- for stdout).")
@click.option("--no-clean", is_flag=True, help="Only extract HTML; leave text as it is.")
@_input_options
def clean(
    inputs: tuple[str, ...],
    output: str,
    no_clean: bool,
    id_field: str,
    text_field: str,
    html_field: str,
    rule_files: tuple[str, ...],
    no_boilerplate: bool,
    explain: bool,
    strict: bool,
    quiet: bool,
    stats_path: str | None,
    max_bytes: int,
    max_depth: int,
    jobs: int | None,
) -> None:
    """Extract and clean article text; write one JSON line per document.

    Each output record has id, text, title, date, author, source and url; other
    input fields pass through. Bylines, datelines and timestamps move into
    fields; --explain lists every removed line with its rule.

    \b
    Example:
      cleaner clean samples/ -o clean.jsonl --explain
      cleaner clean CC-NEWS-20240502093008-01234.warc.gz -o clean.jsonl
      zcat crawl.jsonl.gz | cleaner clean - --html-field body > clean.jsonl
    """

    def action() -> None:
        from .pipeline import run_clean

        with progress(list(inputs), enabled=not quiet) as on_progress:
            stats = run_clean(
                list(inputs),
                output,
                options=CleanOptions(
                    rules=rule_files, clean=not no_clean, learn_boilerplate=not no_boilerplate
                ),
                names=FieldNames(id=id_field, text=text_field, html=html_field),
                explain=explain,
                strict=strict,
                jobs=jobs,
                limits=Limits(max_bytes, max_depth),
                on_problem=_report_problem,
                on_warning=_report_warning,
                on_progress=on_progress,
            )
        _finish(stats, quiet, stats_path)

    _run(action)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Output JSONL: one representative per cluster.")
@click.option(
    "--clusters",
    "clusters_path",
    help="Also write one JSON line per input document: id, cluster, representative, similarity.",
)
@click.option("--no-clean", is_flag=True, help="Compare the text as given (HTML is still extracted).")
@click.option(
    "--threshold",
    default=0.5,
    show_default=True,
    type=click.FloatRange(0.01, 1.0),
    help="Least share of a copy's words in passages shared with its cluster's centre.",
)
@click.option(
    "--min-jaccard",
    default=0.1,
    show_default=True,
    type=click.FloatRange(0.01, 1.0),
    help="Least Jaccard similarity of a copy and its centre (keeps snippets of long stories out).",
)
@click.option(
    "--num-perm", default=128, show_default=True, type=click.IntRange(16, 1024), help="MinHash permutations."
)
@click.option("--ngram", default=5, show_default=True, type=click.IntRange(1, 32), help="Tokens per shingle.")
@click.option("--seed", default=1, show_default=True, type=click.IntRange(0), help="MinHash seed.")
@click.option(
    "--keep",
    type=click.Choice(["longest", "earliest", "first", "source"]),
    default="longest",
    show_default=True,
    help="Which copy represents its cluster.",
)
@click.option(
    "--source-priority",
    default="",
    help="With --keep source: comma-separated sources, preferred first (e.g. 'Reuters,AP,AFP').",
)
@click.option(
    "--index",
    "index_spec",
    help="Cluster against, and add to, the documents of earlier runs stored here: a SQLite file "
    "(created if missing) or redis://host:port/db. Each --clusters record then says whether the "
    "document is new and which earlier cluster it joined.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    help="Also write an HTML report of the clusters (one self-contained file, opens offline).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="spark: run on Spark (pip install 'cleaner[spark]'); INPUTS and outputs are JSONL or "
    "Parquet on any Hadoop-compatible path, and the outputs are directories of part files. "
    "Same partition as local.",
)
@click.option(
    "--spark-master",
    help="With --engine spark: the Spark master (default: spark-submit's, else local[*]).",
)
@_input_options
def dedup(
    inputs: tuple[str, ...],
    output: str,
    clusters_path: str | None,
    no_clean: bool,
    threshold: float,
    min_jaccard: float,
    num_perm: int,
    ngram: int,
    seed: int,
    keep: str,
    source_priority: str,
    index_spec: str | None,
    report_path: str | None,
    engine: str,
    spark_master: str | None,
    id_field: str,
    text_field: str,
    html_field: str,
    rule_files: tuple[str, ...],
    no_boilerplate: bool,
    explain: bool,
    strict: bool,
    quiet: bool,
    stats_path: str | None,
    max_bytes: int,
    max_depth: int,
    jobs: int | None,
) -> None:
    """Find wire copies (MinHash + LSH, verified), keep one per cluster.

    \b
    Example:
      cleaner dedup samples/ -o unique.jsonl --clusters clusters.jsonl
      cleaner dedup crawl.jsonl.gz -o unique.jsonl --keep earliest --threshold 0.7
      cleaner dedup monday.jsonl -o unique.jsonl --index seen.sqlite
      cleaner dedup tuesday.jsonl -o unique.jsonl --index seen.sqlite --clusters clusters.jsonl
      cleaner dedup samples/ -o unique.jsonl --report report.html
      cleaner dedup corpus.jsonl -o unique.parquet --clusters clusters.parquet --engine spark
    """

    def action() -> None:
        reads_jsonl = any(path == STDIN or path.lower().endswith(JSONL_SUFFIXES) for path in inputs)
        if no_clean and engine == "local" and (jobs or default_jobs()) > 1 and reads_jsonl:
            start_early()  # its interpreter starts on another core while this one imports
        try:
            run()
        finally:
            discard_early()  # if the run never took it

    def run() -> None:
        from .dedup import Deduplicator
        from .pipeline import run_dedup

        deduplicator = Deduplicator(
            threshold=threshold,
            min_jaccard=min_jaccard,
            num_perm=num_perm,
            ngram=ngram,
            seed=seed,
            keep=keep,
            source_priority=[s.strip() for s in source_priority.split(",") if s.strip()],
        )
        options = CleanOptions(rules=rule_files, clean=not no_clean, learn_boilerplate=not no_boilerplate)
        names = FieldNames(id=id_field, text=text_field, html=html_field)
        if engine == "spark":
            if index_spec:
                raise ConfigError("--index works with --engine local only")
            if report_path:
                raise ConfigError("--report works with --engine local only")
            from .spark_engine import check_paths, run_dedup_spark, spark_session

            check_paths(list(inputs), [output, clusters_path])

            spark_stats = run_dedup_spark(
                spark_session(spark_master),
                list(inputs),
                output,
                deduplicator=deduplicator,
                clusters_path=clusters_path,
                options=options,
                names=names,
                explain=explain,
                strict=strict,
                on_problem=_report_problem,
            )
            _finish(spark_stats, quiet, stats_path)
            return
        index = None
        if index_spec:
            from .index import open_store

            index = open_store(index_spec)
        corpus: list[dict] = []
        try:
            with progress(list(inputs), enabled=not quiet) as on_progress:
                stats, result = run_dedup(
                    list(inputs),
                    output,
                    deduplicator=deduplicator,
                    clusters_path=clusters_path,
                    options=options,
                    names=names,
                    explain=explain,
                    strict=strict,
                    jobs=jobs,
                    limits=Limits(max_bytes, max_depth),
                    on_problem=_report_problem,
                    on_warning=_report_warning,
                    index=index,
                    on_progress=on_progress,
                    on_stage=getattr(on_progress, "stage", None),
                    on_record=corpus.append if report_path else None,
                    # passages are written to --clusters and --report only
                    evidence=bool(clusters_path or report_path),
                )
        finally:
            if index is not None:
                index.close()
        if report_path:
            from .report import write_report

            write_report(report_path, [m.to_dict() for m in result.members], corpus, text_field=text_field)
        if not quiet:
            for cluster in result.clusters:
                if len(cluster.members) > 1:
                    _say(f"cluster {cluster.id}: {len(cluster.members)} copies, kept {cluster.id}")
                    for member in (result.members[i] for i in cluster.members):
                        if not member.representative:
                            _say(f"  copy {member.id} (similarity {member.similarity:.2f})")
        _finish(stats, quiet, stats_path)
        if report_path and not quiet:
            _say(f"report written to {report_path}")

    _run(action)


def _load_one(spec: str, options: CleanOptions) -> tuple[str, str]:
    """``FILE`` or ``FILE#id`` -> (id, clean text)."""
    path, _, wanted = spec.partition("#") if "#" in spec and not Path(spec).exists() else (spec, "", "")
    for record in read_inputs(expand_inputs([path])):
        if isinstance(record, InputError):
            if not wanted:
                raise ConfigError(str(record))
            continue
        if not wanted or record.id == wanted:
            return record.id, clean_record(record, options).text
    raise ConfigError(f"{path}: no record with id {wanted!r}" if wanted else f"{path}: no document")


@main.command(name="compare")
@click.argument("a")
@click.argument("b")
@click.option("--ngram", default=5, show_default=True, type=click.IntRange(1, 32), help="Tokens per shingle.")
@click.option(
    "--min-words",
    default=8,
    show_default=True,
    type=click.IntRange(2),
    help="Shortest shared passage reported, in words.",
)
@click.option(
    "--threshold", default=0.5, show_default=True, type=click.FloatRange(0.01, 1.0), help="As for dedup."
)
@click.option(
    "--min-jaccard", default=0.1, show_default=True, type=click.FloatRange(0.01, 1.0), help="As for dedup."
)
@click.option("--no-clean", is_flag=True, help="Compare the text as given.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def compare_command(
    a: str,
    b: str,
    ngram: int,
    min_words: int,
    threshold: float,
    min_jaccard: float,
    no_clean: bool,
    as_json: bool,
) -> None:
    """Compare two documents: Jaccard, containment and coverage both ways,
    shared passages, and the verdict dedup would reach on the pair (copy,
    partial reuse or unrelated).

    A and B are files, or FILE#ID for one record of a JSONL file. Offsets are
    character positions in each document's clean text.

    \b
    Example:
      cleaner compare samples/002_fa0c2d95ead01239.txt samples/004_8c57c58ab6855116.txt
      cleaner compare corpus.jsonl#r123 corpus.jsonl#r456 --json
    """

    def action() -> None:
        options = CleanOptions(clean=not no_clean)
        (id_a, text_a), (id_b, text_b) = _load_one(a, options), _load_one(b, options)
        from .comparison import compare

        result = compare(
            text_a, text_b, ngram=ngram, min_words=min_words, threshold=threshold, min_jaccard=min_jaccard
        )
        if as_json:
            click.echo(json.dumps({"a": id_a, "b": id_b, **result.to_dict()}, ensure_ascii=False))
            return
        click.echo(f"A: {id_a} ({result.shingles_a} shingles)")
        click.echo(f"B: {id_b} ({result.shingles_b} shingles)")
        click.echo(f"Jaccard ({ngram}-gram shingles): {result.jaccard:.3f}")
        click.echo(f"Containment of A in B: {result.containment_ab:.3f}")
        click.echo(f"Containment of B in A: {result.containment_ba:.3f}")
        click.echo(f"Coverage of A by B (share of A's words in shared passages): {result.coverage_ab:.3f}")
        click.echo(f"Coverage of B by A: {result.coverage_ba:.3f}")
        if result.verdict == "copy":
            copy, centre = ("B", "A") if result.centre == "a" else ("A", "B")
            click.echo(f"Verdict: copy ({copy} is a copy of {centre})")
        else:
            click.echo(f"Verdict: {result.verdict}")
        click.echo(f"Shared passages (at least {min_words} words): {len(result.passages)}")
        for p in result.passages:
            click.echo(f"  A[{p.a_start}:{p.a_end}] B[{p.b_start}:{p.b_end}] {p.words} words")
            click.echo(f'    "{p.text}"')

    _run(action)


@main.command(name="report")
@click.argument("clusters", type=click.Path(exists=True, dir_okay=False))
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--id-field", default="id", show_default=True, help="Corpus field holding the id.")
@click.option("--text-field", default="text", show_default=True, help="Corpus field holding the clean text.")
def report_command(
    clusters: str, corpus: tuple[str, ...], output: str, id_field: str, text_field: str
) -> None:
    """Write the HTML cluster report from a --clusters file and the clean texts.

    CORPUS is JSONL (.jsonl or .jsonl.gz) holding the texts dedup compared:
    passage offsets point into them. Run dedup with --no-clean on the output
    of cleaner clean (with --explain, to see the removed lines), or use
    dedup --report directly.

    \b
    Example:
      cleaner clean samples/ -o clean.jsonl --explain
      cleaner dedup clean.jsonl --no-clean -o unique.jsonl --clusters clusters.jsonl
      cleaner report clusters.jsonl clean.jsonl -o report.html
    """

    def action() -> None:
        from .report import load_jsonl, write_report

        members = list(load_jsonl(clusters))
        records = [r for path in corpus for r in load_jsonl(path)]
        warnings = write_report(output, members, records, id_field=id_field, text_field=text_field)
        for warning in warnings:
            _say(warning)
        _say(f"report written to {output} ({len(members)} documents)")

    _run(action)
