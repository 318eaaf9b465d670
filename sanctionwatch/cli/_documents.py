"""``sanctionwatch ingest`` and ``sanctionwatch extract``: read reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sanctionwatch.cli._render import event_table, marked_text
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    print_json,
    progress_bar,
    state,
)
from sanctionwatch.jobs import extract_file, ingest_paths

__all__ = ["extract_cmd", "ingest_cmd"]

EncodingOpt = Annotated[
    str | None,
    typer.Option(help="Read text files in this encoding instead of UTF-8 (e.g. cp1252)."),
]


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of reports.")],
    encoding: EncodingOpt = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Read reports (.txt, .md, .html), extract them and store the results.

    Every file is checked before anything is stored; documents already stored are skipped.
    """
    with state.open_store() as store, progress_bar() as bar:
        task = bar.add_task("extracting", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = ingest_paths(
            store,
            paths,
            model=state.model,
            threshold=state.threshold,
            index_dir=state.index_dir,
            encoding=encoding,
            progress=progress,
        )
    if fmt is OutputFormat.json:
        print_json(
            {
                "stored": [{"id": d.id, "source": d.source} for d in report.stored],
                "duplicates": [{"id": d.id, "source": d.source} for d in report.duplicates],
            }
        )
        return
    console.print(
        f"stored {len(report.stored)} new document(s); {len(report.duplicates)} already stored"
    )


def extract_cmd(
    file: Annotated[Path, typer.Argument(help="A report: .txt, .md or .html.")],
    fmt: FormatOpt = OutputFormat.text,
    encoding: EncodingOpt = None,
) -> None:
    """Extract one report (entities, links, events) without storing it.

    ``--format json`` prints the extraction-v1 contract object.
    """
    with state.open_store() as store:
        doc, extraction = extract_file(
            store,
            file,
            model=state.model,
            threshold=state.threshold,
            encoding=encoding,
            index_dir=state.index_dir,
        )
    if fmt is OutputFormat.json:
        print_json(extraction)
        return
    console.print(marked_text(doc.text, extraction))
    console.print()
    names = {e["id"]: e["name"] for e in extraction["entities"]}
    rows: list[dict[str, Any]] = [
        {
            **event,
            "actors": [names.get(i, i) for i in event["actors"]],
            "targets": [names.get(i, i) for i in event["targets"]],
            "attribution": (event.get("attribution") or {}).get("text"),
        }
        for event in extraction["events"]
    ]
    console.print(event_table(rows, title=f"{len(rows)} events"))
    for relation in extraction.get("relations", []):
        other = names.get(relation["object"], "") if relation["object"] else ""
        console.print(
            f"[bold]{relation['type']}[/bold] {names.get(relation['subject'], '?')}: "
            f"{relation['role'] or ''} {other}".rstrip()
        )
    for entity in extraction["entities"]:
        for link in entity["links"]:
            console.print(
                f"[bold red]listed[/bold red] {entity['name']} -> {link['dataset']} "
                f"{link['list_id']} ({link['score']:.2f}): {link['explanation']}"
            )
