"""Structure: what sits above and below the body is judged by its shape, not
only by the catalogue's wordings."""

from __future__ import annotations

from cleaner import clean_text
from cleaner.rulefile import load_catalogue

BODY = [
    "The port authority approved a plan on Monday to widen the main shipping channel.",
    "Work on the channel is expected to start next spring and to take two years, it said.",
    "Shipping companies have asked for a deeper channel since larger vessels began calling.",
]


def rules_of(text: str) -> dict[str, str]:
    return {r.line: r.rule for r in clean_text(text).removed}


def test_unknown_lines_under_the_headline_go_by_structure() -> None:
    # Wordings no rule knows: a byline with a role, a foreign timestamp.
    text = "\n".join(["Port plan approved", "Mira Okonkwo · Harbour desk", "Stand 12.03.2024 08:15", *BODY])
    doc = clean_text(text)
    assert doc.title == "Port plan approved"
    assert doc.text == "\n".join(BODY)
    removed = rules_of(text)
    assert removed["Mira Okonkwo · Harbour desk"].startswith(("byline/", "structure/"))
    assert removed["Stand 12.03.2024 08:15"] == "byline/timestamp"
    assert doc.date == "2024-03-12"


def test_standfirst_and_opening_list_are_kept() -> None:
    standfirst = "Dredging the channel will let larger ships reach the inner harbour"
    items = ["- Channel depth: 14 metres", "- Cost: 90 million", "- Start: next spring"]
    doc = clean_text("\n".join(["Port plan approved", standfirst, *items, *BODY]))
    assert standfirst in doc.text
    for item in items:
        assert item in doc.text


def test_widget_label_before_the_headline_is_not_taken_for_it() -> None:
    doc = clean_text("\n".join(["Open navigation ›", "Port plan approved for the channel", *BODY]))
    assert doc.title == "Port plan approved for the channel"


def test_unknown_line_wedged_in_the_footer_goes() -> None:
    tail = [
        "Share this article",
        "Edited by the night desk team",
        "Copyright 2024 Harbour Post. All rights reserved.",
    ]
    removed = rules_of("\n".join(["Port plan approved", *BODY, *tail]))
    assert removed["Edited by the night desk team"] in ("structure/tail-residue", "credits/credit-names")


def test_list_ending_the_article_survives_cruft_below_it() -> None:
    items = [
        "June 9 – Harbour Hall, Portside",
        "June 10 – Dock Arena, Bayview",
        "June 14 – Quay Stage, Eastport",
    ]
    doc = clean_text("\n".join(["Port plan approved", *BODY, "Tour dates", *items, "Share this article"]))
    for item in items:
        assert item in doc.text
    assert "Share this article" not in doc.text


def test_headline_links_under_a_header_taken_as_cruft_go() -> None:
    # The header is in a wording no rule knows, learned as the outlet's furniture.
    links = [
        "Ferry Fares Rise for Summer Season",
        "New Lighthouse Opens to Visitors",
        "Harbour Festival Draws Record Crowd",
    ]
    text = "\n".join(["Port plan approved", *BODY, "Our picks for you", *links, "Share this article"])

    def furniture(line: str, sentence: bool) -> str | None:
        return "boilerplate/corpus-repeated" if line == "Our picks for you" else None

    doc = clean_text(text, boilerplate=furniture)
    assert doc.text == "\n".join(BODY)
    assert {r.line: r.rule for r in doc.removed}[links[0]] == "related/headline-list"
    # Without a header taken as cruft above it, the same run is the article's own list.
    assert all(link in clean_text(text).text for link in links)


def test_dateline_with_a_dash_moves_into_a_field() -> None:
    doc = clean_text("\n".join(["Port plan approved", "ROTTERDAM (Reuters) —", *BODY]))
    assert "ROTTERDAM" not in doc.text
    assert doc.extra["dateline"] == "ROTTERDAM"


