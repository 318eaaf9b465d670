"""Graph jobs: reprocess replaces extractions and keeps judgements; ingest rebuilds the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sanctionwatch import settings
from sanctionwatch.alerts import Rule, run_alerts
from sanctionwatch.ingest import Document
from sanctionwatch.jobs import ingest_paths, judge, reprocess, resolve_graph
from sanctionwatch.store import Store
from sanctionwatch.store._schema import entities
from tests.graphhelpers import clusters, entity, event, link, save

TEXTS = {
    "one": "Kim Yong Chol met Ri Pyong Chol in Moscow.",
    "two": "Choe Son Hui spoke to reporters.",
    "three": "Kang Hye Sun, the foreign minister, spoke.",
}


def _first_pipeline(store: Store) -> None:
    save(store, TEXTS["one"],
         [entity("e1", "Person", "Kim Yong Chol", links=[link("KPi.024", "KIM YONG CHOL")]),
          entity("e2", "Person", "Ri Pyong Chol", links=[link("KPi.076", "RI PYONG CHOL")])],
         [event("v1", "CONSULT", ["e1"], ["e2"], mode="meet")], title="one")  # fmt: skip
    save(store, TEXTS["two"], [entity("e1", "Person", "Choe Son Hui")], title="two")
    save(store, TEXTS["three"], [entity("e1", "Person", "Kang Hye Sun")], title="three")


def _improved(doc: Document) -> dict[str, Any]:
    """A 'better pipeline': other local ids, other order, one more entity in document one."""
    if doc.text == TEXTS["one"]:
        items = [
            entity("p9", "Place", "Moscow"),
            entity("p2", "Person", "Ri Pyong Chol", links=[link("KPi.076", "RI PYONG CHOL")]),
            entity("p1", "Person", "Kim Yong Chol", links=[link("KPi.024", "KIM YONG CHOL")]),
        ]
        events = [event("w1", "CONSULT", ["p1"], ["p2"], mode="meet", text=doc.text)]
    else:
        name = "Choe Son Hui" if "Choe" in doc.text else "Kang Hye Sun"
        items, events = [entity("p1", "Person", name)], []
    for item in items:
        start = doc.text.find(item["name"])
        item["mentions"] = [
            {"start": start, "end": start + len(item["name"]), "text": item["name"]}
        ]
    return {"schema": "sanctionwatch.extraction/1", "document": {"id": doc.id},
            "entities": items, "events": events}  # fmt: skip


def _entity_ids(store: Store) -> set[int]:
    with store.engine.connect() as conn:
        return set(conn.execute(sa.select(entities.c.id)).scalars())


def test_reprocess_keeps_rejected_links_and_merges(store: Store) -> None:
    _first_pipeline(store)
    resolve_graph(store)
    judge(store, "reject_link", "Kim Yong Chol", "KPi.024", author="ana", reason="namesake")
    judge(store, "merge", "Choe Son Hui", "Kang Hye Sun", author="ana", reason="alias")
    before = clusters(store)
    assert "list:un_sc:KPi.024" not in before
    old_ids = _entity_ids(store)

    report = reprocess(store, model="unused", threshold=0.9, extractor=_improved,
                       pipeline="improved 2")  # fmt: skip

    assert (report.documents, report.changed, report.graph.judgements) == (3, 3, 2)
    assert _entity_ids(store).isdisjoint(old_ids)  # every row id changed
    after = clusters(store)
    assert "list:un_sc:KPi.024" not in after
    assert after["name:Person:chol kim yong"] == {"one/Kim Yong Chol"}
    assert after["list:un_sc:KPi.076"] == {"one/Ri Pyong Chol"}
    merged = next(k for k, v in after.items() if "two/Choe Son Hui" in v)
    assert after[merged] == {"two/Choe Son Hui", "three/Kang Hye Sun"}
    assert "one/Moscow" in after["name:Place:moscow"]
    doc = store.document(store.document_ids()[0])
    assert store.extraction(doc.id) == _improved(doc)
    [claim] = store.claims()
    assert claim["title"] == "Kim Yong Chol meets Ri Pyong Chol" and claim["flagged"]


def test_reprocess_twice_changes_nothing(store: Store) -> None:
    _first_pipeline(store)
    reprocess(store, model="unused", threshold=0.9, extractor=_improved, pipeline="improved")
    again = reprocess(store, model="unused", threshold=0.9, extractor=_improved)
    assert (again.documents, again.changed) == (3, 0)


def test_ingest_rebuilds_the_graph(store: Store, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Russia and North Korea signed an agreement in Pyongyang on Wednesday.\n")
    ingest_paths(store, [report], model=settings.SPACY_MODEL, threshold=0.9)
    assert store.find_entities("country:ru")


@pytest.mark.postgres
def test_graph_postgres_same_functions(pg_store: Store) -> None:
    _first_pipeline(pg_store)
    resolve_graph(pg_store)
    judge(pg_store, "reject_link", "Kim Yong Chol", "KPi.024", author="ana", reason="namesake")
    reprocess(pg_store, model="unused", threshold=0.9, extractor=_improved, pipeline="v2")
    assert pg_store.find_entities("Kim Yong Chol")[0]["listings"] == []
    [claim] = pg_store.claims(flagged=True)
    assert claim["flags"]["listed"][0]["list_id"] == "KPi.076"
    profile = pg_store.entity_profile(pg_store.find_entities("KPi.076")[0]["id"])
    assert profile["claims"] and profile["related"]
    assert pg_store.timeline(profile["id"])
    pg_store.save_alert_rule(Rule("all", "claim-source").row())
    lines: list[str] = []
    [run] = run_alerts(pg_store, write=lines.append)
    assert run.new == 1 and run_alerts(pg_store, write=lines.append)[0].new == 0
