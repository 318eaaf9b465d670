"""Tests for the OFSI Consolidated List reader (sanctionwatch.lists.uk_conlist)."""

from __future__ import annotations

import csv
import time
import zipfile
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy
from openpyxl import Workbook

from sanctionwatch.exc import InputNotFound, ListFormatError, UnsafeInput
from sanctionwatch.lists import ListIssue, detect_format, uk_conlist
from sanctionwatch.lists._common import dmy_date, split_numbered

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
CONLIST = FIXTURES / "uk" / "ConList.csv"


@pytest.fixture(scope="module")
def issue() -> ListIssue:
    return uk_conlist.parse(CONLIST)


def _pair(issue: ListIssue, gid: str) -> tuple[EntityProxy, EntityProxy]:
    target = next(e for e in issue.targets() if e.id == f"gb-hmt-{gid}")
    (sanction,) = issue.sanctions_for(str(target.id))
    return target, sanction


def _xlsx(path: Path, source: Path = CONLIST) -> Path:
    """The CSV fixture saved as a workbook, as OFSI publishes it."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    with source.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            sheet.append([cell or None for cell in row])
    workbook.save(path)
    return path


def test_parse_issue_metadata(issue: ListIssue) -> None:
    assert issue.dataset == "gb_hmt"
    assert issue.issued == date(2025, 4, 14)
    assert issue.stats == {"rows": 5, "groups": 3}
    assert issue.counts() == {"Person": 1, "Vessel": 1, "Organization": 1, "Sanction": 3}
    assert issue.warnings == ["ConList.csv: row 8: skipped a row without a Group ID or columns"]


def test_parse_dprk_person(issue: ListIssue) -> None:
    jo, sanction = _pair(issue, "13488")
    assert jo.schema.name == "Person"
    assert jo.get("name") == ["JO YONG-WON"]
    assert sorted(jo.get("alias")) == ["Cho YONGWON", "조용원"]
    assert jo.get("weakAlias") == ["Jo YONG WON"]  # AKA of low quality
    assert jo.get("birthDate") == ["1957-10-24"]
    assert jo.get("nationality") == ["kp"]
    assert jo.get("passportNumber") == ["108210124"]
    assert jo.get("gender") == ["male"]
    assert jo.get("position") == [
        "Secretary of the Workers' Party of Korea",
        "Former Vice Director of the Organization and Guidance Department",
    ]
    assert "Passport Details: Expired: 4 June 2023" in jo.get("notes")
    assert sanction.get("authorityId") == ["13488"]
    assert sanction.get("recordId") == ["DPR0220"]
    assert sanction.get("unscId") == ["KPi.043"]
    assert sanction.get("program") == ["Democratic People's Republic of Korea"]
    assert sanction.get("listingDate") == ["2017-06-05"]
    assert sanction.get("startDate") == ["2017-06-02"]
    assert sanction.get("modifiedAt") == ["2023-08-21"]


def test_parse_ship(issue: ListIssue) -> None:
    ship, sanction = _pair(issue, "13651")
    assert ship.schema.name == "Vessel"
    assert ship.get("name") == ["SAM JONG 2"]
    assert ship.get("imoNumber") == ["IMO7408873"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["ru"]
    assert ship.get("type") == ["Oil tanker"]
    assert ship.get("tonnage") == ["1676"]
    assert ship.get("buildDate") == ["1975"]
    assert "DPRK merchant vessel involved in ship-to-ship transfers" in ship.get("notes")
    assert "Current owners: Korea Samjong Shipping" in ship.get("notes")
    assert sanction.get("recordId") == ["DPR0100"]  # the free text after it is not the ref


def test_parse_entity(issue: ListIssue) -> None:
    bank, sanction = _pair(issue, "13380")
    assert bank.schema.name == "Organization"
    assert bank.get("address") == ["Jonggyong 1-dong, Sosong District, Pyongyang, North Korea"]
    assert bank.get("legalForm") == ["Bank"]
    assert bank.get("email") == ["kkbc@example.kp"]
    assert sanction.get("unscId") == ["KPe.025"]


def test_parse_xlsx_gives_the_same_entities(tmp_path: Path, issue: ListIssue) -> None:
    book = uk_conlist.parse(_xlsx(tmp_path / "ConList.xlsx"))
    assert book.issued == issue.issued
    assert book.stats == issue.stats
    assert [e.to_dict() for e in book.entities] == [e.to_dict() for e in issue.entities]


def test_parse_truncated_xlsx_raises(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ConList.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFormatError, match="broken or truncated XLSX") as info:
        uk_conlist.parse(path)
    assert info.value.path == str(path)


def test_parse_zip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(UnsafeInput, match="inflate"):
        uk_conlist.parse(path)


def test_parse_workbook_without_header_raises(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "Country"])
    workbook.save(path)
    with pytest.raises(ListFormatError, match="no header row with 'Group ID'"):
        uk_conlist.parse(path)


def test_parse_malformed_csv_raises_with_line(tmp_path: Path) -> None:
    path = tmp_path / "ConList.csv"
    path.write_bytes(CONLIST.read_bytes() + b'"unterminated,13999\r\n')
    with pytest.raises(ListFormatError, match=r"line \d+"):
        uk_conlist.parse(path)


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        uk_conlist.parse(tmp_path / "ConList.csv")


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (CONLIST.read_bytes()[:4096], "ConList.csv", True),
        (b"PK\x03\x04rest", "ConList_2025-04-14.xlsx", True),
        (b"PK\x03\x04rest", "archive.zip", False),
        (b"Report Date: 14-Apr-2025\nLast Updated,Unique ID,OFSI Group ID,Name 6", "x.csv", False),
        (b"<CONSOLIDATED_LIST>", "ConList.csv", False),
    ],
)
def test_sniff(head: bytes, name: str, expected: bool) -> None:
    assert uk_conlist.sniff(head, name) is expected


def test_detect_format() -> None:
    assert detect_format(CONLIST) == "uk_conlist"


def test_helpers() -> None:
    assert dmy_date("24/10/1957") == "1957-10-24"
    assert dmy_date("00/00/1957") == "1957"
    assert dmy_date("dd/mm/1957") == "1957"
    assert dmy_date("00/10/1957") == "1957-10"
    assert dmy_date("10/1957") == "1957-10"
    assert dmy_date("1957") == "1957"
    assert dmy_date("31/02/1957") == "1957-02"
    assert dmy_date("unknown") is None
    assert split_numbered("(1) Germany. (2) Morocco") == ["Germany", "Morocco"]
    assert split_numbered("Pakistan") == ["Pakistan"]
    assert split_numbered(None) == []


# -- the real workbook -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _real(path: Path) -> tuple[ListIssue, float]:
    start = time.perf_counter()
    issue = uk_conlist.parse(path)
    return issue, time.perf_counter() - start


@pytest.mark.realdata
def test_realdata_counts(shared_lists: Path) -> None:
    issue, seconds = _real(shared_lists / "uk" / "ConList_2025-04-14.xlsx")
    assert issue.issued == date(2025, 4, 14)
    assert issue.stats == {"rows": 18798, "groups": 4688}
    assert issue.counts() == {"Person": 3663, "Organization": 1010, "Vessel": 15, "Sanction": 4688}
    assert issue.warnings == []
    assert seconds < 60  # the target is 10 s on one core; this only catches a blow-up


@pytest.mark.realdata
def test_realdata_spot_checks(shared_lists: Path) -> None:
    issue, _ = _real(shared_lists / "uk" / "ConList_2025-04-14.xlsx")
    jo, sanction = _pair(issue, "13488")
    assert jo.get("name") == ["JO YONG-WON"]
    assert "Cho YONGWON" in jo.get("alias")
    assert jo.get("birthDate") == ["1957-10-24"]
    assert sanction.get("recordId") == ["DPR0220"]
    assert sanction.get("unscId") == ["KPi.043"]
    ship, ship_sanction = _pair(issue, "13651")
    assert ship.get("imoNumber") == ["IMO7408873"]
    assert ship_sanction.get("recordId") == ["DPR0100"]
    vessels = [e for e in issue.targets() if e.schema.name == "Vessel"]
    assert all(v.has("imoNumber") for v in vessels)
