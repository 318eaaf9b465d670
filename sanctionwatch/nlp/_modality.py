"""Modality: whether an event is asserted, alleged, denied, expected, hypothetical or negated.

Read from the trigger and the words that govern it (climbing the dependency tree), with the
cue words of ``modality.yaml``. The checks run in the contract's order of strength: a denial
("Moscow denied supplying ...") beats a negation, which beats a condition, a plan, a hedge.

The climb that carries mood down to an event ("agreed to send", "is expected to sign") goes
through verbs and light verbs only. A noun event that is the object of some other verb keeps
its own mood ("would continue to disrupt military cooperation": the cooperation is asserted),
and one governed by a general noun is a rule, not a happening ("its policy on supplying
weapons": hypothetical), or a plan ("plans for a visit": expected).
"""

from __future__ import annotations

from spacy.tokens import Token

from sanctionwatch.nlp._data import attribution_table, modality_table
from sanctionwatch.nlp._lexicon import event_lexicon
from sanctionwatch.nlp._syntax import INVOLVING, SHARE_NOUNS, governors

__all__ = ["MODALITIES", "modality"]

MODALITIES = ("asserted", "alleged", "denied", "expected", "hypothetical", "negated")
# Relations through which a governing word's meaning reaches the clause below it.
_EMBEDDING = frozenset({
    "xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "advcl", "attr", "acomp", "oprd",
    "compound", "amod",
})  # fmt: skip
# Relations that carry a verb's own polarity and mood down to its complement.
_RAISING = frozenset({"xcomp", "conj", "pcomp", "prep", "pobj", "dobj", "csubj", "acl"})
_NOUN_GOVERNED = frozenset({"dobj", "pobj", "prep", "nsubjpass", "compound"})


def _auxes(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _own_clause(tok: Token) -> bool:
    """A conjunct with its own auxiliary or tense ("would not seek war but would strike"):
    the first conjunct's mood and polarity do not reach it."""
    head = tok.head
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "neg") for c in tok.children) or (
        tok.tag_[:2] == "VB" and head.tag_[:2] == "VB" and tok.tag_ != head.tag_
    )


def _chain(head: Token, pred: Token) -> tuple[list[Token], str | None, list[Token]]:
    """The trigger, its light verb and the verbs it is raised under ("agreed to send"); the
    mood a governing noun gives (hypothetical for a rule, expected for a plan); and the
    governors reached through an infinitive (where plan words count: "agreed to send")."""
    cues = modality_table()
    # "continued their drills": an aspect verb passes its mood to the event it governs
    light = event_lexicon().light_verbs | cues.get("aspect_verbs", frozenset())
    heads = cues["expectation_heads"]
    out = [head, pred]
    planners: list[Token] = []
    for child, gov in governors(pred):
        if child.dep_ not in _RAISING:
            break
        if child.dep_ == "conj" and _own_clause(child):
            break
        lemma = gov.lemma_.lower()
        if gov.pos_ == "NOUN":
            if lemma in cues["generic_heads"]:
                return out, "hypothetical", planners
            if lemma in cues["plan_heads"]:
                return out, "expected", planners
            if child.dep_ in ("prep", "pobj", "pcomp"):
                continue  # within a noun phrase: "policy on supplying" climbs to "policy"
            break
        noun_object = child.pos_ == "NOUN" and child.dep_ in _NOUN_GOVERNED and child == pred
        if noun_object and gov.pos_ != "ADP" and lemma not in light and lemma not in heads:
            break  # "disrupt military cooperation": the cooperation keeps its own mood
        if gov.pos_ == "ADP" and child.dep_ == "pobj" and child == pred:
            verb = gov.head
            if (
                verb.lemma_.lower() not in cues["outcome_verbs"]
                and verb.lemma_.lower() not in light
            ):
                break  # "payment for the weapons": not under the verb's mood
        out.append(gov)
        if child.dep_ in ("xcomp", "pcomp", "prep") or (
            child.dep_ == "pobj" and gov.pos_ != "NOUN"
        ):
            planners.append(gov)
    return list(dict.fromkeys(out)), None, planners


def _denied(head: Token) -> bool:
    cues = modality_table()
    for child, gov in governors(head):
        if child.dep_ == "conj" and not _own_clause(child):
            continue  # "denied buying shells and selling rockets"; not the denial's conjunct
        if child.dep_ not in _EMBEDDING:
            return False
        if gov.lemma_.lower() in cues["denial_verbs"] and gov.pos_ == "VERB":
            return True
    return False


