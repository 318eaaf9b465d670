"""Word forms: every inflection of the event lexicon's lemmas, to find trigger sentences untagged.

The selective reader decides which sentences to parse before any tagger has run, so it looks for
trigger words by their lower-case form. The forms of a lemma are its regular inflections plus the
irregular ones in the pipeline's own lemmatizer exception tables ("met" for "meet", "sold" for
"sell"), so no extra word list is kept.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from sanctionwatch.nlp._data import attribution_table
from sanctionwatch.nlp._lexicon import event_lexicon

__all__ = ["form_lemmas", "inflections", "lemmas_of", "reporting_forms", "trigger_forms"]

_VOWELS = frozenset("aeiou")


def inflections(lemma: str) -> set[str]:
    """Regular verb and noun inflections of a lower-case lemma ("supply" -> "supplies", ...)."""
    out = {lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "es"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    last3 = lemma[-3:]
    doubles = len(lemma) >= 3 and last3[0] not in _VOWELS and last3[1] in _VOWELS
    if doubles and last3[2] not in _VOWELS and last3[2] not in "wxy":
        out |= {lemma + last3[2] + "ed", lemma + last3[2] + "ing"}  # ship -> shipped
    return out


def _irregular(nlp: Language) -> dict[str, set[str]]:
    """lemma -> irregular forms, from the lemmatizer's exception tables (if it has them)."""
    out: dict[str, set[str]] = {}
    if "lemmatizer" not in nlp.component_names:
        return out
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return out
    table = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun"):
        if pos not in table:
            continue
        for form, lemmas in table[pos].items():
            for lemma in lemmas:
                out.setdefault(lemma, set()).add(form)
    return out


@functools.lru_cache(maxsize=8)
def trigger_forms(nlp: Language) -> frozenset[str]:
    """Every lower-case form of every trigger lemma (and of the words that join a trigger)."""
    irregular = _irregular(nlp)
    out: set[str] = set()
    for lemma, triggers in event_lexicon().triggers.items():
        verb = any("VERB" in t.pos for t in triggers)
        for word in lemma.split():
            if verb:
                out |= inflections(word)
            else:  # a noun only: its plural, not "according" for "accord"
                out |= {
                    word,
                    word + "s",
                    word + "es",
                    word[:-1] + "ies" if word.endswith("y") else word,
                }
            out |= irregular.get(word, set())
    for listing_verb in event_lexicon().listing_verbs:  # "The entities include X"
        out |= inflections(listing_verb)
    for noun in event_lexicon().listing_nouns:  # "Among the new listings is X"
        out |= {noun, noun + "s", noun[:-1] + "ies" if noun.endswith("y") else noun}
    return frozenset(out)


@functools.lru_cache(maxsize=8)
def reporting_forms(nlp: Language) -> frozenset[str]:
    """Every lower-case form of the reporting verbs ("said", "told", "stated", ...)."""
    irregular = _irregular(nlp)
    out: set[str] = set()
    for lemma in attribution_table()["reporting_verbs"]:
        if " " not in lemma:
            out |= inflections(lemma) | irregular.get(lemma, set())
    return frozenset(out)


@functools.cache
def form_lemmas() -> dict[str, frozenset[str]]:
    """Regular inflection -> the lexicon's trigger and light-verb lemmas it can come from, for
    words the lemmatizer gets wrong ("staging" lemmatised as "stag")."""
    lexicon = event_lexicon()
    out: dict[str, set[str]] = {}
    for lemma in {*lexicon.triggers, *lexicon.light_verbs}:
        if " " in lemma:
            continue
        for form in inflections(lemma):
            out.setdefault(form, set()).add(lemma)
    return {k: frozenset(v) for k, v in out.items()}


def lemmas_of(lemma: str, lower: str) -> tuple[str, ...]:
    """The lemmas to look a word up by: the lemmatizer's, the word itself, and the lexicon
    lemmas its form is a regular inflection of."""
    return tuple(dict.fromkeys((lemma, lower, *sorted(form_lemmas().get(lower, ())))))
