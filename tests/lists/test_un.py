"""Tests for the UN Security Council Consolidated List reader (sanctionwatch.lists.un)."""

from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

import sanctionwatch
from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists import ListIssue, detect_format, load_list, un
from sanctionwatch.lists._ftm import clean, make_slug_id, month_year, parse_date, year_span

DEMO_LIST = Path(sanctionwatch.__file__).parent / "demo" / "un_demo_list.xml"

TINY = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1001</DATAID>
      <FIRST_NAME>KIM</FIRST_NAME>
      <SECOND_NAME>JONG SIK</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.066 </REFERENCE_NUMBER>
      <LISTED_ON>2017-12-22-05:00</LISTED_ON>
      <COMMENTS1>Gender: male</COMMENTS1>
      <TITLE><VALUE>General</VALUE></TITLE>
      <DESIGNATION><VALUE>Deputy
        Director</VALUE><VALUE/></DESIGNATION>
      <NATIONALITY>
        <VALUE>Democratic People's Republic of Korea</VALUE>
        <VALUE>Atlantis</VALUE>
      </NATIONALITY>
      <LAST_DAY_UPDATED>
        <VALUE>2023-06-29</VALUE><VALUE>2024-09-17</VALUE><VALUE/>
      </LAST_DAY_UPDATED>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Good</QUALITY><ALIAS_NAME>Kim Cho’ng-sik</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Sik</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>   </ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS>
        <CITY>Pyongyang</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY>
      </INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1967</FROM_YEAR><TO_YEAR>1969</TO_YEAR>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH><COUNTRY/></INDIVIDUAL_PLACE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT/>
      <SORT_KEY/>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>1002</DATAID>
      <FIRST_NAME>ABDUL</FIRST_NAME>
      <SECOND_NAME>BAQI</SECOND_NAME>
      <THIRD_NAME>BASIR</THIRD_NAME>
      <FOURTH_NAME>AWAL SHAH</FOURTH_NAME>
      <UN_LIST_TYPE>Taliban</UN_LIST_TYPE>
      <REFERENCE_NUMBER>TAi.999</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-31</LISTED_ON>
      <GENDER>Male</GENDER>
      <NAME_ORIGINAL_SCRIPT>عبدالباقی بصیر اول شاه</NAME_ORIGINAL_SCRIPT>
      <INDIVIDUAL_ALIAS>
        <QUALITY>f.k.a.</QUALITY><ALIAS_NAME>"Old Name"</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1962-02-18</DATE>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1960</YEAR>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH>
        <CITY>Jalalabad City</CITY><STATE_PROVINCE>Nangarhar Province</STATE_PROVINCE>
        <COUNTRY>Afghanistan</COUNTRY>
      </INDIVIDUAL_PLACE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>D 000933</NUMBER>
        <ISSUING_COUNTRY>Afghanistan</ISSUING_COUNTRY><DATE_OF_ISSUE>1998-09-13</DATE_OF_ISSUE>
      </INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><NUMBER>57388</NUMBER>
      </INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT2>Ration card no.</TYPE_OF_DOCUMENT2><NUMBER>RC-1</NUMBER>
      </INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2001</DATAID>
      <FIRST_NAME>CHANG AN SHIPPING &amp; TECHNOLOGY</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.055 </REFERENCE_NUMBER>
      <LISTED_ON>2018-03-30</LISTED_ON>
      <COMMENTS1>Registered owner of vessel HUA FU.</COMMENTS1>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>長安海連技術有限公司</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>
      <ENTITY_ADDRESS>
        <STREET>Room 2105, Trend Centre</STREET><STATE_PROVINCE>Hong Kong</STATE_PROVINCE>
        <COUNTRY>China</COUNTRY>
        <NOTE>as at 2018</NOTE>
      </ENTITY_ADDRESS>
      <SORT_KEY/>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME>&lol3;</FIRST_NAME><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&secret;</FIRST_NAME>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""

REAL_FILES = [
    ("un_consolidated_2026-02-27.xml", date(2026, 2, 27), 730, 273),
    ("un_consolidated_2025-11-20.xml", date(2025, 11, 20), 727, 273),
]


