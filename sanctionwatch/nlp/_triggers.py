"""Trigger words: which tokens of a parsed sentence express an event of the lexicon.

A token triggers when its lemma and part of speech are in ``events.yaml`` and the entry's
conditions hold (its object, particle, subject or modifier). A noun trigger joins the light
verb it is the object of ("held talks", "imposed sanctions", "oversaw the transfer") and is
dropped when a verb trigger already covers it ("signed a treaty") or when it is the object of a
prohibition ("ban exports": a rule, not a happening).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sanctionwatch.nlp._data import modality_table
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._forms import lemmas_of
from sanctionwatch.nlp._lexicon import Trigger, event_lexicon
from sanctionwatch.nlp._syntax import subjects

__all__ = ["Candidate", "candidates", "trigger_for"]

# Acts a warning can report without threatening them ("warned that X could sell shells"); a
# strike, a sanction or a seizure in a warning is the threat itself.
_REPORTED_ACTS = frozenset({"AID", "COOPERATE", "AGREE", "SUPPORT", "CONSULT", "MOBILIZE"})
_PROHIBITIONS = frozenset(
    {"ban", "prohibit", "prevent", "stop", "halt", "suspend", "outlaw", "forbid", "block"}
)


@dataclass
class Candidate:
    """A trigger found in a sentence: its word, light verb, words, entry, type and mode."""

    head: Token
    pred: Token
    words: list[Token]
    trigger: Trigger
    type: str
    mode: str | None


def trigger_for(tok: Token) -> Trigger | None:
    """The lexicon entry a token can trigger, by lemma and part of speech (the first, where
    the lexicon has several)."""
    return next(_triggers_for(tok), None)


def _triggers_for(tok: Token) -> Iterator[Trigger]:
    """The lexicon entries a token can trigger, by lemma and part of speech, in lexicon order."""
    pos = (
        "VERB"
        if tok.pos_ == "VERB" or _gerund(tok)
        else "NOUN"
        if tok.pos_ in ("NOUN", "PROPN") and tok.tag_.startswith("NN")
        else None
    )
    if pos is None or (pos == "NOUN" and tok.pos_ == "PROPN"):
        return
    triggers = event_lexicon().triggers
    for lemma in lemmas_of(tok.lemma_.lower(), tok.lower_):
        for trig in triggers.get(lemma, ()):
            if pos in trig.pos:
                yield trig


def _gerund(tok: Token) -> bool:
    """A gerund tagged as a noun modifier: "denied [buying] shells"."""
    return (
        tok.tag_ == "NN"
        and tok.lower_.endswith("ing")
        and tok.dep_ in ("amod", "compound")
        and (tok.head.dep_ == "dobj" and tok.i == tok.head.left_edge.i)
    )


def _what_it_was(tok: Token) -> list[Token]:
    """What a free relative right after a verb says its object was: "fired what it claimed was
    a new hypersonic missile" (the missile), however the parser hung the clause."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "what":
        return []
    for t in doc[tok.i + 2 : min(len(doc), tok.i + 8, tok.sent.end)]:
        if t.lemma_ == "be":
            return [a for a in t.children if a.dep_ == "attr"]
        if t.is_punct:
            break
    return []


def _objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    objs += _what_it_was(tok)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
        objs.append(tok.head)  # "the joint statement released after the meeting"
    if tok.dep_ == "acomp" and tok.tag_ == "VBN" and tok.head.lemma_.lower() == "be":
        objs += [c for c in tok.head.children if c.dep_ == "nsubj"]  # "have been [frozen]"
    # "missiles that Russia fired": the relative pronoun stands for the noun
    objs = [tok.head if o.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else o for o in objs]
    objs = [o for obj in objs for o in (obj, *obj.conjuncts)]
    # "fired dozens of missiles", "launched a barrage of drones": what is counted
    return objs + [
        p
        for o in objs
        if o.lemma_.lower() in _QUANTITIES
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]


_QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                         "number", "batch", "salvo", "barrage", "volley", "pair", "series",
                         "wave", "swarm", "cache", "shipment", "consignment", "million",
                         "millions", "score", "scores", "couple", "lot", "lots"})  # fmt: skip


