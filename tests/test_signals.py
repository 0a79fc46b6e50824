"""An interrupted run (Ctrl-C, SIGTERM) exits promptly with 130 / 143 and leaves
no truncated output: no file at all, or the previous complete one untouched.

The run reads JSONL from a pipe the test keeps open, so it is reliably still
running (its temporary output exists) when the signal arrives."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SENTENCE = "It rained all day in the city on Monday, officials said."


def descendants(pid: int) -> set[int]:
    """Processes started by ``pid`` (the forkserver and the workers), from /proc."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found.update(int(c) for c in children)
        todo.extend(int(c) for c in children)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(predicate, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "the run did not start in time"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("signum", "status", "jobs", "previous"),
    [
        (signal.SIGINT, 130, "1", None),
        (signal.SIGTERM, 143, "1", "earlier complete output\n"),
        (signal.SIGTERM, 143, "2", None),
    ],
)
def test_interrupted_run_leaves_no_truncated_output(
    tmp_path: Path, signum: int, status: int, jobs: str, previous: str | None
) -> None:
    out = tmp_path / "out" / "clean.jsonl"
    out.parent.mkdir()
    if previous is not None:
        out.write_text(previous)
    code = "import sys; from cleaner.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        # without boilerplate learning, chunks go to the workers as they are read
        [sys.executable, "-c", code, "clean", "-", "-o", str(out), "-j", jobs, "--no-boilerplate"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdin is not None
        lines = (json.dumps({"id": f"r{i}", "text": f"{SENTENCE} Item {i}."}) + "\n" for i in range(600))
        proc.stdin.write("".join(lines).encode())
        proc.stdin.flush()  # the pipe stays open: the run waits for more
        wait_for(lambda: any(p.name.endswith(".tmp") for p in out.parent.iterdir()))
        workers: set[int] = set()
        if jobs != "1" and Path("/proc/self/task").exists():
            # two chunks were read: the forkserver and both workers are running
            wait_for(lambda: len(descendants(proc.pid)) >= 3)
            workers = descendants(proc.pid)
        proc.send_signal(signum)
        started = time.monotonic()
        _, stderr = proc.communicate(timeout=60)
        assert time.monotonic() - started < 30
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == status, stderr.decode()
    assert b"Traceback" not in stderr, stderr.decode()
    assert b"no output was written" in stderr
    wait_for(lambda: not any(alive(pid) for pid in workers), 10)  # no worker outlives the run
    if previous is None:
        assert list(out.parent.iterdir()) == []
    else:
        assert list(out.parent.iterdir()) == [out] and out.read_text() == previous


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_dedup_stops_its_reader(tmp_path: Path, signum: int) -> None:
    """Dedup without cleaning parses JSONL in a reader process: an interrupt
    stops it too, without a traceback."""
    out = tmp_path / "out.jsonl"
    code = "import sys; from cleaner.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "dedup", "-", "--no-clean", "-o", str(out), "-j", "2"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdin is not None
        lines = (
            json.dumps({"id": f"r{i}", "text": f"{SENTENCE} Item {i}. " * 20}) + "\n" for i in range(4000)
        )
        proc.stdin.write("".join(lines).encode())  # a few blocks of lines
        proc.stdin.flush()  # the pipe stays open: the run waits for more
        wait_for(lambda: len(descendants(proc.pid)) >= 1)
        reader = descendants(proc.pid)
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == (130 if signum == signal.SIGINT else 143), stderr.decode()
    assert b"Traceback" not in stderr, stderr.decode()
    wait_for(lambda: not any(alive(pid) for pid in reader), 10)
    assert not out.exists()
