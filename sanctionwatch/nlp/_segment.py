"""Sentence boundaries the statistical models miss in news copy: paragraph breaks and datelines.

A paragraph break (a line break) always ends a sentence; a comma never does. A dateline
("PYONGYANG, July 27 (Reuters) -", "UNITED NATIONS (AP) —", "WASHINGTON —") is cut off from the
sentence it opens, so the parser never sees it as part of the clause. The component is
registered as ``sanctionwatch_segmenter_v1``; put it before the parser (or the senter) of a
pipeline.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from sanctionwatch.nlp._syntax import line_starts

__all__ = ["SEGMENTER_FACTORY", "Segmenter", "datelines", "segment"]

SEGMENTER_FACTORY = "sanctionwatch_segmenter_v1"
_DASHES = frozenset({"-", "—", "--", "–", "---", "―"})
#: A dateline ends within this many tokens of the paragraph start.
_MAX_DATELINE = 14

if not Doc.has_extension("sw_datelines"):
    Doc.set_extension("sw_datelines", default=None)


def _paragraph_starts(doc: Doc) -> list[int]:
    return ([0] if len(doc) else []) + line_starts(doc)


def datelines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the datelines that open paragraphs (the dash excluded)."""
    out = []
    for start in _paragraph_starts(doc):
        first = doc[start]
        if not (first.is_upper and len(first.text) > 1 and first.text[0].isalpha()):
            continue
        for i in range(start + 1, min(len(doc), start + _MAX_DATELINE)):
            tok = doc[i]
            if "\n" in tok.text:
                break
            spaced = bool(doc[i - 1].whitespace_) and bool(tok.whitespace_)
            if tok.text in _DASHES and spaced and i + 1 < len(doc) and i > start:
                out.append((start, i))
                break
    return out


def segment(doc: Doc) -> Doc:
    """Start a sentence after every line break and after every dateline.

    Call it before the parser; the ranges of the datelines are kept in ``doc._.sw_datelines``.
    No sentence starts right after a comma (a sentence-final source: "..., North Korean state
    media reported.").
    """
    if len(doc) > 1 and doc.has_annotation("SENT_START"):
        comma = doc.vocab.strings.add(",")
        after = np.flatnonzero(doc.to_array(ORTH)[:-1] == comma) + 1
        starts = doc.to_array(SENT_START)
        for i in after[starts[after] == 1]:
            doc[int(i)].is_sent_start = False
    for start in _paragraph_starts(doc)[1:]:
        doc[start].is_sent_start = True
    found = datelines(doc)
    for _, dash in found:
        if dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True
    doc._.sw_datelines = found
    return doc


class Segmenter:
    """The pipeline component: :func:`segment` on every document."""

    def __init__(self, name: str = "sanctionwatch_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return segment(doc)


@Language.factory(SEGMENTER_FACTORY, default_config={})
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    """Build the segmenter component."""
    return Segmenter(name)
