"""Events: lexicon triggers in a parsed sentence, with actors, targets, locations and items.

Triggers come from :mod:`sanctionwatch.nlp._triggers`, arguments from
:mod:`sanctionwatch.nlp._arguments`. Two events are read where the text names an exchange:
"A in exchange for B" (and "in return for", "as payment for") adds the counter-event B running
the other way, and the noun "an exchange of A for B" is both. An event needs an actor or a
target; entries of the lexicon can ask for more (items, a target, an actor of some type).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sanctionwatch.nlp._arguments import (
    MOVED,
    VEHICLES,
    Arguments,
    entities_of,
    fill,
    goods_origin,
    listed_parties,
    manner_phrase,
    owners_of,
)
from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._forms import lemmas_of
from sanctionwatch.nlp._items import ItemMatch
from sanctionwatch.nlp._lexicon import Item, Trigger, event_lexicon
from sanctionwatch.nlp._syntax import BULLETS, governors, repair_tags, subjects
from sanctionwatch.nlp._triggers import CALLED_OFFENCE, Candidate, candidates, trigger_for

__all__ = ["Draft", "answer_exchange", "condemned_doers", "find_events", "listing_intro"]

_PREVENTING = frozenset(
    {"block", "veto", "prevent", "stop", "thwart", "ban", "bar", "prohibit", "forbid"}
)
# Event types whose items are reported (what is moved, used or dealt in).
_ITEM_TYPES = frozenset({"AID", "COOPERATE", "MOBILIZE", "ASSAULT", "COERCE"})


@dataclass
class Draft:
    """An event read from one sentence, before it is numbered and written out."""

    sent: Span
    head: Token
    pred: Token
    words: list[Token]
    trigger: Trigger
    type: str
    mode: str | None
    actors: list[Entity] = field(default_factory=list)
    targets: list[Entity] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    #: Set for the second half of an exchange: the phrase that names it ("in exchange for").
    marker: Span | None = None


def _items_in(
    tokens: set[int], items: list[ItemMatch], index: EntityIndex
) -> list[tuple[Span, Item]]:
    return [(s, i) for s, i in items if s.root.i in tokens and index.at(s.root.i) is None]


def _unique(found: list[tuple[Span, Item]]) -> list[Item]:
    out: list[Item] = []
    for _, item in found:
        if item not in out:
            out.append(item)
    return out


def _mode(draft: Draft) -> str | None:
    trig = draft.trigger
    if draft.mode != trig.mode or not trig.item_modes:
        for w in draft.words[1:] + [c for c in draft.head.children if c.dep_ == "dobj"]:
            if w.lemma_.lower() in trig.object_modes:
                return trig.object_modes[w.lemma_.lower()]
        return draft.mode
    cats = {i.category for i in draft.items}
    if cats & {"military", "personnel"}:
        return "military"
    if "economic" in cats:
        return "economic"
    return draft.mode


def _markers(sent: Span) -> list[tuple[Span, Token]]:
    """Exchange phrases in the sentence: (the phrase, the noun phrase after it)."""
    words = [t.lower_ for t in sent]
    out = []
    for marker in event_lexicon().exchange_markers:
        parts = marker.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            last = sent[i + len(parts) - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"]
            if objs:
                out.append((sent[i : i + len(parts)], objs[0]))
    return out


def _counter(
    draft: Draft, phrase: Span, obj: Token, items: list[ItemMatch], index: EntityIndex
) -> Draft:
    """The other half of "A in exchange for B": B runs from the event's targets to its actors."""
    found = _items_in({t.i for t in obj.subtree}, items, index)
    origin = [e for s, _ in found for e in goods_origin(s, index)]
    actors = origin or list(draft.targets)
    targets = [e for e in draft.actors if e not in actors]
    # "hand over prisoners in exchange for X": a handover back; anything else is goods
    etype, mode = (draft.type, draft.mode) if draft.type == "CONCEDE" else ("AID", None)
    return Draft(draft.sent, draft.head, draft.pred, draft.words, draft.trigger, etype,
                 mode, actors, targets, [], _unique(found), marker=phrase)  # fmt: skip


