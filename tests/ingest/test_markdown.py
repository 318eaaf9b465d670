"""Markdown and front matter: markup stripped, metadata read."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.ingest import read_document
from sanctionwatch.ingest._frontmatter import FrontMatter, split_front_matter
from sanctionwatch.ingest._markdown import markdown_title, markdown_to_text

REPORT = """\
---
title: "EU freezes assets of ACME Shipping"
url: https://example.org/news/acme
published: 2024-03-05
language: fr
---
# Asset freeze

The **Council** froze the assets of *ACME Shipping* and [its director](https://x.org/d "bio").

![satellite image](img/port.png)

- first measure
* second measure
1. numbered stays

> Quoted **statement** by the spokesperson.

```python
code = "kept as text"  # **not** stripped
```
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_document_markdown_text_and_metadata(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "acme.md", REPORT))
    assert doc.title == "EU freezes assets of ACME Shipping"
    assert doc.url == "https://example.org/news/acme"
    assert doc.published == "2024-03-05"
    assert doc.language == "fr"
    assert doc.media_type == "text/markdown"
    assert doc.text == (
        "Asset freeze\n\n"
        "The Council froze the assets of ACME Shipping and its director.\n\n"
        "first measure\nsecond measure\n1. numbered stays\n\n"
        "Quoted statement by the spokesperson.\n\n"
        'code = "kept as text" # **not** stripped'
    )


def test_read_document_markdown_heading_title_without_front_matter(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "a.markdown", "Intro line\n\n## Sub\n\n# The *Title*\n"))
    assert doc.title == "The Title"
    assert doc.url is None and doc.published is None and doc.language == "en"


def test_read_document_markdown_without_title(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path, "a.md", "Just a paragraph.\n\nAnd more.")).title is None


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("## Heading ##", "Heading"),
        ("Setext\n======\n\nBody", "Setext\n\n\nBody"),
        ("above\n\n---\n\nbelow", "above\n\n\n\nbelow"),
        ("see [the list](https://a.org/(x)) now", "see the list now"),
        ("ref [text][1]\n\n[1]: https://a.org", "ref text\n\n"),
        ("<https://a.org/x>", "https://a.org/x"),
        ("an ![image](a.png) here", "an  here"),
        ("`code` and ~~gone~~ and __strong__", "code and gone and strong"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("escaped \\*star\\* &amp; &copy;", "escaped *star* & ©"),
        ("AT&T and a <b > c", "AT&T and a  c"),
        ("x <script>alert(1)</script> y <!-- note --> z", "x  y  z"),
        ("a <STYLE>p{}</style> b <span class='x'>c</span>", "a  b c"),
        ("| a | b |\n|---|:-:|\n| 1 | 2 |", "a\tb\n\n1\t2"),
        ("- [x] done\n- [ ] todo", "done\ntodo"),
        ("> > nested quote", "nested quote"),
        ("~~~\n# not a heading\n~~~", "\n# not a heading\n"),
    ],
)
def test_markdown_to_text_cases(markdown: str, expected: str) -> None:
    assert markdown_to_text(markdown) == expected


def test_markdown_to_text_unclosed_script_drops_rest() -> None:
    assert markdown_to_text("visible <script>alert(1) and the rest") == "visible "


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\ntext", "Title"),
        ("Title\n===\n\ntext", "Title"),
        ("```\n# code\n```\n# Real", "Real"),
        ("## Only level two", None),
        ("#hashtag is not a heading", None),
    ],
)
def test_markdown_title_cases(markdown: str, expected: str | None) -> None:
    assert markdown_title(markdown) == expected


def test_split_front_matter_reads_fields() -> None:
    front, body = split_front_matter(
        "---\ntitle: A\ndate: 2024-01-02T10:00:00\nlink: https://a.org\nlang: de-AT\n---\nBody"
    )
    assert front == FrontMatter(
        title="A", url="https://a.org", published="2024-01-02", language="de-AT"
    )
    assert body == "\nBody"


@pytest.mark.parametrize(
    "text",
    [
        "---\nnot: [valid yaml\n---\nbody",
        "---\njust a sentence\n---\nbody",
        "---\ntitle: never closed\nbody",
        "no front matter\n---\ntitle: x\n---",
    ],
)
def test_split_front_matter_absent_leaves_text(text: str) -> None:
    assert split_front_matter(text) == (None, text)


def test_split_front_matter_impossible_date_is_ignored() -> None:
    front, body = split_front_matter("---\ntitle: T\npublished: 2024-02-30\n---\nbody")
    assert front == FrontMatter(title="T")
    assert body == "\nbody"


def test_split_front_matter_wrong_types_ignored() -> None:
    front, _ = split_front_matter("---\ntitle: [a, b]\nurl: not a url\npublished: soon\n---\nx")
    assert front == FrontMatter()
