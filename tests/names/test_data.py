"""The name tables: every file loads, a malformed one is an error naming it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.names._data import FILES, fold, name_data, read_tables, tables_root


def test_name_data_loads_every_table() -> None:
    data = name_data()
    assert data.korean_surnames["rhee"] == "ri"
    assert data.equivalents["mohammed"] == ("muhammad", "Arabic given name")
    assert data.legal_forms[("ooo",)] == "llc"
    assert ("m", "v") in data.vessel_prefixes
    assert 0x200B in data.invisible
    assert len(data.hangul_initials) == 19


def test_fold_table_entries() -> None:
    assert fold("L.L.C.") == "l l c"
    assert fold("Ch'oe") == "choe"
    assert fold("Hüseyin") == "huseyin"


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(Path(str(tables_root() / name)), tmp_path / name)
    return tmp_path


def _edit(tables: Path, name: str, key: str, value: object) -> None:
    data = yaml.safe_load((tables / name).read_text(encoding="utf-8"))
    data[key] = value
    (tables / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "key", "value", "message"),
    [
        ("titles.yaml", "titles", ["mr", [1, 2]], "titles must be a list of text"),
        ("korean_romanisation.yaml", "initials", ["k"], "initials must have 19 entries"),
        ("legal_forms.yaml", "legal_forms", {"llc": ["ltd"], "ltd": []}, "'ltd' is under"),
        ("russian_variants.yaml", "key_rules", [["(", "x"]], "bad pattern"),
        ("homoglyphs.yaml", "confusables", {"ab": "a"}, "one character"),
        ("particles.yaml", "particles", None, "must be a list of text"),
    ],
)
def test_read_tables_names_the_bad_file(
    tables: Path, name: str, key: str, value: object, message: str
) -> None:
    _edit(tables, name, key, value)
    with pytest.raises(ConfigError, match=message) as info:
        read_tables(tables)  # type: ignore[arg-type]
    assert name in str(info.value)


def test_read_tables_unreadable_yaml(tables: Path) -> None:
    (tables / "particles.yaml").write_text("particles: [: bad\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read name table"):
        read_tables(tables)  # type: ignore[arg-type]


def test_read_tables_missing_file(tables: Path) -> None:
    (tables / "titles.yaml").unlink()
    with pytest.raises(ConfigError, match=r"titles\.yaml"):
        read_tables(tables)  # type: ignore[arg-type]
