"""What the screener keeps of a list entry: its names and the facts that qualify a match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from followthemoney.proxy import EntityProxy

from sanctionwatch.lists import ListIssue
from sanctionwatch.names._analyse import ANY, ORG, PERSON, VESSEL

__all__ = [
    "COUNTRY_PROPS",
    "ID_PROPS",
    "NAME_PROPS",
    "Record",
    "kind_of",
    "normalise_identifier",
    "records_from_issue",
    "records_from_rows",
]

#: Name properties screened (weak aliases are not: single nicknames match too much).
NAME_PROPS = ("name", "alias", "previousName")
#: Properties that say which countries an entry belongs to.
COUNTRY_PROPS = (
    "nationality",
    "citizenship",
    "country",
    "birthCountry",
    "jurisdiction",
    "mainCountry",
    "flag",
)
#: Identifier properties and the label each gets in explanations.
ID_PROPS = {
    "imoNumber": "IMO",
    "passportNumber": "passport",
    "idNumber": "ID",
    "registrationNumber": "registration",
    "taxNumber": "tax number",
    "innCode": "INN",
    "ogrnCode": "OGRN",
    "leiCode": "LEI",
    "swiftBic": "BIC",
    "mmsi": "MMSI",
}
_ORG_SCHEMATA = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
_NOT_ID = re.compile(r"[^A-Z0-9]+")


@dataclass(frozen=True)
class Record:
    """One designated party, as the screener sees it."""

    dataset: str
    list_id: str
    entity_id: str
    schema: str
    caption: str
    programs: tuple[str, ...]
    names: tuple[str, ...]
    last_names: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    #: (label, normalised value) pairs: ``("IMO", "9123456")``.
    identifiers: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> list[Any]:
        """A compact JSON form (a list), for the index file."""
        return [
            self.dataset,
            self.list_id,
            self.entity_id,
            self.schema,
            self.caption,
            list(self.programs),
            list(self.names),
            list(self.last_names),
            list(self.birth_dates),
            list(self.countries),
            [list(i) for i in self.identifiers],
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> Record:
        """Read back :meth:`to_json`."""
        return cls(
            data[0],
            data[1],
            data[2],
            data[3],
            data[4],
            tuple(data[5]),
            tuple(data[6]),
            tuple(data[7]),
            tuple(data[8]),
            tuple(data[9]),
            tuple((a, b) for a, b in data[10]),
        )


def kind_of(schema: str | None) -> str:
    """The analysis kind for a schema name (``None``: type unknown)."""
    if schema == "Person":
        return PERSON
    if schema in _ORG_SCHEMATA:
        return ORG
    if schema in ("Vessel", "Airplane"):
        return VESSEL
    return ANY


def normalise_identifier(value: str) -> str:
    """Upper-case letters and digits of an identifier; ``"IMO 9123456"`` -> ``"9123456"``."""
    text = _NOT_ID.sub("", value.upper())
    if text.startswith("IMO") and text[3:].isdigit():
        text = text[3:]
    return text


def _record(
    dataset: str,
    list_id: str | None,
    programs: Iterable[str],
    entity: Mapping[str, Any],
    caption: str,
) -> Record | None:
    props: Mapping[str, list[str]] = entity.get("properties") or {}
    names = tuple(dict.fromkeys(n for p in NAME_PROPS for n in props.get(p, []) if n.strip()))
    if not names:
        return None
    ids = tuple(
        dict.fromkeys(
            (label, normalise_identifier(v))
            for prop, label in ID_PROPS.items()
            for v in props.get(prop, [])
            if len(normalise_identifier(v)) >= 4
        )
    )
    countries = tuple(dict.fromkeys(c.lower() for p in COUNTRY_PROPS for c in props.get(p, [])))
    return Record(
        dataset=dataset,
        list_id=list_id or str(entity.get("id")),
        entity_id=str(entity.get("id")),
        schema=str(entity.get("schema")),
        caption=caption or names[0],
        programs=tuple(programs),
        names=names,
        last_names=tuple(props.get("lastName", [])),
        birth_dates=tuple(dict.fromkeys(props.get("birthDate", []))),
        countries=countries,
        identifiers=ids,
    )


def records_from_rows(rows: Iterable[Mapping[str, Any]]) -> Iterator[Record]:
    """Records from :meth:`Store.iter_active_entries <sanctionwatch.store.Store>` rows."""
    for row in rows:
        entity = (row.get("data") or {}).get("entity") or {}
        record = _record(
            row["dataset"],
            row.get("list_id"),
            row.get("programs") or (),
            entity,
            row.get("caption") or "",
        )
        if record is not None:
            yield record


def records_from_issue(issue: ListIssue) -> Iterator[Record]:
    """Records from a list issue read by :func:`sanctionwatch.lists.load_list`."""
    sanctions: dict[str, list[EntityProxy]] = {}
    for entity in issue.entities:
        if entity.schema.name == "Sanction":
            for target_id in entity.get("entity"):
                sanctions.setdefault(target_id, []).append(entity)
    for target in issue.targets():
        found = sanctions.get(str(target.id), [])
        refs = [r for s in found for r in (s.get("authorityId") or s.get("unscId"))]
        programs = sorted({p for s in found for p in s.get("programId") or s.get("program")})
        record = _record(
            issue.dataset, refs[0] if refs else None, programs, target.to_dict(), target.caption
        )
        if record is not None:
            yield record
