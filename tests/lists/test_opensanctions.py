"""Tests for the OpenSanctions FtM JSON lines reader (sanctionwatch.lists.opensanctions)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, opensanctions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists" / "opensanctions"
FLAT = FIXTURES / "entities.ftm.json"
NESTED = FIXTURES / "targets.nested.json"


@pytest.fixture(scope="module")
def flat() -> ListIssue:
    return opensanctions.parse(FLAT)


@pytest.fixture(scope="module")
def nested() -> ListIssue:
    return opensanctions.parse(NESTED)


def test_parse_flat_export(flat: ListIssue) -> None:
    assert flat.dataset == "opensanctions:us_ofac_sdn"  # the one dataset every entity names
    assert flat.issued == date(2026, 6, 22)  # the latest last_seen
    assert flat.counts() == {"Person": 1, "Sanction": 1, "Vessel": 1, "Family": 1}
    assert flat.stats == {"lines": 5, "not_targets": 1}
    assert flat.warnings == [
        "entities.ftm.json: line 6: entity 'bad-schema' has no id or an unknown schema "
        "'Spaceship'; skipped",
        "entities.ftm.json: line 7: not valid JSON; skipped",
    ]


def test_parse_flat_entities_kept_as_published(flat: ListIssue) -> None:
    kim = next(e for e in flat.targets() if e.schema.name == "Person")
    assert kim.id == "NK-2mHnYwqxDw4bU6XEM5oFge"
    assert kim.get("name") == ["Kim Jong Un", "KIM, Jong Un"]
    assert kim.get("birthDate") == ["1984-01-08", "1983", "1982"]
    (sanction,) = flat.sanctions_for(str(kim.id))
    assert sanction.get("authorityId") == ["20157"]
    assert sanction.get("program") == ["DPRK3"]
    vessel = next(e for e in flat.targets() if e.schema.name == "Vessel")
    assert vessel.get("imoNumber") == ["IMO8712362"]  # unknown properties are dropped


def test_parse_relatives_are_not_list_entries(flat: ListIssue) -> None:
    assert "NK-sibling" not in {e.id for e in flat.entities}


def test_parse_nested_export(nested: ListIssue) -> None:
    assert nested.dataset == "opensanctions"  # entities name several datasets
    assert nested.counts() == {
        "Sanction": 2,
        "Address": 1,
        "Person": 1,
        "Ownership": 1,
        "Vessel": 1,
    }
    kim = next(e for e in nested.targets() if e.schema.name == "Person")
    assert kim.get("addressEntity") == ["addr-pyongyang"]
    sanctions = nested.sanctions_for(str(kim.id))
    assert sorted(s.first("authorityId") or "" for s in sanctions) == ["13488", "20157"]
    assert "co-samjong" not in {e.id for e in nested.entities}  # an owner, not designated
    assert nested.stats["not_targets"] == 1


def test_parse_truncated_last_line_raises(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    data = FLAT.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join(data[:2]) + b"\n" + data[2][:40])
    with pytest.raises(ListFormatError, match="truncated: the last line \\(3\\)"):
        opensanctions.parse(path)


def test_parse_mostly_not_json_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("nope\nnot this\n" + json.dumps({"id": "a", "schema": "Person"}) + "\n")
    with pytest.raises(ListFormatError, match="not FollowTheMoney JSON lines"):
        opensanctions.parse(path)


def test_parse_binary_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b'{"id": "a"\x00}\n')
    with pytest.raises(ListFormatError, match="binary content at line 1"):
        opensanctions.parse(path)


def test_parse_plain_ftm_lines(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    entity = {"id": "p1", "schema": "Company", "properties": {"name": ["ACME"]}}
    path.write_text(json.dumps(entity) + "\n")
    issue = opensanctions.parse(path)
    assert issue.dataset == "opensanctions"
    assert issue.issued is None
    assert [e.id for e in issue.targets()] == ["p1"]


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        opensanctions.parse(tmp_path / "entities.ftm.json")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (FLAT.read_bytes()[:4096], True),
        (NESTED.read_bytes()[:4096], True),
        (b'{"schema": "Person", "properties": {}}', True),
        (b'{"name": "x"}\n{"schema": "Person", "properties": {}}', False),
        (b"[1, 2]", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert opensanctions.sniff(head, "entities.ftm.json") is expected


@pytest.mark.parametrize("path", [FLAT, NESTED], ids=["flat", "nested"])
def test_detect_format(path: Path) -> None:
    assert detect_format(path) == "opensanctions_ftm"
