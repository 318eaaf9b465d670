from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.nlp.helpers import FakeLinker, by_name

Run = Callable[..., dict[str, Any]]


def _mentions(entity: dict[str, Any]) -> list[str]:
    return [m["text"] for m in entity["mentions"]]


def test_entities_surname_joins_full_name(run: Run) -> None:
    out = run("Chinese President Xi Jinping received the delegation. Xi later hosted a banquet.")
    xi = by_name(out)["Xi Jinping"]
    assert xi["type"] == "Person"
    assert _mentions(xi) == ["Xi Jinping", "Xi"]


def test_entities_two_kims_stay_apart(run: Run) -> None:
    out = run(
        "Kim Jong Un inspected a shipyard on Friday. Kim Yo Jong issued a statement the next day. "
        "Kim said the drills were a provocation."
    )
    people = by_name(out)
    assert _mentions(people["Kim Jong Un"]) == ["Kim Jong Un"]
    # A bare surname goes to the most recently mentioned full name.
    assert _mentions(people["Kim Yo Jong"]) == ["Kim Yo Jong", "Kim"]


def test_entities_full_name_again_rejoins_first_person(run: Run) -> None:
    out = run(
        "Kim Jong Un toured a factory. Kim Yo Jong criticised the drills. "
        "Kim Jong Un later returned to the capital."
    )
    assert _mentions(by_name(out)["Kim Jong Un"]) == ["Kim Jong Un", "Kim Jong Un"]


def test_entities_role_phrase_joins_the_person_introduced_with_it(run: Run) -> None:
    out = run(
        "Russian President Vladimir Putin spoke by phone with the prime minister. "
        "The call lasted an hour, and the Russian president described it as useful."
    )
    putin = by_name(out)["Vladimir Putin"]
    assert _mentions(putin) == ["Vladimir Putin", "the Russian president"]
    assert putin["country"] == ["ru"]


def test_entities_unestablished_role_links_no_one(run: Run) -> None:
    out = run("The Iranian foreign minister arrived in Minsk.")
    assert not [e for e in out["entities"] if e["type"] == "Person"]
    assert _mentions(by_name(out)["Iran"]) == ["Iranian"]


def test_entities_titles_cut_from_names(run: Run) -> None:
    out = run("Foreign Minister Choe Son Hui met reporters after the session.")
    assert "Choe Son Hui" in by_name(out)


def test_entities_vessel_after_cue_word(run: Run) -> None:
    out = run("The tanker Sky Harmony switched off its transponder near the coast.")
    assert by_name(out)["Sky Harmony"]["type"] == "Vessel"


def test_entities_acronym_joins_organisation(run: Run) -> None:
    out = run(
        "Investigators named the Green Pine Associated Corporation (GPAC) in the report. "
        "GPAC did not reply."
    )
    org = by_name(out)["Green Pine Associated Corporation"]
    assert _mentions(org) == ["Green Pine Associated Corporation", "GPAC", "GPAC"]


def test_entities_offsets_slice_to_mention_text(run: Run) -> None:
    text = (
        "North Korean leader Kim Jong Un met Russian Defence Minister Andrei Belousov in "
        "Pyongyang. Belousov later travelled to Wonsan, where Kim showed him a new resort."
    )
    out = run(text)
    for entity in out["entities"]:
        assert entity["mentions"]
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_entities_linker_called_once_per_full_name_never_for_surnames(
    run: Run, linker: FakeLinker
) -> None:
    out = run(
        "Ri Pyong-chol inspected the launch. Ri praised the engineers. Kim said nothing about it."
    )
    called = [name for name, _, _ in linker.calls]
    assert called.count("Ri Pyong-chol") == 1
    assert "Ri" not in called and "Kim" not in called
    assert by_name(out)["Ri Pyong-chol"]["links"][0]["list_id"] == "KPi.T01"
    assert by_name(out)["Kim"]["links"] == []
