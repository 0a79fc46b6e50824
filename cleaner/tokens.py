"""Tokens and shingles for comparing documents, in any script.

Text is normalised first (NFKC, case folding, one form for quotes, dashes,
digits and Arabic-script letter variants, diacritics dropped) so that typographic
differences between outlets do not hide a copy. Space-delimited scripts
(Latin, Cyrillic, Greek, Arabic, Urdu, Hebrew, Devanagari, Hangul, ...) give
words; Chinese, Japanese and Thai, written without spaces, give one token per
character, so their shingles are character n-grams.

>>> tokens("“Don’t” — he said")
["don't", 'he', 'said']
>>> tokens("东京の天気")
['东', '京', 'の', '天', '気']
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["normalize", "scan_text", "stand_in", "token_spans", "tokens"]

_TRANSLATE = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        # Arabic-script letter variants that outlets and keyboards mix freely.
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي",
        "ك": "ک", "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ي",
        "ـ": None,  # tatweel, a stretching stroke
    }
)  # fmt: skip
# Every script's decimal digits read as ASCII digits: an agency writes 2024 where
# a newspaper prints ٢٠٢٤ or ۲۰۲۴.
_TRANSLATE.update(
    {
        cp: str(unicodedata.digit(chr(cp)))
        for cp in range(0x80, 0x10000)
        if unicodedata.category(chr(cp)) == "Nd"
    }
)
_UNSPACED = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
)
# Combining marks are not \w in Python, but inside Indic and Arabic-script words
# they are part of the word (vowel signs), so they join the word class.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
#: One character of a space-delimited word, as tokens are found.
WORD_PATTERN = rf"(?![{_UNSPACED}])[\w{_MARKS}]"
_WORD = rf"(?:{WORD_PATTERN})+"
_TOKEN = re.compile(rf"[{_UNSPACED}][{_MARKS}\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*|{_WORD}(?:['’]{_WORD})*")
# Diacritics dropped for comparison: Latin accents, Hebrew points, Arabic harakat.
_DROPPED_MARKS = re.compile("[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")


def _drop_marks(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _DROPPED_MARKS.sub("", unicodedata.normalize("NFD", text)))


def normalize(text: str) -> str:
    """The form documents are compared in (same length guarantees are not kept)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLATE)
    return _drop_marks(text)


@lru_cache(maxsize=1 << 16)
def _normalize_token(token: str) -> str:
    return normalize(token)


