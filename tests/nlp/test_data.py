from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp import _data, _lexicon

_TABLES: list[Callable[[], Any]] = [
    _data.countries, _data.bodies, _data.media, _data.agencies, _data.titles, _data.leader_titles,
    _data.vessel_cues, _data.korean_surnames, _data.modality_table, _data.attribution_table,
    _data.relation_table, _data.anaphora, _lexicon.items, _lexicon.event_lexicon,
    _lexicon.regimes, _lexicon.listed_party_table, _lexicon.program_countries,
]  # fmt: skip


@pytest.fixture()
def fresh_tables() -> Iterator[None]:
    for table in _TABLES:
        table.cache_clear()  # type: ignore[attr-defined]
    yield
    for table in _TABLES:
        table.cache_clear()  # type: ignore[attr-defined]


@pytest.mark.parametrize("table", _TABLES, ids=lambda t: t.__name__)
def test_data_tables_load(table: Callable[[], Any]) -> None:
    assert table()


def test_data_event_lexicon_uses_plover_types() -> None:
    lexicon = _lexicon.event_lexicon()
    for triggers in lexicon.triggers.values():
        for trig in triggers:
            assert trig.type in _lexicon.EVENT_TYPES
    assert {t.type for ts in lexicon.triggers.values() for t in ts} == set(_lexicon.EVENT_TYPES)


def test_data_event_lexicon_covers_the_issue_verbs() -> None:
    lemmas = set(_lexicon.event_lexicon().triggers)
    for verb in ("pledge", "thank", "meet", "summit", "visit", "travel", "sign", "agree", "treaty",
                 "provide", "supply", "ship", "transfer", "deliver", "buy", "sanction",
                 "designate", "veto", "block", "halt", "accuse", "allege", "deny", "reject",
                 "threaten", "drop", "launch", "strike", "broadcast"):  # fmt: skip
        assert verb in lemmas, verb


def test_data_countries_cover_the_region() -> None:
    table = _data.countries()
    assert {"kp", "kr", "ru", "cn", "us", "jp", "ua", "gb", "ir", "by"} <= set(table)
    assert "Pyongyang" in table["kp"].capitals
    assert "the Kremlin" in table["ru"].seats
    assert "the North" in table["kp"].names
    assert "Burma" in table["mm"].names  # a former name


def test_data_regimes_cite_verified_paragraphs() -> None:
    provisions = {r.provision for regime in _lexicon.regimes() for r in regime.rules}
    assert {"UNSCR 1718 (2006) para 8(a)", "UNSCR 1718 (2006) para 8(b)",
            "UNSCR 2397 (2017) para 5", "UNSCR 2397 (2017) para 4",
            "UNSCR 2371 (2017) para 8", "UNSCR 2375 (2017) para 18"} <= provisions  # fmt: skip


@pytest.mark.parametrize(
    ("loader", "data", "file"),
    [
        (_lexicon.items, {"items": [{"name": "x", "category": "bogus"}]}, "items.yaml"),
        (_lexicon.event_lexicon, {"triggers": [{"lemma": "x", "type": "NOPE"}]}, "events.yaml"),
        (_lexicon.event_lexicon,
         {"triggers": [{"lemma": "x", "type": "AID", "mode": None, "from_role": "giver"}]},
         "events.yaml"),
        (_lexicon.event_lexicon,
         {"triggers": [{"lemma": "x", "type": "AID", "mode": None, "with_role": "none"}]},
         "events.yaml"),
        # a second entry for a word class that the first, without conditions, shadows
        (_lexicon.event_lexicon,
         {"triggers": [{"lemma": "x", "pos": ["NOUN"], "type": "AID", "mode": None},
                       {"lemma": "x", "pos": ["NOUN"], "type": "REQUEST", "mode": None,
                        "particle": ["on"]}]},
         "events.yaml"),
        (_data.countries, {"countries": {"KOREA": {"name": "x"}}}, "countries.yaml"),
        (_data.modality_table, {"negations": [True]}, "modality.yaml"),
        (_lexicon.regimes,
         {"regimes": [{"id": "X", "country": "kp", "rules": [{"direction": "up"}]}]},
         "regimes.yaml"),
        (_data.agencies, {"agencies": [{"name": "X"}]}, "agencies.yaml"),
    ],
)  # fmt: skip
def test_data_bad_table_names_the_file(
    fresh_tables: None,
    monkeypatch: pytest.MonkeyPatch,
    loader: Callable[[], Any],
    data: Any,
    file: str,
) -> None:
    monkeypatch.setattr(_data, "load", lambda name: data)
    monkeypatch.setattr(_lexicon, "load", lambda name: data)
    with pytest.raises(PipelineError) as info:
        loader()
    assert info.value.path == f"sanctionwatch/data/{file}"


def test_data_event_lexicon_takes_a_second_entry_after_a_conditioned_one(
    fresh_tables: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = {"triggers": [
        {"lemma": "x", "pos": ["NOUN"], "type": "CONSULT", "mode": None, "modifiers": ["phone"]},
        {"lemma": "x", "pos": ["NOUN"], "type": "REQUEST", "mode": None, "particle": ["on"]},
    ]}  # fmt: skip
    monkeypatch.setattr(_lexicon, "load", lambda name: data)
    assert [t.type for t in _lexicon.event_lexicon().triggers["x"]] == ["CONSULT", "REQUEST"]
