"""A ListIssue: one published issue of one sanctions list, as FollowTheMoney entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from followthemoney.proxy import EntityProxy

__all__ = ["TARGET_SCHEMATA", "ListIssue"]

#: The schemata a designation can target (everything else is a Sanction, Address, ...).
TARGET_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"}
)


@dataclass
class ListIssue:
    """One issue of one list.

    :param dataset: our dataset name (``un_sc``, ``us_ofac_sdn``, ``gb_hmt``, ``eu_fsf``, ...).
    :param issued: the list's own date of issue, if it states one.
    :param source: the path or URL it was read from.
    :param sha256: hex digest of the bytes read.
    :param entities: FollowTheMoney entities: targets (Person, Organization, ...) and their
        Sanction records (schema ``Sanction``, property ``entity`` pointing at the target).
    :param stats: what the reader counted in the source, beyond the entities: raw rows per
        file part (``sdn_rows``, ``alt_rows``, ``add_rows`` for the OFAC CSV trio; ``rows`` and
        ``groups`` for the UK ConList), so that tests and reports can check a file's own figures.
    :param warnings: one line per record the reader skipped or could not fully read (a dirty
        CSV row, a record without a reference), naming the file and the line or record.
    """

    dataset: str
    issued: date | None
    source: str
    sha256: str
    entities: list[EntityProxy] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def targets(self) -> list[EntityProxy]:
        """The designated parties: entities whose schema is a target schema."""
        return [e for e in self.entities if e.schema.name in TARGET_SCHEMATA]

    def sanctions_for(self, entity_id: str) -> list[EntityProxy]:
        """The Sanction records that point at one target."""
        return [
            e for e in self.entities if e.schema.name == "Sanction" and entity_id in e.get("entity")
        ]

    def counts(self) -> dict[str, int]:
        """Number of entities per schema."""
        return dict(Counter(e.schema.name for e in self.entities))
