"""The nlp stage's reference tables under ``sanctionwatch/data/``: loaded once and validated.

Every table is a YAML file named for its concept. A malformed file raises
:class:`~sanctionwatch.exc.PipelineError` naming the file. The event lexicon, the items and the
sanctions regimes are in :mod:`sanctionwatch.nlp._lexicon`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from sanctionwatch.exc import PipelineError

__all__ = [
    "Anaphora",
    "Country",
    "Surnames",
    "agencies",
    "anaphora",
    "attribution_table",
    "bodies",
    "countries",
    "demonyms",
    "korean_surnames",
    "leader_titles",
    "load",
    "media",
    "modality_table",
    "relation_table",
    "strs",
    "text",
    "titles",
    "vessel_cues",
]


@dataclass(frozen=True)
class Country:
    """A country: ISO code, display name and the words that name it."""

    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class Surnames:
    """Korean family names: plain, ambiguous with English words, and given-name syllables."""

    plain: frozenset[str]
    ambiguous: frozenset[str]
    syllables: frozenset[str]


@dataclass(frozen=True)
class Anaphora:
    """Words that refer back: definite descriptions, plural groups, pronouns (``anaphora.yaml``)."""

    definites: dict[str, dict[str, Any]]
    groups: dict[str, dict[str, Any]]
    pronouns: dict[str, frozenset[str]]


def bad(name: str, message: str) -> PipelineError:
    """The error for a malformed table ``name``."""
    return PipelineError(message, path=f"sanctionwatch/data/{name}")


def load(name: str) -> dict[str, Any]:
    """A table's YAML mapping."""
    try:
        raw = resources.files("sanctionwatch").joinpath("data", name).read_text("utf-8")
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as e:
        raise bad(name, f"cannot read data table: {e}") from e
    if not isinstance(data, dict):
        raise bad(name, "data table must be a mapping")
    return data


def strs(value: Any, what: str, name: str) -> tuple[str, ...]:
    """A list of non-empty strings (None is the empty list)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad(name, f"{what} must be a list of strings")
    return tuple(value)


def text(entry: dict[str, Any], key: str, name: str) -> str:
    """A required non-empty string field."""
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise bad(name, f"{key!r} must be a string in {entry!r}")
    return value


def entries(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    """A required list of mappings."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise bad(name, f"{key!r} must be a list of mappings")
    return value


@functools.cache
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-2 code, from ``countries.yaml``."""
    name = "countries.yaml"
    table = load(name).get("countries")
    if not isinstance(table, dict):
        raise bad(name, "'countries' must be a mapping")
    out: dict[str, Country] = {}
    for code, entry in table.items():
        if not (isinstance(code, str) and len(code) == 2 and code.islower()):
            raise bad(name, f"{code!r} is not an ISO alpha-2 code")
        if not isinstance(entry, dict):
            raise bad(name, f"{code}: entry must be a mapping")
        out[code] = Country(
            code=code,
            name=text(entry, "name", name),
            **{k: strs(entry.get(k), f"{code}.{k}", name) for k in
               ("names", "demonyms", "capitals", "seats", "places")},
        )  # fmt: skip
    return out


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonym -> country code."""
    return {d: c.code for c in countries().values() for d in c.demonyms}


def _named(name: str, key: str) -> dict[str, tuple[str, ...]]:
    return {
        text(e, "name", name): strs(e.get("names"), "names", name)
        for e in entries(load(name), key, name)
    }


@functools.cache
def bodies() -> dict[str, tuple[str, ...]]:
    """International bodies: display name -> other names, from ``bodies.yaml``."""
    return _named("bodies.yaml", "bodies")


@functools.cache
def body_seats() -> dict[str, tuple[str, ...]]:
    """International bodies: display name -> cities that stand for them, from ``bodies.yaml``."""
    name = "bodies.yaml"
    return {
        text(e, "name", name): strs(e.get("seats"), "seats", name)
        for e in entries(load(name), "bodies", name)
    }


@functools.cache
def media() -> dict[str, tuple[str, ...]]:
    """News organisations: display name -> other names, from ``media.yaml``."""
    return _named("media.yaml", "media")


