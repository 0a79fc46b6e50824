"""Generate crufted plain-text news documents with line-level labels.

What it makes
-------------
Clean article text comes from Reuters-21578 (``reut2-*.sgm``, SGML, latin-1): the
``<TITLE>`` (turned from upper case into title case) and the ``<BODY>`` of stories whose
body has 150+ words, with the trailing ``" Reuter\\n&#3;"`` sign-off stripped. Body
paragraphs follow the wire's own line structure (a line indented with spaces starts a new
paragraph; wrapped lines are joined). Stories are skipped when they look like tables, are
mostly upper case, are "More" continuations, or share any paragraph with an earlier story
(so no article paragraph ever repeats inside a batch and looks like boilerplate).

Each document is one story plus *whole lines* of page cruft, placed where it sits on real
pages: navigation/breadcrumbs/share buttons/cookie banners at the top, byline/timestamp/
reading time/dateline and a photo caption under the headline, ads, "read more" links,
promos and captions between paragraphs, and reporting credits, copyright, trailers, tags,
share buttons, related/most-read lists and the site footer at the tail. Look-alike content
lines (real sentences containing cruft words, e.g. "Shares of X fell 3 percent.") are
inserted as paragraphs and must survive cleaning.

Every document belongs to an outlet (``source``, a domain name); documents of the same
outlet share that outlet's fixed header and footer lines (marked ``"fixed": true``), while
all other cruft varies per document.

Three phrasing pools, ``dev``, ``heldout`` and ``blind`` (``--pool``), use different
wordings, formats, section names, credit styles and outlet names for every category (see
``cruftgen_phrases.py``). The *layout* of document *i* (which story, which categories,
where) depends only on ``--seed``, so the pools differ only in wording. ``blind`` is kept
for a final generalisation check: do not tune rules against its phrasings.

Output (JSONL), one record per document::

    {"id": "dev-00000", "text": "...", "source": "riversideherald.com", "pool": "dev",
     "story": 1234, "lines": [{"text": ..., "label": "article"|"cruft"|"lookalike",
                                "category": ..., "fixed": true?}, ...]}

``text`` is the ``lines`` texts joined by ``"\\n"``, with an empty line between some or all
of them (varies per document; empty lines are not listed in ``lines``). Article lines have
category ``headline`` or ``paragraph``; look-alikes carry the cruft word family they mimic.

Reproduce (from the repository root)::

    python bench/cruftgen.py --data ../shared/bench/reuters21578 --pool dev --docs 2000 \\
        -o /tmp/cruft_dev.jsonl

Generation is deterministic given ``--seed``; the Reuters data is read in place, never
copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cruftgen_phrases as P

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "reuters21578"
POOLS = ("dev", "heldout", "blind")
N_OUTLETS = 60
MIN_BODY_WORDS = 150
FRACTIONS = ["1/8", "1/4", "3/8", "1/2", "5/8", "3/4"]

CRUFT_CATEGORIES = (
    "nav",
    "share",
    "ad",
    "read_more",
    "newsletter",
    "app",
    "social",
    "donate",
    "cookie",
    "byline",
    "dateline",
    "timestamp",
    "read_time",
    "caption",
    "caption_credit",
    "photo_credit",
    "copyright",
    "reporting_credit",
    "trailer",
    "tags",
    "related_header",
    "related_item",
    "footer",
)
# Short, button-like categories whose casing and decoration are randomised.
BUTTONISH = {
    "nav",
    "share",
    "ad",
    "read_more",
    "newsletter",
    "app",
    "social",
    "donate",
    "cookie",
    "related_header",
    "footer",
    "read_time",
    "photo_credit",
}

Line = dict[str, Any]

# --------------------------------------------------------------------------- Reuters parsing

_STORY_RE = re.compile(r"<REUTERS(.*?)</REUTERS>", re.S)
_FIELD_RE = {
    name: re.compile(rf"<{name}>(.*?)</{name}>", re.S)
    for name in ("TITLE", "BODY", "DATE", "DATELINE", "PLACES", "TOPICS", "ORGS", "PEOPLE")
}
_NEWID_RE = re.compile(r'NEWID="(\d+)"')
_D_RE = re.compile(r"<D>(.*?)</D>")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIGNOFF_RE = re.compile(r"\s*\breuter\s*$", re.I)
_TABLE_RE = re.compile(r"\S {3,}\S|\.{3,}|-{3,}|\t")
_PROSE_END = re.compile(r"[.!?]['\")]*$|[.!?]\s*\)$")
_ACRONYMS = {
    "US",
    "U.S.",
    "UK",
    "U.K.",
    "EC",
    "OPEC",
    "GATT",
    "IMF",
    "USDA",
    "CCC",
    "ASCS",
    "NYSE",
    "FED",
    "SEC",
    "ICO",
    "ICCO",
    "CBT",
    "LME",
    "GNP",
    "GDP",
    "CPI",
    "PPI",
    "BP",
    "IBM",
    "GM",
    "AT&T",
    "ITT",
    "RJR",
    "OECD",
    "EEC",
    "USSR",
    "FRG",
    "W.",
    "E.",
    "N.",
    "S.",
    "II",
    "III",
    "IV",
    "NV",
    "PLC",
    "AG",
    "SA",
    "CO",
    "INC",
    "LTD",
    "CORP",
}
_TITLE_KEEP = {"CO", "INC", "LTD", "CORP", "PLC"}
_SMALL = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "vs",
    "with",
    "from",
    "into",
    "over",
}


@dataclass
class Story:
    """One usable Reuters story."""

    sid: int
    title: str
    paragraphs: list[str]
    date: dt.datetime
    dateline_city: str
    places: list[str]
    topics: list[str]
    orgs: list[str]
    people: list[str]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _clean(raw: str) -> str:
    return _CTRL_RE.sub("", html.unescape(raw))


def titlecase_headline(title: str) -> str:
    """Turn an upper-case wire headline into title case, keeping common acronyms."""
    words = title.split()
    out = []
    for i, w in enumerate(words):
        core = w.strip("<>(),;:'\"")
        acronym = core.upper() in _ACRONYMS and core.upper() not in _TITLE_KEEP
        if acronym or ("." in core and len(core) <= 6):  # OPEC, U.S., S.A.
            out.append(w)
        elif any(c.isdigit() for c in w):  # 1987, 4TH -> 4th, G-7 stays
            out.append(re.sub(r"(?<=\d)[A-Z]{1,3}$", lambda m: m.group(0).lower(), w))
        elif i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        elif w.startswith("<") and w.endswith(">"):  # ticker: <PNP>, <EURO.O>
            out.append(w.upper())
        else:
            out.append(re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)?", lambda m: m.group(0).capitalize(), w))
    return " ".join(out)


def _split_body(body: str) -> list[str] | None:
    """Wire body -> paragraphs, or None when the story does not look like prose."""
    body = _SIGNOFF_RE.sub("", _clean(body).replace("\x03", "").rstrip())
    paragraphs: list[list[str]] = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        if _TABLE_RE.search(line.strip()):
            return None
        if line.startswith(" ") or not paragraphs:
            paragraphs.append([line.strip()])
        else:
            paragraphs[-1].append(line.strip())
    out = [" ".join(" ".join(p).split()) for p in paragraphs]
    if not out:
        return None
    for p in out:
        if len(p.split()) < 5 or not _PROSE_END.search(p):
            return None
    return out


def load_stories(data_dir: Path) -> list[Story]:
    """Parse all ``reut2-*.sgm`` files of ``data_dir`` into usable, de-duplicated stories."""
    files = sorted(data_dir.glob("reut2-*.sgm"))
    if not files:
        raise SystemExit(f"no reut2-*.sgm files under {data_dir}")
    stories: list[Story] = []
    seen_paragraphs: set[str] = set()
    for path in files:
        sgml = path.read_text(encoding="latin-1")
        for m in _STORY_RE.finditer(sgml):
            block = m.group(1)
            fields = {k: r.search(block) for k, r in _FIELD_RE.items()}
            if not fields["BODY"] or not fields["TITLE"]:
                continue
            raw_body = fields["BODY"].group(1)
            if raw_body.rstrip().endswith("More\n&#3;") or re.search(r"\bMore\s*&#3;", raw_body):
                continue
            if len(raw_body.split()) < MIN_BODY_WORDS:
                continue
            letters = [c for c in raw_body if c.isalpha()]
            if sum(c.isupper() for c in letters) > 0.3 * len(letters):
                continue
            paragraphs = _split_body(raw_body)
            if not paragraphs or sum(len(p.split()) for p in paragraphs) < MIN_BODY_WORDS:
                continue
            keys = {" ".join(p.lower().split()) for p in paragraphs}
            if keys & seen_paragraphs or len(keys) < len(paragraphs):
                continue
            seen_paragraphs |= keys
            title = " ".join(_clean(fields["TITLE"].group(1)).split())
            if not title:
                continue
            date_raw = fields["DATE"].group(1).strip() if fields["DATE"] else ""
            try:
                date = dt.datetime.strptime(date_raw.split(".")[0], "%d-%b-%Y %H:%M:%S")
            except ValueError:
                date = dt.datetime(1987, 3, 2, 15, 42)
            dl = fields["DATELINE"].group(1) if fields["DATELINE"] else ""
            city = " ".join(_clean(dl).split(",")[0].split()) or "NEW YORK"
            stories.append(
                Story(
                    sid=int(_NEWID_RE.search(m.group(0)).group(1)),  # type: ignore[union-attr]
                    title=titlecase_headline(title),
                    paragraphs=paragraphs,
                    date=date,
                    dateline_city=city if len(city) < 30 else "NEW YORK",
                    places=_D_RE.findall(fields["PLACES"].group(1)) if fields["PLACES"] else [],
                    topics=_D_RE.findall(fields["TOPICS"].group(1)) if fields["TOPICS"] else [],
                    orgs=_D_RE.findall(fields["ORGS"].group(1)) if fields["ORGS"] else [],
                    people=_D_RE.findall(fields["PEOPLE"].group(1)) if fields["PEOPLE"] else [],
                )
            )
    return stories


# --------------------------------------------------------------------------- template engine

_TOPIC_NAMES = {
    "earn": "Earnings",
    "acq": "Mergers & Acquisitions",
    "money-fx": "Currencies",
    "crude": "Oil",
    "interest": "Interest rates",
    "ship": "Shipping",
    "trade": "Trade",
    "grain": "Grains",
    "money-supply": "Money supply",
    "veg-oil": "Vegetable oils",
    "nat-gas": "Natural gas",
    "gnp": "Economy",
    "bop": "Balance of payments",
    "cpi": "Inflation",
    "jobs": "Jobs",
    "ipi": "Industrial production",
    "reserves": "Reserves",
    "alum": "Aluminium",
    "livestock": "Livestock",
    "carcass": "Meat",
    "housing": "Housing",
    "retail": "Retail",
}
_PLACE_NAMES = {
    "usa": "United States",
    "uk": "Britain",
    "ussr": "Soviet Union",
    "west-germany": "West Germany",
    "hong-kong": "Hong Kong",
    "ec": "EC",
}
_ORG_NAMES = {
    "ec": "European Community",
    "opec": "OPEC",
    "gatt": "GATT",
    "imf": "IMF",
    "worldbank": "World Bank",
    "oecd": "OECD",
    "ico-coffee": "ICO",
}


def _pretty(code: str, table: dict[str, str]) -> str:
    if code in table:
        return table[code]
    return " ".join(w.capitalize() for w in code.replace("-", " ").split())


@dataclass
class Outlet:
    """A news site: name, domain, handle and its fixed header/footer lines."""

    name: str
    domain: str
    handle: str
    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)


@dataclass
class Ctx:
    """Everything a template slot may draw from for one document."""

    pool: str
    story: Story
    outlet: Outlet
    others: list[Outlet]
    headlines: list[str]


class Slots:
    """Fills ``{name}`` slots; values repeat within one line for the same slot name."""

    def __init__(self, rng: random.Random, ctx: Ctx) -> None:
        self.rng = rng
        self.ctx = ctx
        self.cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self.cache:
            self.cache[name] = self._draw(name.rstrip("0123456789") or name, name)
        return self.cache[name]

    def _draw(self, kind: str, full: str) -> str:
        r, c = self.rng, self.ctx
        date = c.story.date
        simple: dict[str, Any] = {
            "first": lambda: r.choice(P.FIRST_NAMES),
            "last": lambda: r.choice(P.LAST_NAMES),
            "city": lambda: r.choice(P.CITIES),
            "country": lambda: r.choice(sorted(set(P.COUNTRIES.values()))),
            "dlcountry": lambda: self._dateline_country(),
            "place": lambda: "{}, {}".format(*r.choice(sorted(P.COUNTRIES.items()))),
            "co": lambda: f"{r.choice(P.COMPANY_HEADS)} {r.choice(P.COMPANY_TAILS)}",
            "commodity": lambda: r.choice(P.COMMODITIES),
            "agency": lambda: r.choice(P.AGENCIES),
            "title": lambda: r.choice(P.JOB_TITLES),
            "Title": lambda: r.choice(P.JOB_TITLE_CAPS),
            "currency": lambda: r.choice(P.CURRENCIES),
            "exchange": lambda: r.choice(P.EXCHANGES),
            "region": lambda: r.choice(P.REGIONS),
            "wire": lambda: r.choice(P.WIRES),
            "section": lambda: r.choice(P.SECTIONS[c.pool]),
            "headline": lambda: r.choice(c.headlines),
            "outlet": lambda: c.outlet.name,
            "domain": lambda: c.outlet.domain,
            "handle": lambda: c.outlet.handle,
            "outlet2": lambda: self._other().name,
            "domain2": lambda: self._other().domain,
            "n": lambda: str(r.randint(2, 9)),
            "big": lambda: str(r.randint(11, 950)),
            "pct": lambda: r.choice(
                [str(r.randint(2, 40)), f"{r.randint(1, 19)}.{r.randint(1, 9)}"],
            ),
            "cents": lambda: str(r.randint(5, 95)),
            "dlrs": lambda: r.choice(
                [
                    f"{r.randint(4, 90)}-{r.choice(FRACTIONS)}",
                    f"{r.randint(4, 90)}.{r.randint(10, 95)}",
                ]
            ),
            "day": lambda: r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
            "year": lambda: str(r.randint(2009, 2024)),
            "yyyy2": lambda: str(r.randint(1962, 1996)),
            "yymmdd": lambda: f"{r.randint(19, 24)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}",
            "letter": lambda: r.choice("ABCDS"),
            "ss": lambda: f"{r.randint(0, 59):02d}",
            "tz": lambda: r.choice(["EST", "ET", "GMT", "EDT"]),
            "month": lambda: date.strftime("%B"),
            "mon": lambda: date.strftime("%b"),
            "d": lambda: str(date.day),
            "dd": lambda: f"{date.day:02d}",
            "MM": lambda: f"{date.month:02d}",
            "yyyy": lambda: str(date.year),
            "wkd": lambda: date.strftime(r.choice(["%a", "%A"])),
            "h": lambda: str((date.hour % 12) or 12),
            "HH": lambda: f"{date.hour:02d}",
            "mm": lambda: f"{date.minute:02d}",
            "AMPM": lambda: "PM" if date.hour >= 12 else "AM",
            "ampm": lambda: r.choice(["p.m.", "pm"] if date.hour >= 12 else ["a.m.", "am"]),
            "dlcity": lambda: c.story.dateline_city.title(),
            "DLCITY": lambda: c.story.dateline_city.upper(),
        }
        if kind in simple:
            return str(simple[kind]())
        if kind == "person":
            return f"{r.choice(P.FIRST_NAMES)} {r.choice(P.LAST_NAMES)}"
        if kind == "PERSON":
            return f"{r.choice(P.FIRST_NAMES)} {r.choice(P.LAST_NAMES)}".upper()
        raise KeyError(f"unknown template slot {{{full}}}")

    def _dateline_country(self) -> str:
        city = self.ctx.story.dateline_city.title()
        if city in P.COUNTRIES:
            return P.COUNTRIES[city]
        places = self.ctx.story.places
        return _pretty(places[0], _PLACE_NAMES) if places else "United States"

    def _other(self) -> Outlet:
        return self.rng.choice(self.ctx.others)


_BRACE_RE = re.compile(r"\{([^{}]*)\}")


def expand(template: str, rng: random.Random, ctx: Ctx) -> str:
    """Expand ``{a|b}`` alternatives and ``{slot}`` slots (see ``cruftgen_phrases``)."""
    slots = Slots(rng, ctx)

    def repl(m: re.Match[str]) -> str:
        body = m.group(1)
        if "|" in body:
            return rng.choice(body.split("|"))
        return slots(body)

    out = template
    while True:
        new = _BRACE_RE.sub(repl, out)
        if new == out:
            return re.sub(r"\b([Tt]he) The ", r"\1 ", new)  # "the {outlet}" with "The X"
        out = new


def vary_case(text: str, rng: random.Random) -> str:
    """Randomise the casing of a short button-like label."""
    x = rng.random()
    if x < 0.10:
        return text.upper()
    if x < 0.17:
        return text.lower()
    if x < 0.25:
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    return text


def decorate(text: str, rng: random.Random, pool: str) -> str:
    """Occasionally add an icon prefix or a trailing mark, as rendered buttons often have."""
    if rng.random() < 0.25:
        deco = P.DECOR[pool]
        text = rng.choice(deco["prefix"]) + text
        if not text.rstrip().endswith((".", "!", "?", ":", ")")):
            text += rng.choice(deco["suffix"])
    return text


# --------------------------------------------------------------------------- cruft makers


class Maker:
    """Produces labelled cruft and look-alike lines in one pool's phrasing."""

    def __init__(self, rng: random.Random, ctx: Ctx) -> None:
        self.rng = rng
        self.ctx = ctx
        self.pool = ctx.pool

    def line(self, category: str, template: str, *, buttonish: bool | None = None) -> Line:
        text = expand(template, self.rng, self.ctx)
        if buttonish is None:
            buttonish = category in BUTTONISH and len(text.split()) <= 6
        if buttonish:
            text = decorate(vary_case(text, self.rng), self.rng, self.pool)
        if self.rng.random() < 0.03:
            text += self.rng.choice([" ", "  ", "\t"])
        return {"text": text, "label": "cruft", "category": category}

    def pick(self, category: str, table: dict[str, list[str]]) -> Line:
        return self.line(category, self.rng.choice(table[self.pool]))

    # --- multi-line or structured categories
    def breadcrumb(self) -> Line:
        nav = P.NAV[self.pool]
        r = self.rng
        depth = r.randint(1, 3)
        crumbs = [r.choice(nav["home"]), *r.sample(P.SECTIONS[self.pool], depth)]
        if r.random() < 0.3:
            crumbs.append(self.ctx.story.title if r.random() < 0.5 else "Article")
        text = r.choice(nav["prefix"]) + r.choice(nav["seps"]).join(crumbs)
        return {
            "text": vary_case(text, r) if r.random() < 0.5 else text,
            "label": "cruft",
            "category": "nav",
        }

    def nav_single(self) -> Line:
        return self.line("nav", self.rng.choice(P.NAV[self.pool]["single"]))

    def menu_row(self) -> Line:
        nav = P.NAV[self.pool]
        r = self.rng
        items = [r.choice(nav["home"]), *r.sample(P.SECTIONS[self.pool], r.randint(3, 7))]
        return {"text": r.choice(nav["seps"]).join(items), "label": "cruft", "category": "nav"}

    def menu_lines(self) -> list[Line]:
        items = self.rng.sample(P.SECTIONS[self.pool], self.rng.randint(3, 6))
        return [self.line("nav", s) for s in items]

    def share_bar(self, k: int) -> list[Line]:
        templates = self.rng.sample(P.SHARE[self.pool], k)
        return [self.line("share", t) for t in templates]

    def caption_pair(self) -> list[Line]:
        cap = expand(self.rng.choice(P.CAPTION[self.pool]), self.rng, self.ctx)
        credit = expand(self.rng.choice(P.CAPTION_CREDIT[self.pool]), self.rng, self.ctx)
        out = [
            {"text": cap, "label": "cruft", "category": "caption"},
            {"text": cap + credit, "label": "cruft", "category": "caption_credit"},
        ]
        if self.rng.random() < 0.25:
            out.append(self.pick("photo_credit", P.PHOTO_CREDIT))
        return out

    def tags(self) -> Line:
        s = self.ctx.story
        r = self.rng
        vals = (
            [_pretty(t, _TOPIC_NAMES) for t in s.topics]
            + [_pretty(p, _PLACE_NAMES) for p in s.places]
            + [_pretty(o, _ORG_NAMES) for o in s.orgs]
            + [p.title() for p in s.people]
        )
        vals += [*r.sample(P.COMMODITIES, 2), r.choice(P.SECTIONS[self.pool])]
        vals = list(dict.fromkeys(v for v in vals if v))[: r.randint(2, 6)]
        spec = P.TAGS[self.pool]
        sep = r.choice(spec["seps"])
        head = r.choice(spec["heads"])
        if sep == " #":
            text = head + "#" + sep.join(v.replace(" ", "") for v in vals)
        else:
            text = head + sep.join(vals)
        return {"text": text, "label": "cruft", "category": "tags"}

    def related(self) -> list[Line]:
        out = [self.pick("related_header", P.RELATED_HEADER)]
        for _ in range(self.rng.randint(3, 5)):
            item = self.line("related_item", self.rng.choice(P.RELATED_ITEM[self.pool]), buttonish=False)
            out.append(item)
        return out

    def promo(self) -> Line:
        table = {"newsletter": P.NEWSLETTER, "app": P.APP, "social": P.SOCIAL, "donate": P.DONATE}
        cat = self.rng.choice(list(table))
        return self.pick(cat, table[cat])

    def cookie_block(self) -> list[Line]:
        cookies = P.COOKIE[self.pool]
        long_ = [t for t in cookies if len(t.split()) > 4]
        short = [t for t in cookies if len(t.split()) <= 4]
        out = [self.line("cookie", self.rng.choice(long_))]
        for t in self.rng.sample(short, self.rng.randint(0, 3)):
            out.append(self.line("cookie", t))
        return out

    def lookalike(self, seen: set[str]) -> Line:
        for _ in range(50):
            cat, template = self.rng.choice(P.LOOKALIKES[self.pool])
            text = re.sub(r"s's\b", "s'", expand(template, self.rng, self.ctx))
            if text not in seen:
                break
        seen.add(text)
        return {"text": text, "label": "lookalike", "category": cat}


