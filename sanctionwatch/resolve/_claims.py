"""Claims: events from different documents that describe the same happening, with who supports
and who denies them.

Events are grouped by type, mode, actors and targets (as canonical entities) and by time: two
reports of one signature belong together while the gap between them is at most
``window_days``. An event that names only some parties (``Russia denies transferring
weapons``) joins the one claim whose parties include its own, within the window; when several
do, the best-supported one. A REJECT event of mode ``deny`` is the speech act that introduces a
denied event, so it forms no claim of its own; hypothetical events support nothing.

Supporters are counted as independent sources (:mod:`~sanctionwatch.resolve._sources`),
deniers as the parties that deny (who the denial is attributed to, else its actors).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sanctionwatch.resolve._entities import CanonicalEntity, Resolution
from sanctionwatch.resolve._model import DocEvent, GraphInputs, day_of
from sanctionwatch.resolve._sources import Sources

__all__ = ["STANCES", "WINDOW_DAYS", "Claim", "build_claims"]

#: Modality -> stance towards the claim; other modalities (hypothetical) take no stance.
STANCES = {
    "asserted": "support",
    "alleged": "support",
    "expected": "support",
    "denied": "deny",
    "negated": "deny",
}
#: Largest gap, in days, between two reports of one happening.
WINDOW_DAYS = 365
#: Support modalities, strongest first: an independent source counts with its strongest.
_STRENGTH = ("asserted", "alleged", "expected")
#: PLOVER type -> (verb for one actor, verb for several, preposition before the targets).
_VERBS: dict[str, tuple[str, str, str]] = {
    "AGREE": ("agrees", "agree", "with"), "CONSULT": ("meets", "meet", ""),
    "SUPPORT": ("supports", "support", ""), "CONCEDE": ("concedes", "concede", "to"),
    "COOPERATE": ("cooperates", "cooperate", "with"), "AID": ("supplies", "supply", "to"),
    "RETREAT": ("withdraws", "withdraw", "from"), "REQUEST": ("asks", "ask", ""),
    "ACCUSE": ("accuses", "accuse", ""), "REJECT": ("rejects", "reject", ""),
    "THREATEN": ("threatens", "threaten", ""), "PROTEST": ("protests", "protest", "against"),
    "SANCTION": ("sanctions", "sanction", ""), "MOBILIZE": ("mobilises", "mobilise", "against"),
    "COERCE": ("coerces", "coerce", ""), "ASSAULT": ("attacks", "attack", ""),
}  # fmt: skip
_MODE_VERBS = {
    ("CONSULT", "visit"): ("visits", "visit", ""),
    ("REJECT", "veto"): ("vetoes", "veto", ""),
}


@dataclass
class Claim:
    """One happening across documents, with its supporting and denying sources."""

    key: str
    type: str
    mode: str | None
    actors: list[CanonicalEntity]
    targets: list[CanonicalEntity]
    events: list[tuple[DocEvent, str]]
    title: str = ""
    summary: str = ""
    items: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    supporters: int = 0
    deniers: int = 0
    modalities: dict[str, int] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    flagged: bool = False
    rank: float = 0.0
    flags: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The ``claims`` row, with ``events`` and ``parties`` for the link tables."""
        return {
            "key": self.key,
            "type": self.type,
            "mode": self.mode,
            "title": self.title,
            "summary": self.summary,
            "items": self.items,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "supporters": self.supporters,
            "deniers": self.deniers,
            "modalities": self.modalities,
            "sources": self.sources,
            "flagged": self.flagged,
            "rank": self.rank,
            "flags": self.flags,
            "events": [(event.id, stance) for event, stance in self.events],
            "parties": sorted(
                {(c.key, "actor") for c in self.actors} | {(c.key, "target") for c in self.targets}
            ),
        }


@dataclass
class _Read:
    event: DocEvent
    stance: str
    actors: frozenset[str]
    targets: frozenset[str]
    day: date


