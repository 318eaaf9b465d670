"""Read the EU Financial Sanctions Files (FSF) consolidated list (XML) into FollowTheMoney.

The European Commission publishes the list (see :data:`SOURCE_URL`) as an ``export`` root in
the namespace ``http://eu.europa.ec/fpi/fsd/export`` with a ``generationDate`` attribute and
one ``sanctionEntity`` per designation. An entity's data sit in attributes:
``sanctionEntity`` (``logicalId``, ``euReferenceNumber``, ``unitedNationId``,
``designationDate``, ``designationDetails``) with children ``remark``, ``regulation``
(``programme``, ``numberTitle``, ``publicationDate``, ``entryIntoForceDate``,
``publicationUrl``), ``subjectType`` (``code`` person or enterprise), ``nameAlias``
(``wholeName``, ``firstName``, ``middleName``, ``lastName``, ``function``, ``gender``,
``title``, ``nameLanguage``, ``strong``), ``citizenship``, ``birthdate`` (``birthdate``,
``year``, ``city``, ``place``, ``region``, ``countryIso2Code``, ``countryDescription``),
``address`` (``street``, ``city``, ``zipCode``, ``poBox``, ``region``, ``place``, country;
``contactInfo`` children) and ``identification`` (``identificationTypeCode``, ``number``,
``latinNumber``, ``issuedBy``, ``issueDate``, country).

Each ``sanctionEntity`` becomes a target (person -> Person, enterprise -> Organization) with
the id ``eu-fsf-<logicalId>`` and one Sanction: ``authorityId`` is the EU reference number
(the logical id when there is none), ``recordId`` the logical id, ``unscId`` the UN id,
``program`` each regulation's programme code. The first strong name is the ``name``; other
strong names, and names in another language, are aliases; weak ones ``weakAlias``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.lists._common import XmlStream, collect, new_sanction
from sanctionwatch.lists._ftm import (
    add_country,
    add_date,
    add_text,
    clean,
    join_text,
    make_slug_id,
    parse_date,
)
from sanctionwatch.lists._issue import ListIssue

__all__ = ["AUTHORITY", "DATASET", "ID_PREFIX", "SOURCE_URL", "parse", "sniff"]

DATASET = "eu_fsf"
AUTHORITY = "European Union (Financial Sanctions Files)"
SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
ID_PREFIX = "eu-fsf"

_MARK = re.compile(rb"<(?:\w+:)?export[\s>][^>]*fpi/fsd/export|<sanctionEntity[\s>]")
_SCHEMATA = {"person": "Person", "enterprise": "Organization"}
_GENDERS = {"m": "male", "f": "female"}
_LETTERED = re.compile(r"\s*\([a-z]\)\s*")
#: ``identificationTypeCode`` -> property; anything else is an ``idNumber`` (Person) or a
#: ``registrationNumber`` (others).
_ID_PROPS = {
    "passport": "passportNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
}
_CONTACT_PROPS = {"phone": "phone", "fax": "phone", "email": "email", "web": "website"}


def sniff(head: bytes, name: str) -> bool:
    """Does the file start like the EU FSF XML (an ``export`` root in its namespace)?"""
    return _MARK.search(head) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of the EU consolidated financial sanctions list.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is malformed, truncated, unsafe or not an FSF ``export``.
    """
    path = Path(path)
    issue = ListIssue(dataset=DATASET, issued=None, source=str(path), sha256="")
    entities: dict[str, EntityProxy] = {}
    with XmlStream(path, root="export", what="an EU FSF export") as stream:
        for record in stream.records(frozenset({"sanctionEntity"})):
            if issue.issued is None and stream.root is not None:
                issue.issued = _day(stream.root.get("generationDate"))
            logical_id = clean(record.get("logicalId"))
            if logical_id is None:
                issue.warnings.append(f"{path.name}: skipped a sanctionEntity without logicalId")
                continue
            issue.stats["entities"] = issue.stats.get("entities", 0) + 1
            for proxy in _entity(record, logical_id):
                collect(entities, proxy, path, issue.warnings)
        if issue.issued is None and stream.root is not None:
            issue.issued = _day(stream.root.get("generationDate"))
    issue.sha256 = stream.hexdigest
    issue.entities = list(entities.values())
    return issue


def _day(value: str | None) -> date | None:
    text = parse_date(value)
    return date.fromisoformat(text) if text and len(text) == 10 else None


def _country(proxy: EntityProxy, prop: str, node: Element) -> str | None:
    """Add the country of a node by description, else by ISO code; ``None`` if unknown."""
    description = node.get("countryDescription")
    if (
        description
        and description.upper() != "UNKNOWN"
        and (code := add_country(proxy, prop, description))
    ):
        return code
    iso = node.get("countryIso2Code")
    return add_country(proxy, prop, iso) if iso and iso != "00" else None


def _entity(record: Element, logical_id: str) -> tuple[EntityProxy, EntityProxy]:
    subject = record.find("subjectType")
    code = (subject.get("code") if subject is not None else None) or "enterprise"
    target = model.make_entity(_SCHEMATA.get(code.lower(), "Organization"))
    target.id = make_slug_id(ID_PREFIX, logical_id)
    target.add("topics", "sanction")
    add_text(target, "notes", [r.text for r in record.iterfind("remark")])
    _names(target, record)
    for node in record.iterfind("citizenship"):
        if target.schema.is_a("Person"):
            _country(target, "nationality", node)
    for node in record.iterfind("birthdate"):
        _birth(target, node)
    for node in record.iterfind("address"):
        _address(target, node)
    for node in record.iterfind("identification"):
        _identification(target, node)
    return target, _sanction(record, target, logical_id)


