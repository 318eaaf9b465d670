"""Who is who inside a document: which entity a short, role or anaphoric mention refers to.

- A bare surname ("Kim") shared by several people goes to the one named in its own or the
  previous sentence; failing that, to the one standing next to a head of state ("Putin and
  Kim"), then to the one holding a leader title, then to the most mentioned, then the first.
- A role phrase ("the Russian president") goes to whoever the document introduced with that
  role; a role stated without a country matches one stated with it.
- A group ("the two leaders", "both countries") names several: the people holding the title
  or the most salient countries.
- A definite description ("the tanker") goes to the latest entity of its kind; "the country"
  and "the government" to the most mentioned country.
- Pronouns: he/she to the latest person (she preferring a woman), it/its to the latest country,
  organisation or vessel, we/our to the speaker of a statement ("We, the G7 ...").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from sanctionwatch.nlp import _data
from sanctionwatch.nlp._names import is_title_word
from sanctionwatch.nlp._syntax import BULLETS, paragraph_start

if TYPE_CHECKING:
    from sanctionwatch.nlp._mentions import Mention

__all__ = ["Entity", "Resolver", "female_mention"]


def _main_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start`` to ``end`` head the subject of their sentence's main verb."""
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end:
            return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"
    return False


_SAYING = frozenset({"say", "state", "announce", "tell", "add", "confirm", "claim", "insist",
                     "declare", "report", "note", "warn"})  # fmt: skip


def _main_subject_of(tok: Token) -> Token | None:
    """The subject of the sentence's main verb, when ``tok`` stands in a clause below it:
    "The SAE BYOL was designated after the Panel found that it had ..." -> SAE BYOL."""
    root = tok.sent.root
    if tok.head == root or tok.head.dep_ not in ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj"):
        return None  # "... was designated by the Treasury, but it has continued": the refinery
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    return subj[0] if subj else None


def female_mention(doc: Doc, m: Mention) -> bool:
    """Whether a person's mention comes with a word for a woman: "the leader's sister X",
    "X, the sister of ...", "Ms X"."""
    words = _data.relation_table()["female"]
    if m.role is not None and m.role[1] in words:
        return True
    if m.start > 0 and doc[m.start - 1].lower_ in words:
        return True
    if m.end < len(doc) and doc[m.end].text == ",":
        for tok in doc[m.end + 1 : min(len(doc), m.end + 6)]:
            if tok.text in (",", ".") or tok.ent_type_ == "PERSON":
                break
            if tok.lower_ in words:
                return True
    return False


_COMPANY_WORDS = frozenset({"llc", "ltd", "ltd.", "limited", "co", "co.", "inc", "inc.",
                            "corp", "corp.", "corporation", "company", "gmbh", "jsc", "pjsc",
                            "fze", "fzco", "fzc", "llp", "plc", "sarl", "s.a.", "a.s.", "trading",
                            "shipping", "logistics", "group", "holdings"})  # fmt: skip


def _company_name(name: str) -> bool:
    """Whether a name reads as a company's: "Aster Horizon General Trading LLC"."""
    return any(w.strip(",").lower() in _COMPANY_WORDS for w in name.split())


def entry_head(doc: Doc, i: int) -> int | None:
    """Where the name heading the list entry that token ``i`` stands in starts: "- Korea
    Rungra Trading Company: a North Korean firm. It exported ..." (a line opening, after a
    bullet or a number, with a name and a colon), or None outside such an entry."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    k = start
    while k < i and (doc[k].text in BULLETS or doc[k].like_num or doc[k].text in (".", ")")):
        k += 1
    colon = next((t.i for t in doc[k:i] if t.text == ":"), None)
    if colon is None or colon - k > 12 or not doc[k].text[:1].isupper():
        return None
    return k


def _called(doc: Doc, x: Mention, word: str) -> bool:
    """Whether a country's mention is called ``word``: "the Government of the Republic of
    Korea", "Japan's government", "the Japanese Government"."""
    before = [t.lower_ for t in doc[max(0, x.start - 3) : x.start]]
    after = [t.lower_ for t in doc[x.end : x.end + 2]]
    return (
        doc[x.start].lower_ == word
        or before[-2:] == [word, "of"]
        or before[-3:] == [word, "of", "the"]
        or after[:1] == [word]
        or after[:2] in (["'s", word], ["’s", word])
    )


