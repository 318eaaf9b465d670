"""Jobs that walk data through several stages: the functions the CLI and the API both call.

Each job validates all of its input before it writes, writes each unit of work in its own
transaction, and skips work already done, so that an interrupted job can simply be rerun.
"""

from __future__ import annotations

from sanctionwatch.jobs._documents import (
    DEMO_LIST,
    IngestReport,
    demo_paths,
    extract_file,
    ingest_paths,
    pipeline_name,
)
from sanctionwatch.jobs._graph import (
    Extractor,
    GraphReport,
    ReprocessReport,
    reprocess,
    resolve_graph,
)
from sanctionwatch.jobs._judge import find_entity, judge
from sanctionwatch.jobs._lists import UpdateResult, diff_lists, load_lists, update_list

__all__ = [
    "DEMO_LIST",
    "Extractor",
    "GraphReport",
    "IngestReport",
    "ReprocessReport",
    "UpdateResult",
    "demo_paths",
    "diff_lists",
    "extract_file",
    "find_entity",
    "ingest_paths",
    "judge",
    "load_lists",
    "pipeline_name",
    "reprocess",
    "resolve_graph",
    "update_list",
]
