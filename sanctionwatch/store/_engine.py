"""Opening the database: engines for SQLite (WAL) and PostgreSQL, and Alembic migrations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from sanctionwatch.exc import StoreError

__all__ = ["create_engine", "current_revision", "describe_error", "head_revision", "migrate"]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``; for SQLite the folder is created and WAL mode switched on."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as e:
        raise StoreError(f"not a database URL or path: {url!r}") from e
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the database folder: {e}") from e
        kwargs["connect_args"] = {"timeout": 30}
    try:
        engine = sa.create_engine(parsed, **kwargs)
    except (sa.exc.ArgumentError, ImportError) as e:
        raise StoreError(f"cannot use database {parsed.render_as_string()}: {e}") from e
    if parsed.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _config() -> Config:
    cfg = Config()
    location = resources.files("sanctionwatch.store") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def head_revision() -> str:
    """The newest migration this version of sanctionwatch ships."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # pragma: no cover - packaging error
        raise StoreError("no migrations are packaged")
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: sa.Engine, *, revision: str = "head") -> None:
    """Bring the database schema up to ``revision`` in one transaction."""
    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except sa.exc.SQLAlchemyError as e:
        raise StoreError(f"cannot migrate the database: {e.__class__.__name__}: {e}") from e


def describe_error(e: sa.exc.SQLAlchemyError) -> str:
    """One line naming a database error: the driver's exception and message when there is one."""
    orig = getattr(e, "orig", None)
    return f"{type(orig or e).__name__}: {orig or e}".splitlines()[0]
