"""Mentions: typed, repaired spans of a parsed document, before they are merged into entities.

Sources: the statistical NER, the gazetteer (countries, capitals, places, bodies), vessel cue
words ("the vessel X", "MV X") and role phrases ("the North Korean leader"). Repairs: title
words and demonyms are cut from person names, names cut short are extended over the rest of
the proper noun ("Kim Jong" + "Un", "Ri Pyong" + "-chol"), a leading article and a trailing
possessive are dropped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._gazetteer import (
    BODY,
    CAPITAL,
    COUNTRY,
    DEMONYM,
    GAZETTEER_LABELS,
    PLACE,
    SEAT,
)

__all__ = ["Mention", "find_mentions"]

PERSON, ORGANIZATION, COUNTRY_T, PLACE_T, VESSEL = (
    "Person", "Organization", "Country", "Place", "Vessel",
)  # fmt: skip
# How a capital's syntax tells a place where something happens from its government.
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "within", "across"})
_MOTION_PREPS = frozenset({"to", "from", "into"})
_MOTION_HEADS = frozenset({
    "travel", "visit", "fly", "arrive", "go", "come", "return", "trip", "journey", "head",
    "leave", "depart", "sail", "move", "delegation", "flight", "route", "port",
})  # fmt: skip
_STAT_TYPES = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE_T,
    "LOC": PLACE_T,
    "FAC": PLACE_T,
}


@dataclass
class Mention:
    """One mention: token span, type, and what it says about its entity.

    ``kind`` is ``name`` (a proper name), ``role`` (a role phrase naming no one) or ``acronym``.
    ``key`` is the country code or body name for gazetteer mentions, else None.
    ``role`` is the (country code, title) a name establishes, or a role phrase refers to.
    """

    start: int
    end: int
    type: str
    kind: str = "name"
    key: str | None = None
    country: str | None = None
    role: tuple[str | None, str] | None = None
    #: For a role phrase, the demonym inside it: its mention when the role refers to no one.
    inner: Mention | None = None

    def span(self, doc: Doc) -> Span:
        """The mention's span in ``doc``."""
        return doc[self.start : self.end]


@functools.cache
def _demonyms() -> dict[str, str]:
    return {d: c.code for c in _data.countries().values() for d in c.demonyms}


@functools.cache
def _article_bound() -> frozenset[str]:
    """Gazetteer names whose article belongs to them ("the North"), kept in mentions."""
    phrases = {p for c in _data.countries().values() for p in (*c.names, *c.seats)}
    return frozenset(p for p in phrases if p.startswith("the ") and p[4:] not in phrases)


def _title_at(doc: Doc, i: int, limit: int) -> int:
    """The number of tokens of the longest title starting at token ``i`` (0 if none)."""
    for title in _data.titles():
        words = title.split()
        n = len(words)
        if i + n <= limit and [t.lower_ for t in doc[i : i + n]] == words:
            return n
    return 0


def _title_before(doc: Doc, end: int, floor: int) -> tuple[int, str] | None:
    """A title ending just before token ``end``: (its start, the title), or None."""
    for title in _data.titles():
        n = len(title.split())
        start = end - n
        if start >= floor and " ".join(t.lower_ for t in doc[start:end]) == title:
            return start, title
    return None


def _is_name_part(tok: Token, taken: set[int]) -> bool:
    return (
        tok.i not in taken
        and tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text.isalpha()
        and _title_at(tok.doc, tok.i, len(tok.doc)) == 0
    )


def _cut_titles(doc: Doc, start: int, end: int) -> int:
    """Cut leading titles and demonyms ("Russian President Vladimir Putin" -> "Vladimir Putin")."""
    while start < end:
        n = _title_at(doc, start, end) or (1 if doc[start].text in _demonyms() else 0)
        n = n or (2 if doc[start : start + 2].text in _demonyms() and end - start > 2 else 0)
        if not n or end - start - n < 1:
            break
        start += n
    return start


