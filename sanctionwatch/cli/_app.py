"""The ``sanctionwatch`` command: global options and the command table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sanctionwatch import __version__, settings
from sanctionwatch.cli import _alerts, _graph, _judge, _lists
from sanctionwatch.cli._demo import demo_cmd
from sanctionwatch.cli._documents import extract_cmd, ingest_cmd
from sanctionwatch.cli._query import entities_cmd, events_cmd
from sanctionwatch.cli._screen import compare_cmd, screen_cmd
from sanctionwatch.cli._state import console, state

__all__ = ["app"]

app = typer.Typer(
    name="sanctionwatch",
    help="Sanctions monitoring from open sources: lists, reports, and who did what.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        console.print(f"sanctionwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="SANCTIONWATCH_DB",
            help="The store: an SQLite file or a database URL."
            f" [default: {settings.DEFAULT_DB_PATH}]",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str,
        typer.Option(
            envvar="SANCTIONWATCH_SPACY_MODEL", help="The installed spaCy pipeline to use."
        ),
    ] = settings.SPACY_MODEL,
    threshold: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            envvar="SANCTIONWATCH_LINK_THRESHOLD",
            help="Lowest score at which a name is linked to a list entry.",
        ),
    ] = settings.LINK_THRESHOLD,
    debug: Annotated[bool, typer.Option(help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Sanctions monitoring from open sources: lists, reports, and who did what."""
    state.db_url = settings.db_url_from(str(Path(db)) if db and "://" not in db else db)
    state.model = model
    state.threshold = threshold
    state.debug = debug


app.add_typer(_lists.app, name="lists")
app.command("ingest")(ingest_cmd)
app.command("extract")(extract_cmd)
app.command("entities")(entities_cmd)
app.command("events")(events_cmd)
app.command("demo")(demo_cmd)
app.command("screen")(screen_cmd)
app.command("compare")(compare_cmd)
app.command("entity")(_graph.entity_cmd)
app.command("claims")(_graph.claims_cmd)
app.command("timeline")(_graph.timeline_cmd)
app.command("reprocess")(_graph.reprocess_cmd)
app.add_typer(_judge.app, name="judge")
app.add_typer(_alerts.app, name="alerts")
