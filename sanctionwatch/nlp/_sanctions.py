"""Sanctions relevance: which loaded regime's prohibitions an event falls under.

Two kinds of reason, both from ``regimes.yaml``: a regime rule (an event type moving a class of
items to or from the regime's country, e.g. arms exported by the DPRK, refined petroleum
supplied to it, or any goods moved by ship-to-ship transfer), and dealing with a party linked
to a sanctions list (the US, UK and EU unilateral regimes, and the UN asset freeze).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sanctionwatch.nlp._lexicon import Item, listed_party_table, regimes

__all__ = ["sanctions_for"]


def _countries(entities: Sequence[Any]) -> set[str]:
    return {c for e in entities for c in e.country}


def sanctions_for(
    event_type: str,
    items: Sequence[Item],
    actors: Sequence[Any],
    targets: Sequence[Any],
    links: dict[str, list[dict[str, Any]]],
    *,
    text: str = "",
) -> list[dict[str, str]]:
    """The sanctions reasons for an event.

    :param actors: the event's actor entities (with ``id``, ``name`` and ``country``).
    :param targets: its target entities.
    :param links: list links by entity id.
    :param text: the sentence the event was read from (for rules with a ``context``).
    """
    out: list[dict[str, str]] = []
    classes = {c for i in items for c in i.classes}
    sides = {"from": _countries(actors), "to": _countries(targets)}
    sides["either"] = sides["from"] | sides["to"]
    lower = text.lower()
    for regime in regimes():
        for rule in regime.rules:
            if event_type not in rule.event_types or not rule.classes & (classes or {"any"}):
                continue
            if "any" not in rule.classes and not classes:
                continue
            if rule.context and not any(c in lower for c in rule.context):
                continue
            if regime.country in sides[rule.direction]:
                entry = {"regime": regime.id, "provision": rule.provision, "reason": rule.reason}
                if entry not in out:
                    out.append(entry)
    reason, datasets = listed_party_table()
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
