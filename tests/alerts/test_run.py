"""Each rule type fires once on new data and not again."""

from __future__ import annotations

from sanctionwatch.alerts import Rule
from sanctionwatch.jobs import resolve_graph
from sanctionwatch.store import Store
from tests.alerts.conftest import Runner, arms_report
from tests.conftest import make_issue
from tests.graphhelpers import entity, link, save

ARMS = "North Korea shipped thousands of containers of munitions to Russia, researchers say."
MORE = "Officials in Washington said Pyongyang keeps supplying artillery shells to Moscow."
DENIAL = "North Korea denied supplying any weapons to Russia and called the reports a smear."


def test_run_flagged_claim_fires_once(store: Store, run_rule: Runner, lines: list[str]) -> None:
    arms_report(store, "a.example", ARMS)
    rule = Rule("dprk", "flagged-claim", {"countries": ["kp"]})
    first = run_rule(rule)
    assert (first.new, first.status) == (1, "delivered")
    assert lines == ["[dprk] North Korea supplies munitions to Russia: asserted by 1\n"]
    assert run_rule(rule).new == 0
    arms_report(store, "b.example", MORE)  # a new report of the same claim: already fired
    assert run_rule(rule).new == 0
    elsewhere = Rule("elsewhere", "flagged-claim", {"countries": ["ir"]})
    assert run_rule(elsewhere).new == 0


def test_run_listed_vessel_fires_once_per_report(store: Store, run_rule: Runner) -> None:
    vessel = entity("e1", "Vessel", "Paek Yang San", links=[link("KPv.009", "PAEK YANG SAN")])
    save(store, "The tanker Paek Yang San loaded fuel.", [vessel], title="one")
    save(store, "The ship Angara sailed.", [entity("e1", "Vessel", "Angara")], title="other")
    resolve_graph(store)
    rule = Rule("vessels", "listed-vessel")
    first = run_rule(rule)
    assert first.new == 1
    assert first.alerts[0]["data"]["listings"][0]["list_id"] == "KPv.009"
    assert run_rule(rule).new == 0
    save(store, "Paek Yang San was seen off Nampo.", [vessel], title="two")
    resolve_graph(store)
    again = run_rule(rule)
    assert again.new == 1 and again.alerts[0]["data"]["document"]["title"] == "two"
    assert run_rule(rule).new == 0


def test_run_list_change_fires_once_for_watched_party(store: Store, run_rule: Runner) -> None:
    people = [("Person", "KPi.024", ["KIM YONG CHOL"], "DPRK")]
    store.save_list_issue(make_issue(people))
    rule = Rule("watch", "list-change", {"entities": ["Kim Yo Jong"]})
    assert run_rule(rule).new == 0
    listed = [*people, ("Person", "KPi.099", ["KIM YO JONG"], "DPRK")]
    store.save_list_issue(make_issue(listed, sha256="1" * 64))
    first = run_rule(rule)
    assert first.new == 1
    assert first.alerts[0]["title"] == "KIM YO JONG added on un_sc (KPi.099)"
    assert run_rule(rule).new == 0
    store.save_list_issue(make_issue(people, sha256="2" * 64))
    delisted = run_rule(rule)
    assert delisted.new == 1 and delisted.alerts[0]["data"]["change"] == "removed"
    every = Rule("every", "list-change", {"changes": ["added", "removed"]})
    assert run_rule(every).new == 2


def test_run_claim_denial_fires_once(store: Store, run_rule: Runner) -> None:
    arms_report(store, "a.example", ARMS)
    rule = Rule("denials", "claim-denial", {"entities": ["North Korea"]})
    assert run_rule(rule).new == 0
    arms_report(store, "kcna.example", DENIAL, modality="denied")
    first = run_rule(rule)
    assert first.new == 1
    assert first.alerts[0]["title"].startswith("new denial (kcna.example): North Korea supplies")
    assert first.alerts[0]["data"]["deniers"] == 1
    assert run_rule(rule).new == 0


def test_run_claim_source_fires_once_per_source(store: Store, run_rule: Runner) -> None:
    arms_report(store, "a.example", ARMS)
    rule = Rule("sources", "claim-source", {"flagged": True})
    assert run_rule(rule).new == 1
    assert run_rule(rule).new == 0
    arms_report(store, "b.example", MORE)
    arms_report(store, "kcna.example", DENIAL, modality="denied")  # a denial is not a source
    again = run_rule(rule)
    assert again.new == 1
    assert again.alerts[0]["data"]["document"]["publisher"] == "b.example"
    assert again.alerts[0]["data"]["supporters"] == 2
    assert run_rule(rule).new == 0


def test_run_moves_each_rules_cursor(store: Store, run_rule: Runner) -> None:
    arms_report(store, "a.example", ARMS)
    run_rule(Rule("sources", "claim-source"))
    [row] = store.alert_rules()
    assert row["last_log_id"] == 1 and row["last_run_at"] is not None
