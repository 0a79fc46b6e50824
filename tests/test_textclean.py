"""The text cleaner by category: cruft goes, look-alike sentences stay."""

from __future__ import annotations

import pytest

from cleaner import clean_text

BODY = [
    "The central bank raised its main interest rate by half a point on Tuesday, officials said.",
    "Inflation has run above the bank's target for two years, according to official figures.",
    "Economists had expected a smaller increase, and the currency rose after the decision.",
]


def wrap(head: list[str], middle: list[str], tail: list[str]) -> str:
    return "\n\n".join([*head, "Bank raises rates again", BODY[0], *middle, BODY[1], BODY[2], *tail])


@pytest.mark.parametrize(
    "line, where",
    [
        ("Home > Business > Economy", "head"),
        ("Share this article", "head"),
        ("Tap to share", "head"),
        ("Listen to this article 4 min", "head"),
        ("By Jane Smith, Reuters", "head"),
        ("5 min read", "head"),
        ("Updated 2 hours ago", "head"),
        ("Advertisement", "middle"),
        ("Story continues below advertisement", "middle"),
        ("Sign up for our daily business newsletter", "middle"),
        ("Download the Daily Planet app", "middle"),
        ("Follow us on Instagram", "tail"),
        ("We use cookies to give you the best experience. By browsing you accept our cookie policy.", "tail"),
        ("(Reporting by John Doe; Editing by Jane Roe)", "tail"),
        ("Copyright 2024 Thomson Reuters. All rights reserved.", "tail"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "tail"),
        ("Tags: banks, inflation, rates", "tail"),
        ("This article originally appeared on example.com", "tail"),
        ("Thanks for signing up!", "tail"),
        ("Tags Interest rates, Currencies, West Germany", "tail"),
        ("Fri, Mar 13 · 7:36 a.m.", "head"),
        ("Published: March 17, 1987 at 10:02 a.m.", "head"),
        ("From our correspondent in London", "head"),
        ("Hong Kong, 3 March (dpa)", "head"),
        ("Story continues below advertisement.", "middle"),
        ("Listen to this article 2 min.", "head"),
        ("Continue reading the main story.", "tail"),
        ("The views expressed in this article are those of the author.", "tail"),
        ("ProPublica is a nonprofit newsroom that investigates abuses of power.", "tail"),
        ("This story was made possible by a grant from the Knight Foundation.", "tail"),
        # prompts in shapes no rule spells out word for word
        ("Like this article? Get more like it in your inbox every morning.", "tail"),
        ("Newsletter sign-up", "middle"),
        ("Please enter a valid email address.", "tail"),
        ("You have been successfully subscribed.", "tail"),
        ("Get the latest headlines sent to you daily", "middle"),
        ("Every weekday evening, our editors pick the five stories you need to know about.", "tail"),
        ("Chip in $5 to keep this reporting free for everyone.", "tail"),
        ("Make a one-time or monthly gift", "middle"),
        ("Keep journalism free.", "tail"),
        ("By continuing to browse, you agree to our use of cookies.", "tail"),
        ("Click accept to continue", "tail"),
        ("Paid partner content", "middle"),
        ("Recommended by Outbrain", "tail"),
        ("Scroll to continue with content", "middle"),
        ("Got a story idea? Let us know.", "tail"),
        ("This is a breaking news story. Check back for updates.", "middle"),
        ("We will update this story as more information becomes available.", "middle"),
        ("Advertisement · Scroll to continue", "middle"),
        ("Advertisement - Scroll to continue", "tail"),
        ("Advertiser content from Acme", "middle"),
        ("This content is paid for by Acme", "tail"),
        ("Listen on Spotify", "tail"),
        ("Our Instagram: @theledger", "tail"),
        ("We and third parties collect personal information as set out in our privacy policy.", "tail"),
        ("Allow selection", "tail"),
        ("Topics covered: trade, tariffs", "tail"),
        ("Edited by Mark Potter", "tail"),
        ("(Reuters) Reporting by Jane Doe", "tail"),
        ("Story by Jane Doe, photographs by Sam Lee", "tail"),
        ("Reporter: Jane Doe. Editor: Mark Potter.", "tail"),
        ("Jane Doe is a business reporter at the Daily Planet.", "tail"),
        ("Jane Doe covers energy for the Daily Planet. Reach her at jdoe@planet.com.", "tail"),
        ("Jane Doe reported from London. Sam Lee contributed from Paris.", "tail"),
        ("Est. reading time 3 min", "head"),
        ("Don't miss these stories", "tail"),
        ("Browse: Energy, Commodities", "tail"),
        ("Keywords - oil, opec, energy", "tail"),
        ("See all stories on Energy", "tail"),
        ("Follow this topic", "tail"),
        ("Manage consent", "tail"),
        ("Privacy & cookies", "tail"),
        ("If you continue to use this site, we will assume that you are happy with it.", "tail"),
        ("By clicking Accept, you consent to the use of all technologies described above.", "head"),
        ("We and our vendors store and access information on a device, such as unique IDs.", "tail"),
    ],
)
def test_cruft_line_removed_with_a_rule(line: str, where: str) -> None:
    text = wrap(
        [line] if where == "head" else [],
        [line] if where == "middle" else [],
        [line] if where == "tail" else [],
    )
    doc = clean_text(text)
    assert line not in doc.text
    assert any(r.line == line for r in doc.removed)
    for sentence in BODY:
        assert sentence in doc.text


