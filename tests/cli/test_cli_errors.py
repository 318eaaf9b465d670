"""Bad input: one line naming the file, a non-zero exit, and an unchanged store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Run, table_counts

GOOD = "Ri Pyong Chol met Russian officials in Moscow on Tuesday.\n"


def _missing(tmp: Path) -> Path:
    return tmp / "no-such-report.txt"


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.txt"
    path.write_text("")
    return path


def _binary(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary\x00stuff" * 20)
    return path


def _latin1(tmp: Path) -> Path:
    path = tmp / "latin1.txt"
    path.write_bytes("Le ministre a déclaré que la Corée du Nord livre des obus.".encode("latin-1"))
    return path


BAD_REPORTS: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "empty": _empty,
    "binary": _binary,
    "not-utf8": _latin1,
}


@pytest.fixture
def seeded(run: Run, tmp_path: Path) -> Path:
    """A store that already holds one document, so that 'unchanged' means something."""
    good = tmp_path / "good" / "ok.txt"
    good.parent.mkdir()
    good.write_text(GOOD)
    assert run("ingest", str(good)).code == 0
    return good


@pytest.mark.parametrize("kind", sorted(BAD_REPORTS))
def test_cli_ingest_bad_input_one_line_error(
    kind: str, run: Run, db: Path, tmp_path: Path, seeded: Path
) -> None:
    bad = BAD_REPORTS[kind](tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("North Korea denied supplying artillery shells to Russia.\n")
    before = table_counts(db)
    result = run("ingest", str(other), str(bad))
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert str(bad) in lines[0]
    assert "Traceback" not in result.err
    assert table_counts(db) == before


def test_cli_ingest_twice_stores_nothing_new(run: Run, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.md").write_text("# Talks\n\nKim Jong Un met Vladimir Putin in Pyongyang.\n")
    (folder / "b.txt").write_text("Russia vetoed a UN Security Council resolution on Thursday.\n")
    first = run("ingest", str(folder))
    assert first.code == 0 and "stored 2 new" in first.out
    before = table_counts(db)
    second = run("ingest", str(folder))
    assert second.code == 0 and "stored 0 new" in second.out and "2 already stored" in second.out
    assert table_counts(db) == before


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">\n'
        b"<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>",
        b"<CONSOLIDATED_LIST><INDIVIDUALS></ENTITIES></CONSOLIDATED_LIST>",
        b"this is not a list at all\n",
    ],
    ids=["truncated", "mismatched", "not-xml"],
)
def test_cli_lists_load_malformed_one_line_error(
    content: bytes, run: Run, db: Path, tmp_path: Path, seeded: Path
) -> None:
    bad = tmp_path / "un_list.xml"
    bad.write_bytes(content)
    before = table_counts(db)
    result = run("lists", "load", str(bad))
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert str(bad) in lines[0]
    assert table_counts(db) == before


def test_cli_debug_shows_traceback(db: Path, tmp_path: Path) -> None:
    from sanctionwatch.cli import main
    from sanctionwatch.exc import InputNotFound

    with pytest.raises(InputNotFound):
        main(["--db", str(db), "--debug", "ingest", str(tmp_path / "missing.txt")])


@pytest.mark.parametrize(
    "args",
    [("nosuchcommand",), ("entities", "--limit", "0"), ("events", "--nosuchoption")],
    ids=["command", "value", "option"],
)
def test_cli_usage_error_exit_2_without_traceback(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 2
    assert "Traceback" not in result.err and "Usage:" in result.err


def test_cli_version_and_help(run: Run) -> None:
    assert run("--version").code == 0
    assert run("--help").code == 0
