"""Reading names into parts: order, titles, legal forms, prefixes, particles, patronymics."""

from __future__ import annotations

import pytest

from sanctionwatch.names import analyse
from sanctionwatch.names._analyse import INITIAL, ORG, PARTICLE, PATRONYMIC, PERSON, PLAIN, VESSEL


def test_analyse_surname_first_form() -> None:
    a = analyse("KIM, Jong-Un", kind=PERSON)
    assert a.texts == ["kim", "jong", "un"]
    assert a.surname == 0b1 and a.korean
    assert "written surname first" in a.notes
    assert [p.note for p in a.parts] == ["", "hyphen", "hyphen"]


def test_analyse_korean_surname_at_either_end() -> None:
    assert analyse("Yo Jong Kim", kind=PERSON).surname == 0b100
    assert analyse("Chang-Su Han", kind=PERSON).surname == 0b100


def test_analyse_upper_case_surname() -> None:
    a = analyse("Sergei Kuzhugetovich SHOIGU", kind=PERSON)
    assert a.surname == 0b100
    assert [p.weight_class for p in a.parts] == [PLAIN, PATRONYMIC, PLAIN]


def test_analyse_surname_ending_like_a_patronymic() -> None:
    a = analyse("YANUKOVYCH, Viktor Fedorovych", kind=PERSON)
    assert [p.weight_class for p in a.parts] == [PLAIN, PLAIN, PATRONYMIC]


@pytest.mark.parametrize(
    ("name", "kind", "texts", "dropped"),
    [
        ("Dr. Ayman al-Zawahiri", PERSON, ["ayman", "al", "zawahiri"], ["title Dr."]),
        ("Sheikh Mullah Omar", PERSON, ["omar"], ["title Sheikh", "title Mullah"]),
        ("Korea Ryonbong General Corp.", ORG, ["korea", "ryonbong", "general"],
         ["legal form CORP"]),
        ('OOO "Stroygazmontazh"', ORG, ["stroygazmontazh"], ["legal form LLC"]),
        ("Al-Arabi Trading Companu", ORG, ["al", "arabi", "trading"], ["legal form CO"]),
        ("M/V HERMANN", VESSEL, ["hermann"], ["prefix M/V"]),
        ("MT Ocean Star", VESSEL, ["ocean", "star"], ["prefix MT"]),
    ],
)  # fmt: skip
def test_analyse_sets_aside_titles_forms_and_prefixes(
    name: str, kind: str, texts: list[str], dropped: list[str]
) -> None:
    a = analyse(name, kind=kind)
    assert a.texts == texts
    assert list(a.dropped) == dropped


def test_analyse_keeps_a_name_made_only_of_a_legal_form() -> None:
    assert analyse("Limited", kind=ORG).texts == ["limited"]


def test_analyse_titles_only_in_latin_script() -> None:
    assert analyse("عمر محمود", kind=PERSON).texts == ["amr", "mhmwd"]


def test_analyse_arabic_particles() -> None:
    a = analyse("Abdulrahman bin Abdullah", kind=PERSON)
    assert a.texts == ["abd", "rahman", "bin", "abd", "allah"]
    assert [p.weight_class for p in a.parts] == [PARTICLE, PLAIN, PARTICLE, PARTICLE, PATRONYMIC]
    glued = analyse("أيمن الظواهري", kind=PERSON)
    assert glued.texts == ["aymn", "al", "zwahry"]


def test_analyse_initials_and_suffixes() -> None:
    a = analyse("John F. Kennedy Jr.", kind=PERSON)
    assert a.texts == ["john", "f", "kennedy", "jr"]
    assert [p.weight_class for p in a.parts] == [PLAIN, INITIAL, PLAIN, PARTICLE]


def test_analyse_name_without_letters() -> None:
    assert analyse("--- ...").parts == ()
