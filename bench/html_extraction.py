"""Main-content extraction quality on news HTML pages: ``cleaner`` vs. peers.

What it measures
----------------
For every page of the Scrapinghub article-extraction benchmark (181 news
pages with hand-made gold body text), each system extracts the main text
and is scored against the gold text with a bag-of-words metric:

* tokens are ``re.findall(r"\\w+", text)``, case-sensitive, kept as a
  multiset (``collections.Counter``);
* overlap is the size of the multiset intersection ``pred & gold``;
* precision = overlap / |pred|, recall = overlap / |gold|,
  F1 = 2PR / (P + R) (0 when P + R == 0).

Edge cases:

* prediction and gold both empty: P = R = F1 = 1 (nothing to find, nothing
  wrongly returned);
* prediction empty, gold non-empty: P = R = F1 = 0 (an extractor that
  returns nothing gets nothing);
* prediction non-empty, gold empty: P = R = F1 = 0;
* an extractor returning ``None`` or raising counts as an empty prediction;
  exceptions are counted and reported in the table.

The reported figures are the means over pages of the per-page P, R and F1
(macro average), plus the median wall-clock extraction time per page.

Input: each HTML file is read as bytes and decoded as UTF-8 with
``errors="replace"`` (all pages of the dataset are valid UTF-8); the same
``str`` is given to every system together with the page URL from
``meta.json``.

Systems
-------
* ``trafilatura default``: ``trafilatura.extract(html, url=url)``
* ``trafilatura precision``: ``trafilatura.extract(html, url=url,
  favor_precision=True, include_comments=False)``
* ``readability-lxml`` (optional, skipped if not installed):
  ``readability.Document(html).summary()`` converted to text with lxml,
  block elements separated by newlines
* ``cleaner``: ``cleaner.clean_html(html, url=url).text`` (reported as not
  importable if the package is not available; the peers still run)

For ``cleaner`` the table also shows the F1 difference against the best
trafilatura setting.

Data layout (``--data``): ``html/<hash>.html``, ``gold/<hash>.txt`` and
``meta.json`` (``{hash: {"url": ...}}``). The data is read in place, never
copied.

Reproduce (from the repository root)::

    python bench/html_extraction.py --data ../shared/bench/scrapinghub

Useful options: ``--limit N`` (first N pages by name), ``--json FILE``
(write the figures as JSON), ``--worst N`` (the N pages where ``cleaner``
scores the lowest F1, with the most frequent extra and missing tokens).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "scrapinghub"
TOKEN_RE = re.compile(r"\w+")
CLEANER = "cleaner"
TRAFILATURA_PREFIX = "trafilatura"

Extractor = Callable[[str, str], str | None]


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, decoded HTML and gold text."""

    key: str
    url: str
    html: str
    gold: str


@dataclass(frozen=True)
class Scores:
    """Bag-of-words precision, recall and F1 of one prediction."""

    precision: float
    recall: float
    f1: float


@dataclass
class PageResult:
    """Score, timing and raw output of one system on one page."""

    key: str
    url: str
    scores: Scores
    ms: float
    prediction: str
    error: str | None = None


@dataclass
class SystemResult:
    """All per-page results of one system, or why it could not run."""

    name: str
    pages: list[PageResult] = field(default_factory=list)
    unavailable: str | None = None

    def mean(self, attr: str) -> float:
        return statistics.fmean(getattr(p.scores, attr) for p in self.pages)

    @property
    def median_ms(self) -> float:
        return statistics.median(p.ms for p in self.pages)

    @property
    def errors(self) -> int:
        return sum(p.error is not None for p in self.pages)


def tokens(text: str) -> Counter[str]:
    """Case-sensitive multiset of ``\\w+`` tokens."""
    return Counter(TOKEN_RE.findall(text))


def score(prediction: str, gold: str) -> Scores:
    """Bag-of-words P/R/F1 of ``prediction`` against ``gold`` (see module doc)."""
    pred_tokens, gold_tokens = tokens(prediction), tokens(gold)
    n_pred, n_gold = pred_tokens.total(), gold_tokens.total()
    if n_pred == 0 and n_gold == 0:
        return Scores(1.0, 1.0, 1.0)
    if n_pred == 0 or n_gold == 0:
        return Scores(0.0, 0.0, 0.0)
    overlap = (pred_tokens & gold_tokens).total()
    precision, recall = overlap / n_pred, overlap / n_gold
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return Scores(precision, recall, f1)


