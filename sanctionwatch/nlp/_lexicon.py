"""The event lexicon, the items events move, and the sanctions regimes: data tables, validated.

From ``events.yaml``, ``items.yaml`` and ``regimes.yaml`` under ``sanctionwatch/data/``; a
malformed file raises :class:`~sanctionwatch.exc.PipelineError` naming it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.nlp._data import bad, entries, load, strs, text

__all__ = [
    "EVENT_TYPES",
    "ITEM_CATEGORIES",
    "EventLexicon",
    "Item",
    "Regime",
    "RegimeRule",
    "Trigger",
    "event_lexicon",
    "items",
    "listed_party_table",
    "program_countries",
    "regimes",
]

#: The 16 PLOVER event types.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
#: Item categories: the AID mode they give (cargo gives none).
ITEM_CATEGORIES = ("military", "economic", "personnel", "cargo")
_FLAGS = (
    "item_modes", "reverse", "requires_items", "needs_target", "needs_actor",
    "locative_target", "reporting", "exchange", "of_target", "agent",
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """One entry of the event lexicon (see the comments in ``events.yaml``)."""

    lemma: str
    pos: tuple[str, ...]
    type: str
    mode: str | None
    objects: tuple[str, ...] = ()
    object_modes: dict[str, str] = field(default_factory=dict)
    object_types: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    item_modes: bool = False
    type_with_target: str | None = None
    particles: tuple[str, ...] = ()
    gap_particles: tuple[str, ...] = ()
    reverse: bool = False
    person_object: tuple[str, str | None] | None = None
    with_role: str = "target"
    from_role: str = "actor"
    requires_items: bool = False
    needs_target: bool = False
    needs_actor: bool = False
    subjects: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    locative_target: bool = False
    reporting: bool = False
    actor_types: tuple[str, ...] = ()
    exchange: bool = False
    of_target: bool = False
    agent: bool = False


@dataclass(frozen=True)
class EventLexicon:
    """Triggers by lemma, the light verbs a noun trigger joins ("hold talks"), and the phrases
    that join an event to its counterpart ("in exchange for")."""

    triggers: dict[str, tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    exchange_markers: tuple[str, ...]
    #: Prepositions opening a list of the parties a sanction covers ("Among the listings is X").
    listing_cues: tuple[str, ...] = ()
    #: The nouns such a list is of ("listing", "designation").
    listing_nouns: tuple[str, ...] = ()
    listing_verbs: tuple[str, ...] = ()
    #: Verbs whose subject (or agent) received the goods they take: "shells used by Russia".
    user_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Item:
    """A kind of goods (or people) an event moves."""

    name: str
    phrases: tuple[str, ...]
    category: str
    classes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RegimeRule:
    """One prohibition of a regime, as the event rule that detects it."""

    provision: str
    direction: str
    event_types: tuple[str, ...]
    classes: frozenset[str]
    reason: str
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regime:
    """A sanctions regime aimed at one country."""

    id: str
    country: str
    rules: tuple[RegimeRule, ...]


def _type_mode(value: Any, name: str) -> tuple[str, str | None]:
    if not isinstance(value, str):
        raise bad(name, f"{value!r} must be TYPE or TYPE/mode")
    etype, _, mode = value.partition("/")
    if etype not in EVENT_TYPES and etype != "NONE":
        raise bad(name, f"{etype!r} is not a PLOVER event type")
    return etype, mode or None


def _trigger(e: dict[str, Any], name: str) -> Trigger:
    etype = text(e, "type", name)
    with_target = e.get("type_with_target")
    for t in (etype, with_target):
        if t is not None and t not in EVENT_TYPES:
            raise bad(name, f"{t!r} is not a PLOVER event type")
    mode = e.get("mode")
    object_modes = e.get("object_modes") or {}
    object_types = e.get("object_types") or {}
    if (mode is not None and not isinstance(mode, str)) or not isinstance(object_modes, dict):
        raise bad(name, f"bad mode in {e!r}")
    if not isinstance(object_types, dict):
        raise bad(name, f"object_types must be a mapping in {e!r}")
    particle = e.get("particle")
    particles = (particle,) if isinstance(particle, str) else strs(particle, "particle", name)
    flags: dict[str, Any] = {k: bool(e.get(k, False)) for k in _FLAGS}
    defaults = (("with_role", "target"), ("from_role", "actor"))
    roles: dict[str, Any] = {k: e.get(k, d) for k, d in defaults}
    if roles["with_role"] not in ("actor", "target") or roles["from_role"] not in (
        "actor", "target", "none"
    ):
        raise bad(name, f"with_role must be actor or target, from_role actor, target or none "
                        f"in {e!r}")  # fmt: skip
    person = e.get("person_object")
    return Trigger(
        lemma=text(e, "lemma", name).lower(),
        pos=strs(e.get("pos"), "pos", name) or ("VERB", "NOUN"),
        type=etype, mode=mode,
        objects=strs(e.get("objects"), "objects", name),
        object_modes=dict(object_modes),
        object_types={k: _type_mode(v, name) for k, v in object_types.items()},
        type_with_target=with_target, particles=particles,
        gap_particles=strs(e.get("gap_particles"), "gap_particles", name),
        person_object=_type_mode(person, name) if person else None,
        subjects=strs(e.get("subjects"), "subjects", name),
        modifiers=strs(e.get("modifiers"), "modifiers", name),
        actor_types=strs(e.get("actor_types"), "actor_types", name),
        **roles, **flags,
    )  # fmt: skip


@functools.cache
def event_lexicon() -> EventLexicon:
    """The event lexicon from ``events.yaml``."""
    name = "events.yaml"
    data = load(name)
    by_lemma: dict[str, list[Trigger]] = {}
    for e in entries(data, "triggers", name):
        trig = _trigger(e, name)
        if any(
            set(t.pos) & set(trig.pos) and not (t.particles or t.subjects or t.modifiers)
            for t in by_lemma.get(trig.lemma, ())
        ):
            # a later entry for a word class is read only where an earlier one's particle,
            # subject or modifier is missing ("a phone call", "a call on X")
            raise bad(
                name,
                f"{trig.lemma!r} has two entries for the same part of speech, the first "
                "without a particle, subject or modifier to tell them apart",
            )
        by_lemma.setdefault(trig.lemma, []).append(trig)
    light = frozenset(strs(data.get("light_verbs"), "light_verbs", name))
    markers = strs(data.get("exchange_markers"), "exchange_markers", name)
    cues = strs(data.get("listing_cues"), "listing_cues", name)
    nouns = strs(data.get("listing_nouns"), "listing_nouns", name)
    verbs = strs(data.get("listing_verbs"), "listing_verbs", name)
    users = frozenset(strs(data.get("user_verbs"), "user_verbs", name))
    return EventLexicon(
        {k: tuple(v) for k, v in by_lemma.items()}, light, markers, cues, nouns, verbs, users
    )


@functools.cache
def items() -> tuple[Item, ...]:
    """Goods an event can move, from ``items.yaml``."""
    name = "items.yaml"
    out = []
    for e in entries(load(name), "items", name):
        category = text(e, "category", name)
        if category not in ITEM_CATEGORIES:
            raise bad(name, f"unknown item category {category!r}")
        classes = frozenset(strs(e.get("classes"), "classes", name)) | {"any"}
        out.append(Item(text(e, "name", name), strs(e.get("phrases"), "phrases", name),
                        category, classes))  # fmt: skip
    return tuple(out)


@functools.cache
def regimes() -> tuple[Regime, ...]:
    """Sanctions regimes and their rules, from ``regimes.yaml``."""
    name = "regimes.yaml"
    out = []
    for e in entries(load(name), "regimes", name):
        rules = []
        for r in entries(e, "rules", name):
            direction = text(r, "direction", name)
            if direction not in ("to", "from", "either"):
                raise bad(name, f"direction must be to, from or either, not {direction!r}")
            types = strs(r.get("event_types"), "event_types", name)
            if not set(types) <= set(EVENT_TYPES):
                raise bad(name, f"unknown event type in {types!r}")
            rules.append(RegimeRule(
                provision=text(r, "provision", name), direction=direction, event_types=types,
                classes=frozenset(strs(r.get("classes"), "classes", name)),
                reason=" ".join(text(r, "reason", name).split()),
                context=tuple(c.lower() for c in strs(r.get("context"), "context", name)),
            ))  # fmt: skip
        out.append(Regime(text(e, "id", name), text(e, "country", name), tuple(rules)))
    return tuple(out)


@functools.cache
def program_countries() -> dict[str, str]:
    """List programme name prefix -> the country code it is aimed at."""
    name = "regimes.yaml"
    table = load(name).get("program_countries") or {}
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise bad(name, "'program_countries' must map programme prefixes to country codes")
    return {str(k).upper(): v for k, v in table.items()}


@functools.cache
def listed_party_table() -> tuple[str, dict[str, str]]:
    """The listed-party reason and the regime name for each list dataset."""
    name = "regimes.yaml"
    entry = load(name).get("listed_party")
    if not isinstance(entry, dict) or not isinstance(entry.get("datasets"), dict):
        raise bad(name, "'listed_party.datasets' must be a mapping")
    return text(entry, "reason", name), {str(k): str(v) for k, v in entry["datasets"].items()}
