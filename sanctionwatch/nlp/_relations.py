"""Relations between entities, read from appositions and role phrases (the contract's optional
``relations``).

- ``position``: a person's office, with the country or organisation it is held in:
  "Foreign Minister Choe Son Hui", "North Korean leader Kim Jong Un", "Kim Jong Sik, a deputy
  director of the Munitions Industry Department", "Russia's U.N. ambassador, Vassily Nebenzia".
- ``family``: "the leader's sister Kim Yo Jong", "Kim Yo Jong, the sister of the North Korean
  leader", "Her brother Kim Jong Un".
- ``associate``: people who act together: "X, accompanied by Y", "Y accompanied X", "a
  delegation that included Y".

Read from the words, so unparsed sentences give relations too. The kinship words and
association phrases are in ``relations.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._names import title_at, title_before
from sanctionwatch.nlp._syntax import positions

__all__ = ["Relation", "find_relations"]

_POSSESSIVES = ("'s", "’s")
_APPOSITION_WORDS = 8


@dataclass
class Relation:
    """One relation: subject entity, type, the role word, the object entity if any, and the
    token span it was read from."""

    type: str
    subject: Entity
    role: str | None
    object: Entity | None
    start: int
    end: int
    country: str | None = None


def _possessor(doc: Doc, i: int, index: EntityIndex) -> Entity | None:
    """The entity owning the phrase that starts at token ``i`` ("the leader's", "His", "Russia's",
    "its"), or None."""
    if i < 0 or i >= len(doc):
        return None
    tok = doc[i]
    if tok.lower_ in ("his", "her", "its", "their"):
        return index.pronoun(tok)
    if tok.text in _POSSESSIVES and i > 0:
        return index.at(i - 1)
    return None


def _title_phrase(doc: Doc, start: int, end: int) -> tuple[int, int, str] | None:
    """The first title in ``doc[start:end]`` that is not a possessor ("the leader's sister" is
    a sister): (start, end, title)."""
    i = start
    while i < end:
        n = title_at(doc, i, end)
        if n and not (i + n < end and doc[i + n].text in _POSSESSIVES):
            return i, i + n, " ".join(t.lower_ for t in doc[i : i + n])
        i += max(n, 1)
    return None


def _kind(title: str) -> str:
    return "family" if title in _data.relation_table()["kinship"] else "position"


def _object_after(doc: Doc, end: int, limit: int, index: EntityIndex) -> Entity | None:
    """The organisation or country after "of/for/at/in" following a title."""
    if end < limit and doc[end].lower_ in ("of", "for", "at", "in"):
        j = end + 1 + (1 if end + 1 < limit and doc[end + 1].lower_ == "the" else 0)
        e = index.at(j) if j < limit else None
        if e is not None and e.type in ("Organization", "Country", "Person"):
            return e
    return None


def _entity(index: EntityIndex, i: int, kinds: tuple[str, ...]) -> Entity | None:
    e = index.at(i)
    return e if e is not None and e.type in kinds else None


def _mention_start(index: EntityIndex, i: int) -> int:
    e = index.at(i)
    if e is None:
        return i
    return next((m.start for m in e.mentions if m.start <= i < m.end), i)


def _from_role(doc: Doc, e: Entity, m_start: int, m_end: int, index: EntityIndex) -> list[Relation]:
    """Relations from the title right before a name ("the leader's sister Kim Yo Jong",
    "North Korean leader Kim Jong Un", "His sister, Kim Yo Jong")."""
    floor = doc[m_start].sent.start
    end = m_start - 1 if m_start - 1 >= floor and doc[m_start - 1].text == "," else m_start
    found = title_before(doc, end, floor)
    if found is None:
        return []
    first, title = found
    if title == "counterpart":
        return []
    start, obj = first, None
    owner = _possessor(doc, first - 1, index)
    if owner is not None and owner is not e:
        obj = owner
        start = (
            _mention_start(index, first - 2) if doc[first - 1].text in _POSSESSIVES else first - 1
        )
    else:
        before = _entity(index, first - 1, ("Country", "Organization")) if first > floor else None
        if before is not None:
            obj, start = before, _mention_start(index, first - 1)
    if obj is None and _kind(title) == "family":
        return []
    country = obj.key if obj is not None and obj.type == "Country" else None
    return [Relation(_kind(title), e, title, obj, start, m_end, country)]


def _from_apposition(doc: Doc, e: Entity, m_end: int, index: EntityIndex) -> list[Relation]:
    """Relations from an apposition after a name ("X, a deputy director of Y,", "X, its
    director", "X, the leader's sister")."""
    sent_end = doc[m_end - 1].sent.end
    if m_end >= sent_end or doc[m_end].text != ",":
        return []
    stop = m_end + 1
    while stop < min(sent_end, m_end + 1 + _APPOSITION_WORDS) and doc[stop].text not in (
        ",",
        ".",
        ";",
    ):
        stop += 1
    phrase = _title_phrase(doc, m_end + 1, stop)
    if phrase is None:
        return []
    a, b, title = phrase
    if any(t.tag_.startswith("VB") or t.lower_ in ("by", "with") for t in doc[m_end + 1 : a]):
        return []  # "X, accompanied by deputy minister Y": not X's title
    owner = _possessor(doc, a - 1, index)
    if title == "counterpart" or any(
        _entity(index, i, ("Person",)) not in (None, owner) for i in range(m_end + 1, a)
    ):
        return []
    obj = _object_after(doc, b, stop, index) or _possessor(doc, a - 1, index)
    if obj is None and a - 1 > m_end:
        obj = _entity(index, a - 1, ("Country", "Organization"))
    if obj is e or (obj is None and _kind(title) == "family"):
        return []
    country = obj.key if obj is not None and obj.type == "Country" else None
    return [Relation(_kind(title), e, title, obj, _mention_start(index, m_end - 1), stop, country)]


def _nearest_person(index: EntityIndex, positions: range) -> Entity | None:
    return next((e for j in positions if (e := _entity(index, j, ("Person",))) is not None), None)


def _associates(doc: Doc, index: EntityIndex) -> list[Relation]:
    """People who act together: "X, accompanied by Y and Z", "Y accompanied X", "a delegation
    that included Y"."""
    table = _data.relation_table()
    out: list[Relation] = []
    phrases = [p.split() for kind in ("accompanied_by", "delegation") for p in table.get(kind, ())]
    for i in positions(doc, {p[0] for p in phrases}):
        for parts in phrases:
            if [t.lower_ for t in doc[i : i + len(parts)]] != parts:
                continue
            sent = doc[i].sent
            leader = _nearest_person(index, range(i - 1, sent.start - 1, -1))
            j = i + len(parts)
            while leader is not None and j < sent.end and doc[j].text not in (".", ";"):
                listing = j + 1 < sent.end and doc[j + 1].lower_ == "and"
                named = any(_entity(index, k, ("Person",)) for k in range(i, j))
                if doc[j].text == "," and not listing and named:
                    break
                other = _entity(index, j, ("Person",))
                if other is not None and other is not leader:
                    end = next(m.end for m in other.mentions if m.start <= j < m.end)
                    out.append(Relation("associate", leader, " ".join(parts), other, i, end))
                    j = end
                    continue
                j += 1
    verbs = table.get("accompanying", frozenset())
    forms = {f for v in verbs for f in (v, v + "s", v + "ed", v + "ing", v + "ies", v[:-1] + "ied")}
    for tok in (doc[i] for i in positions(doc, forms)):
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by":
            continue
        sent = tok.sent
        before = _nearest_person(index, range(tok.i - 1, sent.start - 1, -1))
        after = _nearest_person(index, range(tok.i + 1, min(sent.end, tok.i + 4)))
        if before is not None and after is not None and before is not after:
            end = next(m.end for m in after.mentions if m.start > tok.i)
            out.append(Relation("associate", before, "accompanied", after, tok.i, end))
    return out


def find_relations(doc: Doc, index: EntityIndex) -> list[Relation]:
    """Every relation in ``doc``, in text order, without duplicates."""
    out: list[Relation] = []
    for e in index.entities:
        if e.type != "Person":
            continue
        for m in e.mentions:
            if m.kind != "name":
                continue
            out.extend(_from_role(doc, e, m.start, m.end, index))
            out.extend(_from_apposition(doc, e, m.end, index))
    out.extend(_associates(doc, index))
    seen: set[tuple[str, str, str | None, str]] = set()
    unique = []
    for r in sorted(out, key=lambda r: r.start):
        key = (r.type, r.subject.id, r.role, r.object.id if r.object else "")
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique
