"""Mentions: typed, repaired spans of a document, before they are merged into entities.

Sources: the statistical NER, the gazetteer (countries, capitals, places, bodies, media), the
datelines, vessel cue words ("the vessel X", "MV X"), Korean names the NER missed, role
phrases ("the North Korean leader", "the two ministers"), definite descriptions ("the tanker")
and bracketed acronyms. Repairs: title words tagged as names are dropped ("Defence" of "Defence
Minister"); titles and demonyms are cut from person names (the demonym stays a country mention);
a country opening an organisation's name is split off ("U.S. Department of the Treasury");
names cut short are extended over the rest of the proper noun ("Kim Jong" + "Un"); a leading
article and a trailing possessive are dropped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._gazetteer import (
    AGENCY,
    BODY,
    BODY_SEAT,
    CAPITAL,
    COUNTRY,
    DEMONYM,
    GAZETTEER_LABELS,
    LISTED,
    MEDIA,
    PLACE,
    SEAT,
)
from sanctionwatch.nlp._items import item_forms
from sanctionwatch.nlp._names import (
    FORM_WORDS,
    GEOGRAPHIC_HEADS,
    SHIP_WORDS,
    article_vessels,
    country_prefix,
    dateline_place,
    is_title_word,
    korean_names,
    legal_form,
    portfolio_at,
    ship_word_near,
    sited_at,
    title_at,
    title_before,
    title_end_words,
    vessel_cue_after,
    vessel_cue_before,
    vessel_cue_opening,
    vessel_names,
)
from sanctionwatch.nlp._roles import anaphors
from sanctionwatch.nlp._spans import (
    COUNTRY_T,
    ORGANIZATION,
    PERSON,
    PLACE_T,
    VESSEL,
    Mention,
    capital_is_place,
    cut_titles,
    extend_name,
    korean_name,
    strip_edges,
    titled_apposition,
    titled_name,
)
from sanctionwatch.nlp._syntax import BULLETS, has_syntax, line_starts, name_like, positions

__all__ = ["COUNTRY_T", "ORGANIZATION", "PERSON", "PLACE_T", "VESSEL", "Mention", "find_mentions"]


_LAW_WORDS = frozenset({"Regulations", "Act", "Order", "Decree", "Law", "Ordinance",
                        # EU legal acts: "Council Regulation (EU) 2023/1529"
                        "Regulation", "Decision", "Directive"})  # fmt: skip
_STAT_TYPES = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE_T,
    "LOC": PLACE_T,
    "FAC": PLACE_T,
}


def _table_mention(ent: Span) -> Mention | None:
    label, code = ent.label_, ent.kb_id_
    if label == SEAT and capital_is_place(ent.doc, ent.start):
        return Mention(ent.start, ent.end, PLACE_T, country=code)  # "signed in the Kremlin"
    if label in (COUNTRY, SEAT, DEMONYM):
        return Mention(ent.start, ent.end, COUNTRY_T, key=code, country=code)
    if label == CAPITAL:
        if capital_is_place(ent.doc, ent.start):
            return Mention(ent.start, ent.end, PLACE_T, country=code)
        return Mention(ent.start, ent.end, COUNTRY_T, key=code, country=code)
    if label == PLACE:
        return Mention(ent.start, _hyphenated(ent.doc, ent.end), PLACE_T, country=code)
    if label == LISTED:  # a name on a loaded sanctions list, typed as the list types it
        country = None
        if code == ORGANIZATION:  # "the Ministry of National Defence of the DPRK"
            country = _country_after(ent.doc, ent.end) or _owner_country(ent.doc, ent.start)
        return Mention(ent.start, ent.end, code, country=country)
    if label == BODY_SEAT:  # "urged Brussels to": the EU; "talks in Brussels": a place
        if capital_is_place(ent.doc, ent.start):
            return Mention(ent.start, ent.end, PLACE_T)
        return Mention(ent.start, ent.end, ORGANIZATION, key=code)
    if label in (BODY, MEDIA):
        return Mention(ent.start, ent.end, ORGANIZATION, key=code)
    if label == AGENCY:
        country = _data.agencies()[code][0]
        return Mention(ent.start, ent.end, ORGANIZATION, key=code, country=country)
    return None


def _hyphenated(doc: Doc, end: int) -> int:
    """The end of a place name continued by hyphenated capitalised parts ("Ningbo-Zhoushan")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isupper()
    ):
        end += 2
    return end


def _after_title(doc: Doc, start: int) -> bool:
    """A name in apposition after a title: "Russia's ambassador, Vassily Nebenzia,"."""
    comma = start - 1
    if comma < 1 or doc[comma].text != "," or start + 1 >= len(doc) or doc[start + 1].is_punct:
        return False
    return any(title_at(doc, i, comma) == comma - i for i in range(max(0, comma - 4), comma))


def _in_law_title(doc: Doc, start: int, end: int) -> bool:
    """A bracketed part of the title of a law: "(EU Exit) Regulations 2019"."""
    if start == 0 or doc[start - 1].text != "(" or end >= len(doc) or doc[end].text != ")":
        return False
    i = end + 1
    while i + 1 < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i, min(len(doc), i + 8)) if doc[j].text == ")"), None)
        if close is None:
            return False
        i = close + 1
    return i < len(doc) and doc[i].text in _LAW_WORDS


