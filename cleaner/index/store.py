"""What the incremental index keeps of each document, behind one small interface.

A backend stores, per document (numbered by ``seq``, its position in the
input of all runs together): id, date, source, signature, clean text, the
band keys of its signature (to find candidates among stored documents
without reading them), its neighbours (stored documents it shares shingles
with, found as LSH candidates) and its cluster. A run reads what it needs
and writes everything back at once in :meth:`IndexStore.commit`; a run that
fails before leaves the index as it was.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

__all__ = [
    "IndexStore",
    "Membership",
    "NewDocument",
    "StoredDocument",
    "pack_signature",
    "pack_text",
    "unpack_signature",
    "unpack_text",
]


@dataclass(frozen=True)
class StoredDocument:
    """A document of an earlier run, as the index returns it."""

    seq: int
    id: str
    date: str | None
    source: str | None
    text: str
    cluster: str
    centre: int


@dataclass(frozen=True)
class NewDocument:
    """A document of this run, to be stored: ``bands`` are its band keys,
    one per band (empty for a document without shingles)."""

    seq: int
    id: str
    date: str | None
    source: str | None
    text: str
    signature: np.ndarray
    bands: np.ndarray


@dataclass(frozen=True)
class Membership:
    """Where a stored document stands: its cluster's id and its centre's seq."""

    seq: int
    id: str
    cluster: str
    centre: int


class IndexStore(Protocol):
    """One index: a SQLite file or a Redis database."""

    def begin(self) -> None:
        """Start a run: what it reads stays consistent until commit or abort."""

    def settings(self) -> dict[str, Any] | None:
        """The deduplication settings the index was built with (None when empty)."""

    def next_seq(self) -> int:
        """Number for the next document: the count of documents stored."""

    def bucket_members(self, band: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Stored ``(keys, seqs)`` of documents whose band ``band`` has one of ``keys``."""

    def neighbours(self, seqs: Iterable[int]) -> dict[int, list[int]]:
        """Stored neighbours of each of ``seqs`` (documents sharing shingles)."""

    def documents(self, seqs: Iterable[int]) -> list[StoredDocument]:
        """The stored documents ``seqs``, in seq order."""

    def signatures(self, seqs: Iterable[int]) -> dict[int, np.ndarray]:
        """The stored signatures (uint32) of ``seqs``."""

    def commit(
        self,
        settings: dict[str, Any],
        new: list[NewDocument],
        edges: list[tuple[int, int]],
        memberships: list[Membership],
    ) -> None:
        """Store the new documents, the new neighbour pairs and the
        memberships that changed, all at once, and end the run."""

    def abort(self) -> None:
        """End the run without changing anything."""

    def memberships(self) -> list[Membership]:
        """Every stored document's membership, in seq order."""

    def close(self) -> None:
        """Release the connection."""


def pack_signature(signature: np.ndarray) -> bytes:
    """A signature as stored: little-endian uint32, whatever the machine."""
    return signature.astype("<u4").tobytes()


def unpack_signature(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")
