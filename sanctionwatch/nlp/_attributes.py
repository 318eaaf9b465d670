"""A faster stand-in for spaCy's ``attribute_ruler`` on tagged, parsed sentences.

The English pipelines map fine-grained tags to parts of speech and morphology with an
``AttributeRuler``: a Matcher over some 180 one- and two-token patterns whose every match is
applied through a ``Span``. On short sentences that costs as much as the parser. This class
compiles the same patterns into lookups keyed by each pattern's first token (its ``TAG`` or
``LOWER``), finds the same matches, and applies them in the ruler's order (a later rule wins),
so the result is the ruler's. Patterns it cannot compile (other attributes or operators) make it
refuse, and the reader then keeps the original component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from thinc.types import Ints2d

from sanctionwatch.nlp._syntax import members

__all__ = ["FastAttributes", "FastLemmatizer", "compile_ruler"]

_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
_ATTRS = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})
_OPS = frozenset({"IN", "NOT_IN", "REGEX"})
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_SET = [POS, MORPH, LEMMA, TAG]
_SET_COLUMNS = {"POS": 0, "MORPH": 1, "LEMMA": 2, "TAG": 3}


@dataclass(frozen=True)
class _Rule:
    order: int
    pattern: tuple[dict[str, Any], ...]
    attrs: dict[str, str]
    index: int


def _value_ok(value: Any) -> bool:
    if isinstance(value, (str, bool)):
        return True
    if not (isinstance(value, dict) and len(value) == 1 and set(value) <= _OPS):
        return False
    ((op, arg),) = value.items()
    return isinstance(arg, str) if op == "REGEX" else isinstance(arg, list)


# Columns by how few tokens a value of theirs picks out: index rules by the most selective.
_SELECTIVE = (1, 2, 0, 3)
# A compiled constraint: (column, op, value): op 0 equal, 1 in, 2 not in, 3 regex, 4 truth.
_Check = tuple[int, int, Any]
# The index key of rules whose first token has no exact constraint (checked on every token).
_ANY = (-1, 0)


def _compile(spec: dict[str, Any], strings: StringStore) -> tuple[_Check, ...]:
    out: list[_Check] = []
    for key, want in spec.items():
        col = _COLUMNS[key]
        if key == "IS_SPACE":
            out.append((col, 4, bool(want)))
        elif isinstance(want, str):
            out.append((col, 0, strings.add(want)))
        else:
            ((op, arg),) = want.items()
            if op == "REGEX":
                out.append((col, 3, re.compile(arg)))
            else:
                out.append((col, 1 if op == "IN" else 2, frozenset(strings.add(v) for v in arg)))
    return tuple(out)


class FastAttributes:
    """Apply compiled attribute-ruler rules to Docs (use :func:`compile_ruler`).

    Each rule is indexed by one exact (or ``IN``) constraint of its first token, on the tag, the
    lower-case form, the dependency label or the space flag, so each token is checked only
    against the rules that can start there.
    """

    def __init__(self, rules: list[_Rule], strings: StringStore) -> None:
        self.strings = strings
        self.index: dict[tuple[int, int], list[tuple[_Rule, tuple[tuple[_Check, ...], ...]]]] = {}
        # The rules that open the list and only map a tag ("NN" -> NOUN) apply to almost every
        # token: they are folded into one table, applied with arrays before the others.
        self.tag_map: dict[int, dict[str, str]] = {}
        lead = 0
        while lead < len(rules) and _tag_only(rules[lead]):
            tag = strings.add(rules[lead].pattern[0]["TAG"])
            self.tag_map.setdefault(tag, {}).update(rules[lead].attrs)
            lead += 1
        for rule in rules[lead:]:
            checks = tuple(_compile(spec, strings) for spec in rule.pattern)
            keys = next(
                (
                    [(col, v) for v in ([value] if op == 0 else sorted(value))]
                    for col, op, value in sorted(checks[0], key=lambda c: _SELECTIVE.index(c[0]))
                    if op in (0, 1)
                ),
                None,
            )
            if keys is None:
                space = next((c for c in checks[0] if c[1] == 4), None)
                keys = [(space[0], int(space[2]))] if space else [_ANY]
            for key in keys:
                self.index.setdefault(key, []).append((rule, checks))
        self._regex: dict[tuple[int, str], bool] = {}
        self._keys = {col: np.array(sorted({v for c, v in self.index if c == col}), dtype="uint64")
                      for col in range(4)}  # fmt: skip
        self._any = _ANY in self.index
        self._any_cols = sorted(
            {c for _, checks in self.index.get(_ANY, ()) for c, _, _ in checks[0]}
        )
        self._opens: dict[tuple[int, int], bool] = {}

    def _opens_any(self, col: int, value: int) -> bool:
        """Whether a value in a column can satisfy the first check of a pattern-opened rule."""
        known = self._opens.get((col, value))
        if known is None:
            known = self._opens[(col, value)] = self._check_opens(col, value)
        return known

    def _check_opens(self, col: int, value: int) -> bool:
        for _, checks in self.index[_ANY]:
            for c, op, arg in checks[0]:
                if c != col:
                    continue
                row = [0, 0, 0, 0]
                row[col] = value
                if self._ok(row, ((c, op, arg),)):
                    return True
        return False

    def _ok(self, row: list[int], checks: tuple[_Check, ...]) -> bool:
        for col, op, value in checks:
            have = row[col]
            if op == 0:
                if have != value:
                    return False
            elif op == 1:
                if have not in value:
                    return False
            elif op == 2:
                if have in value:
                    return False
            elif op == 4:
                if bool(have) != value:
                    return False
            else:
                hit = self._regex.get((have, value.pattern))
                if hit is None:
                    hit = bool(value.search(self.strings[have]))
                    self._regex[(have, value.pattern)] = hit
                if not hit:
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        values = doc.to_array(_SET)
        for tag in np.unique(table[:, 0]):
            for attr, value in self.tag_map.get(int(tag), {}).items():
                if attr in _SET_COLUMNS:
                    code = (
                        doc.vocab.morphology.add(value)
                        if attr == "MORPH"
                        else self.strings.add(value)
                    )
                    values[table[:, 0] == tag, _SET_COLUMNS[attr]] = code
        doc.from_array(_SET, cast("Ints2d", values))
        rows: list[list[int]] = table.tolist()
        n = len(rows)
        hits: list[tuple[int, int, _Rule]] = []
        index = self.index
        mask = np.zeros(n, dtype=bool)
        for col, keys in self._keys.items():
            if len(keys):
                mask |= members(table[:, col], keys)
        if self._any:  # rules opening with a pattern: checked where a word could match it
            for col in self._any_cols:
                uniq = np.unique(table[:, col])
                hits_col = [int(v) for v in uniq if self._opens_any(col, int(v))]
                if hits_col:
                    mask |= members(table[:, col], np.array(hits_col, dtype="uint64"))
        candidates = np.flatnonzero(mask).tolist()
        for i in candidates:
            row = rows[i]
            for key in ((0, row[0]), (1, row[1]), (2, row[2]), (3, row[3]), _ANY):
                for rule, checks in index.get(key, ()):
                    k = len(checks)
                    if i + k <= n and all(self._ok(rows[i + j], checks[j]) for j in range(k)):
                        hits.append((rule.order, i, rule))
        if not hits:
            return doc
        hits.sort(key=lambda h: (h[0], h[1]))
        values = doc.to_array(_SET)
        deps: dict[int, str] = {}
        for _, start, rule in hits:
            target = start + (rule.index if rule.index >= 0 else len(rule.pattern) + rule.index)
            for attr, value in rule.attrs.items():
                if attr == "DEP":
                    deps[target] = value
                elif attr == "MORPH":
                    values[target, _SET_COLUMNS[attr]] = doc.vocab.morphology.add(value)
                else:
                    values[target, _SET_COLUMNS[attr]] = self.strings.add(value)
        doc.from_array(_SET, cast("Ints2d", values))
        for i, value in deps.items():
            doc[i].dep_ = value
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Apply the rules to each doc."""
        for doc in docs:
            yield self(doc)


