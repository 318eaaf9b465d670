"""``sanctionwatch alerts ...``: manage alert rules and run them."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from sanctionwatch.alerts import RULE_TYPES, Retry, Rule, load_rules, run_alerts
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    err_console,
    print_json,
    state,
)
from sanctionwatch.exc import NotFound

__all__ = ["app"]

app = typer.Typer(help="Alert rules: add, list, remove, import from YAML, and run them.")


@app.command("add")
def add_cmd(
    name: Annotated[str, typer.Argument(help="The rule's name (replaces a rule of that name).")],
    type: Annotated[str, typer.Option("--type", "-t", help=f"One of: {', '.join(RULE_TYPES)}.")],
    country: Annotated[
        list[str] | None, typer.Option(help="A party's country (ISO code); repeatable.")
    ] = None,
    entity: Annotated[
        list[str] | None, typer.Option(help="A party or watched name (or key); repeatable.")
    ] = None,
    claim: Annotated[
        list[str] | None, typer.Option(help="A tracked claim key; repeatable.")
    ] = None,
    list_id: Annotated[
        list[str] | None, typer.Option(help="A watched list id; repeatable.")
    ] = None,
    change: Annotated[
        list[str] | None, typer.Option(help="added, removed or amended (list-change); repeatable.")
    ] = None,
    flagged: Annotated[bool, typer.Option(help="Track flagged claims only.")] = False,
    channel: Annotated[str, typer.Option(help="console, jsonl or webhook.")] = "console",
    target: Annotated[
        str | None, typer.Option(help="The JSON lines file or the webhook URL.")
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Add an alert rule (or replace the one of that name, keeping what it has fired)."""
    rule = Rule.from_dict(
        {"name": name, "type": type, "countries": country or [], "entities": entity or [],
         "claims": claim or [], "list_ids": list_id or [], "changes": change or [],
         "flagged": flagged, "channel": channel, "target": target}
    )  # fmt: skip
    with state.open_store() as store:
        saved = store.save_alert_rule(rule.row())
    if fmt is OutputFormat.json:
        print_json(saved)
    else:
        console.print(f"alert rule {rule.name} ({rule.type} → {rule.channel}) saved")


@app.command("list")
def list_cmd(fmt: FormatOpt = OutputFormat.text) -> None:
    """Show the alert rules, where they deliver and when they last ran."""
    with state.open_store() as store:
        rows = store.alert_rules()
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    table = Table("name", "type", "parameters", "channel", "target", "last run")
    for r in rows:
        params = "; ".join(
            f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in r["params"].items()
        )
        last = r["last_run_at"].strftime("%Y-%m-%d %H:%M") if r["last_run_at"] else "never"
        table.add_row(r["name"], r["type"], escape(params) or "-", r["channel"],
                      r["target"] or "-", last)  # fmt: skip
    console.print(table)


@app.command("remove")
def remove_cmd(
    name: Annotated[str, typer.Argument(help="The rule's name.")],
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Remove an alert rule with what it has fired."""
    with state.open_store() as store:
        if not store.remove_alert_rule(name):
            raise NotFound(f"no alert rule {name!r}")
    if fmt is OutputFormat.json:
        print_json({"removed": name})
    else:
        console.print(f"alert rule {name} removed")


@app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="A YAML file with a 'rules' list.")],
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Add or replace the rules of a YAML file (all are checked before any is stored)."""
    rules = load_rules(file)
    with state.open_store() as store:
        saved = [store.save_alert_rule(rule.row()) for rule in rules]
    if fmt is OutputFormat.json:
        print_json(saved)
    else:
        console.print(f"imported {len(saved)} alert rule(s): {', '.join(r.name for r in rules)}")


@app.command("run")
def run_cmd(
    names: Annotated[list[str] | None, typer.Argument(help="Rules to run (default: all).")] = None,
    max_attempts: Annotated[int, typer.Option(min=1, help="Webhook tries in all.")] = 5,
    backoff: Annotated[
        float, typer.Option(min=0.0, help="Seconds before the second webhook try; doubles.")
    ] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Webhook timeout in seconds.")] = 10.0,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Evaluate the rules on what is new since their last run and deliver the alerts.

    Each item fires once; failed deliveries are tried again on the next run.
    """
    retry = Retry(max_attempts=max_attempts, backoff=backoff, timeout=timeout)
    text = fmt is OutputFormat.text

    def write(line: str) -> None:
        if text:
            console.print(escape(line), end="", soft_wrap=True)

    with state.open_store() as store:
        runs = run_alerts(store, names=names or (), retry=retry, write=write)
    if fmt is OutputFormat.json:
        print_json([asdict(r) for r in runs])
    else:
        for r in runs:
            line = f"{r.rule}: {r.new} new, {r.retried} retried, {r.status}"
            (err_console if r.status == "failed" else console).print(
                line + (f": {r.message}" if r.message else ""), soft_wrap=True
            )
        if not runs:
            console.print("No alert rules. Add one with: sanctionwatch alerts add NAME --type ...")
    if any(r.status == "failed" for r in runs):
        raise typer.Exit(1)