# Designations of weapons and aircraft the NER takes for organisations ("B-1B", "P-3C").
# Weapon and aircraft models: "B-1B", "KN-23", "Su-35", "MiG-29", "Tor-M2", "Shahed-136".
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,6}-?[A-Z]?\d{1,4}[A-Z]?(-\d+)?")


def _statistical(doc: Doc, ent: Span, taken: set[int], out: list[Mention]) -> Mention | None:
    """A statistical entity as a mention, repaired; None when it is no name."""
    etype = _STAT_TYPES.get(ent.label_)
    if etype is None:
        if ent.label_ == "PRODUCT" and _located_in(doc, ent.start, ent.end):
            return Mention(ent.start, ent.end, PLACE_T)  # "the port of Primorsk" as a product
        return None
    start, end = ent.start, ent.end
    while end - start > 1 and doc[end - 1].lower_ in ("and", "or", ","):
        end -= 1  # "ANGARA BAY and" of "the cargo ships ANGARA BAY and LENA BAY"
    sent = ent.sent
    sent_start, sent_end = sent.start, sent.end
    org_country: str | None = None
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and doc[start].is_lower and doc[start].lower_ in _data.organisation_cues():
        start, etype = start + 1, ORGANIZATION  # "exchange Harbor Coin": the cue is no name
    cue = vessel_cue_opening(doc, start, end) if etype != ORGANIZATION else 0
    if cue and not _organisation_end(doc[end - 1], PERSON):
        # "MV Lady" taken for a person: the cue, then the ship's name (a company's name may
        # hold a cue: "Tanker Pacific Management")
        taken.update(range(start, start + cue))
        start, etype = start + cue, VESSEL
    if _in_law_title(doc, start, end):
        return None  # "EU Exit" of "... (Sanctions) (EU Exit) Regulations 2019"
    if end - start > 1 and doc[end - 1].text in _LAW_WORDS:
        return None  # "the Immigration and Nationality Act": a law, not a body
    n_title = title_at(doc, start, sent_end)
    if n_title and start + n_title + 1 < end and doc[start + n_title].lower_ == "for":
        # "The High Representative for Foreign Affairs": an office with its portfolio
        office = portfolio_at(doc, start + n_title + 1)
        if office is not None and office[1] >= end:
            return None
    portfolio = portfolio_at(doc, start)
    if portfolio is not None:
        if portfolio[1] >= end:
            return None  # "Terrorism" of "Under Secretary for Terrorism and ..."
        start, etype = portfolio[1], PERSON  # "... Financial Intelligence John Hurley"
    for i in range(max(sent_start, start - 3), start + 1):
        n = title_at(doc, i, sent_end)
        if n and i + n >= end:
            return None  # a title, not a name: "Defence" of "Defence Minister", "State" of
            # "Secretary of State"
    for i in range(max(sent_start, start - 4), start):
        n = title_at(doc, i, sent_end)
        if n and start <= i + n < end and all(name_like(t) for t in doc[i + n : end]):
            # "Secretary of the Treasury Scott Bessent" tagged from "Treasury": the name
            # after the title, which no extension may reach back into
            if i + n > start:
                start, etype = i + n, PERSON
            taken.update(range(i, i + n))
            break
    if etype != PERSON and titled_name(doc, start, end):
        etype = PERSON  # "Spokesperson Dmitry Peskov" tagged as an organisation
    if etype != PERSON:
        if doc[start].lower_ == "the":
            start += 1
        government = _government_of(doc, start, end)
        if government is not None:  # "the Government of Japan" is Japan
            return Mention(start, end, COUNTRY_T, key=government, country=government)
        if (
            any(title_at(doc, i, end) for i in range(start + 1, end))
            and _holds_body(doc, start, end)
            and not _organisation_end(doc[end - 1], ORGANIZATION)  # "the North's ... Bureau"
        ):
            # "G7 Foreign Ministers of Canada": the people of a body, not a body; the table
            # names inside it stay mentions
            for span in doc._.sw_table or ():
                if start <= span.start and span.end <= end:
                    m = _table_mention(span)
                    if m is not None:
                        out.append(m)
            return None
        prefix = country_prefix(doc, start, end)
        if prefix is not None:  # "U.S. Department ...", "Russia's Ministry of Defence"
            n, code = prefix
            stop = start + n
            own = stop - 1 if doc[stop - 1].text in ("'s", "’s") else stop
            out.append(Mention(start, own, COUNTRY_T, key=code, country=code))
            start = stop
            org_country = code
            n_title = title_at(doc, start, sent_end)
            if n_title and start + n_title >= end:
                return None  # "Chinese Politburo" of "Chinese Politburo member"
            if not doc[start].text[:1].isupper():
                return None  # "Russian navy": a country's, not a name
    based = _based_prefix(doc, start, end)
    if based is not None:  # "Istanbul-based Anka Motor Sanayi": a place, then the name
        out.append(Mention(start, based, PLACE_T))
        start = based + 2
        if etype == PLACE_T:
            etype = ORGANIZATION
    if etype == PERSON:
        start = cut_titles(doc, start, end, out)
    start, end = extend_name(doc, start, end, taken, org=etype == ORGANIZATION)
    portfolio = portfolio_at(doc, start)
    if portfolio is not None and portfolio[1] >= end:
        return None  # "Natural Resources" of "Russian Natural Resources Minister"
    if portfolio is not None:
        start, etype = portfolio[1], PERSON  # not back over "... Financial Intelligence"
    if etype in (ORGANIZATION, PLACE_T) and (
        titled_apposition(doc, end) or korean_name(doc, start, end) or _after_title(doc, start)
    ):
        etype = PERSON  # "Pak Il Nam, a deputy director of ..." tagged as an organisation
    if any(doc[i].ent_type_ == "PERSON" for i in range(start, end)) and etype != VESSEL:
        if etype != PERSON:
            start = cut_titles(doc, start, end, out)
        etype = PERSON  # a name the NER split in two ("Ri" GPE + "Chol" PERSON)
    end = _through_legal_form(doc, end, taken)
    start, end = strip_edges(doc, start, end)
    if (
        etype in (PERSON, PLACE_T)
        and end - start > 1
        and (
            _organisation_end(doc[end - 1], etype)
            or _organisation_head(doc, start, end)
            # "Heihe Longjiang Rural Commercial Bank" tagged as a place ("the West Bank" is one)
            or (end - start > 2 and _organisation_end(doc[end - 1], PERSON))
        )
    ):
        etype = ORGANIZATION  # "Vostok Forwarding LLC", "Stimson Center": whatever the NER said
    if (
        etype in (PERSON, PLACE_T)
        and ((start > 0 and doc[start - 1].lower_ in _data.organisation_cues())
             or _company_apposition(doc, end))
        and not korean_name(doc, start, end)
    ):  # fmt: skip
        etype = ORGANIZATION  # "the Sydney-based exchange Koala Coin", "X, a Dubai firm,"
    if (
        vessel_cue_before(doc, start)
        or vessel_cue_after(doc, end)
        or _coordinated_vessel(doc, start, out)
    ):
        etype = VESSEL
    if (
        etype == PERSON
        or (
            etype == ORGANIZATION
            and end - start > 1
            and not any(
                _organisation_end(t, PERSON) or t.lower_ in _NOT_SHIPS for t in doc[start:end]
            )
            and country_prefix(doc, start, end + 1) is None  # "Sierra Leone Maritime ..."
        )
    ) and _article_named_vessel(doc, start, end):
        etype = VESSEL  # "met the Nora Sky off Malaysia": people take no article
    if etype in (PERSON, ORGANIZATION) and _capitals_vessel(doc, start, end):
        etype = VESSEL  # "KORSAK STAR" near "tanker": vessels are written in capitals
    if etype == VESSEL:
        end = _hull_number(doc, end, sent_end, taken)
    if end <= start or (etype != PLACE_T and _MODEL.fullmatch(doc[start:end].text)):
        return None  # "B-1B", "KN-23", "Su-35": a model of weapon or aircraft, not a body
    if etype in (ORGANIZATION, PERSON) and _goods_named(doc, start, end):
        return None  # "UAVs", "Shahed drones", "Pantsir air defense systems": goods
    if etype == ORGANIZATION and org_country is None and start > 0:
        org_country = _owner_country(doc, start)
    if etype == ORGANIZATION and org_country is None:
        org_country = _country_after(doc, end)
    if etype in (ORGANIZATION, PERSON) and _located_in(doc, start, end):
        return Mention(start, end, PLACE_T)  # "in Isfahan", "near Brest": a place
    return Mention(start, end, etype, country=org_country)


