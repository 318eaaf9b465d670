"""Read a file, or bytes from anywhere, into a :class:`Document`.

Every input takes the same path: size limit, binary check, strict decoding, then the format's
reader (plain text, Markdown, HTML) for text and metadata, then :func:`normalise_text`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sanctionwatch.exc import ConfigError, EmptyInput, InputError, InputNotFound, UnsafeInput
from sanctionwatch.ingest._decode import declared_charset, decode_bytes, sniff_binary
from sanctionwatch.ingest._document import Document
from sanctionwatch.ingest._frontmatter import FrontMatter, split_front_matter
from sanctionwatch.ingest._html import html_to_text
from sanctionwatch.ingest._markdown import markdown_title, markdown_to_text
from sanctionwatch.ingest._normalise import normalise_language, normalise_line, normalise_text
from sanctionwatch.ingest._paths import MEDIA_TYPES, media_type_for

__all__ = ["DEFAULT_MAX_BYTES", "MAX_TITLE_CHARS", "read_bytes", "read_document"]

#: Inputs larger than this (20 MB) are refused unless the caller raises the limit.
DEFAULT_MAX_BYTES = 20_000_000

#: A plain-text file's first line is its title only if it is shorter than this.
MAX_TITLE_CHARS = 200

_MEDIA_TYPE_ALIASES = {
    "text/x-markdown": "text/markdown",
    "application/xhtml+xml": "text/html",
}
_SUPPORTED_MEDIA_TYPES = frozenset(MEDIA_TYPES.values())


def read_document(
    path: Path | str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a text, Markdown or HTML file into a :class:`Document`.

    The format comes from the suffix (``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm``).

    :param path: the file.
    :param encoding: the text encoding, when the file is not UTF-8 (a BOM is always honoured).
    :param max_bytes: refuse files larger than this many bytes.
    :raises ConfigError: ``encoding`` is unknown or ``max_bytes`` is not positive.
    :raises InputNotFound: the file does not exist.
    :raises InputError: it is a folder or has an unsupported suffix (and the subclasses
        :class:`EmptyInput`, :class:`BinaryInput`, :class:`EncodingError`,
        :class:`UnsafeInput` as for :func:`read_bytes`).
    """
    _check_limit(max_bytes)
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise InputError("is a folder, not a file", path=source)
    if not path.exists():
        raise InputNotFound("no such file", path=source)
    if not path.is_file():
        raise InputError("not a regular file", path=source)
    media_type = media_type_for(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnsafeInput(_too_large(size, max_bytes), path=source)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}", path=source) from e
    return read_bytes(
        data, source=source, media_type=media_type, encoding=encoding, max_bytes=max_bytes
    )


def read_bytes(
    data: bytes,
    *,
    source: str,
    media_type: str | None = None,
    encoding: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Turn the bytes of a text, Markdown or HTML document into a :class:`Document`.

    :param data: the raw bytes.
    :param source: where they came from (a path or URL): kept on the Document and named in
        every error message.
    :param media_type: ``text/plain``, ``text/markdown`` or ``text/html``, optionally with a
        ``charset`` parameter (as in an HTTP ``Content-Type``). When ``None`` it comes from
        the suffix of ``source``, else from a sniff of the bytes (HTML or plain text).
    :param encoding: the text encoding, when the data is not UTF-8.
    :param url: where the document was published; overrides a URL found in it.
    :param max_bytes: refuse data larger than this many bytes.
    :raises UnsafeInput: the data is over ``max_bytes``, or HTML beyond the parser's limits.
    :raises BinaryInput: the data is binary.
    :raises EncodingError: the data is not valid UTF-8 (or not valid in ``encoding``).
    :raises EmptyInput: there is no text.
    :raises InputError: the media type is not supported.
    :raises ConfigError: ``encoding`` is unknown or ``max_bytes`` is not positive.
    """
    _check_limit(max_bytes)
    if len(data) > max_bytes:
        raise UnsafeInput(_too_large(len(data), max_bytes), path=source)
    if not data.strip():
        raise EmptyInput("empty file" if not data else "no text (only whitespace)", path=source)
    sniff_binary(data, source=source, encoding=encoding)
    kind = _media_type(media_type, source=source, data=data)
    declared = declared_charset(data, media_type, markup=kind == "text/html")
    text = decode_bytes(data, source=source, encoding=encoding, declared=declared)
    if kind == "text/html":
        page = html_to_text(text, source=source, url=url)
        meta = FrontMatter(
            title=page.title,
            url=page.url,
            published=page.published,
            language=page.language,
            publisher=page.publisher,
        )
        body = normalise_text(page.text)
    else:
        meta, body = _read_text(text, markdown=kind == "text/markdown")
    if not body:
        raise EmptyInput("no text (only whitespace or metadata)", path=source)
    return Document(
        text=body,
        title=meta.title,
        url=url or meta.url,
        published=meta.published,
        language=normalise_language(meta.language),
        source=source,
        media_type=kind,
        publisher=meta.publisher,
    )


def _read_text(text: str, *, markdown: bool) -> tuple[FrontMatter, str]:
    """Front matter and normalised body of a plain-text or Markdown document."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, text = split_front_matter(text)
    meta = front or FrontMatter()
    if markdown:
        title = meta.title or markdown_title(text)
        body = normalise_text(markdown_to_text(text))
    else:
        body = normalise_text(text)
        title = meta.title or _plain_title(body)
    return dataclasses.replace(meta, title=title), body


def _plain_title(body: str) -> str | None:
    """The first line of a plain text, if a blank line follows it and it is short."""
    first, blank, rest = body.partition("\n\n")
    if not blank or not rest or "\n" in first or len(first) >= MAX_TITLE_CHARS:
        return None
    return normalise_line(first)


def _media_type(media_type: str | None, *, source: str, data: bytes) -> str:
    """The media type to read the data as, without parameters."""
    if media_type is None:
        try:
            return media_type_for(source.split("?", 1)[0].split("#", 1)[0])
        except InputError:
            head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
            html = head.startswith(b"<!doctype html") or b"<html" in head
            return "text/html" if html else "text/plain"
    kind = media_type.split(";", 1)[0].strip().lower()
    kind = _MEDIA_TYPE_ALIASES.get(kind, kind)
    if kind not in _SUPPORTED_MEDIA_TYPES:
        supported = ", ".join(sorted(_SUPPORTED_MEDIA_TYPES))
        raise InputError(f"unsupported media type {kind!r}; supported: {supported}", path=source)
    return kind


def _check_limit(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"max_bytes must be a positive number of bytes, not {max_bytes!r}")


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large to read safely ({size:,} bytes; the limit is {max_bytes:,})"
