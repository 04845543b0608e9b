"""The index pass over one first-generation CSV: what the library needs, without pandas.

The viewer indexes every atlas before it paints its library, so this pass reads each file once
with the standard :mod:`csv` module and keeps only the labels that make chapters and result
boxes (with the lines each label combination sits on), the area names (for the language and
the fallback map), and the first ``atlas_name`` / ``period``. Numbers, area matching and
intervals wait for the full parse (:mod:`.v1_csv`), run when a result box is first loaded.

Problems found here are those of the file as a whole: unreadable, empty, not UTF-8, a missing
required column, no data rows, and the count names a file gives the wrong way round.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.safe_io import read_bytes
from atlasviewer.i18n import N_, Nn_

INDICATOR_COLUMNS = ("level1_name", "level1")
"""A file needs one of these: they name the indicator (group) a row belongs to."""

REQUIRED_COLUMNS = ("area_name", "value")

FIRST_VALUE_COLUMNS = ("atlas_name", "period")
"""Columns of which the index keeps the first non-empty value (titles and dates)."""

FALLBACK_ENCODINGS = ("cp1252", "latin-1")

POPULATION_WORDS = ("inhabitants", "innbyggere", "innbyggjarar", "population")
COUNT_WORDS = ("number", "antall", "tal")


def is_year(label: str) -> bool:
    """True for a label that is a year (a slice of a box, not an indicator)."""
    return len(label) == 4 and label.isdigit() and 1900 < int(label) < 2100


@dataclass
class CsvScan:
    """One CSV file as the index sees it.

    Attributes:
        path: The file.
        encoding: The encoding the text is read with (the full parse reuses it).
        header: The column names, stripped.
        label_columns: The columns whose values make chapters and boxes: ``level1_name`` (or
            ``level1``), then those of ``level2_name``, ``level2``, ``level3_name``, ``level3``
            the file has.
        groups: Each distinct combination of (cleaned) label values, in order of first appearance,
            with the file lines of its rows in file order.
        area_names: The distinct (cleaned) area names.
        first_values: The first non-empty value of ``atlas_name`` and ``period``.
        swapped_count_names: Whether the file's numerator and denominator names are the wrong
            way round (the full parse puts them back).
        problems: What is wrong with the file as a whole.
    """

    path: Path
    encoding: str = "utf-8"
    header: list[str] = field(default_factory=list)
    label_columns: list[str] = field(default_factory=list)
    groups: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    area_names: set[str] = field(default_factory=set)
    first_values: dict[str, str] = field(default_factory=dict)
    swapped_count_names: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """Whether the file has the required columns and at least one data row."""
        return bool(self.groups)

    def first(self, column: str) -> str:
        """The first non-empty value of ``atlas_name`` or ``period``, or ""."""
        return self.first_values.get(column, "")

    def values(self, column: str) -> list[str]:
        """The distinct values of one label column, in order of first appearance."""
        position = self.label_columns.index(column)
        return list(dict.fromkeys(key[position] for key in self.groups))


def clean_label(text: str) -> str:
    """A label without stray and non-breaking spaces (the English fodsel file has them)."""
    return " ".join(str(text).replace("\u00a0", " ").split())


def decode(raw: bytes, log: ProblemLog) -> tuple[str, str]:
    """The text of a file and its encoding: UTF-8, else cp1252 with a warning naming the line."""
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


def read_text(path: Path, log: ProblemLog, encoding: str | None = None) -> tuple[str, str] | None:
    """The file's text and encoding (``encoding`` when already known); None when unusable."""
    raw = read_bytes(path, "csv", log)
    if raw is None:
        return None
    if not raw.strip():
        log.error("", N_("The file is empty."))
        return None
    if b"\x00" in raw:
        if encoding is None:  # the scan reports it; the full parse reads the file again
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            log.error(
                f"line {line}",
                N_("The file holds NUL bytes (damaged, or not text); they were left out."),
            )
        raw = raw.replace(b"\x00", b"")
    if encoding is None:
        return decode(raw, log)
    return raw.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors="replace"), encoding


