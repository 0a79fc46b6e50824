"""The three seed reports of 24 November 2018 (Aleppo): what cleaning must show."""

from __future__ import annotations

from pathlib import Path

from cleaner import Deduplicator, clean_text, compare
from cleaner.tokens import tokens

from .conftest import paragraphs

AP_FOOTER = "All contents © copyright 2019 The Associated Press. All rights reserved."


def clean_sample(samples: Path, name: str):
    path = next(samples.glob(f"{name}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    return raw, clean_text(raw, id=str(path))


def test_000_buttons_and_ap_footer_removed_metadata_found(samples: Path) -> None:
    raw, doc = clean_sample(samples, "000")
    assert "Click to copy" not in doc.text
    assert AP_FOOTER not in doc.text
    assert doc.title == "U.S. watching Syria closely as new chemical weapons allegations swirl"
    assert doc.date == "2018-11-26"
    cruft = {"Click to copy", AP_FOOTER, doc.title, "November 26, 2018"}
    article = [p for p in paragraphs(raw) if p not in cruft]
    assert paragraphs(doc.text) == article  # every paragraph kept, verbatim, in order
    rules = {r.line: r.rule for r in doc.removed}
    assert rules["Click to copy"].startswith("share/")
    assert rules[AP_FOOTER].startswith("copyright/")


def test_002_breadcrumb_removed_title_found(samples: Path) -> None:
    raw, doc = clean_sample(samples, "002")
    assert "Breadcrumb" not in doc.text
    assert doc.title == "US accuses Russia of fabricating Syria chemical attack story"
    article = [p for p in paragraphs(raw) if p not in {"Breadcrumb", doc.title}]
    assert paragraphs(doc.text) == article


def test_004_repeated_caption_and_desk_trailer_removed(samples: Path) -> None:
    raw, doc = clean_sample(samples, "004")
    lines = paragraphs(raw)
    caption, caption_with_credit, trailer = lines[0], lines[1], lines[-1]
    assert caption_with_credit.endswith("attackReuters")
    assert trailer.startswith("(Arutz Sheva")
    for cruft in (caption, caption_with_credit, trailer):
        assert cruft not in paragraphs(doc.text)
    assert paragraphs(doc.text) == lines[2:-1]
    rules = {r.line: r.rule for r in doc.removed}
    assert rules[caption_with_credit].startswith("caption/")
    assert rules[trailer].startswith("trailer/")


def test_seeds_are_three_clusters(samples: Path) -> None:
    docs = [clean_sample(samples, name)[1] for name in ("000", "002", "004")]
    result = Deduplicator().run(docs)
    assert len(result.clusters) == 3
    assert all(m.representative for m in result.members)


def test_002_and_004_share_the_state_department_passage(samples: Path) -> None:
    _, a = clean_sample(samples, "002")
    _, b = clean_sample(samples, "004")
    result = compare(a.text, b.text)
    assert result.jaccard < 0.2  # they quote the same wire passages without being copies
    texts = [p.text for p in result.passages]
    assert any(
        t.startswith("We caution Russia and the regime against tampering with the suspected attack site")
        for t in texts
    )
    for p in result.passages:
        assert a.text[p.a_start : p.a_end] == p.text
        assert tokens(b.text[p.b_start : p.b_end]) == tokens(p.text)  # same words, maybe other quotes
