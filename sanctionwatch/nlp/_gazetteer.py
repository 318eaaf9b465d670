"""The gazetteer: countries, capitals, places, international bodies, news media and government
agencies from the data tables, and the names on the loaded sanctions lists.

A pipeline component, registered as ``sanctionwatch_gazetteer_v1`` (spaCy allows no dots in
factory names). It matches the names in ``countries.yaml``, ``bodies.yaml``, ``media.yaml`` and
``agencies.yaml`` (case-sensitively) and writes them into ``doc.ents`` with one of the labels
below and the country code (or body, outlet or agency name) as the span's ``kb_id_``. A match
replaces the statistical entities it overlaps, unless one of those is an organisation,
facility, person or location that strictly contains it ("Russian Defence Ministry" stays an ORG,
"East China Sea" a location).

Names on the loaded lists are added with :meth:`Gazetteer.add_listed` (``extract`` does it with
its linker's names, once per linker object, through :meth:`Gazetteer.add_listed_of`): people,
organisations and vessels of two words or more, matched whatever their case as long as the text
writes them as a name ("Korea Mining Development Trading Corporation" for "KOREA MINING
DEVELOPMENT TRADING CORPORATION"), and capitalised one-word names (acronyms such as "KOMID") as
written. They get the label ``SW_LISTED`` and the entity type as ``kb_id_``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._linking import Linker, listed_names

__all__ = [
    "AGENCY",
    "BODY",
    "BODY_SEAT",
    "CAPITAL",
    "COMPONENT_NAME",
    "COUNTRY",
    "DEMONYM",
    "FACTORY",
    "GAZETTEER_LABELS",
    "LISTED",
    "LISTED_TYPES",
    "MEDIA",
    "PLACE",
    "SEAT",
    "Gazetteer",
    "make_gazetteer",
    "merge_entities",
]

# spaCy forbids "." in factory names, so the versioned name uses "_".
FACTORY = "sanctionwatch_gazetteer_v1"
COMPONENT_NAME = "sanctionwatch_gazetteer"
COUNTRY = "SW_COUNTRY"
DEMONYM = "SW_DEMONYM"
CAPITAL = "SW_CAPITAL"
BODY_SEAT = "SW_BODY_SEAT"
SEAT = "SW_SEAT"
PLACE = "SW_PLACE"
BODY = "SW_BODY"
MEDIA = "SW_MEDIA"
AGENCY = "SW_AGENCY"
LISTED = "SW_LISTED"
GAZETTEER_LABELS = frozenset(
    {COUNTRY, DEMONYM, CAPITAL, SEAT, PLACE, BODY, BODY_SEAT, MEDIA, AGENCY, LISTED}
)
#: Entity types a listed name can have.
LISTED_TYPES = frozenset({"Person", "Organization", "Vessel"})
# Small words a name written as a name may hold in lower case.
_NAME_PARTICLES = frozenset({"of", "and", "the", "for", "de", "al", "bin", "&", "-", "'s"})
# Statistical labels that keep a longer span containing a gazetteer name.
_CONTAINERS = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LOC"})


if not Doc.has_extension("sw_table"):
    Doc.set_extension("sw_table", default=None)


def _variants(phrase: str) -> list[str]:
    if phrase.startswith("the "):
        return [phrase, "The " + phrase[4:]]
    return [phrase]


class Gazetteer:
    """Match the data tables' names and write them into ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = COMPONENT_NAME) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, str]] = {}
        self._table_names: set[str] = set()
        for country in _data.countries().values():
            groups = {
                COUNTRY: (country.name, *country.names),
                DEMONYM: country.demonyms,
                CAPITAL: country.capitals,
                SEAT: country.seats,
                PLACE: country.places,
            }
            for label, phrases in groups.items():
                self._add(nlp, label, country.code, phrases)
        for body, names in _data.bodies().items():
            self._add(nlp, BODY, body, (body, *names))
        for body, seats in _data.body_seats().items():
            self._add(nlp, BODY_SEAT, body, seats)
        for outlet, names in _data.media().items():
            self._add(nlp, MEDIA, outlet, (outlet, *names))
        for agency, (_, names) in _data.agencies().items():
            self._add(nlp, AGENCY, agency, (agency, *names))
        self._nlp = nlp
        self._listed = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._listed_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._listed_seen: set[tuple[str, str]] = set()
        self._linkers: weakref.WeakSet[Linker] = weakref.WeakSet()

    def add_listed(self, names: Iterable[tuple[str, str]]) -> int:
        """Add names from sanctions lists, as ``(name, entity type)``; return how many were new.

        Names of one word are kept only when capitalised, alphabetic and not a person's; names
        the data tables already hold (a country, a body) are left to the tables.
        """
        several: dict[str, list[Doc]] = {}
        single: dict[str, list[Doc]] = {}
        for name, etype in names:
            name = " ".join(name.split())
            if etype not in LISTED_TYPES or (name, etype) in self._listed_seen:
                continue
            self._listed_seen.add((name, etype))
            if name.lower() in self._table_names or len(name) < 3:
                continue
            doc = self._nlp.make_doc(name)
            if len(doc) > 1:
                several.setdefault(etype, []).append(self._nlp.make_doc(name.lower()))
            elif etype != "Person" and name[:1].isupper() and name.isalpha():
                single.setdefault(etype, []).append(doc)
        for matcher, patterns in ((self._listed, several), (self._listed_exact, single)):
            for etype, docs in patterns.items():
                key = f"{LISTED}|{etype}"
                matcher.add(key, docs)
                self._keys[self._nlp.vocab.strings[key]] = (LISTED, etype)
        return sum(len(d) for d in several.values()) + sum(len(d) for d in single.values())

    def add_listed_of(self, linker: Linker) -> int:
        """Add the names of ``linker``'s lists (its optional ``listed_names()``) the first time
        this linker object is seen; return how many were new.

        A linker's lists are fixed once it has built its index (a ``StoreLinker`` made before a
        list is loaded does not see it), so reading every listed name again for each call of
        ``extract`` would only find them all added already.
        """
        try:
            if linker in self._linkers:
                return 0
            self._linkers.add(linker)
        except TypeError:  # an object no weak reference can point to: read its names each time
            pass
        return self.add_listed(listed_names(linker))

    def _add(self, nlp: Language, label: str, kb_id: str, phrases: tuple[str, ...]) -> None:
        if not phrases:
            return
        key = f"{label}|{kb_id}"
        self._table_names.update(p.lower() for p in phrases)
        patterns = [nlp.make_doc(v) for p in phrases for v in _variants(p)]
        self.matcher.add(key, patterns)
        self._keys[nlp.vocab.strings[key]] = (label, kb_id)

    def __call__(self, doc: Doc) -> Doc:
        table = self.matches(doc)
        doc._.sw_table = table
        doc.ents = merge_entities(list(doc.ents), table)
        return doc

    def matches(self, doc: Doc) -> list[Span]:
        """The table names in ``doc``, longest first where they overlap."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, kb_id = self._keys[match_id]
            spans.append(Span(doc, start, end, label=label, kb_id=kb_id))
        if self._listed_seen:
            found = [*self._listed(doc), *self._listed_exact(doc)]
            for match_id, start, end in found:
                if not _written_as_name(doc[start:end]):
                    continue  # "the green pine trade" in running text is no name
                label, kb_id = self._keys[match_id]
                spans.append(Span(doc, start, end, label=label, kb_id=kb_id))
        # Longest first; on a tie the one reaching further right ("the North Korean" is the
        # demonym "North Korean", not "the North").
        spans.sort(key=lambda s: (-(s.end - s.start), -s.end))
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in spans:
            if not taken.intersection(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        return chosen


def _written_as_name(span: Span) -> bool:
    """Whether every word of a span is capitalised (or a small name particle, or a number)."""
    return all(
        t.text[:1].isupper() or t.like_num or t.lower_ in _NAME_PARTICLES or not t.is_alpha
        for t in span
    ) and span[0].text[:1].isupper()


def _members_of(ent: Span, tables: list[Span]) -> bool:
    """A "person" that is a table name and title words: "G7 Ministers", "EU Foreign Ministers"
    are the body's people, so the body stands; so does the country in a title "of" it tagged as
    a name ("the Foreign Ministers of Australia")."""
    inside = {i for s in tables for i in range(s.start, s.end)}
    words_before = [t.lower_ for t in ent if t.i < min(s.start for s in tables)]
    if words_before[:1] == ["the"]:
        words_before = words_before[1:]
    if len(words_before) > 1 and words_before[-1] == "of":
        # "the Foreign Ministers of Australia" (tagged a law): the title of a country
        title = " ".join(words_before[:-1])
        if title in _data.titles() or title.removesuffix("s") in _data.titles():
            return True
    rest = [t for t in ent if t.i not in inside]
    last = rest[-1].lower_ if rest else ""
    if ent.label_ != "PERSON" or not last.endswith("s"):
        return False  # plural people only: "G7 Ministers", not "EU Commissioner Kallas"
    words = " ".join([*(t.lower_ for t in rest[:-1]), last[:-1]])
    return words in _data.titles() or last[:-1] in _data.titles()


def merge_entities(statistical: list[Span], table: list[Span]) -> list[Span]:
    """Statistical entities and table matches as one list for ``doc.ents``.

    A table match replaces the statistical entities it overlaps, unless one of those is an
    organisation, facility or person that strictly contains it.
    """
    chosen = list(table)
    kept = []
    for ent in statistical:
        overlapping = [s for s in chosen if s.start < ent.end and ent.start < s.end]
        if not overlapping:
            kept.append(ent)
            continue
        contains_all = all(ent.start <= s.start and s.end <= ent.end for s in overlapping)
        longer = ent.end - ent.start > max(s.end - s.start for s in overlapping)
        if ent.label_ in _CONTAINERS and contains_all and longer and not _members_of(
            ent, overlapping
        ):
            chosen = [s for s in chosen if s not in overlapping]
            kept.append(ent)
    return filter_spans([*kept, *chosen])


@Language.factory(FACTORY, default_config={})
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """Build the gazetteer component from the package's data tables."""
    return Gazetteer(nlp, name)
