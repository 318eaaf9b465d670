"""Jobs over sanctions lists: load files, update from the authorities, diff two issues."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx

from sanctionwatch.exc import InputError, InputNotFound, ListFormatError, SanctionwatchError
from sanctionwatch.lists import ListIssue, load_list
from sanctionwatch.lists._diff import ListDiff, diff_entries, entries_from_issue
from sanctionwatch.lists._fetch import DEFAULT_MAX_BYTES, Fetched, fetch
from sanctionwatch.lists._sources import ListSource
from sanctionwatch.store import SavedIssue, Store

__all__ = ["UpdateResult", "diff_lists", "load_lists", "update_list"]


@dataclass
class UpdateResult:
    """What ``lists update`` did for one source.

    ``status`` is ``updated`` (a new issue is active), ``unchanged`` (same bytes as a stored
    issue), ``not_modified`` (the server said so) or ``failed`` (``message`` says why; the
    previous snapshot stays active).
    """

    source: str
    dataset: str
    status: str
    message: str = ""
    saved: SavedIssue | None = None
    fetched: list[Fetched] = field(default_factory=list)


def load_lists(store: Store, paths: Sequence[Path | str]) -> list[SavedIssue]:
    """Read every list file, then store each as the active snapshot of its dataset.

    Nothing is stored when any file cannot be read.
    """
    issues: list[ListIssue] = [load_list(Path(p).resolve()) for p in paths]
    return [store.save_list_issue(issue) for issue in issues]


def _fetch_record(source: ListSource, f: Fetched, status: str) -> dict[str, Any]:
    return {
        "dataset": source.dataset,
        "url": f.url,
        "status": status,
        "etag": f.etag,
        "last_modified": f.last_modified,
        "sha256": f.sha256,
        "bytes": f.bytes,
        "fetched_at": datetime.now(UTC),
    }


def update_list(
    store: Store,
    source: ListSource,
    *,
    archive_dir: Path,
    client: httpx.Client,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> UpdateResult:
    """Download a source's current issue, keep it, and make it the active snapshot.

    The main file is asked for conditionally (ETag, Last-Modified); the rest are fetched only
    when it changed. Files go to a temporary folder, are parsed, and only then are archived
    under ``archive_dir/<dataset>/<date>-<sha256 prefix>/`` and stored, with the diff against
    the previous snapshot, in one transaction. Any failure leaves the previous snapshot active.
    """
    main = source.files[0]
    last = store.last_fetch(source.dataset, main.url) or {}
    incoming = archive_dir / source.dataset
    incoming.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".incoming-", dir=incoming))
    result = UpdateResult(source=source.name, dataset=source.dataset, status="failed")
    try:
        first = fetch(
            client,
            main.url,
            tmp / main.name,
            etag=last.get("etag"),
            last_modified=last.get("last_modified"),
            max_bytes=max_bytes,
        )
        result.fetched.append(first)
        if first.not_modified:
            store.record_fetch(
                {"dataset": source.dataset, "url": main.url, "status": "not_modified"}
            )
            result.status, result.message = "not_modified", "not modified since the last fetch"
            return result
        for extra in source.files[1:]:
            result.fetched.append(fetch(client, extra.url, tmp / extra.name, max_bytes=max_bytes))
        try:
            issue = load_list(tmp / main.name, fmt=source.format)
        except ListFormatError as e:
            raise ListFormatError(e.message, path=main.url) from e
        if issue.issued is None and first.last_modified:
            # Lists without a date of their own (the OFAC CSVs) are dated by the server.
            with contextlib.suppress(TypeError, ValueError):
                issue.issued = parsedate_to_datetime(first.last_modified).date()
        archive = incoming / f"{issue.issued or datetime.now(UTC).date()}-{issue.sha256[:12]}"
        if not archive.exists():
            shutil.copytree(tmp, archive)
        issue.source = main.url
        saved = store.save_list_issue(
            issue, fetches=[_fetch_record(source, f, "fetched") for f in result.fetched]
        )
        result.saved = saved
        result.status = "updated" if saved.created else "unchanged"
        return result
    except SanctionwatchError as e:
        result.message = str(e)
        store.record_fetch(
            {
                "dataset": source.dataset,
                "url": main.url,
                "status": "failed",
                "message": result.message[:2000],
            }
        )
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _side(store: Store, ref: str) -> tuple[str, str, dict[str, Any], int | None]:
    """One side of a diff: a list file, or a stored snapshot (id, ``dataset@date``, dataset)."""
    path = Path(ref)
    if path.exists():
        issue = load_list(path)
        label = f"{path.name} ({issue.dataset}@{issue.issued or '?'})"
        return issue.dataset, label, dict(entries_from_issue(issue)), None
    try:
        snapshot = store.snapshot(ref)
    except SanctionwatchError as e:
        raise InputNotFound(f"neither a file nor a stored snapshot: {e}", path=ref) from e
    label = f"{snapshot.dataset}@{snapshot.issued or '?'} (#{snapshot.id})"
    return snapshot.dataset, label, dict(store.snapshot_entries(snapshot.id)), snapshot.id


def diff_lists(store: Store, old: str, new: str) -> ListDiff:
    """What changed between two issues, each a list file or a stored snapshot.

    When both are stored snapshots the changes are kept in the store for alerts.
    """
    old_dataset, old_label, old_entries, old_id = _side(store, old)
    new_dataset, new_label, new_entries, new_id = _side(store, new)
    if old_dataset != new_dataset:
        raise InputError(f"cannot compare a {old_dataset} issue with a {new_dataset} issue")
    if old_id is not None and new_id is not None:
        return store.diff_snapshots(old_id, new_id)
    return diff_entries(
        old_entries, new_entries, dataset=new_dataset, old_label=old_label, new_label=new_label
    )
