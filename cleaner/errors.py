"""The exceptions cleaner raises.

Everything derives from :class:`CleanerError`, so ``except CleanerError`` catches
all of them::

    CleanerError
    ├── ConfigError        bad options or a bad rule file: nothing was processed
    └── InputError         one file or record could not be used; the run goes on
"""

from __future__ import annotations

__all__ = ["CleanerError", "ConfigError", "InputError", "StrictModeError"]


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""


class ConfigError(CleanerError):
    """Options, paths or rule files that make the run impossible to start."""


class InputError(CleanerError):
    """A file or record that cannot be read or used.

    ``origin`` names the file (or ``<stdin>``), ``line`` the 1-based line of a
    JSONL record when there is one, ``reason`` a short machine-friendly key used
    in summaries, and ``detail`` what a person needs to fix it.

    >>> str(InputError("a.jsonl", "invalid-json", "Expecting value", line=3))
    'a.jsonl:3: invalid-json: Expecting value'
    """

    def __init__(self, origin: str, reason: str, detail: str = "", *, line: int | None = None):
        self.origin = origin
        self.line = line
        self.reason = reason
        self.detail = detail
        super().__init__(str(self))

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Pickled by its fields (worker processes pass errors back in order).
        return _input_error, (self.origin, self.reason, self.detail, self.line)

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin

    def __str__(self) -> str:
        text = f"{self.where}: {self.reason}"
        return f"{text}: {self.detail}" if self.detail else text


def _input_error(origin: str, reason: str, detail: str, line: int | None) -> InputError:
    return InputError(origin, reason, detail, line=line)


class StrictModeError(Exception):
    """Raised in strict mode at the first input problem (wraps it).

    Here, not in :mod:`cleaner.pipeline` (which exports it too), so that the
    command line can catch it without importing numpy before it must."""

    def __init__(self, problem: InputError):
        self.problem = problem
        super().__init__(str(problem))
