"""The selective reader: run each statistical model only where it can find something.

A news report is mostly sentences without an event, and words that are not names. The reader
makes one cheap pass over everything (tokenizer, the small ``senter`` model, the gazetteer and the
segmenter), then:

- runs the NER model only on windows of a few tokens around capitalised words the gazetteer
  did not already name (the model's features reach four tokens either side, so a window of that
  width gives it the same view as the whole sentence), one Doc per sentence, all the windows of
  a batch decoded together (:class:`~sanctionwatch.nlp._ner.BatchDecoder`);
- runs the tagger, parser and lemmatizer only on sentences holding a trigger word form of the
  event lexicon (or a reporting verb before a colon, "Minister X said:") and a possible party,
  each sentence on its own, batched, the parser's transitions of all of a batch's sentences
  taken together (:class:`~sanctionwatch.nlp._parser.BatchParser`);
- writes the results back into one ``Doc``. Sentences left unparsed get no tags and a flat tree
  (every token attached to the first), and their ranges are kept in ``doc._.sw_unparsed`` so
  later steps know to read them by their words only.

Then the sanctionwatch components (entities, relations, events) run on each Doc. Pipelines
without ``senter``, ``ner`` or ``parser`` are read whole with ``nlp.pipe``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    HEAD,
    IS_STOP,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._attributes import FastLemmatizer, compile_ruler
from sanctionwatch.nlp._components import ENTITIES_NAME, EVENTS_NAME, RELATIONS_NAME
from sanctionwatch.nlp._forms import reporting_forms, trigger_forms
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME, Gazetteer, merge_entities
from sanctionwatch.nlp._names import FORM_WORDS
from sanctionwatch.nlp._ner import BatchDecoder, Found, names_only
from sanctionwatch.nlp._parser import BatchParser
from sanctionwatch.nlp._segment import segment
from sanctionwatch.nlp._syntax import members, string_ids

__all__ = ["SYNTAX_COMPONENTS", "Reader", "reader_for"]

#: The components run on trigger sentences, in order (those the pipeline has).
SYNTAX_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: Entity labels that are not names; dates are read by rule (``_dates``).
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})  # fmt: skip
_SYNTAX_ATTRS = [TAG, DEP]

if not Doc.has_extension("sw_unparsed"):
    Doc.set_extension("sw_unparsed", default=None)


class Reader:
    """Read texts into Docs with entities everywhere and syntax where events can be.

    :param nlp: an English pipeline with ``senter``, ``ner`` and ``parser`` (enabled or not)
        and the gazetteer.
    :param window: tokens of context either side of a capitalised word for the NER model.
    :param batch_size: texts per batch.
    """

    def __init__(self, nlp: Language, *, window: int = 4, batch_size: int = 32) -> None:
        self.nlp = nlp
        self.window = window
        self.batch_size = batch_size
        names = set(nlp.component_names)
        self.selective = {"senter", "ner", "parser"} <= names and COMPONENT_NAME in names
        self._steps = [nlp.get_pipe(n) for n in (ENTITIES_NAME, RELATIONS_NAME, EVENTS_NAME)
                       if n in names]  # fmt: skip
        if not self.selective:
            return
        self._senter: Any = nlp.get_pipe("senter")
        # The NER without its numeric labels: the reader drops those entities anyway.
        self._ner: Any = names_only(nlp.get_pipe("ner"), _NOT_NAMES)
        self._decoder = BatchDecoder.for_recogniser(self._ner)
        gazetteer = nlp.get_pipe(COMPONENT_NAME)
        if not isinstance(gazetteer, Gazetteer):
            raise TypeError(f"{COMPONENT_NAME} is not a Gazetteer")
        self._gazetteer = gazetteer
        # The models run sentence by sentence; the rules after them (tag-to-part-of-speech
        # mapping, lemmas) run once on the whole document, where their per-call cost is paid once.
        self._syntax: list[Any] = []
        self._rules: list[Any] = []
        for name in SYNTAX_COMPONENTS:
            if name not in names:
                continue
            proc = nlp.get_pipe(name)
            if isinstance(proc, AttributeRuler):
                self._rules.append(compile_ruler(proc) or proc)
            elif isinstance(proc, Lemmatizer) and getattr(proc, "mode", "") == "rule":
                self._rules.append(FastLemmatizer(proc))
            elif isinstance(proc, Lemmatizer):
                self._rules.append(proc)
            else:
                self._syntax.append(proc)
        # The parser's transitions of all the sentences of a batch together (see ``_parser``).
        self._parser: Any = nlp.get_pipe("parser")
        found = BatchParser.for_parser(self._parser)
        self._batch_parser: Any = found if found is not None else self._pipe_parser
        self._capitalised: dict[int, bool] = {}
        table = _data.anaphora()
        referring = {w for ws in table.pronouns.values() for w in ws} | set(table.definites)
        referring |= set(table.groups) | {t.split()[0] for t in _data.titles()}
        self._referring = string_ids(frozenset(referring))
        self._forms = string_ids(trigger_forms(nlp))
        self._reporting = string_ids(reporting_forms(nlp))
        self._colon = string_ids(frozenset({":"}))[0]
        self._legal_forms = string_ids(frozenset(FORM_WORDS))

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Read texts in batches; yields one Doc per text, in order."""
        if not self.selective:
            yield from self.nlp.pipe(texts, batch_size=self.batch_size)
            return
        it = iter(texts)
        while batch := list(itertools.islice(it, self.batch_size)):
            yield from self._batch(batch)

    def _batch(self, texts: list[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        docs = [segment(d) for d in self._senter.pipe(docs, batch_size=self.batch_size)]
        tables = [self._gazetteer.matches(d) for d in docs]
        words = [_words(d) for d in docs]
        self._entities(docs, tables, words)
        self._parse(docs, words)
        for step in self._steps:
            docs = [step(d) for d in docs]
        return docs

    def _entities(
        self, docs: list[Doc], tables: list[list[Span]], words: list[tuple[list[str], list[bool]]]
    ) -> None:
        """NER on windows around the capitalised words the tables did not name.

        Each sentence's window is a Doc of its own. Joined into one Doc per document, a window
        opening a sentence saw the end of the window before it, and the model then missed
        names it finds at the start of a text ("... implement existing sanctions.\n\nVassily
        Nebenzia of the Russian Federation rejected ...").
        """
        pieces: list[Doc] = []
        owners: list[tuple[int, int]] = []
        needs: list[np.ndarray] = []
        for n, (doc, table, (all_words, all_spaces)) in enumerate(
            zip(docs, tables, words, strict=True)
        ):
            need = self._need(doc, table)
            for a, b in _windows(doc, need, self.window):
                pieces.append(Doc(doc.vocab, words=all_words[a:b], spaces=all_spaces[a:b]))
                owners.append((n, a))
            needs.append(need)
        found: list[list[Span]] = [[] for _ in docs]
        for (n, a), ents in zip(owners, self._recognise(pieces), strict=True):
            for ent_start, ent_end, label in ents:
                start, end = a + ent_start, a + ent_end
                if label in _NOT_NAMES or not needs[n][start:end].any():
                    continue
                found[n].append(Span(docs[n], start, end, label=label))
        for doc, table, spans in zip(docs, tables, found, strict=True):
            doc._.sw_table = table
            doc.ents = merge_entities(spans, table)

    def _pipe_parser(self, docs: list[Doc]) -> Iterator[Doc]:
        return cast("Iterator[Doc]", self._parser.pipe(docs, batch_size=256))

    def _recognise(self, pieces: list[Doc]) -> Iterator[list[Found]]:
        """The entities the NER model finds in each piece, by the batch decoder where the
        model has the shape it reads."""
        if self._decoder is None:
            for sub in self._ner.pipe(pieces, batch_size=256):
                yield [(e.start, e.end, e.label_) for e in sub.ents]
            return
        yield from self._decoder(pieces)

    def _need(self, doc: Doc, table: list[Span]) -> np.ndarray:
        """Which tokens the NER model should see: capitalised, not named by the tables, not a
        calendar word, not a capitalised stop word opening its sentence."""
        orths = doc.to_array(ORTH)
        uniq, inverse = np.unique(orths, return_inverse=True)
        strings = doc.vocab.strings
        cap = self._capitalised
        keys = uniq.tolist()
        for o in keys:
            if o not in cap:  # each word form is looked at once per reader
                cap[o] = _capitalised(strings[o])
        flags = np.fromiter((cap[o] for o in keys), dtype=bool, count=len(keys))
        need = flags[inverse]
        for span in table:
            need[span.start : span.end] = False
        starts = doc.to_array(SENT_START) == 1
        stops = doc.to_array(IS_STOP).astype(bool)
        need[starts & stops] = False
        return need

    def _parse(self, docs: list[Doc], words: list[tuple[list[str], list[bool]]]) -> None:
        """Tag, parse and lemmatise the trigger sentences; flat trees elsewhere. ``words``: each
        Doc's words and spaces (:func:`_words`)."""
        chosen: list[tuple[int, Span]] = []
        pieces: list[Doc] = []
        for n, (doc, (doc_words, spaces)) in enumerate(zip(docs, words, strict=True)):
            lower = doc.to_array(LOWER)
            hit = members(lower, self._forms)
            # "Minister X said:" announcing a quotation below: its speaker is read from the parse
            hit[:-1] |= (lower[1:] == self._colon) & members(lower[:-1], self._reporting)
            # An event needs a party: a name, or a word that refers back to one.
            party = (doc.to_array(ENT_IOB) != 2) & (doc.to_array(ENT_IOB) != 0)
            party |= members(lower, self._referring)
            # a company the NER missed, read back from its legal form after the parse
            party |= members(doc.to_array(ORTH), self._legal_forms)
            for sent in doc.sents:
                if hit[sent.start : sent.end].any() and party[sent.start : sent.end].any():
                    chosen.append((n, sent))
                    # A new Doc from the words: Span.as_doc copies the whole document's arrays.
                    pieces.append(Doc(doc.vocab, words=doc_words[sent.start : sent.end],
                                      spaces=spaces[sent.start : sent.end]))  # fmt: skip
        subdocs: Iterable[Doc] = iter(pieces)
        for proc in self._syntax:
            if proc is self._parser:
                subdocs = self._batch_parser(list(subdocs))
            else:
                subdocs = proc.pipe(subdocs, batch_size=256)
        parsed: list[list[tuple[Span, Doc]]] = [[] for _ in docs]
        for (n, sent), sub in zip(chosen, subdocs, strict=True):
            parsed[n].append((sent, sub))
        for doc, done in zip(docs, parsed, strict=True):
            _write_syntax(doc, done)
            for rule in self._rules:
                rule(doc)


def _ints(array: np.ndarray) -> Ints2d:
    """``array`` as the integer table ``Doc.from_array`` is typed to take."""
    return cast("Ints2d", array)


def _words(doc: Doc) -> tuple[list[str], list[bool]]:
    """The words of a Doc and whether a space follows each, without making Token objects."""
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY])
    return [strings[int(o)] for o in arr[:, 0]], [bool(s) for s in arr[:, 1]]


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text.lower() not in _CALENDAR