def make_outlet(pool: str, index: int, seed: int, taken: set[str], dummy: Story) -> Outlet:
    """Build outlet ``index`` of ``pool`` with its fixed header and footer lines."""
    r = random.Random(f"{seed}:{pool}:outlet:{index}")
    parts = P.OUTLET_PARTS[pool]
    for _ in range(100):
        name = r.choice(parts["forms"]).format(place=r.choice(parts["places"]), noun=r.choice(parts["nouns"]))
        if name not in taken:
            break
    taken.add(name)
    slug = re.sub(r"[^a-z]", "", name.lower().removeprefix("the "))
    domain = slug + r.choice([".com", ".com", ".co.uk", ".net", ".org", ".news"])
    handle = slug[:15]
    outlet = Outlet(name=name, domain=domain, handle=handle)
    mk = Maker(r, Ctx(pool, dummy, outlet, [outlet], [dummy.title]))
    header: list[Line] = []
    if r.random() < 0.4:
        header.append(mk.nav_single())
    x = r.random()
    if x < 0.5:
        header.append(mk.menu_row())
    elif x < 0.75:
        header.extend(mk.menu_lines())
    if r.random() < 0.3:
        header.append(mk.nav_single())
    footer = [mk.pick("footer", P.FOOTER) for _ in range(r.randint(0, 3))]
    if r.random() < 0.5:
        footer.append(mk.line("footer", P.OUTLET_COPYRIGHT[pool]))
    for ln in header + footer:
        ln["fixed"] = True
    outlet.header, outlet.footer = _dedupe(header), _dedupe(footer)
    return outlet


