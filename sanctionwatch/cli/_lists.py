"""``sanctionwatch lists ...``: load, update, diff and show sanctions lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.table import Table

from sanctionwatch import __version__, settings
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    err_console,
    print_json,
    state,
)
from sanctionwatch.exc import ConfigError
from sanctionwatch.jobs import UpdateResult, diff_lists, load_lists, update_list
from sanctionwatch.lists._diff import ListDiff
from sanctionwatch.lists._fetch import DEFAULT_MAX_BYTES
from sanctionwatch.lists._sources import load_sources
from sanctionwatch.store import SavedIssue, Snapshot

__all__ = ["app"]

app = typer.Typer(help="Official sanctions lists: load, update, diff and show snapshots.")


def _snapshot_dict(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "id": snapshot.id,
        "dataset": snapshot.dataset,
        "issued": snapshot.issued.isoformat() if snapshot.issued else None,
        "source": snapshot.source,
        "sha256": snapshot.sha256,
        "loaded_at": snapshot.loaded_at.isoformat(),
        "counts": snapshot.counts,
        "active": snapshot.active,
    }


def _diff_dict(diff: ListDiff | None) -> dict[str, Any] | None:
    if diff is None:
        return None
    return {
        "dataset": diff.dataset,
        "old": diff.old,
        "new": diff.new,
        "counts": diff.counts(),
        "changes": [c.to_dict() for c in diff.changes],
    }


def _saved_dict(saved: SavedIssue) -> dict[str, Any]:
    return {
        **_snapshot_dict(saved.snapshot),
        "new": saved.created,
        "diff": _diff_dict(saved.diff),
        "warnings": list(saved.warnings),
    }


def _diff_table(diff: ListDiff) -> Table:
    counts = ", ".join(f"{n} {kind}" for kind, n in diff.counts().items())
    table = Table(
        "change", "reference", "name", "what changed", title=f"{diff.old} → {diff.new}: {counts}"
    )
    for change in diff.changes:
        fields = "; ".join(
            f"{prop}: +{len(v['added'])} -{len(v['removed'])}" for prop, v in change.fields.items()
        )
        table.add_row(change.kind, change.key, change.caption, fields or "-")
    return table


def _print_saved(saved: SavedIssue, what: str) -> None:
    s = saved.snapshot
    console.print(
        f"{what} {s.dataset} issue of {s.issued or 'unknown date'}: "
        f"{s.counts.get('targets', 0)} designated parties from {s.source}"
    )
    for warning in saved.warnings[:20]:
        err_console.print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)
    if len(saved.warnings) > 20:
        err_console.print(f"[yellow]warning:[/yellow] ... and {len(saved.warnings) - 20} more")
    if saved.diff is not None:
        console.print(_diff_table(saved.diff))


@app.command("load")
def load_cmd(
    files: Annotated[list[Path], typer.Argument(help="List files to load.")],
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Load list files as the active snapshot of their dataset (all or nothing)."""
    with state.open_store() as store:
        results = load_lists(store, files)
    if fmt is OutputFormat.json:
        print_json([_saved_dict(saved) for saved in results])
        return
    for saved in results:
        _print_saved(saved, "loaded" if saved.created else "already stored, now active:")


def _print_update(result: UpdateResult) -> None:
    if result.status == "failed":
        err_console.print(
            f"[bold red]{result.source}: update failed[/bold red], previous snapshot stays active: "
            f"{result.message}",
            soft_wrap=True,
        )
    elif result.saved is None:
        console.print(f"{result.source}: {result.message}")
    else:
        _print_saved(result.saved, f"{result.source}: {result.status},")


@app.command("update")
def update_cmd(
    names: Annotated[
        list[str] | None, typer.Argument(help="Sources to update: un, ofac, uk, eu or all.")
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            envvar="SANCTIONWATCH_LIST_SOURCES",
            help="A YAML file of sources instead of the bundled one.",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait to connect or for more data.")
    ] = settings.FETCH_TIMEOUT,
    max_bytes: Annotated[int, typer.Option(min=1, help="Refuse files larger than this.")] = (
        DEFAULT_MAX_BYTES
    ),
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Download the current issue of each list, keep it, activate it and show what changed.

    A failed, partial or malformed download leaves the previous snapshot active.
    """
    table = load_sources(sources)
    wanted = list(table) if not names or "all" in names else names
    unknown = [n for n in wanted if n not in table]
    if unknown:
        raise ConfigError(f"unknown list source(s) {', '.join(unknown)}; known: {', '.join(table)}")
    headers = {"User-Agent": f"sanctionwatch/{__version__} (+sanctions list update)"}
    results: list[UpdateResult] = []
    with (
        state.open_store() as store,
        httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, headers=headers
        ) as client,
    ):
        for name in wanted:
            result = update_list(
                store,
                table[name],
                archive_dir=settings.LIST_ARCHIVE,
                client=client,
                max_bytes=max_bytes,
            )
            results.append(result)
            if fmt is OutputFormat.text:
                _print_update(result)
    if fmt is OutputFormat.json:
        print_json(
            [
                {
                    "source": r.source,
                    "dataset": r.dataset,
                    "status": r.status,
                    "message": r.message,
                    "snapshot": _saved_dict(r.saved) if r.saved else None,
                }
                for r in results
            ]
        )
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command("diff")
def diff_cmd(
    old: Annotated[
        str, typer.Argument(help="Older issue: a list file, a snapshot id or dataset@date.")
    ],
    new: Annotated[
        str, typer.Argument(help="Newer issue: a list file, a snapshot id or dataset@date.")
    ],
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Show designations added, removed and amended between two issues of a list."""
    with state.open_store() as store:
        diff = diff_lists(store, old, new)
    if fmt is OutputFormat.json:
        print_json(_diff_dict(diff))
    else:
        console.print(_diff_table(diff))


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
    table = Table("id", "dataset", "issued", "parties", "active", "loaded", "source")
    for s in snapshots:
        table.add_row(
            str(s.id),
            s.dataset,
            s.issued.isoformat() if s.issued else "-",
            str(s.counts.get("targets", 0)),
            "yes" if s.active else "",
            s.loaded_at.strftime("%Y-%m-%d %H:%M"),
            s.source,
        )
    console.print(table)
