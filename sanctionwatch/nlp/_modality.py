"""Modality: whether an event is asserted, alleged, denied, expected, hypothetical or negated.

Read from the trigger and the words that govern it (climbing the dependency tree), with the
cue words of ``modality.yaml``. The checks run in the contract's order of strength: a denial
("Moscow denied supplying ...") beats a negation, which beats a condition, a plan, a hedge.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from sanctionwatch.nlp._data import attribution_table, modality_table

__all__ = ["MODALITIES", "governors", "modality"]

MODALITIES = ("asserted", "alleged", "denied", "expected", "hypothetical", "negated")
# Relations through which a governing word's meaning reaches the clause below it.
_EMBEDDING = frozenset({
    "xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "advcl", "attr", "acomp", "oprd",
    "compound", "amod",
})  # fmt: skip
# Relations that carry a verb's own polarity and mood down to its complement.
_RAISING = frozenset({"xcomp", "conj", "pcomp", "prep", "pobj", "dobj"})


def governors(tok: Token) -> Iterator[tuple[Token, Token]]:
    """(child on the path, governing word) pairs from ``tok`` up to the root of its sentence."""
    child = tok
    while child.head != child:
        yield child, child.head
        child = child.head


def _auxes(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _chain(head: Token, pred: Token) -> list[Token]:
    """The trigger, its light verb and the verbs it is raised under ("agreed to send")."""
    out = [head, pred]
    for child, gov in governors(pred):
        if child.dep_ not in _RAISING:
            break
        out.append(gov)
    return list(dict.fromkeys(out))


def _denied(head: Token) -> bool:
    cues = modality_table()
    for child, gov in governors(head):
        lemma = gov.lemma_.lower()
        if lemma in cues["denial_verbs"] and child.dep_ in _EMBEDDING:
            return True
        if child.dep_ not in _EMBEDDING:
            return False
    return False


def _negated(chain: list[Token]) -> bool:
    negs = modality_table()["negations"]
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "neg" or ((c.dep_ == "det" and c.lower_ == "no") and tok.pos_ == "NOUN"):
                return True
            if c.dep_ == "neg" and c.lower_ in negs:
                return True
    return False


def _reported(tok: Token) -> bool:
    """Whether a clause sits under a past-tense reporting verb ("Kim said they would ...")."""
    verbs = attribution_table()["reporting_verbs"]
    return any(
        gov.lemma_.lower() in verbs and gov.tag_ in ("VBD", "VBN") for _, gov in governors(tok)
    )


def _hypothetical_or_expected(chain: list[Token]) -> str | None:
    cues = modality_table()
    for tok in chain:
        for aux in _auxes(tok):
            word = aux.lower_
            if word in cues["future_modals"]:
                return "expected"
            if word == "would":
                return "expected" if _reported(tok) else "hypothetical"
            if word in cues["hypothetical_modals"]:
                return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in cues["conditional_marks"] for c in tok.children):
            return "hypothetical"
    # "any transfer of arms would ...": a non-specific event.
    if any(
        c.dep_ == "det" and c.lower_ in cues["hypothetical_determiners"] for c in chain[0].children
    ):
        return "hypothetical"
    for tok in chain[1:]:
        if (
            tok.lemma_.lower() in cues["expectation_heads"]
            or tok.lower_ in cues["expectation_heads"]
        ):
            return "expected"
    mods = [c for t in chain[:2] for c in t.children if c.dep_ in ("amod", "compound", "advmod")]
    if any(m.lower_ in cues["expectation_modifiers"] for m in mods):
        return "expected"
    return None


def _alleged(head: Token, chain: list[Token]) -> bool:
    cues = modality_table()
    mods = [c for t in chain for c in t.children if c.dep_ in ("advmod", "amod")]
    if any(m.lower_ in cues["hedge_adverbs"] or m.lower_ in cues["hedge_modifiers"] for m in mods):
        return True
    for child, gov in governors(head):
        if child.dep_ not in _EMBEDDING:
            break
        lemma = gov.lemma_.lower()
        if lemma in cues["denial_objects"] and gov.pos_ == "NOUN":
            return True
        if lemma not in cues["hedge_heads"] or gov == head:
            continue
        passive = (
            any(a.dep_ == "auxpass" for a in gov.children)
            or (gov.tag_ == "VBN"
            and any(a.lemma_ == "be" for a in _auxes(gov)))
        )
        if lemma in cues["passive_only_hedges"] and not passive:
            continue
        return True
    return False


def modality(head: Token, pred: Token) -> str:
    """The modality of the event triggered by ``head`` (with light verb ``pred``)."""
    if _denied(head) or _denied(pred):
        return "denied"
    chain = _chain(head, pred)
    if _negated(chain):
        return "negated"
    mood = _hypothetical_or_expected(chain)
    if mood is not None:
        return mood
    if _alleged(head, chain) or (pred != head and _alleged(pred, chain)):
        return "alleged"
    return "asserted"
