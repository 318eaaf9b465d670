"""Tests for the OFAC classic XML reader (sanctionwatch.lists.ofac_xml)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, ofac_csv, ofac_xml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
SDN_XML = FIXTURES / "ofac_xml" / "sdn.xml"
BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&lol2;</lastName></sdnEntry></sdnList>
"""


@pytest.fixture(scope="module")
def issue() -> ListIssue:
    return ofac_xml.parse(SDN_XML)


def _target(issue: ListIssue, uid: str) -> EntityProxy:
    return next(e for e in issue.targets() if e.id == f"us-ofac-sdn-{uid}")


def test_parse_issue_metadata(issue: ListIssue) -> None:
    assert issue.dataset == "us_ofac_sdn"
    assert issue.issued == date(2026, 6, 22)
    assert issue.stats == {"entries": 4, "aliases": 4, "addresses": 2}
    assert issue.counts() == {"Person": 2, "Vessel": 1, "Organization": 1, "Sanction": 4}
    assert issue.warnings == []


def test_parse_dprk_person(issue: ListIssue) -> None:
    kim = _target(issue, "20157")
    assert kim.get("name") == ["KIM, Jong Un"]
    assert kim.get("birthDate") == ["1984-01-08"]
    assert kim.get("birthPlace") == ["Pyongyang, Korea, North"]
    assert kim.get("birthCountry") == ["kp"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]  # an idList entry of type "Gender"
    assert kim.get("position") == ["Chairman of the Workers' Party of Korea"]
    (sanction,) = issue.sanctions_for(str(kim.id))
    assert sanction.get("authorityId") == ["20157"]
    assert sanction.get("program") == ["DPRK3"]
    assert sanction.get("summary") == [
        "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"
    ]


def test_parse_aliases_ids_and_vessel(issue: ListIssue) -> None:
    bank = _target(issue, "40001")
    assert bank.get("alias") == ["KWANGSON BANKING CORPORATION"]
    assert bank.get("weakAlias") == ["KKBC"]  # category weak
    assert bank.get("swiftBic") == ["KKBCKPPY"]
    ship = _target(issue, "40002")
    assert ship.get("previousName") == ["CHON MYONG"]
    assert ship.get("imoNumber") == ["IMO8712362"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["mn"]
    assert ship.get("callSign") == ["HMYN2"]
    person = _target(issue, "40003")
    assert person.get("passportNumber") == ["D10001869"]
    assert "Passport D10001869; Iran; issued 2005-12-14; expires 2010-12-13" in person.get("notes")
    assert person.get("birthDate") == ["1962", "1963", "1958"]
    assert person.get("citizenship") == ["ir"]


def test_parse_same_ids_and_names_as_csv(issue: ListIssue) -> None:
    csv_issue = ofac_csv.parse(FIXTURES / "ofac" / "sdn.csv")
    csv_targets = {e.id: e for e in csv_issue.targets()}
    for target in issue.targets():
        assert target.id in csv_targets
        assert target.get("name") == csv_targets[target.id].get("name")


def test_parse_consolidated_by_file_name(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    shutil.copy(SDN_XML, path)
    issue = ofac_xml.parse(path)
    assert issue.dataset == "us_ofac_cons"
    assert {e.id for e in issue.targets()} >= {"us-ofac-cons-20157"}


@pytest.mark.parametrize("cut", [0.2, 0.6, 0.95])
def test_parse_truncated_file_raises_with_position(tmp_path: Path, cut: float) -> None:
    data = SDN_XML.read_bytes()
    path = tmp_path / "sdn.xml"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=r"line \d+, column \d+") as info:
        ofac_xml.parse(path)
    assert info.value.path == str(path)


def test_parse_entity_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text(BOMB)
    with pytest.raises(ListFormatError, match="unsafe XML refused at line 2"):
        ofac_xml.parse(path)


def test_parse_other_root_raises(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text("<CONSOLIDATED_LIST/>")
    with pytest.raises(ListFormatError, match="root element is <CONSOLIDATED_LIST>"):
        ofac_xml.parse(path)


def test_parse_entry_without_uid_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text("<sdnList><sdnEntry><lastName>X</lastName></sdnEntry></sdnList>")
    issue = ofac_xml.parse(path)
    assert issue.entities == []
    assert issue.warnings == ["sdn.xml: skipped an sdnEntry without a uid"]


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        ofac_xml.parse(tmp_path / "sdn.xml")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (SDN_XML.read_bytes()[:300], True),
        (b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">', True),
        (b"<CONSOLIDATED_LIST>", False),
        (b"<Sanctions>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert ofac_xml.sniff(head, "sdn.xml") is expected


def test_detect_format() -> None:
    assert detect_format(SDN_XML) == "ofac_xml"


def test_parse_record_count_mismatch_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text(SDN_XML.read_text().replace("<Record_Count>4<", "<Record_Count>5<"))
    issue = ofac_xml.parse(path)
    assert issue.warnings == ["sdn.xml: Record_Count says 5 entries, the file holds 4"]
