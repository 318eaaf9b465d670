"""Name-level lookups for mention finding: titles, country words, Korean names, vessels, datelines.

Titles (and kinship words) are indexed by their first word so that looking one up at a token
costs a dictionary access, not a scan of the table.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from sanctionwatch.names._data import name_data
from sanctionwatch.nlp import _data
from sanctionwatch.nlp._syntax import name_like, positions, span_text

__all__ = [
    "FORM_WORDS",
    "SITED",
    "country_prefix",
    "dateline_place",
    "is_capital",
    "is_title_word",
    "korean_names",
    "legal_form",
    "one_word_vessel_cues",
    "place_name",
    "sited_at",
    "title_at",
    "title_before",
    "vessel_cue_after",
    "vessel_cue_before",
    "vessel_cue_opening",
    "vessel_names",
]


# Participles that make the place before a hyphen the seat of what follows ("Istanbul-based X",
# "the Panama-flagged Nora Sky").
SITED = frozenset({"based", "registered", "headquartered", "owned", "controlled", "flagged"})


def sited_at(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is the hyphen of such a participle ("Istanbul" + "-based")."""
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in SITED


# Words that grade a title: "Vice Marshal", "deputy minister", "First Vice Foreign Minister".
_RANKS = frozenset({"vice", "deputy", "first", "acting", "former", "senior", "chief", "special"})


