"""Writing list issues as snapshots, and reading the active entries' names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from followthemoney.proxy import EntityProxy

from sanctionwatch.lists import ListIssue
from sanctionwatch.names import name_key
from sanctionwatch.store._schema import list_entries, list_names, list_snapshots

__all__ = ["LINK_NAME_PROPS", "Snapshot", "insert_issue", "snapshot_from_row"]

#: The name properties of a list entry that take part in linking (weak aliases do not).
LINK_NAME_PROPS = ("name", "alias", "previousName")


@dataclass(frozen=True)
class Snapshot:
    """A stored issue of a list."""

    id: int
    dataset: str
    issued: date | None
    source: str
    sha256: str
    loaded_at: datetime
    counts: dict[str, int]
    active: bool


def snapshot_from_row(row: sa.Row[Any]) -> Snapshot:
    """Build a :class:`Snapshot` from a ``list_snapshots`` row."""
    return Snapshot(
        id=row.id,
        dataset=row.dataset,
        issued=row.issued,
        source=row.source,
        sha256=row.sha256,
        loaded_at=row.loaded_at,
        counts=dict(row.counts),
        active=bool(row.active),
    )


def _entry_row(
    snapshot_id: int, target: EntityProxy, sanctions: list[EntityProxy]
) -> dict[str, Any]:
    refs = [ref for s in sanctions for ref in (s.get("authorityId") or s.get("unscId"))]
    programs = sorted({p for s in sanctions for p in s.get("programId") or s.get("program")})
    return {
        "snapshot_id": snapshot_id,
        "entity_id": target.id,
        "schema": target.schema.name,
        "caption": target.caption,
        "list_id": refs[0] if refs else None,
        "programs": programs,
        "data": {"entity": target.to_dict(), "sanctions": [s.to_dict() for s in sanctions]},
    }


def insert_issue(conn: sa.Connection, issue: ListIssue) -> int:
    """Insert one issue as a new, inactive snapshot inside the caller's transaction."""
    targets = issue.targets()
    counts = issue.counts()
    counts["targets"] = len(targets)
    snapshot_id: int = conn.execute(
        list_snapshots.insert()
        .values(
            dataset=issue.dataset,
            issued=issue.issued,
            source=issue.source,
            sha256=issue.sha256,
            loaded_at=datetime.now(UTC),
            counts=counts,
            active=False,
        )
        .returning(list_snapshots.c.id)
    ).scalar_one()
    by_target: dict[str, list[EntityProxy]] = defaultdict(list)
    for entity in issue.entities:
        if entity.schema.name == "Sanction":
            for target_id in entity.get("entity"):
                by_target[target_id].append(entity)
    rows = [_entry_row(snapshot_id, t, by_target.get(str(t.id), [])) for t in targets]
    if rows:
        conn.execute(list_entries.insert(), rows)
    ids: dict[str, int] = {
        entity_id: entry_id
        for entity_id, entry_id in conn.execute(
            sa.select(list_entries.c.entity_id, list_entries.c.id).where(
                list_entries.c.snapshot_id == snapshot_id
            )
        )
    }
    names: list[dict[str, Any]] = []
    for target in targets:
        seen: set[str] = set()
        for prop in LINK_NAME_PROPS:
            if prop not in target.schema.properties:
                continue
            for name in target.get(prop):
                key = name_key(name)
                if key and key not in seen:
                    seen.add(key)
                    names.append({"entry_id": ids[target.id], "name": name, "key": key[:512]})
    if names:
        conn.execute(list_names.insert(), names)
    return snapshot_id
