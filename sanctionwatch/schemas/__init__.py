"""JSON Schemas of sanctionwatch's public output contracts, and validators for them."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema

from sanctionwatch.exc import PipelineError

__all__ = ["EXTRACTION_V1", "validate_extraction"]


def _load(name: str) -> dict[str, Any]:
    text = resources.files("sanctionwatch.schemas").joinpath(name).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


#: The JSON Schema (draft 2020-12) of ``sanctionwatch.extraction/1``.
EXTRACTION_V1: dict[str, Any] = _load("extraction-v1.json")
_EXTRACTION_V1 = jsonschema.Draft202012Validator(EXTRACTION_V1)


def validate_extraction(obj: Any) -> None:
    """Check an extraction against :data:`EXTRACTION_V1`, and that every entity reference resolves
    (event actors, targets, locations and sources; relation subjects and objects).

    :raises PipelineError: naming the JSON path of the first problem found.
    """
    errors = sorted(_EXTRACTION_V1.iter_errors(obj), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise PipelineError(
            f"extraction does not follow the schema: {first.message}", path=first.json_path
        )
    ids = {e["id"] for e in obj["entities"]}
    for n, event in enumerate(obj["events"]):
        for role in ("actors", "targets", "locations"):
            for k, ref in enumerate(event[role]):
                if ref not in ids:
                    raise PipelineError(
                        f"unknown entity {ref!r}", path=f"$.events[{n}].{role}[{k}]"
                    )
        source = event["attribution"]
        if source is not None and source["entity"] is not None and source["entity"] not in ids:
            raise PipelineError(
                f"unknown entity {source['entity']!r}", path=f"$.events[{n}].attribution.entity"
            )
    for n, relation in enumerate(obj.get("relations", [])):
        for role in ("subject", "object"):
            ref = relation[role]
            if ref is not None and ref not in ids:
                raise PipelineError(f"unknown entity {ref!r}", path=f"$.relations[{n}].{role}")
