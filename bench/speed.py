#!/usr/bin/env python3
"""Speed and memory of cleaner's MinHash, LSH and dedup pipeline against datasketch.

Every figure is printed beside its datasketch equivalent measured in the same
run; ratios are medians over ``--runs`` runs (the two systems alternate within
each run, so a busy machine slows both alike).

1. **Signatures** (one process, one core): ``MinHasher.sign`` over a batch vs
   datasketch ``MinHash(num_perm=128)`` (sha1) per document, both from raw text
   to signature (tokenising included). Also checks interoperability: our
   signatures equal datasketch's for the same shingles (``shingle_hash`` as its
   ``hashfunc``), and ``LeanMinHash`` objects made from them, inserted into
   ``MinHashLSH``, give the same candidate pairs as ``BandedLSH``.
2. **LSH** on ``--lsh-docs`` signatures of synthetic documents: ``BandedLSH``
   candidate pairs vs ``MinHashLSH`` insert + query of every signature, same
   bands and rows (datasketch's choice for threshold 0.5). Each engine runs in
   its own subprocess; memory is its peak RSS while it works (``VmHWM``, reset
   just before) minus its RSS once its input is in memory (the signature
   matrix, or the ``LeanMinHash`` list).
3. **End to end** on ``--e2e-docs`` JSONL documents: ``cleaner dedup --no-clean``
   (default ``--jobs``, and ``--jobs 1``) vs ``bench/ds_pipeline.py`` (read,
   MinHash, MinHashLSH, verify, union-find, write), each a subprocess timed by
   wall clock; memory is the peak over time of the summed RSS of the process
   and all its children, sampled every 20 ms (every 250 ms in long runs;
   pages shared by worker processes are counted once per process, which
   overstates cleaner's figure).
4. ``--million``: generate 1,000,000 synthetic news documents (``newsgen.py``,
   ~500 words) to a temporary file, run ``cleaner dedup`` with cleaning on, and
   report time and peak memory as in 3. The file is deleted afterwards.

Documents are synthetic (``bench/newsgen.py``, deterministic), or with
``--data DIR`` Reuters-21578 stories (``reut2-*.sgm``; shorter than 500 words).

    python bench/speed.py                      # sections 1-3, 3 runs
    python bench/speed.py --million --only e2e # adds the 1M-document run
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import newsgen  # noqa: E402

WORD = re.compile(r"\w+")
MIB = 1024 * 1024


# ----------------------------------------------------------------------------- data


def synthetic_jsonl(path: Path, count: int, jobs: int = 1) -> Path:
    """``count`` synthetic documents at ``path`` (made once, then reused)."""
    if path.exists() and path.stat().st_size and _lines(path) == count:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    if jobs > 1:
        import multiprocessing

        step = 2000
        with multiprocessing.get_context("forkserver").Pool(jobs) as pool, open(tmp, "w") as out:
            for block in pool.imap(
                _generate_block, [(s, min(s + step, count)) for s in range(0, count, step)]
            ):
                out.write(block)
    else:
        with open(tmp, "w") as out:
            out.write(_generate_block((0, count)))
    tmp.rename(path)
    return path


def _generate_block(span: tuple[int, int]) -> str:
    gen = _generator()
    return "".join(json.dumps(gen.document(i), ensure_ascii=False) + "\n" for i in range(*span))


_GEN: list[newsgen.NewsGenerator] = []


def _generator() -> newsgen.NewsGenerator:
    if not _GEN:
        _GEN.append(newsgen.NewsGenerator(seed=0))
    return _GEN[0]


def _lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def reuters_jsonl(data: Path, path: Path, count: int) -> Path:
    """Reuters-21578 stories as JSONL (title and body), cycled up to ``count``."""
    import cruftgen

    stories = cruftgen.load_stories(data)
    with open(path, "w") as out:
        for i in range(count):
            story = stories[i % len(stories)]
            text = "\n\n".join([story.title, *story.paragraphs])
            out.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return path


def texts_of(path: Path, count: int) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line)["text"])
            if len(out) == count:
                break
    return out


# ----------------------------------------------------------------------------- 1: signatures


def datasketch_sign(texts: list[str]) -> list[Any]:
    from datasketch import MinHash

    out = []
    for text in texts:
        words = WORD.findall(text.lower())
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[i : i + 5]).encode("utf-8") for i in range(len(words) - 4)])
        out.append(m)
    return out


def bench_signatures(texts: list[str], runs: int) -> dict[str, Any]:
    from cleaner.minhash import MinHasher

    hasher = MinHasher()
    hasher.sign(texts[:10])  # warm caches (stand-in table, power tables)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ours, theirs = [], []
    for _ in range(runs):
        t = time.perf_counter()
        datasketch_sign(texts)
        theirs.append(time.perf_counter() - t)
        t = time.perf_counter()
        hasher.sign(texts)
        ours.append(time.perf_counter() - t)
    return {
        "docs": len(texts),
        "mb": size,
        "cleaner_s": statistics.median(ours),
        "datasketch_s": statistics.median(theirs),
        "ratio": statistics.median(b / a for a, b in zip(ours, theirs)),
        "interop": interop(texts[:300], hasher),
    }


def interop(texts: list[str], hasher: Any) -> dict[str, Any]:
    """Equal signatures for equal shingles, and LeanMinHash through MinHashLSH."""
    from datasketch import MinHash, MinHashLSH

    from cleaner.lsh import BandedLSH
    from cleaner.tokens import tokens

    signatures, _ = hasher.sign(texts)
    equal = 0
    for text, row in zip(texts, signatures):
        words = tokens(text)
        m = MinHash(num_perm=128, hashfunc=hasher.shingle_hash, scheme="affine32")
        m.update_batch([tuple(words[i : i + 5]) for i in range(len(words) - 4)])
        equal += bool(np.array_equal(m.hashvalues, row))
    # Near copies, so that the index has pairs to find.
    rows = np.concatenate([signatures, signatures])
    rows[len(signatures) :, ::3] = 0
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    lean = [hasher.lean_minhash(r) for r in rows]
    for i, m in enumerate(lean):
        lsh.insert(i, m)
    theirs = {(min(i, j), max(i, j)) for i, m in enumerate(lean) for j in lsh.query(m) if i != j}
    ours = {tuple(p) for p in BandedLSH(lsh.b, lsh.r).candidate_pairs(rows).tolist()}
    return {
        "signatures_equal": equal,
        "checked": len(texts),
        "lsh_pairs_equal": ours == theirs,
        "pairs": len(ours),
    }


# ----------------------------------------------------------------------------- 2: LSH


def _rss_now() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB


def _peak_rss() -> float:
    """Peak RSS (MiB) since the last :func:`_reset_peak` (``VmHWM``), else since start."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Start the peak RSS afresh (Linux: writing 5 to clear_refs resets VmHWM),
    so that imports and input loading do not count as the engine's peak."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def lsh_child(engine: str, path: str) -> None:
    """Subprocess body: index the signatures at ``path`` with one engine, print JSON."""
    from datasketch import MinHashLSH

    from cleaner.lsh import BandedLSH
    from cleaner.minhash import MinHasher

    signatures = np.load(path)
    probe = MinHashLSH(threshold=0.5, num_perm=128)
    bands, rows = probe.b, probe.r
    del probe
    if engine == "cleaner":
        _reset_peak()
        base = _rss_now()
        t = time.perf_counter()
        pairs = len(BandedLSH(bands, rows).candidate_pairs(signatures))
    else:
        hasher = MinHasher()
        lean = [hasher.lean_minhash(r) for r in signatures]
        del signatures
        _reset_peak()
        base = _rss_now()
        t = time.perf_counter()
        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        for i, m in enumerate(lean):
            lsh.insert(i, m)
        pairs = sum(1 for i, m in enumerate(lean) for j in lsh.query(m) if j > i)
    seconds = time.perf_counter() - t
    print(
        json.dumps(
            {"seconds": seconds, "extra_mib": _peak_rss() - base, "peak_mib": _peak_rss(), "pairs": pairs}
        )
    )


