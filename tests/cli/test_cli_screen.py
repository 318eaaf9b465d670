"""``screen`` and ``compare``: one name, a CSV batch with bad rows, pairs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sanctionwatch import settings
from sanctionwatch.jobs import demo_paths
from tests.cli.conftest import Run


@pytest.fixture(autouse=True)
def index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "index"
    monkeypatch.setattr(settings, "INDEX_DIR", folder)
    return folder


@pytest.fixture
def loaded(run: Run) -> Run:
    assert run("lists", "load", str(demo_paths()[0])).code == 0
    return run


def test_cli_screen_one_name(loaded: Run, index_dir: Path) -> None:
    result = loaded("screen", "리병철", "--type", "person", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["matcher"] == "sanctionwatch.matcher.v1"
    assert data["matches"][0]["list_id"] == "KPi.076"
    assert "from Hangul" in data["matches"][0]["explanation"]
    assert list(index_dir.glob("*.npz")), "the index is kept for the next run"
    text = loaded("screen", "Ri Pyong-chol")
    assert text.code == 0 and "KPi.076" in text.out


def test_cli_screen_surname_alone_and_no_match(loaded: Run) -> None:
    assert json.loads(loaded("screen", "Ri", "--format", "json").out)["matches"] == []
    assert "no match" in loaded("screen", "John Smith").out


def test_cli_screen_bad_input(loaded: Run) -> None:
    assert loaded("screen", "").code == 2
    long = loaded("screen", "x" * 10_000)
    assert long.code == 2 and "10,000 characters" in long.err
    assert loaded("screen", "Kim", "--dob", "yesterday").code == 2
    assert loaded("screen").code == 2
    assert loaded("screen", "Kim", "--input", "x.csv").code == 2


def test_cli_screen_batch_with_bad_row(loaded: Run, tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text(
        "name,type\nRi Pyong-chol,person\n,person\nJohn Smith,\nMunitions Industry Dept,"
        'organization\n"broken,\n',
        encoding="utf-8",
    )
    target = tmp_path / "results.csv"
    result = loaded("screen", "--input", str(source), "--output", str(target), "--format", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["rows"] == 3 and summary["matched"] == 2
    assert summary["skipped_lines"][0]["line"] == 3
    assert "skipped line 3" in result.err
    with target.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["list_id"] for r in rows] == ["KPi.076", "", "KPe.028"]


def test_cli_compare(run: Run) -> None:
    result = run("compare", "Kim Yo-jong", "KIM YO JONG", "--type", "person", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert set(data) == {"score", "match", "explanation"}
    assert data["match"] is True and data["score"] == 1.0
    alone = json.loads(run("compare", "Kim", "KIM YO JONG", "--format", "json").out)
    assert alone["match"] is False
    assert "no match" in run("compare", "Kim Jong Il", "Kim Jong Un").out
    assert run("compare", "Kim").code == 2


def test_cli_compare_pairs(loaded: Run, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,type\n리병철,RI PYONG CHUL,person\n,Kim,\nPak,PAK PONG JU,person\n",
        encoding="utf-8",
    )
    result = loaded("compare", "--pairs", str(pairs))
    assert result.code == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["line"], r["match"]) for r in lines] == [(2, True), (4, False)]
    assert "skipped line 3" in result.err
