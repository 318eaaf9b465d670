"""Writing a document's extraction as rows: entities, mentions, links, events and roles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.ingest import Document
from sanctionwatch.store._schema import entities, entity_links, event_roles, events, mentions

__all__ = ["document_row", "insert_extraction_rows"]

_ROLES = (("actors", "actor"), ("targets", "target"), ("locations", "location"))


def insert_extraction_rows(
    conn: sa.Connection, document_id: str, extraction: dict[str, Any]
) -> None:
    """Insert the entities (with mentions and links) and events (with roles) of an extraction."""
    ids = _insert_entities(conn, document_id, extraction.get("entities", []))
    _insert_events(conn, document_id, extraction.get("events", []), ids)


def document_row(doc: Document, now: datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "language": doc.language,
        "chars": doc.chars,
        "source": doc.source,
        "media_type": doc.media_type,
        "publisher": doc.publisher,
        "text": doc.text,
        "ingested_at": now,
    }


def _insert_entities(
    conn: sa.Connection, document_id: str, items: list[dict[str, Any]]
) -> dict[str, int]:
    ids: dict[str, int] = {}
    for item in items:
        entity_id: int = conn.execute(
            entities.insert()
            .values(
                document_id=document_id,
                local_id=item["id"],
                type=item["type"],
                name=item["name"],
                countries=list(item.get("country") or []),
            )
            .returning(entities.c.id)
        ).scalar_one()
        ids[item["id"]] = entity_id
        rows = [
            {"entity_id": entity_id, "start": m["start"], "end": m["end"], "text": m["text"]}
            for m in item.get("mentions", [])
        ]
        if rows:
            conn.execute(mentions.insert(), rows)
        links = [
            {
                "entity_id": entity_id,
                "dataset": link["dataset"],
                "list_id": link.get("list_id"),
                "name": link["name"],
                "score": float(link["score"]),
                "programs": list(link.get("programs") or []),
                "explanation": link.get("explanation") or "",
            }
            for link in item.get("links", [])
        ]
        if links:
            conn.execute(entity_links.insert(), links)
    return ids


def _insert_events(
    conn: sa.Connection, document_id: str, items: list[dict[str, Any]], ids: dict[str, int]
) -> None:
    for item in items:
        attribution = item.get("attribution") or {}
        event_id: int = conn.execute(
            events.insert()
            .values(
                document_id=document_id,
                local_id=item["id"],
                type=item["type"],
                mode=item.get("mode"),
                start=item["start"],
                end=item["end"],
                text=item["text"],
                trigger=item["trigger"],
                date=item.get("date"),
                modality=item["modality"],
                attribution=attribution.get("text"),
                items=list(item.get("items") or []),
                sanctions=list(item.get("sanctions") or []),
            )
            .returning(events.c.id)
        ).scalar_one()
        roles = {
            (ids[local], role)
            for key, role in _ROLES
            for local in item.get(key, [])
            if local in ids
        }
        if roles:
            conn.execute(
                event_roles.insert(),
                [{"event_id": event_id, "entity_id": e, "role": r} for e, r in sorted(roles)],
            )
