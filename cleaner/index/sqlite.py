"""The embedded index: one SQLite file (standard library), WAL mode.

A run holds one write transaction from :meth:`SQLiteStore.begin` to
:meth:`SQLiteStore.commit` (``BEGIN IMMEDIATE``: concurrent runs wait their
turn instead of interleaving numbers), so a failed run leaves the file as it
was. Band keys (uint64) are stored as their signed 64-bit twins.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from .store import (
    Membership,
    NewDocument,
    StoredDocument,
    pack_signature,
    pack_text,
    unpack_signature,
    unpack_text,
)

__all__ = ["SQLiteStore"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, date TEXT, source TEXT,
    signature BLOB NOT NULL, text BLOB NOT NULL, cluster TEXT NOT NULL, centre INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, key INTEGER NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands (band, key);
CREATE TABLE IF NOT EXISTS edges (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
"""

#: Host parameters per statement (SQLite's default limit is 999 on old builds).
_CHUNK = 900


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class SQLiteStore:
    """An :class:`~cleaner.index.store.IndexStore` in one SQLite file."""

    def __init__(self, path: str):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def settings(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = 'settings'").fetchone()
        return json.loads(row[0]) if row else None

    def next_seq(self) -> int:
        row = self.db.execute("SELECT MAX(seq) FROM docs").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def bucket_members(self, band: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found_keys: list[int] = []
        found_seqs: list[int] = []
        signed = np.unique(keys).view(np.int64).tolist()
        for chunk in _chunks(signed):
            marks = ",".join("?" * len(chunk))
            for key, seq in self.db.execute(
                f"SELECT key, seq FROM bands WHERE band = ? AND key IN ({marks})", (band, *chunk)
            ):
                found_keys.append(key)
                found_seqs.append(seq)
        return (
            np.array(found_keys, dtype=np.int64).view(np.uint64),
            np.array(found_seqs, dtype=np.int64),
        )

    def neighbours(self, seqs: Iterable[int]) -> dict[int, list[int]]:
        wanted = sorted(set(seqs))
        found: dict[int, list[int]] = {seq: [] for seq in wanted}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for a, b in self.db.execute(f"SELECT a, b FROM edges WHERE a IN ({marks})", chunk):
                found[a].append(b)
        return found

    def documents(self, seqs: Iterable[int]) -> list[StoredDocument]:
        docs: list[StoredDocument] = []
        for chunk in _chunks(sorted(set(seqs))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT seq, id, date, source, text, cluster, centre FROM docs WHERE seq IN ({marks})", chunk
            )
            for seq, doc_id, date, source, text, cluster, centre in rows:
                docs.append(StoredDocument(seq, doc_id, date, source, unpack_text(text), cluster, centre))
        return sorted(docs, key=lambda d: d.seq)

    def signatures(self, seqs: Iterable[int]) -> dict[int, np.ndarray]:
        found: dict[int, np.ndarray] = {}
        for chunk in _chunks(sorted(set(seqs))):
            marks = ",".join("?" * len(chunk))
            for seq, blob in self.db.execute(
                f"SELECT seq, signature FROM docs WHERE seq IN ({marks})", chunk
            ):
                found[seq] = unpack_signature(blob)
        return found

    def commit(
        self,
        settings: dict[str, Any],
        new: list[NewDocument],
        edges: list[tuple[int, int]],
        memberships: list[Membership],
    ) -> None:
        db = self.db
        value = json.dumps(settings, sort_keys=True)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('settings', ?)", (value,))
        db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, '', -1)",
            ((d.seq, d.id, d.date, d.source, pack_signature(d.signature), pack_text(d.text)) for d in new),
        )
        db.executemany(
            "INSERT INTO bands VALUES (?, ?, ?)",
            (
                (band, key, d.seq)
                for d in new
                for band, key in enumerate(d.bands.astype(np.uint64).view(np.int64).tolist())
            ),
        )
        db.executemany("INSERT OR IGNORE INTO edges VALUES (?, ?)", [*edges, *((b, a) for a, b in edges)])
        db.executemany(
            "UPDATE docs SET cluster = ?, centre = ? WHERE seq = ?",
            ((m.cluster, m.centre, m.seq) for m in memberships),
        )
        db.execute("COMMIT")

    def abort(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def memberships(self) -> list[Membership]:
        rows = self.db.execute("SELECT seq, id, cluster, centre FROM docs ORDER BY seq")
        return [Membership(*row) for row in rows]

    def close(self) -> None:
        self.db.close()
