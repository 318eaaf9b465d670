from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import by_name, names

Run = Callable[..., dict[str, Any]]


def _aid(out: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in out["events"] if v["type"] == "AID")


def test_attribution_according_to(run: Run) -> None:
    out = run("Belarus shipped drones to Russia, according to the Kyiv Independent.")
    source = _aid(out)["attribution"]
    assert source["text"] == "according to the Kyiv Independent"
    assert source["entity"] == by_name(out)["Kyiv Independent"]["id"]


def test_attribution_according_to_at_sentence_start(run: Run) -> None:
    out = run("According to Japanese officials, Belarus shipped drones to Russia.")
    source = _aid(out)["attribution"]
    assert source["text"] == "According to Japanese officials"
    assert source["entity"] == by_name(out)["Japan"]["id"]


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Zelensky said Belarus had shipped drones to Russia.", "Zelensky said", "Zelensky"),
        ("Belarus had shipped drones to Russia, Zelensky said.", "Zelensky said", "Zelensky"),
        ("Belarus shipped drones to Russia, Ukrainian officials told reporters.",
         "Ukrainian officials told", "Ukraine"),
        ("Belarus shipped drones to Russia, said Ukrainian spokesman Heorhii Tykhyi.",
         "said Ukrainian spokesman Heorhii Tykhyi", "Heorhii Tykhyi"),
        ('"Belarus shipped drones to Russia," Zelensky wrote on social media.',
         "Zelensky wrote", "Zelensky"),
        ("Belarus shipped drones to Russia, the Kyiv Independent reported.",
         "the Kyiv Independent reported", "Kyiv Independent"),
        # the parser took "Under" for a preposition: the title and name run to the end
        ('"Tehran keeps selling oil to China through front companies," said Treasury Under '
         "Secretary John K. Hurley.", "said Treasury Under Secretary John K. Hurley",
         "John K. Hurley"),
        ('"Pyongyang continues to ship coal to China," said Treasury Under Secretary Brian '
         "Nelson.", "said Treasury Under Secretary Brian Nelson", "Brian Nelson"),
    ],
)  # fmt: skip
def test_attribution_reporting_verb_subject(run: Run, text: str, phrase: str, name: str) -> None:
    out = run(text)
    source = _aid(out)["attribution"]
    assert source["text"] == phrase
    assert source["entity"] == by_name(out)[name]["id"]


def test_attribution_shared_subject_of_a_coordinated_reporting_verb(run: Run) -> None:
    out = run("Zelensky rejected the report and said Belarus had shipped drones to Russia.")
    assert _aid(out)["attribution"]["entity"] == by_name(out)["Zelensky"]["id"]


def test_attribution_passive_hedge_names_no_source(run: Run) -> None:
    out = run("Belarus is accused of shipping drones to Russia.")
    aid = _aid(out)
    assert (aid["modality"], aid["attribution"]) == ("alleged", None)


def test_attribution_prefers_the_person_in_the_source_phrase(run: Run) -> None:
    out = run(
        "Belarus's foreign ministry spokesman Anatoly Glaz denied that Minsk sent drones to Russia."
    )
    assert _aid(out)["attribution"]["entity"] == by_name(out)["Anatoly Glaz"]["id"]


def test_attribution_speech_act_of_its_own_actor_is_direct(run: Run) -> None:
    out = run("Lukashenko said he rejected the claims.")
    reject = next(v for v in out["events"] if v["type"] == "REJECT")
    assert reject["attribution"] is None


def test_attribution_null_when_writer_states_it(run: Run) -> None:
    assert _aid(run("Belarus shipped drones to Russia in May."))["attribution"] is None


def test_attribution_commitment_is_the_actors_own_plan(run: Run) -> None:
    out = run("Belarus and Iran pledged to expand cooperation in energy.")
    (v,) = out["events"]
    assert (v["type"], v["modality"], v["attribution"]) == ("COOPERATE", "expected", None)


def test_attribution_passive_charge_takes_the_sentence_source(run: Run) -> None:
    out = run("A Belarusian trader was charged with selling drones to Russia, Lithuania said.")
    assert _aid(out)["attribution"]["entity"] == by_name(out)["Lithuania"]["id"]


def test_attribution_source_after_a_comma_stays_in_the_sentence(run: Run) -> None:
    text = (
        "Lukashenko travelled to Tehran on Monday, leading a delegation that included Defence "
        "Minister Viktor Khrenin, Belarusian state media reported."
    )
    out = run(text)
    (visit,) = [v for v in out["events"] if v["trigger"] == "travelled"]
    assert visit["text"] == text
    assert visit["attribution"]["entity"] == by_name(out)["Belarus"]["id"]


