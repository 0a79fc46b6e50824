"""Main-content extraction from HTML with trafilatura, metadata into fields.

The settings were chosen by measurement on news pages (``bench/html_extraction.py``):
``favor_precision`` with comments off scores higher than trafilatura's defaults,
and the text cleaner then removes the line-level cruft trafilatura leaves.

``favor_precision`` sometimes keeps only a fragment of a long article (a
paywall notice, the first few paragraphs). When its text is under half the
words the page holds in ``<p>`` elements, readability-lxml extracts the page
too, and its text is used if trafilatura kept under half of it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .dates import iso_date

__all__ = ["Extracted", "decode_html", "extract_html", "html_depth"]

# trafilatura logs at WARNING for every page it finds too short; those are
# reported by cleaner itself, once, per record.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)
# trafilatura, lxml and readability are imported on the first page extracted:
# a run over plain text never pays for them (about 40 MB and a quarter second).

# Below this share of the page's paragraph words, trafilatura's text is suspect.
_SUSPECT_SHARE = 0.5
_WORD = re.compile(r"\w+")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "section")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>")
# Elements that never hold others, or whose end tag HTML lets a page leave out:
# not counted as nesting (an unclosed <p> or <li> is no deeper page).
_FLAT = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"),
        *("source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup"),
        *("thead", "tbody", "tfoot", "colgroup", "rt", "rp", "html", "head", "body"),
    }
)


@dataclass(frozen=True)
class Extracted:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None


def decode_html(data: bytes) -> str:
    """Decode page bytes: a byte-order mark, then the page's own meta charset,
    then UTF-8, then Windows-1252 (which accepts any byte), in that order."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "ignore")] if declared else []
    # A page whose meta tag can be read is no UTF-16 page, whatever it says (as browsers do).
    candidates = [c for c in candidates if not c.lower().replace("-", "").startswith(("utf16", "utf32"))]
    for codec in [*candidates, "utf-8"]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def html_depth(html: str, limit: int) -> int:
    """How deeply the page's elements nest, counted from its tags without
    parsing (so a hostile page costs one scan); stops counting past ``limit``.

    >>> html_depth("<div><div><p>a<p>b</div><br></div><div></div>", 100)
    2
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _FLAT or match.group(0).endswith("/>"):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Extract the article body and metadata from one page.

    Returns an empty ``text`` when trafilatura finds no main content.
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,  # its cache is global and order-dependent (trafilatura #778)
        # The date the page states (meta tags, <time>, the URL), not a guess from
        # its free text: "© 2024" in a footer is not 1 January 2024.
        date_extraction_params=set_date_params(extensive=False),
    )
    if result is None:
        return Extracted(text="", url=url)
    return Extracted(
        text=_second_opinion(html, result.text or ""),
        title=result.title or None,
        date=iso_date(result.date) if result.date else None,
        author=result.author or None,
        source=result.sitename or result.hostname or None,
        url=result.url or url,
    )


def _count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _block_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element."""
    import lxml.html

    root = lxml.html.fromstring(fragment)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + element.tail if element.tail else "\n"
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _second_opinion(html: str, text: str) -> str:
    """readability-lxml's text instead of trafilatura's when trafilatura kept
    under half of a page that plainly has more to say."""
    import lxml.html
    from lxml import etree
    from readability import Document as ReadabilityDocument

    try:
        root = lxml.html.fromstring(html)
        paragraph_words = sum(_count_words(p.text_content()) for p in root.iter("p"))
        if _count_words(text) >= _SUSPECT_SHARE * paragraph_words:
            return text
        other = _block_text(ReadabilityDocument(html).summary(html_partial=True))
    except (ValueError, etree.ParserError, etree.XMLSyntaxError, TypeError):
        return text
    return other if _count_words(text) < _SUSPECT_SHARE * _count_words(other) else text