def bench_lsh(docs: Path, count: int, runs: int, out: Path) -> dict[str, Any]:
    from cleaner.minhash import MinHasher

    sig_path = out / f"signatures-{count}.npy"
    if not sig_path.exists():
        signatures, _ = MinHasher().sign(texts_of(docs, count))
        np.save(sig_path, signatures)
    results: dict[str, list[dict[str, Any]]] = {"cleaner": [], "datasketch": []}
    for _ in range(runs):
        for engine in ("datasketch", "cleaner"):
            done = subprocess.run(
                [sys.executable, __file__, "_lsh", engine, str(sig_path)],
                capture_output=True,
                text=True,
                check=True,
            )
            results[engine].append(json.loads(done.stdout))
    ours, theirs = results["cleaner"], results["datasketch"]
    return {
        "docs": count,
        "pairs": (ours[0]["pairs"], theirs[0]["pairs"]),
        "cleaner_s": statistics.median(r["seconds"] for r in ours),
        "datasketch_s": statistics.median(r["seconds"] for r in theirs),
        "ratio": statistics.median(b["seconds"] / a["seconds"] for a, b in zip(ours, theirs)),
        "cleaner_mib": statistics.median(r["extra_mib"] for r in ours),
        "datasketch_mib": statistics.median(r["extra_mib"] for r in theirs),
    }


