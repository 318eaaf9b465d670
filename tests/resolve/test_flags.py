"""Flags: claims touching a regime provision or a listed party, ranked with their evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from sanctionwatch.jobs import judge, resolve_graph
from sanctionwatch.resolve import (
    GraphInputs,
    build_claims,
    flag_claims,
    resolve_entities,
)
from sanctionwatch.resolve._flags import LISTED_POINTS, PROVISION_POINTS, RECENCY_POINTS
from sanctionwatch.store import Store
from tests.graphhelpers import MUNITIONS, entity, event, link, save

KP = entity("e1", "Country", "North Korea", country=["kp"])
RU = entity("e2", "Country", "Russia", country=["ru"])
RI = entity("e3", "Person", "Ri Pyong Chol", links=[link("KPi.076", "RI PYONG CHOL")])


def _arms(store: Store, host: str, published: str) -> None:
    save(
        store, f"North Korea shipped munitions to Russia, {host} reports.", [KP, RU],
        [event("v1", "AID", ["e1"], ["e2"], mode="military", items=["munitions"],
               sanctions=[MUNITIONS])],
        title=f"arms {host}", url=f"https://{host}/a", published=published,
    )  # fmt: skip


def _visit(store: Store, published: str = "2025-11-05") -> None:
    save(
        store, "Ri Pyong Chol visited Russia.", [RI, RU],
        [event("v1", "CONSULT", ["e3"], ["e2"], mode="visit",
               sanctions=[{"regime": "UN", "provision": "listed: un_sc KPi.076", "reason": "x"}])],
        title="visit", url="https://c.example/v", published=published,
    )  # fmt: skip


def _weather(store: Store) -> None:
    save(
        store, "Russia and North Korea agreed on tourism.", [KP, RU],
        [event("v1", "AGREE", ["e1"], ["e2"])],
        title="tourism", url="https://d.example/t", published="2025-11-05",
    )  # fmt: skip


def _by_title(store: Store) -> dict[str, dict[str, Any]]:
    resolve_graph(store)
    return {c["title"]: c for c in store.claims()}


def test_flags_provision_and_listed_party(store: Store) -> None:
    _arms(store, "a.example", "2024-09-01")
    _visit(store)
    _weather(store)
    claims = _by_title(store)
    arms = claims["North Korea supplies munitions to Russia"]
    assert arms["flagged"]
    assert [p["provision"] for p in arms["flags"]["provisions"]] == ["UNSCR 1718 (2006) para 8(b)"]
    assert arms["flags"]["listed"] == []
    visit = claims["Ri Pyong Chol visits Russia"]
    assert visit["flagged"] and visit["flags"]["provisions"] == []
    [listed] = visit["flags"]["listed"]
    assert (listed["list_id"], listed["role"], listed["name"]) == (
        "KPi.076",
        "actor",
        "Ri Pyong Chol",
    )
    assert not claims["North Korea agrees with Russia"]["flagged"]
    flagged = store.claims(flagged=True)
    assert {c["title"] for c in flagged} == {arms["title"], visit["title"]}
    assert flagged[0]["rank"] >= flagged[1]["rank"]


def test_flags_rank_has_its_evidence(store: Store) -> None:
    _arms(store, "a.example", "2025-11-05")
    _arms(store, "b.example", "2025-11-05")
    _visit(store)
    claims = _by_title(store)
    arms = claims["North Korea supplies munitions to Russia"]
    factors = {e["factor"]: e["points"] for e in arms["flags"]["evidence"]}
    assert factors == {
        "provision": PROVISION_POINTS,
        "corroboration": 1.585,
        "recency": RECENCY_POINTS,
    }
    assert arms["rank"] == round(sum(factors.values()), 3)
    visit = claims["Ri Pyong Chol visits Russia"]
    assert visit["flags"]["evidence"][0] == {
        "factor": "listed party",
        "detail": "Ri Pyong Chol (un_sc KPi.076)",
        "points": LISTED_POINTS,
    }


def test_flags_recency_halves_with_age(store: Store) -> None:
    _arms(store, "a.example", "2025-05-09")
    _visit(store, "2025-11-05")
    inputs = GraphInputs.from_rows(store.graph_inputs())
    claims = build_claims(inputs, resolve_entities(inputs))
    flag_claims(claims, as_of=date(2025, 11, 5))
    arms = next(c for c in claims if c.type == "AID")
    recency = next(e for e in arms.flags["evidence"] if e["factor"] == "recency")
    assert recency["points"] == RECENCY_POINTS / 2


def test_flags_rejected_link_is_no_longer_a_listed_party(store: Store) -> None:
    _visit(store)
    resolve_graph(store)
    judge(store, "reject_link", "KPi.076", "KPi.076", author="ana", reason="a namesake")
    [visit] = store.claims()
    assert not visit["flagged"] and visit["flags"]["listed"] == []
