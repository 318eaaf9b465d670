"""Reading what a caller asks for: a name (checked), its type, identifiers written into it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.exc import InputError
from sanctionwatch.names._analyse import PERSON, Analysis, analyse
from sanctionwatch.names._index import MAX_NAME_CHARS
from sanctionwatch.names._records import kind_of
from sanctionwatch.names._text import clean_text
from sanctionwatch.names._translit import split_scripts

__all__ = ["SCHEMATA", "Query", "read_query", "schema_name"]

#: Query types and the list schemata each may match; keys are also accepted in lower case.
SCHEMATA: dict[str, tuple[str, ...]] = {
    "Person": ("Person",),
    "Organization": ("Organization", "Company", "LegalEntity", "PublicBody"),
    "Vessel": ("Vessel",),
}
_ALIASES = {
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "org": "Organization",
    "company": "Organization",
    "vessel": "Vessel",
}
_IMO = re.compile(r"\bIMO[\s:#.-]*(\d{7})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    """A checked query name: its readings (one, or two for a name written in two scripts) and
    the IMO numbers written into it."""

    text: str
    readings: tuple[Analysis, ...]
    identifiers: tuple[str, ...]


def schema_name(schema: str | None) -> str | None:
    """The canonical query type (``"person"`` -> ``"Person"``); an unknown type is an error."""
    if schema is None or not schema.strip():
        return None
    name = _ALIASES.get(schema.strip().lower(), schema.strip())
    if name not in SCHEMATA:
        raise InputError(f"unknown type {schema!r} (use person, organization or vessel)")
    return name


def read_query(name: object, schema: str | None) -> Query:
    """Check and analyse a query name.

    :raises InputError: not text, empty, longer than :data:`MAX_NAME_CHARS`, or without a
        letter or digit left to compare.
    """
    if not isinstance(name, str):
        raise InputError(f"a name must be text, not {type(name).__name__}")
    if not name.strip():
        raise InputError("the name is empty")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"the name is {len(name):,} characters long; at most {MAX_NAME_CHARS:,}")
    text = name
    identifiers = tuple(_IMO.findall(text))
    if identifiers:
        text = _IMO.sub(" ", text)
    kind = kind_of(schema)
    texts = [text]
    if not text.isascii():
        pieces = split_scripts(clean_text(text, person=kind == PERSON).text)
        texts = pieces if len(pieces) > 1 else texts
    readings = tuple(a for a in (analyse(t, kind=kind) for t in texts) if a.parts)
    if not readings:
        raise InputError(f"the name {name[:80]!r} has no letters or digits to compare")
    return Query(name, readings, identifiers)
