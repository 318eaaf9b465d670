from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sanctionwatch.exc import PipelineError
from sanctionwatch.nlp import _data

_TABLES: list[Callable[[], Any]] = [
    _data.countries, _data.bodies, _data.titles, _data.vessel_cues, _data.items,
    _data.event_lexicon, _data.modality_table, _data.attribution_table, _data.regimes,
    _data.listed_party_table,
]  # fmt: skip


@pytest.fixture()
def fresh_tables() -> Iterator[None]:
    for table in _TABLES:
        table.cache_clear()  # type: ignore[attr-defined]
    yield
    for table in _TABLES:
        table.cache_clear()  # type: ignore[attr-defined]


@pytest.mark.parametrize("table", _TABLES)
def test_data_tables_load(table: Callable[[], Any]) -> None:
    assert table()


def test_data_event_lexicon_uses_plover_types() -> None:
    for triggers in _data.event_lexicon().triggers.values():
        for trig in triggers:
            assert trig.type in _data.EVENT_TYPES


def test_data_countries_cover_the_region() -> None:
    table = _data.countries()
    assert {"kp", "kr", "ru", "cn", "us", "jp", "ua", "gb", "ir", "by"} <= set(table)
    assert "Pyongyang" in table["kp"].capitals
    assert "the Kremlin" in table["ru"].seats


@pytest.mark.parametrize(
    ("loader", "data", "file"),
    [
        (_data.items, {"items": [{"name": "x", "category": "bogus"}]}, "items.yaml"),
        (_data.event_lexicon, {"triggers": [{"lemma": "x", "type": "NOPE"}]}, "events.yaml"),
        (_data.countries, {"countries": {"KOREA": {"name": "x"}}}, "countries.yaml"),
        (_data.modality_table, {"negations": [True]}, "modality.yaml"),
        (_data.regimes, {"regimes": [{"id": "X", "country": "kp", "rules": [{"direction": "up"}]}]},
         "regimes.yaml"),
    ],
)  # fmt: skip
def test_data_bad_table_names_the_file(
    fresh_tables: None,
    monkeypatch: pytest.MonkeyPatch,
    loader: Callable[[], Any],
    data: Any,
    file: str,
) -> None:
    monkeypatch.setattr(_data, "_load", lambda name: data)
    with pytest.raises(PipelineError) as info:
        loader()
    assert info.value.path == f"sanctionwatch/data/{file}"
