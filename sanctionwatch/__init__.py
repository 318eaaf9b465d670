"""sanctionwatch: sanctions monitoring from open sources."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from sanctionwatch.exc import SanctionwatchError

__all__ = ["SanctionwatchError", "__version__"]

try:
    __version__ = version("sanctionwatch")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