def _particle_objects(tok: Token, trig: Trigger) -> list[Token]:
    """The objects of the trigger's own prepositions ("added [to] the list")."""
    return [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in trig.particles
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _gapped(tok: Token, trig: Trigger) -> bool:
    """A verb whose object was left out, with one of the trigger's gap prepositions: "the
    sanctions Seoul has imposed on the North", "measures imposed on the DPRK"."""
    if not trig.gap_particles or any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in tok.children
    ):
        return False
    if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ not in ("acl", "relcl")
                              and not any(c.dep_ == "aux" for c in tok.children)):
        return False  # fmt: skip
    return any(
        c.dep_ == "prep" and c.lower_ in trig.gap_particles and any(
            o.dep_ == "pobj" for o in c.children)
        for c in tok.children
    )  # fmt: skip


_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "day", "occasion",
})  # fmt: skip


def _temporal(tok: Token) -> bool:
    """A date or time word ("on Monday", "on 3 May", "on that occasion")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS or tok.like_num


def _conditions_ok(tok: Token, trig: Trigger) -> bool:
    if trig.particles and not any(
        c.dep_ in ("prt", "prep", "advmod")
        and c.lower_ in trig.particles
        # "called ... on Monday": a date, not the particle ("called on Iran")
        and not any(g.dep_ == "pobj" and _temporal(g) for g in c.children)
        for c in tok.children
    ):
        return False
    if trig.subjects:
        active, passive = subjects(tok)
        if not any(s.lemma_.lower() in trig.subjects for s in active + passive):
            return False
    return (
        not trig.modifiers
        or any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in trig.modifiers
            for c in tok.children
        )
        # a named exercise: "the Freedom Edge exercise", "the 'Iron Mace' exercise"
        or (
            trig.type == "MOBILIZE"
            and any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in tok.children)
        )
    )


def _covering_trigger(tok: Token) -> Token | None:
    """The verb trigger a noun trigger belongs to ("signed a treaty", "imposed sanctions")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head == tok or head.pos_ != "VERB" or tok.dep_ in ("nsubj", "csubj"):
        return None  # "cooperation between X and Y was developing": the noun is the event
    trig = trigger_for(head)
    if trig is None:
        return None
    lemma = tok.lemma_.lower()
    if lemma in trig.object_types and trig.object_types[lemma][0] == "NONE":
        return None  # "carried out launches": the verb is no event, the noun is one
    if lemma in trig.object_modes or lemma in trig.objects or lemma in trig.object_types:
        return head  # "struck a deal": one event, typed by its object
    if trig.objects:
        return None  # "held a summit": "hold" is an event only with its own objects
    own = trigger_for(tok)
    return head if own is not None and own.type == trig.type and tok.dep_ == "dobj" else None


_BATCHES = frozenset({"package", "round", "set", "wave", "series", "raft", "batch", "slew",
                      "tranche"})  # fmt: skip


def _light_verb(tok: Token, light: frozenset[str]) -> Token | None:
    """The light verb a noun trigger is the object of ("held talks", "directed the hacking
    operations")."""
    noun = tok.head if tok.dep_ == "compound" else tok
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in (
        _BATCHES
    ):
        noun = noun.head.head  # "adopted a 21st package of sanctions": the package is adopted
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and _amount(noun.head.head):
        noun = noun.head.head  # "processed $200 million in payments": the sum is processed
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and trigger_for(noun.head) is None:
        # "conduct trade and financial cooperation": both are conducted (but "imposed
        # sanctions and travel bans" is one measure, told by its first noun)
        noun = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        verb = noun.head
        if any(lemma in light for lemma in lemmas_of(verb.lemma_.lower(), verb.lower_)):
            return verb
    return None


_AMOUNTS = frozenset({"million", "billion", "thousand", "hundred", "dollar", "euro", "yuan",
                      "ruble", "rouble", "sum", "amount", "worth"})  # fmt: skip


