#!/usr/bin/env python3
"""The peer of ``cleaner dedup --no-clean``: a datasketch-only dedup pipeline.

It does the same work as the CLI, the way a datasketch user writes it: read
JSONL, one ``MinHash`` per document (sha1, 128 permutations, word 5-grams of
``re.findall(r"\\w+", text.lower())``), ``MinHashLSH`` at threshold 0.5 (insert
every document, query every document), verify each candidate pair by the
estimated Jaccard (``MinHash.jaccard`` >= 0.5), union-find the verified pairs,
and write the first document of each cluster to OUT as JSONL.

    python bench/ds_pipeline.py IN.jsonl OUT.jsonl
"""

from __future__ import annotations

import json
import re
import sys

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")
NUM_PERM = 128
NGRAM = 5
THRESHOLD = 0.5


def minhash(text: str) -> MinHash:
    words = WORD.findall(text.lower())
    span = min(NGRAM, len(words))
    m = MinHash(num_perm=NUM_PERM)
    if words:
        m.update_batch([" ".join(words[i : i + span]).encode("utf-8") for i in range(len(words) - span + 1)])
    return m


def find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def main(argv: list[str]) -> int:
    source, target = argv
    records = []
    with open(source, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                records.append(json.loads(line))
    hashes = [minhash(r.get("text") or "") for r in records]
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    parent = list(range(len(records)))
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j > i and m.jaccard(hashes[j]) >= THRESHOLD:
                parent[find(parent, j)] = find(parent, i)
    with open(target, "w", encoding="utf-8") as out:
        for i, record in enumerate(records):
            if find(parent, i) == i:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
