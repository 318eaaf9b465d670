"""The pair score of two names: align their parts, weigh each by rarity, penalise what is left.

The matcher is ``sanctionwatch.matcher.v1``. Its name score is

    sum(similarity * weight of aligned parts)
    / (sum(weight of aligned parts) + penalties for parts left over on either side)

where a part's weight is its rarity on the loaded lists (a shared "Kim" says little), parts
align one to one or two to one (joined or split parts: "Pongju" = "Pong Ju"), and a part left
over in the query costs more than one the list has and the query lacks (a missing middle name).
Qualifiers (date of birth, country, identifiers) then move the score: see :mod:`._qualifiers`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import NamedTuple

from sanctionwatch.names._analyse import INITIAL, PARTICLE, PATRONYMIC, PLAIN, Analysis
from sanctionwatch.names._variants import Keys, Reason, part_keys, similarity

__all__ = [
    "CONFIG",
    "FEATURES",
    "JOINED",
    "NAME",
    "Feature",
    "MatcherConfig",
    "NameScore",
    "Side",
    "Unit",
    "reason_label",
    "scale_weights",
    "score_names",
    "side_of",
]

NAME = "sanctionwatch.matcher.v1"
#: Reason code of a unit whose parts were joined on one side ("Pongju" = "Pong" + "Ju").
JOINED = 10
#: Two parts joined are compared only with parts of about their joint length.
_JOIN_SLACK = 3


@dataclass(frozen=True)
class Feature:
    """One weighted piece of evidence the matcher uses."""

    name: str
    weight: float
    description: str


#: What the score is made of, and how much each piece moves it.
FEATURES: tuple[Feature, ...] = (
    Feature("name_parts", 1.0, "rarity-weighted alignment of name parts (the base score)"),
    Feature("identifier_match", 1.0, "a shared IMO, passport or registration number settles it"),
    Feature("identifier_mismatch", -0.3, "two different IMO numbers: different ships"),
    Feature("dob_match", 0.05, "same date of birth (to the day, or the year where one is a year)"),
    Feature("dob_near", -0.05, "dates of birth one year apart"),
    Feature("dob_mismatch", -0.25, "dates of birth further apart"),
    Feature("country_match", 0.03, "a country of the query among the entry's countries"),
    Feature("country_mismatch", -0.1, "the entry's countries are known and the query's is not one"),
)


@dataclass(frozen=True)
class MatcherConfig:
    """The tunables of the matcher; see :data:`CONFIG` for what each one does."""

    threshold: float = 0.8
    min_part_similarity: float = 0.5
    extra_query: float = 1.0
    extra_result: float = 0.4
    extra_patronymic: float = 0.1
    extra_korean: float = 1.0
    extra_number: float = 1.0
    particle_weight: float = 0.2
    initial_weight: float = 0.3
    single_part_cap: float = 0.6
    mononym_weight: float = 0.6
    min_weight: float = 0.1


#: Described tunables, keyed by field of :class:`MatcherConfig`.
CONFIG: dict[str, str] = {
    "threshold": "lowest score reported as a match",
    "min_part_similarity": "parts less alike than this do not align",
    "extra_query": "penalty factor for a query part the listed name lacks",
    "extra_result": "penalty factor for a listed part the query lacks (a missing middle name)",
    "extra_patronymic": "penalty factor for a missing patronymic (Kuzhugetovich)",
    "extra_korean": "penalty factor for a missing syllable of a Korean name",
    "extra_number": "penalty factor for a listed number the query lacks (Unit 190 / Unit 6000)",
    "particle_weight": "weight factor of particles (al, bin, de, of) against other parts",
    "initial_weight": "weight factor of an initial (J.) against other parts",
    "single_part_cap": "most a person can score when fewer than two name parts match",
    "mononym_weight": "least rarity a one-part listed name needs to match on its own",
    "min_weight": "least rarity weight of a part (the commonest parts)",
}
if set(CONFIG) != {f.name for f in fields(MatcherConfig)}:  # pragma: no cover - a dev error
    raise RuntimeError("CONFIG must describe every field of MatcherConfig")


class Side(NamedTuple):
    """One name, ready to score: keys, weights and classes of its parts."""

    keys: tuple[Keys, ...]
    weights: tuple[float, ...]
    classes: tuple[int, ...]
    korean: bool
    #: the surname parts, as a bit mask of part indices (0: not known).
    surname: int


class Unit(NamedTuple):
    """Query parts aligned with listed parts, how alike they are and why."""

    query: tuple[int, ...]
    result: tuple[int, ...]
    similarity: float
    reason: int


class NameScore(NamedTuple):
    """The name score of a pair, with the alignment it rests on."""

    score: float
    units: tuple[Unit, ...]
    extra_query: tuple[int, ...]
    extra_result: tuple[int, ...]
    capped: bool


def scale_weights(
    weights: Sequence[float], classes: Sequence[int], cfg: MatcherConfig
) -> tuple[float, ...]:
    """Rarity weights floored at ``min_weight``; particles and initials count for less."""
    factors = {PARTICLE: cfg.particle_weight, INITIAL: cfg.initial_weight}
    return tuple(
        max(cfg.min_weight, w) * factors.get(c, 1.0) for w, c in zip(weights, classes, strict=True)
    )


def side_of(analysis: Analysis, weights: Sequence[float], cfg: MatcherConfig) -> Side:
    """A :class:`Side` from an analysed name and the rarity weight of each part."""
    keys = tuple(part_keys(p.text, p.note in ("Arabic", "Hebrew")) for p in analysis.parts)
    classes = tuple(p.weight_class for p in analysis.parts)
    return Side(
        keys, scale_weights(weights, classes, cfg), classes, analysis.korean, analysis.surname
    )


def _align_singles(q: Side, r: Side, low: float) -> tuple[list[Unit], list[bool], list[bool]]:
    """One-to-one alignment, most alike first: identical parts, then the rest by similarity."""
    n, m = len(q.keys), len(r.keys)
    used_q = [False] * n
    used_r = [False] * m
    units: list[Unit] = []
    texts = [k.text for k in r.keys]
    for i, qk in enumerate(q.keys):
        text = qk.text
        for j in range(m):
            if not used_r[j] and texts[j] == text:
                used_q[i] = used_r[j] = True
                units.append(Unit((i,), (j,), 1.0, Reason.EXACT))
                break
    open_q = [i for i in range(n) if not used_q[i]]
    open_r = [j for j in range(m) if not used_r[j]]
    if open_q and open_r:
        cands: list[tuple[float, int, int, int]] = []
        for i in open_q:
            qk = q.keys[i]
            for j in open_r:
                sim, why = similarity(qk, r.keys[j])
                if sim >= low:
                    cands.append((sim, -i, -j, why))
        cands.sort(reverse=True)
        for sim, i, j, why in cands:
            if not used_q[-i] and not used_r[-j]:
                used_q[-i] = used_r[-j] = True
                units.append(Unit((-i,), (-j,), sim, why))
    return units, used_q, used_r


def _joinable(q: Side, r: Side, loose_q: set[int], loose_r: set[int]) -> bool:
    """Whether two neighbouring parts on one side, one of them loose, are about as long as a
    loose part on the other (a quick test before :func:`_align_joins`)."""
    for a, b, loose_a, loose_b in ((q, r, loose_q, loose_r), (r, q, loose_r, loose_q)):
        lengths = [len(b.keys[j].text) for j in loose_b]
        for i in range(len(a.keys) - 1):
            if i in loose_a or i + 1 in loose_a:
                joint = len(a.keys[i].text) + len(a.keys[i + 1].text)
                if any(abs(joint - n) <= _JOIN_SLACK for n in lengths):
                    return True
    return False


def _align_joins(
    q: Side, r: Side, low: float, singles: list[Unit], loose_q: set[int], loose_r: set[int]
) -> tuple[list[Unit], list[bool], list[bool]]:
    """Alignment that may also pair two neighbouring parts with one ("Pong Ju" = "Pongju").

    Only parts left over or weakly aligned by :func:`_align_singles` (``loose_q``, ``loose_r``)
    are considered for joining; the other units are kept.
    """
    cands: list[tuple[float, tuple[int, ...], tuple[int, ...], int]] = [
        (u.similarity, u.query, u.result, u.reason) for u in singles
    ]
    for i in loose_q:
        for j in loose_r:
            sim, why = similarity(q.keys[i], r.keys[j])
            if sim >= low:
                cands.append((sim, (i,), (j,), why))
    for a, b, loose_a, loose_b, swap in (
        (q, r, loose_q, loose_r, False),
        (r, q, loose_r, loose_q, True),
    ):
        for i in range(len(a.keys) - 1):
            if i not in loose_a and i + 1 not in loose_a:
                continue
            text = a.keys[i].text + a.keys[i + 1].text
            near = [j for j in loose_b if abs(len(b.keys[j].text) - len(text)) <= _JOIN_SLACK]
            if not near:
                continue
            joined = part_keys(text)
            for j in near:
                sim, _ = similarity(joined, b.keys[j])
                if sim >= low:
                    pair = (i, i + 1)
                    cands.append((sim, (j,), pair, JOINED) if swap else (sim, pair, (j,), JOINED))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_q = [False] * len(q.keys)
    used_r = [False] * len(r.keys)
    units: list[Unit] = []
    for sim, qi, rj, why in cands:
        if any(used_q[i] for i in qi) or any(used_r[j] for j in rj):
            continue
        for i in qi:
            used_q[i] = True
        for j in rj:
            used_r[j] = True
        units.append(Unit(qi, rj, sim, why))
    return units, used_q, used_r


def _extra_factor(r: Side, j: int, cfg: MatcherConfig) -> float:
    cls = r.classes[j]
    if r.keys[j].numeric:
        return cfg.extra_number
    if cls == PATRONYMIC:
        return cfg.extra_patronymic
    if r.korean and cls == PLAIN:
        return cfg.extra_korean
    return cfg.extra_result


def _too_few(units: list[Unit], r: Side, cfg: MatcherConfig) -> bool:
    """Whether fewer than two name parts match (a particle or an initial counts half).

    A listed name of one part (a mononym) may match alone when the part is rare.
    """
    count = {PLAIN: 1.0, PATRONYMIC: 1.0, PARTICLE: 0.5, INITIAL: 0.5}
    matched = sum(count[r.classes[j]] for u in units for j in u.result)
    listed = sum(count[c] for c in r.classes)
    if listed < 2:
        plain = [j for j, c in enumerate(r.classes) if c in (PLAIN, PATRONYMIC)]
        rare = bool(plain) and all(r.weights[j] >= cfg.mononym_weight for j in plain)
        return not (rare and matched >= listed)
    return matched < 2


def score_names(
    q: Side, r: Side, cfg: MatcherConfig, *, person: bool, floor: float = 0.0
) -> NameScore:
    """Score a query name against a listed name.

    :param person: apply the rule for people: fewer than two matching name parts (a surname
        alone) never scores above :attr:`MatcherConfig.single_part_cap`.
    :param floor: the lowest score of interest; work that cannot lift a pair to it is skipped
        (the score returned below it may then be lower than it could be).
    """
    n, m = len(q.keys), len(r.keys)
    if not n or not m:
        return NameScore(0.0, (), tuple(range(n)), tuple(range(m)), False)
    low = cfg.min_part_similarity
    units, used_q, used_r = _align_singles(q, r, low)
    num = den = 0.0
    for unit in units:
        weight = r.weights[unit.result[0]]
        num += unit.similarity * weight
        den += weight
    if n > 1 or m > 1:
        weak = [u for u in units if u.similarity < 0.9]
        loose_q = {i for i in range(n) if not used_q[i]} | {u.query[0] for u in weak}
        loose_r = {j for j in range(m) if not used_r[j]} | {u.result[0] for u in weak}
        # joining makes two parts one: it can only help when the loose parts do not pair off
        if (
            loose_q
            and loose_r
            and len(loose_q) != len(loose_r)
            and _joinable(q, r, loose_q, loose_r)
        ):
            # the most joining can add: each loose query part covers at most two listed parts
            gains = sorted((r.weights[j] for j in range(m) if not used_r[j]), reverse=True)
            gains += [r.weights[u.result[0]] * (1 - u.similarity) for u in weak]
            spare = sum(sorted(gains, reverse=True)[: 2 * len(loose_q)])
            if (num + spare) / (den + spare) >= floor:
                joined = _align_joins(q, r, low, units, loose_q, loose_r)
                if sum(joined[1]) + sum(joined[2]) > sum(used_q) + sum(used_r):
                    units, used_q, used_r = joined
                    num = den = 0.0
                    for unit in units:
                        weight = sum(r.weights[j] for j in unit.result)
                        num += unit.similarity * weight
                        den += weight
    extra_q = tuple(i for i in range(n) if not used_q[i])
    extra_r = tuple(j for j in range(m) if not used_r[j])
    for i in extra_q:
        factor = cfg.extra_patronymic if q.classes[i] == PATRONYMIC else cfg.extra_query
        den += factor * q.weights[i]
    for j in extra_r:
        den += _extra_factor(r, j, cfg) * r.weights[j]
    score = num / den if den else 0.0
    capped = False
    if person and score > cfg.single_part_cap and _too_few(units, r, cfg):
        score, capped = cfg.single_part_cap, True
    units.sort(key=lambda u: u.result)
    return NameScore(score, tuple(units), extra_q, extra_r, capped)


def reason_label(reason: int, keys: Keys | None = None) -> str:
    """Words for a :class:`Reason` code."""
    if reason == Reason.EQUIVALENT and keys is not None and keys.eq_table:
        return f"{keys.eq_table} variant"
    return _LABELS.get(reason, "")


_LABELS = {
    Reason.EXACT: "",
    Reason.EQUIVALENT: "spelling variant",
    Reason.KOREAN: "Korean romanisation",
    Reason.RUSSIAN: "Russian transliteration",
    Reason.TYPO: "typo",
    Reason.PHONETIC: "sounds alike",
    Reason.SKELETON: "same consonants",
    Reason.INITIAL: "initial",
    JOINED: "joined",
}
