"""Entities: the mentions of one document merged into the things they refer to.

Countries merge by code and bodies by name; organisations by name (and country); people by
name, with short and anaphoric forms resolved as :mod:`sanctionwatch.nlp._coref` describes. An
organisation's bracketed acronym, or one matching its initials, joins it. Untagged later
occurrences of a known name are added ("Lavrov" after "Sergei Lavrov").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._coref import Entity, Resolver, female_mention
from sanctionwatch.nlp._mentions import Mention, find_mentions
from sanctionwatch.nlp._names import is_title_word, place_name, title_at
from sanctionwatch.nlp._plurals import plural_references
from sanctionwatch.nlp._syntax import positions, span_text

__all__ = ["Entity", "EntityIndex", "build_entities"]

# Types the statistical NER confuses with each other on unfamiliar names.
_RETYPABLE = frozenset({"Person", "Organization", "Place"})
_SPLIT = re.compile(r"[\s\-‐‑’'.]+")
_NOT_INITIALS = frozenset({"of", "and", "the", "for"})


def tokens_of(text: str) -> tuple[str, ...]:
    """A name as lower-case words, split on spaces, hyphens, apostrophes and dots."""
    return tuple(t for t in _SPLIT.split(text.lower()) if t)


@dataclass
class EntityIndex:
    """The entities of a document, and which entity (or entities) each token stands for."""

    entities: list[Entity]
    by_token: dict[int, Entity]
    groups: dict[int, list[Entity]] = field(default_factory=dict)
    resolver: Resolver | None = None
    speaker: Entity | None = None
    _mention_spans: dict[int, tuple[int, Entity]] | None = field(default=None, repr=False)

    def at(self, i: int) -> Entity | None:
        """The entity a mention covering token ``i`` belongs to, if any."""
        return self.by_token.get(i)

    def group(self, i: int) -> list[Entity]:
        """The entities a plural phrase covering token ``i`` names ("the two leaders")."""
        return self.groups.get(i, [])

    def pronoun(self, tok: Token) -> Entity | None:
        """The entity a personal pronoun refers to, if any."""
        return self.resolver.pronoun(tok, self.speaker) if self.resolver else None

    def countries_of(self, places: list[Entity]) -> list[Entity]:
        """The country entities of places the document names ("Moscow" -> Russia)."""
        codes = {c for p in places for c in p.country}
        return [e for e in self.entities if e.type == "Country" and e.key in codes]

    def coordinated(self, tok: Token) -> list[Entity]:
        """Names of the same type joined to the mention at ``tok`` by commas and "and"/"or"
        where the parse tangled the names into one another ("sanctioned Horizon Crest Shipping
        FZE and Volna Marine LLC" parsed as one phrase): the tokens of each name hang on the
        other's. A name whose head is outside the chain ("... to China and Russia protested")
        is not joined."""
        own = self.at(tok.i)
        if own is None or own.type == "Place":
            return []
        spans = self._spans()
        start = next((s for s, (e, _) in spans.items() if s <= tok.i < e), None)
        if start is None:
            return []
        doc = tok.doc
        chain = [(start, spans[start][0])]
        joined = False
        for step in (1, -1):
            s, e = chain[0] if step == -1 else chain[-1]
            while True:
                j = e if step == 1 else s - 1
                seps = []
                while 0 <= j < len(doc) and (
                    doc[j].lower_ in (",", "and", "or")
                    or (doc[j].text == "-" and own.type == "Country")  # "Russian-Iranian"
                ):
                    seps.append(doc[j].lower_)
                    j += step
                if not seps or not (0 <= j < len(doc)):
                    break
                nxt = next(((a, b) for a, (b, _) in spans.items() if a <= j < b), None)
                if nxt is None or (step == 1 and nxt[0] != j) or (step == -1 and nxt[1] != j + 1):
                    break
                other = spans[nxt[0]][1]
                parties = {"Person", "Organization", "Vessel"}  # "designated Kim and X LLC"
                if other is own or not (
                    other.type == own.type or {other.type, own.type} <= parties
                ):
                    break
                inside = set(range(nxt[0], nxt[1])) | {i for a, b in chain for i in range(a, b)}
                if not any(
                    doc[i].head.i in inside and doc[i].head.i not in range(*nxt)
                    for i in range(*nxt)
                ) and not any(doc[i].head.i in range(*nxt) for a, b in chain for i in range(a, b)):
                    break  # fmt: skip
                joined = joined or any(w in ("and", "or", "-") for w in seps)
                if step == 1:
                    chain.append(nxt)
                else:
                    chain.insert(0, nxt)
                s, e = nxt
        out = [spans[a][1] for a, _ in chain if spans[a][1] is not own] if joined else []
        if own.type == "Person":
            out += [e for e in self._apposed_people(doc, chain[-1][1], spans) if e not in out]
        return out

    def _apposed_people(
        self, doc: Doc, end: int, spans: dict[int, tuple[int, Entity]]
    ) -> list[Entity]:
        """People listed with their ages and towns between them: "charging Vardan Hakobyan, 52,
        of Yerevan, Armenia, and Ruslan Tokarev, 44, of Bishkek" (the second person)."""
        if end >= len(doc) or doc[end].text != ",":
            return []
        out: list[Entity] = []
        j = end
        while j < min(end + 16, len(doc)):
            tok = doc[j]
            if tok.lower_ == "and" and doc[j - 1].text == "," and j + 1 in spans:
                b_end, other = spans[j + 1]
                subject = any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(j + 1, b_end))
                return [other] if other.type == "Person" and not subject else []
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("who", "which", "that", "with"):
                return []
            j += 1
        return out

    def _spans(self) -> dict[int, tuple[int, Entity]]:
        if self._mention_spans is None:
            self._mention_spans = {
                m.start: (m.end, e) for e in self.entities for m in e.mentions if m.kind == "name"
            }
        return self._mention_spans

    def refers(self, tok: Token) -> list[Entity]:
        """Everything a token refers to: its mention's entity, a group, or a pronoun's."""
        e = self.at(tok.i)
        if e is not None:
            return [e]
        if tok.i in self.groups:
            return list(self.groups[tok.i])
        p = self.pronoun(tok)
        return [p] if p is not None else []


