"""Tests for the OFAC advanced XML reader (sanctionwatch.lists.ofac_advanced)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, ofac_advanced, ofac_csv

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
ADVANCED = FIXTURES / "ofac_xml" / "SDN_ADVANCED.XML"


@pytest.fixture(scope="module")
def issue() -> ListIssue:
    return ofac_advanced.parse(ADVANCED)


def _pair(issue: ListIssue, ref: str) -> tuple[EntityProxy, EntityProxy]:
    target = next(e for e in issue.targets() if e.id == f"us-ofac-sdn-{ref}")
    (sanction,) = issue.sanctions_for(str(target.id))
    return target, sanction


def test_parse_issue_metadata(issue: ListIssue) -> None:
    assert issue.dataset == "us_ofac_sdn"  # its entries are on the "SDN List"
    assert issue.issued == date(2026, 6, 22)
    assert issue.stats == {"parties": 3, "entries": 3, "relationships": 1}
    assert issue.counts() == {"Person": 1, "Vessel": 1, "Organization": 1, "Sanction": 3}
    assert issue.warnings == []


def test_parse_dprk_person(issue: ListIssue) -> None:
    kim, sanction = _pair(issue, "20157")
    assert kim.schema.name == "Person"
    assert kim.get("name") == ["KIM, Jong Un"]
    assert kim.get("alias") == ["KIM, Jung Eun"]
    assert kim.get("birthDate") == ["1984-01-08"]
    assert kim.get("birthPlace") == ["Pyongyang, Korea, North"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    assert kim.get("position") == ["Chairman of the Workers' Party of Korea"]
    assert kim.get("passportNumber") == ["PS 381420398"]
    assert "Passport PS 381420398; Korea, North; issued 2018-06-02" in kim.get("notes")
    assert kim.get("address") == ["Korea, North"]
    assert sanction.get("program") == ["DPRK3"]
    assert sanction.get("provisions") == ["Block"]
    assert sanction.get("listingDate") == ["2016-07-06"]
    assert sanction.get("reason") == ["Executive Order 13687 (North Korea)"]
    assert sanction.get("authorityId") == ["20157"]
    assert any(s.startswith("Secondary sanctions risk:") for s in sanction.get("summary"))


def test_parse_vessel_and_entity(issue: ListIssue) -> None:
    ship, sanction = _pair(issue, "40002")
    assert ship.schema.name == "Vessel"
    assert ship.get("previousName") == ["CHON MYONG"]
    assert ship.get("imoNumber") == ["IMO8712362"]
    assert ship.get("mmsi") == ["445213000"]
    assert ship.get("callSign") == ["HMYN2"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["mn"]
    assert ship.get("notes") == ["Linked To: KOREA KWANGSON BANKING CORP"]
    assert sanction.get("program") == ["DPRK4"]
    bank, bank_sanction = _pair(issue, "40001")
    assert bank.schema.name == "Organization"
    assert bank.get("weakAlias") == ["KKBC"]
    assert bank.get("swiftBic") == ["KKBCKPPY"]
    assert bank.get("address") == ["Jonggyong 1-dong, Sosong-guyok, Pyongyang, Korea, North"]
    assert bank_sanction.get("program") == ["DPRK2", "NPWMD"]


def test_parse_same_ids_and_names_as_csv(issue: ListIssue) -> None:
    csv_targets = {e.id: e for e in ofac_csv.parse(FIXTURES / "ofac" / "sdn.csv").targets()}
    for target in issue.targets():
        assert target.get("name") == csv_targets[target.id].get("name")


def test_parse_non_sdn_lists_are_consolidated(tmp_path: Path) -> None:
    text = ADVANCED.read_text().replace(">SDN List<", ">SSI List<")
    path = tmp_path / "CONS_ADVANCED.XML"
    path.write_text(text)
    issue = ofac_advanced.parse(path)
    assert issue.dataset == "us_ofac_cons"
    assert "us-ofac-cons-20157" in {e.id for e in issue.targets()}


def test_parse_entry_for_unknown_profile_is_named(tmp_path: Path) -> None:
    text = ADVANCED.read_text().replace('ProfileID="40001"', 'ProfileID="999"')
    path = tmp_path / "x.xml"
    path.write_text(text)
    issue = ofac_advanced.parse(path)
    assert issue.warnings == ["x.xml: SanctionsEntry for unknown profile '999'"]


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_parse_truncated_file_raises_with_position(tmp_path: Path, cut: float) -> None:
    data = ADVANCED.read_bytes()
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=r"line \d+, column \d+"):
        ofac_advanced.parse(path)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (ADVANCED.read_bytes()[:400], True),
        (b'<Sanctions xmlns="http://www.un.org/sanctions/1.0">', True),
        (b"<Sanctions><Other/>", False),
        (b"<sdnList>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert ofac_advanced.sniff(head, "SDN_ADVANCED.XML") is expected


def test_detect_format() -> None:
    assert detect_format(ADVANCED) == "ofac_advanced_xml"
