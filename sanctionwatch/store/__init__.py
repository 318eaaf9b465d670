"""The store: everything durable, in SQLite by default or PostgreSQL, one migrated schema."""

from __future__ import annotations

from sanctionwatch.store import _graph_schema  # noqa: F401  (the graph's tables on the metadata)
from sanctionwatch.store._engine import create_engine, current_revision, head_revision, migrate
from sanctionwatch.store._lists import SavedIssue, Snapshot
from sanctionwatch.store._store import Store

__all__ = [
    "SavedIssue",
    "Snapshot",
    "Store",
    "create_engine",
    "current_revision",
    "head_revision",
    "migrate",
]
