"""Line-level cruft removal on plain news text: ``cleaner`` vs. a do-nothing baseline.

What it measures
----------------
Documents come from ``cruftgen.py`` (see its docstring): Reuters-21578 stories with page
cruft injected as whole lines (navigation, share buttons, ads, promos, cookie notices,
bylines, datelines, timestamps, captions and credits, copyright and reporting credits,
trailers, tags, related lists, site footers) and look-alike content lines (real sentences
containing cruft words) that must survive. Every line carries a label. Three phrasing pools
are generated with the same seed and layout, ``dev``, ``heldout`` and ``blind``, which differ
only in wording: a cleaner that generalises scores about the same on all, one that memorised
the ``dev`` phrasings drops on ``heldout``. Once ``heldout`` misses have been studied too,
``blind`` (never to be tuned against) is the remaining check of generalisation.

Each pool is written as one JSONL batch (``{"id", "text", "source"}`` per record; documents
of one ``source`` share fixed header/footer lines) and cleaned by the CLI::

    cleaner clean IN.jsonl -o OUT.jsonl --explain

whose records keep ``id`` and carry ``text`` (the cleaned text) and ``removed``
(``[{"line", "rule"}, ...]``). Scoring, per document:

* output lines are stripped of surrounding whitespace and kept as a multiset;
* each labelled input line (stripped) counts as *kept* if an equal output line is left in
  the multiset (which is then used up), else as *removed*. A line the cleaner rewrote
  counts as removed: an article paragraph is only "kept intact" if it appears verbatim as
  a line of the output;
* a headline counts as kept also when it was moved verbatim into the output's ``title``
  field;
* a document missing from the output counts as everything removed (reported separately).

Reported, for every pool: share of cruft lines removed (overall, per category, and for the
outlet-fixed header/footer lines vs. per-document cruft), share of article body paragraphs
kept intact, share of headlines kept, share of look-alike lines kept (overall and per
mimicked word family), share of documents that came out perfectly clean, and the rules that
dropped content lines (from ``removed``). A do-nothing cleaner is scored through the same
code as a baseline (cruft removed 0, paragraphs kept 1.0, look-alikes kept 1.0).

Speed: ``from cleaner import clean_text``; ``--speed-docs`` (default 1,000) generated ``dev``
documents of about 500 words each are cleaned one after the other in this single process
(pinned to one CPU where the OS allows); reported is docs/s, the median of 3 runs, after
a warm-up on 20 documents. (Runs of 300 documents last about 0.15 s, while one full
garbage collection of this process takes 10-20 ms: where the two or three of them fell
decided the median by up to a tenth.) The CLI batch's wall time (including interpreter start-up) is reported
too, for information.

Until the real ``cleaner`` is installed, ``--cleaner-cmd standin`` runs a trivial regex
stand-in (in this file) through the same subprocess contract.

Reproduce (from the repository root, with ``pip install -e .`` done)::

    python bench/text_cleaning.py --data ../shared/bench/reuters21578

Useful options: ``--docs N`` (documents per pool, default 2000), ``--seed``,
``--show-misses N`` (example cruft lines kept and content lines dropped, with the rule),
``--json FILE`` (all figures as JSON), ``--in FILE`` (score a file written by
``cruftgen.py`` instead of generating), ``--keep DIR`` (keep the JSONL files passed to and
returned by the cleaner), ``--cleaner-cmd CMD`` (the executable prefix, default ``cleaner``).
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cruftgen

Doc = dict[str, Any]
Output = dict[str, Any]  # {"text": str, "removed": [{"line", "rule"}]}
STANDIN = "standin"


# --------------------------------------------------------------------------- stand-in cleaner

_STANDIN_RULES = [
    ("ad", re.compile(r"^(advertisement|story continues below)", re.I)),
    (
        "share",
        re.compile(
            r"^(share( this| on| via)?|print|email|save|tweet|click to copy|"
            r"copy link)\b.{0,30}$",
            re.I,
        ),
    ),
    ("read_more", re.compile(r"^(read more|continue reading)", re.I)),
    ("byline", re.compile(r"^by [A-Z][a-z]+ [A-Z][a-zA-Z']+\b.{0,40}$")),
    ("copyright", re.compile(r"(©|\bcopyright\b|all rights reserved)", re.I)),
    ("credit", re.compile(r"^\((additional )?reporting by", re.I)),
    ("promo", re.compile(r"(sign up|newsletter|download (our|the)|follow us|donate)", re.I)),
]


def standin_clean(text: str) -> tuple[str, list[dict[str, str]]]:
    """Trivial regex cleaner used to test the plumbing before ``cleaner`` exists."""
    kept, removed = [], []
    for line in text.split("\n"):
        rule = next((name for name, rx in _STANDIN_RULES if rx.search(line.strip())), None)
        if rule and line.strip():
            removed.append({"line": line, "rule": f"standin.{rule}"})
        else:
            kept.append(line)
    return "\n".join(kept), removed


def standin_main(argv: list[str]) -> int:
    """``text_cleaning.py --standin clean IN -o OUT --explain``: the CLI contract."""
    ap = argparse.ArgumentParser(prog="standin")
    ap.add_argument("command", choices=["clean"])
    ap.add_argument("input", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--explain", action="store_true")
    args = ap.parse_args(argv)
    with args.input.open(encoding="utf-8") as fin, args.output.open("w", encoding="utf-8") as fo:
        for raw in fin:
            rec = json.loads(raw)
            text, removed = standin_clean(rec["text"])
            out: dict[str, Any] = {"id": rec["id"], "text": text}
            if args.explain:
                out["removed"] = removed
            fo.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


# --------------------------------------------------------------------------- running the CLI


def run_cli(
    cmd: list[str], docs: list[Doc], workdir: Path, tag: str, timeout: float
) -> tuple[dict[str, Output], float]:
    """Write ``docs`` as a batch, run ``cmd clean IN -o OUT --explain``, read the output."""
    src = workdir / f"{tag}.in.jsonl"
    dst = workdir / f"{tag}.out.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(
                json.dumps({"id": d["id"], "text": d["text"], "source": d["source"]}, ensure_ascii=False)
                + "\n"
            )
    full = [*cmd, "clean", str(src), "-o", str(dst), "--explain"]
    t0 = time.perf_counter()
    proc = subprocess.run(full, capture_output=True, text=True, timeout=timeout, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{shlex.join(full)} exited {proc.returncode}:\n{tail}")
    outputs: dict[str, Output] = {}
    with dst.open(encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                rec = json.loads(raw)
                outputs[str(rec["id"])] = rec
    return outputs, elapsed


def resolve_cmd(spec: str) -> list[str]:
    if spec == STANDIN:
        return [sys.executable, str(Path(__file__).resolve()), "--standin"]
    return shlex.split(spec)


# --------------------------------------------------------------------------- scoring


@dataclass
class LineFate:
    """One labelled input line and whether it survived."""

    doc_id: str
    text: str
    label: str
    category: str
    fixed: bool
    kept: bool
    rule: str | None = None  # rule from ``removed`` when a content line was dropped
    near: str | None = None  # closest output line when a content line was rewritten


@dataclass
class PoolScore:
    """All line fates of one pool under one cleaner."""

    pool: str
    fates: list[LineFate] = field(default_factory=list)
    docs: int = 0
    docs_missing: int = 0
    docs_perfect: int = 0

    def share(self, pred: Callable[[LineFate], bool], kept: bool) -> tuple[float, int]:
        sel = [f for f in self.fates if pred(f)]
        if not sel:
            return float("nan"), 0
        return sum(f.kept == kept for f in sel) / len(sel), len(sel)


def score_pool(pool: str, docs: list[Doc], outputs: dict[str, Output], near: bool = True) -> PoolScore:
    """Match each document's output lines back to its labelled input lines."""
    res = PoolScore(pool=pool, docs=len(docs))
    for d in docs:
        out = outputs.get(d["id"])
        if out is None:
            res.docs_missing += 1
            out_text, removed = "", []
        else:
            out_text, removed = out.get("text") or "", out.get("removed") or []
        pool_lines = Counter(ln.strip() for ln in out_text.split("\n") if ln.strip())
        rules: dict[str, str] = {}
        for r in removed:
            rules.setdefault(str(r.get("line", "")).strip(), str(r.get("rule", "?")))
        perfect = True
        for ln in d["lines"]:
            key = ln["text"].strip()
            kept = pool_lines[key] > 0
            if kept:
                pool_lines[key] -= 1
            elif ln["category"] == "headline" and out and str(out.get("title") or "").strip() == key:
                kept = True  # the headline moved into the output's title field
            fate = LineFate(d["id"], key, ln["label"], ln["category"], bool(ln.get("fixed")), kept)
            if ln["label"] != "cruft" and not kept:
                fate.rule = rules.get(key)
                if fate.rule is None and near:
                    close = difflib.get_close_matches(key, list(pool_lines), n=1, cutoff=0.6)
                    fate.near = close[0] if close else None
            perfect &= kept != (ln["label"] == "cruft")
            res.fates.append(fate)
        res.docs_perfect += perfect
    return res


