"""Linking document entities to list entries with the screening engine."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sanctionwatch.exc import InputError
from sanctionwatch.names import Screener, clean_countries
from sanctionwatch.store import Store

__all__ = ["COMPATIBLE_SCHEMATA", "StoreLinker"]

#: Which list schemata an extraction entity type may be linked to.
COMPATIBLE_SCHEMATA: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": frozenset({"Organization", "Company", "LegalEntity", "PublicBody"}),
    "Vessel": frozenset({"Vessel"}),
}

#: Links reported per entity at most.
MAX_LINKS = 10


# FollowTheMoney schemata of list entries -> extraction entity types.
_SCHEMA_TYPES = {
    schema: etype for etype, schemata in COMPATIBLE_SCHEMATA.items() for schema in schemata
}


class StoreLinker:
    """Link names to the active list snapshots in a store, with the screening engine.

    Names are compared by :class:`sanctionwatch.names.Screener` (matcher
    ``sanctionwatch.matcher.v1``): transliterations, scripts, name order, typos and spelling
    variants match; a surname alone never links. The index of the active lists is built when the
    linker first links a name (or read from ``index_dir``); a linker made before a list is loaded
    does not see it: make a new one.

    :param store: the store holding the list snapshots.
    :param threshold: the lowest score linked.
    :param index_dir: where built indexes are kept (``settings.INDEX_DIR`` in the surfaces);
        ``None`` builds the index in memory.
    """

    NAME = "sanctionwatch.linker.screen.v1"

    def __init__(
        self, store: Store, *, threshold: float = 0.9, index_dir: Path | None = None
    ) -> None:
        self.store = store
        self.threshold = threshold
        self.index_dir = index_dir
        self._screener: Screener | None = None

    @property
    def screener(self) -> Screener:
        """The screener over the store's active lists (built on first use)."""
        if self._screener is None:
            self._screener = Screener.from_store(self.store, cache_dir=self.index_dir)
        return self._screener

    def listed_names(self) -> list[tuple[str, str]]:
        """Every name (and alias) on the active lists, as ``(name, entity type)``, for the
        nlp stage's gazetteer."""
        out: list[tuple[str, str]] = []
        for record in self.screener.index.records:
            etype = _SCHEMA_TYPES.get(record.schema)
            if etype is not None:
                out.extend((name, etype) for name in record.names)
        return out

    def link(
        self, name: str, *, entity_type: str, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        """Contract link objects for the list entries this name matches, best first.

        :param entity_type: the extraction type (Person, Organization, Vessel); other types
            are never linked.
        :param countries: ISO codes of the entity's countries; a listed entry of another
            country scores lower.
        """
        schemata = COMPATIBLE_SCHEMATA.get(entity_type)
        if not schemata or not name or not name.strip():
            return []
        try:
            codes = clean_countries([c for c in countries if c])
        except InputError:  # a country the model misread says nothing about the list entry
            codes = ()
        try:
            matches = self.screener.screen(
                name, schema=entity_type, country=codes, threshold=self.threshold, limit=MAX_LINKS
            )
        except InputError:
            return []
        links = [
            {
                "dataset": m.dataset,
                "list_id": m.list_id,
                "name": m.name,
                "score": m.score,
                "programs": list(m.programs),
                "explanation": f"{name!r} ~ listed {m.name!r}: {m.explanation}",
            }
            for m in matches
            if m.schema in schemata
        ]
        return sorted(links, key=lambda link: (-link["score"], link["list_id"]))
