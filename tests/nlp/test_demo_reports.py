"""The demo reports: every one reads cleanly, and together they show every feature."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from sanctionwatch.ingest._document import Document
from sanctionwatch.nlp import extract_many
from tests.nlp.helpers import FakeLinker


@pytest.fixture(scope="module")
def outputs(nlp: Language, demo_docs: list[Document]) -> list[dict[str, Any]]:
    return list(extract_many(demo_docs, nlp=nlp, linker=FakeLinker(), batch_size=4))


def test_demo_reports_at_least_ten(demo_docs: list[Document]) -> None:
    assert len(demo_docs) >= 10
    for doc in demo_docs:
        assert 150 <= len(doc.text.split()) <= 350, doc.source
        assert doc.published and "2024" <= doc.published[:4] <= "2026"


def test_demo_reports_offsets_slice(
    demo_docs: list[Document], outputs: list[dict[str, Any]]
) -> None:
    for doc, out in zip(demo_docs, outputs, strict=True):
        assert out["document"]["id"] == doc.id
        for entity in out["entities"]:
            for m in entity["mentions"]:
                assert doc.text[m["start"] : m["end"]] == m["text"]
        for v in out["events"]:
            assert doc.text[v["start"] : v["end"]] == v["text"]


@pytest.mark.parametrize("modality", ["asserted", "alleged", "denied", "expected"])
def test_demo_reports_show_modality(outputs: list[dict[str, Any]], modality: str) -> None:
    assert any(v["modality"] == modality for out in outputs for v in out["events"])


@pytest.mark.parametrize("etype", ["CONSULT", "AGREE", "AID", "SANCTION", "REJECT", "ACCUSE"])
def test_demo_reports_show_event_type(outputs: list[dict[str, Any]], etype: str) -> None:
    assert any(v["type"] == etype for out in outputs for v in out["events"])


def test_demo_reports_link_listed_parties(outputs: list[dict[str, Any]]) -> None:
    linked = {e["name"] for out in outputs for e in out["entities"] if e["links"]}
    expected = {
        "Jo Yong Won",
        "Kim Yong Chol",
        "Munitions Industry Department",
        "Korea Mining Development Trading Corporation",
        "Ocean Maritime Management",
    }
    assert expected <= linked
    assert any(name.replace("-", " ").lower() == "ri pyong chol" for name in linked)


def test_demo_reports_cite_the_dprk_arms_provisions(outputs: list[dict[str, Any]]) -> None:
    cited = {s["provision"] for out in outputs for v in out["events"] for s in v["sanctions"]}
    assert {"UNSCR 1718 (2006) para 8(a)", "UNSCR 1718 (2006) para 8(b)"} <= cited
