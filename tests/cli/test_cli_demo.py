"""The demo: the whole path on the bundled data, and extraction of every demo report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionwatch.jobs import demo_paths
from sanctionwatch.schemas import validate_extraction
from tests.cli.conftest import Run, table_counts

REPORTS = sorted(demo_paths()[1].glob("*.md"))
LISTED_PEOPLE = {"KPi.076", "KPi.024", "KPi.043"}


def test_cli_demo_summary_shows_the_whole_path(run: Run, db: Path) -> None:
    result = run("demo", "--format", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["documents"] == len(REPORTS) >= 8
    assert summary["lists"][0]["dataset"] == "un_sc"
    linked = {link["list_id"] for row in summary["listed"] for link in row["links"]}
    assert linked >= LISTED_PEOPLE
    assert {"asserted", "alleged", "denied", "expected"} <= set(summary["events_by_modality"])
    assert {"CONSULT", "AGREE", "AID", "SANCTION", "REJECT"} <= set(summary["events_by_type"])


def test_cli_demo_rerun_stores_nothing_new(run: Run, db: Path) -> None:
    assert run("demo").code == 0
    before = table_counts(db)
    again = run("demo")
    assert again.code == 0 and "Listed entities" in again.out
    assert table_counts(db) == before


def test_cli_events_and_entities_filters(run: Run) -> None:
    assert run("demo").code == 0
    denied = json.loads(run("events", "--modality", "denied", "--format", "json").out)
    assert denied and all(e["modality"] == "denied" for e in denied)
    listed = json.loads(run("entities", "--listed", "--format", "json").out)
    assert listed and all(row["links"] for row in listed)
    people = json.loads(run("entities", "--type", "Person", "--format", "json").out)
    assert people and all(row["type"] == "Person" for row in people)
    table = run("events", "--type", "AID")
    assert table.code == 0 and "AID" in table.out


@pytest.fixture
def with_demo_list(run: Run) -> None:
    assert run("lists", "load", str(demo_paths()[0])).code == 0


@pytest.mark.parametrize("report", REPORTS, ids=[p.name for p in REPORTS])
def test_cli_extract_demo_report_validates(report: Path, run: Run, with_demo_list: None) -> None:
    result = run("extract", str(report), "--format", "json")
    assert result.code == 0, result.err
    extraction = json.loads(result.out)
    validate_extraction(extraction)
    text = report.read_text()
    for entity in extraction["entities"]:
        for mention in entity["mentions"]:
            assert mention["text"] in text


def test_cli_extract_links_listed_demo_people(run: Run, with_demo_list: None) -> None:
    linked: set[str] = set()
    for report in REPORTS:
        extraction = json.loads(run("extract", str(report), "--format", "json").out)
        linked |= {link["list_id"] for e in extraction["entities"] for link in e["links"]}
    assert linked >= LISTED_PEOPLE


def test_cli_extract_text_marks_entities(run: Run, with_demo_list: None) -> None:
    result = run("extract", str(REPORTS[0]))
    assert result.code == 0 and "events" in result.out
