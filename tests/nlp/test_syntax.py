"""Array helpers of the syntax module."""

from __future__ import annotations

import numpy as np
from spacy.language import Language

from sanctionwatch.nlp._syntax import members, positions, string_ids


def test_members_agrees_with_isin() -> None:
    rng = np.random.default_rng(7)
    values = rng.integers(0, 2**63, 400, dtype=np.uint64)
    column = rng.choice(values, 1000)
    for size in (0, 1, 5, 120, 400):
        wanted = np.sort(rng.choice(values, size, replace=False))
        assert (members(column, wanted) == np.isin(column, wanted)).all()
    # values above and below every wanted one, and an empty column
    wanted = np.array([10, 20, 30], dtype=np.uint64)
    column = np.array([0, 10, 15, 30, 31, 2**64 - 1], dtype=np.uint64)
    assert members(column, wanted).tolist() == [False, True, False, True, False, False]
    assert members(column[:0], wanted).tolist() == []


def test_positions_finds_words_lower_cased_or_as_written(nlp: Language) -> None:
    doc = nlp.make_doc("Moscow said moscow would SIGN; Seoul would not sign.")
    assert positions(doc, ["moscow", "sign"]) == [0, 2, 4, 9]
    assert positions(doc, frozenset({"SIGN"}), lower=False) == [4]
    assert positions(doc, []) == []
    assert len(string_ids(frozenset({"a", "b"}))) == 2