def noop_outputs(docs: list[Doc]) -> dict[str, Output]:
    return {d["id"]: {"text": d["text"], "removed": []} for d in docs}


# --------------------------------------------------------------------------- speed


def speed(clean: Callable[[str], Any], batches: list[list[str]], warmup: list[str]) -> dict[str, float]:
    """docs/s of ``clean`` in this process: median over ``batches`` after a warm-up.

    Each run cleans different documents, so answers a cleaner remembers from
    one run cannot flatter the next (lines that recur within a run are fair:
    page furniture recurs in a real corpus too)."""
    for t in warmup:
        clean(t)
    rates = []
    for texts in batches:
        t0 = time.perf_counter()
        for t in texts:
            clean(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return {"docs_per_s": statistics.median(rates), "runs": [round(r, 1) for r in rates]}


def trafilatura_on_text(text: str) -> str | None:
    """The peer: trafilatura run on the text wrapped as one <p> per line, what a
    user without a plain-text cleaner would do."""
    import trafilatura

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return trafilatura.extract(
        f"<html><body><article>{body}</article></body></html>", favor_precision=True, include_comments=False
    )


def pin_one_cpu() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu}"
        except OSError:
            pass
    return "not pinned"


# --------------------------------------------------------------------------- reporting


def fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:.3f}"


