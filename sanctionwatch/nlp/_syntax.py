"""Small helpers over spaCy tokens shared by the nlp modules.

Sentences the selective reader left unparsed have no tags and a flat tree; :func:`has_syntax`
tells them apart, and :func:`name_like` falls back to the word's shape there.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

__all__ = [
    "BULLETS",
    "ISSUING",
    "governors",
    "has_syntax",
    "name_like",
    "paragraph_start",
    "positions",
    "repair_tags",
    "span_text",
    "string_ids",
    "subjects",
    "tagged",
]

_TEXT_KEY = "sw_text"
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_BORROW_DEPS = frozenset({"xcomp", "conj", "advcl"})
# Verbs whose object does what their infinitive says ("invited Putin to visit").
_OBJECT_CONTROL = frozenset({
    "invite", "urge", "ask", "tell", "order", "allow", "help", "force", "persuade", "encourage",
    "call", "press", "push", "permit", "enable", "authorize", "authorise", "instruct", "require",
    "commit",
    "advise", "pressure", "warn", "prompt", "compel", "spur", "cause", "lead", "oblige",
})  # fmt: skip
# Nouns whose infinitive is done by the subject of the verb taking them ("accepted an
# invitation to visit", "announced plans to build", "made a pledge to send").
_INTENT_NOUNS = frozenset({
    "invitation", "offer", "plan", "decision", "pledge", "promise", "bid", "commitment",
    "intention", "attempt", "effort", "proposal",
})  # fmt: skip
# Prepositions whose gerund is done by the governing verb's object ("accused X of supplying").
_OBJECT_PREPS = frozenset({"of", "for", "from", "with"})
#: Nouns for a share in an act, whose holder does it: "played a key role in the transfer",
#: "denied any part in the attack".
SHARE_NOUNS = frozenset({"role", "part", "hand", "involvement", "participation", "complicity"})
#: Words of taking part in an act named after "in" or "for": "involved in", "responsible for".
INVOLVING = frozenset({"involve", "responsible", "complicit", "instrumental", "engage"})
# Verbs whose statement object speaks for their subject ("issued a statement accusing X").
#: Verbs that put out a writing ("issued a statement", "released a report").
ISSUING = frozenset({"issue", "release", "publish", "make", "deliver", "put", "read", "post"})
# Conjunctions the parser takes for prepositions ("after [Russia] signed": Russia as its object).
_SUBORDINATORS = frozenset({
    "after", "before", "since", "until", "till", "once", "because", "while", "as", "when",
    "whereas", "although", "though",
})  # fmt: skip
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def positions(doc: Doc, words: Iterable[str], *, lower: bool = True) -> list[int]:
    """Indexes of the tokens that are one of ``words`` (compared lower-cased, or as written),
    found with arrays rather than a loop over Token objects."""
    wanted = string_ids(words if isinstance(words, frozenset) else frozenset(words))
    column = doc.to_array(LOWER if lower else ORTH)
    return [int(i) for i in np.flatnonzero(members(column, wanted))]


def members(column: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which values of ``column`` are in ``wanted``, a sorted array (as :func:`string_ids`
    gives): ``np.isin`` by binary search, which sorts nothing (several times faster against
    the lexicon's thousands of forms)."""
    if not len(wanted):
        return np.zeros(len(column), dtype=bool)
    column = column.astype(wanted.dtype, copy=False)
    at = np.searchsorted(wanted, column)
    at[at == len(wanted)] = 0
    found: np.ndarray = wanted[at] == column
    return found


@functools.lru_cache(maxsize=512)
def string_ids(words: frozenset[str]) -> np.ndarray:
    """The string-store ids of ``words``, sorted, for :func:`members` of a token column (ids
    are hashes: the same in every store, and nothing need be added to one)."""
    return np.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


#: Marks that open the entries of a list ("- ", "• ").
BULLETS = frozenset({"-", "•", "*", "–", "—", "·"})


def line_starts(doc: Doc) -> list[int]:
    """Indexes of the tokens that open a line (after a whitespace token holding a newline),
    found without a loop over every token."""
    spaces = np.flatnonzero(doc.to_array(IS_SPACE))
    return [int(i) + 1 for i in spaces if i + 1 < len(doc) and "\n" in doc[int(i)].text]