def test_decorated_labels_match_like_plain_ones() -> None:
    catalogue = load_catalogue()
    plain = catalogue.match("Share this article", zone="head", sentence=False)
    dressed = catalogue.match("✉ Share this article ›", zone="head", sentence=False)
    assert plain is not None and dressed == plain


def test_combined_rule_plans_keep_the_catalogue_order() -> None:
    """Rules tried as one alternation give the answer of trying them one by one."""
    catalogue = load_catalogue()
    lines = [
        "Home > World > Europe",
        "Share on Facebook",
        "Advertisement",
        "By Jane Smith, Reuters",
        "WASHINGTON (AP) —",
        "Tags: ports, shipping",
        "Most read",
        "Accept all",
        "5 min read",
        "Photo: Jane Smith/Reuters",
        *BODY,
    ]
    for line in lines:
        for zone in (None, "head", "body", "tail"):
            for sentence in (False, True):
                expected = None
                for rule in catalogue.rules:
                    if (sentence and not rule.sentences) or (
                        zone is not None and rule.where not in ("any", zone)
                    ):
                        continue
                    if rule.hint and not any(h in line.lower() for h in rule.hint):
                        continue
                    if rule.regex.fullmatch(line):
                        expected = rule.rule
                        break
                found = catalogue.match(line, zone=zone, sentence=sentence)
                assert (found.rule if found else None) == expected, (line, zone, sentence)


def test_lines_speaking_to_the_reader_about_the_site_go_and_reporting_stays() -> None:
    catalogue = load_catalogue()
    for line in (
        "Our partners and this site store small files in your browser to measure visits.",
        "Headlines from our newsroom reach your phone as soon as they break.",
    ):
        found = catalogue.match(line, zone="body", sentence=True)
        assert found is not None and found.rule == "prompts/reader-address", line
    for line in (
        "We used data published in October by the agency for our estimates.",
        '"Our readers and our site matter," the editor said.',
        "The site is popular with readers of our age, the company told investors.",
    ):
        assert catalogue.match(line, zone="body", sentence=True) is None, line


def test_a_labelled_link_to_another_story_goes_and_the_storys_own_labels_stay() -> None:
    text = "\n".join(
        [
            "Port plan approved",
            BODY[0],
            "Worth a look: Ferry Fares Rise for Summer Season",
            "Keep reading: Port Strike Ends in Rotterdam After Talks",
            "Next steps: Channel Work Starts in Spring",
            "Q: When does the work start?",
            BODY[1],
            BODY[2],
        ]
    )
    removed = rules_of(text)
    assert removed.get("Worth a look: Ferry Fares Rise for Summer Season") == "related/other-story"
    # One word of the story ("port") does not make another story's headline its own.
    assert removed.get("Keep reading: Port Strike Ends in Rotterdam After Talks") == "related/other-story"
    assert "Next steps: Channel Work Starts in Spring" not in removed  # the story's words
    assert "Q: When does the work start?" not in removed


def test_links_to_other_stories_inside_the_body_go_and_the_storys_own_list_stays() -> None:
    links = ["Ferry Fares Rise for Summer Season", "New Lighthouse Opens to Visitors"]
    own = ["Channel Widening Starts in Spring", "Larger Vessels Expected at the Port"]

    def furniture(line: str, sentence: bool) -> str | None:
        return "boilerplate/corpus-repeated" if line == "Our picks for you" else None

    for items, kept in ((links, False), (own, True)):
        text = "\n".join(["Port plan approved", BODY[0], "Our picks for you", *items, BODY[1], BODY[2]])
        doc = clean_text(text, boilerplate=furniture)
        assert all((item in doc.text) is kept for item in items), items


def test_a_notice_no_rule_knows_does_not_start_the_body() -> None:
    notice = "Visitors here get small text files placed while browsing, as explained in detail below."
    text = "\n".join([notice, "Port plan approved", "Mira Okonkwo · Harbour desk", *BODY])
    doc = clean_text(text)
    assert doc.title == "Port plan approved"  # found above the body, below the notice
    assert doc.text.endswith("\n".join(BODY))
