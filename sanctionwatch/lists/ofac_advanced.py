"""Read OFAC's advanced XML lists (``SDN_ADVANCED.XML``, ``CONS_ADVANCED.XML``) into FtM.

The advanced format (OFAC's "Advanced Sanctions List Standard", see ``sdn_advanced_notes.pdf``)
is a normalised ``Sanctions`` document: ``DateOfIssue``; ``ReferenceValueSets`` naming every
coded value (``PartySubType``, ``AliasType``, ``NamePartType``, ``FeatureType``,
``IDRegDocType``, ``List``, ``SanctionsType``, ``Country``, ``LocPartType`` ...); then
``Locations``, ``IDRegDocuments`` (tied to an ``Identity``), ``DistinctParties`` (one
``Profile`` each, with an ``Identity`` of ``Alias/DocumentedName/DocumentedNamePart/
NamePartValue`` and typed ``Feature`` values), ``ProfileRelationships`` and ``SanctionsEntries``
(list, programmes as ``SanctionsMeasure`` comments, listing date).

The file is streamed record by record; each ``DistinctParty`` becomes a target with the id
``us-ofac-sdn-<Profile ID>`` (the Profile ID is the ``ent_num`` of the CSV and ``uid`` of
``sdn.xml``, so all three formats give the same ids and ``LAST, First`` names) and one Sanction
per profile. The dataset is ``us_ofac_sdn`` when the entries are on the "SDN List", else
``us_ofac_cons``. Features and identity documents carry the labels of the other OFAC formats
and are applied the same way; relationships become notes (``Linked To: <name>``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.lists._common import XmlStream
from sanctionwatch.lists._ftm import (
    add_country,
    add_text,
    clean,
    join_text,
    make_slug_id,
    year_span,
)
from sanctionwatch.lists._issue import ListIssue
from sanctionwatch.lists._ofac import AUTHORITY, SCHEMATA, apply_fact
from sanctionwatch.lists.ofac_csv import VARIANTS, Variant

__all__ = ["parse", "sniff"]

_ROOT_MARK = re.compile(rb"<Sanctions[\s>/][^>]*(?:ADVANCED_XML|un\.org/sanctions/1\.0)")
_RECORDS = frozenset(
    {
        "DateOfIssue",
        "ReferenceValueSets",
        "Location",
        "IDRegDocument",
        "DistinctParty",
        "ProfileRelationship",
        "SanctionsEntry",
    }
)
_ADDRESS_ORDER = (
    "ADDRESS1",
    "ADDRESS2",
    "ADDRESS3",
    "CITY",
    "STATE/PROVINCE",
    "POSTAL CODE",
    "REGION",
    "Unknown",
)
_ALIAS_PROPS = {"name": "name", "a.k.a.": "alias", "f.k.a.": "previousName", "n.k.a.": "alias"}
_COUNTRY_FEATURES = frozenset(
    {
        "nationality country",
        "citizenship country",
        "nationality of registration",
        "vessel flag",
        "former vessel flag",
        "other vessel flag",
    }
)

#: Reference values: set name -> ID -> (text, attributes).
Refs = dict[str, dict[str, tuple[str | None, dict[str, str]]]]


@dataclass
class _State:
    refs: Refs = field(default_factory=dict)
    #: Location ID -> (address text, country name)
    locations: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: Identity ID -> [(document type, number, country)]
    documents: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)
    targets: dict[str, EntityProxy] = field(default_factory=dict)
    sanctions: dict[str, EntityProxy] = field(default_factory=dict)
    lists: Counter[str] = field(default_factory=Counter)
    relations: list[tuple[str, str, str]] = field(default_factory=list)


def sniff(head: bytes, name: str) -> bool:
    """Does the file start like an OFAC advanced XML (a ``Sanctions`` root in its namespace)?"""
    return _ROOT_MARK.search(head) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of ``SDN_ADVANCED.XML`` or ``CONS_ADVANCED.XML``.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is malformed, truncated, unsafe or not a ``Sanctions`` file.
    """
    path = Path(path)
    state = _State()
    issue = ListIssue(dataset="", issued=None, source=str(path), sha256="")
    with XmlStream(path, root="Sanctions", what="an OFAC advanced XML file") as stream:
        for record in stream.records(_RECORDS):
            tag = record.tag
            if tag == "DateOfIssue":
                issue.issued = _day(record)
            elif tag == "ReferenceValueSets":
                state.refs = _refs(record)
            elif tag == "Location":
                state.locations[record.get("ID", "")] = _location(state.refs, record)
            elif tag == "IDRegDocument":
                _document(state, record)
            elif tag == "DistinctParty":
                _party(state, record, issue.warnings, path)
            elif tag == "ProfileRelationship":
                kind = _ref(state.refs, "RelationType", record.get("RelationTypeID"))
                state.relations.append(
                    (
                        record.get("From-ProfileID", ""),
                        kind or "Related to",
                        record.get("To-ProfileID", ""),
                    )
                )
            else:
                _entry(state, record, issue.warnings, path)
    sdn = state.lists.get("SDN List", 0) >= sum(state.lists.values()) - state.lists["SDN List"]
    variant = VARIANTS["sdn.csv" if sdn else "cons_prim.csv"]
    issue.dataset = variant.dataset
    issue.sha256 = stream.hexdigest
    issue.stats = {
        "parties": len(state.targets),
        "entries": sum(state.lists.values()),
        "relationships": len(state.relations),
    }
    issue.entities = _finish(state, variant)
    return issue


