"""Stock phrases: shingles found in more than ``max_stories`` clusters,
counted a range of shingle values at a time to bound memory."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner import reuse


def brute_force(sets: list[np.ndarray], cluster_of: list[int], max_stories: int) -> list[int]:
    clusters: dict[int, set[int]] = {}
    for values, cluster in zip(sets, cluster_of):
        for value in values.tolist():
            clusters.setdefault(value, set()).add(cluster)
    return sorted(v for v, found in clusters.items() if len(found) > max_stories)


@pytest.mark.parametrize("pooled", [1 << 24, 97, 5])
@pytest.mark.parametrize("max_stories", [1, 2, 4])
def test_stock_shingles_are_counted_by_cluster_in_any_number_of_ranges(
    monkeypatch: pytest.MonkeyPatch, pooled: int, max_stories: int
) -> None:
    monkeypatch.setattr(reuse, "_POOLED", pooled)
    rng = np.random.default_rng(max_stories)
    edges = np.array([0, 1, 2**31, 2**32 - 1], dtype=np.uint32)  # range borders included
    pool = np.concatenate([edges, rng.integers(0, 2**32, 40, dtype=np.uint32)])
    sets = [np.unique(rng.choice(pool, size=12)) for _ in range(60)]
    cluster_of = rng.integers(0, 25, size=60).tolist()  # copies share a cluster: counted once
    found = reuse.stock_shingles(sets, cluster_of, max_stories=max_stories)
    assert found.dtype == np.uint32
    assert found.tolist() == brute_force(sets, cluster_of, max_stories)