def _write(tmp_path: Path, text: str, name: str = "consolidated.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_ref(issue: ListIssue, ref: str) -> tuple[EntityProxy, EntityProxy]:
    """The target and its Sanction for one UN reference number."""
    sanctions = [
        e for e in issue.entities if e.schema.name == "Sanction" and ref in e.get("authorityId")
    ]
    assert len(sanctions) == 1, ref
    (target_id,) = sanctions[0].get("entity")
    targets = [e for e in issue.targets() if e.id == target_id]
    assert len(targets) == 1, ref
    return targets[0], sanctions[0]


@lru_cache(maxsize=4)
def _parse_real(path: Path) -> ListIssue:
    return un.parse(path)


@pytest.fixture
def tiny(tmp_path: Path) -> ListIssue:
    return un.parse(_write(tmp_path, TINY))


# -- the issue -------------------------------------------------------------------------------


def test_parse_issue_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path, TINY)
    issue = un.parse(path)
    assert issue.dataset == "un_sc"
    assert issue.issued == date(2026, 2, 27)
    assert issue.source == str(path)
    assert issue.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert issue.counts() == {"Person": 2, "Organization": 1, "Sanction": 3}


def test_parse_ids_are_stable_slugs(tmp_path: Path) -> None:
    first = un.parse(_write(tmp_path, TINY, "a.xml"))
    second = un.parse(_write(tmp_path, TINY, "b.xml"))
    ids = [e.id for e in first.entities]
    assert ids == [e.id for e in second.entities]
    assert {e.id for e in first.targets()} == {"un-sc-kpi-066", "un-sc-tai-999", "un-sc-kpe-055"}
    assert "un-sc-kpi-066-sanction" in ids


def test_parse_without_date_generated_has_no_issue_date(tmp_path: Path) -> None:
    text = TINY.replace(' dateGenerated="2026-02-27T00:00:09.554Z"', "")
    assert un.parse(_write(tmp_path, text)).issued is None


# -- targets ---------------------------------------------------------------------------------


def test_parse_person_names_and_aliases(tiny: ListIssue) -> None:
    kim, _ = _by_ref(tiny, "KPi.066")
    assert kim.schema.name == "Person"
    assert kim.get("name") == ["KIM JONG SIK"]
    assert kim.get("alias") == ["Kim Cho’ng-sik"]
    assert kim.get("weakAlias") == ["Sik"]
    abdul, _ = _by_ref(tiny, "TAi.999")
    assert abdul.get("name") == ["ABDUL BAQI BASIR AWAL SHAH"]
    assert abdul.get("alias") == ["عبدالباقی بصیر اول شاه"]
    assert abdul.get("previousName") == ["Old Name"]


def test_parse_empty_alias_elements_ignored(tiny: ListIssue) -> None:
    for target in tiny.targets():
        for prop in ("name", "alias", "weakAlias", "previousName"):
            assert all(value.strip() for value in target.get(prop, quiet=True))
    kim, _ = _by_ref(tiny, "KPi.066")
    assert len(kim.get("alias")) == 1


def test_parse_person_details(tiny: ListIssue) -> None:
    kim, _ = _by_ref(tiny, "KPi.066")
    assert kim.get("nationality") == ["kp"]  # "Atlantis" is kept out, not a crash
    assert kim.get("title") == ["General"]
    assert kim.get("position") == ["Deputy Director"]
    assert kim.get("gender") == ["male"]  # read from COMMENTS1 "Gender: male"
    assert kim.get("birthDate") == ["1967", "1968", "1969"]
    assert kim.get("address") == ["Pyongyang, Democratic People's Republic of Korea"]
    assert kim.get("country") == ["kp"]
    assert kim.get("notes") == ["Gender: male"]
    assert kim.get("modifiedAt") == ["2024-09-17"]


def test_parse_person_dates_places_documents(tiny: ListIssue) -> None:
    abdul, _ = _by_ref(tiny, "TAi.999")
    assert sorted(abdul.get("birthDate")) == ["1960", "1962-02-18", "1973-11"]
    assert abdul.get("birthPlace") == ["Jalalabad City, Nangarhar Province, Afghanistan"]
    assert abdul.get("birthCountry") == ["af"]
    assert abdul.get("gender") == ["male"]
    assert abdul.get("passportNumber") == ["D 000933"]
    assert sorted(abdul.get("idNumber")) == ["57388", "RC-1"]
    assert "Passport D 000933: Afghanistan; issued 1998-09-13" in abdul.get("notes")


def test_parse_entity_fields(tiny: ListIssue) -> None:
    org, _ = _by_ref(tiny, "KPe.055")
    assert org.schema.name == "Organization"
    assert org.get("name") == ["CHANG AN SHIPPING & TECHNOLOGY"]
    assert org.get("alias") == ["長安海連技術有限公司"]
    assert org.get("address") == ["Room 2105, Trend Centre, Hong Kong, China"]
    assert org.get("country") == ["cn"]
    assert "Registered owner of vessel HUA FU." in org.get("notes")
    assert "Address (Room 2105, Trend Centre, Hong Kong, China): as at 2018" in org.get("notes")


