"""The Linker protocol: how the nlp stage asks for an entity's sanctions-list matches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

__all__ = ["LINKABLE_TYPES", "Linker", "listed_names"]

#: Entity types the nlp stage asks a linker about.
LINKABLE_TYPES = frozenset({"Person", "Organization", "Vessel"})


class Linker(Protocol):
    """Finds the list entries a name matches (implemented in ``sanctionwatch.resolve``)."""

    def link(
        self, name: str, *, entity_type: str, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        """Contract link dicts (dataset, list_id, name, score, programs, explanation), best
        first, only those above the configured threshold."""
        ...


def listed_names(linker: Linker | None) -> Iterable[tuple[str, str]]:
    """The ``(name, entity type)`` pairs a linker's lists hold, for the gazetteer; none when the
    linker does not say (its optional ``listed_names()`` method)."""
    method = getattr(linker, "listed_names", None)
    return method() if callable(method) else ()
