"""The extraction contract's JSON Schema, and real output validated against it."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp import extract, load_pipeline
from sanctionwatch.schemas import EXTRACTION_V1, validate_extraction
from sanctionwatch.settings import SPACY_MODEL
from tests.nlp.helpers import FakeLinker, demo_documents

DOCS = demo_documents()


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, Any]]:
    nlp = load_pipeline(SPACY_MODEL)
    return {str(d.source): extract(d, nlp=nlp, linker=FakeLinker()) for d in DOCS}


def test_schemas_extraction_v1_is_draft_2020_12() -> None:
    assert EXTRACTION_V1["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(EXTRACTION_V1)
    event = EXTRACTION_V1["$defs"]["event"]["properties"]
    assert len(event["type"]["enum"]) == 16


@pytest.mark.parametrize(
    "source", [str(d.source) for d in DOCS], ids=lambda s: s.rsplit("/", 1)[-1]
)
def test_schemas_demo_report_output_validates(
    outputs: dict[str, dict[str, Any]], source: str
) -> None:
    validate_extraction(outputs[source])


def _sample(outputs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return copy.deepcopy(next(o for o in outputs.values() if o["events"]))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda o: o["events"][0].update(type="BOMB"), "$.events[0].type"),
        (lambda o: o["events"][0].update(modality="rumoured"), "$.events[0].modality"),
        (lambda o: o["entities"][0].update(type="Ship"), "$.entities[0].type"),
        (lambda o: o["entities"][0].update(mentions=[]), "$.entities[0].mentions"),
        (lambda o: o["events"][0].pop("attribution"), "$.events[0]"),
        (lambda o: o.update(schema="sanctionwatch.extraction/2"), "$.schema"),
        (lambda o: o["events"][0].update(actors=["e999"]), "$.events[0].actors[0]"),
        (
            lambda o: o.update(
                relations=[
                    {
                        "id": "r1",
                        "type": "cousin",
                        "subject": "e1",
                        "object": None,
                        "role": None,
                        "start": 0,
                        "end": 1,
                        "text": "x",
                    }
                ]
            ),
            "$.relations[0].type",
        ),
        (
            lambda o: o.update(
                relations=[
                    {
                        "id": "r1",
                        "type": "position",
                        "subject": "e999",
                        "object": None,
                        "role": "envoy",
                        "start": 0,
                        "end": 1,
                        "text": "x",
                    }
                ]
            ),
            "$.relations[0].subject",
        ),
    ],
)
def test_schemas_validate_rejects_bad_output(
    outputs: dict[str, dict[str, Any]], change: Any, path: str
) -> None:
    obj = _sample(outputs)
    change(obj)
    with pytest.raises(PipelineError) as info:
        validate_extraction(obj)
    assert info.value.path == path


def test_schemas_allow_added_fields(outputs: dict[str, dict[str, Any]]) -> None:
    obj = _sample(outputs)
    obj["events"][0]["confidence"] = 0.5
    obj["extra"] = {"anything": True}
    validate_extraction(obj)


def test_schemas_relations_are_optional_and_validated(outputs: dict[str, dict[str, Any]]) -> None:
    assert "relations" not in EXTRACTION_V1["required"]
    obj = _sample(outputs)
    obj.pop("relations", None)
    validate_extraction(obj)
    assert any(o["relations"] for o in outputs.values())
