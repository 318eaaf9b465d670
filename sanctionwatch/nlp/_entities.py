"""Entities: the mentions of one document merged into the things they refer to.

Countries merge by code and bodies by name. People merge by name: a surname-only or shorter
later form joins the most recently mentioned person whose full name contains it (so two Kims
stay apart and a bare "Kim" goes to the latest). A role phrase ("the Russian president") joins
the person the text introduced with that role ("Russian President Vladimir Putin"). An
organisation's bracketed acronym, or one matching its initials, joins it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._mentions import Mention, find_mentions

__all__ = ["Entity", "EntityIndex", "build_entities"]

# Personal pronouns an argument can be, resolved to the latest person named before them.
_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Types the statistical NER confuses with each other on unfamiliar names.
_RETYPABLE = frozenset({"Person", "Organization", "Place"})
_SPLIT = re.compile(r"[\s\-‐‑’'.]+")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _SPLIT.split(text.lower()) if t)


@dataclass
class Entity:
    """One thing the document talks about, with all its mentions."""

    id: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""
    country: list[str] = field(default_factory=list)
    key: str | None = None
    roles: set[tuple[str | None, str]] = field(default_factory=set)
    aliases: set[tuple[str, ...]] = field(default_factory=set)
    last: int = 0

    @property
    def full(self) -> bool:
        """Whether the entity is known by more than one word (a person's full name)."""
        return any(len(a) > 1 for a in self.aliases) or self.type != "Person"


@dataclass
class EntityIndex:
    """The entities of a document, and which entity each token belongs to."""

    entities: list[Entity]
    by_token: dict[int, Entity]

    def at(self, i: int) -> Entity | None:
        """The entity a mention covering token ``i`` belongs to, if any."""
        return self.by_token.get(i)

    def pronoun(self, tok: Token) -> Entity | None:
        """The person a personal pronoun refers to: the latest one named in its sentence or
        the one before, if any."""
        if tok.lower_ not in _PRONOUNS:
            return None
        sent = tok.sent
        floor = sent.start
        if floor > 0:
            floor = tok.doc[floor - 1].sent.start
        best: tuple[int, Entity] | None = None
        for e in self.entities:
            if e.type != "Person":
                continue
            for m in e.mentions:
                if floor <= m.start and m.end <= tok.i and (best is None or m.start > best[0]):
                    best = (m.start, e)
        return best[1] if best else None


def _display(doc: Doc, m: Mention) -> str:
    return doc[m.start : m.end].text


def _find_person(entities: list[Entity], words: tuple[str, ...]) -> Entity | None:
    people = sorted((e for e in entities if e.type == "Person"), key=lambda e: -e.last)
    # The latest person whose name is, or contains as first or last name, these words.
    for e in people:
        for alias in e.aliases:
            if words == alias and len(words) > 1:
                return e
            contained = set(words) <= set(alias) and len(words) < len(alias)
            if contained and (words[0] == alias[0] or words[-1] == alias[-1]):
                return e
    # A fuller name after a surname-only mention: "Putin" ... "Vladimir Putin".
    for e in people:
        if not e.full and any(set(a) <= set(words) for a in e.aliases):
            return e
    return None


def _find_role(entities: list[Entity], role: tuple[str | None, str]) -> Entity | None:
    country, title = role
    people = sorted((e for e in entities if e.type == "Person"), key=lambda e: -e.last)
    for e in people:
        for c, t in e.roles:
            # "President Vladimir Putin" ... "the Russian president": a role stated without a
            # country matches one stated with it.
            if t == title and (country is None or c is None or c == country):
                return e
    return None


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "and", "the", "for"))


def _acronym_target(
    doc: Doc, m: Mention, entities: list[Entity], prev: Mention | None
) -> Entity | None:
    text = _display(doc, m)
    if not text.isupper():
        return None
    bracketed = m.start > 0 and doc[m.start - 1].text == "("
    for e in sorted(entities, key=lambda e: -e.last):
        if e.type != "Organization":
            continue
        if bracketed and prev is not None and prev in e.mentions and prev.end == m.start - 1:
            return e
        if (text.lower(),) in e.aliases:
            return e
        if any(_initials(a) == text.lower() for a in e.aliases if len(a) > 1):
            return e
    return None


