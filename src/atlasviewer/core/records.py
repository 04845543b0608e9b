"""The rows of a result box's row set: dicts sharing one column order.

A row set holds tens to a few hundred rows (areas, years, age groups), read once and then only
looked up, filtered and listed. A plain list of dicts does that; pandas used to, and its import
alone cost ~0.3 s of opening the first result box and 18 MiB of the installer (issues #4, #7).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any


def is_missing(value: Any) -> bool:
    """True for an empty cell: None, or NaN (first-generation numbers that could not be read)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


class Records:
    """Rows as dicts with the columns in the order the file first names them.

    A row without a column reads as None in that column, as a JSON row that leaves a key out.

    Attributes:
        columns: The column names, in order.
        rows: The rows; a row may lack columns (read as None).
    """

    __slots__ = ("columns", "rows")

    def __init__(
        self, rows: Iterable[Mapping[str, Any]] = (), columns: Sequence[str] | None = None
    ) -> None:
        self.rows: list[dict[str, Any]] = [dict(row) for row in rows]
        if columns is None:
            columns = list(dict.fromkeys(key for row in self.rows for key in row))
        self.columns: list[str] = list(columns)

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> Records:
        """Rows from equally long columns (``{"area": [...], "value": [...]}``).

        Raises:
            ValueError: When the columns differ in length (a programming error, not bad input).
        """
        lengths = {len(values) for values in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        names = list(columns)
        rows = zip(*columns.values(), strict=True)
        return cls((dict(zip(names, values, strict=True)) for values in rows), names)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __contains__(self, column: object) -> bool:
        return column in self.columns

    def __getitem__(self, column: str) -> list[Any]:
        """The values of one column, row by row.

        Raises:
            KeyError: When there is no such column.
        """
        if column not in self.columns:
            raise KeyError(column)
        return [row.get(column) for row in self.rows]

    def __setitem__(self, column: str, values: Sequence[Any]) -> None:
        """Set (or add, as the last column) one column from a value per row."""
        if len(values) != len(self.rows):
            raise ValueError(f"{len(values)} values for {len(self.rows)} rows")
        for row, value in zip(self.rows, values, strict=True):
            row[column] = value
        if column not in self.columns:
            self.columns.append(column)

    def __repr__(self) -> str:
        return f"Records({len(self.rows)} rows, columns={self.columns})"

    def get(self, column: str, default: list[Any] | None = None) -> list[Any] | None:
        """The values of a column, or ``default`` when there is no such column."""
        return self[column] if column in self.columns else default

    def present(self, column: str) -> list[Any]:
        """The values of a column that are not empty (None or NaN); none for an absent column."""
        return [v for v in self.get(column, []) or [] if not is_missing(v)]

    def records(self) -> list[dict[str, Any]]:
        """Every row with every column, in column order (None where a row lacks one)."""
        return [{column: row.get(column) for column in self.columns} for row in self.rows]

    def where(self, keep: Callable[[dict[str, Any]], bool]) -> Records:
        """The rows ``keep`` accepts, as new records with the same columns (rows are copied)."""
        return Records((row for row in self.rows if keep(row)), self.columns)

    @property
    def empty(self) -> bool:
        """True when there are no rows."""
        return not self.rows
