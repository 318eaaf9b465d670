"""Shared helpers for alert tests: a store with hand-written reports, rules, runs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch.alerts import Retry, Rule, RuleRun, run_alerts
from sanctionwatch.jobs import resolve_graph
from sanctionwatch.store import Store
from tests.graphhelpers import MUNITIONS, entity, event, save

KP = entity("e1", "Country", "North Korea", country=["kp"])
RU = entity("e2", "Country", "Russia", country=["ru"])

Runner = Callable[..., RuleRun]


def arms_report(store: Store, host: str, text: str, *, modality: str = "asserted") -> None:
    """A report that North Korea ships munitions to Russia (or denies it), graph rebuilt."""
    save(
        store, text, [KP, RU],
        [event("v1", "AID", ["e1"], ["e2"], mode="military", items=["munitions"],
               modality=modality, sanctions=[MUNITIONS])],
        title=f"{host}: {text[:20]}", url=f"https://{host}/{abs(hash(text))}",
    )  # fmt: skip
    resolve_graph(store)


@pytest.fixture
def lines() -> list[str]:
    return []


@pytest.fixture
def run_rule(store: Store, lines: list[str]) -> Runner:
    """Add (or replace) a rule and run it; returns its run."""

    def _run(rule: Rule | None = None, *, retry: Retry | None = None) -> RuleRun:
        if rule is not None:
            store.save_alert_rule(rule.row())
        names = [rule.name] if rule else []
        [result] = run_alerts(
            store, names=names, retry=retry or Retry(max_attempts=3, backoff=0.0),
            write=lines.append, sleep=lambda _: None,
        )  # fmt: skip
        return result

    return _run
