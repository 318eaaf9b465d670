"""Name parts that are the same in another spelling: keys, and the similarity of two parts.

Every part gets keys under which its variants meet:

- ``ko``: the Korean romanisation key (Pyong = Byeong, Chol = Cheol = Chul, Ri = Rhee = Lee);
- ``ru``: the Russian transliteration key (Sergey = Sergei, Shoygu = Shoigu, Yuriy = Yury);
- ``eq``: the canonical spelling from a table of equivalent spellings (Muhammad = Mohammed,
  Aleksandr = Alexander, Ibn = Bin), with the table's name;
- ``phon``: the metaphone (rigour), for parts of four letters or more;
- ``cons``: the consonant skeleton, compared for parts written in an abjad (Arabic script
  gives "mhmd" for Muhammad, "aymn" for Ayman).

:func:`similarity` compares two parts and says why they are alike.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from rapidfuzz.distance import OSA
from rigour.text.phonetics import metaphone

from sanctionwatch.names._data import name_data
from sanctionwatch.names._korean import korean_key

__all__ = [
    "Keys",
    "Reason",
    "edit_budget",
    "part_keys",
    "russian_key",
    "similarity",
]

# Letters that transliterations of one Arabic letter disagree on: dh/z/d, th/t, q/k, gh/g...
_DIGRAPHS = re.compile(r"dh|th|gh|kh|sh|ph|dj")
_DIGRAPH_CLASS = {"dh": "d", "th": "t", "gh": "g", "kh": "k", "sh": "s", "ph": "f", "dj": "j"}
_CONSONANT_CLASSES = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b", "z": "d"})
_SKELETON_DROP = re.compile(r"[aeiouwy]+|h$")

#: Similarity of two parts by how they are alike; tunables of the matcher
#: (see :data:`sanctionwatch.names._score.CONFIG`).
SIM_EQUIVALENT = 0.97
SIM_TRANSLIT = 0.93
SIM_SKELETON = 0.9
SIM_PHONETIC = 0.6
SIM_TYPO_MAX = 0.95
SIM_INITIAL = 0.7


class Reason:
    """Why two parts are alike (codes, so that they are cheap to store)."""

    EXACT = 0
    EQUIVALENT = 1
    KOREAN = 2
    RUSSIAN = 3
    TYPO = 4
    PHONETIC = 5
    SKELETON = 6
    INITIAL = 7
    NONE = 9


class Keys(NamedTuple):
    """The keys of one name part."""

    text: str
    ko: str
    ru: str
    eq: str
    eq_table: str
    phon: str
    cons: str
    numeric: bool
    #: written in an abjad (Arabic, Hebrew): short vowels are missing, compare consonants.
    abjad: bool


@functools.lru_cache(maxsize=1 << 17)
def russian_key(part: str) -> str:
    """One spelling for the transliterations of a Russian name part."""
    for pattern, replacement in name_data().russian_rules:
        part = pattern.sub(replacement, part)
    return part


def _skeleton(part: str) -> str:
    """Consonants only, in classes: Muhammad, Mohammed, mhmd -> mhmd; Fazal, fdl -> fdl."""
    out = _DIGRAPHS.sub(lambda m: _DIGRAPH_CLASS[m.group()], part).translate(_CONSONANT_CLASSES)
    out = _SKELETON_DROP.sub("", re.sub(r"(.)\1+", r"\1", out))
    return re.sub(r"(.)\1+", r"\1", out)


@functools.lru_cache(maxsize=1 << 18)
def part_keys(part: str, abjad: bool = False) -> Keys:
    """Every key of one normalised name part.

    :param abjad: the part was written in an abjad script (Arabic, Hebrew).
    """
    numeric = any(c.isdigit() for c in part)
    if numeric:
        return Keys(part, part, part, "", "", "", part, True, False)
    eq, table = name_data().equivalents.get(part, ("", ""))
    phon = metaphone(part) if len(part) >= 4 else ""
    return Keys(
        part, korean_key(part), russian_key(part), eq, table, phon, _skeleton(part), False, abjad
    )


def edit_budget(length: int) -> int:
    """How many typing errors a part of this many letters may carry and still match."""
    if length <= 1:
        return 0
    if length <= 5:
        return 1
    if length <= 9:
        return 2
    return 3


_MEMO: dict[tuple[str, str], tuple[float, int]] = {}
_MEMO_SIZE = 1 << 20


def similarity(a: Keys, b: Keys) -> tuple[float, int]:
    """How alike two parts are, in [0, 1], and why (a :class:`Reason` code)."""
    if a.text == b.text:
        return 1.0, Reason.EXACT
    if a.abjad or b.abjad:
        return _similarity(a, b)
    pair = (a.text, b.text)
    found = _MEMO.get(pair)
    if found is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[pair] = _similarity(a, b)
    return found


def _similarity(a: Keys, b: Keys) -> tuple[float, int]:
    if a.numeric or b.numeric:
        return _numeric(a.text, b.text)
    if len(a.text) == 1 or len(b.text) == 1:
        if a.text[0] == b.text[0]:
            return SIM_INITIAL, Reason.INITIAL
        return 0.0, Reason.NONE
    if a.eq and a.eq == b.eq:
        return SIM_EQUIVALENT, Reason.EQUIVALENT
    if a.ru == b.ru:
        return SIM_TRANSLIT, Reason.RUSSIAN
    if a.ko == b.ko:
        return SIM_TRANSLIT, Reason.KOREAN
    best, reason = 0.0, Reason.NONE
    shortest = min(len(a.text), len(b.text))
    budget = edit_budget(shortest)
    if budget:
        longest = max(len(a.text), len(b.text))
        dist = OSA.distance(a.text, b.text, score_cutoff=budget)
        if dist <= budget:
            best, reason = min(SIM_TYPO_MAX, 1.0 - dist / longest), Reason.TYPO
        for ka, kb, why in ((a.ru, b.ru, Reason.RUSSIAN), (a.ko, b.ko, Reason.KOREAN)):
            dist = OSA.distance(ka, kb, score_cutoff=budget)
            if dist <= budget:
                sim = SIM_TRANSLIT * (1.0 - dist / max(len(ka), len(kb), 1))
                if sim > best:
                    best, reason = sim, why
    if a.phon and a.phon == b.phon and best < SIM_PHONETIC:
        best, reason = SIM_PHONETIC, Reason.PHONETIC
    short = max(len(a.text), len(b.text)) <= 5
    if best < SIM_SKELETON and (a.abjad or b.abjad) and (len(a.cons) >= 2 or short):
        if a.cons and a.cons == b.cons:
            best, reason = SIM_SKELETON, Reason.SKELETON
        elif (
            min(len(a.cons), len(b.cons)) >= 3 and OSA.distance(a.cons, b.cons, score_cutoff=1) < 2
        ):
            best, reason = SIM_SKELETON * 0.9, Reason.SKELETON
    return best, reason


def _numeric(a: str, b: str) -> tuple[float, int]:
    """Numbers match only exactly; letters around the same digits may carry a typo (MM2686)."""
    digits_a = "".join(c for c in a if c.isdigit())
    if digits_a != "".join(c for c in b if c.isdigit()) or a.isdigit() or b.isdigit():
        return 0.0, Reason.NONE
    if OSA.distance(a, b, score_cutoff=1) <= 1:
        return min(SIM_TYPO_MAX, 1.0 - 1 / max(len(a), len(b))), Reason.TYPO
    return 0.0, Reason.NONE
