"""Read queries over the evidence graph: find an entity, its profile and timeline, claims."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from sanctionwatch.names import name_key
from sanctionwatch.store import _graph_schema as g
from sanctionwatch.store import _schema as t

__all__ = ["claims", "entity_events", "entity_profile", "find_entities", "timeline"]

_CANONICAL = (
    g.canonical_entities.c.id,
    g.canonical_entities.c.key,
    g.canonical_entities.c.type,
    g.canonical_entities.c.name,
    g.canonical_entities.c.listings,
    g.canonical_entities.c.countries,
    g.canonical_entities.c.names,
)


def find_entities(
    conn: sa.Connection, ref: str, *, type: str | None = None
) -> list[dict[str, Any]]:
    """Canonical entities that ``ref`` names, best matches only.

    Tried in order: a row id, a key (``list:un_sc:KPi.076``), a list reference (``KPi.076``), a
    name with the same order-free key as the entity's name or one of its names, then a name
    containing ``ref``.
    """
    query = sa.select(*_CANONICAL)
    if type:
        query = query.where(sa.func.lower(g.canonical_entities.c.type) == type.lower())
    rows = [dict(r._mapping) for r in conn.execute(query.order_by(g.canonical_entities.c.id))]
    text = ref.strip()
    key = name_key(text)
    tests = (
        lambda r: text.isdigit() and r["id"] == int(text),
        lambda r: r["key"] == text,
        lambda r: any(link["list_id"] == text for link in r["listings"]),
        lambda r: bool(key) and name_key(r["name"]) == key,
        lambda r: bool(key) and any(name_key(n) == key for n in r["names"]),
        lambda r: text.lower() in r["name"].lower(),
    )
    for test in tests:
        found = [r for r in rows if test(r)]
        if found:
            return found
    return []


def _members(conn: sa.Connection, canonical_id: int) -> list[int]:
    return list(
        conn.execute(
            sa.select(g.entity_resolution.c.entity_id).where(
                g.entity_resolution.c.canonical_id == canonical_id
            )
        ).scalars()
    )


def entity_events(conn: sa.Connection, canonical_id: int) -> list[dict[str, Any]]:
    """Events the entity takes part in, oldest first, with its role and the claim they feed."""
    members = sa.select(g.entity_resolution.c.entity_id).where(
        g.entity_resolution.c.canonical_id == canonical_id
    )
    when = sa.func.coalesce(t.events.c.date, t.documents.c.published)
    query = (
        sa.select(
            t.events.c.id,
            when.label("date"),
            t.events.c.type,
            t.events.c.mode,
            t.events.c.modality,
            t.events.c.trigger,
            t.events.c.text,
            t.events.c.attribution,
            t.event_roles.c.role,
            t.documents.c.id.label("document_id"),
            t.documents.c.title,
            t.documents.c.url,
            g.claims.c.key.label("claim"),
        )
        .join(t.event_roles, t.event_roles.c.event_id == t.events.c.id)
        .join(t.documents, t.documents.c.id == t.events.c.document_id)
        .outerjoin(g.claim_events, g.claim_events.c.event_id == t.events.c.id)
        .outerjoin(g.claims, g.claims.c.id == g.claim_events.c.claim_id)
        .where(t.event_roles.c.entity_id.in_(members))
        .order_by(when, t.events.c.document_id, t.events.c.start)
    )
    out: dict[int, dict[str, Any]] = {}
    for row in conn.execute(query):
        item = out.setdefault(row.id, {**dict(row._mapping), "roles": []})
        if row.role not in item["roles"]:
            item["roles"].append(row.role)
    for item in out.values():
        item.pop("role")
        item.pop("id")
    return list(out.values())


def entity_profile(conn: sa.Connection, canonical_id: int) -> dict[str, Any]:
    """One canonical entity: listings, names, mentions by document, events over time, related
    entities and the claims it is party to."""
    row = conn.execute(
        sa.select(g.canonical_entities).where(g.canonical_entities.c.id == canonical_id)
    ).one()
    profile = dict(row._mapping)
    members = _members(conn, canonical_id)
    docs: dict[str, dict[str, Any]] = {}
    query = (
        sa.select(
            t.documents.c.id,
            t.documents.c.title,
            t.documents.c.published,
            t.documents.c.url,
            t.entities.c.name,
            t.mentions.c.text,
            g.entity_resolution.c.method,
        )
        .join(t.entities, t.entities.c.document_id == t.documents.c.id)
        .join(g.entity_resolution, g.entity_resolution.c.entity_id == t.entities.c.id)
        .outerjoin(t.mentions, t.mentions.c.entity_id == t.entities.c.id)
        .where(t.entities.c.id.in_(members))
        .order_by(t.documents.c.published, t.documents.c.id, t.mentions.c.start)
    )
    for r in conn.execute(query):
        doc = docs.setdefault(
            r.id,
            {"document_id": r.id, "title": r.title, "published": r.published, "url": r.url,
             "as": r.name, "resolved_by": r.method, "mentions": []},
        )  # fmt: skip
        if r.text is not None:
            doc["mentions"].append(r.text)
    events = entity_events(conn, canonical_id)
    profile["mentions"] = sum(len(d["mentions"]) for d in docs.values())
    profile["documents"] = list(docs.values())
    profile["events"] = events
    profile["events_by_month"] = dict(
        sorted(Counter((e["date"] or "unknown")[:7] for e in events).items())
    )
    profile["related"] = _related(conn, canonical_id, members)
    profile["claims"] = claims(conn, canonical_id=canonical_id, limit=50)
    return profile


def _related(conn: sa.Connection, canonical_id: int, members: list[int]) -> list[dict[str, Any]]:
    mine = sa.select(t.event_roles.c.event_id).where(t.event_roles.c.entity_id.in_(members))
    query = (
        sa.select(
            g.canonical_entities.c.id,
            g.canonical_entities.c.key,
            g.canonical_entities.c.name,
            g.canonical_entities.c.type,
            sa.func.count(sa.distinct(t.event_roles.c.event_id)).label("events"),
        )
        .join(g.entity_resolution, g.entity_resolution.c.entity_id == t.event_roles.c.entity_id)
        .join(
            g.canonical_entities,
            g.canonical_entities.c.id == g.entity_resolution.c.canonical_id,
        )
        .where(t.event_roles.c.event_id.in_(mine), g.canonical_entities.c.id != canonical_id)
        .group_by(*(c for c in g.canonical_entities.c if c.name in ("id", "key", "name", "type")))
        .order_by(sa.desc("events"), g.canonical_entities.c.name)
        .limit(25)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def timeline(conn: sa.Connection, canonical_id: int) -> list[dict[str, Any]]:
    """Everything dated about one entity, oldest first: reports naming it, events it takes part
    in, and changes to its listings."""
    profile_docs = entity_profile(conn, canonical_id)
    items: list[dict[str, Any]] = [
        {"date": d["published"], "kind": "report", "what": d["title"] or d["document_id"][:12],
         "detail": f"named {len(d['mentions'])} time(s) as {d['as']}",
         "document_id": d["document_id"]}
        for d in profile_docs["documents"]
    ]  # fmt: skip
    for e in profile_docs["events"]:
        items.append(
            {"date": e["date"], "kind": "event", "what": f"{e['type']} ({e['modality']})",
             "detail": e["text"], "document_id": e["document_id"], "roles": e["roles"],
             "claim": e["claim"]}
        )  # fmt: skip
    for listing in profile_docs["listings"]:
        changes = conn.execute(
            sa.select(t.list_changes, t.list_snapshots.c.issued)
            .join(t.list_snapshots, t.list_snapshots.c.id == t.list_changes.c.new_snapshot_id)
            .where(
                t.list_changes.c.dataset == listing["dataset"],
                t.list_changes.c.list_id == listing["list_id"],
            )
        )
        for c in changes:
            items.append(
                {"date": c.issued.isoformat() if c.issued else c.created_at.date().isoformat(),
                 "kind": "listing", "what": f"{c.change} on {c.dataset}",
                 "detail": f"{c.list_id} {c.caption}: {', '.join(c.fields) or 'designation'}"}
            )  # fmt: skip
    return sorted(items, key=lambda i: (i["date"] or "", i["kind"]))


def claims(
    conn: sa.Connection,
    *,
    flagged: bool | None = None,
    canonical_id: int | None = None,
    key: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Claims, highest rank first, with their parties' names."""
    query = sa.select(g.claims).order_by(
        g.claims.c.rank.desc(), g.claims.c.last_seen.desc(), g.claims.c.key
    )
    if flagged is not None:
        query = query.where(g.claims.c.flagged.is_(flagged))
    if key:
        query = query.where(g.claims.c.key.startswith(key))
    if canonical_id is not None:
        query = query.where(
            g.claims.c.id.in_(
                sa.select(g.claim_parties.c.claim_id).where(
                    g.claim_parties.c.canonical_id == canonical_id
                )
            )
        )
    rows = [dict(r._mapping) for r in conn.execute(query.limit(limit))]
    parties: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for claim_id, role, name in conn.execute(
        sa.select(g.claim_parties.c.claim_id, g.claim_parties.c.role, g.canonical_entities.c.name)
        .join(g.canonical_entities, g.canonical_entities.c.id == g.claim_parties.c.canonical_id)
        .where(g.claim_parties.c.claim_id.in_([r["id"] for r in rows]))
        .order_by(g.canonical_entities.c.name)
    ):
        parties[claim_id][role].append(name)
    for row in rows:
        found = parties.get(row.pop("id"), {})
        row["actors"], row["targets"] = found.get("actor", []), found.get("target", [])
    return rows