def _display(doc: Doc, m: Mention) -> str:
    return span_text(doc, m.start, m.end)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in _NOT_INITIALS)


def _acronym_target(
    doc: Doc, m: Mention, entities: list[Entity], prev: Mention | None
) -> Entity | None:
    text = _display(doc, m)
    bracketed = m.start > 0 and doc[m.start - 1].text == "("
    if not text.isupper() and not (bracketed and m.kind == "acronym"):
        return None  # "(Bakamla)": a short name in brackets, not in capitals
    for e in sorted(entities, key=lambda e: -e.last):
        if e.type != "Organization":
            continue
        if bracketed and prev is not None and prev in e.mentions and prev.end == m.start - 1:
            return e
        if (text.lower(),) in e.aliases:
            return e
        if any(_initials(a) == text.lower() for a in e.aliases if len(a) > 1):
            return e
    return None


def _partner(doc: Doc, m: Mention, by_token: dict[int, Entity]) -> Entity | None:
    """The person a name stands coordinated with: "Putin and Kim", "Kim and Xi"."""
    for i in (m.start - 2, m.end + 1):
        joiner = m.start - 1 if i < m.start else m.end
        if not (0 <= i < len(doc) and 0 <= joiner < len(doc)):
            continue
        if doc[joiner].lower_ in ("and", ",", "with"):
            other = by_token.get(i)
            if other is not None and other.type == "Person":
                return other
    return None


# Head words of an agency's name after its distinctive word ("the Treasury Department").
_BODY_HEADS = frozenset({"Department", "Ministry", "Office", "Agency", "Service", "Bureau"})