# -- sanctions -------------------------------------------------------------------------------


def test_parse_sanction_fields(tiny: ListIssue) -> None:
    kim, sanction = _by_ref(tiny, "KPi.066")
    assert sanction.id == f"{kim.id}-sanction"
    assert sanction.get("entity") == [kim.id]
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("authorityId") == ["KPi.066"]
    assert sanction.get("unscId") == ["KPi.066"]
    assert sanction.get("program") == ["DPRK"]
    assert sanction.get("listingDate") == ["2017-12-22"]
    assert sanction.get("modifiedAt") == ["2024-09-17"]
    assert sanction.get("reason") == ["Gender: male"]
    assert sanction.get("recordId") == ["1001"]


def test_parse_one_sanction_per_target(tiny: ListIssue) -> None:
    for target in tiny.targets():
        assert len(tiny.sanctions_for(str(target.id))) == 1


def test_parse_duplicate_reference_merges(tmp_path: Path) -> None:
    start = TINY.index("<INDIVIDUAL>")
    end = TINY.index("</INDIVIDUAL>") + len("</INDIVIDUAL>")
    record = TINY[start:end]
    twice = TINY.replace(record, record + record.replace("Kim Cho’ng-sik", "Kim Chong Sik"))
    issue = un.parse(_write(tmp_path, twice))
    kim, _ = _by_ref(issue, "KPi.066")
    assert sorted(kim.get("alias")) == ["Kim Chong Sik", "Kim Cho’ng-sik"]


# -- hostile and broken files ----------------------------------------------------------------


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.99])
def test_parse_truncated_file_raises_with_position(tmp_path: Path, cut: float) -> None:
    data = TINY.encode("utf-8")
    path = tmp_path / "truncated.xml"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError) as info:
        un.parse(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    assert "line" in info.value.message and "column" in info.value.message


def test_parse_malformed_file_names_the_line(tmp_path: Path) -> None:
    text = "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL></INDIVIDUALS>\n</CONSOLIDATED_LIST>\n"
    with pytest.raises(ListFormatError, match=r"line 3, column \d+"):
        un.parse(_write(tmp_path, text))


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["bomb", "external"])
def test_parse_entity_declarations_refused(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ListFormatError, match="unsafe XML") as info:
        un.parse(path)
    assert info.value.path == str(path)
    assert "line 2" in info.value.message


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "not xml at all", "<?xml version='1.0' encoding='x-no-such-codec'?><a/>"],
    ids=["empty", "blank", "text", "codec"],
)
def test_parse_unreadable_file_raises(tmp_path: Path, text: str) -> None:
    with pytest.raises(ListFormatError):
        un.parse(_write(tmp_path, text))


