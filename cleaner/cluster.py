"""Clusters from verified copy pairs, without transitive chaining.

Union-find over candidate pairs merges A and C when A copies B and B merely
quotes C. Here each cluster grows around a *leader* (the most complete
version: longest first) and a document joins only if it is itself a verified
copy of that leader, so a passage quoted in one member never pulls a
different story in.

>>> star_clusters(4, [(0, 1), (1, 2), (2, 3)], priority=[3, 2, 1, 0])
[1, 1, 3, 3]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["KEEP_POLICIES", "choose_representative", "star_clusters"]

KEEP_POLICIES = ("longest", "earliest", "first", "source")


def star_clusters(n: int, pairs: Iterable[tuple[int, int]], priority: Sequence[int]) -> list[int]:
    """Leader index of each of ``n`` documents.

    ``pairs`` are verified copy pairs; ``priority`` lists document indices,
    best leader first. Each unassigned document, in priority order, becomes a
    leader and claims its unassigned verified neighbours.
    """
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for i, j in pairs:
        neighbours[i].append(j)
        neighbours[j].append(i)
    rank = [0] * n
    for position, index in enumerate(priority):
        rank[index] = position
    leader = [-1] * n
    for index in priority:
        if leader[index] != -1:
            continue
        leader[index] = index
        for other in sorted(neighbours[index], key=rank.__getitem__):
            if leader[other] == -1:
                leader[other] = index
    return leader


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
