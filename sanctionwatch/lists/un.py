"""Read the UN Security Council Consolidated List (XML) into FollowTheMoney entities.

The list is published at :data:`SOURCE_URL` and described by
https://www.un.org/sc/resources/sc-sanctions.xsd: a ``CONSOLIDATED_LIST`` root carrying a
``dateGenerated`` attribute, with ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` records.

Each record becomes a target (``INDIVIDUAL`` -> ``Person``, ``ENTITY`` -> ``Organization``) with
the id ``un-sc-<slug of REFERENCE_NUMBER>`` (``KPi.066`` -> ``un-sc-kpi-066``), plus one
``Sanction`` with the id ``<target id>-sanction``. The Sanction carries the reference number
(``authorityId`` and ``unscId``), the regime (``program``, from ``UN_LIST_TYPE``), the dates
(``listingDate`` from ``LISTED_ON``, ``modifiedAt`` from the last ``LAST_DAY_UPDATED``) and
the narrative (``reason``, from ``COMMENTS1``).

The file is read with defusedxml and no DTD is accepted, so entity expansion and external
entities are impossible; any malformed or hostile file raises :class:`ListFormatError`.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import ErrorString

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from followthemoney import model
from followthemoney.exc import FollowTheMoneyException
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputError, InputNotFound, ListFormatError
from sanctionwatch.lists._ftm import (
    add_country,
    add_date,
    add_text,
    clean,
    join_text,
    make_slug_id,
    month_year,
    parse_date,
    year_span,
)
from sanctionwatch.lists._issue import ListIssue

__all__ = ["AUTHORITY", "DATASET", "ID_PREFIX", "SOURCE_URL", "parse", "sniff"]

DATASET = "un_sc"
AUTHORITY = "United Nations Security Council"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
#: Every entity id of this list starts with this.
ID_PREFIX = "un-sc"

_ROOT_TAG = "CONSOLIDATED_LIST"
_ROOT_MARK = re.compile(rb"<CONSOLIDATED_LIST[\s>/]")
_CHUNK = 1 << 16
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ADDRESS_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
_PLACE_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")
#: ``QUALITY`` of an alias -> the property it goes to (unknown qualities: ``alias``).
_ALIAS_PROPS = {
    "good": "alias",
    "a.k.a.": "alias",
    "low": "weakAlias",
    "f.k.a.": "previousName",
}
_PASSPORT = re.compile(r"pass(?:port|eport)|pasaporte", re.IGNORECASE)
_GENDER_NOTE = re.compile(r"\bgender:\s*(male|female)\b", re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_EMPTY_DOB_NOTES = frozenset({"approximately", "approx.", "circa"})

log = logging.getLogger(__name__)


def sniff(head: bytes, name: str) -> bool:
    """Does a file starting with ``head`` look like the UN consolidated list?

    Only the content decides (the root element); ``name`` is accepted for the common
    format interface and ignored, since the UN file is often saved as ``consolidated.xml``.
    """
    return _ROOT_MARK.search(head) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of the UN consolidated list.

    :param path: the XML file as downloaded from :data:`SOURCE_URL`.
    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is not well-formed XML, declares a DTD or entities, or
        is not a UN consolidated list. The message gives the line and the (1-based) column.
    """
    path = Path(path)
    root, digest = _read_xml(path)
    if root.tag != _ROOT_TAG:
        raise ListFormatError(
            f"not a UN consolidated list: the root element is <{root.tag}>, not <{_ROOT_TAG}>",
            path=str(path),
        )
    issue = ListIssue(dataset=DATASET, issued=_issued(root), source=str(path), sha256=digest)
    entities: dict[str, EntityProxy] = {}
    records = [
        *(("Person", rec) for rec in root.iterfind("INDIVIDUALS/INDIVIDUAL")),
        *(("Organization", rec) for rec in root.iterfind("ENTITIES/ENTITY")),
    ]
    for schema, record in records:
        target = _target(record, schema)
        if target is None:
            log.warning("%s: skipped a %s with no REFERENCE_NUMBER or DATAID", path, record.tag)
            continue
        for proxy in (target, _sanction(record, target)):
            _collect(entities, proxy, path)
    issue.entities = list(entities.values())
    return issue


