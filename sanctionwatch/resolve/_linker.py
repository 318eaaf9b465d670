"""Linking document entities to list entries by their normalised names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sanctionwatch.names import name_key
from sanctionwatch.store import Store

__all__ = ["COMPATIBLE_SCHEMATA", "StoreLinker"]

#: Which list schemata an extraction entity type may be linked to.
COMPATIBLE_SCHEMATA: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": frozenset({"Organization", "Company", "LegalEntity"}),
    "Vessel": frozenset({"Vessel"}),
}

#: A person's name needs at least this many parts to be linked: a surname alone says nothing.
MIN_PERSON_TOKENS = 2


class StoreLinker:
    """Link names to the active list snapshots in a store, by exact normalised name.

    Name order, case, diacritics, hyphens and apostrophes are ignored; nothing else is.
    This is the sanctionwatch.linker.exact.v1 strategy.

    :param store: the store holding the list snapshots.
    :param threshold: the lowest score reported.
    """

    NAME = "sanctionwatch.linker.exact.v1"

    def __init__(self, store: Store, *, threshold: float = 0.9) -> None:
        self.store = store
        self.threshold = threshold
        self._cache: dict[str, list[dict[str, Any]]] = {}

    def link(
        self, name: str, *, entity_type: str, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        """Contract link objects for the list entries this name matches, best first."""
        schemata = COMPATIBLE_SCHEMATA.get(entity_type)
        key = name_key(name)
        if not schemata or not key:
            return []
        if entity_type == "Person" and len(key.split()) < MIN_PERSON_TOKENS:
            return []
        if key not in self._cache:
            self._cache[key] = self.store.active_entries_by_key(key)
        links: dict[tuple[str, str], dict[str, Any]] = {}
        for row in self._cache[key]:
            if row["schema"] not in schemata:
                continue
            score = 1.0  # an exact key match; fuzzy scores arrive with the screening engine
            ident = (row["dataset"], row["list_id"] or row["entity_id"])
            links.setdefault(
                ident,
                {
                    "dataset": row["dataset"],
                    "list_id": row["list_id"] or row["entity_id"],
                    "name": row["name"],
                    "score": score,
                    "programs": list(row["programs"]),
                    "explanation": (
                        f"name {name!r} = listed {row['name']!r} "
                        f"(same parts after normalising: {key}); "
                        "no other attributes compared"
                    ),
                },
            )
        return sorted(links.values(), key=lambda link: (-link["score"], link["list_id"]))
