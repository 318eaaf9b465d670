"""Attribution: who says an event happened, when the text names a source.

A reporting verb governing the event's clause gives its subject ("Kim said ...", "..., US
officials said.", "said Deputy Secretary X"); a participle borrows its governor's ("issued a
statement accusing ..."); a passive one gives its ``by`` agent, or nothing ("X is accused of
..."). Otherwise a source phrase anywhere in the sentence ("according to X", "citing X"). None
when the writer states the event directly. The event's own trigger is never its source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._data import attribution_table, modality_table
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._syntax import governors, paragraph_start, subjects

__all__ = ["attribution", "charge_denied"]

_CLAUSE = frozenset({
    "ccomp", "xcomp", "parataxis", "advcl", "conj", "dobj", "pcomp", "prep", "pobj", "amod",
    "acl", "relcl", "csubj", "nsubj", "nsubjpass", "attr", "compound", "acomp",
})  # fmt: skip


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _subject_span(verb: Token) -> Span | None:
    if _passive(verb):
        subj = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    else:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj:
            subj = subjects(verb)[0]  # "rejected X and said ...", "a statement accusing ..."
    if not subj:
        return _inverted_speaker(verb)
    tokens = [t for s in subj for t in s.subtree if t.i < verb.i or s.i > verb.i]
    tokens = [t for t in tokens if t.dep_ not in ("relcl", "acl")] or list(subj)
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if start > verb.i:
        # '..." said Treasury Under Secretary John K. Hurley.': the parser hung the rest of the
        # title and the name elsewhere; capitalised words up to the sentence's end are the source
        doc, limit = verb.doc, verb.sent.end
        stop = end
        while stop < limit and doc[stop].text[:1].isupper() and not doc[stop].is_punct:
            stop += 1
        if stop < limit and doc[stop].is_punct and doc[stop].text in (".", "!", "?"):
            end = stop
    return verb.doc[start:end]


def _inverted_speaker(verb: Token) -> Span | None:
    """The speaker named after the verb that closes a quotation, where the parser found no
    subject: '"...," said Under Secretary for Terrorism and Financial Intelligence John
    Hurley.' ("Under" read as a preposition): the capitalised words up to the sentence's end."""
    doc, end = verb.doc, verb.sent.end
    if not any(t.text in _CLOSING for t in doc[max(0, verb.i - 2) : verb.i]):
        return None
    stop = verb.i + 1
    while stop < end and not (doc[stop].is_punct and doc[stop].text in (".", "!", "?")):
        stop += 1
    words = [t for t in doc[verb.i + 1 : stop] if t.is_alpha]
    if not words or not (words[0].text[:1].isupper() and words[-1].text[:1].isupper()):
        return None
    return doc[verb.i + 1 : stop]


_PREFERENCE = {"Person": 0, "Organization": 1, "Vessel": 2, "Country": 3, "Place": 4}


def _source(span: Span, index: EntityIndex) -> str | None:
    """The entity a source phrase names: its head's, else a person or organisation in it
    before a country ("Iran's foreign ministry spokesman Esmaeil Baghaei" is Baghaei)."""
    root = index.refers(span.root)
    if not root and span.root.tag_ in ("WDT", "WP") and span.root.head.dep_ == "relcl":
        root = index.refers(span.root.head.head)  # "Pyongyang, which has always denied"
    if root and root[0].type != "Country":
        return root[0].id
    if root and len(span) == 1:
        return root[0].id
    found = [e for tok in span for e in index.refers(tok)]
    if not found:
        return None
    return min(found, key=lambda e: _PREFERENCE.get(e.type, 5)).id


def _from_verb(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    verbs = attribution_table()["reporting_verbs"]
    commitments = attribution_table().get("commitment_verbs", frozenset())
    for child, gov in governors(head):
        if child.dep_ not in _CLAUSE:
            return None
        if child.dep_ == "xcomp" and gov.lemma_.lower() in commitments:
            continue  # "X pledged to expand ...": X's own plan
        # A verb coordinated with a reporting verb is not reported by it
        # ("denied X and dismissed Y").
        if (
            gov.lemma_.lower() not in verbs
            or gov == head
            or child.dep_ in ("conj", "nsubj", "nsubjpass")
        ):
            continue
        found = _reported_by(gov, index)
        if found is not None:
            return found
        # "X is accused of ...": hedged by no one named; a source may come later
    return None


def _reported_by(gov: Token, index: EntityIndex) -> dict[str, Any] | None:
    """The source a reporting verb names: its subject (or agent) and the phrase."""
    subj = _subject_span(gov)
    if subj is None:
        return None
    if subj.text.lower() in ("we", "i") and _source(subj, index) is None:
        return None  # "We think ...": the writers themselves, no other source
    doc = gov.doc
    if subj.end <= gov.i and (
        subj.end == gov.i
        or all(t.dep_ in ("aux", "neg", "advmod") for t in doc[subj.end : gov.i])
    ):
        text = doc[subj.start : gov.i + 1].text
    elif gov.i + 1 == subj.start:
        text = doc[gov.i : subj.end].text
    else:
        text = f"{subj.text} {gov.text}"
    return {"entity": _source(subj, index), "text": text}


def _final_report(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    """A sentence-final source the parser did not put above the event: "X arrived ...,
    leading a delegation that included Y, North Korean state media reported." (a clause
    closing the sentence after a comma: its subject, then the reporting verb)."""
    verbs = attribution_table()["reporting_verbs"]
    words = [t for t in head.sent if not (t.is_punct or t.is_space)]
    last = words[-1] if words else None
    if last is None or last.i <= head.i or last.lemma_.lower() not in verbs:
        return None
    subj = _subject_span(last)
    if subj is None or subj.start <= head.i or subj.end != last.i:
        return None
    return _reported_by(last, index) if last.doc[subj.start - 1].text == "," else None


def _closing_source(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    """A source closing the sentence however the parser hung it: "The State Department
    designated ..., Deputy Spokesperson Tommy Pigott told reporters at the daily briefing." (a
    comma, a short noun phrase, the sentence's last verb, a reporting one)."""
    verbs = attribution_table()["reporting_verbs"]
    doc, sent = head.doc, head.sent
    last = next((t for t in reversed(sent) if t.pos_ in ("VERB", "AUX")), None)
    if last is None or last.i <= head.i + 1 or last.lemma_.lower() not in verbs:
        return None
    if last.tag_ not in ("VBD", "VBZ", "VBP") or last.lemma_.lower() in (
        modality_table()["denial_verbs"]
    ):
        return None  # "..., a charge both countries deny": a denial, not a source
    comma = next((j for j in range(last.i - 1, head.i, -1) if doc[j].text == ","), None)
    if comma is None or not 1 <= last.i - comma - 1 <= 8:
        return None
    subj = doc[comma + 1 : last.i]
    if any(t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct for t in subj):
        return None
    return {"entity": _source(subj, index), "text": doc[comma + 1 : last.i + 1].text}


