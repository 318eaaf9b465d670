"""Jobs over the evidence graph: rebuild it from the extractions, and reprocess every document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sanctionwatch.ingest import Document
from sanctionwatch.nlp import extract, load_pipeline
from sanctionwatch.resolve import (
    WINDOW_DAYS,
    GraphInputs,
    StoreLinker,
    build_claims,
    flag_claims,
    resolve_entities,
)
from sanctionwatch.store import Store

__all__ = ["Extractor", "GraphReport", "ReprocessReport", "reprocess", "resolve_graph"]

#: Reads one document into an extraction-v1 object.
Extractor = Callable[[Document], dict[str, Any]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class GraphReport:
    """What a rebuild of the graph holds."""

    entities: int
    members: int
    claims: int
    flagged: int
    judgements: int


@dataclass(frozen=True)
class ReprocessReport:
    """What ``reprocess`` did: documents read again, how many extractions changed, the graph."""

    documents: int
    changed: int
    graph: GraphReport


def resolve_graph(
    store: Store, *, window_days: int = WINDOW_DAYS, as_of: date | None = None
) -> GraphReport:
    """Rebuild canonical entities, claims and flags from the stored extractions, applying every
    judgement, and store them in one transaction.

    :param window_days: the largest gap between two reports of one happening.
    :param as_of: the day recency is measured from (default: the newest claim's last sighting).
    """
    inputs = GraphInputs.from_rows(store.graph_inputs())
    resolution = resolve_entities(inputs)
    claims = build_claims(inputs, resolution, window_days=window_days)
    flag_claims(claims, as_of=as_of)
    counts = store.save_graph([e.row() for e in resolution.entities], [c.row() for c in claims])
    return GraphReport(
        entities=counts["entities"],
        members=counts["members"],
        claims=counts["claims"],
        flagged=sum(1 for c in claims if c.flagged),
        judgements=len(inputs.judgements),
    )


def reprocess(
    store: Store,
    *,
    model: str,
    threshold: float,
    index_dir: Path | None = None,
    extractor: Extractor | None = None,
    pipeline: str | None = None,
    progress: Progress | None = None,
) -> ReprocessReport:
    """Extract every stored document again (with the current pipeline and active lists), replace
    the extractions that changed, one transaction per document, then rebuild the graph.

    Judgements are kept and applied to the new graph. Interrupted, it can simply be rerun.

    :param extractor: read a document some other way than ``model`` (for tests and plugins).
    :param pipeline: the name recorded with each new extraction (default: from ``model``).
    :param index_dir: where the screening index of the active lists is cached.
    """
    if extractor is None:
        from sanctionwatch.jobs._documents import pipeline_name  # it calls resolve_graph

        nlp = load_pipeline(model)
        linker = StoreLinker(store, threshold=threshold, index_dir=index_dir)
        pipeline = pipeline or pipeline_name(model)

        def extractor(doc: Document) -> dict[str, Any]:
            return extract(doc, nlp=nlp, linker=linker)

    ids = store.document_ids()
    changed = 0
    for done, document_id in enumerate(ids, start=1):
        doc = store.document(document_id)
        extraction = extractor(doc)
        if extraction != store.extraction(document_id):
            store.replace_extraction(document_id, extraction, pipeline=pipeline or "custom")
            changed += 1
        if progress:
            progress(done, len(ids))
    return ReprocessReport(documents=len(ids), changed=changed, graph=resolve_graph(store))