def test_attribution_source_inside_a_relative_clause_covers_that_clause_only(run: Run) -> None:
    out = run("The EU designated Pak Chol Min, who, according to the Council, sold drones to "
              "Russia.")  # fmt: skip
    designated = next(v for v in out["events"] if v["type"] == "SANCTION")
    assert designated["attribution"] is None
    assert _aid(out)["attribution"]["text"] == "according to the Council"


def test_attribution_the_writers_own_view_has_no_source(run: Run) -> None:
    out = run("We think Russia could transfer drone technology to Pyongyang next year.")
    assert _aid(out)["attribution"] is None


def test_attribution_relative_pronoun_denier(run: Run) -> None:
    out = run("The FBI blamed North Korea, which has always denied sending hackers to Russia.")
    aid = _aid(out)
    assert by_name(out)["North Korea"]["id"] == aid["attribution"]["entity"]


def test_attribution_closing_source_hung_as_an_apposition(run: Run) -> None:
    out = run("The Treasury on Friday sanctioned nine tankers for carrying Iranian oil to Syria, "
              "Treasury spokesperson Maria Lopez told reporters in Washington.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "SANCTION")
    assert names(out, v["targets"]) == []
    assert v["attribution"]["text"] == "Treasury spokesperson Maria Lopez told"
    assert v["attribution"]["entity"] == by_name(out)["Maria Lopez"]["id"]


def test_attribution_closing_denial_is_no_source(run: Run) -> None:
    out = run("Washington has accused Minsk of supplying drones to Moscow, a charge both "
              "countries deny.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "ACCUSE")
    assert v["attribution"] is None


def test_attribution_per_with_no_source_is_a_rate(run: Run) -> None:
    out = run("Belarus shipped drones to Russia at about $20,000 per unit.")
    assert _aid(out)["attribution"] is None


def test_attribution_recalled_reports_its_clause(run: Run) -> None:
    out = run("The envoy Lana Nusseibeh recalled that Russia had vetoed the renewal of the Panel.")
    (veto,) = [v for v in out["events"] if v["type"] == "REJECT"]
    assert veto["attribution"] is not None


def test_attribution_a_quotation_going_on_keeps_its_speaker(run: Run) -> None:
    out = run(
        '"These ships endanger our cables," Navy chief Jan Lund told reporters. "We will keep '
        'working with Norway to check every one of them."'
    )
    (work,) = [v for v in out["events"] if v["type"] == "COOPERATE"]
    assert work["attribution"] is not None
    assert by_name(out)["Jan Lund"]["id"] == work["attribution"]["entity"]


def test_attribution_a_new_paragraph_starts_a_new_quotation(run: Run) -> None:
    out = run(
        '"These ships endanger our cables," Navy chief Jan Lund told reporters.\n\n"We will '
        'keep working with Norway to check every one of them."'
    )
    (work,) = [v for v in out["events"] if v["type"] == "COOPERATE"]
    assert work["attribution"] is None


def test_attribution_a_quotation_announced_with_a_colon_is_the_announcers(run: Run) -> None:
    out = run(
        "The Netherlands froze the assets of three shipping firms on Friday.\n\n"
        "Trade Minister Anke de Vries said:\n\n"
        '"Tehran is arming Moscow. We will keep working with Belgium to stop every cargo."'
    )
    (work,) = [v for v in out["events"] if v["type"] == "COOPERATE"]
    assert work["attribution"] is not None
    assert by_name(out)["Anke de Vries"]["id"] == work["attribution"]["entity"]


def test_attribution_a_colon_without_a_reporting_verb_names_no_source(run: Run) -> None:
    out = run(
        "The measures are as follows:\n\n"
        '"We will keep working with Belgium to stop every cargo," an official said later.'
    )
    (work,) = [v for v in out["events"] if v["type"] == "COOPERATE"]
    assert work["attribution"] is None or work["attribution"]["text"] != "The measures are"


def test_attribution_speaker_named_after_the_verb_closing_a_quotation(run: Run) -> None:
    # the parser reads "Under" as a preposition and finds no subject of "said"
    out = run('"Minsk keeps shipping drones to Russia," said Under Secretary for Arms Control '
              "Helen Marsh. \"We will keep exposing it.\"")  # fmt: skip
    source = _aid(out)["attribution"]
    assert source["entity"] == by_name(out)["Helen Marsh"]["id"]
    assert source["text"] == "said Under Secretary for Arms Control Helen Marsh"


def test_attribution_words_after_a_verb_outside_a_quotation_name_no_speaker(run: Run) -> None:
    out = run("Malaysia's coast guard said on Friday it had detained a Panama-flagged tanker, the "
              "Orion Pearl, suspected of illegally transferring diesel to another ship in the "
              "South China Sea.")  # fmt: skip
    assert _aid(out)["attribution"] is None
