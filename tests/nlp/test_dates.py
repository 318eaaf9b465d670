"""Date phrases of sentences."""

from __future__ import annotations

from spacy.language import Language

from sanctionwatch.nlp._dates import find_dates
from sanctionwatch.nlp._segment import segment


def test_find_dates_reads_each_sentence_once(nlp: Language) -> None:
    doc = segment(nlp.get_pipe("senter")(nlp.make_doc(
        "Iran shipped drones on 4 May 2025. Russia paid in late October. Nobody spoke."
    )))  # fmt: skip
    first, second, third = doc.sents
    dates = find_dates(first)
    assert [d.text for d in dates] == ["on 4 May 2025"]
    assert find_dates(first) is dates  # kept for the other events of the sentence
    assert [d.text for d in find_dates(second)] == ["in late October"]
    assert find_dates(third) == []
