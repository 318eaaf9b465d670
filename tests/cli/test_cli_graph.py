"""The evidence graph from the command line: claims, entity, timeline, judge, reprocess, alerts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sanctionwatch.cli import main
from tests.cli.conftest import Run
from tests.httpserver import LocalServer, Route, local_server  # noqa: F401


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo loaded once for this module; each test gets a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--format", "json"]) == 0
    return path


@pytest.fixture
def demo(db: Path, demo_db: Path) -> None:
    source, target = sqlite3.connect(demo_db), sqlite3.connect(db)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def test_cli_claims_flagged_on_demo_data(run: Run) -> None:
    assert run("demo").code == 0
    result = run("claims", "--flagged", "--format", "json")
    assert result.code == 0, result.err
    claims = json.loads(result.out)
    assert claims and all(c["flagged"] for c in claims)
    for claim in claims:
        assert claim["flags"]["provisions"] or claim["flags"]["listed"]
        assert claim["sources"]["events"] and all(
            e["document_id"] for e in claim["sources"]["events"]
        )
    provisions = {p["provision"] for c in claims for p in c["flags"]["provisions"]}
    assert "UNSCR 1718 (2006) para 8(b)" in provisions
    listed = {p["list_id"] for c in claims for p in c["flags"]["listed"]}
    assert "KPi.076" in listed
    arms = next(c for c in claims if c["title"].startswith("North Korea supplies"))
    assert arms["deniers"] >= 1 and arms["supporters"] >= 1
    ranks = [c["rank"] for c in claims]
    assert ranks == sorted(ranks, reverse=True)


def test_cli_claims_text_shows_provisions_and_sources(run: Run, demo: None) -> None:
    result = run("claims", "--flagged", "--limit", "2")
    assert result.code == 0, result.err
    assert "provision UNSCR" in result.out
    assert "Korea Wire Service" in result.out and "flagged" in result.out


def test_cli_claims_for_an_entity(run: Run, demo: None) -> None:
    rows = json.loads(run("claims", "--entity", "Ri Pyong Chol", "--format", "json").out)
    assert rows and all("Ri Pyong-chol" in c["actors"] + c["targets"] for c in rows)


def test_cli_entity_and_timeline(run: Run, demo: None) -> None:
    result = run("entity", "Ri Pyong Chol", "--format", "json")
    assert result.code == 0, result.err
    profile = json.loads(result.out)
    assert profile["key"] == "list:un_sc:KPi.076"
    assert len(profile["documents"]) >= 2 and profile["events"] and profile["claims"]
    assert profile["related"]
    assert "listed un_sc KPi.076" in run("entity", "KPi.076").out
    timeline = json.loads(run("timeline", "KPi.076", "--format", "json").out)
    dates = [i["date"] for i in timeline["timeline"]]
    assert dates == sorted(dates) and {"report", "event"} <= {
        i["kind"] for i in timeline["timeline"]
    }
    assert run("timeline", "Ri Pyong Chol").code == 0


def test_cli_entity_ambiguous_or_missing(run: Run, demo: None) -> None:
    ambiguous = run("entity", "Kim")
    assert ambiguous.code == 2 and "names 3 entities" in ambiguous.err
    assert run("entity", "Nobody Atall").code == 1


def test_cli_judgement_survives_reprocess(run: Run, demo: None) -> None:
    rejected = run("judge", "reject-link", "Kim Yong Chol", "KPi.024", "--reason", "namesake",
                   "--author", "ana")  # fmt: skip
    assert rejected.code == 0, rejected.err
    merged = run("judge", "merge", "Choe Son Hui", "Sergei Lavrov", "--author", "ana")
    assert merged.code == 0, merged.err
    for _ in range(2):
        kim = json.loads(run("entity", "Kim Yong Chol", "--format", "json").out)
        assert kim["listings"] == [] and kim["key"] == "name:Person:chol kim yong"
        choe = json.loads(run("entity", "Choe Son Hui", "--format", "json").out)
        assert "Sergei Lavrov" in choe["names"]
        result = run("reprocess", "--format", "json")
        assert result.code == 0, result.err
        assert json.loads(result.out)["graph"]["judgements"] == 2
    judgements = json.loads(run("judge", "list", "--format", "json").out)
    assert [(j["kind"], j["author"]) for j in judgements] == [
        ("reject_link", "ana"),
        ("merge", "ana"),
    ]
    assert "reject_link" in run("judge", "list").out


def test_cli_judge_split_and_confirm_link(run: Run, demo: None) -> None:
    assert run("judge", "split", "Nobody", "Kim Jong Un").code == 2
    assert run("judge", "confirm-link", "Choe Son Hui", "KPi.999").code == 1
    result = run("judge", "confirm-link", "Kim Yo Jong", "un_sc:KPi.066", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["object"] == "list:un_sc:KPi.066"
    assert json.loads(run("entity", "KPi.066", "--format", "json").out)["name"] == "Kim Yo Jong"
    split = run("judge", "split", "Kim Yo Jong", "KPi.066")
    assert split.code == 0, split.err


def test_cli_alerts_add_list_run_remove(run: Run, demo: None, tmp_path: Path) -> None:
    out = tmp_path / "alerts.jsonl"
    assert run("alerts", "add", "dprk", "--type", "flagged-claim", "--country", "kp").code == 0
    assert run("alerts", "add", "src", "--type", "claim-source", "--flagged", "--channel",
               "jsonl", "--target", str(out)).code == 0  # fmt: skip
    rules = json.loads(run("alerts", "list", "--format", "json").out)
    assert [r["name"] for r in rules] == ["dprk", "src"]
    first = run("alerts", "run")
    assert first.code == 0, first.err
    assert "[dprk] North Korea supplies" in first.out
    assert out.read_text().count("\n") >= 1
    again = json.loads(run("alerts", "run", "--format", "json").out)
    assert [(r["rule"], r["new"]) for r in again] == [("dprk", 0), ("src", 0)]
    assert run("alerts", "remove", "dprk").code == 0
    assert run("alerts", "remove", "dprk").code == 1
    assert run("alerts", "add", "bad", "--type", "nope").code == 2


def test_cli_alerts_import_and_failing_webhook(
    run: Run,
    demo: None,
    tmp_path: Path,
    local_server: LocalServer,  # noqa: F811
) -> None:
    route = local_server.routes["/hook"] = Route(b"", status=500)
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - name: hook\n    type: claim-denial\n    channel: webhook\n"
        f"    target: {local_server.url('/hook')}\n"
    )
    assert run("alerts", "import", str(rules)).code == 0
    failed = run("alerts", "run", "hook", "--max-attempts", "2", "--backoff", "0")
    assert failed.code == 1 and "HTTP 500" in failed.err
    assert len(route.requests) == 2
    assert run("alerts", "run", "nosuch").code == 1
