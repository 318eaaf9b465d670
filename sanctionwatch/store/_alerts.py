"""Alert rules, what is new for them since their last run, and what they fired.

A rule's cursor is the newest ``ingestion_log`` row and ``list_changes`` row it has seen: new
documents and new list changes are those after it. ``alert_log`` holds one row per rule and
item (a claim, a claim's new source, a vessel in a document, a list change), so that an item
fires once; a delivery that failed stays there, ``failed``, to be tried again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.store import _graph_schema as g
from sanctionwatch.store import _schema as t

__all__ = ["feed", "log", "record", "remove_rule", "rules", "save_rule"]

_CLAIM_FIELDS = (
    "key", "title", "summary", "flagged", "rank", "flags", "supporters", "deniers",
    "modalities", "first_seen", "last_seen",
)  # fmt: skip


def save_rule(conn: sa.Connection, rule: Mapping[str, Any]) -> dict[str, Any]:
    """Add a rule, or replace the one of the same name (its cursor and log are kept)."""
    values = {k: rule[k] for k in ("type", "params", "channel", "target")}
    found = conn.execute(
        sa.select(g.alert_rules.c.id).where(g.alert_rules.c.name == rule["name"])
    ).scalar_one_or_none()
    if found is None:
        found = conn.execute(
            g.alert_rules.insert()
            .values(name=rule["name"], created_at=datetime.now(UTC), **values)
            .returning(g.alert_rules.c.id)
        ).scalar_one()
    else:
        conn.execute(g.alert_rules.update().where(g.alert_rules.c.id == found).values(**values))
    return {"id": found, "name": rule["name"], **values}


def rules(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every rule with its cursor (``last_run_at``, ``last_log_id``, ``last_change_id``)."""
    query = (
        sa.select(
            g.alert_rules,
            g.alert_runs.c.last_run_at,
            g.alert_runs.c.last_log_id,
            g.alert_runs.c.last_change_id,
        )
        .outerjoin(g.alert_runs, g.alert_runs.c.rule_id == g.alert_rules.c.id)
        .order_by(g.alert_rules.c.name)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def remove_rule(conn: sa.Connection, name: str) -> bool:
    """Delete a rule with its cursor and log; False when there is none of that name."""
    rule_id = conn.execute(
        sa.select(g.alert_rules.c.id).where(g.alert_rules.c.name == name)
    ).scalar_one_or_none()
    if rule_id is None:
        return False
    for table in (g.alert_log, g.alert_runs):
        conn.execute(table.delete().where(table.c.rule_id == rule_id))
    conn.execute(g.alert_rules.delete().where(g.alert_rules.c.id == rule_id))
    return True


def feed(conn: sa.Connection, *, after_log_id: int, after_change_id: int) -> dict[str, Any]:
    """What is new after a cursor: claims' events from new documents, listed vessels named in
    new documents, new list changes; and the cursor to store once they are handled."""
    log_id = conn.execute(sa.select(sa.func.max(t.ingestion_log.c.id))).scalar() or 0
    change_id = conn.execute(sa.select(sa.func.max(t.list_changes.c.id))).scalar() or 0
    new_docs = (
        sa.select(t.ingestion_log.c.document_id)
        .where(t.ingestion_log.c.id > after_log_id, t.ingestion_log.c.id <= log_id)
        .scalar_subquery()
    )
    rows = conn.execute(
        sa.select(
            g.claims.c.id.label("claim_id"),
            *(g.claims.c[f] for f in _CLAIM_FIELDS),
            g.claim_events.c.stance,
            t.events.c.modality,
            t.events.c.text,
            t.documents.c.id.label("document_id"),
            t.documents.c.title.label("document_title"),
            t.documents.c.url,
            t.documents.c.publisher,
            t.documents.c.published,
        )
        .join(g.claim_events, g.claim_events.c.claim_id == g.claims.c.id)
        .join(t.events, t.events.c.id == g.claim_events.c.event_id)
        .join(t.documents, t.documents.c.id == t.events.c.document_id)
        .where(t.events.c.document_id.in_(new_docs))
        .order_by(g.claims.c.key, t.documents.c.id)
    ).all()
    parties = _parties(conn, {r.claim_id for r in rows})
    claim_events = [{**dict(r._mapping), "parties": parties.get(r.claim_id, [])} for r in rows]
    vessels = conn.execute(
        sa.select(
            g.canonical_entities.c.key,
            g.canonical_entities.c.name,
            g.canonical_entities.c.listings,
            t.documents.c.id.label("document_id"),
            t.documents.c.title.label("document_title"),
            t.documents.c.url,
            t.entities.c.name.label("named_as"),
        )
        .join(g.entity_resolution, g.entity_resolution.c.canonical_id == g.canonical_entities.c.id)
        .join(t.entities, t.entities.c.id == g.entity_resolution.c.entity_id)
        .join(t.documents, t.documents.c.id == t.entities.c.document_id)
        .where(
            g.canonical_entities.c.type == "Vessel",
            g.canonical_entities.c.list_id.is_not(None),
            t.entities.c.document_id.in_(new_docs),
        )
        .order_by(g.canonical_entities.c.key, t.documents.c.id)
    )
    changes = conn.execute(
        sa.select(t.list_changes)
        .where(t.list_changes.c.id > after_change_id, t.list_changes.c.id <= change_id)
        .order_by(t.list_changes.c.id)
    )
    return {
        "log_id": log_id,
        "change_id": change_id,
        "claim_events": claim_events,
        "vessels": [dict(r._mapping) for r in vessels],
        "changes": [dict(r._mapping) for r in changes],
    }


def _parties(conn: sa.Connection, claim_ids: set[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not claim_ids:
        return out
    query = (
        sa.select(
            g.claim_parties.c.claim_id,
            g.claim_parties.c.role,
            g.canonical_entities.c.key,
            g.canonical_entities.c.name,
            g.canonical_entities.c.type,
            g.canonical_entities.c.countries,
            g.canonical_entities.c.names,
        )
        .join(g.canonical_entities, g.canonical_entities.c.id == g.claim_parties.c.canonical_id)
        .where(g.claim_parties.c.claim_id.in_(claim_ids))
    )
    for row in conn.execute(query):
        out[row.claim_id].append({k: v for k, v in row._mapping.items() if k != "claim_id"})
    return out


def log(conn: sa.Connection, rule_id: int) -> dict[str, dict[str, Any]]:
    """What a rule has fired: item -> status, attempts, payload."""
    query = sa.select(g.alert_log).where(g.alert_log.c.rule_id == rule_id)
    return {r.item: dict(r._mapping) for r in conn.execute(query)}


def record(
    conn: sa.Connection,
    rule_id: int,
    entries: Sequence[Mapping[str, Any]],
    *,
    log_id: int,
    change_id: int,
) -> None:
    """Keep what a run fired (item, payload, status, attempts, message) and move its cursor."""
    now = datetime.now(UTC)
    known = log(conn, rule_id)
    for entry in entries:
        values = {
            "payload": entry["payload"],
            "status": entry["status"],
            "message": entry.get("message"),
            "delivered_at": now if entry["status"] == "delivered" else None,
        }
        previous = known.get(entry["item"])
        if previous is None:
            conn.execute(
                g.alert_log.insert().values(
                    rule_id=rule_id,
                    item=entry["item"],
                    attempts=entry["attempts"],
                    created_at=now,
                    **values,
                )
            )
        else:
            conn.execute(
                g.alert_log.update()
                .where(g.alert_log.c.id == previous["id"])
                .values(attempts=previous["attempts"] + entry["attempts"], **values)
            )
    cursor = {"last_run_at": now, "last_log_id": log_id, "last_change_id": change_id}
    updated = conn.execute(
        g.alert_runs.update().where(g.alert_runs.c.rule_id == rule_id).values(**cursor)
    )
    if updated.rowcount == 0:
        conn.execute(g.alert_runs.insert().values(rule_id=rule_id, **cursor))
