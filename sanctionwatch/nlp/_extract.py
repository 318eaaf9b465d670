"""Extraction: one Document in, one contract object (``sanctionwatch.extraction/1``) out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sanctionwatch.exc import PipelineError
from sanctionwatch.ingest._document import Document
from sanctionwatch.nlp._attribution import attribution, charge_denied
from sanctionwatch.nlp._coref import Entity
from sanctionwatch.nlp._dates import event_date, parse_published
from sanctionwatch.nlp._entities import EntityIndex
from sanctionwatch.nlp._events import Draft
from sanctionwatch.nlp._gazetteer import COMPONENT_NAME as GAZETTEER_NAME
from sanctionwatch.nlp._gazetteer import Gazetteer
from sanctionwatch.nlp._lexicon import program_countries
from sanctionwatch.nlp._linking import LINKABLE_TYPES, Linker
from sanctionwatch.nlp._modality import modality
from sanctionwatch.nlp._pipeline import ensure_components
from sanctionwatch.nlp._reader import reader_for
from sanctionwatch.nlp._relations import Relation
from sanctionwatch.nlp._sanctions import sanctions_for

__all__ = ["SCHEMA_ID", "extract", "extract_many"]

#: The ``schema`` value of every extraction this version writes.
SCHEMA_ID = "sanctionwatch.extraction/1"


_LinkCache = dict[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]]


def _links(
    index: EntityIndex, linker: Linker | None, cache: _LinkCache
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for e in index.entities:
        # Only full names: a bare surname must not link to every listed person sharing it.
        if linker is None or e.type not in LINKABLE_TYPES or not e.full:
            out[e.id] = []
            continue
        key = (e.name, e.type, tuple(e.country))
        if key not in cache:  # the same name is asked once per run
            cache[key] = linker.link(e.name, entity_type=e.type, countries=key[2])
        found = [dict(link) for link in cache[key] if _country_agrees(e, link)
                 and (e.type != "Person" or _score(link) >= _PERSON_LINK_SCORE)]  # fmt: skip
        if any(_score(link) >= 1.0 for link in found):
            # An exact match outranks spelling variants of other listed names ("Korea Taesong
            # Trading Company" is not "Korea Daesong Trading Company").
            found = [link for link in found if _score(link) >= 1.0]
        out[e.id] = found
    return out


# A person named in a report is linked only on a near-exact name: one letter more or less in a
# short family name is another family ("Jang Myong Chol" is not the listed "Kang Myong Chol"),
# while spelling and romanisation variants score at or above this.
_PERSON_LINK_SCORE = 0.95


def _score(link: dict[str, Any]) -> float:
    score = link.get("score", 0.0)
    return float(score) if isinstance(score, int | float) else 0.0


_GENERIC = frozenset({
    "ministry", "department", "office", "defence", "defense", "foreign", "affairs", "national",
    "security", "state", "interior", "finance", "justice", "council", "committee", "agency",
    "armed", "forces", "force", "army", "navy", "air", "general", "staff", "bureau",
    "intelligence", "service", "central", "bank", "people", "people's", "of", "the", "and",
    "for", "public", "home", "trade", "industry", "economy", "economic", "external",
})  # fmt: skip


def _generic_body(name: str) -> bool:
    """Whether an organisation's name is one every government has ("Ministry of Defence")."""
    words = name.lower().replace("’", "'").split()
    return bool(words) and all(w in _GENERIC for w in words)


def _country_agrees(e: Entity, link: dict[str, Any]) -> bool:
    """False when the list programme aims at a country an organisation is not placed in (a
    generic name such as "Ministry of Defence" read in another country)."""
    if e.type != "Organization":
        return True
    if not e.country:
        # "The Ministry of Defense" in a Tokyo statement: a name any government's body has
        # links only where the text places it
        return not _generic_body(e.name)
    prefixes = program_countries()
    aimed = {code for p in link.get("programs", ()) for k, code in prefixes.items()
             if str(p).upper().startswith(k)}  # fmt: skip
    return not aimed or bool(aimed & set(e.country))


def _entity_json(doc: Doc, e: Entity, links: list[dict[str, Any]]) -> dict[str, Any]:
    mentions = []
    for m in e.mentions:
        span = m.span(doc)
        mentions.append({"start": span.start_char, "end": span.end_char, "text": span.text})
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "country": list(e.country),
        "mentions": mentions,
        "links": links,
    }


