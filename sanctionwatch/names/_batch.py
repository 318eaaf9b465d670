"""Screening and comparing many names from CSV files, reporting bad rows instead of stopping.

:func:`screen_csv` reads ``name[,type,dob,country,id]`` rows and writes one result row per match
(or one empty row for a name without a match) to a CSV written atomically; :func:`compare_csv`
reads ``name1,name2[,type]`` rows. A row that cannot be used (an empty or overlong name, an
unknown type, a malformed date or CSV line) is skipped and reported with its line number.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanctionwatch.exc import EmptyInput, EncodingError, InputError, InputNotFound
from sanctionwatch.names._engine import Comparison, Screener, compare

__all__ = ["RESULT_COLUMNS", "BatchReport", "Skipped", "compare_csv", "read_rows", "screen_csv"]

#: Columns of the results CSV written by :func:`screen_csv`.
RESULT_COLUMNS = (
    "line",
    "query",
    "type",
    "rank",
    "score",
    "dataset",
    "list_id",
    "entity_id",
    "schema",
    "matched_name",
    "caption",
    "programs",
    "explanation",
)
#: Largest CSV field read (a name is at most 1,000 characters; this leaves room for error).
_FIELD_LIMIT = 100_000


@dataclass(frozen=True)
class Skipped:
    """A row that was not used, and why."""

    line: int
    reason: str


@dataclass
class BatchReport:
    """What a batch run did."""

    rows: int = 0
    matched: int = 0
    matches: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def _open_text(path: Path) -> str:
    if not path.is_file():
        raise InputNotFound("no such file", path=str(path))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EncodingError(f"not UTF-8 text (byte {e.start})", path=str(path)) from e
    if not text.strip():
        raise EmptyInput("the file is empty", path=str(path))
    return text


def read_rows(
    path: Path, *, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str] | Skipped]]:
    """The rows of a CSV file with a header, as ``(line, row or Skipped)``.

    :raises InputError: the file is missing, not UTF-8, empty, or its header lacks a
        ``required`` column.
    """
    text = _open_text(path)
    csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        raise InputError(f"cannot read the header line: {e}", path=str(path)) from e
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            f"the header has no {', '.join(missing)} column (found: {', '.join(header)})",
            path=str(path),
        )
    wanted = {c: header.index(c) for c in (*required, *optional) if c in header}
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield reader.line_num, Skipped(reader.line_num, f"malformed CSV: {e}")
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            yield (
                reader.line_num,
                Skipped(reader.line_num, f"{len(values)} fields, the header has {len(header)}"),
            )
            continue
        values += [""] * (len(header) - len(values))
        yield reader.line_num, {c: values[i].strip() for c, i in wanted.items()}


def _write_atomic(path: Path, rows: Iterator[list[Any]], columns: tuple[str, ...]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(rows)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def screen_csv(
    screener: Screener,
    source: Path,
    target: Path,
    *,
    limit: int = 10,
    threshold: float | None = None,
    progress: Callable[[int], None] | None = None,
) -> BatchReport:
    """Screen every name of ``source`` and write the matches to ``target`` (atomically).

    :param source: CSV with a header: ``name`` and optionally ``type``, ``dob``, ``country``,
        ``id`` (several countries or ids separated by ``;``).
    :param progress: called with the number of rows read so far.
    """
    report = BatchReport()

    def results() -> Iterator[list[Any]]:
        for count, (line, row) in enumerate(
            read_rows(source, required=("name",), optional=("type", "dob", "country", "id")),
            start=1,
        ):
            if progress:
                progress(count)
            if isinstance(row, Skipped):
                report.skipped.append(row)
                continue
            try:
                matches = screener.screen(
                    row["name"],
                    schema=row.get("type") or None,
                    dob=row.get("dob") or None,
                    country=_split(row.get("country")),
                    identifiers=_split(row.get("id")),
                    limit=limit,
                    threshold=threshold,
                )
            except InputError as e:
                report.skipped.append(Skipped(line, e.message))
                continue
            report.rows += 1
            report.matched += bool(matches)
            report.matches += len(matches)
            base = [line, row["name"], row.get("type", "")]
            if not matches:
                yield [*base, "", "", "", "", "", "", "", "", "", ""]
            for rank, m in enumerate(matches, start=1):
                yield [
                    *base,
                    rank,
                    f"{m.score:.4f}",
                    m.dataset,
                    m.list_id,
                    m.entity_id,
                    m.schema,
                    m.name,
                    m.caption,
                    ";".join(m.programs),
                    m.explanation,
                ]

    _write_atomic(target, results(), RESULT_COLUMNS)
    return report


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def compare_csv(
    source: Path, *, screener: Screener | None = None
) -> Iterator[tuple[int, Comparison | Skipped, dict[str, str]]]:
    """Compare the ``name1,name2[,type]`` pairs of ``source``, as ``(line, result, row)``.

    :param screener: take part weights from its lists; without one every part weighs the same.
    """
    for line, row in read_rows(source, required=("name1", "name2"), optional=("type",)):
        if isinstance(row, Skipped):
            yield line, row, {}
            continue
        try:
            schema = row.get("type") or None
            if screener is None:
                result = compare(row["name1"], row["name2"], schema=schema)
            else:
                result = screener.compare(row["name1"], row["name2"], schema=schema)
        except InputError as e:
            yield line, Skipped(line, e.message), row
            continue
        yield line, result, row
