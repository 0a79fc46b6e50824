"""The extract + clean stage: raw records in, clean :class:`Document` objects out."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import Document
from .errors import InputError
from .extract import Extracted, extract_html
from .read import RawRecord

if TYPE_CHECKING:
    from .rules import Catalogue
    from .textclean import BoilerplateTest

# The cleaning stack (rules, line tests, boilerplate) is imported where it is
# used: compiling its patterns is a good part of start-up, and a run that does
# not clean (``dedup --no-clean``) never needs it.

__all__ = ["CleanOptions", "clean_html", "clean_record", "clean_records"]


@dataclass(frozen=True)
class CleanOptions:
    """How documents are cleaned.

    ``rules`` names extra rule files (TOML) added to the built-in catalogue;
    ``clean=False`` passes text through untouched (only HTML is extracted);
    ``learn_boilerplate`` learns lines recurring within a source per batch of
    ``batch_size`` records.
    """

    rules: tuple[str, ...] = ()
    clean: bool = True
    learn_boilerplate: bool = True
    batch_size: int = 10_000

    def __post_init__(self) -> None:
        if self.rules:
            _ = self.catalogue  # a bad rule file fails here, before any work

    @functools.cached_property
    def catalogue(self) -> Catalogue:
        """The rules, compiled on first use (most of a second: a run that does
        not clean, or whose workers clean, never pays for it here)."""
        from .rulefile import load_catalogue

        return load_catalogue(tuple(self.rules))


def clean_html(
    html: str,
    *,
    id: str = "",
    url: str | None = None,
    catalogue: Catalogue | None = None,
    boilerplate: BoilerplateTest | None = None,
) -> Document:
    """Extract the article from an HTML page and clean it.

    >>> page = "<html><head><title>Rain</title></head><body><article>"
    >>> page += "<h1>Rain falls</h1><p>Share this</p>"
    >>> page += "<p>" + "It rained all day in the city on Monday, officials said. " * 3 + "</p>"
    >>> page += "</article></body></html>"
    >>> clean_html(page).text.startswith("It rained all day")
    True
    """
    return _clean_found(extract_html(html, url=url), id=id, catalogue=catalogue, boilerplate=boilerplate)


def _clean_found(
    found: Extracted,
    *,
    id: str,
    meta: dict[str, str] | None = None,
    catalogue: Catalogue | None = None,
    boilerplate: BoilerplateTest | None = None,
) -> Document:
    """Clean extracted text; metadata given in ``meta`` wins over what was found."""
    from .rulefile import load_catalogue
    from .textclean import clean_text

    meta = meta or {}
    return clean_text(
        found.text,
        id=id,
        title=meta.get("title") or found.title,
        date=meta.get("date") or found.date,
        author=meta.get("author") or found.author,
        source=meta.get("source") or found.source,
        url=meta.get("url") or found.url,
        catalogue=catalogue or load_catalogue(),
        boilerplate=boilerplate,
    )


def extract_record(record: RawRecord) -> Extracted:
    """The record's text and the metadata found with it (HTML is extracted)."""
    if record.html is not None:
        return extract_html(record.html, url=record.meta.get("url"))
    return Extracted(text=record.text or "")


def clean_record(
    record: RawRecord,
    options: CleanOptions,
    boilerplate: BoilerplateTest | None = None,
    extracted: Extracted | None = None,
) -> Document:
    """Extract (HTML) and clean (text) one record; input metadata wins over found metadata.

    ``extracted`` saves extracting again when the caller already did.
    """
    meta = record.meta
    found = extracted or extract_record(record)
    if not (meta.get("date") or found.date) and record.extra.get("crawl_date"):
        # A page naming no date of its own: the day it was fetched (WARC) is the best known.
        meta = {**meta, "date": str(record.extra["crawl_date"])}
    if options.clean:
        doc = _clean_found(
            found, id=record.id, meta=meta, catalogue=options.catalogue, boilerplate=boilerplate
        )
    else:
        doc = Document(
            id=record.id,
            text=found.text,
            title=meta.get("title") or found.title,
            date=meta.get("date") or found.date,
            author=meta.get("author") or found.author,
            source=meta.get("source") or found.source,
            url=meta.get("url") or found.url,
        )
    doc.extra.update(record.extra)
    return doc


def clean_records(
    records: Iterable[RawRecord | InputError], options: CleanOptions
) -> Iterator[Document | InputError]:
    """Clean a stream of records in order; errors pass through in place.

    With ``options.learn_boilerplate``, records are taken in batches of
    ``options.batch_size``; lines recurring across many documents of one source
    in a batch are learned as boilerplate (see :mod:`cleaner.boilerplate`).
    """
    if not (options.clean and options.learn_boilerplate):
        for record in records:
            yield record if isinstance(record, InputError) else clean_record(record, options)
        return
    batch: list[RawRecord | InputError] = []
    for record in records:
        batch.append(record)
        if len(batch) >= options.batch_size:
            yield from _clean_batch(batch, options)
            batch = []
    yield from _clean_batch(batch, options)


def _clean_batch(
    batch: list[RawRecord | InputError], options: CleanOptions
) -> Iterator[Document | InputError]:
    extracted = [None if isinstance(r, InputError) else extract_record(r) for r in batch]
    for record, found, test in zip(batch, extracted, learn_batch(batch, extracted)):
        if isinstance(record, InputError) or found is None:
            yield record
        else:
            yield clean_record(record, options, test, found)


def learn_batch(
    batch: list[RawRecord | InputError], extracted: list[Extracted | None]
) -> list[BoilerplateTest | None]:
    """Each record's boilerplate test, learned from the whole batch (None for errors).

    Records of one source share one (picklable) test object.
    """
    from .boilerplate import BoilerplateModel

    sources = [
        None if found is None or isinstance(record, InputError) else record.meta.get("source") or found.source
        for record, found in zip(batch, extracted)
    ]
    model = BoilerplateModel().fit(
        (source, found.text) for source, found in zip(sources, extracted) if found is not None
    )
    tests: dict[str | None, BoilerplateTest] = {}
    out: list[BoilerplateTest | None] = []
    for record, found, source in zip(batch, extracted, sources):
        if isinstance(record, InputError) or found is None:
            out.append(None)
            continue
        if source not in tests:
            tests[source] = model.for_source(source)
        out.append(tests[source])
    return out
