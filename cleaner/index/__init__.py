"""Incremental deduplication against an index of earlier runs.

``open_store("dedup.sqlite")`` opens (or creates) the embedded SQLite index;
``open_store("redis://host:6379/0")`` a Redis one (``pip install 'cleaner[redis]'``).
"""

from __future__ import annotations

import sqlite3

from ..errors import ConfigError
from .incremental import IncrementalResult, add_documents, settings_of
from .sqlite import SQLiteStore
from .store import IndexStore, Membership, NewDocument, StoredDocument

__all__ = [
    "IncrementalResult",
    "IndexStore",
    "Membership",
    "NewDocument",
    "SQLiteStore",
    "StoredDocument",
    "add_documents",
    "open_store",
    "settings_of",
]

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def open_store(spec: str) -> IndexStore:
    """A SQLite file path, or a Redis URL (``redis://host:port/db``)."""
    if spec.startswith(REDIS_SCHEMES):
        try:
            from .redis_store import RedisStore
        except ImportError as exc:  # redis-py is an optional extra
            raise ConfigError(f"--index {spec}: Redis needs redis-py: pip install 'cleaner[redis]'") from exc
        return RedisStore(spec)
    try:
        return SQLiteStore(spec)
    except sqlite3.Error as exc:
        raise ConfigError(f"--index {spec}: cannot open as a SQLite index: {exc}") from exc
