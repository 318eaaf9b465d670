"""Alembic environment: runs on the connection that :func:`sanctionwatch.store.migrate` hands it."""

from __future__ import annotations

from alembic import context

from sanctionwatch.store._schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - alembic CLI use
    raise RuntimeError("run migrations through sanctionwatch.store.migrate()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
