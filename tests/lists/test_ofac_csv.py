"""Tests for the OFAC legacy CSV reader (sanctionwatch.lists.ofac_csv)."""

from __future__ import annotations

import shutil
import time
from functools import lru_cache
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, load_list, ofac_csv
from sanctionwatch.lists._ofac import (
    apply_fact,
    dob_values,
    label_pattern,
    labels,
    ofac_date,
    split_programs,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
SDN = FIXTURES / "ofac" / "sdn.csv"
CONS = FIXTURES / "ofac_cons" / "cons_prim.csv"


@pytest.fixture(scope="module")
def sdn() -> ListIssue:
    return ofac_csv.parse(SDN)


def _pair(issue: ListIssue, ent_num: str) -> tuple[EntityProxy, EntityProxy]:
    target = next(e for e in issue.targets() if str(e.id).endswith(f"-{ent_num}"))
    (sanction,) = issue.sanctions_for(str(target.id))
    return target, sanction


def _copy_trio(tmp_path: Path, *names: str) -> Path:
    for name in names or ("sdn.csv", "alt.csv", "add.csv"):
        shutil.copy(FIXTURES / "ofac" / name, tmp_path / name)
    return tmp_path / "sdn.csv"


# -- the fixture trio ------------------------------------------------------------------------


def test_parse_counts_rows_and_entities(sdn: ListIssue) -> None:
    assert sdn.dataset == "us_ofac_sdn"
    assert sdn.issued is None
    assert sdn.stats == {"sdn_rows": 7, "alt_rows": 6, "add_rows": 8, "comment_rows": 1}
    assert sdn.counts() == {
        "Organization": 2,
        "Vessel": 2,
        "Airplane": 1,
        "Person": 2,
        "Sanction": 7,
    }
    assert len(sdn.sha256) == 64


def test_parse_dirty_rows_are_skipped_and_named(sdn: ListIssue) -> None:
    assert sdn.warnings == [
        "sdn.csv: line 8: skipped a row with 3 fields (expected 12) or no entry number",
        "alt.csv: ent_num 99999 is not in the main file; row ignored",
    ]


def test_parse_dprk_person(sdn: ListIssue) -> None:
    kim, sanction = _pair(sdn, "20157")
    assert kim.id == "us-ofac-sdn-20157"
    assert kim.schema.name == "Person"
    assert kim.get("name") == ["KIM, Jong Un"]
    assert kim.get("lastName") == ["KIM"] and kim.get("firstName") == ["Jong Un"]
    assert kim.get("birthDate") == ["1984-01-08"]
    assert kim.get("position") == ["Chairman of the Workers' Party of Korea"]
    assert kim.get("country") == ["kp"]
    assert kim.get("notes", quiet=True) == []  # the remark repeating the title is dropped
    assert sanction.id == "us-ofac-sdn-20157-sanction"
    assert sanction.get("authorityId") == ["20157"]
    assert sanction.get("program") == ["DPRK3"]
    assert sanction.get("authority") == ["US Treasury Office of Foreign Assets Control (OFAC)"]
    assert sanction.get("summary") == [
        "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial "
        "Institutions: North Korea Sanctions Regulations section 510.214",
    ]


def test_parse_remarks_into_properties(sdn: ListIssue) -> None:
    person, sanction = _pair(sdn, "40003")
    assert person.get("birthDate") == ["1962", "1963", "1958"]
    assert person.get("birthPlace") == ["Tehran, Iran"]
    assert person.get("birthCountry") == ["ir"]
    assert person.get("nationality") == ["ir"] and person.get("citizenship") == ["ir"]
    assert person.get("gender") == ["male"]
    assert person.get("passportNumber") == ["D10001869"]
    assert person.get("idNumber") == ["0049-55843-1"]
    assert person.get("email") == ["rahman@example.ir"]
    assert "Passport D10001869; Iran; issued 2005-12-14; expires 2010-12-13" in person.get("notes")
    assert sanction.get("program") == ["IRAN", "NPWMD", "IFSR"]
    assert sanction.get("summary") == [
        "Additional Sanctions Information: Subject to Secondary Sanctions"
    ]


def test_parse_comments_file_continues_remarks(sdn: ListIssue) -> None:
    person, _ = _pair(sdn, "40003")
    assert person.get("website") == ["http://www.rahman.example/"]
    assert "Member of the board" in person.get("notes")


def test_parse_aliases_and_addresses(sdn: ListIssue) -> None:
    bank, _ = _pair(sdn, "306")
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert bank.get("weakAlias") == ["BNC"]  # a.k.a. in the remarks
    assert bank.get("address") == ["Zweierstrasse 35, Zurich CH-8022, Switzerland", "Cuba"]
    assert sorted(bank.get("country")) == ["ch", "cu"]
    person, _ = _pair(sdn, "40003")
    assert sorted(person.get("alias")) == ["RAHMAN, Abdolkarim", "RAHMANI, Abdul"]
    assert "Former address" in person.get("notes")
    vessel, _ = _pair(sdn, "4234")
    assert vessel.get("previousName") == ["HERMANN I"]


def test_parse_vessels(sdn: ListIssue) -> None:
    ship, sanction = _pair(sdn, "40002")
    assert ship.schema.name == "Vessel"
    assert ship.get("imoNumber") == ["IMO8712362"]
    assert ship.get("mmsi") == ["445213000"]
    assert ship.get("callSign") == ["HMYN2"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["mn"]
    assert ship.get("grossRegisteredTonnage") == ["1798"]
    assert sanction.get("program") == ["DPRK4"]
    cargo, _ = _pair(sdn, "4234")
    assert cargo.get("tonnage") == ["2597"]
    assert cargo.get("notes") == ["Vessel Owner: Compania Navegacion Golfo S.A."]


def test_parse_aircraft_and_organization_ids(sdn: ListIssue) -> None:
    plane, _ = _pair(sdn, "15431")
    assert plane.schema.name == "Airplane"
    assert plane.get("model") == ["IL76-TD"]
    assert plane.get("serialNumber") == ["8401", "1023409321"]
    assert plane.get("buildDate") == ["1992"]
    assert "Linked To: POUYA AIR" in plane.get("notes")
    bank, sanction = _pair(sdn, "40001")
    assert bank.get("swiftBic") == ["KKBCKPPY"]
    assert sanction.get("program") == ["DPRK2", "NPWMD"]


def test_parse_one_sanction_per_target(sdn: ListIssue) -> None:
    for target in sdn.targets():
        assert len(sdn.sanctions_for(str(target.id))) == 1


def test_parse_consolidated_list() -> None:
    issue = ofac_csv.parse(CONS)  # its alias file is named CONS_ALT.CSV: found anyway
    assert issue.dataset == "us_ofac_cons"
    assert issue.stats["alt_rows"] == 1
    person = next(e for e in issue.targets() if e.id == "us-ofac-cons-41002")
    assert person.get("alias") == ["IVANOV, Ivan Ivanovich"]
    assert person.get("birthDate") == ["1970-01"]
    (sanction,) = issue.sanctions_for("us-ofac-cons-41002")
    assert sanction.get("program") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert sanction.get("sourceUrl") == [
        "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList"
    ]


# -- broken trios ----------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["alt.csv", "add.csv"])
def test_parse_missing_sibling_raises(tmp_path: Path, missing: str) -> None:
    names = [n for n in ("sdn.csv", "alt.csv", "add.csv") if n != missing]
    path = _copy_trio(tmp_path, *names)
    with pytest.raises(ListFormatError, match=f"{missing} is missing"):
        ofac_csv.parse(path)


def test_parse_comments_file_is_optional(tmp_path: Path) -> None:
    issue = ofac_csv.parse(_copy_trio(tmp_path))
    assert issue.stats["comment_rows"] == 0


def test_parse_missing_main_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        ofac_csv.parse(tmp_path / "sdn.csv")


@pytest.mark.parametrize("cut", [0.5, 0.8, 0.97])
def test_parse_truncated_file_raises_with_line(tmp_path: Path, cut: float) -> None:
    path = _copy_trio(tmp_path)
    data = SDN.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=r"line \d+") as info:
        ofac_csv.parse(path)
    assert info.value.path == str(path)


def test_parse_wrong_file_raises(tmp_path: Path) -> None:
    path = _copy_trio(tmp_path)
    shutil.copy(FIXTURES / "ofac" / "alt.csv", path)  # an alias file where sdn.csv should be
    with pytest.raises(ListFormatError, match="not an OFAC list file"):
        ofac_csv.parse(path)


def test_parse_binary_file_raises(tmp_path: Path) -> None:
    path = _copy_trio(tmp_path)
    path.write_bytes(b'36,"X"\x00\x01\x02')
    with pytest.raises(ListFormatError, match="binary"):
        ofac_csv.parse(path)


def test_parse_windows_1252_text(tmp_path: Path) -> None:
    path = _copy_trio(tmp_path)
    path.write_bytes(
        '1,"MU\u00d1OZ, Jos\u00e9","individual","SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,'
        "-0- ,-0- ,-0- \r\n\x1a".encode("cp1252")
    )
    (person,) = ofac_csv.parse(path).targets()
    assert person.get("name") == ["MU\u00d1OZ, Jos\u00e9"]


# -- sniffing and helpers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (SDN.read_bytes()[:500], True),
        (b'20157,"KIM, Jong Un","individual","DPRK3",', True),
        (b'36,12,"aka","AERO-CARIBBEAN",-0- \r\n', False),  # alt.csv
        (b'36,25,-0- ,"Havana","Cuba",-0- \r\n', False),  # add.csv
        (b"Last Updated,14/04/2025\r\n", False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert ofac_csv.sniff(head, "sdn.csv") is expected


def test_detect_and_load(tmp_path: Path) -> None:
    assert detect_format(SDN) == "ofac_csv"
    assert load_list(SDN).stats["sdn_rows"] == 7


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("08 Jan 1984", "1984-01-08"),
        ("Jan 1984", "1984-01"),
        ("1984", "1984"),
        ("circa 1951", "1951"),
        ("31 Feb 1984", None),
        ("Foo 1984", None),
        ("", None),
    ],
)
def test_ofac_date(value: str, expected: str | None) -> None:
    assert ofac_date(value) == expected