def _negated(chain: list[Token]) -> bool:
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and tok.pos_ == "NOUN"):
                return True
    return False


def _reported(tok: Token) -> bool:
    """Whether a clause sits under a past-tense reporting verb ("Kim said they would ...")."""
    verbs = attribution_table()["reporting_verbs"]
    return any(
        gov.lemma_.lower() in verbs and gov.tag_ in ("VBD", "VBN") for _, gov in governors(tok)
    )


def _conditional(chain: list[Token]) -> bool:
    marks = modality_table()["conditional_marks"]
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in marks:
                return True
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in marks for m in c.children
            ):
                return True
    return False


def _hypothetical_or_expected(chain: list[Token], planners: list[Token]) -> str | None:
    cues = modality_table()
    conditional = _conditional(chain)
    if any(
        c.dep_ == "mark" and c.lower_ in cues["conditional_marks"]
        for t in chain
        for c in t.children
    ):
        return "hypothetical"  # "if it continued to broadcast propaganda"
    planned = any(
        t.lemma_.lower() in cues["expectation_heads"] or t.lower_ in cues["expectation_heads"]
        for t in planners
    )
    for tok in chain:
        for aux in _auxes(tok):
            word = aux.lower_
            if word in cues["future_modals"]:
                return "hypothetical" if conditional else "expected"
            if word == "would":
                generic = chain[0].dep_ == "csubj" or chain[0].head.dep_ == "csubj"
                if _reported(tok) and not conditional and not generic:
                    return "expected"
                return "hypothetical"  # "arming Ukraine would be a mistake": an act in general
            if word in cues["hypothetical_modals"]:
                return "hypothetical"
    # "any transfer of arms would ...": a non-specific event.
    if any(
        c.dep_ == "det" and c.lower_ in cues["hypothetical_determiners"] for c in chain[0].children
    ):
        return "hypothetical"
    if any(t.lemma_.lower() in cues.get("willingness_heads", ()) for t in planners):
        return "hypothetical"  # "ready to hand over": offered, not planned
    if planned:
        return "hypothetical" if conditional else "expected"
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
        if child.dep_ == "conj" and not _own_clause(child):
            continue  # "allege that X sold ... and received ..."; not the hedge's conjunct
        if child.dep_ not in _EMBEDDING:
            break
        lemma = gov.lemma_.lower()
        if lemma in cues["denial_objects"] and gov.pos_ == "NOUN":
            return True
        if lemma not in cues["hedge_heads"] or gov == head:
            continue
        passive = any(a.dep_ == "auxpass" for a in gov.children) or (
            gov.tag_ == "VBN" and any(a.lemma_ == "be" for a in _auxes(gov))
        )
        if lemma in cues["passive_only_hedges"] and not passive:
            continue
        return True
    return False


# "denied any role in the hack", "denied that the ship had been involved in any sabotage"
_PARTS = SHARE_NOUNS | INVOLVING


def _background(head: Token, pred: Token) -> bool:
    """An event named as the setting of another, taken as given whatever is said of that
    other: "had not sent weapons to either side in the war in Ukraine", "during the war"."""
    return (
        head.pos_ == "NOUN"
        and pred == head
        and head.dep_ == "pobj"
        and head.head.lower_ in ("in", "during", "amid", "since", "throughout")
        and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in head.children)
        # "denied any role in the hack": the part someone had in it, no setting
        and head.head.head.lemma_.lower() not in _PARTS
    )


def modality(head: Token, pred: Token) -> str:
    """The modality of the event triggered by ``head`` (with light verb ``pred``)."""
    if _background(head, pred):
        return "asserted"
    if _denied(head) or _denied(pred):
        return "denied"
    chain, governed, planners = _chain(head, pred)
    if _negated(chain):
        return "negated"
    if governed is not None:
        return governed
    mood = _hypothetical_or_expected(chain, planners)
    if mood is not None:
        return mood
    hedged = {c.lower_ for c in head.children if c.dep_ == "amod"} & modality_table()[
        "hedge_modifiers"
    ]
    if head.pos_ == "NOUN" and pred == head and hedged:
        return "alleged"  # "Moscow's reported transfer of ...": hedged, possessed or not
    if head.pos_ == "NOUN" and pred == head and any(c.dep_ == "poss" for c in head.children):
        return "asserted"  # "its war in Ukraine": a possessed event is taken as given
    if _alleged(head, chain) or (pred != head and _alleged(pred, chain)):
        return "alleged"
    return "asserted"
