"""Items: the goods and people an event moves ("artillery shells", "refined petroleum")."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sanctionwatch.nlp._lexicon import Item, items

__all__ = ["ItemMatch", "find_items", "item_forms"]

ItemMatch = tuple[Span, Item]


@functools.lru_cache(maxsize=8)
def _matchers(nlp: Language) -> tuple[list[PhraseMatcher], dict[int, Item]]:
    by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, Item] = {}
    tagger = [nlp.get_pipe(p) for p in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
              if p in nlp.component_names]  # fmt: skip
    for item in items():
        # Lemmatise the phrases the way the pipeline lemmatises text; also match them as written
        # (a tagger may lemmatise "refined" differently in and out of context).
        patterns = []
        for phrase in item.phrases:
            doc = nlp.make_doc(phrase.lower())
            for proc in tagger:
                doc = proc(doc)
            patterns.append(doc)
        by_lemma.add(item.name, patterns)
        # as written, in the singular and the plural ("UAVs", "Pantsir air defense systems",
        # where a tagger reading names keeps the plural as the lemma)
        by_lower.add(item.name, [nlp.make_doc(p) for p in sorted(_written(item))])
        keys[nlp.vocab.strings[item.name]] = item
    return [by_lemma, by_lower], keys


def _plural(phrase: str) -> str:
    """The phrase with its last word in the regular plural ("air defense system" -> "air
    defense systems")."""
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase if phrase.endswith("s") else phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in ("a", "e", "i", "o", "u"):
        return phrase[:-1] + "ies"
    return phrase + "s"


def _written(item: Item) -> set[str]:
    """An item's phrases, lower case, in the singular and the plural."""
    return {f for p in item.phrases for f in (p.lower(), _plural(p.lower()))}


@functools.cache
def item_forms(category: str | None = None) -> frozenset[str]:
    """Every item phrase, lower case, in the singular and the plural (of one ``category``)."""
    return frozenset(
        f for item in items() if category is None or item.category == category
        for f in _written(item)
    )  # fmt: skip


def find_items(nlp: Language, doc: Doc) -> list[ItemMatch]:
    """Item phrases in ``doc``, longest first where they overlap, in text order."""
    matchers, keys = _matchers(nlp)
    found = [(Span(doc, s, e), keys[k]) for m in matchers for k, s, e in m(doc)]
    found.sort(key=lambda m: (-(m[0].end - m[0].start), m[0].start))
    out: list[ItemMatch] = []
    taken: set[int] = set()
    for span, item in found:
        if _hyphenated_modifier(doc, span.start, span.end):
            continue  # "solid-fuel missile", "oil-tanker": a kind of the next word, not goods
        if taken.isdisjoint(range(span.start, span.end)):
            out.append((span, item))
            taken.update(range(span.start, span.end))
    out.sort(key=lambda m: m[0].start)
    return out


def _hyphenated_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase is half of a hyphenated word before a noun: "fuel" of "solid-fuel
    missile", "oil" of "an oil-fired plant"."""
    # not a swap: "arms-for-fuel" names both goods
    before = (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 2].is_stop
    )
    after = (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end + 1].is_stop
    )
    if not (before or after):
        return False
    nxt = end + 2 if after else end
    return nxt < len(doc) and doc[nxt].is_alpha and not doc[nxt].is_stop