def _amount(tok: Token) -> bool:
    """A sum of money: "$200 million", "hundreds of millions of dollars"."""
    return tok.lemma_.lower() in _AMOUNTS or tok.like_num


def _third_party_report(tok: Token, index: EntityIndex) -> bool:
    """A warning that reports someone else's act ("warned that North Korea could sell shells")
    rather than threatening ("warned that Seoul would pay dearly")."""
    speakers = {e.id for s in subjects(tok)[0] for e in index.refers(s)}
    speaker_countries = {c for e in index.entities if e.id in speakers for c in e.country}
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        for v in (clause, *(c for c in clause.children if c.dep_ in ("xcomp", "conj"))):
            trig = trigger_for(v)
            if trig is None or trig.type not in _REPORTED_ACTS or not _conditions_ok(v, trig):
                continue
            if trig.type == "AID" and not any(
                c.dep_ == "dobj" or (c.dep_ == "dative" and c.lower_ != "for") for c in v.children
            ):
                continue  # "would pay dearly for it": nothing handed to anyone
            doers = {e for s in subjects(v)[0] for e in index.refers(s)}
            if any(e.id not in speakers and not set(e.country) & speaker_countries for e in doers):
                return True
    return False


# People received as visitors, not goods: "Kim Jong Un received the Russian delegation".
_VISITORS = frozenset({"delegation", "delegate", "envoy", "minister", "official", "guest",
                       "visitor", "team", "ambassador", "counterpart"})  # fmt: skip
_CALLED_FALSE = Trigger("call", ("VERB",), "REJECT", "deny")
#: Verbs that give their object a predicate: "called the reports lies", "branded it piracy".
_NAMING_VERBS = frozenset({"call", "describe", "brand", "dub", "label", "term"})


def _verdict_on_claims(tok: Token) -> bool:
    """ "called the accusations absurd", "called the reports a fabrication": a verb of
    naming whose object is a claim (``denial_objects``) and which gives it a predicate."""
    if tok.lemma_.lower() not in _NAMING_VERBS:
        return False
    if tok.pos_ != "VERB" or not any(c.dep_ == "oprd" for c in tok.children):
        return False
    if tok.tag_ == "VBG" and any(
        a.lemma_.lower() in modality_table()["denial_verbs"] for a in tok.ancestors
    ):
        return False  # "denied that ..., calling the accusations lies": one denial
    objects = modality_table()["denial_objects"]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children)


#: "called the boarding an act of piracy": naming an act an offence accuses its doers.
CALLED_OFFENCE = Trigger("call", ("VERB",), "ACCUSE", None)
_OFFENCES = frozenset({"piracy", "aggression", "harassment", "terrorism", "provocation",
                       "crime", "banditry", "robbery", "theft", "outrage",
                       "violation"})  # fmt: skip


