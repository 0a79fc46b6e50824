"""A progress bar on stderr for long runs, drawn from the pipeline's
``on_progress`` callback (records done so far), with click's own progress bar.

Only when stderr is a terminal: logs and pipes get the summary alone.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click

from .read import expand_inputs

__all__ = ["estimate_total", "progress"]

_BLOCK = 1 << 20


def estimate_total(files: list[tuple[str, str]]) -> int | None:
    """Records the inputs hold, when that is cheap to know: one per page or
    text file, one per line of an uncompressed JSONL file. None for stdin,
    compressed JSONL and WARC (the bar then shows the count and rate, no ETA)."""
    total = 0
    for path, kind in files:
        if kind in ("html", "text"):
            total += 1
        elif kind == "jsonl" and path != "-" and not path.lower().endswith(".gz"):
            with Path(path).open("rb") as stream:
                last = b"\n"
                while block := stream.read(_BLOCK):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        else:
            return None
    return total


@contextmanager
def progress(
    inputs: list[str], *, enabled: bool, stream: IO[str] | None = None
) -> Iterator[Callable[[int], None] | None]:
    """A callback for ``on_progress`` that draws documents done, documents/s
    and (when the total is known) percent and ETA; None when not ``enabled``
    or ``stream`` (stderr) is not a terminal. Its ``stage`` attribute, for
    ``on_stage``, names on the bar what a run does once all is read."""
    stream = stream or sys.stderr
    if not enabled or not stream.isatty():
        yield None
        return
    total = estimate_total(expand_inputs(inputs))
    started = time.perf_counter()

    def rate(item: str | None) -> str | None:
        return item

    bar = click.progressbar(
        iterable=None if total else itertools.repeat(None),
        length=total or None,
        label="cleaner",
        file=stream,
        show_pos=True,
        show_eta=True,
        item_show_func=rate,
        width=24,
    )

    def update(done: int) -> None:
        elapsed = time.perf_counter() - started
        speed = f"{done / elapsed:.0f} docs/s" if elapsed > 0 else None
        bar.update(max(done - bar.pos, 0), speed)

    def stage(name: str) -> None:
        # After the last record is read, dedup still clusters and writes: say
        # so on the bar rather than leave it looking stalled.
        bar.current_item = name
        bar.render_progress()

    update.stage = stage  # type: ignore[attr-defined]
    with bar:
        yield update
