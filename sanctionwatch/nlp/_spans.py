"""Mention spans and the repairs to their edges.

A mention is a typed token span. The repairs: titles and demonyms cut from person names (the
demonym stays a country mention); names cut short extended over the rest of the proper noun
("Kim Jong" + "Un", "Ri Pyong" + "-chol", "U.S. Department" + "of the Treasury"); a leading
article and a trailing possessive dropped. Also the tests the mention finder asks of a span: a
title followed by proper nouns, a titled apposition, a Korean name, a capital used as a place.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._names import SITED, legal_form, one_word_vessel_cues, title_at
from sanctionwatch.nlp._syntax import name_like, span_text

__all__ = [
    "COUNTRY_T",
    "ORGANIZATION",
    "PERSON",
    "PLACE_T",
    "VESSEL",
    "Mention",
    "capital_is_place",
    "cut_titles",
    "extend_name",
    "korean_name",
    "strip_edges",
    "titled_apposition",
    "titled_name",
]

PERSON, ORGANIZATION, COUNTRY_T, PLACE_T, VESSEL = (
    "Person", "Organization", "Country", "Place", "Vessel",
)  # fmt: skip
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "within", "across", "over"}
)
_MOTION_PREPS = frozenset({"to", "from", "into"})
_MOTION_WORDS = frozenset({
    "travel", "travelled", "traveled", "travels", "travelling", "traveling", "visit", "visited",
    "visits", "visiting", "fly", "flew", "flown", "flies", "arrive", "arrived",
    "arrives", "go", "went", "come", "came", "return", "returned", "returns", "trip", "journey",
    "head", "headed", "leave", "left", "depart", "departed", "sail", "sailed", "move", "moved",
    "delegation", "flight", "route", "port", "tour", "toured", "voyage", "voyages",
})  # fmt: skip


@dataclass
class Mention:
    """One mention: token span, type, and what it says about its entity.

    ``kind`` is ``name`` (a proper name), ``role`` (a role phrase naming no one), ``group`` (a
    plural phrase for several entities), ``definite`` ("the tanker") or ``acronym``.
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
    #: For a definite description or group: the word that says what it refers to.
    word: str | None = None
    #: For a group: how many it names ("the two leaders"), 0 when it does not say.
    count: int = 0

    def span(self, doc: Doc) -> Span:
        """The mention's span in ``doc``."""
        return doc[self.start : self.end]


@functools.cache
def _article_bound() -> frozenset[str]:
    """Gazetteer names whose article belongs to them ("the North"), kept in mentions."""
    phrases = {p for c in _data.countries().values() for p in (*c.names, *c.seats)}
    return frozenset(p for p in phrases if p.startswith("the ") and p[4:] not in phrases)


def _is_name_part(tok: Token, taken: set[int]) -> bool:
    return tok.i not in taken and name_like(tok) and not title_at(tok.doc, tok.i, len(tok.doc))


_OPENING_TAGS = frozenset({"NN", "NNP", "NNPS"})


def _opening_part(tok: Token, start: int, end: int, taken: set[int]) -> bool:
    """A sentence's first word that the parser made part of the company name after it, though
    the tagger, seeing it capitalised where every word is, took it for a common noun: "Zenit"
    in "Zenit Trading LLC shipped ...". Only before a name that ends in a legal form: "Tanker"
    in "Tanker Ji Song 6 delivered ..." is tagged and attached the same way."""
    return (
        legal_form(tok.doc[end - 1])
        and bool(tok.is_sent_start)
        and tok.i not in taken
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_stop
        and tok.tag_ in _OPENING_TAGS
        and tok.dep_ == "compound"
        and start <= tok.head.i < end
        and not title_at(tok.doc, tok.i, len(tok.doc))
    )


def cut_titles(doc: Doc, start: int, end: int, out: list[Mention]) -> int:
    """Cut leading titles and demonyms ("Russian President Vladimir Putin" -> "Vladimir Putin");
    a demonym cut off stays a mention of its country."""
    demonyms = _data.demonyms()
    while start < end:
        n = title_at(doc, start, end)
        if not n:
            for k in (2, 1):
                code = demonyms.get(doc[start : start + k].text)
                if code and end - start > k:
                    out.append(Mention(start, start + k, COUNTRY_T, key=code, country=code))
                    n = k
                    break
        if not n or end - start - n < 1:
            break
        start += n
    return start


