"""The format registry: every list file is recognised by exactly one format, and loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.lists import FORMATS, detect_format, load_list
from sanctionwatch.lists import _module as format_module

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
#: Each main fixture file -> (its format, its dataset).
MAIN_FILES = {
    "ofac/sdn.csv": ("ofac_csv", "us_ofac_sdn"),
    "ofac_cons/cons_prim.csv": ("ofac_csv", "us_ofac_cons"),
    "ofac_xml/sdn.xml": ("ofac_xml", "us_ofac_sdn"),
    "ofac_xml/SDN_ADVANCED.XML": ("ofac_advanced_xml", "us_ofac_sdn"),
    "uk/ConList.csv": ("uk_conlist", "gb_hmt"),
    "uk/UK_Sanctions_List.xml": ("uk_fcdo", "gb_fcdo"),
    "uk/UK_Sanctions_List.csv": ("uk_fcdo", "gb_fcdo"),
    "eu/eu_fsf.xml": ("eu_fsf_xml", "eu_fsf"),
    "opensanctions/entities.ftm.json": ("opensanctions_ftm", "opensanctions:us_ofac_sdn"),
    "opensanctions/targets.nested.json": ("opensanctions_ftm", "opensanctions"),
}


def _sniffers(path: Path) -> list[str]:
    head = path.read_bytes()[:4096]
    return [fmt for fmt in FORMATS if format_module(fmt).sniff(head, path.name)]


def test_formats_registered_after_un() -> None:
    assert next(iter(FORMATS)) == "un_xml"
    assert set(FORMATS) >= {fmt for fmt, _ in MAIN_FILES.values()}


@pytest.mark.parametrize("name", sorted(MAIN_FILES))
def test_each_fixture_sniffed_by_one_format(name: str) -> None:
    fmt, _ = MAIN_FILES[name]
    assert _sniffers(FIXTURES / name) == [fmt]


@pytest.mark.parametrize("name", sorted(MAIN_FILES))
def test_each_fixture_loads(name: str) -> None:
    fmt, dataset = MAIN_FILES[name]
    issue = load_list(FIXTURES / name)
    assert issue.dataset == dataset
    assert issue.targets()
    if fmt == "opensanctions_ftm":
        return  # a published FtM file need not hold a Sanction for each target
    for target in issue.targets():
        assert len(issue.sanctions_for(str(target.id))) == 1


@pytest.mark.parametrize("name", ["ofac/alt.csv", "ofac/add.csv", "ofac/sdn_comments.csv"])
def test_ofac_side_files_are_not_lists(name: str) -> None:
    assert _sniffers(FIXTURES / name) == []


@pytest.mark.realdata
def test_real_files_sniffed_by_one_format(shared_lists: Path) -> None:
    expected = {
        "ofac/sdn.csv": ["ofac_csv"],
        "ofac/alt.csv": [],
        "ofac/add.csv": [],
        "uk/ConList_2025-04-14.xlsx": ["uk_conlist"],
        "un/un_consolidated_2026-02-27.xml": ["un_xml"],
        "un/un_consolidated_2025-11-20.xml": ["un_xml"],
    }
    for name, formats in expected.items():
        assert _sniffers(shared_lists / name) == formats, name
    assert detect_format(shared_lists / "uk" / "ConList_2025-04-14.xlsx") == "uk_conlist"
