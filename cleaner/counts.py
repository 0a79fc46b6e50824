"""How many shingles many pairs of documents share, counted at once.

:meth:`cleaner.corpus.Corpus.shared_counts` groups the pairs by their first
document and hands each group of first documents here: one pass of array
operations per group, not a set intersection per pair.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["found_counts"]

#: Salts a value with its group (an odd constant: groups fall in different slots).
_SALT = np.uint32(0x9E3779B1)


def found_counts(
    firsts: Sequence[np.ndarray],
    others: Sequence[np.ndarray],
    groups: np.ndarray,
    table: np.ndarray,
    mark: int,
    enough: np.ndarray | None = None,
    bound: bool = False,
) -> np.ndarray:
    """How many of each of ``others`` are in ``firsts[groups[k]]`` (all sorted,
    distinct; ``groups`` ascending); -1 for those that may have ``enough[k]``
    or more, and with ``bound`` only an upper bound for the others
    (:meth:`~cleaner.corpus.Corpus.shared_counts`).

    Most looked-up shingles are not there: a table over the low bits of the
    ``firsts`` values, each salted with its group, rules those out with one
    read each, and only the few that pass are searched for, tagged with
    their group, among the tagged ``firsts``. The table's slots of these
    ``firsts`` are set to ``mark``, a value no earlier call set (so it is
    never cleared between calls). All groups are looked up at once: a numpy
    call per group cost more than the lookups."""
    lengths = np.fromiter(map(len, others), dtype=np.int64, count=len(others))
    first_lengths = np.fromiter(map(len, firsts), dtype=np.int64, count=len(firsts))
    if not lengths.sum() or not first_lengths.sum():
        return np.zeros(len(others), dtype=np.int64)
    mask = np.uint32(len(table) - 1)
    values = np.concatenate(firsts)
    slots = (values ^ np.repeat(np.arange(len(firsts), dtype=np.uint32) * _SALT, first_lengths)) & mask
    table[slots] = mark
    needles = np.concatenate(others)
    group = np.repeat(groups.astype(np.uint32), lengths)
    hit = table[(needles ^ group * _SALT) & mask] == mark
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    if enough is not None and bound:  # what passes the table bounds the count: not searched
        passed = np.add.reduceat(hit, np.minimum(bounds[:-1], len(hit) - 1), dtype=np.int32).astype(np.int64)
        passed[lengths == 0] = 0  # (reduceat gives an empty segment its next value)
        passed[passed >= enough] = -1
        return passed
    maybe = np.flatnonzero(hit)
    unsure = None
    if enough is not None:  # pairs that may reach enough are not searched
        unsure = np.diff(np.searchsorted(maybe, bounds)) >= enough
        maybe = maybe[~np.repeat(unsure, lengths)[maybe]]
    tag = np.uint64(32)
    owner = np.repeat(np.arange(len(firsts), dtype=np.uint64), first_lengths)
    keys = values.astype(np.uint64) | (owner << tag)
    wanted = needles[maybe].astype(np.uint64) | (group[maybe].astype(np.uint64) << tag)
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    found = maybe[keys[where] == wanted]  # positions in needles, ascending
    counts = np.diff(np.searchsorted(found, bounds))
    if unsure is not None:
        counts[unsure] = -1
    return counts
