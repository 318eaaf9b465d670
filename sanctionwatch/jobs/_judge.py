"""Analysts' judgements: find the entities they are about, keep them, rebuild the graph."""

from __future__ import annotations

from typing import Any

from sanctionwatch.exc import InputError, NotFound
from sanctionwatch.jobs._graph import resolve_graph
from sanctionwatch.resolve import JUDGEMENT_KINDS, name_form, parse_ref
from sanctionwatch.store import Store

__all__ = ["find_entity", "judge"]


def find_entity(store: Store, ref: str, *, type: str | None = None) -> dict[str, Any]:
    """The one canonical entity ``ref`` names (an id, key, list reference or name).

    Raises :class:`NotFound` when none does and :class:`InputError` when several do.
    """
    found = store.find_entities(ref, type=type)
    if not found:
        raise NotFound(f"no entity {ref!r} in the evidence graph (run ingest or reprocess first?)")
    if len(found) > 1:
        options = "; ".join(f"{e['id']} {e['key']} ({e['name']})" for e in found[:8])
        raise InputError(f"{ref!r} names {len(found)} entities, give an id or key: {options}")
    return found[0]


def _listing(store: Store, text: str, entity: dict[str, Any] | None = None) -> str:
    """``list:<dataset>:<list_id>`` for ``dataset:list_id``, ``list_id`` or a ``list:`` ref."""
    body = text.removeprefix("list:")
    dataset, _, list_id = body.rpartition(":")
    candidates = {(link["dataset"], link["list_id"]) for link in (entity or {}).get("listings", [])}
    candidates |= {
        (row["dataset"], row["list_id"]) for row in store.iter_active_entries() if row["list_id"]
    }
    matches = sorted(
        (d, i) for d, i in candidates if i == list_id and (not dataset or d == dataset)
    )
    if not matches:
        raise NotFound(f"no list entry {text!r} among the entity's links or the active lists")
    if len(matches) > 1:
        raise InputError(f"{text!r} is on several lists, give DATASET:ID: {matches}")
    return f"list:{matches[0][0]}:{matches[0][1]}"


def _name_refs(entity: dict[str, Any], document: str | None) -> list[str]:
    keys = sorted({name_form(n).key for n in entity["names"]} - {""})
    suffix = f"@{document}" if document else ""
    if entity["key"].startswith("country:"):
        return [entity["key"] + suffix]
    return [f"name:{entity['type']}:{key}{suffix}" for key in keys]


def judge(
    store: Store,
    kind: str,
    first: str,
    second: str,
    *,
    author: str,
    reason: str = "",
    document: str | None = None,
) -> list[dict[str, Any]]:
    """Record a judgement and rebuild the graph with it; returns the judgements stored.

    - ``merge A B``: the entities A and B are one;
    - ``split NAME ENTITY``: the document entities called NAME are not ENTITY;
    - ``reject_link ENTITY LISTING``: ENTITY's names are not the list entry LISTING;
    - ``confirm_link ENTITY LISTING``: they are.

    References are stored in their stable form (keys, names, list references), so judgements
    survive reprocessing. ``document`` narrows a split or link judgement to one document.
    """
    if kind not in JUDGEMENT_KINDS:
        raise InputError(f"unknown judgement {kind!r}; one of {', '.join(JUDGEMENT_KINDS)}")
    pairs: list[tuple[str, str]] = []
    if kind == "merge":
        a, b = find_entity(store, first), find_entity(store, second)
        if a["type"] != b["type"]:
            raise InputError(f"cannot merge a {a['type']} with a {b['type']}")
        if a["key"] == b["key"]:
            raise InputError(f"{first!r} and {second!r} are already one entity ({a['key']})")
        pairs.append((a["key"], b["key"]))
    elif kind == "split":
        whole = find_entity(store, second)
        if first.partition(":")[0] in ("name", "list", "country"):
            part = str(parse_ref(first))
        else:
            key = name_form(first).key
            known = {name_form(n).key for n in whole["names"]}
            if key not in known:
                raise InputError(
                    f"{whole['name']} has no member called {first!r}; its names: "
                    + ", ".join(whole["names"])
                )
            part = f"name:{whole['type']}:{key}" + (f"@{document}" if document else "")
        pairs.append((part, whole["key"]))
    else:
        entity = find_entity(store, first)
        listing = _listing(store, second, entity)
        pairs.extend((ref, listing) for ref in _name_refs(entity, document))
    stored = store.add_judgements(
        [
            {"kind": kind, "subject": s, "object": o, "author": author, "reason": reason}
            for s, o in pairs
        ]
    )
    resolve_graph(store)
    return stored
