"""Read OpenSanctions FollowTheMoney JSON lines, so that any OpenSanctions dataset can be loaded.

OpenSanctions exports each dataset as JSON lines, one entity per line (``entities.ftm.json``)
or one designated party per line with related entities nested in its properties
(``targets.nested.json``). A line is ``{"id", "schema", "properties": {prop: [values]}}``, and
OpenSanctions adds ``caption``, ``datasets``, ``target``, ``first_seen``, ``last_seen`` and
``last_change``. Any plain FollowTheMoney JSON lines file reads too.

Ids are kept as published (they are already stable). Nested entities are pulled out into
entities of their own and referenced by id; one nested under a reverse property (a Sanction
under ``sanctions``) gets the reference back to its parent. Entities of a target schema
(Person, Organization, Vessel, ...) are kept only when they are designated parties: a line
whose ``target`` is false, or a nested party not marked ``target``, is left out (and counted
in ``stats["not_targets"]``), so that relatives and owners never become list entries.

The dataset is ``opensanctions:<name>`` for the one name all entities' ``datasets`` share,
else ``opensanctions``; the
issue date is the latest ``last_seen`` (the export's run), else the latest ``last_change``.
A line that is not JSON, not an object, or has an unknown schema is skipped and named in
:attr:`ListIssue.warnings`; a last line cut short, or more bad lines than good, raises
:class:`ListFormatError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import FollowTheMoneyException
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import ListFormatError
from sanctionwatch.lists._common import HashedFile
from sanctionwatch.lists._ftm import parse_date
from sanctionwatch.lists._issue import TARGET_SCHEMATA, ListIssue

__all__ = ["DEFAULT_DATASET", "parse", "sniff"]

DEFAULT_DATASET = "opensanctions"
_MARK = re.compile(
    rb'^\s*\{[^\n]*"schema"\s*:[^\n]*"properties"\s*:|'
    rb'^\s*\{[^\n]*"properties"\s*:[^\n]*"schema"\s*:'
)


def sniff(head: bytes, name: str) -> bool:
    """Does the file start with a FollowTheMoney JSON object (``schema`` and ``properties``)?"""
    return _MARK.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entities: dict[str, EntityProxy] = {}
        self.datasets: set[str] = set()
        self.seen: list[str] = []
        self.changed: list[str] = []
        self.warnings: list[str] = []
        self.not_targets = 0

    def line(self, number: int, data: Any) -> bool:
        if not isinstance(data, dict):
            self.warnings.append(f"{self.path.name}: line {number}: not a JSON object; skipped")
            return False
        if self.entity(data, number, top=True) is None:
            return False
        self.datasets.update(str(d) for d in data.get("datasets") or [])
        self.seen.extend(d for d in (parse_date(data.get("last_seen")),) if d)
        self.changed.extend(d for d in (parse_date(data.get("last_change")),) if d)
        return True

    def entity(self, data: dict[str, Any], number: int, *, top: bool) -> str | None:
        """Add one entity (and those nested in it); returns its id."""
        schema = model.get(str(data.get("schema")))
        entity_id = data.get("id")
        if schema is None or not entity_id:
            self.warnings.append(
                f"{self.path.name}: line {number}: entity {entity_id!r} has no id or an "
                f"unknown schema {data.get('schema')!r}; skipped"
            )
            return None
        proxy = model.make_entity(schema)
        proxy.id = str(entity_id)
        properties = data.get("properties")
        for name, values in properties.items() if isinstance(properties, dict) else []:
            prop = schema.get(name)
            if prop is None:
                continue
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict):
                    child = self.entity(value, number, top=False)
                    if child is None:
                        continue
                    if prop.stub and prop.reverse is not None:
                        if (nested := self.entities.get(child)) is not None:
                            nested.add(prop.reverse, proxy.id, quiet=True)
                    else:
                        proxy.add(prop, child, quiet=True, cleaned=True)
                elif value is not None:
                    proxy.add(prop, str(value), quiet=True, cleaned=True)
        designated = data.get("target", top) if top else data.get("target") is True
        if schema.name in TARGET_SCHEMATA and not designated:
            self.not_targets += 1
            return proxy.id
        self.add(proxy)
        return proxy.id

    def add(self, proxy: EntityProxy) -> None:
        known = self.entities.get(str(proxy.id))
        if known is None:
            self.entities[str(proxy.id)] = proxy
            return
        try:
            known.merge(proxy)
        except FollowTheMoneyException as e:
            self.warnings.append(f"{self.path.name}: cannot merge two {proxy.id}: {e}")


def parse(path: Path) -> ListIssue:
    """Read an OpenSanctions (or any FollowTheMoney) JSON lines file.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is truncated, binary, or mostly not FollowTheMoney JSON.
    """
    path = Path(path)
    reader = _Reader(path)
    good = bad = 0
    first_bad = 0
    with HashedFile(path) as fh:
        for number, raw in enumerate(fh.lines(), start=1):
            text = raw.strip()
            if not text:
                continue
            if b"\x00" in text:
                raise ListFormatError(f"binary content at line {number}", path=str(path))
            try:
                data = json.loads(text)
            except (ValueError, UnicodeDecodeError) as e:
                if not raw.endswith(b"\n"):
                    raise ListFormatError(
                        f"truncated: the last line ({number}) is cut short: {e}", path=str(path)
                    ) from e
                reader.warnings.append(f"{path.name}: line {number}: not valid JSON; skipped")
                bad, first_bad = bad + 1, first_bad or number
                continue
            good += reader.line(number, data)
    if bad > good:
        raise ListFormatError(
            f"not FollowTheMoney JSON lines: {bad} unreadable lines (first at line "
            f"{first_bad}), {good} readable",
            path=str(path),
        )
    dataset = DEFAULT_DATASET
    if len(reader.datasets) == 1:
        # Prefixed, so that an OpenSanctions copy of a list never replaces our own reading of
        # the authority's file (their ids differ, and a diff between them would be noise).
        dataset = f"{DEFAULT_DATASET}:{next(iter(reader.datasets))}"
    stamps = reader.seen or reader.changed
    issued = date.fromisoformat(max(stamps)[:10]) if stamps and len(max(stamps)) >= 10 else None
    issue = ListIssue(dataset=dataset, issued=issued, source=str(path), sha256=fh.hexdigest)
    issue.entities = list(reader.entities.values())
    issue.warnings = reader.warnings
    issue.stats = {"lines": good, "not_targets": reader.not_targets}
    return issue
