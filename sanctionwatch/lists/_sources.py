"""Where each authority publishes its list: the table in ``data/list_sources.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError

__all__ = ["ListSource", "SourceFile", "load_sources"]


@dataclass(frozen=True)
class SourceFile:
    """One file of a source: the name it is saved under and its official address."""

    name: str
    url: str


@dataclass(frozen=True)
class ListSource:
    """An authority's list: our short name, its dataset, its files; the first file is parsed."""

    name: str
    title: str
    dataset: str
    files: tuple[SourceFile, ...]
    format: str | None = None


def _source(name: str, raw: Any, where: str) -> ListSource:
    if not isinstance(raw, dict):
        raise ConfigError(f"source {name!r} must be a mapping", path=where)
    try:
        files = tuple(SourceFile(name=str(f["name"]), url=str(f["url"])) for f in raw["files"])
        dataset = str(raw["dataset"])
    except (KeyError, TypeError) as e:
        raise ConfigError(
            f"source {name!r} needs dataset and files[name, url]: {e}", path=where
        ) from e
    if not files:
        raise ConfigError(f"source {name!r} has no files", path=where)
    for f in files:
        if Path(f.name).name != f.name or f.name.startswith("."):
            raise ConfigError(
                f"source {name!r}: file name {f.name!r} is not a plain name", path=where
            )
    return ListSource(
        name=name,
        title=str(raw.get("title", name)),
        dataset=dataset,
        files=files,
        format=raw.get("format"),
    )


def load_sources(path: Path | None = None) -> dict[str, ListSource]:
    """Read the sources table: the bundled one, or another YAML file of the same shape."""
    if path is None:
        text = (resources.files("sanctionwatch") / "data" / "list_sources.yaml").read_text("utf-8")
        where = "sanctionwatch/data/list_sources.yaml"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as e:
            raise ConfigError(f"cannot read sources: {e.strerror}", path=str(path)) from e
        where = str(path)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"not valid YAML: {e}".splitlines()[0], path=where) from e
    if not isinstance(raw, dict):
        raise ConfigError("must map source names to sources", path=where)
    return {str(name): _source(str(name), value, where) for name, value in raw.items()}
