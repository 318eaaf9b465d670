"""Finding the names worth scoring for a query, fast, in the :class:`NameIndex`.

Each query part stands for the vocabulary parts that share its text or one of its keys
(Korean and Russian romanisation, equivalent spelling, metaphone, consonant skeleton), the
parts one or two typing errors away (found through trigrams), and the joined form of it and its
neighbour; a part the vocabulary does not know may also be two known parts run together
("Seongil" = "Seong" + "Il"). Names containing those parts collect the part's rarity weight;
the names collecting the most are re-ranked by a quick whole-name similarity (rapidfuzz, in C)
and the best few are scored in full.

Common parts are costly: a part found in more than :data:`COMMON` names only adds weight to
names already found through rarer parts.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from sanctionwatch.names._analyse import Analysis
from sanctionwatch.names._index import IntArray, NameIndex, deletes, grams
from sanctionwatch.names._variants import Keys, edit_budget, part_keys

__all__ = ["BROAD", "COMMON", "RERANK", "QueryPart", "candidates", "query_parts"]

#: A query part in more names than this only adds weight to names found through rarer parts.
COMMON = 300
#: When even the rarest query part is in more names than this, NumPy does the counting.
BROAD = 3_000
#: How many of the names sharing the most weight are re-ranked by whole-name similarity.
RERANK = 96
#: At most this many names of one entry are scored for a query.
PER_RECORD = 1
_MAX_TYPO_CANDIDATES = 3_000
_PRUNE = 256
_SOUNDS = 8
_SAMPLE = 2_000


@dataclass
class QueryPart:
    """A query part, with the vocabulary ids it may stand for and its weight."""

    text: str
    vocab: frozenset[int]
    weight: float
    #: whether the part counts in the query's total weight (the halves of a part that may be two
    #: parts run together only add to the weight of the names they are found in).
    counted: bool = True


def _by_keys(index: NameIndex, keys: Keys, *, loose: bool = True) -> set[int]:
    """Vocabulary ids sharing the text or a key of a part (``loose``: also metaphone and, for
    abjad parts, the consonant skeleton)."""
    found: set[int] = set()
    vid = index.vocab_id.get(keys.text)
    if vid is not None:
        found.add(vid)
    maps = index.keymaps
    found.update(maps["ko"].ids(keys.ko), maps["ru"].ids(keys.ru))
    if keys.eq:
        found.update(maps["eq"].ids(keys.eq))
    if loose and keys.phon:
        sounds = maps["phon"].ids(keys.phon)
        if len(sounds) <= _SOUNDS:  # a common metaphone finds everything and says little
            found.update(sounds)
    if loose and keys.abjad and keys.cons:
        found.update(maps["cons"].ids(keys.cons))
    return found


def _weight(index: NameIndex, text: str, vocab: Collection[int]) -> float:
    vid = index.vocab_id.get(text)
    if vid is not None:
        return index.vocab_weight[vid]
    if vocab:
        weights = index.vocab_weight
        return max(weights[v] for v in vocab)
    return 1.0


def query_parts(index: NameIndex, analysis: Analysis) -> list[QueryPart]:
    """What each query part may stand for in the vocabulary, and its weight.

    A part the vocabulary does not know that may be two known parts run together also stands
    for those two parts.
    """
    texts = analysis.texts
    out: list[QueryPart] = []
    for pos, part in enumerate(analysis.parts):
        text = part.text
        keys = part_keys(text, part.note in ("Arabic", "Hebrew"))
        found = _by_keys(index, keys)
        for other in (
            texts[pos - 1] + text if pos else "",
            text + texts[pos + 1] if pos + 1 < len(texts) else "",
        ):
            joined = index.vocab_id.get(other) if other else None
            if joined is not None:
                found.add(joined)
        if text not in index.vocab_id and not keys.numeric:
            # a typing error ("Salin": Salim), or two parts run together ("Ilnam": Il Nam)
            near, far = _typos(index, text)
            halves = _split(index, text)
            counted = not halves or bool(near or found)
            for half in halves:
                # as an alternative reading, each half weighs half as much
                share = _weight(index, "", half) * (0.5 if counted else 1.0)
                out.append(QueryPart(text, frozenset(half), share, not counted))
            if not counted:
                continue
            found |= near
            if not found:
                found |= far
        out.append(QueryPart(text, frozenset(found), _weight(index, text, found)))
    return out


def _typos(index: NameIndex, text: str) -> tuple[set[int], set[int]]:
    """Vocabulary ids one typing error from ``text`` (through shared deletions), and, when
    there are none, those two or three errors away (through shared trigrams) within budget."""
    budget = edit_budget(len(text))
    if not budget:
        return set(), set()
    vocab = index.vocab
    found: set[int] = set()
    deleted = index.keymaps["deletes"]
    for key in deletes(text):
        found.update(deleted.ids(key))
    near = {v for v in found if OSA.distance(text, vocab[v], score_cutoff=1) <= 1}
    if near or budget < 2:
        return near, set()
    arrays = [a for a in (index.grams_map.get(g) for g in grams(text)) if a is not None]
    if not arrays:
        return near, set()
    ids, counts = np.unique(np.concatenate(arrays), return_counts=True)
    ids = ids[counts >= max(1, len(text) - 3 * budget)]
    ids = ids[np.abs(index.vocab_len[ids] - len(text)) <= budget][:_MAX_TYPO_CANDIDATES]
    far = {v for v in ids.tolist() if OSA.distance(text, vocab[v], score_cutoff=budget) <= budget}
    return near, far


def _names(index: NameIndex, vocab: Iterable[int]) -> set[int]:
    names: set[int] = set()
    for vid in vocab:
        names.update(index.posting_list(vid))
    return names


def _together(index: NameIndex, left: set[int], right: set[int]) -> int:
    """How many names hold a part of ``left`` and a part of ``right`` (counted among at most
    :data:`_SAMPLE` names of the rarer side)."""
    df = index.vocab_df_list
    small, big = sorted((left, right), key=lambda ids: sum(df[v] for v in ids))
    count = seen = 0
    name_vocab = index.name_vocab
    for vid in small:
        for name_id in index.posting_list(vid):
            count += not big.isdisjoint(name_vocab(name_id))
            seen += 1
            if seen >= _SAMPLE:
                return count
    return count


def _split(index: NameIndex, text: str) -> list[set[int]]:
    """The vocabulary ids of the two known parts an unknown part is made of ("Seongil": Seong
    Il), each at least two letters long and found as it is (tried first) or by a key; of
    several ways to cut it, the one whose halves appear together in the most names. ``[]`` when
    no cut gives two parts found together in a name."""
    vocab_id = index.vocab_id
    for exact in (True, False):
        best: tuple[int, list[set[int]]] | None = None
        for cut in range(2, len(text) - 1):
            if exact:
                ids = (vocab_id.get(text[:cut]), vocab_id.get(text[cut:]))
                if ids[0] is None or ids[1] is None:
                    continue
                left, right = {ids[0]}, {ids[1]}
            else:
                left = _by_keys(index, part_keys(text[:cut]), loose=False)
                right = _by_keys(index, part_keys(text[cut:]), loose=False) if left else set()
                if not left or not right:
                    continue
            together = _together(index, left, right)
            if best is None or together > best[0]:
                best = (together, [left, right])
        if best is not None and best[0]:
            return best[1]
    return []


def candidates(
    index: NameIndex,
    parts: Sequence[QueryPart],
    *,
    query: str,
    kinds: Sequence[int] | None,
    limit: int,
    min_cover: float,
) -> list[int]:
    """Name ids worth scoring, best first.

    :param query: the query's normalised parts joined by spaces, for re-ranking.
    :param kinds: name kind codes allowed (``KIND_CODES``), or None for all.
    :param limit: at most this many names.
    :param min_cover: leave out names sharing less than this share of the query weight.
    """
    total = sum(p.weight for p in parts if p.counted) or 1.0
    df = index.vocab_df_list
    sized = sorted(((sum(df[v] for v in p.vocab), p) for p in parts), key=lambda item: item[0])
    sized = [(size, part) for size, part in sized if size]
    if not sized:
        return []
    floor = min_cover * total
    if sized[0][0] > BROAD:
        acc = _accumulate(index, sized)
    else:
        acc = _accumulate_small(index, sized, floor)
    allowed = None if kinds is None else frozenset(kinds)
    kind_of = index.kind_of_name
    found = [
        (share, name_id)
        for name_id, share in acc.items()
        if share >= floor and (allowed is None or kind_of[name_id] in allowed)
    ]
    if len(found) > 4 * RERANK:
        shares = np.fromiter((share for share, _ in found), dtype=np.float64, count=len(found))
        found = [found[i] for i in np.argpartition(-shares, RERANK - 1)[:RERANK].tolist()]
    elif len(found) > RERANK:
        found = heapq.nlargest(RERANK, found)
    if len(found) <= limit:
        return [name_id for _, name_id in sorted(found, reverse=True)]
    similar = process.extract(
        query, [index.norm_names[i] for _, i in found], scorer=fuzz.token_sort_ratio, limit=None
    )
    ranked = sorted(
        ((found[i][0] / total + sim / 100, found[i][1]) for _, sim, i in similar), reverse=True
    )
    # an entry's aliases are alike: its likeliest name stands for it
    out: list[int] = []
    per_record: dict[int, int] = {}
    record_of = index.record_of_name
    for _, name_id in ranked:
        record = record_of[name_id]
        if per_record.get(record, 0) < PER_RECORD:
            per_record[record] = per_record.get(record, 0) + 1
            out.append(name_id)
            if len(out) == limit:
                break
    return out


def _accumulate_small(
    index: NameIndex, sized: list[tuple[int, QueryPart]], floor: float
) -> dict[int, float]:
    """Names and the weight they share with the query, rarest parts first, in plain Python.

    A part only adds to names already found through rarer parts when it is in more than
    :data:`COMMON` names, or when the weight still to come could not lift a new name to
    ``floor``; names that cannot reach ``floor`` any more are dropped on the way.
    """
    acc: dict[int, float] = {}
    get = acc.get
    remaining = sum(part.weight for _, part in sized)
    for size, part in sized:
        weight = part.weight
        if remaining < floor and not acc:
            break  # no name found so far can reach the floor, and no new one could
        if acc and (size > COMMON or remaining < floor):
            if remaining < floor or len(acc) > _PRUNE:
                acc = {n: a for n, a in acc.items() if a + remaining >= floor}
                get = acc.get
                if not acc:
                    break
            if size <= len(acc):
                for name_id in _names(index, part.vocab):
                    if name_id in acc:
                        acc[name_id] += weight
            else:
                vocab = part.vocab
                name_vocab = index.name_vocab
                for name_id in acc:
                    if not vocab.isdisjoint(name_vocab(name_id)):
                        acc[name_id] += weight
        else:
            for name_id in _names(index, part.vocab):
                acc[name_id] = get(name_id, 0.0) + weight
        remaining -= weight
    return acc


def _accumulate(index: NameIndex, sized: list[tuple[int, QueryPart]]) -> dict[int, float]:
    """:func:`_accumulate_small` in NumPy, for when even the rarest part is in many names."""
    pool: IntArray | None = None
    acc: npt.NDArray[np.float64] = np.zeros(0)
    for _, part in sized:
        arrays = [index.posting(v) for v in part.vocab]
        if pool is None:
            pool = np.unique(np.concatenate(arrays))
            acc = np.full(len(pool), part.weight)
            continue
        hit = np.zeros(len(pool), dtype=bool)
        for array in arrays:
            pos = np.searchsorted(array, pool)
            pos[pos == len(array)] = 0
            hit |= array[pos] == pool
        acc = acc + part.weight * hit
    if pool is None:
        return {}
    return dict(zip(pool.tolist(), acc.tolist(), strict=True))
