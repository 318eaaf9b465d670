"""The candidate index: every listed name as part ids, and the ways to find them fast.

Built once per set of active lists and kept on disk (:mod:`._store`). It holds:

- the vocabulary of normalised name parts, each with its rarity weight and its keys
  (:mod:`._variants`: Korean and Russian romanisation keys, equivalence class, metaphone,
  consonant skeleton), and for each key the parts that share it;
- for every part, the names that contain it (postings, sorted name ids);
- every part with one letter deleted, and the trigrams of every part, to find a mistyped part
  among the vocabulary (one error, and two);
- for every name, its parts (in written order, with their weight classes), its record, its
  surname parts and whether it is a romanised Korean name;
- for every identifier (IMO, passport...), its records.

:mod:`._retrieve` finds in it the names worth scoring for a query.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from sanctionwatch.names._analyse import NOTES, Part, analyse
from sanctionwatch.names._records import Record, kind_of
from sanctionwatch.names._text import clean_text
from sanctionwatch.names._translit import split_scripts
from sanctionwatch.names._variants import Keys, part_keys

__all__ = [
    "KIND_CODES",
    "MAX_NAME_CHARS",
    "IntArray",
    "KeyMap",
    "NameIndex",
    "deletes",
    "grams",
]

#: Longest name read; longer list names are skipped, longer queries refused.
MAX_NAME_CHARS = 1000
#: Analysis kind -> code stored per name.
KIND_CODES = {"person": 0, "org": 1, "vessel": 2, "any": 3}

IntArray = npt.NDArray[np.int32]
_NOTE_CODES = {note: code for code, note in enumerate(NOTES)}


def deletes(text: str) -> set[str]:
    """A part and every string one letter shorter: two parts one typing error apart share one
    (``kim``, ``kin`` -> ``ki``; ``ab``/``ba`` transposed -> ``a``)."""
    return {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}


def grams(text: str) -> list[str]:
    """The padded trigrams of a part: ``kim`` -> ``^ki kim im$``."""
    padded = f"^{text}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


@dataclass
class KeyMap:
    """Text keys -> sorted arrays of integer ids (a ragged array with a dict in front)."""

    index: dict[str, int]
    offsets: npt.NDArray[np.int64]
    values: IntArray
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, keys: Sequence[str], values: Sequence[int] | IntArray) -> KeyMap:
        """From parallel keys and ids; empty keys are left out, repeated pairs kept once."""
        ids = np.asarray(values, dtype=np.int32)
        present = np.array([bool(k) for k in keys], dtype=bool)
        if not present.any():
            return cls({}, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32))
        uniq, inverse = np.unique(np.array(keys, dtype=str)[present], return_inverse=True)
        ids = ids[present]
        order = np.lexsort((ids, inverse))
        slots, ids = inverse[order], ids[order]
        keep = np.ones(len(ids), dtype=bool)
        keep[1:] = (slots[1:] != slots[:-1]) | (ids[1:] != ids[:-1])
        slots, ids = slots[keep], ids[keep]
        offsets = np.zeros(len(uniq) + 1, dtype=np.int64)
        np.cumsum(np.bincount(slots, minlength=len(uniq)), out=offsets[1:])
        return cls({str(k): i for i, k in enumerate(uniq.tolist())}, offsets, ids)

    @classmethod
    def from_arrays(
        cls, keys: list[str], offsets: npt.NDArray[np.int64], values: IntArray
    ) -> KeyMap:
        """Read back a stored map."""
        return cls({k: i for i, k in enumerate(keys)}, offsets, values)

    def get(self, key: str) -> IntArray | None:
        """The ids under ``key``, or None."""
        slot = self.index.get(key)
        if slot is None:
            return None
        return self.values[self.offsets[slot] : self.offsets[slot + 1]]

    def ids(self, key: str) -> tuple[int, ...]:
        """The ids under ``key`` as a tuple (``()`` when none), cached."""
        found = self._cache.get(key)
        if found is None:
            array = self.get(key)
            found = () if array is None else tuple(array.tolist())
            if len(self._cache) > 1 << 18:
                self._cache.clear()
            self._cache[key] = found
        return found

    def keys(self) -> list[str]:
        """The keys, in slot order."""
        return list(self.index)


class NameIndex:
    """The names of a set of list entries, indexed for screening (see the module doc)."""

    def __init__(
        self,
        *,
        records: list[Record],
        names: list[str],
        norm_names: list[str],
        name_record: IntArray,
        name_kind: npt.NDArray[np.int8],
        name_surname: npt.NDArray[np.int64],
        name_korean: npt.NDArray[np.int8],
        part_offsets: npt.NDArray[np.int64],
        part_ids: IntArray,
        part_classes: npt.NDArray[np.int8],
        part_words: npt.NDArray[np.int16],
        part_notes: npt.NDArray[np.int8],
        vocab: list[str],
        vocab_abjad: npt.NDArray[np.int8],
        vocab_keys: list[Keys],
        post_offsets: npt.NDArray[np.int64],
        post_names: IntArray,
        keymaps: dict[str, KeyMap],
        grams_map: KeyMap,
        identifiers: KeyMap,
    ) -> None:
        self.records = records
        self.names = names
        self.norm_names = norm_names
        self.name_record = name_record
        self.name_kind = name_kind
        self.name_surname = name_surname
        self.name_korean = name_korean
        self.part_offsets = part_offsets
        self.part_ids = part_ids
        self.part_classes = part_classes
        self.part_words = part_words
        self.part_notes = part_notes
        self.vocab = vocab
        self.vocab_abjad = vocab_abjad
        #: the keys of every vocabulary part (:func:`~sanctionwatch.names._variants.part_keys`).
        self.vocab_keys = vocab_keys
        self.vocab_id = {t: i for i, t in enumerate(vocab)}
        self.post_offsets = post_offsets
        self.post_names = post_names
        self.keymaps = keymaps
        self.grams_map = grams_map
        self.identifiers = identifiers
        total = max(len(names), 1)
        self.vocab_df = np.diff(post_offsets)
        self.vocab_weight: list[float] = [
            math.log1p(total / max(df, 1)) / math.log1p(total) for df in self.vocab_df.tolist()
        ]
        self.vocab_len = np.array([len(t) for t in vocab], dtype=np.int16)
        self.kind_of_name: list[int] = name_kind.tolist()
        self.record_of_name: list[int] = name_record.tolist()
        self.vocab_df_list: list[int] = self.vocab_df.tolist()
        self._postings: dict[int, list[int]] = {}
        self._name_vocab: dict[int, frozenset[int]] = {}

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        records: Iterable[Record],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> NameIndex:
        """Analyse and index every name of ``records``.

        :param progress: called with the number of records done, every 10,000 records.
        """
        kept: list[Record] = []
        names: list[str] = []
        norm_names: list[str] = []
        name_record: list[int] = []
        kinds: list[int] = []
        surnames: list[int] = []
        korean: list[int] = []
        offsets = [0]
        part_ids: list[int] = []
        part_classes: list[int] = []
        part_words: list[int] = []
        part_notes: list[int] = []
        vocab_id: dict[str, int] = {}
        abjad: list[int] = []
        for count, record in enumerate(records, start=1):
            kind = kind_of(record.schema)
            rid = len(kept)
            seen: set[tuple[str, ...]] = set()
            for name in (n for full in record.names for n in _pieces(full, kind)):
                if len(name) > MAX_NAME_CHARS:
                    continue
                analysis = analyse(
                    name, kind=kind, last_name=record.last_names[0] if record.last_names else None
                )
                texts = tuple(analysis.texts)
                if not texts or texts in seen:
                    continue
                seen.add(texts)
                for part in analysis.parts:
                    vid = vocab_id.setdefault(part.text, len(vocab_id))
                    if vid == len(abjad):
                        abjad.append(0)
                    if part.note in ("Arabic", "Hebrew"):
                        abjad[vid] = 1
                    part_ids.append(vid)
                    part_classes.append(part.weight_class)
                    part_words.append(min(part.word, 32_000))
                    part_notes.append(_NOTE_CODES.get(part.note, len(NOTES) - 1))
                offsets.append(len(part_ids))
                names.append(name.replace("\n", " "))
                norm_names.append(" ".join(texts))
                name_record.append(rid)
                kinds.append(KIND_CODES[kind])
                surnames.append(analysis.surname)
                korean.append(int(analysis.korean))
            if seen:
                kept.append(record)
            if progress and count % 10_000 == 0:
                progress(count)
        vocab = list(vocab_id)
        ids = np.array(part_ids, dtype=np.int32)
        owner = np.repeat(np.arange(len(names), dtype=np.int32), np.diff(offsets))
        order = np.lexsort((owner, ids))
        pv, pn = ids[order], owner[order]
        keep = np.ones(len(pv), dtype=bool)
        keep[1:] = (pv[1:] != pv[:-1]) | (pn[1:] != pn[:-1])
        post_offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(pv[keep], minlength=len(vocab)), out=post_offsets[1:])
        all_keys = [part_keys(t, bool(a)) for t, a in zip(vocab, abjad, strict=True)]
        keymaps = {
            name: KeyMap.build([getattr(k, name) for k in all_keys], list(range(len(vocab))))
            for name in ("ko", "ru", "eq", "phon", "cons")
        }
        delete_pairs = [(d, vid) for vid, t in enumerate(vocab) if len(t) >= 2 for d in deletes(t)]
        keymaps["deletes"] = KeyMap.build(
            [d for d, _ in delete_pairs], [v for _, v in delete_pairs]
        )
        gram_pairs = [(g, vid) for vid, t in enumerate(vocab) if len(t) >= 3 for g in grams(t)]
        grams_map = KeyMap.build([g for g, _ in gram_pairs], [v for _, v in gram_pairs])
        id_pairs = [(value, rid) for rid, r in enumerate(kept) for _, value in r.identifiers]
        identifiers = KeyMap.build([v for v, _ in id_pairs], [r for _, r in id_pairs])
        return cls(
            records=kept,
            names=names,
            norm_names=norm_names,
            name_record=np.array(name_record, dtype=np.int32),
            name_kind=np.array(kinds, dtype=np.int8),
            name_surname=np.array(surnames, dtype=np.int64),
            name_korean=np.array(korean, dtype=np.int8),
            part_offsets=np.array(offsets, dtype=np.int64),
            part_ids=ids,
            part_classes=np.array(part_classes, dtype=np.int8),
            part_words=np.array(part_words, dtype=np.int16),
            part_notes=np.array(part_notes, dtype=np.int8),
            vocab=vocab,
            vocab_abjad=np.array(abjad, dtype=np.int8),
            vocab_keys=all_keys,
            post_offsets=post_offsets,
            post_names=pn[keep],
            keymaps=keymaps,
            grams_map=grams_map,
            identifiers=identifiers,
        )

    # -- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.names)

    def name_parts(self, name_id: int) -> tuple[list[int], list[int]]:
        """The vocabulary ids of a name's parts, in written order, and their weight classes."""
        start, end = self.part_offsets[name_id], self.part_offsets[name_id + 1]
        ids: list[int] = self.part_ids[start:end].tolist()
        classes: list[int] = self.part_classes[start:end].tolist()
        return ids, classes

    def listed_parts(self, name_id: int) -> list[Part]:
        """The parts of a listed name as :func:`analyse` read them, with the words they were
        written as (for explanations)."""
        start, end = int(self.part_offsets[name_id]), int(self.part_offsets[name_id + 1])
        words = self.names[name_id].replace(",", " ").split()
        out = []
        for k in range(start, end):
            text = self.vocab[int(self.part_ids[k])]
            word = int(self.part_words[k])
            source = words[word] if word < len(words) else text
            note = NOTES[int(self.part_notes[k])]
            out.append(Part(text, source, note, int(self.part_classes[k]), word))
        return out

    def name_vocab(self, name_id: int) -> frozenset[int]:
        """The vocabulary ids of a name's parts, as a set (cached)."""
        found = self._name_vocab.get(name_id)
        if found is None:
            start, end = self.part_offsets[name_id], self.part_offsets[name_id + 1]
            found = frozenset(self.part_ids[start:end].tolist())
            if len(self._name_vocab) > 1 << 18:
                self._name_vocab.clear()
            self._name_vocab[name_id] = found
        return found

    def weight(self, text: str) -> float | None:
        """The rarity weight of a part in [0, 1] (1: in one name), or None when not listed."""
        vid = self.vocab_id.get(text)
        return None if vid is None else self.vocab_weight[vid]

    def posting(self, vid: int) -> IntArray:
        """The sorted ids of the names that contain vocabulary part ``vid``."""
        return self.post_names[self.post_offsets[vid] : self.post_offsets[vid + 1]]

    def posting_list(self, vid: int) -> list[int]:
        """:meth:`posting` as a Python list (cached: retrieval of short postings is faster in
        plain Python than in NumPy)."""
        found = self._postings.get(vid)
        if found is None:
            found = self.posting(vid).tolist()
            if len(self._postings) > 1 << 17:
                self._postings.clear()
            self._postings[vid] = found
        return found


def _pieces(name: str, kind: str) -> list[str]:
    """A listed name, or its two names where it is written in two scripts."""
    if name.isascii():
        return [name]
    pieces = split_scripts(clean_text(name, person=kind == "person").text)
    return pieces if len(pieces) > 1 else [name]
