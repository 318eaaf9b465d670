"""Writing list issues as snapshots, and reading the active entries' names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from followthemoney.proxy import EntityProxy

from sanctionwatch.lists import ListIssue
from sanctionwatch.lists._diff import Entry, ListDiff, diff_entries, entry_from_dicts
from sanctionwatch.names import name_key
from sanctionwatch.store._schema import (
    list_changes,
    list_entries,
    list_fetches,
    list_names,
    list_snapshots,
)

__all__ = [
    "LINK_NAME_PROPS",
    "SavedIssue",
    "Snapshot",
    "diff_snapshots",
    "insert_issue",
    "record_fetch",
    "save_changes",
    "snapshot_entries",
    "snapshot_from_row",
]

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


@dataclass(frozen=True)
class SavedIssue:
    """The result of storing a list issue: its snapshot, whether it was new, what changed."""

    snapshot: Snapshot
    created: bool
    diff: ListDiff | None
    warnings: tuple[str, ...] = ()


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
        entry_id = ids[str(target.id)]
        seen: set[str] = set()
        for prop in LINK_NAME_PROPS:
            if prop not in target.schema.properties:
                continue
            for name in target.get(prop):
                key = name_key(name)
                if key and key not in seen:
                    seen.add(key)
                    names.append({"entry_id": entry_id, "name": name, "key": key[:512]})
    if names:
        conn.execute(list_names.insert(), names)
    return snapshot_id


def snapshot_entries(conn: sa.Connection, snapshot_id: int) -> dict[str, Entry]:
    """The designations of a stored snapshot, keyed by list reference."""
    rows = conn.execute(
        sa.select(list_entries.c.data).where(list_entries.c.snapshot_id == snapshot_id)
    )
    entries = (entry_from_dicts(data["entity"], data["sanctions"]) for (data,) in rows)
    return {e.key: e for e in entries}


def _label(conn: sa.Connection, snapshot_id: int) -> tuple[str, str]:
    row = conn.execute(
        sa.select(list_snapshots.c.dataset, list_snapshots.c.issued).where(
            list_snapshots.c.id == snapshot_id
        )
    ).one()
    return row.dataset, f"{row.dataset}@{row.issued or '?'} (#{snapshot_id})"


def diff_snapshots(conn: sa.Connection, old_id: int, new_id: int) -> ListDiff:
    """Compare two stored snapshots."""
    dataset, old_label = _label(conn, old_id)
    _, new_label = _label(conn, new_id)
    return diff_entries(
        snapshot_entries(conn, old_id),
        snapshot_entries(conn, new_id),
        dataset=dataset,
        old_label=old_label,
        new_label=new_label,
    )


def save_changes(conn: sa.Connection, diff: ListDiff, old_id: int, new_id: int) -> None:
    """Keep a diff between two snapshots, once."""
    done = conn.execute(
        sa.select(list_changes.c.id)
        .where(list_changes.c.old_snapshot_id == old_id, list_changes.c.new_snapshot_id == new_id)
        .limit(1)
    ).first()
    if done is not None or not diff.changes:
        return
    now = datetime.now(UTC)
    conn.execute(
        list_changes.insert(),
        [
            {
                "dataset": diff.dataset,
                "old_snapshot_id": old_id,
                "new_snapshot_id": new_id,
                "list_id": c.key,
                "caption": c.caption,
                "schema": c.schema,
                "change": c.kind,
                "fields": {k: dict(v) for k, v in c.fields.items()},
                "created_at": now,
            }
            for c in diff.changes
        ],
    )


def record_fetch(conn: sa.Connection, record: Mapping[str, Any]) -> None:
    """Keep one download attempt: url, status (fetched, not_modified, failed), validators."""
    conn.execute(
        list_fetches.insert().values(
            dataset=record["dataset"],
            url=record["url"],
            status=record["status"],
            etag=record.get("etag"),
            last_modified=record.get("last_modified"),
            sha256=record.get("sha256"),
            bytes=record.get("bytes"),
            message=record.get("message"),
            snapshot_id=record.get("snapshot_id"),
            fetched_at=record.get("fetched_at") or datetime.now(UTC),
        )
    )
