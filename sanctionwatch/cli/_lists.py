"""``sanctionwatch lists ...``: load and show sanctions lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sanctionwatch.cli._state import OutputFormat, console, print_json, state
from sanctionwatch.jobs import load_lists
from sanctionwatch.store import Snapshot

__all__ = ["app"]

app = typer.Typer(help="Official sanctions lists: load files, show the stored snapshots.")

FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def _snapshot_dict(snapshot: Snapshot, created: bool | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "id": snapshot.id,
        "dataset": snapshot.dataset,
        "issued": snapshot.issued.isoformat() if snapshot.issued else None,
        "source": snapshot.source,
        "sha256": snapshot.sha256,
        "loaded_at": snapshot.loaded_at.isoformat(),
        "counts": snapshot.counts,
        "active": snapshot.active,
    }
    if created is not None:
        data["new"] = created
    return data


@app.command("load")
def load_cmd(
    files: Annotated[list[Path], typer.Argument(help="List files to load.")],
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Load list files as the active snapshot of their dataset (all or nothing)."""
    with state.open_store() as store:
        results = load_lists(store, files)
    if fmt is OutputFormat.json:
        print_json([_snapshot_dict(s, created) for s, created in results])
        return
    for snapshot, created in results:
        what = "loaded" if created else "already stored, now active:"
        console.print(
            f"{what} {snapshot.dataset} issue of {snapshot.issued or 'unknown date'}: "
            f"{snapshot.counts.get('targets', 0)} designated parties from {snapshot.source}"
        )


@app.command("show")
def show_cmd(fmt: FormatOpt = OutputFormat.text) -> None:
    """Show the stored list snapshots and which one of each list is active."""
    with state.open_store() as store:
        snapshots = store.snapshots()
    if fmt is OutputFormat.json:
        print_json([_snapshot_dict(s) for s in snapshots])
        return
    if not snapshots:
        console.print("No lists loaded. Load one with: sanctionwatch lists load FILE")
        return
    table = Table("dataset", "issued", "parties", "active", "loaded", "source")
    for s in snapshots:
        table.add_row(
            s.dataset,
            s.issued.isoformat() if s.issued else "-",
            str(s.counts.get("targets", 0)),
            "yes" if s.active else "",
            s.loaded_at.strftime("%Y-%m-%d %H:%M"),
            s.source,
        )
    console.print(table)
