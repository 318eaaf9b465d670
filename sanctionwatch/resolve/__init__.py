"""Resolve: tie document entities to list entries and to each other across documents, group
events into claims with their supporters and deniers, and flag what touches a sanctions regime.
"""

from __future__ import annotations

from sanctionwatch.resolve._claims import STANCES, WINDOW_DAYS, Claim, build_claims
from sanctionwatch.resolve._compare import name_form, same_name
from sanctionwatch.resolve._entities import CanonicalEntity, Resolution, resolve_entities
from sanctionwatch.resolve._flags import flag_claims
from sanctionwatch.resolve._judgements import JUDGEMENT_KINDS, Ref, Rulings, entity_ref, parse_ref
from sanctionwatch.resolve._linker import COMPATIBLE_SCHEMATA, StoreLinker
from sanctionwatch.resolve._model import (
    DocEntity,
    DocEvent,
    DocInfo,
    GraphInputs,
    Judgement,
    Listing,
    publisher_of,
)
from sanctionwatch.resolve._sources import Sources, jaccard, shingles

__all__ = [
    "COMPATIBLE_SCHEMATA",
    "JUDGEMENT_KINDS",
    "STANCES",
    "WINDOW_DAYS",
    "CanonicalEntity",
    "Claim",
    "DocEntity",
    "DocEvent",
    "DocInfo",
    "GraphInputs",
    "Judgement",
    "Listing",
    "Ref",
    "Resolution",
    "Rulings",
    "Sources",
    "StoreLinker",
    "build_claims",
    "entity_ref",
    "flag_claims",
    "jaccard",
    "name_form",
    "parse_ref",
    "publisher_of",
    "resolve_entities",
    "same_name",
    "shingles",
]
