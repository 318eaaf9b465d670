"""Events: lexicon triggers in a sentence, with actors, targets, locations and items.

Arguments come from the dependency parse. The subject (or the ``by`` agent of a passive) acts;
direct and indirect objects and ``to``/``with``/``on``/``against`` phrases receive; ``in``/``at``
places locate; coordinated subjects and objects all count. A verb with no subject of its own
borrows its governor's ("expected to travel", "denied supplying", "agreed and signed"). A noun
trigger takes its actors from a possessive, a modifier, a ``by``/``from`` phrase or the subject
of the light verb it is the object of ("held talks", "imposed sanctions").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._entities import Entity, EntityIndex
from sanctionwatch.nlp._items import ItemMatch

__all__ = ["Draft", "find_events"]

_TARGET_PREPS = frozenset(
    {"to", "with", "on", "against", "toward", "towards", "into", "upon", "for"}
)
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_ACTOR_PREPS = frozenset({"by", "from", "between", "among"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_BORROW_DEPS = frozenset({"xcomp", "conj", "advcl"})
_WH = frozenset({"WDT", "WP", "WP$"})
# Event types whose items are reported (what is moved, used or dealt in).
_ITEM_TYPES = frozenset({"AID", "COOPERATE", "MOBILIZE", "ASSAULT", "COERCE"})


@dataclass
class Draft:
    """An event read from one sentence, before it is numbered and written out."""

    sent: Span
    head: Token
    pred: Token
    words: list[Token]
    trigger: _data.Trigger
    mode: str | None
    actors: list[Entity] = field(default_factory=list)
    targets: list[Entity] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    items: list[_data.Item] = field(default_factory=list)
    goods: frozenset[int] = frozenset()

    @property
    def type(self) -> str:
        """The PLOVER type, after ``type_with_target`` ("fire missiles at X" is ASSAULT)."""
        if self.trigger.type_with_target and self.targets:
            return self.trigger.type_with_target
        return self.trigger.type


def _add(bucket: list[Entity], entities: list[Entity]) -> None:
    for e in entities:
        if e not in bucket:
            bucket.append(e)


def _entities_of(
    tok: Token, index: EntityIndex, goods: frozenset[int] = frozenset()
) -> list[Entity]:
    """Entities a token stands for: its own, a pronoun's, or a modifier's ("US officials"; not
    for goods: "North Korean missiles" are not North Korea), and its conjuncts'."""
    out: list[Entity] = []
    for t in (tok, *tok.conjuncts):
        if t.tag_ in _WH and t.head.dep_ == "relcl":
            t = t.head.head
        e = index.at(t.i) or index.pronoun(t)
        if e is None and t.i not in goods:
            mods = [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            e = next((m for m in map(index.at, (c.i for c in mods)) if m is not None), None)
        if e is not None and e not in out:
            out.append(e)
    return out


def _trigger_for(tok: Token) -> _data.Trigger | None:
    lexicon = _data.event_lexicon()
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ == "NOUN" else None
    if pos is None:
        return None
    for lemma in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for trig in lexicon.triggers.get(lemma, ()):
            if pos in trig.pos:
                return trig
    return None


def _objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    return [o for obj in objs for o in (obj, *obj.conjuncts)]


def _particle_ok(tok: Token, trig: _data.Trigger) -> bool:
    if trig.particle is None:
        return True
    return any(c.dep_ in ("prt", "prep") and c.lower_ == trig.particle for c in tok.children)


def _covering_trigger(tok: Token) -> Token | None:
    """The verb trigger a noun trigger belongs to ("signed a treaty", "imposed sanctions")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head == tok or head.pos_ != "VERB":
        return None
    trig = _trigger_for(head)
    if trig is None:
        return None
    lemma = tok.lemma_.lower()
    if lemma in trig.object_modes or lemma in trig.objects:
        return head
    own = _trigger_for(tok)
    return head if own is not None and own.type == trig.type else None


def _candidates(
    sent: Span, index: EntityIndex
) -> Iterator[tuple[Token, Token, list[Token], _data.Trigger]]:
    light = _data.event_lexicon().light_verbs
    for tok in sent:
        trig = _trigger_for(tok)
        if trig is None or index.at(tok.i) is not None or not _particle_ok(tok, trig):
            continue
        words, pred = [tok], tok
        if trig.objects:
            objs = [o for o in _objects(tok) if o.lemma_.lower() in trig.objects]
            if not objs:
                continue
            words.append(objs[0])
        if tok.pos_ == "NOUN":
            if _covering_trigger(tok) is not None:
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in light:
                pred = tok.head
                words.insert(0, pred)
        yield tok, pred, words, trig


def _gerund_object(v: Token) -> Token | None:
    """The object of a gerund misparsed as its modifier: "denied [supplying] weapons to X"."""
    head = v.head
    if v.dep_ == "amod" and v.tag_ == "VBG" and head.dep_ == "dobj" and v.i == head.left_edge.i:
        return head if head.head.pos_ == "VERB" else None
    return None


def _prep_args(
    tok: Token,
    draft: Draft,
    index: EntityIndex,
    noun: bool,
    *,
    after: int = -1,
    before: int | None = None,
) -> list[Token]:
    """Fill targets, locations (and actors for nouns) from ``tok``'s prepositions (those
    between token indexes ``after`` and ``before``)."""
    spans: list[Token] = []
    for prep in (c for c in tok.children if c.dep_ in ("prep", "agent", "dative")):
        if prep.i <= after or (before is not None and prep.i > before):
            continue
        word = prep.lower_
        pobjs = [p for p in prep.children if p.dep_ == "pobj"] if prep.dep_ != "dative" else [prep]
        for pobj in pobjs:
            found = _entities_of(pobj, index, draft.goods)
            places = [e for e in found if e.type == "Place"]
            others = [e for e in found if e.type != "Place"]
            if word == "at" and draft.trigger.type_with_target:
                _add(draft.targets, found)  # "fired missiles at X": aimed at, not located
            elif word in _LOCATIVE_PREPS:
                _add(draft.locations, [e for e in found if e.type in ("Place", "Country")])
            elif prep.dep_ == "agent" or word in _ACTOR_PREPS:
                _add(draft.actors, found)
            elif word in _TARGET_PREPS or prep.dep_ == "dative":
                _add(draft.targets, others)
                _add(draft.locations, places)
            elif word == "of" and noun:
                _add(draft.targets, others)
            if word in ("with", "of") or prep.dep_ == "dative":
                spans.append(pobj)
    return spans


def _subjects(v: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, borrowed from its governor if need be."""
    active = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
    passive = [c for c in v.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
    if active or passive or depth > 3:
        return active, passive
    head = v.head
    if _gerund_object(v) is not None:
        return _subjects(head.head, depth + 1)
    if v.dep_ in _BORROW_DEPS and head != v:
        up_active, up_passive = _subjects(head, depth + 1)
        # "X is expected to travel", "X was accused of": the raised subject acts.
        return up_active + (
            up_passive if v.dep_ == "xcomp" else []
        ), [] if v.dep_ == "xcomp" else up_passive
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        gov = head.head
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        if objs:
            return objs, []
        up_active, up_passive = _subjects(gov, depth + 1)
        return up_passive or up_active, []
    if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return ([], [head]) if v.tag_ == "VBN" else ([head], [])
    return [], []


def _implicit_agents(noun: Token) -> list[Token]:
    """Who a bare noun event is pinned on by the verb governing it: the deniers of
    "rejected accusations of arms transfers", the accused of "accused X of arms transfers"."""
    denials = _data.modality_table()["denial_verbs"] | {"accuse", "suspect", "blame"}
    child = noun
    while child.dep_ in ("dobj", "pobj", "prep", "compound") and child.head != child:
        gov = child.head
        if gov.pos_ == "VERB":
            if gov.lemma_.lower() not in denials:
                return []
            objs = [c for c in gov.children if c.dep_ == "dobj" and c != child]
            active, passive = _subjects(gov)
            return objs or (passive if gov.lemma_.lower() != "deny" and passive else active)
        child = gov
    return []


def _fill(draft: Draft, index: EntityIndex) -> list[Token]:
    """Fill a draft's arguments; return the tokens whose subtrees hold its items."""
    head, pred = draft.head, draft.pred
    holders: list[Token] = []
    if head.pos_ == "VERB" or pred != head:
        active, passive = _subjects(pred)
        for t in active:
            _add(draft.actors, _entities_of(t, index, draft.goods))
        for t in passive:
            _add(draft.targets, _entities_of(t, index, draft.goods))
        holders += passive
    gerund_obj = _gerund_object(head)
    if gerund_obj is not None:
        holders.append(gerund_obj)
        _add(
            draft.targets,
            [e for e in _entities_of(gerund_obj, index, draft.goods) if e.type != "Place"],
        )
        holders += _prep_args(gerund_obj.head, draft, index, noun=False, after=gerund_obj.i)
    if pred != head or head.pos_ == "VERB":
        objs = _objects(head) if head.pos_ == "VERB" else []
        cut = next((o.i for o in objs for c in o.children if _gerund_object(c) is not None), None)
        for obj in objs:
            if obj.dep_ != "dobj" or obj.i == cut:
                continue
            found = _entities_of(obj, index, draft.goods)
            _add(draft.targets, [e for e in found if e.type != "Place"])
            _add(draft.locations, [e for e in found if e.type == "Place"])
            holders.append(obj)
            holders += _prep_args(obj, draft, index, noun=True)
        holders += _prep_args(head, draft, index, noun=False, before=cut)
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                _add(draft.actors, _entities_of(c, index, draft.goods))
                holders.append(c)
        holders += _prep_args(head, draft, index, noun=True)
        if pred != head:
            holders += _prep_args(pred, draft, index, noun=False)
        if not draft.actors and pred == head:
            for t in _implicit_agents(head):
                _add(draft.actors, _entities_of(t, index, draft.goods))
    for e in draft.actors:
        if e in draft.targets:
            draft.targets.remove(e)
    return holders


def _items(holders: list[Token], items: list[ItemMatch], index: EntityIndex) -> list[_data.Item]:
    inside = {t.i for h in holders for t in h.subtree}
    out: list[_data.Item] = []
    for span, item in items:
        if span.root.i in inside and index.at(span.root.i) is None and item not in out:
            out.append(item)
    return out


def _mode(draft: Draft) -> str | None:
    trig = draft.trigger
    for w in draft.words[1:] + [c for c in draft.head.children if c.dep_ == "dobj"]:
        if w.lemma_.lower() in trig.object_modes:
            return trig.object_modes[w.lemma_.lower()]
    if trig.item_modes:
        cats = {i.category for i in draft.items}
        if cats & {"military", "personnel"}:
            return "military"
        if "economic" in cats:
            return "economic"
    return trig.mode


def find_events(sent: Span, index: EntityIndex, items: list[ItemMatch]) -> list[Draft]:
    """The events one sentence expresses, in trigger order."""
    out = []
    # Goods, not parties: "North Korean missiles" do not make North Korea a target.
    goods = frozenset(s.root.i for s, item in items if item.category != "personnel")
    for head, pred, words, trig in _candidates(sent, index):
        draft = Draft(
            sent=sent, head=head, pred=pred, words=words, trigger=trig, mode=trig.mode, goods=goods
        )
        holders = _fill(draft, index)
        if head.pos_ == "NOUN":
            holders.append(head)
        if head.dep_ in ("acl", "relcl") and head.tag_ == "VBN":
            holders.append(head.head)
        if trig.type in _ITEM_TYPES:
            draft.items = _items(holders, items, index)
        if head.pos_ == "NOUN" and not (draft.actors or draft.targets):
            continue
        if not (draft.actors or draft.targets or draft.items):
            continue
        draft.mode = _mode(draft)
        out.append(draft)
    return out
