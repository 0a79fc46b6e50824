"""Main-content extraction from HTML with trafilatura, metadata into fields.

The settings were chosen by measurement on news pages (``bench/html_extraction.py``):
``favor_precision`` with comments off scores higher than trafilatura's defaults,
and the text cleaner then removes the line-level cruft trafilatura leaves.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura

from .dates import iso_date

__all__ = ["Extracted", "decode_html", "extract_html"]

# trafilatura logs at WARNING for every page it finds too short; those are
# reported by cleaner itself, once, per record.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


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
    for codec in [*candidates, "utf-8"]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Extract the article body and metadata from one page.

    Returns an empty ``text`` when trafilatura finds no main content.
    """
    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,  # its cache is global and order-dependent (trafilatura #778)
    )
    if result is None:
        return Extracted(text="", url=url)
    return Extracted(
        text=result.text or "",
        title=result.title or None,
        date=iso_date(result.date) if result.date else None,
        author=result.author or None,
        source=result.sitename or result.hostname or None,
        url=result.url or url,
    )