def _dedupe(lines: list[Line]) -> list[Line]:
    seen: set[str] = set()
    out = []
    for ln in lines:
        if ln["text"].strip() not in seen:
            seen.add(ln["text"].strip())
            out.append(ln)
    return out


# --------------------------------------------------------------------------- documents


class Generator:
    """Deterministic document generator over a loaded story list."""

    def __init__(self, stories: list[Story], seed: int = 0) -> None:
        if not stories:
            raise ValueError("no stories")
        self.stories = stories
        self.seed = seed
        self.order = list(range(len(stories)))
        random.Random(f"{seed}:stories").shuffle(self.order)
        self.titles = [s.title for s in stories]
        weights = [1.0 / (k + 1) ** 0.8 for k in range(N_OUTLETS)]
        self.outlet_weights = weights
        self._outlets: dict[str, list[Outlet]] = {}

    def outlets(self, pool: str) -> list[Outlet]:
        if pool not in self._outlets:
            taken: set[str] = set()
            self._outlets[pool] = [
                make_outlet(pool, k, self.seed, taken, self.stories[0]) for k in range(N_OUTLETS)
            ]
        return self._outlets[pool]

    def documents(
        self, pool: str, n: int, body_words: tuple[int, int] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Yield ``n`` documents of ``pool``. ``body_words=(lo, hi)`` glues consecutive
        stories' paragraphs until the body has at least ``lo`` words (stopping before ``hi``
        where possible); used for fixed-size speed documents."""
        if pool not in POOLS:
            raise ValueError(f"pool must be one of {POOLS}")
        seen_lookalikes: set[str] = set()
        for i in range(n):
            yield self.document(pool, i, seen_lookalikes, body_words)

    def document(
        self,
        pool: str,
        i: int,
        seen_lookalikes: set[str],
        body_words: tuple[int, int] | None = None,
    ) -> dict[str, Any]:
        s = random.Random(f"{self.seed}:struct:{i}")  # layout: same for both pools
        r = random.Random(f"{self.seed}:{pool}:phrase:{i}")  # wording: pool-specific
        story = self.stories[self.order[i % len(self.order)]]
        paragraphs = list(story.paragraphs)
        if body_words:
            lo, hi = body_words
            words = sum(len(p.split()) for p in paragraphs)
            while words > hi and len(paragraphs) > 3:
                words -= len(paragraphs.pop().split())
            j = 1
            while words < lo:
                extra = self.stories[self.order[(i + j) % len(self.order)]].paragraphs
                for p in extra:
                    if words >= lo or words + len(p.split()) > hi:
                        break
                    paragraphs.append(p)
                    words += len(p.split())
                j += 1
                if j > 50:
                    break
        outlets = self.outlets(pool)
        k = s.choices(range(N_OUTLETS), weights=self.outlet_weights)[0]
        outlet = outlets[k]
        headlines = [t for t in (r.choice(self.titles) for _ in range(12)) if t != story.title]
        ctx = Ctx(pool, story, outlet, [o for o in outlets if o is not outlet], headlines)
        mk = Maker(r, ctx)

        top: list[Line] = [dict(ln) for ln in outlet.header]
        cookie_top = s.random() < 0.2
        if cookie_top:
            top += mk.cookie_block()
        if s.random() < 0.45:
            top.append(mk.breadcrumb())
        if s.random() < 0.15:
            top.append(mk.nav_single())
        share_top = s.random() < 0.35
        if share_top:
            top += mk.share_bar(s.randint(1, 4))
        top.append({"text": story.title, "label": "article", "category": "headline"})
        under: list[Line] = []
        if s.random() < 0.6:
            under.append(mk.pick("byline", P.BYLINE))
        if s.random() < 0.5:
            under.append(mk.pick("timestamp", P.TIMESTAMP))
            if s.random() < 0.3:
                under.append(mk.pick("timestamp", P.TIMESTAMP))
        if s.random() < 0.3:
            under.append(mk.pick("read_time", P.READ_TIME))
        s.shuffle(under)
        top += under
        if not share_top and s.random() < 0.3:
            top += mk.share_bar(s.randint(1, 4))
        if s.random() < 0.35:
            top += mk.caption_pair()
        if s.random() < 0.4:
            top.append(mk.pick("dateline", P.DATELINE))

        # Body: paragraphs with gaps that may receive cruft or look-alikes.
        gaps: list[list[Line]] = [[] for _ in range(len(paragraphs) + 1)]
        inner = range(1, len(paragraphs)) if len(paragraphs) > 1 else range(0, 1)
        n_ads = 0
        for g in inner:
            if n_ads < 3 and s.random() < 0.12:
                gaps[g].append(mk.pick("ad", P.AD))
                n_ads += 1
            if s.random() < 0.07:
                gaps[g].append(mk.pick("read_more", P.READ_MORE))
        if s.random() < 0.2:
            gaps[s.choice(list(inner))].append(mk.promo())
        if s.random() < 0.12:
            gaps[s.choice(list(inner))].extend(mk.caption_pair())
        n_look = s.choice([0, 1, 1, 2, 2, 2, 3, 3])
        for _ in range(n_look):
            g = s.randint(0, len(paragraphs))
            look = mk.lookalike(seen_lookalikes)
            gaps[g].insert(s.randint(0, len(gaps[g])), look)
        body: list[Line] = []
        for g, para in enumerate(paragraphs):
            body += gaps[g]
            body.append({"text": para, "label": "article", "category": "paragraph"})
        body += gaps[-1]

        tail: list[Line] = []
        if s.random() < 0.35:
            tail.append(mk.pick("reporting_credit", P.REPORTING_CREDIT))
        if s.random() < 0.25:
            tail.append(mk.pick("trailer", P.TRAILER))
        if s.random() < 0.4:
            tail += [mk.pick("copyright", P.COPYRIGHT) for _ in range(s.randint(1, 2))]
        blocks: list[list[Line]] = []
        if s.random() < 0.3:
            blocks.append([mk.tags()])
        if s.random() < 0.25:
            blocks.append(mk.share_bar(s.randint(1, 4)))
        if s.random() < 0.4:
            blocks.append([mk.promo() for _ in range(s.randint(1, 2))])
        if s.random() < 0.4:
            blocks.append(mk.related())
        if not cookie_top and s.random() < 0.15:
            blocks.append(mk.cookie_block())
        s.shuffle(blocks)
        for b in blocks:
            tail += b
        tail += [dict(ln) for ln in outlet.footer]

        lines = _drop_collisions(top + body + tail)
        text = _join(lines, s)
        return {
            "id": f"{pool}-{i:05d}",
            "text": text,
            "source": outlet.domain,
            "pool": pool,
            "story": story.sid,
            "lines": lines,
        }


def _drop_collisions(lines: list[Line]) -> list[Line]:
    """Drop cruft lines whose text equals a content line of the same document (and empty
    ones), so every line's fate can be read unambiguously from the output."""
    content = {ln["text"].strip() for ln in lines if ln["label"] != "cruft"}
    return [
        ln
        for ln in lines
        if ln["text"].strip() and (ln["label"] != "cruft" or ln["text"].strip() not in content)
    ]


