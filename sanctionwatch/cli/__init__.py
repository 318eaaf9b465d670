"""The command line: thin commands over the library; errors become one-line messages."""

from __future__ import annotations

import logging
import sys

import click
import typer

from sanctionwatch.cli._app import app
from sanctionwatch.cli._state import err_console, state
from sanctionwatch.exc import SanctionwatchError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return (and, as a console script, exit with) the exit code.

    Our own errors print ``error: <what and where>`` and exit 1 (or 2 for bad input);
    ``--debug`` shows the traceback instead.
    """
    # trafilatura warns about every page it finds nothing in; our own errors say what matters.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="sanctionwatch", standalone_mode=False)
    except SanctionwatchError as e:
        if state.debug:
            raise
        err_console.print(f"[bold red]error:[/bold red] {e}", highlight=False, soft_wrap=True)
        return _exit(e.code, argv)
    except click.exceptions.Abort:
        err_console.print("aborted")
        return _exit(130, argv)
    except click.ClickException as e:
        e.show()
        return _exit(e.exit_code, argv)
    except click.exceptions.Exit as e:
        return _exit(e.exit_code, argv)
    except KeyboardInterrupt:
        err_console.print("interrupted; rerun the command to finish: work already stored is kept")
        return _exit(130, argv)
    return _exit(result if isinstance(result, int) else 0, argv)


def _exit(code: int, argv: list[str] | None) -> int:
    if argv is None:  # called as the console script
        sys.exit(code)
    return code
