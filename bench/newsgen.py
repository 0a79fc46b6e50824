"""Deterministic synthetic news documents for speed and memory benchmarks.

Each document is a story of about 500 words (a headline, a dateline, paragraphs
of sentences drawn from a Zipf-weighted vocabulary of made-up words plus
English function words) wrapped in its outlet's fixed header and footer lines
and a few lines of page cruft (share buttons, ads, copyright). About a fifth of
the documents are wire copies of a story published shortly before by another
outlet: new headline, trimmed tail, a local line added. The same ``seed`` and
index always give the same document, so runs are comparable; documents are
made one at a time (:func:`generate`), so a million of them stream to disk in
constant memory.

Record: ``{"id", "text", "source", "date", "story"}`` (``story`` is the
original's index for a copy, the document's own index otherwise).

    python bench/newsgen.py --docs 1000000 -o /tmp/news-1m.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from itertools import accumulate

_FUNCTION_TEXT = (
    "the of and to in a is that for on was with said as by at from it his has have be are "
    "an he its but not were had been which they will this who their or would after also new "
    "more than up over two about into year one other last first some its people government "
    "on Tuesday on Monday on Wednesday officials told reporters percent million according"
)
FUNCTION_WORDS = _FUNCTION_TEXT.split()
SYLLABLES = [c + v for c in "bklmnrstvz" for v in "aeiou"] + [v + c for v in "aeio" for c in "nrl"]
CRUFT = (
    "Share this article",
    "Share on Facebook Share on Twitter Email",
    "Advertisement",
    "Click to copy",
    "Read more:",
    "Sign up for our daily newsletter",
    "Copyright 2024 Reuters. All rights reserved.",
    "Related Topics",
)
WIRE_SHARE = 0.2
# A copy reprints a story from at most this many documents earlier.
WIRE_WINDOW = 2000


class NewsGenerator:
    """Document ``i`` of a deterministic synthetic news corpus (see module doc)."""

    def __init__(self, seed: int = 0, vocabulary: int = 30_000, outlets: int = 200):
        rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        made = sorted(words)
        rng.shuffle(made)
        self.words = FUNCTION_WORDS + made
        # Zipf weights: a few words everywhere, most words rare.
        self.cum = list(accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))))
        self.outlets = [
            (
                f"{''.join(rng.choice(SYLLABLES) for _ in range(3))}news.com",
                f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)} Daily | Local news, weather, sports",
                f"© 2024 {rng.choice(SYLLABLES).title()} Media Group. Contact us | Privacy | Terms",
            )
            for _ in range(outlets)
        ]
        self.seed = seed

    def _sentence(self, rng: random.Random) -> str:
        words = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(8, 28))
        words[0] = words[0].title()
        if rng.random() < 0.3:
            words.insert(rng.randrange(1, len(words)), "said")
        return " ".join(words) + "."

    def _story(self, index: int) -> tuple[str, list[str]]:
        rng = random.Random(f"{self.seed}:story:{index}")
        title = self._sentence(rng)[:-1]
        paragraphs: list[str] = []
        count = 0
        while count < 470:
            paragraph = " ".join(self._sentence(rng) for _ in range(rng.randint(1, 4)))
            count += paragraph.count(" ") + 1
            paragraphs.append(paragraph)
        return title, paragraphs

    def document(self, index: int) -> dict[str, object]:
        """Record ``index`` of the corpus."""
        rng = random.Random(f"{self.seed}:doc:{index}")
        story = index
        if index > 10 and rng.random() < WIRE_SHARE:
            story = index - rng.randint(1, min(index, WIRE_WINDOW))
            story = story if random.Random(f"{self.seed}:doc:{story}").random() >= WIRE_SHARE else story - 1
        title, paragraphs = self._story(story)
        if story != index:
            title = self._sentence(rng)[:-1]
            paragraphs = paragraphs[: max(3, len(paragraphs) - rng.randint(0, 3))]
            if rng.random() < 0.5:
                paragraphs.insert(0, self._sentence(rng))
        source, header, footer = self.outlets[rng.randrange(len(self.outlets))]
        day = 1 + index % 28
        lines = [header, title, f"By {rng.choice(self.words).title()} {rng.choice(self.words).title()}"]
        lines.append(f"March {day}, 2024")
        for paragraph in paragraphs:
            lines.append(paragraph)
            if rng.random() < 0.08:
                lines.append(rng.choice(CRUFT))
        lines += [rng.choice(CRUFT), footer]
        return {
            "id": f"doc-{index:07d}",
            "text": "\n\n".join(lines),
            "source": source,
            "date": f"2024-03-{day:02d}",
            "story": story,
        }


def generate(count: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """The first ``count`` documents, one at a time."""
    gen = NewsGenerator(seed)
    for index in range(count):
        yield gen.document(index)


def write_jsonl(path: str, count: int, seed: int = 0) -> int:
    """Write ``count`` documents to ``path``; returns the bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in generate(count, seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    size = write_jsonl(args.output, args.docs, args.seed)
    print(f"wrote {args.docs} documents, {size / 1e6:.1f} MB, to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
