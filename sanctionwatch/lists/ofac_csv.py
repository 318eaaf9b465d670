"""Read OFAC's legacy CSV files (SDN list or consolidated non-SDN list) into FollowTheMoney.

OFAC publishes each list as files joined on the entry number ``ent_num``, without headers,
with ``-0-`` for an empty field and a 0x1A byte at the end (see :data:`SOURCE_URL`):

- ``sdn.csv`` (consolidated: ``cons_prim.csv``): ent_num, SDN_Name, SDN_Type, Program, Title,
  Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
- ``alt.csv`` (``cons_alt.csv``): ent_num, alt_num, alt_type (aka, fka, nka), alt_name,
  alt_remarks;
- ``add.csv`` (``cons_add.csv``): ent_num, add_num, Address, City/State/Province/Postal Code,
  Country, add_remarks;
- ``sdn_comments.csv`` (``cons_comments.csv``): ent_num, remarks that did not fit in Remarks.

:func:`parse` takes the main file and reads the others from the same folder, matching names
case-insensitively. The alias and address files are required: a list without them would lose
names that screening depends on, so a missing one raises :class:`ListFormatError`. The
comments file is optional (older issues have none).

Each entry becomes a target (``individual`` -> Person, ``vessel`` -> Vessel, ``aircraft`` ->
Airplane, anything else -> Organization) with the id ``us-ofac-sdn-<ent_num>`` (consolidated:
``us-ofac-cons-<ent_num>``) and a Sanction ``<id>-sanction`` carrying the ent_num
(``authorityId``) and every programme code (``program``). The Remarks field, a ``;``-separated
list such as ``DOB 08 Jan 1984; POB Pyongyang; nationality Korea, North; Passport 123 (Korea,
North)``, is read into properties (see ``sanctionwatch/data/ofac_labels.yaml``); sanctions
notes go to the Sanction's ``summary`` and anything unrecognised to the target's ``notes``.

A row with the wrong number of fields or no entry number is skipped and named in
:attr:`ListIssue.warnings`; a file with more bad rows than good, or cut off inside a row,
raises :class:`ListFormatError` naming the file and line. :attr:`ListIssue.stats` holds the
rows read from each file (``sdn_rows``, ``alt_rows``, ``add_rows``, ``comment_rows``), and
:attr:`ListIssue.sha256` hashes the files' bytes in that order.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import InputNotFound, ListFormatError
from sanctionwatch.lists._common import decode_text, new_sanction, read_bytes
from sanctionwatch.lists._ftm import add_country, add_text, clean, join_text, make_slug_id
from sanctionwatch.lists._issue import ListIssue
from sanctionwatch.lists._ofac import (
    AUTHORITY,
    SCHEMATA,
    apply_fact,
    apply_remarks,
    split_programs,
)

__all__ = ["VARIANTS", "Variant", "parse", "sniff"]


@dataclass(frozen=True)
class Variant:
    """One of OFAC's two CSV lists: its dataset, id prefix and file names."""

    dataset: str
    id_prefix: str
    main: str
    aliases: str
    addresses: str
    comments: str
    source_url: str


#: The SDN list and the consolidated non-SDN list, by main file name.
VARIANTS = {
    "sdn.csv": Variant(
        "us_ofac_sdn",
        "us-ofac-sdn",
        "sdn.csv",
        "alt.csv",
        "add.csv",
        "sdn_comments.csv",
        "https://sanctionslist.ofac.treas.gov/Home/SdnList",
    ),
    "cons_prim.csv": Variant(
        "us_ofac_cons",
        "us-ofac-cons",
        "cons_prim.csv",
        "cons_alt.csv",
        "cons_add.csv",
        "cons_comments.csv",
        "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
    ),
}

_EMPTY = "-0-"
_FIELDS = {"main": 12, "aliases": 5, "addresses": 6, "comments": 2}
_FIRST_ROW = re.compile(rb'^\s*\d+,"[^"\r\n]*",(?:"[^"\r\n]*"|-0- ?),(?:"[^"\r\n]*"|-0- ?),')
_ALIAS_PROPS = {"aka": "alias", "nka": "alias", "fka": "previousName"}
_VESSEL_COLUMNS = (
    (5, "Vessel Call Sign"),
    (6, "Vessel Type"),
    (7, "Vessel Tonnage"),
    (8, "Vessel Gross Registered Tonnage"),
    (9, "Vessel Flag"),
    (10, "Vessel Owner"),
)


