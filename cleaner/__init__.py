"""cleaner: clean, deduplicated article text from raw news pages.

>>> from cleaner import clean_text, Deduplicator
>>> doc = clean_text("Click to copy\\nStorm hits coast\\nA storm hit the coast on Monday, officials said.")
>>> doc.title, doc.text
('Storm hits coast', 'A storm hit the coast on Monday, officials said.')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clean import CleanOptions, clean_html
    from .comparison import Comparison, compare
    from .dedup import Cluster, Deduplicator, DedupResult, Link, Member, PairScore
    from .document import Document, Removal
    from .errors import CleanerError, ConfigError, InputError
    from .lsh import BandedLSH
    from .minhash import MinHasher
    from .passages import Passage, shared_passages
    from .pipeline import RunStats, run_clean, run_dedup
    from .read import FieldNames
    from .rulefile import load_catalogue
    from .textclean import clean_text

# The public names, imported on first use: ``cleaner.cli`` and the reader
# process import this package first, and a run that does not clean should not
# pay for compiling the cleaning rules (nor a run that cleans for numpy).
_HOMES = {
    "CleanOptions": "clean",
    "clean_html": "clean",
    "Comparison": "comparison",
    "compare": "comparison",
    "Cluster": "dedup",
    "Deduplicator": "dedup",
    "DedupResult": "dedup",
    "Link": "dedup",
    "Member": "dedup",
    "PairScore": "dedup",
    "Document": "document",
    "Removal": "document",
    "CleanerError": "errors",
    "ConfigError": "errors",
    "InputError": "errors",
    "BandedLSH": "lsh",
    "MinHasher": "minhash",
    "Passage": "passages",
    "shared_passages": "passages",
    "RunStats": "pipeline",
    "run_clean": "pipeline",
    "run_dedup": "pipeline",
    "FieldNames": "read",
    "load_catalogue": "rulefile",
    "clean_text": "textclean",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # once found, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__version__ = "0.1.0"

__all__ = [
    "BandedLSH",
    "CleanOptions",
    "CleanerError",
    "Cluster",
    "Comparison",
    "ConfigError",
    "DedupResult",
    "Deduplicator",
    "Document",
    "FieldNames",
    "InputError",
    "Link",
    "Member",
    "MinHasher",
    "PairScore",
    "Passage",
    "Removal",
    "RunStats",
    "clean_html",
    "clean_text",
    "compare",
    "load_catalogue",
    "run_clean",
    "run_dedup",
    "shared_passages",
]