# Words of organisations' names that no ship is called after ("the White House").
_NOT_SHIPS = frozenset({
    "house", "court", "parliament", "party", "army", "navy", "police", "guard", "forces", "fleet",
    "exchange", "times", "post", "news", "administration", "authority", "treasury", "government",
    "embassy", "mission", "command", "directorate", "prosecutor", "prosecutors",
})  # fmt: skip


def _capitals_vessel(doc: Doc, start: int, end: int) -> bool:
    """A name written all in capitals (two words or more, no legal form or body word) next to
    a ship word, in this sentence or the one before: notices and registries write vessels so
    ("the Estonian Navy detained the tanker ... KORSAK STAR")."""
    words = doc[start:end]
    if (
        len(words) < 2
        or not all((t.is_alpha and t.is_upper and len(t) > 1) or t.like_num for t in words)
        or not words[0].is_alpha
    ):
        return False
    if any(_organisation_end(t, PERSON) or t.lower_ in _NOT_SHIPS or legal_form(t) for t in words):
        return False
    return ship_word_near(doc, start)


def _article_named_vessel(doc: Doc, start: int, end: int) -> bool:
    """A "person" the NER found after "the", heading its phrase, in a text about ships: "the
    Nora Sky" is a vessel (people take no article; "the Kim Jong Un regime" is a modifier)."""
    if start == 0 or doc[start - 1].lower_ != "the" or korean_name(doc, start, end):
        return False
    if doc[end - 1].lower_ in GEOGRAPHIC_HEADS:
        return False  # "the Korean Peninsula"
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].text[:1].islower():
        return False
    if not ship_word_near(doc, start):
        return False
    # a person is named without the article somewhere ("... Kim said")
    words = [t.text for t in doc[start:end]]
    for i in positions(doc, words[:1], lower=False):
        if i != start and [t.text for t in doc[i : i + len(words)]] == words and (
            i == 0 or doc[i - 1].lower_ != "the"
        ):
            return False
    return True