def _refs(node: Element) -> Refs:
    refs: Refs = {}
    for values in node:
        name = values.tag.removesuffix("Values")
        refs[name] = {v.get("ID", ""): (clean(v.text), dict(v.attrib)) for v in values}
    return refs


def _ref(refs: Refs, kind: str, key: str | None) -> str | None:
    return refs.get(kind, {}).get(key or "", (None, {}))[0]


def _day(node: Element | None) -> date | None:
    text = _date_text(node)
    return date.fromisoformat(text) if text and len(text) == 10 else None


def _date_text(node: Element | None) -> str | None:
    """``<Year/><Month/><Day/>`` as an ISO date, as precise as given."""
    if node is None or not (year := clean(node.findtext("Year"))):
        return None
    parts = [year]
    for tag in ("Month", "Day"):
        if not (value := clean(node.findtext(tag))) or not value.isdigit():
            break
        parts.append(f"{int(value):02d}")
    return "-".join(parts)


def _period(node: Element) -> list[str]:
    """The dates of a ``DatePeriod``: one day, the years of a whole-year range, or both ends."""
    start = _date_text(node.find("Start/From"))
    end = _date_text(node.find("End/To"))
    if start is None or end is None or start == end:
        return [d for d in (start or end,) if d]
    if start.endswith("-01-01") and end.endswith("-12-31"):
        return year_span(start, end)
    return [start, end]


def _location(refs: Refs, node: Element) -> tuple[str | None, str | None]:
    parts: dict[str, str] = {}
    for part in node.iterfind("LocationPart"):
        kind = _ref(refs, "LocPartType", part.get("LocPartTypeID")) or "Unknown"
        if value := clean(part.findtext("LocationPartValue/Value")):
            parts[kind] = value
    countries = [
        _ref(refs, "Country", c.get("CountryID")) for c in node.iterfind("LocationCountry")
    ]
    countries += [
        refs.get("AreaCode", {}).get(a.get("AreaCodeID", ""), (None, {}))[1].get("Description")
        for a in node.iterfind("LocationAreaCode")
    ]
    country = next((c for c in countries if c and c.lower() != "undetermined"), None)
    ordered = [parts.pop(k, None) for k in _ADDRESS_ORDER]
    return join_text([*ordered, *parts.values(), country]), country


def _document(state: _State, node: Element) -> None:
    kind = _ref(state.refs, "IDRegDocType", node.get("IDRegDocTypeID")) or "Identification"
    number = clean(node.findtext("IDRegistrationNo"))
    if number is None:
        return
    for date_node in node.iterfind("DocumentDate"):
        label = (
            _ref(state.refs, "IDRegDocDateType", date_node.get("IDRegDocDateTypeID")) or ""
        ).lower()
        word = "issued" if "issue" in label else "expires" if "expir" in label else None
        period = date_node.find("DatePeriod")
        days = _period(period) if period is not None else []
        if word and days:
            number = f"{number} {word} {days[0]}"
    country = _ref(state.refs, "Country", node.get("IssuedBy-CountryID"))
    state.documents.setdefault(node.get("IdentityID", ""), []).append((kind, number, country))


def _schema(refs: Refs, subtype_id: str | None) -> str:
    text, attrs = refs.get("PartySubType", {}).get(subtype_id or "", (None, {}))
    if text is None or text == "Unknown":
        text = _ref(refs, "PartyType", attrs.get("PartyTypeID"))
    return SCHEMATA.get((text or "").lower(), "Organization")


