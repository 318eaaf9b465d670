"""The screening engine: one object behind ``screen``, ``compare`` and the extraction linker."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from sanctionwatch.exc import NotFound
from sanctionwatch.lists import ListIssue
from sanctionwatch.names._analyse import Analysis
from sanctionwatch.names._explain import explain
from sanctionwatch.names._index import KIND_CODES, NameIndex
from sanctionwatch.names._persist import index_path, load_index, save_index
from sanctionwatch.names._qualifiers import clean_countries, clean_dob, qualify
from sanctionwatch.names._query import SCHEMATA, read_query, schema_name
from sanctionwatch.names._records import (
    Record,
    kind_of,
    normalise_identifier,
    records_from_issue,
    records_from_rows,
)
from sanctionwatch.names._retrieve import QueryPart, candidates, query_parts
from sanctionwatch.names._score import (
    FEATURES,
    NAME,
    MatcherConfig,
    NameScore,
    Side,
    scale_weights,
    score_names,
    side_of,
)

if TYPE_CHECKING:
    from sanctionwatch.store import Store

__all__ = ["CANDIDATES", "DEFAULT_CONFIG", "Comparison", "Match", "Screener", "compare"]

DEFAULT_CONFIG = MatcherConfig()
#: Names scored per query: the best candidates of the index, by shared rarity weight.
CANDIDATES = 10
#: Candidates must share at least this share of the query's weight (or 0.6 x threshold).
MIN_COVER = 0.5

_Best = tuple[float, int, NameScore, Analysis, Side]
#: Qualifiers that can lift a name score (an identifier settles a match on its own).
_QUALIFIERS = frozenset({"dob_match", "country_match"})


@dataclass(frozen=True)
class Match:
    """A listed entry a query matches."""

    dataset: str
    list_id: str
    entity_id: str
    schema: str
    #: the listed name (or alias) that matched best.
    name: str
    #: the entry's main name.
    caption: str
    score: float
    explanation: str
    programs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["programs"] = list(self.programs)
        return data


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two names."""

    score: float
    match: bool
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"score", "match", "explanation"}``."""
        return {"score": round(self.score, 4), "match": self.match, "explanation": self.explanation}


class Screener:
    """Screen names against list entries: candidates from the index, scored and explained.

    Build it with :meth:`from_store`, :meth:`from_issues` or :meth:`from_records`.

    :param index: the :class:`~sanctionwatch.names._index.NameIndex` of the entries.
    :param config: the matcher's tunables.
    """

    NAME = NAME

    def __init__(self, index: NameIndex, *, config: MatcherConfig = DEFAULT_CONFIG) -> None:
        self.index = index
        self.config = config
        # The index is millions of long-lived objects: leave them out of the cyclic garbage
        # collector's full passes, which would otherwise stall a query for up to a second.
        gc.freeze()
        self._sides: dict[int, tuple[Side, list[float]]] = {}
        self._refs: dict[tuple[str, str], int] | None = None

    @classmethod
    def from_records(cls, records: Iterable[Record], **kwargs: Any) -> Screener:
        """A screener over records (see :mod:`sanctionwatch.names._records`)."""
        return cls(NameIndex.build(records), **kwargs)

    @classmethod
    def from_issues(cls, *issues: ListIssue, **kwargs: Any) -> Screener:
        """A screener over list issues read by :func:`sanctionwatch.lists.load_list`."""
        return cls.from_records((r for i in issues for r in records_from_issue(i)), **kwargs)

    @classmethod
    def from_store(
        cls,
        store: Store,
        *,
        cache_dir: Path | None = None,
        progress: Callable[[int], None] | None = None,
        **kwargs: Any,
    ) -> Screener:
        """A screener over the store's active lists.

        :param cache_dir: keep the built index in this folder, named by the active lists'
            fingerprint, and read it from there next time (rebuilt when a list changes).
        :param progress: called with the number of entries indexed while building.
        """
        path = index_path(cache_dir, store.active_fingerprint()) if cache_dir else None
        index = load_index(path) if path else None
        if index is None:
            rows = records_from_rows(store.iter_active_entries())
            index = NameIndex.build(rows, progress=progress)
            if path:
                save_index(index, path)
        return cls(index, **kwargs)

    # -- scoring -------------------------------------------------------------------------

    def _side(self, name_id: int) -> tuple[Side, list[float]]:
        """The scoring side of a listed name and its parts' rarity weights (cached)."""
        held = self._sides.get(name_id)
        if held is not None:
            return held
        index = self.index
        ids, classes = index.name_parts(name_id)
        weights = [index.vocab_weight[v] for v in ids]
        side = Side(
            keys=tuple(index.vocab_keys[v] for v in ids),
            weights=scale_weights(weights, classes, self.config),
            classes=tuple(classes),
            korean=bool(index.name_korean[name_id]),
            surname=int(index.name_surname[name_id]),
        )
        if len(self._sides) > 200_000:
            self._sides.clear()
        self._sides[name_id] = held = (side, weights)
        return held

    def _names_of(self, record_id: int) -> range:
        """The name ids of a record (names are stored in record order)."""
        order = self.index.name_record
        first = int(np.searchsorted(order, record_id, side="left"))
        return range(first, int(np.searchsorted(order, record_id, side="right")))

    def _query_side(self, analysis: Analysis, parts: list[QueryPart] | None = None) -> Side:
        if parts is None or len(parts) != len(analysis.parts):
            weights = [_weight(self.index.weight, p.text) for p in analysis.parts]
        else:
            weights = [p.weight for p in parts]
        return side_of(analysis, weights, self.config)

    def _best(
        self, sides: Sequence[tuple[Analysis, Side]], names: Iterable[int], floor: float
    ) -> dict[int, _Best]:
        """The best score of each record among ``names``, over every reading of the query."""
        index = self.index
        best: dict[int, _Best] = {}
        seen: dict[tuple[str, tuple[int, ...], bool, int], NameScore] = {}
        for name_id in names:
            record_id = index.record_of_name[name_id]
            person = index.records[record_id].schema == "Person"
            r, _ = self._side(name_id)
            for reading, (analysis, q) in enumerate(sides):
                # the same name on several lists is scored once per query
                ident = (index.norm_names[name_id], r.classes, person, reading)
                result = seen.get(ident)
                if result is None:
                    result = score_names(q, r, self.config, person=person, floor=floor)
                    seen[ident] = result
                held = best.get(record_id)
                # of equal scores, the name listed first (the main name before aliases)
                if held is None or (result.score, -name_id) > (held[0], -held[1]):
                    best[record_id] = (result.score, name_id, result, analysis, q)
        return best

    def _explain(self, best: _Best, qualifiers: Sequence[str] = ()) -> str:
        _, name_id, result, analysis, q = best
        r, weights = self._side(name_id)
        parts = tuple(self.index.listed_parts(name_id))
        listed = Analysis(self.index.names[name_id], parts, r.surname, r.korean, (), ())
        return explain(analysis, listed, result, q=q, r=r, weights=weights, qualifiers=qualifiers)

    def screen(
        self,
        query: str,
        *,
        schema: str | None = None,
        dob: str | None = None,
        country: str | Sequence[str] | None = None,
        identifiers: Sequence[str] = (),
        limit: int = 10,
        threshold: float | None = None,
    ) -> list[Match]:
        """The listed entries ``query`` matches, best first.

        :param schema: ``person``, ``organization`` or ``vessel`` (``None``: any type).
        :param dob: date of birth, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        :param country: country names or ISO codes the query belongs to.
        :param identifiers: IMO, passport or other numbers; a shared one settles a match.
        :param limit: at most this many matches.
        :param threshold: lowest score returned (default: the matcher's).
        :raises InputError: an empty, overlong or letterless name, a bad date or country.
        """
        schema = schema_name(schema)
        read = read_query(query, schema)
        dob = clean_dob(dob)
        countries = clean_countries(country)
        ids = [*identifiers, *read.identifiers]
        cut = self.config.threshold if threshold is None else threshold
        index = self.index
        kinds = None if schema is None else [KIND_CODES[kind_of(s)] for s in SCHEMATA[schema]]
        cover = min(MIN_COVER, 0.6 * cut)
        found: list[int] = []
        sides = []
        for analysis in read.readings:
            parts = query_parts(index, analysis)
            sides.append((analysis, self._query_side(analysis, parts)))
            found.extend(
                candidates(
                    index,
                    parts,
                    query=" ".join(analysis.texts),
                    kinds=kinds,
                    limit=CANDIDATES,
                    min_cover=cover,
                )
            )
        for value in ids:
            for record_id in index.identifiers.get(normalise_identifier(value)) or []:
                found.extend(self._names_of(int(record_id)))
        matches: list[tuple[float, str, Match]] = []
        lift = sum(f.weight for f in FEATURES if f.weight > 0 and f.name in _QUALIFIERS)
        for record_id, best in self._best(sides, dict.fromkeys(found), cut).items():
            if best[0] + lift < cut and not ids:
                continue  # no qualifier could lift it to the threshold
            record = index.records[record_id]
            person = record.schema == "Person"
            qualified = qualify(
                best[0], record, dob=dob, countries=countries, identifiers=ids, person=person
            )
            if qualified.score < cut or (qualified.score <= 0 and not qualified.settled):
                continue
            match = Match(
                dataset=record.dataset,
                list_id=record.list_id,
                entity_id=record.entity_id,
                schema=record.schema,
                name=index.names[best[1]],
                caption=record.caption,
                score=round(qualified.score, 4),
                explanation=self._explain(best, qualified.notes),
                programs=record.programs,
            )
            matches.append((-qualified.score, record.list_id, match))
        matches.sort(key=lambda m: (m[0], m[1]))
        return [m for _, _, m in matches[:limit]]

    def compare_entry(
        self, query: str, dataset: str, list_id: str, *, schema: str | None = None
    ) -> Comparison:
        """Compare a name with one listed entry (its best-matching name), without qualifiers.

        :raises NotFound: no entry ``list_id`` of ``dataset`` in this screener.
        """
        if self._refs is None:
            self._refs = {(r.dataset, r.list_id): i for i, r in enumerate(self.index.records)}
        record_id = self._refs.get((dataset, list_id))
        if record_id is None:
            raise NotFound(f"no entry {list_id!r} of {dataset!r} in the screening index")
        read = read_query(query, schema_name(schema))
        sides = [(a, self._query_side(a)) for a in read.readings]
        best = self._best(sides, self._names_of(record_id), 0.0)[record_id]
        text = self._explain(best)
        return Comparison(round(best[0], 4), best[0] >= self.config.threshold, text)

    def compare(self, name1: str, name2: str, *, schema: str | None = None) -> Comparison:
        """Compare two names, with part weights from this screener's lists."""
        return _compare(name1, name2, schema=schema, config=self.config, weight=self.index.weight)


