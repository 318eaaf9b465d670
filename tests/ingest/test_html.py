"""HTML: main text and metadata via trafilatura, the lxml fallback, hostile pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sanctionwatch.exc import EmptyInput, UnsafeInput
from sanctionwatch.ingest import Document, read_bytes, read_document
from sanctionwatch.ingest._html import MAX_EXTRACT_ELEMENTS

ARTICLE = """<!DOCTYPE html>
<html lang="de-DE">
<head>
  <meta charset="utf-8">
  <title>Asset freeze on ACME Shipping | Example News</title>
  <meta property="og:title" content="EU freezes assets of ACME Shipping">
  <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
  <link rel="canonical" href="https://example.org/news/acme-freeze">
  <script>alert(1)</script>
  <style>p { color: red }</style>
</head>
<body onload="alert(2)">
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>EU freezes assets of ACME Shipping</h1>
    <p onclick="steal()">The Council of the European Union froze the assets of ACME Shipping
    Ltd on Tuesday, according to the Official Journal, citing deliveries of oil products to
    North Korea in breach of United Nations caps.</p>
    <script>document.write("injected text")</script>
    <p>The company's director, John Doe, was also added to the list and banned from travelling
    to the European Union, the Council said in a statement published in Brussels.</p>
    <img src="x.png" onerror="alert(3)">
  </article>
  <footer>Copyright Example News</footer>
</body>
</html>
"""


def _read_html(html: str) -> tuple[str, Document]:
    doc = read_bytes(html.encode("utf-8"), source="page.html")
    return doc.text, doc


def test_read_document_html_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "acme.html"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(path)
    assert doc.media_type == "text/html"
    assert doc.title == "EU freezes assets of ACME Shipping"
    assert doc.url == "https://example.org/news/acme-freeze"
    assert doc.published == "2024-03-05"
    assert doc.language == "de"
    assert "froze the assets of ACME Shipping Ltd on Tuesday" in doc.text
    assert "John Doe" in doc.text
    assert "Copyright" not in doc.text


def test_read_bytes_html_url_argument_wins() -> None:
    doc = read_bytes(
        ARTICLE.encode(), source="fetched", media_type="text/html", url="https://b.org/a"
    )
    assert doc.url == "https://b.org/a"
    assert doc.source == "fetched"


@pytest.mark.parametrize("needle", ["alert", "injected", "steal", "color: red", "onload"])
def test_read_bytes_html_scripts_and_handlers_not_in_text(needle: str) -> None:
    text, _ = _read_html(ARTICLE)
    assert needle not in text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><ul><li>one <script>alert(1)</script>item</li><li>two</li></ul></body></html>",
        "<html><body onload='alert(1)'><nav><p>Only navigation <b>text</b> here.</p>"
        "<style>b{}</style><noscript>enable js</noscript></nav></body></html>",
    ],
    ids=["list", "nav"],
)
def test_read_bytes_html_fallback_when_trafilatura_finds_nothing(page: str) -> None:
    text, _ = _read_html(page)
    assert text in ("one item\ntwo", "Only navigation text here.")


def test_read_bytes_html_fallback_keeps_title() -> None:
    _, doc = _read_html(
        "<html><head><title>Lists</title></head><body><ul><li>a</li></ul></body></html>"
    )
    assert doc.title == "Lists"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing</title></head><body>  </body></html>",
        "<html><body><script>alert(1)</script><style>p{}</style></body></html>",
        "<!-- just a comment -->",
    ],
)
def test_read_bytes_html_without_text_is_empty(page: str) -> None:
    with pytest.raises(EmptyInput, match=r"^page\.html: no text"):
        _read_html(page)


def test_read_bytes_html_deep_nesting_refused() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(UnsafeInput, match=r"^page\.html: HTML is nested too deeply"):
        _read_html(page)


def test_read_bytes_html_10mb_single_line_refused() -> None:
    page = "<html><body><p>" + "word " * 2_100_000 + "</p></body></html>"
    with pytest.raises(UnsafeInput, match=r"^page\.html: HTML has a single text"):
        _read_html(page)


def test_read_bytes_html_xml_bomb_not_expanded() -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        f'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [<!ENTITY lol0 "lol">{entities}]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bomb</title></head>'
        "<body><p>&lol9;</p><p>Real text about sanctions.</p></body></html>"
    )
    started = time.monotonic()
    text, _ = _read_html(page)
    assert time.monotonic() - started < 5
    assert "Real text about sanctions." in text
    assert "lollol" not in text and len(text) < 1000


def test_read_bytes_html_many_elements_uses_fallback() -> None:
    page = "<html><body>" + "<span>word</span> " * (MAX_EXTRACT_ELEMENTS + 1) + "</body></html>"
    started = time.monotonic()
    text, _ = _read_html(page)
    assert time.monotonic() - started < 5
    assert text.count("word") == MAX_EXTRACT_ELEMENTS + 1


def test_read_bytes_html_sniffed_without_suffix() -> None:
    doc = read_bytes(
        b"<!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>", source="https://a.org/x"
    )
    assert doc.media_type == "text/html"
    assert doc.text == "Sniffed page."
