"""The name tables under ``sanctionwatch/data/names/``: loaded once, validated, typed.

One YAML file per concept (homoglyphs, Korean romanisation, Russian variants, Arabic particles,
titles, legal forms, vessel prefixes, particles, abbreviations). A malformed file raises
:class:`~sanctionwatch.exc.ConfigError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml
from normality import ascii_text

from sanctionwatch.exc import ConfigError

__all__ = ["FILES", "NameData", "fold", "name_data", "read_tables", "tables_root"]

#: The files read, in the order they are read.
FILES = (
    "homoglyphs.yaml",
    "korean_romanisation.yaml",
    "russian_variants.yaml",
    "arabic_particles.yaml",
    "titles.yaml",
    "legal_forms.yaml",
    "vessel_prefixes.yaml",
    "particles.yaml",
    "abbreviations.yaml",
)

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb`\u00b4]")

Phrase = tuple[str, ...]
Rule = tuple[re.Pattern[str], str]


def fold(text: str) -> str:
    """Lower-case ASCII words of a table entry, as name parts are compared: ``"L.L.C."`` ->
    ``"l l c"``, ``"Hüseyin"`` -> ``"huseyin"``, ``"Ch'oe"`` -> ``"choe"``."""
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NOT_WORD.split(ascii_text(text).lower())).strip()


@dataclass(frozen=True)
class NameData:
    """Every name table, ready to use."""

    confusables: Mapping[str, str]
    digits: Mapping[str, str]
    invisible: frozenset[int]
    hangul_initials: tuple[str, ...]
    hangul_medials: tuple[str, ...]
    hangul_finals: tuple[str, ...]
    korean_surnames: Mapping[str, str]
    compound_surnames: frozenset[str]
    korean_rules: tuple[Rule, ...]
    russian_rules: tuple[Rule, ...]
    patronymic_endings: tuple[str, ...]
    #: spelling -> (canonical, table) for every table of equivalent spellings.
    equivalents: Mapping[str, tuple[str, str]]
    articles: frozenset[str]
    arabic_particles: Mapping[str, str]
    arabic_prefixes: Mapping[str, str]
    arabic_splits: Mapping[str, tuple[str, ...]]
    titles: frozenset[Phrase]
    legal_forms: Mapping[Phrase, str]
    vessel_prefixes: frozenset[Phrase]
    particles: frozenset[str]


class _File:
    """One table file being read: every error names it."""

    def __init__(self, root: Traversable, name: str) -> None:
        self.name = name
        self.path = f"{root}/{name}"
        try:
            data = yaml.safe_load((root / name).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            raise ConfigError(f"cannot read name table: {e}", path=self.path) from e
        self.data = self.mapping(data, "the file")

    def fail(self, message: str) -> ConfigError:
        return ConfigError(f"invalid name table: {message}", path=self.path)

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise self.fail(f"{where} must be a mapping with text keys")
        return value

    def get(self, key: str) -> Any:
        if key not in self.data:
            raise self.fail(f"missing key {key!r}")
        return self.data[key]

    def strings(self, value: Any, where: str, *, size: int | None = None) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where} must be a list of text")
        if size is not None and len(value) != size:
            raise self.fail(f"{where} must have {size} entries, not {len(value)}")
        return tuple(value)

    def words(self, value: Any, where: str) -> tuple[str, ...]:
        out = []
        for item in self.strings(value, where):
            folded = fold(item)
            if not folded:
                raise self.fail(f"{where}: {item!r} has no letters")
            out.append(folded)
        return tuple(out)

    def classes(self, key: str) -> dict[str, str]:
        """A ``canonical: [spellings]`` table as spelling -> canonical; a spelling only once."""
        table = self.mapping(self.get(key), key)
        out: dict[str, str] = {}
        for canonical, spellings in table.items():
            canon = fold(canonical)
            if not canon or spellings is None:
                raise self.fail(f"{key}: {canonical!r} needs letters and a list (may be [])")
            for spelling in (canon, *self.words(spellings, f"{key}.{canonical}")):
                if out.get(spelling, canon) != canon:
                    raise self.fail(f"{key}: {spelling!r} is under {out[spelling]!r} and {canon!r}")
                out[spelling] = canon
        return out

    def rules(self, key: str) -> tuple[Rule, ...]:
        rules = []
        value = self.get(key)
        if not isinstance(value, list):
            raise self.fail(f"{key} must be a list of [pattern, replacement] pairs")
        for item in value:
            pair = self.strings(item, f"{key} entry {item!r}", size=2)
            try:
                rules.append((re.compile(pair[0]), pair[1]))
            except re.error as e:
                raise self.fail(f"{key}: bad pattern {pair[0]!r}: {e}") from e
        return tuple(rules)

    def chars(self, key: str) -> dict[str, str]:
        table = self.mapping(self.get(key), key)
        for char, latin in table.items():
            if len(char) != 1 or not isinstance(latin, str) or not latin.isascii():
                raise self.fail(f"{key}: {char!r} must be one character mapped to ASCII text")
        return dict(table)

    def code_points(self, key: str) -> frozenset[int]:
        points: set[int] = set()
        for item in self.strings(self.get(key), key):
            try:
                first, _, last = item.partition("-")
                points.update(range(int(first, 16), int(last or first, 16) + 1))
            except ValueError as e:
                raise self.fail(f"{key}: {item!r} is not a code point or a range") from e
        return frozenset(points)


def _phrases(items: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(tuple(item.split()) for item in items)


def tables_root() -> Traversable:
    """The folder of the bundled name tables."""
    return resources.files("sanctionwatch") / "data" / "names"


@functools.cache
def name_data() -> NameData:
    """The bundled name tables, read and checked once per process."""
    return read_tables(tables_root())


def read_tables(root: Traversable) -> NameData:
    """Read and check every name table in ``root`` (see :data:`FILES`).

    :raises ConfigError: a file is missing, not YAML, or not in the expected shape; the message
        names the file.
    """
    glyphs, korean, russian, arabic, titles, legal, vessels, particles, abbreviations = (
        _File(root, name) for name in FILES
    )

    equivalents: dict[str, tuple[str, str]] = {}
    surnames = korean.classes("surnames")
    for table, mapping in (
        ("Korean surname", surnames),
        ("Russian given name", russian.classes("given_names")),
        ("Arabic given name", arabic.classes("given_names")),
        ("Arabic particle", arabic.classes("particles")),
        ("abbreviation", abbreviations.classes("abbreviations")),
    ):
        for spelling, canonical in mapping.items():
            equivalents.setdefault(spelling, (canonical, table))

    prefixes = arabic.mapping(arabic.get("prefixes"), "prefixes")
    splits = arabic.mapping(arabic.get("splits"), "splits")
    forms = legal.classes("legal_forms")
    return NameData(
        confusables=glyphs.chars("confusables"),
        digits=glyphs.chars("digits"),
        invisible=glyphs.code_points("invisible"),
        hangul_initials=korean.strings(korean.get("initials"), "initials", size=19),
        hangul_medials=korean.strings(korean.get("medials"), "medials", size=21),
        hangul_finals=korean.strings(korean.get("finals"), "finals", size=28),
        korean_surnames=surnames,
        compound_surnames=frozenset(
            korean.words(korean.get("compound_surnames"), "compound_surnames")
        ),
        korean_rules=korean.rules("key_rules"),
        russian_rules=russian.rules("key_rules"),
        patronymic_endings=russian.words(russian.get("patronymic_endings"), "patronymic_endings"),
        equivalents=equivalents,
        articles=frozenset(arabic.words(arabic.get("articles"), "articles")),
        arabic_particles=arabic.classes("particles"),
        arabic_prefixes={fold(k).replace(" ", ""): fold(str(v)) for k, v in prefixes.items()},
        arabic_splits={fold(k): arabic.words(v, f"splits.{k}") for k, v in splits.items()},
        titles=_phrases(titles.words(titles.get("titles"), "titles")),
        legal_forms={tuple(spelling.split()): canon for spelling, canon in forms.items()},
        vessel_prefixes=_phrases(vessels.words(vessels.get("prefixes"), "prefixes")),
        particles=frozenset(particles.words(particles.get("particles"), "particles")),
    )
