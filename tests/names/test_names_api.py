"""The public surface of sanctionwatch.names, pinned."""

from __future__ import annotations

import sanctionwatch.names as names
from sanctionwatch.names import CONFIG, FEATURES, NAME, MatcherConfig


def test_names_exports_are_pinned() -> None:
    assert names.__all__ == [
        "CONFIG", "DEFAULT_CONFIG", "FEATURES", "MAX_NAME_CHARS", "NAME", "SCHEMATA", "Analysis",
        "Comparison", "Feature", "Match", "MatcherConfig", "NameIndex", "Part", "Record",
        "Screener", "analyse", "clean_countries", "clean_dob", "compare", "index_path",
        "name_key", "name_tokens", "normalise_name", "records_from_issue", "records_from_rows",
        "schema_name",
    ]  # fmt: skip
    for name in names.__all__:
        assert getattr(names, name) is not None


def test_matcher_declares_name_features_and_tunables() -> None:
    assert NAME == "sanctionwatch.matcher.v1"
    assert {f.name for f in FEATURES} >= {"name_parts", "identifier_match", "dob_mismatch"}
    assert all(f.description for f in FEATURES)
    assert set(CONFIG) == set(MatcherConfig.__dataclass_fields__)
    assert all(CONFIG.values())