def _split_exchange(draft: Draft, items: list[ItemMatch], index: EntityIndex) -> list[Draft]:
    """ "an exchange of A for B": A runs one way, B the other."""
    parts: dict[str, list[tuple[Span, Item]]] = {"of": [], "for": []}
    preps = [t for t in draft.head.subtree if t.dep_ == "prep" and t.lower_ in parts]
    scopes = {p.lower_: {t.i for t in p.subtree} for p in preps}
    if set(scopes) != set(parts):
        return []
    scopes["of"] -= scopes["for"]
    for word, scope in scopes.items():
        parts[word] = _items_in(scope, items, index)
    if not (parts["of"] and parts["for"]):
        return []  # "a prisoner exchange": no goods either way
    give = [e for s, _ in parts["of"] for e in goods_origin(s, index)] or list(draft.actors)
    take = [e for s, _ in parts["for"] for e in goods_origin(s, index)] or list(draft.targets)
    first = Draft(draft.sent, draft.head, draft.pred, draft.words, draft.trigger, "AID", None,
                  give, [e for e in take if e not in give], [], _unique(parts["of"]))  # fmt: skip
    second = Draft(draft.sent, draft.head, draft.pred, draft.words, draft.trigger, "AID", None,
                   take, [e for e in give if e not in take], [], _unique(parts["for"]))  # fmt: skip
    return [d for d in (first, second) if d.actors or d.targets]


def _blocked(head: Token) -> bool:
    """An act that a veto or ban kept from happening: "blocked a statement condemning X"."""
    for child, gov in governors(head):
        if child.dep_ not in ("acl", "relcl", "dobj", "xcomp", "pobj", "prep", "pcomp"):
            return False
        if gov.pos_ == "VERB":
            return any(lemma in _PREVENTING for lemma in lemmas_of(gov.lemma_.lower(), gov.lower_))
    return False


def _unnamed_agent(draft: Draft) -> bool:
    """An act done to a named party by someone the text does not name: "Western governments
    have accused Tehran of ...", "investigators asked both governments"."""
    pred = draft.pred
    return (
        bool(draft.targets)
        and pred.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in pred.children)
        and any(c.dep_ in ("dobj", "dative") for c in pred.children)
    )


def _keep(draft: Draft, cand: Candidate) -> bool:
    trig = cand.trigger
    if not (draft.actors or draft.targets) or _blocked(draft.head):
        return False
    if draft.mode == "visit" and any(
        s.lemma_.lower() in VEHICLES for s in subjects(draft.pred)[0]
    ):
        return False  # "tankers made 43 trips to the port": voyages, not visits
    if trig.requires_items and not draft.items:
        return False
    light = draft.head.pos_ == "NOUN" and draft.pred is not draft.head and bool(draft.actors)
    if trig.needs_target and not draft.targets and not light:
        return False  # "a strike" alone may be anything; "launched a strike" is an attack
    if trig.needs_actor and not draft.actors and not _unnamed_agent(draft):
        return False
    return not trig.actor_types or any(e.type in trig.actor_types for e in draft.actors)


_DESIGNATING = frozenset({"list", "designate", "sanction", "target", "name", "add"})
_DEPLOYING = frozenset({"deploy", "deployment", "station", "position"})
_POSITIONS = frozenset({"near", "along", "across", "around", "inside", "at", "on"})
_DESTINATIONS = frozenset({"to", "into", "toward", "towards", "in", "for"})
_MOVED_PEOPLE = MOVED | {"battalion", "brigade", "contingent"}
_MOVING = frozenset({"send", "dispatch", "fly", "deploy", "move", "station", "sail"})
# War machines a country moves about itself rather than hands over.
_PLATFORMS = frozenset({"carrier", "bomber", "warship", "destroyer", "submarine", "frigate",
                        "asset", "squadron", "flotilla", "fighter", "cruiser"})  # fmt: skip
_LISTED_TYPES = frozenset({"Person", "Organization", "Vessel"})
_PARTIES = frozenset({"person", "individual", "entity", "company", "firm", "party", "officer",
                      "official", "vessel", "ship", "tanker"})  # fmt: skip
_SHIPS = frozenset({"vessel", "ship", "tanker", "freighter"})
_TRAVEL = frozenset({"travel", "enter", "transit", "visit", "travelling", "entering", "transiting"})


def _designated_phrase(tok: Token, index: EntityIndex) -> bool:
    """ "those listed", "the designated persons", "the individuals sanctioned", or a plural
    pronoun that refers to no one named ("Their assets will be frozen")."""
    if tok.lower_ in ("they", "them", "their", "theirs"):
        return not index.refers(tok)
    if tok.lower_ != "those" and tok.tag_ != "NNS":
        return False
    if tok.lemma_.lower() in _PARTIES and _back_reference(tok):
        return True  # "these persons", "the two officers", "all the entities"
    return any(
        c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and c.lemma_.lower() in _DESIGNATING
        for c in tok.children
    )