def _verdict_on_acts(tok: Token) -> Token | None:
    """The predicate of "called the detention an act of piracy", "branded the drills a
    provocation": an offence a verb of naming gives its object; None if it gives none."""
    if tok.lemma_.lower() not in _NAMING_VERBS:
        return None
    if tok.tag_ == "VBG" and any(
        t.lemma_.lower() in ("condemn", "denounce", "accuse", "criticise", "criticize")
        and t.pos_ == "VERB"
        for t in tok.sent
    ):
        return None  # "condemned the move, calling it a violation of ...": one accusation
    for o in (c for c in tok.children if c.dep_ == "oprd"):
        words = [o, *(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")]  # fmt: skip
        if any(w.lemma_.lower() in _OFFENCES for w in words):
            return o
    return None


#: What a record lists a party as, that is no sanctions list: "lists Comoros as its flag state".
_RECORD_ROLES = frozenset({"flag", "state", "owner", "operator", "manager", "address",
                           "destination", "port", "registry", "beneficiary",
                           "shareholder"})  # fmt: skip


def _listed_as_record(tok: Token, trig: Trigger) -> bool:
    """ "The tanker lists Comoros as its flag state": a register's entry, not a listing."""
    if trig.lemma != "list":
        return False
    return any(
        p.dep_ == "prep" and p.lower_ == "as"
        and any(o.lemma_.lower() in _RECORD_ROLES for o in p.subtree
                if o.dep_ in ("pobj", "compound"))
        for p in tok.children
    )  # fmt: skip


def _named_vessel(tok: Token, index: EntityIndex) -> bool:
    e = index.at(tok.i)
    return e is not None and e.type == "Vessel"


def candidates(sent: Span, index: EntityIndex) -> Iterator[Candidate]:
    """The triggers of a parsed sentence, in text order."""
    lexicon = event_lexicon()
    prohibitions = _PROHIBITIONS | modality_table().get("prohibition_verbs", frozenset())
    for tok in sent:
        if _verdict_on_claims(tok):
            # "Pyongyang called the reports an 'absurd fabrication'": a denial of them
            yield Candidate(tok, tok, [tok], _CALLED_FALSE, "REJECT", "deny")
            continue
        offence = _verdict_on_acts(tok) if tok.pos_ == "VERB" else None
        if offence is not None:
            # "Zakharova called the boarding an act of piracy": an accusation of its doers
            yield Candidate(tok, tok, [tok, offence], CALLED_OFFENCE, "ACCUSE", None)
            continue
        if index.at(tok.i) is not None:
            continue
        # the first entry whose conditions hold: a "call" with "phone" is a meeting, one "on"
        # a party a request
        trig = next((t for t in _triggers_for(tok) if _conditions_ok(tok, t)), None)
        if trig is None:
            continue
        words, pred = [tok], tok
        etype, mode = trig.type, trig.mode
        objs = _objects(tok)
        if trig.objects:
            matching = [
                o for o in objs + _particle_objects(tok, trig) if o.lemma_.lower() in trig.objects
            ]
            if matching:
                words.append(matching[0])
            elif "vessel" in trig.objects and any(_named_vessel(o, index) for o in objs):
                # "boarded the 4,300-ton Orient Grace", "held the Boracay": a ship by its name
                etype, mode = trig.object_types.get("vessel", (etype, mode))
            elif not _gapped(tok, trig):
                continue
        # the object, or in a passive its subject ("all property ... is blocked")
        for o in [*objs, *(subjects(tok)[1] if tok.tag_ == "VBN" else [])]:
            lemma = o.lemma_.lower()
            if lemma in trig.object_types:
                etype, mode = trig.object_types[lemma]
                break
        if etype == "NONE" or _listed_as_record(tok, trig):
            continue
        named = [
            n
            for o in objs
            for n in (o, *(c for c in o.children if c.dep_ in ("appos", "compound")))
        ]
        visitors = any(o.lemma_.lower() in _VISITORS for o in objs)  # "received the delegation"
        if trig.person_object and (
            visitors or any(e.type == "Person" for n in named for e in index.refers(n))
        ):
            etype, mode = trig.person_object
            trig = Trigger(trig.lemma, trig.pos, etype, mode)
        reports = trig.reporting and any(
            c.dep_ == "ccomp" or (c.dep_ == "xcomp" and trigger_for(c) is not None)
            for c in tok.children
        )
        # "pledged that X would ...", "pledged to expand ...", "warned that X could sell ...":
        # a report or a commitment to another act, not an act itself
        if (
            reports
            and not any(c.dep_ in ("dobj", "dative") for c in tok.children)
            and (etype != "THREATEN" or _third_party_report(tok, index))
        ):
            continue
        if tok.pos_ != "VERB" and not _gerund(tok):
            if _covering_trigger(tok) is not None:
                continue
            gov = tok.head
            if tok.dep_ == "dobj" and gov.lemma_.lower() in prohibitions:
                continue
            light = _light_verb(tok, lexicon.light_verbs)
            if light is not None:
                pred = light
                words.insert(0, pred)
            elif tok.dep_ == "compound":
                continue  # "the sanctions regime", "an arms deal": a modifier, not an event
            if tok.dep_ == "compound" and trigger_for(tok.head) is not None:
                continue  # "staged war drills": the drills are the event
        yield Candidate(tok, pred, words, trig, etype, mode)
