"""Part keys and similarity: transliteration equivalence, typos, and what stays apart."""

from __future__ import annotations

import pytest

from sanctionwatch.names._variants import Reason, part_keys, similarity


def sim(a: str, b: str, *, abjad: bool = False) -> tuple[float, int]:
    return similarity(part_keys(a, abjad), part_keys(b))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("pak", "park", Reason.EQUIVALENT), ("ri", "lee", Reason.EQUIVALENT),
        ("ri", "rhee", Reason.EQUIVALENT), ("choe", "choi", Reason.EQUIVALENT),
        ("jo", "cho", Reason.EQUIVALENT), ("kim", "gim", Reason.EQUIVALENT),
        ("pyong", "byeong", Reason.KOREAN), ("chol", "cheol", Reason.KOREAN),
        ("chol", "chul", Reason.KOREAN), ("un", "eun", Reason.KOREAN),
        ("hui", "hee", Reason.KOREAN), ("yong", "young", Reason.KOREAN),
        ("sergei", "sergey", Reason.EQUIVALENT), ("shoigu", "shoygu", Reason.RUSSIAN),
        ("yuri", "yuriy", Reason.EQUIVALENT), ("ivanov", "ivanow", Reason.RUSSIAN),
        ("glazev", "glazyev", Reason.RUSSIAN), ("yevgeny", "evgeniy", Reason.RUSSIAN),
        ("mohammed", "muhammad", Reason.EQUIVALENT), ("bin", "ibn", Reason.EQUIVALENT),
        ("kuzhugetovich", "kuzhugetovitch", Reason.RUSSIAN),
    ],
)  # fmt: skip
def test_similarity_variants_meet(a: str, b: str, reason: int) -> None:
    score, why = sim(a, b)
    assert score >= 0.9
    assert why == reason


def test_similarity_typos_and_initials() -> None:
    assert sim("jong", "jomg") == (0.75, Reason.TYPO)
    assert sim("hermann", "hermamn")[1] == Reason.TYPO
    assert sim("j", "jong") == (0.7, Reason.INITIAL)


def test_similarity_abjad_consonants() -> None:
    assert sim("mhmd", "mohammed", abjad=True)[1] == Reason.SKELETON
    assert sim("mhmd", "mohammed") == (0.0, Reason.NONE)


@pytest.mark.parametrize(
    ("a", "b"),
    [("jong", "yong"), ("jang", "yang"), ("un", "il"), ("kim", "park"), ("190", "6000"),
     ("nazir", "nasser")],
)  # fmt: skip
def test_similarity_different_parts_stay_apart(a: str, b: str) -> None:
    assert sim(a, b)[0] < 0.9


def test_similarity_numbers_only_exact() -> None:
    assert sim("190", "190") == (1.0, Reason.EXACT)
    assert sim("190", "191") == (0.0, Reason.NONE)