def _body_meant(doc: Doc, m: Mention, entities: list[Entity]) -> str | None:
    """The body a capitalised definite names when none of its kind was named: "The Council"
    after "the European Union" is the Council of the European Union (``of_body`` in
    ``anaphora.yaml``)."""
    spec = _data.anaphora().definites.get(m.word or "", {})
    meant = spec.get("of_body") or {}
    if not meant or not doc[m.end - 1].text[:1].isupper():
        return None
    return next((str(meant[e.key]) for e in entities if e.key in meant), None)


def _company_short_form(
    words: tuple[str, ...], m: Mention, entities: list[Entity]
) -> Entity | None:
    """ "Arvand Star" after "Arvand Star General Trading LLC": the short form of a company's
    name, whatever the NER calls it."""
    if m.type not in ("Organization", "Person") or len(words) < 2 or m.kind != "name":
        return None
    return next(
        (e for e in reversed(entities) if e.type == "Organization" and e.key is None
         and any(len(a) > len(words) and a[: len(words)] == words for a in e.aliases)),
        None,
    )  # fmt: skip


def _match(
    doc: Doc, m: Mention, res: Resolver, prev: Mention | None, by_token: dict[int, Entity]
) -> Entity | None:
    entities = res.entities
    if m.key is not None:
        return next((e for e in entities if e.key == m.key and e.type == m.type), None)
    if m.kind == "role" and m.role is not None:
        return res.role(m.role)
    if m.kind == "definite":
        return res.definite(m)
    words = tokens_of(_display(doc, m))
    short = _company_short_form(words, m, entities)
    if short is not None:
        m.type = "Organization"  # whatever the NER took it for
        return short
    if m.type == "Person":
        vessel = next((e for e in entities if e.type == "Vessel" and words in e.aliases), None)
        if vessel is not None and len(words) > 1:
            m.type = "Vessel"  # "the Panama-flagged Nora Sky ... the Nora Sky": still the ship
            return vessel
        return res.person(words, m, _partner(doc, m, by_token))
    if m.type == "Organization":
        found = _acronym_target(doc, m, entities, prev)
        if found is not None:
            return found
    same = next(
        (e for e in entities if e.type == m.type and words in e.aliases
         and (m.country is None or not e.country or m.country in e.country)),
        None,
    )  # fmt: skip
    if same is None:  # a vessel keeps its name whatever the NER calls it later ("The Angara")
        same = next((e for e in entities if e.type == "Vessel" and words in e.aliases), None)
    if same is None and m.type == "Organization" and len(words) == 1:
        # "Treasury" after "Department of the Treasury" or "the Treasury Department": the
        # distinctive word of a known name
        same = next(
            (e for e in reversed(entities) if e.type == "Organization"
             and any(len(a) >= 2 and (a[-1] == words[0] or (a[0] == words[0] and a[-1] in
                                                            _BODY_HEADS))
                     for a in (*e.aliases, tokens_of(e.key or ""))) ),
            None,
        )  # fmt: skip
    if same is not None or m.type not in _RETYPABLE:
        return same
    # The NER may type one name differently in two places: the same words are the same thing,
    # and a person's surname on its own is that person ("Lavrov" tagged as an organisation).
    found = next(
        (e for e in entities if e.key is None and e.type in _RETYPABLE and words in e.aliases), None
    )
    return found or (res.person(words, m, None) if len(words) == 1 else None)


def _name(doc: Doc, e: Entity) -> str:
    if e.key is not None:
        if e.type == "Country":
            return _data.countries()[e.key].name
        return e.key
    named = [m for m in e.mentions if m.kind == "name"] or e.mentions
    best = max(named, key=lambda m: (
        len(tokens_of(_display(doc, m))), not _display(doc, m).isupper(), m.end - m.start, -m.start,
    ))  # fmt: skip
    text = _display(doc, best)
    return place_name(text) if e.type == "Place" and text.isupper() else text