def metrics(ps: PoolScore) -> dict[str, Any]:
    """The figures of one pool as a plain dict (also what ``--json`` writes)."""
    m: dict[str, Any] = {}

    def put(key: str, pred: Callable[[LineFate], bool], kept: bool) -> None:
        v, n = ps.share(pred, kept)
        m[key] = {"value": v, "n": n}

    put("cruft_removed", lambda f: f.label == "cruft", False)
    put("cruft_removed_fixed", lambda f: f.label == "cruft" and f.fixed, False)
    put("cruft_removed_per_doc", lambda f: f.label == "cruft" and not f.fixed, False)
    for cat in cruftgen.CRUFT_CATEGORIES:
        put(f"cruft_removed.{cat}", lambda f, c=cat: f.label == "cruft" and f.category == c, False)
    put("paragraphs_kept", lambda f: f.category == "paragraph", True)
    put("headlines_kept", lambda f: f.category == "headline", True)
    put("lookalikes_kept", lambda f: f.label == "lookalike", True)
    for cat in sorted({f.category for f in ps.fates if f.label == "lookalike"}):
        put(
            f"lookalikes_kept.{cat}",
            lambda f, c=cat: f.label == "lookalike" and f.category == c,
            True,
        )
    m["docs"] = ps.docs
    m["docs_missing"] = ps.docs_missing
    m["docs_perfect"] = ps.docs_perfect / ps.docs if ps.docs else float("nan")
    dropped = Counter(
        f.rule or ("(rewritten)" if f.near else "(not in removed)")
        for f in ps.fates
        if f.label != "cruft" and not f.kept
    )
    m["content_dropped_by_rule"] = dict(dropped.most_common())
    return m


def table(results: dict[str, dict[str, Any]], baseline: dict[str, dict[str, Any]]) -> str:
    pools = list(results)
    rows: list[tuple[str, str]] = [
        ("cruft lines removed", "cruft_removed"),
        ("  outlet-fixed header/footer", "cruft_removed_fixed"),
        ("  per-document cruft", "cruft_removed_per_doc"),
        *[(f"  {c}", f"cruft_removed.{c}") for c in cruftgen.CRUFT_CATEGORIES],
        ("article paragraphs kept intact", "paragraphs_kept"),
        ("headlines kept", "headlines_kept"),
        ("look-alike lines kept", "lookalikes_kept"),
    ]
    la = sorted({k for m in results.values() for k in m if k.startswith("lookalikes_kept.")})
    lossy = [k for k in la if any(m.get(k, {"value": 1.0})["value"] < 1.0 for m in results.values())]
    rows += [(f"  {k.split('.', 1)[1]}", k) for k in lossy]
    width = 34
    head = f"{'':{width}s}" + "".join(f"{p:>10s} {'n':>6s}" for p in pools)
    lines = [head, "-" * len(head)]
    for name, key in rows:
        cells = ""
        for p in pools:
            v = results[p].get(key)
            cells += f"{fmt(v['value']):>10s} {v['n']:>6d}" if v else f"{'':>10s} {'':>6s}"
        lines.append(f"{name:{width}s}{cells}")
    if len(lossy) < len(la):
        lines.append(f"  ({len(la) - len(lossy)} other look-alike word families: all kept)")
    lines.append(
        f"{'documents perfectly clean':{width}s}"
        + "".join(f"{fmt(results[p]['docs_perfect']):>10s} {results[p]['docs']:>6d}" for p in pools)
    )
    missing = {p: results[p]["docs_missing"] for p in pools if results[p]["docs_missing"]}
    if missing:
        lines.append(f"documents missing from the cleaner's output: {missing}")
    for p in pools:
        b = baseline[p]
        lines.append(
            f"do-nothing baseline ({p}): cruft removed {fmt(b['cruft_removed']['value'])}, "
            f"paragraphs kept {fmt(b['paragraphs_kept']['value'])}, headlines kept "
            f"{fmt(b['headlines_kept']['value'])}, look-alikes kept "
            f"{fmt(b['lookalikes_kept']['value'])}, docs perfect {fmt(b['docs_perfect'])}"
        )
    return "\n".join(lines)


