"""normalise_text: the canonical text every offset refers to."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sanctionwatch.ingest import normalise_text
from sanctionwatch.ingest._normalise import normalise_date, normalise_language, normalise_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree"),
        ("Cafe\u0301 Zu\u0308rich", "Café Zürich"),
        ("Ros\u200bneft\u200d Oil\ufeff", "Rosneft Oil"),
        ("soft\u00adhyphen and \u202eflipped\u202c", "softhyphen and flipped"),
        ("bell\x07 and\x1b escape\x00", "bell and escape"),
        ("a  \t b\t\tc", "a b c"),
        ("keep\ta single tab", "keep\ta single tab"),
        ("non\u00a0breaking\u2003em\u3000space", "non breaking em space"),
        ("  indented\n\ttabbed  \ntrailing   ", "indented\ntabbed\ntrailing"),
        ("one\n\n\n\n\ntwo\n \n\t\n \nthree", "one\n\ntwo\n\nthree"),
        ("page one\x0cpage two\u2028line", "page one\npage two\nline"),
        ("\n\n  surrounded  \n\n", "surrounded"),
        ("", ""),
        (" \u200b\t\n", ""),
    ],
    ids=[
        "line-ends",
        "nfc",
        "zero-width",
        "soft-hyphen-bidi",
        "controls",
        "space-runs",
        "single-tab",
        "unicode-spaces",
        "line-edges",
        "blank-lines",
        "other-separators",
        "strip",
        "empty",
        "only-invisible",
    ],
)
def test_normalise_text_cases(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Cafe\u0301\r\n\r\n\r\n  x\u200b\u0301 \t y\u00a0\n",
        "\ufeff---\n\t\t\n\u0301lone mark",
        "e\u200b\u0301 and e \u0301 and \u2029\u0301",
    ],
)
def test_normalise_text_idempotent(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_normalise_text_removes_lone_surrogates() -> None:
    assert normalise_text("a\ud800b") == "ab"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 3, 5), "2024-03-05"),
        (datetime(2024, 3, 5, 10, 30), "2024-03-05"),
        ("2024-03-05", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024-02-30", None),
        ("5 March 2024", None),
        (20240305, None),
        (None, None),
    ],
)
def test_normalise_date_values(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        ("en-GB", "en"),
        ("pt_BR", "pt"),
        ("DE", "de"),
        ("", "en"),
        (None, "en"),
        ("english!", "en"),
        (7, "en"),
    ],
)
def test_normalise_language_values(value: object, expected: str) -> None:
    assert normalise_language(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("  A\n title ", "A title"), ("", None), (None, None), (2024, "2024"), (["x"], None)],
)
def test_normalise_line_values(value: object, expected: str | None) -> None:
    assert normalise_line(value) == expected
