"""Plumbing that the list readers share: safe reading, streaming XML, merging and small parsers.

:class:`HashedFile` opens a list file, translating OS errors into our own, and hashes every byte
read. :class:`XmlStream` streams an XML list record by record through defusedxml (no DTD, no
entities, no external references), so large files never sit in memory as one tree; any
malformed, truncated or hostile file raises :class:`ListFormatError` naming the file, the line
and the column. The rest are small text helpers for formats the readers have in common.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import ErrorString

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, iterparse
from followthemoney import model
from followthemoney.exc import FollowTheMoneyException
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputError, InputNotFound, ListFormatError
from sanctionwatch.lists._ftm import clean

__all__ = [
    "HashedFile",
    "XmlStream",
    "collect",
    "decode_text",
    "dmy_date",
    "local_name",
    "new_sanction",
    "read_bytes",
    "split_numbered",
]

_CHUNK = 1 << 16
_NUMBERED = re.compile(r"\(\d{1,2}\)")
_DMY = re.compile(r"^\s*(?:(\d{1,2}|dd)/)?(?:(\d{1,2}|mm)/)?(\d{4})\s*$", re.IGNORECASE)

log = logging.getLogger(__name__)


class HashedFile:
    """A list file opened for binary reading that hashes what is read.

    Use as a context manager; :attr:`hexdigest` covers every byte once the file has been read
    to its end (:meth:`read_all` or a reader that consumes it).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._digest = hashlib.sha256()
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> HashedFile:
        try:
            self._fh = self.path.open("rb")
        except FileNotFoundError as e:
            raise InputNotFound("no such file", path=str(self.path)) from e
        except IsADirectoryError as e:
            raise ListFormatError("is a folder, not a list file", path=str(self.path)) from e
        except OSError as e:
            raise InputError(f"cannot read the file: {e.strerror or e}", path=str(self.path)) from e
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fh is not None:
            self._fh.close()

    def read(self, size: int = -1) -> bytes:
        if self._fh is None:
            raise ValueError("file is not open")
        try:
            data = self._fh.read(size)
        except OSError as e:
            raise InputError(f"cannot read the file: {e.strerror or e}", path=str(self.path)) from e
        self._digest.update(data)
        return data

    def read_all(self) -> bytes:
        """Read (the rest of) the file."""
        return self.read()

    def lines(self) -> Iterator[bytes]:
        """The file's lines, each with its ``\\n`` (but a last line that lacks one)."""
        rest = b""
        while chunk := self.read(_CHUNK):
            rest += chunk
            start = 0
            while (end := rest.find(b"\n", start)) != -1:
                yield rest[start : end + 1]
                start = end + 1
            rest = rest[start:]
        if rest:
            yield rest

    def finish(self) -> None:
        """Hash whatever a reader left unread, so the digest covers the whole file."""
        while self.read(_CHUNK):
            pass

    @property
    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def read_bytes(path: Path) -> tuple[bytes, str]:
    """The whole file and its sha256 hex digest."""
    with HashedFile(path) as fh:
        data = fh.read_all()
    return data, fh.hexdigest


