"""What deduplication finds: clusters, each document's place, and the evidence.

Every document carries the evidence for its place: a copy carries its
:class:`Link` to the cluster's centre (the scores and the passages that made
it a copy), and any document carries links to the documents outside its
cluster it shares passages with (partial reuse). Passages give character
offsets into both clean texts, ``a`` for the document itself and ``b`` for
the other one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from .frozen import maker
from .overlap import Overlap
from .passages import Passage

__all__ = ["Cluster", "DedupResult", "Link", "Member", "Members", "PairScore"]

#: Characters of passage text written beside the offsets in JSON output.
PREVIEW_CHARS = 120


@dataclass(frozen=True)
class PairScore:
    """Exact similarity of documents ``a`` and ``b`` (input indices).

    ``containment_ab`` is the share of ``a``'s shingles found in ``b``;
    ``coverage_ab`` the share of ``a``'s words inside n-grams shared with ``b``.
    """

    a: int
    b: int
    overlap: Overlap

    @property
    def jaccard(self) -> float:
        return self.overlap.jaccard

    @property
    def containment_ab(self) -> float:
        return self.overlap.containment_ab

    @property
    def containment_ba(self) -> float:
        return self.overlap.containment_ba

    @property
    def coverage_ab(self) -> float:
        return self.overlap.coverage_ab

    @property
    def coverage_ba(self) -> float:
        return self.overlap.coverage_ba

    @property
    def similarity(self) -> float:
        """Share of ``a``'s words that are ``b``'s text (``a`` is the copy)."""
        return self.overlap.coverage_ab


@dataclass(frozen=True)
class Link:
    """What one document shares with another: scores and passages.

    Seen from the document holding the link: ``overlap`` has it as ``a``, and
    each passage's ``a`` offsets point into its clean text, ``b`` offsets into
    the other document's.
    """

    other: int
    other_id: str
    overlap: Overlap
    passages: list[Passage]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.other_id,
            **self.overlap.to_dict(),
            "passages": [p.to_dict(preview=PREVIEW_CHARS) for p in self.passages],
        }


@dataclass(frozen=True)
class Member:
    """One input document's place in the result, in input order.

    ``similarity`` is the share of its words that are the centre's text (1.0
    for the centre); ``match`` is the evidence that it copies the centre
    (``None`` for the centre); ``reuse`` lists the documents outside its
    cluster it shares passages with.
    """

    index: int
    id: str
    cluster: str
    representative: bool
    similarity: float
    centre: str
    match: Link | None = None
    reuse: list[Link] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "cluster": self.cluster,
            "representative": self.representative,
            "similarity": round(self.similarity, 4),
            "centre": self.centre,
            "match": self.match.to_dict() if self.match else None,
            "reuse": [link.to_dict() for link in self.reuse],
        }


class Members(Sequence[Member]):
    """Each document's :class:`Member`, in input order, made when asked for
    (each time: equal, not the same object). A run that writes only the kept
    documents never asks: twenty thousand members, each with its list, cost
    time to make, memory to hold and the cycle collector's time to walk."""

    def __init__(
        self,
        ids: list[str],
        centre: list[int],
        cluster_of: list[str],
        representatives: set[int],
        matches: dict[int, Link],
        reuse: dict[int, list[Link]],
    ):
        self._ids, self._centre, self._cluster_of = ids, centre, cluster_of
        self._representatives, self._matches, self._reuse = representatives, matches, reuse

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Member: ...
    @overload
    def __getitem__(self, index: slice) -> list[Member]: ...
    def __getitem__(self, index: int | slice) -> Member | list[Member]:
        if isinstance(index, slice):
            return [self._member(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._member(index)

    def __iter__(self) -> Iterator[Member]:
        return map(self._member, range(len(self)))

    def _member(self, index: int) -> Member:
        match = self._matches.get(index)
        return maker(Member)(
            index=index,
            id=self._ids[index],
            cluster=self._cluster_of[index],
            representative=index in self._representatives,
            similarity=match.overlap.coverage_ab if match else 1.0,
            centre=self._ids[self._centre[index]],
            match=match,
            reuse=self._reuse.get(index, []),
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Members, list)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


@dataclass
class Cluster:
    """Documents found to be copies of one story.

    ``centre`` is the version every other member was verified against;
    ``representative`` the one kept (``--keep``); ``pairs`` the verified
    member-to-centre scores behind each merge.
    """

    id: str
    representative: int
    members: list[int]
    pairs: list[PairScore] = field(default_factory=list)
    centre: int = -1


@dataclass
class DedupResult:
    """Clusters in order of first appearance, and each document's membership."""

    ids: list[str]
    clusters: list[Cluster]
    members: Sequence[Member]

    @property
    def representatives(self) -> list[int]:
        """Input indices of the documents kept, in input order."""
        return sorted(c.representative for c in self.clusters)
