"""Resolution across documents: one person in many forms, namesakes kept apart, judgements."""

from __future__ import annotations

import pytest

from sanctionwatch.jobs import judge, resolve_graph
from sanctionwatch.lists import ListIssue
from sanctionwatch.resolve import _compare, _entities, name_form, same_name
from sanctionwatch.store import Store
from tests.graphhelpers import clusters, entity, link, resolve, save


@pytest.fixture(autouse=True, params=["engine", "keys"])
def comparison(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with the screening engine's ``compare`` and with the name-key fallback."""
    if request.param == "keys":
        monkeypatch.setattr(_compare, "engine", lambda: None)
        monkeypatch.setattr(_entities, "engine", lambda: None)
    return str(request.param)


def _of(found: dict[str, set[str]], member: str) -> str:
    return next(key for key, members in found.items() if member in members)


def _choe_in_four_forms(store: Store) -> None:
    save(
        store,
        "Foreign Minister Choe Son Hui met Sergei Lavrov. Choe said the North Korean foreign "
        "minister would return.",
        [
            entity("e1", "Person", "Choe Son Hui", "Foreign Minister Choe Son Hui", "Choe",
                   "the North Korean foreign minister", country=["kp"]),
            entity("e2", "Person", "Sergei Lavrov"),
        ],
        title="full", url="https://a.example/1",
    )  # fmt: skip
    save(store, "Ch'oe Sŏn-hŭi arrived.", [entity("e1", "Person", "Ch'oe Sŏn-hŭi")],
         title="romanised", url="https://b.example/2")  # fmt: skip
    save(
        store,
        "Foreign Minister Choe talked to Sergei Lavrov.",
        [entity("e1", "Person", "Choe", "Foreign Minister Choe"),
         entity("e2", "Person", "Sergei Lavrov")],
        title="surname", url="https://c.example/3",
    )  # fmt: skip
    save(
        store,
        "The North Korean foreign minister is expected in Moscow.",
        [entity("e1", "Person", "North Korean foreign minister",
                "The North Korean foreign minister")],
        title="title", url="https://d.example/4",
    )  # fmt: skip


def test_entities_one_person_in_full_surname_title_and_romanised_forms(store: Store) -> None:
    _choe_in_four_forms(store)
    found = clusters(store)
    key = _of(found, "full/Choe Son Hui")
    assert key == "name:Person:choe hui son"
    assert found[key] == {
        "full/Choe Son Hui",
        "romanised/Ch'oe Sŏn-hŭi",
        "surname/Choe",
        "title/North Korean foreign minister",
    }
    assert _of(found, "surname/Sergei Lavrov") == _of(found, "full/Sergei Lavrov") != key


def test_entities_resolution_methods_are_recorded(store: Store) -> None:
    _choe_in_four_forms(store)
    res, ids = resolve(store)
    choe = res.of(ids[("full", "e1")])
    assert choe is not None
    assert choe.members[ids[("romanised", "e1")]] == "name"
    assert choe.members[ids[("surname", "e1")]] == "alias"
    assert choe.members[ids[("title", "e1")]] == "alias"
    assert choe.countries == ["kp"]


def _kims(store: Store) -> None:
    save(
        store,
        "Kim Jong Un met Vladimir Putin in Pyongyang; Russia and North Korea signed a treaty.",
        [entity("e1", "Person", "Kim Jong Un"), entity("e2", "Person", "Vladimir Putin"),
         entity("e3", "Country", "Russia", country=["ru"])],
        title="leader",
    )  # fmt: skip
    save(
        store,
        "Kim Yo Jong warned South Korea about propaganda leaflets.",
        [entity("e1", "Person", "Kim Yo Jong"),
         entity("e2", "Country", "South Korea", country=["kr"])],
        title="sister",
    )  # fmt: skip
    save(
        store,
        "Kim thanked Vladimir Putin and Russia for the visit.",
        [entity("e1", "Person", "Kim"), entity("e2", "Person", "Vladimir Putin"),
         entity("e3", "Country", "Russia", country=["ru"])],
        title="kim-with-putin",
    )  # fmt: skip
    save(store, "Kim gave a speech.", [entity("e1", "Person", "Kim")], title="kim-alone")


def test_entities_two_people_sharing_a_surname_stay_apart(store: Store) -> None:
    _kims(store)
    found = clusters(store)
    leader, sister = _of(found, "leader/Kim Jong Un"), _of(found, "sister/Kim Yo Jong")
    assert leader != sister
    assert found[sister] == {"sister/Kim Yo Jong"}
    # context (Putin, Russia) tells which Kim; with no context a bare surname stays on its own
    assert found[leader] == {"leader/Kim Jong Un", "kim-with-putin/Kim"}
    assert found[_of(found, "kim-alone/Kim")] == {"kim-alone/Kim"}


def test_entities_listed_and_unlinked_forms_join_the_listing(store: Store) -> None:
    save(store, "Ri Pyong-chol visited Moscow.",
         [entity("e1", "Person", "Ri Pyong-chol", links=[link("KPi.076", "RI PYONG CHOL")])],
         title="linked")  # fmt: skip
    save(store, "Ri Pyong Chol toured a factory.", [entity("e1", "Person", "Ri Pyong Chol")],
         title="unlinked")  # fmt: skip
    save(store, "Ri said nothing.", [entity("e1", "Person", "Ri")], title="surname")
    found = clusters(store)
    assert found["list:un_sc:KPi.076"] == {"linked/Ri Pyong-chol", "unlinked/Ri Pyong Chol",
                                           "surname/Ri"}  # fmt: skip


def test_entities_namesakes_of_different_countries_stay_apart(store: Store) -> None:
    save(store, "John Smith of Acme.", [entity("e1", "Person", "John Smith", country=["us"])],
         title="us")  # fmt: skip
    save(store, "John Smith of Bcme.", [entity("e1", "Person", "John Smith", country=["gb"])],
         title="gb")  # fmt: skip
    save(store, "John Smith spoke.", [entity("e1", "Person", "John Smith")], title="none")
    found = clusters(store)
    assert _of(found, "us/John Smith") != _of(found, "gb/John Smith")


def test_entities_countries_by_code(store: Store) -> None:
    save(store, "Russia acted.", [entity("e1", "Country", "Russia", country=["ru"])], title="a")
    save(store, "The Russian Federation acted.",
         [entity("e1", "Country", "Russian Federation", country=["ru"])], title="b")  # fmt: skip
    assert clusters(store)["country:ru"] == {"a/Russia", "b/Russian Federation"}


def test_entities_merge_split_and_latest_judgement_wins(store: Store) -> None:
    _kims(store)
    resolve_graph(store)
    judge(store, "merge", "name:Person:kim", "Kim Yo Jong", author="ana", reason="her speech")
    found = clusters(store)
    assert "kim-alone/Kim" in found[_of(found, "sister/Kim Yo Jong")]
    judge(store, "split", "name:Person:kim", "Kim Yo Jong", author="ana", reason="not her")
    found = clusters(store)
    assert "kim-alone/Kim" not in found[_of(found, "sister/Kim Yo Jong")]
    kinds = [j["kind"] for j in store.judgements()]
    assert kinds == ["merge", "split"]


def test_entities_split_takes_a_name_out(store: Store) -> None:
    _choe_in_four_forms(store)
    resolve_graph(store)
    judge(store, "split", "Choe", "Choe Son Hui", author="ana", reason="a different Choe")
    found = clusters(store)
    assert "surname/Choe" not in found["name:Person:choe hui son"]
    assert found["name:Person:choe"] == {"surname/Choe"}


def test_entities_reject_and_confirm_link(store: Store, tiny_issue: ListIssue) -> None:
    store.save_list_issue(tiny_issue)
    save(store, "Kim Yong Chol spoke.",
         [entity("e1", "Person", "Kim Yong Chol", links=[link("KPi.024", "KIM YONG CHOL")])],
         title="linked")  # fmt: skip
    save(store, "Kim Yong-chol, a general, spoke.", [entity("e1", "Person", "Kim Yong-chol")],
         title="other")  # fmt: skip
    resolve_graph(store)
    judge(store, "reject_link", "KPi.024", "un_sc:KPi.024", author="ana", reason="namesake")
    found = clusters(store)
    assert "list:un_sc:KPi.024" not in found
    assert found["name:Person:chol kim yong"] == {"linked/Kim Yong Chol", "other/Kim Yong-chol"}
    judge(store, "confirm_link", "Kim Yong Chol", "un_sc:KPi.024", author="ana", reason="is him")
    assert clusters(store)["list:un_sc:KPi.024"] == {"linked/Kim Yong Chol",
                                                     "other/Kim Yong-chol"}  # fmt: skip
    listed = store.find_entities("list:un_sc:KPi.024")[0]
    assert listed["listings"][0]["name"] == "KIM YONG CHOL"


def test_entities_graph_rebuild_is_stable(store: Store) -> None:
    _kims(store)
    first = resolve_graph(store)
    keys = {e["key"] for e in store.find_entities("Kim")}
    assert resolve_graph(store) == first
    assert {e["key"] for e in store.find_entities("Kim")} == keys


def test_entities_name_form_and_same_name() -> None:
    assert name_form("Foreign Minister Choe Son Hui").key == "choe hui son"
    assert name_form("the North Korean foreign minister").role
    assert not name_form("Choe Son Hui").role
    assert same_name("Ch'oe Sŏn-hŭi", "CHOE, Son Hui", schema="Person")
    assert not same_name("Kim Jong Un", "Kim Yo Jong", schema="Person")


def test_entities_other_romanisations_join_through_the_engine(
    store: Store, comparison: str
) -> None:
    _choe_in_four_forms(store)
    save(store, "Choi Sun Hee visited Moscow.", [entity("e1", "Person", "Choi Sun Hee")],
         title="variant")  # fmt: skip
    found = clusters(store)
    joined = "variant/Choi Sun Hee" in found["name:Person:choe hui son"]
    assert joined is (comparison == "engine")
