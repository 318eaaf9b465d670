"""The nlp stage's data tables under ``sanctionwatch/data/``: loaded once and validated.

Every table is a YAML file named for its concept. A malformed file raises
:class:`~sanctionwatch.exc.PipelineError` naming the file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from sanctionwatch.exc import PipelineError

__all__ = [
    "EVENT_TYPES",
    "Country",
    "EventLexicon",
    "Item",
    "Regime",
    "RegimeRule",
    "Trigger",
    "attribution_table",
    "bodies",
    "countries",
    "event_lexicon",
    "items",
    "korean_surnames",
    "listed_party_table",
    "modality_table",
    "regimes",
    "titles",
    "vessel_cues",
]

#: The 16 PLOVER event types.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_ITEM_CATEGORIES = ("military", "economic", "personnel")


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
class Trigger:
    """One entry of the event lexicon."""

    lemma: str
    pos: tuple[str, ...]
    type: str
    mode: str | None
    objects: tuple[str, ...] = ()
    object_modes: dict[str, str] = field(default_factory=dict)
    item_modes: bool = False
    type_with_target: str | None = None
    particle: str | None = None


@dataclass(frozen=True)
class EventLexicon:
    """Triggers by lemma, and the light verbs a noun trigger joins ("hold talks")."""

    triggers: dict[str, tuple[Trigger, ...]]
    light_verbs: frozenset[str]


@dataclass(frozen=True)
class Item:
    """A kind of goods (or people) an event moves."""

    name: str
    phrases: tuple[str, ...]
    category: str


@dataclass(frozen=True)
class RegimeRule:
    """One prohibition of a regime, as the event rule that detects it."""

    provision: str
    direction: str
    event_types: tuple[str, ...]
    item_category: str
    reason: str


@dataclass(frozen=True)
class Regime:
    """A sanctions regime aimed at one country."""

    id: str
    country: str
    rules: tuple[RegimeRule, ...]


def _load(name: str) -> dict[str, Any]:
    path = f"sanctionwatch/data/{name}"
    try:
        text = resources.files("sanctionwatch").joinpath("data", name).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as e:
        raise PipelineError(f"cannot read data table: {e}", path=path) from e
    if not isinstance(data, dict):
        raise PipelineError("data table must be a mapping", path=path)
    return data


def _strs(value: Any, what: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PipelineError(f"{what} must be a list of strings", path=f"sanctionwatch/data/{name}")
    return tuple(value)


def _str(entry: dict[str, Any], key: str, name: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise PipelineError(
            f"{key!r} must be a string in {entry!r}", path=f"sanctionwatch/data/{name}"
        )
    return value


def _entries(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PipelineError(
            f"{key!r} must be a list of mappings", path=f"sanctionwatch/data/{name}"
        )
    return value


@functools.cache
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-2 code, from ``countries.yaml``."""
    name = "countries.yaml"
    table = _load(name).get("countries")
    if not isinstance(table, dict):
        raise PipelineError("'countries' must be a mapping", path=f"sanctionwatch/data/{name}")
    out: dict[str, Country] = {}
    for code, entry in table.items():
        if not (isinstance(code, str) and len(code) == 2 and code.islower()):
            raise PipelineError(
                f"{code!r} is not an ISO alpha-2 code", path=f"sanctionwatch/data/{name}"
            )
        if not isinstance(entry, dict):
            raise PipelineError(
                f"{code}: entry must be a mapping", path=f"sanctionwatch/data/{name}"
            )
        out[code] = Country(
            code=code,
            name=_str(entry, "name", name),
            **{k: _strs(entry.get(k), f"{code}.{k}", name) for k in
               ("names", "demonyms", "capitals", "seats", "places")},
        )  # fmt: skip
    return out


@functools.cache
def bodies() -> dict[str, tuple[str, ...]]:
    """International bodies: display name -> other names, from ``bodies.yaml``."""
    name = "bodies.yaml"
    return {
        _str(e, "name", name): _strs(e.get("names"), "names", name)
        for e in _entries(_load(name), "bodies", name)
    }


@functools.cache
def titles() -> tuple[str, ...]:
    """Title words, lower case, longest first, from ``titles.yaml``."""
    name = "titles.yaml"
    words = _strs(_load(name).get("titles"), "titles", name)
    return tuple(sorted({w.lower() for w in words}, key=lambda w: (-len(w.split()), w)))


@functools.cache
def vessel_cues() -> tuple[str, ...]:
    """Words that introduce a vessel's name, lower case, from ``vessels.yaml``."""
    name = "vessels.yaml"
    return tuple(w.lower() for w in _strs(_load(name).get("cues"), "cues", name))


