"""Evaluating a rule on what is new: each match is an :class:`Alert` keyed by its item, so that
the same claim, source, vessel sighting or list change fires a rule only once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.alerts._rules import Rule
from sanctionwatch.resolve import publisher_of, same_name

__all__ = ["Alert", "evaluate"]


@dataclass(frozen=True)
class Alert:
    """One thing a rule fired on.

    :param item: what it is about, unique per rule (``claim:<key>``, ``source:<key>:<doc>``,
        ``denial:<key>:<doc>``, ``vessel:<key>:<doc>``, ``change:<id>``).
    """

    rule: str
    type: str
    item: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        """What is delivered."""
        return {
            "rule": self.rule,
            "type": self.type,
            "item": self.item,
            "title": self.title,
            "data": self.data,
        }


def _party_matches(party: Mapping[str, Any], wanted: str) -> bool:
    if party["key"] == wanted:
        return True
    return any(same_name(n, wanted, schema=party["type"]) for n in [party["name"], *party["names"]])


def _involves_countries(parties: list[Mapping[str, Any]], countries: list[str]) -> bool:
    return any(set(p["countries"]) & set(countries) for p in parties)


def _tracked(rule: Rule, claim: Mapping[str, Any]) -> bool:
    p = rule.params
    parties = claim["parties"]
    if p.get("flagged") and not claim["flagged"]:
        return False
    if p.get("claims") and not any(claim["key"].startswith(k) for k in p["claims"]):
        return False
    if p.get("countries") and not _involves_countries(parties, p["countries"]):
        return False
    return not p.get("entities") or any(
        _party_matches(party, e) for party in parties for e in p["entities"]
    )


def _claim(row: Mapping[str, Any]) -> dict[str, Any]:
    keep = ("key", "title", "summary", "flagged", "rank", "supporters", "deniers",
            "modalities", "first_seen", "last_seen")  # fmt: skip
    out = {k: row[k] for k in keep}
    out["provisions"] = [p["provision"] for p in (row["flags"] or {}).get("provisions", [])]
    out["listed"] = [
        f"{p['name']} ({p['dataset']} {p['list_id']})"
        for p in (row["flags"] or {}).get("listed", [])
    ]
    out["parties"] = [
        {"name": p["name"], "role": p["role"], "key": p["key"]} for p in row["parties"]
    ]
    return out


def _document(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "document_id": row["document_id"],
        "title": row["document_title"],
        "url": row["url"],
        "publisher": publisher_of(row["url"], row.get("publisher")),
    }


def _claim_alerts(rule: Rule, feed: Mapping[str, Any]) -> list[Alert]:
    out: dict[str, Alert] = {}
    for row in feed["claim_events"]:
        if not _tracked(rule, row):
            continue
        claim = _claim(row)
        if rule.type == "flagged-claim":
            if row["flagged"]:
                item = f"claim:{row['key']}"
                out.setdefault(item, Alert(rule.name, rule.type, item, row["summary"], claim))
            continue
        stance = "deny" if rule.type == "claim-denial" else "support"
        if row["stance"] != stance:
            continue
        kind = "denial" if stance == "deny" else "source"
        item = f"{kind}:{row['key']}:{row['document_id']}"
        doc = _document(row)
        title = f"new {kind} ({doc['publisher'] or doc['title']}): {row['summary']}"
        data = {**claim, "document": doc, "modality": row["modality"], "text": row["text"]}
        out.setdefault(item, Alert(rule.name, rule.type, item, title, data))
    return list(out.values())


def _vessel_alerts(rule: Rule, feed: Mapping[str, Any]) -> list[Alert]:
    out: dict[str, Alert] = {}
    for row in feed["vessels"]:
        item = f"vessel:{row['key']}:{row['document_id']}"
        listings = ", ".join(f"{x['dataset']} {x['list_id']}" for x in row["listings"])
        title = f"listed vessel {row['name']} ({listings}) named in {row['document_title']!r}"
        data = {"key": row["key"], "name": row["name"], "named_as": row["named_as"],
                "listings": row["listings"], "document": _document(row)}  # fmt: skip
        out.setdefault(item, Alert(rule.name, rule.type, item, title, data))
    return list(out.values())


def _change_alerts(rule: Rule, feed: Mapping[str, Any]) -> list[Alert]:
    names = list(rule.params.get("entities", []))
    ids = set(rule.params.get("list_ids", []))
    kinds = set(rule.params.get("changes", []))
    out = []
    for row in feed["changes"]:
        if kinds and row["change"] not in kinds:
            continue
        watched = not names and not ids
        watched = watched or row["list_id"] in ids
        watched = watched or any(same_name(row["caption"], n, schema=row["schema"]) for n in names)
        if not watched:
            continue
        title = f"{row['caption']} {row['change']} on {row['dataset']} ({row['list_id']})"
        data = {k: row[k] for k in ("dataset", "list_id", "caption", "schema", "change", "fields")}
        out.append(Alert(rule.name, rule.type, f"change:{row['id']}", title, data))
    return out


def evaluate(rule: Rule, feed: Mapping[str, Any]) -> list[Alert]:
    """The alerts ``rule`` fires on ``feed`` (see :func:`sanctionwatch.store._alerts.feed`)."""
    if rule.type == "listed-vessel":
        return _vessel_alerts(rule, feed)
    if rule.type == "list-change":
        return _change_alerts(rule, feed)
    return _claim_alerts(rule, feed)
