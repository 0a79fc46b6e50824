#!/usr/bin/env python3
"""Near-duplicate wire-copy benchmark: datasketch MinHash-LSH baseline vs the ``cleaner`` CLI.

Data: the semi-synthetic ``wiresim`` set (``../shared/bench/wiresim`` from the repo root;
see its README.md). It is read in place and never copied into the project.

Reproduce (from the repo root /work/main, inside a venv with ``datasketch`` and the
project installed, e.g. ``pip install datasketch && pip install -e .``)::

    python bench/wire_dedup.py --data ../shared/bench/wiresim

Useful extras: ``--show-errors 10`` (cleaner's false merges and missed COPY pairs),
``--json results.json``, ``--cleaner-args "--no-clean"`` (ablation flags passed through to
``cleaner dedup``), ``--systems baseline`` (skip the cleaner).

What is measured, for every system in the same run:

* ARI: adjusted Rand index of the predicted clustering vs gold ``clusters.tsv``, computed
  from the contingency table with ``comb(n, 2)`` (no sklearn).
* Pairwise precision / recall / F1 over same-cluster pairs: predicted same-cluster pairs
  vs gold same-cluster pairs (the gold pairs are exactly the COPY pairs of pairs.tsv).
* PARTIAL / RELATED share: the share of the PARTIAL pairs and of the RELATED pairs of
  ``pairs.tsv`` that the system puts in one cluster. Both are hard negatives: lower is better.
* Per-op COPY recall: for each edit op in the docs' ``ops`` field, the share of COPY pairs
  in which at least one of the two docs carries that op that end up in one predicted
  cluster. A pair with two ops counts under both. Extra rows: ``(any)`` = all COPY pairs,
  ``(no ops)`` = pairs where neither doc has an op. (The ``lifted_*``/``host_*`` ops of the
  partial-reuse docs never occur: those docs are singletons, in no COPY pair.)
* Wall time in seconds. Baseline: tokenising, MinHash, LSH insert/query and union-find,
  in-process (data loading excluded). Cleaner: the whole ``cleaner dedup`` subprocess,
  including interpreter start-up, imports, text cleaning and writing its outputs.

Systems:

1. ``datasketch baseline``: tokens are ``re.findall(r"\\w+", text.lower())`` (lowercase
   word characters, punctuation dropped; ``--baseline-tokens split`` switches to
   ``text.lower().split()`` for comparison; \\w+ is the default because it is the
   tokenisation that reproduces the project's note of ARI ~0.81, P 1.0, R 0.69: on wiresim
   it gives ARI 0.813 / R 0.686, split gives 0.797 / 0.663). Shingles are word 5-grams
   joined by one space, encoded UTF-8 and fed to
   ``datasketch.MinHash(num_perm=128).update_batch``; a doc with
   fewer than 5 tokens gets its whole token sequence as its only shingle (none in wiresim).
   All docs go into ``MinHashLSH(threshold=0.5, num_perm=128)``, each doc is queried, and
   union-find over the candidate pairs gives the clusters (no Jaccard check of candidates).
2. ``cleaner``: the CLI run as a user would, with default settings:
   ``cleaner dedup DOCS.jsonl -o OUT.jsonl --clusters CLUSTERS.jsonl [--cleaner-args ...]``,
   the outputs going to a temporary directory. Predicted clusters come from CLUSTERS.jsonl
   (one JSON line per input doc: ``{"id", "cluster", "representative", "similarity", ...}``;
   the evidence fields ``centre``, ``match`` and ``reuse`` are not scored).
   The script checks that every input id appears exactly once there and reports missing,
   repeated and unknown ids (a missing id is scored as a singleton). If the CLI fails, its
   exit code and stderr are printed verbatim and it gets no figures.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from math import comb
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "wiresim"
LABELS = ("COPY", "PARTIAL", "RELATED")

Pair = tuple[str, str]


# --------------------------------------------------------------------------- data


@dataclass
class Doc:
    id: str
    text: str
    source: str
    kind: str
    ops: list[str]


@dataclass
class Dataset:
    path: Path
    docs: list[Doc]
    gold: dict[str, str]  # doc id -> gold cluster
    pairs: dict[str, list[Pair]]  # label -> pairs
    label_of: dict[frozenset[str], str]  # unordered pair -> label

    @property
    def by_id(self) -> dict[str, Doc]:
        return {d.id: d for d in self.docs}


def load_dataset(data: Path) -> Dataset:
    docs_path = data / "docs.jsonl"
    docs: list[Doc] = []
    with docs_path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs.append(
                    Doc(
                        r["id"],
                        r["text"],
                        r.get("source", ""),
                        r.get("kind", ""),
                        list(r.get("ops") or []),
                    )
                )
    gold: dict[str, str] = {}
    with (data / "clusters.tsv").open(encoding="utf-8") as f:
        next(f)  # header: id, cluster
        for line in f:
            if line.strip():
                doc_id, cluster = line.rstrip("\n").split("\t")
                gold[doc_id] = cluster
    pairs: dict[str, list[Pair]] = {lab: [] for lab in LABELS}
    label_of: dict[frozenset[str], str] = {}
    with (data / "pairs.tsv").open(encoding="utf-8") as f:
        next(f)  # header: id1, id2, label
        for line in f:
            if line.strip():
                a, b, label = line.rstrip("\n").split("\t")
                pairs.setdefault(label, []).append((a, b))
                label_of[frozenset((a, b))] = label
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        sys.exit(f"error: repeated ids in {docs_path}")
    if set(ids) != set(gold):
        sys.exit(f"error: ids in docs.jsonl and clusters.tsv differ ({len(set(ids) ^ set(gold))} ids)")
    return Dataset(data, docs, gold, pairs, label_of)


# --------------------------------------------------------------------------- metrics


def pairs2(n: int) -> int:
    return comb(n, 2)


def adjusted_rand_index(pred: dict[str, Hashable], gold: dict[str, Hashable]) -> float:
    """ARI from the contingency table (Hubert & Arabie), over the ids of ``gold``."""
    cont: Counter[tuple[Hashable, Hashable]] = Counter((pred[i], gold[i]) for i in gold)
    a = Counter(pred[i] for i in gold)
    b = Counter(gold.values())
    index = sum(pairs2(v) for v in cont.values())
    sum_a = sum(pairs2(v) for v in a.values())
    sum_b = sum(pairs2(v) for v in b.values())
    total = pairs2(len(gold))
    expected = sum_a * sum_b / total if total else 0.0
    max_index = (sum_a + sum_b) / 2
    if max_index == expected:  # both all-singletons or both one cluster
        return 1.0
    return (index - expected) / (max_index - expected)


def pairwise_prf(
    pred: dict[str, Hashable], gold: dict[str, Hashable]
) -> tuple[float, float, float, int, int, int]:
    """Precision, recall, F1 of same-cluster pairs; also TP, predicted pairs, gold pairs."""
    tp = sum(pairs2(v) for v in Counter((pred[i], gold[i]) for i in gold).values())
    n_pred = sum(pairs2(v) for v in Counter(pred[i] for i in gold).values())
    n_gold = sum(pairs2(v) for v in Counter(gold.values()).values())
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp, n_pred, n_gold


def same_share(pred: dict[str, Hashable], pairs: list[Pair]) -> float:
    return sum(pred[a] == pred[b] for a, b in pairs) / len(pairs) if pairs else float("nan")


def copy_recall_by_op(pred: dict[str, Hashable], ds: Dataset) -> dict[str, dict[str, float]]:
    """For each op: share of COPY pairs involving a doc with that op that are co-clustered."""
    ops_of = {d.id: set(d.ops) for d in ds.docs}
    hit: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    for a, b in ds.pairs["COPY"]:
        together = pred[a] == pred[b]
        ops = ops_of[a] | ops_of[b]
        for op in [*ops, "(any)"] if ops else ["(no ops)", "(any)"]:
            tot[op] += 1
            hit[op] += together
    return {op: {"pairs": tot[op], "recall": hit[op] / tot[op]} for op in tot}


@dataclass
class Result:
    name: str
    seconds: float = float("nan")
    pred: dict[str, Hashable] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    per_op: dict[str, dict[str, float]] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)
    similarity: dict[str, float] = field(default_factory=dict)
    error: str | None = None


def score(res: Result, ds: Dataset) -> None:
    pred, gold = res.pred, ds.gold
    p, r, f1, tp, n_pred, n_gold = pairwise_prf(pred, gold)
    sizes = Counter(pred[i] for i in gold)
    res.metrics = {
        "ari": adjusted_rand_index(pred, gold),
        "precision": p,
        "recall": r,
        "f1": f1,
        "true_pairs": tp,
        "predicted_pairs": n_pred,
        "gold_pairs": n_gold,
        "partial_same_share": same_share(pred, ds.pairs["PARTIAL"]),
        "related_same_share": same_share(pred, ds.pairs["RELATED"]),
        "predicted_clusters": len(sizes),
        "largest_cluster": max(sizes.values()),
        "seconds": res.seconds,
    }
    res.per_op = copy_recall_by_op(pred, ds)


# --------------------------------------------------------------------------- systems


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def baseline_tokens(text: str, mode: str) -> list[str]:
    return text.lower().split() if mode == "split" else re.findall(r"\w+", text.lower())


def run_baseline(ds: Dataset, token_mode: str) -> Result:
    from datasketch import MinHash, MinHashLSH

    res = Result("datasketch baseline")
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sigs: dict[str, MinHash] = {}
    for d in ds.docs:
        toks = baseline_tokens(d.text, token_mode)
        shingles = {" ".join(toks[i : i + 5]) for i in range(len(toks) - 4)} or {" ".join(toks)}
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in shingles])
        sigs[d.id] = m
        lsh.insert(d.id, m)
    uf = UnionFind(sigs)
    for doc_id, m in sigs.items():
        for other in lsh.query(m):
            uf.union(doc_id, other)
    res.pred = {i: uf.find(i) for i in sigs}
    res.seconds = time.perf_counter() - t0
    return res


def resolve_cleaner_cmd(cmd: str) -> list[str]:
    argv = shlex.split(cmd)
    if argv and shutil.which(argv[0]) is None:
        # Running the venv's python without activating it: look next to the interpreter.
        beside = Path(sys.executable).parent / argv[0]
        if beside.exists():
            argv[0] = str(beside)
    return argv


def run_cleaner(ds: Dataset, cleaner_cmd: str, extra_args: str, timeout: float) -> Result:
    res = Result("cleaner")
    with tempfile.TemporaryDirectory(prefix="wire_dedup_") as tmp:
        out, clusters = Path(tmp) / "out.jsonl", Path(tmp) / "clusters.jsonl"
        argv = [
            *resolve_cleaner_cmd(cleaner_cmd),
            "dedup",
            str(ds.path / "docs.jsonl"),
            "-o",
            str(out),
            "--clusters",
            str(clusters),
            *shlex.split(extra_args),
        ]
        res.checks["command"] = shlex.join(argv)
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as e:
            res.error = f"{type(e).__name__}: {e}"
            return res
        res.seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            res.error = (
                f"exit code {proc.returncode}\n--- stderr ---\n{proc.stderr}--- stdout ---\n{proc.stdout}"
            )
            return res
        if not clusters.exists():
            res.error = f"no clusters file written\n--- stderr ---\n{proc.stderr}"
            return res
        res.checks["stderr_tail"] = proc.stderr[-2000:]
        res.checks["output_docs"] = (
            sum(1 for line in out.open(encoding="utf-8") if line.strip()) if out.exists() else None
        )
        read_cleaner_clusters(clusters, ds, res)
    return res


def read_cleaner_clusters(path: Path, ds: Dataset, res: Result) -> None:
    seen: Counter[str] = Counter()
    pred: dict[str, Hashable] = {}
    bad_lines: list[str] = []
    reps: Counter[Hashable] = Counter()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                doc_id, cluster = str(r["id"]), r["cluster"]
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                bad_lines.append(f"line {n}: {type(e).__name__}: {e}: {line[:120]!r}")
                continue
            key = json.dumps(cluster, sort_keys=True)  # hashable whatever its JSON type
            seen[doc_id] += 1
            pred.setdefault(doc_id, key)
            if r.get("representative") is True:
                reps[key] += 1
            if isinstance(r.get("similarity"), (int, float)):
                res.similarity[doc_id] = float(r["similarity"])
    missing = [i for i in ds.gold if i not in seen]
    repeated = [i for i, c in seen.items() if c > 1]
    unknown = [i for i in seen if i not in ds.gold]
    clusters = set(pred.values())
    res.checks.update(
        {
            "ids_ok": not (missing or repeated or unknown or bad_lines),
            "missing_ids": len(missing),
            "repeated_ids": len(repeated),
            "unknown_ids": len(unknown),
            "bad_lines": len(bad_lines),
            "examples": {
                "missing": missing[:5],
                "repeated": repeated[:5],
                "unknown": unknown[:5],
                "bad": bad_lines[:3],
            },
            "clusters_without_one_representative": sum(1 for c in clusters if reps[c] != 1),
        }
    )
    for i in missing:  # scored as singletons
        pred[i] = json.dumps(["__missing__", i])
    res.pred = pred


# --------------------------------------------------------------------------- reporting


def fmt(x: float, nd: int = 3) -> str:
    return "n/a" if x != x else f"{x:.{nd}f}"


def print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths, strict=True))
    )
    print(line)
    print("-" * len(line))
    for r in rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )


def print_report(ds: Dataset, results: list[Result]) -> None:
    n_lab = {lab: len(p) for lab, p in ds.pairs.items()}
    print(
        f"\nwiresim: {len(ds.docs)} docs, {len(set(ds.gold.values()))} gold clusters, "
        f"pairs COPY={n_lab.get('COPY', 0)} PARTIAL={n_lab.get('PARTIAL', 0)} "
        f"RELATED={n_lab.get('RELATED', 0)}"
    )
    print("PARTIAL / RELATED = share of those pairs put in one cluster (hard negatives: lower is")
    print("better). P / R / F1 are over same-cluster pairs.\n")
    rows = []
    for r in results:
        if r.error:
            rows.append([r.name, "FAILED", *[""] * 5, fmt(r.seconds, 1)])
            continue
        m = r.metrics
        rows.append(
            [
                r.name,
                fmt(m["ari"]),
                fmt(m["precision"]),
                fmt(m["recall"]),
                fmt(m["f1"]),
                fmt(m["partial_same_share"]),
                fmt(m["related_same_share"]),
                fmt(r.seconds, 1),
            ]
        )
    print_table(rows, ["system", "ARI", "pair P", "pair R", "pair F1", "PARTIAL", "RELATED", "seconds"])
    for r in results:
        if not r.error:
            m = r.metrics
            print(
                f"  {r.name}: {m['predicted_clusters']} clusters (largest {m['largest_cluster']}), "
                f"{m['predicted_pairs']} predicted pairs, "
                f"{m['true_pairs']} correct of {m['gold_pairs']} gold"
            )

    ok = [r for r in results if not r.error]
    if ok:
        ops = sorted({op for r in ok for op in r.per_op}, key=lambda o: (o.startswith("("), o))
        print("\nCOPY-pair recall by op (pairs where either doc has the op)\n")
        rows = []
        for op in ops:
            n = next(r.per_op[op]["pairs"] for r in ok if op in r.per_op)
            rows.append(
                [
                    op,
                    str(int(n)),
                    *[fmt(r.per_op[op]["recall"]) if op in r.per_op else "n/a" for r in ok],
                ]
            )
        print_table(rows, ["op", "pairs", *[r.name for r in ok]])

    for r in results:
        if r.checks.get("command"):
            print(f"\n{r.name} command: {r.checks['command']}")
        if r.error:
            print(f"{r.name} FAILED: {r.error}")
        elif "ids_ok" in r.checks:
            c = r.checks
            if c["ids_ok"]:
                print(f"{r.name} clusters file: every input id appears exactly once")
            else:
                print(
                    f"{r.name} clusters file PROBLEM: missing={c['missing_ids']} "
                    f"repeated={c['repeated_ids']} unknown={c['unknown_ids']} "
                    f"unparsable lines={c['bad_lines']} examples={c['examples']}"
                )
            if c["clusters_without_one_representative"]:
                n_bad = c["clusters_without_one_representative"]
                print(f"  note: {n_bad} clusters do not have exactly one representative")
            print(f"  output docs written: {c['output_docs']}")


def headline(doc: Doc, width: int = 60) -> str:
    first = next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    return first if len(first) <= width else first[: width - 1] + "…"


def false_merges(res: Result, ds: Dataset) -> Iterator[Pair]:
    """Cross-gold pairs inside predicted clusters, one per offending cluster per round."""
    members: dict[Hashable, list[str]] = defaultdict(list)
    for d in ds.docs:
        members[res.pred[d.id]].append(d.id)
    per_cluster: list[list[Pair]] = []
    for ids in sorted(members.values(), key=len, reverse=True):
        if len({ds.gold[i] for i in ids}) < 2:
            continue
        cross = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :] if ds.gold[a] != ds.gold[b]]
        labelled = sorted(cross, key=lambda p: frozenset(p) not in ds.label_of)  # labelled first
        per_cluster.append(labelled)
    depth = 0
    while any(depth < len(c) for c in per_cluster):
        for c in per_cluster:
            if depth < len(c):
                yield c[depth]
        depth += 1


def show_errors(res: Result, ds: Dataset, n: int) -> dict[str, Any]:
    docs = ds.by_id
    pred = res.pred

    def desc(i: str) -> str:
        d = docs[i]
        sim = res.similarity.get(i)
        s = f" sim={sim:.3f}" if sim is not None else ""
        return f"{i} [{d.kind}; {d.source}; ops={','.join(d.ops) or '-'}{s}] {headline(d)!r}"

    print(f"\n=== {res.name}: false merges (same predicted cluster, different gold cluster) ===")
    fm_total = res.metrics["predicted_pairs"] - res.metrics["true_pairs"]
    fm_lab = {lab: sum(pred[a] == pred[b] for a, b in ds.pairs[lab]) for lab in ("PARTIAL", "RELATED")}
    fm_lab["unlabelled"] = fm_total - sum(fm_lab.values())
    golds_in: dict[Hashable, set[str]] = defaultdict(set)
    for i, g in ds.gold.items():
        golds_in[pred[i]].add(g)
    n_bad_clusters = sum(len(g) > 1 for g in golds_in.values())
    print(f"{fm_total} false-merge pairs in {n_bad_clusters} predicted clusters; by gold label: {fm_lab}")
    kinds: Counter[str] = Counter()
    shown_fm: list[dict[str, Any]] = []
    for k, (a, b) in enumerate(false_merges(res, ds)):
        if k >= 20000:
            break
        lab = ds.label_of.get(frozenset((a, b)), "none")
        kinds[" x ".join(sorted((docs[a].kind, docs[b].kind)))] += 1
        if len(shown_fm) < n:
            shown_fm.append({"id1": a, "id2": b, "label": lab})
            print(f"- label={lab}\n    {desc(a)}\n    {desc(b)}")
    print(f"doc kinds of false-merge pairs (up to 20000 looked at): {dict(kinds.most_common())}")

    print(f"\n=== {res.name}: missed COPY pairs (gold same cluster, split by the system) ===")
    missed = [(a, b) for a, b in ds.pairs["COPY"] if pred[a] != pred[b]]
    by_cluster: dict[str, list[Pair]] = defaultdict(list)
    for a, b in missed:
        by_cluster[ds.gold[a]].append((a, b))
    order: list[Pair] = []
    depth = 0
    while len(order) < min(n, len(missed)):
        for c in by_cluster.values():
            if depth < len(c) and len(order) < n:
                order.append(c[depth])
        depth += 1
    print(f"{len(missed)} missed COPY pairs in {len(by_cluster)} gold clusters")
    kind_pairs = Counter(" x ".join(sorted((docs[a].kind, docs[b].kind))) for a, b in missed)
    print(f"doc kinds of missed pairs: {dict(kind_pairs.most_common())}")
    cosmetic = {"headline", "light_edit", "drop_dateline", "dateline"}
    op_sets = Counter(
        "+".join(sorted((set(docs[a].ops) | set(docs[b].ops)) - cosmetic)) or "(cosmetic only)"
        for a, b in missed
    )
    print("most common op combinations of missed pairs (ignoring headline/dateline/light_edit):")
    print(f"  {dict(op_sets.most_common(10))}")
    for a, b in order:
        print(f"- missed COPY\n    {desc(a)}\n    {desc(b)}")
    return {
        "false_merge_pairs": fm_total,
        "false_merge_by_label": fm_lab,
        "false_merge_kinds": dict(kinds),
        "false_merge_examples": shown_fm,
        "missed_copy_pairs": len(missed),
        "missed_kinds": dict(kind_pairs),
        "missed_examples": [{"id1": a, "id2": b, "ops1": docs[a].ops, "ops2": docs[b].ops} for a, b in order],
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"wiresim directory (default: {DEFAULT_DATA})",
    )
    ap.add_argument("--systems", nargs="+", choices=["baseline", "cleaner"], default=["baseline", "cleaner"])
    ap.add_argument(
        "--baseline-tokens",
        choices=["regex", "split"],
        default="regex",
        help="baseline tokeniser: \\w+ (default) or str.split",
    )
    ap.add_argument(
        "--cleaner-cmd",
        default="cleaner",
        help="command that runs the cleaner CLI (default: cleaner)",
    )
    ap.add_argument("--cleaner-args", default="", help='extra args for "cleaner dedup", e.g. "--no-clean"')
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before the cleaner run is abandoned")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="list N false merges and N missed COPY pairs of cleaner",
    )
    args = ap.parse_args(argv)

    data = args.data if args.data.is_absolute() else (REPO_ROOT / args.data)
    ds = load_dataset(data.resolve())
    results: list[Result] = []
    if "baseline" in args.systems:
        results.append(run_baseline(ds, args.baseline_tokens))
    if "cleaner" in args.systems:
        results.append(run_cleaner(ds, args.cleaner_cmd, args.cleaner_args, args.timeout))
    for r in results:
        if not r.error:
            score(r, ds)
    print_report(ds, results)

    errors: dict[str, Any] = {}
    if args.show_errors:
        for r in results:
            if r.name == "cleaner" and not r.error:
                errors = show_errors(r, ds, args.show_errors)

    if args.json:
        payload = {
            "data": str(ds.path),
            "docs": len(ds.docs),
            "baseline_tokens": args.baseline_tokens,
            "cleaner_args": args.cleaner_args,
            "systems": {
                r.name: {
                    "error": r.error,
                    "metrics": r.metrics,
                    "copy_recall_by_op": r.per_op,
                    "checks": {k: v for k, v in r.checks.items() if k != "stderr_tail"},
                }
                for r in results
            },
            "cleaner_errors": errors or None,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
