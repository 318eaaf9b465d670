"""Reading a name into comparable parts, remembering how each part was written.

``analyse("Dr. KIM, Yo-jong", kind=PERSON)`` cleans the text (:mod:`._text`), writes every word
in Latin letters (:mod:`._translit`), splits hyphens and punctuation, drops titles (persons),
legal forms (organisations) and ship prefixes (vessels), splits run-together Arabic particles,
marks parts that weigh little (particles, patronymics) and finds the surname where it can: a
surname-first list form ("KIM, Yo Jong"), a Korean name, or a surname the list states.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import OSA

from sanctionwatch.names._data import Phrase, fold, name_data
from sanctionwatch.names._korean import korean_surname, looks_korean
from sanctionwatch.names._text import clean_text
from sanctionwatch.names._translit import latinise_word

__all__ = [
    "ANY",
    "INITIAL",
    "KINDS",
    "NOTES",
    "ORG",
    "PARTICLE",
    "PATRONYMIC",
    "PERSON",
    "PLAIN",
    "VESSEL",
    "Analysis",
    "Part",
    "analyse",
    "weight_class",
]

PERSON, ORG, VESSEL, ANY = "person", "org", "vessel", "any"
KINDS = (PERSON, ORG, VESSEL, ANY)
#: What :attr:`Part.note` may say, in the order the index codes it.
NOTES = (
    "",
    "hyphen",
    "joined",
    "Arabic",
    "Hebrew",
    "Cyrillic",
    "Greek",
    "Georgian",
    "Armenian",
    "Hangul",
    "Han",
    "Kana",
    "Thai",
    "Devanagari",
    "Other",
)
#: Weight classes of a part: a plain name part, a particle (al, bin, de, jr, a title inside a
#: name), a patronymic (Kuzhugetovich), an initial (J.).
PLAIN, PARTICLE, PATRONYMIC, INITIAL = 0, 1, 2, 3

_SPLIT = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb`\u00b4\u2032]")
_MAX_PHRASE = 5
_LATIN_NOTES = ("", "hyphen")
_MAX_MASK = 62


class Part(NamedTuple):
    """One comparable part of a name."""

    text: str
    #: the word as written, before cleaning and transliteration ("Yo-jong", "박").
    source: str
    #: how the part was derived from its word: "", "hyphen", or the script it was written in.
    note: str
    #: :data:`PLAIN`, :data:`PARTICLE`, :data:`PATRONYMIC` or :data:`INITIAL`.
    weight_class: int
    #: which written word (0, 1, ...) the part comes from.
    word: int = 0


@dataclass(frozen=True)
class Analysis:
    """A name read into parts."""

    original: str
    parts: tuple[Part, ...]
    #: the surname's parts, as a bit mask of indices into :attr:`parts` (0: not known).
    surname: int
    #: whether the name looks like a romanised Korean name (each syllable a given-name part).
    korean: bool
    #: what was set aside: ``"title Dr"``, ``"legal form LLC"``, ``"prefix MV"``.
    dropped: tuple[str, ...]
    #: what cleaning did: invisible characters, look-alike letters, surname-first form.
    notes: tuple[str, ...]

    @property
    def texts(self) -> list[str]:
        """The parts' normalised texts."""
        return [p.text for p in self.parts]