def test_ofac_helpers() -> None:
    assert dob_values("1962 to 1963") == ["1962", "1963"]
    assert dob_values("01 Jan 1955 to 31 Dec 1956") == ["1955", "1956"]
    assert dob_values("05 Mar 1960 to 06 Jun 1960") == ["1960-03-05", "1960-06-06"]
    assert dob_values("circa 1955-1956") == ["1955", "1956"]
    assert split_programs("IRAN] [NPWMD] [IFSR") == ["IRAN", "NPWMD", "IFSR"]
    assert split_programs("[DPRK]") == ["DPRK"]
    assert split_programs("-0-") == []


# -- the real trio ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _real(path: Path) -> tuple[ListIssue, float]:
    start = time.perf_counter()
    issue = ofac_csv.parse(path)
    return issue, time.perf_counter() - start


@pytest.mark.realdata
def test_realdata_counts(shared_lists: Path) -> None:
    issue, seconds = _real(shared_lists / "ofac" / "sdn.csv")
    assert issue.stats == {
        "sdn_rows": 8976,
        "alt_rows": 11910,
        "add_rows": 13837,
        "comment_rows": 0,
    }
    assert len(issue.targets()) == 8976
    assert issue.counts()["Sanction"] == 8976
    assert issue.counts() == {
        "Person": 4620,
        "Organization": 3673,
        "Vessel": 406,
        "Airplane": 277,
        "Sanction": 8976,
    }
    assert issue.warnings == []
    assert seconds < 30  # the target is 5 s on one core; this only catches a blow-up


