from __future__ import annotations

import pytest
from spacy.language import Language

import sanctionwatch.nlp as nlp_pkg
from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp import GAZETTEER_FACTORY, load_pipeline
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME
from sanctionwatch.settings import SPACY_MODEL


def test_load_pipeline_missing_raises_pipeline_error() -> None:
    with pytest.raises(PipelineError, match="'no_such_pipeline_xyz' is not installed") as info:
        load_pipeline("no_such_pipeline_xyz")
    assert "SANCTIONWATCH_SPACY_MODEL" in str(info.value)
    assert isinstance(info.value.__cause__, OSError)


def test_load_pipeline_adds_gazetteer_last(nlp: Language) -> None:
    assert nlp.pipe_names[-1] == COMPONENT_NAME
    assert nlp.get_pipe_meta(COMPONENT_NAME).factory == GAZETTEER_FACTORY


def test_load_pipeline_cached_per_name(nlp: Language) -> None:
    assert load_pipeline(SPACY_MODEL) is nlp


def test_nlp_exports_pinned() -> None:
    assert set(nlp_pkg.__all__) == {
        "GAZETTEER_FACTORY", "SCHEMA_ID", "Gazetteer", "Linker", "extract", "extract_many",
        "load_pipeline",
    }  # fmt: skip