def _windows(doc: Doc, need: np.ndarray, width: int) -> list[tuple[int, int]]:
    """Per sentence with needed tokens, the range from ``width`` tokens before its first to
    ``width`` after its last, within the sentence."""
    out: list[tuple[int, int]] = []
    idx = np.flatnonzero(need)
    if not len(idx):
        return out
    for sent in doc.sents:
        lo, hi = sent.start, sent.end
        inside = idx[(idx >= lo) & (idx < hi)]
        if len(inside):
            out.append((max(lo, int(inside[0]) - width), min(hi, int(inside[-1]) + width + 1)))
    return out


def _write_syntax(doc: Doc, parsed: list[tuple[Span, Doc]]) -> None:
    """Copy each parsed sentence's annotation into ``doc``; flat trees for the others."""
    n = len(doc)
    if not n:
        return
    syntax = np.zeros((n, len(_SYNTAX_ATTRS)), dtype="uint64")
    heads = np.zeros(n, dtype="int64")
    flat = doc.vocab.strings.add("dep")
    root = doc.vocab.strings.add("ROOT")
    parataxis = doc.vocab.strings.add("parataxis")
    done = np.zeros(n, dtype=bool)
    for sent, sub in parsed:
        block = sub.to_array(_SYNTAX_ATTRS)
        offsets = sub.to_array(HEAD).astype("int64")
        roots = np.flatnonzero(offsets == 0)
        # One sentence to the segmenter stays one: a root the parser started after a comma
        # ("..., North Korean state media reported.") hangs from the first.
        if len(roots) > 1:
            offsets[roots[1:]] = roots[0] - roots[1:]
            block[roots[1:], -1] = parataxis
        syntax[sent.start : sent.end] = block
        heads[sent.start : sent.end] = offsets
        done[sent.start : sent.end] = True
    unparsed: set[int] = set()
    for sent in doc.sents:
        if done[sent.start]:
            continue
        unparsed.add(sent.start)
        heads[sent.start : sent.end] = sent.start - np.arange(sent.start, sent.end)
        syntax[sent.start : sent.end, -1] = flat
        syntax[sent.start, -1] = root
    doc.from_array(_SYNTAX_ATTRS[:-1], _ints(syntax[:, :-1]))
    tree = np.stack([heads.astype("uint64"), syntax[:, -1]], axis=1)
    doc.from_array([HEAD, DEP], _ints(tree))
    doc._.sw_unparsed = frozenset(unparsed)


_READERS: dict[int, tuple[Language, Reader]] = {}


def reader_for(nlp: Language) -> Reader:
    """The reader of a pipeline, built once per pipeline object."""
    found = _READERS.get(id(nlp))
    if found is None or found[0] is not nlp:
        found = (nlp, Reader(nlp))
        _READERS[id(nlp)] = found
    return found[1]
