"""Rendering the evidence graph for people: claims with sources, entity profiles, timelines."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from sanctionwatch.cli._state import console

__all__ = ["print_claims", "print_profile", "timeline_table"]

_STANCE_MARKS = {"support": "[green]+[/green]", "deny": "[red]−[/red]"}


def _short(text: str | None, size: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


def print_claims(rows: list[dict[str, Any]], *, sources: int = 6) -> None:
    """Each claim: summary, rank, provisions, listed parties, and its sources."""
    if not rows:
        console.print("No claims. Ingest reports (or run the demo) first.")
        return
    for n, c in enumerate(rows, start=1):
        flag = " [bold red]flagged[/bold red]" if c["flagged"] else ""
        console.print(
            f"[bold]{n}. {escape(c['title'])}[/bold]  rank {c['rank']:.2f}{flag}", soft_wrap=True
        )
        seen = f"{c['first_seen'] or '?'} … {c['last_seen'] or '?'}"
        console.print(
            f"   {escape(c['summary'].split(': ', 1)[-1])} · seen {seen} · claim {c['key']}",
            soft_wrap=True,
        )
        for p in c["flags"].get("provisions", []):
            console.print(
                f"   [red]provision[/red] {escape(p['provision'])} ({escape(p['regime'])}): "
                f"{escape(_short(p['reason'], 50))}",
                soft_wrap=True,
            )
        for p in c["flags"].get("listed", []):
            console.print(
                f"   [red]listed[/red] {escape(p['name'])} as {escape(p['listed_as'])} "
                f"({p['dataset']} {p['list_id']}, {p['role']})",
                soft_wrap=True,
            )
        events = c["sources"].get("events", [])
        for s in events[:sources]:
            copy = f" · copy of {s['copy_of'][:12]}" if s.get("copy_of") else ""
            console.print(
                f"   {_STANCE_MARKS.get(s['stance'], ' ')} {s['published'] or '?'} {s['modality']}"
                f" · {escape(s['publisher'])}{copy} · {escape(_short(s['title'], 50))}",
                soft_wrap=True,
            )
            said = f"{escape(_short(s['attribution'], 40))}: " if s.get("attribution") else ""
            console.print(
                f"       [dim]{said}“{escape(_short(s['text'], 60))}”[/dim]", soft_wrap=True
            )
        if len(events) > sources:
            console.print(f"   … and {len(events) - sources} more (--format json shows all)")
        console.print()


def print_profile(p: dict[str, Any]) -> None:
    """One canonical entity: who it is, where it is listed, where it is named, what it did."""
    countries = ", ".join(c.upper() for c in p["countries"]) or "-"
    console.print(
        f"[bold]{escape(p['name'])}[/bold] ({p['type']}; {countries}) · {p['key']} · id {p['id']}"
    )
    for link in p["listings"]:
        console.print(
            f"  [bold red]listed[/bold red] {link['dataset']} {link['list_id']} as "
            f"{escape(link['name'])} ({', '.join(link['programs']) or 'no programme'})"
        )
    console.print(f"  names: {escape(', '.join(p['names']))}")
    console.print(f"  named {p['mentions']} time(s) in {len(p['documents'])} report(s)")
    for d in p["documents"]:
        console.print(
            f"    {d['published'] or '?'} {escape(_short(d['title'], 70))} "
            f"[dim]({len(d['mentions'])}×, {d['resolved_by']})[/dim]"
        )
    if p["events_by_month"]:
        months = ", ".join(f"{m} {n}" for m, n in p["events_by_month"].items())
        console.print(f"  events by month: {months}")
    if p["related"]:
        related = ", ".join(f"{escape(r['name'])} ({r['events']})" for r in p["related"][:12])
        console.print(f"  related: {related}")
    for c in p["claims"][:10]:
        flag = "[bold red]flagged[/bold red] " if c["flagged"] else ""
        console.print(f"  claim {c['key'][:8]} {flag}{escape(c['summary'])}", soft_wrap=True)


def timeline_table(name: str, items: list[dict[str, Any]]) -> Table:
    """A table of dated items."""
    table = Table("date", "kind", "what", "detail", title=f"{name}: {len(items)} dated item(s)")
    for item in items:
        table.add_row(
            item["date"] or "?",
            item["kind"],
            escape(item["what"]),
            escape(_short(item["detail"], 120)),
        )
    return table
