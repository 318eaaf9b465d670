"""Fixtures shared by every test: a fresh store, a tiny list issue, the shared list folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from followthemoney import model

from sanctionwatch.lists import ListIssue
from sanctionwatch.store import Store

REPO = Path(__file__).resolve().parent.parent


def shared_lists_dir() -> Path:
    """Where the official list files are: $SANCTIONWATCH_SHARED_LISTS or ../shared/data/lists."""
    env = os.environ.get("SANCTIONWATCH_SHARED_LISTS")
    return Path(env) if env else REPO.parent / "shared" / "data" / "lists"


@pytest.fixture
def shared_lists() -> Path:
    path = shared_lists_dir()
    if not path.is_dir():
        reason = f"{path} not found: realdata tests need the official list files"
        if os.environ.get("SANCTIONWATCH_REQUIRE_REALDATA"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


PG_URL = os.environ.get(
    "SANCTIONWATCH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture
def pg_store() -> Iterator[Store]:
    """A store in a fresh schema of the PostgreSQL server at SANCTIONWATCH_TEST_PG_URL."""
    engine = sa.create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS sw_test CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA sw_test")
    except sa.exc.OperationalError as e:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {e.orig}")
    finally:
        engine.dispose()
    url = sa.make_url(PG_URL).update_query_dict({"options": "-csearch_path=sw_test"})
    with Store.open(url.render_as_string(hide_password=False)) as s:
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as s:
        yield s


def make_issue(
    entries: list[tuple[str, str, list[str], str]],
    *,
    dataset: str = "un_sc",
    sha256: str = "0" * 64,
) -> ListIssue:
    """A list issue from (schema, reference, names, programme) tuples."""
    issue = ListIssue(dataset=dataset, issued=date(2026, 1, 15), source="test", sha256=sha256)
    for schema, ref, names, program in entries:
        target = model.make_entity(schema)
        target.id = f"test-{ref.lower().replace('.', '-')}"
        target.add("name", names[0])
        for alias in names[1:]:
            target.add("alias", alias)
        sanction = model.make_entity("Sanction")
        sanction.id = f"{target.id}-sanction"
        sanction.add("entity", target.id)
        sanction.add("authorityId", ref)
        sanction.add("program", program)
        issue.entities.extend([target, sanction])
    return issue


@pytest.fixture
def tiny_issue() -> ListIssue:
    return make_issue(
        [
            ("Person", "KPi.076", ["RI PYONG CHUL", "Ri Pyong Chol"], "DPRK"),
            ("Person", "KPi.024", ["KIM YONG CHOL", "Kim Yong-Chol"], "DPRK"),
            ("Organization", "KPe.028", ["MUNITIONS INDUSTRY DEPARTMENT"], "DPRK"),
        ]
    )


@pytest.fixture(autouse=True)
def _private_data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches and archives go to the test's folder, never to the user's data folder."""
    from sanctionwatch import settings
    from sanctionwatch.cli._state import state

    monkeypatch.setattr(settings, "INDEX_DIR", tmp_path / "index")
    monkeypatch.setattr(settings, "LIST_ARCHIVE", tmp_path / "archive")
    monkeypatch.setattr(state, "index_dir", tmp_path / "index")
