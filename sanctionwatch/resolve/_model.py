"""What resolution reads: documents, their entities and events, and analysts' judgements.

The store hands these over as plain rows (:meth:`sanctionwatch.store.Store.graph_inputs`);
:meth:`GraphInputs.from_rows` turns them into the small value objects below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "DocEntity",
    "DocEvent",
    "DocInfo",
    "GraphInputs",
    "Judgement",
    "Listing",
    "day_of",
    "publisher_of",
]


@dataclass(frozen=True)
class Listing:
    """A list entry a document entity is linked to."""

    dataset: str
    list_id: str
    name: str
    score: float = 1.0
    programs: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """The stable reference ``list:<dataset>:<list_id>``."""
        return f"list:{self.dataset}:{self.list_id}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "dataset": self.dataset,
            "list_id": self.list_id,
            "name": self.name,
            "score": self.score,
            "programs": list(self.programs),
        }


@dataclass(frozen=True)
class DocInfo:
    """A stored document, as far as claims need it.

    :param publisher: who published it: the ``publisher`` given at ingest if any, else the host
        of its URL (``www.`` dropped); ``None`` when neither is known.
    """

    id: str
    title: str | None
    url: str | None
    published: str | None
    ingested: str
    text: str
    publisher: str | None = None

    @property
    def day(self) -> str:
        """The date it is seen on: publication date, else the day it was ingested."""
        return self.published or self.ingested


@dataclass(frozen=True)
class DocEntity:
    """One entity of one document's extraction."""

    id: int
    document_id: str
    type: str
    name: str
    countries: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    links: tuple[Listing, ...] = ()


@dataclass(frozen=True)
class DocEvent:
    """One event of one document's extraction; parties are :attr:`DocEntity.id` values."""

    id: int
    document_id: str
    type: str
    mode: str | None
    modality: str
    date: str | None
    text: str
    items: tuple[str, ...] = ()
    actors: tuple[int, ...] = ()
    targets: tuple[int, ...] = ()
    attribution: str | None = None
    attribution_entity: int | None = None
    sanctions: tuple[Mapping[str, str], ...] = ()


@dataclass(frozen=True)
class Judgement:
    """An analyst's decision, kept across every rebuild of the graph.

    :param kind: ``merge``, ``split``, ``confirm_link`` or ``reject_link``.
    :param subject: a stable reference (``list:...``, ``country:..``, ``name:<type>:<key>``,
        optionally ``@<document id>``).
    :param object: the other reference.
    """

    id: int
    kind: str
    subject: str
    object: str | None
    author: str
    created_at: datetime
    reason: str


@dataclass
class GraphInputs:
    """Everything resolution reads, in one consistent read of the store."""

    documents: dict[str, DocInfo] = field(default_factory=dict)
    entities: list[DocEntity] = field(default_factory=list)
    events: list[DocEvent] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    listings: dict[str, Listing] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> GraphInputs:
        """Build from the store's rows (see :func:`sanctionwatch.store._graph.graph_inputs`)."""
        return cls(
            documents={d["id"]: _doc(d) for d in rows.get("documents", ())},
            entities=[_entity(e) for e in rows.get("entities", ())],
            events=[_event(e) for e in rows.get("events", ())],
            judgements=[Judgement(**j) for j in rows.get("judgements", ())],
            listings={(item := _listing(row)).ref: item for row in rows.get("listings", ())},
        )


def publisher_of(url: str | None, given: str | None = None) -> str | None:
    """Who published a document: ``given`` if set (as written), else its URL's host without
    ``www.``."""
    if given and given.strip():
        return " ".join(given.split())
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def day_of(value: str | None) -> date | None:
    """A ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` string as a date (mid-month, mid-year)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None


def _doc(row: Mapping[str, Any]) -> DocInfo:
    ingested = row.get("ingested_at")
    day = ingested.date().isoformat() if isinstance(ingested, datetime) else str(ingested)[:10]
    return DocInfo(
        id=row["id"],
        title=row.get("title"),
        url=row.get("url"),
        published=row.get("published"),
        ingested=day,
        text=row.get("text") or "",
        publisher=publisher_of(row.get("url"), row.get("publisher")),
    )


def _listing(row: Mapping[str, Any]) -> Listing:
    return Listing(
        dataset=row["dataset"],
        list_id=row["list_id"],
        name=row.get("name") or row["list_id"],
        score=float(row.get("score", 1.0)),
        programs=tuple(row.get("programs") or ()),
    )


def _entity(row: Mapping[str, Any]) -> DocEntity:
    return DocEntity(
        id=row["id"],
        document_id=row["document_id"],
        type=row["type"],
        name=row["name"],
        countries=tuple(row.get("countries") or ()),
        mentions=tuple(row.get("mentions") or ()),
        links=tuple(_listing(link) for link in row.get("links") or () if link.get("list_id")),
    )


def _event(row: Mapping[str, Any]) -> DocEvent:
    return DocEvent(
        id=row["id"],
        document_id=row["document_id"],
        type=row["type"],
        mode=row.get("mode"),
        modality=row["modality"],
        date=row.get("date"),
        text=row.get("text") or "",
        items=tuple(row.get("items") or ()),
        actors=tuple(row.get("actors") or ()),
        targets=tuple(row.get("targets") or ()),
        attribution=row.get("attribution"),
        attribution_entity=row.get("attribution_entity"),
        sanctions=tuple(row.get("sanctions") or ()),
    )
