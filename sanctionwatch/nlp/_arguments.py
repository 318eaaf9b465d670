"""Event arguments from the dependency parse: actors, targets, locations, and the tokens that
hold the items moved.

The subject (or the ``by`` agent of a passive) acts; direct and indirect objects and
``to``/``with``/``on``/``against`` phrases receive; ``in``/``at`` places locate; coordinated
subjects and objects all count ("both X and Y reject"). A verb with no subject of its own borrows
its governor's. A noun trigger takes its actors from a possessive, a modifier, a ``by``/``from``
phrase or the subject of the light verb it is the object of ("held talks", "oversaw the
transfer"). Triggers marked ``reverse`` ("buy", "import", "receive") swap the roles: the
subject receives, the ``from`` phrase gives. Goods with a country ("North Korean munitions")
name the giver when nothing else does.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._data import attribution_table, modality_table
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._lexicon import Trigger
from sanctionwatch.nlp._names import SHIP_WORDS, is_capital, is_title_word
from sanctionwatch.nlp._syntax import (
    INVOLVING,
    ISSUING,
    SHARE_NOUNS,
    charged_parties,
    subjects,
)
from sanctionwatch.nlp._triggers import trigger_for

__all__ = [
    "MOVED",
    "VEHICLES",
    "Arguments",
    "entities_of",
    "fill",
    "goods_origin",
    "listed_parties",
    "manner_phrase",
    "owners_of",
]

_TARGET_PREPS = frozenset(
    {"to", "with", "on", "against", "toward", "towards", "into", "upon", "for", "over"}
)
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "off"})
_ACTOR_PREPS = frozenset({"by", "from", "between", "among"})
_WH = frozenset({"WDT", "WP", "WP$"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
VEHICLES = frozenset({"ship", "vessel", "tanker", "train", "plane", "aircraft", "flight", "truck",
                       "freighter", "boat"})  # fmt: skip
_LISTING = frozenset({"include", "be", "comprise"})
_TRANSFERS = frozenset({"AID", "CONCEDE"})
# People who run a vessel without being it.
_CREW = frozenset({"operator", "owner", "captain", "crew", "master", "manager", "charterer"})
# What someone owns that a measure freezes ("the assets of X").
_HOLDINGS = frozenset({"asset", "fund", "property", "account", "interest", "holding"})
# Round numbers counting what follows ("thousands of North Korean soldiers"), and the people
# they count for a party.
_COUNTS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions"})
_COUNTED_PEOPLE = frozenset({
    "soldier", "troop", "serviceman", "servicemen", "personnel", "fighter", "mercenary",
    "officer", "sailor", "worker", "labourer", "laborer", "engineer", "technician", "specialist",
    "instructor", "official", "national", "citizen", "volunteer", "hacker",
})  # fmt: skip
# People who act for their country ("officials from Japan").
_PEOPLE = frozenset({"official", "diplomat", "minister", "representative", "delegate", "envoy",
                     "leader", "negotiator", "officer", "lawmaker", "delegation"})  # fmt: skip
# Writings that speak for whoever wrote them ("a report by X", "X's statement").
_WRITINGS = frozenset({"report", "statement", "study", "assessment", "resolution", "draft",
                       "letter", "document", "investigation", "paper", "communique",
                       "commentary", "editorial", "article", "declaration", "notice"})  # fmt: skip
_FACING = frozenset({"face", "risk", "incur", "suffer"})
_PORTS = frozenset({"port", "harbour", "harbor", "terminal", "refinery", "anchorage"})
_USING = frozenset({"use", "employ", "fire", "launch", "deploy"})
_VERDICTS = frozenset({"ACCUSE", "REJECT"})
# Acts aimed "at" someone in words ("lashed out at Japan").
_VERBAL_ATTACKS = frozenset({"ACCUSE", "THREATEN", "PROTEST"})
_TOPICAL = frozenset({"on", "about", "regarding", "concerning", "over"})
_UNDERTAKINGS = frozenset({"program", "programme", "project", "industry", "sector", "plan",
                           "effort", "development", "production", "capability"})  # fmt: skip
# Unnamed parties that stand for the country they are in: "entities in China".
_UNNAMED_PARTIES = frozenset({"entity", "company", "firm", "supplier", "exporter", "bank",
                              "lender", "trader", "manufacturer", "maker"})  # fmt: skip
# Verbs that say who did an act a noun names: "the strikes carried out by X".
_DOING = frozenset({"carry", "conduct", "launch", "stage", "commit", "perpetrate", "make",
                    "order", "mount", "organise", "organize"})  # fmt: skip
# Verbs that judge someone for an act named by a noun: "condemned X for the strikes".
_JUDGING = frozenset({"condemn", "criticise", "criticize", "denounce", "thank", "praise"})
# Nouns for the life of a body's mandate: "vetoed the renewal of the Panel".
_MANDATES = frozenset({"renewal", "extension", "mandate", "prolongation", "continuation"})
_HOLDING = frozenset({"control", "own", "run", "operate", "hold", "manage"})
# People who are moved, not acted on, by a transfer ("troops were sent").
MOVED = frozenset({"troop", "troops", "soldier", "worker", "labourer", "laborer", "engineer",
                    "specialist", "instructor", "pilot", "force", "unit", "personnel", "developer",
                    "programmer", "technician"})  # fmt: skip
_AIMING = frozenset({"against", "to", "into", "toward", "towards"})
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})


class Arguments:
    """Actors, targets and locations being collected for one event."""

    def __init__(self) -> None:
        self.actors: list[Entity] = []
        self.targets: list[Entity] = []
        self.locations: list[Entity] = []
        self.from_phrase: list[Entity] = []
        self.beneficiaries: list[Entity] = []
        #: Aimed "at" something ("fired missiles at Kyiv"), even a place.
        self.aimed = False

    @staticmethod
    def add(bucket: list[Entity], entities: list[Entity]) -> None:
        for e in entities:
            if e not in bucket:
                bucket.append(e)


def _ships_named_after(t: Token, index: EntityIndex) -> list[Entity]:
    """The vessels a ship word names right after it, joined by commas and "and" ("the tanker
    KWANGMYONG 9", "the tankers Mu San 2 and Kum Jin Gang 5"), however the parser hung them."""
    doc = t.doc
    if t.lower_ not in SHIP_WORDS or t.i + 1 >= len(doc):
        return []
    out: list[Entity] = []
    j = t.i + 1
    while (found := index.at(j)) is not None and found.type == "Vessel" and found not in out:
        out.append(found)
        while j < len(doc) and index.at(j) is found:
            j += 1
        k = j
        while k < len(doc) and doc[k].lower_ in (",", "and"):
            k += 1
        if k == j or k >= len(doc):
            break
        j = k
    return out


#: Participles that place a body: "a firm based in Gomel".
_PLACED = frozenset({"base", "locate", "headquarter", "register", "situate"})


def _seat_of(place: Token) -> Token | None:
    """The body a place is the seat of, as "based in" or "registered in" says ("a firm based
    in Gomel": the firm); None otherwise."""
    prep = place.head
    if place.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
        return None
    placed = prep.head
    if placed.dep_ != "acl" or placed.lemma_.lower() not in _PLACED:
        return None
    return placed.head if placed.head.pos_ in ("NOUN", "PROPN") else None


def entities_of(
    tok: Token, index: EntityIndex, goods: frozenset[int] = frozenset()
) -> list[Entity]:
    """Entities a token stands for: its own mention, a group, a pronoun's referent, a modifier's
    ("US officials"; not for goods: "North Korean missiles" are not North Korea), the
    organisation an office holder speaks for ("a spokesperson for the ministry"), an
    apposition's ("We, the G7"), and its conjuncts'."""
    out: list[Entity] = []
    for t in (tok, *tok.conjuncts, *_listed_in_apposition(tok, index)):
        ships = _ships_named_after(t, index)
        if ships:  # "to the North Korean tanker KWANGMYONG 9": the ship, not its country
            Arguments.add(out, ships)
            continue
        included = _states_including(t, index)
        if included:
            Arguments.add(out, included)
            if t.lemma_.lower() in _STATE_WORDS:
                continue  # "all UN Member States, including China": China, not the UN
            # "North Korean individuals and entities, including X": X and their countries
        relative = t.tag_ in _WH or (
            t.lower_ == "that" and t.dep_ in ("dobj", "nsubj", "nsubjpass")
        )
        clause = _relative_clause(t) if relative else None
        if clause is not None:
            person = t.lower_ in ("who", "whom")
            t = clause.head
            seat = _seat_of(t)
            if seat is not None:
                t = seat  # "Tekhnoprivod, a firm based in Gomel, which has supplied": the firm
            if t.dep_ == "appos" and index.refers(t.head):
                t = t.head  # "Rim, a North Korean officer who ...": Rim
            if person and not any(e.type == "Person" for e in index.refers(t)):
                t = _person_above(t, index) or t  # "Ryu, an official posted in Dalian, who"
        found = _possessed_body(index.refers(t), t, index)
        if t.lower_ in ("itself", "himself", "herself", "themselves"):
            # "The AN SAN 3 itself was designated": the parser made the name hang on it
            named = [e for c in t.children if c.dep_ in ("nmod", "compound", "appos", "nsubj")
                     for e in index.refers(c)]  # fmt: skip
            found = named or found
        if not found and t.lemma_.lower() in ("government", "authority", "people"):
            # "The Government of the Republic of Korea designated ...": that country
            found = [e for o in _phrase_objects(t, ("of",)) for e in index.refers(o)
                     if e.type == "Country"]  # fmt: skip
        if not found and t.lemma_.lower() in ("country", "government", "nation"):
            found = _own_country(t, index)  # "Iravani denied that his country had ..."
        if found and index.at(t.i) is not None:
            found = found + [e for e in index.coordinated(t) if e not in found]
        if not found and t.dep_ == "appos" and index.refers(t.head):
            found = index.refers(t.head)  # "the Lady R, a Russian cargo ship [sanctioned]"
        if not found and any(c.dep_ == "poss" and c.lower_ == "whose" for c in t.children):
            # "the Caspian Sepid Navigation Company, whose vessels carried ...": the company
            clause = _relative_clause(t)
            found = entities_of(clause.head, index, goods) if clause is not None else []
        if not found and t.i not in goods:
            mods = [c for c in t.children if c.dep_ in (*_MODIFIER_DEPS, "appos")
                    and not _flag(c) and not _closing_speaker(c)]  # fmt: skip
            if is_title_word(t) and any(c.dep_ != "poss" for c in mods):
                # "Kim Jong Un's sister Kim Yo Jong": the sister, not her brother
                mods = [c for c in mods if c.dep_ != "poss"] or mods
            # "four Chinese and Russian nationals": coordinated modifiers name both
            named = [e for c in mods for x in (c, *c.conjuncts) for e in index.refers(x)]
            if t.lemma_.lower() in _CREW:  # "the vessel's operator" is not the vessel
                named = [e for e in named if e.type != "Vessel"]
            if not named:  # "American hospitals and defence companies": one level further
                named = [
                    e
                    for c in mods
                    if c.dep_ in ("nmod", "compound") and c.i not in goods
                    for g in c.children
                    if g.dep_ in _MODIFIER_DEPS
                    for e in index.refers(g)
                ]
            # A named party before its country: "the North Korean firm KOMID" is KOMID.
            found = [e for e in named if e.type != "Country"] or named
        if not found and t.lower_ in _COUNTS and t.dep_ != "nsubjpass":
            # "thousands of North Korean soldiers fought", "trained dozens of Russian soldiers":
            # the people counted stand for their party (sent ones are what is sent: not here)
            found = [e for o in _phrase_objects(t, ("of",)) if o.lemma_.lower() in _COUNTED_PEOPLE
                     for e in entities_of(o, index, goods)]  # fmt: skip
        if not found and t.lemma_.lower() in _HOLDINGS:
            # "the assets of both companies will be frozen": the owners are sanctioned
            found = [e for o in _phrase_objects(t, ("of",)) for e in entities_of(o, index, goods)]
        if (
            not found
            and t.lemma_.lower() in _UNNAMED_PARTIES
            and t.tag_ == "NNS"
            and t.dep_ in ("nsubj", "nsubjpass")
        ):
            # "entities in China continue to supply Russia": their country (as doers only;
            # "sanctioned three entities in China" names no one)
            found = [e for o in _phrase_objects(t, ("in", "from", "based"))
                     for x in (o, *o.conjuncts) for e in index.refers(x)
                     if e.type == "Country"]  # fmt: skip
        if not found and t.lemma_.lower() in _PEOPLE and t.tag_ == "NNS":
            # "senior diplomats from Japan, South Korea and the United States", "eleven
            # officials of the IRGC Aerospace Force"
            found = [e for o in _phrase_objects(t, ("from", "of"))
                     for x in (o, *o.conjuncts) for e in index.refers(x)
                     if e.type in ("Country", "Organization")]  # fmt: skip
        if not found and t.lemma_.lower() in _WRITINGS:
            # "a report by the MSMT, which accused ...": the writing speaks for its author
            found = [e for o in _phrase_objects(t, ("by",)) for e in index.refers(o)]
            found = found or _writing_author(t, index)
            if not found and t.dep_ in ("nsubj", "nsubjpass"):
                # "a report by the MSMT ... The report accused Chinese authorities"
                found = _earlier_author(t, index)
        if not found and is_title_word(t):
            # "The High Representative for Foreign Affairs and Security Policy, Kaja Kallas,":
            # the name set off at the end of the office, wherever the parser hung it
            found = [e for x in t.subtree if x.dep_ == "appos" and x.i > t.i
                     for e in index.refers(x) if e.type == "Person"][-1:]  # fmt: skip
        if not found and is_title_word(t):
            for pobj in _phrase_objects(t, ("of", "for", "at")):
                found = found or index.refers(pobj)
        if not found and is_title_word(t) and [c.lower_ for c in t.children] == ["the"]:
            found = _earlier_office(t, index)  # "The spokesperson also accused ..."
        Arguments.add(out, found)
    return out


def _name_after(verb: Token, index: EntityIndex) -> list[Entity]:
    """The party named right after a verb (past a "<place>-based" prefix), with the names
    coordinated with it."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 6)):
        tok = doc[j]
        if tok.is_punct and tok.text != "-":
            return []
        e = index.at(j)
        if e is not None and e.type in ("Person", "Organization", "Vessel"):
            return [e, *(x for x in index.coordinated(tok) if x is not e)]
    return []


def _own_country(tok: Token, index: EntityIndex) -> list[Entity]:
    """The country of the person a possessive pronoun before "country" refers to: "his
    country", "her government"."""
    codes = [c for p in tok.children if p.dep_ == "poss" and p.tag_ == "PRP$"
             for e in index.refers(p) if e.type == "Person" for c in e.country]  # fmt: skip
    return [e for e in index.entities if e.type == "Country" and e.key in codes][:1]


def _phrase_objects(tok: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of ``tok``'s prepositional phrases (or passive agent) opened by ``words``."""
    return [
        o
        for p in tok.children
        if p.dep_ in ("prep", "agent") and p.lower_ in words
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _closing_speaker(tok: Token) -> bool:
    """An apposition that is really the subject of a closing reporting verb: "designated 14
    vessels ..., spokesperson Tommy Pigott told reporters"."""
    if tok.dep_ != "appos":
        return False
    nxt = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    verbs = attribution_table()["reporting_verbs"]
    return nxt is not None and nxt.pos_ == "VERB" and nxt.lemma_.lower() in verbs


# Verbs that put out a writing a later "the commentary" may refer to ("carried a commentary").
_PUTTING_OUT = ISSUING | {"carry", "adopt", "run", "send", "circulate"}


def _earlier_same_word(tok: Token, reach: int = 400) -> Iterator[Token]:
    """Earlier tokens of the document with the lemma of ``tok``, latest first."""
    doc, lemma = tok.doc, tok.lemma_.lower()
    for j in range(tok.i - 1, max(-1, tok.i - reach), -1):
        if doc[j].lemma_.lower() == lemma:
            yield doc[j]


def _earlier_office(tok: Token, index: EntityIndex) -> list[Entity]:
    """Whom a bare "the spokesperson" speaks for: the body or country the same office was said
    to belong to earlier ("a spokesperson for the ministry", "the ministry's spokesperson")."""
    for prev in _earlier_same_word(tok):
        owners = [e for o in _phrase_objects(prev, ("of", "for"))
                  for e in entities_of(o, index)]  # fmt: skip
        owners += [e for c in prev.children if c.dep_ in ("poss", "compound", "amod")
                   for e in entities_of(c, index)]  # fmt: skip
        if owners:
            return owners
    return []


def _writing_author(tok: Token, index: EntityIndex) -> list[Entity]:
    """Who issued "the commentary" or "the statement" the text mentioned before: "Rodong Sinmun
    carried a commentary denouncing ... The commentary warned ..." (the latest such verb with
    the same noun as its object, in an earlier parsed sentence)."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return []
    for obj in _earlier_same_word(tok):
        if obj.dep_ == "dobj" and obj.head.lemma_.lower() in _PUTTING_OUT:
            return [e for s in subjects(obj.head)[0] for e in entities_of(s, index)]
    return []


def _person_above(tok: Token, index: EntityIndex) -> Token | None:
    """The person a "who" clause hung on a place further down the phrase is about."""
    while tok.head != tok and tok.dep_ in ("pobj", "prep", "acl", "appos", "amod", "compound"):
        tok = tok.head
        if any(e.type == "Person" for e in index.refers(tok)):
            return tok
    return None


def _relative_clause(wh: Token) -> Token | None:
    """The relative clause a relative pronoun opens, also when it is the subject of a clause
    inside it: "X, which the Foreign Office said had shipped ..." -> the clause on X."""
    for anc in wh.ancestors:
        if anc.dep_ in ("relcl", "acl"):
            return anc
        if anc.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
    return None


def _named_port(pobj: Token, index: EntityIndex) -> list[Entity]:
    """The country of a port named with it: "the Chinese port of Qingdao", "a Russian port"."""
    if pobj.lemma_.lower() not in _PORTS:
        return []
    return [e for c in pobj.children if c.dep_ in ("amod", "compound", "poss")
            for e in index.refers(c) if e.type == "Country"]  # fmt: skip


def _country_around(place: Token, index: EntityIndex) -> list[Entity]:
    """The country a place is said to lie in: "Makhachkala in Russia's Dagestan region",
    "Nakhodka in Russia"."""
    out: list[Entity] = []
    after = place.right_edge.i + 1
    # the "in" phrase on the place, or right after it where the parser hung it on the verb
    beside = [place.head.head] if place.dep_ == "pobj" else []
    preps = [c for c in place.children if c.dep_ == "prep" and c.lower_ == "in"]
    preps += [c for v in beside for c in v.children if c.i == after and c.lower_ == "in"]
    for prep in preps:
        for region in (c for c in prep.children if c.dep_ == "pobj"):
            owners = [c for c in region.children if c.dep_ in ("poss", "compound", "amod")]
            for t in (region, *owners):
                Arguments.add(out, [e for e in index.refers(t) if e.type == "Country"])
    return out


def _listed_in_apposition(tok: Token, index: EntityIndex) -> list[Token]:
    """Names of a list the parser read as an apposition: "condemns Iran, the DPRK and
    Belarus" (the DPRK an apposition of Iran, Belarus its conjunct)."""
    own = {e.type for e in index.refers(tok)}
    if not own:
        return []
    # "are Ri Song Gwang, Choe Un Jong, Kang Myong Hak and Son Il Ung": parties of one kind
    # in a list (the apposition goes on with conjuncts) are all named; a single apposition
    # of a party describes it
    return [
        x
        for c in tok.children
        if c.dep_ == "appos"
        and any(e.type in own for e in index.refers(c))
        and ("Country" in own or c.conjuncts)
        for x in (c, *c.conjuncts)
    ]


def _possessed_body(found: list[Entity], tok: Token, index: EntityIndex) -> list[Entity]:
    """The body an organisation's name owns, where the parser made the owner the head: "the
    Department of the Treasury's Office of Foreign Assets Control" is the office."""
    if len(found) != 1 or found[0].type != "Organization":
        return found
    doc, j = tok.doc, tok.i
    while True:
        owner = index.at(j)
        while j < len(doc) and index.at(j) is owner:
            j += 1
        if j + 1 >= len(doc) or doc[j].text not in ("'s", "’s"):
            return [owner] if owner is not None else found
        owned = index.at(j + 1)
        if owned is None or owned.type != "Organization" or owned is owner:
            return [owner] if owner is not None else found
        j += 1


def _flag(tok: Token) -> bool:
    """A flag state, not a party: "a Sierra Leone-flagged tanker"."""
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_type_ and doc[end].ent_type_ == tok.ent_type_:
        end += 1
    window = [t.lower_ for t in doc[end : end + 2]]
    return "flagged" in window or "-flagged" in window or tok.head.lower_.endswith("flagged")


def agents_of_noun(noun: Token, index: EntityIndex, goods: frozenset[int]) -> list[Entity]:
    """Who does what a noun names: its possessive or modifier, or a ``between``/``by`` phrase."""
    out: list[Entity] = []
    for c in noun.children:
        if c.dep_ in _MODIFIER_DEPS and c.i not in goods:
            Arguments.add(out, entities_of(c, index, goods))
    for prep in (
        c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("between", "by")
    ):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            Arguments.add(out, entities_of(pobj, index, goods))
    return out


def goods_origin(span: Span, index: EntityIndex) -> list[Entity]:
    """The country goods come from, from their modifiers ("North Korean artillery rounds",
    "the North's coal")."""
    out: list[Entity] = []
    root = span.root
    # "North Korean artillery rounds": the head's modifiers too, unless the head is no goods
    # ("Iran's drone programme" is Iran's, not what Iran gives)
    whole = root.dep_ == "compound" and root.head.lemma_.lower() not in _UNDERTAKINGS
    for c in (*root.children, *root.head.children) if whole else root.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < root.i:
            # "Chinese and Russian bombers": coordinated modifiers name both
            Arguments.add(out, [e for x in (c, *c.conjuncts) for e in index.refers(x)
                                if e.type == "Country"])  # fmt: skip
    return out


def _gerund_object(v: Token) -> Token | None:
    """The object of a gerund misparsed as its modifier: "denied [supplying] weapons to X"."""
    head = v.head
    gerund = v.tag_ == "VBG" or (v.tag_ == "NN" and v.lower_.endswith("ing"))
    if (
        v.dep_ in ("amod", "compound")
        and gerund
        and head.dep_ == "dobj"
        and v.i == head.left_edge.i
    ):
        return head if head.head.pos_ == "VERB" else None
    return None


def _objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    return [o for obj in objs for o in (obj, *obj.conjuncts)]


def _receivers_in(noun: Token, verb: Token, index: EntityIndex) -> list[Entity]:
    """The country of unnamed receivers placed in it: "sold coal to buyers in China" (the
    place phrase on the noun, or on the verb where the parser put it), or the party that holds
    them: "wired the money to accounts controlled by Pyongyang"."""
    held = [
        e
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _HOLDING
        for agent in acl.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj"
        for e in index.refers(p)
    ]
    return held or [
        e
        for c in (*noun.children, *(v for v in verb.children if v.lower_ == "in"))
        if c.dep_ == "prep" and c.lower_ in ("in", "from")
        for p in c.children
        if p.dep_ == "pobj"
        for e in index.refers(p)
        if e.type == "Country"
    ]


#: What a ban keeps a party out of: "denied entry to Japanese ports".
_BARRED = frozenset({"port", "territory", "water", "waters", "airspace", "harbour", "harbor",
                     "country"})  # fmt: skip


def _prep_args(
    tok: Token,
    trig: Trigger,
    args: Arguments,
    index: EntityIndex,
    goods: frozenset[int],
    *,
    noun: bool,
    after: int = -1,
    before: int | None = None,
    in_object: bool = False,
) -> list[Token]:
    """Fill arguments from ``tok``'s prepositions (those after token ``after``); return the
    phrases that may hold items."""
    spans: list[Token] = []
    for prep in (c for c in tok.children if c.dep_ in ("prep", "agent", "dative")):
        if prep.i <= after or (before is not None and prep.i > before):
            continue
        word = prep.lower_
        if noun and word == "with" and tok.dep_ == "pobj" and tok.head.lower_ in _TOPICAL:
            continue  # "information on the launch with X": X is the verb's partner
        pobjs = [p for p in prep.children if p.dep_ == "pobj"]
        if not pobjs:  # "with the United States to address ...": a small clause's subject
            pobjs = [s for c in prep.children if c.dep_ == "pcomp"
                     for s in c.children if s.dep_ == "nsubj"]  # fmt: skip
        if not pobjs:  # "to or from the DPRK": the objects of the coordinated preposition
            pobjs = [p for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"
                     for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        if prep.dep_ == "dative" and not pobjs:
            pobjs = [prep]  # "provides Russia with ...": the dative is the receiver
        for pobj in pobjs:
            if (
                word in ("on", "aboard", "by")
                and pobj.lemma_.lower() in VEHICLES
                and trig.type in ("AID", "CONCEDE", "MOBILIZE")
            ):
                # "transported on Russian navy ships": the ships' owner carries
                args.add(args.actors, entities_of(pobj, index, goods))
                continue
            if (
                word == "to"
                and pobj.lemma_.lower() in _BARRED
                and (trig.type == "SANCTION" or tok.lemma_.lower() in ("entry", "access"))
            ):
                continue  # "denied entry to Japanese ports": the ports' country bars, not suffers
            found = entities_of(pobj, index, goods)
            if not found and word in ("to", "into") and trig.type in _TRANSFERS:
                found = _receivers_in(pobj, tok, index)  # "to buyers in China"
            if not found and word in _LOCATIVE_PREPS:  # "in the port of Nakhodka"
                for of in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
                    found = [e for p in of.children if p.dep_ == "pobj" for e in index.refers(p)]
            if not found and word in ("on", "against") and trig.type == "ASSAULT":
                # "air strikes on nuclear facilities in Iran": the country the targets are in
                found = [e for o in _phrase_objects(pobj, ("in", "across", "inside"))
                         for e in entities_of(o, index, goods) if e.type == "Country"]  # fmt: skip
            places = [e for e in found if e.type == "Place"]
            others = [e for e in found if e.type != "Place"]
            if places and word in _TARGET_PREPS:
                # "to Russia's Far East" reaches Russia; goods "to Moscow" reach its government
                others += [e for c in pobj.children if c.dep_ == "poss" for e in index.refers(c)]
                if trig.type == "AID":  # "to Makhachkala in Russia's Dagestan region"
                    others += _country_around(pobj, index)
                if trig.type == "AID" and not trig.locative_target:
                    others += index.countries_of([p for p in places if is_capital(p.name)])
            if word == "at" and trig.type_with_target and not found:
                # "fired missiles at targets in Ukraine": the country the targets are in
                found = [e for o in _phrase_objects(pobj, ("in", "across", "inside"))
                         for e in entities_of(o, index, goods)]  # fmt: skip
                places = [e for e in found if e.type == "Place"]
                others = [e for e in found if e.type != "Place"]
            if word == "at" and trig.type_with_target and found:
                # "fired missiles at X": aimed at X; a city stays where it happened
                args.add(args.targets, others)
                args.add(args.locations, places)
                args.aimed = True
            elif word == "at" and trig.type in _VERBAL_ATTACKS and others:
                args.add(args.targets, others)  # "lashed out at Japan", "took aim at Seoul"
            elif word in _LOCATIVE_PREPS and trig.type == "AID" and _named_port(pobj, index):
                # "discharged its cargo at the Chinese port of Qingdao": the port's country
                args.add(args.targets, _named_port(pobj, index))
                args.add(args.locations, places)
            elif word in _LOCATIVE_PREPS:
                if trig.locative_target:
                    args.add(args.targets, [e for e in found if e.type == "Country"])
                    args.add(args.locations, places)
                else:
                    args.add(args.locations, [e for e in found if e.type in ("Place", "Country")])
            elif trig.type == "SANCTION" and (
                (word == "with" and not in_object)
                or (word == "to" and not noun and not _bans_a_transfer(tok))
            ):
                # "coordinate its sanctions with Britain", "blacklisted over voyages to
                # Russia": partners and destinations, not the sanctioned ("prohibited the
                # sale to Belarus" is the sale's receiver)
                pass
            elif word in ("with", "alongside") and trig.with_role == "actor":
                # "drills with Japan": Japan drills too; "with the carrier George Washington
                # taking part": a ship is what drills, not who
                args.add(args.actors, [e for e in others if e.type != "Vessel"])
            elif word == "from" and in_object and not trig.reverse and trig.type == "AID":
                args.add(args.from_phrase, others)  # "carrying munitions from X to Y"
                args.add(args.locations, places)
            elif word == "from" and in_object and not trig.reverse:
                args.add(args.targets, others)  # "captured personnel from North Korea"
            elif word == "from" and (not noun or trig.reverse or trig.from_role == "target"):
                args.add(args.from_phrase, others)
                args.add(args.locations, places)
            elif prep.dep_ == "agent" or word in _ACTOR_PREPS:
                if not in_object:  # "condemn the cooperation between X and Y": X and Y are
                    args.add(args.actors, others)  # the object's doers, not the condemners
            elif word in _TARGET_PREPS or prep.dep_ == "dative":
                args.add(args.targets, others)
                args.add(args.locations, places)
                if word == "for":
                    args.add(args.beneficiaries, others)
            elif word == "of" and noun and not in_object and (trig.type != "AID" or trig.of_target):
                args.add(args.targets, others)
            if word in ("with", "of", "for") or prep.dep_ == "dative":
                spans.append(pobj)
    return spans


def _bans_a_transfer(verb: Token) -> bool:
    """Whether a ban's object is a transfer: "prohibited the sale to Belarus"."""
    return any(
        c.dep_ == "dobj" and (t := trigger_for(c)) is not None and t.type == "AID"
        for c in verb.children
    )


def _event_noun(tok: Token) -> bool:
    """Whether a noun names an event of the lexicon ("transfers", "cooperation")."""
    return tok.pos_ == "NOUN" and trigger_for(tok) is not None


def owners_of(
    noun: Token, index: EntityIndex, preps: tuple[str, ...] = ("by",), *, named: bool = False
) -> list[Entity]:
    """Whose a noun is: its possessor and the objects of ``preps`` ("X's report", "a report by
    X", "the policy of X"); with ``named``, a possessive pronoun does not count."""
    owners = [c for c in noun.children
              if c.dep_ == "poss" and not (named and c.pos_ == "PRON")]  # fmt: skip
    return [e for o in (*owners, *_phrase_objects(noun, preps)) for e in index.refers(o)]


def _author(obj: Token, index: EntityIndex) -> list[Entity]:
    """Who wrote a writing: "a report by X", "X's report"."""
    return owners_of(obj, index) if obj.lemma_.lower() in _WRITINGS else []


def _earlier_author(tok: Token, index: EntityIndex) -> list[Entity]:
    """The author of the latest writing of the same word named with its author before "the
    report": "a report by the MSMT ... The report accused ..."."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return []
    for prev in _earlier_same_word(tok, reach=tok.i + 1):
        # named authors only: "its report" may point forward ("In its report, the MSMT")
        found = owners_of(prev, index, named=True)
        if found:
            return found
    return []


#: Requests aimed at the one they name: "urged the EU to ...", "told Seoul to ..." (a
#: warning joined to a condemnation is not aimed at the condemned: gold and reading agree).
_ADDRESSING = frozenset({"urge", "call", "demand", "ask", "press", "tell"})
#: What a side that answers an act takes: "measures", "countermeasures", "steps".
_ANSWERS = frozenset({"measure", "countermeasure", "step", "action", "response", "retaliation"})


def _retaliation(clause: Token) -> bool:
    """ "China would take necessary measures", "Pyongyang will respond": the clause's subject
    answers; it is the warning side, not the warned."""
    lemma = clause.lemma_.lower()
    if lemma in ("respond", "retaliate", "react"):
        return True
    return lemma in ("take", "adopt") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ANSWERS for c in clause.children
    )


#: Plural nouns for states in general ("member states") and parties in general ("persons and
#: entities").
_STATE_WORDS = frozenset({"state", "states", "country", "countries", "nation", "nations",
                          "government", "governments"})  # fmt: skip
_STATES = _STATE_WORDS | {"person", "persons", "entity", "entities", "individual",
                          "individuals"}  # fmt: skip


def _states_including(tok: Token, index: EntityIndex) -> list[Entity]:
    """The parties named after "including" that a phrase for parties in general singles out:
    "all UN Member States, including China and India", "further persons and entities,
    including Iran Air"."""
    if tok.lemma_.lower() not in _STATES or not tok.lower_.endswith("s"):
        return []  # plural ("States" is tagged a proper noun)
    return [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "including"
            for o in p.children if o.dep_ == "pobj"
            for x in (o, *o.conjuncts) for e in index.refers(x)]  # fmt: skip


def _noun_object_targets(obj: Token, index: EntityIndex, goods: frozenset[int]) -> list[Entity]:
    """The doers of an event named by an object noun: "condemned the DPRK's supply", "condemn
    the cooperation between X and Y" target the doers."""
    return agents_of_noun(obj, index, goods) if _event_noun(obj) else []


def manner_phrase(noun: Token) -> Token | None:
    """The verb a noun event says the manner of: "analyse the data in close cooperation with",
    "took today's action in coordination with"."""
    if not (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "through")
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    ):
        return None
    gov = noun.head.head
    if gov.pos_ == "NOUN" and gov.dep_ == "dobj":
        gov = gov.head  # "took [action] in coordination with"
    return gov if gov.pos_ in ("VERB", "AUX") else None


def _implicit_agents(noun: Token) -> list[Token]:
    """Who a bare noun event is pinned on by the verb governing it: the deniers of "rejected
    accusations of arms transfers", the accused of "accused X of arms transfers"."""
    verbs = modality_table()["denial_verbs"] | {"accuse", "suspect", "blame"} | _JUDGING
    child = noun
    while child.dep_ in ("dobj", "pobj", "prep", "compound") and child.head != child:
        gov = child.head
        if gov.pos_ == "VERB":
            if gov.lemma_.lower() not in verbs:
                return []
            objs = [c for c in gov.children if c.dep_ == "dobj" and c != child]
            if gov.lemma_.lower() in _JUDGING:
                return objs  # "condemned X for the strikes"; "condemned the launch" pins no one
            active, passive = subjects(gov)
            return objs or (passive if gov.lemma_.lower() != "deny" and passive else active)
        child = gov
    return []


def _fused_receiver(obj: Token, index: EntityIndex, goods: frozenset[int]) -> list[Entity]:
    """ "offering Pyongyang food": an indirect object the parser fused into the goods' name."""
    first = obj.left_edge
    if first.dep_ != "compound" or first.head != obj or first.pos_ != "PROPN":
        return []
    return [e for e in entities_of(first, index, goods) if e.type in ("Country", "Person")]


def _described(noun: Token) -> list[Token]:
    """What a noun naming a doer is said of: the subject of "is" or "has become" ("X has become
    one of the main suppliers"), or the name it is in apposition to ("X, a supplier of")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head  # "one of the main suppliers"
    if noun.dep_ == "attr" and noun.head.pos_ in ("AUX", "VERB"):
        return subjects(noun.head)[0]
    if noun.dep_ == "appos" and noun.head != noun:
        return [noun.head]
    return []


def _involved(gov: Token) -> list[Token]:
    """Who a word of involvement says takes part in the act named after it."""
    lemma = gov.lemma_.lower()
    if lemma in INVOLVING:
        if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
            return subjects(gov.head)[0]  # "X is responsible for": the copula's subject
        if gov.pos_ == "ADJ":
            return [gov.head] if gov.head != gov else []  # "firms complicit in": the noun
        active, passive = subjects(gov)
        return active + passive
    if lemma in SHARE_NOUNS and gov.dep_ == "dobj":
        return subjects(gov.head)[0]
    if any(c.dep_ == "dobj" and c.lemma_.lower() in SHARE_NOUNS for c in gov.children):
        return subjects(gov)[0]  # "played a key role" + "in the sale", hung on the verb
    return []


def _has_receiver(head: Token, index: EntityIndex, goods: frozenset[int]) -> bool:
    """Whether the verb names a receiver that is not a place: "to X" or an indirect object."""
    for c in head.children:
        parts = [c] if c.dep_ == "dative" else []
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into"):
            parts = [o for o in c.children if o.dep_ == "pobj"]
        if any(e.type != "Place" for p in parts for e in entities_of(p, index, goods)):
            return True
    return False


def _nested_givers(head: Token, index: EntityIndex) -> list[Entity]:
    """Who a "from" phrase inside the direct object names, outside relative clauses."""
    out: list[Entity] = []
    for obj in (c for c in head.children if c.dep_ == "dobj"):
        stack = list(obj.children)
        while stack:
            t = stack.pop()
            if t.dep_ in _CLAUSES:
                continue
            if t.dep_ == "prep" and t.lower_ == "from":
                for p in (c for c in t.children if c.dep_ == "pobj"):
                    Arguments.add(out, [e for e in entities_of(p, index) if e.type != "Place"])
                continue
            stack.extend(t.children)
    return out


def listed_parties(head: Token) -> list[Token]:
    """The parties a listing sentence names for a participle describing its subject: "Those
    designated include X and Y", "Among the individuals sanctioned is X"."""
    if head.dep_ != "acl" or head.tag_ != "VBN":
        return []
    noun = head.head
    if noun.dep_ == "nsubj":
        verb, roles = noun.head, ("dobj", "attr")
    elif noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.dep_ == "prep":
        verb, roles = noun.head.head, ("nsubj", "attr")
    else:
        return []
    if verb.lemma_.lower() not in _LISTING:
        return []
    out = [c for c in verb.children if c.dep_ in roles]
    if out and roles[0] == "nsubj":  # "..., and Kim Yong Bok": a name parsed as the verb's conjunct
        out += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return out


def _stray_receiver(
    verb: Token, index: EntityIndex, goods: frozenset[int], *, own: bool = True
) -> list[Entity]:
    """A "to X" the parser hung somewhere inside a transfer verb's object or on a misread
    word: "supplying missiles of the same type to Russia", "shipped ... alloy to X"."""
    skip = {t.i for c in verb.children
            if c.dep_ in _CLAUSES | {"nsubj", "nsubjpass"} or c.lower_ in ("according", "citing")
            for t in c.subtree}  # fmt: skip
    for tok in verb.subtree:
        if tok.i in skip or tok.dep_ != "prep" or tok.lower_ not in ("to", "into"):
            continue
        if own and tok.head == verb:
            continue  # the verb's own phrase: already read
        found = [e for p in tok.children if p.dep_ == "pobj" for e in entities_of(p, index, goods)]
        if found and all(e.type != "Place" for e in found):
            return found
    return []


def fill(head: Token, pred: Token, trig: Trigger, index: EntityIndex, goods: frozenset[int],
         args: Arguments) -> list[Token]:  # fmt: skip
    """Fill ``args`` for the event triggered by ``head`` (with light verb ``pred``); return the
    tokens whose subtrees hold its items."""
    holders: list[Token] = []
    gerund_of = _gerund_object(head)
    if gerund_of is not None:
        # "denied [buying] shells from X": a gerund misparsed as its object's modifier
        holders.append(gerund_of)
        args.add(
            args.targets, [e for e in entities_of(gerund_of, index, goods) if e.type != "Place"]
        )
        holders += _prep_args(
            gerund_of.head, trig, args, index, goods, noun=False, after=gerund_of.i
        )
    verbal = head.pos_ != "NOUN" or pred != head
    if verbal:
        active, passive = subjects(pred)
        for t in active:
            args.add(args.actors, entities_of(t, index, goods))
        for t in passive:
            if trig.type in _TRANSFERS and (t.i in goods or t.lemma_.lower() in MOVED):
                # "North Korean workers could be sent to ...": what moves, and from where
                args.add(args.from_phrase, entities_of(t, index))
                continue
            args.add(args.targets, entities_of(t, index, goods))
        holders += passive
    if head.pos_ != "NOUN":
        objs = _objects(head)
        cut = next((o.i for o in objs for c in o.children if _gerund_object(c) is not None), None)
        # "hand over North Korean soldiers to Kim": what moves to a named receiver is no party
        moved = trig.type in _TRANSFERS and _has_receiver(head, index, goods)
        for obj in objs:
            if obj.dep_ != "dobj" or obj.i == cut:
                continue
            found = [] if moved else entities_of(obj, index, goods)
            found = found or _noun_object_targets(obj, index, goods)
            if trig.type in _TRANSFERS and not trig.reverse and obj.i in goods and not moved:
                # "offering Pyongyang food"; with a receiver of its own ("exported US
                # microchips to Russia") the name before the goods is their origin
                found = found or _fused_receiver(obj, index, goods)
            if not found and obj.lemma_.lower() in _MANDATES:
                # "vetoed the renewal of the Panel of Experts": the body whose mandate it is
                found = [e for o in _phrase_objects(obj, ("of",)) for e in entities_of(o, index)]
            if trig.reverse and any(
                x.i in goods or x.lemma_.lower() in MOVED for x in (obj, *obj.conjuncts)
            ):
                # "hired North Korean labourers": the people taken on come from their country
                args.add(args.from_phrase, [e for e in found if e.type == "Country"])
                found = [e for e in found if e.type != "Country"]
            args.add(args.targets, [e for e in found if e.type != "Place"])
            args.add(args.locations, [e for e in found if e.type == "Place"])
            holders.append(obj)
            backed = trig.type in ("SUPPORT", "AID") and bool(found)
            if not ((trig.type in _VERDICTS or backed) and _event_noun(obj)):
                # "condemned Pyongyang's arms transfers to Moscow": the transfer's receiver is
                # not condemned; "arms Russia's war against Ukraine": nor is a war's target
                # armed
                holders += _prep_args(obj, trig, args, index, goods, noun=True, in_object=True)
            if trig.type in _VERDICTS and not found:
                # "denounced a report by the MSMT": the report's author is criticised
                args.add(args.targets, _author(obj, index))
            topics = [*obj.children, *head.children]
            for topic in (c for c in topics if c.dep_ == "prep" and c.lower_ in _TOPICAL):
                # "sharing information on the launch with the United States": the parser hangs
                # the verb's partner on the topic
                for pobj in (c for c in topic.children if c.dep_ == "pobj"):
                    for p in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "with"):
                        _prep_args(pobj, trig, args, index, goods, noun=False,
                                   after=p.i - 1, before=p.i)  # fmt: skip
        if (
            trig.type == "SANCTION"
            and not args.targets
            and not any(o.dep_ == "dobj" for o in objs)
            and head.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB")
        ):
            # "OFAC is designating UAE-based Al Noor Trading FZE, which ...": the parser made
            # the name the subject of the clause after it
            args.add(args.targets, _name_after(head, index))
        if trig.type == "SANCTION" and not trig.objects and not args.targets:
            # "banned the hiring of North Korean workers", "resolutions banning its missile
            # programme": the ban falls on whoever does or owns what it bans
            for obj in (o for o in objs if o.dep_ == "dobj" and o.i not in goods):
                found = [e for c in obj.children if c.dep_ == "poss"
                         for e in entities_of(c, index) if e not in args.actors]  # fmt: skip
                for o in [] if found else _phrase_objects(obj, ("of",)):
                    span = o.doc[o.left_edge.i : o.i + 1]
                    found += entities_of(o, index, goods) or goods_origin(span, index)
                args.add(args.targets, [e for e in found if e.type == "Country"
                                        and e not in args.actors])  # fmt: skip
        if trig.type == "REQUEST" and not args.targets:
            # "requested an emergency meeting of the Security Council": whom it is asked of
            for obj in (o for o in objs if o.dep_ == "dobj" and trigger_for(o) is not None):
                for o in _phrase_objects(obj, ("of",)):
                    args.add(args.targets, [e for e in entities_of(o, index, goods)
                                            if e.type != "Place"])  # fmt: skip
        holders += _prep_args(head, trig, args, index, goods, noun=False, before=cut)
        own = {c.lower_ for c in head.children if c.dep_ == "prep"}
        aims = {"against", "at"} if trig.type_with_target else {"against"}
        inner = [c for c in head.children if c.dep_ == "prep" and c.lower_ != "of"]
        inner += [p for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"]
        for prep in inner:
            # "fought alongside Russian forces against Ukraine", "fired drones of Iranian
            # design at Ukrainian cities": the parser hangs the verb's aim on a noun before
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for p in pobj.children:
                    if p.dep_ == "prep" and p.lower_ in aims - own:
                        _prep_args(pobj, trig, args, index, goods, noun=False,
                                   after=p.i - 1, before=p.i)  # fmt: skip
        for conj in (c for o in objs if o.dep_ == "dobj" for c in o.conjuncts):
            # "launched 800 drones and 40 missiles at Ukraine": the aim hangs on the last object
            for p in conj.children:
                if p.dep_ == "prep" and p.lower_ in aims - own:
                    _prep_args(conj, trig, args, index, goods, noun=False,
                               after=p.i - 1, before=p.i)  # fmt: skip
    else:
        for c in head.children:
            if c.dep_ in _MODIFIER_DEPS and c.i not in goods:
                owners = entities_of(c, index, goods)
                if trig.agent:
                    # "Russia's largest supplier": whom it supplies; "Chinese suppliers": who
                    found = [e for e in owners if e.type != "Place"]
                    args.add(args.targets if c.dep_ == "poss" else args.actors, found)
                    holders.append(c)
                    continue
                if (
                    c.dep_ == "poss"
                    and pred != head
                    and owners
                    and all(e.type == "Country" and e not in args.actors for e in owners)
                    and all(e.type == "Country" for e in args.actors)
                ):
                    # "Tehran is prolonging Russia's war": the war is Russia's, whoever
                    # keeps it going
                    args.actors = []
                args.add(args.actors, owners)
                holders.append(c)
        holders += _prep_args(head, trig, args, index, goods, noun=True)
        for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            # "the strikes carried out by Israel and the United States"
            if acl.lemma_.lower() in _DOING:
                if not args.actors:
                    for agent in (c for c in acl.children if c.dep_ == "agent"):
                        for o in (c for c in agent.children if c.dep_ == "pobj"):
                            args.add(args.actors, entities_of(o, index, goods))
                # "... against Iranian nuclear facilities": the aim hangs on the participle
                holders += _prep_args(acl, trig, args, index, goods, noun=True)
        if not args.actors and head.dep_ == "nsubj" and head.head.lemma_.lower() == "be":
            # "The theft ... was the work of the Lazarus Group": whose work it was
            for attr in (c for c in head.head.children if c.dep_ == "attr"):
                if attr.lemma_.lower() in ("work", "handiwork", "doing"):
                    for o in _phrase_objects(attr, ("of",)):
                        args.add(args.actors, entities_of(o, index, goods))
        if head.dep_ == "dobj" and head.head.lemma_.lower() in _FACING:
            # "firms that help Russia would face U.S. sanctions": those who face it
            for s in subjects(head.head)[0]:
                args.add(args.targets, entities_of(s, index, goods))
        gov = head.head.head if head.dep_ == "pobj" else None
        if (
            not args.actors
            and gov is not None
            and gov.lemma_.lower() in _USING
            and (head.head.lower_ in ("in", "during", "for"))
        ):  # "Russia has used North Korean missiles in attacks on Ukraine"
            for s in subjects(gov)[0]:
                args.add(args.actors, entities_of(s, index, goods))
        if not args.actors and gov is not None and head.head.lower_ in ("in", "for"):
            # "officials who were involved in the transfer", "X played a role in the sale",
            # "X is responsible for the attack": those it involves do it
            for s in _involved(gov):
                found = entities_of(s, index, goods)
                if s.pos_ == "NOUN" and all(e.type == "Country" for e in found):
                    continue  # "North Korean officers involved in ...": who they are, not who acts
                args.add(args.actors, found)
        if trig.agent and not args.actors:
            # "X has become the main supplier of shells", "X, a supplier of drones"
            for s in _described(head):
                args.add(args.actors, entities_of(s, index, goods))
        if not args.actors and pred == head:
            # "sanctioned X for the supply of drones to Russia": X supplied them
            for s in charged_parties(head):
                args.add(args.actors, entities_of(s, index, goods))
        if head.dep_ == "pobj" and head.head.lower_ == "on" and head.head.head.lemma_ == "be":
            # "Pak is on an official visit to China": the copula's subject makes it
            for s in (c for c in head.head.head.children if c.dep_ == "nsubj"):
                args.add(args.actors, entities_of(s, index, goods))
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            # "the use of drones against Ukraine", "sales of shells to Russia": the parser
            # hangs the noun's target phrase on its object
            for pobj in (c for c in of.children if c.dep_ == "pobj"):
                for p in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in _AIMING):
                    _prep_args(pobj, trig, args, index, goods, noun=True, after=p.i - 1, before=p.i)
        if pred != head:
            holders += _prep_args(pred, trig, args, index, goods, noun=False)
        elif trig.type in _TRANSFERS and head.dep_ == "dobj":
            # "to justify its arms supplies to Ukraine": the parser hangs "to Ukraine" on the
            # verb; right after a transfer noun it is the transfer's receiver
            end = head.right_edge.i
            holders += _prep_args(
                head.head, trig, args, index, goods, noun=True, after=end, before=end + 1
            )
        elif not args.actors:
            for t in _implicit_agents(head):
                args.add(args.actors, entities_of(t, index, goods))
        manner = None if args.actors else manner_phrase(head)
        if manner is not None:
            # "Japan would analyse the data in close cooperation with the United States": the
            # one who acts in that manner
            for t in subjects(manner)[0]:
                args.add(args.actors, entities_of(t, index, goods))
    if trig.type == "AID" and not args.targets and head.pos_ != "NOUN" and not trig.reverse:
        root = head
        if gerund_of is not None:
            root = gerund_of.head
        elif head.tag_ in ("VBG", "VBN") and head.dep_ in ("compound", "amod"):
            # "is [shipping] shells ... to Russia", "[transported] munitions to Russia": a verb
            # the parser read as its object's modifier
            root = head.head
        args.add(args.targets, _stray_receiver(root, index, goods, own=root is head))
    if trig.type == "CONSULT" and trig.mode == "visit" and not args.targets:
        # "arrived in the North Korean capital": the country whose capital it is
        for pobj in _phrase_objects(head, ("in", "to")):
            if pobj.lemma_.lower() == "capital":
                mods = [c for c in pobj.children if c.dep_ in _MODIFIER_DEPS]
                args.add(args.targets, [e for c in mods for e in index.refers(c)
                                        if e.type == "Country"])  # fmt: skip
            else:  # "arrived in North Korea": a country visited
                args.add(args.targets, [e for e in index.refers(pobj) if e.type == "Country"])
                args.locations = [e for e in args.locations if e not in args.targets]
    if trig.type == "THREATEN" and not args.targets and head.pos_ != "NOUN":
        # "warned that Seoul and Kyiv would pay dearly": those the consequences are for
        own = {c for e in args.actors for c in (e.country or [])} | {
            e.key for e in args.actors if e.key
        }  # "Lin Jian warned that China would ...": the speaker's side acts, not suffers

        def other_side(e: Entity) -> bool:
            return e not in args.actors and not (e.key and e.key in own)

        for clause in (c for c in head.children if c.dep_ == "ccomp"):
            if _retaliation(clause):
                continue  # "warned that China would take necessary measures": China acts
            for s in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                whose = entities_of(s, index, goods)
                found = [e for e in whose if other_side(e)]
                if whose and not found:
                    # "Katz warned that Israel would strike Iran": whom the own side would hit
                    found = [e for o in clause.children if o.dep_ == "dobj"
                             for e in entities_of(o, index, goods) if other_side(e)]  # fmt: skip
                args.add(args.targets, found)
        if not args.targets:
            # "urged the EU to stop ... and warned that China would take measures": the warning
            # is for the one the speaker has just addressed
            for verb in (head.head, *head.conjuncts) if head.dep_ == "conj" else head.conjuncts:
                if verb.lemma_.lower() in _ADDRESSING:
                    args.add(args.targets, [e for o in verb.children if o.dep_ == "dobj"
                                            for e in entities_of(o, index, goods)
                                            if other_side(e)])  # fmt: skip
    if trig.type == "REQUEST" and not args.targets and head.pos_ == "VERB":
        # "demanded that Estonia release the tanker": the one asked is the clause's subject
        for clause in (c for c in head.children if c.dep_ == "ccomp"):
            if any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
                args.add(args.targets, [e for s in clause.children if s.dep_ == "nsubj"
                                        for e in entities_of(s, index, goods)
                                        if e not in args.actors])  # fmt: skip
    if trig.needs_target and not args.targets and head.pos_ != "NOUN":
        # "help North Korea build satellites": the helped is the complement's subject
        for clause in (c for c in head.children if c.dep_ in ("ccomp", "xcomp")):
            for s in (c for c in clause.children if c.dep_ == "nsubj"):
                args.add(args.targets, entities_of(s, index, goods))
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "to":
        adj = head.head.head
        if adj.lower_ == "subject":  # "X is subject to U.S. sanctions"
            cop = adj.head
            for s in (c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")):
                args.add(args.targets, entities_of(s, index, goods))
    if (
        trig.type == "SANCTION"
        and head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ in ("under", "on")
        and head.head.head.lemma_.lower() in ("be", "remain", "stay", "fall", "come")
    ):
        # "Both countries are under heavy Western sanctions", "X has been on South Korea's
        # export blacklist": the subject bears them
        for s in (c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")):
            bearers = entities_of(s, index, goods)
            args.add(args.targets, bearers)
            args.actors = [e for e in args.actors if e not in bearers]
    listed = listed_parties(head)
    if listed:  # "Those designated include X and Y", "Among those listed are X and Y"
        args.targets = [e for e in args.targets if e.type != "Place"]
        for tok in listed:
            args.add(args.targets, entities_of(tok, index, goods))
    if trig.reverse and not args.from_phrase and head.pos_ != "NOUN":
        # "received payment for the diesel from X": the giver hangs deeper in the object
        args.add(args.from_phrase, _nested_givers(head, index))
    if trig.reverse and not args.beneficiaries:
        # "Russia bought shells from North Korea": the buyer receives, the seller gives.
        receivers = args.actors
        args.actors, args.targets = list(args.from_phrase), receivers + args.targets
    elif trig.reverse:  # "procured goods for North Korean companies": bought on their behalf
        args.add(args.actors, args.from_phrase)
    elif trig.from_role != "none":  # "cut the firm off from the U.S. financial system"
        target = args.targets if trig.from_role == "target" else args.actors
        args.add(target, args.from_phrase)
    if trig.type == "RETREAT" and not args.actors:
        # "North Korean soldiers have been withdrawn": the withdrawn side is the one retreating
        args.actors, args.targets = args.targets, []
    args.targets = [e for e in args.targets if e not in args.actors]
    args.locations = [e for e in args.locations if e not in args.targets]
    return holders