def load_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    """Pages of the dataset sorted by name, optionally only the first ``limit``."""
    meta: dict[str, dict[str, str]] = json.loads((data_dir / "meta.json").read_text(encoding="utf-8"))
    html_files = sorted((data_dir / "html").glob("*.html"))
    if limit is not None:
        html_files = html_files[:limit]
    pages = []
    for html_path in html_files:
        key = html_path.stem
        gold_path = data_dir / "gold" / f"{key}.txt"
        pages.append(
            Page(
                key=key,
                url=meta.get(key, {}).get("url", ""),
                html=html_path.read_bytes().decode("utf-8", errors="replace"),
                gold=gold_path.read_text(encoding="utf-8"),
            )
        )
    return pages


# --- systems -----------------------------------------------------------------


def trafilatura_extractors() -> dict[str, Extractor | str]:
    """The two trafilatura settings, or the import error for both."""
    try:
        import trafilatura
    except ImportError as exc:
        reason = f"not importable ({exc})"
        return {"trafilatura default": reason, "trafilatura precision": reason}

    def default(html: str, url: str) -> str | None:
        return trafilatura.extract(html, url=url)

    def precision(html: str, url: str) -> str | None:
        return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False)

    return {"trafilatura default": default, "trafilatura precision": precision}


# Elements after which a newline is inserted so that adjacent blocks do not
# glue their words together in ``text_content()``.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
        "tr", "ul",
    }
)  # fmt: skip


def readability_extractor() -> Extractor | str:
    """readability-lxml summary converted to text, or the import error."""
    try:
        import lxml.html
        from readability import Document
    except ImportError as exc:
        return f"not installed ({exc})"

    def extract(html: str, url: str) -> str:
        summary = Document(html, url=url).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
        for element in root.iter():
            if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
                element.tail = "\n" + (element.tail or "")
        return root.text_content()

    return extract


def cleaner_extractor() -> Extractor | str:
    """``cleaner.clean_html(...).text``, or why ``cleaner`` cannot be used.

    Falls back to the repository checkout when the package is not installed.
    """
    try:
        module: Any = importlib.import_module(CLEANER)
    except ModuleNotFoundError as exc:
        if exc.name != CLEANER:
            return f"not importable ({exc})"
        sys.path.insert(0, str(REPO_ROOT))
        try:
            module = importlib.import_module(CLEANER)
        except Exception as exc:  # a half-written package must not stop the peers
            return f"not importable ({type(exc).__name__}: {exc})"
    except Exception as exc:
        return f"not importable ({type(exc).__name__}: {exc})"
    if not hasattr(module, "clean_html"):
        where = getattr(module, "__file__", None) or ", ".join(getattr(module, "__path__", []))
        return f"not importable (no cleaner.clean_html in {where})"

    def extract(html: str, url: str) -> str:
        return module.clean_html(html, url=url).text

    return extract


def all_systems() -> dict[str, Extractor | str]:
    """Every system by name: an extractor, or a string saying why it is absent."""
    return {
        **trafilatura_extractors(),
        "readability-lxml": readability_extractor(),
        CLEANER: cleaner_extractor(),
    }


# --- running -------------------------------------------------------------------


def run_system(name: str, extract: Extractor, pages: list[Page]) -> SystemResult:
    """Run one extractor over all pages, scoring and timing each page."""
    result = SystemResult(name)
    for page in pages:
        error = None
        start = time.perf_counter()
        try:
            prediction = extract(page.html, page.url) or ""
        except Exception as exc:  # a crash counts as empty output
            prediction, error = "", f"{type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - start) * 1000
        result.pages.append(
            PageResult(page.key, page.url, score(prediction, page.gold), ms, prediction, error)
        )
    return result


def best_trafilatura_f1(results: list[SystemResult]) -> float | None:
    f1s = [r.mean("f1") for r in results if r.name.startswith(TRAFILATURA_PREFIX) and r.unavailable is None]
    return max(f1s) if f1s else None


