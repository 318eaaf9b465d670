"""The dependency parser's greedy decoder, run on a batch of Docs at once.

spaCy's arc-eager parser takes one transition of one sentence at a time: it gathers the state's
eight feature tokens, sums their precomputed vectors, scores the actions and checks which are
valid, in C but one small vector operation after another. On the reader's trigger sentences that
bookkeeping costs more than the network. :class:`BatchParser` runs the same network (the
pipeline's tok2vec output, the parser's projection, its precomputed lower layer, maxout, the
output layer) and the same transition system for every sentence of a batch together, as numpy
operations over arrays of states, then sets the heads and labels and runs the parser's own
post-processing (projective arcs back to non-projective ones).

The transition system is spaCy's ``ArcEager`` for Docs without a preset parse: Shift, Reduce
(which puts a word without a head back on the buffer), Left and Right arcs (a new arc replaces
the word's earlier head) and Break (a sentence start inside the Doc). The features are those of
spaCy's state: the first two words of the buffer, the top three of the stack, the last left
child of the buffer's first word and the last left and right children of the stack's top. A
replaced arc leaves its old head's list of children when it is the last one added to that
list, as in spaCy's state (in this system it always is: the old head lies under the word on
the stack, where it can take no other arc).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.pipeline import DependencyParser
from spacy.pipeline._parser_internals.arc_eager import ArcEager
from spacy.tokens import Doc
from thinc.types import Ints2d

from sanctionwatch.nlp._transition import Network

__all__ = ["BatchParser"]

_SHIFT, _REDUCE, _LEFT, _RIGHT, _BREAK = range(5)
_FEATURES = np.arange(8)
#: The most state cells (Docs x words of the longest) decoded together.
_CELLS = 1 << 18
_MOVES = {"S": _SHIFT, "D": _REDUCE, "L": _LEFT, "R": _RIGHT, "B": _BREAK}


class BatchParser:
    """Parse a batch of Docs that the pipeline's tok2vec (and tagger) have read.

    Use :meth:`for_parser`, which gives None for parsers of another shape. Calling the object
    on Docs sets their heads and dependency labels, as the parser's ``pipe`` would.
    """

    def __init__(self, parser: DependencyParser) -> None:
        self._parser = parser
        self._net = Network(parser)
        strings = parser.vocab.strings
        names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
        self._move = np.array([_MOVES[name[0]] for name in names], dtype="int64")
        self._label = np.array(
            [strings.add(name[2:]) if name[1:2] == "-" else 0 for name in names], dtype="uint64"
        )
        self._root = strings.add("ROOT")

    @classmethod
    def for_parser(cls, parser: Any) -> BatchParser | None:
        """The batch decoder of ``parser``, or None when it is not a greedy spaCy arc-eager
        parser with an output layer over eight state features."""
        if not isinstance(parser, DependencyParser) or not isinstance(parser.moves, ArcEager):
            return None
        if not Network.usable(parser, 8):
            return None
        names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
        if any(name[:1] not in _MOVES or name.endswith("-subtok") for name in names):
            return None  # "subtok" arcs have rules of their own
        return cls(parser)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        """Parse ``docs`` in place; returns them.

        :raises ValueError: when a Doc holds a parse or sentence starts after its first token
            (spaCy's parser keeps those).
        """
        docs = list(docs)
        words = [d for d in docs if len(d)]
        for doc in words:
            if doc.has_annotation("DEP") or (doc.to_array(SENT_START)[1:] != 0).any():
                raise ValueError("BatchParser reads Docs without a parse or sentence starts only")
        # Shortest first, in groups whose state arrays (Docs x longest Doc) stay small: one
        # very long sentence must not make every sentence of its batch as wide as itself.
        group: list[Doc] = []
        for doc in sorted(words, key=len):
            if group and (len(group) + 1) * len(doc) > _CELLS:
                self._parse(group)
                group = []
            group.append(doc)
        if group:
            self._parse(group)
        return docs

    def _parse(self, docs: list[Doc]) -> None:
        lengths = np.array([len(d) for d in docs], dtype="int64")
        cached = self._net.precompute(docs)
        heads, labels = _decode(self, cached, lengths)
        for n, doc in enumerate(docs):
            size = len(doc)
            own = heads[n, :size]
            rows = np.arange(size)
            relative = np.where(own >= 0, own - rows, 0)
            deps = np.where(own >= 0, labels[n, :size], self._root).astype("uint64")
            tree = np.stack([relative.astype("uint64"), deps], axis=1)
            doc.from_array([HEAD, DEP], cast(Ints2d, tree))
            for hook in self._parser.postprocesses:
                hook(doc)


def _decode(
    parser: BatchParser, cached: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Greedy arc-eager decoding of all Docs together: each word's head (-1: none) and label.

    ``cached`` is the lower layer's output, row 0 its padding, then the words of each Doc.
    """
    n_docs = len(lengths)
    width = int(lengths.max())
    first = np.concatenate([[1], 1 + np.cumsum(lengths)[:-1]]).astype("int64")
    every = np.arange(n_docs)
    stack = np.full((n_docs, width + 1), -1, dtype="int64")
    depth = np.zeros(n_docs, dtype="int64")
    rebuffer = np.full((n_docs, width + 1), -1, dtype="int64")
    redepth = np.zeros(n_docs, dtype="int64")
    cursor = np.zeros(n_docs, dtype="int64")  # the next word not yet on the buffer's front
    heads = np.full((n_docs, width), -1, dtype="int64")
    labels = np.zeros((n_docs, width), dtype="uint64")
    unshiftable = np.zeros((n_docs, width + 1), dtype=bool)
    breaks = np.zeros((n_docs, width + 1), dtype=bool)
    # The children lists of each head, left and right, as linked stacks of arcs: an arc's
    # child and the arc added to the same list before it; each list's last arc.
    arc_child = np.full((n_docs, 2 * width + 8), -1, dtype="int64")
    arc_before = np.full((n_docs, 2 * width + 8), -1, dtype="int64")
    n_arcs = np.zeros(n_docs, dtype="int64")
    last = np.full((2, n_docs, width + 1), -1, dtype="int64")  # [0]: left lists, [1]: right
    move_of, label_of = parser._move, parser._label
    live = every[lengths > 0]
    for _ in range(64 * width + 64):  # a guard only: every state ends long before
        if not len(live):
            break
        if n_arcs.max() >= arc_child.shape[1] - 1:  # room for one more arc per state
            more = np.full((n_docs, arc_child.shape[1]), -1, dtype="int64")
            arc_child = np.concatenate([arc_child, more], axis=1)
            arc_before = np.concatenate([arc_before, more], axis=1)
        size = lengths[live]
        rd, sd, cur = redepth[live], depth[live], cursor[live]
        # Each state's words are read by (state, position) pairs: copying the states' rows
        # would cost the batch's longest sentence at every step.
        b0 = _buffer(rebuffer, live, rd, cur, size, 0)
        b1 = _buffer(rebuffer, live, rd, cur, size, 1)
        s0 = _top(stack, live, sd, 0)
        s1 = _top(stack, live, sd, 1)
        s2 = _top(stack, live, sd, 2)
        ids = [b0, b1, s0, s1, s2,
               _child(last[0], arc_child, live, b0),
               _child(last[0], arc_child, live, s0),
               _child(last[1], arc_child, live, s0)]  # fmt: skip
        words = np.stack(ids, axis=1)
        scores = parser._net.scores(
            cached[np.where(words >= 0, first[live, None] + words, 0), _FEATURES]
        )
        buffered = (size - cur) + rd
        b0_starts = _sent_start(breaks, live, b0, size)
        b1_starts = _sent_start(breaks, live, b1, size)
        stacked = sd > 0
        arcs_ok = stacked & (buffered > 0) & ~b0_starts
        valid_move = np.stack([
            ~stacked | ((buffered >= 2) & ~b0_starts
                        & ~unshiftable[live, np.maximum(b0, 0)]),  # shift
            stacked,  # reduce (a lone stack word never has a "cannot start" mark here)
            arcs_ok,  # left
            arcs_ok,  # right
            (buffered >= 2) & (b1 == b0 + 1) & ~b1_starts,  # break
        ], axis=1)  # fmt: skip
        valid = valid_move[:, move_of]
        scores[~valid] = -np.inf
        guess = scores.argmax(axis=1)
        stuck = ~valid.any(axis=1)
        move = np.where(stuck, -1, move_of[guess])
        label = label_of[guess]
        # Break: the word after the buffer's front starts a sentence.
        rows = move == _BREAK
        breaks[live[rows], b1[rows]] = True
        # Left arc: the buffer's front heads the stack's top, which leaves the stack.
        rows = np.flatnonzero(move == _LEFT)
        if len(rows):
            _add_arcs(live[rows], b0[rows], s0[rows], label[rows], heads, labels, last,
                      arc_child, arc_before, n_arcs)  # fmt: skip
            unshiftable[live[rows], b0[rows]] = False
            depth[live[rows]] -= 1
        # Right arc: the stack's top heads the buffer's front, which goes onto the stack.
        rows = np.flatnonzero(move == _RIGHT)
        if len(rows):
            _add_arcs(live[rows], s0[rows], b0[rows], label[rows], heads, labels, last,
                      arc_child, arc_before, n_arcs)  # fmt: skip
        pushed = (move == _SHIFT) | (move == _RIGHT)
        if pushed.any():
            _push(live[pushed], stack, depth, rebuffer, redepth, cursor)
        # Reduce: pop the stack's top; a word without a head goes back onto the buffer.
        rows = np.flatnonzero(move == _REDUCE)
        if len(rows):
            docs, top = live[rows], s0[rows]
            back = (heads[docs, top] < 0) & (depth[docs] > 1)
            unshiftable[docs[back], top[back]] = True
            rebuffer[docs[back], redepth[docs[back]]] = top[back]
            redepth[docs[back]] += 1
            depth[docs] -= 1
        if stuck.any():  # no valid move: spaCy ends such a state where it is
            depth[live[stuck]] = 0
            redepth[live[stuck]] = 0
            cursor[live[stuck]] = lengths[live[stuck]]
        done = (depth[live] == 0) & (redepth[live] == 0) & (cursor[live] >= lengths[live])
        live = live[~done]
    return heads, labels


def _buffer(rebuffer: np.ndarray, live: np.ndarray, rd: np.ndarray, cur: np.ndarray,
            size: np.ndarray, i: int) -> np.ndarray:  # fmt: skip
    """The ``i``-th word of each live state's buffer (-1: none): unshifted words first,
    latest first."""
    from_rebuffer = rebuffer[live, np.maximum(rd - 1 - i, 0)]
    fresh = cur + i - rd
    return np.where(i < rd, from_rebuffer, np.where(fresh < size, fresh, -1))


def _top(stack: np.ndarray, live: np.ndarray, depth: np.ndarray, i: int) -> np.ndarray:
    """The ``i``-th word from the top of each live state's stack (-1: none)."""
    return np.where(i < depth, stack[live, np.maximum(depth - 1 - i, 0)], -1)


def _child(last: np.ndarray, arc_child: np.ndarray, live: np.ndarray,
           head: np.ndarray) -> np.ndarray:  # fmt: skip
    """The child of the last arc in each head's list (-1: no head or no arc)."""
    arc = np.where(head >= 0, last[live, np.maximum(head, 0)], -1)
    return np.where(arc >= 0, arc_child[live, np.maximum(arc, 0)], -1)


def _sent_start(breaks: np.ndarray, live: np.ndarray, word: np.ndarray,
                size: np.ndarray) -> np.ndarray:  # fmt: skip
    """Whether each word starts a sentence: the Doc's first word, or a Break before it."""
    inside = (word >= 0) & (word < size)
    marked = breaks[live, np.maximum(word, 0)]
    starts: np.ndarray = inside & ((word == 0) | marked)
    return starts


def _push(docs: np.ndarray, stack: np.ndarray, depth: np.ndarray, rebuffer: np.ndarray,
          redepth: np.ndarray, cursor: np.ndarray) -> None:  # fmt: skip
    """Move the buffer's front word of each of ``docs`` onto its stack."""
    again = redepth[docs] > 0
    word = np.where(again, rebuffer[docs, np.maximum(redepth[docs] - 1, 0)], cursor[docs])
    redepth[docs[again]] -= 1
    cursor[docs[~again]] += 1
    stack[docs, depth[docs]] = word
    depth[docs] += 1


def _add_arcs(docs: np.ndarray, head: np.ndarray, child: np.ndarray, label: np.ndarray,
              heads: np.ndarray, labels: np.ndarray, last: np.ndarray, arc_child: np.ndarray,
              arc_before: np.ndarray, n_arcs: np.ndarray) -> None:  # fmt: skip
    """Attach each ``child`` to ``head``, replacing its earlier head, as spaCy's state does."""
    old = heads[docs, child]
    moved = np.flatnonzero(old >= 0)
    if len(moved):
        d, h, c = docs[moved], old[moved], child[moved]
        side = (h < c).astype("int64")  # a left arc's head comes after its child
        arc = last[side, d, h]
        # The replaced arc leaves its list only when it is that list's last.
        pop = (arc >= 0) & (arc_child[d, np.maximum(arc, 0)] == c)
        last[side[pop], d[pop], h[pop]] = arc_before[d[pop], arc[pop]]
    side = (head < child).astype("int64")
    arc = n_arcs[docs]
    arc_child[docs, arc] = child
    arc_before[docs, arc] = last[side, docs, head]
    last[side, docs, head] = arc
    n_arcs[docs] += 1
    heads[docs, child] = head
    labels[docs, child] = label
