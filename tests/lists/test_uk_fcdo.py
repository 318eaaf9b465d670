"""Tests for the FCDO UK Sanctions List reader (sanctionwatch.lists.uk_fcdo)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, uk_fcdo

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists" / "uk"
XML = FIXTURES / "UK_Sanctions_List.xml"
CSV = FIXTURES / "UK_Sanctions_List.csv"


@pytest.fixture(scope="module")
def xml_issue() -> ListIssue:
    return uk_fcdo.parse(XML)


@pytest.fixture(scope="module")
def csv_issue() -> ListIssue:
    return uk_fcdo.parse(CSV)


def _pair(issue: ListIssue, uid: str) -> tuple[EntityProxy, EntityProxy]:
    target = next(e for e in issue.targets() if e.id == f"gb-fcdo-{uid}")
    (sanction,) = issue.sanctions_for(str(target.id))
    return target, sanction


def test_parse_xml_metadata(xml_issue: ListIssue) -> None:
    assert xml_issue.dataset == "gb_fcdo"
    assert xml_issue.issued == date(2025, 4, 14)
    assert xml_issue.stats == {"designations": 3}
    assert xml_issue.counts() == {"Person": 1, "Organization": 1, "Vessel": 1, "Sanction": 3}
    assert xml_issue.warnings == []


def test_parse_xml_dprk_person(xml_issue: ListIssue) -> None:
    jo, sanction = _pair(xml_issue, "dpr0220")
    assert jo.get("name") == ["JO YONG-WON"]
    assert jo.get("alias") == ["Cho YONGWON", "조용원"]
    assert jo.get("weakAlias") == ["Jo Yong Won"]  # "ALias" of low quality
    assert jo.get("birthDate") == ["1957-10-24", "1958"]
    assert jo.get("birthPlace") == ["Pyongyang, North Korea"]
    assert jo.get("birthCountry") == ["kp"]
    assert jo.get("nationality") == ["kp"]
    assert jo.get("gender") == ["male"]
    assert jo.get("passportNumber") == ["108210124"]
    assert jo.get("address") == ["Pyongyang, North Korea"]
    assert sanction.get("authorityId") == ["DPR0220"]
    assert sanction.get("recordId") == ["13488"]
    assert sanction.get("unscId") == ["KPi.043"]
    assert sanction.get("listingDate") == ["2017-06-02"]
    assert sanction.get("modifiedAt") == ["2023-08-21"]
    assert sanction.get("provisions") == ["Asset freeze", "Travel Ban"]
    assert sanction.get("reason") == [
        "Member of the Politburo Presidium of the Workers' Party of Korea."
    ]
    assert sanction.get("program") == [
        "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"
    ]


def test_parse_xml_entity_and_ship(xml_issue: ListIssue) -> None:
    org, _ = _pair(xml_issue, "afg0001")
    assert org.schema.name == "Organization"
    assert org.get("alias") == ["Haji Alim Hawala"]
    assert org.get("legalForm") == ["Hawala"]
    assert org.get("country") == ["pk"]
    assert "Parent company: HKHS Holding" in org.get("notes")
    ship, sanction = _pair(xml_issue, "dpr0100")
    assert ship.schema.name == "Vessel"
    assert ship.get("imoNumber") == ["IMO7408873"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["ru"]
    assert ship.get("buildDate") == ["1975"]
    assert "Current owner/operator: Korea Samjong Shipping" in ship.get("notes")
    assert sanction.get("recordId") == ["13651"]


def test_parse_csv(csv_issue: ListIssue) -> None:
    assert csv_issue.issued == date(2025, 4, 14)
    assert csv_issue.stats == {"rows": 3, "designations": 2}
    assert csv_issue.warnings == [
        "UK_Sanctions_List.csv: line 6: skipped a row without a Unique ID"
    ]
    jo, sanction = _pair(csv_issue, "dpr0220")
    assert jo.get("name") == ["JO YONG-WON"]
    assert jo.get("alias") == ["Cho YONGWON", "조용원"]
    assert jo.get("birthDate") == ["1957-10-24"]
    assert sanction.get("recordId") == ["13488"]
    ship, _ = _pair(csv_issue, "dpr0100")
    assert ship.get("imoNumber") == ["IMO7408873"]
    assert ship.get("tonnage") == ["1676"]


def test_parse_xml_and_csv_agree(xml_issue: ListIssue, csv_issue: ListIssue) -> None:
    for target in csv_issue.targets():
        other = next(e for e in xml_issue.targets() if e.id == target.id)
        assert target.schema == other.schema
        assert target.get("name") == other.get("name")


@pytest.mark.parametrize("cut", [0.3, 0.7])
def test_parse_truncated_xml_raises_with_position(tmp_path: Path, cut: float) -> None:
    path = tmp_path / "UK_Sanctions_List.xml"
    data = XML.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=r"line \d+, column \d+"):
        uk_fcdo.parse(path)


def test_parse_truncated_csv_raises_with_line(tmp_path: Path) -> None:
    path = tmp_path / "UK_Sanctions_List.csv"
    data = CSV.read_bytes()
    cut = data.index(b"Member of the Politburo")
    path.write_bytes(data[:cut] + b'"Member of')
    with pytest.raises(ListFormatError, match=r"line \d+"):
        uk_fcdo.parse(path)


def test_parse_csv_without_header_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ListFormatError, match="no 'Unique ID' header"):
        uk_fcdo.parse(path)


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        uk_fcdo.parse(tmp_path / "UK_Sanctions_List.xml")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (XML.read_bytes()[:300], True),
        (CSV.read_bytes()[:4096], True),
        (b"Last Updated,14/04/2025\nName 6,Name 1,Group Type,Group ID", False),
        (b"<sdnList>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert uk_fcdo.sniff(head, "UK_Sanctions_List.xml") is expected


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_detect_format(path: Path) -> None:
    assert detect_format(path) == "uk_fcdo"
