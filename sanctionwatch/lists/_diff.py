"""What changed between two issues of a list: designations added, removed and amended."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy

from sanctionwatch.lists._issue import ListIssue

__all__ = [
    "IGNORED_PROPS",
    "Change",
    "Entry",
    "ListDiff",
    "diff_entries",
    "entries_from_issue",
    "entry_from_dicts",
]

#: Properties that identify or point rather than describe; a change in them is not an amendment.
IGNORED_PROPS = frozenset({"entity", "id", "sanctions", "indexText"})


@dataclass(frozen=True)
class Entry:
    """One designation, flattened for comparison.

    :param key: the list's own reference (or the entity id when the list has none).
    :param caption: a display name.
    :param schema: FollowTheMoney schema of the designated party.
    :param props: property -> sorted values; Sanction properties are prefixed ``sanction.``.
    """

    key: str
    caption: str
    schema: str
    props: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Change:
    """A designation added, removed or amended; ``fields`` has what was added and removed."""

    key: str
    caption: str
    schema: str
    kind: str
    fields: Mapping[str, Mapping[str, list[str]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "list_id": self.key,
            "caption": self.caption,
            "schema": self.schema,
            "change": self.kind,
            "fields": {k: dict(v) for k, v in self.fields.items()},
        }


@dataclass
class ListDiff:
    """The changes from one issue of a list to another."""

    dataset: str
    old: str
    new: str
    changes: list[Change]

    def of_kind(self, kind: str) -> list[Change]:
        """The changes of one kind: ``added``, ``removed`` or ``amended``."""
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        """How many designations were added, removed and amended."""
        return {kind: len(self.of_kind(kind)) for kind in ("added", "removed", "amended")}


def entry_from_dicts(entity: Mapping[str, Any], sanctions: Iterable[Mapping[str, Any]]) -> Entry:
    """Flatten a target entity and its Sanction records (FtM ``to_dict`` form) into an Entry."""
    props: dict[str, set[str]] = defaultdict(set)
    for prop, values in (entity.get("properties") or {}).items():
        if prop not in IGNORED_PROPS:
            props[prop].update(values)
    refs: list[str] = []
    for sanction in sanctions:
        sprops = sanction.get("properties") or {}
        refs.extend(sprops.get("authorityId") or sprops.get("unscId") or [])
        for prop, values in sprops.items():
            if prop not in IGNORED_PROPS:
                props[f"sanction.{prop}"].update(values)
    names = (entity.get("properties") or {}).get("name") or [str(entity.get("id"))]
    return Entry(
        key=sorted(refs)[0] if refs else str(entity.get("id")),
        caption=names[0],
        schema=str(entity.get("schema")),
        props={k: tuple(sorted(v)) for k, v in props.items()},
    )


def entries_from_issue(issue: ListIssue) -> dict[str, Entry]:
    """Every designation of an issue, by key."""
    sanctions: dict[str, list[EntityProxy]] = defaultdict(list)
    for entity in issue.entities:
        if entity.schema.name == "Sanction":
            for target in entity.get("entity"):
                sanctions[target].append(entity)
    entries = (
        entry_from_dicts(t.to_dict(), [s.to_dict() for s in sanctions.get(str(t.id), [])])
        for t in issue.targets()
    )
    return {e.key: e for e in entries}


def _field_changes(old: Entry, new: Entry) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for prop in sorted(set(old.props) | set(new.props)):
        before, after = set(old.props.get(prop, ())), set(new.props.get(prop, ()))
        if before != after:
            out[prop] = {"added": sorted(after - before), "removed": sorted(before - after)}
    return out


def diff_entries(
    old: Mapping[str, Entry],
    new: Mapping[str, Entry],
    *,
    dataset: str,
    old_label: str,
    new_label: str,
) -> ListDiff:
    """Compare two sets of designations keyed by list reference."""
    changes: list[Change] = []
    for key in sorted(set(new) - set(old)):
        e = new[key]
        changes.append(Change(key, e.caption, e.schema, "added"))
    for key in sorted(set(old) - set(new)):
        e = old[key]
        changes.append(Change(key, e.caption, e.schema, "removed"))
    for key in sorted(set(old) & set(new)):
        fields = _field_changes(old[key], new[key])
        if fields:
            e = new[key]
            changes.append(Change(key, e.caption, e.schema, "amended", fields))
    return ListDiff(dataset=dataset, old=old_label, new=new_label, changes=changes)
