"""``sanctionwatch entity``, ``claims``, ``timeline`` and ``reprocess``: the evidence graph."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.progress import Progress

from sanctionwatch.cli._graph_render import print_claims, print_profile, timeline_table
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    err_console,
    print_json,
    state,
)
from sanctionwatch.jobs import find_entity, reprocess

__all__ = ["claims_cmd", "entity_cmd", "reprocess_cmd", "timeline_cmd"]

EntityArg = Annotated[
    str, typer.Argument(help="A name, an entity id or key (list:un_sc:KPi.076), or a list id.")
]
TypeOpt = Annotated[
    str | None, typer.Option("--type", "-t", help="Only entities of this type (Person, ...).")
]


def entity_cmd(ref: EntityArg, type: TypeOpt = None, fmt: FormatOpt = OutputFormat.text) -> None:
    """Show one entity across all reports.

    Its listings, names, mentions by report, events over time, related entities and claims.
    """
    with state.open_store() as store:
        profile = store.entity_profile(find_entity(store, ref, type=type)["id"])
    if fmt is OutputFormat.json:
        print_json(profile)
    else:
        print_profile(profile)


def claims_cmd(
    flagged: Annotated[
        bool, typer.Option("--flagged", help="Only claims touching a regime or a listed party.")
    ] = False,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only claims this entity is party to.")
    ] = None,
    key: Annotated[
        str | None, typer.Option(help="Only the claim with this key (or start).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many claims.")] = 50,
    sources: Annotated[
        int, typer.Option(min=0, help="Sources shown per claim in text output.")
    ] = 6,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """List claims (what reports say happened), best ranked first.

    Each with its supporting and denying sources, how independent they are, and for flagged
    claims the regime provisions and listed parties behind the flag.
    """
    with state.open_store() as store:
        canonical = find_entity(store, entity)["id"] if entity else None
        rows = store.claims(
            flagged=True if flagged else None, canonical_id=canonical, key=key, limit=limit
        )
    if fmt is OutputFormat.json:
        print_json(rows)
    else:
        print_claims(rows, sources=sources)


def timeline_cmd(ref: EntityArg, type: TypeOpt = None, fmt: FormatOpt = OutputFormat.text) -> None:
    """Show everything dated about one entity, oldest first.

    Reports naming it, events it takes part in, and changes to its listings.
    """
    with state.open_store() as store:
        found = find_entity(store, ref, type=type)
        items = store.timeline(found["id"])
    if fmt is OutputFormat.json:
        print_json({"entity": found, "timeline": items})
    else:
        console.print(timeline_table(found["name"], items))


def reprocess_cmd(fmt: FormatOpt = OutputFormat.text) -> None:
    """Extract every stored report again, then rebuild entities, claims and flags.

    Uses the current pipeline and the active lists; analysts' judgements are kept and applied.
    """
    with state.open_store() as store, Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("reprocessing", total=None)
        report = reprocess(
            store,
            model=state.model,
            threshold=state.threshold,
            index_dir=state.index_dir,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if fmt is OutputFormat.json:
        print_json(asdict(report))
        return
    g = report.graph
    console.print(
        f"reprocessed {report.documents} document(s), {report.changed} extraction(s) changed; "
        f"{g.entities} entities, {g.claims} claims ({g.flagged} flagged), "
        f"{g.judgements} judgement(s) applied"
    )
