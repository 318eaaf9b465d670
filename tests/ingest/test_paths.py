"""iter_paths: files and folders to the list of files to read."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import InputError, InputNotFound
from sanctionwatch.ingest import iter_paths
from sanctionwatch.ingest._paths import media_type_for


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")


def test_iter_paths_folder_sorted_recursive(tmp_path: Path) -> None:
    _touch(tmp_path, "b.txt", "a.md", "sub/z.html", "sub/deeper/c.htm", "A.markdown", "c.TXT")
    found = iter_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "A.markdown",
        "a.md",
        "b.txt",
        "c.TXT",
        "sub/deeper/c.htm",
        "sub/z.html",
    ]


def test_iter_paths_folder_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    _touch(tmp_path, "keep.txt", ".hidden.txt", ".git/config.txt", "sub/.cache/x.md")
    _touch(tmp_path, "report.pdf", "notes.docx", "no_suffix")
    assert iter_paths([tmp_path]) == [tmp_path / "keep.txt"]


def test_iter_paths_is_deterministic(tmp_path: Path) -> None:
    _touch(tmp_path, *(f"d{i % 3}/f{i}.txt" for i in range(20)))
    assert iter_paths([tmp_path]) == iter_paths([str(tmp_path)])


def test_iter_paths_keeps_given_order_and_dedupes(tmp_path: Path) -> None:
    _touch(tmp_path, "z.txt", "folder/a.txt", "folder/b.txt")
    found = iter_paths([tmp_path / "z.txt", tmp_path / "folder", tmp_path / "folder/a.txt"])
    assert found == [tmp_path / "z.txt", tmp_path / "folder/a.txt", tmp_path / "folder/b.txt"]


def test_iter_paths_explicit_hidden_file_is_taken(tmp_path: Path) -> None:
    _touch(tmp_path, ".notes.md")
    assert iter_paths([tmp_path / ".notes.md"]) == [tmp_path / ".notes.md"]


def test_iter_paths_missing_path_raises_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputNotFound, match=r"nowhere\.txt: no such file or folder$") as info:
        iter_paths([missing])
    assert str(info.value).startswith(f"{missing}: ")


def test_iter_paths_unsupported_explicit_file_raises(tmp_path: Path) -> None:
    _touch(tmp_path, "report.pdf")
    with pytest.raises(InputError, match=r"report\.pdf: unsupported file type '\.pdf'"):
        iter_paths([tmp_path / "report.pdf"])


def test_iter_paths_empty_folder_gives_nothing(tmp_path: Path) -> None:
    assert iter_paths([tmp_path]) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text/plain"),
        ("a.MD", "text/markdown"),
        ("a.markdown", "text/markdown"),
        ("a.html", "text/html"),
        ("a.HTM", "text/html"),
    ],
)
def test_media_type_for_suffixes(name: str, expected: str) -> None:
    assert media_type_for(name) == expected
