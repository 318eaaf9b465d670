"""Resolution across documents: every document entity becomes a member of one canonical entity.

The sanctionwatch.resolver.v1 strategy, in order:

1. **Listings.** An entity linked to a list entry (links in force: rejected links dropped,
   confirmed ones added) joins the entity keyed by that listing (``list:un_sc:KPi.076``); links
   to several lists join their listings into one entity. A country joins ``country:<iso2>``.
2. **Full names.** Other names of at least two parts (titles and articles cut) join the entity
   of the same type whose members carry the same order-free key, when that is one listed
   entity; otherwise one entity per key (``name:Person:choe hui son``), told apart by country
   when the holders' countries differ.
3. **Same names.** Entities whose names :func:`~sanctionwatch.resolve._compare.same_name` finds
   the same are joined (only adds anything when the screening engine is installed).
4. **Short names and roles.** A surname (``Choe``), an acronym or a role (``the North Korean
   foreign minister``) joins the one entity that uses it as a mention, or whose full name starts
   or ends with it; when several do, the one sharing most context (other entities of its
   documents, countries) wins, and a tie leaves it on its own: two Kims stay apart.
5. **Judgements.** Merges join, then splits take members out; see
   :mod:`sanctionwatch.resolve._judgements`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.resolve._compare import NameForm, engine, name_form, same_name
from sanctionwatch.resolve._judgements import Ref, Rulings
from sanctionwatch.resolve._model import DocEntity, GraphInputs, Listing

__all__ = ["NAME", "CanonicalEntity", "Resolution", "resolve_entities"]

#: The name of this resolution strategy.
NAME = "sanctionwatch.resolver.v1"

#: Types whose one-word names are surnames or acronyms, resolved by step 4.
SHORT_NAME_TYPES = frozenset({"Person", "Organization"})
#: The anchors' kinds, most authoritative first: the canonical key is taken from the first.
_ANCHOR_ORDER = ("list:", "country:", "name:")

Node = int | str


@dataclass
class CanonicalEntity:
    """One real-world party across documents.

    :param key: stable across rebuilds: its listing, country or name reference.
    :param members: document entity id -> how it was resolved (``listing``, ``country``,
        ``name``, ``same_name``, ``alias``, ``surname``, ``context``, ``ambiguous``, ``merge``,
        ``split``).
    """

    key: str
    type: str
    name: str
    listings: list[Listing] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    members: dict[int, str] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The ``canonical_entities`` row, with ``members`` for ``entity_resolution``."""
        first = self.listings[0] if self.listings else None
        return {
            "key": self.key,
            "type": self.type,
            "name": self.name,
            "dataset": first.dataset if first else None,
            "list_id": first.list_id if first else None,
            "listings": [link.to_dict() for link in self.listings],
            "countries": self.countries,
            "names": self.names,
            "members": dict(self.members),
        }


@dataclass
class Resolution:
    """Canonical entities, and for each document entity the one it belongs to."""

    entities: list[CanonicalEntity]
    by_member: dict[int, CanonicalEntity]

    def of(self, entity_id: int) -> CanonicalEntity | None:
        """The canonical entity of a document entity."""
        return self.by_member.get(entity_id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, child: Node, parent: Node) -> Node:
        """Join ``child``'s set into ``parent``'s; the latter's root stays the root."""
        a, b = self.find(child), self.find(parent)
        if a != b:
            self.parent[a] = b
        return b

    def groups(self) -> dict[Node, set[Node]]:
        out: dict[Node, set[Node]] = defaultdict(set)
        for node in list(self.parent):
            out[self.find(node)].add(node)
        return out


