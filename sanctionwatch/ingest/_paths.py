"""Which files the ingest stage reads: suffixes, media types and folder expansion."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sanctionwatch.exc import InputError, InputNotFound

__all__ = ["MEDIA_TYPES", "iter_paths", "media_type_for"]

#: File suffix (lower case) -> the media type it is read as.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}


def media_type_for(path: Path | str) -> str:
    """The media type a file is read as, from its suffix (case does not matter).

    :param path: a file path or URL path.
    :raises InputError: the suffix is not one of :data:`MEDIA_TYPES`.
    """
    suffix = Path(str(path)).suffix.lower()
    try:
        return MEDIA_TYPES[suffix]
    except KeyError:
        raise InputError(
            f"unsupported file type {suffix or '(no suffix)'!r}; supported: {_supported()}",
            path=str(path),
        ) from None


def iter_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand files and folders into the list of files to read.

    Files are taken as given, in the order given. A folder is searched recursively for files
    with a supported suffix, skipping hidden files and folders (names starting with ``.``) and
    not following symbolic links to folders; its files come sorted by path. A file reached
    twice is listed once, where it first appears.

    :param paths: files and folders.
    :raises InputNotFound: a path does not exist.
    :raises InputError: a file given explicitly has an unsupported suffix or is not a
        regular file.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = _walk(path)
        elif path.is_file():
            media_type_for(path)
            candidates = [path]
        elif path.exists():
            raise InputError("not a regular file or folder", path=str(path))
        else:
            raise InputNotFound("no such file or folder", path=str(path))
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(folder: Path) -> list[Path]:
    """Supported, visible files under ``folder``, sorted."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in MEDIA_TYPES and path.is_file():
                files.append(path)
    return sorted(files)


def _supported() -> str:
    return ", ".join(sorted(MEDIA_TYPES))
