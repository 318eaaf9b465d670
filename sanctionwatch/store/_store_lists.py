"""The list half of the Store: snapshots, their entries and names, diffs and downloads."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from sanctionwatch.exc import NotFound, StoreError
from sanctionwatch.lists import ListIssue
from sanctionwatch.lists._diff import Entry, ListDiff
from sanctionwatch.store._engine import describe_error
from sanctionwatch.store._lists import (
    SavedIssue,
    Snapshot,
    diff_snapshots,
    insert_issue,
    record_fetch,
    save_changes,
    snapshot_entries,
    snapshot_from_row,
)
from sanctionwatch.store._schema import (
    list_changes,
    list_entries,
    list_fetches,
    list_names,
    list_snapshots,
)

__all__ = ["ListsMixin"]


class ListsMixin:
    """Store methods for sanctions lists; mixed into :class:`~sanctionwatch.store.Store`."""

    engine: sa.Engine

    def save_list_issue(
        self,
        issue: ListIssue,
        *,
        activate: bool = True,
        fetches: Sequence[Mapping[str, Any]] = (),
    ) -> SavedIssue:
        """Keep an issue of a list as a snapshot, in one transaction.

        An issue already stored (same dataset and sha256) is not stored twice. When it is
        activated in place of another snapshot, what changed between the two is computed and
        stored (see :meth:`changes`). ``fetches`` are download records kept with it.
        """
        try:
            with self.engine.begin() as conn:
                previous = _active_snapshot_id(conn, issue.dataset)
                existing = conn.execute(
                    sa.select(list_snapshots.c.id).where(
                        list_snapshots.c.dataset == issue.dataset,
                        list_snapshots.c.sha256 == issue.sha256,
                    )
                ).scalar_one_or_none()
                snapshot_id = insert_issue(conn, issue) if existing is None else existing
                diff = None
                if activate:
                    _activate(conn, issue.dataset, snapshot_id)
                    if previous is not None and previous != snapshot_id:
                        diff = diff_snapshots(conn, previous, snapshot_id)
                        save_changes(conn, diff, previous, snapshot_id)
                for record in fetches:
                    record_fetch(conn, {**record, "snapshot_id": snapshot_id})
                row = conn.execute(
                    sa.select(list_snapshots).where(list_snapshots.c.id == snapshot_id)
                ).one()
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot store list {issue.source}: {describe_error(e)}") from e
        return SavedIssue(snapshot_from_row(row), existing is None, diff, tuple(issue.warnings))

    def record_fetch(self, record: Mapping[str, Any]) -> None:
        """Keep a download attempt that stored no snapshot (not modified, or failed)."""
        with self.engine.begin() as conn:
            record_fetch(conn, record)

    def last_fetch(self, dataset: str, url: str) -> dict[str, Any] | None:
        """The newest successful download of ``url`` for ``dataset``, for a conditional GET."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(list_fetches)
                .where(
                    list_fetches.c.dataset == dataset,
                    list_fetches.c.url == url,
                    list_fetches.c.status == "fetched",
                )
                .order_by(list_fetches.c.fetched_at.desc(), list_fetches.c.id.desc())
                .limit(1)
            ).first()
        return dict(row._mapping) if row else None

    def snapshot(self, ref: str) -> Snapshot:
        """Find a snapshot by id (``12``) or by ``dataset@YYYY-MM-DD`` (date of issue)."""
        query = sa.select(list_snapshots)
        if ref.isdigit():
            query = query.where(list_snapshots.c.id == int(ref))
        elif "@" in ref:
            dataset, _, issued = ref.partition("@")
            query = query.where(
                list_snapshots.c.dataset == dataset,
                sa.cast(list_snapshots.c.issued, sa.String) == issued,
            )
        else:
            query = query.where(list_snapshots.c.dataset == ref, list_snapshots.c.active.is_(True))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(list_snapshots.c.id.desc())).all()
        if not rows:
            raise NotFound(f"no stored list snapshot {ref!r}")
        return snapshot_from_row(rows[0])

    def snapshot_entries(self, snapshot_id: int) -> dict[str, Entry]:
        """The designations of a stored snapshot, flattened for diffs."""
        with self.engine.connect() as conn:
            return snapshot_entries(conn, snapshot_id)

    def diff_snapshots(self, old_id: int, new_id: int, *, keep: bool = True) -> ListDiff:
        """What changed from one snapshot to another; kept for alerts unless ``keep`` is False."""
        with self.engine.begin() as conn:
            diff = diff_snapshots(conn, old_id, new_id)
            if keep:
                save_changes(conn, diff, old_id, new_id)
        return diff

    def changes(self, *, dataset: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Stored list changes, newest first."""
        query = sa.select(list_changes).order_by(list_changes.c.id.desc()).limit(limit)
        if dataset:
            query = query.where(list_changes.c.dataset == dataset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def snapshots(self, *, dataset: str | None = None) -> list[Snapshot]:
        """Every stored snapshot, newest first."""
        query = sa.select(list_snapshots).order_by(
            list_snapshots.c.dataset, list_snapshots.c.loaded_at.desc(), list_snapshots.c.id.desc()
        )
        if dataset:
            query = query.where(list_snapshots.c.dataset == dataset)
        with self.engine.connect() as conn:
            return [snapshot_from_row(r) for r in conn.execute(query)]

    def active_entries_by_key(self, key: str) -> list[dict[str, Any]]:
        """Entries of active snapshots with a name whose key is ``key``."""
        query = (
            sa.select(
                list_snapshots.c.dataset,
                list_entries.c.list_id,
                list_entries.c.entity_id,
                list_entries.c.schema,
                list_entries.c.programs,
                list_names.c.name,
            )
            .join(list_entries, list_entries.c.id == list_names.c.entry_id)
            .join(list_snapshots, list_snapshots.c.id == list_entries.c.snapshot_id)
            .where(list_names.c.key == key, list_snapshots.c.active.is_(True))
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def active_fingerprint(self) -> str:
        """A digest of which snapshots are active: changes whenever a list changes."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(list_snapshots.c.dataset, list_snapshots.c.sha256)
                .where(list_snapshots.c.active.is_(True))
                .order_by(list_snapshots.c.dataset)
            ).all()
        text = ";".join(f"{dataset}:{sha}" for dataset, sha in rows)
        return hashlib.sha256(text.encode()).hexdigest()

    def iter_active_entries(self) -> Iterator[dict[str, Any]]:
        """Every designation of the active snapshots: dataset, list_id, schema, FtM data."""
        query = (
            sa.select(
                list_entries.c.id,
                list_snapshots.c.dataset,
                list_entries.c.list_id,
                list_entries.c.entity_id,
                list_entries.c.schema,
                list_entries.c.caption,
                list_entries.c.programs,
                list_entries.c.data,
            )
            .join(list_snapshots, list_snapshots.c.id == list_entries.c.snapshot_id)
            .where(list_snapshots.c.active.is_(True))
            .order_by(list_entries.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=2000).execute(query):
                yield dict(row._mapping)


def _active_snapshot_id(conn: sa.Connection, dataset: str) -> int | None:
    return conn.execute(
        sa.select(list_snapshots.c.id).where(
            list_snapshots.c.dataset == dataset, list_snapshots.c.active.is_(True)
        )
    ).scalar_one_or_none()


def _activate(conn: sa.Connection, dataset: str, snapshot_id: int) -> None:
    conn.execute(
        list_snapshots.update()
        .where(list_snapshots.c.dataset == dataset)
        .values(active=list_snapshots.c.id == snapshot_id)
    )
