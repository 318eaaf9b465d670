"""Alerts: rules kept in the store, evaluated on what is new, delivered to the console, a JSON
lines file or a webhook.

::

    from sanctionwatch.alerts import Rule, run_alerts

    store.save_alert_rule(Rule("dprk", "flagged-claim", {"countries": ["kp"]}).row())
    for run in run_alerts(store):
        print(run.rule, run.status, run.new)
"""

from __future__ import annotations

from sanctionwatch.alerts._deliver import DEFAULT_RETRY, Retry, Undelivered, deliver
from sanctionwatch.alerts._evaluate import Alert, evaluate
from sanctionwatch.alerts._rules import CHANGE_KINDS, CHANNELS, RULE_TYPES, Rule, load_rules
from sanctionwatch.alerts._run import RuleRun, run_alerts

__all__ = [
    "CHANGE_KINDS",
    "CHANNELS",
    "DEFAULT_RETRY",
    "RULE_TYPES",
    "Alert",
    "Retry",
    "Rule",
    "RuleRun",
    "Undelivered",
    "deliver",
    "evaluate",
    "load_rules",
    "run_alerts",
]
