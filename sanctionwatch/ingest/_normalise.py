"""Text normalisation: the one canonical form every offset in sanctionwatch refers to.

:func:`normalise_text` is deliberately simple and idempotent, so that the same report read
from a CRLF file, an LF file or an HTML page with stray zero-width characters gets the same
text and therefore the same :func:`~sanctionwatch.ingest.document_id`.

Also here: small normalisers for metadata values (titles, dates, language codes) shared by the
format readers.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

__all__ = ["normalise_date", "normalise_language", "normalise_line", "normalise_text"]

#: Line separators other than ``\n`` that end a line: CR is handled first, these become ``\n``.
LINE_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

#: Invisible characters removed from the text: soft hyphen, zero-width spaces and joiners, bidi
#: marks and embeddings, word joiner, invisible operators, variation selectors, Hangul fillers,
#: BOM, tag characters. (They hide inside names to dodge screening.)
INVISIBLE_CHARS = (
    "\u00ad\u034f\u061c\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
)

DEFAULT_LANGUAGE = "en"

_LINE_SEPARATOR_RE = re.compile(f"[{LINE_SEPARATORS}]")
# Control characters except \t and \n, invisible characters, lone surrogates, non-characters.
_REMOVE_RE = re.compile(
    f"[\x00-\x08\x0d\x0e-\x1f\x7f-\x9f{INVISIBLE_CHARS}\ud800-\udfff\ufffe\uffff]"
)
# Unicode spaces other than the ASCII space (NBSP, en/em spaces, narrow NBSP, ideographic...).
_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN_RE = re.compile(r"[ \t]{2,}")
_LINE_EDGE_RE = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_DATE_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_LANGUAGE_RE = re.compile(r"^([A-Za-z]{2,3})(?:$|[-_])")


def normalise_text(text: str) -> str:
    """Return the normalised form of ``text``, the form all offsets refer to.

    In order: ``\\r\\n`` and ``\\r`` (and the other line separators: VT, FF, NEL, U+2028,
    U+2029) become ``\\n``; control characters other than ``\\n`` and ``\\t``, zero-width and
    other invisible formatting characters, lone surrogates and non-characters are removed;
    Unicode spaces (NBSP, em space, ...) become an ASCII space; the text is put in Unicode
    NFC; runs of two or more spaces/tabs become one space; spaces and tabs at the start and
    end of each line are removed; more than one blank line in a row becomes one; leading and
    trailing whitespace is stripped. The function is idempotent.

    :param text: any text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATOR_RE.sub("\n", text)
    text = _REMOVE_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACE_RUN_RE.sub(" ", text)
    text = _LINE_EDGE_RE.sub("", text)
    text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()


def normalise_line(value: object) -> str | None:
    """A metadata value as one normalised line (for titles), or ``None`` if it is empty.

    :param value: a string (other scalars are converted with ``str``); ``None`` passes through.
    """
    if value is None or isinstance(value, (dict, list, tuple, set, bytes)):
        return None
    line = " ".join(normalise_text(str(value)).split())
    return line or None


def normalise_date(value: object) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or ``None`` if it cannot be read as a date.

    :param value: a :class:`~datetime.date`, a :class:`~datetime.datetime` or a string that
        starts with an ISO-like date (``2024-03-05``, ``2024/3/5``, ``2024-03-05T10:00Z``).
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _DATE_RE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_language(value: object, default: str = DEFAULT_LANGUAGE) -> str:
    """A language tag (``fr``, ``en-GB``, ``pt_BR``) as its lower-case ISO 639 code.

    :param value: the declared language; anything unreadable gives ``default``.
    :param default: the code to use when ``value`` is missing or not a language tag.
    """
    if not isinstance(value, str):
        return default
    match = _LANGUAGE_RE.match(value.strip())
    return match.group(1).lower() if match else default