@functools.cache
def korean_surnames() -> frozenset[str]:
    """Korean family names, from ``surnames.yaml``."""
    name = "surnames.yaml"
    return frozenset(_strs(_load(name).get("korean"), "korean", name))


@functools.cache
def items() -> tuple[Item, ...]:
    """Goods an event can move, from ``items.yaml``."""
    name = "items.yaml"
    out = []
    for e in _entries(_load(name), "items", name):
        category = _str(e, "category", name)
        if category not in _ITEM_CATEGORIES:
            raise PipelineError(
                f"unknown item category {category!r}", path=f"sanctionwatch/data/{name}"
            )
        out.append(Item(_str(e, "name", name), _strs(e.get("phrases"), "phrases", name), category))
    return tuple(out)


def _trigger(e: dict[str, Any], name: str) -> Trigger:
    etype = _str(e, "type", name)
    with_target = e.get("type_with_target")
    for t in (etype, with_target):
        if t is not None and t not in EVENT_TYPES:
            raise PipelineError(
                f"{t!r} is not a PLOVER event type", path=f"sanctionwatch/data/{name}"
            )
    mode = e.get("mode")
    object_modes = e.get("object_modes") or {}
    if (mode is not None and not isinstance(mode, str)) or not isinstance(object_modes, dict):
        raise PipelineError(f"bad mode in {e!r}", path=f"sanctionwatch/data/{name}")
    pos = _strs(e.get("pos"), "pos", name) or ("VERB", "NOUN")
    return Trigger(
        lemma=_str(e, "lemma", name).lower(), pos=pos, type=etype, mode=mode,
        objects=_strs(e.get("objects"), "objects", name), object_modes=dict(object_modes),
        item_modes=bool(e.get("item_modes", False)), type_with_target=with_target,
        particle=e.get("particle"),
    )  # fmt: skip


@functools.cache
def event_lexicon() -> EventLexicon:
    """The event lexicon from ``events.yaml``."""
    name = "events.yaml"
    data = _load(name)
    by_lemma: dict[str, list[Trigger]] = {}
    for e in _entries(data, "triggers", name):
        trig = _trigger(e, name)
        by_lemma.setdefault(trig.lemma, []).append(trig)
    light = frozenset(_strs(data.get("light_verbs"), "light_verbs", name))
    return EventLexicon({k: tuple(v) for k, v in by_lemma.items()}, light)


def _word_table(name: str) -> dict[str, frozenset[str]]:
    data = _load(name)
    return {k: frozenset(_strs(v, k, name)) for k, v in data.items()}


@functools.cache
def modality_table() -> dict[str, frozenset[str]]:
    """Modality cue words by kind, from ``modality.yaml``."""
    return _word_table("modality.yaml")


@functools.cache
def attribution_table() -> dict[str, frozenset[str]]:
    """Reporting verbs and source prepositions, from ``attribution.yaml``."""
    return _word_table("attribution.yaml")


@functools.cache
def regimes() -> tuple[Regime, ...]:
    """Sanctions regimes and their rules, from ``regimes.yaml``."""
    name = "regimes.yaml"
    out = []
    for e in _entries(_load(name), "regimes", name):
        rules = []
        for r in _entries(e, "rules", name):
            direction = _str(r, "direction", name)
            if direction not in ("to", "from"):
                raise PipelineError(f"direction must be 'to' or 'from', not {direction!r}",
                                    path=f"sanctionwatch/data/{name}")  # fmt: skip
            rules.append(RegimeRule(
                provision=_str(r, "provision", name), direction=direction,
                event_types=_strs(r.get("event_types"), "event_types", name),
                item_category=_str(r, "item_category", name),
                reason=" ".join(_str(r, "reason", name).split()),
            ))  # fmt: skip
        out.append(Regime(_str(e, "id", name), _str(e, "country", name), tuple(rules)))
    return tuple(out)


@functools.cache
def listed_party_table() -> tuple[str, dict[str, str]]:
    """The listed-party reason and the regime name for each list dataset."""
    name = "regimes.yaml"
    entry = _load(name).get("listed_party")
    if not isinstance(entry, dict) or not isinstance(entry.get("datasets"), dict):
        raise PipelineError(
            "'listed_party.datasets' must be a mapping", path=f"sanctionwatch/data/{name}"
        )
    return _str(entry, "reason", name), {str(k): str(v) for k, v in entry["datasets"].items()}