@functools.cache
def _title_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> title word sequences starting with it, longest first."""
    words = set(_data.titles()) | set(_data.relation_table()["kinship"])
    index: dict[str, list[tuple[str, ...]]] = {}
    for title in words:
        parts = tuple(title.split())
        # "Col." is one token or two ("Col" "."), as the tokenizer has it: index both
        split = tuple(
            x for w in parts for x in ((w[:-1], ".") if len(w) > 2 and w[-1] == "." else (w,))
        )
        for variant in {parts, split}:
            index.setdefault(variant[0], []).append(variant)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@functools.cache
def _title_ends() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Last word -> title word sequences ending with it, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for titles in _title_index().values():
        for parts in titles:
            index.setdefault(parts[-1], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@functools.cache
def title_end_words() -> frozenset[str]:
    """The last words of titles, lower case (plurals of single words included)."""
    words = set(_title_ends())
    return frozenset(words | {w + "s" for w in words} | {w + "es" for w in words})


def title_at(doc: Doc, i: int, limit: int) -> int:
    """The number of tokens of the longest title starting at token ``i`` (0 if none)."""
    if i >= limit:
        return 0
    for parts in _title_index().get(doc[i].lower_, ()):
        n = len(parts)
        if i + n <= limit and all(
            _same(doc[i + k].lower_, parts[k], k == n - 1) for k in range(1, n)
        ):
            return n
    return 0


def portfolio_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """The portfolio of an office that covers token ``i``, as (start, end): "Terrorism and
    Financial Intelligence" of "Under Secretary for Terrorism and Financial Intelligence",
    "State Security" of "Minister of State Security"."""
    sent = doc[i].sent
    words = _data.portfolio_words()
    before = _portfolio_before_title(doc, i, sent.start, sent.end, words)
    if before is not None:
        return before
    for k in range(i - 1, max(sent.start, i - 10) - 1, -1):
        if doc[k].lower_ not in ("for", "of"):
            continue
        if title_before(doc, k, sent.start) is None:
            return None
        j = k + 1
        while j < sent.end and doc[j].lower_ in words and (
            doc[j].text[:1].isupper() or doc[j].lower_ == "and"
        ):
            j += 1
        return (k + 1, j) if j > i else None
    return None


def _portfolio_before_title(
    doc: Doc, i: int, floor: int, limit: int, words: frozenset[str]
) -> tuple[int, int] | None:
    """A portfolio written before its title that covers token ``i``: "Natural Resources" of
    "Natural Resources Minister Alexander Kozlov"."""

    def word(j: int) -> bool:
        t = doc[j]
        return t.lower_ in words and (t.text[:1].isupper() or t.lower_ == "and")

    if not word(i) or doc[i].lower_ == "and":
        return None
    start, end = i, i + 1
    while start - 1 >= floor and word(start - 1):
        start -= 1
    while end < limit and word(end):
        end += 1
    if doc[start].lower_ == "and" or doc[end - 1].lower_ == "and":
        return None
    n = title_at(doc, end, limit)
    if not n or doc[end + n - 1].lower_ not in _data.portfolio_titles():
        return None
    return start, end


def _same(word: str, part: str, last: bool) -> bool:
    """A title word, or the plural of its last word ("foreign ministers")."""
    return word == part or (last and word in (part + "s", part + "es"))


def title_before(doc: Doc, end: int, floor: int) -> tuple[int, str] | None:
    """A title ending just before token ``end``: (its start, the title), or None. Rank words
    before it belong to it ("Vice Marshal", "deputy minister")."""
    if end - 1 < floor:
        return None
    for parts in _title_ends().get(doc[end - 1].lower_, ()):
        start = end - len(parts)
        if start >= floor and all(doc[start + k].lower_ == parts[k] for k in range(len(parts))):
            while start - 1 >= floor and doc[start - 1].lower_ in _RANKS:
                start -= 1
            return start, " ".join(t.lower_ for t in doc[start:end])
    return None


@functools.cache
def _capitals() -> frozenset[str]:
    return frozenset(c for country in _data.countries().values() for c in country.capitals)


def is_capital(name: str) -> bool:
    """Whether a place name is a capital of the countries table."""
    return name in _capitals() or name.title() in _capitals()


def is_title_word(tok: Token) -> bool:
    """Whether a title starts at this token."""
    return title_at(tok.doc, tok.i, len(tok.doc)) > 0


@functools.cache
def _country_words() -> dict[str, str]:
    """Country names and demonyms (as written) -> code."""
    out: dict[str, str] = {}
    for c in _data.countries().values():
        for word in (c.name, *c.names, *c.demonyms):
            out.setdefault(word.removeprefix("the "), c.code)
    return out


def country_prefix(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """A country name, demonym or possessive ("Russia's") opening ``doc[start:end]`` and leaving
    at least one word after it: (the number of its tokens, the country code), or None."""
    words = _country_words()
    for n in range(min(4, end - start - 1), 0, -1):
        code = words.get(doc[start : start + n].text)
        if code is None:
            continue
        after = start + n
        if after < end and doc[after].text in ("'s", "’s"):
            n += 1
        if start + n < end:
            return n, code
    return None


@functools.cache
def _places() -> dict[str, tuple[str, str | None]]:
    """Upper-case place and body names -> (kind, country code or body name)."""
    out: dict[str, tuple[str, str | None]] = {}
    for c in _data.countries().values():
        for word in (*c.capitals, *c.places):
            out[word.upper()] = ("place", c.code)
        out[c.name.upper()] = ("country", c.code)
    for body, names in _data.bodies().items():
        for word in (body, *names):
            out[word.removeprefix("the ").upper()] = ("body", body)
    return out


@functools.cache
def _spellings() -> dict[str, str]:
    return {w.upper(): w for c in _data.countries().values() for w in (*c.capitals, *c.places)}


def place_name(text: str) -> str:
    """A place name as the tables spell it ("PYONGYANG" -> "Pyongyang"), else title case."""
    return _spellings().get(text.upper()) or (
        "-".join(p.capitalize() for p in text.split("-")) if text.isupper() else text
    )


def dateline_place(doc: Doc, start: int, dash: int) -> tuple[int, int, str, str | None] | None:
    """The place a dateline opens with ("PYONGYANG, July 27 (Reuters) -"): (start, end, kind,
    country code or body name); kind is ``place``, ``country`` or ``body``."""
    end = start
    while (
        end < dash
        and doc[end].text not in (",", "(")
        and (doc[end].is_upper or not doc[end].is_alpha)
    ):
        end += 1
    if end == start:
        return None
    kind, key = _places().get(doc[start:end].text.upper(), ("place", None))
    return start, end, kind, key


def vessel_cue_before(doc: Doc, start: int) -> bool:
    """Whether a vessel cue word comes right before token ``start`` ("the tanker Sky Rose",
    "MV Lady R"), or before a comma and "the" ("a tanker, the Sky Harmony,")."""
    if start >= 2 and doc[start - 1].lower_ == "flagged" and doc[start - 2].text == "-":
        return True  # "the Panama-flagged Nora Sky"
    ends = [start]
    if start >= 2 and doc[start - 1].lower_ == "the" and doc[start - 2].text == ",":
        ends.append(start - 2)
    for end in ends:
        if end < 1:
            continue
        last = doc[end - 1].lower_
        for cue in _data.vessel_cues():
            if not cue.endswith(last):
                continue
            n = len(cue.split())
            if end - n >= 0 and span_text(doc, end - n, end).lower() == cue:
                return True
    return False


# Cue words that also name companies ("a Russian carrier"): trusted only before a name.
_AMBIGUOUS_CUES = frozenset({"carrier"})


@functools.cache
def one_word_vessel_cues() -> frozenset[str]:
    """The vessel cues of one word that name no company ("tanker", "freighter", "mv")."""
    return frozenset(c for c in _data.vessel_cues() if " " not in c) - _AMBIGUOUS_CUES


def vessel_cue_opening(doc: Doc, start: int, end: int) -> int:
    """How many tokens of a vessel cue a name found by the NER opens with, a name left after it:
    "Freighter Angara" (2 tokens, read as one person) opens with "Freighter"; 0 if none."""
    for cue in _data.vessel_cues():
        n = len(cue.split())
        if cue in _AMBIGUOUS_CUES or end - start <= n:
            continue
        if span_text(doc, start, start + n).lower() == cue:
            return n
    return 0


def _imo_after(doc: Doc, end: int) -> bool:
    """Whether an IMO number follows a name: "NOVA STAR (IMO 9318096)"."""
    window = [t.text.upper() for t in doc[end : end + 2]]
    return "IMO" in window and (window[0] in ("(", ",", "IMO"))


def vessel_cue_after(doc: Doc, end: int) -> bool:
    """Whether an apposition right after a name calls it a vessel: "the Lady R, a Russian cargo
    ship", "Sky Rose, an oil tanker", or an IMO number follows it."""
    if _imo_after(doc, end):
        return True
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an"):
        return False
    cues = set(_data.vessel_cues()) - _AMBIGUOUS_CUES
    for i in range(end + 2, min(end + 7, len(doc))):
        tok = doc[i]
        if tok.is_punct and tok.text != "-":  # "a Comoros-flagged oil tanker"
            return False
        if tok.lower_ in cues or (i > end + 2 and f"{doc[i - 1].lower_} {tok.lower_}" in cues):
            return True
    return False