@functools.cache
def agencies() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Government agencies: display name -> (country code, other names), from ``agencies.yaml``."""
    name = "agencies.yaml"
    out = {}
    for e in entries(load(name), "agencies", name):
        code = text(e, "country", name)
        if code not in countries():
            raise bad(name, f"unknown country {code!r} in {e!r}")
        out[text(e, "name", name)] = (code, strs(e.get("names"), "names", name))
    return out


@functools.cache
def titles() -> tuple[str, ...]:
    """Title words, lower case, longest first, from ``titles.yaml``."""
    name = "titles.yaml"
    words = strs(load(name).get("titles"), "titles", name)
    return tuple(sorted({w.lower() for w in words}, key=lambda w: (-len(w.split()), w)))


@functools.cache
def delegation_titles() -> frozenset[str]:
    """Titles of those who speak for a country at a meeting, lower case, from ``titles.yaml``."""
    name = "titles.yaml"
    words = strs(load(name).get("delegation_titles"), "delegation_titles", name)
    return frozenset(w.lower() for w in words)


@functools.cache
def portfolio_words() -> frozenset[str]:
    """Words of an office's portfolio after "for", lower case, from ``titles.yaml``."""
    name = "titles.yaml"
    words = strs(load(name).get("portfolio_words"), "portfolio_words", name)
    return frozenset(w.lower() for w in words)


@functools.cache
def portfolio_titles() -> frozenset[str]:
    """Title words a portfolio can stand before ("Energy Minister"), from ``titles.yaml``."""
    name = "titles.yaml"
    words = strs(load(name).get("portfolio_titles"), "portfolio_titles", name)
    return frozenset(w.lower() for w in words)


@functools.cache
def leader_titles() -> frozenset[str]:
    """Titles of heads of state and government, from ``titles.yaml``."""
    name = "titles.yaml"
    return frozenset(strs(load(name).get("leader_titles"), "leader_titles", name))


@functools.cache
def organisation_cues() -> frozenset[str]:
    """Nouns right before a name that make it an organisation, from ``agencies.yaml``."""
    name = "agencies.yaml"
    return frozenset(w.lower() for w in strs(load(name).get("organisation_cues"), "cues", name))


@functools.cache
def vessel_cues() -> tuple[str, ...]:
    """Words that introduce a vessel's name, lower case, from ``vessels.yaml``."""
    name = "vessels.yaml"
    return tuple(w.lower() for w in strs(load(name).get("cues"), "cues", name))


@functools.cache
def korean_surnames() -> Surnames:
    """Korean family names and given-name syllables, from ``surnames.yaml``."""
    name = "surnames.yaml"
    data = load(name)
    return Surnames(
        frozenset(strs(data.get("korean"), "korean", name)),
        frozenset(strs(data.get("ambiguous"), "ambiguous", name)),
        frozenset(strs(data.get("given_syllables"), "given_syllables", name)),
    )


def _word_table(name: str) -> dict[str, frozenset[str]]:
    data = load(name)
    return {k: frozenset(strs(v, k, name)) for k, v in data.items()}


@functools.cache
def modality_table() -> dict[str, frozenset[str]]:
    """Modality cue words by kind, from ``modality.yaml``."""
    return _word_table("modality.yaml")


@functools.cache
def attribution_table() -> dict[str, frozenset[str]]:
    """Reporting verbs and source prepositions, from ``attribution.yaml``."""
    return _word_table("attribution.yaml")


@functools.cache
def relation_table() -> dict[str, frozenset[str]]:
    """Kinship words, association phrases (by kind) and female cues, from ``relations.yaml``."""
    name = "relations.yaml"
    data = load(name)
    associates = data.get("associates")
    if not isinstance(associates, dict):
        raise bad(name, "'associates' must be a mapping")
    out = {k: frozenset(strs(data.get(k), k, name)) for k in ("kinship", "female")}
    out |= {k: frozenset(strs(v, k, name)) for k, v in associates.items()}
    return out


@functools.cache
def anaphora() -> Anaphora:
    """Definite descriptions, plural groups and pronouns, from ``anaphora.yaml``."""
    name = "anaphora.yaml"
    data = load(name)
    tables: dict[str, dict[str, Any]] = {}
    for key in ("definites", "groups", "pronouns"):
        value = data.get(key)
        if not isinstance(value, dict):
            raise bad(name, "definites, groups and pronouns must be mappings")
        tables[key] = value
    pronouns = {k: frozenset(strs(v, k, name)) for k, v in tables["pronouns"].items()}
    return Anaphora(dict(tables["definites"]), dict(tables["groups"]), pronouns)
