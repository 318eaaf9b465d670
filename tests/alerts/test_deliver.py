"""Delivery: JSON lines files, and a webhook on 127.0.0.1 that retries with backoff, then stops."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from sanctionwatch.alerts import Retry, Rule, Undelivered, deliver
from sanctionwatch.store import Store
from tests.alerts.conftest import Runner, arms_report
from tests.httpserver import LocalServer, Route, local_server  # noqa: F401

ARMS = "North Korea shipped thousands of containers of munitions to Russia, researchers say."
PAYLOAD = [{"rule": "r", "type": "claim-source", "item": "x", "title": "t", "data": {}}]


def test_deliver_webhook_retries_on_500_and_stops_after_its_limit(
    store: Store,
    run_rule: Runner,
    local_server: LocalServer,  # noqa: F811
) -> None:
    route = local_server.routes["/hook"] = Route(b"oops", status=500)
    arms_report(store, "a.example", ARMS)
    rule = Rule("hook", "flagged-claim", channel="webhook", target=local_server.url("/hook"))
    failed = run_rule(rule, retry=Retry(max_attempts=3, backoff=0.0))
    assert (failed.status, failed.attempts, failed.new) == ("failed", 3, 1)
    assert "failed after 3 attempt(s): HTTP 500" in failed.message
    assert len(route.requests) == 3
    [entry] = store.alert_log(store.alert_rules()[0]["id"]).values()
    assert (entry["status"], entry["attempts"]) == ("failed", 3)

    route.status = 200  # the receiver is back: the failed alert goes, once, and nothing new
    delivered = run_rule(rule)
    assert (delivered.status, delivered.new, delivered.retried) == ("delivered", 0, 1)
    assert len(route.requests) == 4
    body = json.loads(route.requests[-1]["body"])
    assert body["rule"] == "hook" and body["alerts"][0]["item"].startswith("claim:")
    assert route.requests[-1]["Content-Type"] == "application/json"
    [entry] = store.alert_log(store.alert_rules()[0]["id"]).values()
    assert (entry["status"], entry["attempts"]) == ("delivered", 4)
    assert run_rule(rule).status == "quiet"
    assert len(route.requests) == 4


def test_deliver_webhook_backs_off_exponentially(local_server: LocalServer) -> None:  # noqa: F811
    local_server.routes["/hook"] = Route(b"", status=503)
    waits: list[float] = []
    retry = Retry(max_attempts=4, backoff=0.5, max_backoff=1.5)
    with pytest.raises(Undelivered) as failed:
        deliver("r", "t", "webhook", local_server.url("/hook"), PAYLOAD, retry=retry,
                sleep=waits.append)  # fmt: skip
    assert waits == [0.5, 1.0, 1.5]
    assert failed.value.attempts == 4


def test_deliver_webhook_does_not_retry_a_client_error(local_server: LocalServer) -> None:  # noqa: F811
    route = local_server.routes["/hook"] = Route(b"", status=404)
    with pytest.raises(Undelivered, match="refused"):
        deliver("r", "t", "webhook", local_server.url("/hook"), PAYLOAD, sleep=lambda _: None)
    assert len(route.requests) == 1


def test_deliver_webhook_unreachable_is_retried() -> None:
    waits: list[float] = []
    with httpx.Client() as client, pytest.raises(Undelivered, match="ConnectError"):
        deliver("r", "t", "webhook", "http://127.0.0.1:9/hook", PAYLOAD, client=client,
                retry=Retry(max_attempts=2, backoff=0.01), sleep=waits.append)  # fmt: skip
    assert waits == [0.01]


def test_deliver_jsonl_appends_one_line_per_alert(
    store: Store, run_rule: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "alerts" / "out.jsonl"
    arms_report(store, "a.example", ARMS)
    rule = Rule("file", "claim-source", channel="jsonl", target=str(out))
    assert run_rule(rule).status == "delivered"
    arms_report(store, "b.example", "Officials say Pyongyang keeps supplying shells to Moscow.")
    assert run_rule(rule).new == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [x["data"]["document"]["publisher"] for x in lines] == ["a.example", "b.example"]


def test_deliver_jsonl_unwritable_fails(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Undelivered, match="cannot write"):
        deliver("r", "t", "jsonl", str(blocker / "out.jsonl"), PAYLOAD)