#: Legal forms as written, to find company names by (:func:`legal_form` tells them apart
#: from other words spelt the same).
FORM_WORDS = (
    "LLC",
    "Ltd",
    "Ltd.",
    "Limited",
    "FZE",
    "FZCO",
    "FZC",
    "JSC",
    "PJSC",
    "LLP",
    "GmbH",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "PLC",
    "Co",
    "Co.",
    "SIA",
    "OOO",
    "DMCC",
    "OJSC",
    "CJSC",
    "OAO",
    "ZAO",
    "AO",
    "SA",
    "SARL",
    "BV",
    "AG",
    "Pte",
    "Bhd",
)


def legal_form(tok: Token) -> bool:
    """Whether a capitalised word is a company's legal form ("LLC", "Ltd.", "JSC", "GmbH")."""
    word = tok.text.rstrip(".").lower()
    return tok.text[:1].isupper() and word not in ("as", "ca", "ab") and (
        (word,) in name_data().legal_forms
    )


def _imo_named(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed right before an IMO number: "SEA LYNX (IMO 9308821)"."""
    out = []
    for i in positions(doc, ("IMO",), lower=False):
        end = i - 1 if i > 0 and doc[i - 1].text in ("(", ",") else i
        start = end
        while start > 0 and start - 1 not in taken and (
            doc[start - 1].text[:1].isupper() or (doc[start - 1].like_num and start < end)
        ) and not doc[start - 1].is_sent_start:
            start -= 1
        if start < end and not any(j in taken for j in range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return out


def vessel_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Vessel names the NER missed: capitalised words (and numbers) right after a cue word."""
    out = _imo_named(doc, taken)
    cue_ends = positions(doc, {c.split()[-1] for c in _data.vessel_cues()})
    starts = sorted({i + k for i in cue_ends for k in (1, 3) if i + k < len(doc)})
    for tok in (doc[i] for i in starts):
        if tok.i in taken or not tok.text[:1].isupper() or not vessel_cue_before(doc, tok.i):
            continue
        if is_title_word(tok) or (tok.i > 0 and doc[tok.i - 1].i in taken):
            continue
        plural = any(doc[j].lower_.endswith("s") and doc[j].i in cue_ends
                     for j in range(max(0, tok.i - 3), tok.i))  # fmt: skip
        start = tok.i
        while True:
            end = _name_end(doc, start, taken)
            if legal_form(doc[end - 1]):
                break  # "Tanker Trading LLC chartered ...": a company, named with its cue word
            out.append((start, end))
            taken.update(range(start, end))
            # "the cargo vessels Kapitan Orlov, Lira and Amurskiy Bereg": the rest of the list
            nxt = end
            while plural and nxt < len(doc) and doc[nxt].lower_ in (",", "and"):
                nxt += 1
            if not plural or nxt == end or nxt >= len(doc) or nxt in taken:
                break
            if not doc[nxt].text[:1].isupper() or is_title_word(doc[nxt]):
                break
            start = nxt
    return out


#: Words for ships, as written ("tankers"): a text using them is about ships.
SHIP_WORDS = frozenset({"tanker", "tankers", "vessel", "vessels", "ship", "ships", "freighter"})
# Last words of place names, never of a vessel's: "the Korean Peninsula", "the Yellow Sea".
GEOGRAPHIC_HEADS = frozenset({
    "sea", "strait", "straits", "gulf", "peninsula", "bay", "river", "ocean", "canal", "channel",
    "coast", "island", "islands", "region", "oblast", "province", "port", "harbour", "harbor",
    "border", "zone", "district", "valley", "mountains", "desert", "lake",
})  # fmt: skip


def ship_word_near(doc: Doc, i: int) -> bool:
    """Whether a ship word stands in the sentence of token ``i`` or the one before."""
    sent = doc[i].sent
    before = doc[sent.start - 1].sent if sent.start > 0 else sent
    return any(t.lower_ in SHIP_WORDS for t in doc[before.start : sent.end])


#: Entity labels of the NER that make no mention ("The Kira Sun" tagged a work of art).
_UNKEPT_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT", "EVENT"})


def article_vessels(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Vessel names the NER missed after "the", in a text about ships: "the Arcadia Pearl
    pumped ..." (two or three capitalised words nobody tagged, heading their phrase)."""
    if not positions(doc, SHIP_WORDS):
        return []
    out = []
    for i in positions(doc, ("the",)):
        start = i + 1
        if start in taken:
            continue
        end = start
        while (
            end < len(doc)
            and end - start < 3
            and end not in taken
            and doc[end].ent_type_ in _UNKEPT_LABELS
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and not doc[end].is_stop
            and not is_title_word(doc[end])
        ):
            end += 1
        if end - start < 2 or (end < len(doc) and doc[end].text[:1].isupper()):
            continue
        if doc[end - 1].lower_ in GEOGRAPHIC_HEADS:
            continue
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "NUM"):
            continue  # "the Freedom Edge exercise": a name inside a phrase
        out.append((start, end))
        taken.update(range(start, end))
    return out


def _name_end(doc: Doc, start: int, taken: set[int]) -> int:
    end = start + 1
    while end < len(doc) and end not in taken:
        nxt = doc[end]
        if not ((nxt.text[:1].isupper() and nxt.is_alpha) or (nxt.like_num and len(nxt) < 4)):
            break
        end += 1
    return end


def korean_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Korean names the NER missed: a family name and one or two given-name syllables
    ("Ri Pyong Chol", "Ri Pyong-chol"); for family names that are also English words
    ("No Kwang Chol") both given names must be known syllables."""
    table = _data.korean_surnames()
    out = []
    for tok in (doc[i] for i in positions(doc, table.plain | table.ambiguous, lower=False)):
        ambiguous = tok.text in table.ambiguous
        if tok.i in taken or not (tok.text in table.plain or ambiguous):
            continue
        end, parts = tok.i + 1, 0
        while end < len(doc) and parts < 2 and end not in taken:
            nxt = doc[end]
            after = doc[end + 1] if end + 1 < len(doc) else None
            if nxt.text == "-" and not nxt.whitespace_ and not doc[end - 1].whitespace_:
                if parts and after is not None and after.is_alpha and after.i not in taken:
                    end += 2  # "Ri Pyong-chol": the hyphenated syllable is part of the name
                break
            if not (nxt.is_alpha and nxt.is_title):
                break
            if nxt.text not in table.syllables and title_at(doc, end, len(doc)):
                break  # "Kim" + "Minister": a title, not a given name ("Son" is both)
            if ambiguous and nxt.text not in table.syllables:
                break
            end += 1
            parts += 1
        if parts == 2 or (parts and not ambiguous and name_like(doc[tok.i + 1])):
            out.append((tok.i, end))
            taken.update(range(tok.i, end))
    return out
