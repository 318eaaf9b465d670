"""The index kept on disk: read back identically, rebuilt when the lists change."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sanctionwatch.names import Screener, index_path
from sanctionwatch.names._persist import load_index, save_index
from sanctionwatch.store import Store
from tests.conftest import make_issue


def test_index_round_trips(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    save_index(screener.index, path)
    loaded = load_index(path)
    assert loaded is not None
    assert loaded.names == screener.index.names
    assert loaded.vocab_keys == screener.index.vocab_keys
    again = Screener(loaded)
    for query in ("Kim Jong-un", "리병철", "Сергей Шойгу", "M/V Hermann IMO 9123456"):
        assert [m.to_dict() for m in again.screen(query)] == [
            m.to_dict() for m in screener.screen(query)
        ]


def test_index_refuses_broken_or_foreign_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not an index")
    assert load_index(broken) is None
    assert load_index(tmp_path / "missing.npz") is None
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, header=np.frombuffer(b'{"format": 0}', dtype=np.uint8))
    assert load_index(foreign) is None


def test_screener_from_store_caches_and_rebuilds(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "index"
    store.save_list_issue(make_issue([("Person", "KPi.076", ["RI PYONG CHUL"], "DPRK")]))
    first = Screener.from_store(store, cache_dir=folder)
    cached = index_path(folder, store.active_fingerprint())
    assert cached.is_file()
    assert first.screen("Ri Pyong-chol")[0].list_id == "KPi.076"
    assert Screener.from_store(store, cache_dir=folder).screen("Ri Pyong-chol")
    store.save_list_issue(
        make_issue([("Person", "KPi.024", ["KIM YONG CHOL"], "DPRK")], sha256="f" * 64)
    )
    rebuilt = Screener.from_store(store, cache_dir=folder)
    assert index_path(folder, store.active_fingerprint()) != cached
    assert rebuilt.screen("Ri Pyong-chol") == []
    assert rebuilt.screen("Kim Yong-chol")[0].list_id == "KPi.024"