def _reporting_subject(tok: Token) -> Token | None:
    """The subject of the reporting verb whose clause ``tok`` is the subject of: "X said it ..."
    -> X."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    verb = tok.head.head
    if verb.lemma_.lower() not in _SAYING or verb.dep_ not in ("ROOT", "conj"):
        return None  # "after the Panel found that it had ...": not the finder
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return subj[0] if subj else None


@dataclass(eq=False)
class Entity:
    """One thing the document talks about, with all its mentions."""

    id: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""
    country: list[str] = field(default_factory=list)
    key: str | None = None
    roles: set[tuple[str | None, str]] = field(default_factory=set)
    aliases: set[tuple[str, ...]] = field(default_factory=set)
    #: Token index of the latest name (not role) mention, and of the first mention.
    last: int = 0
    first: int = 0
    female: bool = False

    @property
    def full(self) -> bool:
        """Whether the entity is known by more than one word (a person's full name)."""
        return any(len(a) > 1 for a in self.aliases) or self.type != "Person"

    @property
    def leader(self) -> bool:
        """Whether a title of a head of state or government was given to the entity."""
        return any(t in _data.leader_titles() for _, t in self.roles)


# Last words of government services a text may call "the agency".
_AGENCY_HEADS = frozenset({"guard", "service", "bureau", "administration", "police", "office",
                           "directorate", "commission", "customs", "inspectorate", "command",
                           "agency", "authority"})  # fmt: skip


class Resolver:
    """Resolution over the entities built so far; ``sent`` maps a token to its sentence number."""

    def __init__(self, entities: list[Entity], sent: list[int], doc: Doc | None = None) -> None:
        self.entities = entities
        self.sent = sent
        self.doc = doc

    def _people(self) -> list[Entity]:
        return sorted((e for e in self.entities if e.type == "Person"), key=lambda e: -e.last)

    def _recent(self, e: Entity, position: int) -> bool:
        """Named (not just referred to by a role) in this sentence or the one before."""
        here = self.sent[position]
        return any(here - 1 <= self.sent[m.start] <= here for m in e.mentions if m.kind == "name")

    def person(self, words: tuple[str, ...], m: Mention, near: Entity | None) -> Entity | None:
        """The person a name refers to: the same full name, or the bearer of a part of it."""
        people = self._people()
        for e in people:
            if len(words) > 1 and words in e.aliases:
                return e
        bearers = [
            e for e in people
            if any(set(words) <= set(a) and len(words) < len(a)
                   and (words[0] == a[0] or words[-1] == a[-1]) for a in e.aliases)
        ]  # fmt: skip
        if len({id(e) for e in bearers}) > 1:
            return self._disambiguate(bearers, m, near)
        if bearers:
            return bearers[0]
        # A fuller name after a surname-only mention: "Putin" ... "Vladimir Putin".
        return next(
            (e for e in people if not e.full and any(set(a) <= set(words) for a in e.aliases)), None
        )

    def _disambiguate(self, bearers: list[Entity], m: Mention, near: Entity | None) -> Entity:
        if near is not None:
            # "Putin and Kim": the Kim who stood with Putin before, or the one with a leader title
            # next to a head of state
            together = {self.sent[y.start] for y in near.mentions}
            met = [e for e in bearers if any(self.sent[x.start] in together for x in e.mentions)]
            if met:
                return max(met, key=lambda e: e.last)
            leaders = [e for e in bearers if e.leader]
            if leaders and near.leader:
                return leaders[0]
        if self.doc is not None and female_mention(self.doc, m):
            women = [e for e in bearers if e.female]
            if women:  # "Kim, the sister of leader Kim Jong Un,": the woman of that name
                return max(women, key=lambda e: e.last)
        local = [e for e in bearers if self._recent(e, m.start)]
        if local:
            return max(local, key=lambda e: max(x.start for x in e.mentions if x.kind == "name"))
        return min(bearers, key=lambda e: (not e.leader, -len(e.mentions), e.first))

    def role(self, role: tuple[str | None, str]) -> Entity | None:
        """The entity the document introduced with this (country, title)."""
        country, title = role
        ranked = sorted(self.entities, key=lambda e: -e.last)
        for e in ranked:
            for c, t in e.roles:
                if t == title and (country is None or c is None or c == country):
                    return e
        if title != "leader" or country is None:
            return None
        # "the Ukrainian leader" where no one was called so: its president or prime minister
        leaders = _data.leader_titles()
        for e in ranked:
            for c, t in e.roles:
                if t in leaders and (c == country or (c is None and country in e.country)):
                    return e
                if t in leaders and c is None and not e.country:
                    return e
        return None

    def group(self, m: Mention) -> list[Entity]:
        """The entities a plural phrase names."""
        spec = _data.anaphora().groups.get(m.word or "", {})
        here = self.sent[m.start]
        count = m.count or 2
        before = [e for e in self.entities if e.first < m.start]
        if "title" in spec:
            wanted = spec["title"]
            words = [str(w) for w in wanted] if isinstance(wanted, list) else [str(wanted)]
            word = words[0]
            if word == "leader":
                holders = [e for e in before if e.leader]
            else:
                holders = [e for e in before if any(w in t for _, t in e.roles for w in words)]
            holders.sort(key=lambda e: -e.last)
            holders = sorted(holders[:count] if m.count else holders, key=lambda e: e.first)
            if word == "leader" and len(holders) < count:
                # "the two leaders" where no title was given: the most mentioned people
                people = sorted((e for e in before if e.type == "Person" and e not in holders),
                                key=lambda e: (-len(e.mentions), e.first))  # fmt: skip
                holders += people[: count - len(holders)]
            # "the two ministers": that many; "the ministers": all of them (two or more)
            chosen = holders[:count] if m.count else holders if len(holders) >= 2 else []
            return sorted(chosen, key=lambda e: e.first)
        kind = str(spec.get("type", "Country"))
        if kind == "Party":
            return self._parties(before, m.start, count)
        # "both companies": companies the text named, not the bodies and media of the tables
        candidates = [
            e for e in before if e.type == kind and (kind != "Organization" or e.key is None)
        ]
        if m.word in ("companies", "firms"):
            # "Both companies": companies by their names (a legal form or a company word), when
            # enough were named, not a military unit or an agency named between them
            firms = [e for e in candidates if _company_name(e.name)]
            if len(firms) >= count:
                candidates = firms
        pair = self._pair(candidates, m.start) if count == 2 else None
        if pair is not None:  # "Russia and China ... both governments": the pair named together
            return pair
        if m.word in ("companies", "firms", "vessels", "tankers", "ships"):
            # "X ... Y, a Chinese company, ... Both companies are designated": the latest named
            def latest(e: Entity) -> int:
                return max((x.start for x in e.mentions if x.start < m.start), default=-1)

            candidates.sort(key=lambda e: -latest(e))
        else:
            candidates.sort(key=lambda e: (
                not any(self.sent[x.start] == here for x in e.mentions), -len(e.mentions),
                e.first,
            ))  # fmt: skip
        chosen = candidates[:count]
        return sorted(chosen, key=lambda e: e.first) if len(chosen) == count else []

    def _parties(self, before: list[Entity], start: int, count: int) -> list[Entity]:
        """ "The two sides": the latest ``count`` parties of one kind named in this sentence or
        the two before, people or countries, of the kind named last ("Shoigu met Kim ... The
        sides discussed": the two men; "Russia and Iran ... the sides": the two countries)."""
        here = self.sent[start]

        def last(e: Entity) -> int:
            return max((x.start for x in e.mentions if x.start < start
                        and here - 2 <= self.sent[x.start] <= here), default=-1)  # fmt: skip

        recent = sorted((e for e in before if e.type in ("Person", "Country") and last(e) >= 0),
                        key=last, reverse=True)  # fmt: skip
        if not recent:
            return []
        kind = recent[0].type
        countries = [e for e in before if e.type == "Country" and e.key]
        if kind == "Person" and len(countries) >= count:
            # "Kozlov met Kim ... The two sides signed agreements": sides are the states the
            # people stand for, when the text names them
            kind = "Country"
            recent = sorted(countries, key=lambda e: (-len(e.mentions), e.first))
        same = [e for e in recent if e.type == kind]
        if len(same) > count:
            # more parties than the phrase counts: the document's protagonists, those it
            # mentions most ("Shoigu ... thanked the soldiers who fought Ukrainian forces ...
            # the two sides signed": Russia and North Korea)
            rank = {id(e): n for n, e in enumerate(same)}
            same = sorted(same, key=lambda e: (-len(e.mentions), rank[id(e)]))
        same = same[:count]
        return sorted(same, key=lambda e: e.first) if len(same) == count else []

    def _pair(self, candidates: list[Entity], start: int) -> list[Entity] | None:
        """The latest two of ``candidates`` named together ("X and Y") in this sentence or
        the one before."""
        if self.doc is None:
            return None
        here = self.sent[start]
        spans = sorted(
            (x.start, x.end, e)
            for e in candidates
            for x in e.mentions
            if x.end <= start and here - 1 <= self.sent[x.start] <= here
        )
        for (_, a_end, a), (b_start, _, b) in reversed(list(itertools.pairwise(spans))):
            between = [t.lower_ for t in self.doc[a_end:b_start]]
            if a is not b and between in (["and"], [",", "and"], ["or"]):
                return [a, b]
        return None

    def _entry_entity(self, i: int, kinds: tuple[str, ...]) -> Entity | None:
        """The entity heading the list entry token ``i`` stands in, if of one of ``kinds``."""
        if self.doc is None:
            return None
        start = entry_head(self.doc, i)
        if start is None:
            return None
        doc = self.doc
        bulleted = start > 0 and "\n" not in doc[start - 1].text
        for e in self.entities:
            for x in e.mentions:
                if x.start != start or e.type not in kinds or x.end >= len(doc):
                    continue
                # the name, then its colon or, after a bullet or number, its description
                if doc[x.end].text == ":" or (bulleted and doc[x.end].text in ("(", ",", ".")):
                    return e
        return None

    def definite(self, m: Mention) -> Entity | None:
        """The entity a definite description ("the tanker", "the country") refers to."""
        spec = _data.anaphora().definites.get(m.word or "", {})
        kind = str(spec.get("type", ""))
        if kind in ("Organization", "Vessel") and not spec.get("body"):
            head = self._entry_entity(m.start, (kind,))
            if head is not None:
                return head  # "- Far East Sea Transit LLC: ... The company transported ..."
        before = [e for e in self.entities if e.type == kind and e.first < m.start]
        if spec.get("private"):
            before = [e for e in before if e.key is None]  # "the firm": not the Treasury
        word = spec.get("word")
        if spec.get("body"):
            # "the bloc", "the alliance": the international body named last
            bodies = [e for e in before if e.key is not None and e.key in _data.bodies()]
            return max(bodies, key=lambda e: max(x.start for x in e.mentions), default=None)
        if word and kind == "Organization":
            named = [e for e in before if str(word) in e.name.lower() or
                     any(str(word) in " ".join(a) for a in e.aliases) or
                     self._described(e, str(word))]  # fmt: skip
            if not named and word == "agency":
                # "the Philippine Coast Guard ... the agency said": a government service
                named = [e for e in before if e.key not in _data.media()
                         and any(a and a[-1] in _AGENCY_HEADS for a in e.aliases)]  # fmt: skip
            found = max(named, key=lambda e: max(x.start for x in e.mentions), default=None)
            if found is not None and not self._unnamed_since(found, m):
                return found
            # "North Korea's foreign ministry ... the ministry": an unnamed body speaks for its
            # country; no other organisation is "the ministry"
            return next((e for e in self.entities if m.country and e.key == m.country), None)
        if not before:
            return None
        if spec.get("of_country"):  # "the troops": the country whose troops were named
            return next((e for e in before if e.key == m.country), None)
        if spec.get("salient"):
            if self.doc is not None and m.word is not None:
                # "The Government of Japan ... The Government": the one called so before
                doc, word = self.doc, m.word
                called = [
                    e
                    for e in before
                    if any(x.kind == "name" and _called(doc, x, word) for x in e.mentions)
                ]
                if len(called) == 1:
                    return called[0]
            return min(before, key=lambda e: (-len(e.mentions), e.first))
        if word:
            before = [e for e in before if str(word) in e.name.lower() or
                      any(str(word) in " ".join(a) for a in e.aliases)] or before  # fmt: skip
        found = max(before, key=lambda e: max(x.start for x in e.mentions))
        return None if self._unnamed_since(found, m) else found

    def _described(self, e: Entity, word: str) -> bool:
        """Whether a mention of ``e`` came right after the word ("state news agency IRNA") or
        before an apposition with it ("Shandong Haoyu Petrochemical, a teapot refinery")."""
        doc = self.doc
        if doc is None:
            return False
        for x in e.mentions:
            if x.start > 0 and doc[x.start - 1].lower_ == word:
                return True
            if (
                x.start > 1
                and doc[x.start - 1].text == ","
                and any(t.lemma_.lower() == word for t in doc[max(0, x.start - 5) : x.start - 1])
            ):
                return True  # "One of those refineries, Shandong Haoyu Petrochemical"
            if (
                x.end + 1 < len(doc)
                and doc[x.end].text == ","
                and doc[x.end + 1].lower_ in ("a", "an", "the")
            ):
                for t in doc[x.end + 2 : min(x.end + 8, len(doc))]:
                    if t.lower_ == word:
                        return True
                    if t.is_punct and t.text != "-":
                        break
        return False

    def _unnamed_since(self, e: Entity, m: Mention) -> bool:
        """Whether the description's noun was used, after ``e`` was last mentioned, for
        something left unnamed: "a North Korean state-owned firm ... the firm"."""
        if self.doc is None or not m.word:
            return False
        last = max((x.end for x in e.mentions if x.end <= m.start), default=m.start)
        doc = self.doc
        if last < len(doc) and doc[last].text == ",":
            # "Shandong Haoyu Petrochemical, a teapot refinery in Dongying,": the apposition
            # describes the name, it introduces nothing else
            last = next((t.i for t in doc[last + 1 : m.start] if t.is_punct and t.text != "-"),
                        last)  # fmt: skip
        return any(
            t.lower_ == m.word
            # "agency spokesman Wisnu Pramandita": the word modifies a title, it names no one
            and not (t.i + 1 < len(doc) and is_title_word(doc[t.i + 1]))
            for t in doc[last : m.start]
        )

    def _lone_person_earlier(self, tok: Token, here: int) -> list[tuple[int, Entity]]:
        """The one person (or speaking role) named two or three sentences back in the same
        paragraph, when no one is named nearer: "The representative of the Russian Federation
        rejected ... , he said, ... . He accused Washington ..."."""
        out: list[tuple[int, Entity]] = []
        for e in self.entities:
            starts = [x.start for x in e.mentions if x.end <= tok.i
                      and (e.type == "Person" or x.kind == "role")
                      and here - 3 <= self.sent[x.start] <= here - 2]  # fmt: skip
            if starts:
                out.append((max(starts), e))
        if len(out) != 1:
            return []
        if paragraph_start(tok.doc, tok.i) > out[0][0]:
            return []  # another paragraph
        return out

    def pronoun(self, tok: Token, speaker: Entity | None) -> Entity | None:
        """The entity a personal pronoun refers to, if any."""
        words = _data.anaphora().pronouns
        lower = tok.lower_
        if lower in words.get("speaker", ()):
            return speaker
        here = self.sent[tok.i]
        if lower in words.get("person", ()):
            kinds: tuple[str, ...] = ("Person",)
        elif lower in words.get("thing", ()):
            kinds = ("Country", "Organization", "Vessel")
        else:
            return None
        head = self._entry_entity(tok.i, kinds)
        if head is not None:
            return head  # "- Korea Rungra Trading Company: ... It exported ...": the entry's
        found: list[tuple[int, Entity]] = []
        topics: list[Entity] = []
        for e in self.entities:
            for x in e.mentions:
                # "a spokesman for the ministry ... He warned": the ministry's spokesman
                spoken = kinds == ("Person",) and x.kind == "role"
                if e.type not in kinds and not spoken:
                    continue
                if x.end <= tok.i and here - 1 <= self.sent[x.start] <= here:
                    found.append((x.start, e))
                    if self.sent[x.start] == here - 1 and _main_subject(tok.doc, x.start, x.end):
                        topics.append(e)
        if tok.dep_ in ("dobj", "dative"):
            # "Washington accuses it of ...": an object pronoun is not its own verb's subject
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [(s, e) for s, e in found if not any(
                x.start <= c.i < x.end for c in subj for x in e.mentions)]  # fmt: skip
        if not found and kinds == ("Person",) and tok.dep_ in ("nsubj", "nsubjpass"):
            found = self._lone_person_earlier(tok, here)
        if not found:
            return None
        reporter = _reporting_subject(tok)
        above = reporter or (_main_subject_of(tok) if kinds != ("Person",) else None)
        if above is not None and above.tag_ == "NNS" and lower in ("it", "its"):
            # "British officials assess that it carried ...": neither they nor their country
            inside = {t.i for t in above.subtree}
            found = [(st, e) for st, e in found if st not in inside]
            if not found:
                return None
        if reporter is not None and kinds != ("Person",):
            # "The agency said it had seized ...": the reporter speaks of itself
            # the reporter, or the country it belongs to ("Seoul's foreign ministry said it")
            owners = [c.i for c in reporter.children if c.dep_ in ("poss", "compound")]
            marks = [reporter.i, *owners]
            owner = next((e for i in marks for _, e in found if any(
                x.start <= i < x.end for x in e.mentions)), None)  # fmt: skip
            if owner is not None:
                return owner
        main = _main_subject_of(tok) if kinds != ("Person",) else None
        if main is not None and tok.dep_ in ("nsubj", "nsubjpass"):
            owner = next((e for _, e in found if any(
                x.start <= main.i < x.end for x in e.mentions)), None)  # fmt: skip
            if owner is not None:
                return owner
        found.sort(key=lambda p: -p[0])
        if len(topics) == 1 and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and kinds != ("Person",):
            # "The agency said ... . It said ...": the subject goes on as the subject
            return topics[0]
        here_people = [e for start, e in found if self.sent[start] == here]
        if (
            kinds == ("Person",)
            and len(topics) == 1
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not here_people
            and topics[0].female == (lower in words.get("female", ()))
        ):
            return topics[0]  # "Araghchi arrived on Tuesday. On Thursday he was received by"
        if lower in words.get("female", ()):
            women = [e for _, e in found if e.female]
            if women:
                return women[0]
        elif kinds == ("Person",):
            men = [e for _, e in found if not e.female]
            if men:
                return men[0]
        return found[0][1]
