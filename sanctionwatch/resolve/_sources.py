"""How independent the sources of a claim are: publishers, and copies of the same text.

Two documents count as one source when they have the same publisher, or when one is a copy of
the other: a syndicated story, or the same text lightly edited. Copies are found by comparing
the sets of word shingles (runs of :data:`SHINGLE_WORDS` words) of the two texts; a Jaccard
similarity of :data:`NEAR_DUPLICATE` or more makes them copies.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sanctionwatch.resolve._model import DocInfo

__all__ = [
    "NEAR_DUPLICATE",
    "SHINGLE_WORDS",
    "SourceGroup",
    "Sources",
    "jaccard",
    "shingles",
]

#: Words per shingle.
SHINGLE_WORDS = 5
#: Shingle Jaccard similarity at or above which two documents are copies of one text.
NEAR_DUPLICATE = 0.5

_WORD = re.compile(r"\w+")


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The document's word shingles, as stable 32-bit hashes."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class SourceGroup:
    """Documents that count as one source: the first seen, then the others.

    :param copies: document id -> (the document it copies, similarity).
    """

    documents: list[str]
    publishers: list[str]
    copies: dict[str, tuple[str, float]] = field(default_factory=dict)


class Sources:
    """Groups documents into independent sources; shingles are computed once per document."""

    def __init__(self, documents: Mapping[str, DocInfo]) -> None:
        self.documents = documents
        self._shingles: dict[str, frozenset[int]] = {}

    def _of(self, doc_id: str) -> frozenset[int]:
        if doc_id not in self._shingles:
            doc = self.documents.get(doc_id)
            self._shingles[doc_id] = shingles(doc.text) if doc else frozenset()
        return self._shingles[doc_id]

    def publisher(self, doc_id: str) -> str:
        """The document's publisher, or ``document <id prefix>`` when it is not known."""
        doc = self.documents.get(doc_id)
        return (doc.publisher if doc else None) or f"document {doc_id[:12]}"

    def groups(self, doc_ids: Iterable[str]) -> list[SourceGroup]:
        """Independent sources among ``doc_ids``, earliest first."""
        ids = sorted(set(doc_ids), key=self._order)
        parent = {d: d for d in ids}

        def find(d: str) -> str:
            while parent[d] != d:
                parent[d] = parent[parent[d]]
                d = parent[d]
            return d

        copies: dict[str, tuple[str, float]] = {}
        for n, later in enumerate(ids):
            for earlier in ids[:n]:
                if self.publisher(later) == self.publisher(earlier):
                    parent[find(later)] = find(earlier)
                    continue
                similarity = jaccard(self._of(earlier), self._of(later))
                if similarity >= NEAR_DUPLICATE:
                    copies.setdefault(later, (earlier, round(similarity, 3)))
                    parent[find(later)] = find(earlier)
        members: dict[str, list[str]] = {}
        for d in ids:
            members.setdefault(find(d), []).append(d)
        return [
            SourceGroup(
                documents=docs,
                publishers=sorted({self.publisher(d) for d in docs}),
                copies={d: copies[d] for d in docs if d in copies},
            )
            for docs in members.values()
        ]

    def _order(self, doc_id: str) -> tuple[str, str]:
        doc = self.documents.get(doc_id)
        return (doc.day if doc else "", doc_id)