def _trigger_text(draft: Draft) -> str:
    if draft.marker is not None:
        return draft.marker.text
    words = sorted(draft.words, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 == len(words):
        return draft.sent.doc[words[0].i : words[-1].i + 1].text
    return " ".join(t.text for t in words)


# Events that are themselves something said: when the source is the actor, the writer reports
# the saying directly ("She ... warned Seoul").
_SPEECH_ACTS = frozenset({"THREATEN", "ACCUSE", "REJECT", "REQUEST", "PROTEST"})


def _source(draft: Draft, index: EntityIndex) -> dict[str, Any] | None:
    found = attribution(draft.head, draft.pred, index)
    if found and draft.type in _SPEECH_ACTS and found["entity"] in {e.id for e in draft.actors}:
        return None
    return found


def _end_date(draft: Draft) -> bool:
    """Whether the sentence's dates bound how long the act lasts ("until", "through", "till")
    rather than say when it happens."""
    return any(t.lower_ in ("until", "till", "through") for t in draft.sent)


def _event_json(
    n: int, draft: Draft, document: Document, index: EntityIndex,
    links: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:  # fmt: skip
    mood = modality(draft.head, draft.pred)
    published = parse_published(document.published)
    date = event_date(
        draft.head, draft.pred, draft.sent, published=published, future=mood == "expected"
    )
    if (
        mood == "asserted"
        and date
        and published
        and date > published.isoformat()[: len(date)]
        and not _end_date(draft)
    ):
        mood = "expected"  # "will meet on 3 May" (but "prolonged the measures until 2026")
    source = _source(draft, index)
    if mood == "alleged":
        denial = charge_denied(draft.sent, index, draft.actors)
        if denial is not None:  # "accused X of supplying ..., a charge X denies"
            mood, source = "denied", denial
    sent = draft.sent
    sent_text = document.text[sent.start_char : sent.end_char]
    return {
        "id": f"v{n}",
        "type": draft.type,
        "mode": draft.mode,
        "start": sent.start_char,
        "end": sent.end_char,
        "text": sent_text,
        "trigger": _trigger_text(draft),
        "actors": [e.id for e in draft.actors],
        "targets": [e.id for e in draft.targets],
        "locations": [e.id for e in draft.locations],
        "items": [i.name for i in draft.items],
        "date": date,
        "modality": mood,
        "attribution": source,
        "sanctions": sanctions_for(
            draft.type, draft.items, draft.actors, draft.targets, links, text=sent_text
        ),
    }


def _relation_json(n: int, doc: Doc, r: Relation) -> dict[str, Any]:
    span = doc[r.start : r.end]
    return {
        "id": f"r{n}",
        "type": r.type,
        "subject": r.subject.id,
        "object": r.object.id if r.object is not None else None,
        "role": r.role,
        "country": r.country,
        "start": span.start_char,
        "end": span.end_char,
        "text": span.text,
    }


def _build(
    document: Document, doc: Doc, linker: Linker | None, cache: _LinkCache
) -> dict[str, Any]:
    index: EntityIndex = doc._.sw_entities
    links = _links(index, linker, cache)
    drafts: list[Draft] = doc._.sw_events or []
    relations: list[Relation] = doc._.sw_relations or []
    return {
        "schema": SCHEMA_ID,
        "document": {
            "id": document.id,
            "title": document.title,
            "url": document.url,
            "published": document.published,
            "language": document.language,
            "chars": document.chars,
        },
        "entities": [_entity_json(doc, e, links[e.id]) for e in index.entities],
        "events": [
            _event_json(n, d, document, index, links) for n, d in enumerate(drafts, start=1)
        ],
        "relations": [_relation_json(n, doc, r) for n, r in enumerate(relations, start=1)],
    }


def extract(doc: Document, *, nlp: Language, linker: Linker | None = None) -> dict[str, Any]:
    """Read one document into an extraction (entities, events, modality, attribution).

    :param doc: the document; every offset in the result refers to ``doc.text``.
    :param nlp: a spaCy pipeline from :func:`load_pipeline` (missing components are added).
    :param linker: finds sanctions-list matches for people, organisations and vessels; without
        one every entity's ``links`` is empty.
    """
    return next(extract_many([doc], nlp=nlp, linker=linker))


def extract_many(
    docs: Iterable[Document], *, nlp: Language, linker: Linker | None = None, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Read many documents, in batches; yields one extraction per document.

    The statistical models run only where they can find something (see ``_reader``).

    :param batch_size: documents per batch.
    """
    ensure_components(nlp)
    gazetteer = nlp.get_pipe(GAZETTEER_NAME)
    if linker is not None and isinstance(gazetteer, Gazetteer):
        gazetteer.add_listed_of(linker)
    reader = reader_for(nlp)
    reader.batch_size = batch_size
    first, second = itertools.tee(docs)
    cache: _LinkCache = {}
    try:
        parsed_docs = reader.pipe(d.text for d in second)
        for document, parsed in zip(first, parsed_docs, strict=True):
            yield _build(document, parsed, linker, cache)
    except (ValueError, RuntimeError) as e:
        raise PipelineError(f"spaCy could not process the document: {e}") from e
