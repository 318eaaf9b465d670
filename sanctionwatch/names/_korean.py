"""Korean names: Hangul romanisation, the romanisation key, and what a Korean name looks like.

Korean names reach the lists in McCune-Reischauer (Ch'oe Sŏn-hŭi), its DPRK variant (Choe Son
Hui), Revised Romanization (Choe Seon-hui), personal spellings (Choi Sun-hee) and Hangul
(최선희). Hangul is romanised syllable by syllable from its jamo (the tables in
``data/names/korean_romanisation.yaml``); the key rewrites any romanised syllable to one
spelling so that the systems meet.
"""

from __future__ import annotations

import functools
import re

from sanctionwatch.names._data import name_data

__all__ = [
    "is_hangul_syllable",
    "korean_key",
    "korean_surname",
    "looks_korean",
    "romanise_hangul",
]

_FIRST, _LAST = 0xAC00, 0xD7A3
# One romanised Korean syllable in any of the systems (initial, vowel, final), for telling
# Korean names from others. Two syllables may be written as one part ("Yojong").
_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|tch|ch|kh|th|ph|sh|[kgntdrlmpbsjhc])?"
    r"(?:yae|wae|weo|yeo|eui|ae|ya|eo|ye|yo|wa|oe|wo|we|wi|yu|eu|ui|ee|oo|ou|oi|ai|[aeiou])"
    r"(?:ng|ck|[kntlmpgdb])?"
)
_KOREAN_PART = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")


def is_hangul_syllable(char: str) -> bool:
    """Whether a character is a precomposed Hangul syllable (가-힣)."""
    return _FIRST <= ord(char) <= _LAST


def romanise_hangul(word: str) -> list[str]:
    """The romanised syllables of a word in Hangul, one per syllable: 박봉주 -> pak pong ju.

    Characters that are not Hangul syllables are kept as they are, between syllables.
    """
    data = name_data()
    out: list[str] = []
    for char in word:
        code = ord(char) - _FIRST
        if 0 <= code <= _LAST - _FIRST:
            initial, rest = divmod(code, 588)
            medial, final = divmod(rest, 28)
            out.append(
                data.hangul_initials[initial]
                + data.hangul_medials[medial]
                + data.hangul_finals[final]
            )
        elif out and not char.isspace():
            out[-1] += char
        elif not char.isspace():
            out.append(char)
    return out


@functools.lru_cache(maxsize=1 << 17)
def korean_key(part: str) -> str:
    """One spelling for the romanisations of a name part: Pyong, Byeong, Pyung -> byong."""
    canonical = name_data().korean_surnames.get(part)
    if canonical is not None:
        part = canonical
    for pattern, replacement in name_data().korean_rules:
        part = pattern.sub(replacement, part)
    return part


def korean_surname(part: str) -> str | None:
    """The canonical spelling of a Korean surname (``"rhee"`` -> ``"ri"``), or None."""
    data = name_data()
    if part in data.compound_surnames:
        return part
    return data.korean_surnames.get(part)


def looks_korean(parts: list[str]) -> int:
    """Where the surname of a Korean name is: 0 (first), the last index, or -1 when the name
    does not look Korean (two to four parts, all romanised syllables, a surname at one end)."""
    if not 2 <= len(parts) <= 4 or not all(_KOREAN_PART.fullmatch(p) for p in parts):
        return -1
    if korean_surname(parts[0]):
        return 0
    if korean_surname(parts[-1]):
        return len(parts) - 1
    return -1
