#!/usr/bin/env python3
"""One line of cruft at a time, in wordings no rule spells out, placed in real stories.

The text-cleaning benchmark (``text_cleaning.py``) cleans whole generated pages in
batches, where repeated furniture can also be learned across documents. This check
asks a narrower question: does a single line of cruft go when it sits in a story's
tail or between its paragraphs, in one document cleaned alone (no corpus to learn
from, as ``clean_text`` sees it)? And does every paragraph of the story stay?

The phrasings below were written for this check from pages of the kind news
crawls hold (not taken from any benchmark pool). They were written in rounds and
the rules were extended after each round, so the figure for the whole list is no
test of generalisation; the README gives each round's figure before and after.

    python bench/written_phrasings.py --data ../shared/bench/reuters21578 [--stories 20] [--show]
"""

# ruff: noqa: E501  (the phrasings are data, one per line)
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cruftgen

from cleaner import clean_text

PHRASINGS: dict[str, list[str]] = {
    "newsletter": [
        "Get our free Morning Briefing newsletter delivered to your inbox every weekday.",
        "Want more stories like this? Sign up for The Daily Digest.",
        "Enter your email address to receive our top stories",
        "Stay informed. Subscribe to our free daily email.",
        "Never miss a story: get the Evening Edition in your inbox",
        "Like this article? Get more like it in your inbox every morning.",
        "Join 250,000 readers who get our markets newsletter",
        "Sign up for breaking news alerts",
        "The best of our journalism, straight to your inbox",
        "Subscribe to The Briefing",
        "Get the latest headlines sent to you daily",
        "Newsletter sign-up",
        "Our weekly newsletter is free. Sign up here.",
        "Receive the top business stories each morning by email.",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Thank you for subscribing!",
        "You have been successfully subscribed.",
        "Please enter a valid email address.",
        "Sign up to receive our Politics Weekly email",
        "Don't miss out: subscribe to Morning Markets",
        "Get breaking news alerts on your phone",
        "Start your day with the news that matters. Sign up now.",
        "Get the best of our coverage in your inbox",
        "Your weekly guide to the economy, free in your inbox",
        "Email newsletter",
        "Subscribe for free",
        "Sign me up",
        "Success! You're on the list.",
        "Check your inbox to confirm your subscription.",
        "Invalid email address",
        "We'll send you our top stories every morning.",
        "Sign up for our Climate Fwd newsletter",
        "Get the Evening Wrap in your inbox",
        "Subscribe to our podcast newsletter for updates",
        "Sign up now to receive Business Daily",
        "Want the news delivered? Subscribe to our daily email",
        "You're subscribed!",
        "Please check your email to confirm",
        "Get alerts for this topic",
        "Join our mailing list",
        "First Look: the day's top stories, every morning",
        "Sign up for The Morning Report, a free daily newsletter with the most important business and economic news from around the world, delivered before 7 a.m.",
        "Our award-winning weekly newsletter brings you the best analysis of markets, policy and technology, and it is completely free for all readers.",
        "If you enjoyed this story, you can get more articles like it by signing up for our free email newsletter, which comes out every Tuesday and Friday.",
        "To receive the latest updates on this and other stories, enter your email address below and click the subscribe button at the bottom of the page.",
        "Every weekday evening, our editors pick the five stories you need to know about and send them straight to thousands of readers across the country.",
        "Want to stay ahead of the news? Join more than 100,000 professionals who start their day with our concise morning briefing on energy and commodities.",
        "The Week in Review newsletter gathers our most-read stories, best photography and sharpest commentary in one place, every Saturday morning.",
        "Get unlimited access to our journalism and exclusive newsletters by subscribing today for just one dollar a week for the first three months.",
    ],
    "donate": [
        "Support independent journalism. Donate today.",
        "If you value our reporting, please consider making a contribution.",
        "Your gift helps keep our newsroom independent.",
        "Become a member today and support local news.",
        "Chip in $5 to keep this reporting free for everyone.",
        "We rely on readers like you. Give now.",
        "Make a one-time or monthly gift",
        "Readers like you make this work possible.",
        "Before you go: our journalism is funded by readers. Will you help?",
        "Support our work",
        "Help us keep local journalism alive. Donate now.",
        "Support our nonprofit newsroom today.",
        "Give $10 a month to support fact-based reporting.",
        "Join our members and help fund investigative reporting.",
        "Donations are tax-deductible.",
        "Every contribution, big or small, makes a difference.",
        "Donate to support our newsroom",
        "Support quality journalism: become a subscriber today.",
        "Make your tax-deductible gift today.",
        "Help keep this story free. Support us.",
        "Your support matters",
        "Support our reporting.",
        "Keep journalism free.",
        "Fund independent news.",
        "Join our supporters today.",
        "Give what you can.",
        "Power our newsroom.",
        "Stand with local news.",
    ],
    "trailer": [
        "This story was originally published by The Texas Tribune.",
        "Copyright 2024 Nexstar Media Inc. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Have a news tip? Email us at tips@example.com.",
        "Follow our live coverage for the latest updates.",
        "This report was produced with support from the Pulitzer Center.",
        "Contact the reporter at jdoe@example.com or on Twitter @jdoe.",
        "For more news, visit our homepage.",
        "Got a story idea? Let us know.",
        "More from the Business desk",
        "This is a developing story and will be updated.",
        "Editor's note: This article has been updated to include comment from the company.",
        "This is a breaking news story. Check back for updates.",
        "Stay tuned for more updates on this developing story.",
        "Read our live blog for the latest.",
        "Do you have a story to share? Contact our newsroom.",
        "Questions or comments? Write to us.",
        "This article was produced by the Economic Hardship Reporting Project.",
        "Reporters for this story can be reached at news@example.org.",
        "Corrections and clarifications: email corrections@example.com",
        "Check back later for more on this developing story.",
        "We will update this story as more information becomes available.",
        "This story is part of our ongoing coverage of the energy transition, supported by a grant from a philanthropic foundation that has no editorial control.",
        "Our reporters follow strict editorial guidelines, and every story we publish is checked by at least two editors before it appears on the site.",
        "If you have information about this story or any other matter of public interest, our investigations team can be contacted securely and confidentially.",
        "This article was written with the help of a reporting fellowship and was edited by members of the national desk in the capital.",
        "We welcome letters to the editor on this and other topics; please include your full name, address and a daytime telephone number.",
        "The newsroom operates independently of the advertising department, and sponsors have no influence over the stories our journalists choose to cover.",
    ],
    "social": [
        "Follow us on Facebook, Twitter and Instagram",
        "Like us on Facebook",
        "Join the conversation on Twitter",
        "Share on WhatsApp",
        "Follow @ReutersBiz on X for the latest business news",
        "Find us on Instagram",
        "Share this story",
        "Tweet",
        "Pin it",
        "Email this article",
        "Follow The Ledger on Facebook",
        "Connect with us on LinkedIn",
        "Subscribe to our YouTube channel",
        "Share via Email",
        "Join our Telegram channel for updates",
        "Follow us on Threads",
        "Like our page on Facebook for the latest news",
        "Share on Facebook",
        "Follow the author on X",
        "Send us your photos on WhatsApp",
        "Listen on Spotify",
        "Watch The Ledger on YouTube",
        "Our Instagram: @theledger",
        "The Ledger on Facebook",
        "Stay connected: Facebook | X | LinkedIn",
        "Find The Ledger on Mastodon",
        "Get our updates on WhatsApp",
        "Follow The Ledger Business desk on X for more",
        "Share this article via WhatsApp or Telegram",
        "Discuss on Reddit",
        "Add us on Google News",
        "Star us on Google News",
    ],
    "ad": [
        "ADVERTISEMENT",
        "Sponsored content",
        "Paid partner content",
        "Continue reading the main story",
        "Scroll to continue with content",
        "Ad",
        "Article continues after this ad",
        "Promoted stories",
        "Recommended by Outbrain",
        "Skip Ad",
        "Advertisement - Scroll to continue",
        "Sponsored Links",
        "Partner content by Acme",
        "Ads by Taboola",
        "Article continues below",
        "Content continues below advertisement",
        "Advertisement · Scroll to continue",
        "Sponsored by Acme Bank",
        "Article continues after advertisement",
        "Content by Taboola",
        "Promoted content",
        "Ad content",
        "Advertiser content from Acme",
        "Commercial content",
        "This content is paid for by Acme",
        "Sponsored article",
        "Promotion",
        "Anzeige: Acme Bank",
        "AD - CONTENT CONTINUES BELOW",
    ],
    "cookie": [
        "We use cookies to improve your experience on our site.",
        "By continuing to browse, you agree to our use of cookies.",
        "Accept all cookies",
        "Manage cookie preferences",
        "This site uses cookies. Learn more.",
        "We and our partners process personal data to personalise content and ads.",
        "Reject all",
        "Cookie settings",
        "This website uses cookies to ensure you get the best experience.",
        "You consent to our cookies if you continue to use our website.",
        "Accept and close",
        "Your privacy choices",
        "We use cookies and similar technologies.",
        "We use cookies to personalise content and ads.",
        "Click accept to continue",
        "I accept cookies",
        "Privacy settings",
        "By using this site you consent to cookies.",
        "Your cookie choices",
        "Only necessary cookies",
        "Customize settings",
        "Allow selection",
        "This site uses functional cookies and external scripts to improve your experience.",
        "We and selected third parties collect personal information as specified in the privacy policy.",
        "Do not sell or share my personal information",
        "Privacy & cookies",
        "We care about your data",
        "Manage consent",
        "Necessary cookies only",
        "Save and exit",
        "Your data, your choice",
        "Ad choices",
        "If you continue to use this site, we will assume that you are happy with it.",
        "By clicking any link on this page, you are giving your consent for us to set them.",
        "To give you the best possible experience, this site stores small files on your computer.",
        "We and our vendors store and access information on a device, such as unique IDs.",
        "With your permission, we may use precise geolocation data and identification through device scanning.",
        "You can change your preferences at any time by returning to this site or visiting our privacy policy.",
        "By clicking Accept, you consent to the use of all technologies described above.",
        "Some of these are essential, while others help us improve your experience.",
        "To find out more, including how to control them, see our privacy notice.",
        "If you decline, your information won't be tracked when you visit this website.",
    ],
    "tags": [
        "Topics: Oil, Middle East, OPEC",
        "Filed under: Energy, Markets",
        "Related topics: Banking · Interest rates · Fed",
        "More on: China trade",
        "Tagged: economy, jobs, unemployment",
        "Categories: World, Business",
        "Topics covered: trade, tariffs",
        "Explore: Energy · Oil · OPEC",
        "In this story: Acme Corp, Beta Inc",
        "Read more about: Oil prices",
        "Oil, OPEC, Saudi Arabia, Energy",
        "Oil | OPEC | Saudi Arabia",
        "#oil #opec #energy",
        "Keywords - oil, opec, energy",
        "Related: Oil, OPEC",
        "Subjects Oil and gas; Commodities",
        "More about Oil prices and OPEC",
        "See all stories on Energy",
        "Browse: Energy, Commodities",
        "Location: Riyadh, Saudi Arabia",
        "Companies: Saudi Aramco, Exxon Mobil",
        "People: Mohammed bin Salman",
        "Section: Business",
        "Sections Markets Commodities",
        "Follow this topic",
        "Follow topics and authors",
        "Filed in: Markets > Commodities",
    ],
    "credit": [
        "Reporting by Jane Doe in London; Editing by Mark Potter",
        "Writing by Tom Brown; editing by Alison Williams",
        "(Additional reporting by Ana Lima in Sao Paulo)",
        "Reporting by Jane Doe and Sam Lee; Writing by Tom Brown; Editing by Ed Osmond",
        "Reporting By Jane Doe; Editing By Chris Reese",
        "-- Reporting by Jane Doe, Editing by Ed Osmond",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Compiled by Jane Doe for the Daily Planet",
        "Reporter: Jane Doe. Editor: Mark Potter.",
        "Text: Jane Doe / Photos: Sam Lee",
        "Story by Jane Doe, photographs by Sam Lee",
        "Words by Jane Doe",
        "Edited by Mark Potter",
        "(Reuters) Reporting by Jane Doe",
        "Jane Doe reported from London. Sam Lee contributed from Paris.",
        "Jane Doe is a business reporter at the Daily Planet.",
        "Jane Doe covers energy for the Daily Planet. Reach her at jdoe@planet.com.",
    ],
    "read_time": [
        "Reading time: 4 minutes",
        "4-minute read",
        "Approx. 6 min read",
        "Est. reading time 3 min",
        "6 minutes to read",
        "Read in 5 minutes",
        "Time to read: 2 mins",
    ],
    "related": [
        "More in Business",
        "Latest in Markets",
        "Trending now",
        "You might also be interested in",
        "Don't miss these stories",
        "More stories from The Ledger",
        "What we're reading",
        "Further coverage",
        "Also in the news",
        "Keep reading",
    ],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=cruftgen.DEFAULT_DATA, help="directory holding reut2-*.sgm")
    ap.add_argument("--stories", type=int, default=20, help="stories each line is placed in")
    ap.add_argument("--show", action="store_true", help="print the lines kept")
    args = ap.parse_args(argv)
    stories = [s for s in cruftgen.load_stories(args.data) if len(s.paragraphs) >= 4][: args.stories]
    placed: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    kept_lines: Counter[tuple[str, str]] = Counter()
    paragraphs = paragraphs_kept = 0
    for story in stories:
        for category, lines in PHRASINGS.items():
            for line in lines:
                for where in ("tail", "middle"):
                    body = list(story.paragraphs)
                    at = len(body) if where == "tail" else len(body) // 2
                    text = "\n\n".join([story.title, *body[:at], line, *body[at:]])
                    out = clean_text(text).text.split("\n")
                    placed[category] += 1
                    if line in out:
                        kept_lines[(category, line)] += 1
                    else:
                        removed[category] += 1
                    paragraphs += len(body)
                    paragraphs_kept += sum(p in out for p in body)
    print(f"{len(stories)} Reuters stories; each line placed in each story's tail and middle")
    print(f"{'category':<12} {'lines':>5} {'removed':>8}")
    for category, lines in PHRASINGS.items():
        print(f"{category:<12} {len(lines):>5} {removed[category] / placed[category]:>8.3f}")
    total = sum(placed.values())
    print(f"{'all':<12} {sum(len(v) for v in PHRASINGS.values()):>5} {sum(removed.values()) / total:>8.3f}")
    print(f"story paragraphs kept intact: {paragraphs_kept / paragraphs:.4f} of {paragraphs:,}")
    if args.show:
        for (category, line), count in sorted(kept_lines.items()):
            print(f"  kept {count:>3}x  {category:<10} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