#: Lower-case words inside the apposition that names a statement's authors.
_AUTHOR_WORDS = frozenset({"the", "of", "and", "its", "their", "our", ",", "(", ")", "leaders",
                           "ministers", "heads", "governments", "representatives", "members",
                           "states", "foreign", "defence", "defense"})  # fmt: skip


def _speakers(doc: Doc, by_token: dict[int, Entity]) -> list[Entity]:
    """Who a statement that names its authors speaks for: "We, the G7 Foreign Ministers" is the
    G7; "We, the Foreign Ministers of Australia, Canada, ... and the United States, ..." are
    those countries. Empty when the statement does not say."""
    for tok in (doc[i] for i in positions(doc, ("We",), lower=False)):
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
            continue
        found: list[Entity] = []
        end = min(len(doc), tok.i + 80, tok.sent.end)
        for i in range(tok.i + 2, end):
            e = by_token.get(i)
            if e is not None:
                if e.type in ("Organization", "Country") and e not in found:
                    found.append(e)
                continue
            t = doc[i]
            if t.text[:1].islower() and t.lower_ not in _AUTHOR_WORDS and not is_title_word(t):
                break  # the apposition ends at the verb: "..., today publish"
        if not found:
            continue
        if found[0].type == "Organization":
            return found[:1]  # "We, the G7 Foreign Ministers of Canada, ...": the G7
        return [e for e in found if e.type == "Country"]
    return []


def _speaker(doc: Doc, speakers: list[Entity], by_token: dict[int, Entity]) -> Entity | None:
    """The entity a statement speaks for: "We, the G7 Foreign Ministers ..."."""
    if speakers:
        return speakers[0]
    if not positions(doc, ("we", "our", "us")) or any(q in doc.text for q in ('"', "“", "”")):
        return None  # no first person, or one that may be a quoted speaker's
    # "Thank you, Mr Chair. The United Kingdom condemns ... We call on ...": a statement
    # speaks for the body or country that opens one of its first sentences
    for sent in itertools.islice(doc.sents, 3):
        first = sent.start + (1 if doc[sent.start].lower_ == "the" else 0)
        opener = by_token.get(first)
        if opener is not None and opener.type in ("Organization", "Country"):
            return opener
    return None


def _office_countries(doc: Doc, entities: list[Entity], by_token: dict[int, Entity]) -> None:
    """A person speaking for a body takes the body's country: "JCS spokesman Lee Sung-jun",
    "Lee Sung-jun, a spokesman for the Joint Chiefs of Staff" (so that a South Korean officer
    is not screened as a North Korean namesake)."""
    for e in entities:
        if e.type != "Person" or e.country:
            continue
        for m in (x for x in e.mentions if x.kind == "name"):
            body = _body_before(doc, m.start, by_token) or _body_after(doc, m.end, by_token)
            if body is not None and body.country:
                e.country.extend(c for c in body.country if c not in e.country)
                break


def _body_before(doc: Doc, start: int, by_token: dict[int, Entity]) -> Entity | None:
    """The organisation before the titles in front of a name: "JCS spokesman X"."""
    j = start  # walk back over whole titles: "JCS spokesperson Col. X"
    while True:
        before = next((i for i in range(max(0, j - 4), j) if title_at(doc, i, j) == j - i), None)
        if before is None:
            break
        j = before
    if j == start or j == 0:
        return None
    body = by_token.get(j - 1)
    return body if body is not None and body.type == "Organization" else None


