from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from sanctionwatch.nlp._items import find_items
from tests.nlp.helpers import events, names

Run = Callable[..., dict[str, Any]]


def _sanction_targets(out: dict[str, Any]) -> list[list[str]]:
    """The target names of each sanction event, in order."""
    return [names(out, v["targets"]) for v in events(out, "SANCTION")]


def _provisions(out: dict[str, Any], etype: str = "AID") -> list[str]:
    v = next(v for v in out["events"] if v["type"] == etype)
    return [s["provision"] for s in v["sanctions"]]


def test_sanctions_arms_exported_by_dprk(run: Run) -> None:
    out = run("North Korea shipped rockets to Belarus.")
    assert _provisions(out) == ["UNSCR 1718 (2006) para 8(b)", "UNSCR 1874 (2009)"]


def test_sanctions_arms_supplied_to_dprk(run: Run) -> None:
    out = run("Belarus supplied North Korea with air defence systems.")
    assert _provisions(out) == ["UNSCR 1718 (2006) para 8(a)", "UNSCR 1874 (2009)"]


def test_sanctions_none_for_arms_between_others(run: Run) -> None:
    assert _provisions(run("Belarus shipped rockets to Russia.")) == []


def test_sanctions_no_fuel_in_a_solid_fuel_missile(run: Run) -> None:
    # "fuel" of "solid-fuel missile" is a kind of missile, not petroleum sent to the North
    out = run("Russia shipped solid-fuel missile parts to North Korea.")
    v = next(v for v in out["events"] if v["type"] == "AID")
    assert "oil" not in v["items"]
    assert not any("petroleum" in s["reason"].lower() for s in v["sanctions"])


def test_sanctions_arms_for_fuel_names_both_goods(nlp: Language) -> None:
    doc = nlp("Pyongyang and Moscow run an arms-for-fuel trade.")
    assert [item.name for _, item in find_items(nlp, doc)] == ["arms", "oil"]


def test_sanctions_none_for_goods_no_regime_covers(run: Run) -> None:
    assert _provisions(run("North Korea shipped aircraft parts to Belarus.")) == []


@pytest.mark.parametrize(
    ("text", "provisions"),
    [
        ("North Korea shipped coal to Belarus.", ["UNSCR 2371 (2017) para 8"]),
        ("Belarus supplied refined petroleum to North Korea.", ["UNSCR 2397 (2017) para 5"]),
        ("Belarus sold crude oil to North Korea.", ["UNSCR 2397 (2017) para 4"]),
        ("Belarus supplied oil to North Korea.",
         ["UNSCR 2397 (2017) para 5", "UNSCR 2397 (2017) para 4"]),
        ("Belarus sold yachts to North Korea.", ["UNSCR 1718 (2006) para 8(a)(iii)"]),
        ("North Korea sent workers to Belarus.", ["UNSCR 2397 (2017) para 8", "UNSCR 2375 (2017)"]),
        ("North Korea exported textiles to Belarus.", ["UNSCR 2375 (2017)"]),
        ("Belarus sold luxury cars to North Korea in ship-to-ship transfers.",
         ["UNSCR 1718 (2006) para 8(a)(iii)", "UNSCR 2375 (2017)"]),
    ],
)  # fmt: skip
def test_sanctions_sectoral_provisions(run: Run, text: str, provisions: list[str]) -> None:
    assert _provisions(run(text)) == provisions


def test_sanctions_reasons_are_given(run: Run) -> None:
    v = next(v for v in run("North Korea shipped coal to Belarus.")["events"] if v["type"] == "AID")
    assert "coal" in v["sanctions"][0]["reason"]


def test_sanctions_listed_party(run: Run) -> None:
    out = run("The Belarusian minister met Jo Yong Won in Minsk.")
    v = next(v for v in out["events"] if v["type"] == "CONSULT")
    assert v["sanctions"] == [
        {
            "regime": "UK-HMT",
            "provision": "listed: gb_hmt T-3",
            "reason": "dealing with a listed party: Jo Yong Won listed as JO Yong Won",
        }
    ]


