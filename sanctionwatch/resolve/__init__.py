"""Resolve: tie document entities to list entries (and, later, to each other across documents)."""

from __future__ import annotations

from sanctionwatch.resolve._linker import COMPATIBLE_SCHEMATA, StoreLinker

__all__ = ["COMPATIBLE_SCHEMATA", "StoreLinker"]