def _body_after(doc: Doc, end: int, by_token: dict[int, Entity]) -> Entity | None:
    """The organisation an apposition after a name ties it to: "X, a spokesman for Y"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    for j in range(end + 1, min(end + 8, len(doc) - 1)):
        if doc[j].text in (",", ".", ";"):
            return None
        body = by_token.get(j)
        if body is not None and body.type == "Organization" and title_at(doc, j + 1, len(doc)):
            return body  # "X, a JCS spokesman,"
        if doc[j].lower_ in ("for", "of", "at") and title_at(doc, j - 1, j):
            # the first organisation after it: "for South Korea's Joint Chiefs of Staff"
            for k in range(j + 1, min(j + 6, len(doc))):
                body = by_token.get(k)
                if body is not None and body.type == "Organization":
                    return body
            return None
    return None


def _propagate(doc: Doc, entities: list[Entity]) -> None:
    """Add the mentions the NER missed: later untagged occurrences of a name the document
    already uses (a multi-word name, an acronym, or a person's first or last name)."""
    names: dict[tuple[str, ...], Entity] = {}
    for e in entities:
        if e.key is not None or e.type == "Country":
            continue
        for m in e.mentions:
            text = _display(doc, m)
            if e.type == "Organization" and text.isupper() and text.isalpha() and len(text) > 1:
                names.setdefault(tokens_of(text), e)
        for alias in e.aliases:
            if len(alias) > 1:
                names.setdefault(alias, e)
                if e.type == "Person":
                    names.setdefault(alias[:1], e)
                    names.setdefault(alias[-1:], e)
    if not names:
        return
    taken = {i for e in entities for m in e.mentions for i in range(m.start, m.end)}
    heads = {k[0] for k in names}
    done = -1
    for i in positions(doc, heads):
        tok = doc[i]
        if i <= done or i in taken or not tok.text[:1].isupper():
            continue
        best: tuple[int, Entity] | None = None
        for j in range(min(len(doc), i + 6), i, -1):
            if taken.intersection(range(i, j)) or doc[j - 1].is_punct:
                continue
            known = names.get(tokens_of(doc[i:j].text))
            if known is not None and known.mentions[0].start < i:
                best = (j, known)
                break
        if best is None:
            continue
        j, known = best
        known.mentions.append(Mention(i, j, known.type))
        known.mentions.sort(key=lambda m: m.start)
        done = j - 1


def _add(e: Entity, doc: Doc, m: Mention) -> None:
    e.mentions.append(m)
    if m.kind not in ("role", "definite"):
        e.last = m.start
        e.aliases.add(tokens_of(_display(doc, m)))
        if m.role is not None:
            e.roles.add(m.role)
    elif m.kind == "role" and m.word in ("bound", "owned") and m.role is not None:
        e.roles.add(m.role)
    if m.country and m.country not in e.country:
        e.country.append(m.country)
    if e.type == "Person" and m.kind == "name" and female_mention(doc, m):
        e.female = True


def _apposed_role(
    doc: Doc, m: Mention, by_start: dict[int, Mention]
) -> tuple[str | None, str] | None:
    """The role an apposition right after a person's name gives: "Yun Jong Ho, North Korea's
    minister of external economic relations," -> (North Korea, minister)."""
    j = m.end
    if j + 1 >= len(doc) or doc[j].text != ",":
        return None
    j += 1
    if doc[j].lower_ in ("the", "a", "an"):
        j += 1
    country = None
    owner = by_start.get(j)
    if owner is not None and owner.type == "Country" and owner.key is not None:
        country, j = owner.key, owner.end
        if j < len(doc) and doc[j].text in ("'s", "’s"):
            j += 1
    n = title_at(doc, j, len(doc))
    if not n or (j + n < len(doc) and doc[j + n].text in ("'s", "’s")):
        return None  # "Kim Yo Jong, the leader's sister": the leader is someone else
    return country, " ".join(t.lower_ for t in doc[j : j + n])


def _of_country(doc: Doc, m: Mention, by_start: dict[int, Mention]) -> str | None:
    """The country a person is "of" right after the name: "Kim Song of the DPRK"."""
    j = m.end + 1
    if j >= len(doc) or doc[m.end].lower_ != "of":
        return None
    owner = by_start.get(j) or by_start.get(j + 1) if doc[j].lower_ == "the" else by_start.get(j)
    return owner.key if owner is not None and owner.type == "Country" else None


def _preposed_country(doc: Doc, m: Mention, by_token: dict[int, Entity]) -> str | None:
    """The country of an office set off before a person's name: "Iran's representative, Amir
    Saeid Iravani," or "The representative of Iran, X," -> Iran."""
    if m.start < 3 or doc[m.start - 1].text != ",":
        return None
    sent = doc[m.start].sent
    for j in range(max(sent.start, m.start - 8), m.start - 1):
        n = title_at(doc, j, m.start - 1)
        if not n:
            continue
        rest = doc[j + n : m.start - 1]
        owner = by_token.get(j - 2) if j >= 2 and doc[j - 1].text in ("'s", "’s") else None
        if owner is None and len(rest) >= 2 and rest[0].lower_ in ("of", "for"):
            owner = by_token.get(rest[-1].i)
        elif rest:
            continue
        if owner is not None and owner.type == "Country":
            return owner.key
    return None


def _counterpart(doc: Doc, m: Mention, e: Entity, res: Resolver) -> None:
    """ "his North Korean counterpart X": X holds his title, in X's own country."""
    i = m.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1  # "his Belarusian counterpart, Viktor Khrenin"
    while i >= 0 and (doc[i].lower_ == "counterpart" or doc[i].ent_type_ or doc[i].is_title):
        i -= 1
    if i < 0 or doc[i].lower_ not in ("his", "her"):
        return
    other = res.pronoun(doc[i], None)
    if other is not None and other is not e:
        country = m.role[0] if m.role else None
        e.roles.update((country, t) for _, t in other.roles if t != "counterpart")


def _resolve_ahead(
    doc: Doc, ahead: list[Mention], res: Resolver, by_token: dict[int, Entity]
) -> None:
    """Roles named only later: "The Foreign Secretary, David Lammy," gives Lammy the role
    (an apposition), and an earlier "The Foreign Secretary has designated" is then his."""
    for m in ahead:
        after = by_token.get(m.end + 1) if m.end + 1 < len(doc) else None
        if m.role and doc[m.end].text == "," and after is not None and after.type == "Person":
            after.roles.add(m.role)
    vessels = [e for e in res.entities if e.type == "Vessel"]
    for m in (m for m in ahead if m.kind == "indefinite"):
        # A vessel described before it is named, in a text that names only one ("detained a
        # Sierra Leone-flagged cargo ship ... the vessel, the Lucky Star 8"), or the first named
        # right after it when none was named before ("boarded an oil tanker ... The Sierra
        # Kova, which ..."; a ship of the background comes later)
        if any(by_token.get(i) for i in range(m.start, m.end)):
            continue
        found = vessels[0] if len(vessels) == 1 else None
        if found is None and not any(e.first < m.start for e in vessels):
            later = [e for e in vessels if res.sent[e.first] <= res.sent[m.start] + 2]
            found = min(later, key=lambda e: e.first, default=None)
        if found is not None:
            _add(found, doc, m)
            by_token.update(dict.fromkeys(range(m.start, m.end), found))
    for m in (m for m in ahead if m.kind != "indefinite"):
        named = res.role(m.role) if m.role else None
        if named is not None and not any(by_token.get(i) for i in range(m.start, m.end)):
            _add(named, doc, m)
            by_token.update(dict.fromkeys(range(m.start, m.end), named))


def build_entities(doc: Doc) -> EntityIndex:
    """Find the mentions in ``doc`` and merge them into entities."""
    sent = [0] * len(doc)
    for n, s in enumerate(doc.sents):
        sent[s.start : s.end] = [n] * (s.end - s.start)
    entities: list[Entity] = []
    res = Resolver(entities, sent, doc)
    by_token: dict[int, Entity] = {}
    groups: dict[int, list[Entity]] = {}
    pending: list[Mention] = []
    ahead: list[Mention] = []
    prev: Mention | None = None
    mentions = find_mentions(doc)
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.kind == "group":
            members = res.group(m)
            if members:
                groups.update(dict.fromkeys(range(m.start, m.end), members))
            continue
        if m.kind == "role" and m.word == "bound":
            pending.append(m)
            continue
        if m.kind == "role" and m.word == "owned":
            owner = by_token.get(m.start - 2)  # "China's representative": China
            if owner is not None:
                _add(owner, doc, m)
                by_token.update(dict.fromkeys(range(m.start, m.end), owner))
            continue
        if m.kind == "indefinite":
            ahead.append(m)  # "a Panama-flagged tanker": which one, only the whole text says
            continue
        found = _match(doc, m, res, prev, by_token)
        if found is None and m.kind == "definite":
            body = _body_meant(doc, m, entities)
            if body is not None:  # "The Council" of an EU text names the EU's Council
                m = Mention(m.start, m.end, m.type, key=body)
                found = _match(doc, m, res, prev, by_token)
        if found is None and m.kind in ("role", "definite"):
            # A role the text has not tied to a name yet may be named later ("The Foreign
            # Secretary has designated ... The Foreign Secretary, David Lammy, said"); if
            # never, it refers to no one we know, and its demonym still mentions the country
            # ("the North Korean envoy").
            if m.inner is None:
                if m.kind == "role" and m.role is not None:
                    ahead.append(m)
                continue
            m = m.inner
            found = _match(doc, m, res, prev, by_token)
        if found is None:
            found = Entity(id="", type=m.type, key=m.key, first=m.start)
            entities.append(found)
        _add(found, doc, m)
        if found.type == "Person" and m.kind == "name":
            role = _apposed_role(doc, m, by_start)
            if role is not None:
                found.roles.add(role)
            # "Iran's representative, X,", "Kim Song of the DPRK": the person's country (not a
            # role a later bare "the representative" could mean)
            of = _preposed_country(doc, m, by_token) or _of_country(doc, m, by_start)
            if of is not None and of not in found.country:
                found.country.append(of)
        apposed = (
            m.start > 1
            and doc[m.start - 1].text == ","
            and doc[m.start - 2].lower_ == ("counterpart")
        )  # "his Belarusian counterpart, Viktor Khrenin"
        if (m.role is not None and m.role[1] == "counterpart") or apposed:
            _counterpart(doc, m, found, res)
        by_token.update(dict.fromkeys(range(m.start, m.end), found))
        for bound in [b for b in pending if b.end < m.start <= b.end + 2 and found.type == b.type]:
            pending.remove(bound)
            _add(found, doc, bound)
            by_token.update(dict.fromkeys(range(bound.start, bound.end), found))
        prev = m
    _resolve_ahead(doc, ahead, res, by_token)
    plural_references(doc, by_token, groups)
    _propagate(doc, entities)
    _office_countries(doc, entities, by_token)
    for e in entities:
        e.mentions.sort(key=lambda x: x.start)
        types = [m.type for m in e.mentions if m.kind == "name"]
        if e.key is None and e.type in _RETYPABLE and types:
            # the most frequent type; on a tie an organisation (never the set's hash order)
            e.type = "Person" if "Person" in types else max(
                sorted(set(types)), key=lambda t: (types.count(t), t == "Organization")
            )
    by_token = {}
    for n, e in enumerate(entities, start=1):
        e.id = f"e{n}"
        e.name = _name(doc, e)
        for m in e.mentions:
            by_token.update(dict.fromkeys(range(m.start, m.end), e))
    speakers = _speakers(doc, by_token)
    if len(speakers) > 1:  # "We, the Foreign Ministers of A, B and C": every "we" is all of them
        for i in positions(doc, tuple(_data.anaphora().pronouns.get("speaker", ()))):
            if i not in by_token:
                groups.setdefault(i, speakers)
    return EntityIndex(entities, by_token, groups, res, _speaker(doc, speakers, by_token))