def sniff(head: bytes, name: str) -> bool:
    """Does the file look like ``sdn.csv`` or ``cons_prim.csv``?

    Only the first row decides: a number, then a quoted name, then type and programme. The
    alias and address files start with two numbers, so they are not taken for a main file.
    """
    return _FIRST_ROW.match(head) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of an OFAC CSV list from its main file and the files beside it.

    :param path: ``sdn.csv`` or ``cons_prim.csv`` (another name is read as ``sdn.csv``).
    :raises InputNotFound: when the main file does not exist.
    :raises ListFormatError: when a required sibling is missing, or a file is truncated,
        binary or mostly not OFAC rows.
    """
    path = Path(path)
    variant = VARIANTS.get(path.name.lower(), VARIANTS["sdn.csv"])
    digest = hashlib.sha256()
    tables: dict[str, list[tuple[int, list[str]]]] = {}
    issue = ListIssue(dataset=variant.dataset, issued=None, source=str(path), sha256="")
    for part, file in _files(path, variant).items():
        if file is None:
            tables[part] = []
            continue
        data, _ = read_bytes(file)
        digest.update(data)
        tables[part] = _rows(file, data, _FIELDS[part], issue.warnings)
    issue.sha256 = digest.hexdigest()
    issue.stats = {
        "sdn_rows": len(tables["main"]),
        "alt_rows": len(tables["aliases"]),
        "add_rows": len(tables["addresses"]),
        "comment_rows": len(tables["comments"]),
    }
    issue.entities = _entities(variant, tables, issue.warnings)
    return issue


def _files(path: Path, variant: Variant) -> dict[str, Path | None]:
    """The main file and its siblings, found by case-insensitive name."""
    if not path.exists():
        raise InputNotFound("no such file", path=str(path))
    folder = path.parent
    try:
        names = {p.name.lower(): p for p in folder.iterdir()} if folder.is_dir() else {}
    except OSError:
        names = {}
    files: dict[str, Path | None] = {"main": path}
    for part in ("aliases", "addresses", "comments"):
        wanted = getattr(variant, part)
        found = names.get(wanted)
        if found is None and part != "comments":
            raise ListFormatError(
                f"{wanted} is missing: the {part} file must sit beside {path.name}",
                path=str(path),
            )
        files[part] = found
    return files


def _rows(path: Path, data: bytes, width: int, warnings: list[str]) -> list[tuple[int, list[str]]]:
    """The well-formed rows of one file as (entry number, fields), ``-0-`` made empty."""
    text = decode_text(data, path).rstrip("\x1a \t\r\n")
    reader = csv.reader(io.StringIO(text), strict=True)
    lines: list[tuple[int, list[str]]] = []
    try:
        lines.extend((reader.line_num, row) for row in reader if row)
    except csv.Error as e:
        raise ListFormatError(
            f"malformed CSV at line {reader.line_num}: {e} (truncated file?)", path=str(path)
        ) from e
    complete = data.rstrip(b" \t").endswith((b"\n", b"\x1a"))
    if lines and not complete and len(lines[-1][1]) < width:
        line, row = lines[-1]
        raise ListFormatError(
            f"truncated: the last row (line {line}) has {len(row)} of {width} fields",
            path=str(path),
        )
    rows: list[tuple[int, list[str]]] = []
    bad: list[int] = []
    for line, row in lines:
        number = row[0].strip()
        if len(row) != width or not number.isdigit():
            bad.append(line)
            warnings.append(
                f"{path.name}: line {line}: skipped a row with {len(row)} fields "
                f"(expected {width}) or no entry number"
            )
            continue
        rows.append((int(number), [("" if f.strip() == _EMPTY else f) for f in row]))
    if len(bad) > len(rows):
        raise ListFormatError(
            f"not an OFAC list file of {width} columns: {len(bad)} bad rows "
            f"(first at line {bad[0]}), {len(rows)} good",
            path=str(path),
        )
    return rows


def _entities(
    variant: Variant, tables: dict[str, list[tuple[int, list[str]]]], warnings: list[str]
) -> list[EntityProxy]:
    targets: dict[int, EntityProxy] = {}
    sanctions: dict[int, EntityProxy] = {}
    comments: dict[int, list[str]] = {}
    for number, fields in tables["comments"]:
        comments.setdefault(number, []).append(fields[1])
    for number, fields in tables["main"]:
        if number in targets:
            warnings.append(f"{variant.main}: ent_num {number} appears more than once; merged")
        target, sanction = _target(variant, number, fields, comments.get(number, []))
        if number in targets:
            targets[number].merge(target)
            sanctions[number].merge(sanction)
        else:
            targets[number], sanctions[number] = target, sanction
    for number, fields in tables["aliases"]:
        if (entry := _find(targets, number, variant.aliases, warnings)) is not None:
            prop = _ALIAS_PROPS.get(fields[2].strip().lower(), "alias")
            add_text(entry, prop, fields[3])
            if remark := clean(fields[4]):
                add_text(entry, "notes", f"Alias {clean(fields[3])}: {remark}")
    for number, fields in tables["addresses"]:
        if (entry := _find(targets, number, variant.addresses, warnings)) is not None:
            add_text(entry, "address", join_text(fields[2:5]))
            add_country(entry, "country", fields[4])
            add_text(entry, "notes", clean(fields[5]))
    return [e for n in targets for e in (targets[n], sanctions[n])]


def _find(
    targets: dict[int, EntityProxy], number: int, file: str, warnings: list[str]
) -> EntityProxy | None:
    target = targets.get(number)
    if target is None:
        warnings.append(f"{file}: ent_num {number} is not in the main file; row ignored")
    return target


def _target(
    variant: Variant, number: int, fields: list[str], extra_remarks: list[str]
) -> tuple[EntityProxy, EntityProxy]:
    schema = SCHEMATA.get(fields[2].strip().lower(), "Organization")
    target = model.make_entity(schema)
    target.id = make_slug_id(variant.id_prefix, str(number))
    name = clean(fields[1])
    add_text(target, "name", name)
    if schema == "Person" and name and name.count(",") == 1:
        last, first = name.split(",")
        add_text(target, "lastName", last)
        add_text(target, "firstName", first)
    target.add("topics", "sanction")
    sanction = new_sanction(target, authority=AUTHORITY, source_url=variant.source_url)
    sanction.add("authorityId", str(number))
    add_text(sanction, "program", split_programs(fields[3]))
    if title := clean(fields[4]):
        prop = "position" if schema == "Person" else "notes"
        add_text(target, prop, title if prop == "position" else f"Title: {title}")
    for column, label in _VESSEL_COLUMNS:
        apply_fact(target, sanction, label, fields[column])
    remarks = fields[11]
    for extra in extra_remarks:
        # The comments file continues a Remarks field cut at its length limit.
        remarks = f"{remarks}; {extra}" if remarks.rstrip().endswith(".") else remarks + extra
    apply_remarks(target, sanction, remarks)
    return target, sanction
