"""Writing names of every script in Latin letters."""

from __future__ import annotations

import pytest

from sanctionwatch.names._korean import looks_korean, romanise_hangul
from sanctionwatch.names._translit import latinise_word, split_scripts


@pytest.mark.parametrize(
    ("word", "latin", "script"),
    [
        ("박봉주", "pak pong ju", "Hangul"),
        ("리병철", "ri pyong chol", "Hangul"),
        ("최선희", "choe son hui", "Hangul"),
        ("김여정", "kim yo jong", "Hangul"),
        ("Шойгу", "shoigu", "Cyrillic"),
        ("Юрий", "yury", "Cyrillic"),
        ("金正恩", "jin zheng en", "Han"),
        ("محمد", "mhmd", "Arabic"),
        ("عبد", "abd", "Arabic"),
        ("أسامة", "asamh", "Arabic"),
        ("Αλέξης", "alexis", "Greek"),
        ("ბიძინა", "bidzina", "Georgian"),
        ("Արմեն", "armen", "Armenian"),
        ("Sŏn-hŭi", "son-hui", None),
        ("Kim", "kim", None),
    ],
)
def test_latinise_word_per_script(word: str, latin: str, script: str | None) -> None:
    assert latinise_word(word) == (latin, script)


def test_romanise_hangul_one_part_per_syllable() -> None:
    assert romanise_hangul("김정은") == ["kim", "jong", "un"]
    assert romanise_hangul("룡해") == ["ryong", "hae"]


@pytest.mark.parametrize(
    ("parts", "surname"),
    [(["kim", "jong", "un"], 0), (["yo", "jong", "kim"], 2), (["pak", "pongju"], 0),
     (["sergei", "shoigu"], -1), (["kim"], -1)],
)  # fmt: skip
def test_looks_korean_finds_the_surname(parts: list[str], surname: int) -> None:
    assert looks_korean(parts) == surname


def test_split_scripts_separates_a_name_written_twice() -> None:
    assert split_scripts("Agha Jan Alizai اغا جان عالیزی") == ["Agha Jan Alizai", "اغا جان عالیزی"]
    assert split_scripts("Jin Tiesan (金铁三)") == ["Jin Tiesan", "金铁三"]
    assert split_scripts("Kim Jong Un") == ["Kim Jong Un"]
    assert split_scripts("Сергей Шойгу") == ["Сергей Шойгу"]