def _read_xml(path: Path) -> tuple[Element, str]:
    """Parse the file safely and hash its bytes in one pass."""
    parser = DefusedXMLParser(
        target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
                parser.feed(chunk)
        root: Element = parser.close()
    except FileNotFoundError as e:
        raise InputNotFound("no such file", path=str(path)) from e
    except IsADirectoryError as e:
        raise ListFormatError("is a folder, not a list file", path=str(path)) from e
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}", path=str(path)) from e
    except ParseError as e:
        line, column = e.position
        raise ListFormatError(
            f"malformed XML at line {line}, column {column + 1}: {ErrorString(e.code)}",
            path=str(path),
        ) from e
    except DefusedXmlException as e:
        line, column = _position(parser)
        raise ListFormatError(
            f"unsafe XML refused at line {line}, column {column}: {type(e).__name__} "
            "(DTDs, entity declarations and external references are not accepted)",
            path=str(path),
        ) from e
    except (ValueError, LookupError) as e:
        line, column = _position(parser)
        raise ListFormatError(
            f"unreadable XML at line {line}, column {column}: {e}", path=str(path)
        ) from e
    return root, digest.hexdigest()


def _position(parser: DefusedXMLParser) -> tuple[int, int]:
    """Where the expat parser stands, as (line, 1-based column)."""
    expat = parser.parser
    return expat.CurrentLineNumber, expat.CurrentColumnNumber + 1


def _issued(root: Element) -> date | None:
    """The date part of the ``dateGenerated`` attribute."""
    text = parse_date(root.get("dateGenerated"))
    if text is None or len(text) != 10:
        return None
    return date.fromisoformat(text)


def _collect(entities: dict[str, EntityProxy], proxy: EntityProxy, path: Path) -> None:
    """Add an entity, merging records that share a reference number."""
    key = str(proxy.id)
    if key not in entities:
        entities[key] = proxy
        return
    log.warning("%s: reference %s appears more than once; merging", path, key)
    try:
        entities[key].merge(proxy)
    except FollowTheMoneyException as e:
        raise ListFormatError(f"conflicting records share the id {key}: {e}", path=str(path)) from e


def _text(node: Element, tag: str) -> str | None:
    return clean(node.findtext(tag))


def _values(node: Element, path: str) -> list[str]:
    return [text for el in node.iterfind(path) if (text := clean(el.text)) is not None]


def _target(record: Element, schema: str) -> EntityProxy | None:
    ref = _text(record, "REFERENCE_NUMBER")
    entity_id = make_slug_id(ID_PREFIX, ref) or make_slug_id(
        ID_PREFIX, "dataid", _text(record, "DATAID")
    )
    if entity_id is None:
        return None
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    parts = [_text(record, tag) for tag in _NAME_PARTS]
    add_text(proxy, "name", " ".join(p for p in parts if p))
    add_text(proxy, "alias", _values(record, "NAME_ORIGINAL_SCRIPT"))
    prefix = record.tag
    _aliases(proxy, record, f"{prefix}_ALIAS")
    _addresses(proxy, record, f"{prefix}_ADDRESS")
    comments = _text(record, "COMMENTS1")
    add_text(proxy, "notes", comments)
    add_date(proxy, "createdAt", record.findtext("LISTED_ON"))
    add_date(proxy, "modifiedAt", _last_update(record))
    proxy.add("topics", "sanction")
    if schema == "Person":
        _person(proxy, record, comments)
    return proxy


def _person(proxy: EntityProxy, record: Element, comments: str | None) -> None:
    add_text(proxy, "title", _values(record, "TITLE/VALUE"))
    add_text(proxy, "position", _values(record, "DESIGNATION/VALUE"))
    for value in _values(record, "NATIONALITY/VALUE"):
        add_country(proxy, "nationality", value)
    add_text(proxy, "gender", _text(record, "GENDER"))
    if not proxy.has("gender") and comments and (m := _GENDER_NOTE.search(comments)):
        proxy.add("gender", m.group(1).lower(), quiet=True)
    _birth_dates(proxy, record)
    _birth_places(proxy, record)
    _documents(proxy, record)


def _sanction(record: Element, target: EntityProxy) -> EntityProxy:
    sanction = model.make_entity("Sanction")
    sanction.id = f"{target.id}-sanction"
    sanction.add("entity", target.id)
    sanction.add("authority", AUTHORITY)
    ref = _text(record, "REFERENCE_NUMBER")
    add_text(sanction, "authorityId", ref)
    add_text(sanction, "unscId", ref)
    add_text(sanction, "program", _text(record, "UN_LIST_TYPE"))
    add_date(sanction, "listingDate", record.findtext("LISTED_ON"))
    add_date(sanction, "modifiedAt", _last_update(record))
    add_text(sanction, "reason", _text(record, "COMMENTS1"))
    add_text(sanction, "recordId", _text(record, "DATAID"))
    sanction.add("sourceUrl", SOURCE_URL)
    return sanction


