"""Options shared by every command: where the store is, the pipeline, how to print."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress

from sanctionwatch import settings
from sanctionwatch.store import Store

__all__ = [
    "FormatOpt",
    "OutputFormat",
    "State",
    "console",
    "err_console",
    "print_json",
    "progress_bar",
    "state",
]

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"


@dataclass
class State:
    """Global options, set by the top-level callback."""

    db_url: str = settings.DB_URL
    model: str = settings.SPACY_MODEL
    threshold: float = settings.LINK_THRESHOLD
    index_dir: Path = settings.INDEX_DIR
    debug: bool = False

    def open_store(self) -> Store:
        """Open (creating and migrating if needed) the store named by ``--db``."""
        return Store.open(self.db_url)


state = State()

#: The ``--format`` option every command takes.
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def print_json(data: Any) -> None:
    """Write ``data`` as JSON to standard output (not through rich, so nothing is wrapped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def progress_bar() -> Progress:
    """A progress bar on standard error, shown only when it is a terminal."""
    return Progress(console=err_console, transient=True, disable=not err_console.is_terminal)