_LOCATIVE = frozenset({"in", "near", "outside", "off", "around"})


def _located_in(doc: Doc, start: int, end: int) -> bool:
    """A name of one or two words the NER took for a body or person, that a preposition makes
    a place: "a factory in Isfahan", "the port of Bandar Anzali", "sailed from Khor Fakkan" (not
    "a stake in Rosatom", "sold to Rosneft": the preposition must hang on a place word or, for
    "in", a verb). Read from the words before it where the sentence was not parsed."""
    words = [t for t in doc[start:end] if t.text not in _JOINERS]  # "Ust-Luga": one word
    if len(words) > 2 or start < 2:
        return False
    if any(legal_form(t) or _organisation_end(t, PERSON) for t in words):
        return False
    prep, before = doc[start - 1].lower_, doc[start - 2]
    word = before.lemma_.lower() if before.lemma_ else before.lower_
    if prep == "including" or (prep == "as" and before.lower_ == "such"):
        # "Ukrainian cities, including Kharkiv", "border towns such as Suifenhe"
        group = doc[start - 3 : start - 1] if prep == "including" else doc[start - 4 : start - 2]
        return any(t.lower_.removesuffix("s") in _SETTLEMENTS or t.lower_ == "cities"
                   for t in group)  # fmt: skip
    if prep == "of":  # "the port of Bandar Anzali"
        return word in _SETTLEMENTS or before.lower_ in _SETTLEMENTS
    if prep in ("to", "from", "at"):  # "sailed from Khor Fakkan"
        return before.lower_ in _MOVED_FORMS or word in _SETTLEMENTS
    if prep in _LOCATIVE and doc[end - 1].dep_ == "pobj":
        head = doc[start - 1].head
        return head.pos_ in ("VERB", "AUX") or head.lemma_.lower() in _PLACE_NOUNS
    return False


_SETTLEMENTS = frozenset({"port", "city", "town", "province", "region", "island", "county",
                          "district", "village", "harbour", "harbor", "oblast"})  # fmt: skip
_MOVED_FORMS = frozenset({"sailed", "sailing", "sails", "arrived", "arriving", "departed",
                          "departing", "headed", "heading", "returned", "flew", "docked",
                          "anchored", "called", "left", "bound", "steamed", "travelled",
                          "traveled", "diverted", "loaded", "unloaded", "discharged"})  # fmt: skip
_PLACE_NOUNS = frozenset({"factory", "plant", "port", "facility", "site", "base", "city",
                          "town", "office", "headquarters", "warehouse", "airport", "terminal",
                          "refinery", "shipyard", "centre", "center", "hospital", "ship",
                          "tanker", "vessel", "company", "firm", "bank", "workshop",
                          # people at a place: "prosecutors in Brest", "a partner in Almaty"
                          "prosecutor", "official", "authority", "court", "investigator",
                          "agent", "partner", "supplier", "buyer", "distributor", "trader",
                          "broker", "middleman", "branch", "subsidiary", "embassy",
                          "consulate"})  # fmt: skip
_JOINERS = frozenset({"-", "–"})


def _based_prefix(doc: Doc, start: int, end: int) -> int | None:
    """Where a "<place>-based" prefix of a name ends (the hyphen), if it has one."""
    for k in range(start + 1, min(end - 2, start + 4)):
        if sited_at(doc, k):
            return k
    return None


