"""Claims: one happening across documents, independent supporters, copies collapsed, deniers."""

from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch.jobs import resolve_graph
from sanctionwatch.resolve import jaccard, shingles
from sanctionwatch.store import Store
from tests.graphhelpers import MUNITIONS, entity, event, save

PARTIES = [
    entity("e1", "Country", "North Korea", country=["kp"]),
    entity("e2", "Country", "Russia", country=["ru"]),
]

REPORTS = {
    "a.example": "North Korea has shipped thousands of containers of munitions to Russia since "
    "August, according to satellite imagery reviewed by researchers at a London think tank. "
    "Cargo ships loaded the containers at the port of Rajin and sailed to Dunai.",
    "b.example": "Officials in Washington said on Tuesday that Pyongyang keeps supplying "
    "artillery shells to Moscow for its war, calling the transfers a clear breach of UN "
    "resolutions and promising further designations.",
    "c.example": "South Korea's intelligence service told lawmakers that the North sent "
    "millions of rounds to Russian forces last year, in exchange for food, oil and help with "
    "its satellite programme.",
}
# the a.example story, syndicated by another site with a new first line
COPY = "Reposted from our partners.\n" + REPORTS["a.example"].replace("thousands", "many thousands")
DENIAL = (
    "North Korea on Wednesday denied supplying weapons to Russia and called the reports a smear."
)


def _support(store: Store, host: str, text: str, *, modality: str = "asserted",
             published: str = "2024-09-01", title: str | None = None) -> None:  # fmt: skip
    save(
        store, text, PARTIES,
        [event("v1", "AID", ["e1"], ["e2"], mode="military", items=["munitions"],
               modality=modality, sanctions=[MUNITIONS])],
        title=title or host, url=f"https://{host}/story", published=published,
    )  # fmt: skip


def _deny(store: Store, *, published: str = "2024-09-12") -> None:
    save(
        store, DENIAL, PARTIES,
        [event("v1", "REJECT", ["e1"], mode="deny"),
         event("v2", "AID", ["e1"], ["e2"], mode="military", items=["weapons"],
               modality="denied", said_by="e1")],
        title="denial", url="https://kcna.example/denial", published=published,
    )  # fmt: skip


def _claims(store: Store) -> list[dict[str, Any]]:
    resolve_graph(store)
    return store.claims()


def test_claims_three_publishers_one_copy_one_denial(store: Store) -> None:
    for host, text in REPORTS.items():
        _support(store, host, text)
    _support(store, "www.syndicate.example", COPY, published="2024-09-02", title="copy")
    _deny(store)
    claims = _claims(store)
    assert len(claims) == 1
    claim = claims[0]
    assert claim["supporters"] == 3
    assert claim["deniers"] == 1
    assert claim["modalities"] == {"asserted": 3, "denied": 1}
    assert claim["summary"] == (
        "North Korea supplies munitions and weapons to Russia: asserted by 3, denied by 1 (KP)"
    )
    sources = claim["sources"]
    assert len(sources["events"]) == 5
    [copy] = sources["copies"]
    copied = next(e for e in sources["events"] if e["title"] == "copy")
    original = next(e for e in sources["events"] if e["title"] == "a.example")
    assert copy["document_id"] == copied["document_id"]
    assert copy["copy_of"] == copied["copy_of"] == original["document_id"]
    assert copied["source"] == original["source"]
    assert sorted(g["publishers"] for g in sources["independent"]) == [
        ["a.example", "syndicate.example"],
        ["b.example"],
        ["c.example"],
    ]
    assert sources["denied_by"] == [{"key": "country:kp", "name": "North Korea", "label": "KP"}]
    assert (claim["first_seen"], claim["last_seen"]) == ("2024-09-01", "2024-09-12")
    assert claim["actors"] == ["North Korea"] and claim["targets"] == ["Russia"]


def test_claims_same_publisher_counts_once_and_modalities_mix(store: Store) -> None:
    _support(store, "a.example", REPORTS["a.example"])
    _support(store, "a.example", REPORTS["b.example"], title="a-again")
    _support(store, "c.example", REPORTS["c.example"], modality="alleged")
    [claim] = _claims(store)
    assert claim["supporters"] == 2
    assert claim["modalities"] == {"asserted": 1, "alleged": 1}
    assert claim["summary"].endswith("asserted by 1, alleged by 1")


def test_claims_partial_denial_joins_the_claim(store: Store) -> None:
    _support(store, "a.example", REPORTS["a.example"])
    save(
        store, "Russia denies receiving any weapons.", PARTIES[1:],
        [event("v1", "AID", ["e2"], mode="military", items=["weapons"], modality="denied")],
        title="ru-denial", url="https://tass.example/1", published="2024-09-20",
    )  # fmt: skip
    save(
        store, "Moscow says Russia sends grain to North Korea.", PARTIES,
        [event("v1", "AID", ["e2"], ["e1"], mode="economic", items=["food"])],
        title="grain", url="https://tass.example/2", published="2024-09-21",
    )  # fmt: skip
    claims = {c["title"]: c for c in _claims(store)}
    assert set(claims) == {
        "North Korea supplies munitions to Russia",
        "Russia supplies food to North Korea",
        "Russia supplies weapons",
    }
    # the denial names Russia as the supplier: it fits neither NK->RU nor the grain (economic)
    assert claims["Russia supplies weapons"]["deniers"] == 1


def test_claims_far_apart_in_time_are_two_claims(store: Store) -> None:
    _support(store, "a.example", REPORTS["a.example"], published="2020-01-10")
    _support(store, "b.example", REPORTS["b.example"], published="2024-09-01")
    claims = _claims(store)
    assert len(claims) == 2
    keys = sorted(c["key"] for c in claims)
    assert keys[1] == keys[0] + "-2"


@pytest.mark.parametrize("modality", ["hypothetical"])
def test_claims_hypothetical_events_support_nothing(store: Store, modality: str) -> None:
    _support(store, "a.example", REPORTS["a.example"], modality=modality)
    assert _claims(store) == []


def test_claims_reject_deny_speech_act_is_not_a_claim(store: Store) -> None:
    _deny(store)
    [claim] = _claims(store)
    assert claim["type"] == "AID" and claim["supporters"] == 0 and claim["deniers"] == 1


def test_claims_keys_survive_a_rebuild(store: Store) -> None:
    for host, text in REPORTS.items():
        _support(store, host, text)
    first = [c["key"] for c in _claims(store)]
    assert [c["key"] for c in _claims(store)] == first


def test_claims_shingles_find_near_duplicates() -> None:
    a, copy, b = shingles(REPORTS["a.example"]), shingles(COPY), shingles(REPORTS["b.example"])
    assert jaccard(a, copy) >= 0.5
    assert jaccard(a, b) < 0.1
    assert jaccard(frozenset(), a) == 0.0
