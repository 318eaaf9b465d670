"""Screening against the real UN Security Council Consolidated List."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from sanctionwatch.lists import load_list
from sanctionwatch.names import DEFAULT_CONFIG, Screener

pytestmark = pytest.mark.realdata


_BUILT: dict[Path, Screener] = {}


@pytest.fixture
def un(shared_lists: Path) -> Screener:
    """A screener over the real UN list (built once per test session)."""
    path = shared_lists / "un" / "un_consolidated_2026-02-27.xml"
    if path not in _BUILT:
        _BUILT[path] = Screener.from_issues(load_list(path))
    return _BUILT[path]


@pytest.mark.parametrize(
    ("query", "list_id"),
    [
        ("리병철", "KPi.076"), ("Ri Byeong-cheol", "KPi.076"), ("RI, Pyong Chol", "KPi.076"),
        ("김영철", "KPi.024"), ("Kim Young-chul", "KPi.024"), ("박봉남", "KPi.073"),
        ("Park Bong-nam", "KPi.073"), ("최춘식", "KPi.013"), ("Ch'oe Ch'un-sik", "KPi.013"),
        ("Ri Su-yong", "KPi.052"), ("Ayman al-Zawahiri", "QDi.006"),
        ("أيمن محمد ربيع الظواهري", "QDi.006"), ("Korea Ryonbong General Corp", "KPe.002"),
    ],
)  # fmt: skip
def test_realdata_screen_finds_entry(un: Screener, query: str, list_id: str) -> None:
    found = [m.list_id for m in un.screen(query)]
    assert list_id in found, found


@pytest.mark.parametrize("surname", ["Kim", "Ri", "Pak", "Choe", "Jang", "Jo", "Kang", "Han"])
def test_realdata_surname_alone_never_matches(un: Screener, surname: str) -> None:
    assert un.screen(surname, threshold=DEFAULT_CONFIG.threshold) == []
    assert un.screen(surname, schema="person") == []


def test_realdata_kim_weighs_less_than_rare_parts(un: Screener) -> None:
    kim, ryonbong = un.index.weight("kim"), un.index.weight("ryonbong")
    assert kim is not None and ryonbong is not None
    assert kim < 0.7 * ryonbong


def test_realdata_namesakes_on_the_dprk_list_stay_apart(un: Screener) -> None:
    """Different listed people who share a surname never match each other by name."""
    people = [r for r in un.index.records if r.list_id.startswith("KPi")]
    checked = 0
    for a, b in itertools.combinations(people, 2):
        first_a, first_b = a.names[0].split(), b.names[0].split()
        if first_a[0] != first_b[0] or set(first_a[1:]) & set(first_b[1:]):
            continue
        given_a = {t for n in a.names for t in n.replace("-", " ").lower().split()[1:]}
        given_b = {t for n in b.names for t in n.replace("-", " ").lower().split()[1:]}
        if given_a & given_b:
            continue
        checked += 1
        score = un.compare_entry(a.names[0], b.dataset, b.list_id, schema="person").score
        assert score < DEFAULT_CONFIG.threshold, (a.names[0], b.names, score)
    assert checked > 50
