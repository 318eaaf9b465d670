"""``sanctionwatch demo``: the whole path on the bundled data."""

from __future__ import annotations

from sanctionwatch.cli._render import entity_table, print_summary
from sanctionwatch.cli._state import (
    FormatOpt,
    OutputFormat,
    console,
    print_json,
    progress_bar,
    state,
)
from sanctionwatch.jobs import demo_paths, ingest_paths, load_lists

__all__ = ["demo_cmd"]


def demo_cmd(
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Load the bundled demo list and reports into the store and print a summary.

    Safe to rerun: what is already stored is not stored again.
    """
    list_file, reports = demo_paths()
    with state.open_store() as store, progress_bar() as bar:
        load_lists(store, [list_file])
        task = bar.add_task("reading the demo reports", total=None)
        ingest_paths(
            store,
            [reports],
            model=state.model,
            threshold=state.threshold,
            index_dir=state.index_dir,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
        summary = store.summary()
        listed = store.entities(listed=True, limit=50)
    if fmt is OutputFormat.json:
        print_json({**summary, "listed": listed})
        return
    console.print(f"[bold]sanctionwatch demo[/bold] — store: {state.db_url}\n")
    print_summary(summary)
    if listed:
        console.print(entity_table(listed, title="Listed entities found in the reports"))
    console.print(
        "\nNext: [bold]sanctionwatch events --modality denied[/bold], "
        "[bold]sanctionwatch entities --listed[/bold], "
        "[bold]sanctionwatch extract FILE[/bold]"
    )
