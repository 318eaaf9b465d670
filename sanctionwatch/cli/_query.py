"""``sanctionwatch entities`` and ``sanctionwatch events``: query the evidence store."""

from __future__ import annotations

from typing import Annotated

import typer

from sanctionwatch.cli._render import entity_table, event_table
from sanctionwatch.cli._state import FormatOpt, OutputFormat, console, print_json, state

__all__ = ["entities_cmd", "events_cmd"]

LimitOpt = Annotated[int, typer.Option(min=1, help="At most this many rows.")]


def entities_cmd(
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="Person, Organization, ...")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Name contains this.")] = None,
    listed: Annotated[
        bool | None, typer.Option("--listed/--unlisted", help="Only listed (or unlisted) entities.")
    ] = None,
    document: Annotated[str | None, typer.Option(help="Document id (or its start).")] = None,
    limit: LimitOpt = 100,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """List the entities found in stored reports, with the list entries they are linked to."""
    with state.open_store() as store:
        rows = store.entities(type=type, name=name, listed=listed, document=document, limit=limit)
    if fmt is OutputFormat.json:
        print_json(rows)
    else:
        console.print(entity_table(rows, title=f"{len(rows)} entities"))


def events_cmd(
    type: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type, e.g. AID.")] = None,
    modality: Annotated[
        str | None, typer.Option("--modality", "-m", help="asserted, alleged, denied, expected...")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="An actor, target or place contains this.")
    ] = None,
    document: Annotated[str | None, typer.Option(help="Document id (or its start).")] = None,
    limit: LimitOpt = 100,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """List the events read from stored reports: who did what to whom, and according to whom."""
    with state.open_store() as store:
        rows = store.events(
            type=type, modality=modality, entity=entity, document=document, limit=limit
        )
    if fmt is OutputFormat.json:
        print_json(rows)
    else:
        console.print(event_table(rows, title=f"{len(rows)} events"))