def _names(target: EntityProxy, record: Element) -> None:
    person = target.schema.is_a("Person")
    for node in record.iterfind("nameAlias"):
        whole = clean(node.get("wholeName")) or join_text(
            (node.get("firstName"), node.get("middleName"), node.get("lastName")), sep=" "
        )
        strong = (node.get("strong") or "true").lower() != "false"
        if not strong:
            prop = "weakAlias"
        elif not target.has("name") and not clean(node.get("nameLanguage")):
            prop = "name"
        else:
            prop = "alias"
        add_text(target, prop, whole)
        if prop == "name" and person:
            add_text(target, "firstName", node.get("firstName"))
            add_text(target, "middleName", node.get("middleName"))
            add_text(target, "lastName", node.get("lastName"))
        titles = _LETTERED.split(node.get("title") or "")
        add_text(target, "title" if person else "notes", [t.strip(" ,;") for t in titles])
        functions = [f.strip(" ,;") for f in _LETTERED.split(node.get("function") or "")]
        add_text(target, "position" if person else "notes", functions)
        if person and (gender := _GENDERS.get((node.get("gender") or "").lower())):
            target.add("gender", gender)
        for remark in node.iterfind("remark"):
            if (text := clean(remark.text)) and whole:
                add_text(target, "notes", f"Name {whole}: {text}")
    if not target.has("name") and (first := target.first("alias") or target.first("weakAlias")):
        target.add("name", first)


def _birth(target: EntityProxy, node: Element) -> None:
    if not target.schema.is_a("Person"):
        return
    if not add_date(target, "birthDate", node.get("birthdate")):
        year = clean(node.get("year"))
        month = clean(node.get("monthOfYear"))
        if year and year.isdigit():
            add_date(
                target,
                "birthDate",
                f"{year}-{int(month):02d}"
                if month and month.isdigit() and 0 < int(month) < 13
                else year,
            )
    description = node.get("countryDescription")
    country = description if description and description.upper() != "UNKNOWN" else None
    add_text(
        target,
        "birthPlace",
        join_text((node.get("city"), node.get("place"), node.get("region"), country)),
    )
    _country(target, "birthCountry", node)


def _address(target: EntityProxy, node: Element) -> None:
    description = node.get("countryDescription")
    country = description if description and description.upper() != "UNKNOWN" else None
    parts = ("street", "poBox", "city", "zipCode", "region", "place")
    add_text(target, "address", join_text([*(node.get(p) for p in parts), country]))
    _country(target, "country", node)
    for info in node.iterfind("contactInfo"):
        prop = _CONTACT_PROPS.get((info.get("key") or "").lower())
        values = re.split(r"[;,]\s*|\s+and\s+", info.get("value") or "")
        add_text(target, prop or "notes", values if prop else info.get("value"))
    add_text(target, "notes", [r.text for r in node.iterfind("remark")])


def _identification(target: EntityProxy, node: Element) -> None:
    number = clean(node.get("number")) or clean(node.get("latinNumber"))
    if number is None:
        return
    code = (node.get("identificationTypeCode") or "").lower()
    prop = _ID_PROPS.get(code, "idNumber" if target.schema.is_a("Person") else "")
    if prop not in target.schema.properties:
        prop = "registrationNumber" if "registrationNumber" in target.schema.properties else ""
    if prop:
        add_text(target, prop, [number, node.get("latinNumber")])
    description = node.get("countryDescription")
    details = join_text(
        (
            node.get("identificationTypeDescription") or code,
            number,
            description if description and description.upper() != "UNKNOWN" else None,
            f"issued by {v}" if (v := clean(node.get("issuedBy"))) else None,
            f"issued {v}" if (v := parse_date(node.get("issueDate"))) else None,
            *(clean(r.text) for r in node.iterfind("remark")),
        ),
        sep="; ",
    )
    add_text(target, "notes", details)


def _sanction(record: Element, target: EntityProxy, logical_id: str) -> EntityProxy:
    sanction = new_sanction(target, authority=AUTHORITY, source_url=SOURCE_URL)
    sanction.add("authorityId", clean(record.get("euReferenceNumber")) or logical_id)
    sanction.add("recordId", logical_id)
    add_text(sanction, "unscId", record.get("unitedNationId"))
    add_text(sanction, "reason", record.get("designationDetails"))
    published = [parse_date(record.get("designationDate"))]
    in_force: list[str | None] = []
    for regulation in record.iterfind("regulation"):
        add_text(sanction, "program", regulation.get("programme"))
        title = clean(regulation.get("numberTitle"))
        add_text(sanction, "summary", f"Regulation {title}" if title else None)
        add_text(sanction, "programUrl", regulation.findtext("publicationUrl"))
        in_force.append(parse_date(regulation.get("entryIntoForceDate")))
        published.append(parse_date(regulation.get("publicationDate")))
    dates = sorted(d for d in published if d)
    # The first regulation listed the entry; later ones amended it.
    add_text(sanction, "listingDate", dates[:1])
    add_text(sanction, "modifiedAt", dates[-1:] if len(dates) > 1 else [])
    add_text(sanction, "startDate", sorted(d for d in in_force if d)[:1])
    return sanction
