"""The extract + clean stage: raw records in, clean :class:`Document` objects out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .document import Document
from .errors import InputError
from .extract import extract_html
from .read import RawRecord
from .rules import Catalogue, load_catalogue
from .textclean import BoilerplateTest, clean_text

__all__ = ["CleanOptions", "clean_html", "clean_record", "clean_records"]


@dataclass(frozen=True)
class CleanOptions:
    """How documents are cleaned.

    ``rules`` names extra rule files (TOML) added to the built-in catalogue;
    ``clean=False`` passes text through untouched (only HTML is extracted).
    """

    rules: tuple[str, ...] = ()
    clean: bool = True
    catalogue: Catalogue = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "catalogue", load_catalogue(tuple(self.rules)))


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
    found = extract_html(html, url=url)
    return clean_text(
        found.text,
        id=id,
        title=found.title,
        date=found.date,
        author=found.author,
        source=found.source,
        url=found.url,
        catalogue=catalogue or load_catalogue(),
        boilerplate=boilerplate,
    )


def clean_record(
    record: RawRecord, options: CleanOptions, boilerplate: BoilerplateTest | None = None
) -> Document:
    """Extract (HTML) and clean (text) one record; input metadata wins over found metadata."""
    meta = record.meta
    if not options.clean:
        if record.html is not None:
            found = extract_html(record.html, url=meta.get("url"))
            doc = Document(
                id=record.id,
                text=found.text,
                title=found.title,
                date=found.date,
                author=found.author,
                source=found.source,
                url=found.url,
            )
        else:
            doc = Document(id=record.id, text=record.text or "")
    elif record.html is not None:
        doc = clean_html(
            record.html,
            id=record.id,
            url=meta.get("url"),
            catalogue=options.catalogue,
            boilerplate=boilerplate,
        )
    else:
        doc = clean_text(
            record.text or "",
            id=record.id,
            title=meta.get("title"),
            date=meta.get("date"),
            author=meta.get("author"),
            source=meta.get("source"),
            url=meta.get("url"),
            catalogue=options.catalogue,
            boilerplate=boilerplate,
        )
    for key, value in meta.items():
        setattr(doc, key, value)
    doc.extra.update(record.extra)
    return doc


def clean_records(
    records: Iterable[RawRecord | InputError], options: CleanOptions
) -> Iterator[Document | InputError]:
    """Clean a stream of records in order; errors pass through in place."""
    for record in records:
        yield record if isinstance(record, InputError) else clean_record(record, options)
