"""A small screener over hand-made list entries: the names the screening issue cites, and
others that share their surnames."""

from __future__ import annotations

import pytest

from sanctionwatch.names import Record, Screener


def person(ref: str, *names: str, dob: str = "", country: str = "kp") -> Record:
    return Record(
        dataset="test",
        list_id=ref,
        entity_id=f"test-{ref}",
        schema="Person",
        caption=names[0],
        programs=("TEST",),
        names=names,
        birth_dates=(dob,) if dob else (),
        countries=(country,),
    )


RECORDS = [
    person("PAK-PONG-JU", "PAK PONG JU", dob="1939-04-10"),
    person("RI-PYONG-CHOL", "RI PYONG CHUL", "Ri Pyong Chol", dob="1948"),
    person("SHOIGU", "Sergei Kuzhugetovich SHOIGU", dob="1955-05-21", country="ru"),
    person("KIM-JONG-UN", "KIM, Jong Un", dob="1984-01-08"),
    person("KIM-YO-JONG", "KIM, Yo Jong", dob="1989-09-26"),
    person("KIM-YONG-CHOL", "KIM YONG CHOL", "Kim Young-Chol"),
    person("KIM-CHOL-NAM", "KIM CHOL NAM"),
    person("PAK-CHOL-NAM", "PAK, Chol Nam"),
    person("PAK-HAN-SE", "PAK HAN SE"),
    person("RI-SU-YONG", "RI SU YONG"),
    person("CHOE-SON-HUI", "CHOE SON HUI"),
    person("ZAWAHIRI", "AIMAN MUHAMMED RABI AL-ZAWAHIRI", "Ayman al-Zawahiri", country="eg"),
    Record("test", "RYONBONG", "test-ryonbong", "Organization",
           "KOREA RYONBONG GENERAL CORPORATION", ("TEST",),
           ("KOREA RYONBONG GENERAL CORPORATION",), countries=("kp",)),
    Record("test", "KOMID", "test-komid", "Organization", "KOREA MINING DEVELOPMENT TRADING "
           "CORPORATION", ("TEST",), ("KOREA MINING DEVELOPMENT TRADING CORPORATION", "KOMID")),
    Record("test", "HERMANN", "test-hermann", "Vessel", "HERMANN", ("TEST",), ("HERMANN",),
           identifiers=(("IMO", "9123456"),)),
]  # fmt: skip


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener.from_records(RECORDS)