def tokens(text: str) -> list[str]:
    """Normalised word tokens (single characters for CJK and Thai)."""
    return _TOKEN.findall(normalize(text))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, token)`` for each token, with offsets into the original text.

    Tokens are found on the original text and normalised one by one, so the
    offsets point at what a reader sees. (ASCII text normalises character for
    character, so there they are found on the normalised text at once.)
    """
    if text.isascii():
        return ((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(normalize(text)))
    return _spans_one_by_one(text)


def _spans_one_by_one(text: str) -> Iterator[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    # Normalising the tokens joined by NUL is normalising each: NUL is not a
    # word character, nothing composes, reorders or folds across it. One call
    # instead of one per token.
    normal = normalize("\0".join(token for _, _, token in found)).split("\0")
    if len(normal) != len(found):  # cannot happen; kept as a guard
        normal = [_normalize_token(token) for _, _, token in found]
    for (start, end, _), token in zip(found, normal):
        if token:
            yield start, end, token


# ----------------------------------------------------------------------------- the shingle scan's input
# (:mod:`cleaner.shingling`: here, without numpy, so a process that only reads
# can prepare texts for the scan)

# Contexts a stand-in must tokenise like its character in (space-separated).
_CONTEXTS = "ab{0}cd {0}ab ab{0} a'{0}b a{0}'b 1{0}2 {0}"
_HANDLER = "cleaner-ascii-stand-in"


@functools.cache
def stand_in(char: str) -> str | None:
    """An ASCII stand-in for ``char`` that :func:`~cleaner.tokens.tokens`
    treats alike in every context, or None: its normal form when that is
    ASCII (``é`` -> ``e``, ``’`` -> ``'``), else a space when it ends a token
    (``©``, ``•``). Marks and format characters, which attach to their
    neighbours, and letters of other scripts have none."""
    if unicodedata.category(char)[0] in "MC" or unicodedata.combining(char):
        return None
    form = normalize(char)
    candidate = form if form.isascii() else " "
    if tokens(_CONTEXTS.format(char)) == tokens(_CONTEXTS.format(candidate)):
        return candidate
    return None


class _NoStandIn(Exception):
    pass


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: ASCII stand-ins for a run of characters."""
    assert isinstance(error, UnicodeEncodeError)
    out = []
    for char in error.object[error.start : error.end]:
        replacement = stand_in(char)
        if replacement is None:
            raise _NoStandIn(char)
        out.append(replacement)
    return "".join(out), error.end


codecs.register_error(_HANDLER, _stand_in)


def _raw_form(text: str) -> bytes | None:
    """``text`` as ASCII with stand-ins, case not yet folded."""
    if text.isascii():
        return text.encode("ascii")
    try:
        return text.encode("ascii", _HANDLER)
    except _NoStandIn:
        return None


def _fold_case(data: bytes) -> bytes:
    """Lower case, and the backtick as an apostrophe (as normalisation does).
    A no-op on the joined tokens of :func:`tokens`, which are folded already."""
    data = data.lower()
    return data.replace(b"`", b"'") if b"`" in data else data


def _unfolded_form(text: str) -> bytes:
    form = _raw_form(text)
    return form if form is not None else " ".join(tokens(text)).encode("utf-8")


def _scan_byte(byte: int) -> int:
    if byte >= 0x80 or byte == 0:
        return byte
    char = chr(byte).lower()
    if char.isalnum() or char == "_":
        return ord(char)
    return ord("'") if char in "'`" else ord(" ")


#: The scan's alphabet (:func:`scan_text`): ASCII letters lower-cased, the
#: backtick an apostrophe (as normalisation does), every other ASCII byte that
#: is no word byte a space, so that a byte above the apostrophe is a word
#: byte (one comparison, :mod:`cleaner.shingling`). Bytes of non-ASCII
#: characters (only joined tokens hold them) are word bytes, kept.
_SCAN_TABLE = bytes(_scan_byte(byte) for byte in range(256))


@functools.cache
def _latin_table() -> bytes:
    """:data:`_SCAN_TABLE` for Latin-1 bytes: each character of U+0080 to
    U+00FF (``©``, ``é``) as its one-byte stand-in, or 0x80 where it has none."""
    out = bytearray(_SCAN_TABLE[:128])
    for byte in range(128, 256):
        form = stand_in(chr(byte))
        out.append(_SCAN_TABLE[ord(form)] if form is not None and len(form) == 1 else 0x80)
    return bytes(out)


def _scan_form(text: str) -> bytes:
    if text.isascii():
        return text.encode("ascii").translate(_SCAN_TABLE)
    try:
        # A Latin-1 text (accents, ©): stand-ins by table, not by an error
        # handler called for every run of non-ASCII characters.
        form = text.encode("latin-1").translate(_latin_table())
        if form.isascii():
            return form
    except UnicodeEncodeError:
        pass
    return _unfolded_form(text).translate(_SCAN_TABLE)


def scan_text(texts: list[str]) -> tuple[bytes, list[int]]:
    """What :mod:`cleaner.shingling` scans for ``texts``: their ASCII forms
    in the scan's alphabet (:data:`_SCAN_TABLE`), each followed by a NUL
    byte (no word byte: tokens do not span two texts), and each form's size."""
    forms = [_scan_form(text) for text in texts]
    return b"\0".join([*forms, b""]), [len(form) for form in forms]
