"""Screening and comparing CSV files: bad rows are reported with their line, not fatal."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctionwatch.exc import EncodingError, InputError, InputNotFound
from sanctionwatch.names import Screener
from sanctionwatch.names._batch import RESULT_COLUMNS, Skipped, compare_csv, screen_csv


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_screen_csv_skips_bad_rows(screener: Screener, tmp_path: Path) -> None:
    source = write(tmp_path / "names.csv", (
        "name,type,dob\n"
        "Kim Jong-un,person,1984-01-08\n"
        ",person,\n"
        "Pak Pong-ju,airship,\n"
        "Ri Pyong Chol,person,08/01/1948\n"
        "John Smith,,\n"
        f"{'x' * 2000},person,\n"
        "a,b,c,d\n"
        "Ri Pyong-chol,person,1948\n"
    ))  # fmt: skip
    target = tmp_path / "out" / "results.csv"
    report = screen_csv(screener, source, target)
    assert report.rows == 3 and report.matched == 2
    assert [s.line for s in report.skipped] == [3, 4, 5, 7, 8]
    assert "empty" in report.skipped[0].reason
    assert "unknown type" in report.skipped[1].reason
    assert "4 fields" in report.skipped[4].reason
    with target.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == RESULT_COLUMNS
    assert [(r["line"], r["list_id"]) for r in rows] == [
        ("2", "KIM-JONG-UN"),
        ("6", ""),
        ("9", "RI-PYONG-CHOL"),
    ]
    assert not list(tmp_path.joinpath("out").glob(".*.tmp"))


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", InputError),
        (b"first,last\nKim,Jong\n", InputError),
        (b"name\n\xff\xfe\n", EncodingError),
    ],
)
def test_screen_csv_refuses_unusable_files(
    screener: Screener, tmp_path: Path, content: bytes, error: type[Exception]
) -> None:
    source = tmp_path / "names.csv"
    source.write_bytes(content)
    with pytest.raises(error):
        screen_csv(screener, source, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_screen_csv_missing_file(screener: Screener, tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        screen_csv(screener, tmp_path / "none.csv", tmp_path / "out.csv")


def test_compare_csv_pairs(tmp_path: Path) -> None:
    source = write(tmp_path / "pairs.csv", (
        "name1,name2,type\n"
        "Kim Yo-jong,KIM YO JONG,person\n"
        "Kim,KIM YO JONG,person\n"
        ",KIM YO JONG,\n"
        '"unterminated,x\n'
    ))  # fmt: skip
    results = list(compare_csv(source))
    assert results[0][1].match and not results[1][1].match  # type: ignore[union-attr]
    assert isinstance(results[2][1], Skipped) and results[2][0] == 4
    assert len(results) == 4 and isinstance(results[3][1], Skipped)
