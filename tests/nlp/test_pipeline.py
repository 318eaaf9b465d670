from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import sanctionwatch.nlp as nlp_pkg
from sanctionwatch.exc import PipelineError
from sanctionwatch.ingest import Document
from sanctionwatch.nlp import (
    ENTITIES_FACTORY,
    EVENTS_FACTORY,
    GAZETTEER_FACTORY,
    RELATIONS_FACTORY,
    SEGMENTER_FACTORY,
    extract,
    load_pipeline,
    use_numpy_matmul,
)
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME
from sanctionwatch.settings import SPACY_MODEL


def test_load_pipeline_missing_raises_pipeline_error() -> None:
    with pytest.raises(PipelineError, match="'no_such_pipeline_xyz' is not installed") as info:
        load_pipeline("no_such_pipeline_xyz")
    assert "SANCTIONWATCH_SPACY_MODEL" in str(info.value)
    assert isinstance(info.value.__cause__, OSError)


def test_load_pipeline_adds_components_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-4:] == [
        COMPONENT_NAME, "sanctionwatch_entities", "sanctionwatch_relations", "sanctionwatch_events",
    ]  # fmt: skip
    assert names.index("sanctionwatch_segmenter") < names.index("parser")
    assert nlp.get_pipe_meta(COMPONENT_NAME).factory == GAZETTEER_FACTORY


def _matmul_users(nlp: Language) -> set[bool]:
    """Whether each model layer of ``nlp`` multiplies with BLIS."""
    return {
        node.ops.use_blis
        for _, proc in nlp.pipeline
        if hasattr(getattr(proc, "model", None), "walk")
        for node in proc.model.walk()
    }


def test_numpy_matmul_reads_the_same(nlp: Language) -> None:
    text = (
        "Choe Son Hui met Sergei Lavrov in Moscow on Tuesday. Russia allegedly supplied "
        "North Korea with air-defence missiles, according to Seoul's intelligence service."
    )
    blis = load_pipeline(SPACY_MODEL, matmul="blis")
    assert _matmul_users(blis) == {True}
    fast = use_numpy_matmul(spacy.load(SPACY_MODEL))
    assert _matmul_users(fast) == {False}
    document = Document(text=text, published="2025-03-01")
    assert extract(document, nlp=blis) == extract(document, nlp=nlp)
    assert [t.dep_ for t in fast(text)] == [t.dep_ for t in spacy.load(SPACY_MODEL)(text)]


def test_load_pipeline_cached_per_name(nlp: Language) -> None:
    assert load_pipeline(SPACY_MODEL) is nlp


def test_components_usable_in_a_plain_pipeline() -> None:
    """The registered factories work in a user's own pipeline, run whole by ``nlp()``."""
    plain = spacy.load(SPACY_MODEL)
    plain.add_pipe(SEGMENTER_FACTORY, before="parser")
    plain.add_pipe(GAZETTEER_FACTORY)
    plain.add_pipe(ENTITIES_FACTORY)
    plain.add_pipe(RELATIONS_FACTORY)
    plain.add_pipe(EVENTS_FACTORY)
    doc = plain("PYONGYANG, May 2 (KCNA) - Belarus sold rockets to North Korea, Lukashenko said.")
    names = {e.name: e for e in doc._.sw_entities.entities}
    assert names["Pyongyang"].type == "Place" and names["North Korea"].type == "Country"
    (event,) = doc._.sw_events
    assert (event.type, [e.name for e in event.actors], [e.name for e in event.targets]) == (
        "AID", ["Belarus"], ["North Korea"],
    )  # fmt: skip
    assert doc._.sw_relations == []


def test_nlp_exports_pinned() -> None:
    assert set(nlp_pkg.__all__) == {
        "ENTITIES_FACTORY", "EVENTS_FACTORY", "GAZETTEER_FACTORY", "RELATIONS_FACTORY",
        "SCHEMA_ID", "SEGMENTER_FACTORY", "EntityStep", "EventStep", "Gazetteer", "Linker",
        "Reader", "RelationStep", "Segmenter", "extract", "extract_many", "load_pipeline",
        "use_numpy_matmul",
    }  # fmt: skip


def test_pipeline_splits_a_bracket_before_a_colon(nlp: Language) -> None:
    # spaCy reads "):" as an emoticon; in a notice it closes a bracket before a colon
    words = [t.text for t in nlp.make_doc("Baltic Star Logistics LLC (Russia): a company")]
    assert words[-4:] == [")", ":", "a", "company"]


def test_pipeline_entry_with_a_bracketed_country_heads_its_description(nlp: Language) -> None:
    text = ("Entities designated:\n\n1. Baltic Star Logistics LLC (Russia): A St "
            "Petersburg-based company that charters ships. The company has carried containers "
            "of North Korean shells from Rajin to Vostochny.")  # fmt: skip
    out = extract(Document(text=text), nlp=nlp)
    (aid,) = [v for v in out["events"] if v["type"] == "AID"]
    names = {e["id"]: e["name"] for e in out["entities"]}
    assert [names[a] for a in aid["actors"]] == ["Baltic Star Logistics LLC"]


def test_pipeline_keeps_a_prefixed_trigger_word_whole(nlp: Language) -> None:
    words = [t.text for t in nlp.make_doc("It re-exported chips, and Re-exports continue.")]
    assert "re-exported" in words and "Re-exports" in words
    # other hyphenated words are split as spaCy splits them
    assert [t.text for t in nlp.make_doc("co-operation")] == ["co", "-", "operation"]


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors said Orion Semicon LLC re-exported US microchips to Russia via Armenia.",
        "The Treasury designated Kestrel Components Ltd for re-exporting drone engines to Iran.",
    ],
)
def test_pipeline_a_re_export_is_a_transfer(nlp: Language, text: str) -> None:
    out = extract(Document(text=text), nlp=nlp)
    names = {e["id"]: e["name"] for e in out["entities"]}
    found = [([names[a] for a in v["actors"]], [names[t] for t in v["targets"]])
             for v in out["events"] if v["type"] == "AID"]  # fmt: skip
    assert len(found) == 1 and found[0][1] in (["Russia"], ["Iran"]), found
    assert found[0][0] in (["Orion Semicon LLC"], ["Kestrel Components Ltd"]), found
