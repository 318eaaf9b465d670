"""Read OFAC's classic XML lists (``sdn.xml`` and ``consolidated.xml``) into FollowTheMoney.

Both files follow OFAC's ``sdn.xsd``: an ``sdnList`` root (in the namespace
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML``, formerly
``http://tempuri.org/sdnList.xsd``) with a ``publshInformation/Publish_Date`` (MM/DD/YYYY) and
one ``sdnEntry`` per entry: ``uid``, ``firstName``, ``lastName``, ``title``, ``sdnType``,
``remarks``, ``programList/program``, ``idList/id`` (``idType``, ``idNumber``, ``idCountry``,
``issueDate``, ``expirationDate``), ``akaList/aka`` (``type``, ``category`` strong or weak,
``firstName``, ``lastName``), ``addressList/address`` (``address1``-``3``, ``city``,
``stateOrProvince``, ``postalCode``, ``country``), ``nationalityList``, ``citizenshipList``,
``dateOfBirthList/dateOfBirthItem/dateOfBirth``, ``placeOfBirthList/placeOfBirthItem/
placeOfBirth`` and ``vesselInfo``.

The two files share the format, so the file name decides the dataset: a name containing
``cons`` is the consolidated non-SDN list (``us_ofac_cons``, ids ``us-ofac-cons-<uid>``),
anything else the SDN list (``us_ofac_sdn``, ids ``us-ofac-sdn-<uid>``). Ids and names are
those of the CSV reader (:mod:`sanctionwatch.lists.ofac_csv`), so either format of one issue
gives the same entities: names are written ``LAST, First`` as in ``sdn.csv``. ``idType``
values carry the labels of the CSV remarks and are read the same way; weak aliases become
``weakAlias``. A ``Record_Count`` that differs from the entries read is named in
:attr:`ListIssue.warnings`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.lists._common import XmlStream, collect, new_sanction
from sanctionwatch.lists._ftm import add_country, add_text, clean, join_text, make_slug_id
from sanctionwatch.lists._issue import ListIssue
from sanctionwatch.lists._ofac import (
    AUTHORITY,
    SCHEMATA,
    apply_fact,
    apply_remarks,
    dob_values,
)
from sanctionwatch.lists.ofac_csv import VARIANTS, Variant

__all__ = ["parse", "sniff"]

_ROOT_MARK = re.compile(rb"<sdnList[\s>/]")
_RECORDS = frozenset({"publshInformation", "sdnEntry"})
_ADDRESS_PARTS = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")
_VESSEL_LABELS = {
    "callSign": "Vessel Call Sign",
    "vesselType": "Vessel Type",
    "vesselFlag": "Vessel Flag",
    "vesselOwner": "Vessel Owner",
    "tonnage": "Vessel Tonnage",
    "grossRegisteredTonnage": "Vessel Gross Registered Tonnage",
}
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def sniff(head: bytes, name: str) -> bool:
    """Does the file start like OFAC's ``sdn.xml`` or ``consolidated.xml`` (root ``sdnList``)?"""
    return _ROOT_MARK.search(head) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of ``sdn.xml`` or ``consolidated.xml``.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is malformed, truncated, unsafe or not an ``sdnList``.
    """
    path = Path(path)
    variant = VARIANTS["cons_prim.csv" if "cons" in path.name.lower() else "sdn.csv"]
    issue = ListIssue(dataset=variant.dataset, issued=None, source=str(path), sha256="")
    entities: dict[str, EntityProxy] = {}
    stats = {"entries": 0, "aliases": 0, "addresses": 0}
    declared: str | None = None
    with XmlStream(path, root="sdnList", what="an OFAC sdnList XML file") as stream:
        for record in stream.records(_RECORDS):
            if record.tag == "publshInformation":
                issue.issued = _us_date(record.findtext("Publish_Date"))
                declared = clean(record.findtext("Record_Count"))
                continue
            uid = clean(record.findtext("uid"))
            if uid is None:
                issue.warnings.append(f"{path.name}: skipped an sdnEntry without a uid")
                continue
            stats["entries"] += 1
            stats["aliases"] += len(record.findall("akaList/aka"))
            stats["addresses"] += len(record.findall("addressList/address"))
            for proxy in _entry(record, uid, variant):
                collect(entities, proxy, path, issue.warnings)
    issue.sha256 = stream.hexdigest
    issue.stats = stats
    if declared is not None and declared != str(stats["entries"]):
        issue.warnings.append(
            f"{path.name}: Record_Count says {declared} entries, the file holds {stats['entries']}"
        )
    issue.entities = list(entities.values())
    return issue


def _us_date(value: str | None) -> date | None:
    match = _US_DATE.match(value or "")
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _text(node: Element, tag: str) -> str | None:
    return clean(node.findtext(tag))


def _full_name(node: Element) -> str | None:
    """``LAST, First`` as OFAC writes names in its CSV files."""
    first, last = _text(node, "firstName"), _text(node, "lastName")
    return f"{last}, {first}" if first and last else last or first


def _entry(record: Element, uid: str, variant: Variant) -> tuple[EntityProxy, EntityProxy]:
    schema = SCHEMATA.get((_text(record, "sdnType") or "").lower(), "Organization")
    target = model.make_entity(schema)
    target.id = make_slug_id(variant.id_prefix, uid)
    add_text(target, "name", _full_name(record))
    if schema == "Person":
        add_text(target, "firstName", _text(record, "firstName"))
        add_text(target, "lastName", _text(record, "lastName"))
    target.add("topics", "sanction")
    sanction = new_sanction(target, authority=AUTHORITY, source_url=variant.source_url)
    sanction.add("authorityId", uid)
    add_text(sanction, "program", [p.text for p in record.iterfind("programList/program")])
    if title := _text(record, "title"):
        add_text(target, "position" if schema == "Person" else "notes", title)
    for aka in record.iterfind("akaList/aka"):
        kind = (_text(aka, "type") or "").lower()
        weak = (_text(aka, "category") or "").lower() == "weak"
        prop = "previousName" if kind == "f.k.a." else "weakAlias" if weak else "alias"
        add_text(target, prop, _full_name(aka))
    for ident in record.iterfind("idList/id"):
        number = " ".join(
            [
                _text(ident, "idNumber") or "",
                *(
                    f"{word} {v}"
                    for word, tag in (("issued", "issueDate"), ("expires", "expirationDate"))
                    if (v := _text(ident, tag))
                ),
            ]
        )
        apply_fact(
            target,
            sanction,
            _text(ident, "idType") or "",
            number,
            country=_text(ident, "idCountry"),
        )
    for address in record.iterfind("addressList/address"):
        add_text(
            target,
            "address",
            join_text(
                [*(address.findtext(t) for t in _ADDRESS_PARTS), address.findtext("country")]
            ),
        )
        add_country(target, "country", address.findtext("country"))
    _person(target, sanction, record)
    vessel = record.find("vesselInfo")
    if vessel is not None:
        for tag, label in _VESSEL_LABELS.items():
            apply_fact(target, sanction, label, vessel.findtext(tag))
    apply_remarks(target, sanction, record.findtext("remarks"))
    return target, sanction


def _person(target: EntityProxy, sanction: EntityProxy, record: Element) -> None:
    for node in record.iterfind("nationalityList/nationality"):
        apply_fact(target, sanction, "nationality", node.findtext("country"))
    for node in record.iterfind("citizenshipList/citizenship"):
        apply_fact(target, sanction, "citizen", node.findtext("country"))
    if target.schema.is_a("Person"):
        for node in record.iterfind("dateOfBirthList/dateOfBirthItem"):
            add_text(target, "birthDate", dob_values(node.findtext("dateOfBirth")))
        for node in record.iterfind("placeOfBirthList/placeOfBirthItem"):
            apply_fact(target, sanction, "POB", node.findtext("placeOfBirth"))