def _scope_ok(phrase: Token, head: Token) -> bool:
    """Whether a source phrase covers the event: one inside a relative clause ("Kim, who,
    according to the Council, commands ...") covers only that clause."""
    for anc in phrase.ancestors:
        if anc.dep_ == "relcl":
            return anc == head or anc.is_ancestor(head)
    return True


def _from_phrase(sent: Span, index: EntityIndex, head: Token) -> dict[str, Any] | None:
    phrases = sorted(attribution_table()["source_prepositions"], key=lambda p: -len(p.split()))
    words = [t.lower_ for t in sent]
    for phrase in phrases:
        parts = phrase.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i : i + n] != parts or not _scope_ok(sent[i], head):
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
            entity = _source(src, index)
            if phrase == "per" and entity is None:
                continue  # "$400 per worker": a rate, not a source
            return {"entity": entity, "text": sent.doc[sent[i].i : end].text}
    return None


_OPENING = ('"', "“")
_CLOSING = ('"', "”")


def _continued_quote(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    """The speaker of a quotation that goes on in a sentence of its own: '"... ," the minister
    told reporters. "We will keep working with Finland ..."' (the sentence before, in the same
    paragraph, opens with a quotation its closing source names)."""
    doc, sent = head.doc, head.sent
    words = [t for t in sent if not t.is_space]
    closed = len(words) >= 3 and (
        words[-1].text in _CLOSING or (words[-1].is_punct and words[-2].text in _CLOSING)
    )
    if not closed or words[0].text not in _OPENING:
        return None
    j = sent.start - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return None  # a new paragraph
        j -= 1
    if j < 0:
        return None
    before = [t for t in doc[j].sent if not t.is_space]
    if len(before) < 3 or before[0].text not in _OPENING:
        return None
    close = next((t.i for t in reversed(before) if t.text in _CLOSING and t.i > before[0].i), None)
    verbs = attribution_table()["reporting_verbs"]
    said = [t for t in before if close is not None and t.i > close and t.lemma_.lower() in verbs]
    return _reported_by(said[0], index) if said else None


def _announced_quote(head: Token, index: EntityIndex) -> dict[str, Any] | None:
    """The speaker of a quotation set out as a paragraph of its own after "X said:" (the form
    of government press releases: 'Minister for Sanctions Stephen Doughty said:' and, below it,
    '"Pyongyang is helping Putin ..."')."""
    doc = head.doc
    start = paragraph_start(doc, head.sent.start)
    if start == 0 or doc[start].text not in _OPENING:
        return None
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 1 or doc[j].text != ":":
        return None
    said = doc[j - 1]
    if said.lemma_.lower() not in attribution_table()["reporting_verbs"]:
        return None
    return _reported_by(said, index)


def attribution(head: Token, pred: Token, index: EntityIndex) -> dict[str, Any] | None:
    """The source an event is attributed to: ``{"entity": id or None, "text": phrase}``."""
    found = _from_verb(pred, index) or (_from_verb(head, index) if pred != head else None)
    return (
        found
        or _from_phrase(head.sent, index, head)
        or _final_report(head, index)
        or _closing_source(head, index)
        or _continued_quote(head, index)
        or _announced_quote(head, index)
    )


def charge_denied(
    sent: Span, index: EntityIndex, accused: Iterable[Entity] = ()
) -> dict[str, Any] | None:
    """The denier of a charge the sentence reports, named after it: "X has accused Y of
    supplying ..., a charge Y denies" -> ``{"entity": Y, "text": "a charge Y denies"}``; of
    several deniers, one of the ``accused`` first."""
    cues = modality_table()
    for tok in sent:
        if tok.dep_ not in ("relcl", "acl") or tok.lemma_.lower() not in cues["denial_verbs"]:
            continue
        noun = tok.head
        if noun.lemma_.lower() not in cues["denial_objects"] or noun.dep_ in ("dobj", "nsubj"):
            continue
        found = [e for s in subjects(tok)[0] for e in index.refers(s)]
        found.sort(key=lambda e: e not in set(accused))
        text = sent.doc[noun.left_edge.i : tok.i + 1].text
        return {"entity": found[0].id if found else None, "text": text}
    return None
