"""Alert rules: checked when made, read from YAML, kept in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.alerts import Rule, load_rules
from sanctionwatch.exc import ConfigError, InputNotFound
from sanctionwatch.store import Store

YAML = """
rules:
  - name: dprk-arms
    type: flagged-claim
    countries: [KP, ru]
    channel: webhook
    target: https://hooks.example.org/x
  - name: vessels
    type: listed-vessel
    channel: jsonl
    target: alerts.jsonl
  - name: watch
    type: list-change
    entities: [Kim Yo Jong]
    changes: [added, removed]
"""


def test_rules_load_yaml(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(YAML)
    rules = load_rules(path)
    assert [r.name for r in rules] == ["dprk-arms", "vessels", "watch"]
    assert rules[0].params == {"countries": ["kp", "ru"]}
    assert rules[1].channel == "jsonl" and rules[1].target == "alerts.jsonl"
    assert rules[2].params == {"entities": ["Kim Yo Jong"], "changes": ["added", "removed"]}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "type": "nope"}, "unknown type"),
        ({"name": "x", "type": "listed-vessel", "channel": "pigeon"}, "unknown channel"),
        ({"name": "x", "type": "listed-vessel", "channel": "jsonl"}, r"needs a target file"),
        ({"name": "x", "type": "listed-vessel", "channel": "webhook", "target": "ftp://h"},
         "URL as target"),
        ({"name": "x", "type": "list-change", "changes": ["renamed"]}, "changes must be"),
        ({"name": "x", "type": "list-change", "countries": "kp"}, "list of strings"),
        ({"name": "x", "type": "list-change", "colour": "red"}, "unknown field"),
        ({"type": "list-change"}, "needs a name"),
    ],
)  # fmt: skip
def test_rules_reject_bad_entries(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Rule.from_dict(entry)


def test_rules_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_rules(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {name: a, type: nope}\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml"):
        load_rules(bad)
    twice = tmp_path / "twice.yaml"
    twice.write_text(
        "rules:\n  - {name: a, type: listed-vessel}\n  - {name: a, type: listed-vessel}\n"
    )
    with pytest.raises(ConfigError, match="unique"):
        load_rules(twice)


def test_rules_saved_replaced_and_removed(store: Store) -> None:
    store.save_alert_rule(Rule("a", "listed-vessel").row())
    store.save_alert_rule(Rule("a", "claim-source", {"flagged": True}).row())
    [row] = store.alert_rules()
    assert Rule.from_dict(row).params == {"flagged": True}
    assert row["last_run_at"] is None
    assert store.remove_alert_rule("a") and not store.remove_alert_rule("a")
    assert store.alert_rules() == []
