"""Clusters from verified copies, without transitive chaining.

Union-find over candidate pairs merges A and C when A copies B and B merely
quotes C. Here each cluster is a star around a *centre*, and a document joins
only if it is itself a verified copy of that centre, so a passage quoted in
one member never pulls a different story in.

Centres are chosen by *support*, not length: a document's support is the sum,
over the documents that copy it, of the share of its words each reproduces.
The original wire story, reproduced in large part by every outlet version,
outranks both a trimmed copy (which only its own sub-copies reproduce) and a
longer story that quotes a few of its sentences (whose own text nobody
reproduces).

>>> # 1 and 2 copy 0; 3 quotes 0's copies, so 1 and 2 also "copy" 3
>>> support_clusters(4, [(1, 0, 0.8), (2, 0, 0.6), (1, 3, 0.3), (2, 3, 0.3)], lengths=[5, 4, 3, 9])
[0, 0, 0, 3]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

__all__ = ["KEEP_POLICIES", "choose_representative", "support_clusters"]

KEEP_POLICIES = ("longest", "earliest", "first", "source")


def support_clusters(
    n: int,
    copies: Iterable[tuple[int, int, float]],
    *,
    lengths: Sequence[int],
    accept: Callable[[int, list[int]], bool] | None = None,
) -> list[int]:
    """Centre index of each of ``n`` documents.

    ``copies`` are verified ``(copy, original, weight)`` triples, ``weight``
    being the share of the copy's words that are the original's. Documents
    are taken by support, the sum of their copies' weights (ties: longer,
    then earlier in the input); each one not yet placed becomes a centre and
    takes the unplaced documents that copy it, unless none is left or
    ``accept(centre, copies)`` (all its copies, placed or not) says it is no
    story centre: it then stays free to join a later centre, or ends alone.
    """
    support = [0.0] * n
    copied_by: list[list[int]] = [[] for _ in range(n)]
    for copy, original, weight in copies:
        support[original] += weight
        copied_by[original].append(copy)
    # By (-support, -length, index): one numpy sort, not a key tuple per document.
    order = np.lexsort((np.arange(n), -np.asarray(lengths[:n], dtype=np.int64), -np.array(support))).tolist()
    rank = [0] * n
    for position, index in enumerate(order):
        rank[index] = position
    centre = [-1] * n
    for index in order:
        if centre[index] != -1 or not copied_by[index]:  # most are copied by none
            continue
        free = sorted((c for c in copied_by[index] if centre[c] == -1), key=rank.__getitem__)
        if not free or (accept is not None and not accept(index, copied_by[index])):
            continue
        centre[index] = index
        for copy in free:
            centre[copy] = index
    return [index if c == -1 else c for index, c in enumerate(centre)]


def choose_representative(
    members: Sequence[int],
    *,
    keep: str,
    lengths: Sequence[int],
    dates: Sequence[str | None],
    sources: Sequence[str | None],
    source_priority: Sequence[str] = (),
) -> int:
    """The member to keep. Ties always fall to the earlier input position.

    - ``longest``: most shingles (the most complete version);
    - ``earliest``: earliest ISO date, undated last, then longest;
    - ``first``: first seen in the input;
    - ``source``: first source in ``source_priority`` (case-insensitive), then longest.
    """
    if keep not in KEEP_POLICIES:
        raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, got {keep!r}")
    if keep == "first":
        return min(members)
    if keep == "earliest":
        return min(members, key=lambda i: (dates[i] is None, dates[i] or "", -lengths[i], i))
    if keep == "source":
        order = {name.casefold(): pos for pos, name in enumerate(source_priority)}

        def source_rank(i: int) -> int:
            return order.get((sources[i] or "").casefold(), len(order))

        return min(members, key=lambda i: (source_rank(i), -lengths[i], i))
    return min(members, key=lambda i: (-lengths[i], i))
