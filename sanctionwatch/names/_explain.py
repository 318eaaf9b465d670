"""Explanations a person can read: which name parts matched how, and what else counted.

``surname KIM = Kim; given name YO JONG ~ Yo-jong (hyphen); common: KIM (0.41); DOB unknown``
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctionwatch.names._analyse import PATRONYMIC, Analysis, Part
from sanctionwatch.names._score import JOINED, NameScore, Side, Unit, reason_label
from sanctionwatch.names._variants import Reason

__all__ = ["COMMON_BELOW", "explain"]

#: Parts with a rarity weight below this are called common in explanations.
COMMON_BELOW = 0.5


_PUNCTUATION = "\"'()[]{},;:«»“”‘’„<>"


def _words(parts: Sequence[Part], indices: Sequence[int]) -> str:
    words = (parts[i].source.strip(_PUNCTUATION) or parts[i].source for i in sorted(indices))
    return " ".join(dict.fromkeys(words))


def _notes(units: Sequence[Unit], query: Analysis, listed: Analysis, q: Side) -> list[str]:
    labels: list[str] = []
    for unit in units:
        if unit.reason == JOINED:
            labels.append("joined" if len(unit.result) > 1 else "split")
        else:
            labels.append(reason_label(unit.reason, q.keys[unit.query[0]]))
        for i in unit.query:
            note = query.parts[i].note
            if note == "hyphen" and all(listed.parts[j].note != "hyphen" for j in unit.result):
                labels.append("hyphen")
            elif note not in ("", "hyphen", "joined"):
                labels.append(f"from {note}")
        for j in unit.result:
            if listed.parts[j].note == "hyphen" and query.parts[unit.query[0]].note != "hyphen":
                labels.append("hyphen")
    return [label for label in dict.fromkeys(labels) if label]


def explain(
    query: Analysis,
    listed: Analysis,
    result: NameScore,
    *,
    q: Side,
    r: Side,
    weights: Sequence[float],
    qualifiers: Sequence[str] = (),
) -> str:
    """One line on how ``query`` compares with the ``listed`` name.

    :param weights: the rarity weight of each listed part, before particle factors.
    """
    groups: dict[str, list[Unit]] = {}
    for unit in result.units:
        if r.surname:
            role = "surname" if any((r.surname >> j) & 1 for j in unit.result) else "given name"
        else:
            role = "name"
        groups.setdefault(role, []).append(unit)
    pieces: list[str] = []
    for role in ("surname", "given name", "name"):
        units = groups.get(role)
        if not units:
            continue
        listed_words = _words(listed.parts, [j for u in units for j in u.result])
        query_words = _words(query.parts, [i for u in units for i in u.query])
        notes = _notes(units, query, listed, q)
        exact = all(u.reason == Reason.EXACT for u in units) and not notes
        text = f"{role} {listed_words} {'=' if exact else '~'} {query_words}"
        pieces.append(f"{text} ({', '.join(notes)})" if notes else text)
    if result.extra_query:
        pieces.append(f"not in the listed name: {_words(query.parts, result.extra_query)}")
    if result.extra_result:
        missing = _words(listed.parts, result.extra_result)
        kinds = {r.classes[j] for j in result.extra_result}
        why = " (patronymic)" if kinds == {PATRONYMIC} else ""
        why = " (part of a Korean name)" if r.korean and not why else why
        pieces.append(f"not in the query: {missing}{why}")
    common = [
        f"{listed.parts[j].source} ({weights[j]:.2f})"
        for u in result.units
        for j in u.result
        if weights[j] < COMMON_BELOW
    ]
    if common:
        pieces.append(f"common on the lists: {', '.join(dict.fromkeys(common))}")
    if result.capped:
        pieces.append("fewer than two name parts match: not enough for a person")
    pieces.extend(f"{d} set aside" for d in query.dropped)
    pieces.extend(query.notes)
    pieces.extend(qualifiers)
    return "; ".join(pieces) if pieces else "no name parts in common"
