"""Check that a change to the cleaning engine leaves every ``clean_text`` answer as it was.

A speed change must not alter a single kept line, removal, rule name or field. This
script cleans a fixed corpus and writes every answer (text, title, date, author,
extras and the removed lines with their rules and fields) to a JSONL file; run it once
on the old code with ``--dump`` and once on the new code with ``--compare``.

Corpus: ``cruftgen`` documents of every pool (``dev``, ``heldout``, ``blind``; their
wording is not printed here), in the benchmark's ~500-word layout and in the default
layout; the raw Reuters stories; and trafilatura's text of the scrapinghub pages. Each
is cleaned with the built-in catalogue and with two derived catalogues (every hint
dropped; hints given to unhinted rules), since the engine must stay equivalent for any
catalogue, not just today's.

Reproduce (from the repository root)::

    python bench/clean_equivalence.py --dump /tmp/before.jsonl   # on the old code
    python bench/clean_equivalence.py --compare /tmp/before.jsonl  # on the new code
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cruftgen

from cleaner.rulefile import load_catalogue
from cleaner.rules import Catalogue
from cleaner.textclean import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"


def corpus(docs_per_pool: int, seed: int) -> Iterator[tuple[str, str]]:
    """(id, text) pairs; deterministic for a seed."""
    stories = cruftgen.load_stories(SHARED / "reuters21578")
    gen = cruftgen.Generator(stories, seed=seed)
    for pool in cruftgen.POOLS:
        for i, d in enumerate(gen.documents(pool, docs_per_pool, body_words=(400, 470))):
            yield f"{pool}-speed-{i}", d["text"]
        for i, d in enumerate(gen.documents(pool, docs_per_pool)):
            yield f"{pool}-{i}", d["text"]
    for s in stories[: docs_per_pool * 2]:
        yield f"reuters-{s.sid}", s.title + "\n\n" + "\n\n".join(s.paragraphs)
    html_dir = SHARED / "scrapinghub" / "html"
    if html_dir.is_dir():
        import trafilatura

        for path in sorted(html_dir.glob("*.html")):
            text = trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"))
            if text:
                yield f"scrapinghub-{path.stem[:12]}", text


def catalogues(seed: int) -> dict[str, Catalogue]:
    """The built-in catalogue and two variants with other hints."""
    base = load_catalogue()
    rng = random.Random(seed)
    words = sorted({w for r in base.rules for w in r.hint} | set(base.widget_words))
    unhinted = [dataclasses.replace(r, hint=()) for r in base.rules]
    rehinted = [
        r if r.hint else dataclasses.replace(r, hint=tuple(rng.sample(words, 3))) if rng.random() < 0.5 else r
        for r in base.rules
    ]
    return {
        "builtin": base,
        "no-hints": Catalogue(unhinted, base.vocab),
        "more-hints": Catalogue(rehinted, base.vocab),
    }


def answers(docs_per_pool: int, seed: int, scan: bool = True) -> Iterator[tuple[dict[str, object], int]]:
    """Each document's answer, with the number of lines it had."""
    texts = list(corpus(docs_per_pool, seed))
    for name, catalogue in catalogues(seed).items():
        if not scan and hasattr(catalogue, "_hints"):
            from cleaner.hints import HintFinder

            catalogue._hints = HintFinder(catalogue._hints.words, scan=False)
        for doc_id, text in texts:
            doc = clean_text(text, id=doc_id, catalogue=catalogue)
            yield (
                {
                    "catalogue": name,
                    "id": doc_id,
                    "text": doc.text,
                    "title": doc.title,
                    "date": doc.date,
                    "author": doc.author,
                    "extra": doc.extra,
                    "removed": [[r.line, r.rule, r.field] for r in doc.removed],
                },
                len(text.splitlines()),
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path, help="write the answers here")
    group.add_argument("--compare", type=Path, help="compare the answers with this dump")
    ap.add_argument("--docs", type=int, default=1000, help="cruftgen documents per pool and layout")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-hyperscan", action="store_true", help="find hint words with the pure-Python search")
    args = ap.parse_args(argv)
    docs = lines = 0
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for record, _ in answers(args.docs, args.seed, not args.no_hyperscan):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                docs += 1
        print(f"wrote {docs} answers to {args.dump}")
        return 0
    differ = lines_in = 0
    with args.compare.open(encoding="utf-8") as old:
        for (record, n_lines), line in zip(
            answers(args.docs, args.seed, not args.no_hyperscan), old, strict=True
        ):
            docs += 1
            lines_in += n_lines
            lines += len(record["removed"])  # type: ignore[arg-type]
            if json.loads(line) != json.loads(json.dumps(record, ensure_ascii=False)):
                differ += 1
                if differ <= 5:
                    print(f"differs: {record['catalogue']} {record['id']}")
    print(f"{docs} answers compared ({lines_in} input lines, {lines} removed lines): {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
