"""The screener: the issue's example names across their forms, surnames alone, qualifiers."""

from __future__ import annotations

import pytest

from sanctionwatch.exc import InputError
from sanctionwatch.names import DEFAULT_CONFIG, Screener, compare
from tests.names.conftest import RECORDS

FORMS = {
    "PAK-PONG-JU": [
        "Pak Pong Ju", "Pak Pong-ju", "PAK, Pong Ju", "Pong Ju Pak", "Pak Pongju", "박봉주",
        "박 봉주", "Park Bong-ju", "Bak Bongju", "Pak Pŏng-ju",
    ],
    "RI-PYONG-CHOL": [
        "Ri Pyong Chol", "Ri Pyong-chol", "RI, Pyong Chol", "리병철", "Ri Byeong-cheol",
        "Lee Pyong Chol", "Rhee Byung Chul", "Ri Pyŏng-ch'ŏl",
    ],
    "SHOIGU": [
        "Sergei Shoigu", "Sergey Kuzhugetovich Shoygu", "Сергей Шойгу", "SHOIGU, Sergei",
        "Сергей Кужугетович Шойгу", "Sergej Schojgu", "Serguei Choigou",
    ],
    "KIM-JONG-UN": [
        "KIM, Jong Un", "Kim Jong Un", "Kim Jong-un", "Jong Un Kim", "김정은", "Kim Jeong-eun",
        "Kim Jongun",
    ],
    "KIM-YO-JONG": ["Kim Yo Jong", "Kim Yo-jong", "김여정", "Kim Yeo-jeong", "Yo-jong Kim"],
    "CHOE-SON-HUI": ["Choe Son Hui", "Ch'oe Sŏn-hŭi", "Choi Sun-hee", "최선희", "Choe Seon-hui"],
    "ZAWAHIRI": ["Ayman al-Zawahiri", "Dr. Ayman Al-Zawahri", "أيمن الظواهري"],
}  # fmt: skip
EVASIONS = [
    "Kіm Jоng Un",  # Cyrillic і and о
    "Kim\u200bJong Un",  # zero-width space
    "Kim Jo\u00adng Un",  # soft hyphen
    "ＫＩＭ ＪＯＮＧ ＵＮ",  # fullwidth
    "K1m J0ng Un",  # digits for letters
    "Kim\tJong\x07 Un",  # control characters
    "Kim Jomg Un",  # a typo
]
SURNAMES = ["Kim", "KIM", "Pak", "Park", "Ri", "Lee", "Choe", "Choi", "Shoigu", "김", "박", "리"]


@pytest.mark.parametrize(
    ("list_id", "query"), [(ref, q) for ref, queries in FORMS.items() for q in queries]
)
def test_screener_matches_example_names_across_forms(
    screener: Screener, list_id: str, query: str
) -> None:
    matches = screener.screen(query)
    assert matches, f"{query!r} matched nothing"
    assert matches[0].list_id == list_id, [(m.list_id, m.score) for m in matches]
    assert matches[0].score >= DEFAULT_CONFIG.threshold


@pytest.mark.parametrize("query", EVASIONS)
def test_screener_sees_through_evasion(screener: Screener, query: str) -> None:
    matches = screener.screen(query)
    assert matches and matches[0].list_id == "KIM-JONG-UN"


@pytest.mark.parametrize("surname", SURNAMES)
def test_screener_surname_alone_never_matches(screener: Screener, surname: str) -> None:
    assert screener.screen(surname) == []
    assert screener.screen(surname, schema="person") == []
    for record in RECORDS:
        for name in record.names:
            assert not compare(surname, name, schema="person").match
            assert not screener.compare(surname, name).match


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("Kim Jong Il", "KIM-JONG-UN"),
        ("Kim Jong Nam", "KIM-JONG-UN"),
        ("Kim Yong Nam", "KIM-YONG-CHOL"),
        ("Pak Chol Su", "PAK-CHOL-NAM"),
        ("Ri Pyong Su", "RI-PYONG-CHOL"),
        ("Korea Mining Bank", "KOMID"),
    ],
)
def test_screener_keeps_namesakes_apart(screener: Screener, query: str, other: str) -> None:
    assert other not in {m.list_id for m in screener.screen(query)}


