"""Alert rules: what to watch for and where to send it, checked once, kept in the store.

A rules file (``sanctionwatch alerts import FILE``) is YAML::

    rules:
      - name: dprk-arms
        type: flagged-claim
        countries: [kp, ru]
        channel: webhook
        target: https://hooks.example.org/sanctions
      - name: vessels
        type: listed-vessel
        channel: jsonl
        target: alerts.jsonl

Rule types and the parameters each reads:

- ``flagged-claim``: a flagged claim with new reports; ``countries`` (a party of the claim is of
  one of them), ``entities``;
- ``listed-vessel``: a listed vessel named in a new report;
- ``list-change``: a watched party newly listed, delisted or amended in a list diff;
  ``entities`` (names) and ``list_ids`` to watch (none: every change), ``changes``
  (``added``, ``removed``, ``amended``);
- ``claim-denial``: a new denial of a tracked claim;
- ``claim-source``: a new supporting source for a tracked claim.

Claims are tracked by ``claims`` (keys or their start), ``entities`` (a party's name or key),
``countries`` and ``flagged``; with none of these every claim is tracked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError, InputNotFound

__all__ = ["CHANGE_KINDS", "CHANNELS", "RULE_TYPES", "Rule", "load_rules"]

#: Rule type -> what it fires on.
RULE_TYPES: dict[str, str] = {
    "flagged-claim": "a flagged claim, involving the given countries, with new reports",
    "listed-vessel": "a listed vessel named in a new report",
    "list-change": "a watched party newly listed, delisted or amended",
    "claim-denial": "a new denial of a tracked claim",
    "claim-source": "a new source for a tracked claim",
}
#: Where alerts go: printed, appended to a JSON lines file, or POSTed to a URL.
CHANNELS = ("console", "jsonl", "webhook")
#: The kinds of list change.
CHANGE_KINDS = ("added", "removed", "amended")
_LIST_PARAMS = ("countries", "entities", "claims", "list_ids", "changes")
_PARAMS = frozenset({*_LIST_PARAMS, "flagged"})


@dataclass(frozen=True)
class Rule:
    """One alert rule.

    :param params: ``countries``, ``entities``, ``claims``, ``list_ids``, ``changes`` (lists of
        strings) and ``flagged`` (bool), as the type reads them.
    :param channel: ``console``, ``jsonl`` or ``webhook``.
    :param target: the file (``jsonl``) or URL (``webhook``).
    """

    name: str
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    channel: str = "console"
    target: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        where = f"alert rule {self.name!r}"
        if not self.name or not isinstance(self.name, str):
            raise ConfigError("an alert rule needs a name")
        if self.type not in RULE_TYPES:
            raise ConfigError(
                f"{where}: unknown type {self.type!r}; one of {', '.join(RULE_TYPES)}"
            )
        if self.channel not in CHANNELS:
            raise ConfigError(
                f"{where}: unknown channel {self.channel!r}; one of {', '.join(CHANNELS)}"
            )
        if self.channel == "jsonl" and not self.target:
            raise ConfigError(f"{where}: a jsonl rule needs a target file")
        if self.channel == "webhook" and not (
            self.target and self.target.startswith(("http://", "https://"))
        ):
            raise ConfigError(f"{where}: a webhook rule needs an http(s) URL as target")
        unknown = set(self.params) - _PARAMS
        if unknown:
            raise ConfigError(f"{where}: unknown parameter(s) {', '.join(sorted(unknown))}")
        for key in _LIST_PARAMS:
            value = self.params.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
        bad = set(self.params.get("changes", [])) - set(CHANGE_KINDS)
        if bad:
            raise ConfigError(f"{where}: changes must be among {', '.join(CHANGE_KINDS)}")
        if not isinstance(self.params.get("flagged", False), bool):
            raise ConfigError(f"{where}: flagged must be true or false")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rule:
        """A rule from a mapping (a YAML entry or a store row)."""
        if not isinstance(data, Mapping):
            raise ConfigError(f"an alert rule must be a mapping, not {data!r}")
        params = dict(data.get("params") or {})
        for key in _PARAMS:
            if key in data:
                params[key] = data[key]
        if "countries" in params and isinstance(params["countries"], list):
            params["countries"] = [str(c).lower() for c in params["countries"]]
        known = {"name", "type", "params", "channel", "target", "id", *_PARAMS}
        extra = set(data) - known - {"created_at", "last_run_at", "last_log_id", "last_change_id"}
        if extra:
            raise ConfigError(f"alert rule {data.get('name')!r}: unknown field(s) {sorted(extra)}")
        return cls(
            name=str(data.get("name") or ""),
            type=str(data.get("type") or ""),
            params={k: v for k, v in params.items() if v not in (None, [], False)},
            channel=str(data.get("channel") or "console"),
            target=data.get("target"),
            id=data.get("id"),
        )

    def row(self) -> dict[str, Any]:
        """The ``alert_rules`` row."""
        return {
            "name": self.name,
            "type": self.type,
            "params": self.params,
            "channel": self.channel,
            "target": self.target,
        }


def load_rules(path: Path | str) -> list[Rule]:
    """Read and check a YAML file of rules (all of them, before any is used)."""
    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    except FileNotFoundError as e:
        raise InputNotFound("no such file", path=where) from e
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read rules: {e}", path=where) from e
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError("expected a mapping with a 'rules' list", path=where)
    try:
        rules = [Rule.from_dict(entry) for entry in entries]
    except ConfigError as e:
        raise ConfigError(e.message, path=where) from e
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ConfigError("rule names must be unique", path=where)
    return rules
