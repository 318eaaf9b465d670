"""The reading steps as spaCy pipeline components, registered so others can add them to their
own pipelines::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("sanctionwatch_segmenter_v1", before="parser")
    nlp.add_pipe("sanctionwatch_gazetteer_v1")
    nlp.add_pipe("sanctionwatch_entities_v1")
    nlp.add_pipe("sanctionwatch_relations_v1")
    nlp.add_pipe("sanctionwatch_events_v1")
    doc = nlp(text)
    doc._.sw_entities.entities, doc._.sw_relations, doc._.sw_events

The entities component needs named entities (and reads tags where there are any); relations
need the entities; events need the parse and the entities, and read only parsed sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._entities import build_entities
from sanctionwatch.nlp._events import (
    Draft,
    answer_exchange,
    condemned_doers,
    find_events,
    listing_intro,
)
from sanctionwatch.nlp._items import find_items
from sanctionwatch.nlp._relations import find_relations
from sanctionwatch.nlp._syntax import has_syntax

__all__ = [
    "ENTITIES_FACTORY",
    "ENTITIES_NAME",
    "EVENTS_FACTORY",
    "EVENTS_NAME",
    "RELATIONS_FACTORY",
    "RELATIONS_NAME",
    "EntityStep",
    "EventStep",
    "RelationStep",
]

ENTITIES_FACTORY, ENTITIES_NAME = "sanctionwatch_entities_v1", "sanctionwatch_entities"
RELATIONS_FACTORY, RELATIONS_NAME = "sanctionwatch_relations_v1", "sanctionwatch_relations"
EVENTS_FACTORY, EVENTS_NAME = "sanctionwatch_events_v1", "sanctionwatch_events"

for _name in ("sw_entities", "sw_relations", "sw_events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EntityStep:
    """Mentions merged into entities: sets ``doc._.sw_entities`` (an ``EntityIndex``)."""

    def __init__(self, name: str = ENTITIES_NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sw_entities = build_entities(doc)
        return doc


class RelationStep:
    """Positions, family ties and associates: sets ``doc._.sw_relations``."""

    def __init__(self, name: str = RELATIONS_NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.sw_entities is None:
            doc._.sw_entities = build_entities(doc)
        doc._.sw_relations = find_relations(doc, doc._.sw_entities)
        return doc


class EventStep:
    """Events of parsed sentences: sets ``doc._.sw_events`` (a list of ``Draft``)."""

    def __init__(self, nlp: Language, name: str = EVENTS_NAME) -> None:
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        if doc._.sw_entities is None:
            doc._.sw_entities = build_entities(doc)
        index = doc._.sw_entities
        items = find_items(self.nlp, doc)
        drafts: list[Draft] = []
        designated: list[Entity] = []
        if doc.has_annotation("DEP"):
            for sent in doc.sents:
                found = []
                if has_syntax(doc, sent.start):
                    after = any(d.type == "SANCTION" for d in drafts)
                    found = find_events(sent, index, items, designated, after_sanction=after)
                    answer_exchange(found, drafts)
                    condemned_doers(found, drafts, index)
                if not any(d.type == "SANCTION" for d in found):
                    listing = listing_intro(sent, index)  # "Also listed are:" and entries
                    if listing is not None:
                        found.append(listing)
                        designated.extend(e for e in listing.targets if e not in designated)
                drafts.extend(found)
        doc._.sw_events = drafts
        return doc


@Language.factory(ENTITIES_FACTORY, default_config={})
def make_entities(nlp: Language, name: str) -> EntityStep:
    """Build the entities component."""
    return EntityStep(name)


@Language.factory(RELATIONS_FACTORY, default_config={})
def make_relations(nlp: Language, name: str) -> RelationStep:
    """Build the relations component."""
    return RelationStep(name)


@Language.factory(EVENTS_FACTORY, default_config={})
def make_events(nlp: Language, name: str) -> EventStep:
    """Build the events component."""
    return EventStep(nlp, name)