class _Resolver:
    def __init__(self, inputs: GraphInputs, rulings: Rulings) -> None:
        self.entities = {e.id: e for e in inputs.entities}
        self.rulings = rulings
        self.links = {e.id: rulings.links(e, inputs.listings) for e in inputs.entities}
        self.forms: dict[int, NameForm] = {e.id: name_form(e.name) for e in inputs.entities}
        self.uf = _UnionFind()
        self.method: dict[int, str] = {}
        self.anchor_of: dict[int, str] = {}
        self.short: list[int] = []

    def _anchor(self, entity_id: int, anchor: str, method: str) -> None:
        self.uf.union(entity_id, anchor)
        self.anchor_of[entity_id] = anchor
        self.method[entity_id] = method

    def _is_short(self, e: DocEntity) -> bool:
        form = self.forms[e.id]
        if form.role or not form.tokens:
            return True
        return e.type in SHORT_NAME_TYPES and len(form.tokens) < 2

    def listings_and_names(self) -> None:
        by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
        linked: dict[tuple[str, str], list[int]] = defaultdict(list)
        for e in self.entities.values():
            links = self.links[e.id]
            if links:
                best: dict[str, Listing] = {}
                for link in sorted(links, key=lambda k: -k.score):
                    best.setdefault(link.dataset, link)
                for link in best.values():
                    self._anchor(e.id, link.ref, "listing")
                self.anchor_of[e.id] = next(iter(best.values())).ref
                linked[(e.type, self.forms[e.id].key)].append(e.id)
            elif e.type == "Country" and e.countries:
                self._anchor(e.id, f"country:{e.countries[0]}", "country")
            elif self._is_short(e):
                self.short.append(e.id)
            else:
                by_name[(e.type, self.forms[e.id].key)].append(e.id)
        for (type_, key), ids in by_name.items():
            roots = {self.uf.find(i) for i in linked.get((type_, key), [])}
            if len(roots) == 1:
                root = roots.pop()
                for i in ids:
                    self.uf.union(i, root)
                    self.method[i] = "name"
                continue
            parts = self._by_country(ids)
            for countries, members in parts:
                anchor = f"name:{type_}:{key}"
                if len(parts) > 1 and countries:
                    anchor += "#" + ",".join(sorted(countries))
                for i in members:
                    self._anchor(i, anchor, "name")

    def _by_country(self, ids: list[int]) -> list[tuple[set[str], list[int]]]:
        parts: list[tuple[set[str], list[int]]] = []
        loose: list[int] = []
        for i in ids:
            countries = set(self.entities[i].countries)
            if not countries:
                loose.append(i)
                continue
            for have, members in parts:
                if have & countries:
                    have |= countries
                    members.append(i)
                    break
            else:
                parts.append((countries, [i]))
        if not parts:
            return [(set(), loose)]
        max(parts, key=lambda p: len(p[1]))[1].extend(loose)
        return parts

    def same_names(self) -> None:
        if engine() is None:  # equal keys were joined already
            return
        short = set(self.short)
        reps: dict[Node, tuple[str, str]] = {}
        members: dict[Node, list[int]] = defaultdict(list)
        countries: dict[Node, set[str]] = defaultdict(set)
        for i, e in self.entities.items():
            if i not in short and e.type in SHORT_NAME_TYPES | {"Vessel"}:
                root = self.uf.find(i)
                reps.setdefault(root, (e.type, e.name))
                members[root].append(i)
                countries[root] |= set(e.countries)
        listed = {
            self.uf.find(n) for n in self.uf.parent if isinstance(n, str) and n.startswith("list:")
        }
        blocks: dict[tuple[str, str], set[Node]] = defaultdict(set)
        for root, (type_, name) in reps.items():
            for token in name_form(name).tokens:
                blocks[(type_, token[:2])].add(root)
        compared: set[tuple[Node, Node]] = set()
        for (type_, _), block in blocks.items():
            roots = sorted(block, key=str)
            for n, a in enumerate(roots):
                for b in roots[n + 1 :]:
                    ra, rb = self.uf.find(a), self.uf.find(b)
                    if ra == rb or (a, b) in compared or (ra in listed and rb in listed):
                        continue
                    compared.add((a, b))
                    if countries[ra] and countries[rb] and not countries[ra] & countries[rb]:
                        continue
                    if same_name(reps[a][1], reps[b][1], schema=type_):
                        for i in members[ra]:
                            self.method[i] = "same_name"
                        self.uf.union(ra, rb)
                        members[rb] += members.pop(ra, [])
                        countries[rb] |= countries.pop(ra, set())
                        if ra in listed:
                            listed.add(rb)

    def short_names(self) -> None:
        aliases: dict[tuple[str, str], set[Node]] = defaultdict(set)
        edges: dict[tuple[str, str], set[Node]] = defaultdict(set)
        doc_roots: dict[str, set[Node]] = defaultdict(set)
        countries: dict[Node, set[str]] = defaultdict(set)
        members: dict[Node, list[int]] = defaultdict(list)
        short = set(self.short)
        for i, e in self.entities.items():
            if i in short:
                continue
            root = self.uf.find(i)
            members[root].append(i)
            doc_roots[e.document_id].add(root)
            countries[root] |= set(e.countries)
            for text in (e.name, *e.mentions):
                form = name_form(text)
                if form.tokens:
                    aliases[(e.type, form.key)].add(root)
            tokens = self.forms[i].tokens
            if e.type == "Person" and len(tokens) > 1 and not self.forms[i].role:
                edges[(e.type, tokens[0])].add(root)
                edges[(e.type, tokens[-1])].add(root)
        context = {
            root: {r for i in ids for r in doc_roots[self.entities[i].document_id]} - {root}
            | {self.uf.find(f"country:{c}") for c in countries[root]}
            for root, ids in members.items()
        }
        for i in self.short:
            e, form = self.entities[i], self.forms[i]
            candidates = set(aliases.get((e.type, form.key), set()))
            method = "alias"
            if e.type == "Person" and len(form.tokens) == 1:
                surnames = edges.get((e.type, form.tokens[0]), set())
                method = "alias" if candidates >= surnames else "surname"
                candidates |= surnames
            if e.countries:
                candidates = {
                    c for c in candidates if not countries[c] or countries[c] & set(e.countries)
                }
            own = f"name:{e.type}:{form.key or e.name.lower()}"
            if len(candidates) == 1:
                self.uf.union(i, candidates.pop())
                self.method[i] = method
                continue
            if candidates:
                mine = doc_roots[e.document_id] | {
                    self.uf.find(f"country:{c}") for c in e.countries
                }
                scored = sorted(
                    ((len(mine & context[c]), str(c), c) for c in candidates), reverse=True
                )
                if scored[0][0] > scored[1][0]:
                    self.uf.union(i, scored[0][2])
                    self.method[i] = "context"
                    continue
                self._anchor(i, own, "ambiguous")
                continue
            self._anchor(i, own, "name")

    def _roots(self, ref: Ref, groups: dict[Node, set[Node]]) -> list[Node]:
        out = []
        for root, nodes in groups.items():
            if (ref.document is None and ref.base in nodes) or any(
                isinstance(n, int) and ref.matches(self.entities[n], self.links[n]) for n in nodes
            ):
                out.append(root)
        return out

    def judge(self) -> dict[Node, set[Node]]:
        for a, b in self.rulings.merges:
            groups = self.uf.groups()
            roots = self._roots(a, groups) + self._roots(b, groups)
            for root in roots[1:]:
                if self.uf.find(root) != self.uf.find(roots[0]):
                    for n in groups.get(root, ()):
                        if isinstance(n, int):
                            self.method[n] = "merge"
                    self.uf.union(root, roots[0])
        groups = self.uf.groups()
        for part, whole in self.rulings.splits:
            for root in self._roots(whole, groups):
                nodes = groups[root]
                moving = {
                    n
                    for n in nodes
                    if isinstance(n, int) and part.matches(self.entities[n], self.links[n])
                }
                if not moving or moving == {n for n in nodes if isinstance(n, int)}:
                    continue
                nodes -= moving
                home = next((r for r, g in groups.items() if part.base in g), None)
                target = groups[home] if home is not None and home != root else None
                if target is None:
                    target = groups.setdefault(part.base, {part.base})
                target |= moving
                for n in moving:
                    self.method[n] = "split"
                    self.anchor_of[n] = part.base
        return groups

    def build(self, groups: dict[Node, set[Node]]) -> Resolution:
        entities: list[CanonicalEntity] = []
        seen: set[str] = set()
        for nodes in groups.values():
            ids = sorted(n for n in nodes if isinstance(n, int))
            if not ids:
                continue
            canonical = self._canonical(nodes, ids)
            base, n = canonical.key, 1
            while canonical.key in seen:
                n += 1
                canonical.key = f"{base}#{n}"
            seen.add(canonical.key)
            entities.append(canonical)
        entities.sort(key=lambda c: c.key)
        by_member = {i: c for c in entities for i in c.members}
        return Resolution(entities, by_member)

    def _canonical(self, nodes: Iterable[Node], ids: list[int]) -> CanonicalEntity:
        members = [self.entities[i] for i in ids]
        anchors = {n for n in nodes if isinstance(n, str)}
        best: dict[str, Listing] = {}
        for i in ids:
            for link in self.links[i]:
                if link.ref in anchors and link.score >= best.get(link.ref, link).score:
                    best[link.ref] = link
        listings = sorted(best.values(), key=lambda k: (-k.score, k.ref))
        used = Counter(self.anchor_of.get(i, "") for i in ids if self.anchor_of.get(i) in anchors)
        ranked = sorted(
            anchors,
            key=lambda a: (
                next((n for n, p in enumerate(_ANCHOR_ORDER) if a.startswith(p)), 9),
                -used.get(a, 0),
                a,
            ),
        )
        key = listings[0].ref if listings else ranked[0]
        type_ = Counter(e.type for e in members).most_common(1)[0][0]
        full = [e.name for e in members if self.method.get(e.id) in ("listing", "name", "country")]
        counts = Counter(full or [e.name for e in members])
        name = max(counts, key=lambda n: (counts[n], len(n), n))
        all_names = Counter(e.name for e in members)
        return CanonicalEntity(
            key=key,
            type=type_,
            name=name,
            listings=listings,
            countries=sorted({c for e in members for c in e.countries}),
            names=[n for n, _ in all_names.most_common(20)],
            members={i: self.method.get(i, "name") for i in ids},
        )


def resolve_entities(inputs: GraphInputs) -> Resolution:
    """Resolve every document entity of ``inputs`` to a canonical entity, judgements applied."""
    resolver = _Resolver(inputs, Rulings.from_judgements(inputs.judgements))
    resolver.listings_and_names()
    resolver.same_names()
    resolver.short_names()
    return resolver.build(resolver.judge())
