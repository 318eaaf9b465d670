"""Anaphora beyond names: people of a country, continuing subjects, pairs, unnamed referents
and roles named only later. Sentences are not from the development set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.nlp.helpers import events, names

Run = Callable[..., dict[str, Any]]


def test_anaphora_troops_refer_to_their_country(run: Run) -> None:
    out = run(
        "About 2,000 Russian soldiers were sent to Belarus in May. "
        "Officials said the troops attacked a village near the border."
    )
    (v,) = events(out, "ASSAULT")
    assert names(out, v["actors"]) == ["Russia"]


def test_anaphora_officials_refer_to_their_country(run: Run) -> None:
    out = run(
        "Iran sold drones to Belarus last year, two Ukrainian officials said. "
        "Minsk is also buying Iranian fuel, the officials said."
    )
    sources = [v["attribution"] for v in events(out, "AID")]
    assert all(s is not None for s in sources)
    assert {names(out, [s["entity"]])[0] for s in sources} == {"Ukraine"}


def test_anaphora_it_continues_the_subject(run: Run) -> None:
    out = run(
        "The Foreign Ministry of Belarus said Iranian engineers had visited Minsk. "
        "It said Belarus would buy drones from Iran."
    )
    (v,) = events(out, "AID")
    assert v["attribution"] is not None
    assert names(out, [v["attribution"]["entity"]]) == ["Foreign Ministry of Belarus"]


def test_anaphora_both_refers_to_the_pair_named_together(run: Run) -> None:
    out = run(
        "Iran has trained pilots for Venezuela and Cuba, while Belarus hosted its officers. "
        "The panel asked both governments for flight records."
    )
    (v,) = events(out, "REQUEST")
    assert names(out, v["targets"]) == ["Venezuela", "Cuba"]


def test_anaphora_definite_after_an_unnamed_referent(run: Run) -> None:
    out = run(
        "The Treasury Department fined Minsk Tractor Works. A Belarusian firm later bought "
        "spare parts from Iran. The firm was designated by the Commerce Department."
    )
    (v,) = [e for e in events(out, "SANCTION") if e["trigger"] == "designated"]
    assert names(out, v["targets"]) == []


def test_anaphora_role_named_later(run: Run) -> None:
    out = run(
        "The Defence Secretary has ordered new sanctions on three Belarusian firms. "
        "The Defence Secretary, John Healey, said the measures would follow."
    )
    people = {e["name"]: e for e in out["entities"] if e["type"] == "Person"}
    assert list(people) == ["John Healey"]
    assert len(people["John Healey"]["mentions"]) == 3


def test_anaphora_they_continue_a_coordinated_subject(run: Run) -> None:
    out = run(
        "Russia and Belarus signed a defence treaty in Minsk on Monday. "
        "They also agreed to hold joint drills in the autumn."
    )
    (agree,) = [v for v in events(out, "AGREE") if v["trigger"] == "agreed"]
    assert names(out, agree["actors"]) == ["Russia", "Belarus"]


def test_anaphora_they_of_unnamed_people_stay_unresolved(run: Run) -> None:
    out = run(
        "Russia and Belarus signed a defence treaty. Analysts said they expected Iran to join."
    )
    assert all("they" not in [m["text"] for m in e["mentions"]] for e in out["entities"])


def test_anaphora_two_word_definite(run: Run) -> None:
    out = run(
        "Iran supplied drones to Russia in May, the Atlantic Council said. "
        "Belarus also bought drones from Iran, the think tank said."
    )
    council = next(e for e in out["entities"] if e["name"] == "Atlantic Council")
    assert {v["attribution"]["entity"] for v in events(out, "AID")} == {council["id"]}


def test_anaphora_he_for_a_spokesman_of_an_organisation(run: Run) -> None:
    out = run(
        "A spokesman for the Belarusian Foreign Ministry denied the report. "
        "He warned that Minsk would retaliate if Lithuania continued its military drills."
    )
    (threat,) = events(out, "THREATEN")
    assert names(out, threat["actors"]) == ["Belarusian Foreign Ministry"]
    (drills,) = events(out, "MOBILIZE")
    assert drills["modality"] == "hypothetical"


def test_anaphora_name_in_apposition_after_a_title_is_a_person(run: Run) -> None:
    out = run(
        "Poland's ambassador, Krzysztof Szczerski, said Minsk had sent migrants to the border."
    )
    people = [e["name"] for e in out["entities"] if e["type"] == "Person"]
    assert people == ["Krzysztof Szczerski"]
