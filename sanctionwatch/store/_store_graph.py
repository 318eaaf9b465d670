"""The evidence-graph half of the Store: documents for reprocessing, canonical entities,
claims, judgements and alerts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.exc import NotFound, StoreError
from sanctionwatch.ingest import Document
from sanctionwatch.store import _alerts, _graph, _graph_queries
from sanctionwatch.store._engine import describe_error
from sanctionwatch.store._rows import insert_extraction_rows
from sanctionwatch.store._schema import documents, entities, events, extractions

__all__ = ["GraphMixin"]


class GraphMixin:
    """Store methods for the evidence graph; mixed into :class:`~sanctionwatch.store.Store`."""

    engine: sa.Engine

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
            language=row.language, source=row.source, media_type=row.media_type,
            publisher=row.publisher, id=row.id,
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
                insert_extraction_rows(conn, document_id, extraction)
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(
                f"cannot replace extraction of {document_id}: {describe_error(e)}"
            ) from e

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
            raise StoreError(f"cannot store the evidence graph: {describe_error(e)}") from e

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
