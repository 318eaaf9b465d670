"""The network of a spaCy transition-based component (parser, entity recogniser), for the batch
decoders of ``_parser`` and ``_ner``.

spaCy's greedy decoders score a state from a few of its tokens: the lower layer's output for
each (token, feature slot) is computed once for all tokens, a state sums the vectors of its
feature tokens (padding for a missing one), adds the bias, takes the maxout of the pieces and
multiplies by the output layer. This module holds those weights and does those steps for an
array of states at once, in the order spaCy does them, so the floats are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.tokens import Doc

__all__ = ["Network"]


class Network:
    """The weights of a transition-based component whose model has the usual spaCy shape."""

    def __init__(self, component: Any) -> None:
        model = component.model
        self._tok2vec = model.get_ref("tok2vec")
        self._lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self._bias = self._lower.get_param("b")  # (hidden, pieces)
        self._weights = np.ascontiguousarray(upper.get_param("W").T)  # (hidden, actions)
        self._out_bias = upper.get_param("b")
        self._unseen = np.array(sorted(model.attrs.get("unseen_classes", ())), dtype="int64")

    @staticmethod
    def usable(component: Any, features: int) -> bool:
        """Whether ``component`` decodes greedily with an output layer, from ``features``
        precomputed state features."""
        model = getattr(component, "model", None)
        if model is None or component.cfg.get("beam_width", 1) != 1:
            return False
        if not model.attrs.get("has_upper") or not all(
            model.has_ref(r) for r in ("tok2vec", "lower", "upper")
        ):
            return False
        lower = model.get_ref("lower")
        return bool(lower.name == "precomputable_affine" and lower.get_dim("nF") == features)

    def precompute(self, docs: Sequence[Doc]) -> np.ndarray:
        """The lower layer's output for every token of ``docs`` in turn, (tokens + 1, features,
        hidden, pieces); row 0 is the padding, the feature of a missing token."""
        cached: np.ndarray = self._lower.predict(self._tok2vec.predict(list(docs)))
        return cached

    def scores(self, features: np.ndarray) -> np.ndarray:
        """The action scores of states from their gathered feature vectors, (states, features,
        hidden, pieces), summed in spaCy's order."""
        hidden = features[:, 0] + features[:, 1]
        for f in range(2, features.shape[1]):
            hidden += features[:, f]
        hidden += self._bias
        best = hidden[..., 0]
        for piece in range(1, hidden.shape[-1]):
            best = np.maximum(best, hidden[..., piece])
        scores: np.ndarray = best @ self._weights + self._out_bias
        if len(self._unseen):  # spaCy gives actions never seen in training the lowest score
            scores[:, self._unseen] = scores.min()
        return scores
