"""Rendering results for people: summaries, entity and event tables, marked-up text."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from sanctionwatch.cli._state import console

__all__ = ["entity_table", "event_table", "marked_text", "print_summary"]

_TYPE_STYLES = {
    "Person": "bold cyan",
    "Organization": "bold magenta",
    "Country": "bold green",
    "Place": "green",
    "Vessel": "bold blue",
    "Other": "yellow",
}


def _links_text(links: list[dict[str, Any]]) -> str:
    return ", ".join(f"{link['dataset']}:{link['list_id']}" for link in links)


def print_summary(summary: dict[str, Any]) -> None:
    """Print what the store holds: documents, entities, listed entities, events."""
    lists = ", ".join(
        f"{item['dataset']} ({item['targets']} parties, issued {item['issued'] or '?'})"
        for item in summary["lists"]
    )
    console.print(f"[bold]Lists[/bold]          {lists or 'none loaded'}")
    console.print(f"[bold]Documents[/bold]      {summary['documents']}")
    console.print(
        f"[bold]Entities[/bold]       {summary['entities']} "
        f"({summary['mentions']} mentions), "
        f"[bold red]{summary['listed_entities']} listed[/bold red]"
    )
    console.print(f"[bold]Events[/bold]         {summary['events']}")
    by_type = ", ".join(f"{k} {v}" for k, v in summary["events_by_type"].items())
    by_mod = ", ".join(f"{k} {v}" for k, v in summary["events_by_modality"].items())
    console.print(f"  by type      {by_type or '-'}")
    console.print(f"  by modality  {by_mod or '-'}")


def entity_table(rows: list[dict[str, Any]], *, title: str | None = None) -> Table:
    """A table of grouped entities with their list links."""
    table = Table("name", "type", "documents", "mentions", "listed as", title=title)
    for row in rows:
        table.add_row(
            Text(row["name"], style=_TYPE_STYLES.get(row["type"], "")),
            row["type"],
            str(row["documents"]),
            str(row["mentions"]),
            Text(_links_text(row["links"]), style="bold red"),
        )
    return table


def event_table(rows: list[dict[str, Any]], *, title: str | None = None) -> Table:
    """A table of events with parties, modality and source."""
    table = Table(
        "date",
        "type",
        "actors",
        "trigger",
        "targets",
        "items",
        "modality",
        "according to",
        title=title,
    )
    for row in rows:
        table.add_row(
            row.get("date") or row.get("published") or "-",
            f"{row['type']}" + (f" ({row['mode']})" if row.get("mode") else ""),
            ", ".join(row["actors"]) or "-",
            row["trigger"],
            ", ".join(row["targets"]) or "-",
            ", ".join(row.get("items") or []) or "-",
            row["modality"],
            row.get("attribution") or "-",
        )
    return table


_MODALITY_STYLES = {
    "asserted": "bold reverse",
    "alleged": "bold reverse yellow",
    "denied": "bold reverse red",
    "expected": "bold reverse blue",
    "hypothetical": "bold reverse magenta",
    "negated": "bold reverse red",
}


def _trigger_spans(text: str, event: dict[str, Any]) -> list[tuple[int, int]]:
    """Where an event's trigger words stand in its sentence (the contract gives the words)."""
    spans: list[tuple[int, int]] = []
    pos = event["start"]
    for word in str(event.get("trigger", "")).split():
        found = text.find(word, pos, event["end"])
        if found < 0:
            return spans
        spans.append((found, found + len(word)))
        pos = found + len(word)
    return spans


def marked_text(text: str, extraction: dict[str, Any]) -> Text:
    """The document text with every entity mention coloured by type, linked ones underlined, and
    every event's trigger words in reverse video, coloured by modality."""
    out = Text(text)
    for entity in extraction["entities"]:
        style = _TYPE_STYLES.get(entity["type"], "")
        if entity.get("links"):
            style += " underline"
        for mention in entity["mentions"]:
            out.stylize(style, mention["start"], mention["end"])
    for event in extraction.get("events", []):
        style = _MODALITY_STYLES.get(event.get("modality", ""), "bold reverse")
        for start, end in _trigger_spans(text, event):
            out.stylize(style, start, end)
    return out
