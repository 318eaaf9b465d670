"""Names: normalise, key and compare names of people, organisations and vessels."""

from __future__ import annotations

from sanctionwatch.names._normalise import name_key, name_tokens, normalise_name

__all__ = ["name_key", "name_tokens", "normalise_name"]
