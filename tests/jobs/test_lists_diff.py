"""``lists diff``: designations added, removed and amended between two issues of a list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionwatch.cli import main
from sanctionwatch.jobs import diff_lists, load_lists
from sanctionwatch.lists import load_list
from sanctionwatch.lists._diff import diff_entries, entries_from_issue
from sanctionwatch.store import Store
from tests.conftest import make_issue

OLD = "un/un_consolidated_2025-11-20.xml"
NEW = "un/un_consolidated_2026-02-27.xml"

#: Checked by hand against the two XML files (their INDIVIDUAL/ENTITY records compared whole).
UN_ADDED = ["SDi.007", "SDi.008", "SDi.009", "SDi.010"]
UN_REMOVED = ["IQi.074"]
UN_AMENDED = ["HTi.006", "SOi.022"]


def _keys(diff: object, kind: str) -> list[str]:
    return [c.key for c in diff.of_kind(kind)]  # type: ignore[attr-defined]


def test_diff_entries_reports_field_changes() -> None:
    old = make_issue([("Person", "A.1", ["ONE", "Uno"], "X"), ("Person", "A.2", ["TWO"], "X")])
    new = make_issue([("Person", "A.1", ["ONE", "Une"], "X"), ("Person", "A.3", ["THREE"], "X")])
    diff = diff_entries(
        entries_from_issue(old), entries_from_issue(new), dataset="t", old_label="o", new_label="n"
    )
    assert diff.counts() == {"added": 1, "removed": 1, "amended": 1}
    (amended,) = diff.of_kind("amended")
    assert amended.fields == {"alias": {"added": ["Une"], "removed": ["Uno"]}}


@pytest.mark.realdata
def test_diff_real_un_files_names_every_change(store: Store, shared_lists: Path) -> None:
    diff = diff_lists(store, str(shared_lists / OLD), str(shared_lists / NEW))
    assert _keys(diff, "added") == UN_ADDED
    assert _keys(diff, "removed") == UN_REMOVED
    assert _keys(diff, "amended") == UN_AMENDED
    caddow = next(c for c in diff.changes if c.key == "SOi.022")
    assert "notes" in caddow.fields


@pytest.mark.realdata
def test_diff_stored_snapshots_kept_for_alerts(store: Store, shared_lists: Path) -> None:
    _, new = load_lists(store, [shared_lists / OLD, shared_lists / NEW])
    assert new.diff is not None and new.diff.counts() == {"added": 4, "removed": 1, "amended": 2}
    stored = store.changes(dataset="un_sc")
    assert sorted(c["list_id"] for c in stored) == sorted(UN_ADDED + UN_REMOVED + UN_AMENDED)
    again = diff_lists(store, "un_sc@2025-11-20", str(new.snapshot.id))
    assert again.counts() == new.diff.counts()
    assert len(store.changes(dataset="un_sc")) == len(stored)  # kept once


@pytest.mark.realdata
def test_cli_lists_diff_table_and_json(
    shared_lists: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite")
    assert (
        main(["--db", db, "lists", "diff", str(shared_lists / OLD), str(shared_lists / NEW)]) == 0
    )
    out = capsys.readouterr().out
    assert "SDi.007" in out and "IQi.074" in out and "amended" in out
    code = main(
        [
            "--db",
            db,
            "lists",
            "diff",
            str(shared_lists / OLD),
            str(shared_lists / NEW),
            "-f",
            "json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["counts"] == {"added": 4, "removed": 1, "amended": 2}
    assert main(["--db", db, "lists", "diff", "nosuch@2020-01-01", str(shared_lists / NEW)]) == 2
    assert "nosuch@2020-01-01" in capsys.readouterr().err


def test_diff_refuses_different_lists(store: Store, tmp_path: Path) -> None:
    from sanctionwatch.exc import InputError

    store.save_list_issue(make_issue([("Person", "A.1", ["ONE"], "X")], dataset="a"))
    store.save_list_issue(
        make_issue([("Person", "A.1", ["ONE"], "X")], dataset="b", sha256="2" * 64)
    )
    with pytest.raises(InputError):
        diff_lists(store, "a", "b")


def test_load_list_sniffs_un_demo() -> None:
    from sanctionwatch.jobs import demo_paths

    assert load_list(demo_paths()[0]).dataset == "un_sc"