def test_screener_explains_each_part(screener: Screener) -> None:
    match = screener.screen("Kim Yo-jong")[0]
    assert "surname KIM = Kim" in match.explanation
    assert "given name Yo Jong ~ Yo-jong (hyphen)" in match.explanation
    assert "DOB unknown" in match.explanation
    korean = screener.screen("Ri Byeong-cheol")[0].explanation
    assert "Korean romanisation" in korean
    cyrillic = screener.screen("Сергей Шойгу")[0].explanation
    assert "from Cyrillic" in cyrillic and "patronymic" in cyrillic


def test_screener_common_parts_weigh_less(screener: Screener) -> None:
    weight = screener.index.weight
    assert weight("kim") < weight("pak") < weight("yo") == 1.0
    assert weight("nowhere") is None


def test_screener_dob_and_country_qualify(screener: Screener) -> None:
    plain = screener.screen("Kim Jong-un")[0]
    same = screener.screen("Kim Jong-un", dob="1984-01-08", country="North Korea")[0]
    assert same.score >= plain.score
    assert "DOB 1984-01-08 = 1984-01-08" in same.explanation
    assert "country kp = kp" in same.explanation
    other = screener.screen("Kim Jong-un", dob="1950", country="ru", threshold=0.0)[0]
    assert other.score < plain.score
    assert "≠" in other.explanation


def test_screener_identifier_settles(screener: Screener) -> None:
    renamed = screener.screen("Ocean Star", schema="vessel", identifiers=["IMO 9123456"])
    assert [m.list_id for m in renamed] == ["HERMANN"]
    assert "settles the match" in renamed[0].explanation
    in_name = screener.screen("M/V HERMANN IMO 9123456", schema="vessel")
    assert in_name[0].list_id == "HERMANN" and in_name[0].score >= 0.99


def test_screener_type_filters(screener: Screener) -> None:
    assert screener.screen("Korea Ryonbong General Corp.", schema="organization")
    assert screener.screen("Korea Ryonbong General Corp.", schema="person") == []
    assert screener.screen("M/V Hermann", schema="vessel")[0].list_id == "HERMANN"
    with pytest.raises(InputError, match="unknown type"):
        screener.screen("Hermann", schema="airship")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 10_000, "10,000 characters"),
        ("\x00\x01\x02", "no letters or digits"),
        ("---", "no letters or digits"),
    ],
)
def test_screener_refuses_malformed_names(screener: Screener, query: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        screener.screen(query)
    with pytest.raises(InputError, match=message):
        compare(query, "Kim Jong Un")


@pytest.mark.parametrize(("dob", "country"), [("08/01/1984", None), (None, "Atlantis")])
def test_screener_refuses_bad_qualifiers(
    screener: Screener, dob: str | None, country: str | None
) -> None:
    with pytest.raises(InputError):
        screener.screen("Kim Jong Un", dob=dob, country=country)


def test_screener_result_dict_is_json_ready(screener: Screener) -> None:
    data = screener.screen("Pak Pong-ju")[0].to_dict()
    assert data["list_id"] == "PAK-PONG-JU" and data["programs"] == ["TEST"]
    assert set(data) == {"dataset", "list_id", "entity_id", "schema", "name", "caption",
                         "score", "explanation", "programs"}  # fmt: skip


def test_compare_returns_score_match_and_explanation() -> None:
    result = compare("Kim Yo-jong", "KIM YO JONG", schema="person")
    assert result.to_dict() == {
        "score": 1.0,
        "match": True,
        "explanation": "surname KIM = Kim; given name YO JONG ~ Yo-jong (hyphen)",
    }
    assert not compare("Kim Jong Il", "Kim Jong Un", schema="person").match
    assert compare("Korea Ryonbong General Corp", "KOREA RYONBONG GENERAL CORPORATION",
                   schema="organization").match  # fmt: skip
