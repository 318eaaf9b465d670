"""Extraction: one Document in, one contract object (``sanctionwatch.extraction/1``) out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sanctionwatch.exc import PipelineError
from sanctionwatch.ingest._document import Document
from sanctionwatch.nlp._attribution import attribution
from sanctionwatch.nlp._dates import event_date, parse_published
from sanctionwatch.nlp._entities import Entity, EntityIndex, build_entities
from sanctionwatch.nlp._events import Draft, find_events
from sanctionwatch.nlp._items import find_items
from sanctionwatch.nlp._linking import LINKABLE_TYPES, Linker
from sanctionwatch.nlp._modality import modality
from sanctionwatch.nlp._pipeline import ensure_gazetteer
from sanctionwatch.nlp._sanctions import sanctions_for

__all__ = ["SCHEMA_ID", "extract", "extract_many"]

#: The ``schema`` value of every extraction this version writes.
SCHEMA_ID = "sanctionwatch.extraction/1"


def _links(index: EntityIndex, linker: Linker | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for e in index.entities:
        # Only full names: a bare surname must not link to every listed person sharing it.
        if linker is None or e.type not in LINKABLE_TYPES or not e.full:
            out[e.id] = []
            continue
        out[e.id] = [
            dict(link)
            for link in linker.link(e.name, entity_type=e.type, countries=tuple(e.country))
        ]
    return out


def _entity_json(parsed: Doc, e: Entity, links: list[dict[str, Any]]) -> dict[str, Any]:
    mentions = []
    for m in e.mentions:
        span = m.span(parsed)
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
    words = sorted(draft.words, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 == len(words):
        return draft.sent.doc[words[0].i : words[-1].i + 1].text
    return " ".join(t.text for t in words)


def _event_json(
    n: int,
    draft: Draft,
    document: Document,
    index: EntityIndex,
    links: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    mood = modality(draft.head, draft.pred)
    published = parse_published(document.published)
    date = event_date(
        draft.head, draft.pred, draft.sent, published=published, future=mood == "expected"
    )
    if mood == "asserted" and date and published and date > published.isoformat()[: len(date)]:
        mood = "expected"
    sent = draft.sent
    return {
        "id": f"v{n}",
        "type": draft.type,
        "mode": draft.mode,
        "start": sent.start_char,
        "end": sent.end_char,
        "text": sent.text,
        "trigger": _trigger_text(draft),
        "actors": [e.id for e in draft.actors],
        "targets": [e.id for e in draft.targets],
        "locations": [e.id for e in draft.locations],
        "items": [i.name for i in draft.items],
        "date": date,
        "modality": mood,
        "attribution": attribution(draft.head, draft.pred, index),
        "sanctions": sanctions_for(draft.type, draft.items, draft.actors, draft.targets, links),
    }


def _build(document: Document, parsed: Doc, nlp: Language, linker: Linker | None) -> dict[str, Any]:
    index = build_entities(parsed)
    links = _links(index, linker)
    items = find_items(nlp, parsed)
    drafts = [d for sent in parsed.sents for d in find_events(sent, index, items)]
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
        "entities": [_entity_json(parsed, e, links[e.id]) for e in index.entities],
        "events": [
            _event_json(n, d, document, index, links) for n, d in enumerate(drafts, start=1)
        ],
    }


def extract(doc: Document, *, nlp: Language, linker: Linker | None = None) -> dict[str, Any]:
    """Read one document into an extraction (entities, events, modality, attribution).

    :param doc: the document; every offset in the result refers to ``doc.text``.
    :param nlp: a spaCy pipeline from :func:`load_pipeline` (the gazetteer is added if missing).
    :param linker: finds sanctions-list matches for people, organisations and vessels; without
        one every entity's ``links`` is empty.
    """
    ensure_gazetteer(nlp)
    try:
        parsed = nlp(doc.text)
    except (ValueError, RuntimeError) as e:
        raise PipelineError(f"spaCy could not process the document: {e}") from e
    return _build(doc, parsed, nlp, linker)


def extract_many(
    docs: Iterable[Document], *, nlp: Language, linker: Linker | None = None, batch_size: int = 16
) -> Iterator[dict[str, Any]]:
    """Read many documents, batched through ``nlp.pipe``; yields one extraction per document.

    :param batch_size: documents per spaCy batch.
    """
    ensure_gazetteer(nlp)
    first, second = itertools.tee(docs)
    parsed_docs = nlp.pipe((d.text for d in second), batch_size=batch_size)
    for document, parsed in zip(first, parsed_docs, strict=True):
        yield _build(document, parsed, nlp, linker)