def _stationed(head: Token, found: list[ItemMatch]) -> bool:
    """Forces moved about on one's own side rather than handed to anyone: deployed at a position
    or with no destination ("deployed troops near the border", "will deploy the system with
    frontline units"), or war machines sent or flown somewhere ("sent aircraft carriers to the
    peninsula", "bombers flew over the peninsula")."""
    lemma = head.lemma_.lower()
    scope = [head, *(c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
    if lemma in _MOVING and any(
        w.lemma_.lower() in _PLATFORMS
        for t in scope[1:]
        for w in (t, *(c for c in t.children if c.dep_ in ("compound", "amod")))
    ):
        return True
    if lemma not in _DEPLOYING:
        return False
    preps = [c.lower_ for t in scope for c in t.children if c.dep_ == "prep"]
    if any(p in _POSITIONS for p in preps):
        return True
    # No destination: weapons set up at home ("will deploy the system"), but troops deployed
    # go to someone ("preparing to deploy artillery units" for Russia)
    moved = [t for t in scope[1:] if t.dep_ == "dobj"] + [
        p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    ]
    people = any(item.category == "personnel" for _, item in found) or any(
        t.lemma_.lower() in _MOVED_PEOPLE or t.lower_ in ("more", "others") or t.like_num
        for t in moved
    )  # "could deploy several thousand more" (troops): a count of people
    return not people and not any(p in _DESTINATIONS for p in preps)


_URGING = frozenset({"urge", "call", "ask", "press", "demand", "request", "appeal", "encourage"})


def _requested_noun(noun: Token) -> bool:
    """An event noun asked for: the object of "request", or of "call for"/"appeal for"."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "for":
        gov = gov.head
    elif noun.dep_ != "dobj":
        return False
    return gov.pos_ == "VERB" and gov.lemma_.lower() in _URGING


def _urged(head: Token) -> bool:
    """An act someone is urged to do is not an event of its own ("urged Beijing to use its
    influence", "called on governments to tighten sanctions"); an act already going on that the
    urging names stays one ("urged Russia to cease its support")."""
    if head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children):
        return False
    if head.pos_ == "NOUN" and _requested_noun(head):
        return True  # "requested an emergency meeting of the Council": asked for, not held
    for child, gov in governors(head):
        if child.dep_ == "xcomp" and gov.lemma_.lower() in _URGING:
            return True
        if child.dep_ in ("ccomp", "advcl", "relcl", "acl", "ROOT"):
            return False
    return False


_LISTING_TRIGGER = Trigger("list", ("VERB",), "SANCTION", None)


def _among_listing(sent: Span, index: EntityIndex) -> Draft | None:
    """After a sanction, "Among the new listings are X and Y", "X is among today's
    designations": the parties named are among those sanctioned."""
    root = sent.root
    if root.lemma_.lower() != "be":
        return None
    cues = event_lexicon().listing_cues
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in cues):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(c.dep_ in ("relcl", "acl") for c in pobj.children):
                continue  # "among the firms that shipped ...", "among those listed": elsewhere
            if pobj.lemma_.lower() not in event_lexicon().listing_nouns:
                continue  # "Among them is X" names no act, so it is no event
            named = [c for c in root.children if c.dep_ in ("nsubj", "attr")]
            named += [c for c in root.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            targets: list[Entity] = []
            for tok in named:
                Arguments.add(targets, [e for e in entities_of(tok, index)
                                        if e.type in _LISTED_TYPES])  # fmt: skip
            if targets:
                return Draft(sent, root, root, [pobj], _LISTING_TRIGGER, "SANCTION", None,
                             [], targets)  # fmt: skip
    return None


def _included_listing(sent: Span, index: EntityIndex) -> Draft | None:
    """After a sanction, "The entities include X and Y", "Those designated include X": the
    parties the verb's object names are among those sanctioned."""
    root = sent.root
    if root.lemma_.lower() not in event_lexicon().listing_verbs:
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj or not (
        subj[0].lemma_.lower() in _PARTIES or _designated_phrase(subj[0], index)
    ) or index.refers(subj[0]):
        return None  # "Iran's exports include oil": no listing
    targets: list[Entity] = []
    for obj in (c for c in root.children if c.dep_ == "dobj"):
        Arguments.add(targets, [e for e in entities_of(obj, index)
                                if e.type in _LISTED_TYPES])  # fmt: skip
    if not targets:
        return None
    return Draft(sent, root, root, [root], _LISTING_TRIGGER, "SANCTION", None, [], targets)


#: Word forms that announce a list of those sanctioned: "Also listed are:", "Those designated
#: today include:", "The Government has designated the following:".
_LISTING_FORMS = frozenset({"listed", "designated", "designating", "designates", "sanctioned",
                            "specified", "added"})  # fmt: skip


def listing_intro(sent: Span, index: EntityIndex) -> Draft | None:
    """A sentence ending in a colon that announces who is listed, and the entries after it, one
    per line: the parties heading the entries are those sanctioned ("Also listed are: / Pak Chol
    Min, a senior official ...; / Korea Unbong Trading Corporation, ...")."""
    doc = sent.doc
    last = sent.end - 1
    while last > sent.start and doc[last].is_space:
        last -= 1  # runs on every sentence: look at its end before at its words
    if last == sent.start or doc[last].text != ":":
        return None
    words = [t for t in sent if not t.is_space]
    trig = next((t for t in words if t.lower_ in _LISTING_FORMS), None)
    if trig is None:
        return None
    targets: list[Entity] = []
    j = sent.end
    while j < len(doc):
        while j < len(doc) and doc[j].is_space:
            j += 1
        k = j
        while k < len(doc) and (
            doc[k].text in BULLETS or (doc[k].like_num and k + 1 < len(doc)
                                       and doc[k + 1].text in (".", ")"))
        ):  # fmt: skip
            k += 2 if doc[k].like_num else 1
        if k >= len(doc):
            break
        # the entry's heading: a name opening the line, after a bullet or number (which text
        # taken from markup has lost) and a title ("Colonel Andrei Shadrin, deputy ...")
        n = k + 1 if k < len(doc) and doc[k].lower_ == "the" else k  # "- the Amnokgang ..."
        while n < min(k + 4, len(doc)) and index.at(n) is None and doc[n].text[:1].isupper():
            n += 1
        head = index.at(n) if n < len(doc) else None
        if head is None or head.type not in _LISTED_TYPES:
            break  # the entries end at a line that opens with no name
        Arguments.add(targets, [head])
        while j < len(doc) and "\n" not in doc[j].text:
            j += 1  # to the next line
    if not targets:
        return None
    actors = [e for t in words if t.i < trig.i and (e := index.at(t.i)) is not None
              and e.type in ("Country", "Organization") and e not in targets]  # fmt: skip
    return Draft(sent, trig, trig, [trig], _LISTING_TRIGGER, "SANCTION", None,
                 list(dict.fromkeys(actors)), targets)  # fmt: skip


def _reference_only(head: Token, index: EntityIndex) -> bool:
    """A participle that only says who is meant: "those listed are subject to", "the
    designated persons" (but "Among those listed are X and Y" lists them)."""
    return (
        head.tag_ == "VBN"
        and head.dep_ in ("acl", "amod")
        and head.lemma_.lower() in _DESIGNATING
        and _designated_phrase(head.head, index)
        and not listed_parties(head)
    )


def _travel_ban(draft: Draft) -> bool:
    """ "banned from travelling/entering": a measure that applies to people only."""
    return any(
        c.dep_ == "prep" and c.lower_ == "from" and any(
            g.lemma_.lower() in _TRAVEL for g in c.children if g.dep_ in ("pcomp", "pobj")
        )
        for c in draft.head.children
    )  # fmt: skip


def _back_reference(tok: Token) -> bool:
    """A plural noun phrase pointing back at parties already named: "these", or "the" with a
    number or "all"."""
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    return bool(dets & {"these", "those"}) or (
        "the" in dets and bool(dets & {"all", "both", "two", "three", "four", "five", "six"})
    )


def _names_designated(draft: Draft, index: EntityIndex) -> bool:
    """Whether a sanction's subject or object is the parties designated earlier: "All those
    listed are subject to an asset freeze", "the property of the designated persons"."""
    pred = draft.pred
    active, passive = subjects(pred)
    slots = [*active, *passive, *(c for c in draft.head.children if c.dep_ == "dobj")]
    if draft.head.dep_ == "pobj" and draft.head.head.head.lower_ == "subject":
        cop = draft.head.head.head.head
        slots += [c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_designated_phrase(t, index) for tok in slots for t in tok.subtree)


def find_events(
    sent: Span,
    index: EntityIndex,
    items: list[ItemMatch],
    designated: list[Entity] | None = None,
    *,
    after_sanction: bool = False,
) -> list[Draft]:
    """The events one parsed sentence expresses, in trigger order.

    :param designated: the parties earlier sentences sanctioned, kept up to date here; a
        sanction on "those listed" or "the designated persons" applies to them.
    """
    repair_tags(sent)
    out: list[Draft] = []
    # Only the sentence's own items can be in its trees (every token set below is one of them).
    items = [m for m in items if m[0].start < sent.end and m[0].end > sent.start]
    # Goods, not parties: "North Korean missiles" do not make North Korea a target.
    goods = frozenset(s.root.i for s, item in items if item.category != "personnel")
    markers = _markers(sent)
    excluded = {t.i for _, obj in markers for t in obj.subtree}
    # "attack drones", "strike missiles": a word inside the name of a weapon is no event
    inside_items = {i for s, _ in items for i in range(s.start, s.end) if i != s.root.i}
    for cand in candidates(sent, index):
        head, pred, trig = cand.head, cand.pred, cand.trigger
        if _reference_only(head, index) or _urged(head) or head.i in inside_items:
            continue
        args = Arguments()
        holders = fill(head, pred, trig, index, goods, args)
        if pred == head and head.pos_ == "NOUN":
            pred = manner_phrase(head) or pred  # its mood and source are the verb's
        draft = Draft(sent, head, pred, cand.words, trig, cand.type, cand.mode,
                      args.actors, args.targets, args.locations)  # fmt: skip
        if draft.type == "SANCTION" and not draft.actors:
            draft.actors = _list_owner(cand.words[1:], index)
        if draft.type == "CONSULT" and not draft.actors and head.pos_ == "NOUN":
            draft.actors = [e for e in _meeting_goer(head, index, goods)
                            if e not in draft.targets]  # fmt: skip
        if trig.type_with_target and (draft.targets or args.aimed):
            draft.type = trig.type_with_target
        if head.pos_ == "NOUN":
            holders.append(head)
        # the object word the trigger took, wherever the parser hung it ("fired what it
        # claimed was a new missile")
        holders += [w for w in cand.words if w is not head and w is not pred]
        if head.dep_ in ("acl", "relcl") and head.tag_ == "VBN":
            holders.append(head.head)
        if trig.requires_items and head.pos_ == "VERB" and not any(
            c.dep_ == "dobj" for c in head.children
        ):
            holders += subjects(pred)[0]  # "shells keep flowing to Russia": the subject moves
        if draft.type == "MOBILIZE" and not draft.actors and head.pos_ == "NOUN":
            holders += subjects(pred)[0]  # "Russian bombers conducted a patrol": whose machines
        tokens = {t.i for h in holders for t in h.subtree} - excluded
        found = _items_in(tokens, items, index)
        if draft.type in _ITEM_TYPES:
            draft.items = _unique(found)
        if draft.type == "AID" and not draft.targets:
            # "supplied 40% of the artillery shells used by Russian forces": their users
            draft.targets = [e for s, _ in found for e in _goods_users(s, index, goods)
                             if e not in draft.actors]  # fmt: skip
        if draft.type in ("AID", "MOBILIZE") and not draft.actors:
            # "North Korean shells flowed to Russia", "Chinese and Russian bombers conducted a
            # joint patrol": the country the goods or machines belong to
            draft.actors = [
                e for s, _ in found for e in goods_origin(s, index) if e not in draft.targets
            ]
        if draft.type == "AID" and not draft.targets and _stationed(head, found):
            draft.type = "MOBILIZE"  # "deployed troops near the border": forces, not a transfer
        if trig.exchange:
            out.extend(_split_exchange(draft, items, index))
            continue
        if (
            designated
            and draft.type == "SANCTION"
            and not listed_parties(head)  # "Among the individuals sanctioned is X": X only
            and _names_designated(draft, index)
        ):
            bound = [e for e in designated if not _travel_ban(draft) or e.type == "Person"]
            if not any(t.lemma_.lower() in _SHIPS for t in draft.sent):
                # "the designated persons": vessels are property, not persons
                bound = [e for e in bound if e.type != "Vessel"]
            Arguments.add(draft.targets, bound)  # a travel ban binds people only
        if draft.type == "SANCTION" and draft.targets:
            Arguments.add(draft.targets, _semicolon_list(draft, index))
        if not _keep(draft, cand):
            continue
        draft.mode = _mode(draft)
        out.append(draft)
        if designated is not None and draft.type == "SANCTION":
            Arguments.add(designated, [e for e in draft.targets if e.type in _LISTED_TYPES])
    if after_sanction and not any(d.type == "SANCTION" for d in out):
        listing = _among_listing(sent, index) or _included_listing(sent, index)
        if listing is not None:
            Arguments.add(listing.targets, _semicolon_list(listing, index))
            out.append(listing)
            if designated is not None:
                Arguments.add(designated, [e for e in listing.targets if e.type in _LISTED_TYPES])
    for phrase, obj in markers:
        # The event the phrase belongs to: the nearest trigger governing it.
        owner = None
        for tok in (phrase[0], *phrase[0].ancestors):
            owner = next((d for d in out if d.marker is None and tok in (d.head, d.pred)), None)
            if owner is not None:
                break
        if owner is not None:
            counter = _counter(owner, phrase, obj, items, index)
            if counter.actors or counter.targets:
                out.append(counter)
            if owner.type == "AID" and not owner.targets:
                # "Moscow's transfer of technology in exchange for North Korean troops": what
                # comes back comes from the receiver
                owner.targets = [e for e in counter.actors if e not in owner.actors]
    return _merge(out)


#: Prepositions that set a meeting beside the act of its goer: "travelled to X for talks with Y".
_MEETING_PREPOSITIONS = frozenset({"for", "after", "following", "during", "before", "ahead"})


def _meeting_goer(head: Token, index: EntityIndex, goods: frozenset[int]) -> list[Entity]:
    """Who holds talks with someone that a preposition ties to their own act: the subject of
    "will travel to Moscow for talks with X", "signed ... after talks with X"."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _MEETING_PREPOSITIONS:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
        return []  # "arrived for a visit": the visit is the arrival; "after the talks": old news
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in head.children):
        return []  # "during their talks", "after the talks with X": talks told before
    verb = prep.head
    if verb.pos_ != "VERB":
        return []
    return [e for s in subjects(verb)[0] for e in entities_of(s, index, goods)]


def _goods_users(goods_span: Span, index: EntityIndex, goods: frozenset[int]) -> list[Entity]:
    """Who uses, fires or deploys the goods, as a clause on them says: "the shells used by
    Russian forces", "the shells that Russian forces fired"."""
    users = event_lexicon().user_verbs
    for clause in goods_span.root.children:
        if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in users:
            continue
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            doers = [p for c in clause.children if c.dep_ == "agent" for p in c.children
                     if p.dep_ == "pobj"]  # fmt: skip
        else:
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
        found = [e for d in doers for e in entities_of(d, index, goods)]
        if found:
            return found
    return []


def _list_owner(words: list[Token], index: EntityIndex) -> list[Entity]:
    """Whose list a party was added to, named by its possessor: "was added to the European
    Union's sanctions list" (not a pronoun's: "its list" may be anyone's)."""
    for w in words:
        for c in w.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                found = index.refers(c)
                if found:
                    return list(found)
    return []


def _semicolon_list(draft: Draft, index: EntityIndex) -> list[Entity]:
    """The other parties of a list whose items a semicolon parts, when a target heads one: "The
    individuals designated are X, a hacker who ...; Y, a banker based in ...; and Z and W, who
    ..." (the parser loses the items after the first, each with its own clauses)."""
    sent, doc = draft.sent, draft.sent.doc
    first = min((i for i in range(sent.start, sent.end) if index.at(i) in draft.targets),
                default=None)  # fmt: skip
    if first is None or (first > sent.start and doc[first - 1].text == ";"):
        return []
    out: list[Entity] = []
    for semi in (t.i for t in doc[first : sent.end] if t.text == ";"):
        i = semi + 1
        if i < sent.end and doc[i].lower_ == "and":
            i += 1
        head = index.at(i)
        if head is None or head.type not in _LISTED_TYPES:
            return out  # not a list of parties after all
        out.append(head)
        end = i
        while end < sent.end and index.at(end) is head:
            end += 1
        # "Kang Myong Hak and Son Il Ung, who ...": two parties in one item
        if end + 1 < sent.end and doc[end].lower_ == "and":
            other = index.at(end + 1)
            if other is not None and other.type == head.type:
                out.append(other)
    return out


_RETURN_OPENERS = (("in", "return"), ("in", "exchange"), ("in", "turn"))


def answer_exchange(drafts: list[Draft], earlier: list[Draft]) -> None:
    """A transfer in a sentence opening "In return," runs back along the latest earlier one:
    "North Korea has shipped shells to Russia. In return, Pyongyang is receiving air defence
    systems" (from Russia). Fills the missing giver or receiver in place."""
    if not drafts:
        return
    sent = drafts[0].sent
    opener = tuple(t.lower_ for t in sent[:2])
    previous = next((d for d in reversed(earlier) if d.type == "AID"), None)
    if opener not in _RETURN_OPENERS or previous is None:
        return
    for d in drafts:
        if d.type != "AID":
            continue
        if not d.actors:
            d.actors = [e for e in previous.targets if e not in d.targets]
        if not d.targets:
            d.targets = [e for e in previous.actors if e not in d.actors]


#: Verbs that condemn an act: their object's doers are the ones condemned.
_CONDEMNING = frozenset({"condemn", "denounce", "deplore", "criticise", "criticize"})
#: Determiners that point back at an act already told: "this cooperation", "these transfers".
_POINTING_BACK = frozenset({"this", "these", "such", "that", "those"})


#: What a party is condemned for that is no event: "the hostile policy of the United States".
_CONDUCT = frozenset({"policy", "stance", "position", "behaviour", "behavior", "action", "move",
                      "decision", "remark", "statement", "provocation", "practice",
                      "attitude", "rhetoric", "conduct"})  # fmt: skip


def condemned_doers(drafts: list[Draft], earlier: list[Draft], index: EntityIndex) -> None:
    """A condemnation of an act targets the act's doers: "He condemned the strikes" (on Iran
    by X and Y, read as their own event), "We condemn this unlawful cooperation" (between X and
    Y, told in an earlier sentence). Fills the targets of condemnations that have none."""
    for d in drafts:
        if d.type != "ACCUSE" or d.targets or d.head.pos_ != "VERB":
            continue
        if d.head.lemma_.lower() not in _CONDEMNING and d.trigger is not CALLED_OFFENCE:
            continue
        objs = [c for c in d.head.children if c.dep_ == "dobj"]
        for obj in (o for c in objs for o in (c, *c.conjuncts)):
            acts = [o for o in drafts if o is not d and obj in (o.head, o.pred) and o.actors]
            dets = {c.lower_ for c in obj.children if c.dep_ == "det"}
            if not acts and dets & _POINTING_BACK:
                lemma = obj.lemma_.lower()
                acts = [o for o in reversed(earlier)
                        if o.head.lemma_.lower() == lemma and o.actors][:1]  # fmt: skip
            if not acts and d.trigger is CALLED_OFFENCE and "the" in dets:
                # "called the boarding an act of piracy": the boarding told before
                kind = trigger_for(obj)
                acts = [o for o in reversed(earlier)
                        if kind is not None and o.type == kind.type and o.actors][:1]  # fmt: skip
            for act in acts:
                Arguments.add(d.targets, [e for e in act.actors if e not in d.actors])
            if not acts and obj.lemma_.lower() in _CONDUCT:
                # "condemn the hostile policy of the United States", "Seoul's provocations"
                Arguments.add(d.targets, [e for e in owners_of(obj, index, ("of", "by"))
                                          if e not in d.actors])  # fmt: skip


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Drop a noun event restated by a verb on it ("sanctions that ban X": one event)."""
    out = []
    for d in drafts:
        if d.head.pos_ == "VERB" and any(
            o is not d and o.type == d.type and o.head.pos_ == "NOUN" and o.head.dep_ == "nsubj"
            and o.head.head == d.head for o in drafts
        ):  # fmt: skip
            continue  # "the Russian attack killed seven civilians": one attack
        restated = d.head.pos_ == "NOUN" and d.marker is None and any(
            o is not d and o.type == d.type and o.head.head == d.head
            and o.head.dep_ in ("relcl", "acl") for o in drafts
        )  # fmt: skip
        if not restated:
            out.append(d)
    return out