def show_misses(ps: PoolScore, n: int) -> str:
    """Up to ``n`` kept cruft lines per category and ``n`` dropped content lines per label."""
    out = [f"--- {ps.pool}: cruft kept (up to {n} per category)"]
    by_cat: dict[str, list[LineFate]] = defaultdict(list)
    shown_texts: set[str] = set()  # show distinct lines only
    for f in ps.fates:
        fresh = f.text.lower() not in shown_texts
        if f.label == "cruft" and f.kept and fresh and len(by_cat[f.category]) < n:
            shown_texts.add(f.text.lower())
            by_cat[f.category].append(f)
    for cat in cruftgen.CRUFT_CATEGORIES:
        total, kept = 0, 0
        for f in ps.fates:
            if f.label == "cruft" and f.category == cat:
                total += 1
                kept += f.kept
        if by_cat[cat]:
            out.append(f"  [{cat}] {kept}/{total} kept")
            out += [f"    {f.text!r}" for f in by_cat[cat]]
    for label in ("article", "lookalike"):
        lost = [f for f in ps.fates if f.label == label and not f.kept]
        out.append(
            f"--- {ps.pool}: {label} lines dropped: {len(lost)} (up to {n} shown, "
            "round-robin over categories)"
        )
        groups: dict[str, list[LineFate]] = defaultdict(list)
        for f in lost:
            groups[f.category].append(f)
        shown = 0
        while shown < n and any(groups.values()):
            for cat in sorted(groups):
                if groups[cat] and shown < n:
                    f = groups[cat].pop(0)
                    why = (
                        f"rule={f.rule}"
                        if f.rule
                        else (f"rewritten to {f.near!r}" if f.near else "not in removed")
                    )
                    text = f.text if len(f.text) < 160 else f.text[:157] + "..."
                    out.append(f"    [{f.category}] {text!r}  <- {why}")
                    shown += 1
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def load_docs(args: argparse.Namespace) -> tuple[dict[str, list[Doc]], cruftgen.Generator | None]:
    if args.input:
        pools: dict[str, list[Doc]] = defaultdict(list)
        with args.input.open(encoding="utf-8") as f:
            for raw in f:
                d = json.loads(raw)
                pools[d.get("pool", "file")].append(d)
        return dict(pools), None
    gen = cruftgen.Generator(cruftgen.load_stories(args.data), seed=args.seed)
    return {p: list(gen.documents(p, args.docs)) for p in cruftgen.POOLS}, gen


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--standin"]:
        return standin_main(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=cruftgen.DEFAULT_DATA,
        help="directory holding reut2-*.sgm (default: %(default)s)",
    )
    ap.add_argument("--docs", type=int, default=2000, help="documents per pool")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--in", dest="input", type=Path, help="score a cruftgen JSONL file instead")
    ap.add_argument(
        "--cleaner-cmd",
        default="cleaner",
        help=f"cleaner executable prefix, or '{STANDIN}' (default: %(default)s)",
    )
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per CLI batch")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N")
    ap.add_argument("--speed-docs", type=int, default=1000, help="per run; 0 skips the speed test")
    ap.add_argument("--keep", type=Path, help="directory to keep the CLI's input/output")
    ap.add_argument("--json", type=Path, help="write all figures as JSON")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    pools, gen = load_docs(args)
    n_lines = {p: Counter(ln["label"] for d in docs for ln in d["lines"]) for p, docs in pools.items()}
    print(
        f"{'read' if args.input else 'generated'} in {time.perf_counter() - t0:.1f}s: "
        + "; ".join(f"{p}: {len(docs)} docs, {dict(n_lines[p])}" for p, docs in pools.items())
    )

    baseline = {p: metrics(score_pool(p, docs, noop_outputs(docs))) for p, docs in pools.items()}
    report: dict[str, Any] = {
        "seed": args.seed,
        "docs_per_pool": {p: len(d) for p, d in pools.items()},
        "cleaner_cmd": args.cleaner_cmd,
        "baseline": baseline,
    }
    cmd = resolve_cmd(args.cleaner_cmd)
    results: dict[str, dict[str, Any]] = {}
    scores: dict[str, PoolScore] = {}
    cli_time: dict[str, float] = {}
    error = None
    with tempfile.TemporaryDirectory(prefix="text_cleaning_") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        try:
            for p, docs in pools.items():
                outputs, cli_time[p] = run_cli(cmd, docs, workdir, p, args.timeout)
                scores[p] = score_pool(p, docs, outputs)
                results[p] = metrics(scores[p])
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
            error = f"cleaner CLI unavailable or failed: {exc}"

    print(f"\ncleaner: {shlex.join([*cmd, 'clean', 'IN.jsonl', '-o', 'OUT.jsonl', '--explain'])}")
    if error:
        print(error)
        print("(install the package with `pip install -e .`, or try `--cleaner-cmd standin`)")
        results = {p: baseline[p] for p in pools}
        print("\nscores below are the do-nothing baseline only")
    print()
    print(table(results, baseline))
    for p, secs in cli_time.items():
        print(f"CLI batch wall time ({p}): {secs:.1f}s = {len(pools[p]) / secs:.0f} docs/s (incl. start-up)")
    report["results"] = results
    report["cli_seconds"] = cli_time
    report["error"] = error

    for p, ps in scores.items():
        if not ps.fates:
            continue
        dropped = results[p]["content_dropped_by_rule"]
        if dropped:
            top = ", ".join(f"{r}: {n}" for r, n in list(dropped.items())[:8])
            print(f"content lines dropped by rule ({p}): {top}")

    if args.show_misses:
        for ps in scores.values():
            print()
            print(show_misses(ps, args.show_misses))

    if args.speed_docs > 0:
        gen = gen or cruftgen.Generator(cruftgen.load_stories(args.data), seed=args.seed)
        report["speed"] = run_speed(args, gen)
    if args.json:
        args.json.write_text(json.dumps(_no_nan(report), indent=2), encoding="utf-8")
    return 1 if error else 0