def analyse(name: str, *, kind: str = ANY, last_name: str | None = None) -> Analysis:
    """Read a name into parts.

    :param kind: :data:`PERSON`, :data:`ORG`, :data:`VESSEL` or :data:`ANY` (type unknown):
        decides which of titles, legal forms and ship prefixes are set aside.
    :param last_name: the surname where the list states it (FtM ``lastName``).
    """
    cleaned = clean_text(name, person=kind in (PERSON, ANY))
    notes = list(cleaned.notes)
    text = cleaned.text
    first_words = 0
    pieces = text.split(",")
    if kind in (PERSON, ANY) and len(pieces) == 2 and pieces[0].strip() and pieces[1].strip():
        first_words = len(pieces[0].split())
        if first_words > 3:
            first_words = 0
        else:
            notes.append("written surname first")
    parts: list[Part] = []
    surname_parts = 0
    for index, word in enumerate(text.replace(",", " ").split()):
        new = _word_parts(word, index)
        if index < first_words:
            surname_parts += len(new)
        parts.extend(new)
    dropped: list[str] = []
    if kind in (PERSON, ANY):
        surname_parts -= _drop_leading(parts, name_data().titles, "title", dropped)
    if kind in (VESSEL, ANY):
        surname_parts -= _drop_leading(parts, name_data().vessel_prefixes, "prefix", dropped)
    if kind in (ORG, ANY):
        _drop_legal_forms(parts, dropped)
    parts = _arabic_splits(parts)
    parts = [p._replace(weight_class=weight_class(p.text)) for p in parts]
    texts = [p.text for p in parts]
    surname = (1 << min(surname_parts, _MAX_MASK)) - 1 if first_words and surname_parts > 0 else 0
    korean = False
    if kind in (PERSON, ANY):
        position = looks_korean(texts)
        korean = position >= 0
        if not surname and korean:
            if position == 0 and parts[0].note == "hyphen" and korean_surname(texts[-1]):
                position = len(texts) - 1  # "Chang-Su Han": the hyphen joins the given name
            surname = 1 << position
        if not surname:
            surname = _upper_case_surname(parts)
    if not surname and last_name:
        for word in fold(last_name).split():
            if word in texts and texts.index(word) < _MAX_MASK:
                surname |= 1 << texts.index(word)
    if kind in (PERSON, ANY) and not korean:
        parts = _mark_patronymic(parts, surname)
    return Analysis(name, tuple(parts), surname, korean, tuple(dropped), tuple(notes))


def _word_parts(word: str, index: int) -> list[Part]:
    latin, script = latinise_word(_APOSTROPHES.sub("", word))
    texts = [t for t in _SPLIT.split(latin) if t]
    note = script or ("hyphen" if len(texts) > 1 and "-" in word else "")
    if script == "Arabic":
        texts = [s for t in texts for s in _split_article(t)]
    return [Part(t, word, note, PLAIN, index) for t in texts]


def _split_article(text: str) -> list[str]:
    for article in ("al", "el"):
        if text.startswith(article) and len(text) > len(article) + 2:
            return [article, text[len(article) :]]
    return [text]


def _match_phrase(parts: list[Part], start: int, phrases: frozenset[Phrase]) -> int:
    """How many parts from ``start`` form one of ``phrases`` (words written in Latin letters
    only: "عمر" is Umar, not "Mr")."""
    if start >= len(parts) or parts[start].text not in _first_words(phrases):
        return 0
    for size in range(min(_MAX_PHRASE, len(parts) - start), 0, -1):
        span = parts[start : start + size]
        if all(p.note in _LATIN_NOTES for p in span) and tuple(p.text for p in span) in phrases:
            return size
    return 0


@functools.lru_cache(maxsize=16)
def _first_words(phrases: frozenset[Phrase]) -> frozenset[str]:
    return frozenset(phrase[0] for phrase in phrases)


def _drop_leading(
    parts: list[Part], phrases: frozenset[Phrase], label: str, dropped: list[str]
) -> int:
    removed = 0
    while True:
        size = _match_phrase(parts, 0, phrases)
        if not size or size >= len(parts):
            return removed
        sources = dict.fromkeys(p.source for p in parts[:size])
        dropped.append(f"{label} {' '.join(sources)}")
        del parts[:size]
        removed += size


def _drop_legal_forms(parts: list[Part], dropped: list[str]) -> None:
    forms = name_data().legal_forms
    phrases = frozenset(forms)
    start = 0
    while start < len(parts):
        size = _match_phrase(parts, start, phrases)
        form = forms[tuple(p.text for p in parts[start : start + size])] if size else None
        if not size and parts[start].note in _LATIN_NOTES:
            form, size = _misspelt_legal_form(parts[start].text), 1
        if form and size < len(parts):
            dropped.append(f"legal form {form.upper()}")
            del parts[start : start + size]
        else:
            start += 1


