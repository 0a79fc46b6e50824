"""The commands that explain a result: ``compare`` (two documents, as dedup
would judge them) and ``report`` (clusters as an HTML page)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .clean import CleanOptions, clean_record
from .cli_common import run_action, say
from .errors import ConfigError, InputError
from .read import expand_inputs, read_inputs

__all__ = ["compare_command", "report_command"]


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


@click.command(name="compare")
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

    run_action(action)


@click.command(name="report")
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
            say(warning)
        say(f"report written to {output} ({len(members)} documents)")

    run_action(action)