def paragraph_start(doc: Doc, i: int) -> int:
    """The first token of the paragraph holding token ``i`` (after the last whitespace token
    with a line break before it)."""
    while i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        i -= 1
    return i


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start`` to ``end``, as ``doc[start:end].text`` gives it, cut from
    the document's text (kept in ``doc.user_data``) rather than joined token by token."""
    if start >= end:
        return ""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    last = doc[end - 1]
    return str(text[doc[start].idx : last.idx + len(last)])


def tagged(tok: Token) -> bool:
    """Whether the token has a part-of-speech tag (its sentence was parsed)."""
    return bool(tok.tag_)


def has_syntax(doc: Doc, start: int) -> bool:
    """Whether the sentence starting at token ``start`` was parsed."""
    unparsed = doc._.sw_unparsed if Doc.has_extension("sw_unparsed") else None
    return not unparsed or start not in unparsed


def name_like(tok: Token) -> bool:
    """A word that can be part of a proper name: a proper noun where the sentence is tagged,
    else a capitalised word that is not a stop word."""
    if not (tok.text[:1].isupper() and tok.text.replace("-", "").replace("'", "").isalpha()):
        return False
    if tagged(tok):
        return tok.pos_ == "PROPN"
    return not tok.is_stop


_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"})


def repair_tags(tokens: Iterable[Token]) -> None:
    """Plural nouns the tagger took for verbs, where the parser made them nouns: "carried out a
    dozen missile launches" ("launches" tagged VBZ, parsed as the object)."""
    for tok in tokens:
        if tok.tag_ == "VBZ" and tok.dep_ in _NOMINAL_DEPS and tok.lower_.endswith("s"):
            tok.tag_, tok.pos_ = "NNS", "NOUN"


def governors(tok: Token) -> Iterator[tuple[Token, Token]]:
    """(child on the path, governing word) pairs from ``tok`` up to the root of its sentence."""
    child = tok
    while child.head != child:
        yield child, child.head
        child = child.head


