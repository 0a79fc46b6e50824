"""The record that flows through every stage: :class:`Document`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Document", "Removal"]

#: Output fields cleaner owns; anything else on an input record passes through.
CORE_FIELDS = ("id", "text", "title", "date", "author", "source", "url")


@dataclass(frozen=True)
class Removal:
    """One line taken out of a document, and the rule that took it.

    ``rule`` reads ``category/name`` (e.g. ``share/click-to-copy``) so removals
    can be counted by category. ``field`` is set when the value was moved into a
    metadata field (``title``, ``date``, ``author``) rather than thrown away.
    """

    line: str
    rule: str
    field: str | None = None

    @property
    def category(self) -> str:
        return self.rule.split("/", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "rule": self.rule}
        if self.field:
            out["field"] = self.field
        return out


@dataclass
class Document:
    """A news document: clean body text plus the metadata found on the way.

    >>> doc = Document(id="a", text="Body.", title="Headline")
    >>> doc.to_record()["title"]
    'Headline'
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    removed: list[Removal] = field(default_factory=list)
    #: Input fields cleaner does not own, passed through untouched.
    extra: dict[str, Any] = field(default_factory=dict)

    #: The fields :meth:`to_record` writes besides the text and pass-through ones.
    RECORD_FIELDS = frozenset({"id", "title", "date", "author", "source", "url", "removed"})

    def to_record(self, *, explain: bool = False, text_field: str = "text") -> dict[str, Any]:
        """The JSON object written for this document (pass-through fields last)."""
        record: dict[str, Any] = {
            "id": self.id,
            text_field: self.text,
            "title": self.title,
            "date": self.date,
            "author": self.author,
            "source": self.source,
            "url": self.url,
        }
        for key, value in self.extra.items():
            record.setdefault(key, value)
        if explain:
            record["removed"] = [r.to_dict() for r in self.removed]
        return record