def csv_rows(text: str, log: ProblemLog) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of every row of a ``;``-separated text; a malformed row ends the file.

    The reader is strict, so an unterminated quote is an error at its line rather than the rest
    of the file read as one field; so is a field over :mod:`csv`'s limit (128 KB). The error names
    the line; the rows before it are kept.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    while True:
        start = reader.line_num + 1  # where the next row begins
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            log.error(
                f"line {start}",
                N_("The line cannot be read as CSV ({reason}); the rest of the file is skipped."),
                reason=str(exc),
            )
            return
        yield reader.line_num, row


def check_header(header: list[str], log: ProblemLog) -> bool:
    """Whether the header has the required columns; an error naming those it lacks if not."""
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
    return not missing


def scan_long_csv(path: Path) -> CsvScan:
    """Read one first-generation CSV as far as the index needs; never raises on bad input."""
    log = ProblemLog(str(path))
    scan = CsvScan(path, problems=log.problems)
    text = read_text(path, log)
    if text is None:
        return scan
    body, scan.encoding = text
    reader = csv_rows(body, log)
    header = scan.header = [name.strip() for name in next(reader, (0, []))[1]]
    if not check_header(header, log):
        return scan

    chapter = next(c for c in INDICATOR_COLUMNS if c in header)
    scan.label_columns = [chapter] + [
        name for n in (2, 3) for name in (f"level{n}_name", f"level{n}") if name in header
    ]
    # One dict step per row and key, with getters made once: the index reads every row of
    # every file before the library is painted (~7,000 rows for the bundled atlases).
    area_index = header.index("area_name")
    label_indexes = [header.index(c) for c in scan.label_columns]
    pick_labels = (
        itemgetter(*label_indexes)
        if len(label_indexes) > 1
        else lambda row, i=label_indexes[0]: (row[i],)
    )
    counts = [header.index(c) for c in ("numerator_name", "denominator_name") if c in header]
    pick_counts = itemgetter(*counts) if len(counts) == 2 else None
    pending = {c: header.index(c) for c in FIRST_VALUE_COLUMNS if c in header}
    width = len(header)
    groups: dict[tuple[str, ...], list[int]] = {}
    areas: set[str] = set()
    count_lines: dict[tuple[str, ...], list[int]] = {}
    for line, row in reader:
        if len(row) != width or not row[area_index].strip():
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            row = (row + [""] * width)[:width]  # the full parse reports the line
        areas.add(row[area_index])
        groups.setdefault(pick_labels(row), []).append(line)
        if pick_counts is not None:
            count_lines.setdefault(pick_counts(row), []).append(line)
        if pending:
            for column, index in list(pending.items()):
                if value := clean_label(row[index]):
                    scan.first_values[column] = value
                    del pending[column]
    if not groups:
        log.error("", N_("The file has a header but no data rows."))
        return scan

    # Labels are cleaned once per distinct combination, not per row; combinations that differ
    # only in spaces become one.
    for key, lines in groups.items():
        cleaned = tuple(map(clean_label, key))
        if cleaned in scan.groups:
            scan.groups[cleaned] = sorted(scan.groups[cleaned] + lines)
        else:
            scan.groups[cleaned] = lines
    scan.area_names = {clean_label(name) for name in areas}
    count_pairs = {pair: (lines[0], len(lines)) for pair, lines in count_lines.items()}
    _note_swapped_count_names(scan, count_pairs, log)
    return scan


def is_swapped(numerator_name: str, denominator_name: str) -> bool:
    """Whether a numerator name names a population and the denominator name a count."""
    return (
        clean_label(numerator_name).casefold() in POPULATION_WORDS
        and clean_label(denominator_name).casefold() in COUNT_WORDS
    )


def _note_swapped_count_names(
    scan: CsvScan, count_pairs: dict[tuple[str, ...], tuple[int, int]], log: ProblemLog
) -> None:
    """Record that the file names its counts the wrong way round (the English dagkir file)."""
    swapped = [(first, n) for pair, (first, n) in count_pairs.items() if is_swapped(*pair)]
    if swapped:
        scan.swapped_count_names = True
        log.info(
            f"line {min(first for first, _ in swapped)}",
            Nn_(
                "The numerator and denominator names are swapped ({count} row); corrected.",
                "The numerator and denominator names are swapped ({count} rows); corrected.",
            ),
            count=sum(n for _, n in swapped),
        )
