"""Read the FCDO UK Sanctions List (XML or CSV) into FollowTheMoney entities.

The Foreign, Commonwealth & Development Office publishes the list (see :data:`SOURCE_URL`) as:

- XML: a ``Designations`` root with ``DateGenerated`` (dd/mm/yyyy) and one ``Designation`` per
  designation: ``LastUpdated``, ``DateDesignated``, ``UniqueID``, ``OFSIGroupID``,
  ``UNReferenceNumber``, ``Names/Name`` (``Name1``-``Name6``, ``NameType``, ``AliasStrength``),
  ``NonLatinNames``, ``Titles``, ``RegimeName``, ``IndividualEntityShip``,
  ``DesignationSource``, ``SanctionsImposed`` (``|``-separated), ``OtherInformation``,
  ``UKStatementofReasons``, ``Addresses/Address`` (``AddressLine1``-``6``,
  ``AddressPostalCode``, ``AddressCountry``), phone numbers, e-mail addresses, websites, and
  ``IndividualDetails`` (DOBs, nationalities, positions, genders, birth places, passports,
  national identifiers), ``EntityDetails`` or ``ShipDetails`` (IMO numbers, flags, type,
  tonnage, year built, owners);
- CSV: a ``Report Date: dd-Mon-yyyy`` line, a header (``Last Updated``, ``Unique ID``, ``OFSI
  Group ID``, ``Name 6``, ``Name 1``-``5``, ``Name type``, ... ``D.O.B``, ``IMO number`` ...)
  and one row per name of a designation.

Each designation becomes a target (Individual -> Person, Entity -> Organization, Ship ->
Vessel) with the id ``gb-fcdo-<UniqueID>`` (``gb-fcdo-dpr0220``) and one Sanction whose
``authorityId`` is the Unique ID, ``recordId`` the OFSI Group ID (the ``gb_hmt`` reference),
``unscId`` the UN reference and ``program`` the regime.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import ListFormatError
from sanctionwatch.lists._common import (
    HashedFile,
    XmlStream,
    collect,
    decode_text,
    dmy_date,
    new_sanction,
    read_bytes,
)
from sanctionwatch.lists._ftm import add_country, add_text, clean, join_text, make_slug_id
from sanctionwatch.lists._issue import ListIssue

__all__ = ["AUTHORITY", "DATASET", "ID_PREFIX", "SOURCE_URL", "parse", "sniff"]

DATASET = "gb_fcdo"
AUTHORITY = "UK Foreign, Commonwealth & Development Office (FCDO)"
SOURCE_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
ID_PREFIX = "gb-fcdo"

_XML_MARK = re.compile(rb"<Designations[\s>/]")
_CSV_MARK = re.compile(rb"Unique ID,\s*OFSI Group ID")
_SCHEMATA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_NAME_TAGS = ("Name1", "Name2", "Name3", "Name4", "Name5", "Name6")
_ADDRESS_TAGS = (*(f"AddressLine{i}" for i in range(1, 7)), "AddressPostalCode", "AddressCountry")
#: CSV header -> the XML element holding the same value.
_CSV_TAGS = {
    "Last Updated": "LastUpdated",
    "Unique ID": "UniqueID",
    "OFSI Group ID": "OFSIGroupID",
    "UN Reference Number": "UNReferenceNumber",
    "Name type": "NameType",
    "Alias strength": "AliasStrength",
    "Title": "Title",
    "Name non-latin script": "NameNonLatinScript",
    "Regime Name": "RegimeName",
    "Designation Type": "IndividualEntityShip",
    "Designation source": "DesignationSource",
    "Sanctions Imposed": "SanctionsImposed",
    "Other Information": "OtherInformation",
    "UK Statement of Reasons": "UKStatementofReasons",
    "Address Postal Code": "AddressPostalCode",
    "Address Country": "AddressCountry",
    "Phone number": "PhoneNumber",
    "Website": "Website",
    "Email address": "EmailAddress",
    "Date Designated": "DateDesignated",
    "D.O.B": "DOB",
    "Nationality(/ies)": "Nationality",
    "National Identifier number": "NationalIdentifierNumber",
    "National Identifier additional information": "NationalIdentifierAdditionalInformation",
    "Passport number": "PassportNumber",
    "Passport additional information": "PassportAdditionalInformation",
    "Position": "Position",
    "Gender": "Gender",
    "Town of birth": "TownOfBirth",
    "Country of birth": "CountryOfBirth",
    "Type of entity": "TypeOfEntity",
    "Subsidiaries": "Subsidiary",
    "Parent company": "ParentCompany",
    "Business registration number (s)": "BusinessRegistrationNumber",
    "IMO number": "IMONumber",
    "Current owner/operator (s)": "CurrentOwnerOperator",
    "Previous owner/operator (s)": "PreviousOwnerOperator",
    "Current believed flag of ship": "CurrentBelievedFlagOfShip",
    "Previous flags": "PreviousFlag",
    "Type of ship": "TypeOfShip",
    "Tonnage of ship": "TonnageOfShip",
    "Length of ship": "LengthOfShip",
    "Year Built": "YearBuilt",
    "Hull identification number (HIN)": "HullIdentificationNumber",
    **{f"Name {i}": f"Name{i}" for i in range(1, 7)},
    **{f"Address Line {i}": f"AddressLine{i}" for i in range(1, 7)},
}
_NAME_FIELDS = frozenset({*_NAME_TAGS, "NameType", "AliasStrength"})
_ADDRESS_FIELDS = frozenset(_ADDRESS_TAGS)
#: Element -> (schema it applies to, property); values that fit no property become notes.
_PROPS: dict[str, tuple[str, str]] = {
    "Title": ("Person", "title"),
    "DOB": ("Person", "birthDate"),
    "Nationality": ("Person", "nationality"),
    "Position": ("Person", "position"),
    "Gender": ("Person", "gender"),
    "CountryOfBirth": ("Person", "birthCountry"),
    "PassportNumber": ("Person", "passportNumber"),
    "NationalIdentifierNumber": ("Person", "idNumber"),
    "PhoneNumber": ("LegalEntity", "phone"),
    "EmailAddress": ("LegalEntity", "email"),
    "Website": ("LegalEntity", "website"),
    "TypeOfEntity": ("LegalEntity", "legalForm"),
    "BusinessRegistrationNumber": ("LegalEntity", "registrationNumber"),
    "IMONumber": ("Vessel", "imoNumber"),
    "CurrentBelievedFlagOfShip": ("Vessel", "flag"),
    "PreviousFlag": ("Vessel", "pastFlags"),
    "TypeOfShip": ("Vessel", "type"),
    "TonnageOfShip": ("Vessel", "tonnage"),
    "YearBuilt": ("Vessel", "buildDate"),
    "NameNonLatinScript": ("Thing", "alias"),
    "OtherInformation": ("Thing", "notes"),
}
_NOTES = {
    "PassportAdditionalInformation": "Passport",
    "ParentCompany": "Parent company",
    "NationalIdentifierAdditionalInformation": "National identifier",
    "Subsidiary": "Subsidiary",
    "CurrentOwnerOperator": "Current owner/operator",
    "PreviousOwnerOperator": "Previous owner/operator",
    "LengthOfShip": "Length of ship",
    "HullIdentificationNumber": "Hull identification number",
}
_COUNTRIES = frozenset({"nationality", "birthCountry", "flag", "pastFlags"})


@dataclass
class _Designation:
    """One designation's values by element name, whichever format they came from."""

    uid: str
    values: dict[str, list[str]] = field(default_factory=dict)
    names: list[tuple[str, str, str]] = field(default_factory=list)
    addresses: list[tuple[str | None, str | None]] = field(default_factory=list)
    births: list[str] = field(default_factory=list)

    def add(self, tag: str, value: str | None) -> None:
        text = clean(value)
        if text is not None and text not in (kept := self.values.setdefault(tag, [])):
            kept.append(text)

    def add_parts(self, parts: dict[str, str | None]) -> None:
        """Add a name, address or birth place given as element name -> text."""
        if name := join_text((parts.get(t) for t in _NAME_TAGS), sep=" "):
            self.names.append(
                (name, (parts.get("NameType") or "").lower(), parts.get("AliasStrength") or "")
            )
        if address := join_text(parts.get(t) for t in _ADDRESS_TAGS):
            self.addresses.append((address, parts.get("AddressCountry")))
        if place := join_text((parts.get("TownOfBirth"), parts.get("CountryOfBirth"))):
            self.births.append(place)


