"""The shared index: a Redis database (redis-py), for long-running deployments.

Layout (every key under ``cleaner:``), chosen over datasketch's Redis
storage, which keeps only LSH buckets of keys: an incremental run also needs
each document's text (exact verification), its neighbours (to load whole
connected groups) and its cluster, and our bands are BandedLSH's folded
keys, not datasketch's byte-swapped hash ranges.

- ``meta``: hash of ``settings`` (JSON), ``next_seq`` and ``version``;
- ``doc:<seq>``: hash of ``id``, ``date``, ``source``, ``signature``
  (uint32 little-endian), ``text`` (zlib), ``cluster``, ``centre``;
- ``band:<band>:<key hex>``: set of the seqs whose band has that key;
- ``nb:<seq>``: set of the seqs of its neighbours.

A run WATCHes ``meta`` from :meth:`RedisStore.begin` and writes everything
in one MULTI/EXEC: all or nothing, and a run that overlapped another's
commit stores nothing and fails (run it again) instead of interleaving.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import numpy as np
import redis

from ..errors import ConfigError
from .store import (
    Membership,
    NewDocument,
    StoredDocument,
    pack_signature,
    pack_text,
    unpack_signature,
    unpack_text,
)

__all__ = ["RedisStore"]

PREFIX = "cleaner:"
META = PREFIX + "meta"


def _band(band: int, key: int) -> str:
    return f"{PREFIX}band:{band}:{key:016x}"


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("utf-8")


class RedisStore:
    """An :class:`~cleaner.index.store.IndexStore` in one Redis database."""

    def __init__(self, url: str):
        self.url = url
        try:
            self.r = redis.Redis.from_url(url)
            self.r.ping()
        except (redis.RedisError, ValueError) as exc:
            raise ConfigError(f"--index {url}: cannot reach Redis: {exc}") from exc
        self.pipe: Any = None

    def begin(self) -> None:
        self.pipe = self.r.pipeline()
        self.pipe.watch(META)

    def settings(self) -> dict[str, Any] | None:
        value = self.r.hget(META, "settings")
        return None if value is None else json.loads(value)

    def next_seq(self) -> int:
        return int(self.r.hget(META, "next_seq") or 0)

    def bucket_members(self, band: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        unique = np.unique(keys).tolist()
        pipe = self.r.pipeline(transaction=False)
        for key in unique:
            pipe.smembers(_band(band, key))
        found_keys: list[int] = []
        found_seqs: list[int] = []
        for key, members in zip(unique, pipe.execute()):
            found_keys.extend([key] * len(members))
            found_seqs.extend(int(m) for m in members)
        return np.array(found_keys, dtype=np.uint64), np.array(found_seqs, dtype=np.int64)

    def neighbours(self, seqs: Iterable[int]) -> dict[int, list[int]]:
        wanted = sorted(set(seqs))
        pipe = self.r.pipeline(transaction=False)
        for seq in wanted:
            pipe.smembers(f"{PREFIX}nb:{seq}")
        return {seq: sorted(int(m) for m in found) for seq, found in zip(wanted, pipe.execute())}

    def documents(self, seqs: Iterable[int]) -> list[StoredDocument]:
        wanted = sorted(set(seqs))
        pipe = self.r.pipeline(transaction=False)
        for seq in wanted:
            pipe.hgetall(f"{PREFIX}doc:{seq}")
        return [
            StoredDocument(
                seq,
                row[b"id"].decode("utf-8"),
                _text(row.get(b"date")),
                _text(row.get(b"source")),
                unpack_text(row[b"text"]),
                row[b"cluster"].decode("utf-8"),
                int(row[b"centre"]),
            )
            for seq, row in zip(wanted, pipe.execute())
        ]

    def signatures(self, seqs: Iterable[int]) -> dict[int, np.ndarray]:
        wanted = sorted(set(seqs))
        pipe = self.r.pipeline(transaction=False)
        for seq in wanted:
            pipe.hget(f"{PREFIX}doc:{seq}", "signature")
        return {seq: unpack_signature(blob) for seq, blob in zip(wanted, pipe.execute())}

    def commit(
        self,
        settings: dict[str, Any],
        new: list[NewDocument],
        edges: list[tuple[int, int]],
        memberships: list[Membership],
    ) -> None:
        pipe, self.pipe = self.pipe, None
        pipe.multi()
        pipe.hset(META, "settings", json.dumps(settings, sort_keys=True))
        if new:
            pipe.hset(META, "next_seq", new[-1].seq + 1)
        pipe.hincrby(META, "version", 1)
        for doc in new:
            fields: dict[str, Any] = {
                "id": doc.id,
                "signature": pack_signature(doc.signature),
                "text": pack_text(doc.text),
            }
            fields.update({k: v for k, v in (("date", doc.date), ("source", doc.source)) if v is not None})
            pipe.hset(f"{PREFIX}doc:{doc.seq}", mapping=fields)
            for band, key in enumerate(doc.bands.tolist()):
                pipe.sadd(_band(band, key), doc.seq)
        for a, b in edges:
            pipe.sadd(f"{PREFIX}nb:{a}", b)
            pipe.sadd(f"{PREFIX}nb:{b}", a)
        for m in memberships:
            pipe.hset(f"{PREFIX}doc:{m.seq}", mapping={"cluster": m.cluster, "centre": m.centre})
        try:
            pipe.execute()
        except redis.WatchError as exc:
            raise ConfigError(
                f"--index {self.url}: another run changed the index meanwhile; nothing was stored, run again"
            ) from exc
        finally:
            pipe.reset()

    def abort(self) -> None:
        if self.pipe is not None:
            self.pipe.reset()
            self.pipe = None

    def memberships(self) -> list[Membership]:
        seqs = range(self.next_seq())
        pipe = self.r.pipeline(transaction=False)
        for seq in seqs:
            pipe.hmget(f"{PREFIX}doc:{seq}", "id", "cluster", "centre")
        return [
            Membership(seq, doc_id.decode("utf-8"), cluster.decode("utf-8"), int(centre))
            for seq, (doc_id, cluster, centre) in zip(seqs, pipe.execute())
        ]

    def close(self) -> None:
        self.abort()
        self.r.close()
