"""The Store: one handle on the database, every write a transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.exc import NotFound, StoreError
from sanctionwatch.ingest import Document
from sanctionwatch.lists import ListIssue
from sanctionwatch.lists._diff import Entry, ListDiff
from sanctionwatch.store import _alerts, _graph, _graph_queries, _queries
from sanctionwatch.store._engine import create_engine, current_revision, head_revision, migrate
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
    documents,
    entities,
    entity_links,
    event_roles,
    events,
    extractions,
    ingestion_log,
    list_changes,
    list_entries,
    list_fetches,
    list_names,
    list_snapshots,
    mentions,
)

__all__ = ["Store"]

_ROLES = (("actors", "actor"), ("targets", "target"), ("locations", "location"))


class Store:
    """The evidence store over SQLite or PostgreSQL.

    Open it with :meth:`Store.open`; use it as a context manager or call :meth:`close`.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Store:
        """Open the database at ``url`` (an SQLAlchemy URL), migrating it to the newest schema.

        :param upgrade: migrate an older or empty database; when False an out-of-date one is
            an error.
        """
        engine = create_engine(url)
        try:
            revision = current_revision(engine)
        except sa.exc.SQLAlchemyError as e:
            engine.dispose()
            raise StoreError(f"cannot open the database: {_reason(e)}") from e
        if revision != head_revision():
            if not upgrade:
                engine.dispose()
                raise StoreError(f"database schema is at {revision}, not {head_revision()}")
            migrate(engine)
        return cls(engine)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- lists ---------------------------------------------------------------------------

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
            raise StoreError(f"cannot store list {issue.source}: {_reason(e)}") from e
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

    # -- documents -----------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(documents.c.id).where(documents.c.id == document_id)
            ).first()
        return found is not None

    def save_extraction(self, doc: Document, extraction: dict[str, Any], *, pipeline: str) -> bool:
        """Store a document with its extraction in one transaction.

        Returns False, writing nothing, when the document is already stored.
        """
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    sa.select(documents.c.id).where(documents.c.id == doc.id)
                ).first()
                if exists is not None:
                    return False
                conn.execute(documents.insert().values(_document_row(doc, now)))
                conn.execute(
                    extractions.insert().values(
                        document_id=doc.id, pipeline=pipeline, data=extraction, created_at=now
                    )
                )
                ids = _insert_entities(conn, doc.id, extraction.get("entities", []))
                _insert_events(conn, doc.id, extraction.get("events", []), ids)
                conn.execute(
                    ingestion_log.insert().values(
                        at=now, source=doc.source, document_id=doc.id, pipeline=pipeline
                    )
                )
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot store document {doc.source}: {_reason(e)}") from e
        return True

    def extraction(self, document_id: str) -> dict[str, Any]:
        """The stored extraction of one document."""
        with self.engine.connect() as conn:
            data = conn.execute(
                sa.select(extractions.c.data).where(extractions.c.document_id == document_id)
            ).scalar_one_or_none()
        if data is None:
            raise NotFound(f"no document {document_id}")
        return dict(data)

    # -- queries -------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts for a status line: documents, entities, listed entities, events by kind."""
        with self.engine.connect() as conn:
            return _queries.summary(conn)

    def entities(self, **filters: Any) -> list[dict[str, Any]]:
        """Entities grouped by type and name; see :func:`sanctionwatch.store._queries.entities`."""
        with self.engine.connect() as conn:
            return _queries.entities(conn, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events with their parties; see :func:`sanctionwatch.store._queries.events`."""
        with self.engine.connect() as conn:
            return _queries.events(conn, **filters)

    # -- evidence graph ------------------------------------------------------------------

    def document_ids(self) -> list[str]:
        """The ids of every stored document, in the order they were ingested."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    sa.select(documents.c.id).order_by(documents.c.ingested_at, documents.c.id)
                ).scalars()
            )

    def document(self, document_id: str) -> Document:
        """A stored document, as it was ingested."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == document_id)).first()
        if row is None:
            raise NotFound(f"no document {document_id}")
        return Document(
            text=row.text, title=row.title, url=row.url, published=row.published,
            language=row.language, source=row.source, media_type=row.media_type, id=row.id,
        )  # fmt: skip

    def replace_extraction(
        self, document_id: str, extraction: dict[str, Any], *, pipeline: str
    ) -> None:
        """Replace a stored document's extraction, entities, links and events in one transaction.

        Derived graph rows of the old entities and events go with them; judgements stay.
        """
        try:
            with self.engine.begin() as conn:
                found = conn.execute(
                    extractions.update()
                    .where(extractions.c.document_id == document_id)
                    .values(pipeline=pipeline, data=extraction, created_at=datetime.now(UTC))
                )
                if found.rowcount == 0:
                    raise NotFound(f"no document {document_id}")
                conn.execute(events.delete().where(events.c.document_id == document_id))
                conn.execute(entities.delete().where(entities.c.document_id == document_id))
                ids = _insert_entities(conn, document_id, extraction.get("entities", []))
                _insert_events(conn, document_id, extraction.get("events", []), ids)
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot replace extraction of {document_id}: {_reason(e)}") from e

    def graph_inputs(self) -> dict[str, list[dict[str, Any]]]:
        """What the evidence graph is built from, in one read; see :mod:`._graph`."""
        with self.engine.begin() as conn:
            return _graph.graph_inputs(conn)

    def save_graph(
        self, entities: Sequence[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]]
    ) -> dict[str, int]:
        """Replace the derived graph (canonical entities, claims) in one transaction."""
        try:
            with self.engine.begin() as conn:
                return _graph.save_graph(conn, entities, claims)
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot store the evidence graph: {_reason(e)}") from e

    def add_judgements(self, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Keep analysts' judgements (kind, subject, object, author, reason) in one transaction."""
        with self.engine.begin() as conn:
            return [_graph.add_judgement(conn, **row) for row in rows]

    def judgements(self) -> list[dict[str, Any]]:
        """Every judgement, oldest first."""
        with self.engine.connect() as conn:
            return _graph.judgements(conn)

    def find_entities(self, ref: str, *, type: str | None = None) -> list[dict[str, Any]]:
        """Canonical entities named by an id, key, list reference or name."""
        with self.engine.connect() as conn:
            return _graph_queries.find_entities(conn, ref, type=type)

    def entity_profile(self, canonical_id: int) -> dict[str, Any]:
        """A canonical entity with its listings, mentions, events, relations and claims."""
        with self.engine.connect() as conn:
            return _graph_queries.entity_profile(conn, canonical_id)

    def timeline(self, canonical_id: int) -> list[dict[str, Any]]:
        """Everything dated about a canonical entity, oldest first."""
        with self.engine.connect() as conn:
            return _graph_queries.timeline(conn, canonical_id)

    def claims(self, **filters: Any) -> list[dict[str, Any]]:
        """Claims, best ranked first; see :func:`sanctionwatch.store._graph_queries.claims`."""
        with self.engine.connect() as conn:
            return _graph_queries.claims(conn, **filters)

    def save_alert_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        """Add an alert rule or replace the one of the same name."""
        with self.engine.begin() as conn:
            return _alerts.save_rule(conn, rule)

    def alert_rules(self) -> list[dict[str, Any]]:
        """Every alert rule with its cursor."""
        with self.engine.connect() as conn:
            return _alerts.rules(conn)

    def remove_alert_rule(self, name: str) -> bool:
        """Delete an alert rule, its cursor and its log."""
        with self.engine.begin() as conn:
            return _alerts.remove_rule(conn, name)

    def alert_feed(self, *, after_log_id: int, after_change_id: int) -> dict[str, Any]:
        """What is new after a rule's cursor; see :func:`sanctionwatch.store._alerts.feed`."""
        with self.engine.begin() as conn:
            return _alerts.feed(conn, after_log_id=after_log_id, after_change_id=after_change_id)

    def alert_log(self, rule_id: int) -> dict[str, dict[str, Any]]:
        """What a rule has fired, by item."""
        with self.engine.connect() as conn:
            return _alerts.log(conn, rule_id)

    def record_alerts(
        self, rule_id: int, entries: Sequence[Mapping[str, Any]], *, log_id: int, change_id: int
    ) -> None:
        """Keep what a rule fired and move its cursor, in one transaction."""
        with self.engine.begin() as conn:
            _alerts.record(conn, rule_id, entries, log_id=log_id, change_id=change_id)


def _reason(e: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    return f"{type(orig or e).__name__}: {orig or e}".splitlines()[0]


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


def _document_row(doc: Document, now: datetime) -> dict[str, Any]:
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
