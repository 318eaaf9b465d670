"""Cleaning names: invisible and control characters, NFKC, look-alike letters, digits."""

from __future__ import annotations

import pytest

from sanctionwatch.names._text import clean_text


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        ("Kim\u200bJong Un", "KimJong Un", "invisible characters removed"),
        ("Kim Jo\u00adng\ufeff Un", "Kim Jong Un", "invisible characters removed"),
        ("Kim\u202eJong", "KimJong", "invisible characters removed"),
        ("Kim\x07Jong\x1bUn", "Kim Jong Un", "control characters removed"),
        ("Kіm Jоng Un", "Kim Jong Un", "look-alike letters from other scripts read as Latin"),
        ("РАК Pong Ju", "PAK Pong Ju", "look-alike letters from other scripts read as Latin"),
        ("Κim Υong", "Kim Yong", "look-alike letters from other scripts read as Latin"),
    ],
)
def test_clean_text_neutralises_evasion(text: str, expected: str, note: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.text == expected
    assert note in cleaned.notes


def test_clean_text_applies_nfkc() -> None:
    assert clean_text("ＫＩＭ ＪＯＮＧ ＵＮ").text == "KIM JONG UN"
    assert clean_text("𝐊𝐢𝐦").text == "Kim"


def test_clean_text_keeps_real_scripts() -> None:
    assert clean_text("Сергей Шойгу").text == "Сергей Шойгу"
    assert clean_text("Сергей Шойгу").notes == ()
    assert clean_text("Αλέξης Τσίπρας").text == "Αλέξης Τσίπρας"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("K1m J0ng Un", "Kim Jong Un"), ("Mu$tafa", "Mustafa"), ("Unit 190", "Unit 190"),
     ("3M Bank2", "3M Bank2")],
)  # fmt: skip
def test_clean_text_digits_between_letters_only(text: str, expected: str) -> None:
    assert clean_text(text, person=True).text == expected
    assert clean_text(text).text == text