def print_table(results: list[SystemResult], n_pages: int) -> None:
    print(f"{n_pages} pages, bag-of-words (\\w+, case-sensitive), mean over pages\n")
    header = f"{'system':<24} {'P':>6} {'R':>6} {'F1':>6} {'ms/page':>8}  {'F1 - best traf.':>15}"
    print(header)
    print("-" * len(header))
    best = best_trafilatura_f1(results)
    for r in results:
        if r.unavailable is not None:
            print(f"{r.name + ':':<24} {r.unavailable}")
            continue
        delta = ""
        if r.name == CLEANER and best is not None:
            delta = f"{r.mean('f1') - best:+.3f}"
        line = (
            f"{r.name:<24} {r.mean('precision'):6.3f} {r.mean('recall'):6.3f} "
            f"{r.mean('f1'):6.3f} {r.median_ms:8.1f}  {delta:>15}"
        )
        if r.errors:
            line += f"  ({r.errors} page(s) raised)"
        print(line.rstrip())


def format_counter(counter: Counter[str], n: int) -> str:
    return ", ".join(f"{tok}({cnt})" for tok, cnt in counter.most_common(n)) or "-"


def print_worst(result: SystemResult, pages: list[Page], n: int, n_tokens: int = 15) -> None:
    """The ``n`` lowest-F1 pages of ``result`` with the top extra/missing tokens."""
    gold = {p.key: p.gold for p in pages}
    worst = sorted(result.pages, key=lambda p: (p.scores.f1, p.key))[:n]
    print(f"\n{result.name}: {len(worst)} pages with the lowest F1")
    for p in worst:
        pred_tokens, gold_tokens = tokens(p.prediction), tokens(gold[p.key])
        s = p.scores
        print(
            f"\n{p.key[:12]}  F1={s.f1:.3f} P={s.precision:.3f} R={s.recall:.3f}  "
            f"pred={pred_tokens.total()} gold={gold_tokens.total()} tokens  {p.url}"
        )
        if p.error:
            print(f"  error:   {p.error}")
        print(f"  extra:   {format_counter(pred_tokens - gold_tokens, n_tokens)}")
        print(f"  missing: {format_counter(gold_tokens - pred_tokens, n_tokens)}")


def to_json(results: list[SystemResult], data_dir: Path, n_pages: int) -> dict[str, Any]:
    best = best_trafilatura_f1(results)
    systems: dict[str, Any] = {}
    for r in results:
        if r.unavailable is not None:
            systems[r.name] = {"unavailable": r.unavailable}
            continue
        entry: dict[str, Any] = {
            "precision": r.mean("precision"),
            "recall": r.mean("recall"),
            "f1": r.mean("f1"),
            "median_ms": r.median_ms,
            "errors": r.errors,
            "pages": {p.key: {**asdict(p.scores), "ms": p.ms, "error": p.error} for p in r.pages},
        }
        if r.name == CLEANER and best is not None:
            entry["f1_delta_vs_best_trafilatura"] = r.mean("f1") - best
        systems[r.name] = entry
    return {"data": str(data_dir), "pages": n_pages, "systems": systems}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="dataset directory with html/, gold/ and meta.json "
        "(default: ../shared/bench/scrapinghub relative to the repository root)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by name)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="print cleaner's N lowest-F1 pages with their top extra and missing tokens",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir: Path = args.data
    if not data_dir.is_absolute() and not data_dir.exists():
        data_dir = REPO_ROOT / data_dir
    if not (data_dir / "meta.json").is_file():
        print(f"error: no dataset at {data_dir} (expected meta.json, html/, gold/)", file=sys.stderr)
        return 2
    pages = load_pages(data_dir, args.limit)
    if not pages:
        print(f"error: no pages found in {data_dir / 'html'}", file=sys.stderr)
        return 2

    results = []
    for name, extractor in all_systems().items():
        if isinstance(extractor, str):
            results.append(SystemResult(name, unavailable=extractor))
        else:
            results.append(run_system(name, extractor, pages))

    print_table(results, len(pages))

    if args.worst:
        cleaner_result = next(r for r in results if r.name == CLEANER)
        if cleaner_result.unavailable is None:
            print_worst(cleaner_result, pages, args.worst)
        else:
            print(f"\n--worst: cleaner {cleaner_result.unavailable}")

    if args.json:
        args.json.write_text(
            json.dumps(to_json(results, data_dir, len(pages)), indent=2) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