def _party(state: _State, node: Element, warnings: list[str], path: Path) -> None:
    profile = node.find("Profile")
    profile_id = profile.get("ID") if profile is not None else None
    if profile is None or not profile_id:
        warnings.append(f"{path.name}: skipped a DistinctParty without a Profile ID")
        return
    target = model.make_entity(_schema(state.refs, profile.get("PartySubTypeID")))
    target.add("topics", "sanction")
    add_text(target, "notes", node.findtext("Comment"))
    sanction = model.make_entity("Sanction")
    for identity in profile.iterfind("Identity"):
        _names(state.refs, target, identity)
        for kind, number, country in state.documents.pop(identity.get("ID", ""), []):
            apply_fact(target, sanction, kind, number, country=country)
    for feature in profile.iterfind("Feature"):
        _feature(state, target, sanction, feature)
    state.targets[profile_id] = target
    state.sanctions[profile_id] = sanction


def _names(refs: Refs, target: EntityProxy, identity: Element) -> None:
    groups = {
        g.get("ID", ""): _ref(refs, "NamePartType", g.get("NamePartTypeID")) or ""
        for g in identity.iterfind("NamePartGroups/MasterNamePartGroup/NamePartGroup")
    }
    for alias in identity.iterfind("Alias"):
        kind = (_ref(refs, "AliasType", alias.get("AliasTypeID")) or "").lower()
        prop = _ALIAS_PROPS.get(kind, "alias")
        if alias.get("LowQuality") == "true":
            prop = "weakAlias"
        elif prop == "name" and alias.get("Primary") != "true":
            prop = "alias"
        for documented in alias.iterfind("DocumentedName"):
            last: list[str] = []
            other: list[str] = []
            for value in documented.iterfind("DocumentedNamePart/NamePartValue"):
                kind_of = groups.get(value.get("NamePartGroupID", ""), "")
                if text := clean(value.text):
                    (last if kind_of == "Last Name" else other).append(text)
            rest = " ".join(other)
            full = f"{' '.join(last)}, {rest}" if last and other else " ".join(last) or rest
            add_text(target, prop, full)
            if prop == "name" and target.schema.is_a("Person"):
                add_text(target, "lastName", " ".join(last))
                add_text(target, "firstName", rest)


def _feature(state: _State, target: EntityProxy, sanction: EntityProxy, node: Element) -> None:
    label = _ref(state.refs, "FeatureType", node.get("FeatureTypeID")) or ""
    lowered = label.lower().rstrip(":- ")
    for version in node.iterfind("FeatureVersion"):
        values: list[str] = []
        loc = version.find("VersionLocation")
        if loc is not None:
            address, country = state.locations.get(loc.get("LocationID", ""), (None, None))
            if lowered == "location":
                add_text(target, "address", address)
                add_country(target, "country", country)
                continue
            values.append((country if lowered in _COUNTRY_FEATURES else address) or "")
        period = version.find("DatePeriod")
        if period is not None:
            values.extend(_period(period))
        for detail in version.iterfind("VersionDetail"):
            ref = detail.get("DetailReferenceID")
            values.append((_ref(state.refs, "DetailReference", ref) if ref else detail.text) or "")
        for value in values:
            apply_fact(target, sanction, label, value)


def _entry(state: _State, node: Element, warnings: list[str], path: Path) -> None:
    profile_id = node.get("ProfileID", "")
    sanction = state.sanctions.get(profile_id)
    if sanction is None:
        warnings.append(f"{path.name}: SanctionsEntry for unknown profile {profile_id!r}")
        return
    state.lists[_ref(state.refs, "List", node.get("ListID")) or ""] += 1
    for event in node.iterfind("EntryEvent"):
        add_text(sanction, "listingDate", _date_text(event.find("Date")))
        add_text(sanction, "reason", _ref(state.refs, "LegalBasis", event.get("LegalBasisID")))
        add_text(sanction, "summary", event.findtext("Comment"))
    for measure in node.iterfind("SanctionsMeasure"):
        kind = _ref(state.refs, "SanctionsType", measure.get("SanctionsTypeID"))
        if kind == "Program":
            add_text(sanction, "program", measure.findtext("Comment"))
        else:
            add_text(sanction, "provisions", kind)


def _finish(state: _State, variant: Variant) -> list[EntityProxy]:
    """Give ids, link each Sanction to its target, turn relationships into notes."""
    for profile_id, target in state.targets.items():
        target.id = make_slug_id(variant.id_prefix, profile_id)
        sanction = state.sanctions[profile_id]
        sanction.id = f"{target.id}-sanction"
        sanction.add("entity", target.id)
        sanction.add("authority", AUTHORITY)
        sanction.add("authorityId", profile_id)
        sanction.add("sourceUrl", variant.source_url)
    for source, kind, other in state.relations:
        if (party := state.targets.get(source)) and (peer := state.targets.get(other)):
            add_text(party, "notes", f"{kind}: {peer.caption}")
    return [e for p in state.targets for e in (state.targets[p], state.sanctions[p])]
