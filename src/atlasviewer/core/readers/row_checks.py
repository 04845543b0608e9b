"""Checks of a second-generation row set's figures, for :mod:`.v2_result_data`.

A figure that would be silently wrong is a problem naming its row: a value that is not a number
(an error: shown as missing), NaN, Infinity or a number too large for a float (a warning: shown as
missing, where it used to vanish without a word), a negative rate, share or count (a warning,
once per column), and a row set with figures but no national row, or naming one it lacks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from atlasviewer.core.problems import ProblemLog
from atlasviewer.core.records import Records
from atlasviewer.i18n import N_


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_numbers(
    records: list[dict[str, Any]], wanted: Iterable[str], place: str, log: ProblemLog
) -> None:
    """Record bad values of the numeric columns ``wanted``; set each to None (missing)."""
    wanted = set(wanted)
    negative: dict[str, int] = {}
    for index, row in enumerate(records):
        for column in wanted.intersection(row):
            value = row[column]
            if value is not None and not is_number(value):
                # Shown degraded (the cell empty), so a warning (issue 17's severities).
                log.warning(
                    f"{place}.data[{index}].{column}",
                    N_("The value “{value}” is not a number; it is shown as missing."),
                    value=value,
                )
                row[column] = None
            elif value is not None and not math.isfinite(value):
                log.warning(
                    f"{place}.data[{index}].{column}",
                    N_(
                        "The value {value} is not a finite number (NaN, Infinity or too large); "
                        "it is shown as missing."
                    ),
                    value=value,
                )
                row[column] = None
            elif value is not None and value < 0:
                negative.setdefault(column, index)
    for column, index in negative.items():
        log.warning(
            f"{place}.data[{index}].{column}",
            N_(
                "“{column}” has a negative value ({value}); rates, shares and counts cannot be "
                "negative."
            ),
            column=column,
            value=records[index][column],
        )


def check_national(
    name: str,
    national: str | None,
    area_column: str | None,
    frame: Records,
    wanted: set[str],
    place: str,
    log: ProblemLog,
) -> None:
    """A warning when a row set with figures has no national row, or names one it lacks."""
    if (
        national is None
        and area_column is not None
        and any(is_number(row.get(c)) for row in frame for c in wanted)
    ):
        log.warning(
            f"{place}.data",
            N_("The rows of “{name}” have no national row; no national value is shown."),
            name=name,
        )
    elif national is not None and area_column is not None and national not in frame[area_column]:
        log.warning(
            f"{place}.national",
            N_("The national row “{name}” is not among the rows; no national value is shown."),
            name=national,
        )
