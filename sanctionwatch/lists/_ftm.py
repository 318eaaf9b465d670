"""Small helpers that every list reader shares for building FollowTheMoney entities.

They take the untidy text official lists contain (padding, line breaks inside values, empty
elements, dates with time-zone suffixes, country names instead of codes) and add only what
FollowTheMoney accepts, dropping the rest quietly instead of failing a whole list over one value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from followthemoney import registry
from followthemoney.proxy import EntityProxy
from normality import slugify

__all__ = [
    "add_country",
    "add_date",
    "add_text",
    "clean",
    "join_text",
    "make_slug_id",
    "month_year",
    "parse_date",
    "year_span",
]

#: Dates as lists write them: a year, a year-month or a full ISO date, maybe with a suffix
#: such as a time or a time-zone offset (``2015-04-07-04:00``, ``2026-02-27T00:00:09Z``).
_DATE_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d/])")
_MONTH_YEAR = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{4})\s*$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WHITESPACE = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»"


def clean(value: str | None, *, unquote: bool = False) -> str | None:
    """Collapse runs of whitespace and trim; ``None`` for empty values.

    :param unquote: also strip quotation marks wrapped around the whole value (``"KOMID"``).
    """
    if value is None:
        return None
    text = _WHITESPACE.sub(" ", value).strip()
    if unquote and len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text or None


def join_text(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    """Join the non-empty cleaned parts, dropping exact repeats; ``None`` if none is left."""
    kept: list[str] = []
    for part in parts:
        text = clean(part)
        if text is not None and text not in kept:
            kept.append(text)
    return sep.join(kept) or None


def make_slug_id(prefix: str, *parts: str | None) -> str | None:
    """A readable, deterministic entity id such as ``un-sc-kpi-066``.

    Returns ``None`` when any part slugifies to nothing, so callers can fall back to
    another key instead of minting a colliding id.
    """
    slugs: list[str] = []
    for part in parts:
        slug = slugify(part, sep="-")
        if not slug:
            return None
        slugs.append(slug)
    return "-".join([prefix, *slugs]) if slugs else None


def add_text(proxy: EntityProxy, prop: str, values: str | Iterable[str | None] | None) -> None:
    """Add cleaned text values; empty ones are skipped and invalid ones dropped quietly."""
    if values is None:
        return
    if isinstance(values, str):
        values = [values]
    for value in values:
        text = clean(value)
        if text is not None:
            proxy.add(prop, text, quiet=True)


def parse_date(value: str | None) -> str | None:
    """The ISO date prefix (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of a list date, if valid."""
    if value is None:
        return None
    match = _DATE_PREFIX.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(p for p in (year, month, day) if p)


def month_year(value: str | None) -> str | None:
    """Read ``Nov. 1973`` or ``August 1961`` as ``1973-11``; ``None`` for anything else."""
    if value is None:
        return None
    match = _MONTH_YEAR.match(value)
    if match is None:
        return None
    month = _MONTHS.get(match.group(1).lower())
    if month is None:
        return None
    return f"{match.group(2)}-{month:02d}"


def add_date(proxy: EntityProxy, prop: str, value: str | None) -> bool:
    """Add a list date to a date property; ``True`` if a value was added."""
    text = parse_date(value)
    if text is None:
        return False
    proxy.add(prop, text, quiet=True)
    return True


def year_span(start: str | None, end: str | None, *, max_years: int = 10) -> list[str]:
    """The years of a ``from``/``to`` range, as FtM dates cannot hold a range.

    Every year is given for ranges up to ``max_years`` long, only the two ends for longer
    ones; a missing end gives just the other; unreadable values give nothing.
    """
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None:
        return [y[:4] for y in (first, last) if y is not None]
    low, high = sorted((int(first[:4]), int(last[:4])))
    if high - low > max_years:
        return [str(low), str(high)]
    return [str(year) for year in range(low, high + 1)]


def add_country(proxy: EntityProxy, prop: str, value: str | None) -> str | None:
    """Add a country given by name or code; returns the code, ``None`` if not recognised."""
    text = clean(value)
    if text is None:
        return None
    code = registry.country.clean_text(text)
    if code is not None:
        proxy.add(prop, code, cleaned=True)
    return code
