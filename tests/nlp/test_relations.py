"""Relations from appositions and role phrases: positions, family, associates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., dict[str, Any]]


def _relations(out: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    table = {e["id"]: e["name"] for e in out["entities"]}
    return [
        (r["type"], table[r["subject"]], r["role"], table.get(r["object"]) if r["object"] else None)
        for r in out["relations"]
    ]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Foreign Minister Ri Son Gwon left Pyongyang.",
         ("position", "Ri Son Gwon", "foreign minister", None)),
        ("Belarusian Defence Minister Viktor Khrenin spoke.",
         ("position", "Viktor Khrenin", "defence minister", "Belarus")),
        ("Pak Il Nam, a deputy director of the Korea Tangun Trading Corporation, was named.",
         ("position", "Pak Il Nam", "deputy director", "Korea Tangun Trading Corporation")),
        ("Iran's envoy, Ali Karimi, arrived.", ("position", "Ali Karimi", "envoy", "Iran")),
    ],
)  # fmt: skip
def test_relations_positions(run: Run, text: str, relation: tuple[str, ...]) -> None:
    assert relation in _relations(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "North Korean leader Kim Jong Un spoke. The leader's sister Kim Yo Jong stood behind him.",
        "North Korean leader Kim Jong Un spoke. Kim Yo Jong, the leader's sister, stood by.",
        "Kim Jong Un's sister Kim Yo Jong stood behind him.",
    ],
)
def test_relations_family(run: Run, text: str) -> None:
    assert ("family", "Kim Yo Jong", "sister", "Kim Jong Un") in _relations(run(text))


def test_relations_position_carries_country(run: Run) -> None:
    out = run("Belarusian Defence Minister Viktor Khrenin spoke.")
    assert out["relations"][0]["country"] == "by"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Viktor Khrenin, accompanied by Pavel Muraveiko, toured the plant.",
         ("Viktor Khrenin", "Pavel Muraveiko")),
        ("Aziz Nasirzadeh accompanied Viktor Khrenin to the airfield.",
         ("Aziz Nasirzadeh", "Viktor Khrenin")),
        ("Viktor Khrenin led a delegation that included Pavel Muraveiko.",
         ("Viktor Khrenin", "Pavel Muraveiko")),
    ],
)  # fmt: skip
def test_relations_associates(run: Run, text: str, pair: tuple[str, str]) -> None:
    found = [(s, o) for t, s, _, o in _relations(run(text)) if t == "associate"]
    assert found == [pair]


def test_relations_apposition_with_a_verb_is_not_a_title(run: Run) -> None:
    out = run("Sergei Lavrov, accompanied by deputy minister Andrei Rudenko, arrived.")
    assert ("position", "Sergei Lavrov", "deputy minister", None) not in _relations(out)


def test_relations_offsets_slice(run: Run) -> None:
    text = "Pak Il Nam, a deputy director of the Korea Tangun Trading Corporation, was named."
    for r in run(text)["relations"]:
        assert text[r["start"] : r["end"]] == r["text"]
