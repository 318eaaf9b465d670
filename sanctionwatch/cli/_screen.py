"""``sanctionwatch screen`` and ``sanctionwatch compare``: name screening against the lists."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sanctionwatch import settings
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    err_console,
    print_json,
    progress_bar,
)
from sanctionwatch.cli._state import state as cli_state
from sanctionwatch.names import Comparison, Match, Screener, compare
from sanctionwatch.names._batch import Skipped, compare_csv, screen_csv

__all__ = ["compare_cmd", "screen_cmd"]


class EntityType(StrEnum):
    """What a screened name belongs to."""

    person = "person"
    organization = "organization"
    vessel = "vessel"


TypeOpt = Annotated[
    EntityType | None,
    typer.Option("--type", "-t", help="Only entries of this type; also how the name is read."),
]


def _screener() -> Screener:
    with cli_state.open_store() as store, progress_bar() as bar:
        task = bar.add_task("indexing the active lists", total=None)
        screener = Screener.from_store(
            store,
            cache_dir=settings.INDEX_DIR,
            progress=lambda done: bar.update(task, completed=done),
        )
    if not len(screener.index):
        err_console.print("no lists are loaded: run `sanctionwatch lists load` or `lists update`")
    return screener


def _skipped(skipped: list[Skipped]) -> None:
    for row in skipped[:50]:
        err_console.print(f"skipped line {row.line}: {row.reason}", highlight=False)
    if len(skipped) > 50:
        err_console.print(f"... and {len(skipped) - 50} more skipped lines")


def _match_table(query: str, matches: list[Match]) -> Table:
    table = Table(title=f"{len(matches)} match(es) for {query!r}", show_lines=True)
    for column in ("score", "list", "id", "type", "listed name", "programmes", "why"):
        table.add_column(column, overflow="fold")
    for m in matches:
        table.add_row(
            f"{m.score:.2f}",
            m.dataset,
            m.list_id,
            m.schema,
            m.name,
            ", ".join(m.programs),
            m.explanation,
        )
    return table


def _batch(
    source: Path | None,
    target: Path | None,
    *,
    limit: int,
    threshold: float | None,
    fmt: OutputFormat,
) -> None:
    if source is None or target is None:
        raise typer.BadParameter("--input needs --output FILE for the results")
    screener = _screener()
    with progress_bar() as bar:
        task = bar.add_task(f"screening {source.name}", total=None)
        report = screen_csv(
            screener,
            source,
            target,
            limit=limit,
            threshold=threshold,
            progress=lambda done: bar.update(task, completed=done),
        )
    _skipped(report.skipped)
    if fmt is OutputFormat.json:
        print_json(
            {
                "rows": report.rows,
                "matched": report.matched,
                "matches": report.matches,
                "skipped": len(report.skipped),
                "output": str(target),
                "skipped_lines": [vars(s) for s in report.skipped],
            }
        )
    else:
        console.print(
            f"screened {report.rows} name(s): {report.matched} with a match "
            f"({report.matches} matches), {len(report.skipped)} skipped; wrote {target}"
        )


def screen_cmd(
    name: Annotated[str | None, typer.Argument(help="The name to screen.")] = None,
    type: TypeOpt = None,
    dob: Annotated[
        str | None, typer.Option(help="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", help="A country (name or ISO code); repeatable."),
    ] = None,
    identifier: Annotated[
        list[str] | None,
        typer.Option("--id", help="An IMO, passport or other number; repeatable."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="At most this many matches.")] = 10,
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Lowest score shown [default: the matcher's, 0.8]."),
    ] = None,
    input: Annotated[
        Path | None,
        typer.Option("--input", "-i", help="Screen every row of this CSV (header: name[,...])."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the batch results to this CSV.")
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Screen a name, or every name of a CSV file, against the active lists.

    Shows the best matching list entries with their scores and why they match.
    """
    if (name is None) == (input is None):
        raise typer.BadParameter("give a NAME or --input FILE (not both)")
    if name is None:
        _batch(input, output, limit=limit, threshold=threshold, fmt=fmt)
        return
    screener = _screener()
    matches = screener.screen(
        name,
        schema=type.value if type else None,
        dob=dob,
        country=country or None,
        identifiers=identifier or (),
        limit=limit,
        threshold=threshold,
    )
    if fmt is OutputFormat.json:
        print_json(
            {"query": name, "matcher": screener.NAME, "matches": [m.to_dict() for m in matches]}
        )
    elif not matches:
        console.print(f"no match for {name!r}")
    else:
        console.print(_match_table(name, matches))


def compare_cmd(
    name1: Annotated[str | None, typer.Argument(help="A name.")] = None,
    name2: Annotated[str | None, typer.Argument(help="The name to compare it with.")] = None,
    type: TypeOpt = None,
    pairs: Annotated[
        Path | None,
        typer.Option("--pairs", help="Compare every row of this CSV (header: name1,name2[,type])."),
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Compare two names (or every pair of a CSV file): a score, whether it is a match, and why.

    Part weights come from the active lists when any are loaded.
    """
    if pairs is not None and (name1 is not None or name2 is not None):
        raise typer.BadParameter("give NAME1 NAME2 or --pairs FILE, not both")
    if pairs is None and (name1 is None or name2 is None):
        raise typer.BadParameter("give NAME1 NAME2, or --pairs FILE")
    screener = _screener()
    use = screener if len(screener.index) else None
    if pairs is not None:
        _compare_pairs(pairs, use)
        return
    schema = type.value if type else None
    result: Comparison = (
        use.compare(name1 or "", name2 or "", schema=schema)
        if use
        else compare(name1 or "", name2 or "", schema=schema)
    )
    if fmt is OutputFormat.json:
        print_json(result.to_dict())
    else:
        verdict = "match" if result.match else "no match"
        console.print(f"{result.score:.2f} ({verdict}): {result.explanation}", highlight=False)


def _compare_pairs(pairs: Path, screener: Screener | None) -> None:
    skipped: list[Skipped] = []
    for line, result, row in compare_csv(pairs, screener=screener):
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        record = {"line": line, "name1": row["name1"], "name2": row["name2"], **result.to_dict()}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    _skipped(skipped)