def _join(lines: list[Line], s: random.Random) -> str:
    mode = s.choices(["none", "all", "mixed"], weights=[4, 4, 2])[0]
    parts = []
    for k, ln in enumerate(lines):
        if k:
            blank = mode == "all" or (mode == "mixed" and s.random() < 0.5)
            parts.append("\n\n" if blank else "\n")
        parts.append(ln["text"])
    if s.random() < 0.5:
        parts.append("\n")
    return "".join(parts)


# --------------------------------------------------------------------------- CLI


def summarize(docs: list[dict[str, Any]]) -> str:
    """Counts of lines per label/category, for a quick look."""
    c: Counter[tuple[str, str]] = Counter()
    for d in docs:
        for ln in d["lines"]:
            c[(ln["label"], ln["category"] if ln["label"] != "lookalike" else "*")] += 1
    sources = Counter(d["source"] for d in docs)
    out = [f"{len(docs)} docs, {len(sources)} sources (largest {sources.most_common(1)[0][1]})"]
    for (label, cat), n in sorted(c.items()):
        out.append(f"  {label:10s} {cat:18s} {n}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="directory holding reut2-*.sgm (default: %(default)s)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--pool",
        choices=[*POOLS, "both", "all"],
        default="dev",
        help="'both' is dev and heldout, 'all' adds blind (default: %(default)s)",
    )
    ap.add_argument("--docs", type=int, default=2000, help="documents per pool")
    ap.add_argument("-o", "--output", type=Path, help="JSONL output (default: stdout)")
    ap.add_argument(
        "--preview",
        type=int,
        default=0,
        help="print N documents as labelled lines instead of JSONL",
    )
    ap.add_argument("--stats", action="store_true", help="print line counts to stderr")
    args = ap.parse_args(argv)

    gen = Generator(load_stories(args.data), seed=args.seed)
    pools = {"both": ["dev", "heldout"], "all": list(POOLS)}.get(args.pool, [args.pool])
    docs = [d for pool in pools for d in gen.documents(pool, args.docs)]
    if args.preview:
        for d in docs[: args.preview]:
            print(f"=== {d['id']} source={d['source']} story={d['story']}")
            for ln in d["lines"]:
                tag = (
                    "   " if ln["label"] == "article" else ("KEEP" if ln["label"] == "lookalike" else "CUT ")
                )
                print(f"{tag} {ln['category'][:16]:16s} | {ln['text']}")
        return 0
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    if args.stats:
        print(summarize(docs), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
