"""The reader process (:mod:`cleaner.reader`), seen from the process that starts it.

Without numpy, so that the command line can start the reader before it
imports numpy and the clustering code: the reader's interpreter starts up
on the other core while this one imports (:func:`start_early`).
"""

from __future__ import annotations

import atexit
import fcntl
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .read import LineBlock
    from .reader import Chunk, Reading

__all__ = ["ReaderProcess", "claim", "default_jobs", "discard_early", "start_early"]


def default_jobs() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_deferred() -> Iterator[None]:
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


#: Bytes a pipe to or from the reader holds (Linux lets anyone ask for 1 MiB).
_PIPE_BYTES = 1 << 20
# The reader's start: the package's modules without its __init__, which
# imports them all (and numpy); the task needs few (:mod:`cleaner.reader`).
_READER = """import sys, types
package = types.ModuleType("cleaner")
package.__path__ = [sys.argv[1]]
sys.modules["cleaner"] = package
from cleaner.reader import serve
serve(int(sys.argv[2]), int(sys.argv[3]))
"""


class ReaderProcess:
    """A second process that parses JSONL blocks (the dedup path without
    cleaning) while this one signs the blocks it parsed before
    (:mod:`cleaner.reader`). A fresh interpreter, not a pool worker: no
    server process, and only the modules the task needs. It waits for a
    :class:`~cleaner.reader.Reading` (:meth:`configure`) before any block.

    Results come back in submission order; a writer thread feeds the
    blocks, as this process may be sending one while the reader sends back
    a result (both pipes are bounded).
    """

    def __init__(self) -> None:
        tasks_in, tasks_out = os.pipe()
        results_in, results_out = os.pipe()
        for fd in (tasks_out, results_out):
            # A block or a chunk at once, not 64 KiB: fewer system calls, and
            # fewer waits of each process for the other to read.
            with suppress(OSError, AttributeError):
                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        here = os.path.dirname(os.path.abspath(__file__))
        try:
            with signals_deferred():
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", _READER, here, str(tasks_in), str(results_out)],
                    pass_fds=(tasks_in, results_out),
                    stdin=subprocess.DEVNULL,
                    # Ctrl-C reaches the terminal's process group: not this one,
                    # which this process stops (even while it starts up).
                    start_new_session=True,
                )
        except BaseException:
            for fd in (tasks_out, results_in):
                os.close(fd)
            raise
        finally:
            os.close(tasks_in)
            os.close(results_out)
        self._results = Connection(results_in, writable=False)
        self._outbox: queue.Queue[bytes | None] = queue.Queue()
        self._writer = threading.Thread(target=self._write, args=(Connection(tasks_out, readable=False),))
        self._writer.daemon = True
        self._writer.start()

    def _write(self, tasks: Connection) -> None:
        try:
            while (message := self._outbox.get()) is not None:
                tasks.send_bytes(message)
        except OSError:  # the reader died: take() reports it
            pass
        finally:
            tasks.close()

    def configure(self, reading: Reading) -> None:
        """How to read the blocks: sent once, before the first."""
        self._outbox.put(pickle.dumps(reading))

    def submit(self, block: LineBlock) -> None:
        # The lines as they are, after their origin: not copied into a pickle.
        self._outbox.put(pickle.dumps((block.origin, block.first)))
        self._outbox.put(block.data)

    def ready(self) -> bool:
        """Whether the oldest result not yet taken is there."""
        return self._results.poll()

    def take(self) -> Chunk:
        """The oldest result not yet taken (not yet signed)."""
        try:
            chunk: Chunk = pickle.loads(self._results.recv_bytes())
            chunk.attach(self._read)
        except (EOFError, OSError):
            raise RuntimeError(f"the reading process stopped (exit status {self._proc.wait()})") from None
        return chunk

    def _read(self, size: int) -> bytearray:
        """``size`` bytes sent raw, read straight into one buffer (a
        Connection reads a message in pieces and copies it twice)."""
        out = bytearray(size)
        view, got = memoryview(out), 0
        while got < size:
            count = os.readv(self._results.fileno(), [view[got:]])
            if not count:
                raise EOFError
            got += count
        return out

    def close(self, finished: bool) -> None:
        """Let the reader exit (``finished``), or stop it now."""
        if not finished:
            self._proc.kill()
        self._outbox.put(None)
        self._writer.join()
        self._results.close()
        if finished:
            # Its interpreter takes some 10 ms to exit: not waited for here,
            # where the run goes on to cluster (:func:`reap`).
            _exiting.append(self._proc)
        else:
            self._proc.wait()


_exiting: list[subprocess.Popen[bytes]] = []


@atexit.register
def reap() -> None:
    """Wait for the readers that were let exit."""
    while _exiting:
        _exiting.pop().wait()


_early: list[ReaderProcess] = []


def start_early() -> None:
    """Start the reader now, before the run needs it: its interpreter starts
    and imports while this process still imports. :func:`claim` takes it;
    :func:`discard_early` stops it if the run never did."""
    # No process to start here (OSError, ValueError): the run parses blocks itself.
    with suppress(OSError, ValueError):
        if not _early:
            _early.append(ReaderProcess())


def claim(reading: Reading) -> ReaderProcess:
    """The reader started early, else a new one, set to read as ``reading`` says."""
    reader = _early.pop() if _early else ReaderProcess()
    reader.configure(reading)
    return reader


def discard_early() -> None:
    """Stop the reader started early, if no run claimed it (and wait for
    those that exited)."""
    while _early:
        _early.pop().close(finished=False)
    reap()
