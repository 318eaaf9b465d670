"""Attribution: who says an event happened, when the text names a source.

A reporting verb governing the event's clause gives its subject ("Kim said ...", "..., US
officials said."); otherwise a source phrase anywhere in the sentence ("according to X",
"citing X"). None when the writer states the event directly.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from sanctionwatch.nlp._data import attribution_table
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._modality import governors

__all__ = ["attribution"]

_CLAUSE = frozenset(
    {"ccomp", "xcomp", "parataxis", "advcl", "conj", "dobj", "pcomp", "prep", "pobj", "amod"}
)


def _subject_span(verb: Token) -> Span | None:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        subj = agents
    if not subj:
        return None
    tokens = [t for s in subj for t in s.subtree]
    return verb.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def _source(span: Span, index: EntityIndex) -> str | None:
    for tok in (span.root, *span):
        e = index.at(tok.i) or index.pronoun(tok)
        if e is not None:
            return e.id
    return None


def _from_verb(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    verbs = attribution_table()["reporting_verbs"]
    for child, gov in governors(head):
        if child.dep_ not in _CLAUSE:
            return None
        # A verb coordinated with a reporting verb is not reported by it
        # ("denied X and dismissed Y").
        if gov.lemma_.lower() in verbs and gov != head and child.dep_ != "conj":
            subj = _subject_span(gov)
            if subj is None:
                continue
            doc = gov.doc
            if subj.end == gov.i or any(t.dep_ in ("aux", "neg") for t in doc[subj.end : gov.i]):
                text = doc[subj.start : gov.i + 1].text
            elif gov.i + 1 == subj.start:
                text = doc[gov.i : subj.end].text
            else:
                text = f"{subj.text} {gov.text}"
            return {"entity": _source(subj, index), "text": text}
    return None


def _from_phrase(sent: Span, index: EntityIndex) -> dict[str, Any] | None:
    phrases = sorted(attribution_table()["source_prepositions"], key=lambda p: -len(p.split()))
    words = [t.lower_ for t in sent]
    for phrase in phrases:
        parts = phrase.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i : i + n] != parts:
                continue
            last = sent[i + n - 1]
            objs = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if not objs:
                nxt = sent[i + n] if i + n < len(sent) else None
                objs = [nxt] if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET") else []
                if objs and objs[0].pos_ == "DET":
                    objs = [objs[0].head]
            if not objs:
                continue
            tokens = list(objs[0].subtree) if objs[0].i > last.i else [objs[0]]
            end = max(t.i for t in tokens) + 1
            src = sent.doc[objs[0].left_edge.i if objs[0].i > last.i else objs[0].i : end]
            return {"entity": _source(src, index), "text": sent.doc[sent[i].i : end].text}
    return None


def attribution(head: Token, pred: Token, index: EntityIndex) -> dict[str, Any] | None:
    """The source an event is attributed to: ``{"entity": id or None, "text": phrase}``."""
    found = _from_verb(pred, index) or (_from_verb(head, index) if pred != head else None)
    return found or _from_phrase(head.sent, index)
