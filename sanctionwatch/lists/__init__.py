"""Official sanctions lists: read each authority's format into FollowTheMoney entities.

Each format lives in its own module exposing ``parse(path: Path) -> ListIssue`` and
``sniff(head: bytes, name: str) -> bool`` (does a file with this first chunk and file name look
like this format?). :func:`load_list` picks the format, by name or by sniffing.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists._diff import Change, ListDiff, diff_entries, entries_from_issue
from sanctionwatch.lists._issue import TARGET_SCHEMATA, ListIssue
from sanctionwatch.lists._sources import ListSource, SourceFile, load_sources

__all__ = [
    "FORMATS",
    "TARGET_SCHEMATA",
    "Change",
    "ListDiff",
    "ListIssue",
    "ListSource",
    "SourceFile",
    "detect_format",
    "diff_entries",
    "entries_from_issue",
    "load_list",
    "load_sources",
]

#: Format name -> module under ``sanctionwatch.lists`` implementing it, in sniffing order.
FORMATS: dict[str, str] = {
    "un_xml": "un",
    "ofac_csv": "ofac_csv",
    "ofac_xml": "ofac_xml",
    "ofac_advanced_xml": "ofac_advanced",
    "uk_fcdo": "uk_fcdo",
    "uk_conlist": "uk_conlist",
    "eu_fsf_xml": "eu_fsf",
    "opensanctions_ftm": "opensanctions",
}

_SNIFF_BYTES = 4096


class _FormatModule(Protocol):
    def parse(self, path: Path) -> ListIssue: ...

    def sniff(self, head: bytes, name: str) -> bool: ...


def _module(fmt: str) -> _FormatModule:
    try:
        modname = FORMATS[fmt]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ListFormatError(f"unknown list format {fmt!r} (known: {known})") from None
    module: _FormatModule = importlib.import_module(f"sanctionwatch.lists.{modname}")
    return module


def detect_format(path: Path) -> str:
    """Name the format of a list file by its name and first bytes."""
    if not path.exists():
        raise InputNotFound("no such file", path=str(path))
    if path.is_dir():
        raise ListFormatError("is a folder, not a list file", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if not head.strip():
        raise ListFormatError("file is empty", path=str(path))
    for fmt in FORMATS:
        if _module(fmt).sniff(head, path.name):
            return fmt
    raise ListFormatError("not a sanctions list format sanctionwatch can read", path=str(path))


def load_list(path: Path | str, *, fmt: str | None = None) -> ListIssue:
    """Read one list file into a :class:`ListIssue`.

    :param path: the file (for the OFAC CSV trio: ``sdn.csv``, with ``alt.csv`` and
        ``add.csv`` beside it).
    :param fmt: a key of :data:`FORMATS`; sniffed from the file when omitted.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    return _module(fmt).parse(path)
