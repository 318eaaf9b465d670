from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sanctionwatch.nlp._spans import extend_name


def _doc(words: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    for tok in doc:
        tok.is_sent_start = tok.i == 0
    return doc


def test_extend_name_stops_at_a_vessel_cue_before_a_name() -> None:
    # untagged: every capitalised word that is not a stop word can be part of a name
    doc = _doc(["Freighter", "Angara", "Star", "carried", "cargo", "."])
    assert extend_name(doc, 1, 2, set(), org=False) == (1, 3)


def test_extend_name_takes_a_cue_word_into_a_company_name() -> None:
    doc = _doc(["Tanker", "Pacific", "Management", "chartered", "it", "."])
    assert extend_name(doc, 1, 3, set(), org=True) == (0, 3)


def test_extend_name_goes_back_over_other_capitalised_words() -> None:
    doc = _doc(["Velor", "Angara", "carried", "cargo", "."])
    assert extend_name(doc, 1, 2, set(), org=False) == (0, 2)