def extend_name(doc: Doc, start: int, end: int, taken: set[int], org: bool) -> tuple[int, int]:
    """Extend a name cut short over the rest of the proper noun, over hyphenated parts
    ("Kim Jong" + "Un", "Ri Pyong" + "-chol") and, for organisations, over "of (the) X"
    ("U.S. Department" + "of the Treasury")."""
    sent_end = doc[start].sent.end
    while end < sent_end:
        nxt = doc[end]
        if nxt.text == "-" and not doc[end - 1].whitespace_ and not nxt.whitespace_:
            if (
                end + 1 < sent_end
                and doc[end + 1].is_alpha
                and end + 1 not in taken
                and doc[end + 1].lower_ not in SITED
            ):
                end += 2
                continue
            break  # "Istanbul-based Anka Motor": the place ends at the hyphen
        if org and nxt.lower_ == "of":
            k = end + 1 + (1 if end + 1 < sent_end and doc[end + 1].lower_ == "the" else 0)
            if (
                k < sent_end
                and k not in taken
                and name_like(doc[k])
                and not title_at(doc, k, sent_end)
            ):
                end = k + 1
                continue
            break
        if _is_name_part(nxt, taken) and doc[end - 1].whitespace_:
            end += 1
            continue
        break
    while start > 0 and doc[start - 1].sent == doc[start].sent:
        if not org and doc[start - 1].lower_ in one_word_vessel_cues():
            break  # "Freighter Angara carried ...": the ship's name starts after its cue (a
            # company's may hold one: "Tanker Pacific Management")
        if _is_name_part(doc[start - 1], taken) or _opening_part(doc[start - 1], start, end, taken):
            start -= 1
        elif (
            start > 1
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and _is_name_part(doc[start - 2], taken)
        ):
            start -= 2  # "Thomas-" + "Greenfield"
        else:
            break
    return start, end


def titled_name(doc: Doc, start: int, end: int) -> bool:
    """A span that is a title followed by proper nouns only: a person, whatever NER said."""
    n = title_at(doc, start, end)
    rest = doc[start + n : end]
    return bool(n) and len(rest) >= 2 and all(name_like(t) for t in rest)


def titled_apposition(doc: Doc, end: int, reach: int = 5) -> bool:
    """A name followed by an apposition holding a title within ``reach`` words: "X, a senior
    military official"."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    for i in range(end + 1, min(len(doc), end + 1 + reach)):
        if doc[i].text in (",", ".", ";") or doc[i].tag_.startswith("VB"):
            return False
        if title_at(doc, i, len(doc)) and not (
            i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s")
        ):
            return True
    return False


def korean_name(doc: Doc, start: int, end: int) -> bool:
    """A Korean family name and given-name syllables only: "Pak Il Nam"."""
    table = _data.korean_surnames()
    words = [t.text for t in doc[start:end]]
    return (
        2 <= len(words) <= 3
        and words[0] in table.plain
        and all(w in table.syllables for w in words[1:])
    )


_TRAILING = frozenset({"of", "the", "and", "for", ",", "-"})


def strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = span_text(doc, start, end)
    if end - start > 1 and doc[start].lower_ == "the" and text not in _article_bound():
        start += 1
    if end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    # "Ministry of National Defence of the" when a country took "DPRK": no name ends so
    while end - start > 1 and doc[end - 1].lower_ in _TRAILING:
        end -= 1
    return start, end


def capital_is_place(doc: Doc, start: int) -> bool:
    """A capital where something happens ("talks in Pyongyang", "travel to Moscow"), read from
    the words before it."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "capital", "city", "of", "port"):
        i -= 1
    if i < 0:
        return False
    prev = doc[i].lower_
    if prev in _LOCATIVE_PREPS:
        return True
    if prev in _MOTION_PREPS:
        words = [t.lower_ for t in doc[max(0, i - 4) : i]]
        if not any(w in _MOTION_WORDS for w in words):
            return False
        # "flew missile components to Moscow": goods reach its government
        after = words[max(k for k, w in enumerate(words) if w in _MOTION_WORDS) + 1 :]
        return not any(t.tag_.startswith("NN") or (not t.tag_ and t.is_alpha and not t.is_stop)
                       for t in doc[i - len(after) : i])  # fmt: skip
    return prev in _MOTION_WORDS