@pytest.mark.parametrize(
    "line",
    [
        "Shares of the company fell 3 percent.",
        "Reuters could not independently verify the report.",
        "The company said it would print more shares next year.",
        "Follow-up talks are scheduled for Monday.",
        "Advertising revenue rose 12 percent in the quarter.",
        "The newsletter industry has grown sharply, he said.",
        '"Click here," he told the crowd, pointing at the screen.',
        "Copyright disputes have cost the industry billions, the report said.",
        "Subscribers to the service rose to 4 million.",
        "Trading resumes at 10:30 a.m.",
        "Taft stock rose 2-7/8 to 155-3/4.",
        "The Taiwan dollar opened at 34.70.",
        "Thunder: Host the Lakers on Friday.",
        "The project was funded by the World Bank, officials said.",
        "The foundation receives support from donors across the state.",
        "The company is an independent oil producer based in Texas.",
        "Fund managers cheered the news, sending shares higher.",
        "Subscribers to the service will receive an email notice next week.",
        "Readers of the newspaper's website rose 20 percent last year.",
        "Donations to the fund are tax-deductible, the charity said.",
        "We will update investors on the merger next month, the chief executive told analysts.",
        "Support for local news outlets has grown in the state legislature.",
        "Sponsored by the state, the programme will fund 200 schools.",
        "Join the protest, organisers urged residents on Tuesday.",
        "The index rose 3 percent - its biggest gain in a year.",
        "Advertising - the group's main business - fell 4 percent.",
        "Promotion for the manager came in June.",
        "Partner nations signed the accord.",
        "Commercial property prices fell.",
        "Advertising: 4.5 billion dlrs, up 3 percent.",
        "We collect personal data only with consent, the company said.",
        "John Smith is a senior analyst at Barclays in London.",
        "Jane Doe, a reporter for the Daily Planet, was detained in Tehran in 2019.",
        "Smith wrote in a note to clients that rates would fall.",
        "Photos of the damage were posted online by residents.",
        "Edited versions of the tapes were released on Monday.",
        "Companies are cutting jobs: Ford, GM and Chrysler all announced layoffs.",
        "People familiar with the matter said the talks had stalled.",
        "If you continue to lose money, the bank warned, your account will be closed.",
        "Users who decline tracking saw fewer ads, the study found.",
    ],
)
def test_look_alike_sentences_kept(line: str) -> None:
    for position in ("head", "middle", "tail"):
        text = wrap(
            [line] if position == "head" else [],
            [line] if position == "middle" else [],
            [line] if position == "tail" else [],
        )
        assert line in clean_text(text).text, position


