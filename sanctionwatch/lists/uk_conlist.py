"""Read the UK OFSI Consolidated List ("ConList", CSV or XLSX) into FollowTheMoney entities.

OFSI publishes the list (see :data:`SOURCE_URL`) as one row per name variation: a first row
``Last Updated | dd/mm/yyyy``, a header row, then rows with ``Name 6`` (surname or whole
name), ``Name 1``-``Name 5``, ``Title``, ``Name Non-Latin Script``, ``DOB``, ``Town of Birth``,
``Country of Birth``, ``Nationality``, ``Passport Number``/``Details``, ``National
Identification Number``/``Details``, ``Position``, ``Address 1``-``6``, ``Post/Zip Code``,
``Country``, ``Other Information``, ``Group Type`` (Individual, Entity, Ship), ``Alias Type``
(Primary name, Primary name variation, AKA, FKA), ``Alias Quality``, ``Regime``, ``Listed On``,
``UK Sanctions List Date Designated``, ``Last Updated`` and ``Group ID``. Columns are found by
header name, so older layouts without some of them still read.

The rows of one ``Group ID`` make one target (``Individual`` -> Person, ``Entity`` ->
Organization, ``Ship`` -> Vessel) with the id ``gb-hmt-<Group ID>`` and one Sanction: the Group
ID is its ``authorityId``, the UK Sanctions List reference its ``recordId``, the regime its
``program``. ``Other Information`` holds labelled facts (``(UK Sanctions List Ref):DPR0220.
(UN Ref):KPi.043. (Gender):Male``, ship details ``(IMO number):7408873``...) that are read
into properties; the statement of reasons becomes the Sanction's ``reason``. Numbered values
(``(1) Germany. (2) Morocco``) are split.

XLSX files are read with openpyxl in read-only mode after a check that the archive does not
inflate beyond :data:`MAX_UNZIPPED` (a zip bomb). A row without a Group ID, or a CSV row with
too few columns, is skipped and named in :attr:`ListIssue.warnings`. :attr:`ListIssue.stats`
gives ``rows`` (name rows read) and ``groups``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from followthemoney import model

from sanctionwatch.exc import ListFormatError, UnsafeInput
from sanctionwatch.lists._common import (
    decode_text,
    dmy_date,
    new_sanction,
    read_bytes,
    split_numbered,
)
from sanctionwatch.lists._ftm import add_country, add_text, clean, join_text, make_slug_id
from sanctionwatch.lists._issue import ListIssue

__all__ = ["AUTHORITY", "DATASET", "ID_PREFIX", "MAX_UNZIPPED", "SOURCE_URL", "parse", "sniff"]

DATASET = "gb_hmt"
AUTHORITY = "HM Treasury Office of Financial Sanctions Implementation (OFSI)"
SOURCE_URL = (
    "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets"
)
ID_PREFIX = "gb-hmt"
#: The most an XLSX file may inflate to (bytes), and by how much (ratio), before it is refused.
MAX_UNZIPPED = 512 * 1024 * 1024
_MAX_RATIO = 200

_SCHEMATA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_NAME_COLUMNS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_ADDRESS_COLUMNS = (*(f"Address {i}" for i in range(1, 7)), "Post/Zip Code", "Country")
_CSV_HEAD = re.compile(rb"Name 6.{0,2000}Group Type.{0,2000}Group ID", re.DOTALL)
_INFO_KEYS = (
    "UK Sanctions List Ref",
    "UK Statement of Reasons",
    "UN Ref",
    "Gender",
    "Phone number",
    "Email address",
    "Type of entity",
    "Website",
    "Parent company",
    "Business Reg No",
    "Subsidiaries",
    "IMO number",
    "Flag of ship",
    "Type of ship",
    "Tonnage of ship",
    "Length of ship",
    "Year built",
    "Current owners",
    "Previous flags",
    "Fax",
    "Tel",
)
_INFO = re.compile(r"\((" + "|".join(re.escape(k) for k in _INFO_KEYS) + r")\)\s*:\s*")
#: ``Other Information`` label -> (schema it applies to, property); ``None``: a note.
_INFO_PROPS: dict[str, tuple[str, str]] = {
    "Gender": ("Person", "gender"),
    "Phone number": ("LegalEntity", "phone"),
    "Fax": ("LegalEntity", "phone"),
    "Tel": ("LegalEntity", "phone"),
    "Email address": ("LegalEntity", "email"),
    "Website": ("LegalEntity", "website"),
    "Type of entity": ("LegalEntity", "legalForm"),
    "Business Reg No": ("LegalEntity", "registrationNumber"),
    "IMO number": ("Vessel", "imoNumber"),
    "Flag of ship": ("Vessel", "flag"),
    "Previous flags": ("Vessel", "pastFlags"),
    "Type of ship": ("Vessel", "type"),
    "Tonnage of ship": ("Vessel", "tonnage"),
    "Year built": ("Vessel", "buildDate"),
}
_ALIAS_PROPS = {"primary name": "name", "fka": "previousName"}
_REFS = re.compile(r"\s+and\s+|\s*[,;]\s*")
_SPLIT_CONTACT = re.compile(r"[\s,;]+(?=\S+@)|\s+(?:and|or)\s+|[;,]\s*")


def sniff(head: bytes, name: str) -> bool:
    """Is the file an OFSI ConList: an ``.xlsx`` workbook, or CSV with ConList headers?

    The XLSX check relies on the name, as a zip archive's first bytes say nothing of its
    content; :func:`parse` checks the header row. The CSV check needs ``Name 6``, ``Group
    Type`` and ``Group ID`` headers, which the FCDO list does not have.
    """
    if head.startswith(b"PK\x03\x04"):
        return name.lower().endswith(".xlsx")
    return _CSV_HEAD.search(head[:4096]) is not None


def parse(path: Path) -> ListIssue:
    """Read one issue of the OFSI Consolidated List from its CSV or XLSX file.

    :raises InputNotFound: when the file does not exist.
    :raises ListFormatError: when it is not a readable ConList (no ``Group ID`` header, a
        broken or truncated workbook, a malformed CSV).
    :raises UnsafeInput: when an XLSX archive would inflate beyond :data:`MAX_UNZIPPED`.
    """
    path = Path(path)
    data, digest = read_bytes(path)
    rows = _xlsx_rows(path, data) if data.startswith(b"PK\x03\x04") else _csv_rows(path, data)
    issue = ListIssue(dataset=DATASET, issued=None, source=str(path), sha256=digest)
    columns: dict[str, int] = {}
    groups: dict[str, _Group] = {}
    count = 0
    for line, row in rows:
        if not columns:
            first = clean(row[0]) if row else None
            if first == "Last Updated" and len(row) > 1 and (day := dmy_date(row[1])):
                issue.issued = date.fromisoformat(day) if len(day) == 10 else None
            elif "Group ID" in row:
                columns = {c: i for i, c in enumerate(row) if c}
            continue
        if not any(row):
            continue
        record = {c: clean(row[i]) if i < len(row) else None for c, i in columns.items()}
        gid = _group_id(record.get("Group ID"))
        if gid is None or len(row) < len(columns) // 2:
            issue.warnings.append(
                f"{path.name}: row {line}: skipped a row without a Group ID or columns"
            )
            continue
        count += 1
        group = groups.get(gid)
        if group is None:
            group = groups[gid] = _Group(gid, record.get("Group Type"))
        elif (kind := record.get("Group Type")) and kind.lower() != group.kind:
            issue.warnings.append(f"{path.name}: row {line}: group {gid} is also a {kind}")
        group.add(record)
    if not columns:
        raise ListFormatError("not an OFSI ConList: no header row with 'Group ID'", path=str(path))
    for group in groups.values():
        # A group listed without a "Primary name" row is named by its first alias.
        if not group.target.has("name"):
            group.target.add("name", group.target.first("alias") or group.target.caption)
    issue.stats = {"rows": count, "groups": len(groups)}
    issue.entities = [e for g in groups.values() for e in (g.target, g.sanction)]
    return issue


def _group_id(value: str | None) -> str | None:
    if value is None:
        return None
    return value[:-2] if value.endswith(".0") and value[:-2].isdigit() else value


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_rows(path: Path, data: bytes) -> Iterator[tuple[int, list[str | None]]]:
    reader = csv.reader(io.StringIO(decode_text(data, path)), strict=True)
    try:
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as e:
        raise ListFormatError(
            f"malformed CSV at line {reader.line_num}: {e} (truncated file?)", path=str(path)
        ) from e


def _xlsx_rows(path: Path, data: bytes) -> Iterator[tuple[int, list[str | None]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    buffer = io.BytesIO(data)
    try:
        with zipfile.ZipFile(buffer) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise ListFormatError(f"broken or truncated XLSX archive: {e}", path=str(path)) from e
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_UNZIPPED or unzipped > _MAX_RATIO * max(len(data), 1):
        raise UnsafeInput(
            f"the workbook would inflate to {unzipped} bytes from {len(data)}; refused",
            path=str(path),
        )
    try:
        workbook = load_workbook(buffer, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [_cell(v) for v in row]
        finally:
            workbook.close()
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OSError,
    ) as e:
        raise ListFormatError(f"unreadable XLSX workbook: {e}", path=str(path)) from e


class _Group:
    """The rows of one Group ID, gathered into a target and its Sanction."""

    def __init__(self, gid: str, kind: str | None) -> None:
        self.kind = (kind or "entity").lower()
        self.target = model.make_entity(_SCHEMATA.get(self.kind, "Organization"))
        self.target.id = make_slug_id(ID_PREFIX, gid)
        self.target.add("topics", "sanction")
        self.sanction = new_sanction(self.target, authority=AUTHORITY, source_url=SOURCE_URL)
        self.sanction.add("authorityId", gid)
        self.seen: set[tuple[str, str]] = set()

    def add(self, record: dict[str, str | None]) -> None:
        target, sanction = self.target, self.sanction
        name = join_text((record.get(c) for c in _NAME_COLUMNS), sep=" ")
        alias_type = (record.get("Alias Type") or "").lower()
        prop = _ALIAS_PROPS.get(alias_type, "alias")
        if prop == "alias" and (record.get("Alias Quality") or "").lower().startswith("low"):
            prop = "weakAlias"
        add_text(target, prop, name)
        add_text(target, "alias", record.get("Name Non-Latin Script"))
        for column, value in record.items():
            if value is None or column in _NAME_COLUMNS or (column, value) in self.seen:
                continue
            self.seen.add((column, value))
            self._field(column, value, record)
        if self.kind == "individual" and (town := record.get("Town of Birth")):
            add_text(target, "birthPlace", join_text((town, record.get("Country of Birth"))))
        add_text(target, "address", join_text(record.get(c) for c in _ADDRESS_COLUMNS))
        add_text(sanction, "program", record.get("Regime"))

    def _field(self, column: str, value: str, record: dict[str, str | None]) -> None:
        target, sanction, person = self.target, self.sanction, self.kind == "individual"
        if column == "Listed On":
            add_text(sanction, "listingDate", dmy_date(value))
        elif column == "UK Sanctions List Date Designated":
            add_text(sanction, "startDate", dmy_date(value))
        elif column == "Last Updated":
            for proxy in (target, sanction):
                add_text(proxy, "modifiedAt", dmy_date(value))
        elif column == "Country":
            add_country(target, "country", value)
        elif column == "Other Information":
            self._info(value)
        elif not person:
            if column in ("Position", "Passport Details", "National Identification Details"):
                add_text(target, "notes", f"{column}: {value}")
        elif column == "Title":
            add_text(target, "title", split_numbered(value))
        elif column == "DOB":
            add_text(target, "birthDate", dmy_date(value))
        elif column == "Country of Birth":
            add_country(target, "birthCountry", value)
        elif column == "Nationality":
            for country in split_numbered(value):
                if add_country(target, "nationality", country) is None:
                    add_text(target, "notes", f"Nationality: {country}")
        elif column == "Passport Number":
            add_text(target, "passportNumber", split_numbered(value))
        elif column == "National Identification Number":
            add_text(target, "idNumber", split_numbered(value))
        elif column == "Position":
            add_text(target, "position", split_numbered(value))
        elif column in ("Passport Details", "National Identification Details"):
            add_text(target, "notes", f"{column}: {value}")

    def _info(self, text: str) -> None:
        """Read ``Other Information``: free text, then ``(Label):value`` facts."""
        parts = _INFO.split(text)
        add_text(self.target, "notes", parts[0].strip(" .") or None)
        for label, raw in zip(parts[1::2], parts[2::2], strict=True):
            value, rest = raw.strip(), ""
            if label != "UK Statement of Reasons":
                # A short value ends at its full stop; free text may follow it.
                value, _, rest = value.partition(". ")
            add_text(self.target, "notes", rest.strip(" .") or None)
            value = value.rstrip(".").strip()
            if not value:
                continue
            if label == "UK Sanctions List Ref":
                add_text(self.sanction, "recordId", _REFS.split(value))
            elif label == "UK Statement of Reasons":
                add_text(self.sanction, "reason", value)
            elif label == "UN Ref":
                add_text(self.sanction, "unscId", _REFS.split(value.removeprefix("UN Ref")))
            elif (spec := _INFO_PROPS.get(label)) and self.target.schema.is_a(spec[0]):
                self._info_value(label, spec[1], value)
            else:
                add_text(self.target, "notes", f"{label}: {value}")

    def _info_value(self, label: str, prop: str, value: str) -> None:
        values = split_numbered(value)
        if prop in ("email", "phone", "website", "pastFlags"):
            values = [v for part in values for v in _SPLIT_CONTACT.split(part)]
        if prop == "gender":
            values = [v.lower() for v in values]
        elif prop == "buildDate":
            values = re.findall(r"\b(?:1[89]|20)\d{2}\b", value)[:1]
        elif prop == "tonnage":
            values = [v.replace(",", "") for v in values]
        for item in values:
            if prop in ("flag", "pastFlags"):
                if add_country(self.target, prop, item) is None:
                    add_text(self.target, "notes", f"{label}: {item}")
            else:
                add_text(self.target, prop, item)
