"""Linking document names to list entries by normalised exact match."""

from __future__ import annotations

import pytest

from sanctionwatch.lists import ListIssue
from sanctionwatch.resolve import StoreLinker
from sanctionwatch.store import Store


@pytest.fixture
def linker(store: Store, tiny_issue: ListIssue) -> StoreLinker:
    store.save_list_issue(tiny_issue)
    return StoreLinker(store, threshold=0.9)


@pytest.mark.parametrize(
    "name", ["Ri Pyong Chol", "Ri Pyong-chol", "RI, Pyong Chul", "ri pyong chul"]
)
def test_linker_links_name_forms(linker: StoreLinker, name: str) -> None:
    links = linker.link(name, entity_type="Person")
    assert [link["list_id"] for link in links] == ["KPi.076"]
    assert links[0]["dataset"] == "un_sc"
    assert links[0]["programs"] == ["DPRK"]
    assert links[0]["score"] == 1.0
    assert name in links[0]["explanation"]


@pytest.mark.parametrize("name", ["Kim", "Ri", "Pyong Chol Kimura", ""])
def test_linker_never_links_surname_or_other_names(linker: StoreLinker, name: str) -> None:
    assert linker.link(name, entity_type="Person") == []


def test_linker_respects_entity_type(linker: StoreLinker) -> None:
    assert linker.link("Munitions Industry Department", entity_type="Organization")
    assert linker.link("Munitions Industry Department", entity_type="Person") == []
    assert linker.link("Ri Pyong Chol", entity_type="Organization") == []
    assert linker.link("Ri Pyong Chol", entity_type="Country") == []


def test_linker_sees_only_active_snapshots(store: Store, linker: StoreLinker) -> None:
    from tests.conftest import make_issue

    store.save_list_issue(
        make_issue([("Person", "KPi.001", ["YUN HO-JIN"], "DPRK")], sha256="f" * 64)
    )
    assert StoreLinker(store).link("Ri Pyong Chol", entity_type="Person") == []


def test_linker_gives_its_listed_names_with_types(linker: StoreLinker) -> None:
    names = set(linker.listed_names())
    assert ("MUNITIONS INDUSTRY DEPARTMENT", "Organization") in names
    assert any(etype == "Person" and "PYONG" in name for name, etype in names)
