"""Jobs over reports: ingest files and folders, extract one file, the demo data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sanctionwatch.ingest import Document, iter_paths, read_document
from sanctionwatch.jobs._graph import resolve_graph
from sanctionwatch.nlp import extract, extract_many, load_pipeline
from sanctionwatch.resolve import StoreLinker
from sanctionwatch.store import Store

__all__ = [
    "DEMO_LIST",
    "IngestReport",
    "demo_paths",
    "extract_file",
    "ingest_paths",
    "pipeline_name",
]

#: The bundled demo list, in the UN Consolidated List XML format.
DEMO_LIST = "un_demo_list.xml"

Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    """What an ingest run did."""

    stored: list[Document] = field(default_factory=list)
    duplicates: list[Document] = field(default_factory=list)


def pipeline_name(model: str) -> str:
    """The name recorded with each extraction: our version and the spaCy pipeline's."""
    from sanctionwatch import __version__

    nlp = load_pipeline(model)
    meta = nlp.meta
    return f"sanctionwatch {__version__}; {meta.get('name', model)} {meta.get('version', '')}"


def ingest_paths(
    store: Store,
    paths: Iterable[Path | str],
    *,
    model: str,
    threshold: float,
    encoding: str | None = None,
    index_dir: Path | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read files and folders, extract each new document and store it with its extraction.

    Every file is read and checked before anything is stored; documents already in the
    store (same normalised text) are skipped. ``index_dir`` caches the screening index of the
    active lists between runs.
    """
    docs = [read_document(p, encoding=encoding) for p in iter_paths(paths)]
    report = IngestReport()
    new: list[Document] = []
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen or store.has_document(doc.id):
            report.duplicates.append(doc)
        else:
            seen.add(doc.id)
            new.append(doc)
    if not new:
        return report
    nlp = load_pipeline(model)
    name = pipeline_name(model)
    linker = StoreLinker(store, threshold=threshold, index_dir=index_dir)
    for done, (doc, extraction) in enumerate(
        zip(new, extract_many(new, nlp=nlp, linker=linker), strict=True), start=1
    ):
        if store.save_extraction(doc, extraction, pipeline=name):
            report.stored.append(doc)
        else:  # stored meanwhile by another process
            report.duplicates.append(doc)
        if progress:
            progress(done, len(new))
    resolve_graph(store)  # entities across documents, claims and flags, judgements applied
    return report


def extract_file(
    store: Store,
    path: Path | str,
    *,
    model: str,
    threshold: float,
    encoding: str | None = None,
    index_dir: Path | None = None,
) -> tuple[Document, dict[str, Any]]:
    """Read one file and extract it, linking against the store's active lists; stores nothing."""
    doc = read_document(path, encoding=encoding)
    nlp = load_pipeline(model)
    linker = StoreLinker(store, threshold=threshold, index_dir=index_dir)
    return doc, extract(doc, nlp=nlp, linker=linker)


def demo_paths() -> tuple[Path, Path]:
    """The bundled demo list file and the folder of demo reports."""
    root = Path(str(resources.files("sanctionwatch") / "demo"))
    return root / DEMO_LIST, root / "reports"