def _extend(doc: Doc, start: int, end: int, taken: set[int]) -> tuple[int, int]:
    """Extend a name cut short over the rest of the proper noun, and over hyphenated parts
    ("Kim Jong" + "Un", "Ri" + "Pyong Chol", "Ri Pyong" + "-chol")."""
    while end < len(doc) and doc[end].sent == doc[start].sent:
        nxt = doc[end]
        if nxt.text == "-" and not doc[end - 1].whitespace_ and not nxt.whitespace_:
            if end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].i not in taken:
                end += 2
                continue
            break
        if _is_name_part(nxt, taken) and doc[end - 1].whitespace_:
            end += 1
            continue
        break
    while start > 0 and _is_name_part(doc[start - 1], taken):
        start -= 1
    return start, end


def _titled_name(doc: Doc, start: int, end: int) -> bool:
    """A span that is a title followed by proper nouns only: a person, whatever NER said."""
    n = _title_at(doc, start, end)
    rest = doc[start + n : end]
    return bool(n) and len(rest) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in rest)


def _appos_title(ent: Span) -> bool:
    """A name in apposition with a title word: "Ri Pyong Chol, a senior military official"."""
    for appos in (c for c in ent.root.children if c.dep_ == "appos"):
        if _title_at(ent.doc, appos.i, appos.i + 1):
            return True
    return False


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc[start:end].text
    if end - start > 1 and doc[start].lower_ == "the" and text not in _article_bound():
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


def _capital_is_place(tok: Token) -> bool:
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in _MOTION_PREPS:
        return head.head.lemma_.lower() in _MOTION_HEADS
    return tok.dep_ == "dobj" and head.lemma_.lower() in _MOTION_HEADS


def _vessel_cue_before(doc: Doc, start: int) -> bool:
    for cue in _data.vessel_cues():
        n = len(cue.split())
        if start - n >= 0 and doc[start - n : start].text.lower() == cue:
            return True
    return False


def _gazetteer_mention(ent: Span) -> Mention | None:
    label, code = ent.label_, ent.kb_id_
    if label in (COUNTRY, SEAT, DEMONYM):
        return Mention(ent.start, ent.end, COUNTRY_T, key=code, country=code)
    if label == CAPITAL:
        if _capital_is_place(ent.root):
            return Mention(ent.start, ent.end, PLACE_T, country=code)
        return Mention(ent.start, ent.end, COUNTRY_T, key=code, country=code)
    if label == PLACE:
        return Mention(ent.start, ent.end, PLACE_T, country=code)
    if label == BODY:
        return Mention(ent.start, ent.end, ORGANIZATION, key=code)
    return None


def _role_for(
    doc: Doc, start: int, mentions: list[Mention]
) -> tuple[int, tuple[str | None, str]] | None:
    """The role phrase right before a person name: (its first token, (country, title))."""
    found = _title_before(doc, start, doc[start].sent.start)
    if found is None:
        return None
    first, title = found
    prev = next((m for m in mentions if m.end == first and m.type == COUNTRY_T), None)
    if prev is not None and doc[prev.start : prev.end].text in _demonyms():
        mentions.remove(prev)
        return prev.start, (prev.key, title)
    return first, (None, title)


