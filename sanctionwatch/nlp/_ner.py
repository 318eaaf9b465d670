"""The pipeline's entity recogniser, asked only for the labels the reader keeps.

spaCy's greedy NER decoder checks, at every token, whether each of its actions is valid: one
Begin, In, Last and Unit action per label, and Out. The small English model has 18 labels, seven
of them numeric (dates, times, money, quantities, ...), which sanctionwatch never reads from the
model (dates are read by rule). :func:`names_only` makes a copy of the recogniser without those
labels: the same weights, the output rows of the dropped actions removed, so the decoder picks
the best of the remaining actions. On the speed bench's articles this is about a fifth less NER
time; a word the full model would have called a date is read as the next best, mostly as no
entity.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection
from typing import Any

import numpy as np
from spacy.pipeline import EntityRecognizer
from spacy.pipeline._parser_internals.ner import BiluoPushDown
from thinc.api import Linear

__all__ = ["names_only"]


def names_only(ner: Any, dropped: Collection[str]) -> Any:
    """A copy of ``ner`` without the actions of the ``dropped`` labels, or ``ner`` itself when
    it is not a spaCy entity recogniser of the usual shape (or has none of those labels)."""
    if not isinstance(ner, EntityRecognizer) or not isinstance(ner.moves, BiluoPushDown):
        return ner
    model = ner.model
    if not model.attrs.get("has_upper") or not model.has_ref("upper"):
        return ner
    labels: dict[int, Counter[str]] = ner.moves.labels
    if not any(label in dropped for counts in labels.values() for label in counts):
        return ner
    moves = BiluoPushDown(
        ner.vocab.strings,
        {move: Counter({k: v for k, v in counts.items() if k not in dropped})
         for move, counts in labels.items()},
    )  # fmt: skip
    old = {ner.moves.get_class_name(i): i for i in range(ner.moves.n_moves)}
    keep = np.array([old[moves.get_class_name(i)] for i in range(moves.n_moves)], dtype="int64")
    model = copy.deepcopy(model)
    upper = model.get_ref("upper")
    if model.layers[-1] is not upper or not upper.has_param("W"):
        return ner
    smaller = Linear(nO=len(keep), nI=upper.get_dim("nI"))
    smaller.ops = upper.ops
    smaller.set_param("W", upper.get_param("W")[keep].copy())
    smaller.set_param("b", upper.get_param("b")[keep].copy())
    model._layers[-1] = smaller
    model.set_ref("upper", smaller)
    unseen = model.attrs.get("unseen_classes", set())
    model.attrs["unseen_classes"] = {new for new, was in enumerate(keep) if int(was) in unseen}
    return EntityRecognizer(ner.vocab, model, name=ner.name, moves=moves)