def decode_text(data: bytes, path: Path) -> str:
    """Text of a CSV list: UTF-8 (with or without BOM), else Windows-1252 as older files use.

    :raises ListFormatError: when the bytes contain NUL characters, the mark of a binary file.
    """
    if b"\x00" in data:
        raise ListFormatError("binary content (NUL bytes) in a text list", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def local_name(tag: str) -> str:
    """An element name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


class XmlStream:
    """Stream the records of an XML list file, safely and in constant memory.

    Use as a context manager and iterate :meth:`records`. Tags lose their namespace, so
    ``find("child")`` works whatever namespace a publisher uses.
    """

    def __init__(self, path: Path, *, root: str | tuple[str, ...], what: str) -> None:
        """
        :param path: the file.
        :param root: the expected root element name(s), without namespace.
        :param what: the list's name, for the error raised when the root is another element.
        """
        self.path = path
        self.roots = (root,) if isinstance(root, str) else root
        self.what = what
        self.root: Element | None = None
        self._file = HashedFile(path)
        self._parser = DefusedXMLParser(
            target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )

    def __enter__(self) -> XmlStream:
        self._file.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._file.__exit__(exc_type, exc, tb)

    @property
    def hexdigest(self) -> str:
        return self._file.hexdigest

    def records(self, tags: frozenset[str]) -> Iterator[Element]:
        """Each element whose name is in ``tags``, complete, in document order.

        An element is cleared and dropped from its parent once the caller moves on, so keep
        what you need from it (not the element itself). Records nested in other records are
        not looked for.
        """
        stack: list[Element] = []
        inside = 0
        try:
            for event, elem in iterparse(self._file, ("start", "end"), parser=self._parser):
                if event == "start":
                    elem.tag = local_name(elem.tag)
                    if self.root is None:
                        self._check_root(elem)
                    stack.append(elem)
                    inside += elem.tag in tags
                    continue
                stack.pop()
                if elem.tag in tags:
                    inside -= 1
                    if inside == 0:
                        yield elem
                        elem.clear()
                        if stack:
                            # Events come in batches, so later siblings may already follow.
                            stack[-1].remove(elem)
        except ParseError as e:
            line, column = e.position
            raise ListFormatError(
                f"malformed XML at line {line}, column {column + 1}: {ErrorString(e.code)}",
                path=str(self.path),
            ) from e
        except DefusedXmlException as e:
            line, column = self._position()
            raise ListFormatError(
                f"unsafe XML refused at line {line}, column {column}: {type(e).__name__} "
                "(DTDs, entity declarations and external references are not accepted)",
                path=str(self.path),
            ) from e
        except (ValueError, LookupError) as e:
            line, column = self._position()
            raise ListFormatError(
                f"unreadable XML at line {line}, column {column}: {e}", path=str(self.path)
            ) from e
        if self.root is None:
            raise ListFormatError("no XML element found", path=str(self.path))
        self._file.finish()

    def _check_root(self, elem: Element) -> None:
        if elem.tag not in self.roots:
            expected = " or ".join(f"<{r}>" for r in self.roots)
            raise ListFormatError(
                f"not {self.what}: the root element is <{elem.tag}>, not {expected}",
                path=str(self.path),
            )
        self.root = elem

    def _position(self) -> tuple[int, int]:
        expat = self._parser.parser
        return expat.CurrentLineNumber, expat.CurrentColumnNumber + 1


def collect(
    entities: dict[str, EntityProxy], proxy: EntityProxy, path: Path, warnings: list[str]
) -> None:
    """Add an entity, merging it into an earlier one with the same id."""
    key = str(proxy.id)
    if key not in entities:
        entities[key] = proxy
        return
    warnings.append(f"{path.name}: {key} appears more than once; merged")
    try:
        entities[key].merge(proxy)
    except FollowTheMoneyException as e:
        raise ListFormatError(f"conflicting records share the id {key}: {e}", path=str(path)) from e


def new_sanction(target: EntityProxy, *, authority: str, source_url: str) -> EntityProxy:
    """The Sanction record ``<target id>-sanction`` pointing at ``target``."""
    sanction = model.make_entity("Sanction")
    sanction.id = f"{target.id}-sanction"
    sanction.add("entity", target.id)
    sanction.add("authority", authority)
    sanction.add("sourceUrl", source_url)
    return sanction


def split_numbered(value: str | None) -> list[str]:
    """Split ``(1) Germany. (2) Morocco`` into ``["Germany", "Morocco"]``.

    Text without numbering gives itself; empty parts and trailing full stops are dropped.
    """
    text = clean(value)
    if text is None:
        return []
    parts = _NUMBERED.split(text)
    return [p for part in parts if (p := clean(part.strip().rstrip(".,;"))) is not None]


def dmy_date(value: str | None) -> str | None:
    """A UK list date (``24/10/1957``, ``00/00/1957``, ``dd/mm/1957``, ``10/1957``) as ISO.

    Zeroed or placeholder day and month give the month or the year alone; anything else
    unreadable gives ``None``.
    """
    if value is None:
        return None
    match = _DMY.match(value)
    if match is None:
        return None
    first, second, year = match.groups()
    day, month = (first, second) if second is not None else (None, first)
    month_num = int(month) if month and month.isdigit() else 0
    day_num = int(day) if day and day.isdigit() else 0
    if not 1 <= month_num <= 12:
        return year
    if day_num == 0:
        return f"{year}-{month_num:02d}"
    try:
        return date(int(year), month_num, day_num).isoformat()
    except ValueError:
        return f"{year}-{month_num:02d}"
