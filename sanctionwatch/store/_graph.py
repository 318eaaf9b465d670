"""Reading what the evidence graph is built from, writing the graph, keeping judgements.

Functions take a Connection inside the caller's transaction; :class:`~sanctionwatch.store.Store`
methods open it. Rows go in and out as plain dicts: the store knows nothing of resolution.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.store import _graph_schema as g
from sanctionwatch.store import _schema as t

__all__ = ["add_judgement", "graph_inputs", "judgements", "save_graph"]

_ROLE_KEYS = {"actor": "actors", "target": "targets"}


def graph_inputs(conn: sa.Connection) -> dict[str, list[dict[str, Any]]]:
    """Documents, entities (with mentions and links), events (with parties), judgements, and
    the active list entries that confirmed links point at."""
    documents = [
        dict(r._mapping)
        for r in conn.execute(
            sa.select(
                t.documents.c.id,
                t.documents.c.title,
                t.documents.c.url,
                t.documents.c.publisher,
                t.documents.c.published,
                t.documents.c.ingested_at,
                t.documents.c.text,
            )
        )
    ]
    mentions: dict[int, list[str]] = defaultdict(list)
    for entity_id, text in conn.execute(
        sa.select(t.mentions.c.entity_id, t.mentions.c.text).order_by(t.mentions.c.id)
    ):
        mentions[entity_id].append(text)
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(sa.select(t.entity_links).order_by(t.entity_links.c.id)):
        links[row.entity_id].append(dict(row._mapping))
    entities = []
    local: dict[tuple[str, str], int] = {}
    for row in conn.execute(sa.select(t.entities).order_by(t.entities.c.id)):
        local[(row.document_id, row.local_id)] = row.id
        entities.append(
            {**dict(row._mapping), "mentions": mentions[row.id], "links": links[row.id]}
        )
    return {
        "documents": documents,
        "entities": entities,
        "events": _events(conn, local),
        "judgements": judgements(conn),
        "listings": _confirmed_listings(conn),
    }


def _events(conn: sa.Connection, local: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    roles: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for event_id, entity_id, role in conn.execute(
        sa.select(t.event_roles.c.event_id, t.event_roles.c.entity_id, t.event_roles.c.role)
        .join(t.entities, t.entities.c.id == t.event_roles.c.entity_id)
        .order_by(t.event_roles.c.event_id, t.entities.c.local_id)
    ):
        roles[event_id][role].append(entity_id)
    said_by: dict[tuple[str, str], int] = {}
    for document_id, data in conn.execute(
        sa.select(t.extractions.c.document_id, t.extractions.c.data)
    ):
        for event in (data or {}).get("events", []):
            who = (event.get("attribution") or {}).get("entity")
            if who and (document_id, who) in local:
                said_by[(document_id, event["id"])] = local[(document_id, who)]
    out = []
    for row in conn.execute(sa.select(t.events).order_by(t.events.c.id)):
        item = dict(row._mapping)
        for role, key in _ROLE_KEYS.items():
            item[key] = roles[row.id].get(role, [])
        item["attribution_entity"] = said_by.get((row.document_id, row.local_id))
        out.append(item)
    return out


def _confirmed_listings(conn: sa.Connection) -> list[dict[str, Any]]:
    refs = {
        obj
        for (obj,) in conn.execute(
            sa.select(g.judgements.c.object).where(g.judgements.c.kind == "confirm_link")
        )
        if obj and obj.startswith("list:")
    }
    wanted = {tuple(ref.split("@")[0].split(":", 2)[1:]) for ref in refs}
    if not wanted:
        return []
    rows = conn.execute(
        sa.select(
            t.list_snapshots.c.dataset,
            t.list_entries.c.list_id,
            t.list_entries.c.caption,
            t.list_entries.c.programs,
        )
        .join(t.list_snapshots, t.list_snapshots.c.id == t.list_entries.c.snapshot_id)
        .where(
            t.list_snapshots.c.active.is_(True),
            t.list_entries.c.list_id.in_([list_id for _, list_id in wanted]),
        )
    )
    return [
        {"dataset": r.dataset, "list_id": r.list_id, "name": r.caption, "programs": r.programs}
        for r in rows
        if (r.dataset, r.list_id) in wanted
    ]


def save_graph(
    conn: sa.Connection,
    entities: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
) -> dict[str, int]:
    """Replace the derived graph: canonical entities with their members, claims with their
    events and parties. Judgements and alert state are left alone."""
    for table in (
        g.claim_parties,
        g.claim_events,
        g.claims,
        g.entity_resolution,
        g.canonical_entities,
    ):
        conn.execute(table.delete())
    ids: dict[str, int] = {}
    members: list[dict[str, Any]] = []
    for entity in entities:
        row = {k: v for k, v in entity.items() if k != "members"}
        ids[entity["key"]] = conn.execute(
            g.canonical_entities.insert().values(**row).returning(g.canonical_entities.c.id)
        ).scalar_one()
        members.extend(
            {"entity_id": entity_id, "canonical_id": ids[entity["key"]], "method": method}
            for entity_id, method in entity["members"].items()
        )
    if members:
        conn.execute(g.entity_resolution.insert(), members)
    for claim in claims:
        row = {k: v for k, v in claim.items() if k not in ("events", "parties")}
        claim_id = conn.execute(
            g.claims.insert().values(**row).returning(g.claims.c.id)
        ).scalar_one()
        events = {event_id: stance for event_id, stance in claim["events"]}
        if events:
            conn.execute(
                g.claim_events.insert(),
                [{"claim_id": claim_id, "event_id": e, "stance": s} for e, s in events.items()],
            )
        parties = [
            {"claim_id": claim_id, "canonical_id": ids[key], "role": role}
            for key, role in claim["parties"]
            if key in ids
        ]
        if parties:
            conn.execute(g.claim_parties.insert(), parties)
    return {"entities": len(entities), "members": len(members), "claims": len(claims)}


def add_judgement(
    conn: sa.Connection,
    *,
    kind: str,
    subject: str,
    object: str | None,
    author: str,
    reason: str,
) -> dict[str, Any]:
    """Keep one judgement; returns it as stored."""
    row = {
        "kind": kind,
        "subject": subject,
        "object": object,
        "author": author,
        "created_at": datetime.now(UTC),
        "reason": reason,
    }
    row["id"] = conn.execute(
        g.judgements.insert().values(**row).returning(g.judgements.c.id)
    ).scalar_one()
    return row


def judgements(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every judgement, oldest first."""
    query = sa.select(g.judgements).order_by(g.judgements.c.created_at, g.judgements.c.id)
    return [dict(r._mapping) for r in conn.execute(query)]
