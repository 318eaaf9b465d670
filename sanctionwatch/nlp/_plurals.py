"""Plural references: they/them/their, and plural titles of named countries.

- they/their go to the latest subject, in this sentence or the one before, when that subject
  names several ("Russia and North Korea signed ... They also agreed", "the two leaders") or is
  a country's people ("Lithuanian investigators said they"); otherwise to no one;
- "the foreign ministers of Japan and South Korea" are those countries (their people);
- a counted or plural phrase ending in the names of its members is those members: "two of the
  bank's representatives, Kang Tae Hyon and Choe Yong Su," (however the parser hangs the names).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._names import title_at
from sanctionwatch.nlp._syntax import positions

__all__ = ["plural_references"]


def plural_references(
    doc: Doc, by_token: dict[int, Entity], groups: dict[int, list[Entity]]
) -> None:
    """Add to ``groups`` the entities plural titles of countries and plural pronouns name."""
    _titles_of_countries(doc, by_token, groups)
    _named_members(doc, by_token, groups)
    _plural_pronouns(doc, by_token, groups)


_MEMBER_TYPES = frozenset({"Person", "Organization", "Vessel"})


def _named_members(
    doc: Doc, by_token: dict[int, Entity], groups: dict[int, list[Entity]]
) -> None:
    """ "Two of its officials, A and B, are listed": the names set off by a comma at the end of
    a counted or plural phrase are its members."""
    for t in doc:
        if t.tag_ not in ("NNS", "CD") or t.i in by_token or t.i in groups or not t.has_dep():
            continue
        if t.tag_ == "CD" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "Two of ...", not "5 tankers"
        j = t.right_edge.i
        if doc[j].text == ",":
            j -= 1
        members: list[Entity] = []
        last_sep = ""
        while j > t.i:
            e = by_token.get(j)
            if e is not None and e.type in _MEMBER_TYPES:
                while j - 1 > t.i and by_token.get(j - 1) is e:
                    j -= 1
                if e not in members:
                    members.insert(0, e)
                j -= 1
                last_sep = ""
                continue
            if doc[j].lower_ in ("and", ",") and members:
                last_sep = doc[j].lower_ if last_sep != "," else last_sep
                j -= 1
                continue
            break
        if members and last_sep == ",":
            groups[t.i] = members


def _titles_of_countries(
    doc: Doc, by_token: dict[int, Entity], groups: dict[int, list[Entity]]
) -> None:
    """ "the foreign ministers of Japan and South Korea": the countries named after "of"."""
    for i in positions(doc, ("of",)):
        j = i - 1
        while j > 0 and doc[j].tag_ == "NNS" and j not in groups and j not in by_token:
            n = next((k for k in range(1, 4) if title_at(doc, j - k + 1, j + 1) == k), 0)
            if not n:
                break
            members: list[Entity] = []
            k = i + 1
            while k < len(doc) and (k in by_token or doc[k].lower_ in ("and", ",", "the")):
                e = by_token.get(k)
                if e is not None and e.type == "Country" and e not in members:
                    members.append(e)
                elif e is not None and e.type != "Country":
                    break
                k += 1
            if len(members) >= 2:
                for t in range(j - n + 1, j + 1):
                    groups[t] = members
            break


def _plural_pronouns(
    doc: Doc, by_token: dict[int, Entity], groups: dict[int, list[Entity]]
) -> None:
    """They/them/their: the entities of the latest subject, in this sentence or the one
    before, when that subject names several ("Russia and North Korea ...", "the two leaders")
    or is a country's people ("Lithuanian investigators")."""
    for i in positions(doc, _data.anaphora().pronouns.get("plural", ())):
        if i in groups:
            continue
        urged = _urged_ones(doc[i], by_token) or _objects_of_main_verb(doc[i], by_token, groups)
        if len(urged) >= 2:
            groups[i] = urged  # "call on Tehran, Pyongyang and Minsk to cease their assistance"
            continue
        sent = doc[i].sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        subject = next(
            (doc[j] for j in range(i - 1, first - 1, -1) if doc[j].dep_ in ("nsubj", "nsubjpass")),
            None,
        )
        if subject is None:
            continue
        people = _people_before(doc, i, sent.start, by_token)
        if people is not None and subject.i < people[0]:
            # "the deployment of North Korean soldiers to Russia, where they fought": the
            # soldiers, named after the clause's subject
            groups[i] = [people[1]]
            continue
        heads = [
            n
            for c in (subject, *subject.conjuncts)
            for n in ([c] if c.i in by_token else [a for a in c.children if a.dep_ == "appos"])
        ]
        members = groups.get(subject.i) or list(
            dict.fromkeys(by_token[c.i] for c in heads if c.i in by_token)
        )
        if not members and subject.tag_ == "NNS":  # "Lithuanian investigators ... they"
            members = list(dict.fromkeys(
                by_token[c.i] for c in subject.children
                if c.dep_ in ("amod", "compound") and c.i in by_token
            ))  # fmt: skip
        several = subject.tag_ == "NNS" or bool(subject.conjuncts)  # "the US and its allies"
        if len(members) >= 2 or (members and several):
            groups[i] = members


def _objects_of_main_verb(
    tok: Token, by_token: dict[int, Entity], groups: dict[int, list[Entity]]
) -> list[Entity]:
    """ "them" in a participle clause after a verb whose object names several: "designated A, B
    and C on Monday, accusing them of clearing payments" (A, B and C)."""
    verb = tok.head
    if tok.lower_ != "them" or tok.dep_ != "dobj" or verb.tag_ != "VBG":
        return []
    if verb.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    # "and two Kazakh firms, A and B": a group among the objects counts with its members
    return _named_in([c for c in verb.head.children if c.dep_ == "dobj"], by_token, groups)


def _urged_ones(tok: Token, by_token: dict[int, Entity]) -> list[Entity]:
    """The parties an object-control verb names, for a pronoun in the act they are urged to:
    "We call on Tehran, Pyongyang and Minsk to cease their military assistance"."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ != "xcomp" and not (verb.dep_ == "advcl" and infinitive):
        return []
    gov = verb.head
    objs = [c for c in gov.children if c.dep_ == "dobj"]
    objs += [p for c in gov.children if c.dep_ == "prep" and c.lower_ == "on"
             for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    return _named_in(objs, by_token)


def _named_in(
    objs: list[Token], by_token: dict[int, Entity], groups: dict[int, list[Entity]] | None = None
) -> list[Entity]:
    """The entities object phrases name: each object, its conjuncts and appositions (and
    theirs), or the members of a group among them when ``groups`` is given."""
    out: list[Entity] = []
    for o in objs:
        for x in (o, *o.conjuncts, *(a for a in o.children if a.dep_ == "appos")):
            for y in (x, *x.conjuncts):
                found = [by_token[y.i]] if y.i in by_token else (groups or {}).get(y.i, [])
                out.extend(e for e in found if e not in out)
    return out


def _people_before(
    doc: Doc, i: int, start: int, by_token: dict[int, Entity]
) -> tuple[int, Entity] | None:
    """The latest "<demonym> soldiers/workers/troops" before token ``i`` in its sentence, with
    the country they belong to."""
    words = {w for w, spec in _data.anaphora().definites.items() if spec.get("of_country")}
    for j in range(i - 1, start - 1, -1):
        tok = doc[j]
        if tok.tag_ != "NNS" or (tok.lower_ not in words and tok.lemma_.lower() not in words):
            continue
        for c in tok.children:
            e = by_token.get(c.i)
            if c.dep_ in ("amod", "compound", "poss") and e is not None and e.type == "Country":
                return j, e
    return None