def subjects(v: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, borrowed from its governor if need be:
    "expected to travel", "agreed and signed", "denied supplying", "accused X of supplying"
    (the object X), "a company that exports" (the noun the clause describes)."""
    active = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
    passive = [c for c in v.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
    if v.tag_ == "VBN":
        # "all property ... that are in the United States ... are blocked": the parser hung the
        # subject on a stray "are"
        hung = [c for c in v.children if c.dep_ in ("auxpass", "csubjpass") and c.lemma_ == "be"]
        inner = [g for c in hung for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                 or (g.dep_ == "attr" and c.i > v.i)]  # "Also listed is X": inverted  # fmt: skip
        if inner:
            passive = [p for p in passive if p not in hung] + inner
    reported = _reported_relative(v) or _among_subject(v)
    if reported is not None:
        return [reported], []
    if active or passive or depth > 4:
        return active, passive
    clause_subject = _stranded_subject(v)
    if clause_subject is not None:
        return [clause_subject], []
    head = v.head
    if head == v:
        return [], []
    gerund = v.tag_ == "VBG" or (v.tag_ == "NN" and v.lower_.endswith("ing"))
    if (
        v.dep_ in ("amod", "compound")
        and gerund
        and head.dep_ == "dobj"
        and head.head.pos_ == "VERB"
    ):
        return subjects(head.head, depth + 1)  # "denied [supplying] weapons": a misparsed gerund
    if v.dep_ in _BORROW_DEPS:
        if v.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in _OBJECT_CONTROL:
                return objs, []  # "invited Putin to visit": the object visits
        if (
            v.dep_ == "conj"
            and head.dep_ == "ccomp"
            and not any(c.dep_ == "auxpass" for c in v.children)
            and any(c.dep_ in _PASSIVE_SUBJECT_DEPS for c in head.children)
        ):
            return subjects(head.head, depth + 1)  # "said X had been ordered ... and warned Y"
        if _speakers_own_act(v):
            return subjects(head.head, depth + 1)  # "Mao said Beijing had ... and urged Tokyo"
        up_active, up_passive = subjects(head, depth + 1)
        if v.dep_ == "xcomp":  # "X is expected to travel", "X was accused of": the raised subject
            return up_active + up_passive, []
        if (
            v.dep_ == "advcl"
            and v.tag_ == "VBN"
            and not any(c.dep_ == "auxpass" for c in v.children)
        ):
            return [], up_active + up_passive  # "would strike back if attacked"
        if v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.children):
            return [], up_active + up_passive  # "X arrived ... and was greeted by Y"
        if v.dep_ == "conj" and v.tag_ in _FINITE and up_passive and not up_active:
            return up_passive, []  # "troops were deployed to Russia and fought": they fought
        return up_active, up_passive
    before = head.left_edge.i - 1
    if (
        v.dep_ == "acl"
        and before >= 0
        and head.doc[before].pos_ == "NOUN"  # right after the noun the clause is about
        and head.tag_ == "NNS"
        and any(c.dep_ == "nummod" or c.lower_ == "both" for c in head.children)
        and not any(c.dep_ == "agent" for c in v.children)
    ):
        return [head], []  # "the treaty the two countries signed": a relative clause, not "signed"
    if v.dep_ == "amod" and v.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN"):
        return [], [head]  # "two captured soldiers": the soldiers were captured
    if v.dep_ == "acomp" and head.pos_ in ("AUX", "VERB"):
        up_active, up_passive = subjects(head, depth + 1)
        if v.tag_ == "VBN" and head.lemma_.lower() == "be":
            return [], up_active + up_passive  # "assets have been [frozen]": a passive
        return up_active, up_passive  # "X was ready [to hand over]": the copula's subject
    if v.dep_ == "pcomp":
        return _prep_subjects(head, depth)
    if (
        v.dep_ in ("amod", "compound")
        and gerund
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and v.i < head.i
    ):
        return _prep_subjects(head.head, depth)  # "accused X of [shipping] missiles"
    if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if (
            v.dep_ == "acl"
            and v.tag_ == "VB"
            and head.lemma_.lower() in _INTENT_NOUNS
            and head.dep_ in ("dobj", "nsubjpass")
        ):
            return subjects(head.head, depth + 1)  # "accepted an invitation to visit": who accepts
        if v.dep_ == "acl" and head.dep_ in ("dobj", "pobj") and v.tag_ == "VBG":
            gov = head.head if head.dep_ == "dobj" else head.head.head
            if gov.pos_ == "VERB" and gov.lemma_.lower() in ISSUING:
                return subjects(gov, depth + 1)  # "issued a statement accusing X": its issuer
        return ([], [head]) if v.tag_ == "VBN" else ([head], [])
    return [], []


_SAYING = frozenset({"say", "believe", "allege", "claim", "think", "assess", "report", "suspect"})


_SPEECH_VERBS = frozenset({
    "urge", "call", "condemn", "warn", "thank", "accuse", "reject", "demand", "ask", "appeal",
    "praise", "criticise", "criticize", "denounce", "slam", "welcome", "vow", "pledge", "blame",
    "invite", "press", "dismiss",
})  # fmt: skip
_REPORTING = frozenset({"say", "tell", "add", "state", "note", "announce", "declare", "stress"})


def _speakers_own_act(v: Token) -> bool:
    """A speech act joined to the clause a person reports is the person's own: "Mao Ning said
    Beijing had lodged representations and urged Tokyo to ...", "Choe said the DPRK would never
    abandon ... and condemned Washington" (not Beijing's, not the DPRK's)."""
    clause = v.head
    if v.dep_ != "conj" or clause.dep_ != "ccomp" or v.lemma_.lower() not in _SPEECH_VERBS:
        return False
    if v.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in v.children):
        return False
    say = clause.head
    if say.lemma_.lower() not in _REPORTING:
        return False
    speakers = [c for c in say.children if c.dep_ == "nsubj"]
    inner = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    person = any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") for s in speakers)
    other = not any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") for s in inner)
    tensed = any(c.dep_ == "aux" for c in clause.children)  # "had lodged ... and urged"
    return person and (other or tensed)


