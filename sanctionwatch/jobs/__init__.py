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
from sanctionwatch.jobs._lists import UpdateResult, diff_lists, load_lists, update_list

__all__ = [
    "DEMO_LIST",
    "IngestReport",
    "UpdateResult",
    "demo_paths",
    "diff_lists",
    "extract_file",
    "ingest_paths",
    "load_lists",
    "pipeline_name",
    "update_list",
]
