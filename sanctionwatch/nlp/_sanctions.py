"""Sanctions relevance: which loaded regime's prohibitions an event falls under.

Two kinds of reason, both from ``regimes.yaml``: a regime rule (an event type moving a
category of items to or from the regime's country, e.g. arms exported by the DPRK), and
dealing with a party linked to a sanctions list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sanctionwatch.nlp import _data

__all__ = ["sanctions_for"]


def _countries(entities: Sequence[Any]) -> set[str]:
    return {c for e in entities for c in e.country}


def sanctions_for(
    event_type: str,
    items: Sequence[_data.Item],
    actors: Sequence[Any],
    targets: Sequence[Any],
    links: dict[str, list[dict[str, Any]]],
) -> list[dict[str, str]]:
    """The sanctions reasons for an event.

    :param actors: the event's actor entities (with ``id``, ``name`` and ``country``).
    :param targets: its target entities.
    :param links: list links by entity id.
    """
    out: list[dict[str, str]] = []
    categories = {i.category for i in items}
    sides = {"from": _countries(actors), "to": _countries(targets)}
    for regime in _data.regimes():
        for rule in regime.rules:
            if event_type not in rule.event_types or rule.item_category not in categories:
                continue
            if regime.country in sides[rule.direction]:
                out.append(
                    {"regime": regime.id, "provision": rule.provision, "reason": rule.reason}
                )
    reason, datasets = _data.listed_party_table()
    for e in [*actors, *targets]:
        for link in links.get(e.id, []):
            dataset = str(link.get("dataset", ""))
            entry = {
                "regime": datasets.get(dataset, dataset.upper() or "unknown"),
                "provision": f"listed: {dataset} {link.get('list_id', '')}".strip(),
                "reason": f"{reason}: {e.name} listed as {link.get('name', e.name)}",
            }
            if entry not in out:
                out.append(entry)
    return out