def test_byline_and_date_move_into_fields() -> None:
    doc = clean_text(wrap(["By Jane Smith", "Published 14:05 GMT, 3 December 2018"], [], []))
    assert doc.author == "Jane Smith"
    assert doc.date == "2018-12-03"
    moved = {r.field for r in doc.removed if r.field}
    assert {"author", "date", "title"} <= moved


def test_related_list_goes_with_its_header() -> None:
    doc = clean_text(wrap([], [], ["Most read", "Ferry timetable changes", "Harbour café wins award"]))
    assert "Ferry timetable" not in doc.text
    assert doc.text.endswith(BODY[2])


def test_user_rules_extend_the_catalogue(tmp_path) -> None:
    from cleaner.rulefile import load_catalogue

    rules = tmp_path / "mine.toml"
    rules.write_text('[[rule]]\ncategory = "outlet"\nname = "motto"\npattern = "news you can trust"\n')
    doc = clean_text(wrap([], ["News you can trust"], []), catalogue=load_catalogue((str(rules),)))
    assert [r.rule for r in doc.removed if r.line == "News you can trust"] == ["outlet/motto"]


def test_cleaning_is_idempotent() -> None:
    once = clean_text(wrap(["Share this article"], ["Advertisement"], ["Tags: a, b"]))
    twice = clean_text(once.text, title=once.title)
    assert twice.text == once.text


def test_a_label_cut_with_an_ellipsis_is_not_a_sentence() -> None:
    from cleaner.textclean import is_sentence

    assert not is_sentence("Article continues below the advertisement...")
    assert is_sentence("Article continues below the advertisement.")


def test_a_caption_repeated_with_a_long_credit_goes_and_the_dateline_under_it_moves() -> None:
    caption = "Chairman Petrov gestures as he addresses the media in Seoul, South Korea, on Thu"
    text = "\n\n".join(
        [
            "Bank raises rates again",
            caption,
            f"{caption} (Photo by Marta Singh/AFP via Getty Images)",
            "BONN (AP) —",
            *BODY,
        ]
    )
    doc = clean_text(text)
    assert doc.text == "\n\n".join(BODY)
    rules = {r.line: r.rule for r in doc.removed}
    assert rules[caption] == "caption/repeated-with-credit"
    assert rules["BONN (AP) —"] == "byline/dateline-line"
    assert doc.extra["dateline"] == "BONN"


def test_a_headline_stamped_with_a_clock_time_is_a_label_not_a_sentence() -> None:
    from cleaner.lines import is_sentence

    assert not is_sentence("U.S. Leading Index Fell 1.0 Pct in January   10:01 a.m.")
    assert not is_sentence("Fri, Mar 13 · 7:36 a.m.")
    assert is_sentence("The meeting starts at 9 a.m.")


def test_a_credit_line_under_a_caption_goes_and_a_subhead_there_stays() -> None:
    caption = "Riot police stand guard outside parliament in Dublin"
    cases = (("Jane Roe/Reuters", False), ("MARTA SINGH", False), ("The central bank decision", True))
    for line, kept in cases:
        page = ["Bank raises rates again", BODY[0], caption, f"{caption} Reuters", line, BODY[1], BODY[2]]
        text = "\n\n".join(page)
        doc = clean_text(text)
        assert (line in doc.text) is kept, line
        if not kept:
            assert {r.line: r.rule for r in doc.removed}[line] == "caption/credit-line"


def test_a_headline_opening_with_a_role_word_stays_the_title() -> None:
    # "Producer" names a credit only with "by" or a colon after it
    doc = clean_text(
        wrap(["Share this story"], [], []).replace("Bank raises rates again", "U.S. Producer Prices Rise")
    )
    assert doc.title == "U.S. Producer Prices Rise"
