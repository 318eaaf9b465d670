"""Variant makers for the screening evaluation set: how people really write listed names.

These are written independently of the engine's tables: romanisation systems applied to Hangul and
Cyrillic originals, and the character-level accidents of typing, encoding and evasion.
"""

from __future__ import annotations

import random
import re
import unicodedata

import icu

__all__ = [
    "add_diacritics",
    "cyrillic_systems",
    "homoglyphs",
    "hyphenate",
    "insert_invisible",
    "join_parts",
    "korean_mr",
    "korean_rr",
    "latin_variants",
    "reorder",
    "split_part",
    "typo",
]

_HANGUL0 = 0xAC00
# Revised Romanization (2000), syllable by syllable.
# fmt: off
_RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch',
    'k', 't', 'p', 'h']
# fmt: on
# fmt: off
_RR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u',
    'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i']
# fmt: on
# fmt: off
_RR_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm',
    'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't']
# fmt: on
# McCune-Reischauer with breves and apostrophes (word-initial consonants; voiced in the middle).
# fmt: off
_MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'",
    "k'", "t'", "p'", 'h']
# fmt: on
_MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}
# fmt: off
_MR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u',
    'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i']
# fmt: on
# How South Koreans and the press usually spell common surnames.
# fmt: off
_SURNAMES = {'김': ['Kim'], '리': ['Lee', 'Rhee', 'Yi', 'Ri'], '이': ['Lee', 'Yi'], '박': ['Park',
    'Bak'], '최': ['Choi', 'Choe'], '정': ['Jeong', 'Jung', 'Chung'], '조': ['Cho', 'Jo'],
    '강': ['Kang'], '장': ['Jang', 'Chang'], '한': ['Han'], '윤': ['Yoon', 'Yun'], '백': ['Baek',
    'Paik'], '황': ['Hwang'], '렴': ['Yeom'], '량': ['Yang', 'Ryang'], '류': ['Ryu', 'Yoo'],
    '곽': ['Kwak', 'Gwak'], '구': ['Koo', 'Gu'], '신': ['Shin', 'Sin'], '현': ['Hyun', 'Hyeon'],
    '차': ['Cha'], '고': ['Ko', 'Go'], '문': ['Moon', 'Mun'], '민': ['Min'], '손': ['Son', 'Sohn'],
    '유': ['Yoo', 'Yu'], '전': ['Jeon', 'Jun'], '연': ['Yeon'], '라': ['Ra', 'Na'],
    '오': ['Oh', 'O'], '배': ['Bae']}
# fmt: on
# Personal spellings of RR syllables in given names.
# fmt: off
_PERSONAL = [('eo', 'u'), ('eo', 'o'), ('eu', 'u'), ('ui', 'ee'), ('u', 'oo'), ('i', 'ee'), ('g',
    'k'), ('b', 'p'), ('d', 't'), ('yeo', 'yu'), ('yeong', 'young')]
# fmt: on