def _tag_only(rule: _Rule) -> bool:
    spec = rule.pattern[0]
    return (
        len(rule.pattern) == 1
        and set(spec) == {"TAG"}
        and isinstance(spec["TAG"], str)
        and (set(rule.attrs) <= {"POS", "MORPH"})
    )


def compile_ruler(ruler: AttributeRuler) -> FastAttributes | None:
    """The ruler's patterns compiled, or None when some pattern is beyond this class."""
    rules: list[_Rule] = []
    # The ruler orders rules by when they were added; patterns lists them in that order.
    patterns = cast("list[dict[str, Any]]", ruler.patterns)
    for order, entry in enumerate(patterns):
        attrs = entry.get("attrs", {})
        if not set(attrs) <= _ATTRS or not all(isinstance(v, str) for v in attrs.values()):
            return None
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            for spec in pattern:
                if not (isinstance(spec, dict) and spec and set(spec) <= _KEYS):
                    return None
                if not all(_value_ok(v) for v in spec.values()):
                    return None
            rules.append(_Rule(order, tuple(pattern), dict(attrs), int(entry.get("index", 0))))
    return FastAttributes(rules, ruler.vocab.strings)


class FastLemmatizer:
    """The pipeline's rule lemmatizer, applied once per distinct (word, part of speech) pair.

    spaCy's lemmatizer caches by that pair already but still visits every token from Python;
    this asks it only for pairs it has not seen and writes the lemmas with arrays. Tokens that
    already have a lemma (set by the attribute rules) keep it, as with spaCy's own component.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array([ORTH, POS, LEMMA])
        todo = (table[:, 2] == 0) & (table[:, 1] != 0)
        if not todo.any():
            return doc
        strings = doc.vocab.strings
        lemmas = table[:, 2].copy()
        for i in np.flatnonzero(todo):
            key = (int(table[i, 0]), int(table[i, 1]))
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = strings.add(self.lemmatizer.lemmatize(doc[int(i)])[0])
                self.cache[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], cast("Ints2d", lemmas.reshape(-1, 1)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Lemmatise each doc."""
        for doc in docs:
            yield self(doc)
