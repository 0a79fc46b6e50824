"""What every ``cleaner`` command shares: the input options, one-line
messages on stderr, exit statuses, and outputs left whole on SIGTERM."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import ConfigError, InputError, StrictModeError
from .read import Limits
from .write import atomic_text

if TYPE_CHECKING:
    from .pipeline import RunStats

__all__ = ["finish", "input_options", "report_problem", "report_warning", "run_action", "say"]

F = TypeVar("F", bound=Callable[..., Any])


def say(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


def report_problem(problem: InputError) -> None:
    say(f"skipped {problem}")


def report_warning(warning: InputError) -> None:
    say(f"warning: {warning}")


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so outputs are cleaned up on the way out."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def input_options(func: F) -> F:
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


def finish(stats: RunStats, quiet: bool, stats_path: str | None) -> None:
    if stats_path:
        with atomic_text(stats_path) as stream:
            json.dump(stats.to_dict(), stream, indent=2)
            stream.write("\n")
    if not quiet:
        for line in stats.details():
            say(line)
        say(stats.summary())


def run_action(action: Callable[[], None]) -> None:
    """Turn expected failures into one-line messages and exit statuses."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        action()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except StrictModeError as exc:
        say(f"stopped at the first problem (--strict): {exc.problem}")
        sys.exit(1)
    except KeyboardInterrupt:
        say("interrupted; no output was written")
        sys.exit(130)
    except _Terminated:
        say("terminated; no output was written")
        sys.exit(143)
    finally:
        signal.signal(signal.SIGTERM, previous)