def _last_update(record: Element) -> str | None:
    dates = [d for v in _values(record, "LAST_DAY_UPDATED/VALUE") if (d := parse_date(v))]
    return max(dates) if dates else None


def _aliases(proxy: EntityProxy, record: Element, tag: str) -> None:
    for node in record.iterfind(tag):
        name = clean(node.findtext("ALIAS_NAME"), unquote=True)
        if name is None:
            continue
        quality = (_text(node, "QUALITY") or "").lower()
        proxy.add(_ALIAS_PROPS.get(quality, "alias"), name, quiet=True)
        note = _text(node, "NOTE")
        if note is not None:
            add_text(proxy, "notes", f"Alias {name}: {note}")
        if proxy.schema.is_a("Person"):
            add_date(proxy, "birthDate", node.findtext("DATE_OF_BIRTH"))
            place = join_text(node.findtext(t) for t in ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"))
            add_text(proxy, "birthPlace", place)
            add_country(proxy, "birthCountry", node.findtext("COUNTRY_OF_BIRTH"))


def _addresses(proxy: EntityProxy, record: Element, tag: str) -> None:
    for node in record.iterfind(tag):
        text = join_text(node.findtext(t) for t in _ADDRESS_PARTS)
        add_text(proxy, "address", text)
        add_country(proxy, "country", node.findtext("COUNTRY"))
        note = _text(node, "NOTE")
        if note is not None:
            add_text(proxy, "notes", f"Address ({text}): {note}" if text else f"Address: {note}")


def _birth_dates(proxy: EntityProxy, record: Element) -> None:
    for node in record.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        kind = (_text(node, "TYPE_OF_DATE") or "").upper()
        note = _text(node, "NOTE")
        year = _text(node, "YEAR")
        found: list[str] = []
        if kind == "BETWEEN":
            found.extend(year_span(_text(node, "FROM_YEAR"), _text(node, "TO_YEAR")))
        found.extend(d for d in (parse_date(node.findtext("DATE")), parse_date(year)) if d)
        precise = month_year(note) or (month_year(f"{note} {year}") if note and year else None)
        if precise is not None:
            found.append(precise)
        elif note is not None:
            if not found:
                found.extend(_YEAR_IN_TEXT.findall(note))
            if note.lower() not in _EMPTY_DOB_NOTES:
                label = " ".join(["Date of birth", *found[:1]])
                add_text(proxy, "notes", f"{label}: {note}")
        for value in found:
            proxy.add("birthDate", value, quiet=True)


def _birth_places(proxy: EntityProxy, record: Element) -> None:
    for node in record.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        place = join_text(node.findtext(t) for t in _PLACE_PARTS)
        add_text(proxy, "birthPlace", place)
        add_country(proxy, "birthCountry", node.findtext("COUNTRY"))
        note = _text(node, "NOTE")
        if note is not None:
            add_text(proxy, "notes", f"Place of birth ({place or 'unknown'}): {note}")


def _documents(proxy: EntityProxy, record: Element) -> None:
    for node in record.iterfind("INDIVIDUAL_DOCUMENT"):
        kind = join_text((node.findtext("TYPE_OF_DOCUMENT"), node.findtext("TYPE_OF_DOCUMENT2")))
        number = _text(node, "NUMBER")
        if number is not None:
            prop = "passportNumber" if kind and _PASSPORT.search(kind) else "idNumber"
            proxy.add(prop, number, quiet=True)
        issued = parse_date(node.findtext("DATE_OF_ISSUE"))
        details = join_text(
            (
                node.findtext("ISSUING_COUNTRY"),
                node.findtext("COUNTRY_OF_ISSUE"),
                node.findtext("CITY_OF_ISSUE"),
                f"issued {issued}" if issued else None,
                node.findtext("NOTE"),
            ),
            sep="; ",
        )
        if details is not None:
            label = " ".join(p for p in (kind or "Document", number) if p)
            add_text(proxy, "notes", f"{label}: {details}")