def test_blocking_paragraph_binds_the_persons_designated_before(run: Run) -> None:
    out = run(
        "OFAC designated Harbin Lantern Trading Ltd on Tuesday. The tanker SEA WREN is identified "
        "as blocked property. As a result of today's action, all property and interests in "
        "property of the designated persons described above that are in the United States or "
        "in the possession or control of U.S. persons are blocked and must be reported to OFAC."
    )
    blocked = [v for v in out["events"] if v["trigger"] == "blocked"]
    assert [names(out, v["targets"]) for v in blocked] == [["Harbin Lantern Trading Ltd"]]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Also listed is Viktor Gulevich, a Belarusian general.", ["Viktor Gulevich"]),
        ("Also designated today are Pak Chol Su and Kim Ryong Nam.", ["Kim Ryong Nam",
                                                                     "Pak Chol Su"]),
        ("In Belarus, the listings target Minsk Gear Works.", ["Minsk Gear Works"]),
    ],
)  # fmt: skip
def test_sanctions_inverted_listings_and_listings_that_target(
    run: Run, text: str, targets: list[str]
) -> None:
    out = run(text)
    found = [sorted(t) for t in _sanction_targets(out)]
    assert sorted(targets) in found


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("The tanker Grey Heron was also specified under the regulations.", ["Grey Heron"]),
        ("The EU has placed Vitaly Orlov under restrictive measures.", ["Vitaly Orlov"]),
    ],
)  # fmt: skip
def test_sanctions_specified_ships_and_parties_placed_under_measures(
    run: Run, text: str, targets: list[str]
) -> None:
    out = run(text)
    found = _sanction_targets(out)
    assert found == [targets]


def test_sanctions_specified_in_a_text_is_no_sanction(run: Run) -> None:
    out = run("The requirements for Rosneft are specified in the annex of the regulation.")
    assert events(out, "SANCTION") == []


def test_sanction_target_the_parser_made_a_later_clause_s_subject(run: Run) -> None:
    out = run(
        "OFAC is also designating UAE-based Zarafshan Oil Trading FZE, which sold Naftiran "
        "Intertrade cargoes to Chinese refiners."
    )
    found = _sanction_targets(out)
    assert found == [["Zarafshan Oil Trading FZE"]]


def test_sanctions_every_name_of_a_list_the_parse_made_an_apposition(run: Run) -> None:
    out = run(
        "Seoul designated four individuals today. The individuals designated are Pak Song Il, "
        "Choe Myong Su, Ri Kwang Hyok and Kim Hyok Chol."
    )
    found = [sorted(t) for t in _sanction_targets(out)]
    assert ["Choe Myong Su", "Kim Hyok Chol", "Pak Song Il", "Ri Kwang Hyok"] in found


@pytest.mark.parametrize("marker", ["", "- ", "1. "])
def test_sanctions_a_list_announced_by_a_colon(run: Run, marker: str) -> None:
    # entries one per line, with or without the bullet that text taken from markup loses
    out = run(
        "The Council today renewed its measures against Belarus. Also designated are:\n\n"
        f"{marker}Major Oleg Kravets, a Belarusian officer who trained Russian drone crews;\n"
        f"{marker}Gomselmash Logistics LLC, which shipped engines to Russia;\n"
        f"{marker}the Vitebsk Tractor Works, a state-owned plant;\n"
        f"{marker}Mogilev Freight OJSC, a rail forwarder.\n\n"
        "The persons listed are subject to an asset freeze."
    )
    assert [
        "Oleg Kravets", "Gomselmash Logistics LLC", "Vitebsk Tractor Works", "Mogilev Freight OJSC"
    ] in _sanction_targets(out)  # fmt: skip
