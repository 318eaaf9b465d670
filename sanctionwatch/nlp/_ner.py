"""The pipeline's entity recogniser, asked only for the labels the reader keeps.

spaCy's greedy NER decoder checks, at every token, whether each of its actions is valid: one
Begin, In, Last and Unit action per label, and Out. The small English model has 18 labels, seven
of them numeric (dates, times, money, quantities, ...), which sanctionwatch never reads from the
model (dates are read by rule). :func:`names_only` makes a copy of the recogniser without those
labels: the same weights, the output rows of the dropped actions removed, so the decoder picks
the best of the remaining actions. On the speed bench's articles this is about a fifth less NER
time; a word the full model would have called a date is read as the next best, mostly as no
entity.

:class:`BatchDecoder` reads entities with the recogniser's own weights, every document of a batch
stepping through its tokens together in numpy. spaCy's decoder takes one token of one document
at a time and asks each of its actions whether it is valid there; on the short windows the
reader gives it, that bookkeeping cost more than the network. The result is the same greedy
choice under the same rules (the same entities on every window of the development and test sets
and the speed articles; the tests compare the two on new sentences).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.pipeline._parser_internals.ner import BiluoPushDown
from spacy.tokens import Doc
from thinc.api import Linear

from sanctionwatch.nlp._transition import Network

__all__ = ["BatchDecoder", "names_only"]

#: An entity found by :class:`BatchDecoder`: start and end token, label.
Found = tuple[int, int, str]
_SLOTS = np.arange(3)


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


class BatchDecoder:
    """The greedy decoder of a spaCy entity recogniser, run on a batch of Docs at once.

    It applies the recogniser's network as spaCy does (tok2vec, the precomputed lower layer
    over three state features, maxout, the output layer) and its BILUO rules for Docs without
    preset entities: an entity does not start on a space, does not run over a sentence start
    and is closed by the last token. Use :meth:`for_recogniser`, which gives None for models
    of another shape.
    """

    def __init__(self, ner: EntityRecognizer) -> None:
        self._net = Network(ner)
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        moves = [name.partition("-")[0] for name in names]
        self._labels = sorted({name[2:] for name in names if name[:2] in ("B-", "U-")} - {""})
        index = {label: n for n, label in enumerate(self._labels)}
        # Per action: its label's number (-1: none, as "O" and the blocking "U-").
        self._label_of = np.array([index.get(name[2:], -1) for name in names], dtype="int64")
        labelled = self._label_of >= 0
        self._kinds = {m: np.array([k == m for k in moves]) & (labelled | (m == "O"))
                       for m in "BILUO"}  # fmt: skip

    @classmethod
    def for_recogniser(cls, ner: Any) -> BatchDecoder | None:
        """The decoder of ``ner``, or None when it is not a greedy spaCy recogniser with an
        output layer over three state features."""
        if not isinstance(ner, EntityRecognizer) or not isinstance(ner.moves, BiluoPushDown):
            return None
        if not Network.usable(ner, 3):
            return None
        return cls(ner)

    def __call__(self, docs: Sequence[Doc]) -> list[list[Found]]:
        """The entities of each Doc, in order.

        :raises ValueError: when a Doc holds entities already (spaCy's decoder keeps those).
        """
        found: list[list[Found]] = [[] for _ in docs]
        lengths = np.array([len(d) for d in docs], dtype="int64")
        if not len(docs) or not lengths.any():
            return found
        cached = self._net.precompute(docs)
        first = np.concatenate([[1], 1 + np.cumsum(lengths)[:-1]])
        flags = np.concatenate([d.to_array([IS_SPACE, SENT_START, ENT_IOB]) for d in docs
                                if len(d)])  # fmt: skip
        if flags[:, 2].any():
            raise ValueError("BatchDecoder reads Docs without entities only")
        space = np.concatenate([[False], flags[:, 0] == 1, [False]])
        sent_start = np.concatenate([[False], flags[:, 1].astype("int64") == 1, [False]])
        order = np.argsort(-lengths, kind="stable")
        lengths, first = lengths[order], first[order]
        opened = np.full(len(docs), -1, dtype="int64")  # label number of the open entity
        begun = np.zeros(len(docs), dtype="int64")  # row of its first token
        kinds, label_of = self._kinds, self._label_of
        closed: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        for t in range(int(lengths[0])):
            m = int(np.count_nonzero(lengths > t))
            rows = first[:m] + t
            is_open = opened[:m] >= 0
            # The state's features: the next token, and, inside an entity, its first token
            # and the token before the next.
            inside = np.where(is_open, begun[:m], 0)
            before = np.where(is_open, rows - 1, 0)
            scores = self._net.scores(cached[np.stack([rows, inside, before], axis=1), _SLOTS])
            has_next = t < lengths[:m] - 1
            free = ~is_open & ~space[rows]
            no_break = has_next & ~sent_start[rows + 1]
            same = label_of[None, :] == opened[:m, None]
            valid = (
                (kinds["B"][None, :] & (free & no_break)[:, None])
                | (kinds["I"][None, :] & (is_open & no_break)[:, None] & same)
                | (kinds["L"][None, :] & same & is_open[:, None])
                | (kinds["U"][None, :] & free[:, None])
                | (kinds["O"][None, :] & ~is_open[:, None])
            )
            scores[~valid] = -np.inf
            guess = scores.argmax(axis=1)
            label = label_of[guess]
            begin = kinds["B"][guess]
            last = kinds["L"][guess]
            unit = kinds["U"][guess]
            if last.any():
                done = np.flatnonzero(last)
                closed.append((done, begun[done] - first[done], rows[done] - first[done] + 1,
                               opened[done]))  # fmt: skip
            if unit.any():
                done = np.flatnonzero(unit)
                closed.append((done, rows[done] - first[done], rows[done] - first[done] + 1,
                               label[done]))  # fmt: skip
            opened[:m][last] = -1
            opened[:m][begin] = label[begin]
            begun[:m][begin] = rows[begin]
        for states, starts, ends, labels in closed:
            for s, a, b, lab in zip(states.tolist(), starts.tolist(), ends.tolist(),
                                    labels.tolist(), strict=True):  # fmt: skip
                found[int(order[s])].append((a, b, self._labels[lab]))
        for ents in found:
            ents.sort()
        return found
