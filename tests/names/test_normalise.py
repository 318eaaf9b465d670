"""Name normalisation and keys."""

from __future__ import annotations

import pytest

from sanctionwatch.names import name_key, name_tokens, normalise_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KIM, Jong-Un", "kim jong un"),
        ("Ch'oe Sŏn-hŭi", "choe son hui"),
        ("Ch’oe Ch’un Sik", "choe chun sik"),
        ("RA KY'ONG-SU", "ra kyong su"),
        ("Сергей Шойгу", "sergej sojgu"),
        ("  \u200bRi   Pyong\u00a0Chol ", "ri pyong chol"),
        ("", ""),
        ("---", ""),
    ],
)
def test_normalise_name_folds_case_script_and_punctuation(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


def test_name_key_ignores_order() -> None:
    assert name_key("KIM, Jong Un") == name_key("Jong Un Kim") == name_key("kim jong-un")


def test_name_key_keeps_distinct_people_apart() -> None:
    assert name_key("Kim Yong Chol") != name_key("Kim Yo Jong")


def test_name_tokens_keep_written_order() -> None:
    assert name_tokens("Ri Pyong-chol") == ["ri", "pyong", "chol"]
