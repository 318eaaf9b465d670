"""``lists update`` against a local server: every failure keeps the previous snapshot active."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sanctionwatch.jobs import demo_paths, update_list
from sanctionwatch.lists._sources import ListSource, SourceFile
from sanctionwatch.store import Store
from tests.httpserver import LocalServer, Route, local_server  # noqa: F401

pytestmark = pytest.mark.realdata

OLD = "un/un_consolidated_2025-11-20.xml"
NEW = "un/un_consolidated_2026-02-27.xml"


@pytest.fixture
def source(local_server: LocalServer) -> ListSource:  # noqa: F811
    return ListSource(
        name="un",
        title="UN",
        dataset="un_sc",
        files=(SourceFile("consolidated.xml", local_server.url("/consolidated.xml")),),
    )


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(1.0)) as c:
        yield c


def _active(store: Store) -> str | None:
    active = [s for s in store.snapshots(dataset="un_sc") if s.active]
    return active[0].issued.isoformat() if active and active[0].issued else None


@pytest.fixture
def primed(
    store: Store,
    source: ListSource,
    client: httpx.Client,
    local_server: LocalServer,  # noqa: F811
    shared_lists: Path,
    tmp_path: Path,
) -> Path:
    """The store with the 2025-11-20 issue fetched and active."""
    local_server.routes["/consolidated.xml"] = Route((shared_lists / OLD).read_bytes(), etag='"v1"')
    result = update_list(store, source, archive_dir=tmp_path / "archive", client=client)
    assert result.status == "updated", result.message
    assert _active(store) == "2025-11-20"
    return tmp_path / "archive"


def test_update_new_issue_activates_and_diffs(
    store: Store,
    source: ListSource,
    client: httpx.Client,
    local_server: LocalServer,  # noqa: F811
    shared_lists: Path,
    primed: Path,
) -> None:
    local_server.routes["/consolidated.xml"] = Route((shared_lists / NEW).read_bytes(), etag='"v2"')
    result = update_list(store, source, archive_dir=primed, client=client)
    assert result.status == "updated"
    assert _active(store) == "2026-02-27"
    assert result.saved is not None and result.saved.diff is not None
    assert result.saved.diff.counts() == {"added": 4, "removed": 1, "amended": 2}
    archived = sorted(p.name for p in (primed / "un_sc").iterdir() if not p.name.startswith("."))
    assert [name[:10] for name in archived] == ["2025-11-20", "2026-02-27"]
    snapshot = result.saved.snapshot
    assert snapshot.source == source.files[0].url and len(snapshot.sha256) == 64


def test_update_not_modified_sends_etag(
    store: Store,
    source: ListSource,
    client: httpx.Client,
    local_server: LocalServer,  # noqa: F811
    primed: Path,
) -> None:
    result = update_list(store, source, archive_dir=primed, client=client)
    assert result.status == "not_modified"
    assert local_server.routes["/consolidated.xml"].requests[-1]["If-None-Match"] == '"v1"'
    assert _active(store) == "2025-11-20"


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (lambda body: Route(body[: len(body) // 2], declared_length=len(body)), "truncated"),
        (lambda body: Route(b"oops", status=500), "HTTP 500"),
        (lambda body: Route(body, delay=2.5), "timed out"),
        (lambda body: Route(body * 3), "limit"),
        (lambda body: Route(body[: len(body) // 2]), "consolidated.xml"),
    ],
    ids=["truncated", "server-error", "timeout", "oversized", "malformed"],
)
def test_update_failure_keeps_previous_snapshot(
    store: Store,
    source: ListSource,
    client: httpx.Client,
    local_server: LocalServer,  # noqa: F811
    shared_lists: Path,
    primed: Path,
    route: object,
    expected: str,
) -> None:
    body = (shared_lists / NEW).read_bytes()
    local_server.routes["/consolidated.xml"] = route(body)  # type: ignore[operator]
    before = [(s.id, s.active) for s in store.snapshots()]
    result = update_list(store, source, archive_dir=primed, client=client, max_bytes=len(body) * 2)
    assert result.status == "failed"
    assert expected in result.message
    assert _active(store) == "2025-11-20"
    assert [(s.id, s.active) for s in store.snapshots()] == before
    assert not [p for p in (primed / "un_sc").iterdir() if p.name.startswith(".incoming")]


def test_update_cli_reports_failure(
    local_server: LocalServer,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sanctionwatch import settings
    from sanctionwatch.cli import main

    local_server.routes["/list.xml"] = Route(b"nope", status=503)
    local_server.routes["/demo.xml"] = Route(demo_paths()[0].read_bytes())
    sources = tmp_path / "sources.yaml"
    entry = "  dataset: un_sc\n  files:\n    - name: list.xml\n      url: {}\n"
    sources.write_text(
        "bad:\n"
        + entry.format(local_server.url("/list.xml"))
        + "good:\n"
        + entry.format(local_server.url("/demo.xml"))
    )
    monkeypatch.setattr(settings, "LIST_ARCHIVE", tmp_path / "archive")
    db = str(tmp_path / "db.sqlite")
    assert main(["--db", db, "lists", "update", "good", "--sources", str(sources)]) == 0
    code = main(["--db", db, "lists", "update", "bad", "--sources", str(sources)])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        "bad: update failed" in err
        and "HTTP 503" in err
        and "previous snapshot stays active" in err
    )
    assert main(["--db", db, "lists", "update", "nosuch", "--sources", str(sources)]) == 2
