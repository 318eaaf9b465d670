"""Names: normalise, transliterate and key names; find candidates fast; score a pair and say why.

The screening engine (matcher ``sanctionwatch.matcher.v1``) is one :class:`Screener` behind
``sanctionwatch screen``, ``sanctionwatch compare`` and the extraction linker. See
``docs/screening.md`` for how names are read, indexed and scored.
"""

from __future__ import annotations

from sanctionwatch.names._analyse import Analysis, Part, analyse
from sanctionwatch.names._engine import DEFAULT_CONFIG, Comparison, Match, Screener, compare
from sanctionwatch.names._index import MAX_NAME_CHARS, NameIndex
from sanctionwatch.names._normalise import name_key, name_tokens, normalise_name
from sanctionwatch.names._persist import index_path
from sanctionwatch.names._qualifiers import clean_countries, clean_dob
from sanctionwatch.names._query import SCHEMATA, schema_name
from sanctionwatch.names._records import Record, records_from_issue, records_from_rows
from sanctionwatch.names._score import CONFIG, FEATURES, NAME, Feature, MatcherConfig

__all__ = [
    "CONFIG",
    "DEFAULT_CONFIG",
    "FEATURES",
    "MAX_NAME_CHARS",
    "NAME",
    "SCHEMATA",
    "Analysis",
    "Comparison",
    "Feature",
    "Match",
    "MatcherConfig",
    "NameIndex",
    "Part",
    "Record",
    "Screener",
    "analyse",
    "clean_countries",
    "clean_dob",
    "compare",
    "index_path",
    "name_key",
    "name_tokens",
    "normalise_name",
    "records_from_issue",
    "records_from_rows",
    "schema_name",
]
