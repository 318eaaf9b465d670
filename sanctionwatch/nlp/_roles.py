"""Anaphoric mentions: role phrases, plural groups and definite descriptions.

- A role phrase names an office, not a name: "the North Korean leader", "the Russian
  president", "the spokesperson". It refers to whoever the document introduced with that role.
  "A spokesperson for the Foreign Ministry" binds the role to the organisation that follows.
- A group names several entities at once: "the two leaders", "both countries", "the ministers".
- A definite description names a kind: "the tanker" (the latest vessel), "the country" (the
  document's most mentioned country), "the ministry" (the latest organisation called so).

The words come from ``anaphora.yaml`` and ``titles.yaml``; which entities they refer to is
decided in :mod:`sanctionwatch.nlp._entities`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._names import sited_at, title_at
from sanctionwatch.nlp._syntax import name_like, positions

if TYPE_CHECKING:
    from sanctionwatch.nlp._mentions import Mention

__all__ = ["anaphors"]

_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
_OPENERS = frozenset({"the", "both"})
_BINDERS = frozenset({"for", "of", "at"})


def _follows_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` continues a noun phrase, so the words before it are a modifier."""
    if i >= len(doc):
        return False
    tok = doc[i]
    return name_like(tok) or tok.pos_ in ("PROPN", "NOUN") or tok.text in ("'s", "’s")


def anaphors(doc: Doc, mentions: list[Mention], occupied: set[int]) -> list[Mention]:
    """Role phrases, groups and definite descriptions in ``doc`` not covered by ``occupied``."""
    from sanctionwatch.nlp._mentions import COUNTRY_T, ORGANIZATION, PERSON, Mention

    table = _data.anaphora()
    demonyms = _data.demonyms()
    by_start = {m.start: m for m in mentions}
    out: list[Mention] = []
    for tok in (doc[i] for i in positions(doc, ("a", "an", *_OPENERS))):
        lower = tok.lower_
        if tok.i in occupied:
            continue
        if lower in ("a", "an") and tok.i + 1 < len(doc):
            if tok.i > 0 and doc[tok.i - 1].text == ",":
                continue  # "X, a deputy director of Y": an apposition about X (see _relations)
            bound = _bound_role(doc, tok.i + 1, by_start, occupied)
            if bound is not None:
                start, end, title, kind = bound
                out.append(Mention(start, end, kind, kind="role", role=(None, title),
                                   word="bound"))  # fmt: skip
                continue
            vessel = _vessel_description(doc, tok.i + 1, table.definites)
            if vessel is not None and not any(
                m.type in (COUNTRY_T, ORGANIZATION)
                and tok.i < m.start < vessel
                and not _flag_state(doc, m.end)
                for m in mentions
            ):  # "a North Korean ship", "a Border Guard patrol vessel": the owner's, another ship
                out.append(Mention(vessel, vessel + 1, "Vessel", kind="indefinite",
                                   word=doc[vessel].lower_))  # fmt: skip
            continue
        if lower not in _OPENERS or tok.i + 1 >= len(doc):
            continue
        i, count = tok.i + 1, _NUMBERS.get(lower, 0)
        if doc[i].lower_ in _NUMBERS:
            count, i = _NUMBERS[doc[i].lower_], i + 1
        i = _past_descriptors(doc, i)
        country, demonym = None, by_start.get(i)
        if demonym is not None and demonym.type == COUNTRY_T and demonym.span(doc).text in demonyms:
            i, country = demonym.end, demonym.key
        else:
            demonym = None
        if i >= len(doc) or (occupied.intersection(range(tok.i + 1, i)) and demonym is None):
            continue
        word = doc[i].lower_
        if i + 1 < len(doc) and f"{word} {doc[i + 1].lower_}" in table.definites:
            word, i = f"{word} {doc[i + 1].lower_}", i + 1  # "the think tank"
        n = title_at(doc, i, len(doc))
        if n > 1 and count and doc[i + n - 1].lower_ in table.groups:
            # "the two foreign ministers": the group of the title's last word
            i, n, word = i + n - 1, 0, doc[i + n - 1].lower_
        if n and not occupied.intersection(range(i, i + n)) and not count:
            if _follows_name(doc, i + n) and doc[i + n].text not in ("'s", "’s"):
                continue  # "the Russian president Vladimir Putin": a title before a name
            if doc[i + n - 1].tag_ == "NNS":
                continue
            title = " ".join(t.lower_ for t in doc[i : i + n])
            bound = _bound_role(doc, i, by_start, occupied)
            if bound is not None:
                start, end, title, kind = bound
                out.append(Mention(tok.i, end, kind, kind="role", role=(None, title),
                                   word="bound"))  # fmt: skip
                continue
            out.append(Mention(tok.i, i + n, PERSON, kind="role", role=(country, title),
                               inner=demonym))  # fmt: skip
        elif (
            word in table.groups
            and lower == "the"
            and not count
            and demonym is None
            and table.groups[word].get("counted")
            and (code := _earlier_counted(doc, mentions, tok.i, doc[i].lemma_.lower())) is not None
        ):
            # "eleven Chinese firms ... the companies": the unnamed firms are their country's
            out.append(Mention(tok.i, i + 1, COUNTRY_T, key=code, country=code))
        elif word in table.groups and (
            count
            or lower == "both"
            or (
                (doc[i].tag_ in ("NNS", "NNPS") or doc[i].lower_.endswith("s"))
                and not table.groups[word].get("counted")
                # "The Parties" of a treaty, not "the parties designated today"
                and not (table.groups[word].get("capitalised")
                         and (not doc[i].text[:1].isupper() or demonym is not None))
            )
        ):
            spec = table.groups[word]
            out.append(Mention(tok.i, i + 1, str(spec.get("type", PERSON)), kind="group",
                               word=word, count=count, country=country))  # fmt: skip
        elif word in table.definites and lower == "the" and demonym is None and not count:
            if _follows_name(doc, i + 1) and doc[i + 1].text not in ("'s", "’s"):
                continue  # "the tanker Sky Harmony" names it
            spec = table.definites[word]
            own = spec.get("of_country")
            code = _people_country(doc, mentions, tok.i, table) if own else None
            if own and code is None:
                continue
            if spec.get("word") and spec.get("type") == "Organization":
                code = _body_country(doc, mentions, tok.i, word)
            out.append(Mention(tok.i, i + 1, str(spec["type"]), kind="definite", word=word,
                               country=code))  # fmt: skip
    out.extend(_delegates(doc, mentions, occupied))
    return out