@pytest.mark.realdata
def test_realdata_spot_checks(shared_lists: Path) -> None:
    issue, _ = _real(shared_lists / "ofac" / "sdn.csv")
    kim, sanction = _pair(issue, "20157")
    assert kim.get("name") == ["KIM, Jong Un"]
    assert kim.get("birthDate") == ["1984-01-08"]  # the file says "DOB 08 Jan 1984"
    assert sanction.get("program") == ["DPRK3"]
    assert sanction.get("authorityId") == ["20157"]
    ids = [e.id for e in issue.targets()]
    assert len(ids) == len(set(ids))


def test_label_table() -> None:
    table = labels()
    assert table["passport"] == "id:passportNumber"
    assert table["vessel registration identification"] == "id:imoNumber"
    assert table["secondary sanctions risk"] == "sanction"
    assert table["dob"] == "dob"
    match = label_pattern().match("alt. National ID No. 660000 73767 (Belgium)")
    assert match is not None and match.group(1) == "National ID No."
    assert label_pattern().match("Passports of the world") is None


def test_apply_fact_unknown_label_and_schema_fallbacks() -> None:
    org = model.make_entity("Organization")
    sanction = model.make_entity("Sanction")
    apply_fact(org, sanction, "Linked To:", "SOME BANK")
    apply_fact(org, sanction, "Passport", "X123 (Iran)")  # no passports for companies
    apply_fact(org, sanction, "Gender", "Male")  # not for companies: a note
    assert org.get("registrationNumber") == ["X123"]
    assert org.get("notes") == ["Linked To: SOME BANK", "Passport X123; Iran", "Gender: Male"]
