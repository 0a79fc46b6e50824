"""``cleaner dedup --engine spark``: the same deduplication on a Spark cluster.

Every decision is made by the code the local engine runs, so both engines
give the same partition of the same input:

1. Read JSONL (text) or Parquet (rows turned into JSON objects) from any
   Hadoop-compatible path; number the non-blank records in input order
   (inputs in the order given, files of a directory by name, lines in order):
   that number breaks every tie, as the input position does locally.
2. Clean with :func:`cleaner.clean.clean_records`: batch by batch of
   ``batch_size`` records when boilerplate is learned (the same batches as
   locally), record by record in each partition otherwise.
3. Sign with :meth:`MinHasher.sign` per partition; explode each document's
   band keys to ``((band, key), seq)`` and turn each bucket into pairs with
   :func:`cleaner.lsh.bucket_pairs` (the local bucket-size rule).
4. Verify candidates: join each pair with both texts and keep those whose
   signatures agree often enough (``Deduplicator.likely``, as locally) and
   that share a shingle (the first test of ``Deduplicator._cluster``; pairs
   sharing none play no part in it).
5. Connected components of the verified pairs: collected to the driver and
   joined there when there are few (``collect_edges``), else by min-label
   propagation in Spark. Clustering only ever follows these edges, so each
   component is clustered apart, by :meth:`Deduplicator.cluster_candidates`
   on its documents in input order, exactly as within the whole input.
6. Write the representatives (clean records, as locally) and every
   document's cluster record, as JSONL (a directory of part files) or
   Parquet (``.parquet`` path or ``output_format``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from .clean import CleanOptions, clean_records
from .corpus import Corpus
from .dedup import Deduplicator
from .errors import ConfigError, InputError
from .lsh import bucket_pairs
from .overlap import shingled
from .pipeline import RunStats, StrictModeError
from .read import FieldNames, RawRecord, _record
from .tokens import tokens
from .write import dumps

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["check_paths", "run_dedup_spark", "spark_session"]

#: Verified pairs up to this many are joined into components on the driver
#: (about 150 bytes each as Python tuples there: 150 MB at most); more, and
#: labels propagate in Spark instead.
COLLECT_EDGES = 1_000_000
_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet")
#: A document: (id, text, date, source, output line).
Doc = tuple[str, str, "str | None", "str | None", str]


def check_paths(inputs: list[str], outputs: list[str | None]) -> None:
    """Refuse what Spark cannot read or write, before a session starts: stdin
    and stdout, and inputs other than JSONL and Parquet."""
    for path in inputs:
        if path == "-":
            raise ConfigError("--engine spark reads paths, not stdin (-)")
        name = path.rstrip("/").lower()
        if name.endswith((".html", ".htm", ".txt", ".warc", ".warc.gz")):
            raise ConfigError(f"{path}: --engine spark reads JSONL or Parquet (cleaner clean makes JSONL)")
    if "-" in outputs:
        raise ConfigError("--engine spark writes to paths (directories of part files), not stdout (-)")


def spark_session(master: str | None = None) -> SparkSession:
    """The active session (spark-submit's), or a new one (``local[*]`` by default)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("--engine spark needs PySpark: pip install 'cleaner[spark]'") from None
    if master is None or master.startswith("local"):
        # local workers must import cleaner: run them on this interpreter
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # no progress bars: they would garble cleaner's own lines on stderr
    builder = SparkSession.builder.appName("cleaner dedup").config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _is_parquet(path: str) -> bool:
    return path.rstrip("/").lower().endswith(".parquet")


def _read(spark: SparkSession, inputs: list[str], exact_seq: bool) -> RDD[tuple[int, Any]]:
    """``(seq, (origin, line, json text))`` of every non-blank record in input
    order: inputs as given, files of a directory by name, lines in order.
    ``seq`` orders records; with ``exact_seq`` it also counts them (0, 1, 2,
    ...: what boilerplate batches need), else blank lines leave gaps."""
    from pyspark.sql import functions as F

    numbered: list[RDD[tuple[tuple[int, str, int], str]]] = []
    sort = False
    for position, path in enumerate(inputs):
        if _is_parquet(path):
            df = spark.read.parquet(path)
            df = df.select(F.to_json(F.struct(*[F.col(c) for c in df.columns])).alias("value"))
        else:
            df = spark.read.text(path)
        exact = path.lower().endswith(_SUFFIXES) and not any(c in path for c in "*?[{")
        exact = exact and not _is_parquet(path)  # a Parquet "file" is a directory of parts
        origin = F.lit(path) if exact else F.input_file_name()
        rows = df.select(origin.alias("origin"), "value").rdd.zipWithIndex()
        if exact:
            numbered.append(rows.map(lambda r, p=position: ((p, r[0][0], r[1] + 1), r[0][1])))
            continue
        # A directory's files may be split, and the splits of one file interleaved with
        # others': count each file's rows per partition to number its lines.
        sort = True
        start = _line_starts(rows.mapPartitionsWithIndex(_chunks).collect())
        numbered.append(
            rows.mapPartitionsWithIndex(
                lambda part, it, p=position, s=start: (
                    ((p, r[0][0], s[r[0][0], part] + r[1]), r[0][1]) for r in it
                )
            )
        )
    rows = spark.sparkContext.union(numbered) if len(numbered) > 1 else numbered[0]
    rows = rows.filter(lambda r: r[1].strip() != "")
    if sort:
        rows = rows.sortByKey()
    if exact_seq or len(numbered) > 1 or sort:
        return rows.zipWithIndex().map(lambda r: (r[1], (r[0][0][1], r[0][0][2], r[0][1])))
    return rows.map(lambda r: (r[0][2] - 1, (r[0][1], r[0][2], r[1])))  # one file: seq is its line


def _chunks(part: int, rows: Iterable[tuple[tuple[str, str], int]]) -> Iterator[tuple[str, int, int, int]]:
    """``(file, partition, first index, rows)`` of each file's rows in one partition."""
    found: dict[str, list[int]] = {}
    for (origin, _), index in rows:
        found.setdefault(origin, [index, 0])[1] += 1
    for origin, (first, count) in found.items():
        yield origin, part, first, count


def _line_starts(chunks: list[tuple[str, int, int, int]]) -> dict[tuple[str, int], int]:
    """What to add to a row's index, per ``(file, partition)``, to get its line
    number: a file's chunks come in the order of its splits, by first index.

    >>> # b's rows 0-1 (partition 0), then a's rows 2-4, then b's row 5 (partition 1)
    >>> _line_starts([("b", 0, 0, 2), ("a", 0, 2, 3), ("b", 1, 5, 1)])
    {('b', 0): 1, ('a', 0): -1, ('b', 1): -2}
    """
    start: dict[tuple[str, int], int] = {}
    before: dict[str, int] = {}
    for origin, part, first, count in sorted(chunks, key=lambda c: c[2]):
        start[origin, part] = before.get(origin, 0) + 1 - first
        before[origin] = before.get(origin, 0) + count
    return start


def _raw(origin: str, line: int, value: str, names: FieldNames) -> RawRecord | InputError:
    """One record, parsed as :func:`cleaner.read.read_jsonl` parses a line."""
    try:
        obj = json.loads(value)
    except json.JSONDecodeError as exc:
        return InputError(origin, "invalid-json", exc.msg, line=line)
    return _record(obj, origin, line, names)


def _clean(
    items: Iterable[tuple[int, Any]], options: CleanOptions, names: FieldNames, explain: bool
) -> Iterator[tuple[int, Doc | InputError]]:
    """Clean ``(seq, record)`` items in seq order, through the local engine's function."""
    items = sorted(items, key=lambda item: item[0])
    records = [_raw(origin, line, value, names) for _, (origin, line, value) in items]
    for (seq, _), doc in zip(items, clean_records(records, options)):
        if isinstance(doc, InputError):
            yield seq, doc
        else:
            line = dumps(doc.to_record(explain=explain, text_field=names.text))
            yield seq, (doc.id, doc.text or "", doc.date, doc.source, line)


def _survey(items: Iterable[tuple[int, Any]]) -> Iterator[tuple[int, list[tuple[int, InputError]]]]:
    """One partition's largest seq and its problems."""
    top, problems = -1, []
    for seq, item in items:
        top = max(top, seq)
        if isinstance(item, InputError):
            problems.append((seq, item))
    yield top, problems


def _band_keys(docs: Iterable[tuple[int, Doc]], dedup: Deduplicator) -> Iterator[tuple[tuple[int, int], int]]:
    """``((band, key), seq)`` for every band of every document with shingles."""
    docs = list(docs)
    if not docs:
        return
    signatures, sizes = dedup.hasher.sign([doc[1] for _, doc in docs])
    keys = dedup.lsh.band_keys(signatures)
    for (seq, _), row, size in zip(docs, keys.tolist(), sizes.tolist()):
        if size > 0:  # empty documents are left out, as locally
            for band, key in enumerate(row):
                yield (band, key), seq


def _bucket(key: int, seqs: Iterable[int]) -> list[tuple[int, int]]:
    docs = np.fromiter(seqs, dtype=np.int64)
    keys = np.full(len(docs), key, dtype=np.uint64)
    return [(a, b) for a, b in bucket_pairs(keys, docs).tolist()]


def _shared(
    pairs: Iterable[tuple[int, tuple[tuple[int, str], str]]], dedup: Deduplicator
) -> Iterator[tuple[int, int]]:
    """The pairs ``(a, b)`` that :meth:`Deduplicator.likely` keeps and whose
    documents share at least one shingle."""
    cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for a, ((b, text_b), text_a) in pairs:
        for seq, text in ((a, text_a), (b, text_b)):
            if seq not in cache:
                signature = dedup.hasher.sign([text])[0]
                cache[seq] = shingled(dedup.hasher, tokens(text)).unique, signature
        signatures = np.concatenate([cache[a][1], cache[b][1]])
        if not len(dedup.likely(signatures, np.array([[0, 1]]))):
            continue
        if len(np.intersect1d(cache[a][0], cache[b][0], assume_unique=True)):
            yield a, b


def _components_here(edges: list[tuple[int, int]]) -> dict[int, int]:
    """Smallest seq of each edge node's component (union-find on the driver)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def _components_spark(edges: RDD[tuple[int, int]]) -> RDD[tuple[int, int]]:
    """``(seq, label)``: smallest seq of each node's component, by propagating
    the least label along edges until nothing changes (one pass per hop of
    the widest component)."""
    both = edges.flatMap(lambda e: [e, (e[1], e[0])]).cache()
    labels = both.map(lambda e: (e[0], min(e))).reduceByKey(min).cache()
    while True:
        sent = both.join(labels).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(sent).reduceByKey(min).cache()
        changed = updated.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            both.unpersist()
            return labels


def _cluster(
    docs: Iterable[tuple[int, Doc]], edges: Iterable[tuple[int, int]], dedup: Deduplicator
) -> list[tuple[int, tuple[bool, str]]]:
    """Cluster one component locally: ``(seq, (representative, cluster record))``."""
    docs = sorted(docs, key=lambda item: item[0])
    position = {seq: i for i, (seq, _) in enumerate(docs)}
    pairs = sorted({(position[a], position[b]) for a, b in edges})
    corpus = Corpus.from_columns(
        [d[0] for _, d in docs], [d[1] for _, d in docs], [d[2] for _, d in docs],
        [d[3] for _, d in docs], dedup.hasher,
    )  # fmt: skip
    candidates = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    result = dedup.cluster_candidates(corpus, candidates)
    return [(docs[m.index][0], (m.representative, dumps(m.to_dict()))) for m in result.members]


def _write(spark: SparkSession, lines: RDD[str], path: str, output_format: str | None) -> None:
    """JSON lines to ``path``: a directory of JSONL part files, or Parquet."""
    if (output_format or ("parquet" if _is_parquet(path) else "jsonl")) == "parquet":
        lines = lines.cache()  # the schema is inferred in a pass of its own
        spark.read.json(lines).write.mode("overwrite").parquet(path)
        lines.unpersist()
    else:
        spark.createDataFrame(lines.map(lambda line: (line,)), "value string").write.mode("overwrite").text(
            path
        )


def run_dedup_spark(
    spark: SparkSession,
    inputs: list[str],
    output: str,
    *,
    deduplicator: Deduplicator,
    clusters_path: str | None = None,
    options: CleanOptions | None = None,
    names: FieldNames | None = None,
    explain: bool = False,
    strict: bool = False,
    output_format: str | None = None,
    collect_edges: int = COLLECT_EDGES,
    on_problem: Callable[[InputError], None] = lambda problem: None,
) -> RunStats:
    """:func:`cleaner.pipeline.run_dedup` on Spark: the same partition, the
    same representative records and cluster records (in input order)."""
    options, names = options or CleanOptions(), names or FieldNames()
    check_paths(inputs, [output, clusters_path])
    if output_format not in (None, "jsonl", "parquet"):
        raise ConfigError(f"output format must be jsonl or parquet, got {output_format!r}")
    dedup = deduplicator
    learn = options.clean and options.learn_boilerplate
    records = _read(spark, inputs, exact_seq=learn)
    if learn:
        size = options.batch_size  # the local engine's batches: same boilerplate learned
        batches = records.groupBy(lambda item: item[0] // size)
        cleaned = batches.flatMap(lambda batch: _clean(batch[1], options, names, explain))
    else:
        cleaned = records.mapPartitions(lambda part: _clean(part, options, names, explain))
    cleaned = cleaned.cache()
    stats = RunStats()
    seen = cleaned.mapPartitions(_survey).collect()
    last = max((top for top, _ in seen), default=-1)
    for _, problem in sorted((p for _, found in seen for p in found), key=lambda p: p[0]):
        on_problem(problem)
        if strict:
            raise StrictModeError(problem)
        stats.skipped[problem.reason] += 1
    docs: RDD[tuple[int, Doc]] = cleaned.filter(lambda item: not isinstance(item[1], InputError))
    docs = docs.cache()
    parts = max(1, docs.getNumPartitions())

    def in_order(rdd: RDD[tuple[int, Any]]) -> RDD[tuple[int, Any]]:
        """Sorted by seq, in ranges of seq (no sampling pass: the largest seq is known)."""
        return rdd.repartitionAndSortWithinPartitions(parts, lambda seq: seq * parts // (last + 1))

    candidates = (
        docs.mapPartitions(lambda part: _band_keys(part, dedup))
        .groupByKey()
        .flatMap(lambda bucket: _bucket(bucket[0][1], bucket[1]) if len(bucket[1]) > 1 else [])
        .distinct()
    )
    texts = docs.mapValues(lambda doc: doc[1])
    with_a = candidates.join(texts).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    with_both = with_a.join(texts).map(lambda kv: (kv[1][0][0], ((kv[0], kv[1][1]), kv[1][0][1])))
    edges = with_both.mapPartitions(lambda part: _shared(part, dedup)).cache()

    few = edges.take(collect_edges + 1) if collect_edges else [(0, 0)]
    if len(few) <= collect_edges:
        labels = spark.sparkContext.parallelize(list(_components_here(few).items()), parts)
    else:
        labels = _components_spark(edges)
    component = docs.leftOuterJoin(labels).map(
        lambda kv: (kv[0] if kv[1][1] is None else kv[1][1], (kv[0], kv[1][0]))
    )
    edge_component = edges.join(labels).map(lambda kv: (kv[1][1], (kv[0], kv[1][0])))
    members = in_order(
        component.cogroup(edge_component).flatMap(lambda kv: _cluster(kv[1][0], kv[1][1], dedup))
    ).cache()
    keep = members.filter(lambda kv: kv[1][0]).mapValues(lambda _: None)
    kept = in_order(docs.join(keep).map(lambda kv: (kv[0], kv[1][0][4]))).values()
    _write(spark, kept, output, output_format)
    if clusters_path:
        _write(spark, members.map(lambda kv: kv[1][1]), clusters_path, output_format)
    counts = members.map(lambda kv: kv[1][0]).countByValue()
    stats.read = sum(counts.values())
    stats.written = stats.clusters = counts.get(True, 0)
    stats.copies_dropped = stats.read - stats.written
    for rdd in (cleaned, docs, edges, members):
        rdd.unpersist()
    return stats