def _name_before(
    doc: Doc, comma: int, taken: set[int], sizes: tuple[int, ...], opens: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The longest run of ``sizes`` capitalised words (no title word) ending at ``comma`` whose
    start ``opens`` accepts, not yet taken."""
    for n in sizes:
        start = comma - n
        if start < 0 or taken.intersection(range(start, comma)):
            continue
        words = doc[start:comma]
        if not all(t.is_alpha and t.is_title and not t.is_stop for t in words):
            continue
        if any(is_title_word(t) for t in words) or not opens(start):
            continue
        return start, comma
    return None


def _apposed_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed that an apposition with a title marks as people: "Esmaeil Baghaei,
    the Iranian foreign ministry's spokesman," (two or three capitalised words opening a
    clause)."""

    def opens(start: int) -> bool:  # a clause opens with the name
        return start == 0 or doc[start - 1].is_punct or doc[start - 1].is_space

    out = []
    for comma in positions(doc, (",",)):
        found = _name_before(doc, comma, taken, (3, 2), opens)
        if found is not None and titled_apposition(doc, comma, reach=8):
            out.append(found)
            taken.update(range(*found))
    return out


def _titled_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed right after a title: "Foreign Ministry Spokesman Esmaeil Baghaei"
    (two or three proper nouns, no title, place or date among them, then a word that is not a
    name)."""
    out = []
    ends = positions(doc, title_end_words())  # a title ends just before each candidate
    for k in (i + 1 for i in ends if i + 1 < len(doc) - 1):
        if k in taken or title_before(doc, k, doc[k].sent.start) is None:
            continue
        for n in (3, 2):
            if k + n > len(doc):
                continue
            end = _hyphenated(doc, k + n)
            if taken.intersection(range(k, end)):
                continue
            words = [t for t in doc[k:end] if t.text != "-"]
            if not all(
                name_like(t) and t.is_alpha and t.ent_type_ in ("", "PERSON") for t in words
            ) or any(is_title_word(t) for t in words):
                continue
            if any(_organisation_end(t, PERSON) for t in doc[k : min(len(doc), end + 2)]):
                break  # "Aster Horizon General Trading LLC": "General" of a company's name
            if end < len(doc) and name_like(doc[end]) and doc[end].sent == doc[k].sent:
                continue
            out.append((k, end))
            taken.update(range(k, end))
            break
    return out


_ENTRY_ORGANISATION = frozenset({"company", "firm", "maker", "manufacturer", "bank", "entity",
                                 "supplier", "exporter", "importer", "operator", "owner",
                                 "trader", "agent", "subsidiary", "enterprise", "plant",
                                 "factory", "corporation", "group", "business"})  # fmt: skip
_ENTRY_PERSON = frozenset({"national", "citizen", "born", "director", "officer", "official",
                           "general", "colonel", "commander", "broker", "businessman",
                           "businesswoman", "executive", "chairman", "president"})  # fmt: skip




def _legal_form_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Company names the NER missed, read back from their legal form: "Zarin Gold General
    Trading LLC" (the capitalised words before "LLC", up to six, none taken)."""
    out = []
    for i in positions(doc, FORM_WORDS, lower=False):
        if i in taken or i == 0 or not legal_form(doc[i]):
            continue
        start = i
        while (
            start - 1 >= 0
            and i - start < 6
            and start - 1 not in taken
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].is_alpha
            and doc[start - 1].sent == doc[i].sent
            and not (doc[start - 1].is_sent_start)
        ):
            start -= 1
        first = doc[start - 1] if start >= 1 else None
        if (
            first is not None
            and first.is_sent_start
            and first.is_alpha
            and first.text[:1].isupper()
            and i - start < 6
            and first.i not in taken
        ):
            start -= 1  # the name opens the sentence
        if i - start >= 1:
            out.append((start, i + 1))
            taken.update(range(start, i + 1))
    return out


def _repeated_vessels(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Later uses of a vessel's name that nothing else recognised: "the tanker AN SAN 3 ...
    The AN SAN 3 itself was designated" (the name as written, two words or more, one word in
    capitals: "the tanker CELESTA ... CELESTA, NOOR STAR and ...", or one word after "the":
    "the cargo ship Pevek ... the Pevek")."""
    names = {tuple(t.text for t in m.span(doc)) for m in mentions if m.type == VESSEL}
    # "the cargo ship Angara ... The Angara is subject to U.S. sanctions": a one-word name the
    # NER read again as another kind of name is the ship
    for m in mentions:
        one_word = m.end - m.start == 1 and m.kind == "name" and m.key is None
        if one_word and m.type != VESSEL and (doc[m.start].text,) in names:
            m.type = VESSEL
    # a one-word name in title case only after "the" ("the Pevek"; a port is also Pevek)
    after_the = {n for n in names if len(n) == 1 and n[0].istitle() and len(n[0]) >= 4}
    names = {n for n in names
             if len(n) >= 2 or (n[0].isupper() and n[0].isalpha() and len(n[0]) >= 4)}
    names |= after_the
    if not names:
        return []
    spans = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    firsts = {n[0] for n in names}
    for t in (doc[i] for i in positions(doc, firsts, lower=False)):
        for n in sorted(names, key=len, reverse=True):
            end = t.i + len(n)
            if tuple(x.text for x in doc[t.i : end]) != n:
                continue
            if n in after_the and (t.i == 0 or doc[t.i - 1].lower_ != "the"):
                continue
            # a shorter mention inside the name is a piece of it ("The YU SON 9": "YU" read
            # as a body); any other overlap keeps the name out
            if not any(
                a < end and t.i < b and not (t.i <= a and b <= end and b - a < end - t.i)
                for a, b in spans
            ):
                out.append(Mention(t.i, end, VESSEL))
                spans.append((t.i, end))
                break
    return out


def _entry_names(doc: Doc, taken: set[int]) -> list[Mention]:
    """Names heading the entries of a bulleted list that the NER missed: "- Pavel Sorokin:
    Russian national and arms broker." (typed by the words of the description)."""
    out = []
    # line openings: after a bullet, or (as the ingest leaves Markdown lists) bare
    lines = line_starts(doc)
    openings = [i + 1 for i in [0, *lines] if i < len(doc) - 1 and doc[i].text in BULLETS]
    openings += lines
    for start in sorted(set(openings)):
        if doc[start].text in BULLETS:
            continue  # the bullet's own opening follows
        bare = start == 0 or doc[start - 1].text not in BULLETS
        colon = next((t.i for t in doc[start : start + 7] if t.text == ":"), None)
        if colon is None or colon - start < (2 if bare else 1):
            continue
        if taken.intersection(range(start, colon)):
            continue
        words = doc[start:colon]
        if not all(t.text[:1].isupper() or t.like_num or t.text in ("-", ".", "&")
                   for t in words) or any(is_title_word(t) for t in words):  # fmt: skip
            continue  # "MR PIGOTT:" of a transcript is a speaker's label
        line_end = next((t.i for t in doc[colon:] if "\n" in t.text), len(doc))
        if line_end <= colon + 2:
            continue  # "Begin Text:" heads what follows, it describes nothing
        said = {t.lower_ for t in doc[colon + 1 : min(line_end, colon + 9)]}
        if said & SHIP_WORDS:
            kind = VESSEL
        elif said & _ENTRY_PERSON or any(is_title_word(t) for t in doc[colon + 1 : colon + 4]):
            kind = PERSON
        elif said & _ENTRY_ORGANISATION:
            kind = ORGANIZATION
        else:
            continue
        out.append(Mention(start, colon, kind))
        taken.update(range(start, colon))
    return out


