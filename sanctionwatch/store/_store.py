"""The Store: one handle on the database, every write a transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sanctionwatch.exc import NotFound, StoreError
from sanctionwatch.ingest import Document
from sanctionwatch.store import _queries
from sanctionwatch.store._engine import (
    create_engine,
    current_revision,
    describe_error,
    head_revision,
    migrate,
)
from sanctionwatch.store._rows import document_row, insert_extraction_rows
from sanctionwatch.store._schema import documents, extractions, ingestion_log
from sanctionwatch.store._store_graph import GraphMixin
from sanctionwatch.store._store_lists import ListsMixin

__all__ = ["Store"]


class Store(ListsMixin, GraphMixin):
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
            raise StoreError(f"cannot open the database: {describe_error(e)}") from e
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
                conn.execute(documents.insert().values(document_row(doc, now)))
                conn.execute(
                    extractions.insert().values(
                        document_id=doc.id, pipeline=pipeline, data=extraction, created_at=now
                    )
                )
                insert_extraction_rows(conn, doc.id, extraction)
                conn.execute(
                    ingestion_log.insert().values(
                        at=now, source=doc.source, document_id=doc.id, pipeline=pipeline
                    )
                )
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot store document {doc.source}: {describe_error(e)}") from e
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
