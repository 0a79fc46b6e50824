"""Rule catalogues read from TOML: the built-in ``rules.toml``, extended by
users' files (``cleaner clean --rules FILE``); see the header of ``rules.toml``
for the keys. A file with a mistake fails at once, naming the rule and the key.

>>> catalogue = load_catalogue()
>>> catalogue.match("Click to copy", zone="head", sentence=False).rule
'share/click-to-act'
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .rules import Catalogue, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["load_catalogue"]

ZONES = ("any", "head", "tail")
FIELDS = ("author", "date", "dateline")
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")


def _max_width(pattern: str, flags: int) -> int:
    """The most characters ``pattern`` can match, or ``sys.maxsize`` when unbounded.

    Uses the regex parser's own width calculation (a private module, so any
    failure just means "no limit")."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        width = _parser.parse(pattern, flags).getwidth()[1]
    except Exception:  # pragma: no cover - depends on the interpreter
        return sys.maxsize
    return width if width < 65535 else sys.maxsize


def _compile_rule(entry: dict[str, Any], vocab: dict[str, str], origin: str) -> Rule:
    where = f"{origin}: rule {entry.get('category', '?')}/{entry.get('name', '?')}"
    for key in ("category", "name", "pattern"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    zone = entry.get("where", "any")
    if zone not in ZONES:
        raise ConfigError(f"{where}: 'where' must be one of {', '.join(ZONES)}, got {zone!r}")
    field = entry.get("field")
    if field is not None and field not in FIELDS:
        raise ConfigError(f"{where}: 'field' must be one of {', '.join(FIELDS)}, got {field!r}")

    def expand(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in vocab:
            raise ConfigError(f"{where}: unknown vocabulary group {{{name}}}")
        return f"(?:{vocab[name]})"

    pattern = _VOCAB_REF.sub(expand, entry["pattern"])
    flags = re.UNICODE | (re.IGNORECASE if entry.get("ignore_case", True) else 0)
    try:
        regex = re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid pattern: {exc}") from None
    hint = entry.get("hint", [])
    if not isinstance(hint, list) or not all(isinstance(word, str) and word for word in hint):
        raise ConfigError(f"{where}: 'hint' must be a list of non-empty strings")
    return Rule(
        max_length=_max_width(pattern, flags),
        hint=tuple(word.lower() for word in hint),
        category=entry["category"],
        name=entry["name"],
        regex=regex,
        where=zone,
        sentences=bool(entry.get("sentences", False)),
        short_sentences=bool(entry.get("short_sentences", True)),
        field=field,
        pattern=pattern,
        ignore_case=bool(entry.get("ignore_case", True)),
    )


def _read_toml(source: str | Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None


def _builtin_text() -> str:
    return resources.files("cleaner").joinpath("rules.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def load_catalogue(extra: tuple[str, ...] = ()) -> Catalogue:
    """The built-in catalogue, extended by the TOML files in ``extra``.

    Rules from later files replace earlier ones with the same category and
    name (``disabled = true`` removes one); new rules go after the built-ins.
    """
    sources: list[tuple[str, dict[str, Any]]] = [("rules.toml", _read_toml("rules.toml", _builtin_text()))]
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read rule file: {exc}") from None
        sources.append((path, _read_toml(path, text)))

    vocab: dict[str, str] = {}
    entries: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for origin, data in sources:
        for name, words in data.get("vocab", {}).items():
            if not isinstance(words, str):
                raise ConfigError(f"{origin}: vocab '{name}' must be a string of alternatives")
            vocab[name] = words
        rules = data.get("rule", [])
        if not isinstance(rules, list):
            raise ConfigError(f"{origin}: 'rule' must be an array of tables ([[rule]])")
        for entry in rules:
            key = (str(entry.get("category")), str(entry.get("name")))
            entries.pop(key, None)  # a replacement moves to its new place
            if not entry.get("disabled", False):
                entries[key] = (origin, entry)
    rules = [_compile_rule(entry, vocab, origin) for origin, entry in entries.values()]
    return Catalogue(rules, vocab)