@functools.lru_cache(maxsize=1 << 14)
def _misspelt_legal_form(text: str) -> str | None:
    """The legal form a long word is one typing error away from ("Companu" -> CO), or None."""
    if len(text) < 6:
        return None
    for phrase, form in name_data().legal_forms.items():
        single = len(phrase) == 1 and len(phrase[0]) >= 6
        if single and OSA.distance(text, phrase[0], score_cutoff=1) <= 1:
            return form
    return None


def _arabic_splits(parts: list[Part]) -> list[Part]:
    data = name_data()
    out: list[Part] = []
    for part in parts:
        words = data.arabic_splits.get(part.text)
        if words is None:
            for prefix, canonical in data.arabic_prefixes.items():
                rest = part.text[len(prefix) :]
                if part.text.startswith(prefix) and len(rest) >= 3 and rest not in ("lah",):
                    words = (canonical, rest)
                    break
        if words is None:
            out.append(part)
        else:
            out.extend(part._replace(text=w, note=part.note or "joined") for w in words)
    return out


@functools.lru_cache(maxsize=1 << 16)
def weight_class(text: str) -> int:
    """:data:`PARTICLE`, :data:`PATRONYMIC` or :data:`PLAIN` for a normalised part."""
    data = name_data()
    if len(text) == 1 and text.isalpha():
        return INITIAL
    if (
        text in data.particles
        or text in data.articles
        or text in data.arabic_particles
        or (text,) in data.titles
    ):
        return PARTICLE
    return PLAIN


def _upper_case_surname(parts: list[Part]) -> int:
    """The parts written in capitals among parts that are not ("Sergei SHOIGU"), as a mask."""
    upper = [p.source.isupper() and sum(c.isalpha() for c in p.source) >= 2 for p in parts]
    lower = [any(c.islower() for c in p.source) for p in parts]
    if not any(upper) or not any(lower) or len(parts) > _MAX_MASK:
        return 0
    return sum(1 << i for i, flag in enumerate(upper) if flag)


def _after_bin(parts: list[Part], i: int) -> bool:
    """Whether part ``i`` follows "bin" (articles and "abd"/"abu" in between)."""
    data = name_data()
    j = i - 1
    while j >= 0 and (
        parts[j].text in data.articles
        or data.arabic_particles.get(parts[j].text) in ("abd", "abu", "umm")
    ):
        j -= 1
    return j >= 0 and data.arabic_particles.get(parts[j].text) in ("bin", "bint")


def _mark_patronymic(parts: list[Part], surname: int) -> list[Part]:
    """Mark the patronymic: a Russian -ovich/-evna part, and the father's and grandfather's
    names of an Arabic nasab (after "bin", or between the first and last names of a name
    written in Arabic script)."""
    data = name_data()
    endings = data.patronymic_endings
    plain = [i for i, p in enumerate(parts) if p.weight_class == PLAIN]
    if len(plain) >= 3 and sum(p.note == "Arabic" for p in parts) * 2 > len(parts):
        # a name written in Arabic: given name, father's and grandfather's names, family name
        for i in plain[1:-1]:
            if not (surname >> i) & 1:
                parts[i] = parts[i]._replace(weight_class=PATRONYMIC)
    found = False
    for i, part in enumerate(parts):
        if i == 0 or part.weight_class != PLAIN or (surname >> i) & 1:
            continue
        if _after_bin(parts, i):
            parts[i] = part._replace(weight_class=PATRONYMIC)
        elif not found and any(
            part.text.endswith(e) and len(part.text) >= len(e) + 2 for e in endings
        ):
            parts[i] = part._replace(weight_class=PATRONYMIC)
            found = True
    return parts
