"""Tests for the EU Financial Sanctions Files reader (sanctionwatch.lists.eu_fsf)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, eu_fsf

FSF = Path(__file__).resolve().parent.parent / "fixtures" / "lists" / "eu" / "eu_fsf.xml"
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<export><sanctionEntity logicalId="1"><remark>&x;</remark></sanctionEntity></export>
"""


@pytest.fixture(scope="module")
def issue() -> ListIssue:
    return eu_fsf.parse(FSF)


def _pair(issue: ListIssue, logical_id: str) -> tuple[EntityProxy, EntityProxy]:
    target = next(e for e in issue.targets() if e.id == f"eu-fsf-{logical_id}")
    (sanction,) = issue.sanctions_for(str(target.id))
    return target, sanction


def test_parse_issue_metadata(issue: ListIssue) -> None:
    assert issue.dataset == "eu_fsf"
    assert issue.issued == date(2025, 11, 21)
    assert issue.stats == {"entities": 4}
    assert issue.counts() == {"Person": 2, "Organization": 2, "Sanction": 4}
    assert issue.warnings == []


def test_parse_person(issue: ListIssue) -> None:
    saddam, sanction = _pair(issue, "13")
    assert saddam.get("name") == ["Saddam Hussein Al-Tikriti"]
    assert saddam.get("alias") == ["Abu Ali", "Abou Ali"]
    assert saddam.get("gender") == ["male"]
    assert saddam.get("nationality") == ["iq"]
    assert saddam.get("birthDate") == ["1937-04-28"]
    assert saddam.get("birthPlace") == ["al-Awja, near Tikrit, IRAQ"]
    assert saddam.get("notes") == ["UNSC RESOLUTION 1483"]
    assert sanction.get("authorityId") == ["EU.27.28"]
    assert sanction.get("recordId") == ["13"]
    assert sanction.get("program") == ["IRQ"]
    assert sanction.get("listingDate") == ["2003-07-08"]
    assert sanction.get("startDate") == ["2003-07-07"]
    assert sanction.get("summary") == ["Regulation 1210/2003 (OJ L169)"]


def test_parse_dprk_person(issue: ListIssue) -> None:
    jo, sanction = _pair(issue, "104010")
    assert jo.get("name") == ["Jo Yong Won"]
    assert jo.get("alias") == ["Cho Yongwon", "조용원"]
    assert jo.get("weakAlias") == ["Jo"]
    assert jo.get("position") == [
        "Secretary of the Workers' Party of Korea",
        "Vice Director of the Organisation and Guidance Department",
    ]
    assert jo.get("birthDate") == ["1957-10-24"]
    assert jo.get("birthCountry", quiet=True) == []  # UNKNOWN / 00
    assert jo.get("passportNumber") == ["108210124"]
    assert any("Expired 4 June 2023" in note for note in jo.get("notes"))
    assert sanction.get("unscId") == ["KPi.043"]
    assert sanction.get("program") == ["PRK"]
    assert sanction.get("listingDate") == ["2017-06-05"]
    assert sanction.get("modifiedAt") == ["2023-08-22"]


def test_parse_enterprise(issue: ListIssue) -> None:
    bank, sanction = _pair(issue, "107842")
    assert bank.schema.name == "Organization"
    assert bank.get("name") == ["Daedong Credit Bank"]
    assert bank.get("weakAlias") == ["DCB"]
    assert bank.get("swiftBic") == ["DCBKKPPY"]
    assert bank.get("country") == ["kp"]
    assert bank.get("email") == ["info@dcb.example", "dcb@example.kp"]
    assert bank.get("phone") == ["+85023814866"]
    assert sanction.get("reason") == ["Bank used by the DPRK for sanctioned transactions."]
    weak, weak_sanction = _pair(issue, "999999")
    assert weak.get("name") == ["Weak Only Trading"]  # a caption even with weak names only
    assert weak_sanction.get("authorityId") == ["999999"]  # no EU reference: the logical id


@pytest.mark.parametrize("cut", [0.25, 0.75])
def test_parse_truncated_file_raises_with_position(tmp_path: Path, cut: float) -> None:
    path = tmp_path / "eu.xml"
    data = FSF.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=r"line \d+, column \d+"):
        eu_fsf.parse(path)


def test_parse_external_entity_refused(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_text(EXTERNAL)
    with pytest.raises(ListFormatError, match="unsafe XML"):
        eu_fsf.parse(path)


def test_parse_other_root_raises(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_text("<sdnList/>")
    with pytest.raises(ListFormatError, match="not an EU FSF export"):
        eu_fsf.parse(path)


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        eu_fsf.parse(tmp_path / "eu.xml")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (FSF.read_bytes()[:300], True),
        (b'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="x">', True),
        (b"<export><data/></export>", False),
        (b"<Designations>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert eu_fsf.sniff(head, "eu.xml") is expected


def test_detect_format() -> None:
    assert detect_format(FSF) == "eu_fsf_xml"