def _among_subject(v: Token) -> Token | None:
    """ "X is among the entities that shipped engines": X shipped them."""
    head = v.head
    if not (
        v.dep_ == "relcl"
        and head.dep_ == "pobj"
        and head.head.lower_ == "among"
        and head.head.head.lemma_.lower() == "be"
        and any(c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" for c in v.children)
    ):
        return None
    return next((c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _reported_relative(v: Token) -> Token | None:
    """The noun a relative clause with a reporting verb describes, as the subject of the clause
    it reports: "a company that the Council says had re-exported motors" (the company
    re-exported). The parser hangs the relative pronoun on either verb."""
    if v.dep_ not in ("ccomp", "conj") or v.head.dep_ != "relcl":
        return None
    say = v.head
    if say.lemma_.lower() not in _SAYING:
        return None
    wh = [t for t in say.subtree if t.tag_ in ("WDT", "WP") and t.dep_ in
          ("nsubj", "nsubjpass")]  # fmt: skip
    if not wh or not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in say.children):
        return None
    return say.head


def _stranded_subject(v: Token) -> Token | None:
    """The subject of a clause the parser read as a prepositional phrase: in "after Russia and
    North Korea signed the pact", "Russia" is the object of "after" and "signed" hangs elsewhere.
    The noun phrase ending just before the finite verb is its subject."""
    if v.tag_ not in _FINITE or v.i == v.sent.start:
        return None
    for tok in v.doc[v.sent.start : v.i]:
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in _SUBORDINATORS
            and tok.right_edge.i == v.i - 1
            and not tok.is_ancestor(v)
        ):
            return tok
    return None


def _prep_subjects(prep: Token, depth: int) -> tuple[list[Token], list[Token]]:
    """Subjects of a gerund under a preposition ("accused X of supplying", "by launching")."""
    while prep.dep_ == "conj" and prep.head != prep:
        prep = prep.head  # "by launching missiles and by exporting coal"
    gov = prep.head
    if gov.pos_ in ("VERB", "AUX"):
        objs = [c for c in gov.children if c.dep_ == "dobj"] if prep.lower_ in _OBJECT_PREPS else []
        # "returned an indictment charging X ... with smuggling": the charge's object
        objs = [
            d for o in objs
            for d in ([d for a in o.children if a.dep_ == "acl" for d in a.children
                       if d.dep_ == "dobj"] or [o])
        ]  # fmt: skip
        named = [o for o in objs if _named(o)]
        if named:
            return named, []  # "accused Moscow of supplying", "sanctioned firms for buying"
        if objs:
            return [], []  # "sanctioned two individuals for procuring": unnamed doers
        up_active, up_passive = subjects(gov, depth + 1)
        return up_passive or up_active, []
    if gov.pos_ == "ADJ" and gov.dep_ == "acomp" and gov.head.pos_ in ("VERB", "AUX"):
        return subjects(gov.head, depth + 1)[0], []  # "X is responsible for supporting"
    if gov.pos_ == "NOUN":
        owners = [c for c in gov.children if c.dep_ == "poss"]
        if owners:  # "its policy on supplying weapons": the policy's owner
            return owners, []
        if gov.lemma_.lower() in SHARE_NOUNS and gov.dep_ == "dobj":
            return subjects(gov.head, depth + 1)[0], []  # "denied any role in settling"
        if gov.dep_ == "dobj" and prep.lower_ in _OBJECT_PREPS:
            return [gov], []  # "accused the military of dropping leaflets"
        return [], []
    return [], []


def charged_parties(noun: Token) -> list[Token]:
    """Whom a verb holds to account for the act a noun names after "for" or "of": the named
    object ("sanctioned X for the supply of drones", "accused X of the attack") or, with no
    object, the passive subject ("X was designated for the training of ..."); none where the
    verb's object is unnamed or the verb is active without one ("called for the withdrawal")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "of") or prep.dep_ != "prep":
        return []
    gov = prep.head
    if gov.pos_ != "VERB":
        return []
    objs = [c for c in gov.children if c.dep_ == "dobj"]
    if objs:
        return [o for o in objs if _named(o)]
    return subjects(gov)[1]


def _named(tok: Token) -> bool:
    """A noun phrase that names someone: a name, a pronoun, or a noun with a named modifier."""
    if tok.ent_type_ or tok.pos_ in ("PROPN", "PRON"):
        return True
    return any(c.ent_type_ for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod"))