def sniff(head: bytes, name: str) -> bool:
    """Is the file the UK Sanctions List: a ``Designations`` XML, or CSV with its headers?"""
    return _XML_MARK.search(head) is not None or _CSV_MARK.search(head[:4096]) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of the UK Sanctions List from its XML or CSV file.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is malformed, truncated or not the UK Sanctions List.
    """
    path = Path(path)
    with HashedFile(path) as fh:
        xml = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    issue = ListIssue(dataset=DATASET, issued=None, source=str(path), sha256="")
    designations = _read_xml(path, issue) if xml else _read_csv(path, issue)
    entities: dict[str, EntityProxy] = {}
    for designation in designations:
        for proxy in _entities(designation):
            collect(entities, proxy, path, issue.warnings)
    issue.stats["designations"] = len(designations)
    issue.entities = list(entities.values())
    return issue


def _read_xml(path: Path, issue: ListIssue) -> list[_Designation]:
    found: list[_Designation] = []
    tags = frozenset({"DateGenerated", "Designation"})
    with XmlStream(path, root="Designations", what="the UK Sanctions List") as stream:
        for record in stream.records(tags):
            if record.tag == "DateGenerated":
                issue.issued = _day(dmy_date(record.text))
                continue
            uid = clean(record.findtext("UniqueID"))
            if uid is None:
                issue.warnings.append(f"{path.name}: skipped a Designation without a UniqueID")
                continue
            found.append(_from_element(uid, record))
    issue.sha256 = stream.hexdigest
    return found


def _from_element(uid: str, record: Element) -> _Designation:
    designation = _Designation(uid)
    for group in ("Names/Name", ".//Address", ".//BirthDetails/Location"):
        for node in record.iterfind(group):
            designation.add_parts({child.tag: child.text for child in node})
    skip = _NAME_FIELDS | _ADDRESS_FIELDS | {"TownOfBirth", "CountryOfBirth"}
    for node in record.iter():
        if len(node) == 0 and node.tag not in skip:
            designation.add(node.tag, node.text)
    for node in record.iter("CountryOfBirth"):
        designation.add("CountryOfBirth", node.text)
    return designation


def _read_csv(path: Path, issue: ListIssue) -> list[_Designation]:
    data, issue.sha256 = read_bytes(path)
    reader = csv.reader(io.StringIO(decode_text(data, path)), strict=True)
    found: dict[str, _Designation] = {}
    columns: list[str | None] = []
    rows = 0
    try:
        for row in reader:
            if not columns:
                if row and row[0].startswith("Report Date:"):
                    issue.issued = _report_date(row[0].partition(":")[2])
                elif "Unique ID" in row:
                    columns = [_CSV_TAGS.get(c.strip()) for c in row]
                continue
            record = dict(zip(columns, row, strict=False))
            uid = clean(record.get("UniqueID"))
            if uid is None or len(row) < len(columns) // 2:
                issue.warnings.append(
                    f"{path.name}: line {reader.line_num}: skipped a row without a Unique ID"
                )
                continue
            rows += 1
            designation = found.setdefault(uid, _Designation(uid))
            designation.add_parts({k: v for k, v in record.items() if k})
            for tag, value in record.items():
                if tag and tag not in _NAME_FIELDS and tag not in _ADDRESS_FIELDS:
                    designation.add(tag, value)
    except csv.Error as e:
        raise ListFormatError(
            f"malformed CSV at line {reader.line_num}: {e} (truncated file?)", path=str(path)
        ) from e
    if not columns:
        raise ListFormatError("not the UK Sanctions List: no 'Unique ID' header", path=str(path))
    issue.stats["rows"] = rows
    return list(found.values())


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text and len(text) == 10 else None


def _report_date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d-%b-%Y").date()
    except ValueError:
        return None


def _entities(designation: _Designation) -> tuple[EntityProxy, EntityProxy]:
    values = designation.values
    kind = (values.get("IndividualEntityShip") or ["entity"])[0].lower()
    target = model.make_entity(_SCHEMATA.get(kind, "Organization"))
    target.id = make_slug_id(ID_PREFIX, designation.uid)
    target.add("topics", "sanction")
    for name, name_type, strength in designation.names:
        prop = "name" if name_type == "primary name" else "alias"
        add_text(target, "weakAlias" if strength.lower().startswith("low") else prop, name)
    for address, country in designation.addresses:
        add_text(target, "address", address)
        add_country(target, "country", country)
    if target.schema.is_a("Person"):
        add_text(target, "birthPlace", designation.births)
    for tag, items in values.items():
        _apply(target, tag, items)
    sanction = new_sanction(target, authority=AUTHORITY, source_url=SOURCE_URL)
    sanction.add("authorityId", designation.uid)
    add_text(sanction, "recordId", values.get("OFSIGroupID"))
    add_text(sanction, "unscId", values.get("UNReferenceNumber"))
    add_text(sanction, "program", values.get("RegimeName"))
    add_text(sanction, "listingDate", [dmy_date(v) for v in values.get("DateDesignated", [])])
    for proxy in (target, sanction):
        add_text(proxy, "modifiedAt", [dmy_date(v) for v in values.get("LastUpdated", [])])
    add_text(sanction, "reason", values.get("UKStatementofReasons"))
    add_text(
        sanction,
        "provisions",
        [p for v in values.get("SanctionsImposed", []) for p in v.split("|")],
    )
    add_text(
        sanction,
        "summary",
        [f"Designation source: {v}" for v in values.get("DesignationSource", [])],
    )
    return target, sanction


def _apply(target: EntityProxy, tag: str, items: Iterable[str]) -> None:
    spec = _PROPS.get(tag)
    if spec is None or not target.schema.is_a(spec[0]):
        if label := _NOTES.get(tag) or (spec and tag):
            add_text(target, "notes", [f"{label}: {v}" for v in items])
        return
    prop = spec[1]
    for value in items:
        if prop in _COUNTRIES:
            if add_country(target, prop, value) is None:
                add_text(target, "notes", f"{tag}: {value}")
        elif prop == "birthDate":
            add_text(target, prop, dmy_date(value))
        elif prop == "buildDate":
            add_text(target, prop, re.findall(r"\b(?:1[89]|20)\d{2}\b", value)[:1])
        elif prop == "gender":
            add_text(target, prop, value.lower())
        else:
            add_text(target, prop, value.replace(",", "") if prop == "tonnage" else value)
