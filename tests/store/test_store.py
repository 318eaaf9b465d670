"""The store: migrations, list snapshots, documents in transactions, queries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sanctionwatch.exc import StoreError
from sanctionwatch.ingest import Document
from sanctionwatch.lists import ListIssue
from sanctionwatch.store import Store, current_revision, head_revision
from sanctionwatch.store._schema import metadata
from tests.conftest import make_issue


def _extraction(doc: Document) -> dict[str, Any]:
    return {
        "schema": "sanctionwatch.extraction/1",
        "document": {"id": doc.id},
        "entities": [
            {
                "id": "e1",
                "type": "Person",
                "name": "Ri Pyong Chol",
                "country": [],
                "mentions": [{"start": 0, "end": 13, "text": "Ri Pyong Chol"}],
                "links": [
                    {
                        "dataset": "un_sc",
                        "list_id": "KPi.076",
                        "name": "Ri Pyong Chol",
                        "score": 1.0,
                        "programs": ["DPRK"],
                        "explanation": "exact",
                    }
                ],
            },
            {
                "id": "e2",
                "type": "Country",
                "name": "Russia",
                "country": ["ru"],
                "mentions": [{"start": 20, "end": 26, "text": "Russia"}],
                "links": [],
            },
        ],
        "events": [
            {
                "id": "v1",
                "type": "CONSULT",
                "mode": "meet",
                "start": 0,
                "end": 27,
                "text": doc.text,
                "trigger": "visited",
                "actors": ["e1"],
                "targets": ["e2"],
                "locations": [],
                "items": [],
                "date": None,
                "modality": "asserted",
                "attribution": None,
                "sanctions": [],
            }
        ],
    }


def _doc(text: str = "Ri Pyong Chol visited Russia.") -> Document:
    return Document(text=text, title="t", source="test.txt")


def test_store_migrates_to_metadata(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_store_uses_wal_on_sqlite(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_bad_url_is_store_error() -> None:
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x")


def test_store_unwritable_path_is_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store.open(f"sqlite:///{blocker / 'sub' / 'db.sqlite'}")


def test_store_save_list_issue_activates_and_dedupes(store: Store, tiny_issue: ListIssue) -> None:
    saved = store.save_list_issue(tiny_issue)
    first = saved.snapshot
    assert saved.created and first.active and first.counts["targets"] == 3
    assert saved.diff is None
    again = store.save_list_issue(tiny_issue)
    assert not again.created and again.snapshot.id == first.id and again.diff is None
    newer = make_issue([("Person", "KPi.001", ["YUN HO-JIN"], "DPRK")], sha256="1" * 64)
    second = store.save_list_issue(newer)
    active = [s for s in store.snapshots() if s.active]
    assert [s.id for s in active] == [second.snapshot.id]
    assert second.diff is not None
    assert second.diff.counts() == {"added": 1, "removed": 3, "amended": 0}
    assert {c["list_id"] for c in store.changes()} == {"KPi.001", "KPi.076", "KPi.024", "KPe.028"}
    assert store.active_entries_by_key("chol pyong ri") == []
    assert store.active_entries_by_key("ho jin yun")[0]["list_id"] == "KPi.001"


def test_store_entries_by_key_covers_aliases(store: Store, tiny_issue: ListIssue) -> None:
    store.save_list_issue(tiny_issue)
    rows = store.active_entries_by_key("chol kim yong")
    assert {r["list_id"] for r in rows} == {"KPi.024"}
    assert rows[0]["programs"] == ["DPRK"]


def test_store_save_extraction_once(store: Store) -> None:
    doc = _doc()
    assert store.save_extraction(doc, _extraction(doc), pipeline="test")
    assert not store.save_extraction(doc, _extraction(doc), pipeline="test")
    summary = store.summary()
    assert summary["documents"] == 1
    assert summary["listed_entities"] == 1
    assert summary["events_by_type"] == {"CONSULT": 1}
    assert store.extraction(doc.id)["entities"][0]["name"] == "Ri Pyong Chol"


def test_store_failed_write_leaves_nothing(store: Store) -> None:
    doc = _doc()
    broken = _extraction(doc)
    broken["events"][0]["modality"] = None  # NOT NULL: the insert fails mid-transaction
    with pytest.raises(StoreError):
        store.save_extraction(doc, broken, pipeline="test")
    assert store.summary()["documents"] == 0
    assert store.summary()["entities"] == 0


def test_store_queries_filter(store: Store) -> None:
    doc = _doc()
    store.save_extraction(doc, _extraction(doc), pipeline="test")
    assert [r["name"] for r in store.entities(listed=True)] == ["Ri Pyong Chol"]
    assert [r["name"] for r in store.entities(listed=False)] == ["Russia"]
    assert store.entities(type="country")[0]["name"] == "Russia"
    events = store.events(entity="pyong")
    assert events[0]["actors"] == ["Ri Pyong Chol"] and events[0]["targets"] == ["Russia"]
    assert store.events(modality="denied") == []


@pytest.mark.postgres
def test_store_postgres_same_functions(pg_store: Store, tiny_issue: ListIssue) -> None:
    pg_store.save_list_issue(tiny_issue)
    doc = _doc()
    assert pg_store.save_extraction(doc, _extraction(doc), pipeline="test")
    assert not pg_store.save_extraction(doc, _extraction(doc), pipeline="test")
    assert pg_store.summary()["listed_entities"] == 1
    assert pg_store.active_entries_by_key("chol pyong ri")[0]["list_id"] == "KPi.076"
    assert pg_store.events(entity="pyong")[0]["targets"] == ["Russia"]


def test_store_iter_active_entries_and_fingerprint(store: Store, tiny_issue: ListIssue) -> None:
    empty = store.active_fingerprint()
    store.save_list_issue(tiny_issue)
    entries = list(store.iter_active_entries())
    assert {e["list_id"] for e in entries} == {"KPi.076", "KPi.024", "KPe.028"}
    assert entries[0]["data"]["entity"]["properties"]["name"]
    assert store.active_fingerprint() != empty