def _company_apposition(doc: Doc, comma: int) -> bool:
    """Whether the comma at ``comma`` opens an apposition naming a company: ", the
    Bishkek-registered front company", ", a Shenzhen electronics firm"."""
    if comma >= len(doc) or doc[comma].text != ",":
        return False
    if comma + 2 >= len(doc) or doc[comma + 1].lower_ not in ("a", "an", "the"):
        return False
    cues = _data.organisation_cues()
    for t in doc[comma + 2 : min(comma + 8, len(doc))]:
        if t.lower_ in cues:
            return True
        if (t.is_punct and t.text != "-") or t.pos_ == "ADP" or is_title_word(t):
            return False  # "a research fellow at the Asan Institute": a person's
    return False


def _apposed_bodies(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed that an apposition marks as organisations: "Altyn Trade, the
    Bishkek-registered front company," (two to four capitalised words before a comma, then
    "a"/"the" and a company word within a few words)."""

    def opens(start: int) -> bool:  # the name does not go on to the left
        before = doc[start - 1] if start else None
        return before is None or not before.text[:1].isupper() or bool(before.is_sent_start)

    out = []
    for comma in positions(doc, (",",)):
        if not _company_apposition(doc, comma):
            continue
        found = _name_before(doc, comma, taken, (4, 3, 2), opens)
        if found is not None:
            out.append(found)
            taken.update(range(*found))
    return out


# Head nouns that end the names of organisations, not of people or places.
_BODIES = frozenset({
    "center", "centre", "institute", "foundation", "university", "agency", "ministry",
    "council", "committee", "corporation", "company", "association", "bureau", "academy",
    "commission", "federation", "works",
})  # fmt: skip
# ... and, for names tagged as people only, words that also end place names ("West Bank").
_PERSON_BODIES = frozenset({
    "bank", "service", "office", "department", "party", "group", "trading", "shipping",
    "logistics", "marine", "electronics", "industries", "holdings", "systems", "technologies",
    "technology", "engineering", "services", "aerotech", "tech", "energy", "petroleum", "mining",
    "motors", "airlines", "airways", "forwarding", "trade", "import", "export", "freight",
    "payments", "finance", "capital", "investments", "securities", "insurance", "consulting",
    "solutions", "ventures", "enterprises", "chemicals", "metals", "machinery", "equipment",
    "components", "supplies", "resources", "exchange",
})  # fmt: skip


# Heads of company names (government bodies keep their country apart: "U.S. Department of ...").
_COMPANY_ENDS = frozenset({
    "company", "corporation", "lines", "industries", "group", "bank", "trading", "shipping",
    "logistics", "marine", "electronics", "holdings", "systems", "technologies", "engineering",
    "energy", "petroleum", "mining", "motors", "airlines", "airways", "forwarding", "works",
    "factory", "plant", "complex", "industrial",
})  # fmt: skip


def _country_named_bodies(doc: Doc) -> list[tuple[int, int]]:
    """Organisations whose names open with a country's: "the Iran Aircraft Manufacturing
    Industrial Company", "the Islamic Republic of Iran Shipping Lines" (capitalised words after
    the country, up to a body word or a legal form)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in (COUNTRY, PLACE, CAPITAL):
            continue  # "Amur Stroy Group LLC", "Iran Aircraft Manufacturing Industrial Company"
        j, last = ent.end, None
        while (
            j < min(ent.end + 6, ent.sent.end)
            and doc[j].is_alpha
            and (doc[j].is_title or legal_form(doc[j]))
        ):
            if doc[j].lower_ in _COMPANY_ENDS or legal_form(doc[j]):
                last = j
            j += 1
        if last is not None and last + 1 < len(doc) and doc[last + 1].lower_ == "of":
            last = None  # the name goes on: "... Industries of ..."
        if last is not None and not any(is_title_word(doc[k]) for k in range(ent.end, last + 1)):
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            out.append((start, last + 1))
    return out


