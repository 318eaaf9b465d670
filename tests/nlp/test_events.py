from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import events, names

Run = Callable[..., dict[str, Any]]


def _one(out: dict[str, Any], etype: str) -> dict[str, Any]:
    found = events(out, etype)
    assert len(found) == 1, [(v["type"], v["trigger"]) for v in out["events"]]
    return found[0]


def test_events_meet_subject_and_object(run: Run) -> None:
    out = run("Chinese President Xi Jinping met Kim Jong Un in Beijing on Tuesday.")
    v = _one(out, "CONSULT")
    assert (v["mode"], v["trigger"]) == ("meet", "met")
    assert names(out, v["actors"]) == ["Xi Jinping"]
    assert names(out, v["targets"]) == ["Kim Jong Un"]
    assert names(out, v["locations"]) == ["Beijing"]


def test_events_meet_with_target(run: Run) -> None:
    out = run("Sergei Shoigu met with Kim Jong Un during the visit.")
    v = events(out, "CONSULT")[0]
    assert names(out, v["actors"]) == ["Sergei Shoigu"]
    assert names(out, v["targets"]) == ["Kim Jong Un"]


def test_events_agree_coordinated_subjects(run: Run) -> None:
    out = run("Iran and Belarus signed a military cooperation pact last week.")
    v = _one(out, "AGREE")
    assert v["trigger"] == "signed"
    assert names(out, v["actors"]) == ["Iran", "Belarus"]


def test_events_provide_ditransitive(run: Run) -> None:
    out = run("Belarus provides Russia with artillery shells and drones.")
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["Belarus"]
    assert names(out, v["targets"]) == ["Russia"]
    assert v["items"] == ["artillery shells", "drones"]
    assert v["mode"] == "military"


def test_events_supply_to_target_economic_mode(run: Run) -> None:
    out = run("China supplied refined petroleum to North Korea.")
    v = _one(out, "AID")
    assert names(out, v["targets"]) == ["North Korea"]
    assert (v["items"], v["mode"]) == (["refined petroleum"], "economic")


def test_events_passive_agent_acts(run: Run) -> None:
    out = run("The missiles were delivered to Iran by North Korea.")
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["North Korea"]
    assert names(out, v["targets"]) == ["Iran"]
    assert v["items"] == ["missiles"]


def test_events_sanction_imposed_on_coordinated_targets(run: Run) -> None:
    out = run(
        "Japan imposed sanctions on Korea Mining Development Trading Corporation and Jo Yong Won."
    )
    v = _one(out, "SANCTION")
    assert v["trigger"] == "imposed sanctions"
    assert names(out, v["actors"]) == ["Japan"]
    assert names(out, v["targets"]) == [
        "Korea Mining Development Trading Corporation",
        "Jo Yong Won",
    ]


def test_events_sanction_verb(run: Run) -> None:
    out = run("The European Union sanctioned Ocean Maritime Management.")
    v = _one(out, "SANCTION")
    assert names(out, v["actors"]) == ["European Union"]
    assert names(out, v["targets"]) == ["Ocean Maritime Management"]


def test_events_veto(run: Run) -> None:
    out = run("China vetoed the draft resolution in the Security Council.")
    v = _one(out, "REJECT")
    assert (v["mode"], v["trigger"]) == ("veto", "vetoed")
    assert names(out, v["actors"]) == ["China"]


def test_events_veto_passive(run: Run) -> None:
    out = run("The draft was vetoed by Russia on Friday.")
    v = _one(out, "REJECT")
    assert names(out, v["actors"]) == ["Russia"]


def test_events_deny_embeds_denied_transfer(run: Run) -> None:
    out = run("Minsk denied sending drones to Russia.")
    deny = _one(out, "REJECT")
    assert (deny["mode"], deny["modality"]) == ("deny", "asserted")
    aid = _one(out, "AID")
    assert names(out, aid["actors"]) == ["Belarus"]
    assert names(out, aid["targets"]) == ["Russia"]
    assert aid["modality"] == "denied"


def test_events_reject_accusations_of_noun_event(run: Run) -> None:
    out = run("Tehran rejected accusations of weapons shipments.")
    assert _one(out, "REJECT")["mode"] == "deny"
    aid = _one(out, "AID")
    assert names(out, aid["actors"]) == ["Iran"]
    assert aid["items"] == ["weapons"]
    assert aid["modality"] == "denied"


def test_events_coordinated_objects(run: Run) -> None:
    out = run("The United Kingdom sanctioned Iran and Belarus.")
    v = _one(out, "SANCTION")
    assert names(out, v["targets"]) == ["Iran", "Belarus"]


def test_events_noun_trigger_with_possessive_actor(run: Run) -> None:
    out = run("Washington condemned Beijing's veto of the resolution.")
    veto = _one(out, "REJECT")
    assert names(out, veto["actors"]) == ["China"]


def test_events_launch_missiles_mobilize_or_assault(run: Run) -> None:
    out = run("North Korea launched two ballistic missiles. Russia fired missiles at Ukraine.")
    assert [(v["type"], v["trigger"]) for v in out["events"]] == [
        ("MOBILIZE", "launched missiles"),
        ("ASSAULT", "fired missiles"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Iran and Belarus signed the pact on 4 February 2025.", "2025-02-04"),
        ("Iran and Belarus signed the pact in January.", "2025-01"),
        ("Iran and Belarus signed the pact in June.", "2024-06"),
        ("Iran and Belarus signed the pact last month.", "2025-02"),
        ("Iran and Belarus signed the pact in 2023.", "2023"),
    ],
)
def test_events_dates_relative_to_publication(run: Run, text: str, date: str) -> None:
    assert _one(run(text), "AGREE")["date"] == date


def test_events_span_is_the_sentence(run: Run) -> None:
    text = "The talks ended. Iran and Belarus signed a pact. Nothing else happened."
    v = _one(run(text), "AGREE")
    assert text[v["start"] : v["end"]] == v["text"] == "Iran and Belarus signed a pact."