def _named_after(doc: Doc, end: int) -> bool:
    """Whether a name is set off after token ``end``, maybe past a short place phrase: "the
    representative of France, X,", "Pyongyang's ambassador in Tehran, X,"."""
    for j in range(end, min(len(doc) - 1, end + 5)):
        if doc[j].text == ",":
            return name_like(doc[j + 1])
        if doc[j].is_punct or doc[j].tag_.startswith("VB"):
            return False
    return False


def _delegates(doc: Doc, mentions: list[Mention], occupied: set[int]) -> list[Mention]:
    """"China's representative", "the Russian Federation's delegate": role phrases that stand
    for the country named before them (bound to it as "owned")."""
    from sanctionwatch.nlp._mentions import COUNTRY_T, Mention

    titles = _data.delegation_titles()
    out = []
    for m in mentions:
        k = m.end + 1
        if m.type != COUNTRY_T or k >= len(doc) or doc[m.end].text not in ("'s", "’s"):
            continue
        n = title_at(doc, k, len(doc))
        title = " ".join(t.lower_ for t in doc[k : k + n])
        if (
            n
            and title in titles
            and not occupied.intersection(range(k, k + n))
            and not _named_after(doc, k + n)
        ):
            out.append(Mention(k, k + n, COUNTRY_T, kind="role", role=(None, title), word="owned"))
    return out


_PARTY_NOUNS = frozenset({"company", "firm", "entity"})