def _vessel_lists(doc: Doc, mentions: list[Mention]) -> None:
    """Names listed right after a vessel's are vessels, whatever the NER took them for:
    "Kapitan Orlov, Lira and Amurskiy Bereg"."""
    for prev, m in itertools.pairwise(mentions):
        between = doc[prev.end : m.start]
        if (
            prev.type == VESSEL
            and m.type in (PERSON, ORGANIZATION, PLACE_T)
            and m.key is None
            and m.kind == "name"
            and len(between) > 0
            and all(t.lower_ in (",", "and", "or", "the") for t in between)
            and not legal_form(doc[m.end - 1])
        ):
            m.type = VESSEL


def _through_legal_form(doc: Doc, end: int, taken: set[int]) -> int:
    """A company's name cut short before title-like words: "Kavir Star" + "General Trading
    LLC" (capitalised words up to a legal form)."""
    for j in range(end, min(end + 5, len(doc))):
        tok = doc[j]
        if j in taken or not tok.text[:1].isupper():
            return end
        if legal_form(tok):
            return j + 1
    return end


def _organisation_head(doc: Doc, start: int, end: int) -> bool:
    """A body word opening a name before "for"/"of": "Center for Strategic and International
    Studies", "Institute of Geology"."""
    return (
        end - start > 2
        and doc[start].lower_ in _BODIES
        and doc[start].text[:1].isupper()
        and doc[start + 1].lower_ in ("for", "of")
    )


