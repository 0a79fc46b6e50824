"""The HTML cluster report: one self-contained file an analyst opens offline.

The data (clusters, members with their evidence, the clean texts and removed
lines) is embedded as JSON in ``report.html`` (package data), whose vanilla
JavaScript renders a page of clusters at a time and a cluster's members only
when it is opened, so the page stays quick for tens of thousands of
documents. Every document string is inserted as text, never as markup.

The input is the ``--clusters`` form (:meth:`cleaner.results.Member.to_dict`)
and the clean output records, so ``cleaner dedup --report`` and ``cleaner
report`` build the same page.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from html import escape
from importlib.resources import files
from typing import Any

from . import __version__
from .errors import ConfigError
from .write import atomic_text

__all__ = ["build_data", "load_jsonl", "render", "write_report"]

#: Characters of text kept for a document alone in its cluster (the page
#: carries full texts only where there is something to compare).
SINGLETON_PREVIEW = 400


def load_jsonl(path: str) -> Iterator[dict[str, Any]]:
    """JSON objects of a ``.jsonl`` or ``.jsonl.gz`` file."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: not JSON: {exc.msg}") from None
            if not isinstance(value, dict):
                raise ConfigError(f"{path}:{number}: not a JSON object")
            yield value


def _spans(passages: Iterable[dict[str, Any]]) -> list[list[int]]:
    return [[*p["a"], *p["b"]] for p in passages]


def _offsets_fit(member: dict[str, Any], text: str) -> bool:
    """Whether the passages' ``a`` offsets point at their text in ``text``."""
    for link in [member.get("match"), *member.get("reuse", [])]:
        for passage in link["passages"] if link else ():
            start, end = passage["a"]
            if not text[start:end].startswith(str(passage.get("text", "")).removesuffix("…")):
                return False
    return True


def build_data(
    members: list[dict[str, Any]],
    records: Iterable[dict[str, Any]],
    *,
    id_field: str = "id",
    text_field: str = "text",
) -> tuple[dict[str, Any], list[str]]:
    """The page's data and any warnings (texts missing or not matching the offsets)."""
    by_id: dict[str, dict[str, Any]] = {}
    for record in records:
        by_id.setdefault(str(record.get(id_field)), record)
    index = {m["id"]: i for i, m in enumerate(members)}
    groups: dict[str, list[int]] = {}
    for i, member in enumerate(members):
        groups.setdefault(member["cluster"], []).append(i)
    shown = {i for g in groups.values() if len(g) > 1 for i in g}
    shown |= {i for i, m in enumerate(members) if m.get("reuse")}

    warnings: list[str] = []
    missing = mismatched = 0
    docs = []
    for i, member in enumerate(members):
        record = by_id.get(member["id"], {})
        missing += not record
        text = str(record.get(text_field) or "")
        mismatched += bool(record) and not _offsets_fit(member, text)
        doc = {
            "id": member["id"],
            "title": record.get("title"),
            "date": record.get("date"),
            "source": record.get("source"),
            "url": record.get("url"),
            "words": len(text.split()),
            "removed": [[r.get("line", ""), r.get("rule", "")] for r in record.get("removed") or []],
        }
        if i in shown or len(text) <= SINGLETON_PREVIEW:
            doc["text"] = text
        else:
            doc["text"] = text[:SINGLETON_PREVIEW].rstrip() + "…"
            doc["cut"] = True
        docs.append(doc)
    if missing:
        warnings.append(f"{missing} of {len(members)} documents have no record in the corpus (no text shown)")
    if mismatched:
        warnings.append(
            f"{mismatched} documents' texts do not match their passage offsets (highlights will be off): "
            "pass the clean texts dedup compared (cleaner clean output, then dedup --no-clean)"
        )

    clusters = []
    for cluster_id, group in groups.items():
        centre = index.get(members[group[0]]["centre"], group[0])
        rows = []
        for i in group:
            member = members[i]
            match = member.get("match")
            rows.append(
                {
                    "d": i,
                    "s": member.get("similarity", 1.0),
                    "rep": bool(member.get("representative")),
                    "j": match.get("jaccard") if match else None,
                    "p": _spans(match["passages"]) if match else [],
                    "reuse": [
                        {"d": index[link["id"]], "c": link.get("coverage"), "p": _spans(link["passages"])}
                        for link in member.get("reuse", [])
                        if link["id"] in index
                    ],
                }
            )
        rows.sort(key=lambda r: (r["d"] != centre, -r["s"], r["d"]))
        clusters.append({"id": cluster_id, "centre": centre, "members": rows})
    clusters.sort(key=lambda c: -len(c["members"]))  # stable: first appearance within a size
    data = {
        "meta": {
            "documents": len(members),
            "clusters": len(clusters),
            "copies": sum(len(c["members"]) - 1 for c in clusters),
            "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "version": __version__,
        },
        "docs": docs,
        "clusters": clusters,
    }
    return data, warnings


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", no "<!--"."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(data: dict[str, Any], title: str = "cleaner cluster report") -> str:
    """The report page for ``data`` (from :func:`build_data`)."""
    template = files("cleaner").joinpath("report.html").read_text(encoding="utf-8")
    page = template.replace("{{title}}", escape(title))
    head, marker, tail = page.partition("{{data}}")
    if not marker:
        raise RuntimeError("report template has no {{data}} slot")
    return head + _script_json(data) + tail


def write_report(
    path: str,
    members: list[dict[str, Any]],
    records: Iterable[dict[str, Any]],
    *,
    id_field: str = "id",
    text_field: str = "text",
) -> list[str]:
    """Write the report page to ``path`` atomically; return any warnings."""
    data, warnings = build_data(members, records, id_field=id_field, text_field=text_field)
    page = render(data)
    with atomic_text(path) as stream:
        stream.write(page)
    return warnings
