"""``lists load`` and ``lists show``, on the demo fixture and on the real UN list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionwatch.jobs import demo_paths
from tests.cli.conftest import Run


def test_cli_lists_load_and_show(run: Run) -> None:
    demo_list = demo_paths()[0]
    loaded = run("lists", "load", str(demo_list), "--format", "json")
    assert loaded.code == 0, loaded.err
    assert json.loads(loaded.out)[0]["new"] is True
    again = json.loads(run("lists", "load", str(demo_list), "--format", "json").out)
    assert again[0]["new"] is False
    shown = json.loads(run("lists", "show", "--format", "json").out)
    assert len(shown) == 1 and shown[0]["active"] and shown[0]["dataset"] == "un_sc"
    assert "un_sc" in run("lists", "show").out


@pytest.mark.realdata
def test_cli_lists_load_real_un_counts(run: Run, shared_lists: Path) -> None:
    path = shared_lists / "un" / "un_consolidated_2026-02-27.xml"
    result = run("lists", "load", str(path), "--format", "json")
    assert result.code == 0, result.err
    counts = json.loads(result.out)[0]["counts"]
    assert counts["Person"] == 730
    assert counts["Organization"] == 273
    assert counts["targets"] == 1003
