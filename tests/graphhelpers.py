"""Hand-written extractions (contract shape) for evidence-graph tests, not tied to nlp rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sanctionwatch.ingest import Document
from sanctionwatch.jobs import resolve_graph
from sanctionwatch.resolve import GraphInputs, Resolution, resolve_entities
from sanctionwatch.store import Store

MUNITIONS = {
    "regime": "UN-DPRK",
    "provision": "UNSCR 1718 (2006) para 8(b)",
    "reason": "arms and related materiel exported by the DPRK",
}


def link(list_id: str, name: str, *, dataset: str = "un_sc") -> dict[str, Any]:
    """A contract link object."""
    return {"dataset": dataset, "list_id": list_id, "name": name, "score": 1.0,
            "programs": ["DPRK"], "explanation": "test"}  # fmt: skip


def entity(
    id: str,
    type: str,
    name: str,
    *mentions: str,
    country: Sequence[str] = (),
    links: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """A contract entity; its mentions are ``name`` unless others are given."""
    return {"id": id, "type": type, "name": name, "country": list(country),
            "mentions": list(mentions or [name]), "links": list(links)}  # fmt: skip


def event(
    id: str,
    type: str,
    actors: Sequence[str] = (),
    targets: Sequence[str] = (),
    *,
    modality: str = "asserted",
    mode: str | None = None,
    items: Sequence[str] = (),
    date: str | None = None,
    sanctions: Sequence[dict[str, str]] = (),
    said_by: str | None = None,
    text: str = "",
) -> dict[str, Any]:
    """A contract event."""
    return {
        "id": id, "type": type, "mode": mode, "start": 0, "end": len(text), "text": text,
        "trigger": "x", "actors": list(actors), "targets": list(targets), "locations": [],
        "items": list(items), "date": date, "modality": modality,
        "attribution": {"entity": said_by, "text": "said"} if said_by else None,
        "sanctions": list(sanctions),
    }  # fmt: skip


def save(
    store: Store,
    text: str,
    entities: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]] = (),
    *,
    title: str,
    url: str | None = None,
    published: str | None = "2024-06-01",
) -> Document:
    """Store a document with a hand-written extraction; mention offsets are found in the text."""
    doc = Document(text=text, title=title, url=url, published=published, source=f"{title}.txt")
    items = []
    for e in entities:
        mentions = []
        for m in e["mentions"]:
            start = max(text.find(m), 0)
            mentions.append({"start": start, "end": start + len(m), "text": m})
        items.append({**e, "mentions": mentions})
    extraction = {
        "schema": "sanctionwatch.extraction/1",
        "document": {"id": doc.id, "title": title, "url": url, "published": published,
                     "language": "en", "chars": len(text)},
        "entities": items,
        "events": [{**v, "text": v["text"] or text, "end": len(v["text"] or text)} for v in events],
    }  # fmt: skip
    assert store.save_extraction(doc, extraction, pipeline="hand-written")
    return doc


def resolve(store: Store) -> tuple[Resolution, dict[tuple[str, str], int]]:
    """Resolve the stored entities; also (document title, local id) -> entity row id."""
    rows = store.graph_inputs()
    titles = {d["id"]: d["title"] for d in rows["documents"]}
    with store.engine.connect() as conn:
        from sanctionwatch.store._schema import entities

        ids = {(titles[r.document_id], r.local_id): r.id for r in conn.execute(entities.select())}
    return resolve_entities(GraphInputs.from_rows(rows)), ids


def clusters(store: Store) -> dict[str, set[str]]:
    """Canonical key -> ``title/name`` of its members, after a full graph rebuild."""
    resolve_graph(store)
    res, _ = resolve(store)
    rows = store.graph_inputs()
    titles = {d["id"]: d["title"] for d in rows["documents"]}
    names = {e["id"]: f"{titles[e['document_id']]}/{e['name']}" for e in rows["entities"]}
    return {c.key: {names[i] for i in c.members} for c in res.entities}
