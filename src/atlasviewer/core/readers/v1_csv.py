"""The full parse of one long-format CSV of a first-generation atlas into a checked table.

The files are ``;``-separated, one row per area x indicator (x year), with columns that differ
from atlas to atlas (../shared/README.md). The index has already scanned the file
(:mod:`.v1_scan`: header, labels, encoding, problems of the whole file); this module, run when a
result box of the file is first loaded, reads it into records of the columns it has,
converts the numbers, matches the areas and records every defect of a row as a
:class:`Problem` naming the file and the line: a line with the wrong number of fields, a number
that is not one, a row without a value, an area name the registry does not know.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from atlasviewer.core.problems import Problem, ProblemLog, Severity
from atlasviewer.core.readers.v1_scan import (
    COUNT_WORDS,
    POPULATION_WORDS,
    CsvScan,
    check_header,
    clean_label,
    csv_rows,
    read_text,
)
from atlasviewer.core.records import Records
from atlasviewer.core.registry import AreaRegistry, normalise_name
from atlasviewer.i18n import N_

LINE = "_line"
"""Column holding each row's line number in its file, for problem records."""

AREA_KEY = "area_key"
"""Column holding the area's key: the registry's bokmål name (the key maps are read with), the
national row's own name, or the name as written when the registry does not know it."""

NUMBER_COLUMNS = ("value", "numerator", "denominator", "lci", "uci", "ll", "ul")
"""Columns converted to numbers; only ``value`` is required to be one on every row."""

TEXT_COLUMNS = (
    "level1_name", "level2_name", "level3_name", "level1", "level2", "level3",
    "area_name", "atlas_name", "type", "numerator_name", "denominator_name", "period",
)  # fmt: skip
"""Label columns, cleaned of stray and non-breaking spaces (the English fodsel file has them)."""


@dataclass
class LongTable:
    """One CSV file, read and checked.

    Attributes:
        path: The file.
        frame: The rows (None when the file could not be used at all).
        encoding: The encoding the text was read with.
        problems: What is wrong with its rows, each naming its line (the problems of the
            file as a whole are the scan's; they are not repeated here).
    """

    path: Path
    frame: Records | None
    encoding: str = "utf-8"
    problems: list[Problem] = field(default_factory=list)


def parse_number(text: str) -> float | None:
    """A number written either way (``252.1`` or ``252,1``); None for an empty cell.

    Raises:
        ValueError: When the text is not a number.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned or cleaned.upper() in {"NA", "NAN", "."}:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    number = float(cleaned)
    if math.isinf(number):
        raise ValueError(text)
    return number


def read_long_csv(
    scan: CsvScan, registry: AreaRegistry, map_names: Collection[str] = ()
) -> LongTable:
    """Read and check every row of a file the index scanned; never raises on bad input.

    The file is read again with the encoding the scan found (a problem with the encoding, the
    header or the file as a whole is already on the scan, and is not recorded twice).
    """
    log = ProblemLog(str(scan.path))
    table = LongTable(scan.path, None, encoding=scan.encoding, problems=log.problems)
    text = read_text(scan.path, log, scan.encoding)
    if text is None:
        return table
    rows = csv_rows(text[0], ProblemLog(str(scan.path)))  # the scan has recorded its errors
    header = [name.strip() for name in next(rows, (0, []))[1]]
    if header != scan.header and not check_header(header, log):
        return table  # the file changed since the index was read

    records: list[list[str]] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            log.warning(
                f"line {line}",
                N_("The line has {found} fields where the header has {expected}."),
                found=len(row),
                expected=len(header),
            )
            row = (row + [""] * len(header))[: len(header)]
        records.append([*row, str(line)])
    if not records:
        log.error("", N_("The file has a header but no data rows."))
        return table

    columns = [*header, LINE]
    frame = Records((dict(zip(columns, row, strict=True)) for row in records), columns)
    frame[LINE] = [int(line) for line in frame[LINE]]
    for column in TEXT_COLUMNS:
        if column in frame:
            frame[column] = [clean_label(text) for text in frame[column]]
    for column in NUMBER_COLUMNS:
        if column in frame:
            frame[column] = _numbers(frame, column, log)
    frame[AREA_KEY] = _area_keys(frame, registry, log, {normalise_name(n) for n in map_names})
    _unswap_count_names(frame)
    table.frame = frame
    return table


def _unswap_count_names(frame: Records) -> None:
    """Put back numerator and denominator names a file gives the wrong way round.

    The English dagkir file names its population "numerator_name" and its count
    "denominator_name" (the numbers themselves are in the right columns). The scan has
    recorded it for the index (:func:`.v1_scan.scan_long_csv`).
    """
    if "numerator_name" not in frame or "denominator_name" not in frame:
        return
    for row in frame:
        numerator, denominator = row["numerator_name"], row["denominator_name"]
        if numerator.casefold() in POPULATION_WORDS and denominator.casefold() in COUNT_WORDS:
            row["numerator_name"], row["denominator_name"] = denominator, numerator


def _numbers(frame: Records, column: str, log: ProblemLog) -> list[float]:
    values: list[float] = []
    negative = False
    for text, line in zip(frame[column], frame[LINE], strict=True):
        try:
            number = parse_number(text)
        except ValueError:
            log.add(
                _severity(column),
                f"line {line}",
                N_("The {column} “{text}” is not a number; the row is shown without it."),
                column=column,
                text=text.strip(),
            )
            number = None
        if number is None and column == "value" and not text.strip():
            log.warning(f"line {line}", N_("The row has no value."))
        if number is not None and number < 0 and not negative:
            negative = True
            log.warning(
                f"line {line}",
                N_(
                    "“{column}” has a negative value ({value}); rates, shares and counts cannot "
                    "be negative."
                ),
                column=column,
                value=text.strip(),
            )
        values.append(math.nan if number is None else number)
    return values


def _severity(column: str) -> Severity:
    """Text where a number was expected is a warning: the row is shown, its value as missing.

    (The box is shown degraded, not lost: ``Severity.ERROR`` is kept for what cannot be shown.)
    """
    return Severity.WARNING


def _area_keys(
    frame: Records, registry: AreaRegistry, log: ProblemLog, on_map: Collection[str] = ()
) -> list[str]:
    """The area key of every row.

    A name neither the registry nor the map (``on_map``, folded) knows is a warning: its rows
    are not drawn on the map.
    """
    keys: list[str] = []
    reported: set[str] = set()
    for name, line in zip(frame["area_name"], frame[LINE], strict=True):
        match = registry.match(name) if name else None
        if match is not None and match.kind == "area":
            keys.append(registry.areas[match.id].names["nb"])
            continue
        if match is None and name not in reported and normalise_name(name) not in on_map:
            reported.add(name)
            if name:
                log.warning(
                    f"line {line}",
                    N_(
                        "The area name “{name}” is not a known referral area; its rows show in "
                        "tables and charts but not on the map."
                    ),
                    name=name,
                )
            else:
                log.error(f"line {line}", N_("The row has no area name."))
        keys.append(name)
    return keys
