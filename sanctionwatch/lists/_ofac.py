"""What the three OFAC formats share: datasets, entry types, dates and the labelled facts.

OFAC writes the same facts under the same labels in all its formats: ``Passport``,
``National ID No.``, ``Vessel Registration Identification``, ``Secondary sanctions risk:`` are
remark prefixes in the CSV files, ``idType`` values in ``sdn.xml`` and ``IDRegDocType`` or
``FeatureType`` values in the advanced XML. :func:`labels` reads the table in
``sanctionwatch/data/ofac_labels.yaml`` that says what each label becomes in FollowTheMoney,
and :func:`apply_fact` applies one labelled value to a target entity or its Sanction record.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources

import yaml
from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch.exc import ConfigError
from sanctionwatch.lists._ftm import add_country, add_text, clean, year_span

__all__ = [
    "AUTHORITY",
    "SCHEMATA",
    "apply_fact",
    "apply_remarks",
    "dob_values",
    "label_pattern",
    "labels",
    "ofac_date",
    "split_programs",
]

AUTHORITY = "US Treasury Office of Foreign Assets Control (OFAC)"
#: OFAC entry type (lower case; CSV ``SDN_Type``, XML ``sdnType``) -> FollowTheMoney schema.
SCHEMATA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}

_LABELS_FILE = "ofac_labels.yaml"
#: Kinds whose labels are grouped by the FtM property they fill.
_PROP_KINDS = ("id", "text", "country", "date")
_PLAIN_KINDS = ("dob", "pob", "gender", "weak", "alias", "previous", "sanction")


@cache
def labels() -> dict[str, str]:
    """Label (lower case) -> how its value is applied, from ``data/ofac_labels.yaml``.

    Values are ``<kind>:<property>`` for identifiers, plain values, countries and dates, or
    a bare kind (``dob``, ``pob``, ``gender``, ``weak``, ``alias``, ``previous``,
    ``sanction``). Labels not in the table become notes.

    :raises ConfigError: when the table is not valid YAML of that shape.
    """
    where = f"sanctionwatch/data/{_LABELS_FILE}"
    try:
        text = (resources.files("sanctionwatch") / "data" / _LABELS_FILE).read_text("utf-8")
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read the OFAC label table: {e}", path=where) from e
    if not isinstance(raw, dict) or set(raw) - {*_PROP_KINDS, *_PLAIN_KINDS}:
        raise ConfigError(f"must map {_PROP_KINDS + _PLAIN_KINDS} to labels", path=where)
    table: dict[str, str] = {}
    known = {p for schema in model.schemata.values() for p in schema.properties}
    for kind, value in raw.items():
        groups = value if kind in _PROP_KINDS else {"": value}
        if not isinstance(groups, dict):
            raise ConfigError(f"{kind}: must map FtM properties to labels", path=where)
        for prop, names in groups.items():
            if prop and prop not in known:
                raise ConfigError(f"{kind}: {prop!r} is not a FtM property", path=where)
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ConfigError(f"{kind}: {prop or kind} needs a list of labels", path=where)
            table.update({n.lower(): f"{kind}:{prop}" if prop else kind for n in names})
    return table


@cache
def label_pattern() -> re.Pattern[str]:
    """A remark part that starts with a known label (after an optional ``alt.``)."""
    alternatives = "|".join(re.escape(k) for k in sorted(labels(), key=len, reverse=True))
    return re.compile(r"^(?:alt\.\s+)?(" + alternatives + r")(?![\w'])\s*[:#-]?\s*", re.IGNORECASE)


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DATE = re.compile(r"^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$")
_RANGE = re.compile(r"\s+(?:to|-)\s+|(?<=\d{4})-(?=\d{4})")
_DOC_TAIL = re.compile(
    r"^(?P<number>.*?)\s*(?:\((?P<country>[^()]*)\))?\s*"
    r"(?:issued\s+(?P<issued>[\w -]+?))?\s*(?:expires\s+(?P<expires>[\w -]+?))?\s*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^'(.*)'$")
_ID_FALLBACK = ("registrationNumber", "idNumber")
_REMARK_SPLIT = re.compile(r";\s+|;$")


def ofac_date(value: str | None) -> str | None:
    """``08 Jan 1984``, ``Jan 1984``, ``1984`` (and ISO dates) as ISO; ``None`` otherwise."""
    text = clean(value)
    if text is None:
        return None
    text = re.sub(r"^(?:circa|approximately|approx\.)\s+", "", text, flags=re.IGNORECASE)
    match = _DATE.match(text)
    if match is None:
        iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
        return "-".join(iso.groups()) if iso else None
    day, month, year = match.groups()
    if month is None:
        return year if day is None else None
    month_num = _MONTHS.get(month.lower())
    if month_num is None:
        return None
    if day is None:
        return f"{year}-{month_num:02d}"
    try:
        return date(int(year), month_num, int(day)).isoformat()
    except ValueError:
        return None


def dob_values(value: str | None) -> list[str]:
    """Dates of birth in an OFAC value: one date, ``circa`` a date, or a range ``X to Y``.

    A range of whole years (``1962 to 1963``, ``01 Jan 1962 to 31 Dec 1963``) gives each year;
    other ranges give both ends.
    """
    text = clean(value)
    if text is None:
        return []
    parts = _RANGE.split(re.sub(r"^(?:circa|between)\s+", "", text, flags=re.IGNORECASE))
    dates = [d for p in parts if (d := ofac_date(p.replace(" and ", " "))) is not None]
    if len(dates) == 2 and dates[0] != dates[1]:
        start, end = dates
        whole = (len(start) == 4 or start.endswith("-01-01")) and (
            len(end) == 4 or end.endswith("-12-31")
        )
        return year_span(start, end) if whole else dates
    return dates[:1]


def split_programs(value: str | None) -> list[str]:
    """``IRAN] [NPWMD] [IFSR`` (CSV) or ``[SDGT]`` as ``["IRAN", "NPWMD", "IFSR"]``."""
    text = clean(value)
    if text is None or text == "-0-":
        return []
    return [p for part in text.split("] [") if (p := clean(part.strip("[] ")))]


def apply_fact(
    target: EntityProxy,
    sanction: EntityProxy,
    label: str,
    value: str | None,
    *,
    country: str | None = None,
) -> None:
    """Apply one labelled value (a remark part, an ``idType``, a feature) to the entities.

    Unknown labels and values that fit no property of the target's schema become notes.
    """
    text = clean(value)
    name = clean(label.strip().rstrip(":-").strip()) or ""
    if text is None:
        return
    spec = labels().get(name.lower(), "note")
    kind, _, prop = spec.partition(":")
    if kind == "id":
        _apply_id(target, name, prop, text, country)
    elif kind == "text" and prop in target.schema.properties:
        value = text.replace(",", "") if prop.endswith("onnage") else text
        if not _added(target, prop, value):
            add_text(target, "notes", f"{name}: {text}")
    elif kind == "country" and prop in target.schema.properties:
        if add_country(target, prop, text) is None:
            add_text(target, "notes", f"{name}: {text}")
    elif kind == "date" and prop in target.schema.properties:
        day = ofac_date(text)
        add_text(target, prop if day else "notes", day or f"{name}: {text}")
    elif kind == "dob" and target.schema.is_a("Person"):
        add_text(target, "birthDate", dob_values(text))
    elif kind == "pob" and target.schema.is_a("Person"):
        add_text(target, "birthPlace", text)
        parts = [p.strip() for p in text.split(",")]
        # The country ends the place, and may itself hold a comma ("Korea, North").
        for count in (2, 1):
            if add_country(target, "birthCountry", ", ".join(parts[-count:])):
                break
    elif kind == "gender" and target.schema.is_a("Person"):
        add_text(target, "gender", text.lower())
    elif kind in ("weak", "alias", "previous"):
        quoted = _QUOTED.match(text)
        prop = {"weak": "weakAlias", "alias": "alias", "previous": "previousName"}[kind]
        add_text(target, prop, quoted.group(1) if quoted else text)
    elif kind == "sanction":
        add_text(sanction, "summary", f"{name}: {text}")
    else:
        add_text(target, "notes", f"{name}: {text}" if name else text)


def _added(proxy: EntityProxy, prop: str, value: str) -> bool:
    """Add a value; ``False`` when the property's type refused it."""
    before = len(proxy.get(prop, quiet=True))
    add_text(proxy, prop, value)
    return len(proxy.get(prop, quiet=True)) > before or value in proxy.get(prop, quiet=True)


def _apply_id(target: EntityProxy, label: str, prop: str, text: str, country: str | None) -> None:
    match = _DOC_TAIL.match(text)
    number, details = text, []
    if match is not None and match.group("number"):
        number = match.group("number")
        country = country or match.group("country")
        for key in ("issued", "expires"):
            if (day := match.group(key)) is not None:
                details.append(f"{key} {ofac_date(day) or day}")
    if prop == "imoNumber":
        number = number.upper().replace("IMO", "").strip()
        number = f"IMO{number}"
    if prop not in target.schema.properties:
        prop = next((p for p in _ID_FALLBACK if p in target.schema.properties), "notes")
    if prop == "notes":
        add_text(target, "notes", f"{label}: {text}")
        return
    add_text(target, prop, number)
    if country:
        details.insert(0, country)
    if details or (prop in ("idNumber", "registrationNumber", "taxNumber") and label):
        add_text(target, "notes", "; ".join([f"{label} {number}", *details]))


def apply_remarks(target: EntityProxy, sanction: EntityProxy, remarks: str | None) -> None:
    """Read a Remarks text: ``;``-separated labelled facts, ending with a full stop.

    Parts without a known label become notes, unless they repeat the target's position.
    """
    text = clean(remarks)
    if text is None:
        return
    positions = set(target.get("position", quiet=True))
    for part in _REMARK_SPLIT.split(text):
        fact = clean(part.rstrip("."))
        if fact is None or fact in positions:
            continue
        match = label_pattern().match(fact)
        if match is None:
            add_text(target, "notes", fact)
            continue
        apply_fact(target, sanction, match.group(1), fact[match.end() :])