def test_parse_invalid_utf8_raises(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(b"<CONSOLIDATED_LIST><X>\xff\xfe</X></CONSOLIDATED_LIST>")
    with pytest.raises(ListFormatError, match="line 1"):
        un.parse(path)


def test_parse_other_xml_raises(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="not a UN consolidated list"):
        un.parse(_write(tmp_path, "<sdnList><sdnEntry/></sdnList>"))


def test_parse_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        un.parse(tmp_path / "absent.xml")


# -- sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (TINY.encode("utf-8")[:300], True),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">', True),
        (b"<CONSOLIDATED_LIST>", True),
        (b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">', False),
        (b"Last Name,Name 1,Name 2\n", False),
        (b"<CONSOLIDATED_LISTING>", False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert un.sniff(head, "consolidated.xml") is expected


def test_detect_format_finds_un(tmp_path: Path) -> None:
    path = _write(tmp_path, TINY, "whatever.bin")
    assert detect_format(path) == "un_xml"
    assert load_list(path).dataset == "un_sc"


# -- shared helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-04-07-04:00", "2015-04-07"),
        ("2026-02-27T00:00:09.554Z", "2026-02-27"),
        ("1971", "1971"),
        ("1971-13-01", None),
        ("24/06/1402", None),
        ("", None),
        (None, None),
    ],
)
def test_ftm_parse_date(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_ftm_helpers() -> None:
    assert year_span("1969", "1967") == ["1967", "1968", "1969"]
    assert year_span("1900", "1950") == ["1900", "1950"]
    assert year_span(None, "1950") == ["1950"]
    assert month_year("Sep. 1958") == "1958-09"
    assert month_year("30-35 years old") is None
    assert make_slug_id("un-sc", "KPi.066 ") == "un-sc-kpi-066"
    assert make_slug_id("un-sc", "  ") is None
    assert clean(' "KOMID" ', unquote=True) == "KOMID"
    assert clean("\n  \t") is None


# -- the demo list ---------------------------------------------------------------------------


def test_demo_list_loads() -> None:
    issue = load_list(DEMO_LIST)
    assert issue.issued == date(2026, 1, 15)
    assert len(issue.targets()) == 12
    assert issue.counts() == {"Person": 6, "Organization": 6, "Sanction": 12}
    refs = {ref for e in issue.entities for ref in e.get("authorityId", quiet=True)}
    assert {"KPi.076", "KPi.024", "KPi.043", "KPi.066", "KPi.053"} <= refs
    assert {"KPe.028", "KPe.001", "KPe.020", "KPe.054", "KPe.031"} <= refs
    ri, sanction = _by_ref(issue, "KPi.076")
    assert ri.get("name") == ["RI PYONG CHUL"]
    assert "Ri Pyong Chol" in ri.get("alias")
    assert sanction.get("program") == ["DPRK"]
    jo, _ = _by_ref(issue, "KPi.043")
    assert jo.get("alias") == ["Cho Yongwon"]
    komid, _ = _by_ref(issue, "KPe.001")
    assert "KOMID" in komid.get("alias")
    for target in issue.targets():
        assert len(issue.sanctions_for(str(target.id))) == 1


# -- the official files ----------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.parametrize(("name", "issued", "persons", "orgs"), REAL_FILES)
def test_realdata_counts(
    shared_lists: Path, name: str, issued: date, persons: int, orgs: int
) -> None:
    path = shared_lists / "un" / name
    issue = _parse_real(path)
    assert issue.issued == issued
    assert issue.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    counts = issue.counts()
    assert counts["Person"] == persons
    assert counts["Organization"] == orgs
    assert counts["Sanction"] == persons + orgs
    assert len({e.id for e in issue.entities}) == len(issue.entities)


@pytest.mark.realdata
@pytest.mark.parametrize(("name", "issued", "persons", "orgs"), REAL_FILES)
def test_realdata_one_sanction_per_target(
    shared_lists: Path, name: str, issued: date, persons: int, orgs: int
) -> None:
    issue = _parse_real(shared_lists / "un" / name)
    pointed: dict[str, int] = {}
    for sanction in issue.entities:
        if sanction.schema.name == "Sanction":
            assert sanction.get("authorityId") and sanction.get("program")
            for target_id in sanction.get("entity"):
                pointed[target_id] = pointed.get(target_id, 0) + 1
    assert pointed == {str(t.id): 1 for t in issue.targets()}


@pytest.mark.realdata
def test_realdata_spot_checks(shared_lists: Path) -> None:
    issue = _parse_real(shared_lists / "un" / "un_consolidated_2026-02-27.xml")
    kim, sanction = _by_ref(issue, "KPi.066")
    assert kim.id == "un-sc-kpi-066"
    assert kim.get("name") == ["KIM JONG SIK"]
    assert "Kim Cho’ng-sik" in kim.get("alias")
    assert kim.get("nationality") == ["kp"]
    assert sanction.get("program") == ["DPRK"]
    assert sanction.get("listingDate") == ["2017-12-22"]
    ri, _ = _by_ref(issue, "KPi.076")
    assert ri.get("name") == ["RI PYONG CHUL"]
    assert "Ri Pyong Chol" in ri.get("alias")
    chang_an, _ = _by_ref(issue, "KPe.055")
    assert chang_an.schema.name == "Organization"
    assert "長安海連技術有限公司" in chang_an.get("alias")


@pytest.mark.realdata
def test_realdata_ids_stable_across_issues(shared_lists: Path) -> None:
    new = _parse_real(shared_lists / "un" / "un_consolidated_2026-02-27.xml")
    old = _parse_real(shared_lists / "un" / "un_consolidated_2025-11-20.xml")
    new_ids = {str(t.id) for t in new.targets()}
    old_ids = {str(t.id) for t in old.targets()}
    assert sorted(new_ids - old_ids) == [f"un-sc-sdi-{n:03d}" for n in range(7, 11)]
    assert sorted(old_ids - new_ids) == ["un-sc-iqi-074"]