# ----------------------------------------------------------------------------- 3, 4: end to end


def _tree_rss(root: int) -> float:
    """Summed RSS (MiB) of ``root`` and its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[pid] = pages
    total, family = 0, {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                changed = True
    total = sum(rss.get(pid, 0) for pid in family)
    return total * os.sysconf("SC_PAGE_SIZE") / MIB


def measure(command: list[str]) -> dict[str, float]:
    """Wall time and peak summed RSS of a command and its children."""
    t = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        # Every 20 ms at first; a long run is sampled less often (each sample
        # reads /proc, which would otherwise take a tenth of a core).
        time.sleep(min(0.25, 0.02 + (time.perf_counter() - t) / 200))
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise RuntimeError(f"{command} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return {"seconds": seconds, "peak_mib": peak}


def cleaner_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from cleaner.cli import main; main()", *args]


def bench_e2e(docs: Path, runs: int, out: Path) -> dict[str, Any]:
    count = _lines(docs)
    size = docs.stat().st_size / 1e6
    commands: dict[str, list[str]] = {
        "datasketch": [sys.executable, str(BENCH / "ds_pipeline.py"), str(docs), str(out / "ds.jsonl")],
        "cleaner": cleaner_command("dedup", "--no-clean", str(docs), "-o", str(out / "cl.jsonl"), "-q"),
        "cleaner --jobs 1": cleaner_command(
            "dedup", "--no-clean", str(docs), "-o", str(out / "cl1.jsonl"), "-q", "--jobs", "1"
        ),
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(measure(command))
    theirs = results["datasketch"]
    summary: dict[str, Any] = {"docs": count, "mb": size}
    for name, rows in results.items():
        summary[name] = {
            "seconds": statistics.median(r["seconds"] for r in rows),
            "peak_mib": statistics.median(r["peak_mib"] for r in rows),
            "ratio": statistics.median(b["seconds"] / a["seconds"] for a, b in zip(rows, theirs)),
            "memory_share": statistics.median(a["peak_mib"] / b["peak_mib"] for a, b in zip(rows, theirs)),
        }
    return summary


def bench_million(out: Path, count: int, jobs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(dir=out, prefix="million-") as tmp:
        docs = Path(tmp) / "news.jsonl"
        t = time.perf_counter()
        synthetic_jsonl(docs, count, jobs=jobs)
        generated = time.perf_counter() - t
        size = docs.stat().st_size / 1e6
        result = measure(
            cleaner_command(
                "dedup", str(docs), "-o", f"{tmp}/unique.jsonl", "--clusters", f"{tmp}/c.jsonl", "-q"
            )
        )
        kept = _lines(Path(tmp) / "unique.jsonl")
    return {"docs": count, "mb": size, "generate_s": generated, "kept": kept, **result}


# ----------------------------------------------------------------------------- report


def table(results: dict[str, Any]) -> str:
    rows = ["| measure | cleaner | datasketch (same run) | ratio |", "|---|---|---|---|"]
    add: Callable[..., None] = lambda *cells: rows.append("| " + " | ".join(cells) + " |")  # noqa: E731
    if "signatures" in results:
        s = results["signatures"]
        n, mb = s["docs"], s["mb"]
        add(
            f"signatures, {n:,} docs, one core: docs/s",
            f"{n / s['cleaner_s']:,.0f}",
            f"{n / s['datasketch_s']:,.0f}",
            f"**{s['ratio']:.1f}x** faster",
        )
        add("signatures: MB/s of text", f"{mb / s['cleaner_s']:.1f}", f"{mb / s['datasketch_s']:.2f}", "")
    if "lsh" in results:
        s = results["lsh"]
        add(
            f"LSH insert+query, {s['docs']:,} signatures: s",
            f"{s['cleaner_s']:.2f}",
            f"{s['datasketch_s']:.1f}",
            f"**{s['ratio']:.0f}x** faster",
        )
        add(
            "LSH: peak RSS above its input, MiB",
            f"{s['cleaner_mib']:.0f}",
            f"{s['datasketch_mib']:.0f}",
            f"**{s['cleaner_mib'] / s['datasketch_mib']:.3f}** of it",
        )
    if "e2e" in results:
        s = results["e2e"]
        ds = s["datasketch"]
        for name in ("cleaner", "cleaner --jobs 1"):
            r = s[name]
            add(
                f"dedup --no-clean{' --jobs 1' if 'jobs' in name else ''}, {s['docs']:,} docs: s",
                f"{r['seconds']:.2f}",
                f"{ds['seconds']:.1f}",
                f"**{r['ratio']:.1f}x** faster",
            )
            add(
                "  docs/s, MB/s",
                f"{s['docs'] / r['seconds']:,.0f}, {s['mb'] / r['seconds']:.1f}",
                f"{s['docs'] / ds['seconds']:,.0f}, {s['mb'] / ds['seconds']:.2f}",
                "",
            )
            add(
                "  peak RSS (process tree), MiB",
                f"{r['peak_mib']:.0f}",
                f"{ds['peak_mib']:.0f}",
                f"**{r['memory_share']:.2f}** of it",
            )
    if "million" in results:
        s = results["million"]
        add(
            f"dedup with cleaning, {s['docs']:,} docs ({s['mb'] / 1000:.1f} GB)",
            f"{s['seconds'] / 60:.1f} min, {s['docs'] / s['seconds']:,.0f} docs/s, "
            f"{s['mb'] / s['seconds']:.1f} MB/s, peak RSS {s['peak_mib'] / 1024:.2f} GiB",
            "no equivalent (datasketch does not clean)",
            "",
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_lsh"]:
        lsh_child(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (medians; default 3)")
    parser.add_argument("--sign-docs", type=int, default=3000)
    parser.add_argument("--lsh-docs", type=int, default=100_000)
    parser.add_argument("--e2e-docs", type=int, default=20_000)
    parser.add_argument("--million", action="store_true", help="also run cleaner dedup on 1M documents")
    parser.add_argument("--million-docs", type=int, default=1_000_000)
    parser.add_argument("--only", default="sign,lsh,e2e", help="comma-separated sections: sign,lsh,e2e")
    parser.add_argument("--data", type=Path, help="Reuters-21578 directory instead of synthetic documents")
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "speed", help="work files (gitignored)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(","))
    largest = max(args.sign_docs, args.lsh_docs, args.e2e_docs)
    if args.data:
        corpus = reuters_jsonl(args.data, args.out / f"reuters-{largest}.jsonl", largest)
    else:
        corpus = synthetic_jsonl(args.out / f"news-{largest}.jsonl", largest, jobs=os.cpu_count() or 1)
    results: dict[str, Any] = {}
    if "sign" in only:
        results["signatures"] = bench_signatures(texts_of(corpus, args.sign_docs), args.runs)
        print(f"signatures: {results['signatures']}", file=sys.stderr)
    if "lsh" in only:
        results["lsh"] = bench_lsh(corpus, args.lsh_docs, args.runs, args.out)
        print(f"lsh: {results['lsh']}", file=sys.stderr)
    if "e2e" in only:
        e2e_docs = args.out / f"e2e-{args.e2e_docs}.jsonl"
        with open(corpus) as src, open(e2e_docs, "w") as dst:
            for _, line in zip(range(args.e2e_docs), src):
                dst.write(line)
        results["e2e"] = bench_e2e(e2e_docs, args.runs, args.out)
        print(f"e2e: {results['e2e']}", file=sys.stderr)
    if args.million:
        results["million"] = bench_million(args.out, args.million_docs, os.cpu_count() or 1)
        print(f"million: {results['million']}", file=sys.stderr)
    print(table(results))
    if "signatures" in results:
        i = results["signatures"]["interop"]
        print(
            f"\ninterop: {i['signatures_equal']}/{i['checked']} signatures equal datasketch's for the same "
            f"shingles; LeanMinHash in MinHashLSH gives the same {i['pairs']} candidate pairs as BandedLSH: "
            f"{i['lsh_pairs_equal']}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
