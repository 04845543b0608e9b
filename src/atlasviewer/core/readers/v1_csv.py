"""Reading one long-format CSV of a first-generation atlas into a checked table.

The files are ``;``-separated, one row per area x indicator (x year), with columns that differ
from atlas to atlas (../shared/README.md). This module reads a file into a pandas frame of the
columns it has, converts the numbers, and records every defect as a :class:`Problem` naming the
file and the line: a missing required column, a number that is not one, an area name the
registry does not know, a file that is not UTF-8, an empty file.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from atlasviewer.core.problems import Problem, ProblemLog, Severity
from atlasviewer.core.registry import AreaRegistry
from atlasviewer.i18n import N_

if TYPE_CHECKING:
    import pandas as pd

LINE = "_line"
"""Column holding each row's line number in its file, for problem records."""

AREA_KEY = "area_key"
"""Column holding the area's key: the registry's bokmål name (the key maps are read with), the
national row's own name, or the name as written when the registry does not know it."""

INDICATOR_COLUMNS = ("level1_name", "level1")
"""A file needs one of these: they name the indicator (group) a row belongs to."""

REQUIRED_COLUMNS = ("area_name", "value")

NUMBER_COLUMNS = ("value", "numerator", "denominator", "lci", "uci", "ll", "ul")
"""Columns converted to numbers; only ``value`` is required to be one on every row."""

TEXT_COLUMNS = (
    "level1_name", "level2_name", "level3_name", "level1", "level2", "level3",
    "area_name", "atlas_name", "type", "numerator_name", "denominator_name", "period",
)  # fmt: skip
"""Label columns, cleaned of stray and non-breaking spaces (the English fodsel file has them)."""

FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass
class LongTable:
    """One CSV file, read and checked.

    Attributes:
        path: The file.
        frame: The rows (None when the file could not be used at all).
        encoding: The encoding the text was read with.
        problems: Everything wrong with the file, each naming a line where it can.
    """

    path: Path
    frame: pd.DataFrame | None
    encoding: str = "utf-8"
    problems: list[Problem] = field(default_factory=list)

    def first(self, column: str) -> str:
        """The first non-empty value of a label column, or ""."""
        if self.frame is None or column not in self.frame:
            return ""
        for value in self.frame[column]:
            if value:
                return str(value)
        return ""


def _decode(raw: bytes, log: ProblemLog) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            log.warning(
                f"line {line}",
                N_(
                    "The file is not UTF-8 text; it was read as {encoding}. Check that letters "
                    "such as æ, ø and å show correctly."
                ),
                encoding=encoding,
            )
            return text, encoding
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


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


def read_long_csv(path: Path, registry: AreaRegistry) -> LongTable:
    """Read and check one first-generation CSV file; never raises on bad input."""
    import pandas as pd

    log = ProblemLog(str(path))
    table = LongTable(path, None, problems=log.problems)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        log.error("", N_("The file cannot be read: {reason}."), reason=exc.strerror or exc)
        return table
    if not raw.strip():
        log.error("", N_("The file is empty."))
        return table
    text, table.encoding = _decode(raw, log)

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = [name.strip() for name in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if not any(c in header for c in INDICATOR_COLUMNS):
        missing.append(" or ".join(INDICATOR_COLUMNS))
    if missing:
        log.error(
            "line 1",
            N_("The file lacks the required column(s) {columns} (its columns are: {found})."),
            columns=", ".join(missing),
            found=", ".join(header) or "-",
        )
        return table

    records: list[list[str]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            log.warning(
                f"line {reader.line_num}",
                N_("The line has {found} fields where the header has {expected}."),
                found=len(row),
                expected=len(header),
            )
            row = (row + [""] * len(header))[: len(header)]
        records.append([*row, str(reader.line_num)])
    if not records:
        log.error("", N_("The file has a header but no data rows."))
        return table

    frame = pd.DataFrame(records, columns=[*header, LINE])
    frame[LINE] = frame[LINE].astype(int)
    for column in TEXT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].map(_clean_label)
    for column in NUMBER_COLUMNS:
        if column in frame:
            frame[column] = _numbers(frame, column, log)
    frame[AREA_KEY] = _area_keys(frame, registry, log)
    _unswap_count_names(frame, log)
    table.frame = frame
    return table


_POPULATION_WORDS = ("inhabitants", "innbyggere", "innbyggjarar", "population")
_COUNT_WORDS = ("number", "antall", "tal")


def _unswap_count_names(frame: pd.DataFrame, log: ProblemLog) -> None:
    """Put back numerator and denominator names a file gives the wrong way round.

    The English dagkir file names its population "numerator_name" and its count
    "denominator_name" (the numbers themselves are in the right columns).
    """
    if "numerator_name" not in frame or "denominator_name" not in frame:
        return
    numerator = frame["numerator_name"].str.casefold()
    denominator = frame["denominator_name"].str.casefold()
    swapped = numerator.isin(_POPULATION_WORDS) & denominator.isin(_COUNT_WORDS)
    if swapped.any():
        first = frame.loc[swapped, LINE].iloc[0]
        log.info(
            f"line {first}",
            N_("The numerator and denominator names are swapped ({count} rows); corrected."),
            count=int(swapped.sum()),
        )
        frame.loc[swapped, ["numerator_name", "denominator_name"]] = frame.loc[
            swapped, ["denominator_name", "numerator_name"]
        ].to_numpy()


def _clean_label(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split())


def _numbers(frame: pd.DataFrame, column: str, log: ProblemLog) -> list[float]:
    values: list[float] = []
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
        values.append(math.nan if number is None else number)
    return values


def _severity(column: str) -> Severity:
    """A bad ``value`` is an error (the figure lacks a bar); a bad count only costs an interval."""
    return Severity.ERROR if column == "value" else Severity.WARNING


def _area_keys(frame: pd.DataFrame, registry: AreaRegistry, log: ProblemLog) -> list[str]:
    keys: list[str] = []
    reported: set[str] = set()
    for name, line in zip(frame["area_name"], frame[LINE], strict=True):
        match = registry.match(name) if name else None
        if match is not None and match.kind == "area":
            keys.append(registry.areas[match.id].names["nb"])
            continue
        if match is None and name not in reported:
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
