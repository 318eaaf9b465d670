"""Bytes to text: refuse binary data, then decode strictly, never guessing.

UTF-8 is the rule. A byte order mark is honoured (UTF-8, UTF-16, UTF-32) and removed. Anything
else needs an explicit ``encoding``, or, as a last resort before failing, a charset the
document declares itself (an HTML ``<meta charset>``, an XML declaration or a ``charset``
parameter of the media type).
"""

from __future__ import annotations

import codecs
import re

from sanctionwatch.exc import BinaryInput, ConfigError, EncodingError

__all__ = ["declared_charset", "decode_bytes", "sniff_binary"]

#: Signatures of binary formats people mistake for documents, checked at the start of the data.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (DOCX, XLSX, ODT, EPUB...)"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (DOC, XLS, MSG)"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
)

#: How much of the data the control-character check samples.
SNIFF_BYTES = 65536

#: Above this share of control characters (other than whitespace) the data is called binary.
MAX_CONTROL_SHARE = 0.10

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels a browser reads as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = frozenset(
    {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1"}
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._\-]+)""",
    re.IGNORECASE,
)
_CHARSET_SCAN_BYTES = 4096


def sniff_binary(data: bytes, *, source: str, encoding: str | None = None) -> None:
    """Raise :class:`BinaryInput` if ``data`` looks like a binary file rather than text.

    Binary means: a known binary signature at the start (:data:`BINARY_MAGIC`), NUL bytes or
    more than :data:`MAX_CONTROL_SHARE` control characters. For UTF-16/32 data (by BOM or by
    ``encoding``) only the signatures are checked here; :func:`decode_bytes` checks the text.

    :param data: the raw bytes.
    :param source: the path or URL, for the error message.
    :param encoding: the encoding the caller will decode with, if not UTF-8.
    """
    head = data[:1024].lstrip(b" \t\r\n")
    for magic, name in BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"binary file (looks like {name})", path=source)
    if _is_wide(_bom(data)[1]) or (encoding is not None and _is_wide(_lookup(encoding))):
        return  # NULs are normal here: decode_bytes checks the decoded text instead
    if b"\x00" in data:
        raise BinaryInput("binary file (contains NUL bytes)", path=source)
    sample = data[:SNIFF_BYTES]
    if sample and len(_CONTROL_BYTES.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput("binary file (too many control characters)", path=source)


def decode_bytes(
    data: bytes,
    *,
    source: str,
    encoding: str | None = None,
    declared: str | None = None,
) -> str:
    """Decode ``data`` strictly to text, without a byte order mark.

    :param data: the raw bytes (already checked with :func:`sniff_binary`).
    :param source: the path or URL, for error messages.
    :param encoding: the encoding to use instead of UTF-8; a UTF-8 BOM is still removed.
    :param declared: a charset the document declares itself, tried when it is not UTF-8.
    :raises EncodingError: the bytes are not valid in the encoding (the message gives the
        byte offset).
    :raises ConfigError: ``encoding`` is not a text encoding Python knows.
    """
    if encoding is not None:
        codec = _lookup(encoding)
        if codec is None:
            raise ConfigError(f"unknown text encoding {encoding!r}", path=source)
        skip = len(codecs.BOM_UTF8) if codec == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
        text = _decode(data, codec, skip=skip, source=source, hint="")
    elif _is_wide(bom_codec := _bom(data)[1]):
        text = _decode_wide(data, str(bom_codec), source=source)
    else:
        text = _decode_utf8(data, source=source, declared=declared)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise BinaryInput("binary file (contains NUL characters)", path=source)
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput("binary file (too many control characters)", path=source)
    return text


def declared_charset(
    data: bytes, media_type: str | None = None, *, markup: bool = False
) -> str | None:
    """The charset a document declares for itself, or ``None``.

    Looks at a ``charset`` parameter of ``media_type`` first (as in an HTTP ``Content-Type``),
    then, for markup, at a ``<meta charset>``, ``<meta http-equiv>`` or XML declaration near
    the start.

    :param data: the raw bytes.
    :param media_type: the media type, possibly with parameters.
    :param markup: whether the data is HTML, whose own declaration counts.
    """
    if media_type:
        for param in media_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip(" \"'"):
                return value.strip(" \"'")
    match = _CHARSET_RE.search(data[:_CHARSET_SCAN_BYTES]) if markup else None
    if match is None:
        return None
    raw = match.group(1) or match.group(2)
    return raw.decode("ascii", "replace")


def _decode_wide(data: bytes, codec: str, *, source: str) -> str:
    if codec == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
        try:  # FF FE 00 00 is also a UTF-16-LE BOM followed by U+0000
            return data.decode("utf-32")
        except UnicodeDecodeError:
            codec = "utf-16"
    return _decode(data, codec, skip=0, source=source, hint="")


def _decode_utf8(data: bytes, *, source: str, declared: str | None) -> str:
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        fallback = _lookup(declared, whatwg=True) if declared else None
        if fallback is None or fallback == "utf-8" or _is_wide(fallback):
            raise EncodingError(
                f"not valid UTF-8 at byte {e.start + skip}; "
                "pass --encoding to read it as another encoding",
                path=source,
            ) from e
    if fallback == "cp1252":  # as browsers do; bytes cp1252 leaves undefined are latin-1
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    hint = ", the charset it declares; pass --encoding to read it as another encoding"
    return _decode(data, fallback, skip=0, source=source, hint=hint)


def _bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", None


def _is_wide(codec: str | None) -> bool:
    return codec is not None and codec.startswith(("utf-16", "utf-32"))


def _lookup(label: str, *, whatwg: bool = False) -> str | None:
    """The canonical name of a text encoding, or ``None`` if Python has no such text codec.

    With ``whatwg``, labels browsers read as windows-1252 (for a charset a page declares).
    """
    label = label.strip().lower()
    if whatwg and label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
        b"a".decode(name, "replace")  # LookupError for codecs that are not text (base64, zlib)
    except LookupError:
        return None
    return "utf-8" if name in ("utf-8", "utf-8-sig") else name


def _decode(data: bytes, codec: str, *, skip: int, source: str, hint: str) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as e:
        raise EncodingError(f"not valid {codec} at byte {e.start + skip}{hint}", path=source) from e
