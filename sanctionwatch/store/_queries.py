"""Read queries over the store: summaries, entities, events."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from sanctionwatch.store import _schema as t

__all__ = ["entities", "events", "summary"]


def _count(conn: sa.Connection, query: sa.Select[Any]) -> int:
    return int(conn.execute(query).scalar_one())


def _grouped(conn: sa.Connection, column: sa.ColumnElement[Any]) -> dict[str, int]:
    rows = conn.execute(sa.select(column, sa.func.count()).group_by(column).order_by(column))
    return {str(key): int(n) for key, n in rows}


def summary(conn: sa.Connection) -> dict[str, Any]:
    """Counts of what the store holds."""
    listed = (
        sa.select(t.entities.c.type, t.entities.c.name)
        .where(t.entities.c.id.in_(sa.select(t.entity_links.c.entity_id)))
        .distinct()
        .subquery()
    )
    active = conn.execute(
        sa.select(t.list_snapshots.c.dataset, t.list_snapshots.c.issued, t.list_snapshots.c.counts)
        .where(t.list_snapshots.c.active.is_(True))
        .order_by(t.list_snapshots.c.dataset)
    )
    return {
        "documents": _count(conn, sa.select(sa.func.count()).select_from(t.documents)),
        "entities": _count(
            conn,
            sa.select(sa.func.count()).select_from(
                sa.select(t.entities.c.type, t.entities.c.name).distinct().subquery()
            ),
        ),
        "mentions": _count(conn, sa.select(sa.func.count()).select_from(t.mentions)),
        "listed_entities": _count(conn, sa.select(sa.func.count()).select_from(listed)),
        "events": _count(conn, sa.select(sa.func.count()).select_from(t.events)),
        "events_by_type": _grouped(conn, t.events.c.type),
        "events_by_modality": _grouped(conn, t.events.c.modality),
        "lists": [
            {
                "dataset": dataset,
                "issued": issued.isoformat() if issued else None,
                "targets": int(counts.get("targets", 0)),
            }
            for dataset, issued, counts in active
        ],
    }


def entities(
    conn: sa.Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    listed: bool | None = None,
    document: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Entities grouped by type and name, with documents, mentions and list links.

    :param type: only this contract type (``Person``, ``Organization``, ...).
    :param name: only names containing this text (case-insensitive).
    :param listed: only entities linked (True) or not linked (False) to a list entry.
    :param document: only entities of documents whose id starts with this.
    :param limit: at most this many rows, most-mentioned first.
    """
    filters: list[sa.ColumnElement[bool]] = []
    if type:
        filters.append(sa.func.lower(t.entities.c.type) == type.lower())
    if name:
        filters.append(t.entities.c.name.ilike(f"%{name}%"))
    if document:
        filters.append(t.entities.c.document_id.startswith(document))
    linked = sa.select(t.entity_links.c.entity_id)
    if listed is True:
        filters.append(t.entities.c.id.in_(linked))
    elif listed is False:
        filters.append(t.entities.c.id.not_in(linked))
    mention_count = sa.func.count(t.mentions.c.id)
    query = (
        sa.select(
            t.entities.c.type,
            t.entities.c.name,
            sa.func.count(sa.distinct(t.entities.c.document_id)).label("documents"),
            mention_count.label("mentions"),
        )
        .select_from(t.entities.outerjoin(t.mentions, t.mentions.c.entity_id == t.entities.c.id))
        .where(*filters)
        .group_by(t.entities.c.type, t.entities.c.name)
        .order_by(mention_count.desc(), t.entities.c.name)
        .limit(limit)
    )
    rows = [dict(r._mapping) for r in conn.execute(query)]
    links = _links_by_name(conn, [(r["type"], r["name"]) for r in rows])
    for row in rows:
        row["links"] = links.get((row["type"], row["name"]), [])
    return rows


def _links_by_name(
    conn: sa.Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    if not keys:
        return {}
    names = {name for _, name in keys}
    query = (
        sa.select(
            t.entities.c.type,
            t.entities.c.name.label("entity_name"),
            t.entity_links.c.dataset,
            t.entity_links.c.list_id,
            t.entity_links.c.name,
            sa.func.max(t.entity_links.c.score).label("score"),
        )
        .join(t.entities, t.entities.c.id == t.entity_links.c.entity_id)
        .where(t.entities.c.name.in_(names))
        .group_by(
            t.entities.c.type,
            t.entities.c.name,
            t.entity_links.c.dataset,
            t.entity_links.c.list_id,
            t.entity_links.c.name,
        )
        .order_by(sa.func.max(t.entity_links.c.score).desc())
    )
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(query):
        out[(row.type, row.entity_name)].append(
            {"dataset": row.dataset, "list_id": row.list_id, "name": row.name, "score": row.score}
        )
    return dict(out)


def events(
    conn: sa.Connection,
    *,
    type: str | None = None,
    modality: str | None = None,
    entity: str | None = None,
    document: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Events with their document and parties, newest first.

    :param type: only this PLOVER type (``AID``, ``CONSULT``, ...).
    :param modality: only this modality (``asserted``, ``alleged``, ...).
    :param entity: only events where an actor, target or place has a name containing this.
    :param document: only events of documents whose id starts with this.
    :param limit: at most this many rows.
    """
    filters: list[sa.ColumnElement[bool]] = []
    if type:
        filters.append(sa.func.upper(t.events.c.type) == type.upper())
    if modality:
        filters.append(sa.func.lower(t.events.c.modality) == modality.lower())
    if document:
        filters.append(t.events.c.document_id.startswith(document))
    if entity:
        filters.append(
            t.events.c.id.in_(
                sa.select(t.event_roles.c.event_id)
                .join(t.entities, t.entities.c.id == t.event_roles.c.entity_id)
                .where(t.entities.c.name.ilike(f"%{entity}%"))
            )
        )
    query = (
        sa.select(
            t.events.c.id,
            t.events.c.document_id,
            t.events.c.type,
            t.events.c.mode,
            t.events.c.trigger,
            t.events.c.date,
            t.events.c.modality,
            t.events.c.attribution,
            t.events.c["items"],
            t.events.c.sanctions,
            t.events.c.text,
            t.documents.c.title,
            t.documents.c.published,
        )
        .join(t.documents, t.documents.c.id == t.events.c.document_id)
        .where(*filters)
        .order_by(
            sa.func.coalesce(t.events.c.date, t.documents.c.published).desc(),
            t.events.c.document_id,
            t.events.c.start,
        )
        .limit(limit)
    )
    rows = [dict(r._mapping) for r in conn.execute(query)]
    roles = _roles(conn, [r["id"] for r in rows])
    for row in rows:
        parties = roles.get(row.pop("id"), {})
        for role in ("actor", "target", "location"):
            row[f"{role}s"] = parties.get(role, [])
    return rows


def _roles(conn: sa.Connection, event_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    if not event_ids:
        return {}
    query = (
        sa.select(t.event_roles.c.event_id, t.event_roles.c.role, t.entities.c.name)
        .join(t.entities, t.entities.c.id == t.event_roles.c.entity_id)
        .where(t.event_roles.c.event_id.in_(event_ids))
        .order_by(t.event_roles.c.event_id, t.entities.c.local_id)
    )
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for event_id, role, name in conn.execute(query):
        out[event_id][role].append(name)
    return out
