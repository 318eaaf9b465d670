"""The real lists the benchmarks read: UN, OFAC (SDN CSV trio) and UK ConList, loaded together."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

from sanctionwatch.exc import ListFormatError
from sanctionwatch.lists import ListIssue, load_list
from sanctionwatch.names import Record, records_from_issue

__all__ = ["LISTS", "load_issues", "load_records", "shared_lists"]

REPO = Path(__file__).resolve().parent.parent
#: (file under the shared list folder, module that reads it when sniffing does not know it yet)
LISTS = (
    ("un/un_consolidated_2026-02-27.xml", "un"),
    ("ofac/sdn.csv", "ofac_csv"),
    ("uk/ConList_2025-04-14.xlsx", "uk_conlist"),
)


def shared_lists() -> Path:
    """$SANCTIONWATCH_SHARED_LISTS or ../shared/data/lists."""
    env = os.environ.get("SANCTIONWATCH_SHARED_LISTS")
    return Path(env) if env else REPO.parent / "shared" / "data" / "lists"


def _load(path: Path, module: str) -> ListIssue:
    try:
        return load_list(path)
    except ListFormatError:
        # a reader written but not yet registered in sanctionwatch.lists.FORMATS
        reader = importlib.import_module(f"sanctionwatch.lists.{module}")
        issue: ListIssue = reader.parse(path)
        return issue


def load_issues(*, quiet: bool = False) -> list[ListIssue]:
    """Every list of :data:`LISTS` that is present and readable (a missing reader is reported)."""
    issues = []
    for name, module in LISTS:
        path = shared_lists() / name
        start = time.perf_counter()
        try:
            issue = _load(path, module)
        except (ListFormatError, ModuleNotFoundError, OSError) as e:
            print(f"skipped {name}: {e}", file=sys.stderr)
            continue
        issues.append(issue)
        if not quiet:
            print(
                f"loaded {name}: {len(issue.targets()):,} entries in "
                f"{time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
    return issues


def load_records(*, quiet: bool = False) -> list[Record]:
    """The screening records of every list in :func:`load_issues`."""
    return [r for issue in load_issues(quiet=quiet) for r in records_from_issue(issue)]
