"""``sanctionwatch judge ...``: analysts' merges, splits and link decisions, kept for good."""

from __future__ import annotations

import getpass
from typing import Annotated, Any

import typer
from rich.table import Table

from sanctionwatch.cli._state import FormatOpt, OutputFormat, console, print_json, state
from sanctionwatch.jobs import judge

__all__ = ["app"]

app = typer.Typer(help="Record analysts' judgements: merge, split, confirm or reject list links.")

ReasonOpt = Annotated[str, typer.Option("--reason", "-r", help="Why: kept with the judgement.")]
AuthorOpt = Annotated[
    str | None, typer.Option(help="Who decides (default: the login name).", show_default=False)
]
DocumentOpt = Annotated[
    str | None, typer.Option(help="Only in this document (its id or the start of it).")
]
EntityArg = Annotated[str, typer.Argument(help="An entity: name, id or key.")]
ListingArg = Annotated[str, typer.Argument(help="A list entry: DATASET:ID or ID (e.g. KPi.024).")]


def _author(author: str | None) -> str:
    if author:
        return author
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _record(kind: str, first: str, second: str, author: str | None, reason: str,
            document: str | None, fmt: OutputFormat) -> None:  # fmt: skip
    with state.open_store() as store:
        stored = judge(
            store, kind, first, second, author=_author(author), reason=reason, document=document
        )
    if fmt is OutputFormat.json:
        print_json(stored)
        return
    for j in stored:
        console.print(f"judgement {j['id']}: {kind} {j['subject']} / {j['object']}")
    console.print("the evidence graph was rebuilt with it")


@app.command("merge")
def merge_cmd(
    first: EntityArg, second: EntityArg, reason: ReasonOpt = "", author: AuthorOpt = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:  # fmt: skip
    """Record that two entities are one (e.g. two romanisations of one name)."""
    _record("merge", first, second, author, reason, None, fmt)


@app.command("split")
def split_cmd(
    name: Annotated[str, typer.Argument(help="The name (as in the reports) to take out.")],
    entity: EntityArg, reason: ReasonOpt = "", author: AuthorOpt = None,
    document: DocumentOpt = None, fmt: FormatOpt = OutputFormat.text,
) -> None:  # fmt: skip
    """Record that the document entities called NAME are not ENTITY."""
    _record("split", name, entity, author, reason, document, fmt)


@app.command("reject-link")
def reject_link_cmd(
    entity: EntityArg, listing: ListingArg, reason: ReasonOpt = "", author: AuthorOpt = None,
    document: DocumentOpt = None, fmt: FormatOpt = OutputFormat.text,
) -> None:  # fmt: skip
    """Record that ENTITY is not the listed party LISTING (a false match)."""
    _record("reject_link", entity, listing, author, reason, document, fmt)


@app.command("confirm-link")
def confirm_link_cmd(
    entity: EntityArg, listing: ListingArg, reason: ReasonOpt = "", author: AuthorOpt = None,
    document: DocumentOpt = None, fmt: FormatOpt = OutputFormat.text,
) -> None:  # fmt: skip
    """Record that ENTITY is the listed party LISTING, even where the linker did not say so."""
    _record("confirm_link", entity, listing, author, reason, document, fmt)


@app.command("list")
def list_cmd(fmt: FormatOpt = OutputFormat.text) -> None:
    """Show every judgement, oldest first: who decided what, when and why."""
    with state.open_store() as store:
        rows: list[dict[str, Any]] = store.judgements()
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    table = Table("id", "kind", "subject", "object", "author", "when", "reason")
    for j in rows:
        table.add_row(
            str(j["id"]), j["kind"], j["subject"], j["object"] or "-", j["author"],
            j["created_at"].strftime("%Y-%m-%d %H:%M"), j["reason"] or "-",
        )  # fmt: skip
    console.print(table)
