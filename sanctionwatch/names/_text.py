"""Cleaning a name before it is read: invisible and control characters, NFKC, homoglyphs.

These steps undo accidents of encoding and deliberate evasion alike: a zero-width space inside
"Kim\u200bJong", a Cyrillic "о" in "Jоng", fullwidth "ＫＩＭ", "K1m" for "Kim".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sanctionwatch.names._data import name_data

__all__ = ["Cleaned", "clean_text", "is_latin_letter"]


@dataclass(frozen=True)
class Cleaned:
    """A cleaned name and what was done to it, for the explanation."""

    text: str
    notes: tuple[str, ...]


def is_latin_letter(char: str) -> bool:
    """Whether a character is a letter of the Latin script (ASCII or accented)."""
    if char.isascii():
        return char.isalpha()
    code = ord(char)
    return char.isalpha() and (0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF)


def clean_text(text: str, *, person: bool = False) -> Cleaned:
    """Remove invisible characters, turn control characters into spaces, apply NFKC, and put
    Latin letters back where look-alikes stand in for them.

    :param person: also read digits between letters as the letters they imitate (``K1m``,
        ``J0ng``); names of companies and ships keep their digits.
    """
    notes: list[str] = []
    if not text.isascii():
        text = _strip_invisible(text, notes)
        text = unicodedata.normalize("NFKC", text)
        if not text.isascii():
            text = _fix_confusables(text, notes)
    elif not text.isprintable():
        text = _strip_invisible(text, notes)
    if person and any(c.isdigit() or c in "@$" for c in text):
        text = _fix_digits(text, notes)
    return Cleaned(text, tuple(notes))


def _strip_invisible(text: str, notes: list[str]) -> str:
    invisible = name_data().invisible
    out: list[str] = []
    dropped = controls = False
    for char in text:
        code = ord(char)
        if code in invisible:
            dropped = True
            continue
        category = unicodedata.category(char)
        if category == "Cf":
            dropped = True
        elif category in ("Cc", "Zl", "Zp"):
            controls = controls or char not in "\t\n\r"
            out.append(" ")
        else:
            out.append(char)
    if dropped:
        notes.append("invisible characters removed")
    if controls:
        notes.append("control characters removed")
    return "".join(out)


def _fix_confusables(text: str, notes: list[str]) -> str:
    confusables = name_data().confusables
    if not any(is_latin_letter(c) for c in text) or not any(c in confusables for c in text):
        return text
    words = text.split(" ")
    changed = False
    for i, word in enumerate(words):
        foreign = [c for c in word if c.isalpha() and not is_latin_letter(c)]
        if foreign and all(c in confusables for c in foreign):
            words[i] = "".join(confusables.get(c, c) for c in word)
            changed = True
    if changed:
        notes.append("look-alike letters from other scripts read as Latin")
    return " ".join(words)


def _fix_digits(text: str, notes: list[str]) -> str:
    """Digits between letters ("K1m", "J0ng"), not numbers next to words ("Unit190", "3M")."""
    digits = name_data().digits
    words = text.split(" ")
    changed = False
    for i, word in enumerate(words):
        inner = [j for j in range(1, len(word) - 1) if word[j] in digits]
        if inner and all(word[j - 1].isalpha() and word[j + 1].isalpha() for j in inner):
            words[i] = "".join(
                digits.get(c, c) if 0 < j < len(word) - 1 else c for j, c in enumerate(word)
            )
            changed = True
    if changed:
        notes.append("digits read as letters")
    return " ".join(words)