@dataclass
class _Cluster:
    type: str
    mode: str | None
    actors: frozenset[str]
    targets: frozenset[str]
    reads: list[_Read]

    @property
    def first(self) -> date:
        return min(r.day for r in self.reads)

    @property
    def last(self) -> date:
        return max(r.day for r in self.reads)


def _segments(reads: list[_Read], window: int) -> list[list[_Read]]:
    out: list[list[_Read]] = []
    for read in sorted(reads, key=lambda r: (r.day, r.event.id)):
        if out and (read.day - out[-1][-1].day).days <= window:
            out[-1].append(read)
        else:
            out.append([read])
    return out


def _fits(read: _Read, c: _Cluster, window: int) -> bool:
    return (
        read.event.type == c.type
        and (read.event.mode is None or c.mode is None or read.event.mode == c.mode)
        and read.actors <= c.actors
        and read.targets <= c.targets
        and (c.first - read.day).days <= window
        and (read.day - c.last).days <= window
    )


def _cluster(reads: list[_Read], window: int) -> list[_Cluster]:
    full: dict[tuple[Any, ...], list[_Read]] = defaultdict(list)
    partial: list[_Read] = []
    for read in reads:
        if read.actors and read.targets:
            full[(read.event.type, read.event.mode, read.actors, read.targets)].append(read)
        else:
            partial.append(read)
    clusters = [
        _Cluster(t, m, a, g, segment)
        for (t, m, a, g), group in full.items()
        for segment in _segments(group, window)
    ]
    alone: dict[tuple[Any, ...], list[_Read]] = defaultdict(list)
    for read in partial:
        fits = [c for c in clusters if _fits(read, c, window)]
        fits.sort(key=lambda c: len({r.event.document_id for r in c.reads}), reverse=True)
        if fits and (len(fits) == 1 or len(fits[0].reads) > len(fits[1].reads)):
            fits[0].reads.append(read)
        else:
            alone[(read.event.type, read.event.mode, read.actors, read.targets)].append(read)
    for (t, m, a, g), group in alone.items():
        clusters.extend(_Cluster(t, m, a, g, s) for s in _segments(group, window))
    return clusters


def _key(c: _Cluster, n: int) -> str:
    text = "|".join([c.type, c.mode or "", ",".join(sorted(c.actors)), ",".join(sorted(c.targets))])
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    return digest if n == 1 else f"{digest}-{n}"


def _names(parties: Sequence[CanonicalEntity]) -> str:
    return " and ".join(p.name for p in parties) or "someone"


def _title(c: Claim) -> str:
    one, several, prep = _MODE_VERBS.get(
        (c.type, c.mode or ""), _VERBS.get(c.type, (c.type.lower(), c.type.lower(), ""))
    )
    verb = several if len(c.actors) > 1 else one
    if c.type == "AID" and c.items:
        verb += " " + " and ".join(c.items[:2])
    if not c.targets:
        return f"{_names(c.actors)} {verb}"
    return f"{_names(c.actors)} {verb} {prep + ' ' if prep else ''}{_names(c.targets)}"


def _label(party: CanonicalEntity) -> str:
    return ",".join(code.upper() for code in party.countries) or party.name


