"""Tests for the list readers' shared plumbing (sanctionwatch.lists._common)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists._common import HashedFile, XmlStream, decode_text, local_name

XML = """<?xml version="1.0"?>
<root xmlns="urn:x" a="1">
  <head>meta</head>
  <item id="1"><name>One</name><item id="nested"/></item>
  <item id="2"><name>Two</name></item>
</root>
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "list.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_xml_stream_yields_records_without_namespaces(tmp_path: Path) -> None:
    path = _write(tmp_path, XML)
    with XmlStream(path, root="root", what="a test list") as stream:
        seen = [
            (r.tag, r.get("id"), r.findtext("name"))
            for r in stream.records(frozenset({"head", "item"}))
        ]
        assert stream.root is not None and stream.root.get("a") == "1"
    assert seen == [("head", None, None), ("item", "1", "One"), ("item", "2", "Two")]
    assert stream.hexdigest == hashlib.sha256(XML.encode()).hexdigest()


def test_xml_stream_clears_records(tmp_path: Path) -> None:
    path = _write(tmp_path, XML)
    with XmlStream(path, root="root", what="a test list") as stream:
        for _ in stream.records(frozenset({"item"})):
            pass
        assert stream.root is not None
        assert [c.tag for c in stream.root] == ["head"]


def test_xml_stream_other_root(tmp_path: Path) -> None:
    path = _write(tmp_path, XML)
    with (
        pytest.raises(ListFormatError, match="not a test list: the root element is <root>"),
        XmlStream(path, root=("a", "b"), what="a test list") as stream,
    ):
        list(stream.records(frozenset({"item"})))


@pytest.mark.parametrize("text", ["", "   ", "plain text", "<root><item></root>"])
def test_xml_stream_malformed(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with (
        pytest.raises(ListFormatError, match=r"line \d+, column \d+") as info,
        XmlStream(path, root="root", what="a test list") as stream,
    ):
        list(stream.records(frozenset({"item"})))
    assert info.value.path == str(path)


def test_xml_stream_refuses_dtd(tmp_path: Path) -> None:
    path = _write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE root [<!ENTITY a "b">]>\n<root/>')
    with (
        pytest.raises(ListFormatError, match="unsafe XML refused at line 2"),
        XmlStream(path, root="root", what="a test list") as stream,
    ):
        list(stream.records(frozenset({"item"})))


def test_hashed_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound), HashedFile(tmp_path / "absent"):
        pass
    with pytest.raises(ListFormatError, match="folder"), HashedFile(tmp_path):
        pass


def test_hashed_file_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, b"a\r\nbb\n\nlast", "x.txt")
    with HashedFile(path) as fh:
        assert list(fh.lines()) == [b"a\r\n", b"bb\n", b"\n", b"last"]
    assert fh.hexdigest == hashlib.sha256(b"a\r\nbb\n\nlast").hexdigest()


def test_decode_text(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    assert decode_text("\ufeffMu\u00f1oz".encode(), path) == "Mu\u00f1oz"
    assert decode_text("Mu\u00f1oz".encode("cp1252"), path) == "Mu\u00f1oz"
    with pytest.raises(ListFormatError, match="NUL"):
        decode_text(b"a\x00b", path)
    assert local_name("{urn:x}item") == "item"
    assert local_name("item") == "item"