def _match(doc: Doc, m: Mention, entities: list[Entity], prev: Mention | None) -> Entity | None:
    if m.key is not None:
        return next((e for e in entities if e.key == m.key and e.type == m.type), None)
    if m.kind == "role" and m.role is not None:
        return _find_role(entities, m.role)
    words = _tokens(_display(doc, m))
    if m.type == "Person":
        return _find_person(entities, words)
    if m.type == "Organization":
        found = _acronym_target(doc, m, entities, prev)
        if found is not None:
            return found
    same = next((e for e in entities if e.type == m.type and words in e.aliases), None)
    if same is not None or m.type not in _RETYPABLE:
        return same
    # The NER may type one name differently in two places: the same words are the same thing,
    # and a person's surname on its own is that person ("Lavrov" tagged as an organisation).
    found = next(
        (e for e in entities if e.key is None and e.type in _RETYPABLE and words in e.aliases), None
    )
    return found or (_find_person(entities, words) if len(words) == 1 else None)


def _name(doc: Doc, e: Entity) -> str:
    if e.key is not None:
        if e.type == "Country":
            return _data.countries()[e.key].name
        return e.key
    named = [m for m in e.mentions if m.kind == "name"] or e.mentions
    best = max(named, key=lambda m: (len(_tokens(_display(doc, m))), m.end - m.start, -m.start))
    return _display(doc, best)


def _propagate(doc: Doc, entities: list[Entity]) -> None:
    """Add the mentions the NER missed: later untagged occurrences of a name the document
    already uses (a multi-word name, or a person's first or last name)."""
    names: dict[tuple[str, ...], Entity] = {}
    for e in entities:
        if e.key is not None or e.type == "Country":
            continue
        for m in e.mentions:
            text = _display(doc, m)
            if e.type == "Organization" and text.isupper() and text.isalpha() and len(text) > 1:
                names.setdefault(_tokens(text), e)  # an acronym: "GPAC"
        for alias in e.aliases:
            if len(alias) > 1:
                names.setdefault(alias, e)
                if e.type == "Person":
                    names.setdefault(alias[:1], e)
                    names.setdefault(alias[-1:], e)
    taken = {i for e in entities for m in e.mentions for i in range(m.start, m.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        best: tuple[int, Entity] | None = None
        for j in range(min(len(doc), i + 6), i, -1):
            if taken.intersection(range(i, j)) or doc[j - 1].is_punct:
                continue
            known = names.get(_tokens(doc[i:j].text))
            if known is not None and known.mentions[0].start < i:
                best = (j, known)
                break
        if best is None:
            i += 1
            continue
        j, known = best
        known.mentions.append(Mention(i, j, known.type))
        known.mentions.sort(key=lambda m: m.start)
        i = j


def build_entities(doc: Doc) -> EntityIndex:
    """Find the mentions in ``doc`` and merge them into entities."""
    entities: list[Entity] = []
    prev: Mention | None = None
    for m in find_mentions(doc):
        found = _match(doc, m, entities, prev)
        if found is None and m.kind == "role":
            # A role the text never tied to a name refers to no one we know; its demonym
            # still mentions the country ("the North Korean envoy").
            if m.inner is None:
                continue
            m = m.inner
            found = _match(doc, m, entities, prev)
        if found is None:
            found = Entity(id="", type=m.type, key=m.key)
            entities.append(found)
        found.mentions.append(m)
        if m.kind != "role":  # recency for surnames counts names, not role phrases
            found.last = m.start
        if m.kind != "role":
            found.aliases.add(_tokens(_display(doc, m)))
        if m.role is not None and m.kind != "role":
            found.roles.add(m.role)
        if m.country and m.country not in found.country:
            found.country.append(m.country)
        prev = m
    _propagate(doc, entities)
    for e in entities:
        types = [m.type for m in e.mentions if m.kind == "name"]
        if e.key is None and e.type in _RETYPABLE and types:
            e.type = "Person" if "Person" in types else max(set(types), key=types.count)
    by_token: dict[int, Entity] = {}
    for n, e in enumerate(entities, start=1):
        e.id = f"e{n}"
        e.name = _name(doc, e)
        for m in e.mentions:
            by_token.update(dict.fromkeys(range(m.start, m.end), e))
    return EntityIndex(entities, by_token)
