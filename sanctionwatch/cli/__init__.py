"""The command line: thin commands over the library; errors become one-line messages."""

from __future__ import annotations

import logging
import sys

import typer

from sanctionwatch.cli._app import app
from sanctionwatch.cli._state import err_console, state
from sanctionwatch.exc import SanctionwatchError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return (and, as a console script, exit with) the exit code.

    Usage errors are Typer's (exit 2). Our own errors print ``error: <where>: <what>`` on one
    line and exit 1, or 2 for bad input; ``--debug`` shows the traceback instead.
    """
    # trafilatura warns about every page it finds nothing in; our own errors say what matters.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="sanctionwatch", standalone_mode=True)
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except SanctionwatchError as e:
        if state.debug:
            raise
        err_console.print(f"[bold red]error:[/bold red] {e}", highlight=False, soft_wrap=True)
        code = e.code
    except KeyboardInterrupt:
        err_console.print("interrupted; rerun the command to finish: work already stored is kept")
        code = 130
    if argv is None:  # called as the console script
        sys.exit(code)
    return code
