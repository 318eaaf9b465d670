"""Writing names in other scripts in Latin letters, with the field's libraries.

Which library reads which script (see ``docs/screening.md`` for why):

- Hangul: our own syllable romaniser (:mod:`sanctionwatch.names._korean`), in the DPRK list
  style, one name part per syllable, so that 리병철 meets "RI PYONG CHOL".
- Cyrillic, Greek, Georgian, Armenian: rigour's ``maybe_ascii`` (BGN/PCGN-like, in Rust):
  Сергей Шойгу -> Sergei Shoigu, the spelling English-language lists use.
- Han, Arabic and every other script: ICU (``Any-Latin; Latin-ASCII``): 金正恩 -> jin zheng en,
  محمد -> mhmd (ayn and hamza dropped, ta marbuta read as "h").
- Latin with diacritics: ICU ``Latin-ASCII`` through normality (Sŏn-hŭi -> Son-hui, Ø -> O).
"""

from __future__ import annotations

import functools
import re

import icu
from normality import ascii_text
from rigour.text.translit import maybe_ascii

from sanctionwatch.names._korean import is_hangul_syllable, romanise_hangul

__all__ = ["RIGOUR_SCRIPTS", "Latinised", "latinise_word", "split_scripts", "word_script"]

#: Scripts rigour transliterates; everything else goes through ICU.
RIGOUR_SCRIPTS = frozenset({"Cyrillic", "Greek", "Georgian", "Armenian"})

_SCRIPT_BLOCKS = (
    (0x0370, 0x03FF, "Greek"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x3130, 0x318F, "Hangul"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0900, 0x097F, "Devanagari"),
)

Latinised = tuple[str, str | None]

_ICU = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
# ICU writes ayn and hamza as modifier letters; they are dropped like apostrophes, except an
# ayn that starts a word, which Latin spellings write as a vowel (عبد -> ʿbd -> "abd", Abd).
_MARKS = re.compile(r"[\u02be\u02bf\u02bc\u02bb'`]")
_INITIAL_AYN = re.compile(r"(?<![a-z])\u02bf", re.IGNORECASE)
# Arabic letters replaced before ICU: ta marbuta is the "-a"/"-ah" of Usama, Hamza, not a "t".
_ARABIC_BEFORE = str.maketrans({"\u0629": "\u0647"})


def word_script(word: str) -> str | None:
    """The main non-Latin script of a word, or None for a word in Latin letters."""
    for char in word:
        code = ord(char)
        if code < 0x0370:
            continue
        for first, last, script in _SCRIPT_BLOCKS:
            if first <= code <= last:
                return script
        if char.isalpha() and not (0x1E00 <= code <= 0x1EFF):
            return "Other"
    return None


@functools.lru_cache(maxsize=1 << 16)
def latinise_word(word: str) -> Latinised:
    """A word in Latin letters (lower case ASCII, punctuation kept) and the script it was in.

    A Hangul word comes back as its syllables separated by spaces; a Han word likewise.
    """
    if word.isascii():
        return word.lower(), None
    script = word_script(word)
    if script == "Hangul" and any(is_hangul_syllable(c) for c in word):
        text = " ".join(romanise_hangul(word))
        if not text.isascii():
            text = ascii_text(text)
    elif script in RIGOUR_SCRIPTS:
        text = maybe_ascii(word)
        if not text.isascii():
            text = ascii_text(text)
    else:
        if script == "Arabic":
            word = word.translate(_ARABIC_BEFORE)
        text = _MARKS.sub("", _INITIAL_AYN.sub("a", _ICU.transliterate(word)))
        if not text.isascii():
            text = ascii_text(text)
    return text.lower(), script


def split_scripts(name: str) -> list[str]:
    """A name written twice, in Latin letters and in another script ("Agha Jan Alizai اغا جان
    عالیزی", "Ibrahim Asiri (إبراهيم عسيري)"), as its two names; any other name as itself."""
    if name.isascii():
        return [name]
    runs: list[tuple[bool, list[str]]] = []
    for word in name.split():
        core = word.strip("()[]{},;:-\"'")
        if not any(c.isalpha() for c in core):
            continue
        latin = word_script(core) is None
        if runs and runs[-1][0] == latin:
            runs[-1][1].append(core)
        else:
            runs.append((latin, [core]))
    if len(runs) != 2:
        return [name]
    return [" ".join(words) for _, words in runs]
