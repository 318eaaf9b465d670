"""The store's tables, as SQLAlchemy Core metadata: the one schema for SQLite and PostgreSQL.

Alembic migrations in ``migrations/versions`` create these; a test checks that the migrated
database and this metadata agree.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "documents",
    "entities",
    "entity_links",
    "event_roles",
    "events",
    "extractions",
    "ingestion_log",
    "list_changes",
    "list_entries",
    "list_fetches",
    "list_names",
    "list_snapshots",
    "mentions",
    "metadata",
]

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

_TS = sa.DateTime(timezone=True)

list_snapshots = sa.Table(
    "list_snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("dataset", sa.String(64), nullable=False),
    sa.Column("issued", sa.Date),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("loaded_at", _TS, nullable=False),
    sa.Column("counts", sa.JSON, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=False),
    sa.UniqueConstraint("dataset", "sha256"),
)

list_entries = sa.Table(
    "list_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "snapshot_id",
        sa.Integer,
        sa.ForeignKey("list_snapshots.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("entity_id", sa.String(128), nullable=False),
    sa.Column("schema", sa.String(32), nullable=False),
    sa.Column("caption", sa.Text, nullable=False),
    sa.Column("list_id", sa.String(64)),
    sa.Column("programs", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.UniqueConstraint("snapshot_id", "entity_id"),
)

list_names = sa.Table(
    "list_names",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "entry_id",
        sa.Integer,
        sa.ForeignKey("list_entries.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("key", sa.String(512), nullable=False, index=True),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("chars", sa.Integer, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("media_type", sa.String(64), nullable=False),
    sa.Column("publisher", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", _TS, nullable=False),
)

extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("pipeline", sa.String(128), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", _TS, nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.UniqueConstraint("document_id", "local_id"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "entity_id",
        sa.Integer,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

entity_links = sa.Table(
    "entity_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "entity_id",
        sa.Integer,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("dataset", sa.String(64), nullable=False),
    sa.Column("list_id", sa.String(64)),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("programs", sa.JSON, nullable=False),
    sa.Column("explanation", sa.Text, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("mode", sa.String(32)),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("modality", sa.String(16), nullable=False, index=True),
    sa.Column("attribution", sa.Text),
    sa.Column("items", sa.JSON, nullable=False),
    sa.Column("sanctions", sa.JSON, nullable=False),
    sa.UniqueConstraint("document_id", "local_id"),
)

event_roles = sa.Table(
    "event_roles",
    metadata,
    sa.Column(
        "event_id",
        sa.Integer,
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "entity_id",
        sa.Integer,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("role", sa.String(16), primary_key=True),
)

ingestion_log = sa.Table(
    "ingestion_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", _TS, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("pipeline", sa.String(128), nullable=False),
)

list_changes = sa.Table(
    "list_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("dataset", sa.String(64), nullable=False, index=True),
    sa.Column(
        "old_snapshot_id",
        sa.Integer,
        sa.ForeignKey("list_snapshots.id", ondelete="CASCADE"),
        nullable=True,
    ),
    sa.Column(
        "new_snapshot_id",
        sa.Integer,
        sa.ForeignKey("list_snapshots.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("list_id", sa.String(128), nullable=False),
    sa.Column("caption", sa.Text, nullable=False),
    sa.Column("schema", sa.String(32), nullable=False),
    sa.Column("change", sa.String(16), nullable=False),
    sa.Column("fields", sa.JSON, nullable=False),
    sa.Column("created_at", _TS, nullable=False),
)

list_fetches = sa.Table(
    "list_fetches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("dataset", sa.String(64), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("sha256", sa.String(64)),
    sa.Column("bytes", sa.BigInteger),
    sa.Column("message", sa.Text),
    sa.Column(
        "snapshot_id",
        sa.Integer,
        sa.ForeignKey("list_snapshots.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("fetched_at", _TS, nullable=False),
)
