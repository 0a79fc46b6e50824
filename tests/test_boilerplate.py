"""Corpus-learned boilerplate: per-source recurring lines go, wire sentences stay."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean_text
from cleaner.boilerplate import BoilerplateModel
from cleaner.cli import main

WIRE = "The central bank raised its main interest rate by half a point on Tuesday, officials said."


def story(i: int) -> str:
    return f"Town council meeting number {i} approved the budget for road repairs, the mayor said."


def test_recurring_lines_of_one_source_are_learned() -> None:
    docs = [("Gazette", f"Gazette Online · Since 1887\n{story(i)}") for i in range(6)]
    model = BoilerplateModel().fit(docs)
    assert model.for_source("Gazette")("Gazette Online · Since 1887", False)
    assert not model.for_source("Gazette")(story(1), True)
    assert not model.for_source("Herald")("Gazette Online · Since 1887", False)


def test_wire_sentences_shared_across_sources_are_never_learned() -> None:
    docs = [(source, f"{WIRE}\n{story(i)}") for i, source in enumerate(["A", "A", "A", "B", "B", "B"])]
    model = BoilerplateModel().fit(docs)
    assert not model.for_source("A")(WIRE, True)


def test_without_source_only_non_sentences_are_learned() -> None:
    docs = [(None, f"Read our weekly digest\n{WIRE}\n{story(i)}") for i in range(6)]
    model = BoilerplateModel().fit(docs)
    assert model.for_source(None)("Read our weekly digest", False)
    assert not model.for_source(None)(WIRE, True)


def test_rare_lines_are_not_learned() -> None:
    docs = [("G", f"Special report\n{story(i)}") for i in range(2)] + [("G", story(i)) for i in range(2, 20)]
    assert not BoilerplateModel().fit(docs).for_source("G")("Special report", False)


def test_cli_removes_an_outlets_fixed_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {
            "id": str(i),
            "source": "Gazette",
            "text": f"THE GAZETTE — YOUR TOWN\n{story(i)}\nGazette Media Group 1887",
        }
        for i in range(5)
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(main, ["clean", str(src), "--explain"])
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["text"] == story(int(record["id"]))
        assert {r["rule"] for r in record["removed"]} == {"boilerplate/corpus-repeated"}


def test_cli_no_boilerplate_keeps_recurring_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": str(i), "source": "G", "text": f"{story(i)}\nGazette Media Group 1887"} for i in range(5)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    for flags, kept in (([], False), (["--no-boilerplate"], True)):
        result = CliRunner().invoke(main, ["clean", str(src), *flags])
        assert result.exit_code == 0, result.output
        texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
        assert all(("Gazette Media Group 1887" in text) is kept for text in texts), flags


def test_furniture_shared_across_sources_is_learned_in_different_stories() -> None:
    docs = [
        (f"site{i}.com", f"Tap to hear it read aloud\nStory number {i} happened today, a spokesman said.")
        for i in range(4)
    ]
    test = BoilerplateModel().fit(docs).for_source("other.com")
    assert test("Tap to hear it read aloud", False) == "boilerplate/cross-source"
    assert test("Story number 1 happened today, a spokesman said.", True) is None


def test_subhead_of_one_wire_story_across_outlets_is_not_learned() -> None:
    wire = "The ministry said the talks would resume in Geneva next week after a pause of two months."
    docs = [(f"site{i}.com", f"WHAT COMES NEXT\n{wire}") for i in range(5)]
    assert BoilerplateModel().fit(docs).for_source("site0.com")("WHAT COMES NEXT", False) is None


NAMES = ["Jane Roe", "Omar Haddad", "Li Wei", "Ana Costa", "Tom Berg", "Sara Lind"]


def test_templates_shared_across_sources_are_learned_with_any_filling() -> None:
    docs = [
        (f"site{i % 3}.com", f"Written by {name}\nStory number {i} happened today, a spokesman said.")
        for i, name in enumerate(NAMES)
    ]
    test = BoilerplateModel().fit(docs).for_source("other.com")
    assert test("Written by Maria Alvarez", False) == "boilerplate/cross-source-template"
    assert test("Written off by analysts", False) is None  # no slot where the template has one


def test_templates_of_sentences_are_never_learned() -> None:
    # Article sentences follow templates too; only furniture is learned.
    docs = [
        (f"site{i % 3}.com", f"Shares of {name} Corp fell {i} percent.\nStory {i}.")
        for i, name in enumerate(NAMES)
    ]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    assert test("Shares of Acme Corp fell 9 percent.", True) is None


def test_templates_need_several_stories() -> None:
    docs = [(f"site{i % 3}.com", f"Written by {name}\n{WIRE}") for i, name in enumerate(NAMES)]  # one story
    assert BoilerplateModel().fit(docs).for_source("site0.com")("Written by Maria Alvarez", False) is None


def test_a_headline_shaped_like_a_learned_template_stays(tmp_path: Path) -> None:
    # "Japan <...>" is learned from the related links at the foot of each page,
    # but above the body a line whose words the story uses is its headline.
    rows = [
        {
            "id": str(i),
            "source": f"site{i % 3}.com",
            "text": (
                f"Japan Wants {name} Deal\n"
                f"Japan wants a trade deal with {name} before the summit in May, officials in Tokyo said.\n"
                f"Japan Says {name} Left"
            ),
        }
        for i, name in enumerate(NAMES)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(main, ["clean", str(src), "--explain"])
    assert result.exit_code == 0, result.output
    for line, row in zip(result.stdout.splitlines(), rows):
        record = json.loads(line)
        assert record["title"] == row["text"].splitlines()[0]
        rules = {r["rule"] for r in record["removed"]}
        assert rules == {"title/headline", "boilerplate/cross-source-template"}


def test_loose_templates_are_trusted_outside_the_body_only() -> None:
    # "<Name> on assignment" has no fixed first word: a loose template.
    docs = [
        (f"site{i % 3}.com", f"{name} on assignment\nStory number {i} happened today, a spokesman said.")
        for i, name in enumerate(NAMES)
    ]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    assert test("Maria Alvarez on assignment", False) == "boilerplate/cross-source-shape"
    body = ["The port authority approved a plan on Monday to widen the main shipping channel."] * 2
    text = "\n".join(
        [
            "Port plan approved",
            "Maria Alvarez on assignment",
            body[0],
            "Harbour Works on assignment",
            body[1],
        ]
    )
    removed = {r.line: r.rule for r in clean_text(text, boilerplate=test).removed}
    assert removed["Maria Alvarez on assignment"] == "boilerplate/cross-source-shape"
    assert "Harbour Works on assignment" not in removed  # inside the body


def test_short_sentences_count_as_templates_outside_the_body() -> None:
    docs = [
        (
            f"site{i % 3}.com",
            f"About {i + 2} minutes to read.\nStory number {i} happened today, a spokesman said.",
        )
        for i in range(6)
    ]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    assert test("About 9 minutes to read.", True) == "boilerplate/cross-source-shape"
    assert test("About 9 minutes to read, and then some more words after it.", True) is None  # prose


def test_sentence_templates_that_end_pages_are_trailers() -> None:
    outlets = ["Harbour Post", "Valley Times", "Coast Herald", "River News", "Bay Daily", "Hill Gazette"]
    docs = [
        (
            f"site{i % 3}.com",
            f"{story(i)} It was the first such vote in years, and more are planned.\n"
            f"Seen first in the {outlet} on a Friday morning.",
        )
        for i, outlet in enumerate(outlets)
    ]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    assert test("Seen first in the Metro Star on a Friday morning.", True) == "boilerplate/trailer-template"
    ending = "Seen first in the Metro Star on a Friday morning."
    paragraph = f"{story(9)} It was the first such vote in years, and more are planned."
    kept_inside = clean_text(f"Vote held\n{ending}\n{paragraph}", boilerplate=test)
    assert ending in kept_inside.text  # before the article has ended: not a trailer
    assert ending not in clean_text(f"Vote held\n{paragraph}\n{ending}", boilerplate=test).text


def test_sentence_templates_found_inside_articles_are_not_trailers() -> None:
    docs = [
        (
            f"site{i % 3}.com",
            f"Shares of {name} Corp fell {i} percent on the day.\n{story(i)} " + "More words. " * 3,
        )
        for i, name in enumerate(NAMES)
    ]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    assert test("Shares of Acme Corp fell 9 percent on the day.", True) is None


def test_a_subhead_made_of_the_storys_words_survives_a_learned_template() -> None:
    # "Japan <...>" links at the foot of pages teach the template "japan C".
    docs = [(f"site{i % 3}.com", f"{story(i)}\nJapan Says {name} Left") for i, name in enumerate(NAMES)]
    test = BoilerplateModel().fit(docs).for_source("site0.com")
    body = [
        "Japan and its ports agreed on Monday to widen the main shipping channel near Tokyo.",
        "The channel works will take two years, the ports authority said in a statement.",
    ]
    text = "\n".join(
        ["Ports deal agreed", body[0], "Japan Channel Works Agreed", body[1], "Japan Says Omar Left"]
    )
    doc = clean_text(text, boilerplate=test)
    assert "Japan Channel Works Agreed" in doc.text
    assert "Japan Says Omar Left" not in doc.text