def _earlier_counted(doc: Doc, mentions: list[Mention], before: int, lemma: str) -> str | None:
    """The country of the latest group of companies named by a demonym before ``before``
    ("eleven Chinese firms", "Chinese companies"), for a later "the companies"."""
    if lemma not in _PARTY_NOUNS:
        return None
    ends = {m.end: m for m in mentions if m.type == "Country" and m.key is not None}
    for j in range(before - 1, -1, -1):
        tok = doc[j]
        if tok.lemma_.lower() not in _PARTY_NOUNS or tok.tag_ != "NNS":
            continue
        m = ends.get(j)
        if m is not None:
            return m.key  # "eleven Chinese firms", "Chinese companies"
    return None


def _flag_state(doc: Doc, end: int) -> bool:
    """Whether a country mention ending at ``end`` is a flag ("Panama-flagged")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "flagged"


def _vessel_description(doc: Doc, i: int, definites: dict[str, Any]) -> int | None:
    """The vessel word ending "a Sierra Leone-flagged cargo ship" (its index), if the phrase
    after "a" is one."""
    for j in range(i, min(i + 7, len(doc))):
        word = doc[j].lower_
        spec = definites.get(word)
        if spec is not None and spec.get("type") == "Vessel":
            return None if _follows_name(doc, j + 1) else j  # "a tanker, the X": named there
        if (doc[j].is_punct and doc[j].text != "-") or doc[j].pos_ in ("VERB", "AUX", "ADP"):
            return None
    return None


# Words between "the" and a title or kind that leave the reference as it is ("the visiting
# premier", "the Washington-based think tank").
_DESCRIPTORS = frozenset({"visiting", "outgoing", "incoming", "new", "former", "acting",
                          "senior", "top", "state-run", "state-owned"})  # fmt: skip


def _past_descriptors(doc: Doc, i: int) -> int:
    """The token after descriptors that do not change what a phrase refers to."""
    while i < len(doc):
        if doc[i].lower_ in _DESCRIPTORS:
            i += 1
        elif sited_at(doc, i + 1):
            i += 3  # "the Washington-based think tank"
        else:
            return i
    return i


def _people_country(
    doc: Doc, mentions: list[Mention], start: int, table: _data.Anaphora
) -> str | None:
    """The country of the latest "<country or demonym> <people word>" before ``start``
    ("North Korean soldiers", "three U.S. officials"), numbers and adjectives allowed between."""
    people = {w for w, spec in table.definites.items() if spec.get("of_country")}
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.start >= start or m.key is None or m.type != "Country":
            continue
        for tok in doc[m.end : min(m.end + 3, start)]:
            if tok.lower_ in people or tok.lemma_.lower() in people:
                return m.key
            if tok.pos_ not in ("ADJ", "NUM") and tok.tag_ not in ("JJ", "CD"):
                break
    return None


def _body_country(doc: Doc, mentions: list[Mention], start: int, word: str) -> str | None:
    """The country of the latest unnamed body called ``word`` before ``start``: "North Korea's
    foreign ministry", "the Japanese defence ministry"."""
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.start >= start or m.key is None or m.type != "Country":
            continue
        for tok in doc[m.end : min(m.end + 4, start)]:
            if tok.lower_ == word:
                return m.key
            if tok.text not in ("'s", "’s") and not (tok.is_alpha and not tok.is_stop):
                break  # (the sentence may be unparsed: words, not tags)
    return None


def _bound_role(
    doc: Doc, i: int, by_start: dict[int, Mention], occupied: set[int]
) -> tuple[int, int, str, str] | None:
    """A title followed by "for/of/at" and an organisation: "spokesperson for the Foreign
    Ministry" -> (title start, title end, title); or a delegation's title and a country: "the
    representative of France"."""
    n = title_at(doc, i, len(doc))
    if not n or occupied.intersection(range(i, i + n)) or i + n + 1 >= len(doc):
        return None
    if doc[i + n].lower_ not in _BINDERS:
        return None
    j = i + n + 1 + (1 if doc[i + n + 1].lower_ == "the" else 0)
    target = by_start.get(j) or by_start.get(i + n + 1)
    title = " ".join(t.lower_ for t in doc[i : i + n])
    if target is None or not (
        target.type == "Organization"
        or (
            target.type == "Country"
            and title in _data.delegation_titles()
            and not _named_after(doc, target.end)
        )
    ):
        return None
    return i, i + n, title, target.type
