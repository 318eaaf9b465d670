"""Build the screening evaluation set from the real lists: bench/data/screening_pairs.csv.

    .venv/bin/python -m bench.make_screening_set

Every row is one pair to score: a query and the listed entry it is compared with. Columns:

- ``query``: the name as a user or a document would write it;
- ``list_id``: ``dataset:list_id`` of the entry the query is a variant of (empty for negatives);
- ``class``: the kind of variant (``transliteration``, ``script``, ``order``, ``typo``,
  ``dropped_part``, ``added_part``, ``hyphenation``, ``diacritics``, ``homoglyph``, ``invisible``,
  ``joined``, ``split``) or of hard negative (``neg_shared_surname``, ``neg_similar_company``,
  ``neg_common_name``);
- ``schema``: Person, Organization or Vessel;
- ``against``: for negatives, ``dataset:list_id`` of the listed entry the query must NOT match.

Sources: hand-written Hangul, Cyrillic, Georgian and Arabic forms of listed names
(``bench/data/hand_variants.csv``); the lists' own Arabic- and Cyrillic-script aliases, paired
with another list's Latin-only entry for the same person (same date of birth); romanisation
systems applied to those originals (:mod:`bench._gen`); and typing, encoding and evasion
accidents applied to listed names. Seeded: the same lists give the same file.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import icu
from rapidfuzz import fuzz, process

from bench import _gen
from bench._lists import load_records
from sanctionwatch.names import Record

OUT = Path(__file__).resolve().parent / "data" / "screening_pairs.csv"
HAND = Path(__file__).resolve().parent / "data" / "hand_variants.csv"
COLUMNS = ["query", "list_id", "class", "schema", "against"]
PER_CLASS = 180
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ANY_LATIN = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
# Words that say what kind of organisation it is, not which one.
# fmt: off
_GENERIC = {'company', 'co', 'ltd', 'limited', 'llc', 'corporation', 'corp', 'inc', 'group',
    'international', 'trading', 'general', 'holding', 'holdings', 'industries', 'industrial',
    'the', 'of', 'and', 'for', 'jsc', 'ojsc', 'cjsc', 'oao', 'ooo', 'zao', 'pao', 'sa', 'gmbh',
    'ag', 'plc', 'fze', 'llp', 'bank', 'enterprise', 'services', 'institute', 'state',
    'national', 'new', 'kg', 'sarl', 'sal', 'ca', 'c', 'a', 's', 'l', 'r', 'srl', 'spa', 'bv',
    'nv', 'ab', 'as', 'fzco', 'dmcc', 'fz', 'offshore', 'pjsc', 'lp', 'pte', 'pvt', 'sdn', 'bhd',
    'de', 'cv'}
# fmt: on
# fmt: off
_COMMON = {'korean': (['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang',
    'Lim'], ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ha-eun', 'Do-yun', 'Seo-jun', 'Ji-woo', 'Su-bin',
    'Hyun-woo', 'Ye-jin', 'Dong-hyun', 'Eun-ji']), 'russian': (['Smirnov', 'Popov', 'Vasiliev',
    'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov', 'Lebedev', 'Kozlov',
    'Pavlova'], ['Ivan', 'Dmitry', 'Olga', 'Elena', 'Andrei', 'Natalia', 'Maxim', 'Tatiana',
    'Nikita', 'Anastasia']), 'arabic': (['Al-Sayed', 'Haddad', 'Mansour', 'Khalil', 'Nasser',
    'Saleh', 'Hamdan', 'Abbas', 'Aziz', 'Karimi'], ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Fatima',
    'Aisha', 'Hassan', 'Khalid', 'Youssef', 'Layla']), 'western': (['Smith', 'Johnson', 'Garcia',
    'Müller', 'Rossi', 'Martin', 'Brown', 'Dubois', 'Novak', 'Jansen'], ['John', 'Mary', 'James',
    'Maria', 'David', 'Anna', 'Peter', 'Laura', 'Thomas', 'Sophie']), 'chinese': (['Wang', 'Li',
    'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao'], ['Wei', 'Na', 'Jing', 'Yang', 'Lei',
    'Fang', 'Min', 'Jun', 'Xiu Ying', 'Hao'])}
# fmt: on


def key(record: Record) -> str:
    return f"{record.dataset}:{record.list_id}"


def _fold(name: str) -> str:
    return " ".join(sorted(re.sub(r"[^a-z0-9]+", " ", name.lower()).split()))


def _is_listed_form(query: str, record: Record) -> bool:
    return _fold(query) in {_fold(n) for n in record.names}


def _latin_names(record: Record) -> list[str]:
    return [n for n in record.names if n.isascii() and n.strip()]


def _given(record: Record) -> set[str]:
    """Tokens of every name of a person but the surname guess (first token, or before comma)."""
    out: set[str] = set()
    for name in _latin_names(record):
        if "," in name:
            out |= set(_fold(name.partition(",")[2]).split())
        else:
            out |= set(_fold(name).split()[1:])
    return out


def _surname(name: str) -> str:
    return _fold(name.partition(",")[0]) if "," in name else _fold(name.split()[0])


def _script_pairs(records: list[Record], by_key: dict[str, Record]) -> list[list[str]]:
    """The lists' own Arabic/Cyrillic aliases, against another list's Latin-only entry."""
    latin_people = [
        r for r in records if r.schema == "Person" and all(n.isascii() for n in r.names)
    ]
    by_dob: dict[str, list[Record]] = defaultdict(list)
    for r in latin_people:
        for dob in r.birth_dates:
            if len(dob) == 10:
                by_dob[dob].append(r)
    rows = []
    for r in records:
        if r.schema != "Person":
            continue
        scripted = [n for n in r.names if _CYRILLIC.search(n) or _ARABIC.search(n)]
        if not scripted or not r.birth_dates:
            continue
        for other in (o for d in r.birth_dates for o in by_dob.get(d, [])):
            if other.dataset == r.dataset:
                continue
            best = max(
                (
                    fuzz.token_set_ratio(_fold(a), _fold(b))
                    for a in _latin_names(r)
                    for b in other.names
                ),
                default=0,
            )
            if best < 85:
                continue
            # the scripted alias that is this person's name, by a neutral transliteration (ICU)
            ranked = sorted(
                (
                    (
                        max(
                            fuzz.token_set_ratio(_fold(_ANY_LATIN.transliterate(n)), _fold(b))
                            for b in other.names
                        ),
                        n,
                    )
                    for n in scripted
                ),
                reverse=True,
            )
            if ranked[0][0] >= 60:
                rows.append([ranked[0][1], key(other), "script", "Person", ""])
            break
    return rows


def _positives(
    rng: random.Random, records: list[Record], hand: list[dict[str, str]], by_key: dict[str, Record]
) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in hand:
        rows.append([row["query"], row["list_id"], row["class"], row["schema"], ""])
        record = by_key[row["list_id"]]
        if re.search(r"[\uac00-\ud7a3]", row["query"]) and " " not in row["query"]:
            rows.append(
                [_gen.korean_rr(row["query"], rng), row["list_id"], "transliteration", "Person", ""]
            )
            rows.append([_gen.korean_mr(row["query"]), row["list_id"], "diacritics", "Person", ""])
        elif _CYRILLIC.search(row["query"]):
            systems = _gen.cyrillic_systems(row["query"])
            for system in rng.sample(sorted(systems), 2):
                if not _is_listed_form(systems[system], record):
                    rows.append([systems[system], row["list_id"], "transliteration", "Person", ""])
    people = [r for r in records if r.schema == "Person" and _latin_names(r)]
    orgs = [r for r in records if r.schema in ("Organization", "Company") and _latin_names(r)]
    vessels = [r for r in records if r.schema == "Vessel" and _latin_names(r)]
    accented = [
        r
        for r in people
        if re.search(r"(?i)(ov|ev|in|sky|iy|ey|mohamm|abd|al-|kim|pak|ri)\b", " ".join(r.names))
    ]
    for record in rng.sample(accented, min(len(accented), 400)):
        name = rng.choice(_latin_names(record))
        options = [v for v in _gen.latin_variants(name) if not _is_listed_form(v, record)]
        if options:
            rows.append([rng.choice(options), key(record), "transliteration", "Person", ""])

    def sample(pool: list[Record], n: int) -> list[tuple[Record, str]]:
        chosen = rng.sample(pool, min(n, len(pool)))
        return [(r, rng.choice(_latin_names(r))) for r in chosen]

    mixed = people * 3 + orgs + vessels
    makers = {
        "typo": lambda n: _gen.typo(n, rng),
        "order": lambda n: _gen.reorder(n, rng),
        "hyphenation": _gen.hyphenate,
        "diacritics": lambda n: _gen.add_diacritics(n, rng),
        "homoglyph": lambda n: _gen.homoglyphs(n, rng),
        "invisible": lambda n: _gen.insert_invisible(n, rng),
        "joined": lambda n: _gen.join_parts(n, rng),
        "split": lambda n: _gen.split_part(n, rng),
    }
    for cls, make in makers.items():
        pool = people if cls in ("order", "hyphenation") else mixed
        made = 0
        for record, name in sample(pool, PER_CLASS * 3):
            if made >= PER_CLASS:
                break
            query = make(name)
            literal = cls in ("order", "hyphenation", "homoglyph", "invisible", "diacritics")
            listed = {" ".join(n.lower().split()) for n in record.names}
            if (
                query
                and query != name
                and (
                    " ".join(query.lower().split()) not in listed
                    if literal
                    else not _is_listed_form(query, record)
                )
            ):
                rows.append([query, key(record), cls, record.schema, ""])
                made += 1
    # a middle name dropped (not a syllable of a Korean name: that makes another name)
    long_people = [
        r
        for r in people
        if "kp" not in r.countries
        and any(len(n.replace(",", " ").split()) >= 3 for n in _latin_names(r))
    ]
    for record in rng.sample(long_people, min(PER_CLASS, len(long_people))):
        name = max(_latin_names(record), key=lambda n: len(n.split()))
        parts = name.replace(",", " ").split()
        drop = rng.randrange(1, len(parts) - 1) if len(parts) > 2 else len(parts) - 1
        rows.append(
            [" ".join(parts[:drop] + parts[drop + 1 :]), key(record), "dropped_part", "Person", ""]
        )
    extras = ["Ali", "Ahmed", "Ivanovich", "Mohammed", "Jr.", "Abdul", "Maria", "bin"]
    for record in rng.sample(people, min(PER_CLASS, len(people))):
        parts = rng.choice(_latin_names(record)).replace(",", "").split()
        parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(extras))
        rows.append([" ".join(parts), key(record), "added_part", "Person", ""])
    rows.extend(_script_pairs(records, by_key))
    return rows


def _contained(query: str, names: list[str], folded: list[str]) -> bool:
    """Whether some listed name holds every word of ``query`` or a close spelling of it (then
    the query is that listed name, shortened or respelt, not a negative)."""
    words = _fold(query).split()
    for name in folded:
        tokens = name.split()
        if all(any(fuzz.ratio(w, t) >= 75 for t in tokens) for w in words):
            return True
    return False


def _negatives(rng: random.Random, records: list[Record]) -> list[list[str]]:
    rows: list[list[str]] = []
    people = [r for r in records if r.schema == "Person" and _latin_names(r)]
    by_surname: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in people:  # within one list: the same person is not listed twice on one list
        by_surname[(r.dataset, _surname(_latin_names(r)[0]))].append(r)
    shared = [group for group in by_surname.values() if len(group) >= 2]
    for _ in range(PER_CLASS * 2):
        group = rng.choice(shared)
        a, b = rng.sample(group, 2)
        if _given(a) & _given(b) or not _given(a) or not _given(b):
            continue
        rows.append([rng.choice(_latin_names(b)), "", "neg_shared_surname", "Person", key(a)])
    orgs = [r for r in records if r.schema in ("Organization", "Company") and _latin_names(r)]
    words: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in orgs:  # within one list, as for people
        for w in set(_fold(_latin_names(r)[0]).split()):
            if len(w) > 3:
                words[(r.dataset, w)].append(r)
    made = 0
    for _ in range(PER_CLASS * 20):
        if made >= PER_CLASS * 2:
            break
        group = words[rng.choice(sorted(w for w, g in words.items() if 2 <= len(g) <= 60))]
        a, b = rng.sample(group, 2)
        ta, tb = set(_fold(a.names[0]).split()), set(_fold(b.names[0]).split())
        # different organisations: each name has a distinctive word the other lacks
        if (
            len(ta & tb) >= 2
            and (ta - tb - _GENERIC)
            and (tb - ta - _GENERIC)
            and not set(map(_fold, a.names)) & set(map(_fold, b.names))
        ):
            rows.append([b.names[0], "", "neg_similar_company", b.schema, key(a)])
            made += 1
    choices = [n for r in people for n in _latin_names(r)]
    owner = [key(r) for r in people for _ in _latin_names(r)]
    folded = [_fold(n) for n in choices]
    made = 0
    while made < PER_CLASS * 2:
        surnames, given = _COMMON[rng.choice(sorted(_COMMON))]
        query = f"{rng.choice(given)} {rng.choice(surnames)}"
        best = process.extractOne(_fold(query), folded, scorer=fuzz.token_sort_ratio)
        if best is None or best[1] >= 90 or _contained(query, choices, folded):
            continue
        rows.append([query, "", "neg_common_name", "Person", owner[best[2]]])
        made += 1
    return rows


def main() -> int:
    rng = random.Random(2026)
    records = load_records()
    by_key = {key(r): r for r in records}
    with HAND.open(encoding="utf-8") as fh:
        hand = [row for row in csv.DictReader(fh) if row["list_id"] in by_key]
    rows = _positives(rng, records, hand, by_key) + _negatives(rng, records)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for row in rows:
        ident = (row[0], row[1], row[4])
        if row[0].strip() and ident not in seen:
            seen.add(ident)
            unique.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(sorted(unique, key=lambda r: (r[2], r[1], r[4], r[0])))
    counts: dict[str, int] = defaultdict(int)
    for row in unique:
        counts[row[2]] += 1
    for cls, n in sorted(counts.items()):
        print(f"{cls:22} {n:5}", file=sys.stderr)
    print(f"wrote {len(unique)} pairs to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
