"""cleaner: clean, deduplicated article text from raw news pages.

>>> from cleaner import clean_text, Deduplicator
>>> doc = clean_text("Click to copy\\nStorm hits coast\\nA storm hit the coast on Monday, officials said.")
>>> doc.title, doc.text
('Storm hits coast', 'A storm hit the coast on Monday, officials said.')
"""

from .clean import CleanOptions, clean_html
from .compare import Comparison, compare
from .dedup import Cluster, Deduplicator, DedupResult, Link, Member, PairScore
from .document import Document, Removal
from .errors import CleanerError, ConfigError, InputError
from .lsh import BandedLSH
from .minhash import MinHasher
from .passages import Passage, shared_passages
from .pipeline import RunStats, run_clean, run_dedup
from .read import FieldNames
from .rules import load_catalogue
from .textclean import clean_text

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