def _goods_named(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the NER found is goods: an item as written ("UAVs"), or a weapon's
    name before the kind of weapon it is ("Shahed drones", "Pantsir air defense systems")."""
    words = [t.lower_ for t in doc[start:end]]
    if " ".join(words) in item_forms():
        return True
    arms = item_forms("military")
    return any(" ".join(words[k:]) in arms for k in range(1, len(words)))


def _hull_number(doc: Doc, end: int, sent_end: int, taken: set[int]) -> int:
    """The end of a vessel's name with the number after it that the NER left out: "the barge
    Hong Yun" + "8"."""
    if end < sent_end and end not in taken and doc[end - 1].whitespace_:
        nxt = doc[end]
        if nxt.is_digit and len(nxt) < 4 and not (
            end + 1 < sent_end and doc[end + 1].lower_ in _UNIT_WORDS
        ):
            return end + 1
    return end


#: Words after a number that make it a count, not a hull number ("the Sky Rose 3 times").
_UNIT_WORDS = frozenset({
    "times", "time", "tonnes", "tons", "barrels", "km", "miles", "nautical", "days", "hours",
    "metres", "meters", "percent", "%",
})  # fmt: skip


def _organisation_end(tok: Token, etype: str) -> bool:
    """Whether a name's last word makes it an organisation: a legal form ("LLC"), or for a name
    tagged as a person a body word ("Stimson Center")."""
    bodies = _BODIES | _PERSON_BODIES if etype == PERSON else _BODIES
    return legal_form(tok) or (tok.lower_ in bodies and tok.text[:1].isupper())


def _coordinated_vessel(doc: Doc, start: int, found: list[Mention]) -> bool:
    """The second of two coordinated vessel names: "the ships Port Olya-3 and Port Olya-4"."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "or", ","):
        return False
    return any(m.type == VESSEL and m.end == start - 1 for m in found)


def _country_after(doc: Doc, end: int) -> str | None:
    """The country an organisation's name is "of": "the Ministry of National Defence of the
    DPRK"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    found = country_prefix(doc, j, min(len(doc), j + 5))
    return found[1] if found is not None else None


def _owner_country(doc: Doc, start: int) -> str | None:
    """The country right before an organisation's name: "Russia's Ministry of Defence",
    "the Russian Foreign Ministry"."""
    demonyms = _data.demonyms()
    if doc[start - 1].text in ("'s", "’s") and start > 1:
        prefix = country_prefix(doc, start - 2, start)
        if prefix is None:
            found = [
                s
                for s in doc._.sw_table or ()
                if s.end == start - 1 and s.label_ in (COUNTRY, CAPITAL)
            ]
            return found[0].kb_id_ if found else None
        return prefix[1]
    for k in (2, 1):
        if start - k >= 0 and doc[start - k : start].text in demonyms:
            return demonyms[doc[start - k : start].text]
    return None


def _government_of(doc: Doc, start: int, end: int) -> str | None:
    """The country a "Government of X" or "X Government" span names, if that is all it names."""
    words = [t.lower_ for t in doc[start:end]]
    if "government" not in words or len(words) < 2:
        return None
    # "the Government of the Republic of Korea": the country's full name
    k = next((i + 1 for i in range(start, end - 1) if doc[i].lower_ == "of"), None)
    if k is not None and doc[k].lower_ == "the" and k + 1 < end:
        k += 1
    if k is not None:
        whole = country_prefix(doc, k, end + 1)
        if whole is not None and whole[0] == end - k:
            return whole[1]
    # "the Government of the Republic of Lithuania" is Lithuania
    rest = [t for t in doc[start:end] if t.lower_ not in ("government", "of", "the", "republic")]
    prefix = country_prefix(doc, rest[0].i, rest[-1].i + 2) if rest else None
    if prefix is not None and prefix[0] == len(rest):
        return prefix[1]
    return None


def _holds_body(doc: Doc, start: int, end: int) -> bool:
    """Whether a span contains a table name (a body or a country) before its title word."""
    return any(s.start < end and start < s.end for s in doc._.sw_table or ())


def _datelines(doc: Doc, taken: set[int]) -> list[Mention]:
    out = []
    for start, dash in doc._.sw_datelines or ():
        found = dateline_place(doc, start, dash)
        if found is None:
            continue
        a, b, kind, key = found
        if kind == "body":
            out.append(Mention(a, b, ORGANIZATION, key=key))
        else:
            out.append(Mention(a, b, PLACE_T, country=key))
        taken.update(range(a, b))
    return out


def find_mentions(doc: Doc) -> list[Mention]:
    """All mentions in ``doc``, in text order, non-overlapping."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    mentions.extend(_datelines(doc, taken))
    for ent in doc.ents:
        if ent.label_ in GAZETTEER_LABELS and not taken.intersection(range(ent.start, ent.end)):
            taken.update(range(ent.start, ent.end))
    for a, b in _country_named_bodies(doc):
        mentions.append(Mention(a, b, ORGANIZATION))
        taken.update(range(a, b))
    consumed = set(taken)
    for ent in doc.ents:
        if consumed.intersection(range(ent.start, ent.end)) and ent.label_ not in GAZETTEER_LABELS:
            continue
        if ent.label_ in GAZETTEER_LABELS:
            if any(ent.start < m.end and m.start < ent.end for m in mentions):
                continue
            m = _table_mention(ent)
            if m is not None and m.type != PERSON:
                m.start, m.end = strip_edges(doc, m.start, m.end)
        else:
            m = _statistical(doc, ent, taken, mentions)
        if m is None:
            continue
        mentions.append(m)
        consumed.update(range(m.start, m.end))
        taken.update(range(m.start, m.end))
    mentions.extend(Mention(a, b, VESSEL) for a, b in vessel_names(doc, taken))
    mentions.extend(
        Mention(a, b, VESSEL)
        for a, b in article_vessels(doc, taken)
        if not _organisation_end(doc[b - 1], PERSON)  # "the Central Committee"
    )
    mentions.extend(Mention(a, b, PERSON) for a, b in korean_names(doc, taken))
    mentions.extend(Mention(a, b, PERSON) for a, b in _apposed_names(doc, taken))
    mentions.extend(Mention(a, b, ORGANIZATION) for a, b in _legal_form_names(doc, taken))
    mentions.extend(Mention(a, b, PERSON) for a, b in _titled_names(doc, taken))
    mentions.extend(_entry_names(doc, taken))
    mentions.extend(Mention(a, b, ORGANIZATION) for a, b in _apposed_bodies(doc, taken))
    mentions.sort(key=lambda m: m.start)
    _vessel_lists(doc, mentions)
    mentions.extend(_repeated_vessels(doc, mentions))
    mentions.sort(key=lambda m: m.start)
    mentions = _drop_overlaps(mentions)
    for m in list(mentions):
        if m.type == PERSON and m in mentions:
            role = _role_for(doc, m.start, mentions)
            if role is not None:
                m.role = role[1]
                m.country = role[1][0]
    occupied = {i for m in mentions for i in range(m.start, m.end)}
    mentions.extend(anaphors(doc, mentions, occupied))
    mentions.extend(_acronyms(doc, mentions))
    mentions.sort(key=lambda m: m.start)
    return _drop_overlaps(mentions)


def _role_for(
    doc: Doc, start: int, mentions: list[Mention]
) -> tuple[int, tuple[str | None, str]] | None:
    """The role phrase right before a person name: (its first token, (country, title))."""
    found = title_before(doc, start, doc[start].sent.start)
    if found is None:
        return None
    first, title = found
    demonyms = _data.demonyms()
    prev = next((m for m in mentions if m.end == first and m.type == COUNTRY_T), None)
    if prev is not None and doc[prev.start : prev.end].text in demonyms:
        return prev.start, (prev.key, title)
    return first, (None, title)


def _acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A short name in brackets right after an organisation's ("(KOMID)", "(Bakamla)") names it
    too; the NER's own reading of that word is dropped."""
    out = []
    single = {m.start: m for m in mentions if m.end == m.start + 1 and m.key is None}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in list(mentions):
        if m.type != ORGANIZATION or m.end + 2 >= len(doc):
            continue
        open_, word, close = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        if not (open_.text == "(" and close.text == ")" and word.is_alpha):
            continue
        if word.is_upper and word.i not in taken:
            out.append(Mention(word.i, word.i + 1, ORGANIZATION, kind="acronym"))
        elif word.is_title and single.get(word.i) is not None:
            mentions.remove(single[word.i])
            out.append(Mention(word.i, word.i + 1, ORGANIZATION, kind="acronym"))
            for other in [o for o in single.values() if o.start > word.i and o in mentions]:
                if doc[other.start].text == word.text:  # "Bakamla patrol boats" later on
                    other.type = ORGANIZATION
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


def mention_has_syntax(doc: Doc, m: Mention) -> bool:
    """Whether the mention's sentence was parsed."""
    return has_syntax(doc, doc[m.start].sent.start)
