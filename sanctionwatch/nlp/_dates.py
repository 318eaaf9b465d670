"""Dates: the date an event is said to happen on, normalised to YYYY-MM-DD, YYYY-MM or YYYY.

Explicit dates are read as written; a month or weekday without a year, and relative words
("last month", "yesterday"), are placed relative to the document's publication date: the
nearest one not after it, or not before it for an expected event.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from sanctionwatch.nlp._syntax import span_text

__all__ = ["event_date", "find_dates", "normalise_date", "parse_published"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"),
    re.compile(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?"
    ),
    re.compile(
        r"(?P<rel>last|next|this|early|late|mid-?)?\s*" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?"
    ),
    re.compile(r"(?P<year>(?:19|20)\d{2})"),
]
_RELATIVE = re.compile(r"(?P<rel>last|next|this)\s+(?P<unit>year|month|week)")
_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_WEEKDAY = re.compile(r"(?:(?P<rel>last|next|this)\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")")


def parse_published(value: str | None) -> dt.date | None:
    """A document's ``published`` value as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


def _infer_year(month: int, day: int | None, ref: dt.date, future: bool) -> int:
    year = ref.year
    candidate = (month, day or 1)
    if future and candidate < (ref.month, ref.day if day else 1):
        return year + 1
    if not future and candidate > (ref.month, ref.day if day else 31):
        return year - 1
    return year


def _relative(text: str, ref: dt.date | None, future: bool) -> str | None:
    if ref is None:
        return None
    if text in _DAYS:
        return (ref + dt.timedelta(days=_DAYS[text])).isoformat()
    m = _RELATIVE.fullmatch(text)
    if m:
        step = {"last": -1, "next": 1, "this": 0}[m["rel"]]
        if m["unit"] == "year":
            return str(ref.year + step)
        if m["unit"] == "month":
            y, mo = _add_months(ref, step)
            return f"{y:04d}-{mo:02d}"
        return None
    m = _WEEKDAY.fullmatch(text)
    if m:
        delta = _WEEKDAYS[m["wd"]] - ref.weekday()
        if m["rel"] == "next" or (future and m["rel"] != "last"):
            delta = delta % 7 or 7
        else:
            delta = -((-delta) % 7)
        return (ref + dt.timedelta(days=delta)).isoformat()
    return None


def normalise_date(text: str, *, published: dt.date | None, future: bool = False) -> str | None:
    """Normalise a date phrase; None when it names no day, month or year we can place."""
    clean = " ".join(text.lower().replace("the ", "").split()).strip(" ,.")
    for prefix in ("on ", "in ", "since ", "by ", "until ", "from "):
        clean = clean.removeprefix(prefix)
    found = _relative(clean, published, future)
    if found:
        return found
    for pattern in _PATTERNS:
        m = pattern.fullmatch(clean)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("month") is None and groups.get("mnum") is None:
            return m["year"]
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"]]
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else None
        if year is None:
            if published is None:
                return None
            if groups.get("rel") in ("last", "next"):
                future = groups["rel"] == "next"
            year = _infer_year(month, day, published, future)
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


_MONTH_ANY = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_FIND = re.compile(
    r"\b(?:(?:on|in|since|by|until|from)\s+)?(?:"
    r"\d{4}-\d{2}-\d{2}"
    r"|(?:(?:early|late|mid-?)\s+)?"
    + _MONTH_ANY
    + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_ANY + r"(?:,?\s+(?:19|20)\d{2})?"
    r"|(?:last|next|this)\s+(?:year|month|week|" + "|".join(_WEEKDAYS) + r")"
    r"|(?:" + "|".join(_WEEKDAYS) + r")"
    r"|today|yesterday|tomorrow|tonight"
    r"|(?:19|20)\d{2}"
    r")\b",
    re.IGNORECASE,
)


if not Doc.has_extension("sw_dates"):
    Doc.set_extension("sw_dates", default=None)


def find_dates(sent: Span) -> list[Span]:
    """Date phrases in a sentence ("on Wednesday", "in late October", "4 February 2025").

    Found once per sentence of a Doc (its events share them); the list is not to be changed.
    """
    found: dict[tuple[int, int], list[Span]] | None = sent.doc._.sw_dates
    if found is None:
        found = sent.doc._.sw_dates = {}
    key = (sent.start, sent.end)
    if key not in found:
        found[key] = _find_dates(sent)
    return found[key]


def _find_dates(sent: Span) -> list[Span]:
    out = []
    base = sent.start_char
    for m in _FIND.finditer(span_text(sent.doc, sent.start, sent.end)):
        span = sent.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        if span is None:
            continue
        if span.text.lower() in ("may", "march") and not _calendar_context(span):
            continue
        out.append(span)
    return out


def _calendar_context(span: Span) -> bool:
    """Whether "May" or "March" is a month here, not the verb or noun."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return (
        before
        in ("in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "from")
        or after[:1].isdigit()
    )


def _belongs(date: Span, head: Token, pred: Token) -> bool:
    """Whether a date phrase is attached to the event's own clause, not to a reporting verb or
    another verb governing or beside it."""
    tok = date.root
    while True:
        if tok in (head, pred):
            return True
        if tok != date.root and tok.pos_ in ("VERB", "AUX") and tok not in (head, pred):
            return False
        if tok.head == tok:
            return False
        tok = tok.head


def event_date(
    head: Token, pred: Token, sent: Span, *, published: dt.date | None, future: bool
) -> str | None:
    """The date of the event triggered by ``head``: a date phrase attached to its own clause
    (a date on the verb that reports it, "Zelenskyy said Saturday", is not the event's)."""
    for span in find_dates(sent):
        if not _belongs(span, head, pred):
            continue
        value = normalise_date(span.text, published=published, future=future)
        if value:
            return value
    return None
