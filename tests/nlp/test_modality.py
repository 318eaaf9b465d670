from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., dict[str, Any]]


def _modality(out: dict[str, Any], etype: str) -> str:
    found = [v for v in out["events"] if v["type"] == etype]
    assert found, [(v["type"], v["trigger"]) for v in out["events"]]
    return str(found[0]["modality"])


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("Belarus supplied Russia with drones.", "AID", "asserted"),
        # hedges
        ("Belarus has allegedly supplied Russia with drones.", "AID", "alleged"),
        ("Belarus reportedly sent rockets to Russia.", "AID", "alleged"),
        ("Belarus is said to have shipped shells to Russia.", "AID", "alleged"),
        ("Belarus is believed to be sending fuel to Russia.", "AID", "alleged"),
        ("Belarus is suspected of supplying drones to Russia.", "AID", "alleged"),
        ("Ukraine accused Belarus of supplying drones to Russia.", "AID", "alleged"),
        ("Ukrainian intelligence estimated that Belarus had sent 300 drones to Russia.",
         "AID", "alleged"),
        # denials pointing back at a claim
        ("Minsk denied supplying drones to Russia.", "AID", "denied"),
        ("Belarus rejected accusations of arms transfers to Russia.", "AID", "denied"),
        ("Moscow dismissed claims that Belarus had sold it drones.", "AID", "denied"),
        ("Minsk denied that the tanker Vega Star had been involved in any attack on Ukraine.",
         "ASSAULT", "denied"),
        # plans and forecasts
        ("Belarus will send troops to Russia.", "AID", "expected"),
        ("Belarus is expected to send troops to Russia.", "AID", "expected"),
        ("Belarus plans to supply rockets to Russia.", "AID", "expected"),
        ("Iran is set to sign a pact with Belarus.", "AGREE", "expected"),
        ("Lukashenko said Belarus would sign a pact with Iran.", "AGREE", "expected"),
        ("Iran and Belarus agreed to expand cooperation.", "COOPERATE", "expected"),
        ("Lukashenko invited Iranian President Masoud Pezeshkian to visit Minsk.",
         "CONSULT", "expected"),
        # hypotheses and conditions
        ("Belarus could supply rockets to Russia.", "AID", "hypothetical"),
        ("If Belarus supplies rockets to Russia, the EU will respond.", "AID", "hypothetical"),
        ("Lukashenko said Belarus would strike Poland if attacked.", "ASSAULT", "hypothetical"),
        ("Any transfer of drones to Russia would breach the embargo.", "AID", "hypothetical"),
        ("Minsk will review its policy on supplying weapons to Russia.", "AID", "hypothetical"),
        # negation
        ("Belarus did not send troops to Russia.", "AID", "negated"),
        ("Belarus has never supplied weapons to Russia.", "AID", "negated"),
        ("Belarus is not expected to sign the pact with Iran.", "AGREE", "negated"),
    ],
)  # fmt: skip
def test_modality_cues(run: Run, text: str, etype: str, modality: str) -> None:
    assert _modality(run(text), etype) == modality


def test_modality_future_date_is_expected(run: Run) -> None:
    out = run("Iran and Belarus sign the pact on 4 April 2025.", published="2025-03-10")
    assert _modality(out, "AGREE") == "expected"


def test_modality_denial_itself_is_asserted(run: Run) -> None:
    out = run("Minsk denied supplying drones to Russia.")
    assert _modality(out, "REJECT") == "asserted"


def test_modality_reported_would_in_past_is_expected_not_over_conditions(run: Run) -> None:
    out = run("Lukashenko warned that Minsk would punish Warsaw if it continued the drills.")
    assert _modality(out, "THREATEN") == "asserted"


def test_modality_noun_object_keeps_its_own_mood(run: Run) -> None:
    out = run(
        "Poland said it would continue to disrupt military cooperation between Minsk and Moscow."
    )
    assert _modality(out, "COOPERATE") == "asserted"


def test_modality_possessed_event_is_given(run: Run) -> None:
    out = run("Kyiv accused Minsk of helping Moscow in its war against Ukraine.")
    war = next(v for v in out["events"] if v["type"] == "ASSAULT")
    assert war["modality"] == "asserted"


def test_modality_readiness_is_an_offer(run: Run) -> None:
    out = run("Warsaw said it was ready to send tanks to Ukraine.")
    assert _modality(out, "AID") == "hypothetical"


def test_modality_charge_denied_after_it(run: Run) -> None:
    out = run(
        "Lithuania has accused Minsk of supplying drones to Russia, an allegation Belarus denies."
    )
    aid = next(v for v in out["events"] if v["type"] == "AID")
    assert aid["modality"] == "denied"
    assert aid["attribution"]["text"] == "an allegation Belarus denies"
    belarus = next(e for e in out["entities"] if e["name"] == "Belarus")
    assert aid["attribution"]["entity"] == belarus["id"]


def test_modality_hedge_reaches_a_second_conjunct(run: Run) -> None:
    out = run("Investigators allege that Minsk bought drones from Iran and sold them to Russia.")
    assert {v["modality"] for v in out["events"] if v["type"] == "AID"} == {"alleged"}


def test_modality_setting_of_a_denied_act_is_asserted(run: Run) -> None:
    out = run("Minsk denied the report, saying it had not sent troops to either side in the "
              "war in Ukraine.")  # fmt: skip
    war = next(v for v in out["events"] if v["type"] == "ASSAULT")
    assert war["modality"] == "asserted"


def test_modality_reported_possessed_event_is_alleged(run: Run) -> None:
    out = run("Seoul condemned Moscow's reported transfer of submarine technology to Pyongyang.")
    aid = next(v for v in out["events"] if v["type"] == "AID")
    assert aid["modality"] == "alleged"


def test_modality_end_date_of_a_measure_is_no_plan(run: Run) -> None:
    out = run("The Council prolonged the restrictive measures against Belarus until 28 February "
              "2026.", published="2025-02-20")  # fmt: skip
    (v,) = [v for v in out["events"] if v["type"] == "SANCTION"]
    assert v["modality"] == "asserted"
