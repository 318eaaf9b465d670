"""Every command has help text and a section in docs/cli.md; every setting is documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer

from sanctionwatch.cli import app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if hasattr(command, "commands"):  # a group of subcommands
            out.extend(_commands(command, f"{full} "))
        else:
            out.append((full, command))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_docs_command_has_help_and_section(name: str, command: Any) -> None:
    assert command.help and command.help.strip()
    assert f"## `sanctionwatch {name}" in (DOCS / "cli.md").read_text()


def test_docs_settings_documented() -> None:
    source = (Path(__file__).resolve().parent.parent / "sanctionwatch" / "settings.py").read_text()
    documented = (DOCS / "settings.md").read_text()
    for var in set(re.findall(r"SANCTIONWATCH_[A-Z_]+", source)):
        assert f"`{var}`" in documented, var