def _no_nan(x: Any) -> Any:
    """NaN (a share over zero lines) -> null, so ``--json`` writes strict JSON."""
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {str(k): _no_nan(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_no_nan(v) for v in x]
    return x


def run_speed(args: argparse.Namespace, gen: cruftgen.Generator) -> dict[str, Any]:
    """In-process docs/s of ``cleaner.clean_text`` on ~500-word documents."""
    runs = 3
    docs = [d["text"] for d in gen.documents("dev", args.speed_docs * runs + 20, body_words=(400, 470))]
    warmup, texts = docs[:20], docs[20:]
    batches = [texts[i * args.speed_docs : (i + 1) * args.speed_docs] for i in range(runs)]
    words = statistics.mean(len(t.split()) for t in texts)
    name = "cleaner.clean_text"
    fn: Callable[[str], Any]
    if args.cleaner_cmd == STANDIN:
        name, fn = "stand-in", lambda t: standin_clean(t)[0]
    else:
        try:
            from cleaner import clean_text  # type: ignore[import-not-found]
        except ImportError as exc:
            print(f"\nspeed: `from cleaner import clean_text` failed ({exc}); skipped")
            return {"error": str(exc)}
        fn = clean_text
    pinned = pin_one_cpu()
    res = speed(fn, batches, warmup)
    print(
        f"\nspeed ({name}, one process, {pinned}): {args.speed_docs} docs per run of {words:.0f} words "
        f"on average: {res['docs_per_s']:.0f} docs/s (median of {runs} runs on different docs: {res['runs']})"
    )
    peer: dict[str, Any] = {}
    try:
        peer = speed(trafilatura_on_text, [b[: max(1, len(b) // 3)] for b in batches], warmup[:5])
    except ImportError:
        print("peer: trafilatura not installed; skipped")
    if peer:
        print(
            f"peer (trafilatura.extract on the text as <p> lines, favor_precision): "
            f"{peer['docs_per_s']:.0f} docs/s (runs {peer['runs']}); "
            f"cleaner / peer = {res['docs_per_s'] / peer['docs_per_s']:.1f}x"
        )
    return {"impl": name, "docs": args.speed_docs, "mean_words": words, **res, "peer": peer}


if __name__ == "__main__":
    sys.exit(main())
