"""The ``cleaner`` command: a thin click layer over :mod:`cleaner.pipeline`."""

from __future__ import annotations

import click

from . import __version__
from .clean import CleanOptions
from .cli_common import finish, input_options, report_problem, report_warning, run_action, say
from .cli_explain import compare_command, report_command
from .errors import ConfigError
from .progress import progress
from .read import JSONL_SUFFIXES, STDIN, FieldNames, Limits
from .readerproc import default_jobs, discard_early, start_early

# The pipeline and the clustering code (numpy) are imported where a command
# runs: dedup starts its reader process first (:func:`~cleaner.readerproc.start_early`).


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
@input_options
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
                on_problem=report_problem,
                on_warning=report_warning,
                on_progress=on_progress,
            )
        finish(stats, quiet, stats_path)

    run_action(action)


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
@input_options
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
                on_problem=report_problem,
            )
            finish(spark_stats, quiet, stats_path)
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
                    on_problem=report_problem,
                    on_warning=report_warning,
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
                    say(f"cluster {cluster.id}: {len(cluster.members)} copies, kept {cluster.id}")
                    for member in (result.members[i] for i in cluster.members):
                        if not member.representative:
                            say(f"  copy {member.id} (similarity {member.similarity:.2f})")
        finish(stats, quiet, stats_path)
        if report_path and not quiet:
            say(f"report written to {report_path}")

    run_action(action)


main.add_command(compare_command)
main.add_command(report_command)