_BGN = icu.Transliterator.createInstance("Russian-Latin/BGN")
_ISO = icu.Transliterator.createInstance("Cyrillic-Latin")
# fmt: off
_TABLES = {'german': {'а': 'a', 'б': 'b', 'в': 'w', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'jo',
    'ж': 'sch', 'з': 's', 'и': 'i', 'й': 'j', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o',
    'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'ch', 'ц': 'z', 'ч': 'tsch',
    'ш': 'sch', 'щ': 'schtsch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'ju', 'я': 'ja'},
    'french': {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'io', 'ж': 'j',
    'з': 'z', 'и': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p',
    'р': 'r', 'с': 's', 'т': 't', 'у': 'ou', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'tch',
    'ш': 'ch', 'щ': 'chtch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'iou', 'я': 'ia'},
    'passport': {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh',
    'з': 'z', 'и': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p',
    'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh',
    'щ': 'shch', 'ъ': 'ie', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'iu', 'я': 'ia'}}
# fmt: on
# fmt: off
_LOOKALIKE = {'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'y': 'у', 'x': 'х', 'i': 'і',
    'A': 'А', 'B': 'В', 'E': 'Е', 'K': 'К', 'M': 'М', 'H': 'Н', 'O': 'О', 'P': 'Р', 'C': 'С',
    'T': 'Т', 'X': 'Х', 'I': 'І', 'N': 'Ν', 'Z': 'Ζ'}
# fmt: on
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff"]
# fmt: off
_ACCENTS = {'a': 'áàâäā', 'e': 'éèêëē', 'i': 'íìîïī', 'o': 'óòôöō', 'u': 'úùûüū', 'n': 'ñ',
    'c': 'ç', 's': 'š', 'z': 'ž'}
# fmt: on
_KEYS = "qwertyuiop asdfghjkl zxcvbnm"


def _jamo(char: str) -> tuple[int, int, int]:
    code = ord(char) - _HANGUL0
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    return initial, medial, final


def _rr_syllables(word: str) -> list[str]:
    return [_RR_INITIAL[i] + _RR_MEDIAL[m] + _RR_FINAL[f] for i, m, f in map(_jamo, word)]


def korean_rr(name: str, rng: random.Random) -> str:
    """A Hangul name in Revised Romanization with the usual personal spellings: 김여정 ->
    "Kim Yeo-jeong", "Kim Yeojung", "Yeo-jeong Kim"."""
    text = name.replace(" ", "")
    surname = rng.choice(_SURNAMES.get(text[0], ["".join(_rr_syllables(text[0])).title()]))
    syllables = _rr_syllables(text[1:])
    if rng.random() < 0.5:
        old, new = rng.choice(_PERSONAL)
        pos = rng.randrange(len(syllables))
        syllables[pos] = syllables[pos].replace(old, new, 1)
    joiner = rng.choice(["-", "", " "])
    given = (
        joiner.join(syllables).capitalize()
        if joiner != " "
        else " ".join(s.capitalize() for s in syllables)
    )
    return f"{given} {surname}" if rng.random() < 0.2 else f"{surname} {given}"


def korean_mr(name: str) -> str:
    """A Hangul name in McCune-Reischauer with breves: 최선희 -> "Ch'oe Sŏn-hŭi"."""
    text = name.replace(" ", "")
    out = []
    for index, (i, m, f) in enumerate(map(_jamo, text)):
        initial = _MR_INITIAL[i]
        if index > 1 and initial in _MR_VOICED:
            initial = _MR_VOICED[initial]
        out.append(initial + _MR_MEDIAL[m] + _RR_FINAL[f])
    return f"{out[0].capitalize()} {'-'.join(out[1:]).capitalize()}"


def cyrillic_systems(name: str) -> dict[str, str]:
    """A Cyrillic name in several transliteration systems (BGN, ISO 9, German, French, ICAO)."""
    out = {"bgn": _BGN.transliterate(name), "iso9": _fold(_ISO.transliterate(name))}
    for system, table in _TABLES.items():
        chars = []
        for char in name:
            low = char.lower()
            latin = table.get(low, char)
            chars.append(latin.capitalize() if char != low else latin)
        out[system] = "".join(chars)
    return {k: _fold(v).replace("'", "").replace("ʹ", "") for k, v in out.items()}


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# fmt: off
_LATIN_ALTERNATIONS = [('iy\\b', 'y'), ('ii\\b', 'iy'), ('ey', 'ei'), ('ei', 'ey'), ('\\byu',
    'iu'), ('ya', 'ia'), ('kh', 'h'), ('\\bye', 'e'), ('x', 'ks'), ('mohammed', 'muhammad'),
    ('muhammad', 'mohamed'), ('mohamed', 'mohammad'), ('ou', 'u'), ('\\babdul ', 'abd al-'),
    ('\\bal-', 'el-'), ('\\bel-', 'al-'), ('ee', 'i'), ('q', 'k'), ('dh', 'z'), ('ah\\b', 'a'),
    ('\\babu ', 'abou '), ('hussein', 'husain'), ('yusuf', 'youssef'), ('osama', 'usama'),
    ('\\bpak\\b', 'park'), ('\\bri\\b', 'lee'), ('\\bchoe\\b', 'choi'), ('\\bjong\\b', 'jeong'),
    ('chol\\b', 'cheol'), ('\\byong\\b', 'young'), ('\\bsong\\b', 'sung'), ('hyok\\b', 'hyuk'),
    ('myong\\b', 'myung'), ('kwang\\b', 'gwang'), ('\\bkim\\b', 'gim'), ('\\bun\\b', 'eun'),
    ('\\bhui\\b', 'hee'), ('\\bpyong\\b', 'byung')]
# fmt: on


def latin_variants(name: str) -> list[str]:
    """Spellings of a Latin-script name under other transliteration habits (each one change)."""
    low = name.lower()
    out = []
    for pattern, repl in _LATIN_ALTERNATIONS:
        changed = re.sub(pattern, repl, low, count=1)
        if changed != low:
            out.append(changed.title())
    return out


def typo(name: str, rng: random.Random) -> str:
    """One typing error (a neighbouring key, a dropped, doubled or swapped letter)."""
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    pos = rng.choice(letters)
    char = name[pos]
    kind = rng.choice(["neighbour", "drop", "double", "swap"])
    if kind == "neighbour":
        row = _KEYS.find(char.lower())
        options = [_KEYS[j] for j in (row - 1, row + 1) if 0 <= j < len(_KEYS) and _KEYS[j] != " "]
        new = rng.choice(options or ["e"])
        return name[:pos] + (new.upper() if char.isupper() else new) + name[pos + 1 :]
    if kind == "drop":
        return name[:pos] + name[pos + 1 :]
    if kind == "double":
        return name[:pos] + char + name[pos:]
    if pos + 1 < len(name) and name[pos + 1].isalpha():
        return name[:pos] + name[pos + 1] + char + name[pos + 2 :]
    return name[:pos] + name[pos + 1 :]


def reorder(name: str, rng: random.Random) -> str | None:
    """The other name order: "KIM, Jong Un" -> "Jong Un Kim"; "Jong Un Kim" -> "KIM, Jong Un"."""
    if "," in name:
        surname, _, given = name.partition(",")
        return f"{given.strip()} {surname.strip().title()}" if given.strip() else None
    parts = name.split()
    if len(parts) < 2:
        return None
    if rng.random() < 0.5:
        return f"{parts[-1].upper()}, {' '.join(parts[:-1])}"
    return " ".join(parts[1:] + parts[:1])


def hyphenate(name: str) -> str | None:
    """Join the given-name parts with a hyphen: "Kim Yo Jong" -> "Kim Yo-jong"."""
    parts = name.replace(",", "").split()
    if len(parts) < 3:
        return None
    return f"{parts[0]} {parts[1]}-{'-'.join(p.lower() for p in parts[2:])}"


def join_parts(name: str, rng: random.Random) -> str | None:
    """Two neighbouring parts written as one: "Pak Pong Ju" -> "Pak Pongju"."""
    parts = name.replace(",", "").replace("-", " ").split()
    if len(parts) < 2:
        return None
    i = rng.randrange(len(parts) - 1)
    second = parts[i + 1] if parts[i].isupper() else parts[i + 1].lower()
    return " ".join([*parts[:i], parts[i] + second, *parts[i + 2 :]])


def split_part(name: str, rng: random.Random) -> str | None:
    """A long part written as two: "Kuzhugetovich" -> "Kuzhu Getovich"."""
    parts = name.replace(",", "").split()
    long = [i for i, p in enumerate(parts) if len(p) >= 7]
    if not long:
        return None
    i = rng.choice(long)
    cut = rng.randrange(3, len(parts[i]) - 2)
    return " ".join([*parts[:i], parts[i][:cut], parts[i][cut:], *parts[i + 1 :]])


def add_diacritics(name: str, rng: random.Random) -> str:
    """Accents on one to three letters: "Mohamed" -> "Mohamed" with é, ö..."""
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c.lower() in _ACCENTS]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
        accented = rng.choice(_ACCENTS[chars[i].lower()])
        chars[i] = accented.upper() if chars[i].isupper() else accented
    return "".join(chars)


def homoglyphs(name: str, rng: random.Random) -> str:
    """One to three letters swapped for look-alikes from Cyrillic or Greek."""
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c in _LOOKALIKE]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
        chars[i] = _LOOKALIKE[chars[i]]
    return "".join(chars)


def insert_invisible(name: str, rng: random.Random) -> str:
    """An invisible character (zero-width space, soft hyphen...) inside a part."""
    spots = [i for i in range(1, len(name)) if name[i - 1].isalpha() and name[i].isalpha()]
    pos = rng.choice(spots)
    return name[:pos] + rng.choice(_INVISIBLE) + name[pos:]