def _role_phrases(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """Role phrases naming no one: "the North Korean leader", "the Russian president"."""
    out = []
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        i, country = tok.i + 1, None
        demonym = next((m for m in mentions if m.start == i and m.type == COUNTRY_T), None)
        if demonym is not None and doc[demonym.start : demonym.end].text in _demonyms():
            i, country = demonym.end, demonym.key
        n = _title_at(doc, i, len(doc))
        if not n or taken.intersection(range(i, i + n)):
            continue
        after = doc[i + n] if i + n < len(doc) else None
        if after is not None and (after.i in taken or after.pos_ in ("PROPN", "NOUN")):
            continue
        title = " ".join(t.lower_ for t in doc[i : i + n])
        if demonym is not None:
            mentions.remove(demonym)
        out.append(Mention(tok.i, i + n, PERSON, kind="role", role=(country, title), inner=demonym))
    return out


def find_mentions(doc: Doc) -> list[Mention]:
    """All mentions in ``doc``, in text order, non-overlapping."""
    mentions: list[Mention] = []
    # Names may grow over untagged proper nouns and other statistical entities, never over
    # gazetteer names.
    taken = {
        i for ent in doc.ents if ent.label_ in GAZETTEER_LABELS for i in range(ent.start, ent.end)
    }
    consumed: set[int] = set()
    for ent in doc.ents:
        if consumed.intersection(range(ent.start, ent.end)):
            continue
        m = _gazetteer_mention(ent)
        if m is None:
            etype = _STAT_TYPES.get(ent.label_)
            if etype is None:
                continue
            start, end = ent.start, ent.end
            if _title_at(doc, start, ent.sent.end) >= end - start:
                continue  # a title, not a name: "Defence" of "Defence Minister"
            if etype != PERSON and _titled_name(doc, start, end):
                etype = PERSON  # "Spokesperson Dmitry Peskov" tagged as an organisation
            if etype == PERSON:
                start = _cut_titles(doc, start, end)
            start, end = _extend(doc, start, end, taken)
            if etype in (ORGANIZATION, PLACE_T) and _appos_title(doc[start:end]):
                etype = PERSON
            # A name the NER split in two ("Ri" GPE + "Chol" PERSON) is a person if any part is.
            parts = [e for e in doc.ents if e.start < end and start < e.end]
            if any(e.label_ == "PERSON" for e in parts) and etype != VESSEL:
                etype = PERSON
                start = _cut_titles(doc, start, end)
            start, end = _strip(doc, start, end)
            if _vessel_cue_before(doc, start):
                etype = VESSEL
            m = Mention(start, end, etype)
        elif m.type != PERSON:
            m.start, m.end = _strip(doc, m.start, m.end)
        mentions.append(m)
        consumed.update(range(m.start, m.end))
        taken.update(range(m.start, m.end))
    mentions.extend(_vessels(doc, taken))
    mentions.extend(_korean_names(doc, taken))
    mentions.sort(key=lambda m: m.start)
    mentions = _drop_overlaps(mentions)
    for m in list(mentions):
        if m.type == PERSON and m in mentions:
            role = _role_for(doc, m.start, mentions)
            if role is not None:
                m.role = role[1]
                m.country = role[1][0]
    mentions.extend(
        _role_phrases(doc, mentions, {i for m in mentions for i in range(m.start, m.end)})
    )
    mentions.extend(_acronyms(doc, mentions))
    mentions.sort(key=lambda m: m.start)
    return _drop_overlaps(mentions)


def _vessels(doc: Doc, taken: set[int]) -> list[Mention]:
    """Vessel names the NER missed: capitalised words right after a vessel cue."""
    out = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or not _vessel_cue_before(doc, tok.i):
            continue
        if _title_at(doc, tok.i, len(doc)) or tok.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        end = tok.i + 1
        while (
            end < len(doc)
            and end not in taken
            and doc[end].text[:1].isupper()
            and doc[end].is_alpha
        ):
            end += 1
        if tok.i > 0 and doc[tok.i - 1].i in taken:
            continue
        out.append(Mention(tok.i, end, VESSEL))
        taken.update(range(tok.i, end))
    return out


def _korean_names(doc: Doc, taken: set[int]) -> list[Mention]:
    """Korean names the NER missed: a family name and one or two given-name syllables."""
    out = []
    surnames = _data.korean_surnames()
    for tok in doc:
        if tok.i in taken or tok.text not in surnames:
            continue
        end = tok.i + 1
        parts = 0
        while end < len(doc) and parts < 2 and end not in taken:
            nxt = doc[end]
            after = doc[end + 1] if end + 1 < len(doc) else None
            if nxt.text == "-" and not nxt.whitespace_ and not doc[end - 1].whitespace_:
                if parts and after is not None and after.is_alpha and after.i not in taken:
                    end += 2  # "Ri Pyong-chol": the hyphenated syllable is part of the name
                break
            if not (nxt.is_alpha and nxt.is_title) or _title_at(doc, end, len(doc)):
                break
            end += 1
            parts += 1
        if parts:
            out.append(Mention(tok.i, end, PERSON))
            taken.update(range(tok.i, end))
    return out


def _acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An all-capitals word in brackets right after an organisation ("(KOMID)") names it too."""
    out = []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.type != ORGANIZATION or m.end + 2 >= len(doc):
            continue
        open_, word, close = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        bracketed = open_.text == "(" and close.text == ")"
        if bracketed and word.is_upper and word.is_alpha and word.i not in taken:
            out.append(Mention(word.i, word.i + 1, ORGANIZATION, kind="acronym"))
    return out


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m.end <= m.start:
            continue
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out
