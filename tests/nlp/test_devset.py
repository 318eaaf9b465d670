"""Every report of the extraction development and test sets: the output validates against the
schema and every offset slices to its text (the figures are bench/extraction_eval.py's job)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sanctionwatch.ingest import Document, read_document
from sanctionwatch.nlp import extract_many
from sanctionwatch.schemas import validate_extraction
from tests.nlp.helpers import FakeLinker

SETS = Path(__file__).resolve().parents[2] / "bench" / "data" / "extraction"
PATHS = sorted(SETS.glob("*/*.md"))


@pytest.fixture(scope="module")
def outputs(nlp: Language) -> list[tuple[Document, dict[str, Any]]]:
    docs = [read_document(p) for p in PATHS]
    return list(zip(docs, extract_many(docs, nlp=nlp, linker=FakeLinker()), strict=True))


def test_devset_has_both_splits_and_enough_reports() -> None:
    assert len(list((SETS / "dev").glob("*.md"))) >= 20
    assert len(list((SETS / "test").glob("*.md"))) >= 10
    assert all(p.with_suffix(".gold.json").exists() for p in PATHS)


@pytest.mark.parametrize("index", range(len(PATHS)), ids=[p.stem for p in PATHS])
def test_devset_output_validates_and_offsets_slice(
    outputs: list[tuple[Document, dict[str, Any]]], index: int
) -> None:
    doc, out = outputs[index]
    validate_extraction(out)
    text = doc.text
    for entity in out["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for v in out["events"]:
        assert text[v["start"] : v["end"]] == v["text"]
    for r in out["relations"]:
        assert text[r["start"] : r["end"]] == r["text"]


_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT",
          "CONCEDE"}  # fmt: skip
_MODALITIES = {"asserted", "alleged", "denied", "expected", "hypothetical", "negated"}


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_devset_gold_is_consistent(path: Path) -> None:
    """Every gold event's anchor occurs once in the report, and names only gold entities."""
    text = read_document(path).text
    gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
    names = {e["name"] for e in gold["entities"]}
    for v in gold["events"]:
        assert text.count(v["anchor"]) == 1, v["anchor"]
        assert v["type"] in _TYPES and v["modality"] in _MODALITIES, v
        assert set(v["actors"]) | set(v["targets"]) <= names, v
        source = v.get("attribution")
        assert source is None or source["entity"] is None or source["entity"] in names, v
