"""``alerts run``: evaluate every rule on what is new since its last run, deliver, remember."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from sanctionwatch.alerts._deliver import DEFAULT_RETRY, Retry, Sleep, Undelivered, Write, deliver
from sanctionwatch.alerts._evaluate import evaluate
from sanctionwatch.alerts._rules import Rule
from sanctionwatch.exc import NotFound
from sanctionwatch.store import Store

__all__ = ["RuleRun", "run_alerts"]


@dataclass
class RuleRun:
    """What one rule did in a run.

    :param status: ``delivered``, ``failed`` (kept and tried again next run) or ``quiet``.
    :param new: alerts fired for the first time; ``retried``: earlier ones that had failed.
    """

    rule: str
    type: str
    channel: str
    status: str = "quiet"
    new: int = 0
    retried: int = 0
    attempts: int = 0
    message: str = ""
    alerts: list[dict[str, Any]] = field(default_factory=list)


def run_alerts(
    store: Store,
    *,
    names: Sequence[str] = (),
    retry: Retry = DEFAULT_RETRY,
    client: httpx.Client | None = None,
    write: Write | None = None,
    sleep: Sleep = time.sleep,
) -> list[RuleRun]:
    """Run the rules (all, or those in ``names``) on what is new since each one's last run.

    Each item fires a rule once. Alerts whose delivery failed are kept and tried again on the
    next run; every rule's cursor moves on either way. What a rule fired and its new cursor are
    stored in one transaction after delivery, so a crash in between delivers again (at least
    once, never lost).
    """
    rows = store.alert_rules()
    unknown = sorted(set(names) - {r["name"] for r in rows})
    if unknown:
        raise NotFound(f"no alert rule(s) {', '.join(unknown)}")
    feeds: dict[tuple[int, int], dict[str, Any]] = {}
    runs: list[RuleRun] = []
    for row in rows:
        if names and row["name"] not in names:
            continue
        rule = Rule.from_dict(row)
        cursor = (row.get("last_log_id") or 0, row.get("last_change_id") or 0)
        if cursor not in feeds:
            feeds[cursor] = store.alert_feed(after_log_id=cursor[0], after_change_id=cursor[1])
        feed = feeds[cursor]
        logged = store.alert_log(row["id"])
        failed = [entry for entry in logged.values() if entry["status"] == "failed"]
        fresh = [a for a in evaluate(rule, feed) if a.item not in logged]
        run = RuleRun(rule.name, rule.type, rule.channel, new=len(fresh), retried=len(failed))
        items = [(e["item"], e["payload"]) for e in failed] + [(a.item, a.payload()) for a in fresh]
        run.alerts = [payload for _, payload in items]
        if items:
            try:
                run.attempts = deliver(
                    rule.name, rule.type, rule.channel, rule.target, run.alerts,
                    client=client, retry=retry, write=write, sleep=sleep,
                )  # fmt: skip
                run.status = "delivered"
            except Undelivered as e:
                run.status, run.attempts, run.message = "failed", e.attempts, e.message
        entries = [
            {"item": item, "payload": payload, "status": run.status, "attempts": run.attempts,
             "message": run.message or None}
            for item, payload in items
        ]  # fmt: skip
        store.record_alerts(row["id"], entries, log_id=feed["log_id"], change_id=feed["change_id"])
        runs.append(run)
    return runs
