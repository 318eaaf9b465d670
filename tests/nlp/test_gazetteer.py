from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import by_name

Run = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Pyongyang rejected the latest statement from the committee.", "North Korea", "kp"),
        ("The Kremlin said the exercises were routine.", "Russia", "ru"),
        ("The DPRK fired two rockets into the sea.", "North Korea", "kp"),
        ("Envoys of the Democratic People's Republic of Korea left.", "North Korea", "kp"),
        ("Beijing urged restraint on all sides.", "China", "cn"),
        ("The U.S. said it was watching closely.", "United States", "us"),
        ("Seoul summoned the ambassador.", "South Korea", "kr"),
        ("Kyiv asked for more air defence.", "Ukraine", "ua"),
        ("Minsk hosted the delegation.", "Belarus", "by"),
    ],
)  # fmt: skip
def test_gazetteer_country_names_and_capitals(run: Run, text: str, name: str, code: str) -> None:
    entity = by_name(run(text))[name]
    assert entity["type"] == "Country"
    assert entity["country"] == [code]


def test_gazetteer_capital_where_something_happens_is_place(run: Run) -> None:
    out = run("The ministers held a long meeting in Tokyo on Friday.")
    tokyo = by_name(out)["Tokyo"]
    assert tokyo["type"] == "Place"
    assert tokyo["country"] == ["jp"]


def test_gazetteer_the_north_is_a_country_but_not_in_a_demonym(run: Run) -> None:
    out = run("The North Korean envoy spoke first. Later the North issued a warning.")
    kp = by_name(out)["North Korea"]
    assert [m["text"] for m in kp["mentions"]] == ["North Korean", "the North"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The UN Security Council met on Monday.", "United Nations Security Council"),
        ("The IAEA inspectors left the site.", "International Atomic Energy Agency"),
        ("The EU adopted a new package.", "European Union"),
        ("NATO allies discussed the report.", "NATO"),
    ],
)
def test_gazetteer_international_bodies_are_organizations(run: Run, text: str, name: str) -> None:
    assert by_name(run(text))[name]["type"] == "Organization"


def test_gazetteer_keeps_longer_organisation_names(run: Run) -> None:
    out = run("The Russian Defence Ministry published a video.")
    assert by_name(out)["Russian Defence Ministry"]["type"] == "Organization"


def test_gazetteer_a_title_of_a_country_is_not_a_name(run: Run) -> None:
    # the small model tags "the Foreign Ministers of Austria" as a law
    out = run("We, the Foreign Ministers of Austria, Chile and Peru, adopted the declaration.")
    assert {"Austria", "Chile", "Peru"} <= set(by_name(out))


class _ListedLinker:
    """A linker that also hands its list names to the gazetteer."""

    def listed_names(self) -> list[tuple[str, str]]:
        return [("SONGHWA JOINT VENTURE TRADING", "Organization"), ("KORYOLINK", "Organization"),
                ("SEA BREEZE STAR", "Vessel"), ("PAK", "Person")]  # fmt: skip

    def link(self, name: str, **_: Any) -> list[dict[str, Any]]:
        return []


def test_gazetteer_recognises_names_on_the_loaded_lists(nlp: Any) -> None:
    from sanctionwatch.ingest._document import Document
    from sanctionwatch.nlp import extract

    text = ("Songhwa Joint Venture Trading chartered the Sea Breeze Star. KORYOLINK paid. "
            "Pak said the songhwa joint venture trading model failed.")  # fmt: skip
    out = extract(Document(text=text), nlp=nlp, linker=_ListedLinker())
    types = {e["name"]: e["type"] for e in out["entities"]}
    assert types["Songhwa Joint Venture Trading"] == "Organization"
    assert types["Sea Breeze Star"] == "Vessel"
    assert types["KORYOLINK"] == "Organization"
    lower = [m for e in out["entities"] for m in e["mentions"] if m["text"].islower()]
    assert lower == []  # a listed name in running lower-case text is no name


class _CountingLinker(_ListedLinker):
    def __init__(self) -> None:
        self.asked = 0

    def listed_names(self) -> list[tuple[str, str]]:
        self.asked += 1
        return super().listed_names()


def test_gazetteer_reads_a_linkers_names_once_per_linker(nlp: Any) -> None:
    from sanctionwatch.nlp._gazetteer import Gazetteer

    gazetteer = Gazetteer(nlp)
    first, second = _CountingLinker(), _CountingLinker()
    assert gazetteer.add_listed_of(first) > 0
    assert gazetteer.add_listed_of(first) == 0
    assert first.asked == 1  # not read again for every extraction
    assert gazetteer.add_listed_of(second) == 0  # another linker: read, its names known already
    assert second.asked == 1
