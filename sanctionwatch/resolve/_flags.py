"""Flags: claims that touch a sanctions regime's provision or a listed party, ranked.

A claim is flagged when one of its events falls under a loaded regime's provision (the
``sanctions`` the nlp stage read, e.g. ``UNSCR 1718 (2006) para 8(b)``) or when one of its
parties is a canonical entity with a listing (links rejected by an analyst do not count).

Every claim gets a rank, the sum of these points, and the evidence behind each of them:

- each listed party involved: :data:`LISTED_POINTS` (at most :data:`MAX_LISTED` of them);
- the first regime provision :data:`PROVISION_POINTS`, each further one
  :data:`EXTRA_PROVISION_POINTS`;
- corroboration: :data:`SOURCE_POINTS` times log2(1 + independent supporters);
- recency: :data:`RECENCY_POINTS`, halved every :data:`RECENCY_HALF_LIFE_DAYS` days between the
  claim's last sighting and ``as_of`` (by default the newest sighting of any claim).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from sanctionwatch.resolve._claims import Claim
from sanctionwatch.resolve._model import day_of

__all__ = [
    "EXTRA_PROVISION_POINTS",
    "LISTED_POINTS",
    "MAX_LISTED",
    "PROVISION_POINTS",
    "RECENCY_HALF_LIFE_DAYS",
    "RECENCY_POINTS",
    "SOURCE_POINTS",
    "flag_claims",
]

LISTED_POINTS = 3.0
MAX_LISTED = 3
PROVISION_POINTS = 2.0
EXTRA_PROVISION_POINTS = 0.5
SOURCE_POINTS = 1.0
RECENCY_POINTS = 2.0
RECENCY_HALF_LIFE_DAYS = 180

#: The nlp stage marks dealings with a listed party with provisions starting so; they are
#: recomputed here from the canonical entities, so that analysts' link judgements count.
_LISTED_PREFIX = "listed:"


def _provisions(claim: Claim) -> list[dict[str, str]]:
    out: dict[tuple[str, str], dict[str, str]] = {}
    for event, _ in claim.events:
        for item in event.sanctions:
            provision = str(item.get("provision", ""))
            if provision and not provision.startswith(_LISTED_PREFIX):
                regime = str(item.get("regime", ""))
                out.setdefault(
                    (regime, provision),
                    {
                        "regime": regime,
                        "provision": provision,
                        "reason": str(item.get("reason", "")),
                    },
                )
    return list(out.values())


def _listed(claim: Claim) -> list[dict[str, Any]]:
    out = []
    for role, parties in (("actor", claim.actors), ("target", claim.targets)):
        for party in parties:
            for link in party.listings:
                out.append(
                    {
                        "key": party.key,
                        "name": party.name,
                        "role": role,
                        "dataset": link.dataset,
                        "list_id": link.list_id,
                        "listed_as": link.name,
                        "programs": list(link.programs),
                    }
                )
    return out


def flag_claims(claims: Sequence[Claim], *, as_of: date | None = None) -> None:
    """Set ``flagged``, ``rank`` and ``flags`` (provisions, listed parties, evidence) on claims."""
    seen = [d for c in claims if (d := day_of(c.last_seen)) is not None]
    reference = as_of or (max(seen) if seen else None)
    for claim in claims:
        provisions = _provisions(claim)
        listed = _listed(claim)
        evidence: list[dict[str, Any]] = []
        for party in {(item["key"], item["name"]): item for item in listed}.values():
            if len(evidence) >= MAX_LISTED:
                break
            evidence.append(
                {
                    "factor": "listed party",
                    "detail": f"{party['name']} ({party['dataset']} {party['list_id']})",
                    "points": LISTED_POINTS,
                }
            )
        for n, item in enumerate(provisions):
            evidence.append(
                {
                    "factor": "provision",
                    "detail": f"{item['provision']} ({item['regime']}): {item['reason']}",
                    "points": PROVISION_POINTS if n == 0 else EXTRA_PROVISION_POINTS,
                }
            )
        if claim.supporters:
            evidence.append(
                {
                    "factor": "corroboration",
                    "detail": f"{claim.supporters} independent source(s)"
                    + (f", denied by {claim.deniers}" if claim.deniers else ""),
                    "points": round(SOURCE_POINTS * math.log2(1 + claim.supporters), 3),
                }
            )
        last = day_of(claim.last_seen)
        if last and reference:
            age = max((reference - last).days, 0)
            evidence.append(
                {
                    "factor": "recency",
                    "detail": f"last seen {claim.last_seen}, {age} day(s) before {reference}",
                    "points": round(RECENCY_POINTS * 0.5 ** (age / RECENCY_HALF_LIFE_DAYS), 3),
                }
            )
        claim.flagged = bool(provisions or listed)
        claim.rank = round(sum(e["points"] for e in evidence), 3)
        claim.flags = {"provisions": provisions, "listed": listed, "evidence": evidence}