def _describe(claim: Claim, inputs: GraphInputs, res: Resolution, sources: Sources) -> None:
    docs = inputs.documents
    support = [(e, s) for e, s in claim.events if s == "support"]
    deny = [(e, s) for e, s in claim.events if s == "deny"]
    claim.items = [i for i, _ in Counter(i for e, _ in claim.events for i in e.items).most_common()]
    days = sorted(docs[e.document_id].day for e, _ in claim.events if e.document_id in docs)
    claim.first_seen, claim.last_seen = (days[0], days[-1]) if days else (None, None)
    groups = sources.groups(e.document_id for e, _ in support)
    strongest: Counter[str] = Counter()
    group_of: dict[str, int] = {}
    for n, group in enumerate(groups, start=1):
        modes = {e.modality for e, _ in support if e.document_id in group.documents}
        strongest[next((m for m in _STRENGTH if m in modes), "asserted")] += 1
        group_of.update({d: n for d in group.documents})
    deniers: dict[str, CanonicalEntity | None] = {}
    for event, _ in deny:
        ids = [event.attribution_entity] if event.attribution_entity else list(event.actors)
        parties = [p for p in (res.of(i) for i in ids) if p is not None]
        for party in parties:
            deniers.setdefault(party.key, party)
        if not parties:
            deniers.setdefault(f"source:{sources.publisher(event.document_id)}", None)
    claim.supporters, claim.deniers = len(groups), len(deniers)
    claim.modalities = {m: strongest[m] for m in _STRENGTH if strongest[m]}
    if deniers:
        claim.modalities["denied"] = len(deniers)
    copies = {d: c for g in groups for d, c in g.copies.items()}
    claim.sources = {
        "independent": [{"publishers": g.publishers, "documents": g.documents} for g in groups],
        "copies": [
            {"document_id": d, "copy_of": of, "similarity": sim} for d, (of, sim) in copies.items()
        ],
        "denied_by": [
            {"key": k, "name": p.name if p else k.split(":", 1)[1], "label": _label(p) if p else k}
            for k, p in deniers.items()
        ],
        "events": [_source(e, s, inputs, sources, group_of, copies) for e, s in claim.events],
    }
    claim.title = _title(claim)
    parts = [f"{m} by {n}" for m, n in claim.modalities.items() if m != "denied"]
    if deniers:
        labels = ", ".join(sorted({d["label"] for d in claim.sources["denied_by"]}))
        parts.append(f"denied by {len(deniers)} ({labels})")
    claim.summary = f"{claim.title}: {', '.join(parts)}"


def _source(
    event: DocEvent,
    stance: str,
    inputs: GraphInputs,
    sources: Sources,
    group_of: dict[str, int],
    copies: dict[str, tuple[str, float]],
) -> dict[str, Any]:
    doc = inputs.documents.get(event.document_id)
    return {
        "event_id": event.id,
        "document_id": event.document_id,
        "title": doc.title if doc else None,
        "url": doc.url if doc else None,
        "publisher": sources.publisher(event.document_id),
        "published": doc.day if doc else None,
        "stance": stance,
        "modality": event.modality,
        "attribution": event.attribution,
        "date": event.date,
        "text": event.text,
        "source": group_of.get(event.document_id),
        "copy_of": copies[event.document_id][0] if event.document_id in copies else None,
    }


def build_claims(
    inputs: GraphInputs, resolution: Resolution, *, window_days: int = WINDOW_DAYS
) -> list[Claim]:
    """Group the events of ``inputs`` into claims over the canonical entities of ``resolution``."""
    reads: list[_Read] = []
    for event in inputs.events:
        stance = STANCES.get(event.modality)
        if stance is None or (event.type == "REJECT" and event.mode == "deny"):
            continue
        actors = frozenset(p.key for i in event.actors if (p := resolution.of(i)) is not None)
        targets = frozenset(p.key for i in event.targets if (p := resolution.of(i)) is not None)
        doc = inputs.documents.get(event.document_id)
        day = day_of(event.date) or day_of(doc.day if doc else None) or date.min
        if actors or targets:
            reads.append(_Read(event, stance, actors, targets, day))
    entities = {c.key: c for c in resolution.entities}
    sources = Sources(inputs.documents)
    claims: list[Claim] = []
    seen: Counter[str] = Counter()
    for cluster in sorted(_cluster(reads, window_days), key=lambda c: (c.first, c.type)):
        base = _key(cluster, 1)
        seen[base] += 1
        claim = Claim(
            key=_key(cluster, seen[base]),
            type=cluster.type,
            mode=cluster.mode,
            actors=[entities[k] for k in sorted(cluster.actors)],
            targets=[entities[k] for k in sorted(cluster.targets)],
            events=[(r.event, r.stance) for r in sorted(cluster.reads, key=lambda r: r.day)],
        )
        _describe(claim, inputs, resolution, sources)
        claims.append(claim)
    return claims
