"""Analysts' judgements: stable references, which judgement is in force, what each one matches.

A reference names entities the same way before and after every rebuild of the graph:

- ``list:<dataset>:<list_id>``: document entities linked to that list entry;
- ``country:<iso2>``: the country;
- ``name:<type>:<key>``: document entities of that type whose name has that order-free key
  (titles and articles cut: see :func:`sanctionwatch.resolve._compare.name_form`);

each optionally followed by ``@<document id or its start>`` to narrow it to one document.

For each pair of references only the newest judgement counts: a ``split`` after a ``merge`` of
the same two undoes it, and a ``confirm_link`` after a ``reject_link`` likewise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sanctionwatch.exc import InputError
from sanctionwatch.resolve._compare import name_form
from sanctionwatch.resolve._model import DocEntity, Judgement, Listing

__all__ = [
    "JUDGEMENT_KINDS",
    "Ref",
    "Rulings",
    "entity_ref",
    "parse_ref",
]

#: The kinds of judgement an analyst can record.
JUDGEMENT_KINDS = ("merge", "split", "confirm_link", "reject_link")
_REF_KINDS = ("list", "country", "name")


@dataclass(frozen=True)
class Ref:
    """A parsed reference."""

    kind: str
    value: str
    document: str | None = None

    @property
    def base(self) -> str:
        """The reference without its document part."""
        return f"{self.kind}:{self.value}"

    def __str__(self) -> str:
        return self.base + (f"@{self.document}" if self.document else "")

    def matches(self, entity: DocEntity, links: Iterable[Listing]) -> bool:
        """Whether a document entity (with its links in force) is one this reference names."""
        if self.document and not entity.document_id.startswith(self.document):
            return False
        if self.kind == "list":
            return any(link.ref == self.base for link in links)
        if self.kind == "country":
            return entity.type == "Country" and self.value in entity.countries
        return self.value == entity_ref(entity).split(":", 1)[1]


def parse_ref(text: str) -> Ref:
    """Parse ``kind:value[@document]``; raise :class:`InputError` when it is not one."""
    body, _, document = text.partition("@")
    kind, _, value = body.partition(":")
    if kind not in _REF_KINDS or not value:
        raise InputError(
            f"not an entity reference: {text!r} (expected list:DATASET:ID, country:CC or "
            "name:TYPE:KEY, optionally @DOCUMENT)"
        )
    return Ref(kind, value, document or None)


def entity_ref(entity: DocEntity) -> str:
    """The ``name:`` reference of a document entity (``country:`` for a country)."""
    if entity.type == "Country" and entity.countries:
        return f"country:{entity.countries[0]}"
    return f"name:{entity.type}:{name_form(entity.name).key}"


@dataclass(frozen=True)
class Rulings:
    """The judgements in force, sorted by kind.

    :param merges: pairs of references to put in one entity.
    :param splits: (part, whole): take what ``part`` names out of the entity ``whole`` names.
    :param confirmed: (entity reference, list reference) links to add.
    :param rejected: (entity reference, list reference) links to drop.
    """

    merges: tuple[tuple[Ref, Ref], ...] = ()
    splits: tuple[tuple[Ref, Ref], ...] = ()
    confirmed: tuple[tuple[Ref, Ref], ...] = ()
    rejected: tuple[tuple[Ref, Ref], ...] = ()

    @classmethod
    def from_judgements(cls, judgements: Sequence[Judgement]) -> Rulings:
        """Keep the newest judgement for each pair; unreadable ones are skipped."""
        latest: dict[tuple[str, ...], tuple[str, Ref, Ref]] = {}
        for j in sorted(judgements, key=lambda j: (j.created_at, j.id)):
            if j.kind not in JUDGEMENT_KINDS or not j.object:
                continue
            try:
                subject, obj = parse_ref(j.subject), parse_ref(j.object)
            except InputError:
                continue
            if j.kind in ("merge", "split"):
                pair = ("same", *sorted((str(subject), str(obj))))
            else:
                pair = ("link", str(subject), str(obj))
            latest[pair] = (j.kind, subject, obj)
        by_kind: dict[str, list[tuple[Ref, Ref]]] = {k: [] for k in JUDGEMENT_KINDS}
        for kind, subject, obj in latest.values():
            by_kind[kind].append((subject, obj))
        return cls(
            merges=tuple(by_kind["merge"]),
            splits=tuple(by_kind["split"]),
            confirmed=tuple(by_kind["confirm_link"]),
            rejected=tuple(by_kind["reject_link"]),
        )

    def links(self, entity: DocEntity, listings: dict[str, Listing]) -> tuple[Listing, ...]:
        """An entity's links once rejected ones are dropped and confirmed ones added."""
        links = [link for link in entity.links]
        for subject, obj in self.rejected:
            if subject.matches(entity, links):
                links = [link for link in links if link.ref != obj.base]
        for subject, obj in self.confirmed:
            matches = obj.kind == "list" and subject.matches(entity, links)
            if matches and all(link.ref != obj.base for link in links):
                dataset, _, list_id = obj.value.partition(":")
                known = listings.get(obj.base)
                links.insert(0, known or Listing(dataset, list_id, list_id))
        return tuple(links)
