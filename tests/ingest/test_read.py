"""read_document and read_bytes: plain text, metadata, identity, errors, the public surface."""

from __future__ import annotations

from pathlib import Path

import pytest

import sanctionwatch.ingest
from sanctionwatch.exc import ConfigError, EmptyInput, InputError, InputNotFound, UnsafeInput
from sanctionwatch.ingest import DEFAULT_MAX_BYTES, Document, read_bytes, read_document


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_ingest_exported_members() -> None:
    assert set(sanctionwatch.ingest.__all__) == {
        "DEFAULT_MAX_BYTES",
        "MEDIA_TYPES",
        "Document",
        "document_id",
        "iter_paths",
        "normalise_text",
        "read_bytes",
        "read_document",
    }
    for name in sanctionwatch.ingest.__all__:
        assert getattr(sanctionwatch.ingest, name) is not None


def test_read_document_plain_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "note.txt", "Asset freeze\r\n\r\nThe  Council froze\r\nassets.\r\n")
    doc = read_document(str(path))
    assert doc == Document(
        text="Asset freeze\n\nThe Council froze\nassets.",
        title="Asset freeze",
        source=str(path),
        media_type="text/plain",
    )
    assert doc.language == "en"
    assert doc.chars == len(doc.text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title\n\nBody", "Title"),
        ("Title\nBody continues\n\nMore", None),
        ("Only one paragraph", None),
        ("x" * 200 + "\n\nBody", None),
        ("x" * 199 + "\n\nBody", "x" * 199),
    ],
    ids=["blank-after", "no-blank", "single", "too-long", "just-short"],
)
def test_read_bytes_plain_title_rule(text: str, title: str | None) -> None:
    assert read_bytes(text.encode(), source="a.txt").title == title


def test_read_document_plain_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: Front matter\npublished: 2024-06-20\nlanguage: ko\n---\nLine one\n\nBody"
    doc = read_document(_write(tmp_path, "a.txt", text))
    assert (doc.title, doc.published, doc.language) == ("Front matter", "2024-06-20", "ko")
    assert doc.text == "Line one\n\nBody"


def test_document_id_same_for_crlf_and_lf(tmp_path: Path) -> None:
    lf = read_document(_write(tmp_path, "lf.txt", "Title\n\nCafé body\n"))
    crlf = read_document(_write(tmp_path, "crlf.txt", "Title\r\n\r\nCafe\u0301 body\r\n"))
    assert lf.id == crlf.id
    assert lf.text == crlf.text


def test_document_id_same_across_formats(tmp_path: Path) -> None:
    plain = read_document(_write(tmp_path, "a.txt", "Title\n\nThe body."))
    markdown = read_document(_write(tmp_path, "a.md", "# Title\n\nThe **body**."))
    assert plain.id == markdown.id
    assert plain.id != read_document(_write(tmp_path, "b.txt", "Title\n\nOther body.")).id


def test_read_document_missing_raises_not_found(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputNotFound) as info:
        read_document(path)
    assert str(info.value) == f"{path}: no such file"
    assert info.value.path == str(path)


def test_read_document_folder_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=rf"^{tmp_path}: is a folder, not a file$"):
        read_document(tmp_path)


def test_read_document_unsupported_suffix_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "data.csv", "a,b\n")
    with pytest.raises(InputError, match=rf"^{path}: unsupported file type '\.csv'"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \r\n\t\n ", "no text (only whitespace)"),
        ("invisible.md", "\u200b\u00a0\n".encode(), "no text (only whitespace or metadata)"),
        ("meta.md", b"---\ntitle: Only metadata\n---\n\n", "no text (only whitespace or metadata)"),
        ("markup.md", b"![img](a.png)\n\n---\n", "no text (only whitespace or metadata)"),
        ("empty.html", b"<html><body></body></html>", "no text found in the HTML"),
    ],
)
def test_read_document_empty_inputs(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(EmptyInput) as info:
        read_document(path)
    assert str(info.value) == f"{path}: {message}"


def test_read_document_over_max_bytes_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "x" * 1001)
    with pytest.raises(UnsafeInput, match=rf"^{path}: too large to read safely \(1,001 bytes"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=1001).chars == 1001


def test_read_document_default_limit_refuses_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(UnsafeInput, match="the limit is 20,000,000"):
        read_document(path)


def test_read_bytes_over_max_bytes_refused() -> None:
    with pytest.raises(UnsafeInput, match=r"^feed-item: too large"):
        read_bytes(b"x" * 11, source="feed-item", max_bytes=10)


@pytest.mark.parametrize(
    ("media_type", "expected"),
    [
        ("text/plain", "text/plain"),
        ("text/markdown; charset=utf-8", "text/markdown"),
        ("text/x-markdown", "text/markdown"),
        ("TEXT/HTML", "text/html"),
        ("application/xhtml+xml", "text/html"),
    ],
)
def test_read_bytes_media_types(media_type: str, expected: str) -> None:
    doc = read_bytes(b"<p>Hello **there**</p>", source="x", media_type=media_type)
    assert doc.media_type == expected


def test_read_bytes_unsupported_media_type_raises() -> None:
    with pytest.raises(InputError, match=r"^x: unsupported media type 'application/json'"):
        read_bytes(b"{}", source="x", media_type="application/json")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://a.org/story.md?ref=1", "text/markdown"),
        ("https://a.org/story", "text/plain"),
        ("reports/a.HTM", "text/html"),
    ],
)
def test_read_bytes_media_type_from_source(source: str, expected: str) -> None:
    assert read_bytes(b"plain words", source=source).media_type == expected


def test_read_bytes_url_sets_document_url() -> None:
    doc = read_bytes(
        b"---\nurl: https://a.org/old\n---\nText", source="s.md", url="https://b.org/new"
    )
    assert doc.url == "https://b.org/new"


@pytest.mark.parametrize("max_bytes", [0, -1])
def test_read_bytes_bad_limit_is_config_error(max_bytes: int) -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a positive number"):
        read_bytes(b"text", source="a.txt", max_bytes=max_bytes)


@pytest.mark.parametrize("key", ["publisher", "outlet", "site_name"])
def test_read_bytes_front_matter_publisher(key: str) -> None:
    data = f"---\ntitle: T\n{key}: Korea Wire Service\n---\nKim met Putin.\n".encode()
    doc = read_bytes(data, source="a.md")
    assert doc.publisher == "Korea Wire Service"


def test_read_bytes_html_site_name_is_publisher() -> None:
    page = (
        b'<html><head><meta property="og:site_name" content="Eurasia Monitor">'
        b"<title>T</title></head><body><article><p>"
        + b"Russia delivered refined petroleum to North Korea in March, officials said. " * 5
        + b"</p></article></body></html>"
    )
    assert read_bytes(page, source="a.html").publisher == "Eurasia Monitor"