def _compare(
    name1: str,
    name2: str,
    *,
    schema: str | None,
    config: MatcherConfig,
    weight: Callable[[str], float | None],
) -> Comparison:
    schema = schema_name(schema)
    first, second = read_query(name1, schema), read_query(name2, schema)
    scored = []
    for one in first.readings:
        for two in second.readings:
            w1 = [_weight(weight, p.text) for p in one.parts]
            w2 = [_weight(weight, p.text) for p in two.parts]
            q, r = side_of(one, w1, config), side_of(two, w2, config)
            result = score_names(q, r, config, person=schema in (None, "Person"))
            scored.append((result.score, explain(one, two, result, q=q, r=r, weights=w2)))
    score, text = max(scored, key=lambda s: s[0])
    return Comparison(round(score, 4), score >= config.threshold, text)


def _weight(weight: Callable[[str], float | None], text: str) -> float:
    found = weight(text)
    return 1.0 if found is None else found


def compare(
    name1: str, name2: str, *, schema: str | None = None, config: MatcherConfig = DEFAULT_CONFIG
) -> Comparison:
    """Compare two names without any list loaded (every part weighs the same).

    :param schema: ``person``, ``organization`` or ``vessel``. For a person, and when the type
        is not given, a single matching part (a surname alone) is never a match.
    :raises InputError: an empty, overlong or letterless name, or an unknown type.
    """
    return _compare(name1, name2, schema=schema, config=config, weight=lambda _: None)
