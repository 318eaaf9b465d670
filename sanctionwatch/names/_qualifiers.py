"""Qualifiers: what besides the name moves a score (dates of birth, countries, identifiers)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from followthemoney.types import registry

from sanctionwatch.exc import InputError
from sanctionwatch.names._records import Record, normalise_identifier
from sanctionwatch.names._score import FEATURES

__all__ = ["Qualified", "clean_countries", "clean_dob", "qualify"]

_WEIGHTS = {f.name: f.weight for f in FEATURES}
_DOB = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: A score an identifier match lifts a pair to.
SETTLED = 0.99


class Qualified(NamedTuple):
    """The score after qualifiers, and what each said."""

    score: float
    notes: tuple[str, ...]
    settled: bool


def clean_dob(value: str | None) -> str | None:
    """A date of birth as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; other forms are an error."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not _DOB.match(text):
        raise InputError(f"date of birth {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def clean_countries(values: str | Sequence[str] | None) -> tuple[str, ...]:
    """Countries as ISO 3166-1 alpha-2 codes, from codes or names (``"North Korea"`` -> kp)."""
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for item in items:
        if not item or not item.strip():
            continue
        code = registry.country.clean(item.strip())
        if code is None:
            raise InputError(f"unknown country {item!r} (use a name or an ISO code such as kp)")
        out.append(code)
    return tuple(dict.fromkeys(out))


def _dob_outcome(query: str, listed: Sequence[str]) -> tuple[str, str]:
    best = ("dob_mismatch", listed[0])
    for value in listed:
        shared = min(len(query), len(value))
        if query[:shared] == value[:shared]:
            return "dob_match", value
        years = query[:4].isdigit() and value[:4].isdigit()
        if years and abs(int(query[:4]) - int(value[:4])) <= 1:
            best = ("dob_near", value)
    return best


def qualify(
    score: float,
    record: Record,
    *,
    dob: str | None,
    countries: Sequence[str],
    identifiers: Sequence[str],
    person: bool,
) -> Qualified:
    """Apply the qualifiers to a name score for one listed record."""
    notes: list[str] = []
    settled = False
    listed_ids = {value: label for label, value in record.identifiers}
    asked = [normalise_identifier(i) for i in identifiers if normalise_identifier(i)]
    shared = [i for i in asked if i in listed_ids]
    if shared:
        notes.append(f"{listed_ids[shared[0]]} {shared[0]} = {shared[0]} (settles the match)")
        score, settled = max(score, SETTLED), True
    else:
        listed_imo = {v for label, v in record.identifiers if label == "IMO"}
        asked_imo = {i for i in asked if len(i) == 7 and i.isdigit()}
        if listed_imo and asked_imo:
            notes.append(f"IMO {', '.join(sorted(asked_imo))} ≠ {', '.join(sorted(listed_imo))}")
            score += _WEIGHTS["identifier_mismatch"]
    if dob and record.birth_dates:
        outcome, value = _dob_outcome(dob, record.birth_dates)
        sign = {"dob_match": "=", "dob_near": "≈"}.get(outcome, "≠")
        notes.append(f"DOB {dob} {sign} {value if sign != '≠' else ', '.join(record.birth_dates)}")
        if not settled:
            score += _WEIGHTS[outcome]
    elif person:
        notes.append("DOB not on the list" if dob else "DOB unknown")
    if countries and record.countries:
        common = [c for c in countries if c in record.countries]
        if common:
            notes.append(f"country {common[0]} = {common[0]}")
            score += _WEIGHTS["country_match"]
        else:
            notes.append(f"country {', '.join(countries)} ≠ {', '.join(record.countries)}")
            if not settled:
                score += _WEIGHTS["country_mismatch"]
    return Qualified(min(1.0, max(0.0, score)), tuple(notes), settled)
