"""Bytes to text: binary refusal, strict UTF-8, BOMs, explicit and declared encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sanctionwatch.exc import BinaryInput, ConfigError, EncodingError
from sanctionwatch.ingest import read_bytes, read_document
from sanctionwatch.ingest._decode import declared_charset

MAGIC = {
    "PDF": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "ZIP": b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml",
    "PNG": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "ELF": b"\x7fELF\x02\x01\x01\x00",
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
}


@pytest.mark.parametrize("kind", sorted(MAGIC))
def test_read_document_binary_magic_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(MAGIC[kind])
    with pytest.raises(BinaryInput, match=rf"^{path}: binary file \(looks like {kind}"):
        read_document(path)


def test_read_bytes_nul_bytes_refused() -> None:
    with pytest.raises(BinaryInput, match=r"^blob\.txt: binary file \(contains NUL bytes\)"):
        read_bytes(b"looks like text\x00but is not", source="blob.txt")


def test_read_bytes_control_characters_refused() -> None:
    data = bytes(range(1, 9)) * 40 + b"some text"
    with pytest.raises(BinaryInput, match="too many control characters"):
        read_bytes(data, source="blob.txt")


def test_read_bytes_few_control_characters_accepted() -> None:
    doc = read_bytes(b"\x1b[1mbold\x1b[0m text with an escape\x07 or two", source="a.txt")
    assert doc.text == "[1mbold[0m text with an escape or two"


def test_read_document_invalid_utf8_gives_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Société Générale".encode("latin-1"))
    with pytest.raises(EncodingError) as info:
        read_document(path)
    assert str(info.value) == (
        f"{path}: not valid UTF-8 at byte 4; pass --encoding to read it as another encoding"
    )


def test_read_document_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Société Générale".encode("latin-1"))
    assert read_document(path, encoding="latin-1").text == "Société Générale"


def test_read_document_explicit_encoding_wrong_gives_offset(tmp_path: Path) -> None:
    path = tmp_path / "ascii.txt"
    path.write_bytes(b"abc\xffdef")
    with pytest.raises(EncodingError, match=r"not valid ascii at byte 3"):
        read_document(path, encoding="ascii")


@pytest.mark.parametrize("encoding", ["klingon", "base64"])
def test_read_bytes_unknown_encoding_is_config_error(encoding: str) -> None:
    with pytest.raises(ConfigError, match=rf"^a\.txt: unknown text encoding '{encoding}'$"):
        read_bytes(b"text", source="a.txt", encoding=encoding)


def test_read_bytes_utf8_bom_removed() -> None:
    doc = read_bytes(codecs.BOM_UTF8 + b"Title\n\nBody", source="a.txt")
    assert doc.text == "Title\n\nBody"
    assert doc.title == "Title"


def test_read_bytes_utf8_bom_offset_counts_bom() -> None:
    with pytest.raises(EncodingError, match="at byte 5;"):
        read_bytes(codecs.BOM_UTF8 + b"ab\xff", source="a.txt")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_read_bytes_wide_unicode_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else b""
    data = bom + "Назначение\r\n\r\nFrozen assets".encode(codec)
    doc = read_bytes(data, source="a.txt")
    assert doc.text == "Назначение\n\nFrozen assets"


def test_read_bytes_utf16_explicit_without_bom() -> None:
    doc = read_bytes("Frozen".encode("utf-16-le"), source="a.txt", encoding="utf-16-le")
    assert doc.text == "Frozen"


def test_read_bytes_utf16_binary_content_refused() -> None:
    data = codecs.BOM_UTF16_LE + ("\x00\x01\x02" * 50).encode("utf-16-le")
    with pytest.raises(BinaryInput, match="binary file"):
        read_bytes(data, source="a.txt")


def test_read_bytes_html_meta_charset_honoured() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Газпром банк</p></body></html>'
    doc = read_bytes(page.encode("cp1251"), source="page.html")
    assert "Газпром банк" in doc.text


def test_read_bytes_html_latin1_label_read_as_windows_1252() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    page += "</head><body><p>\u201cQuoted\u201d Société</p></body></html>"
    doc = read_bytes(page.encode("cp1252"), source="page.html")
    assert "\u201cQuoted\u201d Société" in doc.text


def test_read_bytes_html_declared_charset_wrong_gives_offset() -> None:
    page = b'<html><head><meta charset="shift_jis"></head><body><p>\x81\x20</p></body></html>'
    with pytest.raises(EncodingError, match=r"page.html: not valid shift_jis at byte \d+"):
        read_bytes(page, source="page.html")


def test_read_bytes_text_ignores_meta_charset() -> None:
    data = '<meta charset="latin-1"> Société'.encode("latin-1")
    with pytest.raises(EncodingError, match="not valid UTF-8"):
        read_bytes(data, source="notes.txt")


def test_read_bytes_media_type_charset_parameter() -> None:
    doc = read_bytes(
        "Société".encode("latin-1"),
        source="https://example.org/x",
        media_type="text/plain; charset=latin-1",
    )
    assert doc.text == "Société"


@pytest.mark.parametrize(
    ("data", "media_type", "expected"),
    [
        (b"<meta charset='utf-8'>", None, "utf-8"),
        (b'<meta http-equiv="content-type" content="text/html; charset=koi8-r">', None, "koi8-r"),
        (b'<?xml version="1.0" encoding="iso-8859-2"?><html>', None, "iso-8859-2"),
        (b"<p>nothing</p>", None, None),
        (b"<meta charset='utf-8'>", "text/html; charset=cp1252", "cp1252"),
    ],
)
def test_declared_charset_sources(
    data: bytes, media_type: str | None, expected: str | None
) -> None:
    assert declared_charset(data, media_type, markup=True) == expected
